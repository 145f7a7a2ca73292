"""An organisation's own VTH copy and its next version can be evaluated; rounds on one lineage compare.

The journey of the issue: copy the VTH library into an organisation ("Gebruik als vertrekpunt"),
publish it, evaluate it, publish version 2 with one changed profile, evaluate again.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from frameworks.models import Framework, GuidingQuestionSet, Profile, RatingScale
from frameworks.services import frameworks as framework_services
from zelfevaluatie import services
from zelfevaluatie.growth import growth_per_framework, profile_changes
from zelfevaluatie.models import EvaluationRound

from .conftest import score_everything, start_round

pytestmark = pytest.mark.django_db


def own_copy(vth, org_a, users):
    copy = framework_services.framework_derive(source=vth, user=users["hr"], organisation=org_a)
    framework_services.framework_publish(framework=copy, user=users["hr"])
    return Framework.objects.get(pk=copy.pk)


def next_version_with_one_changed_profile(framework, users, name="Casemanager"):
    draft = framework_services.framework_new_version(framework=framework, user=users["hr"])
    Profile.objects.filter(framework=draft, name=name).update(description="Nieuwe omschrijving van de rol.")
    framework_services.framework_publish(framework=draft, user=users["hr"])
    return Framework.objects.get(pk=draft.pk)


def test_a_copy_carries_the_scale_and_the_question_sets(vth, org_a, users):
    copy = own_copy(vth, org_a, users)
    [scale] = RatingScale.objects.filter(framework=copy)
    assert scale.organisation == org_a
    assert list(scale.points.values_list("value", flat=True)) == [1, 2, 3, 4, 5]
    purposes = lambda f: sorted(GuidingQuestionSet.objects.filter(framework=f).values_list("purpose", flat=True))  # noqa: E731
    assert purposes(copy) == purposes(vth)
    # The score form's per-profile questions point at the copy's own profiles.
    score_form = GuidingQuestionSet.objects.get(framework=copy, purpose="score_form")
    assert score_form.questions.exists()
    assert not score_form.questions.filter(profile__isnull=False).exclude(profile__framework=copy).exists()
    assert Framework.objects.filter(pk=copy.pk).evaluable().exists()


def test_own_copy_then_next_version_shows_exactly_the_changed_profile_and_one_growth_line_each(
    vth, org_a, users, client_as
):
    copy = own_copy(vth, org_a, users)
    first = start_round(org_a, users["mt"], copy, participants=[users["selecteur"]])
    score_everything(first, score=2)
    services.round_advance(round=first)

    version_2 = next_version_with_one_changed_profile(copy, users)
    second = start_round(org_a, users["mt"], version_2, period="2027–2028", participants=[users["selecteur"]])
    assert second.previous_round == first
    changes = {c["name"]: c["status"] for c in profile_changes(first, second)}
    assert changes == {
        "Casemanager": "changed",
        "Vergunningverlener": "unchanged",
        "Toezichthouder en handhaver": "unchanged",
        "Juridisch adviseur": "unchanged",
        "Specialistisch adviseur": "unchanged",
    }
    score_everything(second, score=4)
    services.round_advance(round=second)

    rounds = (
        EvaluationRound.objects.filter(organisation=org_a)
        .order_by("created_at")
        .prefetch_related("conclusions__profile", "round_profiles__profile")
    )
    [(framework, growth)] = growth_per_framework(rounds)
    assert len(growth.series) == 5
    assert all(series.scores == [2, 4] for series in growth.series)

    # The round page says so too.
    content = client_as("mt").get(reverse("zelfevaluatie:round-detail", args=[second.pk])).content.decode()
    assert "De omschrijving van de rol is gewijzigd." in content


def test_library_then_own_copy_is_one_lineage_for_the_growth_chart_and_the_history(vth, org_a, users, client_as):
    library_round = start_round(org_a, users["mt"], vth, period="2023–2024")
    score_everything(library_round, score=1)
    services.round_advance(round=library_round)
    copy = own_copy(vth, org_a, users)
    copy_round = start_round(org_a, users["mt"], copy, period="2025–2026")
    assert copy_round.previous_round == library_round
    score_everything(copy_round, score=3)
    services.round_advance(round=copy_round)

    client = client_as("mt")
    overview = client.get(reverse("zelfevaluatie:round-list")).content.decode()
    assert overview.count('class="growth-chart"') == 1
    profile = copy_round.round_profiles.get(profile__name="Casemanager").profile
    history = client.get(reverse("zelfevaluatie:profile-history", args=[copy_round.pk, profile.pk])).content.decode()
    assert "2023–2024" in history and "2025–2026" in history


def test_one_open_round_per_lineage_per_organisation(vth, org_a, org_b, users, evaluation):
    copy = own_copy(vth, org_a, users)
    with pytest.raises(ValidationError) as refused:
        start_round(org_a, users["mt"], copy, period="2027–2028")
    assert refused.value.code == "open_round_exists"
    with pytest.raises(ValidationError) as refused:
        start_round(org_a, users["mt"], vth, period="2027–2028")
    assert refused.value.code == "open_round_exists"
    assert EvaluationRound.objects.filter(organisation=org_a).count() == 1
    # Another lineage (Divosa) may run at the same time.
    divosa = Framework.objects.libraries().get(name__startswith="Divosa")
    assert start_round(org_a, users["mt"], divosa, period="2027–2028").status == EvaluationRound.Status.IN_PROGRESS


def test_the_database_refuses_a_second_open_round_of_a_lineage(evaluation):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        EvaluationRound.objects.create(
            organisation=evaluation.organisation,
            framework=evaluation.framework,
            lineage=evaluation.lineage,
            scale=evaluation.scale,
            period="dubbel",
        )


class TestDeadlines:
    def test_a_deadline_in_the_past_is_refused_when_set(self, evaluation):
        with pytest.raises(ValidationError) as refused:
            services.action_create(
                round=evaluation, what="x", measure="y", owner="z", deadline=datetime.date(2020, 1, 1)
            )
        assert refused.value.code == "deadline_in_past"
        assert not evaluation.actions.exists()

    def test_today_is_accepted_and_an_unchanged_old_deadline_may_stay(self, evaluation):
        from django.utils import timezone

        action = services.action_create(
            round=evaluation, what="x", measure="y", owner="z", deadline=timezone.localdate()
        )
        # A carried-forward action keeps its (now past) deadline when only its status changes.
        type(action).objects.filter(pk=action.pk).update(deadline=datetime.date(2020, 1, 1))
        action.refresh_from_db()
        services.action_update(
            action=action, what="x", measure="y", owner="z", deadline=datetime.date(2020, 1, 1), status="in_uitvoering"
        )
        with pytest.raises(ValidationError) as refused:
            services.action_update(
                action=action, what="x", measure="y", owner="z", deadline=datetime.date(2021, 1, 1), status="open"
            )
        assert refused.value.code == "deadline_in_past"

    def test_the_action_form_shows_the_refusal(self, evaluation, client_as):
        response = client_as("mt").post(
            reverse("zelfevaluatie:action-create", args=[evaluation.pk]),
            {"what": "x", "measure": "y", "owner": "z", "deadline": "2020-01-01", "status": "open"},
        )
        assert response.status_code == 200
        assert "verleden" in response.content.decode()


def test_the_start_page_names_the_open_round_and_refuses_a_second(evaluation, vth, client_as):
    client = client_as("mt")
    page = client.get(reverse("zelfevaluatie:round-create")).content.decode()
    assert "Er loopt nog een zelfevaluatie: 2025–2026" in page
    response = client.post(
        reverse("zelfevaluatie:round-create"),
        {"organisation": evaluation.organisation_id, "framework": vth.pk, "period": "2027–2028"},
    )
    assert response.status_code == 200
    assert "Er loopt al een zelfevaluatie op dit framework (2025–2026)" in response.content.decode()
    assert EvaluationRound.objects.count() == 1
