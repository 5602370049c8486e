"""Fully connected (dense) layer: Z = W A_prev + b, examples as columns.

Shapes (layer l has n^[l] units, a batch has m examples, one per column):

    A_prev  (n^[l-1], m)    W  (n^[l], n^[l-1])    b  (n^[l], 1)    Z, dZ, A, dA  (n^[l], m)

Cores (unchecked, convention-free: every gradient is the true slope of
whatever scalar dZ is the slope of):

    linear_forward_core(A_prev, W, b) -> Z
    linear_backward_core(dZ, A_prev, W) -> dA_prev = W^T dZ, dW = dZ A_prev^T, db = row sums of dZ
    linear_backward_course1_core(dZ, A_prev, W) -> the same with dW and db divided by m (see below)

Checked kernels (Course 1 Week 4's signatures, layouts and caches):

    linear_forward(A_prev, W, b)                  -> Z, cache = (A_prev, W, b)
    linear_backward(dZ, cache)                    -> dA_prev, dW, db
    linear_activation_forward(..., activation)    -> A, cache = ((A_prev, W, b), Z)
    linear_activation_backward(dA, cache, activation) -> dA_prev, dW, db

**Course 1's scaling convention** lives only in ``linear_backward_course1_core``,
a thin wrapper over the core that ``linear_backward`` calls after its checks.
The course's ``dZ`` holds per-example derivatives (column i is dL^(i)/dZ[:, i])
while ``dW`` and ``db`` are slopes of the cost J = (1/m) sum_i L^(i), so the
wrapper divides the core's dW and db by m:

    dW = (1/m) dZ A_prev^T,   db = (1/m) sum_i dZ[:, i],   dA_prev = W^T dZ   (no 1/m).

``dlkit.nn.Dense`` calls the core directly, its dZ being already dJ/dZ.
The activation kernels (``relu_forward``, ...) live in ``dlkit.layers.activations``.
"""
from __future__ import annotations

import numpy as np

from .._validate import as_array, expect_choice, expect_layout, expect_shape
from .activations import (
    relu_backward, relu_forward, sigmoid_backward, sigmoid_forward, tanh_backward, tanh_forward,
)

__all__ = [
    "linear_forward_core", "linear_backward_core", "linear_backward_course1_core",
    "linear_forward", "linear_backward", "linear_activation_forward", "linear_activation_backward",
    "ACTIVATION_NAMES",
]

ACTIVATION_NAMES = ("sigmoid", "relu", "tanh")


# ------------------------------------------------------------------ cores

def linear_forward_core(A_prev, W, b):
    """Z = W A_prev + b for float arrays of matching shapes (no checks)."""
    return W @ A_prev + b


def linear_backward_core(dZ, A_prev, W):
    """(dA_prev, dW, db) = (W^T dZ, dZ A_prev^T, dZ summed over the examples): true slopes, no 1/m."""
    return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True)


def linear_backward_course1_core(dZ, A_prev, W):
    """Course 1's convention over the core, unchecked: dZ holds per-example slopes, so dW and db are divided by m."""
    dA_prev, dW, db = linear_backward_core(dZ, A_prev, W)
    m = A_prev.shape[1]
    return dA_prev, dW / m, db / m


# -------------------------------------------------------- checked kernels

def check_linear(A_prev, W, b):
    """The dense layer's input contract: float (A_prev, W, b) after checking their layouts and shapes."""
    A_prev = expect_layout("A_prev", A_prev, "(n^[l-1], m)")
    n_prev = A_prev.shape[0]
    W = expect_layout("W", W, "(n^[l], n^[l-1])")
    expect_shape("W", W, ("n^[l]", n_prev),
                 hint=f"W has one column per unit of the previous layer (A_prev has {n_prev} rows)")
    b = as_array("b", b)
    expect_shape("b", b, (W.shape[0], 1), hint="b is a column with one bias per unit (one per row of W)")
    return A_prev, W, b


def linear_forward(A_prev, W, b):
    """Z = W A_prev + b, the linear part of a layer.

    A_prev (n^[l-1], m), W (n^[l], n^[l-1]), b (n^[l], 1) -> Z (n^[l], m);
    cache = (A_prev, W, b). Raises ValueError naming the argument and the
    expected shape when W does not fit A_prev or b is not a column.

    The notes' network (L = 4, n^[0] = 3, n^[1] = 5) has W^[1] of shape (5, 3):

    >>> Z, cache = linear_forward(np.ones((3, 2)), np.full((5, 3), 0.5), np.zeros((5, 1)))
    >>> Z.shape, float(Z[0, 0])
    ((5, 2), 1.5)
    """
    A_prev, W, b = check_linear(A_prev, W, b)
    return linear_forward_core(A_prev, W, b), (A_prev, W, b)


def check_linear_cache(cache):
    """The cache contract of ``linear_backward``: the checked tuple (A_prev, W, b)."""
    if not (isinstance(cache, (tuple, list)) and len(cache) == 3):
        raise ValueError("`cache` must be the tuple (A_prev, W, b) that linear_forward returned")
    return check_linear(*cache)


def linear_backward(dZ, cache):
    """Gradients of a layer's linear part, in Course 1's convention.

    dZ (n^[l], m) per-example slopes, cache = (A_prev, W, b) from ``linear_forward``
    -> dA_prev (n^[l-1], m), dW (n^[l], n^[l-1]), db (n^[l], 1):
    dA_prev = W^T dZ, dW = (1/m) dZ A_prev^T, db = (1/m) sum over the columns of dZ.
    Raises ValueError naming ``dZ`` and its expected shape, or the cache's form.

    >>> A_prev, W, b = np.array([[1.0, 3.0]]), np.array([[2.0]]), np.zeros((1, 1))
    >>> linear_backward(np.array([[1.0, 1.0]]), (A_prev, W, b))    # dW = (1 + 3) / 2
    (array([[2., 2.]]), array([[2.]]), array([[1.]]))
    """
    A_prev, W, b = check_linear_cache(cache)
    dZ = expect_layout("dZ", dZ, "(n^[l], m)")
    m = A_prev.shape[1]
    expect_shape("dZ", dZ, (W.shape[0], m), hint="dZ has one row per unit and one column per example")
    return linear_backward_course1_core(dZ, A_prev, W)


_FORWARD = {"sigmoid": sigmoid_forward, "relu": relu_forward, "tanh": tanh_forward}
_BACKWARD = {"sigmoid": sigmoid_backward, "relu": relu_backward, "tanh": tanh_backward}


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b) for g = ``"sigmoid"``, ``"relu"`` or ``"tanh"``.

    A_prev (n^[l-1], m), W (n^[l], n^[l-1]), b (n^[l], 1) -> A (n^[l], m);
    cache = (linear_cache, activation_cache) = ((A_prev, W, b), Z).
    Raises ValueError for an unknown activation or shapes that do not fit.

    >>> A, cache = linear_activation_forward(np.array([[1.0, -1.0]]), np.array([[2.0]]), np.zeros((1, 1)), "relu")
    >>> A
    array([[2., 0.]])
    """
    forward = _FORWARD[expect_choice("activation", activation, ACTIVATION_NAMES)]
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = forward(Z)
    return A, (linear_cache, activation_cache)


def linear_activation_backward(dA, cache, activation):
    """Gradients of one LINEAR -> ACTIVATION layer, in Course 1's convention.

    dA (n^[l], m), cache = ((A_prev, W, b), Z) from ``linear_activation_forward``
    with the same ``activation`` -> dA_prev (n^[l-1], m), dW (n^[l], n^[l-1]), db (n^[l], 1).
    Raises ValueError for an unknown activation, a cache of the wrong form or shapes that do not fit.

    >>> cache = ((np.array([[1.0, 3.0]]), np.array([[2.0]]), np.zeros((1, 1))), np.array([[2.0, -6.0]]))
    >>> linear_activation_backward(np.array([[1.0, 1.0]]), cache, "relu")   # the second example is blocked
    (array([[2., 0.]]), array([[0.5]]), array([[0.5]]))
    """
    backward = _BACKWARD[expect_choice("activation", activation, ACTIVATION_NAMES)]
    if not (isinstance(cache, (tuple, list)) and len(cache) == 2):
        raise ValueError("`cache` must be the pair (linear_cache, activation_cache) = ((A_prev, W, b), Z)")
    linear_cache, activation_cache = cache
    dZ = backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
