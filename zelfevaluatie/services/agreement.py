"""The team's agreed score and onderbouwing per profile."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import revisions
from frameworks.models import Profile

from ..fragments import content_changed
from ..models import EvaluationRound, Participant, ProfileConclusion
from .checks import ensure_editable, ensure_profile_in_round, ensure_scale_point, parse_score


def may_record_agreement(user: AbstractBaseUser, round: EvaluationRound) -> bool:
    return round.chair_id == user.pk or Participant.objects.filter(round=round, user=user.pk).exists()


@transaction.atomic
def conclusion_save(
    *,
    round: EvaluationRound,
    profile: Profile,
    agreed_score,
    justification: str,
    user: AbstractBaseUser,
    revision: int | None = None,
) -> ProfileConclusion:
    """The team's agreed score and onderbouwing for a profile (no automatic final score).

    Recorded by the chair or an invited participant: the people who were in the conversation.
    ``revision`` is what the form saw (0: nothing agreed yet); a form made before a colleague
    recorded a newer agreement is refused (StaleEdit), nothing overwritten.
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
    existing = ProfileConclusion.objects.select_for_update().filter(round=round, profile=profile).first()
    unchanged = existing is not None and (existing.agreed_score, existing.justification) == (
        score,
        justification.strip(),
    )
    revisions.revision_check(
        instance=existing,
        seen=revision,
        unchanged=unchanged,
        current=f"{existing.agreed_score}: {existing.justification}" if existing else "",
    )
    if unchanged:
        return existing
    conclusion = existing or ProfileConclusion(round=round, profile=profile)
    conclusion.agreed_score = score
    conclusion.justification = justification.strip()
    conclusion.recorded_by = user
    conclusion.full_clean(validate_constraints=False)
    revisions.revision_bump(conclusion)
    revisions.save_new_or_refuse(conclusion, lookup={"round": round, "profile": profile}, shown="justification")
    content_changed(round)  # the growth chart shows this score
    return conclusion
