"""Ranking, decisions and the candidate report."""

import math
from collections import defaultdict

from frameworks.models import ProficiencyLevel, ProfileCompetency

from .. import evidence
from ..charts import level_bar
from ..disagreement import rounded_mean
from ..models import Candidate, ConsensusScore, Decision, SelectionProcedure
from .procedures import procedure_competencies, procedure_profile_ids
from .scoring import scale_points

# --- Results ------------------------------------------------------------------------------------


def decision_of(*, candidate: Candidate) -> Decision | None:
    """A fresh copy of the candidate's decision for the decision form (None before one is taken)."""
    return Decision.objects.filter(candidate=candidate).first()


def results(*, procedure: SelectionProcedure) -> tuple[list, list]:
    """Candidates ranked on the mean of their consensus scores (then on code); a consensus that
    rests on no handed-in score (recorded before selectie.evidence) is marked and makes the row incomplete."""
    competencies = procedure_competencies(procedure=procedure)
    candidates = list(procedure.candidates.select_related("decision", "personal_data").order_by("number"))
    consensus = defaultdict(dict)
    for score in ConsensusScore.objects.filter(candidate__procedure=procedure):
        consensus[score.candidate_id][score.competency_id] = score
    grounded = evidence.grounded_pairs(procedure=procedure)
    rows = []
    for candidate in candidates:
        per_competency = [consensus[candidate.pk].get(c.pk) for c in competencies]
        for score in per_competency:
            if score is not None:
                score.grounded = (candidate.pk, score.competency_id) in grounded
        values = [s.value for s in per_competency if s is not None]
        ungrounded = [c for c, s in zip(competencies, per_competency, strict=True) if s is not None and not s.grounded]
        rows.append(
            {
                "candidate": candidate,
                "scores": per_competency,
                "overall": rounded_mean(values) if values else None,
                "complete": len(values) == len(competencies) and not ungrounded,
                "ungrounded": ungrounded,
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


def required_points(*, procedure: SelectionProcedure, low: int, high: int) -> dict[int, tuple[int, str]]:
    """Competency id -> (point on the procedure's scale, level name) for the profile's required level.

    A framework's levels (beginner … expert) are spread over the upper part of the scale: with L
    levels, level r (1 = lowest) asks for ceil(low + (high − low) · r / L) — on 1–5 with three
    levels: beginner 3 (voldoende), gevorderd 4 (goed), expert 5 (uitstekend). Without a required
    level the profile asks for the middle of the scale ("voldoende"); 2 queries."""
    rows = ProfileCompetency.objects.filter(
        profile_id__in=procedure_profile_ids(procedure.profile), required_level__isnull=False
    ).select_related("required_level")
    rows = list(rows)
    levels = defaultdict(list)
    for level in ProficiencyLevel.objects.filter(framework_id__in={r.required_level.framework_id for r in rows}):
        levels[level.framework_id].append((level.order, level.pk))
    result = {}
    for row in rows:
        ranks = [pk for _order, pk in sorted(levels[row.required_level.framework_id])]
        rank = ranks.index(row.required_level_id) + 1
        point = math.ceil(low + (high - low) * rank / len(ranks))
        result.setdefault(row.competency_id, (point, row.required_level.name))
    return result


def candidate_report(*, candidate: Candidate) -> dict:
    procedure = candidate.procedure
    competencies = procedure_competencies(procedure=procedure)
    consensus = {c.competency_id: c for c in candidate.consensus_scores.all()}
    scale = scale_points(procedure=procedure)
    points = {p.value: p for p in scale}
    low, high = (scale[0].value, scale[-1].value) if scale else (1, 5)
    required = required_points(procedure=procedure, low=low, high=high)
    middle = math.ceil((low + high) / 2)
    items = []
    for competency in competencies:
        score = consensus.get(competency.pk)
        asked, level_name = required.get(competency.pk, (middle, ""))
        items.append(
            {
                "competency": competency,
                "consensus": score,
                "point": points.get(score.value) if score else None,
                "required": asked,
                "required_point": points.get(asked),
                "required_level": level_name,
                "meets": score is not None and score.value >= asked,
                "chart": level_bar(score.value if score else None, asked, low=low, high=high),
            }
        )
    decision = Decision.objects.filter(candidate=candidate).first()
    return {"items": items, "decision": decision}
