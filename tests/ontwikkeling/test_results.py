"""Cohort results only from five responses per moment; a group of four never shows any."""

import json

import pytest
from django.urls import reverse

from ontwikkeling import selectors
from ontwikkeling.results import MIN_GROUP_SIZE, cohort_results

from .conftest import build_cohort, fill_in

pytestmark = pytest.mark.django_db


def results_of(cohort):
    cohort = selectors.cohort_get(user=cohort.programme.created_by, pk=cohort.pk)
    programme = cohort.programme
    return cohort_results(
        cohort,
        competencies=selectors.programme_competencies_of(programme),
        levels=selectors.framework_levels(programme),
    )


def test_the_minimum_group_size_is_five():
    assert MIN_GROUP_SIZE == 5


def test_a_group_of_four_shows_no_results_at_any_moment(programme, client_as):
    cohort, _coach, participants = build_cohort(programme, size=4)
    for participant in participants:
        fill_in(participant, "voormeting")
        fill_in(participant, "einde", value=5)
    results = results_of(cohort)
    assert [m.responses for m in results.moments] == [4, 0, 0, 4]
    assert not results.any_shown
    assert all(m.per_level == {} and m.per_lever == {} for m in results.moments)
    response = client_as("hr").get(reverse("ontwikkeling:cohort-results", args=[cohort.pk]))
    assert "Er zijn nog geen resultaten te tonen" in response.content.decode()
    data = json.loads(client_as("hr").get(reverse("ontwikkeling:cohort-results-json", args=[cohort.pk])).content)
    assert all("levels" not in moment and "levers" not in moment for moment in data["moments"])


def test_a_group_of_five_shows_results_and_what_changed(programme):
    cohort, _coach, participants = build_cohort(programme, size=5)
    for participant in participants:
        fill_in(participant, "voormeting", value=2, level_index=0)
        fill_in(participant, "einde", value=4, level_index=1)
    results = results_of(cohort)
    shown = results.shown
    assert [m.code for m in shown] == ["voormeting", "einde"]
    assert shown[0].per_level == {"deelnemer": 2, "programma": None, "organisatie": 2}
    assert shown[1].per_level == {"deelnemer": 4, "programma": 4, "organisatie": 4}
    assert shown[1].per_lever["motivatie"] == 4
    assert shown[1].learning_goals == 4
    assert set(shown[1].per_competency.values()) == {2}
    change = results.changes()[0]
    assert change["per_level"]["deelnemer"] == 2
    assert change["per_level"]["programma"] is None


def test_a_moment_with_four_responses_stays_hidden_while_another_shows(programme):
    cohort, _coach, participants = build_cohort(programme, size=5)
    for participant in participants:
        fill_in(participant, "voormeting")
    for participant in participants[:4]:
        fill_in(participant, "halverwege")
    results = results_of(cohort)
    assert [m.code for m in results.shown] == ["voormeting"]
    assert results.changes() == []


def test_the_csv_says_no_results_for_a_small_moment(programme, client_as):
    cohort, _coach, participants = build_cohort(programme, size=5)
    for participant in participants[:4]:
        fill_in(participant, "voormeting")
    body = client_as("hr").get(reverse("ontwikkeling:cohort-results-csv", args=[cohort.pk])).content.decode()
    assert "geen resultaten" in body
    assert "hefboom" not in body
