"""Initialisation scales (Course 2 Week 1): the variance each rule gives to a layer's weights, once.

For weights whose units each sum ``fan_in`` inputs (a dense layer's W of
shape (n^[l], n^[l-1]) has fan_in = n^[l-1], fan_out = n^[l]; a convolution's
filter bank (f, f, n_C_prev, n_C) has fan_in = f * f * n_C_prev):

    "he"      Var(w) = 2 / fan_in              (ReLU layers)
    "xavier"  Var(w) = 1 / fan_in              (tanh layers, the lecture's Xavier)
    "glorot"  Var(w) = 2 / (fan_in + fan_out)  (Glorot and Bengio's average)

Core (unchecked): ``variance_core(method, fan_in, fan_out)``.
Checked kernels: ``weight_variance(method, fan_in, fan_out=None)`` (a rule's
name) and ``weight_std(method, fan_in, fan_out=None)`` (a name, or a number
taken as the standard deviation itself, e.g. Course 1's 0.01). The weights are
then ``standard_normal(shape) * weight_std(...)``, drawn by the caller from
its own generator (``dlkit.initializers`` from the course's seeded
RandomState, ``dlkit.nn.init`` from a ``numpy.random.Generator``).

Errors: ValueError for an unknown rule, a fan_in that is not a positive
integer, or "glorot" without fan_out.
"""
from __future__ import annotations

import numbers

import numpy as np

from .._validate import expect_choice, expect_int

__all__ = ["METHODS", "variance_core", "weight_variance", "weight_std"]

METHODS = ("he", "xavier", "glorot")

_VARIANCE = {
    "he": lambda fan_in, fan_out: 2.0 / fan_in,
    "xavier": lambda fan_in, fan_out: 1.0 / fan_in,
    "glorot": lambda fan_in, fan_out: 2.0 / (fan_in + fan_out),
}


def variance_core(method, fan_in, fan_out=None) -> float:
    """Var(w) of rule ``method`` (one of ``METHODS``) for ``fan_in`` inputs and ``fan_out`` outputs (no checks)."""
    return _VARIANCE[method](fan_in, fan_out)


def weight_variance(method, fan_in, fan_out=None) -> float:
    """The variance Var(w) that rule ``method`` targets.

    method "he" | "xavier" | "glorot", fan_in >= 1 (n^[l-1]), fan_out (n^[l], needed by "glorot") -> a float.
    Raises ValueError for an unknown method, a bad fan_in or a missing fan_out.

    >>> weight_variance("he", 4), weight_variance("glorot", 2, 6)
    (0.5, 0.25)
    """
    expect_choice("method", method, METHODS)
    fan_in = expect_int("fan_in", fan_in, min=1, what="the number of inputs n^[l-1]")
    if method == "glorot":
        if fan_out is None:
            raise ValueError("the Glorot variance 2 / (n^[l-1] + n^[l]) needs the layer size `n` (fan_out)")
        fan_out = expect_int("fan_out", fan_out, min=1, what="the number of units n^[l]")
    return variance_core(method, fan_in, fan_out)


def weight_std(method, fan_in, fan_out=None) -> float:
    """The standard deviation of the weights: sqrt(weight_variance(...)), or ``method`` itself when it is a number.

    >>> weight_std("he", 8), weight_std(0.01, 8)
    (0.5, 0.01)
    """
    if isinstance(method, numbers.Real) and not isinstance(method, bool):
        return float(method)
    if not (isinstance(method, str) and method in METHODS):
        raise ValueError(f"unknown initialisation {method!r}: use one of {', '.join(map(repr, METHODS))} "
                         "or a number (the standard deviation)")
    return float(np.sqrt(weight_variance(method, fan_in, fan_out)))
