"""Step 1: a participant's own score, justification and notes on the hulpvragen per profile."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frameworks.models import GuidingQuestionSet, Profile

from ..models import Answer, Participant, Rating
from .checks import ensure_editable, ensure_profile_in_round, ensure_scale_point, parse_score, question_of


@transaction.atomic
def rating_save(*, participant: Participant, profile: Profile, score=None, justification: str | None = None) -> Rating:
    """Save the participant's own score and/or justification; None leaves a field as it is."""
    round = participant.round
    ensure_editable(round)
    ensure_profile_in_round(round, profile)
    rating, _created = Rating.objects.get_or_create(participant=participant, profile=profile)
    if score is not None:
        parsed = parse_score(score)
        ensure_scale_point(round, parsed)
        rating.score = parsed
    if justification is not None:
        rating.justification = justification
    rating.full_clean()
    rating.save()
    return rating


@transaction.atomic
def rating_clear_score(*, participant: Participant, profile: Profile) -> None:
    ensure_editable(participant.round)
    Rating.objects.filter(participant=participant, profile=profile).update(score=None)


@transaction.atomic
def hulpvraag_answer_save(*, participant: Participant, profile: Profile, question_id: int, text: str) -> Answer:
    """A participant's notes on one step-1 hulpvraag for one profile."""
    round = participant.round
    ensure_editable(round)
    ensure_profile_in_round(round, profile)
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
def rating_form_save(*, participant: Participant, profile: Profile, data: dict) -> None:
    """Save a whole rating form (the no-JavaScript path): all fields or nothing."""
    score = data.get("score")
    if score in (None, ""):
        rating_clear_score(participant=participant, profile=profile)
        score = None
    rating_save(participant=participant, profile=profile, score=score, justification=data.get("justification", ""))
    for key, value in data.items():
        if key.startswith("answer-"):
            hulpvraag_answer_save(
                participant=participant, profile=profile, question_id=_parse_question(key), text=value
            )


def _parse_question(key: str) -> int:
    try:
        return int(key.split("-", 1)[1])
    except (IndexError, ValueError):
        raise ValidationError(_("Onbekend veld.")) from None


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
        raise ValidationError(_("Onbekend veld."))
