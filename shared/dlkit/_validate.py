"""Input validation shared by dlkit's functions.

Every public function checks the inputs it relies on and raises a ValueError
that names the argument, what it got and what it expected, in the course's
notation (``n_x`` features, ``m`` examples). One helper per kind of input, so
that the same input gets the same verdict everywhere:

- ``expect_int(name, value, min=...)``: counts and sizes. **One rule:** a
  Python ``int`` or a numpy integer; a bool is refused (``True`` is not a
  size) and so is a float, even a whole one such as ``4.0`` (it usually means
  a division went wrong: ``n / 2`` instead of ``n // 2``).
- ``expect_choice(name, value, choices)``: a string option such as an activation.
- ``expect_layout(name, value, layout)``: an array with one axis per name of
  ``layout`` (``"(n, m)"``, ``"(m, n_H, n_W, n_C)"``, ``"(n_x, m, T_x)"``).
- ``expect_shape(name, arr, expected)``: exact sizes, with symbolic ones.
"""
from __future__ import annotations

import functools
from typing import Sequence

import numpy as np

__all__ = ["as_array", "expect_int", "expect_choice", "expect_layout", "expect_shape", "expect_same_columns"]


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


def _integer_phrase(min: int | None) -> str:
    if min == 1:
        return "a positive integer"
    if min == 0:
        return "an integer >= 0"
    return "an integer" if min is None else f"an integer >= {min}"


def expect_int(name: str, value, min: int | None = None, what: str = "") -> int:
    """``value`` as an int, after checking it is an int or numpy integer (not a bool, not a float) >= ``min``.

    ``what`` says what the number counts, for the message:

    >>> expect_int("n_h", 4, min=1)
    4
    >>> expect_int("n_h", 4.0, min=1, what="a number of units")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: `n_h` (a number of units) must be a positive integer (an int or numpy integer; ...), got 4.0
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or (min is not None and value < min):
        label = f"`{name}`" + (f" ({what})" if what else "")
        raise ValueError(f"{label} must be {_integer_phrase(min)} (an int or numpy integer; floats such as 4.0 "
                         f"and bools are refused), got {value!r}")
    return int(value)


def expect_choice(name: str, value, choices: Sequence[str]):
    """``value`` after checking it is one of ``choices``.

    >>> expect_choice("activation", "softmax", ("sigmoid", "relu"))
    Traceback (most recent call last):
    ...
    ValueError: `activation` must be one of 'sigmoid', 'relu', got 'softmax'
    """
    try:
        ok = value in choices
    except TypeError:                      # an unhashable value against a dict or set
        ok = False
    if not ok:
        raise ValueError(f"`{name}` must be one of {', '.join(map(repr, choices))}, got {value!r}")
    return value


@functools.lru_cache(maxsize=None)
def _axes(layout: str) -> tuple[str, ...]:
    inner = layout.strip()
    if not (inner.startswith("(") and inner.endswith(")")):
        raise ValueError(f"a layout is written like '(n, m)', got {layout!r}")
    return tuple(a.strip() for a in inner[1:-1].split(",") if a.strip())


def expect_layout(name: str, value, layout: str, hint: str = "") -> np.ndarray:
    """``value`` as a float array, after checking it has one axis per name of ``layout``.

    The message names the axes, so a student sees what each one holds:

    >>> expect_layout("X", np.zeros((3, 5)), "(n_x, m)").shape
    (3, 5)
    >>> expect_layout("X", np.zeros(3), "(n_x, m)")
    Traceback (most recent call last):
    ...
    ValueError: `X` must be a 2-D array laid out (n_x, m), got shape (3,) (1-D)
    """
    axes = _axes(layout)
    arr = as_array(name, value)
    if arr.ndim != len(axes):
        msg = f"`{name}` must be a {len(axes)}-D array laid out {layout}, got shape {arr.shape} ({arr.ndim}-D)"
        raise ValueError(msg + (f": {hint}" if hint else ""))
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
