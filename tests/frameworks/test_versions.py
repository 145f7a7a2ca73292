"""Versions: publishing freezes a version, a new version is a draft copy, stale forms are refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from competentie import audit
from frameworks import services
from frameworks.models import BehaviouralIndicator, Competency, Framework, ProfileCompetency

from ..factories import make_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(users, framework_a):
    return services.framework_publish(framework=framework_a, user=users["hr"])


class TestPublish:
    def test_publishing_freezes_the_version_with_date_and_status(self, client_as, framework_a):
        response = client_as("hr").post(reverse("frameworks:framework-publish", args=[framework_a.pk]))
        assert response.status_code == 302
        framework_a.refresh_from_db()
        assert framework_a.status == Framework.Status.ADOPTED
        assert framework_a.published_at is not None and framework_a.is_frozen
        assert audit.history_for(framework_a, actions=["framework.publish"]).exists()

    def test_publish_asks_for_confirmation_first(self, client_as, framework_a):
        content = client_as("hr").get(reverse("frameworks:framework-publish", args=[framework_a.pk])).content.decode()
        assert "Vaststellen en publiceren" in content
        framework_a.refresh_from_db()
        assert framework_a.published_at is None

    def test_every_service_refuses_to_change_a_published_version(self, users, published):
        hr = users["hr"]
        competency = published.competencies.first()
        indicator = competency.indicators.first()
        profile = published.profiles.first()
        pc = profile.profile_competencies.first()
        level = published.levels.first()
        attempts = [
            lambda: services.framework_update(
                framework=published,
                user=hr,
                revision=published.revision,
                name="x",
                description="",
                target_group="",
                source="",
                status="concept",
            ),
            lambda: services.competency_create(framework=published, user=hr, name="Nieuw"),
            lambda: services.competency_update(
                competency=competency,
                user=hr,
                revision=competency.revision,
                name="x",
                definition="",
                kind="",
                hard_to_learn=False,
                cluster=None,
            ),
            lambda: services.competency_delete(competency=competency, user=hr),
            lambda: services.indicator_create(user=hr, text="Nieuw.", competency=competency),
            lambda: services.indicator_update(
                indicator=indicator, user=hr, revision=indicator.revision, text="x", level=None
            ),
            lambda: services.indicator_delete(indicator=indicator, user=hr),
            lambda: services.level_create(framework=published, user=hr, name="x"),
            lambda: services.level_delete(level=level, user=hr),
            lambda: services.profile_competency_update(
                profile_competency=pc, user=hr, revision=pc.revision, required_level=None, note="x"
            ),
            lambda: services.profile_competency_remove(profile_competency=pc, user=hr),
            lambda: services.framework_step_update(framework=published, user=hr, number=1, done=True, output=""),
            lambda: services.framework_publish(framework=published, user=hr),
        ]
        for attempt in attempts:
            with pytest.raises(ValidationError) as error:
                attempt()
            assert "vastgesteld" in error.value.messages[0]
        competency.refresh_from_db()
        assert competency.name != "x" and BehaviouralIndicator.objects.filter(pk=indicator.pk).exists()
        assert ProfileCompetency.objects.filter(pk=pc.pk, note="").exists()

    def test_edit_pages_of_a_published_version_redirect_with_a_message(self, client_as, published):
        competency = published.competencies.first()
        client = client_as("hr")
        response = client.get(reverse("frameworks:competency-edit", args=[competency.pk]), follow=True)
        assert "is vastgesteld en kan niet meer worden gewijzigd" in response.content.decode()
        response = client.post(reverse("frameworks:competency-create", args=[published.pk]), {"name": "Nieuw"})
        assert response.status_code == 302
        assert not published.competencies.filter(name="Nieuw").exists()

    def test_framework_page_of_a_published_version_offers_a_new_version_not_editing(self, client_as, published):
        content = client_as("hr").get(reverse("frameworks:framework-detail", args=[published.pk])).content.decode()
        assert "Nieuwe versie maken" in content
        assert "Nieuwe competentie" not in content


class TestNewVersion:
    def test_new_version_is_a_draft_copy_with_the_next_number(self, client_as, published):
        response = client_as("hr").post(reverse("frameworks:framework-new-version", args=[published.pk]))
        draft = Framework.objects.get(based_on=published, version=2)
        assert response.url == reverse("frameworks:framework-detail", args=[draft.pk])
        assert draft.published_at is None and draft.status == Framework.Status.CONCEPT
        assert draft.first_version == published and draft.organisation == published.organisation
        assert draft.competencies.count() == published.competencies.count()
        assert (
            ProfileCompetency.objects.filter(profile__framework=draft).count()
            == ProfileCompetency.objects.filter(profile__framework=published).count()
        )
        # The draft is editable, the published version still is not.
        competency = draft.competencies.first()
        services.competency_update(
            competency=competency,
            user=response.wsgi_request.user,
            revision=1,
            name="Nieuw",
            definition="",
            kind="",
            hard_to_learn=False,
            cluster=None,
        )
        assert published.competencies.filter(name="Nieuw").count() == 0

    def test_a_second_new_version_of_the_same_version_is_refused(self, users, published):
        services.framework_new_version(framework=published, user=users["hr"])
        with pytest.raises(ValidationError, match="nieuwere versie"):
            services.framework_new_version(framework=published, user=users["hr"])

    def test_a_draft_cannot_get_a_new_version(self, users, framework_a):
        with pytest.raises(ValidationError):
            services.framework_new_version(framework=framework_a, user=users["hr"])

    def test_history_page_lists_all_versions_and_who_changed_what(self, client_as, users, published):
        draft = services.framework_new_version(framework=published, user=users["hr"])
        services.competency_create(framework=draft, user=users["hr"], name="Samenwerken")
        content = client_as("selecteur").get(reverse("frameworks:framework-history", args=[draft.pk])).content.decode()
        assert "versie 1" in content and "versie 2" in content
        assert "Competentie “Samenwerken” toegevoegd." in content
        assert "Versie 1 vastgesteld en gepubliceerd." in content
        assert reverse("frameworks:framework-pdf", args=[published.pk]) in content

    def test_earlier_version_stays_viewable_and_exportable(self, client_as, users, published):
        services.framework_new_version(framework=published, user=users["hr"])
        client = client_as("mt")
        assert client.get(reverse("frameworks:framework-detail", args=[published.pk])).status_code == 200
        response = client.get(reverse("frameworks:framework-pdf", args=[published.pk]))
        assert response["Content-Type"] == "application/pdf"


class TestStaleEdit:
    def test_second_save_of_a_stale_competency_form_is_refused_and_nothing_overwritten(self, client_as, framework_a):
        competency = framework_a.competencies.first()
        url = reverse("frameworks:competency-edit", args=[competency.pk])
        stale_revision = competency.revision
        form = {"definition": "", "kind": "", "cluster": "", "revision": stale_revision}
        first = client_as("hr").post(url, {**form, "name": "Eerste auteur"})
        assert first.status_code == 302
        second = client_as("hr").post(url, {**form, "name": "Tweede auteur"})
        assert second.status_code == 200
        page = second.content.decode()
        assert "Iemand anders heeft dit intussen gewijzigd" in page
        # Both texts visible: the user's own in the form, the colleague's newer one beside it.
        assert 'value="Tweede auteur"' in page and "De nieuwere versie van uw collega: Naam: Eerste auteur" in page
        competency.refresh_from_db()
        assert competency.name == "Eerste auteur" and competency.revision == stale_revision + 1

    def test_stale_indicator_edit_is_refused(self, client_as, framework_a):
        indicator = framework_a.competencies.first().indicators.first()
        url = reverse("frameworks:indicator-edit", args=[indicator.pk])
        prefix = f"edit{indicator.pk}"
        data = {f"{prefix}-level": indicator.level_id, f"{prefix}-revision": indicator.revision}
        client_as("hr").post(url, {**data, f"{prefix}-text": "Versie A."}, HTTP_HX_REQUEST="true")
        response = client_as("hr").post(url, {**data, f"{prefix}-text": "Versie B."}, HTTP_HX_REQUEST="true")
        assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
        indicator.refresh_from_db()
        assert indicator.text == "Versie A."

    def test_stale_profile_and_framework_saves_are_refused(self, users, framework_a):
        profile = framework_a.profiles.first()
        kwargs = {
            "name": "P",
            "code": "",
            "description": "",
            "characteristic": "",
            "parent": None,
            "role_level": None,
            "expertise_areas": [],
            "tasks": [],
            "dilemma_positions": {},
        }
        services.profile_update(profile=profile, user=users["hr"], revision=1, **kwargs)
        with pytest.raises(ValidationError, match="intussen gewijzigd"):
            services.profile_update(profile=profile, user=users["hr"], revision=1, **{**kwargs, "name": "Q"})
        profile.refresh_from_db()
        assert profile.name == "P"
        fields = {"name": "F", "description": "", "target_group": "", "source": "", "status": "concept"}
        services.framework_update(framework=framework_a, user=users["hr"], revision=1, **fields)
        with pytest.raises(ValidationError):
            services.framework_update(framework=framework_a, user=users["hr"], revision=1, **{**fields, "name": "G"})
        assert Framework.objects.get(pk=framework_a.pk).name == "F"

    def test_form_without_revision_is_refused(self, users, framework_a):
        competency = framework_a.competencies.first()
        with pytest.raises(ValidationError):
            services.competency_update(
                competency=competency,
                user=users["hr"],
                revision=None,
                name="x",
                definition="",
                kind="",
                hard_to_learn=False,
                cluster=None,
            )
        assert Competency.objects.get(pk=competency.pk).name != "x"


def test_version_numbers_follow_the_line_of_versions(users, org_a):
    framework = make_framework(org_a, competencies=1, profiles=0)
    v1 = services.framework_publish(framework=framework, user=users["hr"])
    v2 = services.framework_new_version(framework=v1, user=users["hr"])
    v2 = services.framework_publish(framework=v2, user=users["hr"])
    v3 = services.framework_new_version(framework=v2, user=users["hr"])
    assert [f.version for f in services.framework_versions(framework=v3).order_by("version")] == [1, 2, 3]
    assert v3.first_version == v1 and v3.based_on == v2
    # Publishing version 2 archived version 1; its content and publication date stay.
    v1.refresh_from_db()
    assert v1.status == Framework.Status.ARCHIVED and v1.published_at is not None and v1.is_frozen
    assert audit.history_for(v1, actions=["framework.archive"]).exists()


def test_stale_required_level_form_on_the_compose_page_is_refused(client_as, framework_a):
    pc = framework_a.profiles.get(parent__isnull=True).profile_competencies.first()
    expert = framework_a.levels.get(name="expert")
    url = reverse("frameworks:profile-competency-edit", args=[pc.pk])
    prefix = f"pc{pc.pk}"
    client_as("hr").post(
        url, {f"{prefix}-required_level": expert.pk, f"{prefix}-note": "Eerste.", f"{prefix}-revision": pc.revision}
    )
    response = client_as("hr").post(
        url,
        {f"{prefix}-required_level": "", f"{prefix}-note": "Tweede.", f"{prefix}-revision": pc.revision},
        follow=True,
    )
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    pc.refresh_from_db()
    assert pc.note == "Eerste." and pc.required_level == expert
