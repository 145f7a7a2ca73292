"""This app's parts of "Mijn werk" (named in the setting HOME_WORK; the home view imports no app):
the employee's own assessment and conversation, the manager's reports, and the team overviews.

A fixed number of queries, whatever the number of cycles or people.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from competentie.organisations.access import organisation_ids

from .models import Assessment


def my_assessments(*, user: AbstractBaseUser) -> list[Assessment]:
    """Open cycles: the user's own self-assessment, and the manager's assessments of their reports (1 query)."""
    return list(
        Assessment.objects.filter(
            cycle__organisation__in=organisation_ids(user),
            cycle__closed_at__isnull=True,
            employee__left_on__isnull=True,
        )
        .filter(
            Q(kind=Assessment.Kind.SELF, employee__user=user) | Q(kind=Assessment.Kind.MANAGER, employee__manager=user)
        )
        .select_related("cycle", "employee")
        .order_by("kind", "cycle__self_deadline", "employee__name", "pk")
    )


def home_work(*, user: AbstractBaseUser, roles: set[str], today: date) -> dict:
    """One query: the user's own assessments and their reports'; a manager's team overviews follow from
    the cycles of the latter (HR reaches every overview through the menu "Medewerkers")."""
    if not roles:
        return {}
    assessments = my_assessments(user=user)
    reports = [a for a in assessments if a.kind == Assessment.Kind.MANAGER]
    overviews = {}
    for assessment in sorted(reports, key=lambda a: (-a.cycle.period_start.toordinal(), -a.cycle_id)):
        overviews.setdefault(
            assessment.cycle.team_id, (assessment.cycle.team_id, assessment.cycle.name, assessment.cycle_id)
        )
    return {
        "medewerkers_own": [a for a in assessments if a.kind == Assessment.Kind.SELF],
        "medewerkers_reports": reports,
        "medewerkers_overviews": sorted(overviews.values(), key=lambda t: t[1]),
    }
