"""The team's agreed score and onderbouwing per profile."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frameworks.models import Profile

from ..models import EvaluationRound, Participant, ProfileConclusion
from .checks import ensure_editable, ensure_profile_in_round, ensure_scale_point, parse_score


def may_record_agreement(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    return round.chair_id == user.pk or Participant.objects.filter(round=round, user=user.pk).exists()


@transaction.atomic
def conclusion_save(
    *, round: EvaluationRound, profile: Profile, agreed_score, justification: str, user: AbstractBaseUser
) -> ProfileConclusion:
    """The team's agreed score and onderbouwing for a profile (no automatic final score).

    Recorded by the chair or an invited participant: the people who were in the conversation.
    """
    ensure_editable(round)
    if not may_record_agreement(user, round):
        raise ValidationError(
            _("Alleen de voorzitter en de deelnemers leggen de afgesproken score vast."), code="not_allowed"
        )
    ensure_profile_in_round(round, profile)
    score = parse_score(agreed_score)
    if score is None:
        raise ValidationError(_("Kies de afgesproken score."), code="score_required")
    ensure_scale_point(round, score)
    if not justification.strip():
        raise ValidationError(_("Schrijf op hoe het team tot deze score kwam."), code="justification_required")
    conclusion = ProfileConclusion.objects.filter(round=round, profile=profile).first() or ProfileConclusion(
        round=round, profile=profile
    )
    conclusion.agreed_score = score
    conclusion.justification = justification.strip()
    conclusion.recorded_by = user
    conclusion.full_clean()
    conclusion.save()
    return conclusion
