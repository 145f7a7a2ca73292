"""One read of a whole framework for the exports: a fixed number of queries at any size."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from ..models import (
    BehaviouralIndicator,
    Competency,
    DilemmaPosition,
    Framework,
    Profile,
    ProfileCompetency,
)


def framework_for_export(*, user: AbstractBaseUser, pk: int, frozen_only: bool = False) -> Framework:
    """A readable framework (library, or of one of the user's organisations) with everything in it.

    Queries: framework, levels, clusters, role levels, dilemmas, competencies (with cluster and
    origin), their indicators, profiles, tasks, expertise areas, dilemma positions, profile
    competencies, their indicators: 13, whatever the size. Another organisation's framework is a 404;
    with `frozen_only` (the public CASE endpoints) so is a version that is not published.
    """
    readable = Framework.objects.visible_to(user)
    if frozen_only:
        readable = readable.frozen()
    indicators = BehaviouralIndicator.objects.order_by("order", "pk")
    queryset = readable.select_related("organisation").prefetch_related(
        "levels",
        "clusters",
        "role_levels",
        "dilemmas",
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
