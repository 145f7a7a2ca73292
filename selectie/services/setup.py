"""Setting up a procedure: scales, status, exercises and assignments."""

import logging
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from competentie.notifications import events as notifications
from competentie.organisations.models import Organisation
from frameworks.models import Profile, RatingScale, ScalePoint

from .. import selectors
from ..fragments import content_changed
from ..models import Assignment, Exercise, SelectionProcedure
from . import criteria

logger = logging.getLogger(__name__)
Status = SelectionProcedure.Status


# --- Scales -------------------------------------------------------------------------------------

SELECTION_SCALE_NAME = "Selectieschaal 1–5"
# Our own wording (not from a seed document): what a selecteur saw of the behaviour.
SELECTION_SCALE_POINTS = [
    (1, "Ruim onvoldoende", "Het gewenste gedrag is niet gezien, of het tegendeel ervan."),
    (2, "Onvoldoende", "Het gewenste gedrag is nauwelijks of alleen met hulp gezien."),
    (3, "Voldoende", "Het gewenste gedrag is gezien, in eenvoudige situaties en op de meeste momenten."),
    (4, "Goed", "Het gewenste gedrag is duidelijk en herhaaldelijk gezien, ook in lastigere situaties."),
    (5, "Uitstekend", "Het gewenste gedrag is steeds gezien; de kandidaat is hierin een voorbeeld voor anderen."),
]


def selection_scale_default(*, organisation: Organisation) -> RatingScale:
    """The 1–5 selection scale: an existing one readable by the organisation, else our own, created once."""
    existing = (
        RatingScale.objects.libraries().filter(name__startswith="Selectieschaal").first()
        or RatingScale.objects.filter(name__startswith="Selectieschaal", organisation=organisation).first()
    )
    if existing is not None:
        return existing
    with transaction.atomic():
        scale = RatingScale.objects.create(
            organisation=organisation,
            name=SELECTION_SCALE_NAME,
            description=_(
                "Eigen schaal van deze organisatie, opgesteld in Competentie (geen brondocument): "
                "hoe duidelijk de selecteur het gewenste gedrag heeft gezien."
            ),
        )
        ScalePoint.objects.bulk_create(
            ScalePoint(scale=scale, value=value, label=label, description=description)
            for value, label, description in SELECTION_SCALE_POINTS
        )
    return scale


# --- Procedures ---------------------------------------------------------------------------------


def _check_profile(profile: Profile) -> None:
    if not profile.framework.is_frozen:
        raise ValidationError(
            _(
                "Kies een profiel uit een gepubliceerde versie van een framework of uit een bibliotheek: "
                "een concept kan nog veranderen, en dan klopt de beoordeling niet meer."
            )
        )


def _check_chair(procedure: SelectionProcedure) -> None:
    """A designated chair is a selecteur (or HR) of the procedure's organisation."""
    if procedure.chair_id is None:
        return
    if not selectors.assessor_choices(procedure=procedure).filter(pk=procedure.chair_id).exists():
        raise ValidationError(
            _("Kies als voorzitter een selecteur of HR-medewerker van de organisatie."), code="chair_not_assessor"
        )


@transaction.atomic
def procedure_create(
    *,
    user: AbstractBaseUser,
    organisation: Organisation,
    name: str,
    profile: Profile,
    scale: RatingScale | None = None,
    description: str = "",
    preselection_date: date | None = None,
    selection_date: date | None = None,
    retention_weeks: int = 4,
    chair=None,
    disagreement_threshold: int = 2,
) -> SelectionProcedure:
    _check_profile(profile)
    procedure = SelectionProcedure(
        organisation=organisation,
        name=name,
        description=description,
        profile=profile,
        scale=scale or selection_scale_default(organisation=organisation),
        preselection_date=preselection_date,
        selection_date=selection_date,
        retention_weeks=retention_weeks,
        chair=chair,
        disagreement_threshold=disagreement_threshold,
        created_by=user,
    )
    _check_chair(procedure)
    procedure.full_clean()
    procedure.save()
    criteria.criteria_version_current(procedure=procedure)  # version 1, frozen by the first score
    return procedure


@transaction.atomic
def procedure_update(*, procedure: SelectionProcedure, user: AbstractBaseUser, **fields) -> SelectionProcedure:
    changed = sorted(
        name for name in {"profile", "scale"} & set(fields) if getattr(procedure, f"{name}_id") != fields[name].pk
    )
    if changed:
        version = criteria.criteria_version_current(procedure=procedure)
        if not criteria.profile_and_scale_open(procedure=procedure):
            if version.frozen_at is not None:
                criteria.require_criteria_open(procedure=procedure)  # refuses, saying since when
            raise ValidationError(
                _(
                    "Profiel en schaal liggen vast zodra de procedure open is. Maak een nieuwe versie van de "
                    "criteria, met een reden, om ze toch te wijzigen."
                ),
                code="criteria_frozen",
            )
        labels = {"profile": fields.get("profile"), "scale": fields.get("scale")}
        criteria.require_criteria_open(
            procedure=procedure,
            user=user,
            change=", ".join(f"{name}: {labels[name]}" for name in changed),
        )
    for name, value in fields.items():
        setattr(procedure, name, value)
    _check_profile(procedure.profile)
    _check_chair(procedure)
    procedure.full_clean()
    procedure.save()
    content_changed(procedure)  # the calibration matrix shows the disagreement threshold
    return procedure


TRANSITIONS = {
    Status.PREPARATION: {Status.OPEN},
    Status.OPEN: {Status.PREPARATION, Status.SCORING},
    Status.SCORING: {Status.OPEN, Status.CALIBRATION},
    Status.CALIBRATION: {Status.SCORING, Status.CLOSED},
    Status.CLOSED: set(),
}


@transaction.atomic
def procedure_transition(*, procedure: SelectionProcedure, user: AbstractBaseUser, status: str) -> SelectionProcedure:
    procedure = SelectionProcedure.objects.select_for_update().get(pk=procedure.pk)
    if status not in TRANSITIONS.get(procedure.status, set()):
        raise ValidationError(
            _("Van “%(old)s” kan de procedure niet naar “%(new)s”.")
            % {
                "old": procedure.get_status_display(),
                "new": Status(status).label if status in Status.values else status,
            },
            code="invalid_transition",
        )
    if status == Status.OPEN and procedure.status == Status.PREPARATION and not procedure.exercises.exists():
        raise ValidationError(_("Voeg eerst minstens één oefening toe."), code="no_exercises")
    old_status = procedure.status
    procedure.status = status
    if status == Status.CLOSED:
        procedure.closed_on = timezone.localdate()
    procedure.save(update_fields=["status", "closed_on", "updated_at"])
    content_changed(procedure)
    audit.record(user, procedure, "procedure.status", old=old_status, new=status)
    logger.info("Selectieprocedure %s naar status %s door %s", procedure.pk, status, user)
    return procedure


# --- Exercises ----------------------------------------------------------------------------------


def _require_setup(procedure: SelectionProcedure) -> None:
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond en kan niet meer worden gewijzigd."))


@transaction.atomic
def exercise_create(
    *,
    procedure: SelectionProcedure,
    user: AbstractBaseUser | None = None,
    name: str,
    kind: str = Exercise.Kind.INTERVIEW,
    phase: str = Exercise.Phase.SELECTION_DAY,
    instructions: str = "",
    competencies=(),
) -> Exercise:
    _require_setup(procedure)
    criteria.require_criteria_open(
        procedure=procedure, user=user, change=_("oefening “%(name)s” toegevoegd") % {"name": name}
    )
    order = (procedure.exercises.aggregate(m=Max("order"))["m"] or 0) + 1
    exercise = Exercise(procedure=procedure, name=name, kind=kind, phase=phase, instructions=instructions, order=order)
    exercise.full_clean()
    exercise.save()
    _matrix_set(procedure, {exercise.pk: {c.pk for c in competencies}})
    return exercise


@transaction.atomic
def exercise_matrix_save(*, procedure: SelectionProcedure, matrix: dict[int, set[int]], user=None) -> None:
    """Which competencies each exercise observes; only the profile's competencies are allowed.
    Part of the criteria: after the first score only under a new version (services.criteria)."""
    _require_setup(procedure)
    current = {e.pk: {c.pk for c in e.competencies.all()} for e in procedure.exercises.prefetch_related("competencies")}
    if any(current.get(pk) != set(ids) for pk, ids in matrix.items()):
        criteria.require_criteria_open(
            procedure=procedure, user=user, change=_("verdeling van competenties over de oefeningen")
        )
    _matrix_set(procedure, matrix)


def _matrix_set(procedure: SelectionProcedure, matrix: dict[int, set[int]]) -> None:
    allowed = {c.pk for c in selectors.procedure_competencies(procedure=procedure)}
    exercises = {e.pk: e for e in procedure.exercises.all()}
    for exercise_id, competency_ids in matrix.items():
        if exercise_id not in exercises:
            raise ValidationError(_("Deze oefening hoort niet bij de procedure."))
        if set(competency_ids) - allowed:
            raise ValidationError(_("Kies alleen competenties uit het profiel van de procedure."))
        exercises[exercise_id].competencies.set(competency_ids)


# --- Assignments --------------------------------------------------------------------------------


@transaction.atomic
def assignments_create(*, procedure: SelectionProcedure, selecteurs, candidates, exercises) -> int:
    """Every selecteur × candidate × exercise; existing ones are kept. Returns how many are new."""
    _require_setup(procedure)
    allowed = set(selectors.assessor_choices(procedure=procedure).values_list("pk", flat=True))
    if any(s.pk not in allowed for s in selecteurs):
        raise ValidationError(_("Alleen selecteurs van deze organisatie kunnen worden toegewezen."))
    if any(c.procedure_id != procedure.pk for c in candidates) or any(
        e.procedure_id != procedure.pk for e in exercises
    ):
        raise ValidationError(_("Kandidaten en oefeningen moeten bij deze procedure horen."))
    created = 0
    newly_assigned = []
    for selecteur in selecteurs:
        before = created
        for candidate in candidates:
            for exercise in exercises:
                _obj, new = Assignment.objects.get_or_create(
                    procedure=procedure, selecteur=selecteur, candidate=candidate, exercise=exercise
                )
                created += new
        if created > before:
            newly_assigned.append(selecteur)
    notifications.selecteurs_assigned(procedure=procedure, selecteurs=newly_assigned)
    return created


@transaction.atomic
def assignment_delete(*, assignment: Assignment) -> None:
    """Undo a mistaken assignment, as long as nothing has been scored in it."""
    _require_setup(assignment.procedure)
    if assignment.scores.exists():
        raise ValidationError(_("Deze selecteur heeft in deze oefening al gescoord; de toewijzing blijft staan."))
    assignment.delete()


@transaction.atomic
def exercise_delete(*, exercise: Exercise, user: AbstractBaseUser | None = None) -> None:
    _require_setup(exercise.procedure)
    criteria.require_criteria_open(
        procedure=exercise.procedure, user=user, change=_("oefening “%(name)s” verwijderd") % {"name": exercise.name}
    )
    if exercise.assignments.exists():
        raise ValidationError(
            _("Er zijn al selecteurs aan deze oefening toegewezen. Verwijder eerst die toewijzingen.")
        )
    exercise.delete()
