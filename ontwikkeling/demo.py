"""The Rotterdam example as a demo programme for `make run` (development only; safe to run again).

What the guide gives is used word for word: the Tijdreis Rotterdam storyline, the three
half-years, the three levels of learning with their forms, the randvoorwaarden, the challenge and
need from the analysis, and the two competencies it names (verbindend, omgevingsbewust) with
their example behaviour. The guide does not name Rotterdam's other four competencies; the demo
takes four from the seeded PiCompany dictionary and says so. Themes per half-year, the
competencies per phase and the interventions' names are our illustration.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from competentie.organisations.models import Membership, Organisation
from frameworks.demo import DEMO_ORGANISATION, DEMO_PASSWORD
from frameworks.models import BehaviouralIndicator, Competency, Framework, ProficiencyLevel

from . import selectors, services
from .models import (
    Intervention,
    KolbStage,
    LearningLevel,
    LearningLine,
    MeasurementMoment,
    Moment,
    Phase,
    Programme,
    Subtheme,
)
from .questionnaire import levers_for

FRAMEWORK_NAME = "Competentieframework traineeship (demo naar gemeente Rotterdam)"
PROGRAMME_NAME = "Traineeship Tijdreis Rotterdam (demo)"
SOURCE = (
    "Gemeente Rotterdam / VNG, Een ontwikkelprogramma voor ambtenaren van de toekomst. "
    "Verbindend en omgevingsbewust met hun voorbeeldgedrag uit de handleiding; de handleiding noemt de "
    "andere vier van de zes competenties niet: die komen in deze demo uit het PiCompany-woordenboek "
    "(onze keuze)."
)
# The two competencies the guide names, with its example behaviour (a lost space in "toontin" repaired).
NAMED = [
    ("Verbindend", "iemand toont in gedrag en houding interesse voor wat anderen inbrengen"),
    (
        "Omgevingsbewust",
        "iemand stelt zich op de hoogte van recente ontwikkelingen die relevant zijn voor het eigen vakgebieden",
    ),
]
FROM_LIBRARY = ["Zelfontwikkeling", "Samenwerken", "Leervermogen", "Initiatief"]
LIBRARY = "PiCompany"
STORYLINE = (
    "Tijdreis Rotterdam: een ontwikkelreis van 1,5 jaar door het verleden, heden en de toekomst van jezelf, "
    "de gemeente en de stad Rotterdam."
)
CONDITIONS = [
    "Samenhang tussen interventies",
    "Een programma dat écht Rotterdams is",
]
CHALLENGE = "het ontbreken van een rode draad tussen programma-onderdelen"
NEED = "peer-to-peer learning, dus meer van en met elkaar leren"
SUBTHEME = "het zijn en blijven van je authentieke zelf"
# (phase, theme [ours], central competencies [ours])
PHASES = [
    ("Halfjaar 1", "Verleden", ["Verbindend", "Zelfontwikkeling"]),
    ("Halfjaar 2", "Heden", ["Omgevingsbewust", "Samenwerken"]),
    ("Halfjaar 3", "Toekomst", ["Leervermogen", "Initiatief"]),
]
# Learning lines: the guide's forms per level (from its overview picture).
LINES = [
    (LearningLevel.SELF, "coaching, buddy-gesprekken, intervisie"),
    (LearningLevel.OTHERS, "kennis sessies, ervaringsgerichte trainingen"),
    (
        LearningLevel.ORGANISATION,
        "groepsopdrachten en individuele opdrachten, inspiratie- en kennissessies en trainingen, "
        "door-en-voor deelnemersessies",
    ),
]
# (line index, phase index, name, kind, Kolb stage, competencies, learning goals) — our illustration.
INTERVENTIONS = [
    (
        0,
        0,
        "Buddy-gesprekken",
        "buddygesprek",
        KolbStage.REFLECTION,
        ["Zelfontwikkeling"],
        "Feedback vragen aan een collega-trainee",
    ),
    (0, 1, "Intervisie", "intervisie", KolbStage.REFLECTION, ["Samenwerken"], "Een eigen casus inbrengen en bevragen"),
    (0, 2, "Coaching", "coaching", KolbStage.REFLECTION, ["Initiatief"], "Een eigen ontwikkeldoel formuleren"),
    (
        1,
        0,
        "Ervaringsgerichte training",
        "training",
        KolbStage.CONCRETE_EXPERIENCE,
        ["Verbindend"],
        "Vooroordelen herkennen\nVanuit verbinding perspectieven verruimen",
    ),
    (
        1,
        1,
        "Kennissessie",
        "kennissessie",
        KolbStage.NEW_INSIGHTS,
        ["Omgevingsbewust"],
        "Recente ontwikkelingen in het eigen vakgebied kennen",
    ),
    (
        2,
        1,
        "Groepsopdracht in de stad",
        "groepsopdracht",
        KolbStage.EXPERIMENTING,
        ["Omgevingsbewust", "Samenwerken"],
        "Samen een vraag uit de stad oppakken",
    ),
    (
        2,
        2,
        "Inspiratiesessie",
        "inspiratiesessie",
        KolbStage.NEW_INSIGHTS,
        ["Leervermogen"],
        "Nieuwe ideeën vertalen naar het eigen werk",
    ),
]
PARTICIPANTS = ["deelnemer", "deelnemer2", "deelnemer3", "deelnemer4", "deelnemer5"]
COACH = "begeleider"


def _account(username: str, role: str, organisation: Organisation):
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": role})
    return user, created


def _framework(organisation: Organisation) -> Framework:
    existing = Framework.objects.filter(organisation=organisation, name=FRAMEWORK_NAME).first()
    if existing:
        return existing
    framework = Framework.objects.create(
        organisation=organisation,
        name=FRAMEWORK_NAME,
        description="Competenties van een traineeship voor ambtenaren van de toekomst.",
        source=SOURCE,
        status=Framework.Status.ADOPTED,
        published_at=timezone.now(),
    )
    for order, name in enumerate(["Beginner", "Gevorderd", "Expert"], start=1):
        ProficiencyLevel.objects.create(framework=framework, name=name, order=order)
    for order, (name, behaviour) in enumerate(NAMED, start=1):
        competency = Competency.objects.create(framework=framework, name=name, order=order)
        BehaviouralIndicator.objects.create(competency=competency, text=behaviour, order=1)
    library = Competency.objects.libraries().filter(framework__name__startswith=LIBRARY)
    for order, name in enumerate(FROM_LIBRARY, start=len(NAMED) + 1):
        source = library.filter(name=name).first()
        Competency.objects.create(
            framework=framework,
            name=name,
            definition=source.definition if source else "",
            derived_from=source,
            order=order,
        )
    return framework


def _design(programme: Programme) -> None:
    competencies = {c.name: c for c in Competency.objects.filter(framework=programme.framework_id)}
    programme.goal_why = "Een ontwikkelprogramma voor ambtenaren van de toekomst."
    programme.challenges = CHALLENGE
    programme.opportunities = NEED
    programme.storyline = STORYLINE
    programme.save()
    for order, text in enumerate(CONDITIONS, start=1):
        programme.conditions.create(text=text, order=order)
    Subtheme.objects.create(programme=programme, name=SUBTHEME, order=1)
    phases = []
    for order, (name, theme, central) in enumerate(PHASES, start=1):
        phase = Phase.objects.create(programme=programme, name=name, theme=theme, order=order)
        phase.competencies.set([competencies[c] for c in central])
        phases.append(phase)
    lines = [
        LearningLine.objects.create(programme=programme, level=level, name=name, order=order)
        for order, (level, name) in enumerate(LINES, start=1)
    ]
    for order, (line, phase, name, kind, stage, central, goals) in enumerate(INTERVENTIONS, start=1):
        intervention = Intervention.objects.create(
            programme=programme,
            line=lines[line],
            phase=phases[phase],
            name=name,
            kind=kind,
            kolb_stage=stage,
            trainer="Trainer (demo)",
            learning_goals=goals,
            order=order,
        )
        intervention.competencies.set([competencies[c] for c in central])


def _measure(programme: Programme, participants) -> None:
    """Five participants hand in the voormeting and the halfway questionnaire, growing a little."""
    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    interventions = list(programme.interventions.all())
    for number, participant in enumerate(participants):
        for step, moment in enumerate([Moment.BASELINE, Moment.HALFWAY]):
            services.measurement_submit(
                participant=participant,
                moment=moment,
                answers={lever.code: min(5, 2 + step + (number + i) % 2) for i, lever in enumerate(levers_for(moment))},
                goal_answers={i.pk: 3 + (number % 2) for i in interventions} if step else {},
                ratings={
                    c.pk: levels[min(len(levels) - 1, step + (number + i) % 2)].pk for i, c in enumerate(competencies)
                },
                competency_ids={c.pk for c in competencies},
                level_ids={level.pk for level in levels},
                intervention_ids={i.pk for i in interventions},
            )


@transaction.atomic
def demo_programme_create() -> tuple[Programme, list[tuple[str, str, bool]]]:
    """Create what is missing; an existing demo programme is left as it is."""
    organisation, _ = Organisation.objects.get_or_create(name=DEMO_ORGANISATION)
    hr = get_user_model().objects.filter(username="hr").first()
    accounts = []
    coach, created = _account(COACH, Membership.Role.BEGELEIDER, organisation)
    accounts.append((COACH, "Begeleider (coach) in het ontwikkelprogramma", created))
    people = []
    for username in PARTICIPANTS:
        user, created = _account(username, Membership.Role.DEELNEMER, organisation)
        people.append(user)
        accounts.append((username, "Deelnemer in het ontwikkelprogramma", created))
    programme = Programme.objects.filter(organisation=organisation, name=PROGRAMME_NAME).first()
    if programme is not None:
        return programme, accounts
    framework = _framework(organisation)
    programme = Programme.objects.create(
        organisation=organisation, framework=framework, name=PROGRAMME_NAME, created_by=hr
    )
    _design(programme)
    cohort = services.cohort_create(programme=programme, name="Lichting 2026")
    # The voormeting and halfway are behind (handed in below); the end is open now, for "Mijn werk".
    today = timezone.localdate()
    services.windows_save(
        cohort=cohort,
        windows={
            Moment.BASELINE: (today - timedelta(days=200), today - timedelta(days=186)),
            Moment.HALFWAY: (today - timedelta(days=100), today - timedelta(days=86)),
            Moment.END: (today - timedelta(days=2), today + timedelta(days=12)),
            MeasurementMoment.FOLLOW_UP: (today + timedelta(days=89), today + timedelta(days=180)),
        },
    )
    participants = [
        services.participant_invite(cohort=cohort, username=user.username, coach_username=coach.username)
        for user in people
    ]
    _measure(programme, participants)
    return programme, accounts
