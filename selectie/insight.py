"""Pure computations for rater insight: no database, plain numbers in, plain numbers out.

A rating is a tuple (rater, candidate, competency, value); when a selecteur scored the same
competency in several exercises, callers average those first (see `per_rater_means`).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean as mean

from django.utils.formats import number_format
from scipy import stats

#: Scores this many points above (below) colleagues' on the same candidates read as "higher" ("lower").
LENIENCY_THRESHOLD = 0.5
#: No statement about a selecteur's scores below this many paired scores (candidate × competency
#: cells that a colleague scored too); fewer say more about chance than about the scores.
MIN_PAIRED = 10
#: No verdict on the panel's agreement below this many candidate × competency cells.
MIN_TARGETS = 10
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
    deviations: tuple = field(default=(), compare=False)  # own minus colleagues, per paired cell

    @property
    def enough(self) -> bool:
        return self.shared >= MIN_PAIRED

    @property
    def label(self) -> str | None:
        """How the scores compare, or None when there are too few paired scores to say."""
        if not self.enough:
            return None
        if self.difference >= LENIENCY_THRESHOLD:
            return "hoger"
        if self.difference <= -LENIENCY_THRESHOLD:
            return "lager"
        return "vergelijkbaar"


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
                deviations=tuple(round(o - c, 2) for o, c in zip(own[rater], others[rater], strict=True)),
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


# --- Confidence intervals (McGraw & Wong 1996; Shrout & Fleiss 1979) ------------------------------


def f_ppf(p: float, d1: float, d2: float) -> float:
    """The p-quantile of the F distribution with (d1, d2) degrees of freedom (scipy.stats)."""
    return float(stats.f.ppf(p, d1, d2))


def _mean_squares(matrix):
    n, k = len(matrix), len(matrix[0])
    grand = mean(v for row in matrix for v in row)
    ss_rows = k * sum((mean(row) - grand) ** 2 for row in matrix)
    ss_cols = n * sum((mean(row[j] for row in matrix) - grand) ** 2 for j in range(k))
    ss_error = sum((v - grand) ** 2 for row in matrix for v in row) - ss_rows - ss_cols
    return ss_rows / (n - 1), ss_cols / (k - 1), ss_error / ((n - 1) * (k - 1))


def icc_2_1_interval(matrix, *, alpha: float = 0.05) -> tuple[float, float] | None:
    """95 % confidence interval of ICC(2,1), McGraw & Wong (1996) case 2A (Satterthwaite)."""
    icc = icc_2_1(matrix)
    if icc is None or icc >= 1:
        return None
    n, k = len(matrix), len(matrix[0])
    msr, msc, mse = _mean_squares(matrix)
    a = k * icc / (n * (1 - icc))
    b = 1 + k * icc * (n - 1) / (n * (1 - icc))
    denominator = (a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1))
    if denominator == 0:
        return None
    v = (a * msc + b * mse) ** 2 / denominator
    f_upper_tail = f_ppf(1 - alpha / 2, n - 1, v)
    f_lower_tail = f_ppf(1 - alpha / 2, v, n - 1)
    lower = n * (msr - f_upper_tail * mse) / (f_upper_tail * (k * msc + (k * n - k - n) * mse) + n * msr)
    upper = n * (f_lower_tail * msr - mse) / (k * msc + (k * n - k - n) * mse + n * f_lower_tail * msr)
    return lower, upper


def icc_1_1_interval(groups, *, alpha: float = 0.05) -> tuple[float, float] | None:
    """95 % confidence interval of ICC(1,1) (Shrout & Fleiss 1979), with k0 for unequal panels."""
    groups = [list(g) for g in groups if len(g) >= 2]
    n = len(groups)
    if n < 2:
        return None
    total = sum(len(g) for g in groups)
    grand = mean(v for g in groups for v in g)
    ms_between = sum(len(g) * (mean(g) - grand) ** 2 for g in groups) / (n - 1)
    ms_within = sum((v - mean(g)) ** 2 for g in groups for v in g) / (total - n)
    if ms_within == 0:
        return None
    k0 = (total - sum(len(g) ** 2 for g in groups) / total) / (n - 1)
    f_obs = ms_between / ms_within
    f_low = f_obs / f_ppf(1 - alpha / 2, n - 1, total - n)
    f_high = f_obs * f_ppf(1 - alpha / 2, total - n, n - 1)
    return (f_low - 1) / (f_low + k0 - 1), (f_high - 1) / (f_high + k0 - 1)


def _koo_li(value: float) -> str:
    """Plain Dutch band after Koo & Li (2016)."""
    if value < 0.5:
        return "zwak"
    if value < 0.75:
        return "redelijk"
    if value < 0.9:
        return "goed"
    return "uitstekend"


@dataclass(frozen=True)
class Agreement:
    value: float | None
    method: str  # "ICC(2,1)" or "ICC(1,1)"
    targets: int
    interval: tuple | None = None  # 95 % confidence interval (lower, upper)
    candidates: int = 0
    raters: int = 0

    @property
    def enough(self) -> bool:
        return self.value is not None and self.targets >= MIN_TARGETS

    @property
    def certain(self) -> bool:
        """The whole interval falls in one band: the verdict does not depend on chance."""
        if not self.enough or self.interval is None:
            return False
        return _koo_li(max(self.interval[0], 0)) == _koo_li(min(self.interval[1], 0.999))

    @property
    def verdict(self) -> str:
        """Plain Dutch, after Koo & Li (2016): < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, > 0.9 excellent."""
        if self.value is None:
            return "nog niet te berekenen: er zijn te weinig kandidaten met scores van minstens twee selecteurs"
        if self.targets < MIN_TARGETS:
            return (
                f"nog geen oordeel: het rust op {self.targets} combinaties van kandidaat en competentie, "
                f"en pas vanaf {MIN_TARGETS} zegt het iets"
            )
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
    counts = {
        "candidates": len({candidate for candidate, _competency in rated}),
        "raters": len({rater for by_rater in rated.values() for rater in by_rater}),
    }
    if len(rater_sets) == 1:
        raters = sorted(next(iter(rater_sets)), key=str)
        matrix = [[by_rater[r] for r in raters] for by_rater in rated.values()]
        value = icc_2_1(matrix)
        interval = icc_2_1_interval(matrix) if value is not None else None
        return Agreement(value=value, method="ICC(2,1)", targets=len(matrix), interval=interval, **counts)
    groups = [list(by_rater.values()) for by_rater in rated.values()]
    value = icc_1_1(groups)
    interval = icc_1_1_interval(groups) if value is not None else None
    return Agreement(value=value, method="ICC(1,1)", targets=len(groups), interval=interval, **counts)


# --- What the numbers say: the mechanical combination and drift ----------------------------------


def signed(value) -> str:
    """+0,5 / −1 / 0 in the reader's number format; "" for None."""
    if value is None:
        return ""
    if value == 0:
        return "0"
    text = number_format(abs(value), decimal_pos=None if float(value).is_integer() else 2).rstrip("0").rstrip(",.")
    return ("+" if value > 0 else "−") + text


def mechanical_combination(values_by_selecteur) -> tuple[float | None, int]:
    """(mean of the selecteurs' own means, how many selecteurs): the panel's scores combined
    mechanically, as a check on the consensus (a selecteur's exercises count once)."""
    means = [mean(values) for values in values_by_selecteur.values() if values and None not in values]
    if not means:
        return None, 0
    combined = round(mean(means), 2)
    return (int(combined) if combined == int(combined) else combined), len(means)


@dataclass(frozen=True)
class ConsensusCheck:
    """How the consensus compares with the mechanical combination over a procedure's cells."""

    cells: int
    mean_difference: float | None  # consensus minus panel mean, on average
    mean_absolute: float | None
    higher: int  # cells where the consensus is above the panel mean by LENIENCY_THRESHOLD or more
    lower: int

    @property
    def enough(self) -> bool:
        return self.cells >= MIN_TARGETS


def consensus_check(pairs) -> ConsensusCheck:
    """`pairs`: (consensus value, mechanical combination) per candidate × competency."""
    differences = [value - combined for value, combined in pairs if combined is not None]
    if not differences:
        return ConsensusCheck(0, None, None, 0, 0)
    return ConsensusCheck(
        cells=len(differences),
        mean_difference=round(mean(differences), 2),
        mean_absolute=round(mean(abs(d) for d in differences), 2),
        higher=sum(d >= LENIENCY_THRESHOLD for d in differences),
        lower=sum(d <= -LENIENCY_THRESHOLD for d in differences),
    )


@dataclass(frozen=True)
class Drift:
    """A selecteur's difference from colleagues over the order in which they scored candidates."""

    rater: object
    candidates: int
    shared: int  # paired cells the differences rest on
    slope: float | None  # change in the difference per candidate (least squares, scipy.stats)
    first_half: float | None
    second_half: float | None
    points: tuple = field(default=(), compare=False)  # (position, difference) per candidate

    @property
    def enough(self) -> bool:
        return self.shared >= MIN_PAIRED and self.candidates >= 3

    @property
    def over_the_day(self) -> float | None:
        """How much the difference changed from the first to the last candidate, per the trend line."""
        if self.slope is None:
            return None
        return round(self.slope * (self.candidates - 1), 2)

    @property
    def label(self) -> str | None:
        if not self.enough or self.over_the_day is None:
            return None
        if self.over_the_day >= LENIENCY_THRESHOLD:
            return "hoger"
        if self.over_the_day <= -LENIENCY_THRESHOLD:
            return "lager"
        return "gelijk"


def drift(ratings, order: dict) -> list[Drift]:
    """Per selecteur: their difference from colleagues' mean on the same cells, per candidate, in
    the order the selecteur handed in (`order`: rater -> candidates in that order), and its trend.

    Comparing with colleagues on the same candidate keeps a strong or weak candidate from looking
    like a change in the selecteur's yardstick."""
    cells = defaultdict(dict)
    for rater, candidate, competency, value in per_rater_means(ratings):
        cells[(candidate, competency)][rater] = value
    per_candidate = defaultdict(lambda: defaultdict(list))
    for (candidate, _competency), by_rater in cells.items():
        if len(by_rater) < 2:
            continue
        for rater, value in by_rater.items():
            others = mean(v for r, v in by_rater.items() if r != rater)
            per_candidate[rater][candidate].append(value - others)
    result = []
    for rater, candidates in order.items():
        sequence = [(c, mean(per_candidate[rater][c])) for c in candidates if per_candidate[rater].get(c)]
        shared = sum(len(per_candidate[rater][c]) for c, _d in sequence)
        points = tuple((position, round(d, 2)) for position, (_c, d) in enumerate(sequence, start=1))
        slope = first = second = None
        if len(points) >= 2:
            fit = stats.linregress([p for p, _d in points], [d for _p, d in points])
            slope = round(float(fit.slope), 3)
            half = len(points) // 2
            first = round(mean(d for _p, d in points[:half]), 2)
            second = round(mean(d for _p, d in points[half:]), 2)
        result.append(Drift(rater, len(points), shared, slope, first, second, points))
    return result
