"""Effectmeting: a participant hands in the questionnaire of one moment; at the follow-up the manager too."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Answer, Measurement, MeasurementMoment, MeasurementWindow, Participant, Rater, SelfRating
from ..questionnaire import LEARNING_GOAL, asks_learning_goals, levers_for


def window_refusal(participant: Participant, moment: str, *, today=None) -> str | None:
    """Why the moment cannot be handed in yet (its window has not opened), or None.

    A moment without a window can be handed in at any time; after the deadline it still can (late).
    """
    today = today or timezone.localdate()
    window = MeasurementWindow.objects.filter(cohort=participant.cohort_id, moment=moment).first()
    if window is not None and window.opens_on > today:
        return _("Deze meting gaat open op %(date)s.") % {"date": date_format(window.opens_on, "j F Y")}
    return None


@transaction.atomic
def measurement_submit(
    *,
    participant: Participant,
    moment: str,
    answers: dict[str, int],
    goal_answers: dict[int, int],
    ratings: dict[int, int],
    competency_ids: set[int],
    level_ids: set[int],
    intervention_ids: set[int],
    rater: str = Rater.PARTICIPANT,
) -> Measurement:
    """Store (or replace) the questionnaire of one moment by one rater.

    answers: lever code -> 1..5; goal_answers: intervention pk -> 1..5; ratings: competency pk -> level pk.
    Every lever of the moment and every programme competency must be answered. The manager answers the
    follow-up only, and only the levels.
    """
    if moment not in MeasurementMoment.values:
        raise ValidationError(_("Onbekend meetmoment."), code="unknown_moment")
    if rater == Rater.MANAGER and (moment != MeasurementMoment.FOLLOW_UP or answers or goal_answers):
        raise ValidationError(_("De leidinggevende vult alleen de opvolging in."), code="manager_follow_up_only")
    if participant.user_id is None:
        raise ValidationError(_("Deze deelnemer is uit de groep gehaald."), code="removed")
    refusal = window_refusal(participant, moment)
    if refusal:
        raise ValidationError(refusal, code="not_open")
    expected = set() if rater == Rater.MANAGER else {lever.code for lever in levers_for(moment)}
    if set(answers) != expected or any(value not in range(1, 6) for value in answers.values()):
        raise ValidationError(_("Beantwoord elke vraag op de schaal van 1 tot 5."), code="incomplete_answers")
    if set(ratings) != competency_ids or not set(ratings.values()) <= level_ids:
        raise ValidationError(_("Kies voor elke competentie een niveau."), code="incomplete_ratings")
    if goal_answers and (not asks_learning_goals(moment) or not set(goal_answers) <= intervention_ids):
        raise ValidationError(_("Deze leerdoelen horen niet bij deze meting."), code="foreign_goals")
    if any(value not in range(1, 6) for value in goal_answers.values()):
        raise ValidationError(_("Beantwoord elke vraag op de schaal van 1 tot 5."), code="incomplete_answers")
    measurement, _created = Measurement.objects.update_or_create(participant=participant, moment=moment, rater=rater)
    measurement.answers.all().delete()
    measurement.self_ratings.all().delete()
    Answer.objects.bulk_create(
        [Answer(measurement=measurement, question=code, value=value) for code, value in answers.items()]
        + [
            Answer(measurement=measurement, question=LEARNING_GOAL, intervention_id=pk, value=value)
            for pk, value in goal_answers.items()
        ]
    )
    SelfRating.objects.bulk_create(
        [SelfRating(measurement=measurement, competency_id=c, level_id=level) for c, level in ratings.items()]
    )
    return measurement
