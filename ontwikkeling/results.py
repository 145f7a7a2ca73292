"""Results of the effectmeting: one participant's growth, and a cohort's aggregates.

Aggregates are only shown for a moment when at least MIN_GROUP_SIZE participants handed in, so
no single person's answers can be read from them; a cohort of four never shows results.
"""

from dataclasses import dataclass, field
from statistics import mean, stdev

from django.utils.translation import gettext_lazy as _

from .models import Measurement, MeasurementLevel, MeasurementMoment, Moment, Rater
from .questionnaire import LEARNING_GOAL, LEVERS, LEVERS_BY_CODE

MIN_GROUP_SIZE = 5


def _round(value):
    return round(value, 2) if value is not None else None


def _mean(values):
    values = list(values)
    return _round(mean(values)) if values else None


# --- One participant ------------------------------------------------------------------------


@dataclass
class CompetencyGrowth:
    competency: object
    levels: list  # ProficiencyLevel or None, one per moment
    positions: list  # the level's place on the framework's scale (1 = lowest), or None
    manager_level: object = None  # the manager's view at the follow-up (not part of the change)

    @property
    def change(self) -> int | None:
        """Steps on the scale between the first and the last moment with a rating."""
        rated = [position for position in self.positions if position is not None]
        if len(rated) < 2:
            return None
        return rated[-1] - rated[0]


@dataclass
class ParticipantGrowth:
    moments: list[tuple[str, str]]  # (code, label) of the moments handed in
    rows: list[CompetencyGrowth]
    scale: list  # the framework's levels

    has_manager: bool = False

    @property
    def has_ratings(self) -> bool:
        return any(level is not None for row in self.rows for level in row.levels)


def _rating_of(measurement, competency, level_of):
    rating = next((r for r in measurement.self_ratings.all() if r.competency_id == competency.pk), None)
    return level_of.get(rating.level_id) if rating else None


def participant_growth(participant, *, competencies, levels) -> ParticipantGrowth:
    """Own level per competency per moment, in the fixed order of the moments (uses prefetches); the
    manager's view at the follow-up beside it."""
    levels = list(levels)
    level_of = {level.pk: level for level in levels}
    position_of = {level.pk: index for index, level in enumerate(levels, start=1)}
    own = {m.moment: m for m in participant.measurements.all() if m.rater == Rater.PARTICIPANT}
    manager = next((m for m in participant.measurements.all() if m.rater == Rater.MANAGER), None)
    moments = [(code, label) for code, label in MeasurementMoment.choices if code in own]
    rows = []
    for competency in competencies:
        per_moment = [_rating_of(own[code], competency, level_of) for code, _label in moments]
        positions = [position_of.get(level.pk) if level else None for level in per_moment]
        manager_level = _rating_of(manager, competency, level_of) if manager else None
        rows.append(CompetencyGrowth(competency, per_moment, positions, manager_level))
    return ParticipantGrowth(moments, rows, levels, has_manager=manager is not None)


# --- A cohort -------------------------------------------------------------------------------


@dataclass
class MomentResult:
    code: str
    label: str
    responses: int
    shown: bool
    per_level: dict[str, float | None] = field(default_factory=dict)
    per_lever: dict[str, float | None] = field(default_factory=dict)
    learning_goals: float | None = None
    per_competency: dict[int, float | None] = field(default_factory=dict)


@dataclass
class CohortResults:
    moments: list[MomentResult]
    min_group_size: int
    participants: int

    @property
    def shown(self) -> list[MomentResult]:
        return [moment for moment in self.moments if moment.shown]

    @property
    def any_shown(self) -> bool:
        return bool(self.shown)

    def changes(self) -> list[dict]:
        """What changed between consecutive moments that are both shown: per level and per lever."""
        shown = self.shown
        result = []
        for before, after in zip(shown, shown[1:]):
            result.append(
                {
                    "from": before,
                    "to": after,
                    "per_level": {k: _diff(before.per_level.get(k), v) for k, v in after.per_level.items()},
                    "per_lever": {k: _diff(before.per_lever.get(k), v) for k, v in after.per_lever.items()},
                }
            )
        return result


def _diff(before, after):
    return _round(after - before) if before is not None and after is not None else None


def cohort_results(cohort, *, competencies, levels) -> CohortResults:
    """Aggregates per moment; a moment with fewer than MIN_GROUP_SIZE responses shows nothing."""
    level_order = {level.pk: position for position, level in enumerate(levels, start=1)}
    measurements: dict[str, list[Measurement]] = {}
    participants = list(cohort.participants.all())
    for participant in participants:
        for measurement in participant.measurements.all():
            if measurement.rater == Rater.PARTICIPANT:
                measurements.setdefault(measurement.moment, []).append(measurement)
    moments = []
    for code, label in Moment.choices:
        handed_in = measurements.get(code, [])
        result = MomentResult(code, str(label), len(handed_in), len(handed_in) >= MIN_GROUP_SIZE)
        if result.shown:
            answers = [answer for m in handed_in for answer in m.answers.all()]
            lever_values: dict[str, list[int]] = {}
            goal_values = []
            for answer in answers:
                if answer.question == LEARNING_GOAL:
                    goal_values.append(answer.value)
                elif answer.question in LEVERS_BY_CODE:
                    lever_values.setdefault(answer.question, []).append(answer.value)
            result.per_lever = {lever.code: _mean(lever_values.get(lever.code, [])) for lever in LEVERS}
            result.per_level = {
                level: _mean(
                    value for lever in LEVERS if lever.level == level for value in lever_values.get(lever.code, [])
                )
                for level in MeasurementLevel.values
            }
            result.learning_goals = _mean(goal_values)
            ratings = [rating for m in handed_in for rating in m.self_ratings.all()]
            result.per_competency = {
                competency.pk: _mean(
                    level_order[r.level_id]
                    for r in ratings
                    if r.competency_id == competency.pk and r.level_id in level_order
                )
                for competency in competencies
            }
        moments.append(result)
    return CohortResults(moments, MIN_GROUP_SIZE, len(participants))


# --- The effect per competency --------------------------------------------------------------

# The paired changes a cohort's report shows: from the voormeting to halfway, to the end, and to the
# follow-up in daily work (our fourth moment, 3 to 6 months after the end).
COMPARISONS = [
    (MeasurementMoment.BASELINE, MeasurementMoment.HALFWAY),
    (MeasurementMoment.BASELINE, MeasurementMoment.END),
    (MeasurementMoment.BASELINE, MeasurementMoment.FOLLOW_UP),
]
# The participant and organisation levels are asked at the voormeting too; the programme level is not.
PAIRED_LEVELS = [MeasurementLevel.PARTICIPANT, MeasurementLevel.ORGANISATION]


@dataclass
class Comparison:
    before: str
    after: str
    label: str
    n: int  # participants with both moments
    effect: object = None  # PairedEffect, only when shown

    @property
    def shown(self) -> bool:
        return self.n >= MIN_GROUP_SIZE and self.effect is not None


@dataclass
class ManagerView:
    n: int
    mean: float | None = None  # only when shown
    sd: float | None = None

    @property
    def shown(self) -> bool:
        return self.n >= MIN_GROUP_SIZE


@dataclass
class EffectRow:
    name: str
    key: object
    comparisons: list[Comparison]
    means: dict[str, float | None]  # mean per moment, only for moments with MIN_GROUP_SIZE or more
    counts: dict[str, int]
    manager: ManagerView | None = None


@dataclass
class CohortEffects:
    competencies: list[EffectRow]
    levels: list[EffectRow]
    min_group_size: int = MIN_GROUP_SIZE

    @property
    def any_shown(self) -> bool:
        return any(c.shown for row in self.competencies + self.levels for c in row.comparisons)


SHORT_LABELS = {
    MeasurementMoment.BASELINE: _("voormeting"),
    MeasurementMoment.HALFWAY: _("halverwege"),
    MeasurementMoment.END: _("einde"),
    MeasurementMoment.FOLLOW_UP: _("opvolging"),
}


def _comparison_label(before, after) -> str:
    return f"{SHORT_LABELS[before]} → {SHORT_LABELS[after]}"


def _row(name, key, values_by_moment: dict[str, dict[int, float]], manager_values=None) -> EffectRow:
    """values_by_moment: moment -> participant pk -> value (one per participant)."""
    from .effect import paired_effect

    comparisons = []
    for before, after in COMPARISONS:
        first, second = values_by_moment.get(before, {}), values_by_moment.get(after, {})
        paired = sorted(set(first) & set(second))
        comparison = Comparison(before, after, _comparison_label(before, after), len(paired))
        if comparison.n >= MIN_GROUP_SIZE:
            comparison.effect = paired_effect([first[p] for p in paired], [second[p] for p in paired])
        comparisons.append(comparison)
    counts = {moment: len(values_by_moment.get(moment, {})) for moment in MeasurementMoment.values}
    means = {
        moment: _mean(values_by_moment[moment].values()) if counts[moment] >= MIN_GROUP_SIZE else None
        for moment in MeasurementMoment.values
    }
    manager = None
    if manager_values is not None:
        manager = ManagerView(len(manager_values))
        if manager.shown:
            values = list(manager_values.values())
            manager.mean = _mean(values)
            manager.sd = _round(stdev(values)) if len(values) > 1 else None
    return EffectRow(name, key, comparisons, means, counts, manager)


def cohort_effects(cohort, *, competencies, levels) -> CohortEffects:
    """The paired effect per competency (own level on the framework's scale) and per measurement level
    (mean of the lever answers of that level), from the prefetched measurements; comparisons with fewer
    than MIN_GROUP_SIZE pairs, and manager views of fewer than MIN_GROUP_SIZE managers, show nothing."""
    position_of = {level.pk: index for index, level in enumerate(levels, start=1)}
    ratings: dict[int, dict[str, dict[int, float]]] = {c.pk: {} for c in competencies}
    manager: dict[int, dict[int, float]] = {c.pk: {} for c in competencies}
    level_values: dict[str, dict[str, dict[int, list[int]]]] = {level: {} for level in PAIRED_LEVELS}
    for participant in cohort.participants.all():
        for measurement in participant.measurements.all():
            for rating in measurement.self_ratings.all():
                if rating.competency_id not in ratings or rating.level_id not in position_of:
                    continue
                if measurement.rater == Rater.MANAGER:
                    manager[rating.competency_id][participant.pk] = position_of[rating.level_id]
                else:
                    moments = ratings[rating.competency_id].setdefault(measurement.moment, {})
                    moments[participant.pk] = position_of[rating.level_id]
            if measurement.rater != Rater.PARTICIPANT:
                continue
            for answer in measurement.answers.all():
                lever = LEVERS_BY_CODE.get(answer.question)
                if lever is not None and lever.level in level_values:
                    moments = level_values[lever.level].setdefault(measurement.moment, {})
                    moments.setdefault(participant.pk, []).append(answer.value)
    competency_rows = [
        _row(competency.name, competency.pk, ratings[competency.pk], manager[competency.pk])
        for competency in competencies
    ]
    level_rows = [
        _row(
            str(MeasurementLevel(level).label),
            level,
            {moment: {p: mean(values) for p, values in per.items()} for moment, per in level_values[level].items()},
        )
        for level in PAIRED_LEVELS
    ]
    return CohortEffects(competency_rows, level_rows)
