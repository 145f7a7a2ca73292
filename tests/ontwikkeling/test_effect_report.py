"""The effect per competency in a cohort: the figures on the page, in CSV, JSON and the PDF equal an
independent computation, and a comparison with fewer than five pairs shows no figure anywhere."""

import json
import statistics
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from ontwikkeling import selectors, services
from ontwikkeling.models import Rater
from ontwikkeling.questionnaire import levers_for
from ontwikkeling.results import cohort_effects

from .conftest import build_cohort

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "ontwikkeling"

# Per participant the level index (0 = beginner … 2 = expert) of the first competency at each moment.
LEVELS = {
    "voormeting": [0, 1, 1, 2, 0, 1, 2, 1, 0, 1],
    "halverwege": [1, 1, 1, 2, 1, 1, 2, 1, 1, 1],
    "einde": [1, 2, 1, 2, 1, 2, 2, 2, 1, 1],
}


def hand_in(participant, moment, level_index, *, rater=Rater.PARTICIPANT, lever_value=3):
    programme = participant.cohort.programme
    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    return services.measurement_submit(
        participant=participant,
        moment=moment,
        answers={} if rater == Rater.MANAGER else {lever.code: lever_value for lever in levers_for(moment)},
        goal_answers={},
        ratings={c.pk: levels[level_index].pk for c in competencies},
        competency_ids={c.pk for c in competencies},
        level_ids={level.pk for level in levels},
        intervention_ids=set(),
        rater=rater,
    )


@pytest.fixture
def cohort(programme):
    cohort, _coach, participants = build_cohort(programme, size=10)
    for moment, per_participant in LEVELS.items():
        for participant, level_index in zip(participants, per_participant):
            hand_in(participant, moment, level_index)
    return cohort


def effects_of(cohort):
    cohort = selectors.cohort_get(user=cohort.programme.created_by, pk=cohort.pk)
    programme = cohort.programme
    return cohort_effects(
        cohort,
        competencies=selectors.programme_competencies_of(programme),
        levels=selectors.framework_levels(programme),
    )


def by_hand(before, after):
    """Positions on the scale are 1-based; the change is the same either way."""
    differences = [b - a for a, b in zip(before, after)]
    return statistics.mean(differences), statistics.mean(differences) / statistics.stdev(differences)


def test_the_effect_per_competency_equals_the_hand_computation(cohort):
    row = effects_of(cohort).competencies[0]
    to_halfway, to_end, to_follow_up = row.comparisons
    mean_difference, d_z = by_hand(LEVELS["voormeting"], LEVELS["einde"])
    assert to_end.n == 10 and to_end.shown
    assert to_end.effect.mean_difference == pytest.approx(mean_difference) == pytest.approx(0.6)
    assert to_end.effect.d_z == pytest.approx(d_z) == pytest.approx(1.161895, abs=1e-6)
    # The same fixed data set as tests/ontwikkeling/test_effect.py: interval 0,33 to 1,96.
    assert (round(to_end.effect.d_z_low, 2), round(to_end.effect.d_z_high, 2)) == (0.33, 1.96)
    mean_difference, d_z = by_hand(LEVELS["voormeting"], LEVELS["halverwege"])
    assert to_halfway.effect.d_z == pytest.approx(d_z)
    assert to_follow_up.n == 0 and not to_follow_up.shown and to_follow_up.effect is None
    assert row.means["voormeting"] == pytest.approx(statistics.mean(LEVELS["voormeting"]) + 1)


def test_the_levels_of_measurement_get_a_paired_change_too(programme):
    cohort, _coach, participants = build_cohort(programme, size=5)
    for number, participant in enumerate(participants):
        hand_in(participant, "voormeting", 0, lever_value=2)
        hand_in(participant, "einde", 1, lever_value=3 + number % 2)
    participant_level = effects_of(cohort).levels[0]
    assert participant_level.name == "Deelnemer"
    to_end = participant_level.comparisons[1]
    assert to_end.effect.mean_difference == pytest.approx(statistics.mean([1, 2, 1, 2, 1]))


def test_four_pairs_show_no_effect_on_the_page_in_the_exports_or_the_pdf(programme, client_as):
    cohort, _coach, participants = build_cohort(programme, size=5)
    for participant in participants:
        hand_in(participant, "voormeting", 0)
    for participant in participants[:4]:
        hand_in(participant, "einde", 2)  # a change everybody could read off if it were shown
    hand_in(participants[4], "halverwege", 1)
    row = effects_of(cohort).competencies[0]
    assert [c.n for c in row.comparisons] == [1, 4, 0]
    assert not any(c.shown for c in row.comparisons) and all(c.effect is None for c in row.comparisons)
    client = client_as("hr")
    page = client.get(reverse("ontwikkeling:cohort-results", args=[cohort.pk])).content.decode()
    assert "Er is nog geen effect te tonen" in page and "d_z = " not in page
    assert "Niet getoond: minder dan 5 deelnemers vulden beide momenten in." in page
    data = json.loads(client.get(reverse("ontwikkeling:cohort-results-json", args=[cohort.pk])).content)
    for effect in data["effects"] + data["effects_per_level"]:
        for comparison in effect["comparisons"]:
            assert not comparison["shown"] and "d_z" not in comparison and "mean_difference" not in comparison
    csv = client.get(reverse("ontwikkeling:cohort-results-csv", args=[cohort.pk])).content.decode()
    assert "niet getoond: minder dan 5 paren" in csv and "d_z = " not in csv
    text = pdf_text(client.get(reverse("ontwikkeling:cohort-report-pdf", args=[cohort.pk])).content)
    assert "Er is nog geen effect te tonen" in text and "d_z =" not in text


def test_four_managers_show_no_follow_up_and_five_do(programme, client_as):
    cohort, _coach, participants = build_cohort(programme, size=5)
    manager = participants[0].cohort.programme.created_by
    for participant in participants:
        participant.manager = manager if participant != participants[0] else participants[1].user
        participant.save()
        hand_in(participant, "voormeting", 0)
        hand_in(participant, "opvolging", 1)
    for participant in participants[:4]:
        hand_in(participant, "opvolging", 2, rater=Rater.MANAGER)
    row = effects_of(cohort).competencies[0]
    assert row.manager.n == 4 and not row.manager.shown and row.manager.mean is None
    client = client_as("hr")
    data = json.loads(client.get(reverse("ontwikkeling:cohort-results-json", args=[cohort.pk])).content)
    assert data["effects"][0]["manager_follow_up"] == {"managers": 4, "shown": False}
    assert "Niet getoond: minder dan 5 leidinggevenden." in pdf_text(
        client.get(reverse("ontwikkeling:cohort-report-pdf", args=[cohort.pk])).content
    )
    hand_in(participants[4], "opvolging", 2, rater=Rater.MANAGER)
    row = effects_of(cohort).competencies[0]
    assert row.manager.shown and row.manager.mean == 3 and row.manager.sd == 0
    # The follow-up is the fourth moment of the participant's own change: voormeting → opvolging.
    assert row.comparisons[2].n == 5 and row.comparisons[2].effect.mean_difference == 1


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_report_names_the_design_participation_and_the_effect_with_its_reading(cohort, client_as):
    response = client_as("hr").get(reverse("ontwikkeling:cohort-report-pdf", args=[cohort.pk]))
    assert response.status_code == 200
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "rapport.pdf").write_bytes(response.content)
    text = " ".join(pdf_text(response.content).split())
    for expected in (
        "Opzet van de meting",
        "Deelname",
        "Effect per competentie",
        "Cohen's d_z",
        "1,16 (0,33 tot 1,96)",
        "Een grote toename (d_z = 1,16)",
        "ondernemingsraad",
        "Lacerenza",
    ):
        assert expected in text, expected
    page = client_as("hr").get(reverse("ontwikkeling:cohort-results", args=[cohort.pk])).content.decode()
    assert 'class="effect-chart"' in page and "1,16 (0,33 tot 1,96)" in page


def test_the_results_page_and_the_report_cost_the_same_queries_for_a_cohort_of_5_and_of_50(
    programme, client_as, django_assert_max_num_queries
):
    counts = {"page": [], "pdf": []}
    for size in (5, 50):
        cohort, _coach, participants = build_cohort(programme, size=size, prefix=f"c{size}")
        for number, participant in enumerate(participants):
            hand_in(participant, "voormeting", number % 2)
            hand_in(participant, "einde", 1 + number % 2)
            hand_in(participant, "opvolging", 2)
        client = client_as("hr")
        # Expect at most 12 for the page: session, user, memberships, the cohort with programme, its
        # participants, their measurements, answers and ratings; competencies, levels, guide texts.
        with django_assert_max_num_queries(12) as page:
            assert client.get(reverse("ontwikkeling:cohort-results", args=[cohort.pk])).status_code == 200
        # The PDF adds the programme's design (its prefetched parts) and the cohort's windows.
        with django_assert_max_num_queries(30) as pdf:
            assert client.get(reverse("ontwikkeling:cohort-report-pdf", args=[cohort.pk])).status_code == 200
        counts["page"].append(len(page.captured_queries))
        counts["pdf"].append(len(pdf.captured_queries))
    assert counts["page"][0] == counts["page"][1] and counts["pdf"][0] == counts["pdf"][1]
