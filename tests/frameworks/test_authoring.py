"""Framework authoring in the browser: who may edit, and what each page writes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competentie import audit
from frameworks import services
from frameworks.models import (
    BehaviouralIndicator,
    Competency,
    Framework,
    FrameworkStep,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
    ReviewComment,
    Reviewer,
)

from ..factories import make_framework, make_user

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def authoring_urls(framework):
    competency = framework.competencies.order_by("pk").first()
    profile = framework.profiles.filter(parent__isnull=True).first()
    pc = profile.profile_competencies.first()
    indicator = competency.indicators.first()
    return {
        "framework-edit": reverse("frameworks:framework-edit", args=[framework.pk]),
        "competency-create": reverse("frameworks:competency-create", args=[framework.pk]),
        "competency-pick": reverse("frameworks:competency-pick", args=[framework.pk]),
        "competency-edit": reverse("frameworks:competency-edit", args=[competency.pk]),
        "competency-delete": reverse("frameworks:competency-delete", args=[competency.pk]),
        "cluster-create": reverse("frameworks:cluster-create", args=[framework.pk]),
        "levels-edit": reverse("frameworks:levels-edit", args=[framework.pk]),
        "indicator-edit": reverse("frameworks:indicator-edit", args=[indicator.pk]),
        "indicator-delete": reverse("frameworks:indicator-delete", args=[indicator.pk]),
        "profile-create": reverse("frameworks:profile-create", args=[framework.pk]),
        "profile-edit": reverse("frameworks:profile-edit", args=[profile.pk]),
        "profile-compose": reverse("frameworks:profile-compose", args=[profile.pk]),
        "profile-competency-remove": reverse("frameworks:profile-competency-remove", args=[pc.pk]),
        "framework-publish": reverse("frameworks:framework-publish", args=[framework.pk]),
    }


class TestPermissions:
    @pytest.mark.parametrize("persona", ["selecteur", "mt", "beheerder"])
    def test_member_without_hr_role_gets_403_on_every_authoring_page(self, client_as, persona, framework_a):
        client = client_as(persona)
        for name, url in authoring_urls(framework_a).items():
            assert client.get(url).status_code == 403, name
        competency = framework_a.competencies.first()
        response = client.post(
            reverse("frameworks:competency-edit", args=[competency.pk]),
            {"name": "Gekaapt", "revision": competency.revision},
        )
        assert response.status_code == 403
        assert not Competency.objects.filter(name="Gekaapt").exists()

    @pytest.mark.parametrize("persona", ["outsider", "nobody"])
    def test_another_organisations_author_gets_404(self, client_as, persona, framework_a):
        client = client_as(persona)
        for name, url in authoring_urls(framework_a).items():
            assert client.get(url).status_code == 404, name
        response = client.post(reverse("frameworks:competency-create", args=[framework_a.pk]), {"name": "Gekaapt"})
        assert response.status_code == 404
        assert not Competency.objects.filter(name="Gekaapt").exists()

    @pytest.mark.parametrize("persona", ["outsider", "nobody"])
    def test_another_organisation_cannot_read_review_history_or_documents(self, client_as, persona, framework_a):
        profile = framework_a.profiles.get(parent__isnull=True)
        client = client_as(persona)
        for url in [
            reverse("frameworks:review", args=[framework_a.pk]),
            reverse("frameworks:framework-history", args=[framework_a.pk]),
            reverse("frameworks:framework-pdf", args=[framework_a.pk]),
            reverse("frameworks:framework-print", args=[framework_a.pk]),
            reverse("frameworks:profile-pdf", args=[profile.pk]),
            reverse("frameworks:profile-print", args=[profile.pk]),
            reverse("frameworks:framework-derive", args=[framework_a.pk]),
            reverse("frameworks:profile-derive", args=[profile.pk]),
        ]:
            assert client.get(url).status_code == 404, url

    @pytest.mark.parametrize("persona", ["selecteur", "mt", "beheerder"])
    def test_every_member_reads_review_history_and_documents(self, client_as, persona, framework_a):
        profile = framework_a.profiles.get(parent__isnull=True)
        client = client_as(persona)
        for url in [
            reverse("frameworks:review", args=[framework_a.pk]),
            reverse("frameworks:framework-history", args=[framework_a.pk]),
            reverse("frameworks:profile-print", args=[profile.pk]),
        ]:
            assert client.get(url).status_code == 200, url
        assert client.post(reverse("frameworks:framework-publish", args=[framework_a.pk])).status_code == 403
        assert client.post(reverse("frameworks:framework-new-version", args=[framework_a.pk])).status_code == 403

    def test_seeded_library_is_read_only_even_for_an_author(self, client_as, seeded):
        library = Framework.objects.get(name="VTH competentieprofielen")
        client = client_as("hr")
        assert client.get(reverse("frameworks:framework-edit", args=[library.pk])).status_code == 403
        response = client.post(reverse("frameworks:competency-create", args=[library.pk]), {"name": "Extra"})
        assert response.status_code == 403
        assert not library.competencies.filter(name="Extra").exists()
        content = client.get(reverse("frameworks:framework-detail", args=[library.pk])).content.decode()
        assert "Gebruik als vertrekpunt" in content
        assert "Nieuwe competentie" not in content

    def test_library_services_refuse_too(self, users, seeded):
        from django.core.exceptions import PermissionDenied

        library = Framework.objects.get(name="VTH competentieprofielen")
        with pytest.raises(PermissionDenied):
            services.competency_create(framework=library, user=users["hr"], name="Extra")

    def test_selecteur_sees_no_edit_buttons(self, client_as, framework_a):
        content = (
            client_as("selecteur").get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode()
        )
        assert "Nieuwe competentie" not in content
        assert "Stappenplan" in content
        assert 'name="done"' not in content

    def test_selecteur_cannot_create_a_framework(self, client_as):
        assert client_as("selecteur").get(reverse("frameworks:framework-create")).status_code == 403
        assert client_as("nobody").get(reverse("frameworks:framework-create")).status_code == 403


class TestFrameworkAndSteps:
    def test_author_creates_a_framework_with_default_levels(self, client_as, org_a):
        client = client_as("hr")
        response = client.post(
            reverse("frameworks:framework-create"),
            {
                "organisation": org_a.pk,
                "name": "Traineeship Aadorp",
                "description": "Gelijke kansen bij selectie.",
                "target_group": "Trainees",
                "source": "",
            },
        )
        framework = Framework.objects.get(name="Traineeship Aadorp")
        assert response.status_code == 302
        assert response.url == reverse("frameworks:framework-detail", args=[framework.pk])
        assert framework.organisation == org_a
        assert framework.status == Framework.Status.CONCEPT
        assert [lv.name for lv in framework.levels.order_by("order")] == ["beginner", "gevorderd", "expert"]
        assert audit.history_for(framework, actions=["framework.create"]).exists()

    def test_framework_page_shows_the_seven_steps_of_the_guide(self, client_as, framework_a):
        content = client_as("hr").get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode()
        for title in [
            "Stap 1: Definieer het doel en de doelgroep",
            "Stap 2: Betrek belanghebbenden",
            "Stap 3: Analyseer de huidige situatie",
            "Stap 4: Identificeer relevante competenties",
            "Stap 5: Ontwikkel gedragsindicatoren",
            "Stap 6: Implementeer en communiceer",
            "Stap 7: Evalueer en verbeter",
        ]:
            assert title in content
        assert "Een set gevalideerde gedragsindicatoren die breed worden ondersteund." in content
        assert "0 van 7 stappen afgerond" in content

    def test_author_ticks_a_step_with_htmx_and_notes_its_output(self, client_as, framework_a):
        url = reverse("frameworks:framework-step", args=[framework_a.pk, 1])
        response = client_as("hr").post(
            url, {"done": "on", "output": "Doel: eerlijke selectie."}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        assert 'id="stap-1"' in response.content.decode()
        assert "Opgeslagen." in response.content.decode()
        assert 'id="stappenplan-voortgang" data-hx-swap-oob="true"' in response.content.decode()
        step = FrameworkStep.objects.get(framework=framework_a, number=1)
        assert step.done and step.output == "Doel: eerlijke selectie."
        content = client_as("hr").get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode()
        assert "1 van 7 stappen afgerond" in content
        assert content.count('id="stappenplan-voortgang"') == 1

    def test_step_without_htmx_redirects_back(self, client_as, framework_a):
        response = client_as("hr").post(reverse("frameworks:framework-step", args=[framework_a.pk, 7]), {"output": "x"})
        assert response.status_code == 302
        assert FrameworkStep.objects.get(framework=framework_a, number=7).done is False

    def test_selecteur_cannot_tick_a_step(self, client_as, framework_a):
        response = client_as("selecteur").post(
            reverse("frameworks:framework-step", args=[framework_a.pk, 1]), {"done": "on"}
        )
        assert response.status_code == 403
        assert not FrameworkStep.objects.exists()

    def test_editing_the_framework_updates_and_logs(self, client_as, framework_a):
        response = client_as("hr").post(
            reverse("frameworks:framework-edit", args=[framework_a.pk]),
            {
                "name": "Nieuwe naam",
                "description": "Doel",
                "target_group": "Doelgroep",
                "source": "",
                "status": "pilot",
                "revision": framework_a.revision,
            },
        )
        assert response.status_code == 302
        framework_a.refresh_from_db()
        assert framework_a.name == "Nieuwe naam" and framework_a.status == "pilot"
        assert framework_a.revision == 2
        assert audit.history_for(framework_a, actions=["framework.update"]).exists()


class TestCompetencies:
    def test_new_competency_form_offers_the_guides_template(self, client_as, framework_a):
        content = client_as("hr").get(reverse("frameworks:competency-create", args=[framework_a.pk])).content.decode()
        assert "Als je [competentie] bent/hebt/bezit, dan ben/kan/werk je …" in content

    def test_author_adds_a_competency_with_kind_and_learnability(self, client_as, framework_a):
        cluster = framework_a.clusters.first()
        response = client_as("hr").post(
            reverse("frameworks:competency-create", args=[framework_a.pk]),
            {
                "name": "Ontwikkelingsgericht vermogen",
                "definition": "Als je een ontwikkelingsgericht vermogen hebt, heb je inzicht in je eigen talenten.",
                "kind": "attitude",
                "hard_to_learn": "on",
                "cluster": cluster.pk,
            },
        )
        competency = framework_a.competencies.get(name="Ontwikkelingsgericht vermogen")
        assert response.status_code == 302
        assert competency.kind == "attitude" and competency.hard_to_learn and competency.cluster == cluster

    def test_picker_searches_dictionaries_and_copies_with_origin(self, client_as, framework_a, seeded):
        client = client_as("hr")
        response = client.get(
            reverse("frameworks:competency-pick", args=[framework_a.pk]), {"q": "integriteit"}, HTTP_HX_REQUEST="true"
        )
        source = Competency.objects.get(framework__is_dictionary=True, name="Integriteit")
        assert f'value="{source.pk}"' in response.content.decode()
        assert "<html" not in response.content.decode()  # htmx gets the results only
        response = client.post(reverse("frameworks:competency-pick", args=[framework_a.pk]), {"source": source.pk})
        assert response.status_code == 302
        copy = framework_a.competencies.get(name="Integriteit")
        assert copy.derived_from == source
        assert copy.definition == source.definition
        assert copy.hard_to_learn == source.hard_to_learn and copy.kind == source.kind
        assert copy.indicators.count() == source.indicators.count()
        # Picking the same entry twice is refused with a message, nothing is duplicated.
        client.post(reverse("frameworks:competency-pick", args=[framework_a.pk]), {"source": source.pk})
        assert framework_a.competencies.filter(name="Integriteit").count() == 1

    def test_picker_copies_generic_indicators_onto_levels_of_the_same_name(self, users, framework_a, org_a):
        other = make_framework(org_a, name="Ander framework", competencies=1, indicators=3, profiles=0)
        source = other.competencies.get()
        copy = services.competency_pick(framework=framework_a, user=users["hr"], source=source)
        assert sorted(i.level.name for i in copy.indicators.all()) == ["beginner", "expert", "gevorderd"]
        assert all(i.level.framework_id == framework_a.pk for i in copy.indicators.all())

    def test_picker_does_not_offer_another_organisations_framework(self, client_as, framework_a, framework_b):
        content = (
            client_as("hr")
            .get(reverse("frameworks:competency-pick", args=[framework_a.pk]), {"q": "Competentie"})
            .content.decode()
        )
        assert "Framework Beekdal" not in content
        source = framework_b.competencies.first()
        response = client_as("hr").post(
            reverse("frameworks:competency-pick", args=[framework_a.pk]), {"source": source.pk}
        )
        assert response.status_code == 404

    def test_competencies_move_up_and_down(self, users, framework_a):
        unclustered = list(framework_a.competencies.filter(cluster__isnull=True).order_by("order", "name"))
        assert len(unclustered) == 2
        client_url = reverse("frameworks:competency-move", args=[unclustered[1].pk])
        from django.test import Client

        client = Client()
        client.force_login(users["hr"])
        assert client.post(client_url, {"direction": "up"}).status_code == 302
        after = list(framework_a.competencies.filter(cluster__isnull=True).order_by("order", "name"))
        assert after == [unclustered[1], unclustered[0]]

    def test_competency_used_in_a_profile_is_not_deleted(self, client_as, framework_a):
        competency = framework_a.competencies.first()
        response = client_as("hr").post(reverse("frameworks:competency-delete", args=[competency.pk]), follow=True)
        assert Competency.objects.filter(pk=competency.pk).exists()
        assert "Haal de competentie daar eerst uit" in response.content.decode()


class TestLevelsAndIndicators:
    def test_levels_are_editable_and_movable(self, client_as, framework_a):
        client = client_as("hr")
        level = framework_a.levels.get(name="expert")
        client.post(
            reverse("frameworks:level-edit", args=[level.pk]),
            {f"level{level.pk}-name": "meester", f"level{level.pk}-description": "", f"level{level.pk}-revision": 1},
        )
        client.post(reverse("frameworks:level-move", args=[level.pk]), {"direction": "up"})
        client.post(reverse("frameworks:levels-edit", args=[framework_a.pk]), {"new-name": "topniveau"})
        assert [lv.name for lv in framework_a.levels.order_by("order", "pk")] == [
            "beginner",
            "meester",
            "gevorderd",
            "topniveau",
        ]

    def test_indicator_is_added_inline_with_htmx(self, client_as, framework_a):
        competency = framework_a.competencies.first()
        level = framework_a.levels.get(name="expert")
        block = f"ind-c{competency.pk}-l{level.pk}"
        response = client_as("hr").post(
            reverse("frameworks:indicator-create", args=[competency.pk]),
            {
                "block": block,
                f"{block}-text": "Ontwikkelt een communicatiestrategie.",
                f"{block}-level": level.pk,
            },
            HTTP_HX_REQUEST="true",
        )
        content = response.content.decode()
        assert response.status_code == 200
        assert content.startswith(f'<div id="{block}"')
        assert "Ontwikkelt een communicatiestrategie." in content
        assert competency.indicators.filter(level=level, text="Ontwikkelt een communicatiestrategie.").exists()

    def test_indicator_add_without_htmx_falls_back_to_a_redirect(self, client_as, framework_a):
        competency = framework_a.competencies.first()
        level = framework_a.levels.get(name="beginner")
        block = f"ind-c{competency.pk}-l{level.pk}"
        response = client_as("hr").post(
            reverse("frameworks:indicator-create", args=[competency.pk]),
            {"block": block, f"{block}-text": "Vraagt geregeld feedback.", f"{block}-level": level.pk},
        )
        assert response.status_code == 302
        assert competency.indicators.filter(text="Vraagt geregeld feedback.").exists()

    def test_empty_indicator_is_refused_with_a_message_and_nothing_written(self, client_as, framework_a):
        competency = framework_a.competencies.first()
        before = BehaviouralIndicator.objects.count()
        block = f"ind-c{competency.pk}-l0"
        response = client_as("hr").post(
            reverse("frameworks:indicator-create", args=[competency.pk]),
            {"block": block, f"{block}-text": ""},
            HTTP_HX_REQUEST="true",
        )
        assert "Dit veld is verplicht" in response.content.decode()
        assert BehaviouralIndicator.objects.count() == before

    def test_indicator_edits_inline_and_returns_the_item(self, client_as, framework_a):
        indicator = framework_a.competencies.first().indicators.first()
        client = client_as("hr")
        form = client.get(reverse("frameworks:indicator-edit", args=[indicator.pk]), HTTP_HX_REQUEST="true")
        assert f'id="indicator-{indicator.pk}"' in form.content.decode()
        assert "<form" in form.content.decode()
        prefix = f"edit{indicator.pk}"
        response = client.post(
            reverse("frameworks:indicator-edit", args=[indicator.pk]),
            {
                f"{prefix}-text": "Luistert actief naar anderen.",
                f"{prefix}-level": indicator.level_id,
                f"{prefix}-revision": indicator.revision,
            },
            HTTP_HX_REQUEST="true",
        )
        assert "Luistert actief naar anderen." in response.content.decode()
        assert "<form" in response.content.decode()  # the move buttons, not the edit form
        indicator.refresh_from_db()
        assert indicator.text == "Luistert actief naar anderen." and indicator.revision == 2

    def test_indicators_reorder_within_their_level(self, users, org_a):
        framework = make_framework(org_a, competencies=1, indicators=0, profiles=0)
        competency = framework.competencies.get()
        level = framework.levels.first()
        first = services.indicator_create(user=users["hr"], text="Eerste.", level=level, competency=competency)
        second = services.indicator_create(user=users["hr"], text="Tweede.", level=level, competency=competency)
        services.indicator_move(indicator=second, user=users["hr"], direction="up")
        assert list(competency.indicators.order_by("order", "pk")) == [second, first]


class TestProfiles:
    def test_author_composes_a_profile_with_level_note_and_specific_indicator(self, client_as, framework_a):
        client = client_as("hr")
        response = client.post(
            reverse("frameworks:profile-create", args=[framework_a.pk]),
            {
                "name": "Vergunningverlener",
                "code": "7",
                "description": "Behandelt aanvragen.",
                "characteristic": "",
                "expertise_areas": "Bouwen\nMilieu",
                "tasks": "Toetsen van aanvragen.",
            },
        )
        profile = framework_a.profiles.get(name="Vergunningverlener")
        assert response.url == reverse("frameworks:profile-compose", args=[profile.pk])
        assert [a.name for a in profile.expertise_areas.all()] == ["Bouwen", "Milieu"]
        competency = framework_a.competencies.first()
        level = framework_a.levels.get(name="expert")
        client.post(
            reverse("frameworks:profile-competency-add", args=[profile.pk]),
            {"add-competency": competency.pk, "add-required_level": level.pk, "add-note": "Bij complexe aanvragen."},
        )
        pc = ProfileCompetency.objects.get(profile=profile)
        assert pc.required_level == level and pc.note == "Bij complexe aanvragen."
        block = f"ind-p{pc.pk}"
        client.post(
            reverse("frameworks:profile-indicator-create", args=[pc.pk]),
            {"block": block, f"{block}-text": "Weegt belangen zichtbaar af."},
        )
        assert pc.indicators.get().text == "Weegt belangen zichtbaar af."

    def test_profile_outside_six_to_eight_core_competencies_warns_but_saves(self, client_as, framework_a):
        profile = framework_a.profiles.get(parent__isnull=True)
        content = client_as("hr").get(reverse("frameworks:profile-compose", args=[profile.pk])).content.decode()
        assert "De handleiding adviseert er zes tot acht" in content
        assert services.profile_core_warning(7) == ""
        assert "maximaal zes tot acht" in services.profile_core_warning(9)

    def test_hoofdtaak_under_a_parent_profile_with_dilemma_position(self, users, org_a):
        from frameworks.models import Dilemma

        framework = make_framework(org_a, competencies=1, profiles=1)
        dilemma = Dilemma.objects.create(framework=framework, name="consolideren versus vernieuwen")
        parent = framework.profiles.get(parent__isnull=True)
        child = services.profile_create(
            framework=framework,
            user=users["hr"],
            name="Hoofdtaak 2",
            parent=parent,
            tasks=["Voert gesprekken."],
            dilemma_positions={dilemma.pk: -1},
        )
        assert child.parent == parent
        assert child.dilemma_positions.get().position == -1


class TestDerive:
    def test_derive_copies_the_whole_vth_library(self, client_as, users, org_a, seeded, django_assert_max_num_queries):
        library = Framework.objects.get(name="VTH competentieprofielen")
        with django_assert_max_num_queries(60):
            derived = services.framework_derive(source=library, user=users["hr"], organisation=org_a)
        assert derived.organisation == org_a and derived.based_on == library
        assert derived.status == Framework.Status.CONCEPT and not derived.is_frozen
        expected_levels = library.levels.count() or len(services.DEFAULT_LEVELS)
        assert derived.levels.count() == expected_levels
        for relation in ["role_levels", "dilemmas", "clusters", "competencies", "profiles"]:
            assert getattr(derived, relation).count() == getattr(library, relation).count(), relation
        assert (
            ProfileCompetency.objects.filter(profile__framework=derived).count()
            == ProfileCompetency.objects.filter(profile__framework=library).count()
        )
        assert (
            BehaviouralIndicator.objects.filter(profile_competency__profile__framework=derived).count()
            == BehaviouralIndicator.objects.filter(profile_competency__profile__framework=library).count()
        )
        source_names = set(library.competencies.values_list("name", flat=True))
        assert set(derived.competencies.values_list("name", flat=True)) == source_names
        assert all(
            c.derived_from.framework_id == library.pk for c in derived.competencies.select_related("derived_from")
        )
        # Nothing of the copy points back into the library.
        assert not ProfileCompetency.objects.filter(profile__framework=derived, competency__framework=library).exists()

    def test_derive_query_count_does_not_grow_with_the_framework(self, users, org_a):
        small = make_framework(org_a, competencies=2, profiles=1, indicators=1)
        large = make_framework(org_a, competencies=25, profiles=8, indicators=4)
        counts = []
        for source in (small, large):
            with CaptureQueriesContext(connection) as context:
                services.framework_derive(source=source, user=users["hr"], organisation=org_a)
            counts.append(len(context.captured_queries))
        # Bulk inserts: a fixed number of statements; SQLite splits a bulk insert into batches of 999
        # variables, so a much larger framework may add a batch or two there (PostgreSQL: equal).
        assert counts[1] <= counts[0] + 6, counts

    def test_derive_one_divosa_profile_brings_its_hoofdtaken_and_competencies(self, client_as, org_a, seeded):
        werk = Profile.objects.get(framework__name__startswith="Divosa", name="Werk")
        response = client_as("hr").post(
            reverse("frameworks:profile-derive", args=[werk.pk]), {"organisation": org_a.pk, "name": "Werk Aadorp"}
        )
        derived = Framework.objects.get(name="Werk Aadorp")
        assert response.url == reverse("frameworks:framework-detail", args=[derived.pk])
        assert derived.profiles.count() == 1 + werk.children.count()
        used = (
            ProfileCompetency.objects.filter(profile__in=[werk, *werk.children.all()]).values("competency").distinct()
        )
        assert derived.competencies.count() == used.count()

    def test_selecteur_cannot_derive(self, client_as, seeded):
        library = Framework.objects.get(name="VTH competentieprofielen")
        assert client_as("selecteur").get(reverse("frameworks:framework-derive", args=[library.pk])).status_code == 403


class TestReview:
    def test_author_invites_reviewer_who_comments_and_author_resolves(self, client_as, users, framework_a):
        client = client_as("hr")
        response = client.post(
            reverse("frameworks:reviewer-invite", args=[framework_a.pk]), {"reviewer": users["selecteur"].pk}
        )
        assert response.status_code == 302
        assert Reviewer.objects.filter(framework=framework_a, user=users["selecteur"]).exists()
        framework_a.refresh_from_db()
        assert framework_a.status == Framework.Status.REVIEW

        indicator = framework_a.competencies.first().indicators.first()
        reviewer = client_as("selecteur")
        response = reviewer.post(
            reverse("frameworks:review-comment-add", args=[framework_a.pk]),
            {"subject": f"i-{indicator.pk}", "text": "Is dit observeerbaar?"},
        )
        assert response.status_code == 302
        comment = ReviewComment.objects.get()
        assert comment.indicator == indicator and comment.author == users["selecteur"]

        page = client.get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode()
        assert "1 open reviewopmerking" in page and "Is dit observeerbaar?" in page

        assert reviewer.post(reverse("frameworks:review-comment-resolve", args=[comment.pk])).status_code == 403
        client.post(reverse("frameworks:review-comment-resolve", args=[comment.pk]))
        comment.refresh_from_db()
        assert comment.resolved_by == users["hr"] and comment.resolved_at is not None
        page = client.get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode()
        assert "0 open reviewopmerkingen" in page

    def test_uninvited_member_cannot_comment(self, client_as, framework_a):
        competency = framework_a.competencies.first()
        response = client_as("mt").post(
            reverse("frameworks:review-comment-add", args=[framework_a.pk]),
            {"subject": f"c-{competency.pk}", "text": "Mag ik dit?"},
        )
        assert response.status_code == 403
        assert not ReviewComment.objects.exists()

    def test_only_colleagues_of_the_organisation_can_be_invited(self, users, framework_a):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            services.reviewer_invite(framework=framework_a, user=users["hr"], reviewer=users["outsider"])
        assert not Reviewer.objects.exists()


class TestQueryCounts:
    """Every authoring page costs the same number of queries for a small and a large framework."""

    PAGES = [
        "framework-detail",
        "competency-edit",
        "competency-pick",
        "levels-edit",
        "profile-compose",
        "profile-edit",
        "review",
        "framework-history",
        "framework-print",
        "profile-print",
    ]

    MAXIMUM = {"framework-print": 24, "profile-print": 20}

    def _url(self, page, framework):
        competency = framework.competencies.order_by("pk").first()
        profile = framework.profiles.filter(parent__isnull=True).first()
        arg = {
            "competency-edit": competency,
            "profile-compose": profile,
            "profile-edit": profile,
            "profile-print": profile,
        }.get(page, framework)
        return reverse(f"frameworks:{page}", args=[arg.pk])

    @pytest.mark.parametrize("page", PAGES)
    def test_authoring_page_is_constant(self, client_as, users, org_a, page, django_assert_max_num_queries):
        client = client_as("hr")
        small = make_framework(org_a, competencies=2, profiles=1, indicators=1)
        large = make_framework(org_a, competencies=30, profiles=10, indicators=6)
        for framework in (small, large):
            services.reviewer_invite(framework=framework, user=users["hr"], reviewer=users["mt"])
            for competency in framework.competencies.all()[:5]:
                ReviewComment.objects.create(framework=framework, competency=competency, author=users["mt"], text="?")
        small_count = count_queries(client, self._url(page, small))
        large_count = count_queries(client, self._url(page, large))
        assert small_count == large_count, (small_count, large_count)
        # Session, user, memberships, the object, and one query per prefetched relation. The print views
        # prefetch a profile's hoofdtaken with their own tasks, areas, dilemmas, competencies and indicators.
        with django_assert_max_num_queries(self.MAXIMUM.get(page, 16)):
            client.get(self._url(page, large))


def test_every_service_write_is_recorded_in_the_history(users, framework_a):
    competency = services.competency_create(framework=framework_a, user=users["hr"], name="Samenwerken")
    services.indicator_create(
        user=users["hr"],
        text="Deelt kennis.",
        competency=competency,
        level=ProficiencyLevel.objects.filter(framework=framework_a).first(),
    )
    actions = [(e.action, e.actor.username) for e in audit.history_for(framework_a)]
    assert ("framework.competency_create", "hr") in actions and ("framework.indicator_create", "hr") in actions


def test_make_user_helper_is_available_for_extra_reviewers(org_a):
    reviewer = make_user("collega", organisation=org_a, role="mt")
    assert reviewer.memberships.get().organisation == org_a


class TestClusters:
    def test_author_renames_and_deletes_a_cluster_keeping_its_competencies(self, client_as, framework_a):
        cluster = framework_a.clusters.get()
        members = set(cluster.competencies.values_list("pk", flat=True))
        client = client_as("hr")
        response = client.post(
            reverse("frameworks:cluster-edit", args=[cluster.pk]),
            {"name": "Basiscompetenties", "description": "", "revision": 1},
        )
        assert response.status_code == 302
        cluster.refresh_from_db()
        assert cluster.name == "Basiscompetenties" and cluster.revision == 2
        stale = client.post(
            reverse("frameworks:cluster-edit", args=[cluster.pk]),
            {"name": "Oud formulier", "description": "", "revision": 1},
        )
        assert "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
        assert client.get(reverse("frameworks:cluster-delete", args=[cluster.pk])).status_code == 200
        client.post(reverse("frameworks:cluster-delete", args=[cluster.pk]))
        assert not framework_a.clusters.exists()
        assert set(framework_a.competencies.filter(pk__in=members).values_list("pk", flat=True)) == members

    def test_selecteur_cannot_edit_a_cluster(self, client_as, framework_a):
        cluster = framework_a.clusters.get()
        assert client_as("selecteur").get(reverse("frameworks:cluster-edit", args=[cluster.pk])).status_code == 403
        assert client_as("outsider").get(reverse("frameworks:cluster-edit", args=[cluster.pk])).status_code == 404


def test_stale_step_form_is_refused_and_the_colleagues_note_kept(client_as, framework_a):
    url = reverse("frameworks:framework-step", args=[framework_a.pk, 2])
    client_as("hr").post(url, {"seen": "0", "done": "on", "output": "Projectteam samengesteld."})
    response = client_as("hr").post(url, {"seen": "0", "output": "Oud formulier."}, HTTP_HX_REQUEST="true")
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    step = FrameworkStep.objects.get(framework=framework_a, number=2)
    assert step.output == "Projectteam samengesteld." and step.done
    fresh = client_as("hr").post(url, {"seen": str(step.revision), "output": "Bijgewerkt."}, HTTP_HX_REQUEST="true")
    assert "Opgeslagen." in fresh.content.decode()
    assert FrameworkStep.objects.get(pk=step.pk).output == "Bijgewerkt."


def test_resolving_a_comment_never_redirects_to_another_site(client_as, users, framework_a):
    from frameworks.models import ReviewComment

    comment = ReviewComment.objects.create(
        framework=framework_a, competency=framework_a.competencies.first(), author=users["mt"], text="?"
    )
    response = client_as("hr").post(
        reverse("frameworks:review-comment-resolve", args=[comment.pk]), {"next": "//example.com/"}
    )
    assert response.url == reverse("frameworks:review", args=[framework_a.pk])


def test_profile_form_saves_role_level_and_dilemma_position_with_pole_names(client_as, framework_a):
    from frameworks.models import Dilemma, RoleLevel

    dilemma = Dilemma.objects.create(framework=framework_a, name="consolideren versus vernieuwen")
    level = RoleLevel.objects.create(framework=framework_a, name="interactief")
    profile = framework_a.profiles.get(parent__isnull=True)
    url = reverse("frameworks:profile-edit", args=[profile.pk])
    client = client_as("hr")
    assert "1: meer vernieuwen" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": profile.name,
            "code": "",
            "description": "",
            "characteristic": "",
            "parent": "",
            "role_level": level.pk,
            "expertise_areas": "Vergunningverlening",
            "tasks": "",
            f"dilemma_{dilemma.pk}": "1",
            "revision": profile.revision,
        },
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.role_level == level
    assert profile.dilemma_positions.get().position == 1


def test_reviewer_comments_on_a_profile_specific_indicator(client_as, users, framework_a):
    services.reviewer_invite(framework=framework_a, user=users["hr"], reviewer=users["mt"])
    indicator = BehaviouralIndicator.objects.filter(profile_competency__profile__framework=framework_a).first()
    client = client_as("mt")
    assert (
        f'value="i-{indicator.pk}"' in client.get(reverse("frameworks:review", args=[framework_a.pk])).content.decode()
    )
    client.post(
        reverse("frameworks:review-comment-add", args=[framework_a.pk]),
        {"subject": f"i-{indicator.pk}", "text": "Te algemeen voor deze rol."},
    )
    assert ReviewComment.objects.get().indicator == indicator


@pytest.mark.parametrize("size", [(2, 1), (30, 6)])
def test_inline_indicator_add_costs_the_same_for_small_and_large_competencies(
    client_as, org_a, size, django_assert_max_num_queries
):
    competencies, indicators = size
    framework = make_framework(org_a, competencies=competencies, indicators=indicators, profiles=1)
    competency = framework.competencies.order_by("pk").first()
    level = framework.levels.first()
    block = f"ind-c{competency.pk}-l{level.pk}"
    client = client_as("hr")
    client.get(reverse("frameworks:framework-detail", args=[framework.pk]))  # session warm
    # Expect 24 queries: session, user, memberships; the competency with its indicators, levels and
    # clusters; the levels; savepoint, locked framework, its cached parts marked out of date
    # (competentie/fragments.py), next order, full_clean's two foreign-key checks,
    # the check constraint (savepoint, check, release), insert, history line (with the audit chain's
    # lock, write and head update: competentie/audit/chain.py), release; then the
    # indicators of the returned block. None of them per indicator.
    with django_assert_max_num_queries(24):
        response = client.post(
            reverse("frameworks:indicator-create", args=[competency.pk]),
            {
                "block": block,
                f"{block}-text": "Vat het gesprek samen.",
                f"{block}-level": level.pk,
            },
            HTTP_HX_REQUEST="true",
        )
    assert "Vat het gesprek samen." in response.content.decode()
