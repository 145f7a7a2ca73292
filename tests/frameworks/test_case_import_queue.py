"""CASE packages beyond the 2 MB one request imports (up to 50 MB) go through the task queue (issue 29.5):
the upload is stored privately, read and checked on the queue with progress on the page, summarised,
and written only after the confirmation; a malformed or hostile one writes nothing."""

import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from competentie.organisations.models import Membership
from competentie.uploads import private_storage
from frameworks.interchange.errors import MAX_QUEUED_BYTES, MAX_UPLOAD_BYTES
from frameworks.interchange.jobs import FOLDER
from frameworks.models import BehaviouralIndicator, CaseImportJob, Cluster, Competency, Framework
from tests.factories import make_user

pytestmark = pytest.mark.django_db
URL = "frameworks:framework-import"
WHEN = "2024-01-01T00:00:00+00:00"


def big_package(*, clusters: int = 6, groups: int = 6, competencies: int = 12, indicators: int = 4) -> dict:
    """A generated CASE package four levels deep (cluster → cluster → competency → indicator), about 3.5 MB."""
    document = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://voorbeeld.example/groot"))
    items, associations = [], []

    def item(code: str, text: str) -> dict:
        identifier = str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://voorbeeld.example/{code}"))
        items.append(
            {
                "identifier": identifier,
                "uri": f"https://voorbeeld.example/items/{identifier}",
                "fullStatement": text,
                "humanCodingScheme": code,
                "notes": f"Toelichting bij {code}. " + "Zo staat het in de bron. " * 16,
                "lastChangeDateTime": WHEN,
            }
        )
        return identifier

    def child(origin: str, destination: str, sequence: int):
        identifier = str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://voorbeeld.example/a/{origin}"))
        associations.append(
            {
                "identifier": identifier,
                "uri": f"https://voorbeeld.example/associations/{identifier}",
                "associationType": "isChildOf",
                "originNodeURI": {"title": "x", "identifier": origin, "uri": f"https://voorbeeld.example/{origin}"},
                "destinationNodeURI": {
                    "title": "y",
                    "identifier": destination,
                    "uri": f"https://voorbeeld.example/{destination}",
                },
                "sequenceNumber": sequence,
                "lastChangeDateTime": WHEN,
            }
        )

    for a in range(1, clusters + 1):
        top = item(f"{a}", f"Domein {a}")
        child(top, document, a)
        for b in range(1, groups + 1):
            group = item(f"{a}.{b}", f"Onderdeel {a}.{b}")
            child(group, top, b)
            for c in range(1, competencies + 1):
                code = f"{a}.{b}.{c}"
                competency = item(code, f"Standaard {code}: " + "de leerling beschrijft en verklaart. " * 6)
                child(competency, group, c)
                for d in range(1, indicators + 1):
                    child(item(f"{code}.{d}", f"Gedrag {code}.{d}: " + "toont dit zichtbaar. " * 5), competency, d)
    return {
        "CFDocument": {
            "identifier": document,
            "uri": f"https://voorbeeld.example/documents/{document}",
            "creator": "Voorbeeldbron",
            "title": "Groot standaardenpakket",
            "lastChangeDateTime": WHEN,
        },
        "CFItems": items,
        "CFAssociations": associations,
    }


def post(client, raw: bytes, name: str = "groot.json"):
    return client.post(reverse(URL), {"file_format": "case", "file": SimpleUploadedFile(name, raw)})


def counts():
    return Framework.objects.count(), Cluster.objects.count(), Competency.objects.count()


def stored_files() -> list[str]:
    try:
        return private_storage().listdir(FOLDER)[1]
    except FileNotFoundError:
        return []


def test_a_package_beyond_two_megabytes_imports_through_the_queue_with_progress(client_as, org_a, task_queue):
    package = big_package()
    raw = json.dumps(package, ensure_ascii=False, indent=1).encode()
    assert MAX_UPLOAD_BYTES < len(raw) < MAX_QUEUED_BYTES and len(raw) > 3 * 1024 * 1024
    client = client_as("hr")
    before = counts()

    response = post(client, raw)
    job = CaseImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("frameworks:case-import-job", args=[job.uuid])
    assert job.status == CaseImportJob.Status.READING and job.size == len(raw)
    # kept outside the web root until the job ends, byte for byte
    assert f"{job.uuid}.json" in stored_files()
    with private_storage().open(job.stored_name, "rb") as stored:
        assert stored.read() == raw
    page = client.get(response.url).content.decode()
    assert "Het bestand staat in de wachtrij of wordt geopend." in page and 'data-hx-trigger="every 2s"' in page
    assert counts() == before

    assert task_queue() == 1  # the worker reads and checks it
    job.refresh_from_db()
    total = len(package["CFItems"])
    assert job.status == CaseImportJob.Status.READY and (job.done, job.total) == (total, total)
    page = client.get(response.url).content.decode()
    assert 'id="importoverzicht"' in page and "Er is nog niets opgeslagen." in page
    assert "data-hx-trigger" not in page  # nothing to wait for: the user decides
    assert counts() == before

    response = client.post(reverse("frameworks:case-import-job", args=[job.uuid]), {"bevestigen": "1"})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "data-hx-trigger" in page  # the writing is queued
    # a second confirmation queues nothing more
    client.post(reverse("frameworks:case-import-job", args=[job.uuid]), {"bevestigen": "1"})
    assert task_queue() == 1
    job.refresh_from_db()
    assert job.status == CaseImportJob.Status.DONE and job.framework is not None
    framework = job.framework
    assert framework.organisation == org_a and framework.status == Framework.Status.CONCEPT
    assert framework.clusters.count() == 6 + 36 and framework.clusters.filter(parent__isnull=False).count() == 36
    assert framework.competencies.count() == 6 * 6 * 12
    assert BehaviouralIndicator.objects.filter(competency__framework=framework).count() == 6 * 6 * 12 * 4
    page = client.get(reverse("frameworks:case-import-job", args=[job.uuid])).content.decode()
    assert "is geïmporteerd als concept" in page
    assert reverse("frameworks:framework-detail", args=[framework.pk]) in page
    assert f"{job.uuid}.json" not in stored_files()  # the upload is not kept once imported


def test_inline_tasks_finish_each_step_within_its_request(client_as, org_a):
    """With TASKS_IMMEDIATE (the tests' default) the upload's request already has the summary."""
    raw = json.dumps(big_package(), indent=1).encode()
    client = client_as("hr")
    response = post(client, raw)
    page = client.get(response.url).content.decode()
    assert 'id="importoverzicht"' in page
    response = client.post(response.url, {"bevestigen": "1"})
    assert CaseImportJob.objects.get().status == CaseImportJob.Status.DONE
    assert Framework.objects.filter(organisation=org_a, name="Groot standaardenpakket").exists()


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda raw: raw[:-1000], "dit is geen geldige JSON"),
        (lambda raw: raw.replace(b'"Standaard 1.1.1', b'"Standaard \\u0000 1.1.1', 1), "onzichtbaar stuurteken"),
        (lambda raw: raw.replace(b'"CFItems"', b'"Items"', 1), "Het onderdeel “CFItems” ontbreekt"),
        (lambda raw: raw[:-1] + b', "x": ' + b"[" * 200 + b"]" * 200 + b"}", "te diep genest"),
    ],
)
def test_a_malformed_or_hostile_large_file_writes_nothing(client_as, org_a, task_queue, breakage, message):
    raw = breakage(json.dumps(big_package(), indent=1).encode())
    assert len(raw) > MAX_UPLOAD_BYTES
    client = client_as("hr")
    before = counts()
    response = post(client, raw, "kapot.json")
    task_queue()
    job = CaseImportJob.objects.get()
    assert job.status == CaseImportJob.Status.REFUSED
    page = client.get(response.url).content.decode()
    assert 'id="importfouten"' in page and "Er is niets opgeslagen." in page and message in page
    assert counts() == before
    assert f"{job.uuid}.json" not in stored_files() and job.stored_name == ""


def test_a_tree_deeper_than_any_framework_is_refused(client_as, org_a, task_queue):
    package = big_package()
    parent = package["CFDocument"]["identifier"]
    for n in range(40):  # a chain of 40 levels, one under the other
        identifier = str(uuid.uuid5(uuid.NAMESPACE_URL, f"keten-{n}"))
        package["CFItems"].append(
            {"identifier": identifier, "fullStatement": f"Niveau {n}", "uri": "https://x.example/"}
        )
        package["CFAssociations"].append(
            {
                "identifier": str(uuid.uuid5(uuid.NAMESPACE_URL, f"keten-a-{n}")),
                "associationType": "isChildOf",
                "originNodeURI": {"title": "x", "identifier": identifier, "uri": "https://x.example/"},
                "destinationNodeURI": {"title": "y", "identifier": parent, "uri": "https://x.example/"},
                "lastChangeDateTime": WHEN,
            }
        )
        parent = identifier
    before = counts()
    response = post(client_as("hr"), json.dumps(package, indent=1).encode())
    task_queue()
    page = client_as("hr").get(response.url).content.decode()
    assert "De boomstructuur in het pakket is dieper dan 30 niveaus" in page
    assert counts() == before


def test_larger_than_fifty_megabytes_or_not_case_is_refused_at_the_upload(client_as, org_a, settings):
    client = client_as("hr")
    response = client.post(
        reverse(URL), {"file_format": "case", "file": SimpleUploadedFile("reus.json", b" " * (MAX_QUEUED_BYTES + 1))}
    )
    assert response.status_code == 400
    assert "het maximum is 51200 kB (50 MB)" in response.content.decode()
    # the other formats keep the 2 MB of one request
    response = client.post(
        reverse(URL), {"file_format": "json", "file": SimpleUploadedFile("groot.json", b" " * (MAX_UPLOAD_BYTES + 1))}
    )
    assert response.status_code == 400 and "(2 MB)" in response.content.decode()
    assert not CaseImportJob.objects.exists()


def test_only_the_uploader_sees_and_confirms_the_job(client_as, users, org_a, task_queue):
    response = post(client_as("hr"), json.dumps(big_package(), indent=1).encode())
    task_queue()
    colleague = make_user("hr_twee", organisation=org_a, role=Membership.Role.HR)
    other = Client()
    other.force_login(colleague)
    assert other.get(response.url).status_code == 404
    assert other.post(response.url, {"bevestigen": "1"}).status_code == 404
    assert client_as("selecteur").get(response.url).status_code == 404
    job = CaseImportJob.objects.get()
    assert job.status == CaseImportJob.Status.READY and f"{job.uuid}.json" in stored_files()
    # a new upload by the same user ends the one still waiting, and its file
    post(client_as("hr"), json.dumps(big_package(), indent=1).encode(), "tweede.json")
    job.refresh_from_db()
    assert job.status == CaseImportJob.Status.REFUSED and f"{job.uuid}.json" not in stored_files()
