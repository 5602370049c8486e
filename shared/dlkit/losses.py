"""Loss functions, computed stably.

``binary_cross_entropy(A, Y)`` is the course's cost
J = -(1/m) sum [y log a + (1 - y) log(1 - a)] with predictions clipped away
from 0 and 1 so that log(0) never happens. ``binary_cross_entropy_from_logits``
computes the same cost from Z = w^T X + b without forming a = sigma(Z): it is
exact even where sigma(Z) rounds to 0 or 1.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_shape

_EPS = 1e-12


def binary_cross_entropy(A, Y) -> float:
    """Cost of predictions ``A`` (1, m) in (0, 1) against labels ``Y`` (1, m); a float."""
    A = as_array("A", A, ndim=2)
    Y = as_array("Y", Y, ndim=2)
    expect_shape("Y", Y, A.shape, hint="labels and predictions must have the same shape")
    A = np.clip(A, _EPS, 1.0 - _EPS)
    m = Y.shape[1]
    return float(-(np.sum(Y * np.log(A)) + np.sum((1.0 - Y) * np.log(1.0 - A))) / m)


def binary_cross_entropy_from_logits(Z, Y) -> float:
    """The same cost from logits ``Z`` (1, m): mean of log(1 + e^z) - y z, overflow-free."""
    Z = as_array("Z", Z, ndim=2)
    Y = as_array("Y", Y, ndim=2)
    expect_shape("Y", Y, Z.shape, hint="labels and logits must have the same shape")
    return float(np.mean(np.logaddexp(0.0, Z) - Y * Z))


def softmax_cross_entropy(Z, Y):
    """Softmax cross-entropy of logits ``Z`` (C, m) against one-hot labels ``Y`` (C, m), and its gradient.

    J = -(1/m) sum_i sum_j y_j^(i) log softmax(z^(i))_j, computed with log-sum-exp (no log(0)).

    Returns:
    cost -- J, a float
    dZ -- dJ/dZ = (softmax(Z) - Y) / m, shape (C, m)
    """
    Z = as_array("Z", Z, ndim=2)
    Y = as_array("Y", Y, ndim=2)
    expect_shape("Y", Y, Z.shape, hint="Y must be one-hot with one row per class, like Z (see dlkit.labels.one_hot)")
    m = Z.shape[1]
    shifted = Z - Z.max(axis=0, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    log_p = shifted - log_norm
    cost = float(-np.sum(Y * log_p) / m)
    return cost, (np.exp(log_p) - Y) / m
