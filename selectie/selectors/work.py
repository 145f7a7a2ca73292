"""Reads for the "Mijn werk" home page: what waits for this user in selection procedures.

Each function costs a fixed number of queries, whatever the number of procedures.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q

from ..access import hr_organisation_ids
from ..models import Assignment, SelectionProcedure, Submission

SCORING_STATUSES = [SelectionProcedure.Status.OPEN, SelectionProcedure.Status.SCORING]


def scoring_work(*, user: AbstractBaseUser) -> list[dict]:
    """Procedures where the user scores: candidates assigned and handed in (2 queries; 1 without any)."""
    rows = list(
        Assignment.objects.filter(selecteur=user, procedure__status__in=SCORING_STATUSES)
        .values("procedure_id", "procedure__name", "procedure__selection_date")
        .annotate(candidates=Count("candidate", distinct=True))
        .order_by("procedure__selection_date", "procedure_id")
    )
    if not rows:
        return []  # nothing assigned: no hand-ins to count (one query for everyone who does not score)
    handed_in = dict(
        # The procedures just read, not their status again: only their candidates are joined.
        Submission.objects.filter(selecteur=user, candidate__procedure_id__in=[row["procedure_id"] for row in rows])
        .values("candidate__procedure_id")
        .annotate(n=Count("pk"))
        .values_list("candidate__procedure_id", "n")
    )
    return [
        {
            "pk": row["procedure_id"],
            "name": row["procedure__name"],
            "selection_date": row["procedure__selection_date"],
            "candidates": row["candidates"],
            "submitted": handed_in.get(row["procedure_id"], 0),
            "done": handed_in.get(row["procedure_id"], 0) >= row["candidates"],
        }
        for row in rows
    ]


def procedures_waiting_for_hr(*, user: AbstractBaseUser) -> list[SelectionProcedure]:
    """HR's procedures that are scored or calibrated: hand-ins, consensus and decisions (2 queries).

    Each procedure carries `expected` and `submitted` hand-ins and `undecided` candidates.
    """
    procedures = list(
        SelectionProcedure.objects.filter(
            organisation_id__in=hr_organisation_ids(user),
            status__in=[*SCORING_STATUSES, SelectionProcedure.Status.CALIBRATION],
        )
        .annotate(
            submitted=Count("candidates__submissions", distinct=True),
            undecided=Count("candidates", filter=Q(candidates__decision__isnull=True), distinct=True),
        )
        .order_by("selection_date", "pk")
    )
    pairs = (
        Assignment.objects.filter(procedure__in=procedures)
        .order_by()  # the model's ordering would make DISTINCT count exercises too
        .values_list("procedure_id", "candidate_id", "selecteur_id")
        .distinct()
    )
    expected: dict[int, int] = {}
    for procedure_id, _candidate, _selecteur in pairs:
        expected[procedure_id] = expected.get(procedure_id, 0) + 1
    for procedure in procedures:
        procedure.expected = expected.get(procedure.pk, 0)
        procedure.waiting_for_consensus = procedure.status == SelectionProcedure.Status.CALIBRATION or (
            procedure.expected and procedure.submitted >= procedure.expected
        )
    return procedures
