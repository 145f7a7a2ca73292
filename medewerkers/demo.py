"""The demo team for `make run` (through DEMO_BUILDERS): a manager and six employees on Divosa function
profiles, a cycle in progress, one agreed conversation and a POP. Safe to run twice. Names are invented."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from competentie.organisations.models import Membership
from competentie.people.models import Employee, LearningApproach, Team
from frameworks.demo import DEMO_PASSWORD
from frameworks.models import Profile

from . import services
from .models import Conversation

TEAM = "Team Werk en Inkomen"
MANAGER = ("leidinggevende", "Lotte", "Verhoeven")
EMPLOYEES = [
    ("medewerker", "Mila", "de Wit"),
    ("medewerker2", "Daan", "Smit"),
    ("medewerker3", "Noor", "Bakker"),
    ("medewerker4", "Yusuf", "Kaya"),
    ("medewerker5", "Eva", "Mulder"),
    ("medewerker6", "Tim", "Peeters"),
]


def _account(organisation, username, first, last):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@voorbeeldstad.example"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Membership.Role.MEDEWERKER}
    )
    return user


def demo_build(*, organisation, people: dict) -> str:
    if Team.objects.filter(organisation=organisation, name=TEAM).exists():
        return "Het medewerkersteam bestond al."
    profiles = list(
        Profile.objects.libraries()
        .filter(framework__name__icontains="Divosa", parent__isnull=True, profile_competencies__isnull=False)
        .distinct()
        .order_by("order", "pk")[:2]
    )
    if not profiles:
        return "Geen Divosa-profielen: medewerkersteam overgeslagen."
    team = Team.objects.create(organisation=organisation, name=TEAM)
    manager = _account(organisation, *MANAGER)
    employees = []
    for number, (username, first, last) in enumerate(EMPLOYEES):
        user = _account(organisation, username, first, last)
        employees.append(
            Employee.objects.create(
                organisation=organisation,
                user=user,
                name=f"{first} {last}",
                email=user.email,
                profile=profiles[number % len(profiles)],
                manager=manager,
                team=team,
            )
        )
    today = timezone.localdate()
    hr = people["hr"][0] if "hr" in people else None
    cycle = services.cycle_open(
        user=hr,
        team=team,
        name=f"Beoordelingscyclus {today.year}",
        period_start=today.replace(month=1, day=1),
        period_end=today.replace(month=12, day=31),
        self_deadline=today + timedelta(days=14),
        manager_deadline=today + timedelta(days=28),
        conversation_deadline=today + timedelta(days=42),
    )
    first = employees[0]
    competencies = list(first.profile.profile_competencies.order_by("order", "pk"))
    for employee, kinds in ((first, ("self", "manager")), (employees[1], ("self",)), (employees[2], ("self",))):
        for kind in kinds:
            assessment = cycle.assessments.get(employee=employee, kind=kind)
            for index, pc in enumerate(employee.profile.profile_competencies.order_by("order", "pk")):
                value = 3 + (index % 3) if kind == "self" else 2 + (index % 4)
                services.score_save(
                    assessment=assessment,
                    profile_competency_id=pc.pk,
                    value=value,
                    evidence="Voorbeeld uit het werk (demo).",
                )
            services.assessment_hand_in(assessment=assessment, user=employee.user if kind == "self" else manager)
    conversation = Conversation.objects.get(cycle=cycle, employee=first)
    services.conversation_record(
        conversation=conversation,
        user=manager,
        agreed={pc.pk: (2 + (index % 4), "") for index, pc in enumerate(competencies)},
        summary="Besproken op het functioneringsgesprek (demo).",
    )
    services.conversation_respond(conversation=conversation, user=first.user, response="akkoord", comment="Eens.")
    services.goal_save(
        employee=first,
        competency_id=competencies[0].competency_id,
        goal="Vaker zelf het gesprek met de klant voeren (demo).",
        learning_approach=LearningApproach.COACHING,
        deadline=today + timedelta(days=120),
    )
    return (
        f"Medewerkers: {TEAM} met leidinggevende {MANAGER[1]} {MANAGER[2]} ({MANAGER[0]}) en zes medewerkers "
        f"(medewerker … medewerker6), cyclus {cycle.name} loopt; het gesprek van {first.name} is afgesproken."
    )
