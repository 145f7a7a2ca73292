"""CFRubrics back in: criteria are competencies, criterion levels proficiency levels, their
descriptions the indicators at that level. The output validates against the CASE 1.1 schema."""

import copy
import json

import pytest

from frameworks.interchange.case_import import framework_import_case

from ..factories import make_framework
from .test_case_standard import schema_errors
from .test_interchange_case import package_for

pytestmark = pytest.mark.django_db


def shape(framework) -> list:
    return sorted(
        (c.name, sorted((i.text, i.level.name if i.level else None) for i in c.indicators.all()))
        for c in framework.competencies.all()
    )


def rubric_content(package: dict) -> list:
    """What a rubric says, without identifiers, addresses and times (those differ per framework)."""
    return [
        (
            criterion["category"],
            criterion["description"],
            criterion["position"],
            [
                (level["quality"], level["description"], level["position"])
                for level in criterion["CFRubricCriterionLevels"]
            ],
        )
        for rubric in package["CFRubrics"]
        for criterion in rubric["CFRubricCriteria"]
    ]


def rubric_only(package: dict) -> dict:
    """The package as a tool that knows only rubrics writes it: no level or indicator items, no extension."""
    other = copy.deepcopy(package)
    other.pop("extensions", None)
    dropped = {
        i["identifier"] for i in other["CFItems"] if i["CFItemType"] in ("Beheersingsniveau", "Gedragsindicator")
    }
    other["CFItems"] = [i for i in other["CFItems"] if i["identifier"] not in dropped]
    other["CFAssociations"] = [
        a
        for a in other["CFAssociations"]
        if a["originNodeURI"]["identifier"] not in dropped and a["destinationNodeURI"]["identifier"] not in dropped
    ]
    return other


def test_a_rubric_only_package_gives_back_levels_and_the_indicators_per_level(users, org_a):
    original = make_framework(org_a, name="Rubriek", competencies=3, indicators=3)
    package = package_for(original, users["hr"])
    other = rubric_only(package)
    assert schema_errors(other) == []
    assert not [i for i in other["CFItems"] if "Toont gedrag" in i["fullStatement"]]
    imported = framework_import_case(raw=json.dumps(other).encode(), organisation=org_a)
    assert [level.name for level in imported.levels.all()] == ["beginner", "gevorderd", "expert"]
    assert shape(imported) == shape(original)
    again = package_for(imported, users["hr"])
    assert schema_errors(again) == []
    assert rubric_content(again) == rubric_content(package)


def test_our_own_package_round_trips_its_rubric_without_doubling_indicators(users, org_a):
    original = make_framework(org_a, competencies=2, indicators=3)
    package = package_for(original, users["hr"])
    imported = framework_import_case(raw=json.dumps(package).encode(), organisation=org_a)
    assert shape(imported) == shape(original)
    again = package_for(imported, users["hr"])
    assert schema_errors(again) == []
    assert rubric_content(again) == rubric_content(package)


def test_a_rubric_of_another_tool_adds_its_levels_in_position_order(users, org_a):
    package = package_for(make_framework(org_a, competencies=1, indicators=0), users["hr"])
    other = rubric_only(package)
    competency = next(i for i in other["CFItems"] if i["CFItemType"] == "Competentie")
    criterion = {
        "identifier": "0c6f8f0e-1b5e-4c55-9d1e-6f3f2b1a0001",
        "uri": "https://x.example/c",
        "category": "Samenwerken",
        "CFItemURI": {"title": "c", "identifier": competency["identifier"], "uri": competency["uri"]},
        "position": 1,
        "lastChangeDateTime": "2026-01-01T00:00:00+00:00",
        "CFRubricCriterionLevels": [
            {
                "identifier": f"0c6f8f0e-1b5e-4c55-9d1e-6f3f2b1a010{n}",
                "uri": f"https://x.example/l{n}",
                "quality": quality,
                "description": text,
                "position": n,
                "lastChangeDateTime": "2026-01-01T00:00:00+00:00",
            }
            for n, quality, text in [(2, "Op niveau", "Vraagt hulp.\nDeelt kennis."), (1, "Start", "Luistert.")]
        ],
    }
    other["CFRubrics"] = [
        {
            "identifier": "0c6f8f0e-1b5e-4c55-9d1e-6f3f2b1a0000",
            "uri": "https://x.example/r",
            "title": "Rubriek",
            "lastChangeDateTime": "2026-01-01T00:00:00+00:00",
            "CFRubricCriteria": [criterion],
        }
    ]
    assert schema_errors(other) == []
    imported = framework_import_case(raw=json.dumps(other).encode(), organisation=org_a)
    assert [level.name for level in imported.levels.all()] == ["Start", "Op niveau"]
    (competency,) = imported.competencies.all()
    assert sorted((i.text, i.level.name) for i in competency.indicators.all()) == [
        ("Deelt kennis.", "Op niveau"),
        ("Luistert.", "Start"),
        ("Vraagt hulp.", "Op niveau"),
    ]
    assert schema_errors(package_for(imported, users["hr"])) == []
