"""Generated data for a realistic large municipality: the frameworks part.

Used by `manage.py generate_municipality` (benchmarks and query-count checks at scale).
Everything is drawn from a seeded random generator, so the same seed gives the same data.
"""

import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from competentie.organisations.models import Membership, Organisation
from frameworks.models import (
    BehaviouralIndicator,
    Cluster,
    Competency,
    Framework,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
)

VERBS = [
    "Vraagt",
    "Formuleert",
    "Signaleert",
    "Bespreekt",
    "Legt",
    "Maakt",
    "Stemt",
    "Zoekt",
    "Geeft",
    "Toetst",
    "Plant",
    "Bewaakt",
    "Betrekt",
    "Onderbouwt",
    "Vat",
]
OBJECTS = [
    "afspraken met de klant",
    "de voortgang van het traject",
    "risico's in het dossier",
    "de belangen van ketenpartners",
    "feedback aan collega's",
    "een advies aan het bestuur",
    "prioriteiten in de planning",
    "informatie uit meerdere bronnen",
    "de kern van de vraag",
    "verbeterpunten in het proces",
]
COMPETENCY_WORDS = [
    "Klantgerichtheid",
    "Samenwerken",
    "Oordeelsvorming",
    "Probleemanalyse",
    "Verbinden",
    "Omgevingsbewustzijn",
    "Integriteit",
    "Initiatief",
    "Plannen en organiseren",
    "Luisteren",
    "Overtuigingskracht",
    "Resultaatgerichtheid",
    "Flexibiliteit",
    "Leervermogen",
    "Netwerken",
]
BENCH_PASSWORD = "meting-wachtwoord"
ROLES = [
    "Casemanager",
    "Vergunningverlener",
    "Toezichthouder",
    "Jurist",
    "Beleidsadviseur",
    "Klantmanager",
    "Consulent",
    "Teamleider",
    "Projectleider",
    "Inkoper",
]


@dataclass
class GeneratedFrameworks:
    organisation: Organisation
    frameworks: list[Framework]
    profiles: list[Profile]
    users: dict[str, list]
    user_prefix: str = ""


def _indicator(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def generate_users(*, organisation: Organisation, prefix: str, role: str, count: int) -> list:
    User = get_user_model()
    password = make_password(BENCH_PASSWORD)  # hashed once: hashing per user would take minutes
    users = User.objects.bulk_create(
        [User(username=f"{prefix}{number:03d}", password=password) for number in range(1, count + 1)]
    )
    users = list(User.objects.filter(username__in=[user.username for user in users]).order_by("username"))
    Membership.objects.bulk_create([Membership(user=user, organisation=organisation, role=role) for user in users])
    return users


def generate_frameworks(
    *,
    rng: random.Random,
    organisation_name: str = "Gemeente Grootstad",
    frameworks: int = 20,
    competencies_per_framework: int = 150,
    profiles_per_framework: int = 20,
    competencies_per_profile: int = 8,
    selecteurs: int = 60,
    hr: int = 5,
    management: int = 8,
    user_prefix: str = "",
) -> GeneratedFrameworks:
    organisation = Organisation.objects.create(name=organisation_name)
    users = {
        "hr": generate_users(organisation=organisation, prefix=f"{user_prefix}hr", role=Membership.Role.HR, count=hr),
        "selecteur": generate_users(
            organisation=organisation,
            prefix=f"{user_prefix}selecteur",
            role=Membership.Role.SELECTEUR,
            count=selecteurs,
        ),
        "mt": generate_users(
            organisation=organisation, prefix=f"{user_prefix}mt", role=Membership.Role.MANAGEMENT, count=management
        ),
    }
    now = timezone.now()
    created_frameworks = Framework.objects.bulk_create(
        [
            Framework(
                organisation=organisation,
                name=f"Competentieframework {number:02d}",
                description="Gegenereerd",
                status=Framework.Status.ADOPTED,
                version=1,
                published_at=now,
            )
            for number in range(1, frameworks + 1)
        ]
    )
    levels, clusters, competencies = {}, {}, []
    for framework in created_frameworks:
        levels[framework.pk] = ProficiencyLevel.objects.bulk_create(
            [
                ProficiencyLevel(framework=framework, name=name, order=order)
                for order, name in enumerate(["beginner", "gevorderd", "expert"], start=1)
            ]
        )
        clusters[framework.pk] = Cluster.objects.bulk_create(
            [Cluster(framework=framework, name=f"Cluster {number}", order=number) for number in range(1, 7)]
        )
        competencies += [
            Competency(
                framework=framework,
                cluster=rng.choice(clusters[framework.pk]),
                name=f"{rng.choice(COMPETENCY_WORDS)} {number}",
                definition=f"Definitie van competentie {number}.",
                order=number,
            )
            for number in range(1, competencies_per_framework + 1)
        ]
    competencies = Competency.objects.bulk_create(competencies, batch_size=1000)
    BehaviouralIndicator.objects.bulk_create(
        [
            BehaviouralIndicator(competency=competency, level=level, text=_indicator(rng), order=order)
            for competency in competencies
            for order, level in enumerate(levels[competency.framework_id], start=1)
        ],
        batch_size=2000,
    )

    by_framework = {}
    for competency in competencies:
        by_framework.setdefault(competency.framework_id, []).append(competency)
    profiles = Profile.objects.bulk_create(
        [
            Profile(
                framework=framework,
                name=f"{rng.choice(ROLES)} {number}",
                code=str(number),
                description="Gegenereerd profiel.",
                order=number,
            )
            for framework in created_frameworks
            for number in range(1, profiles_per_framework + 1)
        ],
        batch_size=1000,
    )
    profile_competencies = ProfileCompetency.objects.bulk_create(
        [
            ProfileCompetency(
                profile=profile,
                competency=competency,
                required_level=rng.choice(levels[profile.framework_id]),
                order=order,
            )
            for profile in profiles
            for order, competency in enumerate(rng.sample(by_framework[profile.framework_id], competencies_per_profile))
        ],
        batch_size=2000,
    )
    BehaviouralIndicator.objects.bulk_create(
        [
            BehaviouralIndicator(profile_competency=pc, text=_indicator(rng), order=order)
            for pc in profile_competencies
            for order in range(1, 4)
        ],
        batch_size=2000,
    )
    return GeneratedFrameworks(
        organisation=organisation,
        frameworks=created_frameworks,
        profiles=profiles,
        users=users,
        user_prefix=user_prefix,
    )
