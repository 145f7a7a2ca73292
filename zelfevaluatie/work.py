"""Reads for the "Mijn werk" home page: rounds and peer reviews that wait for this user."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q

from competentie.db import subquery_count
from competentie.organisations.access import organisation_ids
from competentie.organisations.models import Membership

from .models import EvaluationRound, Participant, PeerReview, RoundProfile


def _profile_count():
    return subquery_count(RoundProfile.objects.all(), on="round_id", outer="round_id")


def my_ratings(*, user: AbstractBaseUser) -> list[Participant]:
    """Open rounds the user takes part in, with `rated` of `profiles` scored by the user (1 query)."""
    participants = (
        Participant.objects.filter(user=user)
        .exclude(round__status=EvaluationRound.Status.FINISHED)
        .select_related("round__organisation")
        .annotate(rated=Count("ratings", filter=Q(ratings__score__isnull=False)), profiles=_profile_count())
        .order_by("-round__created_at", "pk")
    )
    return list(participants)


def rounds_to_lead(*, user: AbstractBaseUser) -> list[EvaluationRound]:
    """Open rounds of the organisations where the user is in the management team (1 query)."""
    return list(
        EvaluationRound.objects.filter(organisation_id__in=organisation_ids(user, Membership.Role.MANAGEMENT))
        .exclude(status=EvaluationRound.Status.FINISHED)
        .select_related("organisation")
        .annotate(participant_count=Count("participants", distinct=True))
        .order_by("-created_at", "pk")
    )


def peer_invitations(*, user: AbstractBaseUser) -> list[PeerReview]:
    """Collegiale toetsingen the user was invited to, in rounds still open (1 query)."""
    return list(
        PeerReview.objects.filter(reviewer=user)
        .exclude(round__status=EvaluationRound.Status.FINISHED)
        .select_related("round__organisation", "invited_by")
        .order_by("-pk")
    )
