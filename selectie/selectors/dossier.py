"""The dossier ("verantwoording") of a procedure: everything needed to defend its outcome afterwards.

Read by the background task (selectie/tasks.py) after the view has checked the reader (HR or the
chair). Candidates appear by code only; fairness figures only as groups of 5 or more, and only in
HR's copy. A fixed number of queries, whatever the number of candidates.
"""

from collections import defaultdict

from competentie import audit
from competentie.accounts.names import display_name

from .. import evidence
from ..insight import mechanical_combination, signed
from ..models import ConsensusScore, Decision, Score, SelectionProcedure, Submission
from .criteria import criteria_versions
from .procedures import procedure_competencies, procedure_hand_ins

SEEN = "scores.first_seen"


def procedure_unscoped(*, pk: int) -> SelectionProcedure:
    """For a background task: the view that enqueued it has checked the reader already."""
    return SelectionProcedure.objects.select_related("organisation", "profile__framework", "scale", "chair").get(pk=pk)


def _independence(procedure, candidates, people) -> list[dict]:
    """Per selecteur × candidate: when they handed in and when they first saw colleagues' scores."""
    submitted = {
        (s.candidate_id, s.selecteur_id): s.submitted_at
        for s in Submission.objects.filter(candidate__procedure=procedure)
    }
    seen = {}
    for event in audit.history_for(procedure, actions=[SEEN]).order_by("at"):
        seen.setdefault((event.params.get("candidate"), event.actor_id), event.at)
    panel = sorted({(a, s) for a, s in people["pairs"]}, key=lambda pair: (candidates[pair[0]].number, pair[1]))
    rows = []
    for candidate_id, selecteur_id in panel:
        handed_in = submitted.get((candidate_id, selecteur_id))
        first_seen = seen.get((candidate_id, selecteur_id))
        rows.append(
            {
                "candidate": candidates[candidate_id],
                "selecteur": people["names"][selecteur_id],
                "handed_in": handed_in,
                "first_seen": first_seen,
                # Independent: handed in before (or without ever) seeing colleagues' scores.
                "independent": handed_in is not None and (first_seen is None or first_seen >= handed_in),
            }
        )
    return rows


def dossier(*, procedure: SelectionProcedure) -> dict:
    competencies = procedure_competencies(procedure=procedure)
    candidates = {c.pk: c for c in procedure.candidates.order_by("number")}
    scores = list(
        Score.objects.filter(assignment__procedure=procedure)
        .select_related("assignment__selecteur", "assignment__exercise", "criteria_version")
        .prefetch_related("observed_indicators")
        .order_by("assignment__candidate__number", "competency_id", "assignment__selecteur__username")
    )
    names, pairs = {}, set()
    for assignment in procedure.assignments.select_related("selecteur").order_by("selecteur__username"):
        names[assignment.selecteur_id] = display_name(assignment.selecteur)
        pairs.add((assignment.candidate_id, assignment.selecteur_id))
    consensus = {
        (c.candidate_id, c.competency_id): c
        for c in ConsensusScore.objects.filter(candidate__procedure=procedure).select_related("decided_by")
    }
    decisions = {
        d.candidate_id: d for d in Decision.objects.filter(candidate__procedure=procedure).select_related("decided_by")
    }
    handed_in = procedure_hand_ins(procedure=procedure)
    grounded = evidence.grounded_pairs(procedure=procedure)
    by_cell = defaultdict(list)
    for score in scores:
        by_cell[(score.assignment.candidate_id, score.competency_id)].append(score)
    sections = []
    for candidate in candidates.values():
        items = []
        for competency in competencies:
            cell = by_cell.get((candidate.pk, competency.pk), [])
            values = defaultdict(list)
            for score in cell:
                if score.assignment.selecteur_id in handed_in[candidate.pk] and score.value is not None:
                    values[score.assignment.selecteur_id].append(score.value)
            combined, combined_from = mechanical_combination(values)
            agreed = consensus.get((candidate.pk, competency.pk))
            items.append(
                {
                    "competency": competency,
                    "scores": [
                        {
                            "selecteur": names.get(s.assignment.selecteur_id, ""),
                            "exercise": s.assignment.exercise.name,
                            "value": s.value,
                            "indicators": [i.text for i in s.observed_indicators.all()],
                            "evidence": s.evidence,
                            "version": s.criteria_version.number if s.criteria_version else None,
                        }
                        for s in cell
                        if s.assignment.selecteur_id in handed_in[candidate.pk]
                    ],
                    "consensus": agreed,
                    "grounded": (candidate.pk, competency.pk) in grounded,
                    "combined": combined,
                    "combined_from": combined_from,
                    "difference": signed(round(agreed.value - combined, 2)) if agreed and combined is not None else "",
                }
            )
        sections.append({"candidate": candidate, "items": items, "decision": decisions.get(candidate.pk)})
    history = list(audit.history_for(procedure).select_related(None).order_by("at", "pk"))
    return {
        "procedure": procedure,
        "organisation": procedure.organisation,
        "versions": criteria_versions(procedure=procedure),
        "panel": [
            {"name": names[pk], "candidates": sorted(candidates[c].code for c, s in pairs if s == pk)} for pk in names
        ],
        "chair": display_name(procedure.chair) if procedure.chair_id else "",
        "independence": _independence(procedure, candidates, {"names": names, "pairs": pairs}),
        "sections": sections,
        "purges": [e for e in history if e.action == "candidate.purged"],
        "criteria_events": [e for e in history if e.action.startswith("criteria.")],
        "retention_end": procedure.retention_end(),
    }
