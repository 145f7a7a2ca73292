"""Small builders for test data; plain functions keep what a test needs in sight."""

from itertools import count

from django.contrib.auth import get_user_model

from competentie.organisations.models import Membership, Organisation
from frameworks.models import (
    BehaviouralIndicator,
    Cluster,
    Competency,
    ExpertiseArea,
    Framework,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
    ProfileTask,
)

_sequence = count(1)


def make_user(
    username: str | None = None, *, organisation: Organisation | None = None, role: str | None = None, **extra
):
    username = username or f"user{next(_sequence)}"
    user = get_user_model().objects.create_user(username=username, password="wachtwoord-123", **extra)
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation, role=role or Membership.Role.HR)
    return user


def make_framework(
    organisation: Organisation | None,
    *,
    name: str | None = None,
    competencies: int = 3,
    profiles: int = 1,
    indicators: int = 2,
    **fields,
) -> Framework:
    """A framework with a cluster, levels, competencies with indicators, and profiles with a hoofdtaak."""
    framework = Framework.objects.create(
        organisation=organisation, name=name or f"Framework {next(_sequence)}", **fields
    )
    cluster = Cluster.objects.create(framework=framework, name="Cluster", order=1)
    levels = [
        ProficiencyLevel.objects.create(framework=framework, name=name, order=order)
        for order, name in enumerate(["beginner", "gevorderd", "expert"], start=1)
    ]
    created = []
    for number in range(competencies):
        competency = Competency.objects.create(
            framework=framework,
            cluster=cluster if number % 2 else None,
            name=f"Competentie {number}",
            definition=f"Definitie {number}",
            order=number,
        )
        for indicator in range(indicators):
            BehaviouralIndicator.objects.create(
                competency=competency, level=levels[indicator % 3], text=f"Toont gedrag {indicator}", order=indicator
            )
        created.append(competency)
    for number in range(profiles):
        profile = Profile.objects.create(framework=framework, name=f"Profiel {number}", code=str(number))
        ExpertiseArea.objects.create(profile=profile, name="Vergunningverlening")
        child = Profile.objects.create(
            framework=framework, parent=profile, name=f"Hoofdtaak {number}", characteristic="contact met klant"
        )
        ProfileTask.objects.create(profile=child, text="Voeren van klantgesprekken.")
        for target in (profile, child):
            for order, competency in enumerate(created):
                pc = ProfileCompetency.objects.create(
                    profile=target, competency=competency, required_level=levels[1], order=order
                )
                BehaviouralIndicator.objects.create(profile_competency=pc, text="Vraagt door.", order=1)
    return framework
