"""Fairness monitoring within the AVG (issue 28, point 5): who gets through each stage, per group.

Candidates may state a few characteristics, voluntarily; the organisation chooses which from the
fixed list below (our own wording, after the categories CBS uses; no seed document lists them).
"Zeg ik liever niet" is always possible and stores nothing. Figures are only ever shown per group,
never per person, and a group of fewer than MIN_GROUP candidates is suppressed — together with the
next smallest group when it would otherwise be the only one hidden (its size would follow from the
total). Per stage: the selection rate of each group, the impact ratio against the group with the
highest rate (flagged below the four-fifths rule, 0.80) and Fisher's exact test (scipy.stats).

Pure functions: plain counts in, plain rows out.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from scipy import stats

MIN_GROUP = 5
FOUR_FIFTHS = 0.8
PREFER_NOT = "liever_niet"
NOT_STATED = "niet_opgegeven"

CHARACTERISTICS = {
    "gender": {
        "label": _("Geslacht"),
        "question": _("Wat is uw geslacht?"),
        "options": [("vrouw", _("Vrouw")), ("man", _("Man")), ("anders", _("Anders of non-binair"))],
    },
    "age": {
        "label": _("Leeftijd"),
        "question": _("Hoe oud bent u?"),
        "options": [
            ("tot25", _("Jonger dan 25")),
            ("25-34", _("25 tot 35")),
            ("35-44", _("35 tot 45")),
            ("45-54", _("45 tot 55")),
            ("55plus", _("55 of ouder")),
        ],
    },
    "origin": {
        "label": _("Migratieachtergrond"),
        "question": _("Bent u, of is een van uw ouders, buiten Nederland geboren?"),
        "options": [("ja", _("Ja")), ("nee", _("Nee"))],
    },
    "education": {
        "label": _("Opleidingsniveau"),
        "question": _("Wat is uw hoogste afgeronde opleiding?"),
        "options": [("mbo", _("Mbo of lager")), ("hbo", _("Hbo")), ("wo", _("Wo"))],
    },
    "disability": {
        "label": _("Arbeidsbeperking"),
        "question": _("Hebt u een arbeidsbeperking of een chronische ziekte?"),
        "options": [("ja", _("Ja")), ("nee", _("Nee"))],
    },
}


def option_label(characteristic: str, answer: str) -> str:
    if answer == NOT_STATED:
        return str(_("Niet opgegeven"))
    return str(dict(CHARACTERISTICS[characteristic]["options"]).get(answer, answer))


def valid_answer(characteristic: str, answer: str) -> bool:
    return characteristic in CHARACTERISTICS and answer in dict(CHARACTERISTICS[characteristic]["options"])


@dataclass
class GroupRow:
    answer: str
    label: str
    considered: int
    selected: int
    suppressed: bool = False
    impact_ratio: float | None = None
    p_value: float | None = None
    reference: bool = False

    @property
    def rate(self) -> float | None:
        if self.suppressed or not self.considered:
            return None
        return round(self.selected / self.considered, 3)

    @property
    def flagged(self) -> bool:
        return self.impact_ratio is not None and self.impact_ratio < FOUR_FIFTHS


@dataclass
class StageTable:
    characteristic: str
    stage: str
    groups: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(CHARACTERISTICS[self.characteristic]["label"])

    @property
    def comparable(self) -> bool:
        return sum(not g.suppressed for g in self.groups) >= 2


def fisher(selected_a: int, considered_a: int, selected_b: int, considered_b: int) -> float:
    """Two-sided Fisher's exact test on the 2×2 table of two groups (selected / not selected)."""
    table = [[selected_a, considered_a - selected_a], [selected_b, considered_b - selected_b]]
    return float(stats.fisher_exact(table, alternative="two-sided").pvalue)


def stage_table(characteristic: str, stage: str, counts: dict[str, tuple[int, int]]) -> StageTable:
    """`counts`: answer -> (considered at this stage, selected). Suppresses, then compares what is shown."""
    order = [code for code, _label in CHARACTERISTICS[characteristic]["options"]] + [NOT_STATED]
    groups = [
        GroupRow(answer=a, label=option_label(characteristic, a), considered=counts[a][0], selected=counts[a][1])
        for a in order
        if a in counts and counts[a][0] > 0
    ]
    for group in groups:
        group.suppressed = group.considered < MIN_GROUP
    hidden = [g for g in groups if g.suppressed]
    shown = [g for g in groups if not g.suppressed]
    if len(hidden) == 1 and shown:  # one hidden group's size would follow from the total
        min(shown, key=lambda g: (g.considered, g.label)).suppressed = True
    shown = [g for g in groups if not g.suppressed]
    if len(shown) >= 2:
        reference = max(shown, key=lambda g: (g.selected / g.considered, g.considered))
        reference.reference = True
        top = reference.selected / reference.considered
        for group in shown:
            group.impact_ratio = round((group.selected / group.considered) / top, 3) if top else None
            if group is not reference:
                group.p_value = round(
                    fisher(group.selected, group.considered, reference.selected, reference.considered), 4
                )
    for group in groups:
        if group.suppressed:
            group.considered = group.selected = 0  # nothing of a small group leaves this function
    return StageTable(characteristic=characteristic, stage=stage, groups=groups)
