"""PDF and print views of a profile and a whole framework: content, header/footer, speed."""

import gc
import re
import subprocess
from html import unescape
from unittest import mock

import pytest
from django.urls import reverse

from competentie import pdf as documents
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
        assert "vastgesteld op" in squash(pdf_text(b"".join(response.streaming_content), tmp_path))

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

    def test_list_items_carry_their_bullet_in_the_pdf_and_the_browser_draws_its_own(
        self, client_as, framework_a, tmp_path
    ):
        # The PDF writes the bullet into the text (frameworks.pdf.PDF_BULLET); the print view,
        # same templates, must not show it twice next to the browser's marker.
        response = client_as("hr").get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
        lines = [line.strip() for line in pdf_text(response.content, tmp_path).splitlines()]
        assert any(line.startswith("• Toont gedrag 0") for line in lines)
        content = client_as("hr").get(reverse("frameworks:framework-print", args=[framework_a.pk])).content.decode()
        assert "Toont gedrag 0" in content and "•" not in content


class TestRenderCollector:
    def test_a_render_raises_the_collector_threshold_and_restores_it_even_when_it_fails(self):
        before = gc.get_threshold()
        seen = []

        def failing_write(self, **options):
            seen.append(gc.get_threshold()[0])
            raise RuntimeError("layout failed")

        with mock.patch("weasyprint.HTML.write_pdf", failing_write), pytest.raises(RuntimeError):
            documents.render_pdf("frameworks/pdf/framework.html", {"framework": Framework(name="X")})
        assert seen == [documents.RENDER_GC_THRESHOLD]
        assert gc.get_threshold() == before


def page_order(html: str) -> list[str]:
    """Cluster headings and competency names in the order the framework page shows them."""
    section = html[html.index('id="competenties"') :]
    section = section[: section.index("</section>")]
    found = re.findall(r'<h3 class="h5 mt-3">([^<]+)|<a href="/frameworks/competenties/\d+/">([^<]+)</a>', section)
    return [unescape((cluster or name).strip()) for cluster, name in found]


def in_order(lines: list[str], wanted: list[str]) -> list[str]:
    """The wanted texts that are not found as whole lines after the previous one (empty: all in order)."""
    missing, position = [], 0
    for text in wanted:
        try:
            position = lines.index(text, position) + 1
        except ValueError:
            missing.append(text)
    return missing


class TestDocumentsFollowTheScreen:
    def test_picompany_pdf_has_the_six_clusters_in_the_order_of_the_page(self, client_as, seeded, tmp_path):
        library = Framework.objects.get(name="PiCompany competentiewoordenboek")
        client = client_as("hr")
        wanted = page_order(client.get(reverse("frameworks:framework-detail", args=[library.pk])).content.decode())
        assert library.clusters.count() == 6 and len(wanted) == 6 + library.competencies.count()
        response = client.get(reverse("frameworks:framework-pdf", args=[library.pk]))
        lines = [line.strip() for line in pdf_text(response.content, tmp_path).splitlines()]
        assert in_order(lines, wanted) == []

    def test_unclustered_competencies_come_after_the_clusters_as_on_the_page(self, client_as, framework_a, tmp_path):
        client = client_as("hr")
        wanted = page_order(client.get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode())
        assert wanted[0] == "Cluster" and "Overige competenties" in wanted
        response = client.get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
        lines = [line.strip() for line in pdf_text(response.content, tmp_path).splitlines()]
        assert in_order(lines, wanted) == []
        printed = client.get(reverse("frameworks:framework-print", args=[framework_a.pk])).content.decode()
        headings = re.findall(
            r'<h3 class="cluster-name">([^<]+)</h3>|<section class="competency" aria-label="([^"]+)"', printed
        )
        assert [unescape(a or b) for a, b in headings][: len(wanted)] == wanted


class TestStoredPdf:
    def test_a_published_version_is_rendered_once_and_then_served_from_storage(
        self, client_as, users, framework_a, settings, tmp_path, django_assert_max_num_queries
    ):
        settings.MEDIA_ROOT = tmp_path / "media"
        services.framework_publish(framework=framework_a, user=users["hr"])
        client = client_as("selecteur")
        url = reverse("frameworks:framework-pdf", args=[framework_a.pk])
        first = client.get(url)
        stored = list((tmp_path / "media" / "pdf").iterdir())
        assert len(stored) == 1 and stored[0].name.startswith(f"framework-{framework_a.pk}-v1-")
        first_bytes = b"".join(first.streaming_content)
        assert first_bytes == stored[0].read_bytes() and first_bytes.startswith(b"%PDF")
        with mock.patch("frameworks.pdf.render_pdf", side_effect=AssertionError("rendered again")):
            # Expect 4 queries: session, user, memberships, the framework row (not the document's content).
            with django_assert_max_num_queries(4):
                second = client.get(url)
            assert b"".join(second.streaming_content) == first_bytes
        assert second["Content-Type"] == "application/pdf"

    def test_a_draft_is_rendered_on_every_request_and_never_stored(self, client_as, framework_a, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path / "media"
        client = client_as("hr")
        url = reverse("frameworks:framework-pdf", args=[framework_a.pk])
        assert client.get(url).content.startswith(b"%PDF")
        with mock.patch("frameworks.pdf.render_pdf", return_value=b"%PDF-nieuw") as render:
            assert client.get(url).content == b"%PDF-nieuw"
        assert render.call_count == 1
        assert not (tmp_path / "media").exists()

    def test_a_published_profile_pdf_is_stored_too(self, client_as, users, framework_a, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path / "media"
        services.framework_publish(framework=framework_a, user=users["hr"])
        profile = framework_a.profiles.get(parent__isnull=True)
        url = reverse("frameworks:profile-pdf", args=[profile.pk])
        first = b"".join(client_as("hr").get(url).streaming_content)
        with mock.patch("frameworks.pdf.render_pdf", side_effect=AssertionError("rendered again")):
            assert b"".join(client_as("mt").get(url).streaming_content) == first
