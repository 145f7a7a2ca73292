"""Issue 28, point 1: no judgement without evidence, end to end (selectie.evidence is the one rule).

A consensus needs at least one handed-in score for that candidate and competency; a decision needs
a consensus on every competency, each resting on such a score; no "early" reason opens either.
Refusals say so in Dutch and write nothing; the pages show the rule instead of a form.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from competentie import audit
from selectie import evidence, selectors, services
from selectie.models import ConsensusScore, Decision

from .conftest import score_all

pytestmark = pytest.mark.django_db


def test_a_reason_does_not_open_a_consensus_for_a_candidate_nobody_handed_in_for(day, selecteurs, users):
    candidate, competency = day.candidates[0], day.competencies[0]
    score_all(day, selecteurs["selecteur"], candidate)  # saved, not handed in: no evidence yet
    with pytest.raises(ValidationError) as refused:
        services.consensus_set(
            candidate=candidate,
            competency=competency,
            user=users["hr"],
            value=3,
            rationale="We weten genoeg.",
            early_reason="Haast.",
        )
    assert refused.value.error_list[0].code == "no_scores"
    assert "ook met een reden kan dat niet eerder" in refused.value.messages[0]
    assert not ConsensusScore.objects.exists()
    assert not audit.history_for(candidate).filter(action__startswith="consensus.").exists()


def test_one_handed_in_score_lets_the_chair_go_ahead_early_with_a_reason(day, selecteurs, users):
    candidate, competency = day.candidates[0], day.competencies[0]
    score_all(day, selecteurs["selecteur"], candidate, submit=True)
    assert evidence.has_evidence(candidate=candidate, competency_id=competency.pk)
    consensus = services.consensus_set(
        candidate=candidate, competency=competency, user=users["hr"], value=3, rationale="r", early_reason="Ziek."
    )
    assert consensus.pk and [e.action for e in audit.history_for(consensus)] == ["consensus.early"]


def test_the_calibration_page_refuses_a_consensus_without_evidence_and_writes_nothing(day, client_for):
    candidate, competency = day.candidates[0], day.competencies[0]
    url = reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk])
    client = client_for("hr")
    page = client.get(url).content.decode()
    assert "Er is voor deze competentie nog geen ingediende score." in page
    assert f'id="consensus-{competency.pk}"' not in page  # no form to fill in
    prefix = f"c{competency.pk}"
    response = client.post(
        url,
        {
            "competency": competency.pk,
            f"{prefix}-value": "3",
            f"{prefix}-rationale": "r",
            f"{prefix}-early_reason": "Haast.",
        },
        follow=True,
    )
    assert "ook met een reden kan dat niet eerder" in response.content.decode()
    as_json = client.post(
        url,
        {
            "competency": competency.pk,
            f"{prefix}-value": "3",
            f"{prefix}-rationale": "r",
            f"{prefix}-early_reason": "x",
        },
        headers={"X-Requested-With": "fetch"},
    )
    assert as_json.status_code >= 400 and "geen ingediende score" in as_json.content.decode()
    assert not ConsensusScore.objects.exists()


def test_the_meeting_skips_items_without_evidence_and_refuses_them_when_asked_directly(day, selecteurs, client_for):
    first, second = day.candidates[:2]
    score_all(day, selecteurs["selecteur"], second, submit=True)
    item = selectors.meeting_next(procedure=day.procedure)
    assert item[0] == second  # K-001 has no handed-in score: nothing to discuss yet
    url = reverse("selectie:meeting-item", args=[day.procedure.pk, first.pk, day.competencies[0].pk])
    client = client_for("hr")
    assert "Er is voor deze competentie nog geen ingediende score." in client.get(url).content.decode()
    prefix = f"c{day.competencies[0].pk}"
    client.post(url, {f"{prefix}-value": "3", f"{prefix}-rationale": "r", f"{prefix}-early_reason": "Tijd."})
    assert not ConsensusScore.objects.filter(candidate=first).exists()


@pytest.fixture
def ungrounded(day, selecteurs, users):
    """K-001 handed in by both; then a consensus on every competency, one of them recorded (as before
    issue 28) on a candidate whose only score for it was later emptied."""
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, value=3, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, value=4, submit=True)
    for competency in day.competencies:
        services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=3, rationale="r")
    hollow = day.competencies[0]
    from selectie.models import Score

    Score.objects.filter(assignment__candidate=candidate, competency=hollow).update(value=None)
    return candidate, hollow


def test_a_decision_needs_every_consensus_to_rest_on_a_handed_in_score(ungrounded, users, client_for, day):
    candidate, hollow = ungrounded
    with pytest.raises(ValidationError) as refused:
        services.decision_set(candidate=candidate, user=users["hr"], outcome="door", justification=hollow.name)
    assert refused.value.error_list[0].code == "consensus_without_evidence"
    assert hollow.name in refused.value.messages[0]
    url = reverse("selectie:decision", args=[day.procedure.pk, candidate.pk])
    client = client_for("hr")
    assert "Geen ingediende score onder de consensus op:" in client.get(url).content.decode()
    response = client.post(url, {"outcome": "door", "justification": f"Sterk op {hollow.name}."})
    assert "Een besluit rust op consensus met ingediende scores" in response.content.decode()
    assert not Decision.objects.exists()


def test_results_and_the_procedure_report_mark_a_consensus_without_evidence(ungrounded, client_for, day):
    _candidate, _hollow = ungrounded
    _competencies, rows = selectors.results(procedure=day.procedure)
    assert rows[0]["ungrounded"] and not rows[0]["complete"]
    page = client_for("hr").get(reverse("selectie:results", args=[day.procedure.pk])).content.decode()
    assert "zonder ingediende score" in page


def test_beside_each_consensus_stands_the_panel_mean_and_the_difference(day, selecteurs, users, client_for):
    candidate, competency = day.candidates[0], day.competencies[0]
    score_all(day, selecteurs["selecteur"], candidate, value=2, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, value=5, submit=True)
    services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=4, rationale="r")
    (block,) = selectors.consensus_blocks(candidate=candidate, competencies=[competency])
    assert (block.combined, block.combined_from, block.difference, block.difference_text) == (3.5, 2, 0.5, "+0,5")
    page = client_for("hr").get(reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk]))
    assert "Gemiddelde van het panel: 3,5 (uit de ingediende scores van 2 selecteurs)" in page.content.decode()
    assert "Verschil met de consensus: +0,5." in page.content.decode()
    assert "Let op: deze tekst komt in de brief aan de kandidaat" in page.content.decode()
