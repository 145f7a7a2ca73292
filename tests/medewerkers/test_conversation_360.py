"""The conversation page shows the 360° median and spread next to self and manager once a rater group
has 3 responses (and the viewer handed in their own); the employee hears when the manager hands in."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from competentie.organisations.models import Membership
from medewerkers import services
from medewerkers.services import raters

from ..factories import make_user
from .conftest import build_team, score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(seeded, org_a, users):
    team, manager, (employee,) = build_team(org_a, size=1, manager=users["mt"])
    today = timezone.localdate()
    cycle = services.cycle_open(
        user=users["hr"],
        team=team,
        name="Cyclus 360",
        period_start=today - timedelta(days=300),
        period_end=today + timedelta(days=60),
        self_deadline=today + timedelta(days=10),
        manager_deadline=today + timedelta(days=20),
        conversation_deadline=today + timedelta(days=30),
    )
    colleagues = [
        make_user(f"collega360_{n}", organisation=org_a, role=Membership.Role.MEDEWERKER, email=f"c{n}@aadorp.nl")
        for n in range(3)
    ]
    invitations = [
        raters.rater_invite_colleague(cycle=cycle, employee=employee, username=c.username, user=employee.user)
        for c in colleagues
    ]
    return cycle, manager, employee, invitations


def _respond(invitation, employee, value):
    answers = {pc.pk: (value, "") for pc in employee.profile.profile_competencies.all()}
    raters.rater_respond(invitation=invitation, answers=answers, scale_values=range(1, 7))


def _hand_in(cycle, employee, kind, user, value):
    assessment = cycle.assessments.get(employee=employee, kind=kind)
    score_all(assessment, value)
    services.assessment_hand_in(assessment=assessment, user=user)


def _page(user, cycle, employee) -> str:
    client = Client()
    client.force_login(user)
    return client.get(reverse("medewerkers:conversation", args=[cycle.pk, employee.pk])).content.decode()


def test_the_conversation_shows_the_360_median_and_spread_from_three_responses(setting):
    cycle, manager, employee, invitations = setting
    _respond(invitations[0], employee, 3)
    _respond(invitations[1], employee, 5)
    _hand_in(cycle, employee, "manager", manager, 2)
    assert "(3–5)" not in _page(manager, cycle, employee)  # a group of two: nothing
    _respond(invitations[2], employee, 4)
    page = _page(manager, cycle, employee)
    assert "<td>4 (3–5)</td>" in page
    assert "<td>4 (3–5)</td>" not in _page(employee.user, cycle, employee)  # blind until their own is in
    _hand_in(cycle, employee, "self", employee.user, 6)
    assert "<td>4 (3–5)</td>" in _page(employee.user, cycle, employee)


def test_the_employee_hears_once_when_the_manager_hands_in(setting, monkeypatch):
    from django.core import mail

    from competentie.notifications import mail as notification_mail

    monkeypatch.setattr(
        notification_mail.transaction, "on_commit", lambda callback, robust=False, using=None: callback()
    )
    cycle, manager, employee, _invitations = setting
    employee.user.email = "medewerker@aadorp.nl"
    employee.user.save(update_fields=["email"])
    _hand_in(cycle, employee, "self", employee.user, 3)
    assert [m for m in mail.outbox if employee.user.email in m.to] == []
    _hand_in(cycle, employee, "manager", manager, 3)
    sent = [m for m in mail.outbox if employee.user.email in m.to]
    assert len(sent) == 1
    path = reverse("medewerkers:conversation", args=[cycle.pk, employee.pk])
    assert path in sent[0].body and cycle.name in sent[0].body
    services.assessment_hand_in(assessment=cycle.assessments.get(employee=employee, kind="manager"), user=manager)
    assert len([m for m in mail.outbox if employee.user.email in m.to]) == 1
