"""dlkit.strategy (Course 3 Week 1): every worked number of the notes, edge cases, bad input, the Gaussian task."""
import math

import numpy as np
import pytest

from dlkit import practical, strategy as s


def _labels(tp, fp, fn, tn):
    y_true = np.repeat([1.0, 0.0, 1.0, 0.0], [tp, fp, fn, tn]).reshape(1, -1)
    y_pred = np.repeat([1.0, 1.0, 0.0, 0.0], [tp, fp, fn, tn]).reshape(1, -1)
    return y_true, y_pred


# ------------------------------------------------------------------ precision, recall, F1


def test_confusion_counts_rows_vectors_and_bools():
    y_true, y_pred = _labels(3, 2, 1, 4)
    expected = {"tp": 3, "fp": 2, "fn": 1, "tn": 4}
    assert s.confusion_counts(y_true, y_pred) == expected
    assert s.confusion_counts(y_true.ravel().astype(int), y_pred.ravel().astype(bool)) == expected
    assert all(type(v) is int for v in s.confusion_counts(y_true, y_pred).values())


def test_notes_classifiers_A_and_B():
    pa, ra, fa = s.precision_recall_f1(*_labels(171, 9, 19, 801))
    pb, rb, fb = s.precision_recall_f1(*_labels(833, 17, 147, 1003))
    assert (pa, ra) == pytest.approx((0.95, 0.90)) and (pb, rb) == pytest.approx((0.98, 0.85))
    assert fa == pytest.approx(0.9243243, abs=1e-7) and fb == pytest.approx(0.9103825, abs=1e-7)
    assert (pa + ra) / 2 == pytest.approx(0.925) and (pb + rb) / 2 == pytest.approx(0.915)
    assert fa > fb  # A wins, as the notes say
    assert all(isinstance(v, float) for v in (pa, ra, fa))


def test_f1_is_the_harmonic_mean():
    assert s.f1_score(0.95, 0.90) == pytest.approx(2 / (1 / 0.95 + 1 / 0.90))
    assert s.f1_score(0.98, 0.85) == pytest.approx(0.9103825, abs=1e-7)
    assert s.f1_score(0.0, 0.0) == 0.0 and s.f1_score(1.0, 0.0) == 0.0
    assert s.f1_score(0.5, 0.5) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="fractions in \\[0, 1\\]"):
        s.f1_score(95, 90)


def test_zero_division_gives_zero_without_warnings():
    # no positive prediction: precision 0/0 -> 0
    assert s.precision_recall_f1(np.array([[1.0, 0.0, 1.0]]), np.zeros((1, 3))) == (0.0, 0.0, 0.0)
    # no positive label: recall 0/0 -> 0
    assert s.precision_recall_f1(np.zeros(4), np.array([0, 1, 0, 1])) == (0.0, 0.0, 0.0)
    # everything right and positive
    assert s.precision_recall_f1(np.ones(3), np.ones(3)) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("y_true, y_pred, needle", [
    (np.array([[1, 0], [0, 1]]), np.array([[1, 0], [0, 1]]), "expected a row"),
    (np.array([1, 0, 2]), np.array([1, 0, 1]), "only the labels 0 and 1"),
    (np.array([1, 0, 1]), np.array([1, 0]), "one prediction per example"),
    (np.array([]), np.array([]), "empty"),
    (np.array(["a", "b"]), np.array([1, 0]), "dtype"),
])
def test_bad_labels(y_true, y_pred, needle):
    with pytest.raises(ValueError, match=needle):
        s.precision_recall_f1(y_true, y_pred)


def test_error_rate():
    assert s.error_rate(np.array([1, 0, 1, 1]), np.array([1, 1, 1, 0])) == 0.5


# ------------------------------------------------------------------ optimizing and satisficing


def test_pick_classifier_notes_ABC():
    assert s.pick_classifier([0.90, 0.92, 0.95], [[80, 95, 1500]], [100]) == 1
    assert s.pick_classifier([0.90, 0.92, 0.95], [80, 95, 1500], 100) == 1  # one metric as a vector
    assert s.pick_classifier([0.90, 0.92, 0.95], [[80, 95, 1500]], [2000]) == 2


def test_pick_classifier_trigger_words_threshold_is_inclusive():
    acc, fp_per_day = [0.97, 0.985, 0.99, 0.96], [[0.8, 1.0, 3.0, 0.2]]
    assert s.pick_classifier(acc, fp_per_day, [1.0]) == 1
    assert s.pick_classifier(acc, fp_per_day, [0.9]) == 0


def test_pick_classifier_several_constraints_minimize_ties_and_none():
    opt = [0.80, 0.99, 0.85, 0.90]
    sat = [[1, 5, 1, 1], [10, 10, 10, 300]]
    assert s.pick_classifier(opt, sat, [2, 100]) == 2
    assert s.pick_classifier([0.10, 0.05, 0.08], [[50, 200, 90]], [100], maximize=False) == 2
    assert s.pick_classifier([0.9, 0.95, 0.95], [[1, 1, 1]], [1]) == 1
    assert s.pick_classifier([0.9, 0.95], [[150, 300]], [100]) is None
    assert type(s.pick_classifier(opt, sat, [2, 100])) is int


def test_pick_classifier_at_least_constraint_by_negation():
    # recall >= 0.9 written as -recall <= -0.9
    f1 = [0.80, 0.85, 0.83]
    recall = np.array([0.95, 0.85, 0.91])
    assert s.pick_classifier(f1, -recall, -0.9) == 2


def test_bird_case_study_table():
    names = ["Heron-XL", "Kite-M", "Swift-M", "Wren-S", "Finch-S", "Robin-T"]
    recall = [0.97, 0.96, 0.95, 0.93, 0.90, 0.82]
    alarms = [2.6, 1.5, 3.4, 2.0, 0.8, 0.3]
    latency = [850, 420, 110, 150, 95, 40]
    assert names[s.pick_classifier(recall, [alarms, latency], [2.0, 200.0])] == "Wren-S"


@pytest.mark.parametrize("args, needle", [
    (([[0.9, 0.8]], [[1, 2]], [3]), "vector \\(n,\\)"),
    (([0.9, 0.8], [[1, 2, 3]], [3]), "expected \\(k, 2\\)"),
    (([0.9, 0.8], [[1, 2], [3, 4]], [3]), "one threshold per satisficing metric"),
])
def test_pick_classifier_bad_shapes(args, needle):
    with pytest.raises(ValueError, match=needle):
        s.pick_classifier(*args)


def test_linear_combined_metric_depends_on_units():
    acc, ms = np.array([90.0, 92.0, 95.0]), np.array([80.0, 95.0, 1500.0])
    np.testing.assert_allclose(s.linear_combined_metric(acc, ms), [50.0, 44.5, -655.0])
    np.testing.assert_allclose(s.linear_combined_metric(acc / 100, ms / 1000), [0.86, 0.8725, 0.2])
    assert np.argmax(s.linear_combined_metric(acc, ms)) == 0
    assert np.argmax(s.linear_combined_metric(acc / 100, ms / 1000)) == 1
    with pytest.raises(ValueError, match="running_time"):
        s.linear_combined_metric([1, 2], [1, 2, 3])


# ------------------------------------------------------------------ splits


def test_split_sizes_is_the_practical_one():
    assert s.split_sizes is practical.split_sizes and s.recommended_fractions is practical.recommended_fractions
    assert s.split_sizes(100) == (60, 20, 20)
    assert s.split_sizes(1_000_000) == (980_000, 10_000, 10_000)
    assert s.split_sizes(250_000) == (245_000, 2_500, 2_500)
    assert s.split_sizes(1_000, (0.7, 0.3)) == (700, 300)


def test_region_split_check():
    rng = np.random.default_rng(0)
    regions = rng.integers(0, 8, size=8000)
    dev_bad, test_bad = regions[regions < 4][:1000], regions[regions >= 4][:1000]
    assert s.proportion_gap(dev_bad, test_bad) == 1.0
    shuffled = rng.permutation(regions)
    assert s.proportion_gap(shuffled[:1000], shuffled[1000:2000]) < 0.1
    assert s.proportion_gap(["US", "UK"], ["UK", "US"]) == 0.0
    shares = s.region_proportions(["a", "b", "b", "c"])
    np.testing.assert_allclose(shares, [0.25, 0.5, 0.25])
    np.testing.assert_allclose(s.region_proportions(["a", "a"], categories=["a", "z"]), [1.0, 0.0])
    assert s.proportion_gap(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == pytest.approx(0.25)
    with pytest.raises(ValueError, match="non-empty"):
        s.region_proportions([])


# ------------------------------------------------------------------ weighted error


def _filter_example(a):
    """1,000 dev images, 20 must never be shown (w = 10): A shows them (+10 errors), B makes 50 other errors."""
    y = np.r_[np.zeros(20), np.arange(980) % 2].astype(float)
    w = np.r_[np.full(20, 10.0), np.ones(980)]
    pred = y.copy()
    if a:
        pred[:20] = 1
        pred[20:30] = 1 - pred[20:30]
    else:
        pred[20:70] = 1 - pred[20:70]
    return y, pred, w


def test_weighted_error_notes_example():
    ya, pa, w = _filter_example(True)
    yb, pb, _ = _filter_example(False)
    assert s.error_rate(ya, pa) == pytest.approx(0.03) and s.error_rate(yb, pb) == pytest.approx(0.05)
    assert s.weighted_error(ya, pa, w) == pytest.approx(210 / 1180) == pytest.approx(0.177966, abs=1e-6)
    assert s.weighted_error(yb, pb, w) == pytest.approx(50 / 1180) == pytest.approx(0.042373, abs=1e-6)
    assert s.weighted_error(ya, pa, np.ones(1000)) == pytest.approx(0.03)
    assert s.weighted_error(ya, pa, np.where(w > 1, 100.0, 1.0)) == pytest.approx(2010 / 2980)


def test_weighted_error_accepts_rows():
    y, pred, w = (a.reshape(1, -1) for a in _filter_example(True))
    assert s.weighted_error(y, pred, w) == pytest.approx(210 / 1180)


@pytest.mark.parametrize("w, needle", [
    (np.ones(3), "one weight per example"),
    (np.array([1.0, -1.0, 1.0, 1.0]), ">= 0"),
    (np.zeros(4), "not all zero"),
])
def test_weighted_error_bad_weights(w, needle):
    with pytest.raises(ValueError, match=needle):
        s.weighted_error(np.array([1, 0, 1, 0]), np.array([1, 1, 1, 0]), w)


# ------------------------------------------------------------------ human level, bias, variance

RADIOLOGY = [3.0, 1.0, 0.7, 0.5]


def test_human_level_proxy_is_the_best_level():
    assert s.human_level_proxy(RADIOLOGY) == 0.5
    assert s.human_level_proxy(1.0) == 1.0


@pytest.mark.parametrize("human, train, dev, bias, variance", [
    ([1.0], 8.0, 10.0, 7.0, 2.0),            # W1-h scenario A
    ([7.5], 8.0, 10.0, 0.5, 2.0),            # W1-h scenario B
    ([1.0, 0.7, 0.5], 5.0, 6.0, 4.5, 1.0),   # W1-j row A
    ([1.0, 0.7, 0.5], 1.0, 5.0, 0.5, 4.0),   # W1-j row B
    ([0.5], 0.7, 0.8, 0.2, 0.1),             # W1-j row C
    (RADIOLOGY, 0.6, 0.8, 0.1, 0.2),         # W1-k
    (RADIOLOGY, 0.3, 0.4, -0.2, 0.1),        # W1-k, past human level
])
def test_avoidable_bias_and_variance_notes_tables(human, train, dev, bias, variance):
    gaps = s.avoidable_bias_and_variance(human, train, dev)
    assert set(gaps) == {"human_proxy", "avoidable_bias", "variance"}
    assert gaps["human_proxy"] == min(human)
    assert np.isclose(gaps["avoidable_bias"], bias, atol=1e-9) and np.isclose(gaps["variance"], variance, atol=1e-9)


def test_float_subtraction_of_the_notes():
    assert s.avoidable_bias_and_variance([0.5], 0.6, 0.8)["variance"] == 0.8 - 0.6 == 0.20000000000000007


def test_avoidable_bias_range():
    assert s.avoidable_bias_range([1.0, 0.7, 0.5], 5.0) == pytest.approx((4.0, 4.5))
    assert s.avoidable_bias_range([1.0, 0.7, 0.5], 1.0) == pytest.approx((0.0, 0.5))
    assert s.avoidable_bias_range([0.5], 0.7) == pytest.approx((0.2, 0.2))


@pytest.mark.parametrize("human, train, dev, focus", [
    ([1.0], 8.0, 10.0, "bias"),
    ([7.5], 8.0, 10.0, "variance"),
    ([1.0, 0.7, 0.5], 5.0, 6.0, "bias"),
    ([1.0, 0.7, 0.5], 1.0, 5.0, "variance"),
    ([0.5], 0.7, 0.8, "bias"),
    (RADIOLOGY, 0.6, 0.8, "variance"),
    (RADIOLOGY, 0.3, 0.4, "unclear"),
    (0.5, 0.3, 0.4, "unclear"),
    ([1.0], 3.0, 5.0, "variance"),           # tie: variance
    ([0.5], 0.5, 0.6, "variance"),           # train equal to the proxy is not past it
    ([12.0, 6.0, 3.0, 2.0], 7.0, 10.0, "bias"),
    ([12.0, 6.0, 3.0, 2.0], 2.5, 6.0, "variance"),
    ([12.0, 6.0, 3.0, 2.0], 1.8, 2.1, "unclear"),
])
def test_next_focus_every_case(human, train, dev, focus):
    assert s.next_focus(human, train, dev) == focus


@pytest.mark.parametrize("args, needle", [
    (([], 1.0, 2.0), "non-empty"),
    (([1.0, -0.5], 1.0, 2.0), ">= 0"),
    (([1.0], float("nan"), 2.0), "train_error"),
    (([1.0], 1.0, "high"), "dev_error"),
])
def test_bad_errors(args, needle):
    with pytest.raises(ValueError, match=needle):
        s.avoidable_bias_and_variance(*args)


def test_remedies_and_knobs():
    assert set(s.REMEDIES) == {"bias", "variance"}
    shared = set(s.REMEDIES["bias"]) & set(s.REMEDIES["variance"])
    assert any("architecture" in r for r in shared)
    assert len(s.KNOBS) == 4


# ------------------------------------------------------------------ a task with a known Bayes error

MU0, MU1 = (0.0, 0.0), (2.4, 1.8)


def test_gaussian_bayes_error_formula():
    assert s.gaussian_bayes_error(MU0, MU1, 1.0) == pytest.approx(0.0668072012688581, rel=1e-12)
    assert s.gaussian_bayes_error(MU0, MU1, 1.0) == pytest.approx(0.5 * (1 + math.erf(-1.5 / math.sqrt(2))))
    assert s.gaussian_bayes_error([0, 0, 0], [0, 0, 0], 1.0) == 0.5
    # extra dimensions with equal means change nothing
    assert s.gaussian_bayes_error(MU0 + (0.0,) * 5, MU1 + (0.0,) * 5, 1.0) == s.gaussian_bayes_error(MU0, MU1, 1.0)


def test_bayes_error_matches_monte_carlo():
    X, Y = s.make_gaussian_classes(200_000, MU0, MU1, 1.0, seed=0)
    empirical = s.error_rate(Y, s.bayes_classifier(X, MU0, MU1))
    p = s.gaussian_bayes_error(MU0, MU1, 1.0)
    assert abs(empirical - p) < 4 * math.sqrt(p * (1 - p) / 200_000)


def test_no_classifier_beats_the_bayes_rule_on_average():
    X, Y = s.make_gaussian_classes(50_000, MU0, MU1, 1.0, seed=3)
    bayes = s.error_rate(Y, s.bayes_classifier(X, MU0, MU1))
    for w in ([1.0, 0.0], [0.0, 1.0], [1.0, 1.0]):
        other = (np.array(w) @ X > np.array(w) @ (np.array(MU1) / 2)).astype(float).reshape(1, -1)
        assert s.error_rate(Y, other) > bayes


def test_labelers():
    p = s.gaussian_bayes_error(MU0, MU1, 1.0)
    errors = [s.labeler_error(MU0, MU1, 1.0, noise, looks) for noise, looks in ((1.5, 1), (0.8, 1), (0.4, 1), (0.4, 3))]
    assert errors == sorted(errors, reverse=True) and min(errors) > p
    assert s.labeler_error(MU0, MU1, 1.0, 0.0) == pytest.approx(p)
    X, Y = s.make_gaussian_classes(100_000, MU0, MU1, 1.0, seed=4)
    assert np.array_equal(s.simulate_labeler(X, MU0, MU1, 0.0), s.bayes_classifier(X, MU0, MU1))
    for (noise, looks), expected in zip(((1.5, 1), (0.4, 3)), (errors[0], errors[3])):
        got = s.error_rate(Y, s.simulate_labeler(X, MU0, MU1, noise, looks, seed=1))
        assert abs(got - expected) < 4 * math.sqrt(expected * (1 - expected) / 100_000)


def test_make_gaussian_classes_shapes_and_seed():
    X, Y = s.make_gaussian_classes(500, MU0 + (0.0,), MU1 + (0.0,), 2.0, seed=7)
    assert X.shape == (3, 500) and Y.shape == (1, 500) and set(np.unique(Y)) <= {0.0, 1.0}
    X2, Y2 = s.make_gaussian_classes(500, MU0 + (0.0,), MU1 + (0.0,), 2.0, seed=7)
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)
    assert 0.4 < Y.mean() < 0.6


@pytest.mark.parametrize("call, needle", [
    (lambda: s.make_gaussian_classes(0, MU0, MU1, 1.0), "positive integer"),
    (lambda: s.make_gaussian_classes(10, MU0, (1.0, 2.0, 3.0), 1.0), "same length"),
    (lambda: s.gaussian_bayes_error(MU0, MU1, 0.0), "sigma"),
    (lambda: s.bayes_classifier(np.zeros((3, 4)), MU0, MU1), "expected \\(2, m\\)"),
    (lambda: s.simulate_labeler(np.zeros((2, 4)), MU0, MU1, 1.0, n_looks=0), "n_looks"),
    (lambda: s.simulate_labeler(np.zeros((2, 4)), MU0, MU1, -1.0), "noise"),
])
def test_gaussian_bad_input(call, needle):
    with pytest.raises(ValueError, match=needle):
        call()
