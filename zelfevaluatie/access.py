"""Who may do what in a round. Organisation scoping lives in selectors; role checks live here.

Three ways to be involved in a round:
- a management-team member (MT) of the round's organisation manages it;
- an invited participant (any member of the organisation) scores the profiles;
- an invited peer reviewer (a member of another organisation) reads this round only and
  writes notes on the step-2 hulpvragen.
Other members of the organisation find the round (it is theirs) but may not open it: 403.
A finished round is read-only: views refuse a change before the services would.
"""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import has_role
from competentie.organisations.access import require as require  # the one way a view refuses
from competentie.organisations.models import Membership

from .models import EvaluationRound


def is_management(user: AbstractBaseUser, organisation_id: int) -> bool:
    return has_role(user, organisation_id, Membership.Role.MANAGEMENT)


def can_start_round(user: AbstractBaseUser, organisation_id: int) -> bool:
    return is_management(user, organisation_id)


def participant_of(user: AbstractBaseUser, round: EvaluationRound):
    """The user's Participant row in the round, or None (uses the prefetched participants)."""
    for participant in round.participants.all():
        if participant.user_id == user.pk:
            return participant
    return None


def peer_review_of(user: AbstractBaseUser, round: EvaluationRound):
    for review in round.peer_reviews.all():
        if review.reviewer_id == user.pk:
            return review
    return None


def is_member(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    """Organisation records (exports, history): MT and participants, not peer reviewers."""
    return is_management(user, round.organisation_id) or participant_of(user, round) is not None


def can_read_round(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    return is_member(user, round) or peer_review_of(user, round) is not None


def can_manage_round(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    return is_management(user, round.organisation_id)


def can_edit_round(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    return can_manage_round(user, round) and not round.is_finished


def can_rate(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    return participant_of(user, round) is not None and not round.is_finished


def is_chair(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    return round.chair_id == user.pk


def can_record_agreement(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    """The agreed score is recorded by the chair or an invited participant, while the round is open."""
    return (is_chair(user, round) or participant_of(user, round) is not None) and not round.is_finished


def can_write_peer_notes(user: AbstractBaseUser, round: EvaluationRound, review) -> bool:
    return is_reviewer_of(user, review) and is_open(round)


def is_open(round: EvaluationRound) -> bool:
    return not round.is_finished


def is_reviewer_of(user: AbstractBaseUser, review) -> bool:
    """The invited peer reviewer of this review (they read the round and write its notes)."""
    return review.reviewer_id == user.pk
