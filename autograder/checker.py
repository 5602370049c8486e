"""``check(exercise_id, fn)``: the call in every test cell.

It runs the student's function on the exercise's cases, compares each result
with the dlkit reference and either prints one confirming line or raises
``CheckFailed`` with one specific message: which case, which output, what is
wrong, and, when the output matches a known mistake, that mistake's hint. When
a gradient is wrong it also runs a numeric gradient check of the student's
own cost, which tells a bug in the backward pass from a bug in the cost.

Hidden tests call ``check(..., hidden=True)``: other seeds and more cases.
"""
from __future__ import annotations

import copy
import os
import sys
import traceback
from typing import Any, Callable

from .compare import compare, same
from .registry import Case, Exercise, get


class CheckFailed(AssertionError):
    """A graded function gave a wrong answer; the message says what and, if known, why."""


def _student_frames(tb) -> str:
    """The traceback lines that belong to the student's code (not the autograder's)."""
    here = os.path.dirname(os.path.abspath(__file__))
    ours = {here, os.path.join(here, "exercises")}
    frames = [f for f in traceback.extract_tb(tb) if os.path.dirname(os.path.abspath(f.filename)) not in ours]
    return "".join(traceback.format_list(frames[-4:]))


def _call(fn: Callable, case: Case) -> Any:
    return fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))


def _compare_output(exercise: Exercise, got: Any, expected: Any) -> str | None:
    names = exercise.outputs
    if isinstance(names, tuple) and isinstance(expected, tuple):
        if not isinstance(got, (tuple, list)):
            return (f"`{exercise.name}` should return {len(names)} values "
                    f"({', '.join(names)}), got a single {type(got).__name__}")
        if len(got) != len(expected):
            return (f"`{exercise.name}` should return {len(names)} values "
                    f"({', '.join(names)}), got {len(got)}")
        for n, g, e in zip(names, got, expected):
            msg = compare(g, e, n, exercise.rtol, exercise.atol)
            if msg:
                return msg
        return None
    return compare(got, expected, names, exercise.rtol, exercise.atol)


def _hints(exercise: Exercise, got: Any, case: Case) -> list[str]:
    found = []
    for mistake in exercise.mistakes:
        try:
            wrong = _call(mistake.fn, case)
        except Exception:
            continue
        if same(got, wrong, exercise.rtol, exercise.atol):
            found.append(mistake.hint)
    return found


def run_checks(exercise: Exercise, fn: Callable, hidden: bool = False) -> tuple[bool, str]:
    """Judge ``fn`` on the exercise's cases. Returns ``(passed, message)``; never raises for student errors."""
    if not callable(fn):
        return False, f"`{exercise.name}` should be a function, got {type(fn).__name__}"
    cases = exercise.cases(hidden)
    for i, case in enumerate(cases, 1):
        where = f"case {i} of {len(cases)} ({case.label})" if case.label else f"case {i} of {len(cases)}"
        expected = _call(exercise.reference, case)
        try:
            got = _call(fn, case)
        except NotImplementedError:
            return False, (f"`{exercise.name}` is not written yet: replace "
                           "`raise NotImplementedError()` in its cell with your code, then run that cell.")
        except Exception as exc:  # the student's code raised: show where, briefly
            frames = _student_frames(exc.__traceback__)
            return False, (f"`{exercise.name}` raised {type(exc).__name__}: {exc} on {where}."
                           + (f"\nWhere it happened:\n{frames}" if frames else ""))
        msg = _compare_output(exercise, got, expected)
        if msg is None and exercise.extra_check is not None:
            msg = exercise.extra_check(got, case)
        if msg is None:
            continue
        lines = [f"`{exercise.name}` is wrong on {where}: {msg}."]
        lines += [f"Hint: {h}" for h in _hints(exercise, got, case)]
        if exercise.gradcheck is not None:
            try:
                verdict = exercise.gradcheck(fn, case)
            except Exception as exc:
                verdict = f"the numeric gradient check could not run ({type(exc).__name__}: {exc})"
            if verdict:
                lines.append(f"Gradient check: {verdict}")
        return False, "\n".join(lines)
    kind = "hidden" if hidden else "visible"
    return True, f"{exercise.name}: all {len(cases)} {kind} cases pass."


def check(exercise_id: str, fn: Callable, hidden: bool = False) -> None:
    """Check a student's function; print one line when it is right, raise CheckFailed when not."""
    exercise = get(exercise_id)
    passed, message = run_checks(exercise, fn, hidden=hidden)
    if not passed:
        raise CheckFailed(message)
    print("\u2714 " + message, file=sys.stdout)
