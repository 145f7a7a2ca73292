"""The CASE import first shows what it keeps, maps and changes, per kind; only the confirmation writes."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from frameworks.interchange.case_import import case_import_summary
from frameworks.models import Framework

pytestmark = pytest.mark.django_db
OPENSALT = Path(__file__).parent / "data" / "third_party" / "opensalt-SequenceNumberFramework.json"
URL = "frameworks:framework-import"


def post_file(client, raw: bytes, name: str = "pakket.json"):
    return client.post(reverse(URL), {"file_format": "case", "file": SimpleUploadedFile(name, raw)})


def test_the_summary_of_opensalts_package_names_codes_kept_and_identifiers_changed():
    rows = {row["kind"]: row for row in case_import_summary(OPENSALT.read_bytes())}
    package = json.loads(OPENSALT.read_text())
    items = [row for kind, row in rows.items() if kind.startswith("Items")]
    assert sum(row["count"] for row in items) == len(package["CFItems"])
    assert any("codes (humanCodingScheme)" in line for row in items for line in row["kept"])
    assert any("competentie" in line for row in items for line in row["mapped"])
    child = rows["Verbanden “isChildOf”"]
    assert child["count"] == sum(1 for a in package["CFAssociations"] if a["associationType"] == "isChildOf")
    assert "boomstructuur" in child["mapped"][0]
    assert rows["Document"]["count"] == 1


def test_upload_shows_the_summary_writes_nothing_and_the_confirmation_imports(client_as, org_a):
    client = client_as("hr")
    before = Framework.objects.count()
    response = post_file(client, OPENSALT.read_bytes(), "SequenceNumberFramework.json")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="importoverzicht"' in content and "Bewaard" in content and "Omgezet naar" in content
    assert "Veranderd" in content and "Er is nog niets opgeslagen." in content
    assert Framework.objects.count() == before
    token = client.session["frameworks_case_import"]["token"]
    response = client.post(reverse(URL), {"bevestigen": token})
    framework = Framework.objects.get(organisation=org_a)
    assert response.status_code == 302 and response.url == reverse("frameworks:framework-detail", args=[framework.pk])
    # Confirming twice does not import twice.
    response = client.post(reverse(URL), {"bevestigen": token})
    assert response.status_code == 302 and response.url == reverse(URL)
    assert Framework.objects.filter(organisation=org_a).count() == 1


def test_a_wrong_token_imports_nothing(client_as, org_a):
    client = client_as("hr")
    post_file(client, OPENSALT.read_bytes())
    response = client.post(reverse(URL), {"bevestigen": "geraden"})
    assert response.status_code == 302
    assert not Framework.objects.filter(organisation=org_a).exists()


def test_a_broken_package_is_refused_at_the_summary(client_as, org_a):
    response = post_file(client_as("hr"), b'{"CFDocument": {}}')
    assert response.status_code == 400
    assert "niets opgeslagen" in response.content.decode()
    assert "frameworks_case_import" not in client_as("hr").session


def test_someone_without_the_import_right_cannot_confirm(client_as, org_a):
    assert client_as("selecteur").post(reverse(URL), {"bevestigen": "x"}).status_code == 403


def test_the_summary_says_when_the_framework_is_already_here(users, org_a):
    from ..factories import make_framework
    from .test_interchange_case import package_for

    framework = make_framework(org_a, competencies=2, indicators=1)
    raw = json.dumps(package_for(framework, users["hr"])).encode()
    rows = case_import_summary(raw)
    assert rows[0]["changed"] == ["dit framework staat hier al: de kopie krijgt een nieuwe identificatie"]
    competencies = next(row for row in rows if row["kind"] == "Items van het type “Competentie”")
    assert competencies["changed"] == ["2 staan hier al: de kopieën krijgen een nieuwe identificatie"]
    assert competencies["mapped"] == ["2 competenties"]
