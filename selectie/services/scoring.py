"""Scoring: autosave, submitting (which locks) and revising a handed-in score."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit, revisions
from competentie.organisations.access import organisation_ids
from frameworks.models import Competency, ScalePoint

from .. import selectors
from ..models import Assignment, Candidate, Exercise, Score, SelectionProcedure, Submission
from . import criteria

# --- Scoring ------------------------------------------------------------------------------------

UNSET = object()


def _check_value(procedure: SelectionProcedure, value) -> int | None:
    if value is None or value == "":
        return None
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Kies een score op de schaal."), code="invalid_score") from None
    if not procedure.scale.points.filter(value=value).exists():
        raise ValidationError(
            _("%(value)s is geen punt op de schaal “%(scale)s”.") % {"value": value, "scale": procedure.scale.name},
            code="not_on_scale",
        )
    return value


def _check_indicators(procedure: SelectionProcedure, competency: Competency, indicator_ids) -> set[int]:
    ids = {int(pk) for pk in indicator_ids}
    if ids - selectors.allowed_indicator_ids(procedure=procedure, competency_id=competency.pk):
        raise ValidationError(_("Dit gedrag hoort niet bij de competentie “%(name)s”.") % {"name": competency.name})
    return ids


def _check_observed(assignment: Assignment, competency: Competency) -> None:
    if not assignment.exercise.competencies.filter(pk=competency.pk).exists():
        raise ValidationError(_("Deze oefening observeert de competentie “%(name)s” niet.") % {"name": competency.name})


@transaction.atomic
def score_save(
    *,
    assignment: Assignment,
    competency: Competency,
    user: AbstractBaseUser,
    value=UNSET,
    evidence=UNSET,
    indicator_ids=UNSET,
) -> Score:
    """Autosave of one or more fields: an idempotent upsert that leaves the other fields alone.

    The assignment row is locked first, so concurrent saves for the same selecteur and
    candidate queue up instead of overwriting each other.
    """
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("procedure__scale", "procedure__profile")
        .get(pk=assignment.pk)
    )
    procedure = assignment.procedure
    if assignment.selecteur_id != user.pk:
        raise ValidationError(_("U kunt alleen uw eigen scores opslaan."))
    if not procedure.is_scoring_open:
        raise ValidationError(_("Scoren kan alleen als de procedure open staat of in de fase scoren is."))
    if Submission.objects.filter(candidate_id=assignment.candidate_id, selecteur=user).exists():
        raise ValidationError(_("U hebt uw scores voor deze kandidaat al ingediend; ze liggen vast."))
    _check_observed(assignment, competency)
    score = Score.objects.filter(assignment=assignment, competency=competency).first()
    if score is None:
        # A score is given under the criteria of now; the first one freezes them (services.criteria).
        version = criteria.criteria_version_current(procedure=procedure)
        score = Score.objects.create(assignment=assignment, competency=competency, criteria_version=version)
        if version.frozen_at is None:
            criteria.criteria_freeze(procedure=procedure, version=version, user=user)
    update_fields = []
    if value is not UNSET:
        score.value = _check_value(procedure, value)
        update_fields.append("value")
    if evidence is not UNSET:
        score.evidence = (evidence or "").strip()
        update_fields.append("evidence")
    if indicator_ids is not UNSET:
        score.observed_indicators.set(_check_indicators(procedure, competency, indicator_ids))
    if update_fields:
        score.full_clean(exclude=["assignment", "competency"])
    revisions.revision_bump(score)
    score.save(update_fields=[*update_fields, "updated_at", "revision"])
    return score


def _parse_value(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Kies een score op de schaal."), code="invalid_score") from None


class NotFound(Exception):
    """Not the user's assignment in one of their organisations' procedures: the view answers 404."""


def score_autosave(
    *,
    user: AbstractBaseUser,
    procedure_id: int,
    assignment_id: int,
    competency_id: int | None,
    value=UNSET,
    evidence=UNSET,
    indicator_ids=UNSET,
) -> None:
    """One field of one score, as autosave.js posts it: the same checks as score_save, in one locked read.

    The access check (the user's own assignment, in a procedure of one of their organisations) and every
    state check (scoring open, not handed in yet, the exercise observes the competency, the value on the
    scale) come from one SELECT that locks the assignment row, as score_save does, so a save cannot slip
    in while the selecteur hands in; the change is one UPDATE. With the session's three queries: 5. The
    first score of an assignment and ticked indicators go through score_save (more queries). Without a
    competency (an unknown field) only the access check runs, then the save is refused.
    """
    unknown_field = competency_id is None
    competency_id = competency_id or 0
    try:
        number, invalid = (_parse_value(value) if value is not UNSET else None), None
    except ValidationError as error:  # refused after the access check, like everything else
        number, invalid = None, error
    with transaction.atomic():
        rows = (
            Assignment.objects.select_for_update(of=("self",))
            .filter(
                pk=assignment_id,
                procedure_id=procedure_id,
                selecteur_id=user.pk,
                procedure__organisation__in=organisation_ids(user),
            )
            .annotate(
                status=F("procedure__status"),
                scale_name=F("procedure__scale__name"),
                competency_name=Subquery(Competency.objects.filter(pk=competency_id).order_by().values("name")[:1]),
                observed=Exists(
                    Exercise.competencies.through.objects.filter(
                        exercise_id=OuterRef("exercise_id"), competency_id=competency_id
                    )
                ),
                submitted=Exists(
                    Submission.objects.filter(candidate_id=OuterRef("candidate_id"), selecteur_id=user.pk)
                ),
                score_id=Subquery(
                    Score.objects.filter(assignment_id=OuterRef("pk"), competency_id=competency_id)
                    .order_by()
                    .values("pk")[:1]
                ),
                on_scale=Exists(ScalePoint.objects.filter(scale_id=OuterRef("procedure__scale_id"), value=number))
                if number is not None
                else Value(True),
            )
            .values("status", "scale_name", "competency_name", "observed", "submitted", "score_id", "on_scale")
            # At most one row (a primary key, and one score per assignment and competency): no ORDER BY
            # to compile or sort, where .first() would order by the models' four-column default.
            .order_by()[:1]
        )
        row = next(iter(rows), None)
        if row is None:
            raise NotFound
        if unknown_field:
            raise ValidationError(_("Onbekend veld."), code="unknown_field")
        if invalid is not None:
            raise invalid
        if row["competency_name"] is None:
            raise ValidationError(_("Onbekende competentie."), code="unknown_competency")
        if row["status"] not in {SelectionProcedure.Status.OPEN, SelectionProcedure.Status.SCORING}:
            raise ValidationError(_("Scoren kan alleen als de procedure open staat of in de fase scoren is."))
        if row["submitted"]:
            raise ValidationError(_("U hebt uw scores voor deze kandidaat al ingediend; ze liggen vast."))
        if not row["observed"]:
            raise ValidationError(
                _("Deze oefening observeert de competentie “%(name)s” niet.") % {"name": row["competency_name"]}
            )
        if not row["on_scale"]:
            raise ValidationError(
                _("%(value)s is geen punt op de schaal “%(scale)s”.") % {"value": number, "scale": row["scale_name"]},
                code="not_on_scale",
            )
        if row["score_id"] is None or indicator_ids is not UNSET:
            # The first score freezes the criteria; indicators are checked against the profile: the full path.
            score_save(
                assignment=Assignment.objects.get(pk=assignment_id),
                competency=Competency.objects.get(pk=competency_id),
                user=user,
                value=value,
                evidence=evidence,
                indicator_ids=indicator_ids,
            )
            return
        changes = {"revision": F("revision") + 1, "updated_at": timezone.now()}
        if value is not UNSET:
            changes["value"] = number
        if evidence is not UNSET:
            changes["evidence"] = (evidence or "").strip()
        Score.objects.filter(pk=row["score_id"]).update(**changes)


@dataclass(frozen=True)
class SubmissionProblem:
    """One thing to fix before handing in, with the place to fix it."""

    message: str
    assignment_id: int
    competency_id: int

    def __str__(self):
        return self.message


def submission_problems(*, candidate: Candidate, user: AbstractBaseUser) -> list[SubmissionProblem]:
    """What still stands between the selecteur and handing in for this candidate."""
    problems = []
    assignments = (
        Assignment.objects.filter(candidate=candidate, selecteur=user)
        .select_related("exercise")
        .prefetch_related("exercise__competencies", "scores__observed_indicators")
        .order_by("exercise__order", "exercise__pk")
    )
    for assignment in assignments:
        scores = {s.competency_id: s for s in assignment.scores.all()}
        for competency in assignment.exercise.competencies.all():
            score = scores.get(competency.pk)
            where = f"{assignment.exercise.name} – {competency.name}"
            if score is None or score.value is None:
                message = _("%(where)s: er is nog geen score gekozen.") % {"where": where}
            elif not score.evidence.strip() and not score.observed_indicators.all():
                message = _(
                    "%(where)s: een score rust op waargenomen gedrag. Vink minstens één gedragsindicator aan "
                    "of beschrijf wat u zag en hoorde."
                ) % {"where": where}
            else:
                continue
            problems.append(SubmissionProblem(message, assignment.pk, competency.pk))
    return problems


@transaction.atomic
def candidate_submit(*, candidate: Candidate, user: AbstractBaseUser) -> Submission:
    # Lock the selecteur's assignments for this candidate: no autosave can slip in while we check.
    if not list(
        Assignment.objects.select_for_update().filter(candidate=candidate, selecteur=user).values_list("pk", flat=True)
    ):
        raise ValidationError(_("U bent niet aan deze kandidaat toegewezen."))
    if candidate.procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond; indienen kan niet meer."))
    existing = Submission.objects.filter(candidate=candidate, selecteur=user).first()
    if existing:
        return existing
    problems = submission_problems(candidate=candidate, user=user)
    if problems:
        raise ValidationError([p.message for p in problems], code="incomplete")
    submission = Submission(candidate=candidate, selecteur=user)
    submission.full_clean()
    submission.save()
    return submission


@transaction.atomic
def score_revise(
    *, score: Score, user: AbstractBaseUser, value, evidence: str, reason: str, revision: int | None = None
) -> Score:
    """A change to a handed-in score (in calibration): only with a reason, kept in the audit trail.

    ``revision`` is the score's revision the form was made from: HR and the selecteur may both revise.
    """
    score = Score.objects.select_for_update().select_related("assignment__procedure__scale").get(pk=score.pk)
    revisions.revision_check(
        instance=score,
        seen=revision,
        unchanged=(score.value, score.evidence)
        == (_check_value(score.assignment.procedure, value), (evidence or "").strip()),
        current=f"{score.value if score.value is not None else '–'}: {score.evidence}",
    )
    procedure = score.assignment.procedure
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond; scores liggen vast."), code="closed")
    if not reason.strip():
        raise ValidationError(_("Geef aan waarom u de ingediende score wijzigt."), code="reason_required")
    if not Submission.objects.filter(
        candidate_id=score.assignment.candidate_id, selecteur_id=score.assignment.selecteur_id
    ).exists():
        raise ValidationError(
            _("Deze score is nog niet ingediend; de selecteur past hem zelf aan."), code="not_submitted"
        )
    value = _check_value(procedure, value)
    evidence = (evidence or "").strip()
    changes = []
    if value != score.value:
        changes.append(("value", score.value, value))
        score.value = value
    if evidence != score.evidence:
        changes.append(("evidence", score.evidence, evidence))
        score.evidence = evidence
    if not changes:
        raise ValidationError(_("Er is niets gewijzigd."), code="unchanged")
    score.full_clean(exclude=["assignment", "competency"])
    revisions.revision_bump(score)
    score.save()
    for field_name, old, new in changes:
        audit.record(
            user,
            score,
            "score.revised",
            within=score.assignment.candidate,
            field=field_name,
            old="" if old is None else str(old),
            new="" if new is None else str(new),
            reason=reason.strip(),
        )
    return score
