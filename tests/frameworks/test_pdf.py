"""PDF and print views of a profile and a whole framework: content, header/footer, speed."""

import subprocess

import pytest
from django.urls import reverse

from frameworks import services
from frameworks.models import Framework, Profile

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    return " ".join(text.split())


class TestProfilePdf:
    def test_vth_profile_pdf_has_competencies_levels_and_indicators(self, client_as, seeded, tmp_path):
        profile = Profile.objects.get(framework__name="VTH competentieprofielen", name="Vergunningverlener")
        response = client_as("hr").get(reverse("frameworks:profile-pdf", args=[profile.pk]))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        text = squash(pdf_text(response.content, tmp_path))
        assert "Vergunningverlener" in text and "VTH competentieprofielen" in text
        assert "pagina 1 van" in text
        assert "versie 1" in text
        for pc in profile.profile_competencies.select_related("competency"):
            assert squash(pc.competency.name) in text
            for indicator in pc.indicators.all()[:2]:
                assert squash(indicator.text)[:40] in text

    def test_own_profile_pdf_shows_organisation_required_level_and_generic_indicators(
        self, client_as, framework_a, tmp_path
    ):
        profile = framework_a.profiles.get(parent__isnull=True)
        response = client_as("selecteur").get(reverse("frameworks:profile-pdf", args=[profile.pk]))
        text = squash(pdf_text(response.content, tmp_path))
        assert "Gemeente Aadorp" in text
        assert "vereist niveau: gevorderd" in text
        assert "Toont gedrag 0" in text and "Gedragsindicatoren — beginner" in text
        assert "Hoofdtaak 0" in text and "Voeren van klantgesprekken." in text


class TestFrameworkPdf:
    def test_framework_pdf_has_every_competency_and_profile(self, client_as, framework_a, tmp_path):
        response = client_as("mt").get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
        text = squash(pdf_text(response.content, tmp_path))
        for competency in framework_a.competencies.all():
            assert competency.name in text and competency.definition in text
        assert "Profiel 0" in text and "Beheersingsniveaus" in text
        assert "pagina 1 van" in text

    def test_published_version_shows_its_date(self, client_as, users, framework_a, tmp_path):
        services.framework_publish(framework=framework_a, user=users["hr"])
        response = client_as("hr").get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
        assert "vastgesteld op" in squash(pdf_text(response.content, tmp_path))

    def test_library_pdf_is_readable_by_anyone_and_others_get_404(self, client_as, framework_b, seeded):
        library = Framework.objects.get(name="VTH competentieprofielen")
        assert client_as("nobody").get(reverse("frameworks:framework-pdf", args=[library.pk])).status_code == 200
        assert client_as("hr").get(reverse("frameworks:framework-pdf", args=[framework_b.pk])).status_code == 404
        profile = framework_b.profiles.first()
        assert client_as("hr").get(reverse("frameworks:profile-pdf", args=[profile.pk])).status_code == 404


class TestPrintViews:
    def test_print_view_of_a_profile_has_the_same_content(self, client_as, framework_a):
        profile = framework_a.profiles.get(parent__isnull=True)
        content = client_as("hr").get(reverse("frameworks:profile-print", args=[profile.pk])).content.decode()
        assert "Competentie 0" in content and "Definitie 0" in content and "Toont gedrag 1" in content
        assert "vereist niveau" in content
        assert reverse("frameworks:profile-pdf", args=[profile.pk]) in content

    def test_print_view_of_a_framework(self, client_as, framework_a):
        content = client_as("hr").get(reverse("frameworks:framework-print", args=[framework_a.pk])).content.decode()
        assert "Framework Aadorp" in content and "Competentie 2" in content and "Hoofdtaak 0" in content
