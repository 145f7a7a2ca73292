"""What the numbers say (issue 28, point 7): consensus beside the mechanical combination, and each
selecteur's drift over the order in which they handed in — for the insight page, with the same
minimum samples (selectie.insight.MIN_TARGETS, MIN_PAIRED)."""

from collections import defaultdict

from django.contrib.auth import get_user_model

from .. import insight
from ..models import ConsensusScore, SelectionProcedure, Submission
from .calibration import score_values


def numbers(*, procedure: SelectionProcedure, ratings=None) -> dict:
    """Queries: score values (1, unless given), hand-ins (1), consensus (1), selecteurs (1)."""
    if ratings is None:
        ratings = [(s, c, k, v) for c, s, k, v in score_values(procedure=procedure)]
    order = defaultdict(list)
    handed_in = set()
    for candidate_id, selecteur_id in (
        Submission.objects.filter(candidate__procedure=procedure)
        .order_by("submitted_at", "pk")
        .values_list("candidate_id", "selecteur_id")
    ):
        order[selecteur_id].append(candidate_id)
        handed_in.add((candidate_id, selecteur_id))
    submitted = [r for r in ratings if (r[1], r[0]) in handed_in]
    cells = defaultdict(lambda: defaultdict(list))
    for rater, candidate, competency, value in submitted:
        cells[(candidate, competency)][rater].append(value)
    pairs = []
    for consensus in ConsensusScore.objects.filter(candidate__procedure=procedure).only(
        "candidate_id", "competency_id", "value"
    ):
        combined, _n = insight.mechanical_combination(cells.get((consensus.candidate_id, consensus.competency_id), {}))
        pairs.append((consensus.value, combined))
    drifts = insight.drift(submitted, order)
    users = get_user_model().objects.in_bulk({d.rater for d in drifts})
    return {
        "check": insight.consensus_check(pairs),
        "drift": [(users[d.rater], d) for d in drifts if d.rater in users],
    }
