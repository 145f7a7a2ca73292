"""The effect of a programme on one outcome: the paired change between two moments, and how large it is.

For every participant rated at both moments we take the difference (after − before). We report:

- n, the means before and after, the mean difference and the standard deviation of the differences;
- Cohen's d for paired data in the variant **d_z**: the mean difference divided by the standard
  deviation of the differences (Cohen 1988; Lakens 2013, "Calculating and reporting effect sizes",
  formula 7). d_z is what the paired t-test tests (t = d_z · √n), so its 95 % confidence interval is
  exact: the noncentral t distribution with n − 1 degrees of freedom is inverted for the noncentrality
  that puts the observed t at the 97.5th and the 2.5th percentile, and divided by √n (Cumming &
  Finch 2001; the method of MBESS' `conf.limits.nct`);
- **d_av** beside it, the mean difference divided by the average of the two standard deviations
  (Lakens 2013, formula 10): it ignores the correlation between the moments and so compares better with
  effects of between-group studies and meta-analyses; it has no exact interval, so we give none;
- the two-sided p-value of the paired t-test.

The scale is ordinal (the framework's levels, or our 1–5 agreement scale) and is treated as interval,
as is usual for such questionnaires; the pages say so. All arithmetic is numpy's and scipy.stats';
tests/ontwikkeling/test_effect.py checks it against an independent computation.
"""

from dataclasses import dataclass

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from scipy import optimize, stats

CONFIDENCE = 0.95
# Cohen's (1988) rules of thumb for the size of d; the pages call them a rough guide.
THRESHOLDS = ((0.8, "large"), (0.5, "medium"), (0.2, "small"))


@dataclass(frozen=True)
class PairedEffect:
    n: int
    mean_before: float
    mean_after: float
    mean_difference: float
    sd_difference: float
    d_z: float | None  # None when every difference is the same (the standard deviation is 0)
    d_z_low: float | None
    d_z_high: float | None
    d_av: float | None
    p_value: float | None

    @property
    def size(self) -> str | None:
        """ "negligible", "small", "medium" or "large", by |d_z|."""
        if self.d_z is None:
            return None
        return next((name for threshold, name in THRESHOLDS if abs(self.d_z) >= threshold), "negligible")

    @property
    def interval_excludes_zero(self) -> bool:
        return self.d_z_low is not None and (self.d_z_low > 0 or self.d_z_high < 0)

    def reading(self) -> str:
        """The size and the certainty in plain Dutch, for the page, the exports and the PDF."""
        return effect_reading(self)


def _noncentrality(t: float, df: int, quantile: float) -> float:
    """The noncentrality at which the observed t is at `quantile` of the noncentral t distribution."""

    def gap(ncp):
        return stats.nct.cdf(t, df, ncp) - quantile

    # The cdf falls as the noncentrality rises; widen the bracket until it holds the root.
    low, high = t - 10.0, t + 10.0
    while gap(low) < 0:
        low -= 10.0
    while gap(high) > 0:
        high += 10.0
    return optimize.brentq(gap, low, high, xtol=1e-10)


def d_z_interval(d_z: float, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The exact confidence interval of d_z through the noncentral t distribution."""
    root_n = np.sqrt(n)
    t = d_z * root_n
    tail = (1 - confidence) / 2
    return (
        float(_noncentrality(t, n - 1, 1 - tail) / root_n),
        float(_noncentrality(t, n - 1, tail) / root_n),
    )


def paired_effect(before, after) -> PairedEffect | None:
    """The paired change from `before` to `after` (equal-length sequences, one pair per person).

    None for fewer than two pairs: no spread can be computed from one.
    """
    before, after = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    if before.shape != after.shape:
        raise ValueError("before and after must pair up")
    n = int(before.size)
    if n < 2:
        return None
    differences = after - before
    mean_difference = float(differences.mean())
    sd_difference = float(differences.std(ddof=1))
    average_sd = (float(before.std(ddof=1)) + float(after.std(ddof=1))) / 2
    d_av = mean_difference / average_sd if average_sd > 0 else None
    if sd_difference > 0:
        d_z = mean_difference / sd_difference
        low, high = d_z_interval(d_z, n)
        p_value = float(stats.ttest_rel(after, before).pvalue)
    else:
        d_z = low = high = p_value = None
    return PairedEffect(
        n=n,
        mean_before=float(before.mean()),
        mean_after=float(after.mean()),
        mean_difference=mean_difference,
        sd_difference=sd_difference,
        d_z=d_z,
        d_z_low=low,
        d_z_high=high,
        d_av=d_av,
        p_value=p_value,
    )


def _number(value: float) -> str:
    # number_format cuts off digits; round first so that 0,329 reads 0,33.
    return number_format(round(value, 2), 2).replace("-", "−")


def effect_reading(effect: PairedEffect) -> str:
    if effect.d_z is None:
        if effect.mean_difference == 0:
            return _("Niemand veranderde: alle antwoorden zijn op beide momenten gelijk.")
        return _(
            "Iedereen veranderde precies evenveel (%(difference)s). Een effectgrootte is dan niet te berekenen."
        ) % {"difference": _number(effect.mean_difference)}
    direction = _("toename") if effect.d_z > 0 else _("afname")
    size = {
        "negligible": _("Geen of een verwaarloosbare %(direction)s"),
        "small": _("Een kleine %(direction)s"),
        "medium": _("Een middelgrote %(direction)s"),
        "large": _("Een grote %(direction)s"),
    }[effect.size] % {"direction": direction}
    interval = {"low": _number(effect.d_z_low), "high": _number(effect.d_z_high)}
    if effect.interval_excludes_zero:
        certainty = (
            _("Het 95%%-betrouwbaarheidsinterval (%(low)s tot %(high)s) bevat geen 0: waarschijnlijk geen toeval.")
            % interval
        )
    else:
        certainty = (
            _("Het 95%%-betrouwbaarheidsinterval (%(low)s tot %(high)s) bevat 0: de verandering kan toeval zijn.")
            % interval
        )
    return f"{size} (d_z = {_number(effect.d_z)}). {certainty}"
