import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from frameworks.models import Competency, Framework, Profile

from ..factories import make_framework

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


class TestAccess:
    def test_anonymous_user_is_sent_to_the_login_page(self, client, framework_a):
        for url in [
            reverse("home"),
            reverse("frameworks:framework-list"),
            reverse("frameworks:framework-detail", args=[framework_a.pk]),
            reverse("frameworks:dictionary"),
        ]:
            response = client.get(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("login"))

    def test_login_page_is_dutch_and_public(self, client):
        response = client.get(reverse("login"))
        assert response.status_code == 200
        assert b'lang="nl"' in response.content
        assert "Inloggen" in response.content.decode()
        assert "Gebruikersnaam" in response.content.decode()

    def test_demo_style_login_works(self, client, users):
        response = client.post(reverse("login"), {"username": "hr", "password": "wachtwoord-123"})
        assert response.status_code == 302
        assert response.url == reverse("home")

    def test_user_of_organisation_a_cannot_see_framework_of_organisation_b_in_the_list(
        self, client_as, framework_a, framework_b
    ):
        content = client_as("hr").get(reverse("frameworks:framework-list")).content.decode()
        assert "Framework Aadorp" in content
        assert "Framework Beekdal" not in content

    @pytest.mark.parametrize("persona", ["hr", "selecteur", "mt", "beheerder", "nobody"])
    def test_framework_of_another_organisation_is_not_found_by_url(self, client_as, persona, framework_b):
        profile = framework_b.profiles.first()
        competency = framework_b.competencies.first()
        client = client_as(persona)
        for url in [
            reverse("frameworks:framework-detail", args=[framework_b.pk]),
            reverse("frameworks:profile-detail", args=[profile.pk]),
            reverse("frameworks:competency-detail", args=[competency.pk]),
        ]:
            assert client.get(url).status_code == 404, url

    @pytest.mark.parametrize("persona", ["hr", "selecteur", "mt", "beheerder"])
    def test_every_member_reads_own_frameworks(self, client_as, persona, framework_a):
        response = client_as(persona).get(reverse("frameworks:framework-detail", args=[framework_a.pk]))
        assert response.status_code == 200
        assert "Framework Aadorp" in response.content.decode()

    def test_seeded_libraries_are_readable_by_a_user_without_organisation(self, client_as, seeded):
        content = client_as("nobody").get(reverse("frameworks:framework-list")).content.decode()
        for name in ["PiCompany competentiewoordenboek", "VTH competentieprofielen"]:
            assert name in content

    def test_dictionary_search_does_not_show_another_organisations_competencies(self, client_as, framework_b, seeded):
        framework_b.is_dictionary = True
        framework_b.save()
        content = client_as("hr").get(reverse("frameworks:dictionary"), {"q": "Definitie"}).content.decode()
        assert "Competentie 0" not in content


class TestPages:
    def test_home_shows_the_work_of_the_role(self, client_as):
        # The home page is "Mijn werk" (tests/test_home.py); the MT member's part is the self-evaluation.
        content = client_as("mt").get(reverse("home")).content.decode()
        for part in ["Mijn werk", "Frameworks", "Zelfevaluatie"]:
            assert part in content
        assert 'href="#inhoud"' in content  # skip link

    def test_framework_detail_shows_clusters_competencies_and_profiles(self, client_as, framework_a):
        content = client_as("hr").get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode()
        assert "Cluster" in content
        assert "Competentie 0" in content
        assert "Profiel 0" in content
        assert "Hoofdtaak 0" in content

    def test_competency_detail_shows_definition_indicators_and_where_used(self, client_as, framework_a):
        competency = framework_a.competencies.get(name="Competentie 1")
        content = client_as("hr").get(reverse("frameworks:competency-detail", args=[competency.pk])).content.decode()
        assert "Definitie 1" in content
        assert "Toont gedrag 0" in content
        assert "Profiel 0" in content

    def test_profile_detail_shows_hoofdtaken_with_kenmerk_and_deeltaken(self, client_as, framework_a):
        profile = framework_a.profiles.get(parent__isnull=True)
        content = client_as("hr").get(reverse("frameworks:profile-detail", args=[profile.pk])).content.decode()
        assert "Vergunningverlening" in content
        assert "contact met klant" in content
        assert "Voeren van klantgesprekken." in content
        assert "Vraagt door." in content

    def test_divosa_profile_page_shows_every_hoofdtaak(self, client_as, seeded):
        werk = Profile.objects.get(framework__name__startswith="Divosa", name="Werk")
        content = client_as("selecteur").get(reverse("frameworks:profile-detail", args=[werk.pk])).content.decode()
        for hoofdtaak in werk.children.all():
            assert hoofdtaak.name in content
            for task in hoofdtaak.tasks.all():
                assert task.text in content

    def test_vth_profile_page_shows_expertise_areas_description_and_bullets(self, client_as, seeded):
        profile = Profile.objects.get(framework__name="VTH competentieprofielen", name="Vergunningverlener")
        content = client_as("mt").get(reverse("frameworks:profile-detail", args=[profile.pk])).content.decode()
        assert "Vergunningverlening bouwen en ruimtelijke ordening" in content
        assert "De vergunningverlener behandelt aanvragen en meldingen." in content
        assert "Criteria weergeven waarop een conclusie is gebaseerd." in content

    def test_dictionary_searches_name_and_definition(self, client_as, seeded):
        client = client_as("hr")
        by_name = client.get(reverse("frameworks:dictionary"), {"q": "integriteit"}).content.decode()
        assert "Handhaven van algemeen aanvaarde sociale en ethische normen" in by_name
        by_definition = client.get(reverse("frameworks:dictionary"), {"q": "tijdsdruk"}).content.decode()
        assert "Stressbestendigheid" in by_definition
        assert "Leidinggeven" not in by_definition

    def test_dictionary_explains_an_empty_result(self, client_as, seeded):
        content = client_as("hr").get(reverse("frameworks:dictionary"), {"q": "xyzzy"}).content.decode()
        assert "Geen competenties gevonden" in content


class TestQueryCounts:
    """Each browse page costs the same number of queries with little or much data."""

    def _grow(self, organisation, size):
        for _ in range(size):
            make_framework(organisation, competencies=size, profiles=max(1, size // 3), indicators=3)

    def test_framework_list_is_constant(self, client_as, org_a):
        client = client_as("hr")
        self._grow(org_a, 2)
        small = count_queries(client, reverse("frameworks:framework-list"))
        self._grow(org_a, 8)
        # Expect 4 queries: session, user, memberships, frameworks with their counts.
        assert count_queries(client, reverse("frameworks:framework-list")) == small == 4

    @pytest.mark.parametrize("page", ["framework-detail", "profile-detail", "competency-detail"])
    def test_detail_pages_are_constant(self, client_as, org_a, page, django_assert_max_num_queries):
        client = client_as("hr")

        def url_for(framework):
            target = {
                "framework-detail": framework,
                "profile-detail": framework.profiles.filter(parent__isnull=True).first(),
                "competency-detail": framework.competencies.first(),
            }[page]
            return reverse(f"frameworks:{page}", args=[target.pk])

        small = make_framework(org_a, competencies=2, profiles=1, indicators=1)
        large = make_framework(org_a, competencies=30, profiles=10, indicators=6)
        small_url, large_url = url_for(small), url_for(large)
        assert count_queries(client, small_url) == count_queries(client, large_url)
        # Session, user, memberships, the object with its joins, and one query per prefetched
        # relation (a profile page: 5 for the profile itself, 5 for its hoofdtaken).
        with django_assert_max_num_queries(14):
            client.get(large_url)

    def test_dictionary_is_constant(self, client_as, org_a, seeded):
        client = client_as("hr")
        small = count_queries(client, reverse("frameworks:dictionary") + "?q=en")
        extra = make_framework(org_a, competencies=80, profiles=0, is_dictionary=True)
        assert Competency.objects.filter(framework=extra).count() == 80
        # Expect 5 queries: session, user, memberships, count, one page of competencies.
        assert count_queries(client, reverse("frameworks:dictionary") + "?q=en") == small == 5

    def test_seeded_pages_have_bounded_queries(self, client_as, seeded, django_assert_max_num_queries):
        client = client_as("hr")
        for framework in Framework.objects.filter(organisation__isnull=True):
            url = reverse("frameworks:framework-detail", args=[framework.pk])
            # The first visit renders the competency list and stores it in the database cache (count,
            # savepoint, look-up, insert, release: competentie/fragments.py); the next one reads it back
            # in one query instead of the clusters and their competencies.
            with django_assert_max_num_queries(18):
                client.get(url)
            with django_assert_max_num_queries(10):
                client.get(url)
