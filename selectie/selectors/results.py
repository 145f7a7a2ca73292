"""Ranking, decisions and the candidate report."""

from collections import defaultdict

from ..models import Candidate, ConsensusScore, Decision, SelectionProcedure
from .calibration import _average
from .procedures import procedure_competencies
from .scoring import scale_points

# --- Results ------------------------------------------------------------------------------------


def results(*, procedure: SelectionProcedure) -> tuple[list, list]:
    """Candidates ranked on the mean of their consensus scores (then on code)."""
    competencies = procedure_competencies(procedure=procedure)
    candidates = list(procedure.candidates.select_related("decision", "personal_data").order_by("number"))
    consensus = defaultdict(dict)
    for score in ConsensusScore.objects.filter(candidate__procedure=procedure):
        consensus[score.candidate_id][score.competency_id] = score
    rows = []
    for candidate in candidates:
        per_competency = [consensus[candidate.pk].get(c.pk) for c in competencies]
        values = [s.value for s in per_competency if s is not None]
        rows.append(
            {
                "candidate": candidate,
                "scores": per_competency,
                "overall": _average(values) if values else None,
                "complete": len(values) == len(competencies),
                "decision": getattr(candidate, "decision", None) if hasattr(candidate, "decision") else None,
            }
        )
    rows.sort(key=lambda r: (r["overall"] is None, -(r["overall"] or 0), r["candidate"].number))
    rank = 0
    for row in rows:
        if row["overall"] is not None:
            rank += 1
            row["rank"] = rank
    return competencies, rows


def candidate_report(*, candidate: Candidate) -> dict:
    procedure = candidate.procedure
    competencies = procedure_competencies(procedure=procedure)
    consensus = {c.competency_id: c for c in candidate.consensus_scores.all()}
    points = {p.value: p for p in scale_points(procedure=procedure)}
    items = []
    for competency in competencies:
        score = consensus.get(competency.pk)
        items.append(
            {"competency": competency, "consensus": score, "point": points.get(score.value) if score else None}
        )
    decision = Decision.objects.filter(candidate=candidate).first()
    return {"items": items, "decision": decision}
