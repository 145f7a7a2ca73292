"""Reads for the rejection letter and its reminder."""

from django.contrib.auth import get_user_model

from ..models import Candidate, CandidatePersonalData, Decision, RejectionLetter, Score, Submission


def letter_of(*, candidate: Candidate) -> RejectionLetter | None:
    return RejectionLetter.objects.filter(candidate=candidate).first()


def decision_outcome(*, candidate: Candidate) -> str | None:
    return Decision.objects.filter(candidate=candidate).values_list("outcome", flat=True).first()


def letter_panel(*, candidate: Candidate):
    """Everyone assigned in the procedure, and its chair: no letter names them."""
    procedure = candidate.procedure
    ids = set(procedure.assignments.values_list("selecteur_id", flat=True))
    if procedure.chair_id:
        ids.add(procedure.chair_id)
    return list(get_user_model().objects.filter(pk__in=ids))


def letter_other_candidate_names(*, candidate: Candidate) -> list[str]:
    return list(
        CandidatePersonalData.objects.filter(candidate__procedure_id=candidate.procedure_id)
        .exclude(candidate=candidate)
        .values_list("name", flat=True)
    )


def letter_observed_indicators(*, candidate: Candidate) -> dict[int, list[str]]:
    """Competency id -> the indicator texts that selecteurs who handed in ticked, each once."""
    handed_in = set(Submission.objects.filter(candidate=candidate).values_list("selecteur_id", flat=True))
    seen: dict[int, dict[int, str]] = {}
    scores = (
        Score.objects.filter(assignment__candidate=candidate, assignment__selecteur_id__in=handed_in)
        .prefetch_related("observed_indicators")
        .order_by("competency_id", "pk")
    )
    for score in scores:
        for indicator in score.observed_indicators.all():
            seen.setdefault(score.competency_id, {})[indicator.pk] = indicator.text
    return {competency_id: list(texts.values()) for competency_id, texts in seen.items()}
