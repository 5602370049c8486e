"""Initialisers: course layout and seeds, the variance each targets, and training from them."""
import contextlib
import io

import numpy as np
import pytest

from dlkit import deep
from dlkit.data.planar import make_circles
from dlkit.initializers import (activation_stds, initialize, initialize_parameters_he, initialize_parameters_random,
                                initialize_parameters_xavier, initialize_parameters_zeros, weight_variance)

DIMS = [2, 10, 5, 1]
ALL = [initialize_parameters_zeros, initialize_parameters_random, initialize_parameters_he,
       initialize_parameters_xavier]


@pytest.mark.parametrize("init", ALL, ids=lambda f: f.__name__)
def test_course_layout(init):
    p = init([3, 2, 1])
    assert list(p) == ["W1", "b1", "W2", "b2"]
    assert {k: v.shape for k, v in p.items()} == {"W1": (2, 3), "b1": (2, 1), "W2": (1, 2), "b2": (1, 1)}
    assert all(v.dtype == np.float64 for v in p.values())
    assert all(not p[k].any() for k in ("b1", "b2"))


def test_zeros_are_zeros():
    p = initialize_parameters_zeros(DIMS)
    assert all(not v.any() for v in p.values()) and len(p) == 6


def test_seeds_follow_the_course_without_touching_global_state():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    big, he = initialize_parameters_random(DIMS), initialize_parameters_he(DIMS)
    xa, gl = initialize_parameters_xavier(DIMS), initialize_parameters_xavier(DIMS, variant="average")
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    for params, std in [(big, lambda p, n: 10.0), (he, lambda p, n: np.sqrt(2 / p)),
                        (xa, lambda p, n: np.sqrt(1 / p)), (gl, lambda p, n: np.sqrt(2 / (p + n)))]:
        np.random.seed(3)                                   # the course's np.random.seed(3), then W1, W2, ...
        for l in range(1, len(DIMS)):
            expected = np.random.randn(DIMS[l], DIMS[l - 1]) * std(DIMS[l - 1], DIMS[l])
            np.testing.assert_array_equal(params[f"W{l}"], expected)


def test_course_first_numbers():
    # np.random.seed(3); randn(2, 3) starts 1.78862847, 0.43650985, 0.09649747
    np.testing.assert_allclose(initialize_parameters_random([3, 2, 1])["W1"][0],
                               [17.88628473, 4.36509851, 0.96497468], rtol=1e-8)
    np.testing.assert_allclose(initialize_parameters_he([3, 2, 1])["W1"][0],
                               np.array([1.78862847, 0.43650985, 0.09649747]) * np.sqrt(2 / 3), rtol=1e-7)


@pytest.mark.parametrize("method, init, kwargs", [
    ("he", initialize_parameters_he, {}),
    ("xavier", initialize_parameters_xavier, {}),
    ("glorot", initialize_parameters_xavier, {"variant": "average"}),
])
def test_empirical_variance_matches_the_target(method, init, kwargs):
    dims = [400, 600, 300]
    p = init(dims, seed=0, **kwargs)
    for l in (1, 2):
        target = weight_variance(method, dims[l - 1], dims[l])
        assert np.var(p[f"W{l}"]) == pytest.approx(target, rel=0.02)
        assert abs(np.mean(p[f"W{l}"])) < 0.02 * np.sqrt(target)


def test_weight_variance_formulas():
    assert weight_variance("he", 50) == pytest.approx(2 / 50)
    assert weight_variance("xavier", 50) == pytest.approx(1 / 50)
    assert weight_variance("glorot", 50, 30) == pytest.approx(2 / 80)
    assert np.var(initialize_parameters_random([300, 300], scale=10.0)["W1"]) == pytest.approx(100, rel=0.02)
    with pytest.raises(ValueError, match="needs the layer size"):
        weight_variance("glorot", 50)
    with pytest.raises(ValueError, match="one of 'he', 'xavier', 'glorot'"):
        weight_variance("lecun", 50)


def test_dispatcher_and_bad_input():
    np.testing.assert_array_equal(initialize(DIMS, "he")["W2"], initialize_parameters_he(DIMS)["W2"])
    np.testing.assert_array_equal(initialize(DIMS, "random", scale=0.01)["W1"],
                                  initialize_parameters_random(DIMS, scale=0.01)["W1"])
    with pytest.raises(ValueError, match="one of"):
        initialize(DIMS, "orthogonal")
    with pytest.raises(ValueError, match="no options"):
        initialize(DIMS, "zeros", seed=1)
    with pytest.raises(ValueError, match=r"layers_dims\[1\]"):
        initialize_parameters_he([3, 0, 1])
    with pytest.raises(ValueError, match="at least 2 sizes"):
        initialize_parameters_zeros([3])
    with pytest.raises(ValueError, match="positive number"):
        initialize_parameters_random(DIMS, scale=-1)
    with pytest.raises(ValueError, match="variant"):
        initialize_parameters_xavier(DIMS, variant="fan_out")


def test_he_keeps_a_deep_relu_net_alive_and_the_others_do_not():
    dims = [100] * 21
    X = np.random.default_rng(0).normal(size=(100, 500))
    he = activation_stds(X, initialize_parameters_he(dims, seed=1))
    xa = activation_stds(X, initialize_parameters_xavier(dims, seed=1))
    big = activation_stds(X, initialize_parameters_random(dims, seed=1))
    zeros = activation_stds(X, initialize_parameters_zeros(dims))
    assert len(he) == 21
    assert 0.3 < he[-1] / he[1] < 3                   # Var(w) = 2/n keeps the ReLU signal's size
    assert xa[-1] / xa[1] < 0.01                       # 1/n halves E[a^2] per ReLU layer: (1/sqrt 2)^19
    assert big[-1] > 1e20                              # 10 * sqrt(n/2) ~ 70 per layer
    assert zeros[1:].max() == 0.0
    tanh = activation_stds(X, initialize_parameters_xavier(dims, seed=1), activation="tanh")
    assert tanh[-1] > 0.05                             # Xavier suits tanh: the signal shrinks only slowly
    with pytest.raises(ValueError, match="activation"):
        activation_stds(X, initialize_parameters_he(dims), activation="elu")
    with pytest.raises(ValueError, match=r"`W1` has shape"):
        activation_stds(X[:5], initialize_parameters_he(dims))


def test_L_layer_model_trains_from_given_parameters():
    X, Y = make_circles(300, noise=0.05, factor=0.8, seed=1)
    start = initialize_parameters_he(DIMS)
    kept = {k: v.copy() for k, v in start.items()}
    params, costs = deep.L_layer_model(X, Y, DIMS, learning_rate=0.01, num_iterations=300, parameters=start)
    for k in start:
        np.testing.assert_array_equal(start[k], kept[k])          # the start is not modified
    # the first recorded cost is the cost of the given start
    AL, _ = deep.L_model_forward(X, start)
    assert costs[0] == pytest.approx(deep.compute_cost(AL, Y))
    assert costs[-1] < costs[0]


def test_zeros_stay_symmetric_and_at_chance():
    X, Y = make_circles(300, noise=0.05, factor=0.8, seed=1)
    params, costs = deep.L_layer_model(X, Y, DIMS, learning_rate=0.01, num_iterations=500,
                                       parameters=initialize_parameters_zeros(DIMS))
    assert all(not params[f"W{l}"].any() for l in (1, 2, 3))        # ReLU(0) = 0 blocks every weight gradient
    assert costs[-1] == pytest.approx(np.log(2))
    with contextlib.redirect_stdout(io.StringIO()):
        assert np.mean(deep.predict(X, Y, params) == Y) == 0.5


def test_constant_weights_keep_identical_rows():
    X, Y = make_circles(300, noise=0.05, factor=0.8, seed=1)
    start = {k: np.full_like(v, 0.5) if k.startswith("W") else v for k, v in initialize_parameters_zeros(DIMS).items()}
    params, _ = deep.L_layer_model(X, Y, DIMS, learning_rate=0.01, num_iterations=200, parameters=start)
    W1 = params["W1"]
    assert not np.allclose(W1, 0.5)                                  # it learned something ...
    np.testing.assert_allclose(W1, np.repeat(W1[:1], len(W1), axis=0))  # ... the same in every unit


def test_L_layer_model_rejects_mismatched_parameters():
    X, Y = make_circles(20, seed=1)
    with pytest.raises(ValueError, match="describes 3"):
        deep.L_layer_model(X, Y, DIMS, num_iterations=1, parameters=initialize_parameters_he([2, 4, 1]))
    with pytest.raises(ValueError, match=r"parameters\['W2'\]"):
        deep.L_layer_model(X, Y, DIMS, num_iterations=1, parameters=initialize_parameters_he([2, 10, 4, 1]))


def test_torch_initialisers_target_the_same_variances():
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    n_prev, n = 500, 300
    w = torch.empty(n, n_prev, dtype=torch.float64)              # torch's Linear weight is (out, in), like W^[l]
    torch.nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu")
    ours = initialize_parameters_he([n_prev, n], seed=0)["W1"]
    assert float(w.var()) == pytest.approx(np.var(ours), rel=0.03)
    assert float(w.var()) == pytest.approx(weight_variance("he", n_prev), rel=0.03)
    torch.nn.init.xavier_normal_(w)
    ours = initialize_parameters_xavier([n_prev, n], variant="average", seed=0)["W1"]
    assert float(w.var()) == pytest.approx(np.var(ours), rel=0.03)
    assert float(w.var()) == pytest.approx(weight_variance("glorot", n_prev, n), rel=0.03)
