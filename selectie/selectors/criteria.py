"""Reads for the criteria page and the dossier: versions with their snapshots and history."""

from competentie import audit

from ..models import CriteriaVersion, SelectionProcedure

CRITERIA_ACTIONS = ("criteria.frozen", "criteria.versioned", "criteria.changed")


def criteria_versions(*, procedure: SelectionProcedure) -> list[CriteriaVersion]:
    """Every version, oldest first, with who opened it and how many scores it holds (1 query)."""
    from django.db.models import Count

    return list(
        CriteriaVersion.objects.filter(procedure=procedure)
        .select_related("created_by")
        .annotate(score_count=Count("scores"))
        .order_by("number")
    )


def criteria_history(*, procedure: SelectionProcedure) -> list:
    """Freezes, new versions and changes under them, oldest first (1 query)."""
    return list(reversed(audit.history_for(procedure, actions=CRITERIA_ACTIONS)))


def criteria_version_latest(*, procedure: SelectionProcedure) -> CriteriaVersion | None:
    return CriteriaVersion.objects.filter(procedure=procedure).order_by("-number").first()
