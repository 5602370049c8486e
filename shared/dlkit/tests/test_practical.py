"""Splits, bias/variance, input normalisation and the notebook's demonstrations, with the notes' numbers."""
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlkit import practical  # noqa: E402
from dlkit.practical import (basic_recipe, bowl_elongation, deep_linear_forward, diagnose_bias_variance,  # noqa: E402
                             gradient_descent_path, make_feature_scales, normalize_inputs, regression_cost,
                             split_sizes)


# ------------------------------------------------------------------ split_sizes

@pytest.mark.parametrize("m, fractions, expected", [
    (1_000, (0.7, 0.3), (700, 300)),
    (10_000, (0.6, 0.2, 0.2), (6_000, 2_000, 2_000)),
    (1_000_000, (0.98, 0.01, 0.01), (980_000, 10_000, 10_000)),
    (4_000_000, (0.995, 0.0025, 0.0025), (3_980_000, 10_000, 10_000)),
    (1_000_000, (0.995, 0.004, 0.001), (995_000, 4_000, 1_000)),
    (999, (0.6, 0.2, 0.2), (599, 200, 200)),
    (7, (1 / 3, 1 / 3, 1 / 3), (3, 2, 2)),
])
def test_split_sizes_of_the_notes(m, fractions, expected):
    sizes = split_sizes(m, fractions)
    assert sizes == expected and sum(sizes) == m
    assert all(type(s) is int for s in sizes)


@pytest.mark.parametrize("m, expected", [
    (5_000, (3_000, 1_000, 1_000)),
    (10_000, (6_000, 2_000, 2_000)),
    (1_000_000, (980_000, 10_000, 10_000)),       # the notes: 10,000 dev + 10,000 test
    (20_000_000, (19_900_000, 50_000, 50_000)),
])
def test_rule_of_thumb(m, expected):
    assert split_sizes(m) == expected


def test_recommended_fractions_boundaries():
    assert practical.recommended_fractions(10_000) == (0.6, 0.2, 0.2)
    assert practical.recommended_fractions(10_001) == (0.98, 0.01, 0.01)
    assert practical.recommended_fractions(1_000_000) == (0.98, 0.01, 0.01)
    assert practical.recommended_fractions(1_000_001) == (0.995, 0.0025, 0.0025)


@pytest.mark.parametrize("m, fractions, match", [
    (0, None, "positive"), (2.5, None, "positive"), (True, None, "positive"),
    (100, (0.5, 0.4), "summing to 1"), (100, (1.0,), "two or more"), (100, (1.2, -0.2), "non-negative"),
])
def test_split_sizes_bad_input(m, fractions, match):
    with pytest.raises(ValueError, match=match):
        split_sizes(m, fractions)


# ------------------------------------------------------------------ bias and variance

@pytest.mark.parametrize("train, dev, expected", [
    (1.0, 11.0, (False, True)),      # high variance
    (15.0, 16.0, (True, False)),     # high bias
    (15.0, 30.0, (True, True)),      # both
    (0.5, 1.0, (False, False)),      # neither
])
def test_the_notes_four_scenarios(train, dev, expected):
    assert diagnose_bias_variance(train, dev) == expected


def test_bayes_error_of_15_percent():
    assert diagnose_bias_variance(15.0, 16.0) == (True, False)
    assert diagnose_bias_variance(15.0, 16.0, bayes_error=15.0) == (False, False)
    assert diagnose_bias_variance(15.0, 30.0, bayes_error=15.0) == (False, True)


def test_tolerance_is_strict_and_results_are_plain_bools():
    out = diagnose_bias_variance(3.0, 5.0, 1.0)
    assert out == (False, False) and all(type(v) is bool for v in out)
    assert diagnose_bias_variance(3.0, 5.0, 1.0, tolerance=1.9) == (True, True)


@pytest.mark.parametrize("args, match", [
    ((-1.0, 5.0), "train_error"), ((1.0, 101.0), "dev_error"), ((1.0, 2.0, 5.0), "cannot be below"),
    (("1", 2.0), "number"), ((1.0, 2.0, 0.0, -1.0), "tolerance"),
])
def test_diagnose_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        diagnose_bias_variance(*args)


def test_basic_recipe_bias_first():
    assert basic_recipe(True, False) == "reduce bias"
    assert basic_recipe(True, True) == "reduce bias"
    assert basic_recipe(False, True) == "reduce variance"
    assert basic_recipe(False, False) == "done"
    assert basic_recipe(np.bool_(False), np.bool_(True)) == "reduce variance"
    assert "more data" in practical.RECIPE_ACTIONS["reduce variance"]
    assert "more data" not in practical.RECIPE_ACTIONS["reduce bias"]   # more data does not fix high bias
    with pytest.raises(ValueError, match="True or False"):
        basic_recipe(1, 0)


def test_diagnosis_then_recipe_for_the_scenarios():
    steps = [basic_recipe(*diagnose_bias_variance(t, d)) for t, d in [(1, 11), (15, 16), (15, 30), (0.5, 1)]]
    assert steps == ["reduce variance", "reduce bias", "reduce bias", "done"]


# ------------------------------------------------------------------ normalize_inputs

def test_normalize_worked_example():
    X = np.array([[1.0, 2.0, 3.0, 6.0], [0.0, 0.5, 1.0, 0.5]])
    Xt = np.array([[3.0, 10.0], [0.25, 1.0]])
    Xn, Xtn, mu, sigma = normalize_inputs(X, Xt)
    np.testing.assert_allclose(mu, [[3.0], [0.5]])
    np.testing.assert_allclose(sigma ** 2, [[3.5], [0.125]])             # sigma, not sigma^2, divides
    np.testing.assert_allclose(Xtn, [[0.0, 7 / np.sqrt(3.5)], [-0.25 / np.sqrt(0.125), 0.5 / np.sqrt(0.125)]])
    np.testing.assert_allclose(Xn.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(Xn.var(axis=1), 1.0)


def test_normalize_uses_the_training_statistics_on_the_test_set():
    X, _ = make_feature_scales(300, seed=1)
    Xt, _ = make_feature_scales(40, seed=2)
    Xn, Xtn, mu, sigma = normalize_inputs(X, Xt)
    assert mu.shape == sigma.shape == (2, 1)
    np.testing.assert_allclose(Xtn, (Xt - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True))
    assert not np.allclose(Xtn.mean(axis=1), 0.0, atol=1e-3)               # not the test set's own mean
    np.testing.assert_allclose(Xn.std(axis=1), 1.0)
    # the lecture's ranges: x1 in 1..1000, x2 in 0..1
    assert 1 <= X[0].min() and X[0].max() <= 1000 and 0 <= X[1].min() and X[1].max() <= 1


def test_normalize_does_not_modify_its_inputs():
    X, Xt = np.arange(6.0).reshape(2, 3), np.ones((2, 2))
    X0, Xt0 = X.copy(), Xt.copy()
    normalize_inputs(X, Xt)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(Xt, Xt0)


def test_normalize_bad_input():
    with pytest.raises(ValueError, match="constant"):
        normalize_inputs(np.array([[1.0, 1.0, 1.0], [0.0, 1.0, 2.0]]), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"expected \(2, m_test\)"):
        normalize_inputs(np.ones((2, 3)) + np.arange(3), np.ones((3, 1)))
    with pytest.raises(ValueError, match="2-D"):
        normalize_inputs(np.arange(3.0), np.arange(3.0))


# ------------------------------------------------------------------ the cost bowl

def test_normalising_makes_the_bowl_round_and_descent_fast():
    X, y = make_feature_scales(200, seed=1)
    Xn, *_ = normalize_inputs(X, X)
    assert bowl_elongation(X) > 500                     # x1 in 1..1000 vs x2 in 0..1
    assert bowl_elongation(Xn) < 1.1
    _, raw = gradient_descent_path(X, y, 2000, step=1.6)
    _, norm = gradient_descent_path(Xn, y, 2000, step=1.6)
    best = regression_cost(np.linalg.lstsq(np.vstack([Xn, np.ones((1, 200))]).T, y.ravel(), rcond=None)[0], Xn, y)
    assert norm[20] <= 1.01 * best
    assert raw[-1] > 2 * best                            # 2000 steps are not enough on raw features
    assert np.all(np.diff(norm) <= 1e-12)                # below the stability limit, the cost never rises


def test_regression_cost_by_hand():
    X = np.array([[1.0, 2.0]])
    y = np.array([[1.0, 3.0]])
    assert regression_cost([2.0, 0.0], X, y) == pytest.approx(((2 - 1) ** 2 + (4 - 3) ** 2) / 4)
    with pytest.raises(ValueError, match="expected 2"):
        regression_cost([1.0, 2.0, 3.0], X, y)


def test_contour_plot_is_labelled_and_silent():
    X, y = make_feature_scales(100, ranges=((0, 5), (0, 1)), seed=1)
    path, _ = gradient_descent_path(X, y, 10, step=1.6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = practical.plot_cost_contours(X, y, path, title="before")
    ax = fig.axes[0]
    assert ax.get_title() == "before" and ax.get_xlabel() and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["minimum", "gradient descent (10 steps)"]
    plt.close(fig)
    with pytest.raises(ValueError, match=r"\(2, m\)"):
        practical.plot_cost_contours(np.ones((3, 4)), np.ones((1, 4)))


# ------------------------------------------------------------------ the deep linear network

@pytest.mark.parametrize("scale", [1.5, 0.5, 1.0])
def test_deep_linear_net_scales_like_a_power(scale):
    x = np.array([[1.0], [1.0]])
    for L in (2, 10, 50):
        yhat, acts = deep_linear_forward(x, scale, L)
        assert len(acts) == L - 1
        assert yhat.shape == (1, 1)
        assert yhat[0, 0] == pytest.approx(2 * scale ** (L - 1), rel=1e-12)   # W^[L] = [1, 1]
        for l, a in enumerate(acts, 1):
            np.testing.assert_allclose(a, scale ** l * x, rtol=1e-12)


def test_deep_linear_net_explodes_and_vanishes():
    x = np.array([[1.0], [1.0]])
    big, _ = deep_linear_forward(x, 1.5, 50)
    small, _ = deep_linear_forward(x, 0.5, 50)
    assert big[0, 0] > 1e8 and small[0, 0] < 1e-13   # 1.5^49 = 4.2e8, 0.5^49 = 1.8e-15
    with pytest.raises(ValueError, match=r"`L` \(the number of layers\) must be a positive integer"):
        deep_linear_forward(x, 1.5, 0)


def test_layer_scale_plot_is_log_and_labelled():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = practical.plot_layer_scales({"1.5 I": 1.5 ** np.arange(10), "0.5 I": 0.5 ** np.arange(10)},
                                          reference={"formula": np.ones(10)})
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1.5 I", "0.5 I", "formula"]
    plt.close(fig)


def test_descent_path_records_the_cost_of_every_point():
    X, y = make_feature_scales(50, ranges=((0, 5), (0, 1)), seed=3)
    path, costs = gradient_descent_path(X, y, 7, step=1.0, theta0=[1.0, -1.0, 0.5])
    assert path.shape == (8, 3) and costs.shape == (8,)
    np.testing.assert_array_equal(path[0], [1.0, -1.0, 0.5])
    np.testing.assert_allclose(costs, [regression_cost(t, X, y) for t in path])
    with pytest.raises(ValueError, match="expected 3"):
        gradient_descent_path(X, y, 3, theta0=[0.0, 0.0])
