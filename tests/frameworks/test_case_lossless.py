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


def _number(value):
    """CASE 1.0 tools wrote sequenceNumber as text ("1"); 1.1 wants the number, the same one."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _edges(package: dict, kind: str, identify=lambda value: value) -> set:
    return {
        (
            identify(a["originNodeURI"]["identifier"]),
            identify(a["destinationNodeURI"]["identifier"]),
            _number(a.get("sequenceNumber")),
        )
        for a in package["CFAssociations"]
        if a["associationType"] == kind
    }


def _depth(package: dict) -> int:
    parent = {}
    for a in package["CFAssociations"]:
        if a["associationType"] == "isChildOf":
            parent.setdefault(a["originNodeURI"]["identifier"], a["destinationNodeURI"]["identifier"])
    deepest = 0
    for item in package["CFItems"]:
        current, n = item["identifier"], 0
        while current in parent:
            current, n = parent[current], n + 1
        deepest = max(deepest, n)
    return deepest


@pytest.mark.parametrize(
    ("name", "depth"), [("opensalt-Ordering.json", 5), ("opensalt-sample-framework-20c5134f.json", 3)]
)
def test_a_deep_third_party_tree_keeps_its_shape_and_every_edge(name, depth, users, org_a):
    """Items with grandchildren become nested clusters; every edge of every type comes back as it was."""
    raw = (THIRD_PARTY / name).read_bytes()
    source = json.loads(raw)
    assert _depth(source) == depth
    framework = framework_import_case(raw=raw, organisation=org_a, user=users["hr"], filename=name)
    package = framework_to_case(framework_for_export(user=users["hr"], pk=framework.pk), absolute=absolute)

    assert _depth(package) == depth
    # every item once, with its statement, code, notes, type and education level
    assert len(package["CFItems"]) == len(source["CFItems"])
    exported = {item["identifier"]: item for item in package["CFItems"]}
    for item in source["CFItems"]:
        again = exported[case_identifier(item["identifier"])]
        for key in ("fullStatement", "abbreviatedStatement", "humanCodingScheme", "notes", "CFItemType", "language"):
            if key in item:
                assert again[key] == item[key], (item["humanCodingScheme"], key)
        if "educationalLevel" in item:  # CASE 1.0's name; 1.1 calls it educationLevel and makes it a list
            assert again["educationLevel"] == [item["educationalLevel"]]
    # every association of every type: same ends, same sequenceNumber, same identifier, nothing added
    for kind in {a["associationType"] for a in source["CFAssociations"] + package["CFAssociations"]}:
        assert _edges(package, kind) == _edges(source, kind, case_identifier), kind
    assert {a["identifier"] for a in package["CFAssociations"]} == {
        case_identifier(a["identifier"]) for a in source["CFAssociations"]
    }
    assert schema_errors(package) == []

    # in the model: clusters under clusters, the competencies under the deepest ones
    clusters = {c.pk: c for c in framework.clusters.all()}
    depth_of = {}
    for cluster in clusters.values():
        n, up = 1, cluster.parent_id
        while up is not None:
            n, up = n + 1, clusters[up].parent_id
        depth_of[cluster.pk] = n
    assert max(depth_of.values()) == depth - 2  # clusters, then the competency, then its indicators

    # and a second round trip, through our own export, gives the same package
    again = framework_import_case(raw=json.dumps(package).encode(), organisation=org_a, user=users["hr"])
    second = framework_to_case(framework_for_export(user=users["hr"], pk=again.pk), absolute=absolute)
    assert _depth(second) == depth
    assert len(second["CFItems"]) == len(source["CFItems"])
    codes = {i["humanCodingScheme"] for i in second["CFItems"]}
    assert codes == {i["humanCodingScheme"] for i in source["CFItems"]}


def test_nested_clusters_show_indented_on_the_page_and_in_the_printed_framework(client_as, users, org_a):
    import re

    from django.urls import reverse

    raw = (THIRD_PARTY / "opensalt-Ordering.json").read_bytes()
    framework = framework_import_case(raw=raw, organisation=org_a, user=users["hr"])
    page = client_as("hr").get(reverse("frameworks:framework-detail", args=[framework.pk])).content.decode()
    headings = re.findall(r"<h([3-6]) class=\"h5 mt-3\">([^<]+?)\s*<", page)
    # the tree in order, each level one heading deeper: Geometry > Plane Figures > 2-D Figures
    assert headings[:3] == [
        ("3", "Geometry and Measurement"),
        ("4", "Plane Figures"),
        ("5", "2-D Figures and Their Properties"),
    ]
    assert 'class="ps-2 border-start"' in page
    printed = client_as("hr").get(reverse("frameworks:framework-print", args=[framework.pk])).content.decode()
    order = [printed.index(name) for name in ("Geometry and Measurement", "Plane Figures", "2-D Figures and")]
    assert order == sorted(order)
    assert "cluster-depth-2" in printed and "Level 1" in printed
