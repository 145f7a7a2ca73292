"""Reads of the people layer, always scoped by the caller's organisation (the apps check roles)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet

from .models import Employee, PlanGoal, ProgressNote, Team


def employee_of(*, organisation_id: int, user: AbstractBaseUser | int | None) -> Employee | None:
    """The user's employee record in one organisation (None if there is none)."""
    user_id = getattr(user, "pk", user)
    if user_id is None:
        return None
    return Employee.objects.filter(organisation_id=organisation_id, user_id=user_id).first()


def goals_by_competency(
    *, organisation_id: int, user: AbstractBaseUser | int | None, competency_ids
) -> dict[int, PlanGoal]:
    """The person's POP goals for these competencies, keyed by competency id (one query)."""
    user_id = getattr(user, "pk", user)
    if user_id is None:
        return {}
    goals = PlanGoal.objects.filter(
        plan__employee__organisation_id=organisation_id,
        plan__employee__user_id=user_id,
        competency_id__in=list(competency_ids),
    ).select_related("competency")
    return {goal.competency_id: goal for goal in goals}


def plan_goals(*, employee: Employee) -> QuerySet[PlanGoal]:
    """An employee's POP, open goals first, with their notes (two queries)."""
    notes = Prefetch("notes", queryset=ProgressNote.objects.select_related("author"))
    return (
        PlanGoal.objects.filter(plan__employee=employee)
        .select_related("competency")
        .prefetch_related(notes)
        .order_by("achieved_at", "competency__order", "competency_id", "pk")
    )


def teams_in(*, organisation_ids) -> QuerySet[Team]:
    return Team.objects.filter(organisation__in=organisation_ids).select_related("organisation")


def employees_in(*, organisation_ids) -> QuerySet[Employee]:
    return Employee.objects.filter(organisation__in=organisation_ids).select_related(
        "organisation", "user", "manager", "team", "profile__framework"
    )
