"""Activation layers: sigmoid, ReLU, tanh (and softmax), the math once.

Cores (unchecked; any shape; the entry-by-entry math of every copy in dlkit):

    sigmoid_core(Z) -> A            sigmoid_backward_core(dA, A) -> dZ = dA * A (1 - A)
    relu_core(Z)    -> A            relu_backward_core(dA, A)    -> dZ = dA where A > 0, else 0
    tanh_core(Z)    -> A            tanh_backward_core(dA, A)    -> dZ = dA * (1 - A^2)
    softmax_core(Z, axis)  -> A, normalised along ``axis``

A backward core takes the activation's **output** ``A`` (for ReLU, A > 0
exactly where Z > 0, so Z serves as well). The slope g'(Z) itself is the
backward pass of an upstream gradient of 1: ``sigmoid_backward_core(1.0, A)``.
Cores are convention-free: dZ is whatever dA is (a per-example slope in
Course 1, a slope of the cost in ``dlkit.nn``).

Checked kernels (Course 1 Week 4, examples as columns; cache = Z):

    sigmoid_forward / relu_forward / tanh_forward(Z)          -> A, Z
    sigmoid_backward / relu_backward / tanh_backward(dA, Z)   -> dZ

``relu_backward`` passes the gradient where Z > 0 and blocks it where Z <= 0,
as the course's helper and PyTorch do. (The lecture's convention, used by
``dlkit.activations.relu_derivative``, gives the slope 1 at exactly Z = 0; any
value in [0, 1] is valid there. The choice matters when a whole layer is dead
for an example: its Z is then exactly 0 while the biases are still zero, and
blocking the gradient keeps such a unit dead, as the forward pass is.)

Errors: a ValueError naming ``dA`` and the expected shape when ``dA`` and
``Z`` differ, or naming the argument when it is not numeric.
"""
from __future__ import annotations

import numpy as np

from .._validate import as_array, expect_shape

__all__ = [
    "sigmoid_core", "sigmoid_backward_core", "relu_core", "relu_backward_core",
    "tanh_core", "tanh_backward_core", "softmax_core",
    "sigmoid_forward", "sigmoid_backward", "relu_forward", "relu_backward", "tanh_forward", "tanh_backward",
]


# ------------------------------------------------------------------ cores

def sigmoid_core(Z):
    """sigma(Z) = 1 / (1 + e^-Z) for a float array; uses e^-|Z|, so no exponent is positive (no overflow)."""
    e = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_backward_core(dA, A):
    """dZ = dA * A (1 - A), with A = sigma(Z) the forward output."""
    return dA * A * (1.0 - A)


def relu_core(Z):
    """max(0, Z) entry by entry."""
    return np.maximum(Z, 0.0)


def relu_backward_core(dA, A):
    """dZ = dA where A > 0 and 0 elsewhere (A the output, or Z itself: both are > 0 at the same entries)."""
    return np.where(A > 0, dA, 0.0)


def tanh_core(Z):
    """tanh(Z) entry by entry."""
    return np.tanh(Z)


def tanh_backward_core(dA, A):
    """dZ = dA * (1 - A^2), with A = tanh(Z) the forward output."""
    return dA * (1.0 - A * A)


def softmax_core(Z, axis=0):
    """e^Z / sum(e^Z) along ``axis``, after subtracting the maximum (never overflows)."""
    t = np.exp(Z - np.max(Z, axis=axis, keepdims=True))
    return t / np.sum(t, axis=axis, keepdims=True)


# -------------------------------------------------------- checked kernels

def _check_dA_Z(dA, Z):
    Z = as_array("Z", Z)
    dA = as_array("dA", dA)
    expect_shape("dA", dA, Z.shape, hint="dA must have the shape of the cached Z (n^[l], m)")
    return dA, Z


def sigmoid_forward(Z):
    """A = sigma(Z) entry by entry, stable for any Z.

    Z (n^[l], m) -> A (n^[l], m); cache: Z itself. Raises ValueError if Z is not numeric.

    >>> A, cache = sigmoid_forward(np.array([[0.0, 1000.0, -1000.0]]))
    >>> A
    array([[0.5, 1. , 0. ]])
    """
    Z = as_array("Z", Z)
    return sigmoid_core(Z), Z


def sigmoid_backward(dA, Z):
    """dZ = dA * sigma(Z) (1 - sigma(Z)).

    dA (n^[l], m), Z (n^[l], m) the cache of ``sigmoid_forward`` -> dZ (n^[l], m).
    Convention: dZ scales like dA (no 1/m here). Raises ValueError if dA's shape differs from Z's.

    >>> sigmoid_backward(np.array([[1.0]]), np.array([[0.0]]))      # sigma'(0) = 1/4
    array([[0.25]])
    """
    dA, Z = _check_dA_Z(dA, Z)
    return sigmoid_backward_core(dA, sigmoid_core(Z))


def relu_forward(Z):
    """A = max(0, Z) entry by entry.

    Z (n^[l], m) -> A (n^[l], m); cache: Z itself.

    >>> relu_forward(np.array([[-2.0, 0.0, 3.0]]))[0]
    array([[0., 0., 3.]])
    """
    Z = as_array("Z", Z)
    return relu_core(Z), Z


def relu_backward(dA, Z):
    """dZ = dA where Z > 0, 0 where Z <= 0.

    dA (n^[l], m), Z (n^[l], m) the cache of ``relu_forward`` -> dZ (n^[l], m).
    Convention: dZ scales like dA. Raises ValueError if dA's shape differs from Z's.

    >>> relu_backward(np.array([[5.0, 5.0, 5.0]]), np.array([[-1.0, 0.0, 2.0]]))
    array([[0., 0., 5.]])
    """
    dA, Z = _check_dA_Z(dA, Z)
    return relu_backward_core(dA, Z)


def tanh_forward(Z):
    """A = tanh(Z) entry by entry.

    Z (n^[l], m) -> A (n^[l], m); cache: Z itself.

    >>> tanh_forward(np.array([[0.0]]))[0]
    array([[0.]])
    """
    Z = as_array("Z", Z)
    return tanh_core(Z), Z


def tanh_backward(dA, Z):
    """dZ = dA * (1 - tanh(Z)^2) (the notes' g' = 1 - A^2 for a tanh layer).

    dA (n^[l], m), Z (n^[l], m) the cache of ``tanh_forward`` -> dZ (n^[l], m).
    Convention: dZ scales like dA. Raises ValueError if dA's shape differs from Z's.

    >>> tanh_backward(np.array([[2.0]]), np.array([[0.0]]))      # tanh'(0) = 1
    array([[2.]])
    """
    dA, Z = _check_dA_Z(dA, Z)
    return tanh_backward_core(dA, tanh_core(Z))
