"""What anyone sees of 360° feedback: per rater group the median and spread per competency, and the
group's free text without names; a group with fewer than MIN_RESPONSES responses shows nothing.

The one place that decides this: pages, CSV exports and PDFs all read `feedback_summaries`, so a
hidden group cannot appear in one of them by accident. Raw responses (who answered what) never leave
this module; a rater's own form is their own business (medewerkers/raters.py).
"""

import random
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Assessment, RaterInvitation

MIN_RESPONSES = 3
GROUPS = [
    (RaterInvitation.Group.COLLEAGUE, _("Collega's")),
    (RaterInvitation.Group.OUTSIDE, _("Ketenpartners en klanten")),
]
HIDDEN_REASON = _(
    "Minder dan 3 reacties: deze groep wordt niet getoond, zodat niemand kan afleiden wie wat antwoordde."
)


@dataclass(frozen=True)
class Figure:
    """The responses of one group on one competency: how many, the median and the spread (lowest–highest)."""

    count: int
    median: float
    low: int
    high: int

    @property
    def median_text(self) -> str:
        return f"{self.median:g}".replace(".", ",")

    @property
    def spread_text(self) -> str:
        return f"{self.low}–{self.high}" if self.low != self.high else str(self.low)


@dataclass
class GroupSummary:
    group: str
    label: str
    shown: bool
    figures: dict = field(default_factory=dict)  # profile_competency_id -> Figure (competencies with 3+ levels)
    comments: list = field(default_factory=list)  # evidence texts, in no order that points to a rater

    @property
    def reason(self) -> str:
        return "" if self.shown else str(HIDDEN_REASON)


def summarise(group: str, label, responses: list[dict[int, tuple[int | None, str]]]) -> GroupSummary:
    """`responses`: one dict per handed-in response, profile_competency_id -> (level, evidence)."""
    if len(responses) < MIN_RESPONSES:
        return GroupSummary(group=group, label=str(label), shown=False)
    levels, comments = defaultdict(list), []
    for response in responses:
        for pc_id, (value, evidence) in response.items():
            if value is not None:
                levels[pc_id].append(value)
            if evidence.strip():
                comments.append(evidence.strip())
    figures = {
        pc_id: Figure(count=len(values), median=statistics.median(values), low=min(values), high=max(values))
        for pc_id, values in levels.items()
        if len(values) >= MIN_RESPONSES  # a competency only some raters scored: the same rule
    }
    # Sorted, then shuffled with a fixed seed: neither the order of arrival nor the rater's order shows.
    comments = sorted(set(comments))  # the same words from one rater on several competencies: once
    random.Random(len(comments)).shuffle(comments)
    return GroupSummary(group=group, label=str(label), shown=True, figures=figures, comments=comments)


def feedback_summaries(*, cycle, employees) -> dict[int, list[GroupSummary]]:
    """Per employee of the cycle, one summary per rater group. Two queries, whatever the team's size."""
    employee_ids = [getattr(e, "pk", e) for e in employees]
    assessments = (
        Assessment.objects.filter(
            cycle=cycle,
            employee_id__in=employee_ids,
            kind__in=[g for g, _label in GROUPS],
            submitted_at__isnull=False,
        )
        .only("pk", "employee_id", "kind")
        .prefetch_related("scores")
        .order_by("pk")
    )
    responses = defaultdict(list)
    for assessment in assessments:
        responses[(assessment.employee_id, assessment.kind)].append(
            {s.profile_competency_id: (s.value, s.evidence) for s in assessment.scores.all()}
        )
    return {
        employee_id: [summarise(group, label, responses[(employee_id, group)]) for group, label in GROUPS]
        for employee_id in employee_ids
    }


def feedback_summary(*, cycle, employee) -> list[GroupSummary]:
    """The conversation page's 360° column for one employee: one summary per rater group."""
    return feedback_summaries(cycle=cycle, employees=[employee])[employee.pk]


def figure_for(summaries: list[GroupSummary], profile_competency_id: int) -> list[tuple[str, Figure | None]]:
    """Per shown group, its figure for one competency (None: fewer than 3 levels for it)."""
    return [(s.label, s.figures.get(profile_competency_id)) for s in summaries if s.shown]


def summary_for(assessments, profile_competency_ids) -> dict[int, dict]:
    """The conversation's 360° column (26a's extension point): per profile competency the median and
    spread of the handed-in 360° responses of the rater groups with 3 or more responses (pooled);
    hidden groups contribute nothing. `assessments`: the employee's assessments in one cycle, scores
    prefetched. ``{pc_id: {"median": float, "spread": (low, high), "count": int}}``."""
    by_group = defaultdict(list)
    for assessment in assessments:
        if assessment.kind in {g for g, _label in GROUPS} and assessment.submitted_at is not None:
            by_group[assessment.kind].append({s.profile_competency_id: s.value for s in assessment.scores.all()})
    levels = defaultdict(list)
    for responses in by_group.values():
        if len(responses) < MIN_RESPONSES:
            continue
        for response in responses:
            for pc_id, value in response.items():
                if value is not None:
                    levels[pc_id].append(value)
    wanted = set(profile_competency_ids)
    return {
        pc_id: {"median": statistics.median(values), "spread": (min(values), max(values)), "count": len(values)}
        for pc_id, values in levels.items()
        if pc_id in wanted and len(values) >= MIN_RESPONSES
    }
