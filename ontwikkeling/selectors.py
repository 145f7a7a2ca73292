"""Reads, always scoped to the user's organisations: another organisation's programme is a 404."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from competentie import audit
from competentie.organisations.access import organisation_ids
from competentie.organisations.models import Membership
from frameworks.models import Competency, Framework, ProficiencyLevel

from .models import (
    Cohort,
    GuideText,
    Intervention,
    LearningLine,
    Measurement,
    Participant,
    Phase,
    PrincipleNote,
    Programme,
)


def guide(kind: str, *, step: int | None = None) -> list[GuideText]:
    texts = GuideText.objects.filter(kind=kind)
    if step is not None:
        texts = texts.filter(step=step)
    return list(texts.order_by("step", "order"))


def guide_titles(kind: str) -> dict[str, str]:
    return {text.code: text.title for text in guide(kind)}


def team_organisation_ids(user: AbstractBaseUser) -> list[int]:
    return organisation_ids(user, Membership.Role.HR)


def programme_list(*, user: AbstractBaseUser) -> QuerySet[Programme]:
    """Programmes the user designs (HR) or takes part in (participant or coach)."""
    mine = Q(cohorts__participants__user=user) | Q(cohorts__participants__coach=user)
    return (
        Programme.objects.filter(organisation__in=organisation_ids(user))
        .filter(Q(organisation__in=team_organisation_ids(user)) | mine)
        .select_related("organisation", "framework")
        .distinct()
    )


def framework_choices(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    """Published frameworks (or seeded libraries) with levels, which a programme can stand on."""
    return (
        Framework.objects.visible_to(user)
        .frozen()
        .filter(is_dictionary=False, levels__isnull=False, competencies__isnull=False)
        .distinct()
        .order_by("name", "-version")
    )


def _phases() -> Prefetch:
    return Prefetch("phases", queryset=Phase.objects.prefetch_related("competencies"))


def _interventions() -> Prefetch:
    return Prefetch(
        "interventions", queryset=Intervention.objects.select_related("line", "phase").prefetch_related("competencies")
    )


def programme_get(*, user: AbstractBaseUser, pk: int) -> Programme:
    queryset = (
        Programme.objects.filter(organisation__in=organisation_ids(user))
        .select_related("organisation", "framework")
        .prefetch_related(
            "conditions",
            "stakeholders",
            "design_sessions",
            "communications",
            "subthemes",
            "learning_lines",
            _phases(),
            _interventions(),
            Prefetch("principle_notes", queryset=PrincipleNote.objects.select_related("principle")),
            Prefetch("cohorts", queryset=Cohort.objects.prefetch_related("participants")),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def programme_competencies_of(programme: Programme) -> list[Competency]:
    """The competencies central in any phase, in framework order; all of the framework's when none is chosen."""
    central = Phase.competencies.through.objects.filter(phase__programme=programme).values("competency_id")
    chosen = list(Competency.objects.filter(pk__in=central).order_by("order", "pk"))
    return chosen or list(framework_competencies(programme))


def framework_competencies(programme: Programme) -> QuerySet[Competency]:
    return Competency.objects.filter(framework=programme.framework_id).order_by("order", "pk")


def framework_levels(programme: Programme) -> list[ProficiencyLevel]:
    return list(ProficiencyLevel.objects.filter(framework=programme.framework_id).order_by("order", "pk"))


def programme_lines_and_phases(programme: Programme) -> tuple[QuerySet, QuerySet]:
    """The learning lines and phases a design step's formsets offer as choices."""
    return LearningLine.objects.filter(programme=programme), Phase.objects.filter(programme=programme)


def programme_interventions(programme: Programme) -> list[Intervention]:
    """The programme's interventions in phase order, for the measurement form."""
    return list(Intervention.objects.filter(programme=programme).order_by("phase__order", "order", "pk"))


def programme_participants(programme: Programme) -> list[Participant]:
    return [participant for cohort in programme.cohorts.all() for participant in cohort.participants.all()]


def _measurements() -> Prefetch:
    return Prefetch(
        "measurements",
        queryset=Measurement.objects.prefetch_related("answers", "self_ratings"),
    )


def cohort_get(*, user: AbstractBaseUser, pk: int) -> Cohort:
    queryset = Cohort.objects.filter(programme__organisation__in=organisation_ids(user)).select_related(
        "programme__organisation", "programme__framework"
    )
    return get_object_or_404(
        queryset.prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("user", "coach", "manager").prefetch_related(
                    _measurements()
                ),
            ),
        ),
        pk=pk,
    )


def participant_get(*, user: AbstractBaseUser, pk: int) -> Participant:
    queryset = Participant.objects.filter(cohort__programme__organisation__in=organisation_ids(user))
    return get_object_or_404(
        queryset.select_related(
            "user", "coach", "manager", "cohort__programme__framework", "cohort__programme__organisation"
        ).prefetch_related(_measurements(), "cohort__windows"),
        pk=pk,
    )


def my_participations(*, user: AbstractBaseUser) -> QuerySet[Participant]:
    """The rows where the user is the participant or the coach (for the programme list)."""
    return (
        Participant.objects.filter(cohort__programme__organisation__in=organisation_ids(user))
        .filter(Q(user=user) | Q(coach=user, user__isnull=False))
        .select_related("user", "coach", "cohort__programme")
    )


def organisation_members(*, organisation_id: int, role: str) -> QuerySet:
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation_id, memberships__role=role, is_active=True)
        .order_by("username")
    )


def programme_history(programme, limit: int = 20) -> list:
    """What was done to the programme's design and groups, newest first (the shared audit log)."""
    return list(audit.history_for(programme, limit=limit))
