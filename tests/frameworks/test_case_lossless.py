"""Real CASE packages written by other tools (tests/frameworks/data/third_party, see SOURCES.md) round-trip
without loss: every statement, code, parent edge and association with its identifier (issue 29)."""

import json
from pathlib import Path

import pytest

from frameworks.interchange.case import framework_to_case
from frameworks.interchange.case_import import case_identifier, framework_import_case
from frameworks.interchange.selectors import framework_for_export

from .test_case_standard import schema_errors

pytestmark = pytest.mark.django_db

THIRD_PARTY = Path(__file__).parent / "data" / "third_party"


def absolute(path: str) -> str:
    return f"https://competentie.example.nl{path}"


@pytest.mark.parametrize("name", ["opensalt-SequenceNumberFramework.json"])
def test_a_third_party_package_round_trips_with_nothing_lost(name, users, org_a):
    raw = (THIRD_PARTY / name).read_bytes()
    source = json.loads(raw)
    framework = framework_import_case(raw=raw, organisation=org_a, user=users["hr"], filename=name)
    package = framework_to_case(framework_for_export(user=users["hr"], pk=framework.pk), absolute=absolute)

    # CASE 1.0 identifiers that 1.1 refuses are replaced by one derived from them, the rest kept
    assert package["CFDocument"]["identifier"] == case_identifier(source["CFDocument"]["identifier"])
    assert package["CFDocument"]["title"] == source["CFDocument"]["title"]
    exported = {item["identifier"]: item for item in package["CFItems"]}
    for item in source["CFItems"]:
        again = exported[case_identifier(item["identifier"])]
        for key in ("fullStatement", "humanCodingScheme", "notes", "CFItemType", "educationLevel", "language"):
            if key in item:  # what the source says comes back unchanged (we may add our defaults)
                assert again[key] == item[key], (item["identifier"], key)
    exported = {a["identifier"]: a for a in package["CFAssociations"]}
    for association in source["CFAssociations"]:
        again = exported[case_identifier(association["identifier"])]
        assert again["associationType"] == association["associationType"]
        for end in ("originNodeURI", "destinationNodeURI"):
            assert again[end]["identifier"] == case_identifier(association[end]["identifier"])
        assert again.get("sequenceNumber") == association.get("sequenceNumber")
    assert schema_errors(package) == []


def test_siblings_follow_the_sequence_number_then_the_code(users, org_a):
    raw = (THIRD_PARTY / "opensalt-SequenceNumberFramework.json").read_bytes()
    framework = framework_import_case(raw=raw, organisation=org_a, user=users["hr"])
    names = [c.name for c in framework.competencies.order_by("order")]
    assert names == ["Second added item, but should be first", "First Added Item"]


def test_codes_sort_naturally_when_nothing_else_orders_them(users, org_a):
    document = "d1000000-0000-4000-8000-000000000000"
    codes = ["1.10", "1.2", "1.1"]
    items = [
        {
            "identifier": f"00000000-0000-4000-8000-00000000000{n}",
            "uri": f"https://x.example/{n}",
            "fullStatement": f"Standaard {code}",
            "humanCodingScheme": code,
            "lastChangeDateTime": "2020-01-01T00:00:00Z",
        }
        for n, code in enumerate(codes)
    ]
    associations = [
        {
            "identifier": f"a0000000-0000-4000-8000-00000000000{n}",
            "uri": f"https://x.example/a{n}",
            "associationType": "isChildOf",
            "originNodeURI": {"title": "i", "identifier": item["identifier"], "uri": item["uri"]},
            "destinationNodeURI": {"title": "d", "identifier": document, "uri": "https://x.example/d"},
            "lastChangeDateTime": "2020-01-01T00:00:00Z",
        }
        for n, item in enumerate(items)
    ]
    related = {
        "identifier": "a0000000-0000-4000-8000-0000000000ff",
        "uri": "https://x.example/related",
        "associationType": "exactMatchOf",
        "originNodeURI": {"title": "i", "identifier": items[0]["identifier"], "uri": items[0]["uri"]},
        "destinationNodeURI": {
            "title": "ESCO",
            "identifier": "http://data.europa.eu/esco/skill/x",
            "uri": "http://data.europa.eu/esco/skill/x",
        },
        "lastChangeDateTime": "2020-01-01T00:00:00Z",
    }
    package = {
        "CFDocument": {
            "identifier": document,
            "uri": "https://x.example/d",
            "creator": "x",
            "title": "Codes",
            "lastChangeDateTime": "2020-01-01T00:00:00Z",
        },
        "CFItems": items,
        "CFAssociations": [*associations, related],
    }
    framework = framework_import_case(raw=json.dumps(package).encode(), organisation=org_a, user=users["hr"])
    assert [c.name for c in framework.competencies.order_by("order")] == [
        "Standaard 1.1",
        "Standaard 1.2",
        "Standaard 1.10",
    ]
    again = framework_to_case(framework_for_export(user=users["hr"], pk=framework.pk), absolute=absolute)
    assert related in again["CFAssociations"]
    assert {a["identifier"] for a in associations} <= {a["identifier"] for a in again["CFAssociations"]}


def test_shared_vocabulary_links_travel_in_json_and_case(users, org_a):
    from frameworks.interchange.native import framework_to_dict
    from frameworks.interchange.native_import import framework_import_document

    from ..factories import make_framework

    framework = make_framework(org_a, name="Met ESCO")
    competency = framework.competencies.order_by("order").first()
    competency.esco_uri = "http://data.europa.eu/esco/skill/abc"
    competency.competentnl_uri = "https://competentnl.nl/vaardigheid/123"
    competency.save()
    profile = framework.profiles.filter(parent=None).first()
    profile.hr21_family, profile.hr21_name, profile.hr21_code = "Beleid", "Beleidsmedewerker", "BEL.1"
    profile.save()

    package = framework_to_case(framework_for_export(user=users["hr"], pk=framework.pk), absolute=absolute)
    matches = {
        a["destinationNodeURI"]["uri"]
        for a in package["CFAssociations"]
        if a["associationType"] == "exactMatchOf" and a["originNodeURI"]["identifier"] == str(competency.uuid)
    }
    assert matches == {competency.esco_uri, competency.competentnl_uri}
    assert schema_errors(package) == []
    assert package == framework_to_case(framework_for_export(user=users["hr"], pk=framework.pk), absolute=absolute)

    native = framework_to_dict(framework_for_export(user=users["hr"], pk=framework.pk))
    copy = framework_import_document(document=native, organisation=org_a)
    again = copy.competencies.get(name=competency.name)
    assert (again.esco_uri, again.competentnl_uri) == (competency.esco_uri, competency.competentnl_uri)
    assert copy.profiles.get(name=profile.name).hr21_code == "BEL.1"
