"""One read of a whole framework for the exports: a fixed number of queries at any size."""

import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from ..models import (
    Association,
    BehaviouralIndicator,
    CaseImportJob,
    Cluster,
    Competency,
    DilemmaPosition,
    Framework,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
)

ITEM_TABLES = [
    (ProficiencyLevel, "framework_id"),
    (Cluster, "framework_id"),
    (Competency, "framework_id"),
    (BehaviouralIndicator, "competency__framework_id"),
]


def framework_for_export(
    *, user: AbstractBaseUser, pk: int, frozen_only: bool = False, shared: bool = False
) -> Framework:
    """A readable framework (library, or of one of the user's organisations) with everything in it.

    Queries: framework, levels, clusters, role levels, dilemmas, competencies (with cluster and
    origin), their indicators, profiles, tasks, expertise areas, dilemma positions, profile
    competencies, their indicators, stored associations: 14, whatever the size. Another organisation's framework is a 404;
    with `frozen_only` (the public CASE endpoints) so is a version that is not published. With
    `shared` the published versions another organisation shares for subscription are readable too.
    """
    readable = Framework.objects.visible_to(user)
    if shared:
        readable = readable | Framework.objects.open_to_all()
    if frozen_only:
        readable = readable.frozen()
    indicators = BehaviouralIndicator.objects.order_by("order", "pk")
    queryset = readable.select_related("organisation", "based_on", "first_version").prefetch_related(
        "levels",
        "clusters",
        "role_levels",
        "dilemmas",
        "associations",
        Prefetch(
            "competencies",
            queryset=Competency.objects.select_related("derived_from__framework")
            .prefetch_related(Prefetch("indicators", queryset=indicators))
            .order_by("order", "name", "pk"),
        ),
        Prefetch(
            "profiles",
            queryset=Profile.objects.order_by("order", "pk").prefetch_related(
                "tasks",
                "expertise_areas",
                Prefetch("dilemma_positions", queryset=DilemmaPosition.objects.order_by("dilemma__order", "pk")),
                Prefetch(
                    "profile_competencies",
                    queryset=ProfileCompetency.objects.order_by("order", "pk").prefetch_related(
                        Prefetch("indicators", queryset=indicators)
                    ),
                ),
            ),
        ),
    )
    return get_object_or_404(queryset, pk=pk)


def framework_pk_for_identifier(identifier: str) -> int | None:
    """The framework a CASE identifier belongs to (document, item or association), or None.

    At most one query per table asked: document, then the item tables, then associations
    (stored ones, or a tree association through the origin its identifier is derived from).
    """
    from .case import TREE_ASSOCIATIONS, association_origin

    try:
        wanted = uuid.UUID(str(identifier))
    except ValueError:
        return None
    pk = Framework.objects.filter(uuid=wanted).values_list("pk", flat=True).first()
    if pk is not None:
        return pk
    for model, path in ITEM_TABLES:
        pk = model.objects.filter(uuid=wanted).values_list(path, flat=True).first()
        if pk is not None:
            return pk
    pk = Association.objects.filter(uuid=wanted).values_list("framework_id", flat=True).first()
    if pk is not None:
        return pk
    for kind in TREE_ASSOCIATIONS:
        origin = uuid.UUID(association_origin(kind, str(wanted)))
        for model, path in ITEM_TABLES:
            pk = model.objects.filter(uuid=origin).values_list(path, flat=True).first()
            if pk is not None:
                return pk
    return None


def case_import_job_for(*, user: AbstractBaseUser, job_id) -> CaseImportJob:
    """A queued CASE import: only its own uploader's, while they still import for its organisation."""
    from .access import import_organisation_ids

    return get_object_or_404(
        CaseImportJob.objects.select_related("organisation", "framework"),
        uuid=job_id,
        user=user,
        organisation_id__in=import_organisation_ids(user),
    )
