"""CASE 1.1 against the standard: the package schema, a round trip through the import, the REST binding.

The schema in data/case-v1p1-cfpackage-schema.json is the structure of 1EdTech's CASE 1.1 JSON
Schema binding for the getCFPackage response (properties, required fields, patterns, formats,
additionalProperties), transcribed without the long descriptions.
"""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator

from frameworks.interchange.case import document_identifier, framework_to_case
from frameworks.interchange.case_import import framework_import_case
from frameworks.interchange.native import framework_to_dict
from frameworks.interchange.selectors import framework_for_export
from frameworks.models import Framework
from frameworks.services.frameworks import framework_publish

from ..factories import make_framework

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "data" / "case-v1p1-cfpackage-schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def absolute(path: str) -> str:
    return f"https://competentie.example.nl{path}"


def test_the_validator_checks_formats_too():
    assert {"uri", "date-time"} <= set(VALIDATOR.format_checker.checkers)
    assert schema_errors(
        {
            "CFDocument": {
                "identifier": "x",
                "uri": "geen uri",
                "creator": "c",
                "title": "t",
                "lastChangeDateTime": "gisteren",
            }
        }
    )


def schema_errors(package: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(package)]


def libraries():
    return list(Framework.objects.libraries().order_by("name"))


def test_every_seeded_library_exports_a_package_that_passes_the_schema(seeded, users):
    assert len(libraries()) >= 3
    for library in libraries():
        package = framework_to_case(framework_for_export(user=users["hr"], pk=library.pk), absolute=absolute)
        assert schema_errors(package) == [], library.name
        identifiers = {i["identifier"] for i in package["CFItems"]} | {package["CFDocument"]["identifier"]}
        for association in package["CFAssociations"]:
            assert association["originNodeURI"]["identifier"] in identifiers, library.name
            assert association["destinationNodeURI"]["identifier"] in identifiers, library.name


def test_an_organisation_framework_exports_a_valid_package_through_the_download(client_as, framework_a):
    response = client_as("hr").get(reverse("frameworks:framework-export-case", args=[framework_a.pk]))
    assert response.status_code == 200
    assert schema_errors(json.loads(response.content)) == []


def comparable(framework: Framework, user) -> dict:
    exported = framework_to_dict(framework_for_export(user=user, pk=framework.pk))
    exported.pop("exported_at")
    exported.pop("exported_from")
    return without_identifiers(exported)


def without_identifiers(value):
    """A copy in the same installation is other content, so it has its own identifiers; compare the rest."""
    if isinstance(value, dict):
        return {k: without_identifiers(v) for k, v in value.items() if k not in ("uuid", "predecessor")}
    if isinstance(value, list):
        return [without_identifiers(v) for v in value]
    return value


def test_a_case_round_trip_gives_the_same_framework_for_every_seeded_library(seeded, users, org_a):
    for library in libraries():
        package = framework_to_case(framework_for_export(user=users["hr"], pk=library.pk), absolute=absolute)
        raw = json.dumps(package, ensure_ascii=False).encode()
        copy = framework_import_case(raw=raw, organisation=org_a, user=users["hr"], filename="pakket.json")
        assert copy.organisation == org_a and copy.status == Framework.Status.CONCEPT
        assert comparable(copy, users["hr"]) == comparable(library, users["hr"]), library.name


def test_a_foreign_package_without_our_types_is_read_by_its_tree(org_a):
    ids = [f"00000000-0000-4000-8000-00000000000{n}" for n in range(6)]

    def item(n, text, short=""):
        entry = {
            "identifier": ids[n],
            "uri": f"https://x.example/{n}",
            "fullStatement": text,
            "lastChangeDateTime": "2020-01-01T00:00:00Z",
        }
        if short:
            entry["abbreviatedStatement"] = short
        return entry

    def child(a, b, seq):
        return {
            "identifier": ids[a][:-1] + "f",
            "associationType": "isChildOf",
            "uri": "https://x.example/a",
            "originNodeURI": {"title": "o", "identifier": ids[a], "uri": "https://x.example"},
            "destinationNodeURI": {"title": "d", "identifier": ids[b], "uri": "https://x.example"},
            "sequenceNumber": seq,
            "lastChangeDateTime": "2020-01-01T00:00:00Z",
        }

    package = {
        "CFDocument": {
            "identifier": ids[0],
            "uri": "https://x.example/d",
            "creator": "X",
            "title": "Buitenlands",
            "lastChangeDateTime": "2020-01-01T00:00:00Z",
        },
        "CFItems": [
            item(1, "Domein A"),
            item(2, "Samenwerken met anderen", "Samenwerken"),
            item(3, "Deelt informatie"),
            item(4, "Luistert"),
        ],
        "CFAssociations": [child(1, 0, 1), child(2, 1, 1), child(3, 2, 2), child(4, 2, 1)],
    }
    assert schema_errors(package) == []
    framework = framework_import_case(raw=json.dumps(package).encode(), organisation=org_a)
    (cluster,) = framework.clusters.all()
    (competency,) = framework.competencies.all()
    assert cluster.name == "Domein A" and competency.cluster == cluster
    assert (competency.name, competency.definition) == ("Samenwerken", "Samenwerken met anderen")
    assert [i.text for i in competency.indicators.order_by("order")] == ["Luistert", "Deelt informatie"]


def test_a_package_without_items_says_that_section_is_missing(org_a):
    raw = json.dumps({"CFDocument": {"identifier": "x", "title": "T"}, "CFAssociations": []}).encode()
    with pytest.raises(Exception) as caught:
        framework_import_case(raw=raw, organisation=org_a)
    assert caught.value.code == "section_missing"
    assert caught.value.messages == ["Het onderdeel “CFItems” ontbreekt in het bestand."]


# --- REST binding ----------------------------------------------------------------------------


def case_url(name: str, identifier: str) -> str:
    return reverse(f"case:{name}", args=[identifier])


def test_libraries_are_readable_without_login_in_every_endpoint(client, seeded):
    library = Framework.objects.libraries().get(name="VTH competentieprofielen")
    document_id = document_identifier(library)
    listing = client.get(reverse("case:document-list"))
    assert listing.status_code == 200
    assert document_id in {d["identifier"] for d in listing.json()["CFDocuments"]}
    document = client.get(case_url("document", document_id))
    assert document.status_code == 200 and document.json()["CFPackageURI"]["identifier"] == document_id
    package = client.get(case_url("package", document_id))
    assert package.status_code == 200 and schema_errors(package.json()) == []
    item = package.json()["CFItems"][0]
    found = client.get(case_url("item", item["identifier"]))
    assert found.status_code == 200
    assert found.json()["fullStatement"] == item["fullStatement"]
    assert found.json()["CFDocumentURI"]["identifier"] == document_id
    association = package.json()["CFAssociations"][0]
    found = client.get(case_url("association", association["identifier"]))
    assert found.status_code == 200 and found.json()["associationType"] == association["associationType"]


def test_an_organisations_published_version_is_readable_only_by_its_members(client, client_as, users, org_a):
    framework = make_framework(org_a, name="Gepubliceerd Aadorp")
    framework_publish(framework=framework, user=users["hr"])
    document_id = document_identifier(framework)
    url = case_url("package", document_id)
    assert client.get(url).status_code == 404
    assert client.get(url).json()["imsx_codeMajor"] == "failure"
    assert document_id not in client.get(reverse("case:document-list")).content.decode()
    assert client_as("outsider").get(url).status_code == 404
    member = client_as("selecteur")
    assert member.get(url).status_code == 200
    assert document_id in member.get(reverse("case:document-list")).content.decode()


def test_a_draft_is_served_only_to_its_owners_members_so_its_links_work(client, client_as, framework_a):
    url = case_url("package", document_identifier(framework_a))
    package = client_as("hr").get(url)
    assert package.status_code == 200
    item = package.json()["CFItems"][0]
    assert client_as("hr").get(case_url("item", item["identifier"])).status_code == 200
    assert client_as("outsider").get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_the_binding_also_answers_under_v1p0_for_older_clients(client, seeded):
    library = Framework.objects.libraries().get(name="VTH competentieprofielen")
    old = client.get(reverse("case-v1p0:package", args=[document_identifier(library)]))
    new = client.get(case_url("package", document_identifier(library)))
    assert old.status_code == 200 and old.json()["CFDocument"]["identifier"] == str(library.uuid)
    assert old.json()["CFItems"] == new.json()["CFItems"]


def test_identifiers_that_are_not_ours_are_unknown(client, seeded):
    for name in ("document", "package", "item", "association"):
        assert client.get(case_url(name, "niet-een-uuid")).status_code == 404
        assert client.get(case_url(name, "ffffffff-0000-4000-8000-000000000000")).status_code == 404


def test_hr_imports_a_case_package_through_the_form(client_as, seeded, org_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as("hr")
    library = Framework.objects.libraries().get(name="VTH competentieprofielen")
    package = client.get(reverse("frameworks:framework-export-case", args=[library.pk])).content
    upload = SimpleUploadedFile("vth.case.json", package)
    response = client.post(reverse("frameworks:framework-import"), {"file_format": "case", "file": upload})
    assert response.status_code == 200 and "Import controleren" in response.content.decode()  # the summary first
    token = client.session["frameworks_case_import"]["token"]
    response = client.post(reverse("frameworks:framework-import"), {"bevestigen": token})
    copy = Framework.objects.get(organisation=org_a, name=library.name)
    assert response.status_code == 302 and response.url == reverse("frameworks:framework-detail", args=[copy.pk])
    assert copy.profiles.count() == library.profiles.count()
