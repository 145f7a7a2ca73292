"""E-mails before the deadlines of an assessment cycle, for the daily `send_reminders` command.

Registered in NOTIFICATION_REMINDERS; `competentie.notifications.reminders` claims each one once
(SentReminder), so running the command again sends nothing twice. ASSESSMENT_REMINDER_DAYS before a
deadline, whoever has not handed in yet gets one reminder; the key holds the deadline, so a moved
deadline earns a new one:

- the employee, before the self-assessment deadline;
- the manager, before the manager's deadline;
- a colleague invited for 360° feedback who has not answered or declined, before their link expires.
  (Someone outside the organisation has no account to remind; only a hash of their link is kept, so a
  reminder could not carry it. The employee sees who has not answered and can send a new link.)
"""

from datetime import date, timedelta

from django.conf import settings

from competentie.notifications.mail import absolute_url
from competentie.notifications.reminders import Reminder
from competentie.people.models import Employee

from .models import Assessment, AssessmentCycle, RaterInvitation


def _context(cycle, employee, *, due_on, url, as_manager=False, as_rater=False) -> dict:
    return {
        "cycle_name": cycle.name,
        "organisation": str(cycle.organisation),
        "organisation_id": cycle.organisation_id,
        "employee_name": employee.name,
        "due_on": due_on,
        "as_manager": as_manager,
        "as_rater": as_rater,
        "url": url,
    }


def assessment_reminders(today: date) -> list[Reminder]:
    """Four queries: the cycles due soon, their employees, what was handed in, the open invitations."""
    soon = today + timedelta(days=settings.ASSESSMENT_REMINDER_DAYS)
    cycles = list(
        AssessmentCycle.objects.filter(closed_at__isnull=True, created_at__date__lte=today)
        .filter(self_deadline__gte=today)
        .filter(self_deadline__lte=soon)
        .select_related("organisation")
        | AssessmentCycle.objects.filter(
            closed_at__isnull=True, manager_deadline__gte=today, manager_deadline__lte=soon
        ).select_related("organisation")
    )
    if not cycles:
        return []
    by_id = {c.pk: c for c in cycles}
    employees = list(
        Employee.objects.filter(team__in={c.team_id for c in cycles}, left_on__isnull=True)
        .select_related("user", "manager")
        .order_by("pk")
    )
    handed_in = set(
        Assessment.objects.filter(
            cycle__in=cycles, kind__in=["self", "manager"], submitted_at__isnull=False
        ).values_list("cycle_id", "employee_id", "kind")
    )
    reminders = []
    for cycle in cycles:
        for employee in (e for e in employees if e.team_id == cycle.team_id):
            url = absolute_url("home")
            if (
                today <= cycle.self_deadline <= soon
                and employee.user
                and (cycle.pk, employee.pk, "self") not in handed_in
            ):
                key = f"zelfbeoordeling-{cycle.pk}-{employee.pk}-{cycle.self_deadline.isoformat()}"
                context = _context(cycle, employee, due_on=cycle.self_deadline, url=url)
                reminders.append(Reminder("assessment_reminder", key, employee.user, context))
            if (
                today <= cycle.manager_deadline <= soon
                and employee.manager
                and (cycle.pk, employee.pk, "manager") not in handed_in
            ):
                key = f"beoordeling-{cycle.pk}-{employee.pk}-{cycle.manager_deadline.isoformat()}"
                context = _context(cycle, employee, due_on=cycle.manager_deadline, url=url, as_manager=True)
                reminders.append(Reminder("assessment_reminder", key, employee.manager, context))
    open_invitations = RaterInvitation.objects.filter(
        cycle__in=[c for c in cycles if today <= c.manager_deadline <= soon],
        rater__isnull=False,
        responded_at__isnull=True,
        declined_at__isnull=True,
    ).select_related("rater", "employee")
    for invitation in open_invitations:
        cycle = by_id[invitation.cycle_id]
        key = f"360-{invitation.pk}-{cycle.manager_deadline.isoformat()}"
        url = absolute_url("feedback:respond", invitation.pk)
        context = _context(cycle, invitation.employee, due_on=cycle.manager_deadline, url=url, as_rater=True)
        reminders.append(Reminder("assessment_reminder", key, invitation.rater, context))
    return reminders
