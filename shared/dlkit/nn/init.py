"""Weight initialisation (Course 2 Week 1), drawn from a ``numpy.random.Generator``.

For a weight array whose units each sum ``fan_in`` inputs (a dense layer's
``W`` of shape ``(n^[l], n^[l-1])`` has ``fan_in = n^[l-1]``; a convolution's
filter bank ``(f, f, n_C_prev, n_C)`` has ``fan_in = f * f * n_C_prev``):

- ``"he"``: standard normal times ``sqrt(2 / fan_in)``, for ReLU layers (the default);
- ``"xavier"``: times ``sqrt(1 / fan_in)``, for tanh layers;
- ``"glorot"``: times ``sqrt(2 / (fan_in + fan_out))``;
- a number ``s``: times ``s`` (``0.01`` is Course 1's small random start).

The draw is ``rng.standard_normal(shape) * scale``, so a student who writes
``rng.standard_normal((n_out, n_in)) * np.sqrt(2 / n_in)`` gets the same numbers.
"""
from __future__ import annotations

import numbers

import numpy as np

from ..layers.init import METHODS, weight_std

__all__ = ["METHODS", "as_generator", "scale_of", "initialize"]


def as_generator(rng=None) -> np.random.Generator:
    """``rng`` as a Generator: a Generator is used as it is, an int seeds a new one, None gives an unseeded one."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None:
        return np.random.default_rng()
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    raise TypeError(f"rng must be a numpy.random.Generator, an int seed or None; got {type(rng).__name__} "
                    "(np.random.default_rng(seed) makes one)")


def scale_of(method, fan_in: int, fan_out: int | None = None) -> float:
    """The standard deviation that ``method`` gives to weights with ``fan_in`` inputs (and ``fan_out`` outputs).

    The rules live in ``dlkit.layers.init`` (``weight_std``), shared with ``dlkit.initializers``.
    """
    return weight_std(method, fan_in, fan_out)


def initialize(shape, fan_in: int, fan_out: int | None = None, method="he", rng=None,
               dtype=np.float64) -> np.ndarray:
    """Random weights of ``shape``: ``rng.standard_normal(shape) * scale_of(method, fan_in, fan_out)``."""
    scale = scale_of(method, fan_in, fan_out)
    w = as_generator(rng).standard_normal(tuple(shape)) * scale
    return w.astype(dtype, copy=False)
