"""Generated data for a realistic large municipality: the self-evaluation part.

Called by `manage.py generate_municipality` after bench.generate.frameworks, inside its transaction.
The organisation evaluates the seeded VTH framework and some of its own published frameworks,
every two years, so each framework has a chain of rounds (2017–2018, 2019–2020, …) linked
through previous_round. The older rounds are finished; the newest of each chain is in progress.
Everything is drawn from the given random generator, so the same seed gives the same data.
Rows are written with bulk_create; what a round stores (profile snapshots, carried-forward
actions) follows services.round_create and services.actions_carry_forward.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from django.urls import reverse
from django.utils import timezone

from bench.generate.frameworks import GeneratedFrameworks, generate_users
from competentie.organisations.models import Membership, Organisation
from frameworks.models import Framework, GuidingQuestionSet, RatingScale, ScalePoint
from zelfevaluatie.lineage import lineage_root_id
from zelfevaluatie.models import (
    Action,
    Answer,
    EvaluationRound,
    Participant,
    PeerReview,
    PeerReviewNote,
    ProfileConclusion,
    Rating,
    RoundProfile,
)
from zelfevaluatie.services import framework_round_profiles, profile_snapshot

ROUNDS = 40  # at scale 1.0
ROUNDS_PER_FRAMEWORK = 5  # 2017–2018 up to the current period
FIRST_YEAR = 2017
VTH_NAME = "VTH competentieprofielen"
MANIFEST_ENTRIES = 10

CONTACTS = [
    "Anna de Vries",
    "Mohamed El Amrani",
    "Sanne Jansen",
    "Pieter Bakker",
    "Fatma Yilmaz",
    "Joost Visser",
    "Linda Smit",
    "Ricardo Martins",
]
FUNCTIONS = ["teamleider VTH", "afdelingshoofd", "HR-adviseur", "kwaliteitscoördinator", "manager bedrijfsvoering"]
OWNERS = [
    "Teamleider",
    "HR-adviseur",
    "Afdelingshoofd",
    "Opleidingscoördinator",
    "Kwaliteitsmedewerker",
    "Managementteam",
]
JUSTIFICATIONS = [
    "De meeste collega's werken volgens het profiel; bij complexe dossiers vragen we nog vaak om hulp.",
    "We hebben hier het afgelopen jaar veel in geïnvesteerd en dat is terug te zien in de dossiers.",
    "Nieuwe medewerkers hebben nog begeleiding nodig; de ervaren kern voldoet ruim.",
    "Uit de werkoverleggen blijkt dat we dit onderdeel verschillend uitleggen.",
    "De opleidingen zijn afgerond, maar de toepassing in de praktijk verschilt per team.",
    "Door personeelsverloop is kennis weggevallen; we werken aan inwerkprogramma's.",
    "Collega's laten dit gedrag zien, maar we leggen het nog niet aantoonbaar vast.",
    "Sterk punt van het team: we stemmen vroeg af met ketenpartners.",
]
AGREEMENTS = [
    "Na bespreking kwamen we uit op het midden van de individuele scores.",
    "De uitschieters zijn besproken; het team herkent zich in deze score.",
    "We hebben de voorbeelden uit de dossiers naast het profiel gelegd en zijn het eens geworden.",
    "Het team was verdeeld; we kozen de voorzichtige score en pakken de verschillen op in het actieplan.",
]
NOTES = [
    "Ongeveer {n} medewerkers vervullen deze rol, verdeeld over twee teams.",
    "We zijn gestart met een gezamenlijke leerlijn en intervisie per kwartaal.",
    "Aantoonbaarheid via opleidingsregister en werkoverleg; nog niet volledig.",
    "Ondersteuning door coaching on the job en een jaarlijks opleidingsbudget.",
    "Uitdaging: de werkdruk laat weinig ruimte voor ontwikkeling.",
    "Trots op de samenwerking met de ketenpartners.",
    "Ambitie: over twee jaar voldoet het hele team aantoonbaar aan het profiel.",
    "Aanpakken: vastleggen van kennis en een betere inwerkperiode.",
]
ACTIONS = [
    ("Leerlijn opzetten voor {profile}", "Alle medewerkers hebben de leerlijn gevolgd en geëvalueerd."),
    ("Intervisie per kwartaal organiseren", "Vier intervisiebijeenkomsten per jaar, opkomst boven 80%."),
    ("Opleidingsregister bijwerken", "Voor iedere medewerker staat de opleidingsstatus in het register."),
    ("Inwerkprogramma voor nieuwe collega's", "Nieuwe collega's doorlopen het programma in drie maanden."),
    ("Kennissessies met ketenpartners", "Twee kennissessies per jaar met een verslag op intranet."),
    ("Werkinstructies herzien voor {profile}", "De herziene werkinstructies zijn vastgesteld door het MT."),
    ("Coaching on the job invoeren", "Iedere medewerker heeft een vaste coach en twee gesprekken per jaar."),
]
FINISHED_ACTION_STATUSES = [Action.Status.DONE] * 6 + [
    Action.Status.DROPPED,
    Action.Status.OPEN,
    Action.Status.IN_PROGRESS,
    Action.Status.IN_PROGRESS,
]
NEW_ACTION_STATUSES = [Action.Status.OPEN] * 3 + [Action.Status.IN_PROGRESS]


@dataclass
class Chain:
    """The rounds of one framework, oldest first."""

    framework: Framework
    scale: RatingScale
    values: list[int]
    profiles: list  # (profile, snapshot, fingerprint)
    length: int
    lineage_id: int = 0
    rounds: list[EvaluationRound] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)  # of the newest round so far
    levels: dict[int, int] = field(default_factory=dict)  # profile pk -> the team's real level


def _copy_scale(source: RatingScale, *, organisation: Organisation, frameworks: list[Framework]) -> dict:
    """One organisation-owned copy of the VTH 1–5 scale per framework that has none."""
    points = list(source.points.order_by("value"))
    scales = RatingScale.objects.bulk_create(
        [
            RatingScale(
                organisation=organisation, framework=framework, name=source.name, description=source.description
            )
            for framework in frameworks
        ]
    )
    ScalePoint.objects.bulk_create(
        [
            ScalePoint(
                scale=scale,
                value=point.value,
                label=point.label,
                label_en=point.label_en,
                description=point.description,
            )
            for scale in scales
            for point in points
        ]
    )
    return {scale.framework_id: scale for scale in scales}


def _chains(*, base: GeneratedFrameworks, total: int) -> list[Chain]:
    vth = Framework.objects.libraries().get(name=VTH_NAME)
    count = min(math.ceil(total / ROUNDS_PER_FRAMEWORK), 1 + len(base.frameworks))
    frameworks = [vth, *base.frameworks[: count - 1]]
    vth_scale = RatingScale.objects.of_framework(vth).first()
    scales = {vth.pk: vth_scale, **_copy_scale(vth_scale, organisation=base.organisation, frameworks=frameworks[1:])}
    values = sorted(vth_scale.points.values_list("value", flat=True))
    lengths = [total // count + (1 if number < total % count else 0) for number in range(count)]
    chains = []
    for framework, length in zip(frameworks, lengths):
        # The content of a frozen framework never changes: one snapshot per profile serves all its rounds.
        profiles = [(profile, *profile_snapshot(profile)) for profile in framework_round_profiles(framework)]
        chains.append(
            Chain(
                framework=framework,
                scale=scales[framework.pk],
                values=values,
                profiles=profiles,
                length=length,
                lineage_id=lineage_root_id(framework),
            )
        )
    return chains


def _peer_reviewers(organisation: Organisation, user_prefix: str) -> tuple[Organisation, list]:
    """A neighbouring organisation whose colleagues review some rounds (collegiale toetsing)."""
    peer = Organisation.objects.create(name=f"Omgevingsdienst regio {organisation.name.removeprefix('Gemeente ')}")
    return peer, generate_users(
        organisation=peer, prefix=f"{user_prefix}toetser", role=Membership.Role.MANAGEMENT, count=3
    )


def _moment(year: int, rng: random.Random, now: datetime) -> datetime:
    started = timezone.make_aware(datetime.combine(date(year, rng.randint(1, 3), rng.randint(1, 28)), time(9)))
    return min(started, now - timedelta(days=30))


def generate(*, base: GeneratedFrameworks, rng: random.Random, scale: float) -> tuple[str, dict]:
    now = timezone.now()
    # At least two: the small set's newest round then has a previous one, as every large-set round page
    # the bench opens does, so both sizes measure the same page (the comparison with the previous round).
    total = max(2, round(ROUNDS * scale))
    chains = _chains(base=base, total=total)
    longest = max(chain.length for chain in chains)
    current_start = now.year - (now.year - FIRST_YEAR) % 2  # the biennial period we are in now
    mt, people = base.users["mt"], base.users["mt"] + base.users["selecteur"]
    peer, reviewers = _peer_reviewers(base.organisation, base.user_prefix)
    questions = {
        purpose: list(
            GuidingQuestionSet.objects.filter(framework__in=[c.framework for c in chains], purpose=purpose)
            .values_list("framework_id", "questions__pk")
            .order_by("questions__order", "questions__pk")
        )
        for purpose in (
            GuidingQuestionSet.Purpose.SELF_EVALUATION,
            GuidingQuestionSet.Purpose.PEER_REVIEW,
            GuidingQuestionSet.Purpose.CONCLUSIONS,
        )
    }

    def questions_of(purpose, framework):
        return [pk for framework_id, pk in questions[purpose] if framework_id == framework.pk and pk]

    round_profiles, ratings, answers, conclusions, reviews, notes = [], [], [], [], [], []
    moments = {}
    # Period by period, so rounds are created in the order they happened (the overview sorts on that).
    for level in range(longest):
        start_year = current_start - 2 * (longest - 1 - level)
        for chain in chains:
            index = level - (longest - chain.length)
            if index < 0:
                continue
            newest = index == chain.length - 1
            previous = chain.rounds[-1] if chain.rounds else None
            starter = rng.choice(mt)
            evaluation = EvaluationRound.objects.create(
                organisation=base.organisation,
                framework=chain.framework,
                framework_version=chain.framework.version,
                scale=chain.scale,
                period=f"{start_year}–{start_year + 1}",
                contact_name=rng.choice(CONTACTS),
                contact_function=rng.choice(FUNCTIONS),
                previous_round=previous,
                created_by=starter,
                chair=starter,
                lineage_id=chain.lineage_id,
                status=EvaluationRound.Status.IN_PROGRESS if newest else EvaluationRound.Status.FINISHED,
            )
            chain.rounds.append(evaluation)
            started = _moment(start_year + 1, rng, now)
            finished = None if newest else min(started + timedelta(days=rng.randint(45, 120)), now)
            moments[evaluation.pk] = (started, finished)
            round_profiles += [
                RoundProfile(round=evaluation, profile=profile, order=order, snapshot=snapshot, fingerprint=fingerprint)
                for order, (profile, snapshot, fingerprint) in enumerate(chain.profiles, start=1)
            ]
            invited = {starter.pk: starter}
            for person in rng.sample(people, min(len(people), rng.randint(5, 8))):
                invited.setdefault(person.pk, person)
            participants = Participant.objects.bulk_create(
                [Participant(round=evaluation, user=person) for person in list(invited.values())[:8]]
            )
            _score(chain, evaluation, participants, rng, newest, ratings, conclusions, recorder=starter)
            answers += _answers(
                chain,
                evaluation,
                participants,
                rng,
                newest,
                recorder=starter,
                self_questions=questions_of(GuidingQuestionSet.Purpose.SELF_EVALUATION, chain.framework),
                conclusion_questions=questions_of(GuidingQuestionSet.Purpose.CONCLUSIONS, chain.framework),
            )
            _actions(chain, evaluation, rng, newest)
            if rng.random() < 0.35 or (not reviews and level == longest - 1):
                review = PeerReview(
                    round=evaluation, reviewer=rng.choice(reviewers), organisation=peer, invited_by=starter
                )
                reviews.append(review)
                notes += [
                    PeerReviewNote(peer_review=review, question_id=question, text=rng.choice(NOTES).format(n=12))
                    for question in questions_of(GuidingQuestionSet.Purpose.PEER_REVIEW, chain.framework)
                    if rng.random() < 0.8
                ]

    RoundProfile.objects.bulk_create(round_profiles, batch_size=1000)
    Rating.objects.bulk_create(ratings, batch_size=2000)
    Answer.objects.bulk_create(answers, batch_size=2000)
    ProfileConclusion.objects.bulk_create(conclusions, batch_size=2000)
    PeerReview.objects.bulk_create(reviews)
    PeerReviewNote.objects.bulk_create(notes, batch_size=2000)
    rounds = [evaluation for chain in chains for evaluation in chain.rounds]
    for evaluation in rounds:
        evaluation.created_at, evaluation.finished_at = moments[evaluation.pk]
    EvaluationRound.objects.bulk_update(rounds, ["created_at", "finished_at"], batch_size=500)

    summary = (
        f"{len(rounds)} zelfevaluatierondes over {len(chains)} frameworks, {len(ratings)} scores, "
        f"{len(answers)} antwoorden, {len(conclusions)} afgesproken scores, "
        f"{Action.objects.filter(round__in=rounds).count()} acties, {len(reviews)} collegiale toetsingen"
    )
    return summary, {"zelfevaluatie": _manifest(rounds, mt)}


def _score(chain, round, participants, rng, newest, ratings, conclusions, *, recorder) -> None:
    """Each participant scores every profile near the team's real level, which grows over the rounds."""
    low, high = chain.values[0], chain.values[-1]
    # The newest round is still in progress: the team has agreed on half of the profiles so far.
    agreed = chain.profiles if not newest else chain.profiles[: max(1, len(chain.profiles) // 2)]
    agreed_pks = {profile.pk for profile, _snapshot, _fingerprint in agreed}
    for profile, _snapshot, _fingerprint in chain.profiles:
        level = chain.levels.get(profile.pk)
        level = rng.choice([2, 2, 3, 3, 4]) if level is None else min(high, level + rng.choice([0, 0, 1]))
        chain.levels[profile.pk] = level
        scores = []
        for participant in participants:
            score = max(low, min(high, level + rng.choice([-1, 0, 0, 0, 1])))
            scores.append(score)
            ratings.append(
                # Generated judgements are handed in, so the team view shows them (blindness.py).
                Rating(
                    participant=participant,
                    profile=profile,
                    score=score,
                    justification=rng.choice(JUSTIFICATIONS),
                    submitted_at=timezone.now(),
                )
            )
        if profile.pk in agreed_pks:
            conclusions.append(
                ProfileConclusion(
                    round=round,
                    profile=profile,
                    agreed_score=max(low, min(high, math.floor(median(scores)))),
                    justification=rng.choice(AGREEMENTS),
                    recorded_by=recorder,
                )
            )


def _answers(chain, round, participants, rng, newest, *, recorder, self_questions, conclusion_questions) -> list:
    """Notes on the step-1 hulpvragen by some participants for some profiles, and the team's step-3 answers."""
    answers = []
    for participant in participants:
        if not self_questions or rng.random() >= 0.6:
            continue
        for profile, _snapshot, _fingerprint in chain.profiles:
            if rng.random() < 0.7:
                answers += [
                    Answer(
                        round=round,
                        question_id=question,
                        participant=participant,
                        profile=profile,
                        text=rng.choice(NOTES).format(n=rng.randint(4, 40)),
                        updated_by=participant.user,
                    )
                    for question in sorted(rng.sample(self_questions, rng.randint(2, len(self_questions))))
                ]
    # A finished round answered every conclusion question; the one in progress is halfway.
    answered = conclusion_questions if not newest else conclusion_questions[: len(conclusion_questions) // 2]
    answers += [
        Answer(
            round=round, question_id=question, text=rng.choice(NOTES).format(n=rng.randint(4, 40)), updated_by=recorder
        )
        for question in answered
    ]
    return answers


def _actions(chain, round, rng, newest) -> None:
    """3–6 actions: the open ones of the previous round carried forward, topped up with new ones."""
    by_name = {profile.name: profile for profile, _snapshot, _fingerprint in chain.profiles}
    carried = [
        Action(
            round=round,
            profile=by_name.get(action.profile.name) if action.profile else None,
            what=action.what,
            measure=action.measure,
            owner=action.owner,
            deadline=action.deadline,
            status=action.status if newest else rng.choice(FINISHED_ACTION_STATUSES),
            carried_from=action,
        )
        for action in chain.actions
        if action.status in Action.OPEN_STATUSES
    ]
    end_year = int(round.period[-4:])
    new = []
    for _number in range(max(0, rng.randint(3, 6) - len(carried))):
        profile = rng.choice([None, *(item[0] for item in chain.profiles)])
        what, measure = rng.choice(ACTIONS)
        new.append(
            Action(
                round=round,
                profile=profile,
                what=what.format(profile=profile.name if profile else "alle rollen"),
                measure=measure,
                owner=rng.choice(OWNERS),
                deadline=date(end_year + rng.randint(1, 2), rng.choice([3, 6, 9, 12]), 28),
                status=rng.choice(NEW_ACTION_STATUSES if newest else FINISHED_ACTION_STATUSES),
            )
        )
    chain.actions = Action.objects.bulk_create(carried + new)


def _manifest(rounds: list[EvaluationRound], mt: list) -> dict:
    """URLs for the load test, each with a management-team member of the organisation (who may read every round)."""
    newest_first = sorted(rounds, key=lambda item: (item.period, item.pk), reverse=True)
    finished = [item for item in newest_first if item.is_finished] or newest_first

    def entries(url_name, items):
        count = max(5, min(MANIFEST_ENTRIES, len(items)))
        return [
            {
                "username": mt[number % len(mt)].username,
                "url": reverse(f"zelfevaluatie:{url_name}", args=[items[number % len(items)].pk]),
            }
            for number in range(count)
        ]

    return {
        "overview": [
            {"username": mt[number % len(mt)].username, "url": reverse("zelfevaluatie:round-list")}
            for number in range(max(5, len(mt)))
        ],
        "round": entries("round-detail", newest_first),
        "team": entries("team", newest_first),
        "round_pdf": entries("round-pdf", finished),
    }
