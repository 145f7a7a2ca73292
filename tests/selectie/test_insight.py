"""The pure computations behind rater insight."""

import pytest

from selectie import insight

# Shrout & Fleiss (1979), table 2: six targets, four judges.
SHROUT_FLEISS = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]


def test_icc_2_1_matches_shrout_and_fleiss():
    assert insight.icc_2_1(SHROUT_FLEISS) == pytest.approx(0.29, abs=0.005)


def test_icc_1_1_matches_shrout_and_fleiss():
    assert insight.icc_1_1(SHROUT_FLEISS) == pytest.approx(0.17, abs=0.005)


def test_icc_is_one_when_raters_agree_perfectly():
    assert insight.icc_2_1([[1, 1], [3, 3], [5, 5]]) == pytest.approx(1.0)
    assert insight.icc_1_1([[1, 1], [3, 3, 3], [5, 5]]) == pytest.approx(1.0)


def test_icc_needs_at_least_two_targets_and_some_variance():
    assert insight.icc_2_1([[3, 4]]) is None
    assert insight.icc_2_1([[3, 3], [3, 3]]) is None
    assert insight.icc_1_1([[3], [4]]) is None


def test_agreement_uses_the_two_way_icc_when_the_same_raters_scored_everything():
    ratings = [
        (rater, target, "c", value)
        for target, row in enumerate(SHROUT_FLEISS)
        for rater, value in zip("abcd", row, strict=True)
    ]
    result = insight.agreement(ratings)
    assert result.method == "ICC(2,1)" and result.targets == 6
    assert result.value == pytest.approx(0.29, abs=0.005)
    assert result.interval[0] < result.value < result.interval[1]


def test_agreement_falls_back_to_one_way_icc_for_different_panels():
    ratings = [
        ("a", 1, "c", 4),
        ("b", 1, "c", 4),
        ("c", 2, "c", 2),
        ("d", 2, "c", 2),
        ("a", 3, "c", 5),
        ("c", 3, "c", 5),
    ]
    result = insight.agreement(ratings)
    assert result.method == "ICC(1,1)"
    assert result.value == pytest.approx(1.0)


def test_leniency_compares_a_rater_with_colleagues_on_the_same_cells():
    ratings = [
        ("mild", "K1", "c1", 5),
        ("streng", "K1", "c1", 2),
        ("gewoon", "K1", "c1", 3),
        ("mild", "K1", "c2", 4),
        ("streng", "K1", "c2", 2),
        ("gewoon", "K1", "c2", 3),
        ("mild", "K9", "c1", 1),  # nobody else scored K9: not compared
    ]
    result = {item.rater: item for item in insight.leniency(ratings)}
    assert result["mild"].own_mean == 4.5 and result["mild"].colleagues_mean == 2.5
    assert result["mild"].shared == 2
    assert result["mild"].deviations == (2.5, 1.5)


def test_no_statement_about_a_selecteurs_scores_below_the_minimum_sample():
    few = [(r, "K1", "c1", v) for r, v in [("a", 5), ("b", 2)]]
    assert {item.rater: item.label for item in insight.leniency(few)} == {"a": None, "b": None}
    many = [
        (rater, f"K{n}", "c1", value)
        for n in range(insight.MIN_PAIRED)
        for rater, value in [("hoog", 5), ("laag", 1), ("midden", 3)]
    ]
    labels = {item.rater: item.label for item in insight.leniency(many)}
    assert labels == {"hoog": "hoger", "laag": "lager", "midden": "vergelijkbaar"}


def test_agreement_gives_no_verdict_below_the_minimum_and_always_the_interval():
    ratings = [
        (rater, target, "c", value)
        for target, row in enumerate(SHROUT_FLEISS)
        for rater, value in zip("abcd", row, strict=True)
    ]
    result = insight.agreement(ratings)
    assert result.targets == 6 < insight.MIN_TARGETS
    assert not result.enough and result.verdict.startswith("nog geen oordeel")
    assert (result.candidates, result.raters) == (6, 4)


def test_icc_intervals_match_mcgraw_and_wong_on_shrout_and_fleiss():
    # The same values SPSS reports for this table: ICC(2,1) .290 [.019, .761], ICC(1,1) .166 [-.133, .723].
    lower, upper = insight.icc_2_1_interval(SHROUT_FLEISS)
    assert (lower, upper) == (pytest.approx(0.019, abs=0.001), pytest.approx(0.761, abs=0.001))
    lower, upper = insight.icc_1_1_interval(SHROUT_FLEISS)
    assert (lower, upper) == (pytest.approx(-0.133, abs=0.001), pytest.approx(0.723, abs=0.001))


def test_f_quantiles_match_the_tables():
    assert insight.f_ppf(0.95, 3, 10) == pytest.approx(3.708, abs=0.001)
    assert insight.f_ppf(0.975, 5, 18) == pytest.approx(3.382, abs=0.001)


def test_leniency_averages_a_raters_exercises_first():
    ratings = [("a", "K1", "c1", 2), ("a", "K1", "c1", 4), ("b", "K1", "c1", 3)]
    assert {i.rater: i.difference for i in insight.leniency(ratings)} == {"a": 0, "b": 0}


def test_halo_flags_nearly_equal_scores_on_three_or_more_competencies():
    ratings = [("a", "K1", f"c{n}", v) for n, v in enumerate([4, 4, 4, 4])]
    ratings += [("a", "K2", f"c{n}", v) for n, v in enumerate([2, 4, 3])]
    ratings += [("b", "K1", f"c{n}", 3) for n in range(2)]  # only two competencies: no warning
    warnings = insight.halo(ratings)
    assert [(w.rater, w.candidate, w.spread) for w in warnings] == [("a", "K1", 0)]


def test_halo_allows_half_a_point_spread_after_averaging():
    ratings = [("a", "K1", "c1", 3), ("a", "K1", "c1", 4), ("a", "K1", "c2", 3), ("a", "K1", "c3", 3)]
    assert len(insight.halo(ratings)) == 1
