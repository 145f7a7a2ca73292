"""Reminders before a selection day, for the daily `send_reminders` command (competentie.notifications)."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from competentie.notifications.mail import absolute_url
from competentie.notifications.reminders import Reminder

from .models import Assignment, SelectionProcedure, Submission


def selection_day_reminders(today: date) -> list[Reminder]:
    """Selecteurs who still have candidates to hand in, in the days before the selection day.

    The key holds the date, so moving the selection day earns a new reminder. Two queries.
    """
    until = today + timedelta(days=settings.SELECTION_REMINDER_DAYS)
    handed_in = Submission.objects.filter(candidate_id=OuterRef("candidate_id"), selecteur_id=OuterRef("selecteur_id"))
    open_work = (
        Assignment.objects.filter(
            procedure__selection_date__range=(today, until),
            procedure__status__in=[
                SelectionProcedure.Status.PREPARATION,
                SelectionProcedure.Status.OPEN,
                SelectionProcedure.Status.SCORING,
            ],
        )
        .exclude(Exists(handed_in))
        .values_list("procedure_id", "procedure__name", "procedure__selection_date", "selecteur_id", "candidate_id")
        .order_by()
        .distinct()
    )
    grouped: dict[tuple[int, int], dict] = {}
    for procedure_id, name, selection_date, selecteur_id, candidate_id in open_work:
        entry = grouped.setdefault(
            (procedure_id, selecteur_id),
            {"procedure_name": name, "selection_date": selection_date, "candidates": set(), "pk": procedure_id},
        )
        entry["candidates"].add(candidate_id)
    users = get_user_model().objects.in_bulk({selecteur_id for _p, selecteur_id in grouped})
    return [
        Reminder(
            kind="selection_day_reminder",
            key=f"procedure-{procedure_id}-{entry['selection_date'].isoformat()}",
            recipient=users[selecteur_id],
            context={
                "procedure_name": entry["procedure_name"],
                "selection_date": entry["selection_date"],
                "open_count": len(entry["candidates"]),
                "url": absolute_url("selectie:procedure-detail", procedure_id),
            },
        )
        for (procedure_id, selecteur_id), entry in sorted(grouped.items())
    ]
