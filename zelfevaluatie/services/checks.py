"""Guards shared by every write of a round: a finished round is read-only, profiles and scores belong to it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from frameworks.models import GuidingQuestion, Profile

from ..models import EvaluationRound, RoundProfile


def ensure_editable(round: EvaluationRound) -> None:
    # Read the status from the database: a page opened before the round was closed must not write.
    status = EvaluationRound.objects.filter(pk=round.pk).values_list("status", flat=True).first()
    if status == EvaluationRound.Status.FINISHED:
        raise ValidationError(_("Deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd."))


def ensure_profile_in_round(round: EvaluationRound, profile: Profile) -> None:
    if not RoundProfile.objects.filter(round=round, profile=profile).exists():
        raise ValidationError(_("Dit profiel hoort niet bij deze zelfevaluatie."))


def ensure_scale_point(round: EvaluationRound, score: int | None) -> None:
    if score is None:
        return
    values = sorted(round.scale.points.values_list("value", flat=True))
    if score not in values:
        raise ValidationError(
            _("Kies een score op de schaal van deze zelfevaluatie (%(values)s).")
            % {"values": ", ".join(str(value) for value in values)}
        )


def question_of(round: EvaluationRound, question_id: int, purpose: str) -> GuidingQuestion:
    question = GuidingQuestion.objects.filter(
        pk=question_id, question_set__framework_id=round.framework_id, question_set__purpose=purpose
    ).first()
    if question is None:
        raise ValidationError(_("Deze hulpvraag hoort niet bij deze stap van de zelfevaluatie."))
    return question


def parse_score(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Een score is een heel getal op de schaal.")) from None
