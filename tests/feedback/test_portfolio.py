"""The EVC portfolio: a refused upload writes nothing (no row, no file); files are private, handed out
only to those who may see them and always as an attachment; an assessor judges with advice."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from medewerkers.models import PortfolioFile, PortfolioItem

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n"


def files_on_disk(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "private"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def post(client, team, files, title="Verslag"):
    return client.post(
        reverse("feedback:portfolio", args=[team.employee.pk]),
        {
            "competency": team.competencies[0].competency_id,
            "title": title,
            "text": "Uitleg aan de aanvrager",
            "files": files,
        },
    )


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("script.html", b"<script>alert(1)</script>", content_type="text/html"),
        SimpleUploadedFile("nep.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"),
        SimpleUploadedFile("leeg.pdf", b"", content_type="application/pdf"),
        SimpleUploadedFile("tekst.txt", b"a\x00b", content_type="text/plain"),
    ],
    ids=["type not allowed", "content does not match", "empty", "nul in text"],
)
def test_a_refused_upload_writes_nothing(team, settings, upload):
    client = Client()
    client.force_login(team.employee.user)
    good = SimpleUploadedFile("goed.pdf", PDF, content_type="application/pdf")
    response = post(client, team, [good, upload])
    assert response.status_code == 400
    assert not PortfolioItem.objects.exists() and not PortfolioFile.objects.exists()
    assert files_on_disk(settings) == []


def test_a_file_over_the_limit_is_refused(team, settings):
    settings.UPLOAD_MAX_BYTES = 10
    client = Client()
    client.force_login(team.employee.user)
    response = post(client, team, [SimpleUploadedFile("groot.pdf", PDF, content_type="application/pdf")])
    assert response.status_code == 400 and "te groot" in response.content.decode()
    assert not PortfolioItem.objects.exists() and files_on_disk(settings) == []


def test_files_are_private_and_handed_out_as_an_attachment_to_those_who_may_see_them(team, settings, users):
    client = Client()
    client.force_login(team.employee.user)
    assert post(client, team, [SimpleUploadedFile("Verslag Eva.pdf", PDF, content_type="text/html")]).status_code == 302
    row = PortfolioFile.objects.get()
    on_disk = files_on_disk(settings)
    assert len(on_disk) == 1 and "Eva" not in on_disk[0].name  # a random name, outside STATIC_ROOT
    assert not str(on_disk[0]).startswith(str(settings.STATIC_ROOT))
    url = reverse("feedback:portfolio-file", args=[row.pk])
    for person in (team.employee.user, team.manager, users["hr"]):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] == "application/pdf"  # from the allow-list, not the browser's claim
        assert b"".join(response.streaming_content) == PDF
    for person in (team.colleagues[0], users["selecteur"], users["outsider"]):
        client.force_login(person)
        assert client.get(url).status_code in (403, 404)


def test_an_assessor_judges_the_evidence_with_advice(team, users):
    client = Client()
    client.force_login(team.employee.user)
    post(client, team, [])
    item = PortfolioItem.objects.get()
    client.post(reverse("feedback:portfolio-request", args=[item.pk]), {"assessor": users["hr"].pk})
    judgement = item.__class__.objects.get().judgement
    assessor = Client()
    assessor.force_login(users["hr"])
    url = reverse("feedback:portfolio-judge", args=[judgement.pk])
    assert client.post(url, {"value": "5", "advice": "certificaat", "motivation": "Sterk"}).status_code == 403
    response = assessor.post(url, {"value": "5", "advice": "certificaat", "motivation": "Overtuigend bewijs."})
    assert response.status_code == 302
    judgement.refresh_from_db()
    assert (judgement.value, judgement.advice, judgement.is_judged) == (5, "certificaat", True)
    assert "niveau 5" in client.get(reverse("feedback:portfolio", args=[team.employee.pk])).content.decode()
