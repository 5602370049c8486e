"""Compare a student's output with the expected one and say precisely what differs.

``compare(got, expected, name, rtol, atol)`` returns ``None`` when they agree,
else one sentence naming the output (``grads["dw"]``), and what is wrong with
it: its type, its shape (with a guess at the cause), or its values (largest
error, where, and the relative error).

Student values are never trusted to compare themselves: an object whose
``__eq__`` always answers True is rejected by its type before any comparison,
and numbers are copied into plain float arrays before arithmetic.
"""
from __future__ import annotations

from typing import Any, Optional

import numpy as np



def describe(value: Any) -> str:
    """A short description of a value's type and shape, for messages."""
    from .wire import Opaque

    if isinstance(value, Opaque):
        return f"an object of type {value.type_name}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of length {len(value)}"
    if isinstance(value, dict):
        return f"a dict with keys {sorted(map(str, value))}"
    if value is None:
        return "None (did you forget a `return`?)"
    return f"a {type(value).__name__}"


def _is_real_number(x: Any) -> bool:
    return type(x) in (bool, int, float) or isinstance(x, (np.bool_, np.integer, np.floating))


def _plain_array(x: Any) -> Optional[np.ndarray]:
    """A base-class float64 copy of a numeric ndarray or number, or None if ``x`` is neither."""
    if isinstance(x, np.ndarray):
        if x.dtype.kind not in "biuf":
            return None
        return np.array(x, dtype=float, subok=False, copy=True)
    if _is_real_number(x):
        return np.array(float(x))
    return None


def _shape_hint(got: tuple, exp: tuple) -> str:
    if len(got) == 2 and len(exp) == 2 and got[0] == got[1] > 1 and 1 in exp and got[0] in exp:
        return (": a square array where a column or row was expected usually comes from numpy "
                "broadcasting a column against a row, e.g. `w - learning_rate * dw` with `dw` "
                "transposed; check the shapes of the arrays this one was computed from")
    if got == exp[::-1] and got != exp:
        return ": did you forget a transpose (or transpose the wrong operand)?"
    if len(got) == 1 and len(exp) == 2 and got[0] in exp and 1 in exp:
        return (": this is a rank-1 array; keep it 2-D with keepdims=True, "
                "or reshape it to a column / row")
    if len(got) == 2 and len(exp) == 2 and exp[1] == 1 and got[0] == exp[0] and got[1] > 1:
        return ": did you forget to sum over the examples (axis=1, keepdims=True)?"
    if len(got) == 2 and len(exp) == 2 and exp[0] == 1 and got[1] == exp[1] and got[0] > 1:
        return ": did you sum or reduce over the wrong axis?"
    if int(np.prod(got)) == int(np.prod(exp)):
        return ": same number of entries, so check your reshape"
    return ""


def _value_message(name: str, got: np.ndarray, exp: np.ndarray, rtol: float, atol: float) -> Optional[str]:
    got_nan, exp_nan = np.isnan(got), np.isnan(exp)
    if np.any(got_nan & ~exp_nan):
        where = tuple(int(i) for i in np.argwhere(got_nan & ~exp_nan)[0])
        loc = f" (first at index {where})" if got.ndim else ""
        return f"`{name}` contains NaN{loc}: look for 0/0, log(0) or an overflow"
    with np.errstate(invalid="ignore", over="ignore"):
        err = np.abs(got - exp)
        bad = ~(err <= atol + rtol * np.abs(exp)) & ~(got_nan & exp_nan)
    if not np.any(bad):
        return None
    if got.ndim == 0:
        return f"`{name}` is {float(got):.8g}, expected {float(exp):.8g}"
    idx = np.unravel_index(int(np.argmax(np.where(bad, err, -1.0))), got.shape)
    idx_t = tuple(int(i) for i in idx)
    rel = float(np.linalg.norm((got - exp).ravel()) /
                max(np.linalg.norm(exp.ravel()) + np.linalg.norm(got.ravel()), 1e-300))
    return (f"`{name}` differs from the expected values in {int(bad.sum())} of {bad.size} entries; "
            f"at index {idx_t} it is {float(got[idx]):.8g}, expected {float(exp[idx]):.8g} "
            f"(relative error of the whole array {rel:.2g})")


def compare(got: Any, expected: Any, name: str, rtol: float = 1e-6, atol: float = 1e-9,
            strict: bool = False) -> Optional[str]:
    """``None`` if ``got`` matches ``expected`` within tolerances, else a sentence saying how it differs.

    A dict may carry keys beyond the expected ones unless ``strict`` (used to match known
    mistakes, where an extra or misshapen key must not count as the same answer).
    """
    if isinstance(expected, (tuple, list)):
        kind = type(expected).__name__
        accepted = (tuple, list) if kind == "tuple" else (list,)
        if type(got) not in accepted:
            return f"`{name}` should be a {kind} of {len(expected)} values, got {describe(got)}"
        if len(got) != len(expected):
            return f"`{name}` should have {len(expected)} values, got {len(got)}"
        for i, (g, e) in enumerate(zip(got, expected)):
            msg = compare(g, e, f"{name}[{i}]", rtol, atol, strict)
            if msg:
                return msg
        return None
    if isinstance(expected, dict):
        if type(got) is not dict:
            return f"`{name}` should be a dict with keys {sorted(expected)}, got {describe(got)}"
        missing = [k for k in expected if k not in got]
        if missing:
            return f"`{name}` is missing the key(s) {missing}"
        extra = [k for k in got if k not in expected]
        if strict and extra:
            return f"`{name}` has the unexpected key(s) {extra}"
        for k, e in expected.items():
            msg = compare(got[k], e, f'{name}["{k}"]', rtol, atol, strict)
            if msg:
                return msg
        return None
    if isinstance(expected, np.ndarray):
        if not isinstance(got, np.ndarray):
            return f"`{name}` should be a numpy array of shape {expected.shape}, got {describe(got)}"
        if got.shape != expected.shape:
            return (f"`{name}` has shape {got.shape}, expected {expected.shape}"
                    + _shape_hint(got.shape, expected.shape))
        g = _plain_array(got)
        if g is None:
            return f"`{name}` should hold numbers, got dtype {got.dtype}"
        return _value_message(name, g, np.array(expected, dtype=float), rtol, atol)
    if isinstance(expected, (bool, np.bool_)):
        if not isinstance(got, (bool, np.bool_)):
            return f"`{name}` should be True or False, got {describe(got)}"
        return None if bool(got) == bool(expected) else f"`{name}` is {bool(got)}, expected {bool(expected)}"
    if isinstance(expected, (int, np.integer)) and not isinstance(expected, bool):
        if not isinstance(got, (int, np.integer)) or isinstance(got, (bool, np.bool_)):
            return f"`{name}` should be an integer, got {describe(got)}"
        return None if int(got) == int(expected) else f"`{name}` is {int(got)}, expected {int(expected)}"
    if isinstance(expected, (float, np.floating)):
        if isinstance(got, np.ndarray) and got.shape != ():
            return (f"`{name}` should be a single number (float), got an array of shape {got.shape}: "
                    "use np.sum without keepdims, or float(...)")
        g = _plain_array(got)
        if g is None:
            return f"`{name}` should be a number (float), got {describe(got)}"
        return _value_message(name, g, np.array(float(expected)), rtol, atol)
    if isinstance(expected, str):
        if type(got) is not str:
            return f"`{name}` should be a string, got {describe(got)}"
        return None if got == expected else f"`{name}` is {got!r}, expected {expected!r}"
    if expected is None:
        return None if got is None else f"`{name}` should be None, got {describe(got)}"
    raise TypeError(f"compare does not know how to compare expected values of type {type(expected).__name__}")


def same(got: Any, expected: Any, rtol: float = 1e-6, atol: float = 1e-9, strict: bool = False) -> bool:
    """True when ``compare`` finds no difference (``strict=True`` to match known mistakes)."""
    try:
        return compare(got, expected, "x", rtol, atol, strict) is None
    except TypeError:
        return False


__all__ = ["compare", "same", "describe"]
