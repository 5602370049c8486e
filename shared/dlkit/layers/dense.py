"""Fully connected (dense) layer kernels, in the cache convention of Course 1 Week 4.

Notation: layer l has n^[l] units; a batch of m examples is stored one example
per column. Shapes:

    A_prev  (n^[l-1], m)    W  (n^[l], n^[l-1])    b  (n^[l], 1)
    Z, A, dZ, dA             (n^[l], m)

Forward kernels return the output and a *cache*, the values the backward
kernel needs later:

    linear_forward(A_prev, W, b)                  -> Z, (A_prev, W, b)
    sigmoid_forward / relu_forward / tanh_forward -> A, Z
    linear_activation_forward(..., activation)    -> A, ((A_prev, W, b), Z)

Backward kernels take the upstream gradient and the cache:

    sigmoid_backward / relu_backward / tanh_backward(dA, Z) -> dZ = dA * g'(Z)
    linear_backward(dZ, (A_prev, W, b))                     -> dA_prev, dW, db
    linear_activation_backward(dA, cache, activation)       -> dA_prev, dW, db

**Scaling convention (the course's).** ``dZ`` and ``dA`` hold per-example
derivatives, column i being dL^(i)/dZ[:, i] of that example's loss, while
``dW`` and ``db`` are derivatives of the cost J = (1/m) sum_i L^(i), the
average over the batch. Hence the 1/m in

    dW = (1/m) dZ A_prev^T,   db = (1/m) sum_i dZ[:, i],   dA_prev = W^T dZ   (no 1/m).

``relu_backward`` passes the gradient where Z > 0 and blocks it where Z <= 0,
as the course's helper and PyTorch do. (The lecture's convention, used by
``dlkit.activations.relu_derivative``, gives the slope 1 at exactly Z = 0; any
value in [0, 1] is valid there. The choice matters when a whole layer is dead
for an example: its Z is then exactly 0 while the biases are still zero, and
blocking the gradient keeps such a unit dead, as the forward pass is.)
"""
from __future__ import annotations

import numpy as np

from .._validate import as_array, expect_shape
from ..activations import relu, sigmoid, tanh

__all__ = [
    "linear_forward", "linear_backward",
    "sigmoid_forward", "sigmoid_backward",
    "relu_forward", "relu_backward",
    "tanh_forward", "tanh_backward",
    "linear_activation_forward", "linear_activation_backward",
    "ACTIVATION_NAMES",
]

ACTIVATION_NAMES = ("sigmoid", "relu", "tanh")


def _check_linear(A_prev, W, b):
    A_prev = as_array("A_prev", A_prev, ndim=2)
    n_prev = A_prev.shape[0]
    W = as_array("W", W, ndim=2)
    expect_shape("W", W, ("n^[l]", n_prev),
                 hint=f"W has one column per unit of the previous layer (A_prev has {n_prev} rows)")
    b = as_array("b", b)
    expect_shape("b", b, (W.shape[0], 1), hint="b is a column with one bias per unit (one per row of W)")
    return A_prev, W, b


def linear_forward(A_prev, W, b):
    """Z = W A_prev + b, the linear part of a layer.

    A_prev (n_prev, m), W (n, n_prev), b (n, 1) -> Z (n, m); ``cache = (A_prev, W, b)``.
    """
    A_prev, W, b = _check_linear(A_prev, W, b)
    Z = W @ A_prev + b
    return Z, (A_prev, W, b)


def _check_dA_Z(dA, Z):
    Z = as_array("Z", Z)
    dA = as_array("dA", dA)
    expect_shape("dA", dA, Z.shape, hint="dA must have the shape of the cached Z (n^[l], m)")
    return dA, Z


def sigmoid_forward(Z):
    """A = sigma(Z) elementwise (stable for any Z); returns ``(A, Z)``, Z being the cache."""
    Z = as_array("Z", Z)
    return sigmoid(Z), Z


def sigmoid_backward(dA, Z):
    """dZ = dA * sigma(Z) (1 - sigma(Z)); ``dA`` and ``Z`` of the same shape (n, m)."""
    dA, Z = _check_dA_Z(dA, Z)
    s = sigmoid(Z)
    return dA * s * (1.0 - s)


def relu_forward(Z):
    """A = max(0, Z) elementwise; returns ``(A, Z)``."""
    Z = as_array("Z", Z)
    return relu(Z), Z


def relu_backward(dA, Z):
    """dZ = dA where Z > 0, 0 where Z <= 0; ``dA`` and ``Z`` of the same shape (n, m)."""
    dA, Z = _check_dA_Z(dA, Z)
    return np.where(Z > 0, dA, 0.0)


def tanh_forward(Z):
    """A = tanh(Z) elementwise; returns ``(A, Z)``."""
    Z = as_array("Z", Z)
    return tanh(Z), Z


def tanh_backward(dA, Z):
    """dZ = dA * (1 - tanh(Z)^2); ``dA`` and ``Z`` of the same shape (n, m)."""
    dA, Z = _check_dA_Z(dA, Z)
    t = np.tanh(Z)
    return dA * (1.0 - t * t)


_FORWARD = {"sigmoid": sigmoid_forward, "relu": relu_forward, "tanh": tanh_forward}
_BACKWARD = {"sigmoid": sigmoid_backward, "relu": relu_backward, "tanh": tanh_backward}


def _activation(activation, table):
    if activation not in table:
        raise ValueError(f"`activation` must be one of {', '.join(map(repr, ACTIVATION_NAMES))}, "
                         f"got {activation!r}")
    return table[activation]


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b) for g = ``"sigmoid"``, ``"relu"`` or ``"tanh"``.

    A_prev (n_prev, m), W (n, n_prev), b (n, 1) -> A (n, m);
    ``cache = (linear_cache, activation_cache) = ((A_prev, W, b), Z)``.
    """
    forward = _activation(activation, _FORWARD)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = forward(Z)
    return A, (linear_cache, activation_cache)


def _check_linear_cache(cache):
    if not (isinstance(cache, (tuple, list)) and len(cache) == 3):
        raise ValueError("`cache` must be the tuple (A_prev, W, b) that linear_forward returned")
    return _check_linear(*cache)


def linear_backward(dZ, cache):
    """Gradients of a layer's linear part from dZ (n, m) and ``cache = (A_prev, W, b)``.

    Returns ``(dA_prev, dW, db)`` of shapes (n_prev, m), (n, n_prev), (n, 1):
    dA_prev = W^T dZ, dW = (1/m) dZ A_prev^T, db = (1/m) sum over the columns of dZ.
    """
    A_prev, W, b = _check_linear_cache(cache)
    dZ = as_array("dZ", dZ)
    m = A_prev.shape[1]
    expect_shape("dZ", dZ, (W.shape[0], m), hint="dZ has one row per unit and one column per example")
    dW = (dZ @ A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Gradients of one LINEAR -> ACTIVATION layer.

    ``dA`` (n, m) is the gradient of the layer's output, ``cache = ((A_prev, W, b), Z)``
    from ``linear_activation_forward`` with the same ``activation``.
    Returns ``(dA_prev, dW, db)`` of shapes (n_prev, m), (n, n_prev), (n, 1).
    """
    backward = _activation(activation, _BACKWARD)
    if not (isinstance(cache, (tuple, list)) and len(cache) == 2):
        raise ValueError("`cache` must be the pair (linear_cache, activation_cache) = ((A_prev, W, b), Z)")
    linear_cache, activation_cache = cache
    dZ = backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
