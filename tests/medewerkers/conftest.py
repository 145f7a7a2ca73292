from datetime import date

import pytest

from competentie.organisations.models import Membership
from competentie.people.models import Employee, Team
from frameworks.models import Profile
from medewerkers import services

from ..factories import make_user


def divosa_profile() -> Profile:
    """A Divosa function profile with competencies (a seeded library: frozen, readable by all)."""
    return (
        Profile.objects.libraries()
        .filter(framework__name__icontains="Divosa", profile_competencies__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )


def build_team(organisation, *, size: int, manager=None, name: str = "Team Werk"):
    """A team of `size` employees with accounts, a Divosa profile and one manager."""
    team = Team.objects.create(organisation=organisation, name=name)
    manager = manager or make_user(
        f"manager_{name}_{organisation.pk}".replace(" ", "_"),
        organisation=organisation,
        role=Membership.Role.MEDEWERKER,
        email=f"manager{organisation.pk}@example.org",
    )
    profile = divosa_profile()
    employees = []
    for number in range(size):
        user = make_user(
            f"mw_{name}_{organisation.pk}_{number}".replace(" ", "_"),
            organisation=organisation,
            role=Membership.Role.MEDEWERKER,
        )
        employees.append(
            Employee.objects.create(
                organisation=organisation,
                user=user,
                name=f"Medewerker {number}",
                profile=profile,
                manager=manager,
                team=team,
            )
        )
    return team, manager, employees


def open_cycle(team, user=None):
    return services.cycle_open(
        user=user,
        team=team,
        name="Cyclus 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        self_deadline=date(2026, 11, 1),
        manager_deadline=date(2026, 11, 15),
        conversation_deadline=date(2026, 12, 1),
    )


def score_all(assessment, value=3):
    for pc in assessment.employee.profile.profile_competencies.all():
        services.score_save(assessment=assessment, profile_competency_id=pc.pk, value=value, evidence="Liet zien")


@pytest.fixture
def team(seeded, org_a, users):
    return build_team(org_a, size=3, manager=users["mt"])
