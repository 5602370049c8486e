"""Class labels as integers and as one-hot columns (Course 2 Week 3 onwards).

``one_hot([1, 0, 3], C=4)`` is a (4, 3) matrix with a single 1 per column: the
course's layout, classes as rows and examples as columns.
"""
from __future__ import annotations

import numpy as np


def one_hot(labels, C: int) -> np.ndarray:
    """One-hot matrix (C, m) of integer labels in 0..C-1, given as shape (m,) or (1, m)."""
    y = np.asarray(labels)
    if y.ndim == 2 and y.shape[0] == 1:
        y = y[0]
    if y.ndim != 1:
        raise ValueError(f"labels should have shape (m,) or (1, m); got {np.shape(labels)}")
    if y.size and (not np.all(np.equal(np.mod(y, 1), 0)) or y.min() < 0 or y.max() >= C):
        raise ValueError(f"labels must be integers from 0 to C - 1 = {C - 1}; got values from {y.min()} to {y.max()}")
    out = np.zeros((C, y.size))
    out[y.astype(int), np.arange(y.size)] = 1.0
    return out


def from_one_hot(Y) -> np.ndarray:
    """Integer labels (m,) of a one-hot (or probability) matrix (C, m): the row of each column's maximum."""
    Y = np.asarray(Y)
    if Y.ndim != 2:
        raise ValueError(f"expected a (C, m) matrix; got shape {Y.shape}")
    return np.argmax(Y, axis=0)
