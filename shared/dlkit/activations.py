"""Activation functions and their derivatives, numerically stable.

Each activation ``g`` works elementwise on an array of any shape and never
overflows: ``sigmoid(-1000)`` is 0 without a warning. ``g_derivative(Z)`` is
g'(Z), evaluated at the pre-activation ``Z`` (course notation: g'^[l](Z^[l])).

``softmax`` normalises along an axis: ``axis=0`` (the default) treats each
column as one example's class scores, the courses' ``(C, m)`` layout.

The math lives once, in ``dlkit.layers.activations``: these functions turn
their input into a float array and call its cores (g'(Z) being the backward
core with an upstream gradient of 1). ``relu_derivative`` and the leaky ReLU
are the lecture's own conventions and live here only.
"""
from __future__ import annotations

import numpy as np

from .layers.activations import (
    relu_core, sigmoid_backward_core, sigmoid_core, softmax_core, tanh_backward_core, tanh_core,
)


def sigmoid(z):
    """sigma(z) = 1 / (1 + e^-z), elementwise; same shape as ``z``.

    z (any shape) -> sigma(z), same shape. No cache, no errors (any numeric input).

    Stable for large |z|: uses e^-|z| so that no exponent is positive.

    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    return sigmoid_core(np.asarray(z, dtype=float))


def sigmoid_derivative(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)); 0.25 at z = 0.

    The notes' test values: about 0 at z = -10 and 10, 1/4 at 0:

    >>> np.round(sigmoid_derivative(np.array([-10.0, 0.0, 10.0])), 4)
    array([0.  , 0.25, 0.  ])
    """
    return sigmoid_backward_core(1.0, sigmoid(z))


def tanh(z):
    """tanh(z) = (e^z - e^-z) / (e^z + e^-z), in (-1, 1)."""
    return tanh_core(np.asarray(z, dtype=float))


def tanh_derivative(z):
    """tanh'(z) = 1 - tanh(z)^2; 1 at z = 0."""
    return tanh_backward_core(1.0, tanh(z))


def relu(z):
    """max(0, z), elementwise.

    z (any shape) -> max(0, z), same shape.

    >>> relu(np.array([-2.0, 0.0, 3.0]))
    array([0., 0., 3.])
    """
    return relu_core(np.asarray(z, dtype=float))


def relu_derivative(z):
    """1 where z >= 0 and 0 where z < 0 (the course's convention at 0)."""
    return (np.asarray(z, dtype=float) >= 0).astype(float)


def leaky_relu(z, slope: float = 0.01):
    """max(slope * z, z), elementwise (slope 0.01 in the course)."""
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, z, slope * z)


def leaky_relu_derivative(z, slope: float = 0.01):
    """1 where z >= 0, ``slope`` where z < 0."""
    return np.where(np.asarray(z, dtype=float) >= 0, 1.0, slope)


def softmax(z, axis: int = 0):
    """e^z / sum(e^z) along ``axis``; subtracts the max first, so never overflows.

    z (C, m) -> probabilities (C, m), each column summing to 1 (with ``axis=0``).

    ``z`` of shape (C, m) with ``axis=0`` gives per-column probabilities that sum to 1.

    The notes' example z = [5, 2, -1, 3]:

    >>> np.round(softmax(np.array([[5.0], [2.0], [-1.0], [3.0]])), 3).ravel()
    array([0.842, 0.042, 0.002, 0.114])
    """
    return softmax_core(np.asarray(z, dtype=float), axis=axis)


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "leaky_relu": (leaky_relu, leaky_relu_derivative),
}
