"""Procedures, the competencies they assess, candidates and assignments, scoped to the user."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from competentie.db import subquery_count
from competentie.organisations.access import organisation_ids
from frameworks.models import BehaviouralIndicator, Competency, Profile, ProfileCompetency, RatingScale

from ..access import ASSESSOR_ROLES, hr_organisation_ids
from ..models import Assignment, Candidate, CandidatePersonalData, Exercise, SelectionProcedure, Submission

# --- Procedures -------------------------------------------------------------------------------


def procedure_list(*, user: AbstractBaseUser) -> QuerySet[SelectionProcedure]:
    """HR sees every procedure of their organisation; others only those they assess in. Newest first.

    Only the columns the list shows, and the candidates counted per listed procedure in a subquery:
    the list does not join and group every candidate and assignment the organisation ever had."""
    assesses = Exists(Assignment.objects.filter(procedure=OuterRef("pk"), selecteur=user))
    return (
        SelectionProcedure.objects.filter(
            Q(organisation__in=hr_organisation_ids(user)) | Q(assesses, organisation__in=organisation_ids(user))
        )
        .select_related("profile__framework")
        .only(
            "name",
            "organisation_id",
            "status",
            "selection_date",
            "created_at",
            "profile__name",
            "profile__framework__name",
        )
        .annotate(candidate_count=subquery_count(Candidate.objects.all(), on="procedure"))
        .order_by("-created_at", "-pk")
    )


def procedure_get(*, user: AbstractBaseUser, pk: int) -> SelectionProcedure:
    """A procedure of one of the user's organisations; role checks follow in access.py."""
    queryset = SelectionProcedure.objects.filter(organisation__in=organisation_ids(user)).select_related(
        "organisation", "profile__framework", "profile__parent", "scale"
    )
    return get_object_or_404(queryset, pk=pk)


def procedure_for_form(*, procedure: SelectionProcedure) -> SelectionProcedure:
    """A fresh copy of a procedure already fetched for the user, for a form to change while it validates."""
    return SelectionProcedure.objects.get(pk=procedure.pk)


def procedure_is_assigned(*, user: AbstractBaseUser, procedure: SelectionProcedure) -> bool:
    return Assignment.objects.filter(procedure=procedure, selecteur=user).exists()


def frozen_profiles(*, user: AbstractBaseUser) -> QuerySet[Profile]:
    """Profiles a procedure may rest on: those of a seeded library or of a published version."""
    return (
        Profile.objects.visible_to(user)
        .frozen()
        .exclude_dictionaries()
        .select_related("framework", "parent")
        .order_by("framework__name", "framework__version", "parent__order", "order", "pk")
    )


def rating_scales(*, user: AbstractBaseUser) -> QuerySet[RatingScale]:
    return RatingScale.objects.visible_to(user).prefetch_related("points").order_by("name")


def assessor_choices(*, procedure: SelectionProcedure) -> QuerySet:
    return (
        get_user_model()
        .objects.filter(memberships__organisation=procedure.organisation_id, memberships__role__in=ASSESSOR_ROLES)
        .order_by("username")
    )


def chair_choices(*, organisation_ids) -> QuerySet:
    """Who may chair the calibration: selecteurs and HR of the given organisations."""
    return (
        get_user_model()
        .objects.filter(memberships__organisation__in=organisation_ids, memberships__role__in=ASSESSOR_ROLES)
        .distinct()
        .order_by("username")
    )


# --- The competencies a procedure assesses -----------------------------------------------------


def _assessed_rows(profile: Profile) -> tuple[list[ProfileCompetency], list[int]]:
    """(profile competencies in profile order, the profile ids they come from) — 1 query.

    A profile with competencies of its own assesses those; a Divosa profile (its competencies
    live on its hoofdtaken) assesses those of its children.
    """
    # The profile and its hoofdtaken first, then their competencies: with one OR across the join,
    # PostgreSQL read every profile competency of the installation (3,289 in the bench) to find 8.
    profiles = Profile.objects.filter(Q(pk=profile.pk) | Q(parent=profile.pk)).values("pk")
    rows = list(
        ProfileCompetency.objects.filter(profile__in=profiles)
        .select_related("competency", "profile")
        .order_by("profile__parent_id", "profile__order", "profile_id", "order", "pk")
    )
    own = [row for row in rows if row.profile_id == profile.pk]
    if own:
        return own, [profile.pk]
    return rows, [profile.pk, *dict.fromkeys(row.profile_id for row in rows)]


def procedure_profile_ids(profile: Profile) -> list[int]:
    return _assessed_rows(profile)[1]


def procedure_competencies(*, procedure: SelectionProcedure) -> list[Competency]:
    """The profile's competencies in profile order, each once (1 query)."""
    rows, profile_ids = _assessed_rows(procedure.profile)
    seen: dict[int, Competency] = {}
    for row in rows:
        seen.setdefault(row.competency_id, row.competency)
    competencies = list(seen.values())
    for competency in competencies:
        competency.profile_ids = profile_ids
    return competencies


def indicators_for(*, profile_ids: list[int], competency_ids) -> dict[int, list[BehaviouralIndicator]]:
    """Generic indicators of each competency, then those specific to the profile (1 query)."""
    # Two queries joined by UNION ALL, not one with an OR: with the OR PostgreSQL read every indicator of
    # the installation (18,939 in the bench: 2.8 ms, and more with each organisation); apart, each part
    # uses its own index (0.6 ms with planning). `of_competency` is the competency an indicator belongs to.
    specific = ProfileCompetency.objects.filter(profile_id__in=profile_ids, competency_id__in=competency_ids)
    indicators = BehaviouralIndicator.objects.select_related("level").order_by()  # a part of a UNION has none
    generic = indicators.filter(competency_id__in=competency_ids).annotate(of_competency=F("competency_id"))
    own = indicators.filter(profile_competency_id__in=specific.values("pk")).annotate(
        of_competency=F("profile_competency__competency_id")
    )
    indicators = generic.union(own, all=True).order_by("profile_competency_id", "order", "pk")
    result: dict[int, list[BehaviouralIndicator]] = defaultdict(list)
    seen_texts: dict[int, set[str]] = defaultdict(set)
    for indicator in indicators:
        competency_id = indicator.of_competency
        # A Divosa competency can appear under several hoofdtaken with the same example.
        if indicator.text in seen_texts[competency_id]:
            continue
        seen_texts[competency_id].add(indicator.text)
        indicator.is_profile_specific = indicator.profile_competency_id is not None
        result[competency_id].append(indicator)
    return result


def allowed_indicator_ids(*, procedure: SelectionProcedure, competency_id: int) -> set[int]:
    profile_ids = procedure_profile_ids(procedure.profile)
    specific = ProfileCompetency.objects.filter(profile_id__in=profile_ids, competency_id=competency_id)
    return set(
        BehaviouralIndicator.objects.filter(
            Q(competency_id=competency_id) | Q(profile_competency_id__in=specific.values("pk"))
        ).values_list("pk", flat=True)
    )


def exercises_with_competencies(*, procedure: SelectionProcedure) -> list[Exercise]:
    return list(procedure.exercises.prefetch_related("competencies").order_by("order", "pk"))


# --- Candidates and assignments -----------------------------------------------------------------


def candidate_list_for_hr(*, procedure: SelectionProcedure) -> QuerySet[Candidate]:
    return (
        procedure.candidates.select_related("personal_data", "decision")
        .annotate(
            assignment_count=Count("assignments", distinct=True), submission_count=Count("submissions", distinct=True)
        )
        .order_by("number")
    )


def candidate_get(*, procedure: SelectionProcedure, pk: int) -> Candidate:
    candidate = get_object_or_404(
        Candidate.objects.filter(procedure=procedure).select_related("personal_data", "decision"), pk=pk
    )
    return _with_procedure(candidate, procedure)


def _with_procedure(candidate: Candidate, procedure: SelectionProcedure) -> Candidate:
    """The candidate's procedure is the one the view already fetched (with its profile and scale):
    `candidate.procedure` then costs no second query."""
    candidate.procedure = procedure
    return candidate


def personal_data_of(*, candidate: Candidate, for_change: bool = False) -> CandidatePersonalData | None:
    """The candidate's personal data (None once purged): as candidate_get read it, or, `for_change`, a
    copy of its own for HR's form to validate (a form that refuses a change has already written it into
    its instance, and the page around the form shows what is stored)."""
    if not for_change:
        return getattr(candidate, "personal_data", None)
    return CandidatePersonalData.objects.filter(candidate=candidate).first()


def candidate_get_for_selecteur(*, user: AbstractBaseUser, procedure: SelectionProcedure, pk: int) -> Candidate:
    """A candidate the selecteur is assigned to; anyone else's is not found."""
    candidate = get_object_or_404(
        Candidate.objects.filter(procedure=procedure, assignments__selecteur=user).distinct(), pk=pk
    )
    return _with_procedure(candidate, procedure)


def assignment_get_for_selecteur(*, user: AbstractBaseUser, procedure: SelectionProcedure, pk: int) -> Assignment:
    """The selecteur's own assignment; it carries the procedure already fetched (with its profile and scale)."""
    assignment = get_object_or_404(
        Assignment.objects.filter(procedure=procedure, selecteur=user).select_related("candidate", "exercise"),
        pk=pk,
    )
    assignment.procedure = procedure
    _with_procedure(assignment.candidate, procedure)
    return assignment


def assignments_of_procedure(*, procedure: SelectionProcedure) -> QuerySet[Assignment]:
    return procedure.assignments.select_related("selecteur", "candidate", "exercise").order_by(
        "candidate__number", "exercise__order", "exercise__pk", "selecteur__username"
    )


def my_assignments(*, user: AbstractBaseUser, procedure: SelectionProcedure) -> list[dict]:
    """The selecteur's candidates, each with its exercises and whether they handed in."""
    from .board import complete_counts

    assignments = list(
        Assignment.objects.filter(procedure=procedure, selecteur=user)
        .select_related("candidate", "exercise")
        .annotate(expected=Count("exercise__competencies", distinct=True))
        .order_by("candidate__number", "exercise__order", "exercise__pk")
    )
    complete = complete_counts(assignment_ids=[a.pk for a in assignments])
    for assignment in assignments:
        assignment.complete = complete.get(assignment.pk, 0)
    submitted = set(
        Submission.objects.filter(candidate__procedure=procedure, selecteur=user)
        .order_by()
        .values_list("candidate_id", flat=True)
    )
    rows: dict[int, dict] = {}
    for assignment in assignments:
        row = rows.setdefault(
            assignment.candidate_id,
            {
                "candidate": assignment.candidate,
                "assignments": [],
                "submitted": assignment.candidate_id in submitted,
                "complete": 0,
                "expected": 0,
            },
        )
        row["assignments"].append(assignment)
        row["complete"] += assignment.complete
        row["expected"] += assignment.expected
    return list(rows.values())


def candidate_progress(*, candidate: Candidate, user: AbstractBaseUser) -> tuple[int, int]:
    """(complete scores, scores expected) of one selecteur for one candidate over their exercises."""
    from .board import complete_counts

    assignments = list(
        Assignment.objects.filter(candidate=candidate, selecteur=user).annotate(
            expected=Count("exercise__competencies", distinct=True)
        )
    )
    complete = complete_counts(assignment_ids=[a.pk for a in assignments])
    return sum(complete.get(a.pk, 0) for a in assignments), sum(a.expected for a in assignments)


def panel_of_candidate(*, candidate: Candidate) -> tuple[set[int], set[int]]:
    """(assigned selecteur ids, handed-in selecteur ids) for one candidate — 2 queries."""
    assigned = set(Assignment.objects.filter(candidate=candidate).values_list("selecteur_id", flat=True))
    return assigned, submitted_selecteur_ids(candidate=candidate)


def procedure_hand_ins(*, procedure: SelectionProcedure) -> defaultdict[int, set[int]]:
    """Candidate id -> the selecteurs who handed in for them (empty for a candidate without): 1 query.

    Unordered: by Submission's default ordering (time) PostgreSQL read every submission of the
    installation; without it, the unique (candidate, selecteur) index answers alone."""
    hand_ins: defaultdict[int, set[int]] = defaultdict(set)
    for candidate_id, selecteur_id in (
        Submission.objects.filter(candidate__procedure=procedure).order_by().values_list("candidate_id", "selecteur_id")
    ):
        hand_ins[candidate_id].add(selecteur_id)
    return hand_ins


def submitted_selecteur_ids(*, candidate: Candidate) -> set[int]:
    return set(candidate.submissions.values_list("selecteur_id", flat=True))


def has_submitted(*, candidate: Candidate, user: AbstractBaseUser) -> bool:
    """Whether the selecteur handed in their scores for this candidate."""
    return Submission.objects.filter(candidate=candidate, selecteur=user).exists()


def submission_progress(*, procedure: SelectionProcedure) -> tuple[int, int]:
    """(handed in, expected): one submission per selecteur per assigned candidate — 2 queries."""
    expected = Assignment.objects.filter(procedure=procedure).values("candidate_id", "selecteur_id").distinct().count()
    return Submission.objects.filter(candidate__procedure=procedure).count(), expected
