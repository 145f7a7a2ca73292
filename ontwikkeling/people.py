"""Who a participant's manager is: the one place that asks.

There is no employee record yet; the programme team names the manager per participant
(`Participant.manager`, a member of the organisation). Once employees have a record with their
manager (the shared people app, competentie/people), these functions read it from there instead, and
nothing else in this app changes.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from .models import Participant


def manager_of(participant: Participant) -> AbstractBaseUser | None:
    return participant.manager


def managed_by(user: AbstractBaseUser) -> QuerySet[Participant]:
    """The participants whose manager the user is (still in their cohort)."""
    return Participant.objects.filter(manager=user, user__isnull=False)


def is_manager_of(user: AbstractBaseUser, participant: Participant) -> bool:
    return participant.manager_id is not None and participant.manager_id == user.pk
