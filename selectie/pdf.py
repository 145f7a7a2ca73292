"""PDF contexts: the candidate's feedback report and the procedure report."""

from django.utils import timezone

from . import selectors
from .models import Candidate, SelectionProcedure


def candidate_report_context(*, candidate: Candidate, include_name: bool) -> dict:
    """Only this candidate: their code (and name if HR chooses), consensus scores and decision."""
    personal = getattr(candidate, "personal_data", None) if include_name else None
    return {
        "procedure": candidate.procedure,
        "candidate": candidate,
        "name": personal.name if personal else "",
        "points": selectors.scale_points(procedure=candidate.procedure),
        "generated_at": timezone.localtime(),
        **selectors.candidate_report(candidate=candidate),
    }


def procedure_report_context(*, procedure: SelectionProcedure) -> dict:
    """Anonymous: codes, consensus scores, ranking and decisions; no personal data."""
    competencies, rows = selectors.results(procedure=procedure)
    return {
        "procedure": procedure,
        "competencies": competencies,
        "rows": rows,
        "exercises": selectors.exercises_with_competencies(procedure=procedure),
        "generated_at": timezone.localtime(),
    }
