"""Losses at the end of a network: binary (sigmoid) and softmax cross-entropy, the math once.

Cores (unchecked; ``Z`` the logits, ``Y`` the labels of the same shape):

    sigmoid_cross_entropy_core(Z, Y) -> J, dJ/dZ    J = mean of log(1 + e^Z) - Y Z,  dJ/dZ = (sigma(Z) - Y) / Z.size
    softmax_cross_entropy_core(Z, Y) -> J, dJ/dZ    Z, Y (C, m); dJ/dZ = (softmax(Z) - Y) / m
    binary_cross_entropy_core(A, Y)  -> J           A = sigma(Z) already applied, clipped to [1e-12, 1 - 1e-12]

The cost is the average over the examples, and the gradient is its true
slope (the 1/m inside), where every backward pass of ``dlkit.nn`` starts.
Course 1 starts instead from dZ = A - Y per example (``dlkit.deep``).

Checked kernels (2-D arrays, examples as columns; ValueError naming the
argument and the expected shape when the labels do not fit):

    binary_cross_entropy(A, Y)              A, Y (1, m) -> J
    binary_cross_entropy_from_logits(Z, Y)  Z, Y (1, m) -> J
    softmax_cross_entropy(Z, Y)             Z, Y (C, m) one-hot -> J, dZ (C, m)
"""
from __future__ import annotations

import numpy as np

from .._validate import expect_layout, expect_shape
from .activations import sigmoid_core

__all__ = [
    "EPSILON", "binary_cross_entropy_core", "sigmoid_cross_entropy_core", "softmax_cross_entropy_core",
    "binary_cross_entropy", "binary_cross_entropy_from_logits", "softmax_cross_entropy",
]

EPSILON = 1e-12


# ------------------------------------------------------------------ cores

def binary_cross_entropy_core(A, Y) -> float:
    """-(1/m) sum [Y log A + (1 - Y) log(1 - A)] with A clipped away from 0 and 1; m = the columns of Y."""
    A = np.clip(A, EPSILON, 1.0 - EPSILON)
    m = Y.shape[1]
    return float(-(np.sum(Y * np.log(A)) + np.sum((1.0 - Y) * np.log(1.0 - A))) / m)


def sigmoid_cross_entropy_core(Z, Y):
    """(J, dJ/dZ) of the binary cross-entropy of sigma(Z), averaged over all entries; exact for any Z."""
    return float(np.mean(np.logaddexp(0.0, Z) - Y * Z)), (sigmoid_core(Z) - Y) / Z.size


def softmax_cross_entropy_core(Z, Y):
    """(J, dJ/dZ) of softmax cross-entropy, logits Z (C, m), one-hot Y (C, m); log-sum-exp, no log(0)."""
    m = Z.shape[1]
    shifted = Z - Z.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(Y * log_p) / m), (np.exp(log_p) - Y) / m


# -------------------------------------------------------- checked kernels

def _pair(first, A, Y, layout, hint):
    A = expect_layout(first, A, layout)
    Y = expect_layout("Y", Y, layout)
    expect_shape("Y", Y, A.shape, hint=hint)
    return A, Y


def binary_cross_entropy(A, Y) -> float:
    """The course's cross-entropy cost of predictions in (0, 1).

    A (1, m), Y (1, m) labels 0/1 -> J, a float. Raises ValueError when Y's shape differs from A's.

    >>> round(binary_cross_entropy(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]])), 6)
    0.279777
    """
    A, Y = _pair("A", A, Y, "(1, m)", "labels and predictions must have the same shape")
    return binary_cross_entropy_core(A, Y)


def binary_cross_entropy_from_logits(Z, Y) -> float:
    """The same cost from the logits Z = w^T X + b, without forming sigma(Z): exact where sigma(Z) rounds to 0 or 1.

    Z (1, m), Y (1, m) -> J, a float.

    >>> round(binary_cross_entropy_from_logits(np.array([[0.0, 0.0]]), np.array([[1, 0]])), 6)   # log 2
    0.693147
    """
    Z, Y = _pair("Z", Z, Y, "(1, m)", "labels and logits must have the same shape")
    return sigmoid_cross_entropy_core(Z, Y)[0]


def softmax_cross_entropy(Z, Y):
    """Softmax cross-entropy of the logits and its gradient.

    Z (C, m) logits, Y (C, m) one-hot labels -> J (a float), dZ = dJ/dZ = (softmax(Z) - Y) / m (C, m).
    J = -(1/m) sum_i sum_j y_j^(i) log softmax(z^(i))_j. Convention: dZ is a true slope of J (the 1/m inside).
    Raises ValueError when Y's shape differs from Z's.

    >>> J, dZ = softmax_cross_entropy(np.zeros((2, 1)), np.array([[1.0], [0.0]]))   # p = (1/2, 1/2)
    >>> round(J, 6), dZ.ravel()
    (0.693147, array([-0.5,  0.5]))
    """
    Z, Y = _pair("Z", Z, Y, "(C, m)", "Y must be one-hot with one row per class, like Z (see dlkit.labels.one_hot)")
    return softmax_cross_entropy_core(Z, Y)
