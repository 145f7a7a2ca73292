"""Independent judgement first: whose scores, justifications and notes a user may read, per profile.

One rule for every page, partial and export:
- your own judgement is always yours to read;
- a colleague's judgement of a profile is readable once it is handed in AND you handed in your own
  for that profile — unless you do not score that profile (MT member outside the team, a participant
  not assigned to it, a peer reviewer), then handed-in judgements are readable;
- the chair can open the team view early (with a recorded reason); a finished round is open to all.
A colleague's judgement that is not handed in is never shown to others: it can still change.
Uses the prefetches of selectors.round_full (participants → ratings, round_profiles → scorers).
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser

from .models import EvaluationRound


@dataclass
class Visibility:
    own_participant_id: int | None
    open_profile_ids: set[int]
    submitted: set[tuple[int, int]] = field(default_factory=set)  # (participant_id, profile_id)
    handed_in: dict[int, set[int]] = field(default_factory=dict)  # profile_id -> participant ids

    def profile_open(self, profile_id: int) -> bool:
        """May the user read colleagues' (handed-in) judgements of this profile?"""
        return profile_id in self.open_profile_ids

    def shows(self, participant_id: int, profile_id: int) -> bool:
        """May the user read this participant's score, justification and notes for this profile?"""
        if participant_id == self.own_participant_id:
            return True
        return profile_id in self.open_profile_ids and (participant_id, profile_id) in self.submitted


def _scorer_ids(round_profile, participants) -> set[int]:
    assigned = {p.pk for p in round_profile.scorers.all()}
    return assigned or {p.pk for p in participants}


def visibility_for(user: AbstractBaseUser, round: EvaluationRound) -> Visibility:
    participants = list(round.participants.all())
    own = next((p for p in participants if p.user_id == user.pk), None)
    submitted = {(p.pk, r.profile_id) for p in participants for r in p.ratings.all() if r.submitted_at is not None}
    handed_in: dict[int, set[int]] = {}
    for participant_id, profile_id in submitted:
        handed_in.setdefault(profile_id, set()).add(participant_id)
    everything_open = round.is_finished or round.team_opened_at is not None
    open_ids = set()
    for round_profile in round.round_profiles.all():
        profile_id = round_profile.profile_id
        scores_it = own is not None and own.pk in _scorer_ids(round_profile, participants)
        if everything_open or not scores_it or (own.pk, profile_id) in submitted:
            open_ids.add(profile_id)
    return Visibility(
        own_participant_id=own.pk if own else None,
        open_profile_ids=open_ids,
        submitted=submitted,
        handed_in=handed_in,
    )


def scorers_of(round_profile, participants) -> list:
    """The participants who score this profile (everybody when nobody is assigned)."""
    ids = _scorer_ids(round_profile, participants)
    return [p for p in participants if p.pk in ids]
