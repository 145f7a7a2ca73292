"""The chair's live board and the order of the calibration meeting."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q

from .. import evidence
from ..models import Assignment, ConsensusScore, Score, SelectionProcedure
from .calibration import Assessor, procedure_disagreements
from .procedures import exercises_with_competencies, procedure_competencies, procedure_hand_ins


def complete_scores(queryset):
    """A score is complete when it has a value and rests on observed behaviour: a ticked
    indicator or written evidence (the same rule as handing in, see submission_problems)."""
    return queryset.filter(value__isnull=False).filter(~Q(evidence="") | Q(observed_indicators__isnull=False))


def complete_counts(*, assignment_ids=None, procedure: SelectionProcedure | None = None) -> dict[int, int]:
    """Assignment id -> number of complete scores — 1 query."""
    scores = Score.objects.all()
    if procedure is not None:
        scores = scores.filter(assignment__procedure=procedure)
    if assignment_ids is not None:
        scores = scores.filter(assignment_id__in=assignment_ids)
    return dict(
        complete_scores(scores)
        .values("assignment_id")
        .annotate(n=Count("pk", distinct=True))
        .values_list("assignment_id", "n")
    )


@dataclass
class BoardCell:
    assigned: bool
    complete: int = 0
    expected: int = 0
    handed_in: bool = False
    assignment_id: int | None = None


@dataclass
class BoardRow:
    candidate: object
    cells: list  # one per (selecteur, exercise) column
    panel: int = 0
    handed_in: int = 0
    blind: bool = False
    flagged: list = field(default_factory=list)  # competencies where the panel disagrees
    consensus: int = 0

    @property
    def ready(self) -> bool:
        return self.panel > 0 and self.handed_in == self.panel


def board(*, procedure: SelectionProcedure, user: AbstractBaseUser) -> dict:
    """Candidates × selecteurs × exercises: what is still to be scored, what is handed in and
    where the panel disagrees. Queries: competencies (1–2), exercises with their competencies
    (2), candidates (1), assignments (1), complete scores (1), submissions (1), score values (1),
    consensus counts (1) — independent of the number of candidates."""
    competencies = procedure_competencies(procedure=procedure)
    exercises = exercises_with_competencies(procedure=procedure)
    observed = {e.pk: len(e.competencies.all()) for e in exercises}
    candidates = list(procedure.candidates.order_by("number"))
    assignments = list(
        Assignment.objects.filter(procedure=procedure)
        .order_by("selecteur__username")
        .values_list(
            "pk",
            "candidate_id",
            "selecteur_id",
            "selecteur__username",
            "selecteur__first_name",
            "selecteur__last_name",
            "exercise_id",
        )
    )
    people: dict[int, Assessor] = {}
    by_key = {}
    panel = defaultdict(set)
    order = {}
    for pk, candidate_id, selecteur_id, username, first_name, last_name, exercise_id in assignments:
        # The same name as the calibration shows: the full name, the login name only when none is known.
        people.setdefault(selecteur_id, Assessor(selecteur_id, f"{first_name} {last_name}".strip() or username))
        order.setdefault(selecteur_id, username)
        by_key[(candidate_id, selecteur_id, exercise_id)] = pk
        panel[candidate_id].add(selecteur_id)
    complete = complete_counts(procedure=procedure)
    submitted = procedure_hand_ins(procedure=procedure)
    flagged_of = defaultdict(set)
    for (candidate_id, competency_id), disagreement in procedure_disagreements(procedure=procedure).items():
        if disagreement.flagged:
            flagged_of[candidate_id].add(competency_id)
    consensus = dict(
        ConsensusScore.objects.filter(candidate__procedure=procedure)
        .values("candidate_id")
        .annotate(n=Count("pk"))
        .values_list("candidate_id", "n")
    )
    selecteurs = sorted(people.values(), key=lambda p: order[p.pk])
    columns = [(s, e) for s in selecteurs for e in exercises]
    rows = []
    for candidate in candidates:
        cells = []
        for selecteur, exercise in columns:
            pk = by_key.get((candidate.pk, selecteur.pk, exercise.pk))
            if pk is None:
                cells.append(BoardCell(assigned=False))
                continue
            cells.append(
                BoardCell(
                    assigned=True,
                    complete=complete.get(pk, 0),
                    expected=observed[exercise.pk],
                    handed_in=selecteur.pk in submitted[candidate.pk],
                    assignment_id=pk,
                )
            )
        blind = user.pk in panel[candidate.pk] and user.pk not in submitted[candidate.pk]
        flagged = [] if blind else [c for c in competencies if c.pk in flagged_of[candidate.pk]]
        rows.append(
            BoardRow(
                candidate=candidate,
                cells=cells,
                panel=len(panel[candidate.pk]),
                handed_in=len(panel[candidate.pk] & submitted[candidate.pk]),
                blind=blind,
                flagged=flagged,
                consensus=consensus.get(candidate.pk, 0),
            )
        )
    return {
        "selecteurs": selecteurs,
        "exercises": exercises,
        "columns": columns,
        "rows": rows,
        "competency_count": len(competencies),
    }


def meeting_items(*, procedure: SelectionProcedure) -> tuple[list, list, set, set]:
    """The meeting's order: candidates with a panel by number, each competency in profile order.
    Returns (candidates, competencies, {(candidate id, competency id) with a consensus},
    {(candidate id, competency id) with a handed-in score to rest a consensus on})."""
    competencies = procedure_competencies(procedure=procedure)
    candidates = list(procedure.candidates.filter(assignments__isnull=False).distinct().order_by("number"))
    done = set(
        ConsensusScore.objects.filter(candidate__procedure=procedure).values_list("candidate_id", "competency_id")
    )
    return candidates, competencies, done, evidence.grounded_pairs(procedure=procedure)


def meeting_next(*, procedure: SelectionProcedure, after: tuple[int, int] | None = None) -> tuple | None:
    """The next (candidate, competency) without a consensus after `after`, wrapping around; items
    without any handed-in score are skipped, since no consensus can rest on them (selectie.evidence)."""
    candidates, competencies, done, grounded = meeting_items(procedure=procedure)
    order = [(c, k) for c in candidates for k in competencies]
    start = 0
    if after is not None:
        for index, (c, k) in enumerate(order):
            if (c.pk, k.pk) == after:
                start = index + 1
                break
    for c, k in order[start:] + order[:start]:
        if (c.pk, k.pk) not in done and (c.pk, k.pk) in grounded and (c.pk, k.pk) != after:
            return c, k
    return None
