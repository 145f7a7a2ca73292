"""Retention of the medewerkers app (run daily through RETENTION_PURGES, or by HR for one person).

- A departed employee (`left_on` set) is purged EMPLOYEE_RETENTION_DAYS after leaving: the record with
  every assessment, score, conversation, POP goal and note; the logs are scrubbed of the name and
  e-mail (competentie/privacy.py), and the audit events never name the employee, so no trace is left.
- The agreed result (the conversation and the assessments behind it) is kept
  MEDEWERKERS_RESULT_RETENTION_DAYS after the cycle's period ends, then deleted.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie.people.models import Employee
from competentie.privacy import logs_scrub

from .models import Assessment, Conversation

logger = logging.getLogger(__name__)


@transaction.atomic
def employee_purge(*, employee: Employee) -> None:
    """Delete the person and all their development data; their account stays a member for the beheerder."""
    # The audit log is append-only and its events never name the employee; the admin history and any
    # log that does mention the name or address lose it.
    logs_scrub(objects=[employee], needles=[employee.name, employee.email], label=str(_("medewerker")))
    Assessment.objects.filter(employee=employee).delete()
    Conversation.objects.filter(employee=employee).delete()
    employee.delete()  # cascades to the POP, its goals and notes


def departed_employees_purge(*, today: date | None = None) -> int:
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.EMPLOYEE_RETENTION_DAYS)
    count = 0
    for employee in Employee.objects.filter(left_on__isnull=False, left_on__lte=cutoff):
        employee_purge(employee=employee)
        count += 1
    logger.info("purge_candidates: %s vertrokken medewerkers verwijderd", count)
    return count


@transaction.atomic
def results_purge_expired(*, today: date | None = None) -> int:
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.MEDEWERKERS_RESULT_RETENTION_DAYS)
    Assessment.objects.filter(cycle__period_end__lt=cutoff).delete()
    count, _by_model = Conversation.objects.filter(cycle__period_end__lt=cutoff).delete()
    return count


def medewerkers_purge_expired(*, today: date | None = None) -> int:
    """The daily purge's entry (RETENTION_PURGES)."""
    return departed_employees_purge(today=today) + results_purge_expired(today=today)
