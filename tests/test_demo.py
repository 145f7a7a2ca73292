"""`setup_demo` tells the story: several selecteurs and MT members, a peer organisation, a selection
day halfway through with real disagreements, a round finished two years ago and an open one."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from competentie.organisations.models import Membership
from frameworks.demo_people import DEMO_PEOPLE, PEER_ORGANISATION
from selectie.models import Score, SelectionProcedure, Submission
from zelfevaluatie.models import EvaluationRound, PeerReview

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, seeded, capsys, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("HOST", "0.0.0.0:8123")
    call_command("setup_demo")
    return capsys.readouterr().out


def test_demo_has_three_selecteurs_three_mt_members_and_a_peer_organisation(demo):
    for role in (Membership.Role.SELECTEUR, Membership.Role.MANAGEMENT):
        members = Membership.objects.filter(organisation__name="Gemeente Voorbeeldstad", role=role)
        assert members.count() == 3
        assert all(m.user.first_name and m.user.last_name and m.user.email for m in members)
    assert Membership.objects.filter(organisation__name=PEER_ORGANISATION).count() == 1
    for username, (first, last, *_rest) in DEMO_PEOPLE.items():
        assert username in demo and f"{first} {last}" in demo


def test_demo_procedure_is_halfway_with_handed_in_scores_that_disagree(demo):
    procedure = SelectionProcedure.objects.get(name="Vergunningverlener omgevingsrecht 2026")
    assert procedure.status == SelectionProcedure.Status.OPEN
    assert procedure.selection_date == timezone.localdate()
    assert Submission.objects.filter(candidate__procedure=procedure).count() == 4
    assert not Submission.objects.filter(candidate__procedure=procedure, selecteur__username="selecteur").exists()
    by_cell = {}
    for score in Score.objects.filter(assignment__procedure=procedure).select_related("assignment"):
        by_cell.setdefault((score.assignment.candidate_id, score.competency_id), []).append(score.value)
    assert any(max(values) - min(values) >= 2 for values in by_cell.values() if len(values) > 1)


def test_demo_has_a_round_finished_two_years_ago_and_an_open_round_with_a_peer(demo):
    past = EvaluationRound.objects.get(period="2024")
    assert past.status == EvaluationRound.Status.FINISHED
    assert past.finished_at < timezone.now() - timedelta(days=700)
    current = EvaluationRound.objects.get(period="2026")
    assert current.status == EvaluationRound.Status.IN_PROGRESS
    assert current.previous_round == past
    assert PeerReview.objects.get(round=current).organisation.name == PEER_ORGANISATION


def test_demo_is_idempotent_sends_no_mail_and_prints_the_host(demo, capsys):
    counts = (Membership.objects.count(), SelectionProcedure.objects.count(), EvaluationRound.objects.count())
    call_command("setup_demo")
    again = capsys.readouterr().out
    assert (Membership.objects.count(), SelectionProcedure.objects.count(), EvaluationRound.objects.count()) == counts
    assert "bestond al" in again and "http://0.0.0.0:8123" in demo
    assert mail.outbox == []
