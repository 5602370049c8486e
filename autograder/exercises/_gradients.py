"""Shared pieces of the exercises' numeric gradient checks (any course, any week).

An exercise's ``gradcheck(student_fn, case)`` compares the gradients a
student's backward pass returns with numeric slopes of a cost, and says which
gradient is off and how. The pieces every such check needs live here:

- ``numeric_slopes(J, arrays, eps)``: two-sided slopes of ``J()`` with respect to
  every array of a dict (nudged in place, restored afterwards);
- ``verdict(name, got, numeric, m, alternatives)``: ``None`` when a gradient
  matches its numeric slope, else a phrase: a known variant it matches (the
  ``alternatives``, e.g. "has no L2 term"), a factor m or 1/m (the course's
  scaling: dW, db are slopes of the average cost J), a sign, a constant factor;
- ``summary(problems, all_right)``: the sentence the student reads.

Course 1 Week 4 (``c1w4._verdict``) has the same m / 1/m / sign logic, with the
same phrases; this module is its generalisation for Course 2 on.
"""
from __future__ import annotations

from typing import Callable, Mapping, Optional, Sequence

import numpy as np

from dlkit.gradcheck import numeric_gradient, relative_error

TOLERANCE = 1e-5
ABSOLUTE_NOISE = 1e-7


def numeric_slopes(J: Callable[[], float], arrays: Mapping[str, np.ndarray], eps: float = 1e-6) -> dict:
    """``{name: dJ/d array}`` by two-sided differences; ``J()`` reads the arrays, which are nudged in place."""
    return {name: numeric_gradient(lambda _v: J(), value, eps=eps) for name, value in arrays.items()}


def phrase(got, numeric: np.ndarray, m: Optional[int] = None,
           alternatives: Sequence[tuple[np.ndarray, str]] = (), tol: float = TOLERANCE) -> Optional[str]:
    """``None`` when ``got`` matches ``numeric``; else how it differs, as a predicate ("is m = 4 times ...").

    ``alternatives`` lists ``(array, predicate)`` pairs: what a known mistake
    would give, and what to say when ``got`` matches it. Then come a factor m or
    1/m (when ``m`` is given), the sign, and a constant factor.
    """
    numeric = np.asarray(numeric, dtype=float)
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "is not an array of numbers"
    if got.shape != numeric.shape:
        if got.size != numeric.size:
            return f"has {got.size} entries but should have {numeric.size} (the shape {numeric.shape})"
        if got.ndim == numeric.ndim and got.ndim > 1:  # (1, n) for (n, 1): a transpose, not a rank slip
            return f"has shape {got.shape} but should have the shape {numeric.shape} of its parameter"
        got = got.reshape(numeric.shape)
    err = relative_error(numeric, got)
    # Below ABSOLUTE_NOISE a difference is rounding in the numeric slope itself (a gradient that is
    # nearly zero has a large relative error from noise alone), not a verdict on the student.
    if err < tol or float(np.max(np.abs(numeric - got), initial=0.0)) < ABSOLUTE_NOISE:
        return None
    for candidate, text in alternatives:
        if relative_error(np.asarray(candidate, dtype=float), got) < tol:
            return text
    if m is not None and m > 1:
        if relative_error(numeric * m, got) < tol:
            return f"is m = {m} times the numeric slope: it is missing a 1/m"
        if relative_error(numeric / m, got) < tol:
            return f"is the numeric slope divided by m = {m}: it has a 1/m too many"
    if relative_error(-numeric, got) < tol:
        return "has the wrong sign"
    norm2 = float(np.sum(numeric * numeric))
    if norm2 > 0:
        c = float(np.sum(numeric * got)) / norm2
        if abs(c) > 1e-12 and relative_error(c * numeric, got) < tol:
            return f"is {c:.4g} times the numeric slope"
    return f"disagrees with the numeric slope (relative error {err:.2g})"


def verdict(name: str, got, numeric: np.ndarray, m: Optional[int] = None,
            alternatives: Sequence[tuple[np.ndarray, str]] = (), tol: float = TOLERANCE) -> Optional[str]:
    """``None`` when ``got`` matches ``numeric``; else "<name> <how it differs>" (see ``phrase``)."""
    text = phrase(got, numeric, m, alternatives, tol)
    return None if text is None else f"{name} {text}"


def summary(problems: Sequence, all_right: str) -> str:
    """The problems found as one sentence, or ``all_right`` when there are none.

    ``problems`` holds strings (from ``verdict``), ``None`` (no problem), or
    ``(name, predicate)`` pairs (from ``phrase``): names sharing the same
    predicate are listed together ("dW1, dW2 and dW3 each has no L2 term").
    """
    groups: dict[str, list[str]] = {}
    parts: list[str] = []
    for p in problems:
        if p is None:
            continue
        if isinstance(p, tuple):
            name, text = p
            if text is None:
                continue
            if text not in groups:
                groups[text] = []
                parts.append(text)
            groups[text].append(name)
        else:
            parts.append(p)
    if not parts:
        return all_right
    out = []
    for part in parts:
        if part in groups:
            names = groups[part]
            who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] + " each"
            out.append(f"{who} {part}")
        else:
            out.append(part)
    return "; ".join(out) + "."
