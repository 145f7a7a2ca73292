"""Reads, always scoped to the user: a library (no organisation) or one of the user's organisations."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from .access import organisation_ids
from .models import (
    BehaviouralIndicator,
    Cluster,
    Competency,
    DilemmaPosition,
    Framework,
    Profile,
    ProfileCompetency,
)


def _readable(user: AbstractBaseUser) -> Q:
    return Q(organisation__isnull=True) | Q(organisation__in=organisation_ids(user))


def framework_list(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    return (
        Framework.objects.filter(_readable(user))
        .select_related("organisation")
        .annotate(
            competency_count=Count("competencies", distinct=True),
            profile_count=Count("profiles", distinct=True),
        )
        .order_by("organisation__name", "name", "-version")
    )


def framework_get(*, user: AbstractBaseUser, pk: int) -> Framework:
    return get_object_or_404(Framework.objects.filter(_readable(user)).select_related("organisation"), pk=pk)


def framework_detail(*, user: AbstractBaseUser, pk: int) -> Framework:
    """A framework with its clusters, competencies, levels, top-level profiles and their hoofdtaken."""
    competencies = Competency.objects.order_by("order", "name")
    queryset = Framework.objects.filter(_readable(user)).select_related("organisation", "based_on").prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.prefetch_related(Prefetch("competencies", queryset=competencies))),
        Prefetch("competencies", queryset=competencies.filter(cluster__isnull=True), to_attr="unclustered"),
        "levels",
        "role_levels",
        "dilemmas",
        Prefetch(
            "profiles",
            queryset=Profile.objects.filter(parent__isnull=True)
            .annotate(competency_count=Count("profile_competencies", distinct=True))
            .prefetch_related(
                Prefetch(
                    "children",
                    queryset=Profile.objects.annotate(competency_count=Count("profile_competencies", distinct=True)),
                )
            ),
            to_attr="top_profiles",
        ),
    )
    return get_object_or_404(queryset, pk=pk)


def competency_get(*, user: AbstractBaseUser, pk: int) -> Competency:
    """A competency with its generic indicators, where it is used, and what it derives from."""
    queryset = (
        Competency.objects.filter(framework__in=Framework.objects.filter(_readable(user)))
        .select_related("framework__organisation", "cluster", "derived_from__framework")
        .prefetch_related(
            Prefetch("indicators", queryset=BehaviouralIndicator.objects.select_related("level")),
            Prefetch(
                "profile_competencies",
                queryset=ProfileCompetency.objects.select_related("profile__parent", "required_level")
                .prefetch_related("indicators")
                .order_by("profile__order", "profile__pk"),
            ),
            Prefetch(
                "derivatives",
                queryset=Competency.objects.filter(framework__in=Framework.objects.filter(_readable(user)))
                .select_related("framework")
                .order_by("framework__name", "name"),
                to_attr="readable_derivatives",
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def _profile_competencies() -> Prefetch:
    return Prefetch(
        "profile_competencies",
        queryset=ProfileCompetency.objects.select_related("competency", "required_level").prefetch_related(
            Prefetch("indicators", queryset=BehaviouralIndicator.objects.select_related("level"))
        ),
    )


def profile_get(*, user: AbstractBaseUser, pk: int) -> Profile:
    """A profile with everything its page shows: tasks, expertise areas, competencies, and hoofdtaken."""
    queryset = (
        Profile.objects.filter(framework__in=Framework.objects.filter(_readable(user)))
        .select_related("framework__organisation", "parent", "role_level")
        .prefetch_related(
            "expertise_areas",
            "tasks",
            Prefetch("dilemma_positions", queryset=DilemmaPosition.objects.select_related("dilemma")),
            _profile_competencies(),
            Prefetch(
                "children",
                queryset=Profile.objects.select_related("role_level").prefetch_related(
                    "tasks", "expertise_areas", _profile_competencies()
                ),
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def dictionary_search(*, user: AbstractBaseUser, query: str = "") -> QuerySet[Competency]:
    """Competencies of the readable dictionaries, matching the query in name or definition."""
    competencies = Competency.objects.filter(
        framework__in=Framework.objects.filter(_readable(user), is_dictionary=True)
    ).select_related("cluster", "framework")
    query = query.strip()
    if query:
        competencies = competencies.filter(Q(name__icontains=query) | Q(definition__icontains=query))
    return competencies.order_by("framework__name", "cluster__order", "order", "name")
