"""The calibration matrix and the scores of one candidate."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.shortcuts import get_object_or_404

from competentie import audit
from competentie.revisions import NEW
from frameworks.models import Competency

from .. import evidence
from ..disagreement import (
    DEFAULT_THRESHOLD,
    Disagreement,
    disagreement_of_means,
    panel_disagreement,
    rounded_mean,
    threshold_of,
)
from ..insight import mechanical_combination, signed
from ..models import Assignment, Candidate, ConsensusProposal, ConsensusScore, Score, SelectionProcedure
from .procedures import procedure_competencies, procedure_hand_ins, submitted_selecteur_ids

# --- Calibration --------------------------------------------------------------------------------


#: The default threshold; a procedure sets its own (see selectie.disagreement).
DISAGREEMENT = DEFAULT_THRESHOLD


@dataclass
class CalibrationCell:
    """Plain values only (the matrix of a closed procedure is kept in the cache): no model instances."""

    competency_id: int
    by_selecteur: dict  # selecteur id -> mean value over exercises (or None)
    consensus: int | None = None  # the consensus score's value
    threshold: int = DEFAULT_THRESHOLD
    spread: float = 0
    disagreement: bool = False

    def __post_init__(self):
        means = [mean for mean in self.by_selecteur.values() if mean is not None]
        result = disagreement_of_means(means, threshold=self.threshold)
        self.spread, self.disagreement = result.spread, result.flagged


@dataclass(frozen=True)
class Assessor:
    pk: int
    name: str  # the full name; the login name only when no name is known

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class CandidateCode:
    pk: int
    code: str


@dataclass
class CalibrationRow:
    candidate: CandidateCode
    selecteurs: list
    cells: list
    submitted_ids: set
    blind: bool = False  # the viewer sits on this candidate's panel and has not handed in yet
    has_disagreement: bool = False
    lines: list = field(default_factory=list)  # (selecteur, handed in?, [value per competency])

    def __post_init__(self):
        self.has_disagreement = any(cell.disagreement for cell in self.cells)
        self.lines = [
            (s, s.pk in self.submitted_ids, [cell.by_selecteur.get(s.pk) for cell in self.cells])
            for s in self.selecteurs
        ]


def score_values(*, procedure: SelectionProcedure, candidate_ids=None) -> list[tuple]:
    """(candidate id, selecteur id, competency id, value) per score with a value — 1 query."""
    scores = Score.objects.filter(assignment__procedure=procedure, value__isnull=False)
    if candidate_ids is not None:
        scores = scores.filter(assignment__candidate_id__in=candidate_ids)
    return list(
        scores.order_by().values_list("assignment__candidate_id", "assignment__selecteur_id", "competency_id", "value")
    )


def calibration_matrix(*, procedure: SelectionProcedure, user: AbstractBaseUser, is_hr: bool) -> tuple[list, list]:
    """Candidate × competency × selecteur. HR sees every candidate; a selecteur only those they
    handed in for. Rows and cells hold plain values (keys, codes, numbers), no model instances. Queries: competencies (1–2), candidates (1), submissions (1), assignments (1),
    score values (1), consensus scores (1) — independent of the number of candidates."""
    competencies = procedure_competencies(procedure=procedure)
    candidates = [
        CandidateCode(pk, code) for pk, code in procedure.candidates.order_by("number").values_list("pk", "code")
    ]
    submitted = procedure_hand_ins(procedure=procedure)
    if not is_hr:
        candidates = [c for c in candidates if user.pk in submitted[c.pk]]
    # HR sees every candidate: no need to send a long list of ids to the database.
    candidate_ids = None if is_hr else [c.pk for c in candidates]
    assignments = Assignment.objects.filter(procedure=procedure)
    consensus_scores = ConsensusScore.objects.filter(candidate__procedure=procedure)
    if candidate_ids is not None:
        assignments = assignments.filter(candidate_id__in=candidate_ids)
        consensus_scores = consensus_scores.filter(candidate_id__in=candidate_ids)
    # Pairs instead of Assignment objects: a selecteur has one row per exercise, and building
    # thousands of model instances costs more than the query.
    selecteurs_of: dict[int, dict] = defaultdict(dict)
    people: dict[int, Assessor] = {}
    pairs = (
        assignments.order_by("candidate_id", "selecteur__username")
        .values_list(
            "candidate_id", "selecteur_id", "selecteur__username", "selecteur__first_name", "selecteur__last_name"
        )
        .distinct()
    )
    for candidate_id, selecteur_id, username, first_name, last_name in pairs:
        name = f"{first_name} {last_name}".strip() or username
        person = people.setdefault(selecteur_id, Assessor(selecteur_id, name))
        selecteurs_of[candidate_id][selecteur_id] = person
    values: dict[tuple, list] = defaultdict(list)
    for candidate_id, selecteur_id, competency_id, value in score_values(
        procedure=procedure, candidate_ids=candidate_ids
    ):
        values[(candidate_id, competency_id, selecteur_id)].append(value)
    consensus = {
        (candidate_id, competency_id): value
        for candidate_id, competency_id, value in consensus_scores.values_list("candidate_id", "competency_id", "value")
    }
    threshold = threshold_of(procedure)
    competency_ids = [competency.pk for competency in competencies]
    rows = []
    for candidate in candidates:
        selecteurs = list(selecteurs_of[candidate.pk].values())
        # Blind until you hand in, HR included: on this candidate's panel and not handed in yet.
        blind = user.pk in selecteurs_of[candidate.pk] and user.pk not in submitted[candidate.pk]
        if not is_hr:  # a colleague's scores stay private until they hand them in
            selecteurs = [s for s in selecteurs if s.pk in submitted[candidate.pk]]
        if blind:
            rows.append(CalibrationRow(candidate=candidate, selecteurs=[], cells=[], submitted_ids=set(), blind=True))
            continue
        selecteur_ids = [selecteur.pk for selecteur in selecteurs]
        cells = []
        for competency_id in competency_ids:
            by_selecteur = {}
            for selecteur_id in selecteur_ids:
                found = values.get((candidate.pk, competency_id, selecteur_id))
                by_selecteur[selecteur_id] = rounded_mean(found) if found else None
            cells.append(
                CalibrationCell(
                    competency_id=competency_id,
                    by_selecteur=by_selecteur,
                    consensus=consensus.get((candidate.pk, competency_id)),
                    threshold=threshold,
                )
            )
        rows.append(
            CalibrationRow(
                candidate=candidate, selecteurs=selecteurs, cells=cells, submitted_ids=submitted[candidate.pk]
            )
        )
    return competencies, rows


def procedure_disagreements(*, procedure: SelectionProcedure) -> dict[tuple[int, int], Disagreement]:
    """(candidate id, competency id) -> the panel's disagreement, over every score — 1 query.

    What the chair sees; the procedure report and the insight page use it."""
    values: dict[tuple, dict] = defaultdict(lambda: defaultdict(list))
    for candidate_id, selecteur_id, competency_id, value in score_values(procedure=procedure):
        values[(candidate_id, competency_id)][selecteur_id].append(value)
    threshold = threshold_of(procedure)
    return {key: panel_disagreement(by_selecteur, threshold=threshold) for key, by_selecteur in values.items()}


def candidate_history(*, candidate: Candidate) -> list:
    """The candidate's audit events (score revisions, consensus, decision, purge), newest first: 1 query."""
    return list(audit.history_for(candidate))


@dataclass(frozen=True)
class TickedIndicator:
    pk: int
    text: str


def _ticked_indicators(*, score_ids: list[int]) -> dict[int, list[TickedIndicator]]:
    """Score id -> the indicators its selecteur ticked, in the indicators' order: 1 query of plain values
    (a prefetch builds a related manager and a model instance per score and indicator)."""
    ticked = defaultdict(list)
    rows = (
        Score.observed_indicators.through.objects.filter(score_id__in=score_ids)
        .order_by("behaviouralindicator__order", "behaviouralindicator_id")
        .values_list("score_id", "behaviouralindicator_id", "behaviouralindicator__text")
    )
    for score_id, pk, text in rows:
        ticked[score_id].append(TickedIndicator(pk, text))
    return ticked


def candidate_scores_detail(*, candidate: Candidate, selecteur_ids=None, history: list | None = None) -> list[Score]:
    """Every score for a candidate (or those of the given selecteurs) with its selecteur and exercise, as
    `ticked` the indicators its selecteur ticked, and as `revisions` its changes after handing in (from
    the candidate's history)."""
    scores = Score.objects.filter(assignment__candidate=candidate)
    if selecteur_ids is not None:
        scores = scores.filter(assignment__selecteur_id__in=selecteur_ids)
    scores = list(
        scores.select_related("assignment__selecteur", "assignment__exercise").order_by(
            "competency__order", "competency__pk", "assignment__selecteur__username", "assignment__exercise__order"
        )
    )
    ticked = _ticked_indicators(score_ids=[score.pk for score in scores])
    for score in scores:
        score.ticked = ticked[score.pk]
    if history is None:
        history = candidate_history(candidate=candidate)
    revisions = defaultdict(list)
    for event in history:
        if event.action == "score.revised":
            revisions[event.content_id].append(event)
    for score in scores:
        score.revisions = revisions[score.pk]
    return scores


def score_get(*, procedure: SelectionProcedure, pk: int) -> Score:
    return get_object_or_404(
        Score.objects.filter(assignment__procedure=procedure).select_related(
            "assignment__selecteur", "assignment__candidate", "assignment__exercise", "competency"
        ),
        pk=pk,
    )


def raters_by_pk(*, ids) -> dict:
    """The accounts behind rater ids, by id (for the rater insight)."""
    return {user.pk: user for user in get_user_model().objects.filter(pk__in=ids)}


def consensus_score_get(*, candidate: Candidate, competency: Competency) -> ConsensusScore:
    """The stored consensus of a candidate on a competency (to show beside a stale edit)."""
    return ConsensusScore.objects.get(candidate=candidate, competency=competency)


def consensus_history(*, history: list) -> list:
    """The consensus history: recorded, changed, and recorded before every hand-in (with the reason)."""
    return [event for event in history if event.action.startswith("consensus.")]


@dataclass
class ConsensusBlock:
    """One competency of one candidate in calibration: the visible scores, the panel's
    disagreement (the one rule), the consensus so far and colleagues' proposals."""

    competency: Competency
    scores: list
    disagreement: Disagreement
    consensus: ConsensusScore | None
    proposals: list
    grounded: bool = True  # at least one handed-in score: a consensus may rest on it (selectie.evidence)
    combined: float | None = None  # the mechanical combination: mean of the handed-in selecteurs' means
    combined_from: int = 0  # how many selecteurs it rests on
    # Set by the calibration page of one candidate for the person who opens it (selectie/views/calibration.py):
    early: bool = False  # not every selecteur has handed in yet: a consensus needs a reason
    revision: int = NEW  # the consensus' revision, for the stale-edit check
    form: object | None = None  # the chair's consensus form, where the chair may record one
    proposal_form: object | None = None  # a panel member's proposal form, likewise

    @property
    def difference(self):
        if self.combined is None or self.consensus is None:
            return None
        return round(self.consensus.value - self.combined, 2)

    @property
    def difference_text(self) -> str:
        return signed(self.difference)

    @property
    def spread(self):
        return self.disagreement.spread


def consensus_blocks(
    *,
    candidate: Candidate,
    selecteur_ids=None,
    competencies=None,
    history: list | None = None,
    handed_in: set | None = None,
) -> list[ConsensusBlock]:
    """Every profile competency for one candidate. Queries: competencies (1–2), scores with their
    indicators (2), the candidate's history (1, unless given), consensus (1), proposals (1), evidence (1)
    and the selecteurs who handed in (1, unless given: panel_of_candidate's second set)."""
    procedure = candidate.procedure
    competencies = competencies if competencies is not None else procedure_competencies(procedure=procedure)
    scores = candidate_scores_detail(candidate=candidate, selecteur_ids=selecteur_ids, history=history)
    consensus = {c.competency_id: c for c in ConsensusScore.objects.filter(candidate=candidate)}
    proposals = defaultdict(list)
    for proposal in ConsensusProposal.objects.filter(candidate=candidate).select_related("author"):
        proposals[proposal.competency_id].append(proposal)
    threshold = threshold_of(procedure)
    grounded = {k for _c, k in evidence.grounded_pairs(procedure=procedure, candidate_ids=[candidate.pk])}
    if handed_in is None:
        handed_in = submitted_selecteur_ids(candidate=candidate)
    blocks = []
    for competency in competencies:
        own = [s for s in scores if s.competency_id == competency.pk]
        by_selecteur = defaultdict(list)
        for score in own:
            by_selecteur[score.assignment.selecteur_id].append(score.value)
        combined, combined_from = mechanical_combination({s: v for s, v in by_selecteur.items() if s in handed_in})
        blocks.append(
            ConsensusBlock(
                competency=competency,
                scores=own,
                disagreement=panel_disagreement(by_selecteur, threshold=threshold),
                consensus=consensus.get(competency.pk),
                proposals=proposals[competency.pk],
                grounded=competency.pk in grounded,
                combined=combined,
                combined_from=combined_from,
            )
        )
    return blocks
