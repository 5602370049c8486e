"""Logistic regression: gradient check of propagate, shapes, training, and PyTorch agreement (optional)."""
import warnings

import numpy as np
import pytest

from dlkit import logistic
from dlkit.gradcheck import numeric_gradient, relative_error


def _data(seed=0, n_x=4, m=9):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(n_x, 1)), float(rng.normal()), rng.normal(size=(n_x, m)),
            (rng.random((1, m)) > 0.5).astype(float))


def test_initialize_with_zeros():
    w, b = logistic.initialize_with_zeros(3)
    assert w.shape == (3, 1) and not w.any() and isinstance(b, float) and b == 0.0
    for bad in (0, -1, 2.5, True, "3"):
        with pytest.raises(ValueError, match="positive integer"):
            logistic.initialize_with_zeros(bad)


@pytest.mark.parametrize("seed", range(4))
def test_propagate_gradient_check(seed):
    w, b, X, Y = _data(seed)
    grads, cost = logistic.propagate(w, b, X, Y)
    assert grads["dw"].shape == w.shape and isinstance(grads["db"], float) and isinstance(cost, float)
    num_dw = numeric_gradient(lambda w_: logistic.propagate(w_, b, X, Y)[1], w.copy())
    eps = 1e-7
    num_db = (logistic.propagate(w, b + eps, X, Y)[1] - logistic.propagate(w, b - eps, X, Y)[1]) / (2 * eps)
    assert relative_error(num_dw, grads["dw"]) < 1e-7
    assert relative_error(num_db, grads["db"]) < 1e-6


def test_propagate_matches_loop_version_of_the_notes():
    w, b, X, Y = _data(5, n_x=2, m=6)
    m = X.shape[1]
    J = dw1 = dw2 = db = 0.0
    for i in range(m):
        z = w[0, 0] * X[0, i] + w[1, 0] * X[1, i] + b
        a = 1 / (1 + np.exp(-z))
        J += -(Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a))
        dz = a - Y[0, i]
        dw1 += X[0, i] * dz
        dw2 += X[1, i] * dz
        db += dz
    grads, cost = logistic.propagate(w, b, X, Y)
    np.testing.assert_allclose(grads["dw"].ravel(), [dw1 / m, dw2 / m])
    assert grads["db"] == pytest.approx(db / m) and cost == pytest.approx(J / m)


def test_propagate_is_stable_for_saturated_predictions():
    w = np.array([[1000.0]])
    X = np.array([[1.0, -1.0]])
    Y = np.array([[0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, cost = logistic.propagate(w, 0.0, X, Y)
    assert cost == pytest.approx(1000.0)


@pytest.mark.parametrize("args, pattern", [
    ((np.zeros((3, 1)), 0.0, np.zeros((4, 5)), np.zeros((1, 5))), r"`w` has shape \(3, 1\), expected \(4, 1\)"),
    ((np.zeros((4,)), 0.0, np.zeros((4, 5)), np.zeros((1, 5))), r"`w` has shape \(4,\), expected \(4, 1\)"),
    ((np.zeros((4, 1)), 0.0, np.zeros((4, 5)), np.zeros((5,))), r"`Y` has shape \(5,\), expected \(1, 5\)"),
    ((np.zeros((4, 1)), 0.0, np.zeros((4, 5)), np.zeros((1, 4))), r"`Y` has shape \(1, 4\), expected \(1, 5\)"),
    ((np.zeros((4, 1)), np.zeros(3), np.zeros((4, 5)), np.zeros((1, 5))), r"`b` must be a single number"),
    ((np.zeros((4, 1)), 0.0, np.zeros(4), np.zeros((1, 5))), r"`X` must be a 2-D array"),
])
def test_wrong_shapes_raise_value_error(args, pattern):
    with pytest.raises(ValueError, match=pattern):
        logistic.propagate(*args)


def test_optimize_lowers_the_cost_and_does_not_modify_inputs():
    w, b, X, Y = _data(2, m=30)
    w0 = w.copy()
    params, grads, costs = logistic.optimize(w, b, X, Y, num_iterations=501, learning_rate=0.1)
    assert len(costs) == 6 and all(c1 < c0 for c0, c1 in zip(costs, costs[1:]))
    np.testing.assert_array_equal(w, w0)
    assert params["w"].shape == w.shape and isinstance(params["b"], float)


def test_predict_threshold_is_strict():
    pred = logistic.predict(np.zeros((2, 1)), 0.0, np.ones((2, 3)))
    np.testing.assert_array_equal(pred, [[0.0, 0.0, 0.0]])
    pred = logistic.predict(np.array([[1.0], [0.0]]), 0.0, np.array([[2.0, -2.0], [0.0, 0.0]]))
    np.testing.assert_array_equal(pred, [[1.0, 0.0]])


def test_model_learns_a_separable_problem():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(2, 200))
    Y = (X[0:1] + 2 * X[1:2] > 0).astype(float)
    d = logistic.model(X[:, :150], Y[:, :150], X[:, 150:], Y[:, 150:], num_iterations=1000, learning_rate=0.5)
    assert logistic.accuracy(d["Y_prediction_train"], Y[:, :150]) > 95
    assert logistic.accuracy(d["Y_prediction_test"], Y[:, 150:]) > 90
    assert set(d) == {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate", "num_iterations"}


def test_model_rejects_mismatched_features():
    with pytest.raises(ValueError, match="expected \\(3, m_test\\)"):
        logistic.model(np.zeros((3, 4)), np.zeros((1, 4)), np.zeros((2, 4)), np.zeros((1, 4)))


def test_propagate_agrees_with_pytorch():
    torch = pytest.importorskip("torch")
    w, b, X, Y = _data(7, n_x=6, m=11)
    grads, cost = logistic.propagate(w, b, X, Y)
    tw = torch.tensor(w, requires_grad=True)
    tb = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    z = tw.T @ torch.tensor(X) + tb
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z, torch.tensor(Y))
    loss.backward()
    assert cost == pytest.approx(loss.item(), rel=1e-12)
    np.testing.assert_allclose(grads["dw"], tw.grad.numpy(), rtol=1e-10)
    assert grads["db"] == pytest.approx(tb.grad.item(), rel=1e-10)
