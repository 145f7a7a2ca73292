"""Issue 28, points 6 and 7: raters practise before they score; what the numbers say.

Practice cases carry an expert's score and behaviour; a selecteur rates a case once and sees the
distance and the indicators missed; HR sees who practised and how close. Practice never reaches
calibration, insight or decisions. Beside each consensus stands the mean of the panel; per
selecteur, the drift over the order of handing in, each with the insight page's minimum samples.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from selectie import evidence, insight, selectors, services
from selectie.models import PracticeAttempt, Score

from .conftest import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(day):
    competency = day.competencies[0]
    indicators = selectors.indicators_for(profile_ids=competency.profile_ids, competency_ids=[competency.pk])[
        competency.pk
    ]
    made = []
    for n in range(3):
        case = services.practice_case_save(
            procedure=day.procedure,
            title=f"Casus {n + 1}",
            description="De kandidaat vatte het dossier samen en vroeg door naar de belangen van de buren.",
        )
        services.practice_expert_save(
            case=case,
            values={competency.pk: 4},
            indicators={competency.pk: [indicators[0].pk, indicators[1].pk]},
        )
        made.append(case)
    day.practice_indicators = indicators
    return made


def test_a_selecteur_rates_a_case_once_and_sees_the_distance_and_what_they_missed(day, cases, client_for):
    competency = day.competencies[0]
    indicators = day.practice_indicators
    client = client_for("selecteur")
    overview = client.get(reverse("selectie:practice", args=[day.procedure.pk])).content.decode()
    assert "U hebt 0 van de 3 casussen geoefend." in overview
    url = reverse("selectie:practice-rate", args=[day.procedure.pk, cases[0].pk])
    page = client.get(url).content.decode()
    assert "vroeg door naar de belangen" in page and "Score van de expert" not in page
    refused = client.post(url, {})
    assert "Geef bij elke competentie een score." in refused.content.decode()
    assert not PracticeAttempt.objects.filter(submitted_at__isnull=False).exists()
    client.post(url, {f"value-{competency.pk}": "2", f"indicators-{competency.pk}": [str(indicators[0].pk)]})
    feedback = client.get(url).content.decode()
    assert "Uw score: 2. Expert: 4." in feedback and "U scoorde 2 punten lager." in feedback
    assert "Gedrag dat de expert zag en u niet aanvinkte:" in feedback and indicators[1].text in feedback
    with pytest.raises(ValidationError, match="al geoefend"):
        services.practice_rate(
            case=cases[0], user=day.procedure.assignments.first().selecteur, values={}, indicators={}
        )
    assert (
        "U hebt 1 van de 3 casussen geoefend."
        in client.get(reverse("selectie:practice", args=[day.procedure.pk])).content.decode()
    )


def test_hr_sees_who_practised_and_how_close_they_came(day, cases, selecteurs, client_for):
    competency = day.competencies[0]
    for case in cases:
        services.practice_rate(case=case, user=selecteurs["selecteur"], values={competency.pk: 3}, indicators={})
    page = client_for("hr").get(reverse("selectie:practice-cases", args=[day.procedure.pk])).content.decode()
    assert "Casus 1" in page
    overview = {row["name"]: row for row in selectors.practice_overview(procedure=day.procedure)}
    assert overview["selecteur"]["cases"] == 3 and overview["selecteur"]["distance"] == 1
    assert overview["selecteur2"]["cases"] == 0  # assigned, not practised: HR sees that too
    assert "nog geen 3" in page


def test_practice_never_reaches_calibration_insight_or_decisions(day, cases, selecteurs, users, client_for):
    competency = day.competencies[0]
    for case in cases:
        services.practice_rate(case=case, user=selecteurs["selecteur"], values={competency.pk: 5}, indicators={})
        services.practice_rate(case=case, user=selecteurs["selecteur2"], values={competency.pk: 1}, indicators={})
    assert not Score.objects.exists()
    assert selectors.score_values(procedure=day.procedure) == []
    assert evidence.grounded_pairs(procedure=day.procedure) == set()
    _competencies, rows = selectors.calibration_matrix(procedure=day.procedure, user=users["hr"], is_hr=True)
    assert all(value is None for row in rows for cell in row.cells for value in cell.by_selecteur.values())
    page = client_for("hr").get(reverse("selectie:insight", args=[day.procedure.pk])).content.decode()
    assert "Nog geen kandidaten die door twee of meer selecteurs zijn gescoord." in page
    with pytest.raises(ValidationError) as refused:
        services.consensus_set(
            candidate=day.candidates[0],
            competency=competency,
            user=users["hr"],
            value=3,
            rationale="r",
            early_reason="x",
        )
    assert refused.value.error_list[0].code == "no_scores"


def test_expert_scores_are_fixed_once_someone_practised(day, cases, selecteurs):
    competency = day.competencies[0]
    services.practice_rate(case=cases[0], user=selecteurs["selecteur"], values={competency.pk: 3}, indicators={})
    with pytest.raises(ValidationError, match="liggen vast"):
        services.practice_expert_save(case=cases[0], values={competency.pk: 2}, indicators={})


def test_drift_follows_the_order_of_handing_in_and_waits_for_the_minimum_sample():
    # Selecteur "a" starts level with "b" and ends a point and a half higher, over six candidates.
    ratings, order = [], {"a": [], "b": []}
    for n in range(6):
        for k in range(2):
            ratings += [("a", n, k, 3 + n * 0.3), ("b", n, k, 3)]
        order["a"].append(n)
        order["b"].append(n)
    drifts = {d.rater: d for d in insight.drift(ratings, order)}
    assert drifts["a"].enough and drifts["a"].slope == pytest.approx(0.3) and drifts["a"].label == "hoger"
    assert drifts["b"].label == "lager" and drifts["a"].first_half < drifts["a"].second_half
    few = {d.rater: d for d in insight.drift(ratings[:8], {"a": [0, 1], "b": [0, 1]})}
    assert not few["a"].enough and few["a"].label is None  # 4 paired scores: below MIN_PAIRED


def test_the_insight_page_compares_consensus_with_the_panel_mean_with_the_minimum_sample(
    day, selecteurs, users, client_for
):
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, value=2, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, value=3, submit=True)
    for competency in day.competencies:
        services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=3, rationale="r")
    result = selectors.numbers(procedure=day.procedure)
    assert result["check"].cells == 5 and result["check"].mean_difference == 0.5 and not result["check"].enough
    page = client_for("hr").get(reverse("selectie:insight", args=[day.procedure.pk])).content.decode()
    assert "Consensus naast het gemiddelde van het panel" in page
    assert "Nog geen oordeel: het rust op 5 consensusscores, en pas vanaf 10 zegt het iets." in page
    assert "Verschuiving over de dag" in page and "te weinig scores voor een uitspraak" in page
