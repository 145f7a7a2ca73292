"""Reads for practice cases: the cases, one selecteur's feedback, and HR's overview of who practised."""

from collections import defaultdict
from statistics import fmean

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from competentie.accounts.names import display_name

from ..models import PracticeAttempt, PracticeCase, PracticeExpertScore, SelectionProcedure
from .procedures import indicators_for, procedure_competencies


def practice_cases(*, procedure: SelectionProcedure) -> list[PracticeCase]:
    return list(
        procedure.practice_cases.prefetch_related(
            Prefetch("expert_scores", queryset=PracticeExpertScore.objects.select_related("competency"))
        ).order_by("order", "pk")
    )


def practice_case_get(*, procedure: SelectionProcedure, pk: int) -> PracticeCase:
    return get_object_or_404(procedure.practice_cases.all(), pk=pk)


def practice_form_rows(*, case: PracticeCase, only_expert: bool) -> list[dict]:
    """Per competency: its indicators and the expert's score (HR's form, or the selecteur's: only
    the competencies the expert scored, without the expert's answer)."""
    competencies = procedure_competencies(procedure=case.procedure)
    experts = {e.competency_id: e for e in case.expert_scores.prefetch_related("indicators")}
    if only_expert:
        competencies = [c for c in competencies if c.pk in experts]
    indicators = indicators_for(
        profile_ids=competencies[0].profile_ids if competencies else [], competency_ids=[c.pk for c in competencies]
    )
    return [
        {
            "competency": c,
            "indicators": indicators.get(c.pk, []),
            "expert": experts.get(c.pk),
            "expert_ids": {i.pk for i in experts[c.pk].indicators.all()} if c.pk in experts else set(),
        }
        for c in competencies
    ]


def practice_attempt_of(*, case: PracticeCase, user) -> PracticeAttempt | None:
    return PracticeAttempt.objects.filter(case=case, selecteur=user, submitted_at__isnull=False).first()


def practice_feedback(*, attempt: PracticeAttempt) -> dict:
    """Own score against the expert's, and the indicators the expert saw that the selecteur missed."""
    ratings = {r.competency_id: r for r in attempt.ratings.prefetch_related("observed_indicators")}
    rows = []
    for expert in attempt.case.expert_scores.select_related("competency").prefetch_related("indicators"):
        rating = ratings.get(expert.competency_id)
        if rating is None:
            continue
        own = {i.pk: i for i in rating.observed_indicators.all()}
        seen = {i.pk: i for i in expert.indicators.all()}
        rows.append(
            {
                "competency": expert.competency,
                "own": rating.value,
                "expert": expert.value,
                "difference": rating.value - expert.value,
                "gap": abs(rating.value - expert.value),
                "missed": [i for pk, i in seen.items() if pk not in own],
                "extra": [i for pk, i in own.items() if pk not in seen],
            }
        )
    distance = round(fmean(abs(r["difference"]) for r in rows), 2) if rows else None
    return {"rows": rows, "distance": distance}


def my_practice(*, procedure: SelectionProcedure, user) -> list[dict]:
    cases = practice_cases(procedure=procedure)
    done = set(
        PracticeAttempt.objects.filter(
            case__procedure=procedure, selecteur=user, submitted_at__isnull=False
        ).values_list("case_id", flat=True)
    )
    return [{"case": c, "done": c.pk in done, "ready": bool(c.expert_scores.all())} for c in cases]


def practice_overview(*, procedure: SelectionProcedure) -> list[dict]:
    """Per selecteur of the procedure (and anyone else who practised): how many cases and how far
    from the expert on average — 4 queries."""
    experts = {
        (e.case_id, e.competency_id): e.value for e in PracticeExpertScore.objects.filter(case__procedure=procedure)
    }
    attempts = (
        PracticeAttempt.objects.filter(case__procedure=procedure, submitted_at__isnull=False)
        .select_related("selecteur")
        .prefetch_related("ratings")
    )
    people = defaultdict(lambda: {"cases": 0, "differences": [], "name": ""})
    for assignment in procedure.assignments.select_related("selecteur").order_by("selecteur_id"):
        people[assignment.selecteur_id]["name"] = display_name(assignment.selecteur)  # also who did not practise
    for attempt in attempts:
        entry = people[attempt.selecteur_id]
        entry["name"] = display_name(attempt.selecteur)
        entry["cases"] += 1
        for rating in attempt.ratings.all():
            expert = experts.get((attempt.case_id, rating.competency_id))
            if expert is not None:
                entry["differences"].append(abs(rating.value - expert))
    return sorted(
        (
            {
                "name": e["name"],
                "cases": e["cases"],
                "distance": round(fmean(e["differences"]), 2) if e["differences"] else None,
            }
            for e in people.values()
        ),
        key=lambda e: e["name"],
    )
