"""Dense-layer kernels: values, caches, numeric gradient checks of every backward kernel, torch agreement."""
import warnings

import numpy as np
import pytest

from dlkit.gradcheck import numeric_gradient, relative_error
from dlkit.layers import (
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    relu_backward,
    relu_forward,
    sigmoid_backward,
    sigmoid_forward,
    tanh_backward,
    tanh_forward,
)

ACTS = ["sigmoid", "relu", "tanh"]
FORWARD = {"sigmoid": sigmoid_forward, "relu": relu_forward, "tanh": tanh_forward}
BACKWARD = {"sigmoid": sigmoid_backward, "relu": relu_backward, "tanh": tanh_backward}


def _layer(seed=0, n_prev=4, n=3, m=5):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))


def _away_from_kink(Z, gap=1e-3):
    """Z with entries near 0 pushed away, so that ReLU's kink does not spoil a numeric derivative."""
    return np.where(np.abs(Z) < gap, np.sign(Z + 1e-300) * gap * 10, Z)


def test_linear_forward_values_and_cache():
    A_prev = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    W = np.array([[1.0, 0.0, -1.0]])
    b = np.array([[0.5]])
    Z, cache = linear_forward(A_prev, W, b)
    np.testing.assert_array_equal(Z, [[-3.5, -3.5]])
    assert cache[0] is A_prev and cache[1] is W and cache[2] is b


def test_linear_forward_broadcasts_b_over_examples():
    A_prev, W, b = _layer(1, m=7)
    Z, _ = linear_forward(A_prev, W, b)
    assert Z.shape == (3, 7)
    for i in range(7):
        np.testing.assert_allclose(Z[:, [i]], W @ A_prev[:, [i]] + b)


@pytest.mark.parametrize("act", ACTS)
def test_activation_forward_returns_Z_as_cache(act):
    Z = np.array([[-2.0, 0.0, 3.0]])
    A, cache = FORWARD[act](Z)
    assert cache is Z or np.array_equal(cache, Z)
    expected = {"sigmoid": 1 / (1 + np.exp(-Z)), "relu": np.maximum(0, Z), "tanh": np.tanh(Z)}[act]
    np.testing.assert_allclose(A, expected)


def test_worked_activation_values():
    # sigma(0) = 0.5 and sigma'(0) = 0.25; tanh'(0) = 1; ReLU passes the gradient where z > 0 only
    Z = np.array([[0.0]])
    assert sigmoid_forward(Z)[0][0, 0] == 0.5
    assert sigmoid_backward(np.ones((1, 1)), Z)[0, 0] == 0.25
    assert tanh_backward(np.ones((1, 1)), Z)[0, 0] == 1.0
    np.testing.assert_array_equal(relu_backward(np.ones((1, 3)), np.array([[-1.0, 0.0, 2.0]])), [[0, 0, 1]])


@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize("seed", range(3))
def test_activation_backward_gradient_check(act, seed):
    rng = np.random.default_rng(seed)
    Z = _away_from_kink(rng.normal(0, 2, size=(3, 6)))
    dA = rng.normal(size=Z.shape)
    # J(Z) = sum(dA * g(Z)) has gradient dA * g'(Z), which the backward kernel returns
    num = numeric_gradient(lambda z: float(np.sum(dA * FORWARD[act](z)[0])), Z.copy(), eps=1e-6)
    assert relative_error(num, BACKWARD[act](dA, Z)) < 1e-7


@pytest.mark.parametrize("seed", range(4))
def test_linear_backward_gradient_check(seed):
    A_prev, W, b = _layer(seed, m=6)
    m = A_prev.shape[1]
    dZ = np.random.default_rng(seed + 10).normal(size=(3, m))
    dA_prev, dW, db = linear_backward(dZ, (A_prev, W, b))
    assert dA_prev.shape == A_prev.shape and dW.shape == W.shape and db.shape == b.shape

    def J(A_, W_, b_):
        """sum_i L^(i) with dL^(i)/dZ[:, i] = dZ[:, i]: J = sum(dZ * Z)."""
        return float(np.sum(dZ * linear_forward(A_, W_, b_)[0]))

    # dW and db are derivatives of the cost (the average, 1/m); dA_prev of the per-example losses.
    num_dW = numeric_gradient(lambda w: J(A_prev, w, b), W.copy()) / m
    num_db = numeric_gradient(lambda b_: J(A_prev, W, b_), b.copy()) / m
    num_dA = numeric_gradient(lambda a: J(a, W, b), A_prev.copy())
    assert relative_error(num_dW, dW) < 1e-7
    assert relative_error(num_db, db) < 1e-7
    assert relative_error(num_dA, dA_prev) < 1e-7


@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize("seed", range(3))
def test_linear_activation_backward_gradient_check(act, seed):
    A_prev, W, b = _layer(seed, n_prev=5, n=4, m=7)
    m = A_prev.shape[1]
    A, cache = linear_activation_forward(A_prev, W, b, act)
    Z = cache[1]
    if act == "relu":
        assert np.min(np.abs(Z)) > 1e-4, "pick another seed: a Z sits on ReLU's kink"
    dA = np.random.default_rng(seed + 20).normal(size=A.shape)
    dA_prev, dW, db = linear_activation_backward(dA, cache, act)

    def J(A_, W_, b_):
        return float(np.sum(dA * linear_activation_forward(A_, W_, b_, act)[0]))

    assert relative_error(numeric_gradient(lambda w: J(A_prev, w, b), W.copy()) / m, dW) < 1e-7
    assert relative_error(numeric_gradient(lambda b_: J(A_prev, W, b_), b.copy()) / m, db) < 1e-7
    assert relative_error(numeric_gradient(lambda a: J(a, W, b), A_prev.copy()), dA_prev) < 1e-7


def test_cache_layout_is_linear_then_activation():
    A_prev, W, b = _layer(4)
    A, (linear_cache, activation_cache) = linear_activation_forward(A_prev, W, b, "relu")
    assert linear_cache[0] is A_prev and linear_cache[1] is W and linear_cache[2] is b
    np.testing.assert_allclose(activation_cache, W @ A_prev + b)
    np.testing.assert_allclose(A, np.maximum(0, activation_cache))


def test_sigmoid_kernels_are_stable():
    Z = np.array([[-1000.0, 0.0, 1000.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A, _ = sigmoid_forward(Z)
        dZ = sigmoid_backward(np.ones_like(Z), Z)
    np.testing.assert_array_equal(A, [[0.0, 0.5, 1.0]])
    np.testing.assert_array_equal(dZ, [[0.0, 0.25, 0.0]])


@pytest.mark.parametrize("call, pattern", [
    (lambda: linear_forward(np.zeros((4, 5)), np.zeros((3, 2)), np.zeros((3, 1))),
     r"`W` has shape \(3, 2\), expected \(n\^\[l\], 4\)"),
    (lambda: linear_forward(np.zeros((4, 5)), np.zeros((3, 4)), np.zeros(3)),
     r"`b` has shape \(3,\), expected \(3, 1\)"),
    (lambda: linear_forward(np.zeros(4), np.zeros((3, 4)), np.zeros((3, 1))), r"`A_prev` must be a 2-D array"),
    (lambda: linear_backward(np.zeros((3, 4)), (np.zeros((4, 5)), np.zeros((3, 4)), np.zeros((3, 1)))),
     r"`dZ` has shape \(3, 4\), expected \(3, 5\)"),
    (lambda: linear_backward(np.zeros((3, 5)), (np.zeros((4, 5)), np.zeros((3, 4)))), r"tuple \(A_prev, W, b\)"),
    (lambda: relu_backward(np.zeros((2, 3)), np.zeros((3, 2))), r"`dA` has shape \(2, 3\), expected \(3, 2\)"),
    (lambda: linear_activation_forward(np.zeros((4, 5)), np.zeros((3, 4)), np.zeros((3, 1)), "softmax"),
     r"`activation` must be one of"),
    (lambda: linear_activation_backward(np.zeros((3, 5)), (np.zeros((4, 5)), np.zeros((3, 4)), np.zeros((3, 1))),
                                        "relu"), r"pair \(linear_cache, activation_cache\)"),
])
def test_wrong_input_raises_value_error_naming_the_shape(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


@pytest.mark.parametrize("act", ACTS)
def test_layer_agrees_with_pytorch(act):
    torch = pytest.importorskip("torch")
    A_prev, W, b = _layer(9, n_prev=6, n=4, m=8)
    m = A_prev.shape[1]
    A, cache = linear_activation_forward(A_prev, W, b, act)
    dA = np.random.default_rng(99).normal(size=A.shape)
    dA_prev, dW, db = linear_activation_backward(dA, cache, act)

    tA, tW, tb = (torch.tensor(x, requires_grad=True) for x in (A_prev, W, b))
    out = getattr(torch, act)(tW @ tA + tb)
    np.testing.assert_allclose(out.detach().numpy(), A, rtol=1e-12)
    out.backward(torch.tensor(dA))
    np.testing.assert_allclose(tA.grad.numpy(), dA_prev, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(tW.grad.numpy() / m, dW, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(tb.grad.numpy() / m, db, rtol=1e-10, atol=1e-14)
