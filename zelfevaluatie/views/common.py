"""Small helpers shared by the views of a round."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import Http404

from competentie.autosave import refused_response, saved_response  # noqa: F401 - the one autosave protocol

from .. import access
from ..models import EvaluationRound, Participant, PeerReview


@dataclass
class Involvement:
    """How the current user is involved in a round; templates use it to show or hide controls."""

    is_management: bool
    participant: Participant | None
    peer_review: PeerReview | None
    finished: bool

    @property
    def is_member(self) -> bool:
        return self.is_management or self.participant is not None

    @property
    def can_edit(self) -> bool:
        return self.is_management and not self.finished

    @property
    def can_rate(self) -> bool:
        return self.participant is not None and not self.finished


def involvement(user, round: EvaluationRound) -> Involvement:
    return Involvement(
        is_management=access.can_manage_round(user, round),
        participant=access.participant_of(user, round),
        peer_review=access.peer_review_of(user, round),
        finished=round.is_finished,
    )


def round_profile(round: EvaluationRound, profile_pk: int):
    """The profile with this pk among the round's profiles (prefetched), or 404."""
    for rp in round.round_profiles.all():
        if rp.profile_id == profile_pk:
            return rp.profile
    raise Http404


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)
