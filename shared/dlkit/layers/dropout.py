"""Inverted dropout (Course 2 Week 1), the math once.

In training, each entry of the activations is kept with probability
``keep_prob`` and the kept ones are divided by ``keep_prob``, so that the
expected value of every entry is unchanged and nothing needs rescaling at test
time. The backward pass applies the same mask and the same 1/keep_prob.

Cores (unchecked, any layout, convention-free: dA scales like dout):

    dropout_mask_core(rng, shape, keep_prob)   -> D, boolean, True = keep
    dropout_forward_core(A, D, keep_prob)      -> A * D / keep_prob
    dropout_backward_core(dA, D, keep_prob)    -> dA * D / keep_prob

``rng`` is a ``numpy.random.Generator`` (``dlkit.nn``) or a
``numpy.random.RandomState`` (the course's seeded masks): both draw the mask
as ``rng.random(shape) < keep_prob``, which for a RandomState are the numbers
of ``np.random.rand(*shape)``.

Checked kernels (the course's names, used by ``dlkit.regularization``):

    dropout_mask(shape, keep_prob, rng) -> D
    dropout_forward(A, D, keep_prob)    -> A * D / keep_prob     A, D (n^[l], m)
    dropout_backward(dA, D, keep_prob)  -> dA * D / keep_prob    dA, D (n^[l], m)

Errors: a ValueError naming ``keep_prob`` when it is not in (0, 1], or naming
``D`` and the expected shape when the mask does not fit.
"""
from __future__ import annotations

import numpy as np

from .._validate import as_array, expect_shape

__all__ = [
    "dropout_mask_core", "dropout_forward_core", "dropout_backward_core",
    "check_keep_prob", "dropout_mask", "dropout_forward", "dropout_backward",
]


# ------------------------------------------------------------------ cores

def dropout_mask_core(rng, shape, keep_prob):
    """A boolean mask of ``shape``, True (keep) with probability ``keep_prob``."""
    return rng.random(shape) < keep_prob


def dropout_forward_core(A, D, keep_prob):
    """A * D / keep_prob."""
    return A * D / keep_prob


def dropout_backward_core(dA, D, keep_prob):
    """dA * D / keep_prob, with the mask of the forward pass (the forward map is linear in A: the same product)."""
    return dropout_forward_core(dA, D, keep_prob)


# -------------------------------------------------------- checked kernels

def check_keep_prob(keep_prob) -> float:
    """``keep_prob`` as a float after checking it is a probability in (0, 1] (1 means no dropout)."""
    try:
        value = float(keep_prob)
    except (TypeError, ValueError):
        raise ValueError(f"`keep_prob` must be a probability in (0, 1], got {keep_prob!r}") from None
    if not 0.0 < value <= 1.0:
        raise ValueError(f"`keep_prob` must be a probability in (0, 1] (1 means no dropout), got {keep_prob!r}")
    return value


def dropout_mask(shape, keep_prob, rng) -> np.ndarray:
    """A boolean mask of ``shape``: ``rng.rand(*shape) < keep_prob`` (True = keep).

    shape (n^[l], m), keep_prob in (0, 1], rng a ``np.random.RandomState`` -> D (n^[l], m) boolean.

    >>> dropout_mask((2, 3), 0.5, np.random.RandomState(1)).astype(int)    # rand: .417 .720 .000 / .302 .147 .092
    array([[1, 0, 1],
           [1, 1, 1]])
    """
    return dropout_mask_core(rng, tuple(shape), check_keep_prob(keep_prob))


def _check_masked(name, X, D, keep_prob, hint):
    """The kernels' contract: X a float array, D a mask of X's shape, keep_prob a probability."""
    X = as_array(name, X)
    D = np.asarray(D)
    expect_shape("D", D, X.shape, hint=hint)
    return X, D, check_keep_prob(keep_prob)


def dropout_forward(A, D, keep_prob) -> np.ndarray:
    """Inverted dropout of the activations.

    A (n^[l], m), D (n^[l], m) the mask, keep_prob -> A * D / keep_prob (n^[l], m).
    Raises ValueError naming ``D`` when its shape differs from A's.

    >>> dropout_forward(np.array([[1.0, 2.0]]), np.array([[True, False]]), 0.5)
    array([[2., 0.]])
    """
    A, D, keep_prob = _check_masked("A", A, D, keep_prob, "the mask has one entry per unit and per example, like A")
    return dropout_forward_core(A, D, keep_prob)


def dropout_backward(dA, D, keep_prob) -> np.ndarray:
    """The backward step of inverted dropout, with the mask of the forward pass.

    dA (n^[l], m), D (n^[l], m), keep_prob -> dA * D / keep_prob (n^[l], m); no new random numbers.
    Raises ValueError naming ``D`` when its shape differs from dA's.

    >>> dropout_backward(np.array([[0.3, 0.3]]), np.array([[False, True]]), 0.75)
    array([[0. , 0.4]])
    """
    dA, D, keep_prob = _check_masked("dA", dA, D, keep_prob, "use the mask of the forward pass, shaped like dA")
    return dropout_backward_core(dA, D, keep_prob)
