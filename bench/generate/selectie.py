"""Generated data for a realistic large municipality: the selectie part.

Called by `manage.py generate_municipality` after bench.generate.frameworks (benchmarks and query-count
checks at scale). At scale 1.0: 150 procedures on the organisation's published profiles, 2–3
exercises each, 10,000 candidates, panels of 2–3 of the 60 selecteurs per candidate and about
400,000 scores, with submissions, consensus and decisions where the procedure's status implies
them. Everything is drawn from the seeded generator (same seed, same data) and written with
bulk_create in large batches: never one save() per row.
"""

import random
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from competentie import audit
from frameworks.models import BehaviouralIndicator, ProfileCompetency, RatingScale, ScalePoint
from selectie import services
from selectie.models import (
    MAX_RETENTION,
    Assignment,
    Candidate,
    CandidatePersonalData,
    ConsensusScore,
    Decision,
    Exercise,
    Score,
    SelectionProcedure,
    Submission,
)

PROCEDURES = 150
CANDIDATES = 10_000
BATCH = 5000  # rows per INSERT; at most 8 columns, so well below PostgreSQL's 65,535 parameters
MANIFEST_PER_SELECTEUR = 6
MANIFEST_CALIBRATION = 20
MANIFEST_PDF = 20

Status = SelectionProcedure.Status
Kind = Exercise.Kind
STATUS_WEIGHTS = {
    Status.PREPARATION: 0.06,
    Status.OPEN: 0.14,
    Status.SCORING: 0.35,
    Status.CALIBRATION: 0.25,
    Status.CLOSED: 0.20,
}
#: With only a few procedures these statuses come first: scoring and calibration are what gets measured.
STATUS_PRIORITY = [Status.SCORING, Status.CALIBRATION, Status.OPEN, Status.CLOSED, Status.PREPARATION]
SCORING_OPEN = {Status.OPEN, Status.SCORING}

# How far a selecteur got with a candidate.
NONE, PARTIAL, COMPLETE, SUBMITTED = "none", "partial", "complete", "submitted"
PROGRESS = {  # per status: probabilities of NONE, PARTIAL, COMPLETE, SUBMITTED
    Status.PREPARATION: (1.0, 0.0, 0.0, 0.0),
    Status.OPEN: (0.30, 0.45, 0.15, 0.10),
    Status.SCORING: (0.05, 0.15, 0.10, 0.70),
    Status.CALIBRATION: (0.0, 0.02, 0.03, 0.95),
    Status.CLOSED: (0.0, 0.0, 0.0, 1.0),
}

FIRST_NAMES = [
    "Anouk",
    "Daan",
    "Sanne",
    "Lars",
    "Fleur",
    "Bram",
    "Noor",
    "Thijs",
    "Lotte",
    "Ruben",
    "Eva",
    "Jesse",
    "Iris",
    "Sem",
    "Femke",
    "Milan",
    "Yara",
    "Mohammed",
    "Fatima",
    "Sven",
    "Esra",
    "Kevin",
    "Marloes",
    "Joost",
    "Ilse",
    "Wouter",
    "Priya",
    "Hanneke",
    "Youssef",
    "Marieke",
]
LAST_NAMES = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "Yılmaz",
    "El Amrani",
    "Hoekstra",
    "Koster",
    "van der Meer",
    "Postma",
    "Kaya",
    "Verbeek",
]
NOTES = [
    "Interne kandidaat.",
    "Via het netwerk van de afdeling.",
    "Herplaatsingskandidaat: voorrang bij gelijke geschiktheid.",
    "Beschikbaar vanaf de eerste van de maand.",
    "Wil graag 32 uur werken.",
]
TEAMS = [
    "Vergunningen",
    "Toezicht en handhaving",
    "Werk en inkomen",
    "Jeugd",
    "Wmo",
    "Publiekszaken",
    "Financiën",
    "Ruimtelijke ontwikkeling",
    "Inkoop",
    "Informatievoorziening",
]
EXERCISES = {
    Kind.INTERVIEW: (
        "Selectiegesprek",
        "Vraag bij elke competentie naar een concreet voorbeeld (STAR).",
        "In het gesprek",
    ),
    Kind.CASE: (
        "Casus: dossier met een bezwaar",
        "De kandidaat heeft 45 minuten voor het dossier en licht het advies daarna toe.",
        "In de casus",
    ),
    Kind.ROLE_PLAY: (
        "Rollenspel: gesprek met een boze inwoner",
        "Een acteur speelt een inwoner die het niet eens is met een besluit.",
        "In het rollenspel",
    ),
    Kind.PRESENTATION: (
        "Presentatie: de eerste honderd dagen",
        "Tien minuten presenteren, daarna vijf minuten vragen.",
        "Bij de presentatie",
    ),
    Kind.GROUP: (
        "Groepsopdracht: prioriteiten stellen",
        "Vier kandidaten kiezen samen drie projecten uit een lijst van acht.",
        "In de groepsopdracht",
    ),
    Kind.CV: ("Cv en motivatiebrief", "Beoordeel wat brief en cv laten zien, niet de opmaak.", "In de brief"),
}
EVIDENCE = [  # by how well it went: low, middle, high
    [
        "gaat snel over op een oplossing zonder door te vragen.",
        "mist de belangrijkste risico's.",
        "legt de beslissing niet uit aan de ander.",
        "laat de ander nauwelijks uitpraten.",
        "blijft algemeen en noemt geen voorbeelden.",
    ],
    [
        "stelt goede vragen, maar vat niet samen.",
        "ziet de hoofdpunten; details blijven liggen.",
        "maakt afspraken, al blijven ze wat vaag.",
        "reageert passend, maar neemt zelf weinig initiatief.",
        "noemt een voorbeeld, maar niet wat het opleverde.",
    ],
    [
        "vraagt actief door en vat de kern helder samen.",
        "komt met een concreet en haalbaar voorstel.",
        "betrekt de belangen van alle partijen en benoemt ze.",
        "blijft rustig en vriendelijk, ook onder druk.",
        "onderbouwt keuzes met feiten uit het dossier.",
    ],
]
REVISION_REASONS = [
    "In de kalibratie bleek dat ik het gedrag in de casus over het hoofd had gezien.",
    "Bij nader inzien past de score beter bij de omschrijving op de schaal.",
    "Na bespreking met de andere selecteurs bijgesteld.",
]


@dataclass
class _Plan:
    """One procedure while it is being generated."""

    procedure: SelectionProcedure
    competencies: list[int]  # in profile order
    points: list[int]
    exercises: list[Exercise] = field(default_factory=list)
    observed: list[list[int]] = field(default_factory=list)  # competency ids per exercise
    pool: list = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    abilities: list[list[float]] = field(default_factory=list)  # per candidate, per competency
    panels: list[list[tuple]] = field(default_factory=list)  # per candidate: [(selecteur, [exercise index])]
    states: dict = field(default_factory=dict)  # (candidate index, selecteur pk) -> progress


def _scaled(number: int, scale: float) -> int:
    return max(1, round(number * scale))


def _split(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Split total in whole parts by weight (largest remainder), each part at least minimum."""
    raw = [total * weight / sum(weights) for weight in weights]
    counts = [max(minimum, int(part)) for part in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (int(raw[i]) - raw[i], i))
    step = 0
    while sum(counts) < total:
        counts[by_remainder[step % len(raw)]] += 1
        step += 1
    while sum(counts) > total:
        largest = max(range(len(counts)), key=lambda i: (counts[i], -i))
        counts[largest] -= 1
    return counts


def _statuses(count: int, rng: random.Random) -> list[str]:
    statuses = list(STATUS_WEIGHTS)
    counts = dict(zip(statuses, _split(count, list(STATUS_WEIGHTS.values())), strict=True))
    required = STATUS_PRIORITY[: min(count, len(statuses))]
    for status in required:
        if counts[status] == 0:  # take one from the largest status that can spare it
            donor = max(statuses, key=lambda s: (counts[s] - (s in required), -statuses.index(s)))
            counts[donor] -= 1
            counts[status] = 1
    result = [status for status in statuses for _n in range(counts[status])]
    rng.shuffle(result)
    return result


def _email(first: str, last: str) -> str:
    ascii_last = unicodedata.normalize("NFKD", last.replace("ı", "i")).encode("ascii", "ignore").decode()
    return f"{first.lower()}.{ascii_last.lower().replace(' ', '')}@example.org"


def _point(points: list[int], latent: float) -> int:
    """A latent score on a 1–5 basis, as the nearest point of the procedure's scale."""
    index = round((latent - 1) / 4 * (len(points) - 1))
    return points[min(len(points) - 1, max(0, index))]


def _band(points: list[int], value: int) -> int:
    fraction = (value - points[0]) / max(1, points[-1] - points[0])
    return 0 if fraction < 0.4 else 1 if fraction < 0.7 else 2


# --- Procedures, exercises and candidates -------------------------------------------------------


def _procedures(*, base, rng, count, today) -> list[_Plan]:
    organisation = base.organisation
    default_scale = services.selection_scale_default(organisation=organisation)
    public_scales = list(
        RatingScale.objects.libraries()
        .filter(points__isnull=False)
        .exclude(pk=default_scale.pk)
        .distinct()
        .order_by("name", "pk")
    )
    points: dict[int, list[int]] = {}
    for scale_id, value in (
        ScalePoint.objects.filter(scale__in=[default_scale, *public_scales])
        .order_by("scale_id", "value")
        .values_list("scale_id", "value")
    ):
        points.setdefault(scale_id, []).append(value)
    profiles = [profile for profile in base.profiles if profile.framework.is_frozen]
    chosen = rng.sample(profiles, min(count, len(profiles)))
    chosen += [rng.choice(profiles) for _n in range(count - len(chosen))]
    competencies: dict[int, list[int]] = {}
    for profile_id, competency_id in (
        ProfileCompetency.objects.filter(profile__in=chosen)
        .order_by("profile_id", "order", "pk")
        .values_list("profile_id", "competency_id")
    ):
        competencies.setdefault(profile_id, []).append(competency_id)

    plans = []
    for number, (profile, status) in enumerate(zip(chosen, _statuses(count, rng), strict=True), start=1):
        scale = rng.choice(public_scales) if public_scales and rng.random() < 0.15 else default_scale
        offset = {
            Status.PREPARATION: rng.randint(14, 60),
            Status.OPEN: rng.randint(0, 21),
            Status.SCORING: -rng.randint(0, 7),
            Status.CALIBRATION: -rng.randint(1, 14),
            Status.CLOSED: -rng.randint(20, 160),
        }[status]
        selection_date = today + timedelta(days=offset)
        procedure = SelectionProcedure(
            organisation=organisation,
            profile=profile,
            scale=scale,
            status=status,
            name=f"{profile.name}: vacature {selection_date.year}-{number:03d}",
            description=f"Vacature voor {rng.choice([24, 32, 36])} uur per week bij team {rng.choice(TEAMS)}.",
            selection_date=selection_date,
            preselection_date=selection_date - timedelta(days=rng.randint(7, 21)),
            closed_on=selection_date + timedelta(days=rng.randint(7, 20)) if status == Status.CLOSED else None,
            retention_weeks=rng.choice([4, 4, 4, 8, 12]),
            created_by=rng.choice(base.users["hr"]),
        )
        plans.append(_Plan(procedure=procedure, competencies=competencies.get(profile.pk, []), points=points[scale.pk]))
    SelectionProcedure.objects.bulk_create([plan.procedure for plan in plans], batch_size=BATCH)
    return plans


def _exercises(plans: list[_Plan], rng: random.Random) -> int:
    through = []
    for plan in plans:
        kinds = [Kind.INTERVIEW] + rng.sample(
            [Kind.CASE, Kind.ROLE_PLAY, Kind.PRESENTATION, Kind.GROUP], 2 if rng.random() < 0.75 else 1
        )
        if rng.random() < 0.2:
            kinds[-1] = Kind.CV
            kinds.insert(0, kinds.pop())
        competencies = plan.competencies
        for order, kind in enumerate(kinds, start=1):
            name, instructions, _opener = EXERCISES[kind]
            phase = Exercise.Phase.PRESELECTION if kind == Kind.CV else Exercise.Phase.SELECTION_DAY
            plan.exercises.append(
                Exercise(
                    procedure=plan.procedure, name=name, kind=kind, phase=phase, instructions=instructions, order=order
                )
            )
            wanted = rng.randint(3, 5) if kind == Kind.CV else rng.randint(6, 8)
            picked = set(rng.sample(competencies, min(wanted, len(competencies))))
            plan.observed.append(picked)
        for competency in competencies:  # every competency of the profile is observed somewhere
            if not any(competency in observed for observed in plan.observed):
                rng.choice(plan.observed).add(competency)
        plan.observed = [[c for c in competencies if c in observed] for observed in plan.observed]
    exercises = Exercise.objects.bulk_create([e for plan in plans for e in plan.exercises], batch_size=BATCH)
    for plan in plans:
        for exercise, observed in zip(plan.exercises, plan.observed, strict=True):
            through += [Exercise.competencies.through(exercise_id=exercise.pk, competency_id=c) for c in observed]
    Exercise.competencies.through.objects.bulk_create(through, batch_size=BATCH * 2)
    return len(exercises)


def _candidates(plans: list[_Plan], rng: random.Random, *, total: int, today, now, hr) -> tuple[int, int]:
    sizes = _split(total, [rng.uniform(0.4, 1.6) for _plan in plans], minimum=1)
    candidates, personal, logs = [], [], []
    for plan, size in zip(plans, sizes, strict=True):
        procedure = plan.procedure
        for number in range(1, size + 1):
            candidate = Candidate(procedure=procedure, number=number, code=f"K-{number:03d}")
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            data = CandidatePersonalData(
                candidate=candidate,
                name=f"{first} {last}",
                email=_email(first, last),
                notes=rng.choice(NOTES) if rng.random() < 0.15 else "",
            )
            end = procedure.retention_end()
            if procedure.closed_on and rng.random() < 0.12:
                data.consent_until = procedure.closed_on + timedelta(weeks=rng.randint(20, 52))
                data.consent_note = rng.choice(
                    ["E-mail van de kandidaat.", "Mondeling bij de terugkoppeling, daarna per e-mail bevestigd."]
                )
                data.consent_recorded_at, data.consent_recorded_by = now, rng.choice(hr)
                if data.consent_until > end:
                    end = min(data.consent_until, procedure.closed_on + MAX_RETENTION)
            if end is not None and end < today:  # the daily purge already removed the personal data
                candidate.purged_at = now
                logs.append(candidate)
            else:
                personal.append(data)
            plan.candidates.append(candidate)
            ability = rng.gauss(3.1, 0.6)
            plan.abilities.append([ability + rng.gauss(0, 0.45) for _c in plan.competencies])
            candidates.append(candidate)
    Candidate.objects.bulk_create(candidates, batch_size=BATCH)
    CandidatePersonalData.objects.bulk_create(personal, batch_size=BATCH)
    audit.record_many(
        audit.event(
            None,
            candidate,
            "candidate.purged",
            within=candidate.procedure,
            at=now,
            code=candidate.code,
            via="purge_candidates",
        )
        for candidate in logs
    )
    return len(candidates), len(logs)


# --- Panels and progress ------------------------------------------------------------------------


def _panels(plans: list[_Plan], selecteurs: list, rng: random.Random) -> None:
    for plan in plans:
        plan.pool = rng.sample(selecteurs, min(rng.randint(4, 8), len(selecteurs)))
    # Every selecteur sits on the pool of at least one procedure that can still be scored.
    scorable = [plan for plan in plans if plan.procedure.status in SCORING_OPEN]
    for selecteur in selecteurs:
        if scorable and not any(selecteur in plan.pool for plan in scorable):
            rng.choice(scorable).pool.append(selecteur)
    for plan in plans:
        exercises = range(len(plan.exercises))
        for _candidate in plan.candidates:
            panel = rng.sample(plan.pool, min(3 if rng.random() < 0.75 else 2, len(plan.pool)))
            tasks = {selecteur.pk: [] for selecteur in panel}
            for exercise in exercises:
                watchers = panel if len(panel) < 3 or rng.random() < 0.7 else rng.sample(panel, 2)
                for selecteur in watchers:
                    tasks[selecteur.pk].append(exercise)
            for selecteur in panel:  # one or more exercises each
                if not tasks[selecteur.pk]:
                    tasks[selecteur.pk].append(rng.choice(exercises))
            plan.panels.append([(selecteur, sorted(tasks[selecteur.pk])) for selecteur in panel])
    # The pool fix above may not have put everyone on a panel: swap them in for a busy colleague.
    slots: dict[int, list] = {selecteur.pk: [] for selecteur in selecteurs}
    for plan in scorable:
        for index, panel in enumerate(plan.panels):
            for position, (selecteur, _tasks) in enumerate(panel):
                slots[selecteur.pk].append((plan, index, position))
    for selecteur in selecteurs:
        if slots[selecteur.pk] or not scorable:
            continue
        busiest = max(selecteurs, key=lambda s: (len(slots[s.pk]), s.username))
        if len(slots[busiest.pk]) < 2:
            continue
        plan, index, position = slots[busiest.pk].pop(rng.randrange(len(slots[busiest.pk])))
        plan.panels[index][position] = (selecteur, plan.panels[index][position][1])
        slots[selecteur.pk].append((plan, index, position))


def _progress(plans: list[_Plan], selecteurs: list, rng: random.Random) -> None:
    states = [NONE, PARTIAL, COMPLETE, SUBMITTED]
    for plan in plans:
        weights = PROGRESS[plan.procedure.status]
        for index, panel in enumerate(plan.panels):
            for selecteur, _tasks in panel:
                plan.states[index, selecteur.pk] = rng.choices(states, weights)[0]
    # Load tests save scores: every selecteur keeps enough unsubmitted work in a scorable procedure.
    work = {selecteur.pk: (Counter(), []) for selecteur in selecteurs}  # open assignments, handed-in panels
    for plan in plans:
        if plan.procedure.status not in SCORING_OPEN:
            continue
        for index, panel in enumerate(plan.panels):
            for member, tasks in panel:
                if plan.states[index, member.pk] == SUBMITTED:
                    work[member.pk][1].append((plan, index, len(tasks)))
                else:
                    work[member.pk][0]["open"] += len(tasks)
    for selecteur in selecteurs:
        open_work, handed_in = work[selecteur.pk][0]["open"], work[selecteur.pk][1]
        rng.shuffle(handed_in)
        while open_work < MANIFEST_PER_SELECTEUR and handed_in:
            plan, index, tasks = handed_in.pop()
            plan.states[index, selecteur.pk] = PARTIAL
            open_work += tasks


# --- Scores -------------------------------------------------------------------------------------


class _Writer:
    """Buffers scores and writes them (with observed indicators and revisions) per batch."""

    def __init__(self):
        self.scores, self.extras, self.through, self.changes = [], [], [], []
        self.counts = {"scores": 0, "observed": 0, "changes": 0}

    def add(self, score: Score, indicators: list[int], change: dict | None) -> None:
        self.scores.append(score)
        self.extras.append((indicators, change))
        if len(self.scores) >= BATCH:
            self.flush()

    def flush(self, final: bool = False) -> None:
        Through = Score.observed_indicators.through
        if self.scores:
            Score.objects.bulk_create(self.scores, batch_size=BATCH)
            for score, (indicators, change) in zip(self.scores, self.extras, strict=True):
                self.through += [Through(score_id=score.pk, behaviouralindicator_id=pk) for pk in indicators]
                if change is not None:
                    actor, within = change.pop("actor"), change.pop("within")
                    self.changes.append(audit.event(actor, score, "score.revised", within=within, **change))
            self.counts["scores"] += len(self.scores)
            self.scores, self.extras = [], []
        if self.through and (final or len(self.through) >= BATCH * 2):
            Through.objects.bulk_create(self.through, batch_size=BATCH * 2)
            self.counts["observed"] += len(self.through)
            self.through = []
        if self.changes and (final or len(self.changes) >= BATCH):
            audit.record_many(self.changes, batch_size=BATCH)
            self.counts["changes"] += len(self.changes)
            self.changes = []


def _indicators(plans: list[_Plan]) -> dict[tuple[int, int], list[int]]:
    """(profile, competency) -> the indicator ids a selecteur may tick: generic and profile-specific."""
    competency_ids = {c for plan in plans for c in plan.competencies}
    profile_ids = {plan.procedure.profile_id for plan in plans}
    generic: dict[int, list[int]] = {}
    for competency_id, pk in (
        BehaviouralIndicator.objects.filter(competency_id__in=competency_ids)
        .order_by("competency_id", "order", "pk")
        .values_list("competency_id", "pk")
    ):
        generic.setdefault(competency_id, []).append(pk)
    allowed = {(plan.procedure.profile_id, c): list(generic.get(c, [])) for plan in plans for c in plan.competencies}
    for profile_id, competency_id, pk in (
        BehaviouralIndicator.objects.filter(profile_competency__profile_id__in=profile_ids)
        .order_by("profile_competency__profile_id", "profile_competency__competency_id", "order", "pk")
        .values_list("profile_competency__profile_id", "profile_competency__competency_id", "pk")
    ):
        if (profile_id, competency_id) in allowed:
            allowed[profile_id, competency_id].append(pk)
    return allowed


def _scores(plans, selecteurs, rng, *, hr, allowed) -> tuple[dict, dict, list]:
    """Assignments and scores; returns counts, values per (candidate, competency), open assignments."""
    assignments = []
    for plan in plans:
        for index, panel in enumerate(plan.panels):
            for selecteur, tasks in panel:
                assignments += [
                    Assignment(
                        procedure=plan.procedure,
                        selecteur=selecteur,
                        candidate=plan.candidates[index],
                        exercise=plan.exercises[task],
                    )
                    for task in tasks
                ]
    Assignment.objects.bulk_create(assignments, batch_size=BATCH)
    bias = {selecteur.pk: rng.gauss(0, 0.3) for selecteur in selecteurs}
    writer, submissions, values, open_assignments = _Writer(), [], {}, []
    remaining = iter(assignments)
    for plan in plans:
        status, points = plan.procedure.status, plan.points
        position = {c: i for i, c in enumerate(plan.competencies)}
        for index, panel in enumerate(plan.panels):
            candidate = plan.candidates[index]
            for selecteur, tasks in panel:
                state = plan.states[index, selecteur.pk]
                for task in tasks:
                    assignment = next(remaining)
                    if status in SCORING_OPEN and state != SUBMITTED and plan.observed[task]:
                        open_assignments.append((plan, assignment, plan.observed[task]))
                    if state == NONE:
                        continue
                    opener = EXERCISES[plan.exercises[task].kind][2]
                    for competency in plan.observed[task]:
                        if state == PARTIAL and rng.random() < 0.4:
                            continue
                        value = _point(
                            points,
                            plan.abilities[index][position[competency]] + bias[selecteur.pk] + rng.gauss(0, 0.55),
                        )
                        if state == PARTIAL and rng.random() < 0.2:
                            value = None
                        ticks = allowed[plan.procedure.profile_id, competency]
                        indicators = (
                            sorted(rng.sample(ticks, min(len(ticks), rng.randint(1, 3))))
                            if ticks and rng.random() < 0.3
                            else []
                        )
                        evidence = ""
                        if rng.random() < (0.5 if state == PARTIAL else 0.8) or (state != PARTIAL and not indicators):
                            band = _band(points, value) if value is not None else 1
                            evidence = f"{opener}: {rng.choice(EVIDENCE[band])}"
                        change = None
                        if state == SUBMITTED and status in {Status.CALIBRATION, Status.CLOSED} and rng.random() < 0.01:
                            old = min(points[-1], value + 1) if value < points[-1] else value - 1
                            change = {
                                "actor": rng.choice([selecteur, *hr]),
                                "within": candidate,
                                "field": "value",
                                "old": str(old),
                                "new": str(value),
                                "reason": rng.choice(REVISION_REASONS),
                            }
                        writer.add(
                            Score(assignment=assignment, competency_id=competency, value=value, evidence=evidence),
                            indicators,
                            change,
                        )
                        if value is not None and status in {Status.CALIBRATION, Status.CLOSED}:
                            values.setdefault((plan.procedure.pk, index, competency), []).append(value)
                if state == SUBMITTED:
                    submissions.append(Submission(candidate=candidate, selecteur=selecteur))
    writer.flush(final=True)
    Submission.objects.bulk_create(submissions, batch_size=BATCH)
    return {**writer.counts, "assignments": len(assignments), "submissions": len(submissions)}, values, open_assignments


def _outcomes(plans, values, rng, *, hr, names) -> tuple[int, int]:
    """Consensus and decisions: all candidates of a closed procedure, some of those in calibration."""
    consensus, decisions = [], []
    for plan in plans:
        status = plan.procedure.status
        if status not in {Status.CALIBRATION, Status.CLOSED}:
            continue
        points = plan.points
        for index, candidate in enumerate(plan.candidates):
            if status == Status.CALIBRATION and rng.random() < 0.5:
                continue
            agreed = {}
            for competency in plan.competencies:
                given = values.get((plan.procedure.pk, index, competency))
                if not given:
                    continue
                mean = sum(given) / len(given)
                value = min(points, key=lambda p, mean=mean: (abs(p - mean), p))
                agreed[competency] = value
                spread = max(given) - min(given)
                rationale = (
                    "De selecteurs zagen hetzelfde gedrag en kwamen snel tot deze score."
                    if spread < 2
                    else "Na bespreking van de verschillen: het gedrag in de casus weegt het zwaarst."
                )
                consensus.append(
                    ConsensusScore(
                        candidate=candidate,
                        competency_id=competency,
                        value=value,
                        rationale=rationale,
                        decided_by=rng.choice(hr),
                    )
                )
            if not agreed or (status == Status.CALIBRATION and rng.random() < 0.4):
                continue
            mean = sum(agreed.values()) / len(agreed)
            fraction = (mean - points[0]) / max(1, points[-1] - points[0])
            outcome = (
                Decision.Outcome.NEXT_ROUND
                if fraction >= 0.6
                else Decision.Outcome.RESERVE
                if fraction >= 0.45
                else Decision.Outcome.REJECTED
            )
            best = max(agreed, key=lambda c: (agreed[c], -plan.competencies.index(c)))
            worst = min(agreed, key=lambda c: (agreed[c], plan.competencies.index(c)))
            decisions.append(
                Decision(
                    candidate=candidate,
                    outcome=outcome,
                    decided_by=rng.choice(hr),
                    justification=f"Sterkst op {names[best]}; {names[worst]} blijft het meest achter bij het profiel.",
                )
            )
    ConsensusScore.objects.bulk_create(consensus, batch_size=BATCH)
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    return len(consensus), len(decisions)


# --- Manifest -----------------------------------------------------------------------------------


def _save_data(plan: _Plan, assignment: Assignment, competencies: list[int], rng: random.Random, allowed) -> list[dict]:
    """2–4 autosave bodies (as static/js/autosave.js posts them): a score, evidence and sometimes ticked behaviour."""
    first, second = rng.sample(competencies, 2) if len(competencies) > 1 else competencies * 2
    opener, value = EXERCISES[assignment.exercise.kind][2], rng.choice(plan.points)
    bodies = [
        {"field": f"value-{first}", "value": str(value)},
        {"field": f"evidence-{first}", "value": f"{opener}: {rng.choice(EVIDENCE[_band(plan.points, value)])}"},
    ]
    ticks = allowed[plan.procedure.profile_id, second]
    if ticks and rng.random() < 0.6:
        bodies.append(
            {
                "field": f"indicators-{second}",
                "value": [str(pk) for pk in sorted(rng.sample(ticks, min(2, len(ticks))))],
            }
        )
    if rng.random() < 0.5:
        bodies.append({"field": f"value-{second}", "value": str(rng.choice(plan.points))})
    return bodies


def _manifest(plans, open_assignments, rng, *, base, allowed) -> dict:
    scoring = {}
    by_selecteur: dict[int, list] = {}
    for row in open_assignments:
        by_selecteur.setdefault(row[1].selecteur_id, []).append(row)
    for selecteur in base.users["selecteur"]:
        rows = by_selecteur.get(selecteur.pk, [])
        scoring[selecteur.username] = [
            {
                "screen": reverse("selectie:score-screen", args=[plan.procedure.pk, assignment.pk]),
                "save": reverse("selectie:score-autosave", args=[plan.procedure.pk, assignment.pk]),
                "save_data": _save_data(plan, assignment, competencies, rng, allowed),
            }
            for plan, assignment, competencies in rng.sample(rows, min(MANIFEST_PER_SELECTEUR, len(rows)))
        ]
    hr = [user.username for user in base.users["hr"]]
    calibrating = [plan.procedure for plan in plans if plan.procedure.status == Status.CALIBRATION] or [
        plan.procedure for plan in plans if plan.procedure.status in SCORING_OPEN
    ]
    calibration = [
        {"username": rng.choice(hr), "url": reverse("selectie:calibration", args=[rng.choice(calibrating).pk])}
        for _n in range(MANIFEST_CALIBRATION if calibrating else 0)
    ]
    reported = [
        (plan.procedure, candidate)
        for plan in plans
        if plan.procedure.status in {Status.CALIBRATION, Status.CLOSED}
        for candidate in plan.candidates
    ] or [(plan.procedure, candidate) for plan in plans for candidate in plan.candidates]
    candidate_pdf = [
        {"username": rng.choice(hr), "url": reverse("selectie:candidate-pdf", args=[procedure.pk, candidate.pk])}
        for procedure, candidate in (rng.choice(reported) for _n in range(MANIFEST_PDF))
    ]
    return {"selectie": {"scoring": scoring, "calibration": calibration, "candidate_pdf": candidate_pdf}}


# --- Entry point --------------------------------------------------------------------------------


def generate(*, base, rng: random.Random, scale: float) -> tuple[str, dict]:
    """Create the selection procedures of base.organisation; returns (summary, manifest part)."""
    started, today, now = time.monotonic(), timezone.localdate(), timezone.now()
    hr, selecteurs = base.users["hr"], base.users["selecteur"]
    plans = _procedures(base=base, rng=rng, count=_scaled(PROCEDURES, scale), today=today)
    exercise_count = _exercises(plans, rng)
    candidate_count, purged = _candidates(
        plans, rng, total=max(len(plans), _scaled(CANDIDATES, scale)), today=today, now=now, hr=hr
    )
    _panels(plans, selecteurs, rng)
    _progress(plans, selecteurs, rng)
    allowed = _indicators(plans)
    counts, values, open_assignments = _scores(plans, selecteurs, rng, hr=hr, allowed=allowed)
    names = dict(
        ProfileCompetency.objects.filter(profile__in={plan.procedure.profile_id for plan in plans}).values_list(
            "competency_id", "competency__name"
        )
    )
    consensus, decisions = _outcomes(plans, values, rng, hr=hr, names=names)
    manifest = _manifest(plans, open_assignments, rng, base=base, allowed=allowed)
    by_status = {status.label: sum(plan.procedure.status == status for plan in plans) for status in Status}
    summary = (
        f"procedures: {len(plans)} ({', '.join(f'{label} {n}' for label, n in by_status.items())}), "
        f"oefeningen: {exercise_count}, kandidaten: {candidate_count} ({purged} opgeschoond), "
        f"toewijzingen: {counts['assignments']}, scores: {counts['scores']} "
        f"({counts['observed']} aangevinkte indicatoren, {counts['changes']} wijzigingen), "
        f"indieningen: {counts['submissions']}, consensusscores: {consensus}, besluiten: {decisions} "
        f"({time.monotonic() - started:.1f} s)"
    )
    return summary, manifest
