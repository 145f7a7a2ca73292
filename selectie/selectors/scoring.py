"""What the scoring screen shows."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from frameworks.models import BehaviouralIndicator, Competency

from ..models import Assignment, Score, SelectionProcedure
from .procedures import indicators_for, procedure_competencies

# --- Scoring ------------------------------------------------------------------------------------


@dataclass
class ScoringItem:
    competency: Competency
    indicators: list
    score: Score | None
    observed_ids: set = field(default_factory=set)

    @property
    def complete(self) -> bool:
        """The rule of complete_scores and of handing in: a value resting on observed behaviour."""
        score = self.score
        return score is not None and score.value is not None and bool(score.evidence.strip() or self.observed_ids)


def competency_or_none(*, pk) -> Competency | None:
    """The competency an autosave names; whether the exercise observes it, score_save decides."""
    return Competency.objects.filter(pk=pk).first()


def scoring_screen(*, assignment: Assignment) -> list[ScoringItem]:
    """Every competency the exercise observes, with definition, indicators and the saved score.

    Queries: profile competencies (1, +1 for a profile of hoofdtaken), exercise competencies (1),
    indicators (1), scores (1) and their observed indicators (1).
    """
    procedure = assignment.procedure
    profile_competencies = procedure_competencies(procedure=procedure)
    observed = set(assignment.exercise.competencies.values_list("pk", flat=True))
    competencies = [c for c in profile_competencies if c.pk in observed]
    profile_ids = competencies[0].profile_ids if competencies else []
    indicators = indicators_for(profile_ids=profile_ids, competency_ids=[c.pk for c in competencies])
    scores = {
        score.competency_id: score
        for score in assignment.scores.prefetch_related(
            Prefetch("observed_indicators", queryset=BehaviouralIndicator.objects.only("pk"))
        )
    }
    items = []
    for competency in competencies:
        score = scores.get(competency.pk)
        items.append(
            ScoringItem(
                competency=competency,
                indicators=indicators.get(competency.pk, []),
                score=score,
                observed_ids={i.pk for i in score.observed_indicators.all()} if score else set(),
            )
        )
    return items


def scale_points(*, procedure: SelectionProcedure) -> list:
    return list(procedure.scale.points.order_by("value"))
