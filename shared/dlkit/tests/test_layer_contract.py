"""The naive-vs-fast contract (``dlkit.layers._contract``), shown on the dense layer.

Course 4 will grade loop versions of its layers and train with vectorised
ones; this is the pattern. Here the "naive" dense kernels loop over the
examples, one column at a time, with the same input checks and cache as
``dlkit.layers.dense``; ``assert_same_contract`` proves the two interchangeable,
and the last tests show that it catches a fast kernel that breaks the contract.
"""
import numpy as np
import pytest

from dlkit.layers import dense
from dlkit.layers._contract import assert_same_contract


def naive_linear_forward(A_prev, W, b):
    """Z[:, i] = W a^(i) + b, one example at a time."""
    A_prev, W, b = dense.check_linear(A_prev, W, b)
    Z = np.zeros((W.shape[0], A_prev.shape[1]))
    for i in range(A_prev.shape[1]):
        Z[:, i] = W @ A_prev[:, i] + b[:, 0]
    return Z, (A_prev, W, b)


def naive_linear_backward(dZ, cache):
    """dW and db as averages of the per-example outer products, dA_prev column by column."""
    A_prev, W, b = dense.check_linear_cache(cache)
    dZ = np.asarray(dZ, dtype=float)
    m = A_prev.shape[1]
    if dZ.shape != (W.shape[0], m):            # the fast kernel's check, through its own helper
        dense.linear_backward(dZ, cache)
    dA_prev, dW, db = np.zeros_like(A_prev), np.zeros_like(W), np.zeros_like(b)
    for i in range(m):
        dz = dZ[:, i:i + 1]
        dW += dz @ A_prev[:, i:i + 1].T / m
        db += dz / m
        dA_prev[:, i] = W.T @ dZ[:, i]
    return dA_prev, dW, db


def _cases():
    rng = np.random.default_rng(0)
    for n_prev, n, m in ((3, 5, 4), (16, 16, 32), (1, 1, 1)):   # the notes' W^[1] (5, 3); a 16x16 layer; one unit
        yield rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))


BAD = [
    (np.zeros((4, 5)), np.zeros((3, 2)), np.zeros((3, 1))),     # W does not fit A_prev
    (np.zeros((4, 5)), np.zeros((3, 4)), np.zeros(3)),          # b is not a column
    (np.zeros(4), np.zeros((3, 4)), np.zeros((3, 1))),          # A_prev is 1-D
    (np.zeros((4, 5)), "W", np.zeros((3, 1))),                  # not numeric
]
NAIVE = (naive_linear_forward, naive_linear_backward)
FAST = (dense.linear_forward, dense.linear_backward)


def test_loop_and_vectorised_dense_kernels_keep_one_contract():
    assert_same_contract(NAIVE, FAST, _cases(), BAD)


def test_contract_catches_a_fast_backward_without_the_course_1_scaling():
    def forgot_one_over_m(dZ, cache):
        A_prev, W, b = dense.check_linear_cache(cache)
        return dense.linear_backward_core(np.asarray(dZ, float), A_prev, W)

    with pytest.raises(AssertionError, match=r"case 0: backward\[1\]: fast and naive differ"):
        assert_same_contract(NAIVE, (dense.linear_forward, forgot_one_over_m), _cases())


def test_contract_catches_a_fast_kernel_with_another_error():
    def unchecked_forward(A_prev, W, b):
        A_prev, W, b = (np.asarray(x, float) for x in (A_prev, W, b))
        return dense.linear_forward_core(A_prev, W, b), (A_prev, W, b)

    with pytest.raises(AssertionError, match=r"bad input 0: naive gives ValueError: `W` has shape"):
        assert_same_contract(NAIVE, (unchecked_forward, dense.linear_backward), _cases(), BAD)


def test_contract_catches_incompatible_caches():
    def forward_with_own_cache(A_prev, W, b):
        Z, (A_prev, W, b) = dense.linear_forward(A_prev, W, b)
        return Z, {"A_prev": A_prev, "W": W, "b": b}

    def backward_with_own_cache(dZ, cache):
        return dense.linear_backward(dZ, (cache["A_prev"], cache["W"], cache["b"]))

    with pytest.raises(AssertionError, match="naive cache"):
        assert_same_contract(NAIVE, (forward_with_own_cache, backward_with_own_cache), _cases())


def test_contract_needs_cases():
    with pytest.raises(AssertionError, match="no cases"):
        assert_same_contract(NAIVE, FAST, [])
