"""Mini-batches (Course 2 Week 2): shuffle the examples, then cut them into batches.

``minibatch_indices(m, size, seed)`` is the layout-free core: the example
indices of each mini-batch, the last one smaller when ``size`` does not divide
``m``. ``random_mini_batches(X, Y, ...)`` applies it to the course's layout
(examples are columns); ``dlkit.nn`` applies it along its own example axis.

The shuffle is ``np.random.seed(seed); np.random.permutation(m)``, the same a
student writes, so results can be compared number for number.
"""
from __future__ import annotations

import math

import numpy as np

from ._validate import expect_int


def minibatch_indices(m: int, mini_batch_size: int = 64, seed: int | None = 0, shuffle: bool = True) -> list:
    """Index arrays of the mini-batches of ``m`` examples: ``ceil(m / mini_batch_size)`` of them.

    With ``shuffle`` the order is ``np.random.permutation(m)`` after ``np.random.seed(seed)``
    (``seed=None`` leaves the global generator as it is).
    """
    mini_batch_size = expect_int("mini_batch_size", mini_batch_size, min=1, what="examples per mini-batch")
    m = expect_int("m", m, min=1, what="the number of examples")
    size = mini_batch_size
    if shuffle:
        if seed is not None:
            np.random.seed(seed)
        order = np.random.permutation(m)
    else:
        order = np.arange(m)
    return [order[k * size:(k + 1) * size] for k in range(math.ceil(m / size))]


def random_mini_batches(X, Y, mini_batch_size: int = 64, seed: int = 0) -> list:
    """Shuffled mini-batches ``[(X_t, Y_t), ...]`` of ``X`` (n_x, m) and ``Y`` (n_y, m).

    Every batch has ``mini_batch_size`` columns except possibly the last, which has
    ``m - mini_batch_size * floor(m / mini_batch_size)``. ``X`` and ``Y`` are shuffled with the same
    permutation, so each column of ``X_t`` keeps its label.
    """
    X, Y = np.asarray(X), np.asarray(Y)
    if X.ndim != 2 or Y.ndim != 2:
        raise ValueError(f"X and Y must be matrices with one column per example; got shapes {X.shape} and {Y.shape}")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(f"X has {X.shape[1]} examples (columns) but Y has {Y.shape[1]}")
    return [(X[:, idx], Y[:, idx]) for idx in minibatch_indices(X.shape[1], mini_batch_size, seed)]
