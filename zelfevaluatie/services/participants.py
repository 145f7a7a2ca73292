"""Who takes part in a round."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie.notifications import events as notifications
from competentie.organisations.models import Membership

from ..models import EvaluationRound, Participant
from .checks import ensure_editable


@transaction.atomic
def participant_add(*, round: EvaluationRound, user: AbstractBaseUser) -> Participant:
    ensure_editable(round)
    if not Membership.objects.filter(user=user, organisation_id=round.organisation_id).exists():
        raise ValidationError(_("Alleen medewerkers van de eigen organisatie kunnen deelnemen."))
    if Participant.objects.filter(round=round, user=user).exists():
        raise ValidationError(_("Deze persoon doet al mee."))
    participant = Participant(round=round, user=user)
    participant.full_clean()
    participant.save()
    notifications.participant_invited(participant=participant)
    return participant


@transaction.atomic
def participant_add_by_username(*, round: EvaluationRound, username: str) -> Participant:
    user = get_user_model().objects.filter(username=username.strip()).first()
    if user is None:
        raise ValidationError(_("Er is geen gebruiker met deze gebruikersnaam."))
    return participant_add(round=round, user=user)


@transaction.atomic
def participant_remove(*, participant: Participant) -> None:
    ensure_editable(participant.round)
    participant.delete()
