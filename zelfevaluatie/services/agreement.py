"""The team's agreed score and onderbouwing per profile."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frameworks.models import Profile

from ..models import EvaluationRound, ProfileConclusion
from .checks import ensure_editable, ensure_profile_in_round, ensure_scale_point, parse_score


@transaction.atomic
def conclusion_save(
    *, round: EvaluationRound, profile: Profile, agreed_score, justification: str, user: AbstractBaseUser
) -> ProfileConclusion:
    """The team's agreed score and onderbouwing for a profile (no automatic final score)."""
    ensure_editable(round)
    ensure_profile_in_round(round, profile)
    score = parse_score(agreed_score)
    if score is None:
        raise ValidationError(_("Kies de afgesproken score."))
    ensure_scale_point(round, score)
    if not justification.strip():
        raise ValidationError(_("Schrijf op hoe het team tot deze score kwam."))
    conclusion = ProfileConclusion.objects.filter(round=round, profile=profile).first() or ProfileConclusion(
        round=round, profile=profile
    )
    conclusion.agreed_score = score
    conclusion.justification = justification.strip()
    conclusion.recorded_by = user
    conclusion.full_clean()
    conclusion.save()
    return conclusion
