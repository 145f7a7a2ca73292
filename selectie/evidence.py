"""The one rule "no judgement without evidence", for every page, export, service and screen.

A consensus on a competency rests on at least one handed-in score for that candidate and
competency: a score with a value from a selecteur who handed in for the candidate (handing in
already demands observed behaviour or written evidence, see services.scoring.submission_problems).
A decision rests on a consensus on every competency of the profile, each of which rests on such a
score. No reason opens either: an "early" reason only lets the chair go ahead before *every*
selecteur handed in, never before *any* score is in.

Services refuse with the codes and messages below; pages and exports ask `grounded_pairs` once
(one query, whatever the number of candidates) and show what is missing instead of a form.
"""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from .models import Candidate, ConsensusScore, Score, SelectionProcedure, Submission

NO_EVIDENCE = "no_scores"
CONSENSUS_MISSING = "consensus_missing"
CONSENSUS_WITHOUT_EVIDENCE = "consensus_without_evidence"


def _handed_in_scores(scores):
    handed_in = Submission.objects.filter(
        candidate_id=OuterRef("assignment__candidate_id"), selecteur_id=OuterRef("assignment__selecteur_id")
    )
    return scores.filter(value__isnull=False).filter(Exists(handed_in))


def grounded_pairs(*, procedure: SelectionProcedure, candidate_ids=None) -> set[tuple[int, int]]:
    """(candidate id, competency id) with at least one handed-in score — 1 query."""
    scores = Score.objects.filter(assignment__procedure=procedure)
    if candidate_ids is not None:
        scores = scores.filter(assignment__candidate_id__in=list(candidate_ids))
    return set(_handed_in_scores(scores).order_by().values_list("assignment__candidate_id", "competency_id").distinct())


def has_evidence(*, candidate: Candidate, competency_id: int) -> bool:
    return _handed_in_scores(
        Score.objects.filter(assignment__candidate=candidate, competency_id=competency_id)
    ).exists()


def no_evidence_message() -> str:
    return _(
        "Er is voor deze competentie nog geen ingediende score. Een consensus rust op minstens één "
        "ingediende score; ook met een reden kan dat niet eerder."
    )


def decision_gaps(*, candidate: Candidate, competencies) -> tuple[list, list]:
    """(competencies without a consensus, competencies whose consensus rests on no handed-in score)."""
    done = set(ConsensusScore.objects.filter(candidate=candidate).values_list("competency_id", flat=True))
    grounded = {k for _c, k in grounded_pairs(procedure=candidate.procedure, candidate_ids=[candidate.pk])}
    missing = [c for c in competencies if c.pk not in done]
    ungrounded = [c for c in competencies if c.pk in done and c.pk not in grounded]
    return missing, ungrounded


def decision_refusal(*, candidate: Candidate, competencies) -> tuple[str, str] | None:
    """(code, Dutch message) when a decision may not be recorded yet; None when it may."""
    missing, ungrounded = decision_gaps(candidate=candidate, competencies=competencies)
    if missing:
        return CONSENSUS_MISSING, _(
            "Een besluit vraagt een consensus op elke competentie van het profiel. Nog geen consensus: %(names)s."
        ) % {"names": ", ".join(c.name for c in missing)}
    if ungrounded:
        return CONSENSUS_WITHOUT_EVIDENCE, _(
            "Een besluit rust op consensus met ingediende scores. Geen ingediende score onder de consensus op: "
            "%(names)s."
        ) % {"names": ", ".join(c.name for c in ungrounded)}
    return None
