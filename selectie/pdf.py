"""PDF contexts: the candidate's feedback report and the procedure report."""

from django.utils import timezone

from . import selectors
from .disagreement import threshold_of
from .models import Candidate, SelectionProcedure


def candidate_report_context(*, candidate: Candidate, include_name: bool) -> dict:
    """Only this candidate: their code (and name if HR chooses), consensus scores and decision."""
    personal = getattr(candidate, "personal_data", None) if include_name else None
    return {
        "procedure": candidate.procedure,
        "organisation": candidate.procedure.organisation,
        "candidate": candidate,
        "name": personal.name if personal else "",
        "points": selectors.scale_points(procedure=candidate.procedure),
        "generated_at": timezone.localtime(),
        **selectors.candidate_report(candidate=candidate),
    }


#: Candidates per score table: A4 portrait holds a competency name column and this many codes.
CANDIDATES_PER_TABLE = 8


def procedure_report_context(*, procedure: SelectionProcedure) -> dict:
    """Anonymous: codes, consensus scores, ranking and decisions; no personal data.

    The scores are transposed (a row per competency, a column per candidate, eight candidates per
    table), so the report fits A4 whether the profile has 5, 8 or 12 competencies."""
    competencies, rows = selectors.results(procedure=procedure)
    disagreements = selectors.procedure_disagreements(procedure=procedure)
    flags = {key for key, d in disagreements.items() if d.flagged}
    by_number = sorted(rows, key=lambda r: r["candidate"].number)
    tables = []
    for start in range(0, len(by_number), CANDIDATES_PER_TABLE):
        chunk = by_number[start : start + CANDIDATES_PER_TABLE]
        lines = []
        for index, competency in enumerate(competencies):
            cells = [(row["scores"][index], (row["candidate"].pk, competency.pk) in flags) for row in chunk]
            lines.append({"competency": competency, "cells": cells})
        tables.append({"candidates": [row["candidate"] for row in chunk], "lines": lines})
    return {
        "procedure": procedure,
        "organisation": procedure.organisation,
        "competencies": competencies,
        "rows": rows,
        "tables": tables,
        "flags": flags,
        "threshold": threshold_of(procedure),
        "exercises": selectors.exercises_with_competencies(procedure=procedure),
        "generated_at": timezone.localtime(),
    }
