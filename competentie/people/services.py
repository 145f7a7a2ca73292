"""Writes of the people layer: employee records and the POP. The apps check who may call them."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .models import DevelopmentPlan, Employee, PlanGoal


def _name(user: AbstractBaseUser) -> str:
    return (user.get_full_name() or user.get_username()).strip()


def employee_ensure(*, organisation_id: int, user: AbstractBaseUser) -> Employee:
    """The user's employee record in the organisation, made (named after the account) if missing."""
    employee, _created = Employee.objects.get_or_create(
        organisation_id=organisation_id,
        user=user,
        defaults={"name": _name(user), "email": user.email or ""},
    )
    return employee


def plan_ensure(*, employee: Employee) -> DevelopmentPlan:
    plan, _created = DevelopmentPlan.objects.get_or_create(employee=employee)
    return plan


@transaction.atomic
def goals_save_texts(*, organisation_id: int, user: AbstractBaseUser, goals: dict[int, tuple[str, str]]) -> None:
    """Set goal and actions text per competency of the person's POP (a development programme's plan page).

    Empty texts for a competency without a goal write nothing; the caller has checked the competencies.
    """
    if not any(goal.strip() or actions.strip() for goal, actions in goals.values()):
        existing = PlanGoal.objects.filter(
            plan__employee__organisation_id=organisation_id, plan__employee__user=user, competency_id__in=goals
        )
        if not existing.exists():
            return
    plan = plan_ensure(employee=employee_ensure(organisation_id=organisation_id, user=user))
    current = {goal.competency_id: goal for goal in plan.goals.filter(competency_id__in=goals)}
    for competency_id, (goal_text, actions) in goals.items():
        goal_text, actions = goal_text.strip(), actions.strip()
        goal = current.get(competency_id)
        if goal is None:
            if goal_text or actions:
                PlanGoal.objects.create(plan=plan, competency_id=competency_id, goal=goal_text, actions=actions)
        elif (goal.goal, goal.actions) != (goal_text, actions):
            goal.goal, goal.actions = goal_text, actions
            goal.revision += 1
            goal.save(update_fields=["goal", "actions", "revision", "updated_at"])


def goals_delete(*, organisation_id: int, user: AbstractBaseUser | int | None, competency_ids) -> int:
    """Delete the person's goals for these competencies (a programme participant removed with their data)."""
    user_id = getattr(user, "pk", user)
    if user_id is None:
        return 0
    deleted, _by_model = PlanGoal.objects.filter(
        plan__employee__organisation_id=organisation_id,
        plan__employee__user_id=user_id,
        competency_id__in=list(competency_ids),
    ).delete()
    return deleted
