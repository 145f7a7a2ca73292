"""Step 3: the team's conclusions and the SMART action plan."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frameworks.models import GuidingQuestionSet, Profile

from ..models import Action, Answer, EvaluationRound
from .checks import ensure_editable, ensure_profile_in_round, question_of


@transaction.atomic
def conclusion_answer_save(*, round: EvaluationRound, question_id: int, text: str, user: AbstractBaseUser) -> Answer:
    ensure_editable(round)
    question = question_of(round, question_id, GuidingQuestionSet.Purpose.CONCLUSIONS)
    answer, _created = Answer.objects.get_or_create(round=round, question=question, participant=None, profile=None)
    answer.text = text
    answer.updated_by = user
    answer.full_clean()
    answer.save()
    return answer


def _check_action(round: EvaluationRound, profile: Profile | None, deadline: date) -> None:
    if profile is not None:
        ensure_profile_in_round(round, profile)
    if deadline is None:
        raise ValidationError(_("Geef een uiterste datum."))


@transaction.atomic
def action_create(
    *,
    round: EvaluationRound,
    what: str,
    measure: str,
    owner: str,
    deadline: date,
    profile: Profile | None = None,
    status: str = Action.Status.OPEN,
) -> Action:
    ensure_editable(round)
    _check_action(round, profile, deadline)
    action = Action(
        round=round,
        profile=profile,
        what=what.strip(),
        measure=measure.strip(),
        owner=owner.strip(),
        deadline=deadline,
        status=status,
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    what: str,
    measure: str,
    owner: str,
    deadline: date,
    status: str,
    profile: Profile | None = None,
) -> Action:
    ensure_editable(action.round)
    _check_action(action.round, profile, deadline)
    action.profile = profile
    action.what = what.strip()
    action.measure = measure.strip()
    action.owner = owner.strip()
    action.deadline = deadline
    action.status = status
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_delete(*, action: Action) -> None:
    ensure_editable(action.round)
    action.delete()
