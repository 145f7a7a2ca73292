"""A team with a cycle in progress for the 360° feedback and portfolio tests."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from competentie.organisations.models import Membership
from competentie.people.models import Employee, Team
from frameworks.models import Profile, RatingScale
from medewerkers.models import AssessmentCycle

from ..factories import make_user

TODAY = timezone.localdate()


@dataclass
class Team360:
    cycle: AssessmentCycle
    employee: Employee
    manager: object
    colleagues: list
    competencies: list


def build_team(org, hr, *, colleagues=4, employee_user=None, manager=None) -> Team360:
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    scale = RatingScale.objects.get(name="Beoordelingsschema Divosa (1–6)", organisation__isnull=True)
    team = Team.objects.create(organisation=org, name=f"Team Vergunningen {Team.objects.count() + 1}")
    manager = manager or make_user(
        f"chef{Team.objects.count()}", organisation=org, role=Membership.Role.MANAGEMENT, email="chef@aadorp.nl"
    )
    user = employee_user or make_user(
        f"mdw{Team.objects.count()}",
        organisation=org,
        role=Membership.Role.MEDEWERKER,
        first_name="Eva",
        last_name="Smit",
        email="eva@aadorp.nl",
    )
    employee = Employee.objects.create(
        organisation=org, user=user, name="Eva Smit", email="eva@aadorp.nl", profile=profile, manager=manager, team=team
    )
    people = [
        make_user(
            f"collega{Team.objects.count()}_{n}",
            organisation=org,
            role=Membership.Role.MEDEWERKER,
            email=f"c{n}@aadorp.nl",
        )
        for n in range(colleagues)
    ]
    cycle = AssessmentCycle.objects.create(
        organisation=org,
        team=team,
        name="Beoordelingscyclus 2026",
        period_start=TODAY - timedelta(days=300),
        period_end=TODAY + timedelta(days=60),
        self_deadline=TODAY + timedelta(days=10),
        manager_deadline=TODAY + timedelta(days=20),
        conversation_deadline=TODAY + timedelta(days=30),
        scale=scale,
        opened_by=hr,
    )
    competencies = list(profile.profile_competencies.order_by("order", "pk"))
    return Team360(cycle=cycle, employee=employee, manager=manager, colleagues=people, competencies=competencies)


@pytest.fixture
def team(seeded, org_a, users):
    return build_team(org_a, users["hr"])


@pytest.fixture
def mails(monkeypatch):
    """E-mails are queued once the transaction commits; the tests' transaction never does, so queue at once."""
    from django.core import mail

    from competentie.notifications import mail as notification_mail

    monkeypatch.setattr(
        notification_mail.transaction, "on_commit", lambda callback, robust=False, using=None: callback()
    )
    return mail.outbox
