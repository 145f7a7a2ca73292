"""Issue 28, point 2: criteria frozen from the first saved score, changed only under a new version.

The criteria are the profile (version), the scale, the exercises and which competencies each
observes. After the first score every change is refused with a Dutch message and nothing is
written, unless HR opens a new version with a written reason; earlier scores stay with their version.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from competentie import audit
from frameworks.models import Profile
from selectie import services
from selectie.models import CriteriaVersion, Exercise, Score

from .conftest import score_all

pytestmark = pytest.mark.django_db


def refused_code(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.error_list[0].code


def test_the_first_saved_score_freezes_the_criteria_and_the_log_says_so(day, selecteurs):
    version = CriteriaVersion.objects.get(procedure=day.procedure)
    assert version.number == 1 and version.frozen_at is None
    score_all(day, selecteurs["selecteur"], day.candidates[0])
    version.refresh_from_db()
    assert version.frozen_at is not None
    assert [e["name"] for e in version.snapshot["exercises"]] == ["Interview", "Casus"]
    assert version.snapshot["exercises"][0]["competencies"][0]["name"] == day.competencies[0].name
    assert set(Score.objects.values_list("criteria_version", flat=True)) == {version.pk}
    (frozen,) = audit.history_for(day.procedure, actions=["criteria.frozen"])
    assert "vastgelegd bij de eerste score" in frozen.text


def test_after_the_first_score_every_change_of_criteria_is_refused_and_nothing_is_written(day, selecteurs, users):
    score_all(day, selecteurs["selecteur"], day.candidates[0])
    other = Profile.objects.get(name="Casemanager", framework__name="VTH competentieprofielen")
    hr = users["hr"]
    matrix = {day.interview.pk: {c.pk for c in day.competencies[:1]}}
    assert refused_code(lambda: services.procedure_update(procedure=day.procedure, user=hr, profile=other)) == (
        "criteria_frozen"
    )
    assert refused_code(lambda: services.exercise_matrix_save(procedure=day.procedure, matrix=matrix, user=hr)) == (
        "criteria_frozen"
    )
    assert refused_code(lambda: services.exercise_create(procedure=day.procedure, user=hr, name="Rollenspel")) == (
        "criteria_frozen"
    )
    day.procedure.refresh_from_db()
    assert day.procedure.profile.name == "Vergunningverlener"
    assert set(day.interview.competencies.values_list("pk", flat=True)) == {c.pk for c in day.competencies[:3]}
    assert not Exercise.objects.filter(name="Rollenspel").exists()
    # Saving the same matrix again is no change.
    same = {day.interview.pk: {c.pk for c in day.competencies[:3]}}
    services.exercise_matrix_save(procedure=day.procedure, matrix=same, user=hr)


def test_the_exercise_page_refuses_a_change_after_the_first_score_in_dutch(day, selecteurs, client_for):
    score_all(day, selecteurs["selecteur"], day.candidates[0])
    url = reverse("selectie:exercise-matrix", args=[day.procedure.pk])
    client = client_for("hr")
    page = client.get(url).content.decode()
    assert "liggen vast sinds de eerste score" in page and reverse("selectie:criteria", args=[day.procedure.pk]) in page
    response = client.post(url, {f"exercise-{day.interview.pk}": [str(day.competencies[0].pk)]}, follow=True)
    assert "Maak dan eerst een nieuwe versie van de criteria" in response.content.decode()
    assert day.interview.competencies.count() == 3


def test_a_new_version_needs_a_reason_and_then_allows_the_change_while_old_scores_keep_theirs(
    day, selecteurs, users, client_for
):
    score_all(day, selecteurs["selecteur"], day.candidates[0])
    hr = users["hr"]
    assert refused_code(lambda: services.criteria_version_create(procedure=day.procedure, user=hr, reason=" ")) == (
        "reason_required"
    )
    url = reverse("selectie:criteria", args=[day.procedure.pk])
    client = client_for("hr")
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and CriteriaVersion.objects.filter(procedure=day.procedure).count() == 1
    response = client.post(url, {"reason": "De casus observeerde Verbinden niet goed genoeg."})
    assert response.status_code == 302
    first, second = CriteriaVersion.objects.filter(procedure=day.procedure).order_by("number")
    assert second.number == 2 and second.frozen_at is None and second.created_by == hr
    services.exercise_matrix_save(
        procedure=day.procedure, matrix={day.casus.pk: {c.pk for c in day.competencies[1:]}}, user=hr
    )
    score_all(day, selecteurs["selecteur2"], day.candidates[0])
    second.refresh_from_db()
    assert second.frozen_at is not None
    assert [c["name"] for c in second.snapshot["exercises"][1]["competencies"]] == [
        c.name for c in day.competencies[1:]
    ]
    assert [c["name"] for c in first.snapshot["exercises"][1]["competencies"]] == [c.name for c in day.competencies[2:]]
    by_version = dict(
        Score.objects.values_list("assignment__selecteur__username", "criteria_version__number").distinct()
    )
    assert by_version == {"selecteur": 1, "selecteur2": 2}
    texts = [e.text for e in audit.history_for(day.procedure, actions=["criteria.versioned", "criteria.changed"])]
    assert any("Reden: De casus observeerde Verbinden" in t for t in texts)
    assert any("verdeling van competenties" in t for t in texts)
    page = client.get(url).content.decode()
    assert "Versie 2" in page and "De casus observeerde Verbinden niet goed genoeg." in page


def test_profile_and_scale_change_in_preparation_and_under_a_new_version_only(users, org_a, vth_profile, selecteurs):
    hr = users["hr"]
    other = Profile.objects.get(name="Casemanager", framework__name="VTH competentieprofielen")
    procedure = services.procedure_create(user=hr, organisation=org_a, name="P", profile=vth_profile)
    services.procedure_update(procedure=procedure, user=hr, profile=other)  # preparation, nothing scored
    services.exercise_create(procedure=procedure, user=hr, name="Interview")
    procedure = services.procedure_transition(procedure=procedure, user=hr, status="open")
    assert refused_code(lambda: services.procedure_update(procedure=procedure, user=hr, profile=vth_profile)) == (
        "criteria_frozen"
    )
    services.criteria_version_create(procedure=procedure, user=hr, reason="Verkeerd profiel gekozen.")
    services.procedure_update(procedure=procedure, user=hr, profile=vth_profile)
    procedure.refresh_from_db()
    assert procedure.profile == vth_profile
