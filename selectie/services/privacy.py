"""AVG: personal data goes once the retention period is over; anonymous scores stay."""

import logging
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from competentie import audit
from competentie.privacy import database_files_scrub_on_commit, log_tables, logs_scrub

from ..fragments import procedure_changed
from ..models import (
    MAX_RETENTION,
    Candidate,
    CandidatePersonalData,
    FairnessAnswer,
    FairnessInvitation,
    RejectionLetter,
    SelectionProcedure,
)

logger = logging.getLogger(__name__)
Status = SelectionProcedure.Status


# --- AVG ----------------------------------------------------------------------------------------


def retention_end(candidate: Candidate, personal: CandidatePersonalData | None = None) -> date | None:
    """The last day this candidate's personal data may be kept; None while the procedure runs."""
    procedure = candidate.procedure
    end = procedure.retention_end()
    if end is None:
        return None
    personal = personal or getattr(candidate, "personal_data", None)
    if personal is not None and personal.consent_until and personal.consent_until > end:
        end = min(personal.consent_until, procedure.closed_on + MAX_RETENTION)
    return end


def _scrub_files() -> None:
    """Once committed (at once outside a transaction): no copy of the purged rows in the database files."""
    database_files_scrub_on_commit(rewrite=[CandidatePersonalData._meta.db_table], vacuum=log_tables())


@transaction.atomic
def candidate_purge(*, candidate: Candidate, user: AbstractBaseUser | None, via: str, scrub_files: bool = True) -> bool:
    """Remove name, e-mail, notes, fairness answers and the rejection letter; keep code, scores and
    decision for statistics. Idempotent.

    Once committed, the database files are scrubbed too (`scrub_files`; a batch does that once at its end).
    """
    personal = CandidatePersonalData.objects.select_for_update().filter(candidate=candidate).first()
    if personal is None:
        return False
    # Logs outlive the record: the admin history and audit rows lose every trace of the person.
    logs_scrub(objects=[candidate, personal], needles=[personal.name, personal.email], label=candidate.code)
    personal.delete()
    # What was stated or written for this person goes with them: fairness answers and the letter.
    FairnessAnswer.objects.filter(candidate=candidate).delete()
    FairnessInvitation.objects.filter(candidate=candidate).delete()
    RejectionLetter.objects.filter(candidate=candidate).delete()
    candidate.purged_at = timezone.now()
    candidate.save(update_fields=["purged_at"])
    procedure_changed(candidate.procedure_id)  # the calibration matrix lists the candidate
    audit.record(user, candidate, "candidate.purged", within=candidate.procedure, code=candidate.code, via=via)
    logger.info(
        "Persoonsgegevens van kandidaat %s (procedure %s) verwijderd via %s door %s",
        candidate.code,
        candidate.procedure_id,
        via,
        user or "-",
    )
    if scrub_files:
        _scrub_files()
    return True


def candidates_past_retention(*, today: date) -> list[Candidate]:
    candidates = Candidate.objects.filter(
        procedure__status=Status.CLOSED, procedure__closed_on__isnull=False, personal_data__isnull=False
    ).select_related("procedure", "personal_data")
    return [c for c in candidates if (end := retention_end(c, c.personal_data)) is not None and end < today]


def candidates_purge_expired(*, today: date | None = None) -> list[str]:
    """Purge every candidate whose retention ended before today. Safe to run daily."""
    today = today or timezone.localdate()
    purged = []
    for candidate in candidates_past_retention(today=today):
        if candidate_purge(candidate=candidate, user=None, via="purge_candidates", scrub_files=False):
            purged.append(f"{candidate.procedure_id}/{candidate.code}")
    # Every day, also without purges: a row that a still running transaction kept visible when an
    # earlier purge rewrote the table ("recently dead" on PostgreSQL) goes in this rewrite.
    _scrub_files()
    logger.info("purge_candidates: %s kandidaten opgeschoond", len(purged))
    return purged
