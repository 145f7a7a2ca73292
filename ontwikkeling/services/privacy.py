"""A participant leaves: their answers are deleted, or kept without their name, as the organisation chooses.

- `participant_remove` (the programme team, on the cohort page): **deleted** removes the participant
  with every measurement, answer, rating and plan line — the cohort's figures no longer count them;
  **kept anonymised** cuts every link to the person (participant, coach, manager, plan) and keeps the
  answers, which go on counting in the cohort's figures as one anonymous participant.
- `participants_anonymise_expired` (the daily `purge_candidates`, through RETENTION_PURGES): once a
  cohort's last measurement is DEVELOPMENT_RETENTION_DAYS past, its participants are kept anonymised
  the same way; the cohort's figures stay, nobody's growth can be traced back.

The audit log never names a participant (it names the cohort), so no log needs scrubbing; the
person's account stays, as a member of the organisation, for the beheerder to manage.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from competentie import audit

from .. import people
from ..models import Cohort, Participant

logger = logging.getLogger(__name__)


def _anonymise(participant: Participant) -> None:
    people.plan_forget(participant)
    participant.user = participant.coach = participant.manager = None
    participant.anonymised_at = timezone.now()
    participant.save(update_fields=["user", "coach", "manager", "anonymised_at"])


@transaction.atomic
def participant_remove(*, participant: Participant, keep_anonymised: bool, user=None) -> None:
    cohort = participant.cohort
    if keep_anonymised:
        _anonymise(participant)
    else:
        people.plan_forget(participant)
        participant.delete()
    audit.record(
        user,
        cohort.programme,
        "programme.participant_removed",
        cohort=cohort.name,
        kept="anoniem" if keep_anonymised else "verwijderd",
    )


def cohorts_past_retention(*, today: date) -> list[Cohort]:
    """Cohorts whose last measurement window (or end date) lies DEVELOPMENT_RETENTION_DAYS back."""
    cutoff = today - timedelta(days=settings.DEVELOPMENT_RETENTION_DAYS)
    cohorts = Cohort.objects.filter(participants__user__isnull=False).annotate(last_due=Max("windows__due_on"))
    return [
        cohort
        for cohort in cohorts.distinct()
        if (last := cohort.last_due or cohort.ends_on) is not None and last < cutoff
    ]


@transaction.atomic
def participants_anonymise_expired(*, today: date | None = None) -> int:
    """Keep the participants of cohorts past their retention anonymised; safe to run daily. Returns how many."""
    today = today or timezone.localdate()
    count = 0
    for cohort in cohorts_past_retention(today=today):
        for participant in cohort.participants.filter(user__isnull=False):
            _anonymise(participant)
            count += 1
        audit.record(None, cohort.programme, "programme.cohort_anonymised", cohort=cohort.name)
    logger.info("purge_candidates: %s deelnemers van ontwikkelprogramma's anoniem gemaakt", count)
    return count
