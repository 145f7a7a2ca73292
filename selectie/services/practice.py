"""Practice before scoring (frame-of-reference practice, issue 28 point 6).

HR attaches practice cases to a procedure: what a candidate did, with an expert's score and the
behaviour the expert saw per competency. A selecteur rates a case once and then sees how far they
were from the expert and which indicators they missed. Practice lives in its own tables and never
reaches a Score: calibration, insight and decisions read only Score (tests prove it).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..models import PracticeAttempt, PracticeCase, PracticeExpertScore, PracticeRating, SelectionProcedure
from .scoring import _check_value

#: A selecteur rates at least this many practice cases before the selection day.
PRACTICE_MINIMUM = 3


def _parse(procedure, competency_ids, values: dict, indicators: dict, *, required: bool) -> dict:
    """{competency id: (value, indicator ids)} checked against the scale and the competency's indicators."""
    result = {}
    for competency_id in competency_ids:
        value = _check_value(procedure, values.get(competency_id))
        if value is None:
            if required:
                raise ValidationError(_("Geef bij elke competentie een score."), code="score_missing")
            continue
        ids = {int(i) for i in indicators.get(competency_id, [])}
        if ids - selectors.allowed_indicator_ids(procedure=procedure, competency_id=competency_id):
            raise ValidationError(_("Dit gedrag hoort niet bij de competentie."), code="indicator_not_allowed")
        result[competency_id] = (value, ids)
    return result


@transaction.atomic
def practice_case_save(
    *, procedure: SelectionProcedure, title: str, description: str, case: PracticeCase | None = None
) -> PracticeCase:
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond."), code="closed")
    if case is None:
        order = (procedure.practice_cases.aggregate(m=Max("order"))["m"] or 0) + 1
        case = PracticeCase(procedure=procedure, order=order)
    case.title, case.description = (title or "").strip(), (description or "").strip()
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def practice_expert_save(*, case: PracticeCase, values: dict, indicators: dict) -> None:
    """The expert's score and observed behaviour per competency; a competency left empty is not practised."""
    procedure = case.procedure
    if case.attempts.filter(submitted_at__isnull=False).exists():
        raise ValidationError(
            _("Er is al op deze casus geoefend; de scores van de expert liggen vast."), code="practised"
        )
    competency_ids = [c.pk for c in selectors.procedure_competencies(procedure=procedure)]
    parsed = _parse(procedure, competency_ids, values, indicators, required=False)
    PracticeExpertScore.objects.filter(case=case).exclude(competency_id__in=parsed).delete()
    for competency_id, (value, ids) in parsed.items():
        expert, _created = PracticeExpertScore.objects.update_or_create(
            case=case, competency_id=competency_id, defaults={"value": value}
        )
        expert.indicators.set(ids)


@transaction.atomic
def practice_rate(*, case: PracticeCase, user: AbstractBaseUser, values: dict, indicators: dict) -> PracticeAttempt:
    """A selecteur's one go at a case; afterwards the feedback shows the expert's view."""
    expert_ids = list(case.expert_scores.values_list("competency_id", flat=True))
    if not expert_ids:
        raise ValidationError(_("Voor deze casus heeft de expert nog geen scores gegeven."), code="no_expert")
    attempt, _created = PracticeAttempt.objects.select_for_update().get_or_create(case=case, selecteur=user)
    if attempt.submitted_at:
        raise ValidationError(_("U hebt deze casus al geoefend."), code="already_practised")
    parsed = _parse(case.procedure, expert_ids, values, indicators, required=True)
    for competency_id, (value, ids) in parsed.items():
        rating = PracticeRating.objects.create(attempt=attempt, competency_id=competency_id, value=value)
        rating.observed_indicators.set(ids)
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["submitted_at"])
    return attempt
