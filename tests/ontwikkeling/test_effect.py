"""The effect figures (ontwikkeling/effect.py) against an independent computation on a fixed data set.

The app computes with numpy and scipy.stats (scipy's noncentral t comes from Boost). This test
computes the same figures another way: means and standard deviations with Python's `statistics`,
the noncentral t distribution by integrating its definition numerically (T = (Z + δ) / √(V/ν), with
Z standard normal and V chi-square), and its inversion by bisection — nothing from scipy or numpy.
"""

import math
import statistics

import pytest

from ontwikkeling.effect import paired_effect

# Ten participants' self-rated levels (1 = lowest level of the framework) before and after.
BEFORE = [1, 2, 2, 3, 1, 2, 3, 2, 1, 2]
AFTER = [2, 3, 2, 3, 2, 3, 3, 3, 2, 2]


def normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def noncentral_t_cdf(t: float, df: int, ncp: float, steps: int = 4000) -> float:
    """P(T ≤ t) = ∫ Φ(t·√(v/ν) − δ) · f_χ²ν(v) dv, by Simpson's rule on u = √v (smooth near 0)."""
    log_norm = (df / 2) * math.log(2) + math.lgamma(df / 2)
    upper = math.sqrt(df + 40 * math.sqrt(2 * df) + 80)  # far beyond where the chi-square has mass

    def integrand(u):
        if u == 0:
            return 0.0
        v = u * u
        density = math.exp((df / 2 - 1) * math.log(v) - v / 2 - log_norm)
        return normal_cdf(t * math.sqrt(v / df) - ncp) * density * 2 * u

    h = upper / steps
    total = integrand(0) + integrand(upper)
    for i in range(1, steps):
        total += (4 if i % 2 else 2) * integrand(i * h)
    return total * h / 3


def invert(t: float, df: int, quantile: float) -> float:
    low, high = t - 20, t + 20
    for _ in range(40):
        middle = (low + high) / 2
        if noncentral_t_cdf(t, df, middle) > quantile:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def test_means_and_d_z_equal_the_hand_computation():
    differences = [a - b for a, b in zip(AFTER, BEFORE)]
    effect = paired_effect(BEFORE, AFTER)
    assert effect.n == 10
    assert effect.mean_before == pytest.approx(statistics.mean(BEFORE)) == pytest.approx(1.9)
    assert effect.mean_after == pytest.approx(2.5)
    assert effect.mean_difference == pytest.approx(0.6)
    # s of the differences: √(Σ(dᵢ − 0,6)² / 9) = √(2,4 / 9) = 0,5164
    assert effect.sd_difference == pytest.approx(statistics.stdev(differences)) == pytest.approx(0.516398, abs=1e-6)
    # d_z = 0,6 / 0,5164 = 1,1619 (Lakens 2013, formula 7)
    assert effect.d_z == pytest.approx(0.6 / statistics.stdev(differences)) == pytest.approx(1.161895, abs=1e-6)
    # d_av = 0,6 / ((s_before + s_after) / 2) (Lakens 2013, formula 10)
    average_sd = (statistics.stdev(BEFORE) + statistics.stdev(AFTER)) / 2
    assert effect.d_av == pytest.approx(0.6 / average_sd)


def test_the_confidence_interval_of_d_z_equals_an_independent_inversion_of_the_noncentral_t():
    effect = paired_effect(BEFORE, AFTER)
    n = 10
    t = effect.d_z * math.sqrt(n)
    low = invert(t, n - 1, 0.975) / math.sqrt(n)
    high = invert(t, n - 1, 0.025) / math.sqrt(n)
    assert effect.d_z_low == pytest.approx(low, abs=1e-4)
    assert effect.d_z_high == pytest.approx(high, abs=1e-4)
    # 0,33 to 1,96: not symmetric around d_z = 1,16 (the noncentral t is skewed), and above 0.
    assert (round(low, 2), round(high, 2)) == (0.33, 1.96)
    assert effect.d_z_high - effect.d_z != pytest.approx(effect.d_z - effect.d_z_low, abs=0.01)
    # And close to the large-sample approximation se ≈ √(1/n + d²/2n) (Hedges & Olkin 1985).
    se = math.sqrt(1 / n + effect.d_z**2 / (2 * n))
    assert effect.d_z_low == pytest.approx(effect.d_z - 1.96 * se, abs=0.15)


def test_the_p_value_is_the_paired_t_test_computed_independently():
    effect = paired_effect(BEFORE, AFTER)
    t = effect.d_z * math.sqrt(10)  # t = 3,674
    assert t == pytest.approx(3.674235, abs=1e-5)
    two_sided = 2 * (1 - noncentral_t_cdf(t, 9, 0.0))
    assert effect.p_value == pytest.approx(two_sided, abs=1e-5)
    assert effect.p_value < 0.01


def test_a_decrease_and_an_interval_around_zero_read_as_such():
    effect = paired_effect([3, 3, 2, 3, 2, 3], [3, 2, 2, 3, 2, 2])
    assert effect.d_z < 0 and not effect.interval_excludes_zero
    assert effect.reading().startswith("Een middelgrote afname")
    assert "bevat 0: de verandering kan toeval zijn" in effect.reading()


def test_the_reading_names_the_size_by_cohens_rules_of_thumb():
    assert paired_effect(BEFORE, AFTER).size == "large"
    assert "Een grote toename (d_z = 1,16)" in paired_effect(BEFORE, AFTER).reading()
    assert "bevat geen 0: waarschijnlijk geen toeval" in paired_effect(BEFORE, AFTER).reading()


def test_equal_changes_have_no_effect_size_and_say_why():
    effect = paired_effect([1, 2, 3], [2, 3, 4])
    assert effect.d_z is None and effect.d_z_low is None and effect.p_value is None
    assert "Iedereen veranderde precies evenveel" in effect.reading()
    assert "Niemand veranderde" in paired_effect([2, 2], [2, 2]).reading()


def test_one_pair_has_no_effect():
    assert paired_effect([1], [2]) is None
