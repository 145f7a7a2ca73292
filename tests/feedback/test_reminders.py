"""Reminders before the cycle's deadlines: once each (idempotent), to whoever has not handed in."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from competentie.notifications.reminders import reminders_send
from medewerkers.models import Assessment
from medewerkers.services import raters

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_the_employee_the_manager_and_open_colleague_raters(team, settings):
    settings.ASSESSMENT_REMINDER_DAYS = 3
    answered, _open = (
        raters.rater_invite_colleague(
            cycle=team.cycle, employee=team.employee, username=c.username, user=team.employee.user
        )
        for c in team.colleagues[:2]
    )
    raters.rater_respond(invitation=answered, answers={team.competencies[0].pk: (4, "")}, scale_values=range(1, 7))
    mail.outbox.clear()
    self_day = team.cycle.self_deadline - timedelta(days=2)
    assert reminders_send(today=self_day) == 1  # the employee's self-assessment
    assert reminders_send(today=self_day) == 0  # idempotent
    Assessment.objects.create(cycle=team.cycle, employee=team.employee, kind="self", submitted_at=timezone.now())
    manager_day = team.cycle.manager_deadline - timedelta(days=1)
    assert reminders_send(today=manager_day) == 2  # the manager and the colleague who has not answered
    assert reminders_send(today=manager_day) == 0
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert team.colleagues[1].email in recipients and team.colleagues[0].email not in recipients
