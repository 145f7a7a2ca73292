"""Export and import pages: who may use them, what they return, and what they cost in queries."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from competentie import audit
from frameworks.models import BehaviouralIndicator, Competency, Framework

from ..factories import make_framework

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent / "data" / "moodle_klantcontact.csv"
EXPORTS = ["frameworks:framework-export-json", "frameworks:framework-export-csv", "frameworks:framework-export-case"]


def counts():
    return Framework.objects.count(), Competency.objects.count(), BehaviouralIndicator.objects.count()


class TestExportAccess:
    @pytest.mark.parametrize("name", EXPORTS)
    @pytest.mark.parametrize("persona", ["hr", "selecteur", "mt", "beheerder"])
    def test_every_member_can_export_a_framework_of_their_organisation(self, client_as, framework_a, name, persona):
        response = client_as(persona).get(reverse(name, args=[framework_a.pk]))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="framework-aadorp-v1.')
        assert "Framework Aadorp" in response.content.decode()

    @pytest.mark.parametrize("name", EXPORTS)
    @pytest.mark.parametrize("persona", ["hr", "selecteur", "nobody"])
    def test_framework_of_another_organisation_is_not_found(self, client_as, framework_b, name, persona):
        assert client_as(persona).get(reverse(name, args=[framework_b.pk])).status_code == 404

    @pytest.mark.parametrize("name", EXPORTS)
    def test_seeded_library_can_be_exported_by_anyone_logged_in(self, seeded, client_as, name):
        divosa = Framework.objects.get(organisation=None, name__icontains="Divosa")
        response = client_as("nobody").get(reverse(name, args=[divosa.pk]))
        assert response.status_code == 200
        assert divosa.name.split()[0] in response.content.decode()

    def test_published_version_can_be_exported(self, client_as, framework_a):
        framework_a.published_at = timezone.now()
        framework_a.save()
        response = client_as("selecteur").get(reverse("frameworks:framework-export-json", args=[framework_a.pk]))
        assert json.loads(response.content)["exported_from"]["published_at"] is not None

    def test_anonymous_user_is_sent_to_the_login_page(self, client, framework_a):
        response = client.get(reverse("frameworks:framework-export-json", args=[framework_a.pk]))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))

    def test_export_is_json_or_csv_with_the_right_content_type(self, client_as, framework_a):
        client = client_as("hr")
        assert client.get(reverse(EXPORTS[0], args=[framework_a.pk]))["Content-Type"].startswith("application/json")
        assert client.get(reverse(EXPORTS[1], args=[framework_a.pk]))["Content-Type"].startswith("text/csv")
        case = client.get(reverse(EXPORTS[2], args=[framework_a.pk]))
        assert json.loads(case.content)["CFDocument"]["uri"].startswith("http://testserver/ims/case/v1p1/CFDocuments/")


class TestExportQueries:
    def queries(self, client, name, pk) -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse(name, args=[pk])).status_code == 200
        return len(context.captured_queries)

    @pytest.mark.parametrize("name", EXPORTS)
    def test_query_count_is_the_same_for_a_small_and_a_large_framework(
        self, client_as, org_a, name, django_assert_max_num_queries
    ):
        small = make_framework(org_a, competencies=2, profiles=1, indicators=1)
        large = make_framework(org_a, competencies=25, profiles=6, indicators=6)
        client = client_as("hr")
        assert self.queries(client, name, small.pk) == self.queries(client, name, large.pk)
        # Expect 17 queries: session, user, memberships; framework, levels, clusters, role levels,
        # dilemmas, stored CASE associations, competencies, their indicators, profiles, tasks,
        # expertise areas, dilemma positions, profile competencies, their indicators.
        with django_assert_max_num_queries(17):
            client.get(reverse(name, args=[large.pk]))

    def test_divosa_exports_in_a_fixed_number_of_queries(self, seeded, client_as, django_assert_max_num_queries):
        # Speed is measured in make bench; here the cost must not grow with the 240 indicators.
        divosa = Framework.objects.get(organisation=None, name__icontains="Divosa")
        client = client_as("hr")
        for name in EXPORTS:
            with django_assert_max_num_queries(20):
                assert client.get(reverse(name, args=[divosa.pk])).status_code == 200


class TestImportAccess:
    @pytest.mark.parametrize("persona", ["selecteur", "mt", "beheerder", "nobody"])
    def test_import_is_forbidden_for_everyone_but_hr(self, client_as, persona):
        assert client_as(persona).get(reverse("frameworks:framework-import")).status_code == 403
        upload = SimpleUploadedFile("x.csv", SAMPLE.read_bytes(), content_type="text/csv")
        response = client_as(persona).post(
            reverse("frameworks:framework-import"), {"file_format": "moodle", "file": upload}
        )
        assert response.status_code == 403

    def test_hr_sees_the_upload_form(self, client_as):
        response = client_as("hr").get(reverse("frameworks:framework-import"))
        assert response.status_code == 200
        content = response.content.decode()
        assert 'enctype="multipart/form-data"' in content
        assert "<label" in content and "Bestand" in content


class TestImport:
    def post(self, client, file_format, name, content: bytes, **extra):
        upload = SimpleUploadedFile(name, content)
        return client.post(
            reverse("frameworks:framework-import"), {"file_format": file_format, "file": upload, **extra}
        )

    def test_moodle_sample_is_imported_into_the_users_organisation(self, client_as, org_a):
        response = self.post(client_as("hr"), "moodle", "klantcontact.csv", SAMPLE.read_bytes())
        framework = Framework.objects.get(name="Klantcontact Gemeente Voorbeeld")
        assert response.status_code == 302
        assert response.url == reverse("frameworks:framework-detail", args=[framework.pk])
        assert framework.organisation == org_a and framework.status == Framework.Status.CONCEPT
        (change,) = audit.history_for(framework)
        assert change.actor.username == "hr" and "klantcontact.csv" in change.text

    def test_json_export_of_a_library_imports_as_an_own_concept(self, seeded, client_as, org_a):
        client = client_as("hr")
        library = Framework.objects.get(organisation=None, name__icontains="VTH")
        exported = client.get(reverse("frameworks:framework-export-json", args=[library.pk])).content
        response = self.post(client, "json", "vth.json", exported)
        assert response.status_code == 302
        copy = Framework.objects.get(organisation=org_a, name=library.name)
        assert copy.profiles.count() == library.profiles.count()

    def test_hr_of_another_organisation_imports_into_their_own(self, client_as, org_a, org_b):
        self.post(client_as("outsider"), "moodle", "klantcontact.csv", SAMPLE.read_bytes())
        assert Framework.objects.get(name="Klantcontact Gemeente Voorbeeld").organisation == org_b

    def test_organisation_of_which_the_user_is_not_hr_cannot_be_chosen(self, client_as, org_a, org_b):
        before = counts()
        response = self.post(client_as("hr"), "moodle", "k.csv", SAMPLE.read_bytes(), organisation=org_b.pk)
        assert response.status_code == 400
        assert counts() == before

    def test_broken_file_shows_line_and_problem_on_the_form_and_writes_nothing(self, client_as):
        before = counts()
        broken = SAMPLE.read_text(encoding="utf-8").replace("integriteit,INT-1", "onbekend,INT-1").encode()
        response = self.post(client_as("hr"), "moodle", "kapot.csv", broken)
        assert response.status_code == 400
        content = response.content.decode()
        assert "Regel 11: de bovenliggende competentie “onbekend” (kolom 1) staat niet in het bestand." in content
        assert "er is niets opgeslagen" in content
        assert counts() == before

    def test_too_large_file_is_refused(self, client_as):
        before = counts()
        response = self.post(client_as("hr"), "json", "groot.json", b" " * (2 * 1024 * 1024 + 1))
        assert response.status_code == 400
        assert "Het bestand is 2049 kB; het maximum is 2048 kB (2 MB)." in response.content.decode()
        assert counts() == before

    def test_file_of_the_wrong_type_is_refused(self, client_as):
        response = self.post(client_as("hr"), "json", "framework.pdf", b"%PDF-1.7")
        assert response.status_code == 400
        assert "Kies een .json-bestand" in response.content.decode()

    def test_csv_chosen_as_json_gets_a_clear_message(self, client_as):
        before = counts()
        response = self.post(client_as("hr"), "json", "framework.json", SAMPLE.read_bytes())
        assert response.status_code == 400
        assert "geen geldige JSON" in response.content.decode()
        assert counts() == before


class TestExchangeActions:
    def render(self, framework, user):
        request = RequestFactory().get("/")
        request.user = user
        return render_to_string(
            "frameworks/includes/_exchange_actions.html", {"framework": framework, "user": user}, request=request
        )

    def test_buttons_for_the_three_exports(self, users, framework_a):
        html = self.render(framework_a, users["selecteur"])
        for name in EXPORTS:
            assert reverse(name, args=[framework_a.pk]) in html
        assert reverse("frameworks:framework-import") not in html

    def test_import_link_for_hr(self, users, framework_a):
        assert reverse("frameworks:framework-import") in self.render(framework_a, users["hr"])
