"""Reads, always scoped to the user: a library (no organisation) or one of the user's organisations."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from competentie import audit

from .models import (
    BehaviouralIndicator,
    Cluster,
    Competency,
    DilemmaPosition,
    Framework,
    FrameworkStep,
    Membership,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
    ReviewComment,
    Reviewer,
)


def framework_list(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    return (
        Framework.objects.visible_to(user)
        .select_related("organisation")
        .annotate(
            competency_count=Count("competencies", distinct=True),
            profile_count=Count("profiles", distinct=True),
        )
        .order_by("organisation__name", "name", "-version")
    )


def framework_get(*, user: AbstractBaseUser, pk: int) -> Framework:
    return get_object_or_404(Framework.objects.visible_to(user).select_related("organisation"), pk=pk)


def framework_detail(*, user: AbstractBaseUser, pk: int) -> Framework:
    """A framework with its clusters, competencies, levels, top-level profiles and their hoofdtaken."""
    competencies = Competency.objects.order_by("order", "name")
    queryset = (
        Framework.objects.visible_to(user)
        .select_related("organisation", "based_on")
        .prefetch_related(
            Prefetch(
                "clusters", queryset=Cluster.objects.prefetch_related(Prefetch("competencies", queryset=competencies))
            ),
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
                        queryset=Profile.objects.annotate(
                            competency_count=Count("profile_competencies", distinct=True)
                        ),
                    )
                ),
                to_attr="top_profiles",
            ),
        )
    )
    framework = get_object_or_404(queryset, pk=pk)
    if not framework.is_library:
        # Authoring panel on the framework page: stappenplan and open review comments (two queries).
        prefetch_related_objects(
            [framework],
            Prefetch("steps", queryset=FrameworkStep.objects.select_related("updated_by")),
            _open_comments(),
        )
    return framework


def competency_get(*, user: AbstractBaseUser, pk: int) -> Competency:
    """A competency with its generic indicators, where it is used, and what it derives from."""
    queryset = (
        Competency.objects.visible_to(user)
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
                queryset=Competency.objects.visible_to(user)
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
        Profile.objects.visible_to(user)
        .select_related("framework__organisation", "parent", "role_level")
        .prefetch_related(
            "expertise_areas",
            "tasks",
            Prefetch(
                "dilemma_positions",
                queryset=DilemmaPosition.objects.select_related("dilemma").order_by("dilemma__order", "pk"),
            ),
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
    competencies = Competency.objects.visible_to(user).dictionaries().select_related("cluster", "framework")
    query = query.strip()
    if query:
        competencies = competencies.filter(Q(name__icontains=query) | Q(definition__icontains=query))
    return competencies.order_by("framework__name", "cluster__order", "order", "name")


# --- Authoring ---------------------------------------------------------------------------------


def _open_comments() -> Prefetch:
    return Prefetch(
        "review_comments",
        queryset=ReviewComment.objects.filter(resolved_at__isnull=True).select_related(
            "author", "competency", "indicator"
        ),
        to_attr="open_comments",
    )


def authoring_framework_get(*, user: AbstractBaseUser, pk: int) -> Framework:
    """A readable framework with its organisation and levels, for the authoring pages."""
    return get_object_or_404(
        Framework.objects.visible_to(user).select_related("organisation").prefetch_related("levels", "clusters"), pk=pk
    )


def competency_editor(*, user: AbstractBaseUser, pk: int) -> Competency:
    """A competency with its framework's levels and clusters, and its generic indicators with their level."""
    queryset = (
        Competency.objects.visible_to(user)
        .select_related("framework__organisation", "cluster", "derived_from__framework")
        .prefetch_related(
            Prefetch("indicators", queryset=BehaviouralIndicator.objects.select_related("level")),
            "framework__levels",
            "framework__clusters",
        )
    )
    return get_object_or_404(queryset, pk=pk)


def indicator_get(*, user: AbstractBaseUser, pk: int) -> BehaviouralIndicator:
    readable = Framework.objects.visible_to(user)
    queryset = BehaviouralIndicator.objects.filter(
        Q(competency__framework__in=readable) | Q(profile_competency__profile__framework__in=readable)
    ).select_related(
        "level",
        "competency__framework__organisation",
        "profile_competency__profile__framework__organisation",
        "profile_competency__competency",
    )
    return get_object_or_404(queryset, pk=pk)


def indicators_of(
    *,
    competency: Competency | None = None,
    profile_competency: ProfileCompetency | None = None,
    level_id: int | None = None,
    all_levels: bool = False,
) -> list[BehaviouralIndicator]:
    """The indicators shown in one block of the editor: one owner, one level (or all levels)."""
    queryset = BehaviouralIndicator.objects.select_related("level")
    if competency is not None:
        queryset = queryset.filter(competency=competency)
    else:
        queryset = queryset.filter(profile_competency=profile_competency)
    if not all_levels:
        queryset = queryset.filter(level_id=level_id)
    return list(queryset.order_by("order", "pk"))


def framework_levels(*, framework_id: int) -> QuerySet[ProficiencyLevel]:
    """The levels of a framework the caller has already fetched (and so may read), in order."""
    return ProficiencyLevel.objects.filter(framework_id=framework_id)


def level_get(*, user: AbstractBaseUser, pk: int) -> ProficiencyLevel:
    return get_object_or_404(
        ProficiencyLevel.objects.visible_to(user).select_related("framework__organisation"),
        pk=pk,
    )


def levels_editor(*, user: AbstractBaseUser, pk: int) -> Framework:
    return get_object_or_404(
        Framework.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "levels", queryset=ProficiencyLevel.objects.annotate(indicator_count=Count("indicators", distinct=True))
            )
        ),
        pk=pk,
    )


def competency_picker(*, user: AbstractBaseUser, framework: Framework, query: str = "", limit: int = 25):
    """Competencies to pick from: the readable dictionaries first, then other readable frameworks."""
    queryset = (
        Competency.objects.visible_to(user)
        .exclude(framework=framework)
        .select_related("framework", "cluster")
        .annotate(indicator_count=Count("indicators", distinct=True))
    )
    query = query.strip()
    if query:
        queryset = queryset.filter(Q(name__icontains=query) | Q(definition__icontains=query))
    return list(
        queryset.order_by("-framework__is_dictionary", "framework__name", "cluster__order", "order", "name")[:limit]
    )


def picked_source_ids(*, framework: Framework) -> set[int]:
    return set(framework.competencies.exclude(derived_from__isnull=True).values_list("derived_from_id", flat=True))


def profile_editor(*, user: AbstractBaseUser, pk: int) -> Profile:
    """A profile with its details and the framework's profiles, role levels and dilemmas for the form."""
    queryset = (
        Profile.objects.visible_to(user)
        .select_related("framework__organisation", "parent", "role_level")
        .prefetch_related(
            "expertise_areas",
            "tasks",
            "dilemma_positions",
            "framework__role_levels",
            "framework__dilemmas",
            "framework__profiles",
        )
    )
    return get_object_or_404(queryset, pk=pk)


def profile_compose(*, user: AbstractBaseUser, pk: int) -> Profile:
    """A profile with its competencies (level, note, specific indicators) and the framework's choices."""
    queryset = (
        Profile.objects.visible_to(user)
        .select_related("framework__organisation", "parent")
        .prefetch_related(
            Prefetch(
                "profile_competencies",
                queryset=ProfileCompetency.objects.select_related("competency", "required_level").prefetch_related(
                    Prefetch("indicators", queryset=BehaviouralIndicator.objects.select_related("level"))
                ),
            ),
            "framework__levels",
            Prefetch("framework__competencies", queryset=Competency.objects.order_by("order", "name")),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def profile_competency_get(*, user: AbstractBaseUser, pk: int) -> ProfileCompetency:
    return get_object_or_404(
        ProfileCompetency.objects.visible_to(user).select_related(
            "profile__framework__organisation", "competency", "required_level"
        ),
        pk=pk,
    )


def profile_get_plain(*, user: AbstractBaseUser, pk: int) -> Profile:
    return get_object_or_404(
        Profile.objects.visible_to(user).select_related("framework__organisation"),
        pk=pk,
    )


def review_page(*, user: AbstractBaseUser, pk: int) -> Framework:
    """A framework with its reviewers, all comments and the competencies/indicators one can comment on."""
    queryset = (
        Framework.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("reviewers", queryset=Reviewer.objects.select_related("user", "invited_by")),
            Prefetch(
                "review_comments",
                queryset=ReviewComment.objects.select_related(
                    "author",
                    "resolved_by",
                    "competency",
                    "indicator__competency",
                    "indicator__profile_competency__competency",
                ).order_by("resolved_at", "-created_at"),
                to_attr="all_comments",
            ),
            Prefetch(
                "competencies",
                queryset=Competency.objects.order_by("order", "name").prefetch_related(
                    Prefetch("indicators", queryset=BehaviouralIndicator.objects.select_related("level")),
                    Prefetch(
                        "profile_competencies",
                        queryset=ProfileCompetency.objects.select_related("profile").prefetch_related("indicators"),
                    ),
                ),
            ),
            Prefetch(
                "organisation__memberships",
                queryset=Membership.objects.select_related("user").order_by("user__username", "pk"),
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def comment_get(*, user: AbstractBaseUser, pk: int) -> ReviewComment:
    return get_object_or_404(
        ReviewComment.objects.filter(framework__in=Framework.objects.visible_to(user)).select_related(
            "framework__organisation"
        ),
        pk=pk,
    )


def framework_history(*, user: AbstractBaseUser, pk: int):
    """A framework, all its versions (oldest first) and the change history of all of them, newest first."""
    framework = authoring_framework_get(user=user, pk=pk)
    versions = list(Framework.objects.visible_to(user).versions_of(framework).order_by("version"))
    version_of = {v.pk: v.version for v in versions}
    changes = list(audit.history_for_many(versions, limit=500))
    for change in changes:
        change.version = version_of.get(change.content_id)
    return framework, versions, changes


def _document_competency_prefetch() -> Prefetch:
    return Prefetch(
        "profile_competencies",
        queryset=ProfileCompetency.objects.select_related("competency__cluster", "required_level").prefetch_related(
            Prefetch("indicators", queryset=BehaviouralIndicator.objects.select_related("level")),
            Prefetch("competency__indicators", queryset=BehaviouralIndicator.objects.select_related("level")),
        ),
    )


def _document_profiles(**filters) -> QuerySet[Profile]:
    """Profiles with everything a document shows of them (not their children)."""
    return (
        Profile.objects.filter(**filters)
        .select_related("role_level", "parent")
        .prefetch_related(
            "expertise_areas",
            "tasks",
            Prefetch(
                "dilemma_positions",
                queryset=DilemmaPosition.objects.select_related("dilemma").order_by("dilemma__order", "pk"),
            ),
            _document_competency_prefetch(),
        )
    )


def profile_document(*, user: AbstractBaseUser, pk: int) -> Profile:
    """Everything the PDF/print view of a profile shows, hoofdtaken included, in a fixed number of queries."""
    queryset = (
        _document_profiles(framework__in=Framework.objects.visible_to(user))
        .select_related("framework__organisation")
        .prefetch_related("framework__levels", Prefetch("children", queryset=_document_profiles()))
    )
    return get_object_or_404(queryset, pk=pk)


def framework_document(*, user: AbstractBaseUser, pk: int) -> Framework:
    """Everything the PDF/print view of a whole framework shows."""
    queryset = (
        Framework.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            "levels",
            Prefetch(
                "competencies",
                queryset=Competency.objects.select_related("cluster")
                .order_by("cluster__order", "order", "name")
                .prefetch_related(
                    Prefetch("indicators", queryset=BehaviouralIndicator.objects.select_related("level"))
                ),
            ),
            Prefetch(
                "profiles",
                queryset=_document_profiles(parent__isnull=True).prefetch_related(
                    Prefetch("children", queryset=_document_profiles())
                ),
                to_attr="top_profiles",
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def picker_source_get(*, user: AbstractBaseUser, framework: Framework, pk) -> Competency:
    """A competency the author may copy: readable, and from another framework."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        pk = 0
    queryset = Competency.objects.visible_to(user).exclude(framework=framework).select_related("framework", "cluster")
    return get_object_or_404(queryset, pk=pk)


def cluster_get(*, user: AbstractBaseUser, pk: int) -> Cluster:
    return get_object_or_404(
        Cluster.objects.visible_to(user).select_related("framework__organisation"),
        pk=pk,
    )
