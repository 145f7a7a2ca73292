"""Step 3: the team's conclusions and the SMART action plan."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from competentie import revisions
from frameworks.models import GuidingQuestionSet, Profile

from ..models import Action, Answer, EvaluationRound
from .checks import ensure_editable, ensure_profile_in_round, question_of


@transaction.atomic
def conclusion_answer_save(
    *, round: EvaluationRound, question_id: int, text: str, user: AbstractBaseUser, revision: int | None = None
) -> Answer:
    """The team's answer to one conclusion question: each question is its own record, so two MT
    members on different questions never touch each other's text. ``revision`` is what the page
    saw (0: no answer yet); a save made before a colleague's newer answer is refused (StaleEdit)."""
    ensure_editable(round)
    question = question_of(round, question_id, GuidingQuestionSet.Purpose.CONCLUSIONS)
    answer = (
        Answer.objects.select_for_update()
        .filter(round=round, question=question, participant=None, profile=None)
        .first()
    )
    revisions.revision_check(
        instance=answer,
        seen=revision,
        unchanged=answer is not None and answer.text == text,
        current=answer.text if answer else "",
    )
    if answer is not None and answer.text == text:
        return answer
    answer = answer or Answer(round=round, question=question)
    answer.text = text
    answer.updated_by = user
    answer.full_clean(validate_constraints=False)
    revisions.revision_bump(answer)
    revisions.save_new_or_refuse(
        answer, lookup={"round": round, "question": question, "participant": None, "profile": None}, shown="text"
    )
    return answer


def _as_date(value) -> date | None:
    return parse_date(value) if isinstance(value, str) else value


def _check_action(round: EvaluationRound, profile: Profile | None, deadline: date, *, deadline_set: bool) -> None:
    if profile is not None:
        ensure_profile_in_round(round, profile)
    deadline = _as_date(deadline)
    if deadline is None:
        raise ValidationError(_("Geef een uiterste datum."), code="deadline_required")
    # Only a deadline that is being set must lie ahead: a carried-forward action keeps its old date.
    if deadline_set and deadline < timezone.localdate():
        raise ValidationError(
            _("Kies een uiterste datum vanaf vandaag; een datum in het verleden is geen plan."), code="deadline_in_past"
        )


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
    _check_action(round, profile, deadline, deadline_set=True)
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
    revision: int | None = None,
) -> Action:
    """Change an action; ``revision`` is what the form saw, a stale form is refused (StaleEdit)."""
    ensure_editable(action.round)
    stored = Action.objects.select_for_update().get(pk=action.pk)
    _check_action(action.round, profile, deadline, deadline_set=_as_date(deadline) != stored.deadline)
    new = (profile.pk if profile else None, what.strip(), measure.strip(), owner.strip(), deadline, status)
    old = (stored.profile_id, stored.what, stored.measure, stored.owner, stored.deadline, stored.status)
    revisions.revision_check(instance=stored, seen=revision, unchanged=new == old, current=action_summary(stored))
    action.revision = stored.revision
    action.profile = profile
    action.what = what.strip()
    action.measure = measure.strip()
    action.owner = owner.strip()
    action.deadline = deadline
    action.status = status
    action.full_clean()
    revisions.revision_bump(action)
    action.save()
    return action


def action_summary(action: Action) -> str:
    """An action in one line, as a refused save shows the stored version."""
    return " · ".join(
        [action.what, action.measure, action.owner, action.deadline.isoformat(), action.get_status_display()]
    )


@transaction.atomic
def action_delete(*, action: Action) -> None:
    ensure_editable(action.round)
    action.delete()
