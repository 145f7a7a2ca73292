"""Results of the effectmeting: one participant's growth, and a cohort's aggregates.

Aggregates are only shown for a moment when at least MIN_GROUP_SIZE participants handed in, so
no single person's answers can be read from them; a cohort of four never shows results.
"""

from dataclasses import dataclass, field
from statistics import mean

from .models import Measurement, MeasurementLevel, Moment
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

    @property
    def has_ratings(self) -> bool:
        return any(level is not None for row in self.rows for level in row.levels)


def participant_growth(participant, *, competencies, levels) -> ParticipantGrowth:
    """Self-rated level per competency per moment, in the fixed order of the moments (uses prefetches)."""
    levels = list(levels)
    position_of = {level.pk: index for index, level in enumerate(levels, start=1)}
    by_moment = {m.moment: m for m in participant.measurements.all()}
    moments = [(code, label) for code, label in Moment.choices if code in by_moment]
    rows = []
    for competency in competencies:
        per_moment = []
        for code, _label in moments:
            rating = next((r for r in by_moment[code].self_ratings.all() if r.competency_id == competency.pk), None)
            per_moment.append(rating.level if rating else None)
        positions = [position_of.get(level.pk) if level else None for level in per_moment]
        rows.append(CompetencyGrowth(competency, per_moment, positions))
    return ParticipantGrowth(moments, rows, levels)


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
