"""Generated data for a realistic large municipality: the medewerkers part (issue 26).

Called by `manage.py generate_municipality` after the other parts, inside its transaction (so their
random draws stay as they were). Two teams, each with an assessment cycle in which every self and
manager assessment is handed in and most conversations are agreed:

- *Team Vergunningen*: TEAM_SIZE employees (50 at scale 1.0, never fewer than 5) on one function
  profile with 12 competencies of a generated framework: the team overview of 50 × 12 the
  benchmark measures;
- *Team Toezicht*: employees on the five seeded VTH role profiles: the team overview per role.

Rows are written with bulk_create; the cycle is opened through services.cycle_open (one self and one
manager assessment and a conversation per employee), the rest follows services.score_save,
assessment_hand_in, conversation_record and conversation_respond.
"""

import random

from django.urls import reverse
from django.utils import timezone

from bench.generate.frameworks import GeneratedFrameworks, _indicator, generate_users
from competentie.organisations.models import Membership
from competentie.people.models import Employee, Team
from frameworks.models import BehaviouralIndicator, Framework, ProficiencyLevel, Profile, ProfileCompetency
from medewerkers import services
from medewerkers.models import Assessment, AssessmentScore, Conversation, ConversationItem

TEAM_SIZE = 50  # at scale 1.0
COMPETENCIES = 12
VTH_TEAM_SIZE = 25  # at scale 1.0, over the five VTH role profiles
MINIMUM = 5
AGREED_SHARE = 0.8  # conversations recorded by the manager; half of those answered (and frozen)
VTH_NAME = "VTH competentieprofielen"

FIRST_NAMES = ["Anna", "Bram", "Chantal", "Daan", "Esra", "Femke", "Gijs", "Hanna", "Ismail", "Joyce", "Koen"]
LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Yilmaz"]
EVIDENCE = [
    "Legde het besluit helder uit aan de aanvrager.",
    "Stemde vroeg af met de ketenpartner over de planning.",
    "Vroeg door tot de kern van de vraag duidelijk was.",
    "Bewaakte de termijnen in een lastig dossier.",
    "Gaf een collega opbouwende feedback na het overleg.",
]
SUMMARIES = [
    "Goed jaar; de komende periode ligt de nadruk op de competenties onder het vereiste niveau.",
    "Besproken aan de hand van voorbeelden uit de dossiers; afspraken staan in het ontwikkelplan.",
]


def _twelve_competency_profile(base: GeneratedFrameworks, rng: random.Random) -> Profile:
    """One more function profile in the last generated framework (the benchmark's framework page
    shows the first), with 12 of its competencies, each with three indicators as anchors."""
    framework = base.frameworks[-1]
    profile = Profile.objects.create(
        framework=framework,
        name="Medewerker vergunningen",
        code="MW",
        description="Gegenereerd functieprofiel met twaalf competenties.",
        order=1000,
    )
    levels = list(ProficiencyLevel.objects.filter(framework=framework).order_by("order"))
    competencies = rng.sample(list(framework.competencies.order_by("order")), COMPETENCIES)
    pcs = ProfileCompetency.objects.bulk_create(
        [
            ProfileCompetency(profile=profile, competency=competency, required_level=rng.choice(levels), order=order)
            for order, competency in enumerate(competencies, start=1)
        ]
    )
    BehaviouralIndicator.objects.bulk_create(
        [
            BehaviouralIndicator(profile_competency=pc, text=_indicator(rng), order=order)
            for pc in pcs
            for order in range(1, 4)
        ]
    )
    return profile


def _team(base, rng, *, name, profiles, size, manager, users) -> Team:
    team = Team.objects.create(organisation=base.organisation, name=name)
    Employee.objects.bulk_create(
        [
            Employee(
                organisation=base.organisation,
                user=user,
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} ({user.username})",
                profile=profiles[number % len(profiles)],
                manager=manager,
                team=team,
            )
            for number, user in enumerate(users[:size])
        ]
    )
    return team


def _fill(cycle, rng, *, manager) -> tuple[int, int]:
    """Every assessment scored and handed in; AGREED_SHARE of the conversations recorded, half answered."""
    now = timezone.now()
    values = sorted(cycle.scale.points.values_list("value", flat=True))
    low, high = values[0], values[-1]
    assessments = list(Assessment.objects.filter(cycle=cycle).select_related("employee"))
    pcs: dict[int, list[int]] = {}
    for profile_id, pc_id in ProfileCompetency.objects.filter(
        profile__in={a.employee.profile_id for a in assessments}
    ).values_list("profile_id", "pk"):
        pcs.setdefault(profile_id, []).append(pc_id)
    level = {}  # (employee, competency) -> the employee's real level, near which everyone scores
    scores = []
    for assessment in assessments:
        for pc_id in pcs[assessment.employee.profile_id]:
            real = level.setdefault((assessment.employee_id, pc_id), rng.choice([2, 3, 3, 4, 4, 4, 5]))
            scores.append(
                AssessmentScore(
                    assessment=assessment,
                    profile_competency_id=pc_id,
                    value=max(low, min(high, real + rng.choice([-1, 0, 0, 1]))),
                    evidence=rng.choice(EVIDENCE),
                )
            )
    AssessmentScore.objects.bulk_create(scores, batch_size=2000)
    Assessment.objects.filter(cycle=cycle).update(submitted_at=now)
    conversations = list(Conversation.objects.filter(cycle=cycle).select_related("employee").order_by("pk"))
    recorded = [c for c in conversations if rng.random() < AGREED_SHARE]
    items = [
        ConversationItem(conversation=c, profile_competency_id=pc_id, agreed_value=level[(c.employee_id, pc_id)])
        for c in recorded
        for pc_id in pcs[c.employee.profile_id]
    ]
    ConversationItem.objects.bulk_create(items, batch_size=2000)
    for number, conversation in enumerate(recorded):
        conversation.manager_summary = rng.choice(SUMMARIES)
        conversation.recorded_by, conversation.recorded_at = manager, now
        conversation.revision += 1
        if number % 2 == 0:
            conversation.employee_response = Conversation.Response.AGREED
            conversation.employee_comment = "Herken ik."
            conversation.responded_at = conversation.frozen_at = now
            conversation.revision += 1
    Conversation.objects.bulk_update(
        recorded,
        [
            "manager_summary",
            "recorded_by",
            "recorded_at",
            "revision",
            "employee_response",
            "employee_comment",
            "responded_at",
            "frozen_at",
        ],
        batch_size=500,
    )
    return len(scores), len(recorded)


def generate(*, base: GeneratedFrameworks, rng: random.Random, scale: float) -> tuple[str, dict]:
    size = max(MINIMUM, round(TEAM_SIZE * scale))
    vth_size = max(MINIMUM, round(VTH_TEAM_SIZE * scale))
    hr = base.users["hr"][0]
    [manager] = generate_users(
        organisation=base.organisation,
        prefix=f"{base.user_prefix}leidinggevende",
        role=Membership.Role.MEDEWERKER,
        count=1,
    )
    people = generate_users(
        organisation=base.organisation,
        prefix=f"{base.user_prefix}medewerker",
        role=Membership.Role.MEDEWERKER,
        count=size + vth_size,
    )
    vth_roles = list(
        Profile.objects.filter(framework__in=Framework.objects.libraries().filter(name=VTH_NAME), parent__isnull=True)
        .filter(profile_competencies__isnull=False)
        .distinct()
        .order_by("order", "pk")
    )
    teams = [
        _team(
            base,
            rng,
            name="Team Vergunningen",
            profiles=[_twelve_competency_profile(base, rng)],
            size=size,
            manager=manager,
            users=people,
        ),
        _team(base, rng, name="Team Toezicht", profiles=vth_roles, size=vth_size, manager=manager, users=people[size:]),
    ]
    today = timezone.localdate()
    cycles, scores, agreed = [], 0, 0
    for team in teams:
        cycle = services.cycle_open(
            user=hr,
            team=team,
            name=f"Beoordelingscyclus {today.year}",
            period_start=today.replace(month=1, day=1),
            period_end=today.replace(month=12, day=31),
            self_deadline=today,
            manager_deadline=today,
            conversation_deadline=today,
        )
        written, recorded = _fill(cycle, rng, manager=manager)
        cycles.append(cycle)
        scores += written
        agreed += recorded
    summary = (
        f"{size + vth_size} medewerkers in 2 teams ({size} op een profiel met {COMPETENCIES} competenties, "
        f"{vth_size} op {len(vth_roles)} VTH-rollen), {scores} scores, {agreed} afgesproken gesprekken"
    )
    return summary, {"medewerkers": _manifest(cycles, hr=hr.username, manager=manager.username)}


def _manifest(cycles, *, hr: str, manager: str) -> dict:
    """URLs for the benchmark: the 50 × 12 team overview (HR sees all of it, as does the team's manager)
    and the team overview per role."""
    team_overview = reverse("medewerkers:team-overview", args=[cycles[0].pk])
    return {
        "team": [{"username": hr, "url": team_overview}, {"username": manager, "url": team_overview}],
        "roles": [
            {"username": hr, "url": reverse("medewerkers:role-overview")},
            {"username": manager, "url": reverse("medewerkers:role-overview")},
        ],
    }
