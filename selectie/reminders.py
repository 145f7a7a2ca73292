"""Reminders for the daily `send_reminders` command (competentie.notifications): before a selection
day, and when rejected candidates still wait for an answer two weeks after it."""

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

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
        .values_list(
            "procedure_id",
            "procedure__name",
            "procedure__selection_date",
            "procedure__organisation_id",
            "selecteur_id",
            "candidate_id",
        )
        .order_by()
        .distinct()
    )
    grouped: dict[tuple[int, int], dict] = {}
    for procedure_id, name, selection_date, organisation_id, selecteur_id, candidate_id in open_work:
        entry = grouped.setdefault(
            (procedure_id, selecteur_id),
            {
                "procedure_name": name,
                "selection_date": selection_date,
                "organisation_id": organisation_id,
                "candidates": set(),
                "pk": procedure_id,
            },
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
                "organisation_id": entry["organisation_id"],
                "open_count": len(entry["candidates"]),
                "url": absolute_url("selectie:procedure-detail", procedure_id),
            },
        )
        for (procedure_id, selecteur_id), entry in sorted(grouped.items())
    ]


#: NVP Sollicitatiecode: a rejected candidate hears the outcome; HR is reminded after this many days.
REJECTION_ANSWER_DAYS = 14


def rejection_letter_reminders(today: date) -> list[Reminder]:
    """HR of a procedure whose rejected candidates have had no letter two weeks after the selection day.

    One reminder per procedure, selection day and HR member (the key holds the date): idempotent
    through SentReminder. Three queries.
    """
    from competentie.organisations.models import Membership

    from .models import Decision

    waiting = (
        Decision.objects.filter(
            outcome=Decision.Outcome.REJECTED,
            candidate__procedure__selection_date__lte=today - timedelta(days=REJECTION_ANSWER_DAYS),
            candidate__personal_data__isnull=False,
        )
        .filter(Q(candidate__rejection_letter__isnull=True) | Q(candidate__rejection_letter__sent_at__isnull=True))
        .values_list(
            "candidate__procedure_id",
            "candidate__procedure__name",
            "candidate__procedure__selection_date",
            "candidate__procedure__organisation_id",
        )
    )
    procedures: dict[int, dict] = {}
    for procedure_id, name, selection_date, organisation_id in waiting:
        entry = procedures.setdefault(
            procedure_id,
            {"name": name, "selection_date": selection_date, "organisation_id": organisation_id, "count": 0},
        )
        entry["count"] += 1
    hr = defaultdict(list)
    for membership in Membership.objects.filter(
        organisation_id__in={e["organisation_id"] for e in procedures.values()}, role=Membership.Role.HR
    ).select_related("user"):
        hr[membership.organisation_id].append(membership.user)
    return [
        Reminder(
            kind="rejection_letter_reminder",
            key=f"letters-{procedure_id}-{entry['selection_date'].isoformat()}",
            recipient=user,
            context={
                "procedure_name": entry["name"],
                "selection_date": entry["selection_date"],
                "organisation_id": entry["organisation_id"],
                "open_count": entry["count"],
                "url": absolute_url("selectie:results", procedure_id),
            },
        )
        for procedure_id, entry in sorted(procedures.items())
        for user in hr[entry["organisation_id"]]
    ]
