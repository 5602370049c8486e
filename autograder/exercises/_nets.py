"""Small random networks and labels for the cases of the deep-network exercises (Course 1 Week 4, Course 2 Week 1).

The draws are part of every case (and so of every verdict): change them only
together with the exercises that use them.
"""
from __future__ import annotations

import numpy as np


def scaled_net(rng: np.random.Generator, dims, bias_std: float) -> dict:
    """``W1, b1, ..., WL, bL`` for layer sizes ``dims``: ``W`` randn / sqrt(n_prev), ``b`` normal(0, ``bias_std``).

    Weights of a realistic size and non-zero biases keep every Z off ReLU's kink at 0.
    """
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        params[f"b{l}"] = rng.normal(0, bias_std, size=(dims[l], 1))
    return params


def binary_labels(rng: np.random.Generator, m: int) -> np.ndarray:
    """0/1 labels of shape (1, m) with both classes present (the first is 1, the last 0)."""
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Y[0, 0], Y[0, -1] = 1.0, 0.0
    return Y
