"""Who may do what in a development programme. Organisation scoping lives in the selectors.

- The programme team is the HR staff of the programme's organisation: they design the programme,
  run cohorts and see aggregated cohort results, never a single participant's answers.
- A participant (deelnemer) fills in their own measurements and plan and sees their own growth.
- A coach (begeleider) sees the growth and plan of the participants they coach.
- A participant's manager (any member, named by the programme team) answers the follow-up about
  them, and sees nothing else of theirs.
"""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import has_role
from competentie.organisations.access import require as require  # the one way a view refuses
from competentie.organisations.models import Membership

from .models import Cohort, Participant, Programme
from .people import is_manager_of


def is_programme_team(user: AbstractBaseUser, organisation_id: int) -> bool:
    return has_role(user, organisation_id, Membership.Role.HR)


def can_create_programme(user: AbstractBaseUser, organisation_ids: list[int]) -> bool:
    return any(is_programme_team(user, pk) for pk in organisation_ids)


def can_design(user: AbstractBaseUser, programme: Programme) -> bool:
    return is_programme_team(user, programme.organisation_id)


def takes_part(user: AbstractBaseUser, participants) -> bool:
    """Participant or coach in one of the given participant rows."""
    return any(user.pk in (row.user_id, row.coach_id) for row in participants)


def can_read_programme(user: AbstractBaseUser, programme: Programme, participants=()) -> bool:
    return can_design(user, programme) or takes_part(user, participants)


def can_see_results_of(user: AbstractBaseUser, participant: Participant) -> bool:
    """A participant's answers and growth: the participant and their coach only, not the programme team."""
    return participant.user_id is not None and user.pk in (participant.user_id, participant.coach_id)


def can_fill_in(user: AbstractBaseUser, participant: Participant) -> bool:
    return participant.user_id is not None and user.pk == participant.user_id


def can_edit_plan(user: AbstractBaseUser, participant: Participant) -> bool:
    return can_see_results_of(user, participant)


def can_see_cohort_results(user: AbstractBaseUser, cohort: Cohort) -> bool:
    return is_programme_team(user, cohort.programme.organisation_id)


def can_manage_participant(user: AbstractBaseUser, participant: Participant) -> bool:
    """Coach, manager and removal of a participation: the programme team (it sees no answers there)."""
    return participant.user_id is not None and is_programme_team(user, participant.cohort.programme.organisation_id)


def can_answer_follow_up(user: AbstractBaseUser, participant: Participant) -> bool:
    return participant.user_id is not None and is_manager_of(user, participant)
