"""Pure computations for rater insight: no database, plain numbers in, plain numbers out.

A rating is a tuple (rater, candidate, competency, value); when a selecteur scored the same
competency in several exercises, callers average those first (see `per_rater_means`).
"""

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean as mean

#: A selecteur this many points above (below) colleagues on the same candidates is lenient (strict).
LENIENCY_THRESHOLD = 0.5
#: Halo: (nearly) the same score for every competency of a candidate.
HALO_MAX_SPREAD = 0.5
HALO_MIN_COMPETENCIES = 3


def per_rater_means(ratings) -> list[tuple]:
    """Average a rater's values per (candidate, competency) over exercises."""
    grouped = defaultdict(list)
    for rater, candidate, competency, value in ratings:
        grouped[(rater, candidate, competency)].append(value)
    return [(r, c, k, mean(v)) for (r, c, k), v in grouped.items()]


@dataclass(frozen=True)
class Leniency:
    rater: object
    own_mean: float
    colleagues_mean: float
    difference: float
    shared: int  # ratings compared

    @property
    def label(self) -> str:
        if self.difference >= LENIENCY_THRESHOLD:
            return "mild"
        if self.difference <= -LENIENCY_THRESHOLD:
            return "streng"
        return "gemiddeld"


def leniency(ratings) -> list[Leniency]:
    """Each rater's mean against colleagues' mean on the same candidate × competency cells."""
    cells = defaultdict(dict)
    for rater, candidate, competency, value in per_rater_means(ratings):
        cells[(candidate, competency)][rater] = value
    own, others = defaultdict(list), defaultdict(list)
    for by_rater in cells.values():
        if len(by_rater) < 2:
            continue
        for rater, value in by_rater.items():
            own[rater].append(value)
            others[rater].append(mean(v for r, v in by_rater.items() if r != rater))
    result = []
    for rater in own:
        own_mean, colleagues_mean = mean(own[rater]), mean(others[rater])
        result.append(
            Leniency(
                rater=rater,
                own_mean=round(own_mean, 2),
                colleagues_mean=round(colleagues_mean, 2),
                difference=round(own_mean - colleagues_mean, 2),
                shared=len(own[rater]),
            )
        )
    return sorted(result, key=lambda item: -item.difference)


@dataclass(frozen=True)
class Halo:
    rater: object
    candidate: object
    values: tuple
    spread: float


def halo(ratings, *, max_spread: float = HALO_MAX_SPREAD, min_competencies: int = HALO_MIN_COMPETENCIES) -> list[Halo]:
    """Rater × candidate where all competencies got (nearly) the same score."""
    by_pair = defaultdict(list)
    for rater, candidate, _competency, value in per_rater_means(ratings):
        by_pair[(rater, candidate)].append(value)
    warnings = []
    for (rater, candidate), values in by_pair.items():
        if len(values) >= min_competencies and max(values) - min(values) <= max_spread:
            warnings.append(
                Halo(rater=rater, candidate=candidate, values=tuple(sorted(values)), spread=max(values) - min(values))
            )
    return warnings


def icc_2_1(matrix: list[list[float]]) -> float | None:
    """ICC(2,1) (Shrout & Fleiss): two-way random effects, absolute agreement, single rater.

    `matrix` has one row per target (candidate × competency) and one column per rater; all
    rows complete. None when there is too little data or no variance at all.
    """
    n = len(matrix)
    if n < 2:
        return None
    k = len(matrix[0])
    if k < 2 or any(len(row) != k for row in matrix):
        return None
    grand = mean(v for row in matrix for v in row)
    row_means = [mean(row) for row in matrix]
    col_means = [mean(row[j] for row in matrix) for j in range(k)]
    ss_rows = k * sum((m - grand) ** 2 for m in row_means)
    ss_cols = n * sum((m - grand) ** 2 for m in col_means)
    ss_total = sum((v - grand) ** 2 for row in matrix for v in row)
    ss_error = ss_total - ss_rows - ss_cols
    ms_rows = ss_rows / (n - 1)
    ms_cols = ss_cols / (k - 1)
    ms_error = ss_error / ((n - 1) * (k - 1))
    denominator = ms_rows + (k - 1) * ms_error + k * (ms_cols - ms_error) / n
    if denominator == 0:
        return None
    return (ms_rows - ms_error) / denominator


def icc_1_1(groups: list[list[float]]) -> float | None:
    """ICC(1,1): one-way random effects, for targets rated by different selecteurs.

    `groups` has the ratings of each target; groups may differ in size (unbalanced design,
    k0 correction). Targets with fewer than two ratings are ignored.
    """
    groups = [list(g) for g in groups if len(g) >= 2]
    n = len(groups)
    if n < 2:
        return None
    total = sum(len(g) for g in groups)
    grand = mean(v for g in groups for v in g)
    ss_between = sum(len(g) * (mean(g) - grand) ** 2 for g in groups)
    ss_within = sum((v - mean(g)) ** 2 for g in groups for v in g)
    ms_between = ss_between / (n - 1)
    ms_within = ss_within / (total - n)
    k0 = (total - sum(len(g) ** 2 for g in groups) / total) / (n - 1)
    denominator = ms_between + (k0 - 1) * ms_within
    if denominator == 0:
        return None
    return (ms_between - ms_within) / denominator


@dataclass(frozen=True)
class Agreement:
    value: float | None
    method: str  # "ICC(2,1)" or "ICC(1,1)"
    targets: int

    @property
    def verdict(self) -> str:
        """Plain Dutch, after Koo & Li (2016): < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, > 0.9 excellent."""
        if self.value is None:
            return "nog niet te berekenen: er zijn te weinig kandidaten met scores van minstens twee selecteurs"
        if self.value < 0.5:
            return "zwak: selecteurs geven dezelfde kandidaat vaak duidelijk verschillende scores"
        if self.value < 0.75:
            return "redelijk: selecteurs zijn het meestal eens, maar niet altijd"
        if self.value < 0.9:
            return "goed: selecteurs beoordelen dezelfde kandidaat grotendeels gelijk"
        return "uitstekend: selecteurs geven vrijwel dezelfde scores"


def agreement(ratings) -> Agreement:
    """Agreement over candidate × competency cells. When every cell is rated by the same set of
    selecteurs the two-way ICC(2,1) applies; otherwise the one-way ICC(1,1)."""
    cells = defaultdict(dict)
    for rater, candidate, competency, value in per_rater_means(ratings):
        cells[(candidate, competency)][rater] = value
    rated = {key: by_rater for key, by_rater in cells.items() if len(by_rater) >= 2}
    rater_sets = {frozenset(by_rater) for by_rater in rated.values()}
    if len(rater_sets) == 1:
        raters = sorted(next(iter(rater_sets)), key=str)
        matrix = [[by_rater[r] for r in raters] for by_rater in rated.values()]
        return Agreement(value=icc_2_1(matrix), method="ICC(2,1)", targets=len(matrix))
    groups = [list(by_rater.values()) for by_rater in rated.values()]
    return Agreement(value=icc_1_1(groups), method="ICC(1,1)", targets=len(groups))
