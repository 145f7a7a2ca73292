"""Reads, always scoped to the user: a library (no organisation) or one of the user's organisations."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from competentie import audit
from competentie.db import subquery_count
from competentie.organisations.models import Membership

from .models import (
    BehaviouralIndicator,
    Cluster,
    Competency,
    DilemmaPosition,
    Framework,
    FrameworkStep,
    GuidingQuestion,
    GuidingQuestionSet,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
    RatingScale,
    ReviewComment,
    Reviewer,
    ScalePoint,
)


def framework_list(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    return (
        Framework.objects.visible_to(user)
        .select_related("organisation")
        .annotate(
            competency_count=subquery_count(Competency.objects.all(), on="framework"),
            profile_count=subquery_count(Profile.objects.all(), on="framework"),
        )
        .order_by("organisation__name", "name", "-version")
    )


def framework_get(*, user: AbstractBaseUser, pk: int) -> Framework:
    return get_object_or_404(Framework.objects.visible_to(user).select_related("organisation"), pk=pk)


def framework_detail(*, user: AbstractBaseUser, pk: int) -> Framework:
    """A framework with its levels, top-level profiles and their hoofdtaken; its competencies come from
    framework_competencies, read only when the page's cached list is out of date."""
    queryset = (
        Framework.objects.visible_to(user)
        .select_related("organisation", "based_on")
        .prefetch_related(
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


def framework_competencies(*, framework: Framework) -> Framework:
    """The framework's clusters with their competencies, and its competencies outside a cluster (two queries
    and one per relation; the framework was read, with its access check, by framework_detail)."""
    competencies = Competency.objects.order_by("order", "name")
    prefetch_related_objects(
        [framework],
        Prefetch(
            "clusters", queryset=Cluster.objects.prefetch_related(Prefetch("competencies", queryset=competencies))
        ),
        Prefetch("competencies", queryset=competencies.filter(cluster__isnull=True), to_attr="unclustered"),
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
    """A profile with what its page's head shows; the rest comes from profile_content, read only when
    the page's cached body is out of date."""
    queryset = Profile.objects.visible_to(user).select_related("framework__organisation", "parent", "role_level")
    return get_object_or_404(queryset, pk=pk)


def profile_content(*, profile: Profile) -> Profile:
    """Everything the profile's page body shows: tasks, expertise areas, competencies, and hoofdtaken."""
    prefetch_related_objects(
        [profile],
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
    return profile


SUFFIXES = ("eren", "ingen", "heden", "ing", "heid", "en", "e", "s")


def search_stems(query: str) -> list[str]:
    """The words of a search, each cut to a rough Dutch stem ("Analyseren" → "analys"), at least four letters."""
    stems = []
    for word in query.lower().split()[:8]:
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        stems.append(word)
    return stems


def matching_competencies(queryset: QuerySet[Competency], query: str) -> QuerySet[Competency]:
    """Competencies whose name or definition holds every word of the query (by stem), or whose ESCO or
    CompetentNL address is the query (a link pasted from the vocabulary finds its competencies)."""
    query = query.strip()
    if query.lower().startswith(("http://", "https://")) and " " not in query:
        return queryset.filter(Q(esco_uri__iexact=query) | Q(competentnl_uri__iexact=query))
    for stem in search_stems(query):
        queryset = queryset.filter(
            Q(name__icontains=stem)
            | Q(definition__icontains=stem)
            | Q(esco_uri__icontains=stem)
            | Q(competentnl_uri__icontains=stem)
        )
    return queryset


def dictionary_search(*, user: AbstractBaseUser, query: str = "") -> QuerySet[Competency]:
    """Competencies of the readable dictionaries, matching the query in name or definition."""
    competencies = Competency.objects.visible_to(user).dictionaries().select_related("cluster", "framework")
    competencies = matching_competencies(competencies, query)
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
    queryset = matching_competencies(queryset, query)
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


def review_subject(
    *, framework: Framework, kind: str, pk: int
) -> tuple[Competency | None, BehaviouralIndicator | None]:
    """What a review comment is about: a competency ("c") or an indicator of this framework."""
    if kind == "c":
        return Competency.objects.get(pk=pk, framework=framework), None
    indicator = BehaviouralIndicator.objects.select_related("competency", "profile_competency__competency").get(
        Q(competency__framework=framework) | Q(profile_competency__profile__framework=framework), pk=pk
    )
    return None, indicator


def published_frameworks(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    """The frozen versions the user may read (a visitor: the libraries), by name and version."""
    return Framework.objects.visible_to(user).frozen().select_related("organisation").order_by("name", "version")


def case_frameworks(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    """What the CASE binding lists: the user's published versions, the libraries and what others share."""
    readable = Framework.objects.visible_to(user) | Framework.objects.open_to_all()
    return readable.frozen().select_related("organisation", "first_version").order_by("name", "version")


def shared_framework_get(*, pk: int) -> Framework:
    """A framework another organisation shares for subscription, or a library (else 404)."""
    return get_object_or_404(Framework.objects.open_to_all().frozen().select_related("organisation"), pk=pk)


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


def framework_head(*, user: AbstractBaseUser, pk: int) -> Framework:
    """Just the readable framework row (for a stored PDF nothing more is needed)."""
    return get_object_or_404(Framework.objects.visible_to(user), pk=pk)


def profile_head(*, user: AbstractBaseUser, pk: int) -> Profile:
    """Just the readable profile row with its framework."""
    return get_object_or_404(
        Profile.objects.filter(framework__in=Framework.objects.visible_to(user)).select_related("framework"), pk=pk
    )


def framework_document(*, user: AbstractBaseUser, pk: int) -> Framework:
    """Everything the PDF/print view of a whole framework shows."""
    return get_object_or_404(_framework_document_queryset(Framework.objects.visible_to(user)), pk=pk)


def framework_document_unscoped(*, pk: int) -> Framework:
    """The same for a background task: the view that enqueued it has checked the reader already."""
    return _framework_document_queryset(Framework.objects.all()).get(pk=pk)


def framework_indicator_count(*, framework: Framework) -> int:
    """All indicators of a framework, generic and per profile: what makes its PDF long."""
    return BehaviouralIndicator.objects.filter(
        Q(competency__framework=framework) | Q(profile_competency__profile__framework=framework)
    ).count()


def _framework_document_queryset(frameworks: QuerySet[Framework]) -> QuerySet[Framework]:
    queryset = frameworks.select_related("organisation").prefetch_related(
        "levels",
        "clusters",
        Prefetch(
            "competencies",
            # The order of the framework page (framework_detail): grouping by cluster is done by
            # competency_groups, in the clusters' own order, as the page does.
            queryset=Competency.objects.order_by("order", "name", "pk").prefetch_related(
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
    return queryset


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


def publish_warnings(*, framework: Framework) -> list[str]:
    """What the guide advises against, shown before publishing (a warning, never a block).

    - a profile with competencies, but not six to eight of them;
    - a competency in a profile that has a required level, but no indicator at that level (neither
      the profile's own indicators nor the competency's generic ones).
    Four queries, whatever the size: profiles, their competencies (with competency and level),
    profile indicators, generic indicators.
    """
    from django.utils.translation import gettext as _

    from .services.profiles import CORE_MAX, CORE_MIN

    profiles = (
        Profile.objects.filter(framework=framework)
        .annotate(children_count=Count("children"))
        .order_by("parent_id", "order", "pk")
        .prefetch_related(
            Prefetch(
                "profile_competencies",
                queryset=ProfileCompetency.objects.select_related("competency", "required_level")
                .order_by("order", "pk")
                .prefetch_related(
                    Prefetch(
                        "indicators",
                        queryset=BehaviouralIndicator.objects.only("pk", "level_id", "profile_competency_id"),
                    ),
                    Prefetch(
                        "competency__indicators",
                        queryset=BehaviouralIndicator.objects.only("pk", "level_id", "competency_id"),
                    ),
                ),
            )
        )
    )
    warnings = []
    for profile in profiles:
        pcs = list(profile.profile_competencies.all())
        if (pcs or not profile.children_count) and not CORE_MIN <= len(pcs) <= CORE_MAX:
            warnings.append(
                _("Profiel “%(profile)s” heeft %(count)s competenties; de handleiding adviseert er zes tot acht.")
                % {"profile": profile.name, "count": len(pcs)}
            )
        for pc in pcs:
            if pc.required_level_id is None:
                continue
            levels = {i.level_id for i in pc.indicators.all()} | {i.level_id for i in pc.competency.indicators.all()}
            if pc.required_level_id not in levels:
                warnings.append(
                    _(
                        "Profiel “%(profile)s”: “%(competency)s” heeft geen gedragsindicatoren op het vereiste "
                        "niveau “%(level)s”."
                    )
                    % {"profile": profile.name, "competency": pc.competency.name, "level": pc.required_level.name}
                )
    return warnings


# --- Documents and the profile × competency matrix -----------------------------------------------


def clusters_in_tree(clusters) -> list[Cluster]:
    """Clusters (already read) in the order of their tree: each followed by the clusters under it, in
    their order, each with `depth` (0 directly under the framework) and `indent` (at most 5, for the
    page's spacing classes). No query: an imported standards tree of any depth keeps its shape."""
    clusters = list(clusters)
    known = {cluster.pk for cluster in clusters}
    children = {}
    for cluster in clusters:
        top = cluster.parent_id is None or cluster.parent_id not in known
        children.setdefault(None if top else cluster.parent_id, []).append(cluster)
    ordered, pending, seen = [], [(cluster, 0) for cluster in reversed(children.get(None, []))], set()
    while pending:
        cluster, depth = pending.pop()
        if cluster.pk in seen:
            continue
        seen.add(cluster.pk)
        cluster.depth, cluster.indent = depth, min(depth, 5)
        ordered.append(cluster)
        pending.extend((child, depth + 1) for child in reversed(children.get(cluster.pk, [])))
    for cluster in clusters:  # a ring (never written by the app) still shows every cluster
        if cluster.pk not in seen:
            cluster.depth = cluster.indent = 0
            ordered.append(cluster)
    return ordered


def competency_groups(clusters, competencies) -> list[dict]:
    """Competencies per cluster, as on the framework page: clusters in the order of their tree (an empty
    one too), then the competencies without a cluster ("Overige competenties" when there are clusters)."""
    clusters = clusters_in_tree(clusters)
    by_cluster = {cluster.pk: [] for cluster in clusters}
    unclustered = []
    for competency in competencies:
        by_cluster.get(competency.cluster_id, unclustered).append(competency)
    groups = [
        {"cluster": cluster, "competencies": by_cluster[cluster.pk], "depth": cluster.depth} for cluster in clusters
    ]
    if unclustered:
        groups.append({"cluster": None, "competencies": unclustered})
    return groups


def matrix_profiles(top_profiles) -> list[Profile]:
    """The matrix's columns: each top-level profile followed by its hoofdtaken (prefetched as children),
    leaving out a parent that holds no competencies itself but whose hoofdtaken do (Divosa's "Werk")."""
    columns = []
    for profile in top_profiles:
        children = list(profile.children.all())
        if profile.profile_competencies.all() or not children:
            columns.append(profile)
        columns.extend(children)
    return columns


def matrix_build(clusters, competencies, profiles) -> dict:
    """Rows of competencies (grouped as on the framework page) × columns of profiles; a cell is the
    ProfileCompetency (with its required level) or None. Needs profile_competencies prefetched."""
    cells = {(pc.profile_id, pc.competency_id): pc for p in profiles for pc in p.profile_competencies.all()}
    return {
        "profiles": profiles,
        "groups": [
            {
                "cluster": group["cluster"],
                "rows": [
                    {"competency": c, "cells": [cells.get((p.pk, c.pk)) for p in profiles]}
                    for c in group["competencies"]
                ],
            }
            for group in competency_groups(clusters, competencies)
        ],
        "has_clusters": bool(clusters),
    }


def profile_matrix(*, user: AbstractBaseUser, pk: int) -> tuple[Framework, dict]:
    """A readable framework and its matrix. Queries: framework, clusters, competencies, top-level
    profiles, their hoofdtaken, and the profile competencies of each (with required level): 7."""
    pcs = Prefetch(
        "profile_competencies", queryset=ProfileCompetency.objects.select_related("required_level").order_by("order")
    )
    framework = get_object_or_404(
        Framework.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            "clusters",
            Prefetch("competencies", queryset=Competency.objects.order_by("order", "name", "pk")),
            Prefetch(
                "profiles",
                queryset=Profile.objects.filter(parent__isnull=True)
                .order_by("order", "pk")
                .prefetch_related(
                    pcs, Prefetch("children", queryset=Profile.objects.order_by("order", "pk").prefetch_related(pcs))
                ),
                to_attr="top_profiles",
            ),
        ),
        pk=pk,
    )
    matrix = matrix_build(
        list(framework.clusters.all()), list(framework.competencies.all()), matrix_profiles(framework.top_profiles)
    )
    return framework, matrix


def evaluation_setup_get(*, user: AbstractBaseUser, pk: int) -> Framework:
    """A framework with its rating scale(s) and question sets, for the "schaal en hulpvragen" page."""
    return get_object_or_404(
        Framework.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "rating_scales",
                queryset=RatingScale.objects.order_by("pk").prefetch_related(
                    Prefetch("points", queryset=ScalePoint.objects.order_by("value"))
                ),
            ),
            Prefetch(
                "question_sets",
                queryset=GuidingQuestionSet.objects.order_by("order", "pk").prefetch_related(
                    Prefetch(
                        "questions", queryset=GuidingQuestion.objects.select_related("profile").order_by("order", "pk")
                    )
                ),
            ),
        ),
        pk=pk,
    )


def scales_to_choose(*, framework: Framework):
    """Scales an author can copy into a framework: the libraries' scales and the organisation's own."""
    return (
        RatingScale.objects.readable_in(framework.organisation_id)
        .exclude(framework=framework)
        .filter(points__isnull=False)
        .distinct()
        .order_by("organisation_id", "name", "pk")
    )


def question_set_get(*, user: AbstractBaseUser, pk: int):
    return get_object_or_404(
        GuidingQuestionSet.objects.filter(framework__in=Framework.objects.visible_to(user))
        .select_related("framework__organisation")
        .prefetch_related("questions"),
        pk=pk,
    )


def question_get(*, user: AbstractBaseUser, pk: int):
    return get_object_or_404(
        GuidingQuestion.objects.filter(question_set__framework__in=Framework.objects.visible_to(user)).select_related(
            "question_set__framework__organisation"
        ),
        pk=pk,
    )
