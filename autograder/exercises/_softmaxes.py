"""Softmax over a (C, m) matrix of logits, the right way and the known wrong ways.

Both Course 2 Week 3 notebooks grade a softmax (``c2w3.softmax`` as a function,
``c2w3.SoftmaxCrossEntropy`` inside a loss class); their known mistakes share
these variants. Classes are rows, examples columns, so the right softmax
normalises each column after subtracting the column's maximum.
"""
from __future__ import annotations

import numpy as np

from dlkit import activations


def quiet(fn):
    """``fn`` with numpy's floating-point warnings silenced (known mistakes overflow on purpose)."""
    def wrapped(*args, **kwargs):
        with np.errstate(all="ignore"):
            return fn(*args, **kwargs)
    wrapped.__name__ = getattr(fn, "__name__", "mistake")
    return wrapped


def softmax(Z):
    """The course's softmax of a (C, m) matrix: each column is turned into probabilities."""
    return activations.softmax(Z, axis=0)


def softmax_no_max(Z):
    """Without subtracting the maximum: e^1000 overflows to inf, and inf / inf is NaN."""
    t = np.exp(Z)
    return t / np.sum(t, axis=0, keepdims=True)


def softmax_rows(Z):
    """Over the examples (each row normalised) instead of over the classes."""
    t = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return t / np.sum(t, axis=1, keepdims=True)


def softmax_total(Z):
    """Divided by the sum of the whole matrix, not by each column's own sum."""
    t = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return t / np.sum(t)


def softmax_global_max(Z):
    """Shifted by the maximum of the whole matrix, not by each column's own maximum."""
    t = np.exp(Z - np.max(Z))
    return t / np.sum(t, axis=0, keepdims=True)
