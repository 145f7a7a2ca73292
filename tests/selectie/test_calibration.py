"""Calibration, consensus, decisions, results and the PDF reports."""

import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from competentie import audit
from selectie import selectors, services
from selectie.models import Candidate, ConsensusProposal, ConsensusScore, Decision, Score

from .conftest import score_all

pytestmark = pytest.mark.django_db


def consensus_all(day, candidate, user, value=3, early_reason=""):
    for competency in day.competencies:
        services.consensus_set(
            candidate=candidate,
            competency=competency,
            user=user,
            value=value,
            rationale="Samen besproken.",
            early_reason=early_reason,
        )


@pytest.fixture
def calibrated(day, selecteurs):
    first = day.candidates[0]
    score_all(day, selecteurs["selecteur"], first, value=2, submit=True)
    score_all(day, selecteurs["selecteur2"], first, value=2, values={"Verbinden": 4}, submit=True)
    return day


def test_matrix_flags_a_difference_of_two_points(calibrated, users):
    competencies, rows = selectors.calibration_matrix(procedure=calibrated.procedure, user=users["hr"], is_hr=True)
    first = rows[0]
    names = {competency.pk: competency.name for competency in competencies}
    flagged = [names[cell.competency_id] for cell in first.cells if cell.disagreement]
    assert flagged == ["Verbinden"]
    assert first.has_disagreement
    assert not rows[1].has_disagreement  # K-002 has no scores yet


def test_calibration_page_shows_the_flag_to_hr(calibrated, client_for):
    content = client_for("hr").get(reverse("selectie:calibration", args=[calibrated.procedure.pk])).content.decode()
    assert "verschil 2" in content
    assert "K-001" in content and "K-003" in content


def test_selecteur_sees_only_candidates_they_handed_in_for(calibrated, client_for, selecteurs):
    score_all(calibrated, selecteurs["selecteur2"], calibrated.candidates[1], submit=True)
    content = client_for("selecteur").get(reverse("selectie:calibration", args=[calibrated.procedure.pk])).content
    assert b"K-001" in content and b"K-002" not in content


def test_the_candidate_page_lists_the_indicators_each_score_ticked_in_their_order(calibrated, client_for):
    candidate, competency = calibrated.candidates[0], calibrated.competencies[0]
    first, second, third = selectors.indicators_for(profile_ids=competency.profile_ids, competency_ids=[competency.pk])[
        competency.pk
    ][:3]
    ticking, other = Score.objects.filter(assignment__candidate=candidate, competency=competency).order_by("pk")[:2]
    ticking.observed_indicators.add(second)
    ticking.observed_indicators.add(first)  # ticked later, shown first
    other.observed_indicators.add(third)
    url = reverse("selectie:calibration-candidate", args=[calibrated.procedure.pk, candidate.pk])
    page = client_for("hr").get(url).content.decode()
    assert f'<ul class="mb-1"><li>{escape(first.text)}</li><li>{escape(second.text)}</li></ul>' in page
    assert f'<ul class="mb-1"><li>{escape(third.text)}</li></ul>' in page


def test_consensus_is_recorded_with_rationale_and_changes_are_kept(calibrated, users, client_for):
    candidate, competency = calibrated.candidates[0], calibrated.competencies[1]
    url = reverse("selectie:calibration-candidate", args=[calibrated.procedure.pk, candidate.pk])
    client = client_for("hr")
    client.post(
        url,
        {
            "competency": competency.pk,
            f"c{competency.pk}-value": "3",
            f"c{competency.pk}-rationale": "Samen besproken: 3 past bij het gedrag.",
        },
    )
    consensus = ConsensusScore.objects.get(candidate=candidate, competency=competency)
    assert (consensus.value, consensus.decided_by) == (3, users["hr"])
    client.post(
        url,
        {
            "competency": competency.pk,
            f"c{competency.pk}-value": "4",
            f"c{competency.pk}-rationale": "Na herlezen van het bewijs toch 4.",
        },
    )
    consensus.refresh_from_db()
    assert consensus.value == 4
    changed = [e for e in audit.history_for(consensus) if e.action == "consensus.changed"]
    assert [(e.params["old_value"], e.params["value"]) for e in changed] == [(3, 4)]
    page = client.get(url).content.decode()
    assert "Geschiedenis van de consensus" in page and "Na herlezen van het bewijs toch 4." in page


def test_consensus_outside_the_scale_or_without_rationale_is_refused(calibrated, users):
    candidate, competency = calibrated.candidates[0], calibrated.competencies[0]
    with pytest.raises(ValidationError, match="geen punt op de schaal"):
        services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=7, rationale="x")
    with pytest.raises(ValidationError, match="waarom"):
        services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=3, rationale="")
    assert not ConsensusScore.objects.exists()


def test_a_selecteur_who_is_not_the_chair_cannot_record_or_overwrite_consensus(
    calibrated, selecteurs, users, client_for
):
    candidate, competency = calibrated.candidates[0], calibrated.competencies[0]
    services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=3, rationale="Panel.")
    url = reverse("selectie:calibration-candidate", args=[calibrated.procedure.pk, candidate.pk])
    response = client_for("selecteur2").post(
        url, {"competency": competency.pk, f"c{competency.pk}-value": "2", f"c{competency.pk}-rationale": "Eens."}
    )
    assert response.status_code == 403
    with pytest.raises(ValidationError) as refused:
        services.consensus_set(
            candidate=candidate, competency=competency, user=selecteurs["selecteur2"], value=2, rationale="Alleen."
        )
    assert refused.value.error_list[0].code == "not_chair"
    consensus = ConsensusScore.objects.get(candidate=candidate, competency=competency)
    assert (consensus.value, consensus.decided_by) == (3, users["hr"])


def test_a_selecteur_proposes_and_comments_instead(calibrated, selecteurs, client_for):
    candidate, competency = calibrated.candidates[0], calibrated.competencies[0]
    url = reverse("selectie:calibration-candidate", args=[calibrated.procedure.pk, candidate.pk])
    client_for("selecteur2").post(
        url,
        {
            "competency": competency.pk,
            "action": "propose",
            f"p{competency.pk}-value": "2",
            f"p{competency.pk}-comment": "Ik zag weinig omgevingsbewustzijn.",
        },
    )
    proposal = ConsensusProposal.objects.get(candidate=candidate, competency=competency)
    assert (proposal.author, proposal.value) == (selecteurs["selecteur2"], 2)
    assert not ConsensusScore.objects.exists()
    page = client_for("hr").get(url).content.decode()
    assert "Ik zag weinig omgevingsbewustzijn." in page


def test_the_designated_chair_records_consensus(calibrated, selecteurs, users):
    procedure = calibrated.procedure
    services.procedure_update(procedure=procedure, user=users["hr"], chair=selecteurs["selecteur2"])
    candidate, competency = Candidate.objects.get(pk=calibrated.candidates[0].pk), calibrated.competencies[0]
    services.consensus_set(
        candidate=candidate, competency=competency, user=selecteurs["selecteur2"], value=2, rationale="Eens."
    )
    assert ConsensusScore.objects.get(candidate=candidate, competency=competency).decided_by == selecteurs["selecteur2"]
    with pytest.raises(ValidationError):
        services.consensus_set(
            candidate=candidate, competency=competency, user=selecteurs["selecteur"], value=4, rationale="Nee."
        )


def test_no_consensus_before_every_assigned_selecteur_handed_in_without_a_reason(day, selecteurs, users):
    candidate, competency = day.candidates[0], day.competencies[0]
    score_all(day, selecteurs["selecteur"], candidate, value=2, submit=True)  # selecteur2 has not handed in
    with pytest.raises(ValidationError) as refused:
        services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=2, rationale="r")
    assert refused.value.error_list[0].code == "not_all_handed_in"
    assert not ConsensusScore.objects.exists()
    consensus = services.consensus_set(
        candidate=candidate,
        competency=competency,
        user=users["hr"],
        value=2,
        rationale="Eén selecteur, duidelijk beeld.",
        early_reason="Selecteur 2 is ziek naar huis.",
    )
    (early,) = [e for e in audit.history_for(consensus) if e.action == "consensus.early"]
    assert early.params["reason"] == "Selecteur 2 is ziek naar huis." and early.actor == users["hr"]
    assert "vóór alle indieningen" in early.text and "ziek naar huis" in early.text


def test_no_consensus_for_a_competency_without_scores_without_a_reason(day, users):
    candidate = day.candidates[2]  # nobody assigned, so nothing handed in
    with pytest.raises(ValidationError) as refused:
        services.consensus_set(
            candidate=candidate, competency=day.competencies[0], user=users["hr"], value=3, rationale="r"
        )
    assert refused.value.error_list[0].code == "not_all_handed_in"


def test_the_consensus_form_asks_for_a_reason_while_selecteurs_are_missing(day, selecteurs, client_for):
    candidate, competency = day.candidates[0], day.competencies[0]
    score_all(day, selecteurs["selecteur"], candidate, value=2, submit=True)
    url = reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk])
    client = client_for("hr")
    page = client.get(url).content.decode()
    assert "Nog 1 selecteur heeft niet ingediend" in page and f"c{competency.pk}-early_reason" in page
    response = client.post(
        url,
        {"competency": competency.pk, f"c{competency.pk}-value": "2", f"c{competency.pk}-rationale": "r"},
        follow=True,
    )
    assert "Nog niet alle selecteurs hebben ingediend" in response.content.decode()
    assert not ConsensusScore.objects.exists()


def test_no_decision_without_consensus_on_every_profile_competency(calibrated, users, client_for):
    candidate = calibrated.candidates[0]
    for competency in calibrated.competencies[:2]:
        services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=3, rationale="r")
    with pytest.raises(ValidationError) as refused:
        services.decision_set(candidate=candidate, user=users["hr"], outcome="door", justification="Verbinden sterk.")
    assert refused.value.error_list[0].code == "consensus_missing"
    url = reverse("selectie:decision", args=[calibrated.procedure.pk, candidate.pk])
    page = client_for("hr").get(url).content.decode()
    assert "Nog geen consensus op" in page
    for competency in calibrated.competencies[2:]:
        assert competency.name in page
    assert not Decision.objects.exists()


def test_decision_must_name_a_competency_of_the_profile(calibrated, users, client_for):
    candidate = calibrated.candidates[0]
    consensus_all(calibrated, candidate, users["hr"])
    with pytest.raises(ValidationError, match="minstens één competentie"):
        services.decision_set(candidate=candidate, user=users["hr"], outcome="door", justification="Goede indruk.")
    url = reverse("selectie:decision", args=[calibrated.procedure.pk, candidate.pk])
    response = client_for("hr").post(url, {"outcome": "door", "justification": "Goede indruk."})
    assert "minstens één competentie" in response.content.decode()
    assert not Decision.objects.exists()
    client_for("hr").post(url, {"outcome": "door", "justification": "Sterk in oordeelsvorming en verbinden."})
    assert Decision.objects.get(candidate=candidate).outcome == "door"


def test_results_rank_candidates_on_mean_consensus(calibrated, users, selecteurs):
    first, second, third = calibrated.candidates
    score_all(calibrated, selecteurs["selecteur"], second, value=4, submit=True)  # a consensus rests on a score
    for competency in calibrated.competencies:
        services.consensus_set(candidate=first, competency=competency, user=users["hr"], value=3, rationale="r")
        services.consensus_set(
            candidate=second, competency=competency, user=users["hr"], value=4, rationale="r", early_reason="Test."
        )
    competencies, rows = selectors.results(procedure=calibrated.procedure)
    assert [(r["candidate"].code, r.get("rank"), r["overall"]) for r in rows] == [
        ("K-002", 1, 4),
        ("K-001", 2, 3),
        ("K-003", None, None),
    ]


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    result = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())  # table cells wrap: compare words, not lines


def test_candidate_pdf_holds_only_that_candidates_results(calibrated, users, client_for, selecteurs):
    first, second, _third = calibrated.candidates
    score_all(calibrated, selecteurs["selecteur"], second, value=5, submit=True)  # a consensus rests on a score
    services.consensus_set(
        candidate=first,
        competency=calibrated.competencies[0],
        user=users["hr"],
        value=2,
        rationale="Ziet de omgeving nog weinig.",
    )
    services.consensus_set(
        candidate=second,
        competency=calibrated.competencies[0],
        user=users["hr"],
        value=5,
        rationale="Uitzonderlijk omgevingsbewust.",
        early_reason="Nog niet ingediend, wel besproken.",
    )
    for competency in calibrated.competencies[1:]:
        services.consensus_set(candidate=first, competency=competency, user=users["hr"], value=3, rationale="r")
    services.decision_set(
        candidate=first, user=users["hr"], outcome="reserve", justification="Omgevingsbewust moet groeien."
    )
    text = pdf_text(client_for("hr").get(reverse("selectie:candidate-pdf", args=[calibrated.procedure.pk, first.pk])))
    assert "K-001" in text and "Ziet de omgeving nog weinig." in text and "Reserve" in text
    assert "K-002" not in text and "Uitzonderlijk omgevingsbewust." not in text
    assert "Persoon 1" not in text  # no name unless HR asks for it
    named = pdf_text(
        client_for("hr").get(reverse("selectie:candidate-pdf", args=[calibrated.procedure.pk, first.pk]) + "?naam=1")
    )
    assert "Persoon 1" in named and "Persoon 2" not in named


def test_procedure_pdf_lists_codes_but_no_personal_data(calibrated, client_for):
    text = pdf_text(client_for("hr").get(reverse("selectie:procedure-pdf", args=[calibrated.procedure.pk])))
    assert "K-001" in text and "K-003" in text
    assert "Persoon" not in text and "@example.nl" not in text


def test_closing_the_procedure_freezes_consensus_and_decisions(calibrated, users):
    procedure = calibrated.procedure
    for status in ["scoren", "kalibratie", "afgerond"]:
        procedure = services.procedure_transition(procedure=procedure, user=users["hr"], status=status)
    assert procedure.closed_on is not None
    candidate = calibrated.candidates[0]
    candidate.refresh_from_db()
    with pytest.raises(ValidationError, match="afgerond"):
        services.consensus_set(
            candidate=candidate, competency=calibrated.competencies[0], user=users["hr"], value=3, rationale="Te laat."
        )


def test_status_follows_the_allowed_transitions_only(day, users):
    with pytest.raises(ValidationError, match="kan de procedure niet"):
        services.procedure_transition(procedure=day.procedure, user=users["hr"], status="afgerond")
    assert services.procedure_transition(procedure=day.procedure, user=users["hr"], status="scoren").status == "scoren"


def test_calibration_can_show_only_candidates_with_a_disagreement(calibrated, client_for):
    url = reverse("selectie:calibration", args=[calibrated.procedure.pk])
    content = client_for("hr").get(url, {"verschil": "1"}).content.decode()
    assert ">K-001<" in content and ">K-002<" not in content
    assert "Alle kandidaten tonen" in content


def test_a_stale_consensus_edit_is_refused(calibrated, users, client_for):
    candidate, competency = calibrated.candidates[0], calibrated.competencies[0]
    url = reverse("selectie:calibration-candidate", args=[calibrated.procedure.pk, candidate.pk])
    client = client_for("hr")
    form = client.get(url).content.decode()
    assert 'name="revision" value="0"' in form
    services.consensus_set(
        candidate=candidate,
        competency=competency,
        user=users["hr"],
        value=2,
        rationale="Eerst vastgelegd door een collega.",
    )
    response = client.post(
        url,
        {
            "competency": competency.pk,
            "revision": "0",
            f"c{competency.pk}-value": "4",
            f"c{competency.pk}-rationale": "Later, zonder de nieuwe stand te zien.",
        },
        follow=True,
    )
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert ConsensusScore.objects.get(candidate=candidate, competency=competency).value == 2


def test_a_stale_decision_is_refused(calibrated, users):
    candidate = calibrated.candidates[0]
    consensus_all(calibrated, candidate, users["hr"])
    services.decision_set(candidate=candidate, user=users["hr"], outcome="door", justification="Verbinden sterk.")
    with pytest.raises(ValidationError, match="intussen gewijzigd"):
        services.decision_set(
            candidate=candidate, user=users["hr"], outcome="afgewezen", justification="Verbinden zwak.", revision=0
        )
    assert Decision.objects.get(candidate=candidate).outcome == "door"


def test_only_an_assessor_of_the_organisation_can_chair(day, users):
    with pytest.raises(ValidationError) as refused:
        services.procedure_update(procedure=day.procedure, user=users["hr"], chair=users["outsider"])
    assert refused.value.error_list[0].code == "chair_not_assessor"


def test_no_consensus_on_a_competency_nobody_scored_even_with_a_reason(day, selecteurs, users):
    unobserved = day.competencies[0]
    services.exercise_matrix_save(
        procedure=day.procedure,
        matrix={
            day.interview.pk: {c.pk for c in day.competencies[1:3]},
            day.casus.pk: {c.pk for c in day.competencies[2:]},
        },
    )
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, submit=True)
    candidate = Candidate.objects.get(pk=candidate.pk)
    with pytest.raises(ValidationError) as refused:
        services.consensus_set(candidate=candidate, competency=unobserved, user=users["hr"], value=3, rationale="r")
    assert refused.value.error_list[0].code == "no_scores"
    # Issue 28: no reason opens a consensus that rests on no handed-in score.
    with pytest.raises(ValidationError) as refused:
        services.consensus_set(
            candidate=candidate,
            competency=unobserved,
            user=users["hr"],
            value=3,
            rationale="Besproken op basis van het cv.",
            early_reason="Geen oefening observeerde dit; het cv wel.",
        )
    assert refused.value.error_list[0].code == "no_scores"
    assert "geen ingediende score" in refused.value.messages[0]
    assert not ConsensusScore.objects.filter(candidate=candidate, competency=unobserved).exists()
    assert not audit.history_for(candidate).filter(action__startswith="consensus.").exists()
