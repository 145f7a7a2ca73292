"""1EdTech CASE 1.1 package export: document, typed items, isChildOf tree, levels as rubric levels."""

import uuid

import pytest

from frameworks.interchange.case import framework_to_case
from frameworks.interchange.selectors import framework_for_export

from ..factories import make_framework

pytestmark = pytest.mark.django_db


def absolute(path: str) -> str:
    return f"https://competentie.example.nl{path}"


def package_for(framework, user) -> dict:
    return framework_to_case(framework_for_export(user=user, pk=framework.pk), absolute=absolute)


def test_package_has_document_items_associations_and_definitions(users, org_a):
    framework = make_framework(org_a, name="CASE-test", competencies=3, indicators=2)
    package = package_for(framework, users["hr"])
    assert set(package) >= {"CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics"}
    document = package["CFDocument"]
    assert document["title"] == "CASE-test" and document["creator"] == "Gemeente Aadorp"
    assert document["uri"].startswith("https://competentie.example.nl/ims/case/v1p1/CFDocuments/")
    for key in ("identifier", "uri", "lastChangeDateTime"):
        assert document[key]
    types = [item["CFItemType"] for item in package["CFItems"]]
    assert types.count("Competentie") == 3 and types.count("Gedragsindicator") == 6 and types.count("Cluster") == 1
    assert types.count("Beheersingsniveau") == 3
    assert {t["title"] for t in package["CFDefinitions"]["CFItemTypes"]} == {
        "Beheersingsniveau",
        "Cluster",
        "Competentie",
        "Gedragsindicator",
    }
    for item in package["CFItems"]:
        uuid.UUID(item["identifier"])
        assert item["fullStatement"] and "CFDocumentURI" not in item


def test_every_item_is_child_of_its_parent(users, org_a):
    framework = make_framework(org_a, competencies=3, indicators=2)
    package = package_for(framework, users["hr"])
    items = {item["identifier"]: item for item in package["CFItems"]}
    parents = {
        a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"]
        for a in package["CFAssociations"]
        if a["associationType"] == "isChildOf"
    }
    assert set(parents) == set(items)
    for identifier, item in items.items():
        parent = parents[identifier]
        if item["CFItemType"] == "Gedragsindicator":
            assert items[parent]["CFItemType"] == "Competentie"
        elif item["CFItemType"] == "Competentie":
            assert parent == package["CFDocument"]["identifier"] or items[parent]["CFItemType"] == "Cluster"
        else:
            assert parent == package["CFDocument"]["identifier"]


def test_levels_are_items_and_rubric_levels_and_every_skill_level_resolves_in_the_package(users, org_a):
    framework = make_framework(org_a, competencies=2, indicators=3)
    package = package_for(framework, users["hr"])
    (rubric,) = package["CFRubrics"]
    assert len(rubric["CFRubricCriteria"]) == 2
    levels = rubric["CFRubricCriteria"][0]["CFRubricCriterionLevels"]
    assert [level["quality"] for level in levels] == ["beginner", "gevorderd", "expert"]
    assert levels[0]["description"] == "Toont gedrag 0"
    skill_levels = [a for a in package["CFAssociations"] if a["associationType"] == "hasSkillLevel"]
    assert len(skill_levels) == 6
    level_items = {i["identifier"] for i in package["CFItems"] if i["CFItemType"] == "Beheersingsniveau"}
    assert {a["destinationNodeURI"]["identifier"] for a in skill_levels} <= level_items


def test_identifiers_are_stable_between_exports(users, org_a):
    framework = make_framework(org_a, competencies=2)
    first, second = package_for(framework, users["hr"]), package_for(framework, users["hr"])
    assert [i["identifier"] for i in first["CFItems"]] == [i["identifier"] for i in second["CFItems"]]
    identifiers = [i["identifier"] for i in first["CFItems"]] + [a["identifier"] for a in first["CFAssociations"]]
    assert len(identifiers) == len(set(identifiers))
