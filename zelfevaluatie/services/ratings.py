"""Step 1: a participant's own score, justification and notes on the hulpvragen per profile."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frameworks.models import GuidingQuestionSet, Profile

from ..models import Answer, Participant, Rating, RoundProfile
from .checks import ensure_editable, ensure_profile_in_round, ensure_scale_point, parse_score, question_of


def is_scorer(participant: Participant, round_profile: RoundProfile) -> bool:
    """Nobody assigned means everybody scores the profile (uses prefetched scorers)."""
    scorers = list(round_profile.scorers.all())
    return not scorers or any(scorer.pk == participant.pk for scorer in scorers)


def _ensure_own_judgement_open(participant: Participant, profile: Profile) -> Rating:
    """The participant's rating row, refused when the profile is not theirs to score or already handed in."""
    round = participant.round
    ensure_editable(round)
    ensure_profile_in_round(round, profile)
    round_profile = RoundProfile.objects.prefetch_related("scorers").get(round=round, profile=profile)
    if not is_scorer(participant, round_profile):
        raise ValidationError(_("U bent niet gevraagd dit profiel te scoren."), code="not_assigned")
    rating, _created = Rating.objects.select_for_update().get_or_create(participant=participant, profile=profile)
    if rating.is_submitted:
        raise ValidationError(
            _("U hebt uw score voor dit profiel al ingeleverd; die verandert niet meer."), code="handed_in"
        )
    return rating


@transaction.atomic
def rating_save(*, participant: Participant, profile: Profile, score=None, justification: str | None = None) -> Rating:
    """Save the participant's own score and/or justification; None leaves a field as it is."""
    rating = _ensure_own_judgement_open(participant, profile)
    if score is not None:
        parsed = parse_score(score)
        ensure_scale_point(participant.round, parsed)
        rating.score = parsed
    if justification is not None:
        rating.justification = justification
    rating.full_clean()
    rating.save()
    return rating


@transaction.atomic
def rating_clear_score(*, participant: Participant, profile: Profile) -> None:
    rating = _ensure_own_judgement_open(participant, profile)
    rating.score = None
    rating.save(update_fields=["score", "updated_at"])


@transaction.atomic
def hulpvraag_answer_save(*, participant: Participant, profile: Profile, question_id: int, text: str) -> Answer:
    """A participant's notes on one step-1 hulpvraag for one profile (part of the own judgement)."""
    round = participant.round
    _ensure_own_judgement_open(participant, profile)
    question = question_of(round, question_id, GuidingQuestionSet.Purpose.SELF_EVALUATION)
    answer, _created = Answer.objects.get_or_create(
        round=round, question=question, participant=participant, profile=profile
    )
    answer.text = text
    answer.updated_by = participant.user
    answer.full_clean()
    answer.save()
    return answer


@transaction.atomic
def rating_submit(*, participant: Participant, profile: Profile) -> Rating:
    """Hand in the own score for a profile: from now on colleagues' judgements of it become readable."""
    rating = _ensure_own_judgement_open(participant, profile)
    if rating.score is None:
        raise ValidationError(_("Kies eerst een score voordat u inlevert."), code="score_required")
    if not rating.justification.strip():
        raise ValidationError(
            _("Schrijf eerst op hoe u tot deze score komt voordat u inlevert."), code="justification_required"
        )
    rating.submitted_at = timezone.now()
    rating.save(update_fields=["submitted_at", "updated_at"])
    return rating


@transaction.atomic
def rating_form_save(
    *,
    participant: Participant,
    profile: Profile,
    score: int | None,
    justification: str,
    answers: dict[int, str],
    hand_in: bool = False,
) -> Rating:
    """Save the whole rating page (the no-JavaScript path), optionally handing it in: all or nothing."""
    if score is None:
        rating_clear_score(participant=participant, profile=profile)
    rating = rating_save(participant=participant, profile=profile, score=score, justification=justification)
    for question_id, text in answers.items():
        hulpvraag_answer_save(participant=participant, profile=profile, question_id=question_id, text=text)
    if hand_in:
        rating = rating_submit(participant=participant, profile=profile)
    return rating


def _parse_question(key: str) -> int:
    try:
        return int(key.split("-", 1)[1])
    except (IndexError, ValueError):
        raise ValidationError(_("Onbekend veld."), code="unknown_field") from None


@transaction.atomic
def rating_field_save(*, participant: Participant, profile: Profile, field: str, value: str) -> None:
    """Autosave of one field of the rating page."""
    if field == "score":
        if value == "":
            rating_clear_score(participant=participant, profile=profile)
        else:
            rating_save(participant=participant, profile=profile, score=value)
    elif field == "justification":
        rating_save(participant=participant, profile=profile, justification=value)
    elif field.startswith("answer-"):
        hulpvraag_answer_save(participant=participant, profile=profile, question_id=_parse_question(field), text=value)
    else:
        raise ValidationError(_("Onbekend veld."), code="unknown_field")
