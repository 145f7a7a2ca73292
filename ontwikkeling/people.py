"""Who a participant's manager is: the one place that asks.

The programme team names the manager per participant (`Participant.manager`, a member of the
organisation). The participant's development plan is their one POP in the shared people app
(competentie/people), read and written only through the functions below.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from competentie.people import selectors as people_selectors
from competentie.people import services as people_services
from competentie.people.models import PlanGoal
from frameworks.models import Competency

from .models import Participant


def manager_of(participant: Participant) -> AbstractBaseUser | None:
    return participant.manager


def managed_by(user: AbstractBaseUser) -> QuerySet[Participant]:
    """The participants whose manager the user is (still in their cohort)."""
    return Participant.objects.filter(manager=user, user__isnull=False)


def is_manager_of(user: AbstractBaseUser, participant: Participant) -> bool:
    return participant.manager_id is not None and participant.manager_id == user.pk


# --- The participant's development plan: their one POP in the shared people app ---------------------


def plan_goals_of(participant: Participant, competencies) -> dict[int, PlanGoal]:
    """The participant's POP goals for the programme's competencies, keyed by competency id (one query)."""
    return people_selectors.goals_by_competency(
        organisation_id=participant.cohort.programme.organisation_id,
        user=participant.user_id,
        competency_ids=[getattr(c, "pk", c) for c in competencies],
    )


def plan_save_texts(participant: Participant, goals: dict[int, tuple[str, str]]) -> None:
    people_services.goals_save_texts(
        organisation_id=participant.cohort.programme.organisation_id, user=participant.user, goals=goals
    )


def plan_forget(participant: Participant) -> None:
    """What the participant wrote in this programme's plan goes with their data (deleted or anonymised)."""
    programme = participant.cohort.programme
    people_services.goals_delete(
        organisation_id=programme.organisation_id,
        user=participant.user_id,
        competency_ids=Competency.objects.filter(framework=programme.framework_id).values_list("pk", flat=True),
    )
