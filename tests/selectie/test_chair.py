"""The chair's board, the calibration meeting, blindness for everyone on the panel (HR included)
and the tablet helpers: progress "2 van 3 compleet" and problems that link to their place."""

import pytest
from django.urls import reverse

from competentie import audit
from selectie import selectors, services
from selectie.models import Candidate, ConsensusScore, Score

from .conftest import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr_on_panel(day, users, selecteurs):
    """HR sits on K-001's panel next to selecteur and selecteur2; both colleagues handed in."""
    services.assignments_create(
        procedure=day.procedure, selecteurs=[users["hr"]], candidates=[day.candidates[0]], exercises=[day.interview]
    )
    score_all(day, selecteurs["selecteur"], day.candidates[0], value=2, submit=True)
    score_all(day, selecteurs["selecteur2"], day.candidates[0], value=5, submit=True)
    return day


def test_hr_on_the_panel_is_blind_until_handing_in(hr_on_panel, users, client_for):
    day, candidate = hr_on_panel, hr_on_panel.candidates[0]
    client = client_for("hr")
    detail = reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk])
    assert client.get(detail).status_code == 403
    overview = client.get(reverse("selectie:calibration", args=[day.procedure.pk])).content.decode()
    assert "U zit in het panel van deze kandidaat" in overview and "verschil 3" not in overview
    _competencies, rows = selectors.calibration_matrix(procedure=day.procedure, user=users["hr"], is_hr=True)
    assert rows[0].blind and rows[0].cells == [] and not rows[0].has_disagreement
    board = selectors.board(procedure=day.procedure, user=users["hr"])
    assert board["rows"][0].blind and board["rows"][0].flagged == []
    meeting = client.get(
        reverse("selectie:meeting-item", args=[day.procedure.pk, candidate.pk, day.competencies[0].pk])
    )
    assert "Dien eerst uw eigen scores in" in meeting.content.decode()
    assert "Vraagt door naar de belangen." not in meeting.content.decode()

    colleague_score = Score.objects.filter(
        assignment__candidate=candidate,
        assignment__selecteur=day.procedure.assignments.exclude(selecteur=users["hr"]).first().selecteur,
    ).first()
    revise = reverse("selectie:score-revise", args=[day.procedure.pk, colleague_score.pk])
    assert client.get(revise).status_code == 403

    score_all(day, users["hr"], candidate, value=3, submit=True)
    assert client.get(detail).status_code == 200
    assert client.get(revise).status_code == 200
    assert "verschil 3" in client.get(reverse("selectie:calibration", args=[day.procedure.pk])).content.decode()


def test_hr_off_the_panel_sees_everything(day, selecteurs, client_for):
    score_all(day, selecteurs["selecteur"], day.candidates[0], value=2, submit=True)
    url = reverse("selectie:calibration-candidate", args=[day.procedure.pk, day.candidates[0].pk])
    assert client_for("hr").get(url).status_code == 200


def test_the_board_shows_progress_hand_ins_and_disagreement(day, selecteurs, users, client_for):
    first, second = day.candidates[:2]
    score_all(day, selecteurs["selecteur"], first, value=2, submit=True)
    score_all(day, selecteurs["selecteur2"], first, value=4, submit=True)
    assignment = day.procedure.assignments.get(
        selecteur=selecteurs["selecteur"], candidate=second, exercise=day.interview
    )
    for competency in day.interview.competencies.all()[:2]:
        services.score_save(
            assignment=assignment, competency=competency, user=selecteurs["selecteur"], value=3, evidence="Zag het."
        )
    page = client_for("hr").get(reverse("selectie:board", args=[day.procedure.pk])).content.decode()
    assert "2 van 3" in page and "✓ ingediend" in page and "⚠ 5" in page
    live_url = reverse("selectie:board-live", args=[day.procedure.pk])
    assert f'data-hx-get="{live_url}"' in page
    assert 'data-hx-trigger="every 20s"' in page and "htmx.min.js" in page
    live = client_for("hr").get(reverse("selectie:board-live", args=[day.procedure.pk])).content.decode()
    assert live.startswith('<div id="board"') and "<html" not in live


def test_only_the_chair_opens_the_board_and_the_meeting(day, selecteurs, users, client_for):
    url = reverse("selectie:board", args=[day.procedure.pk])
    assert client_for("selecteur").get(url).status_code == 403
    assert client_for("mt").get(url).status_code == 403
    services.procedure_update(procedure=day.procedure, user=users["hr"], chair=selecteurs["selecteur"])
    assert client_for("selecteur").get(url).status_code == 200
    assert client_for("selecteur2").get(url).status_code == 403


def test_the_meeting_records_consensus_with_rationale_then_moves_on(day, selecteurs, users, client_for):
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, value=2, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, value=4, submit=True)
    client = client_for("hr")
    start = client.get(reverse("selectie:meeting", args=[day.procedure.pk]))
    first, second = day.competencies[:2]
    assert start.url == reverse("selectie:meeting-item", args=[day.procedure.pk, candidate.pk, first.pk])
    score = Score.objects.filter(assignment__candidate=candidate, competency=first).first()
    indicator = selectors.indicators_for(profile_ids=first.profile_ids, competency_ids=[first.pk])[first.pk][0]
    score.observed_indicators.add(indicator)
    page = client.get(start.url).content.decode()
    assert "Competentie 1 van 5" in page and "<svg" in page and "Vraagt door naar de belangen." in page
    assert "Waargenomen gedrag per selecteur" in page and indicator.text in page
    assert page.count('<span class="visually-hidden">gezien</span>') >= 1
    assert "verschil 2" in page
    response = client.post(start.url, {f"c{first.pk}-value": "3", f"c{first.pk}-rationale": "Midden, na bespreking."})
    assert response.url == reverse("selectie:meeting-item", args=[day.procedure.pk, candidate.pk, second.pk])
    consensus = ConsensusScore.objects.get(candidate=candidate, competency=first)
    assert (consensus.value, consensus.rationale, consensus.decided_by) == (3, "Midden, na bespreking.", users["hr"])


def test_the_meeting_asks_a_reason_before_everyone_handed_in(day, selecteurs, client_for):
    candidate, competency = day.candidates[0], day.competencies[0]
    score_all(day, selecteurs["selecteur"], candidate, value=2, submit=True)
    url = reverse("selectie:meeting-item", args=[day.procedure.pk, candidate.pk, competency.pk])
    client = client_for("hr")
    assert "Nog 1 selecteur heeft niet ingediend" in client.get(url).content.decode()
    client.post(url, {f"c{competency.pk}-value": "2", f"c{competency.pk}-rationale": "r"})
    assert not ConsensusScore.objects.exists()
    client.post(
        url,
        {f"c{competency.pk}-value": "2", f"c{competency.pk}-rationale": "r", f"c{competency.pk}-early_reason": "Tijd."},
    )
    consensus = ConsensusScore.objects.get()
    assert [e.params["reason"] for e in audit.history_for(consensus) if e.action == "consensus.early"] == ["Tijd."]


def test_the_submit_page_links_each_problem_to_its_place(day, selecteurs, client_for):
    candidate = day.candidates[0]
    page = client_for("selecteur").get(reverse("selectie:candidate-submit", args=[day.procedure.pk, candidate.pk]))
    content = page.content.decode()
    assignment = day.procedure.assignments.get(
        selecteur=selecteurs["selecteur"], candidate=candidate, exercise=day.interview
    )
    competency = day.interview.competencies.order_by("order").first()
    link = reverse("selectie:score-screen", args=[day.procedure.pk, assignment.pk]) + f"#comp-{competency.pk}"
    assert f'href="{link}"' in content
    assert "0 van 6 compleet" in content
    screen = client_for("selecteur").get(link.split("#")[0]).content.decode()
    assert f'id="comp-{competency.pk}"' in screen and "0 van 3 compleet" in screen and "sticky-code" in screen


def test_the_selecteur_sees_progress_per_exercise_and_candidate(day, selecteurs, client_for):
    candidate = day.candidates[0]
    assignment = day.procedure.assignments.get(
        selecteur=selecteurs["selecteur"], candidate=candidate, exercise=day.interview
    )
    competencies = list(day.interview.competencies.all())
    services.score_save(
        assignment=assignment, competency=competencies[0], user=selecteurs["selecteur"], value=3, evidence="Zag het."
    )
    services.score_save(
        assignment=assignment, competency=competencies[1], user=selecteurs["selecteur"], value=3
    )  # no evidence
    page = client_for("selecteur").get(reverse("selectie:procedure-detail", args=[day.procedure.pk])).content.decode()
    assert "1 van 3 compleet" in page and "1 van 6 compleet" in page


def test_a_proposal_needs_your_own_hand_in_first(day, selecteurs):
    candidate = Candidate.objects.get(pk=day.candidates[0].pk)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.consensus_propose(
            candidate=candidate, competency=day.competencies[0], user=selecteurs["selecteur"], value=3, comment="3?"
        )
    assert refused.value.error_list[0].code == "not_handed_in"
