"""E-mails before a measurement's deadline and for the follow-up, for the daily `send_reminders` command.

Registered in NOTIFICATION_REMINDERS; `competentie.notifications.reminders` claims each one once
(SentReminder), so running the command again sends nothing twice.

- The follow-up opens (3 months after the end): an invitation to the participant and to their manager,
  once each (the key names the participant; a newly named manager is a new recipient).
- MEASUREMENT_REMINDER_DAYS before a deadline, whoever has not handed in yet gets one reminder (the key
  holds the deadline: a moved deadline earns a new one).
"""

from datetime import date, timedelta

from django.conf import settings

from competentie.accounts.names import display_name
from competentie.notifications.mail import absolute_url
from competentie.notifications.reminders import Reminder

from .models import Measurement, MeasurementMoment, MeasurementWindow, Participant, Rater
from .people import manager_of


def _context(window, participant, *, as_manager: bool) -> dict:
    programme = window.cohort.programme
    url = (
        absolute_url("ontwikkeling:follow-up", participant.pk)
        if as_manager
        else absolute_url("ontwikkeling:measurement", participant.pk, window.moment)
    )
    return {
        "programme_name": programme.name,
        "organisation": str(programme.organisation),
        "organisation_id": programme.organisation_id,
        "moment": window.get_moment_display(),
        "due_on": window.due_on,
        "participant_name": display_name(participant.user),
        "as_manager": as_manager,
        "url": url,
    }


def measurement_reminders(today: date) -> list[Reminder]:
    """Four queries: the open windows, their participants, what was handed in, nothing per person."""
    windows = list(
        MeasurementWindow.objects.filter(opens_on__lte=today, due_on__gte=today).select_related(
            "cohort__programme__organisation"
        )
    )
    if not windows:
        return []
    participants = list(
        Participant.objects.filter(cohort__in={w.cohort_id for w in windows}, user__isnull=False)
        .select_related("user", "manager")
        .order_by("pk")
    )
    handed_in = set(
        Measurement.objects.filter(participant__in=participants, moment__in={w.moment for w in windows}).values_list(
            "participant_id", "moment", "rater"
        )
    )
    reminders = []
    remind_from = timedelta(days=settings.MEASUREMENT_REMINDER_DAYS)
    for window in windows:
        follow_up = window.moment == MeasurementMoment.FOLLOW_UP
        due_soon = today >= window.due_on - remind_from
        for participant in (p for p in participants if p.cohort_id == window.cohort_id):
            raters = [(Rater.PARTICIPANT, participant.user)]
            if follow_up and manager_of(participant) is not None:
                raters.append((Rater.MANAGER, manager_of(participant)))
            for rater, recipient in raters:
                if (participant.pk, window.moment, rater) in handed_in:
                    continue
                context = _context(window, participant, as_manager=rater == Rater.MANAGER)
                if follow_up:
                    reminders.append(
                        Reminder("follow_up_invitation", f"opvolging-{participant.pk}", recipient, context)
                    )
                if due_soon:
                    key = f"meting-{participant.pk}-{window.moment}-{window.due_on.isoformat()}"
                    reminders.append(Reminder("measurement_reminder", key, recipient, context))
    return reminders
