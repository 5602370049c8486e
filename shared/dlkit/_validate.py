"""Input validation shared by dlkit's functions.

Every public function checks the shapes it relies on and raises a ValueError
that names the argument, the shape it got and the shape it expected, in the
course's notation (``n_x`` features, ``m`` examples).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np


def as_array(name: str, value, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a float ndarray, checking its number of dimensions."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"`{name}` must be a numeric array, got {type(value).__name__}") from exc
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(
            f"`{name}` must be a {ndim}-D array, got shape {arr.shape} ({arr.ndim}-D)"
        )
    return arr


def expect_shape(name: str, arr: np.ndarray, expected: Sequence[object], hint: str = "") -> None:
    """Raise ValueError unless ``arr.shape`` matches ``expected``.

    ``expected`` holds ints (exact) or strings (a symbolic dimension such as
    ``"m"`` that matches any size), e.g. ``expect_shape("Y", Y, (1, "m"))``.
    """
    shape = np.shape(arr)
    ok = len(shape) == len(expected) and all(
        isinstance(e, str) or s == e for s, e in zip(shape, expected)
    )
    if not ok:
        shown = "(" + ", ".join(str(e) for e in expected) + ("," if len(expected) == 1 else "") + ")"
        msg = f"`{name}` has shape {tuple(shape)}, expected {shown}"
        raise ValueError(msg + (f": {hint}" if hint else ""))


def expect_same_columns(names: Sequence[str], *arrays: np.ndarray) -> None:
    """Raise ValueError unless all arrays have the same number of columns (examples)."""
    ms = [np.shape(a)[1] for a in arrays]
    if len(set(ms)) != 1:
        parts = ", ".join(f"`{n}` has {m}" for n, m in zip(names, ms))
        raise ValueError(f"the number of examples (columns) must agree: {parts}")
