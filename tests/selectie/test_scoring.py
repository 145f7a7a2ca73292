"""Scoring: on the scale, resting on observed behaviour, saved field by field, locked after submitting."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from competentie import audit
from selectie import selectors, services
from selectie.models import Score, Submission

from .conftest import score_all

pytestmark = pytest.mark.django_db


def assignment_of(day, user, candidate=None, exercise=None):
    return day.procedure.assignments.get(
        selecteur=user, candidate=candidate or day.candidates[0], exercise=exercise or day.interview
    )


def test_procedure_uses_the_profiles_five_competencies_and_the_default_selection_scale(day):
    assert [c.name for c in day.competencies] == [
        "Omgevingsbewust",
        "Verbinden",
        "Integraal (samen)werken",
        "Verantwoordelijkheid",
        "Oordeelsvorming",
    ]
    assert [p.value for p in day.procedure.scale.points.all()] == [1, 2, 3, 4, 5]
    assert day.procedure.scale.organisation == day.procedure.organisation


def test_score_outside_the_scale_is_refused_and_nothing_is_saved(day, selecteurs):
    assignment = assignment_of(day, selecteurs["selecteur"])
    with pytest.raises(ValidationError, match="geen punt op de schaal"):
        services.score_save(
            assignment=assignment, competency=day.competencies[0], user=selecteurs["selecteur"], value=6
        )
    assert not Score.objects.exclude(value=None).exists()


def test_autosave_endpoint_refuses_a_score_outside_the_scale(day, selecteurs, client_for):
    assignment = assignment_of(day, selecteurs["selecteur"])
    url = reverse("selectie:score-autosave", args=[day.procedure.pk, assignment.pk])
    response = client_for("selecteur").post(url, {"field": f"value-{day.competencies[0].pk}", "value": "0"})
    assert response.status_code == 400
    assert response.json()["saved"] is False and "geen punt op de schaal" in response.json()["error"]


def test_autosave_saves_each_field_without_touching_the_others(day, selecteurs, client_for):
    assignment = assignment_of(day, selecteurs["selecteur"])
    competency = day.competencies[0]
    indicator = selectors.indicators_for(profile_ids=[day.procedure.profile_id], competency_ids=[competency.pk])[
        competency.pk
    ][0]
    client = client_for("selecteur")
    url = reverse("selectie:score-autosave", args=[day.procedure.pk, assignment.pk])
    response = client.post(url, {"field": f"value-{competency.pk}", "value": "4"})
    assert response.status_code == 200
    assert response.json()["saved"] is True
    client.post(url, {"field": f"evidence-{competency.pk}", "value": "Noemt de buren."})
    client.post(url, {"field": f"indicators-{competency.pk}", "value": [indicator.pk]})
    score = Score.objects.get(assignment=assignment, competency=competency)
    assert (score.value, score.evidence) == (4, "Noemt de buren.")
    assert list(score.observed_indicators.values_list("pk", flat=True)) == [indicator.pk]
    # A reload shows all of it.
    page = client.get(reverse("selectie:score-screen", args=[day.procedure.pk, assignment.pk])).content.decode()
    assert "Noemt de buren." in page
    assert f'id="val-{competency.pk}-4" checked' in page
    assert f'id="ind-{competency.pk}-{indicator.pk}" checked' in page


def test_indicator_of_another_competency_is_refused(day, selecteurs):
    first, second = day.competencies[0], day.competencies[1]
    other = selectors.indicators_for(profile_ids=[day.procedure.profile_id], competency_ids=[second.pk])[second.pk][0]
    with pytest.raises(ValidationError, match="hoort niet bij"):
        services.score_save(
            assignment=assignment_of(day, selecteurs["selecteur"]),
            competency=first,
            user=selecteurs["selecteur"],
            indicator_ids=[other.pk],
        )


def test_competency_the_exercise_does_not_observe_is_refused(day, selecteurs):
    with pytest.raises(ValidationError, match="observeert"):
        services.score_save(
            assignment=assignment_of(day, selecteurs["selecteur"]),
            competency=day.competencies[4],
            user=selecteurs["selecteur"],
            value=3,
        )


def test_submitting_a_score_without_indicator_or_evidence_is_refused_with_a_clear_message(day, selecteurs):
    user, candidate = selecteurs["selecteur"], day.candidates[0]
    score_all(day, user, candidate, evidence="")
    with pytest.raises(ValidationError) as error:
        services.candidate_submit(candidate=candidate, user=user)
    assert "Vink minstens één gedragsindicator aan of beschrijf wat u zag en hoorde" in " ".join(error.value.messages)
    assert not Submission.objects.exists()


def test_submitting_with_a_missing_score_is_refused(day, selecteurs):
    user, candidate = selecteurs["selecteur"], day.candidates[0]
    services.score_save(
        assignment=assignment_of(day, user), competency=day.competencies[0], user=user, value=3, evidence="Gezien."
    )
    with pytest.raises(ValidationError, match="nog geen score"):
        services.candidate_submit(candidate=candidate, user=user)


def test_a_ticked_indicator_alone_is_enough_to_submit(day, selecteurs):
    user, candidate = selecteurs["selecteur"], day.candidates[0]
    score_all(day, user, candidate, evidence="")
    for score in Score.objects.filter(assignment__selecteur=user, assignment__candidate=candidate):
        allowed = selectors.allowed_indicator_ids(procedure=day.procedure, competency_id=score.competency_id)
        score.observed_indicators.set(list(allowed)[:1])
    assert services.candidate_submit(candidate=candidate, user=user).pk


def test_scores_are_locked_after_submitting(day, selecteurs, client_for):
    user, candidate = selecteurs["selecteur"], day.candidates[0]
    score_all(day, user, candidate, submit=True)
    with pytest.raises(ValidationError, match="al ingediend"):
        services.score_save(assignment=assignment_of(day, user), competency=day.competencies[0], user=user, value=5)
    response = client_for("selecteur").post(
        reverse("selectie:score-autosave", args=[day.procedure.pk, assignment_of(day, user).pk]),
        {"field": f"value-{day.competencies[0].pk}", "value": "5"},
    )
    assert response.status_code == 400
    assert Score.objects.get(assignment=assignment_of(day, user), competency=day.competencies[0]).value == 3


def test_submitting_through_the_page_locks_and_redirects(day, selecteurs, client_for):
    user, candidate = selecteurs["selecteur"], day.candidates[0]
    score_all(day, user, candidate)
    response = client_for("selecteur").post(reverse("selectie:candidate-submit", args=[day.procedure.pk, candidate.pk]))
    assert response.status_code == 302
    assert Submission.objects.filter(candidate=candidate, selecteur=user).exists()


def test_selecteur_does_not_see_colleagues_scores_before_submitting(day, selecteurs, client_for):
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur2"], candidate, value=5, evidence="Collega-bewijs", submit=True)
    score_all(day, selecteurs["selecteur"], candidate, value=2, evidence="Eigen bewijs")
    client = client_for("selecteur")
    calibration = client.get(reverse("selectie:calibration", args=[day.procedure.pk])).content.decode()
    assert candidate.code not in calibration
    detail = client.get(reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk]))
    assert detail.status_code == 403
    screen = client.get(
        reverse("selectie:score-screen", args=[day.procedure.pk, assignment_of(day, selecteurs["selecteur"]).pk])
    )
    assert "Collega-bewijs" not in screen.content.decode()
    services.candidate_submit(candidate=candidate, user=selecteurs["selecteur"])
    detail = client.get(reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk]))
    assert "Collega-bewijs" in detail.content.decode()


def test_selecteur_never_sees_personal_data(day, selecteurs, client_for):
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, submit=True)
    client = client_for("selecteur")
    pages = [
        reverse("selectie:procedure-list"),
        reverse("selectie:procedure-detail", args=[day.procedure.pk]),
        reverse("selectie:score-screen", args=[day.procedure.pk, assignment_of(day, selecteurs["selecteur"]).pk]),
        reverse("selectie:calibration", args=[day.procedure.pk]),
        reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk]),
    ]
    for url in pages:
        content = client.get(url).content.decode()
        assert "Persoon 1" not in content and "persoon1@example.nl" not in content, url
    assert client.get(reverse("selectie:candidate-detail", args=[day.procedure.pk, candidate.pk])).status_code == 403


def test_full_screen_post_saves_everything_without_javascript(day, selecteurs, client_for):
    assignment = assignment_of(day, selecteurs["selecteur"])
    data = {}
    for competency in day.interview.competencies.all():
        data[f"value-{competency.pk}"] = "4"
        data[f"evidence-{competency.pk}"] = f"Bewijs {competency.name}"
    response = client_for("selecteur").post(
        reverse("selectie:score-screen", args=[day.procedure.pk, assignment.pk]), data
    )
    assert response.status_code == 302
    assert sorted(Score.objects.filter(assignment=assignment).values_list("value", flat=True)) == [4, 4, 4]


def test_scoring_is_closed_while_the_procedure_is_being_prepared(users, org_a, vth_profile, selecteurs):
    from .conftest import build_day

    day = build_day(hr=users["hr"], organisation=org_a, profile=vth_profile, assessors=[selecteurs["selecteur"]])
    services.procedure_transition(procedure=day.procedure, user=users["hr"], status="voorbereiding")
    with pytest.raises(ValidationError, match="Scoren kan alleen"):
        services.score_save(
            assignment=assignment_of(day, selecteurs["selecteur"]),
            competency=day.competencies[0],
            user=selecteurs["selecteur"],
            value=3,
        )


def test_changing_a_submitted_score_needs_a_reason_and_is_audited(day, selecteurs, users, client_for):
    user, candidate = selecteurs["selecteur"], day.candidates[0]
    score_all(day, user, candidate, submit=True)
    score = Score.objects.get(assignment=assignment_of(day, user), competency=day.competencies[0])
    with pytest.raises(ValidationError, match="waarom"):
        services.score_revise(score=score, user=users["hr"], value=4, evidence=score.evidence, reason=" ")
    response = client_for("hr").post(
        reverse("selectie:score-revise", args=[day.procedure.pk, score.pk]),
        {"value": "4", "evidence": score.evidence, "reason": "Besproken in kalibratie"},
    )
    assert response.status_code == 302
    (change,) = audit.history_for(score)
    assert (change.action, change.actor, change.params) == (
        "score.revised",
        users["hr"],
        {"field": "value", "old": "3", "new": "4", "reason": "Besproken in kalibratie"},
    )
    assert list(audit.history_for(score.assignment.candidate)) == [change]
    page = client_for("hr").get(reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk]))
    assert "score 3 → 4 (Besproken in kalibratie)" in page.content.decode()
    score.refresh_from_db()
    assert score.value == 4


def test_a_score_not_yet_submitted_cannot_be_revised_by_hr(day, selecteurs, users):
    user = selecteurs["selecteur"]
    score = services.score_save(assignment=assignment_of(day, user), competency=day.competencies[0], user=user, value=3)
    with pytest.raises(ValidationError, match="nog niet ingediend"):
        services.score_revise(score=score, user=users["hr"], value=4, evidence="", reason="Waarom niet")


def test_a_submitted_selecteur_does_not_see_a_colleagues_unsubmitted_draft(day, selecteurs, client_for):
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, evidence="Eigen bewijs", submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, evidence="Concept van collega")
    client = client_for("selecteur")
    detail = client.get(reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk])).content
    matrix = client.get(reverse("selectie:calibration", args=[day.procedure.pk])).content
    assert b"Eigen bewijs" in detail and b"Concept van collega" not in detail
    assert b"selecteur2" not in matrix
    hr_detail = client_for("hr").get(reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk]))
    assert b"Concept van collega" in hr_detail.content


def test_selecteur_revises_own_submitted_score_with_a_reason(day, selecteurs, client_for):
    user, candidate = selecteurs["selecteur"], day.candidates[0]
    score_all(day, user, candidate, submit=True)
    score = Score.objects.get(assignment=assignment_of(day, user), competency=day.competencies[1])
    url = reverse("selectie:score-revise", args=[day.procedure.pk, score.pk])
    client = client_for("selecteur")
    without_reason = client.post(url, {"value": "2", "evidence": score.evidence, "reason": ""})
    assert without_reason.status_code == 200
    assert Score.objects.get(pk=score.pk).value == 3
    client.post(url, {"value": "2", "evidence": score.evidence, "reason": "Bij nader inzien te hoog."})
    (change,) = audit.history_for(score)
    assert (change.actor, change.params["old"], change.params["new"]) == (user, "3", "2")


def test_the_one_query_autosave_keeps_every_check_of_an_existing_score(day, selecteurs, users, client_for):
    """The autosave reads access and state in one locked query: each refusal still holds for a score
    that already exists (the path that skips score_save)."""
    user = selecteurs["selecteur"]
    score_all(day, user, day.candidates[0])
    assignment = assignment_of(day, user)  # the interview observes the first three competencies
    observed, not_observed = day.competencies[0], day.competencies[4]
    url = reverse("selectie:score-autosave", args=[day.procedure.pk, assignment.pk])
    client = client_for("selecteur")

    response = client.post(url, {"field": f"evidence-{observed.pk}", "value": "  Vat samen.  "})
    assert response.status_code == 200
    score = Score.objects.get(assignment=assignment, competency=observed)
    assert score.evidence == "Vat samen." and score.value == 3 and score.revision > 1
    revision = score.revision
    assert client.post(url, {"field": f"value-{observed.pk}", "value": "5"}).status_code == 200
    assert Score.objects.get(pk=score.pk).revision == revision + 1

    response = client.post(url, {"field": f"value-{not_observed.pk}", "value": "2"})
    assert response.status_code == 400 and "observeert" in response.json()["error"]
    response = client.post(url, {"field": f"value-{observed.pk}", "value": "9"})
    assert response.status_code == 400 and "geen punt op de schaal" in response.json()["error"]
    response = client.post(url, {"field": f"value-{observed.pk}", "value": "veel"})
    assert response.status_code == 400 and "Kies een score" in response.json()["error"]
    assert client.post(url, {"field": "value-999999", "value": "2"}).status_code == 400
    # A colleague's assignment, or this one under another procedure's address, is not found.
    colleague = assignment_of(day, selecteurs["selecteur2"])
    other_url = reverse("selectie:score-autosave", args=[day.procedure.pk, colleague.pk])
    assert client.post(other_url, {"field": f"value-{observed.pk}", "value": "1"}).status_code == 404
    assert client_for("selecteur2").post(url, {"field": f"value-{observed.pk}", "value": "1"}).status_code == 404
    # Once the procedure moves on to calibration, scoring is closed.
    services.procedure_transition(procedure=day.procedure, user=users["hr"], status="scoren")
    services.procedure_transition(procedure=day.procedure, user=users["hr"], status="kalibratie")
    response = client.post(url, {"field": f"value-{observed.pk}", "value": "1"})
    assert response.status_code == 400 and "Scoren kan alleen" in response.json()["error"]
    assert Score.objects.get(pk=score.pk).value == 5
