"""``check(exercise_id, fn)``: the call in every test cell, and the judge behind it.

Checking has two halves that can run in different processes:

- ``call_cases(fn, cases)`` runs the student's function on each case and
  collects what it returned (or a ``Raised`` record when it raised);
- ``judge(exercise, cases, outputs)`` compares those outputs with the dlkit
  reference and returns ``(passed, message)``: one specific sentence on the
  first wrong case (which output, what differs) plus the hint of every known
  mistake the output matches.

``check`` does both in the notebook's kernel, for instant feedback. The grader
runs ``call_cases`` in the sandboxed kernel and ``judge`` in its own process,
where student code cannot reach it. When a gradient is wrong, a numeric
gradient check of the student's own cost tells a bug in the backward pass from
a bug in the cost (``diagnose``).
"""
from __future__ import annotations

import copy
import os
import sys
import traceback
from typing import Any, Callable, Optional, Sequence

from .compare import compare, same
from .registry import Case, Exercise, get
from .wire import Raised


class CheckFailed(AssertionError):
    """A graded function gave a wrong answer; the message says what and, if known, why."""


def _student_frames(tb) -> str:
    """The traceback lines that belong to the student's code (not the autograder's)."""
    here = os.path.dirname(os.path.abspath(__file__))
    ours = {here, os.path.join(here, "exercises")}
    frames = [f for f in traceback.extract_tb(tb) if os.path.dirname(os.path.abspath(f.filename)) not in ours]
    return "".join(traceback.format_list(frames[-4:]))


def call(fn: Callable, case: Case) -> Any:
    """``fn`` applied to deep copies of the case's arguments (so a function that edits its inputs cannot spoil the case)."""
    return fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))


def call_cases(fn: Callable, cases: Sequence[Case], answer: bool = False) -> list[Any]:
    """The student's outputs, one per case; stops at the first case that raises (a ``Raised`` record).

    For an answer exercise ``fn`` is the student's answer itself, the one output.
    """
    if answer:
        return [fn]
    outputs = []
    for case in cases:
        try:
            outputs.append(call(fn, case))
        except (Exception, SystemExit, KeyboardInterrupt) as exc:  # keep the name, message and where
            outputs.append(Raised(type(exc).__name__, str(exc), _student_frames(exc.__traceback__)))
            break
    return outputs


def _compare_output(exercise: Exercise, got: Any, expected: Any) -> Optional[str]:
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
            wrong = call(exercise.prepare(mistake.fn), case)
        except Exception:
            continue
        if same(got, wrong, exercise.rtol, exercise.atol):
            found.append(mistake.hint)
    return found


def _answer_difference(exercise: Exercise, got: Any, expected: Any) -> Optional[str]:
    """Which parts of a quiz answer are wrong, without giving the right ones away."""
    if _compare_output(exercise, got, expected) is None:
        return None
    if isinstance(expected, dict) and isinstance(got, dict) and set(got) == set(expected):
        wrong = [k for k in expected if not same(got[k], expected[k], exercise.rtol, exercise.atol)]
        return f"{len(wrong)} of {len(expected)} answers are not right: {', '.join(map(repr, wrong))}"
    return "this answer is not right"


def judge(exercise: Exercise, cases: Sequence[Case], outputs: Sequence[Any],
          diagnose: Optional[Callable[[Case], Optional[str]]] = None, hidden: bool = False) -> tuple[bool, str]:
    """Compare the student's ``outputs`` with the reference on ``cases``; ``(passed, message)``."""
    for i, case in enumerate(cases, 1):
        where = f"case {i} of {len(cases)}" + (f" ({case.label})" if case.label else "")
        if i > len(outputs):
            return False, f"`{exercise.name}` was not run on {where} (the notebook stopped before it)."
        got = outputs[i - 1]
        if isinstance(got, Raised):
            if got.type_name == "NotImplementedError":
                return False, (f"`{exercise.name}` is not written yet: replace "
                               "`raise NotImplementedError()` with your code and run its cell.")
            return False, (f"`{exercise.name}` raised {got.type_name}: {got.message} on {where}."
                           + (f"\nWhere it happened:\n{got.where}" if got.where else ""))
        if exercise.answer:
            msg = exercise.form_check(got) if exercise.form_check else None
            if msg is None and hidden:
                msg = _answer_difference(exercise, got, exercise.reference())
                if msg is not None:
                    msg += "".join(f"\nHint: {h}" for h in _hints(exercise, got, case))
            if msg is None:
                continue
            return False, f"`{exercise.name}`: {msg}"
        expected = call(exercise.prepare(exercise.reference), case)
        msg = _compare_output(exercise, got, expected)
        if msg is None and exercise.extra_check is not None:
            msg = exercise.extra_check(got, case)
        if msg is None:
            continue
        lines = [f"`{exercise.name}` is wrong on {where}: {msg}."]
        lines += [f"Hint: {h}" for h in _hints(exercise, got, case)]
        if diagnose is not None:
            try:
                verdict = diagnose(case)
            except Exception as exc:
                verdict = f"the numeric gradient check could not run ({type(exc).__name__}: {exc})"
            if verdict:
                lines.append(f"Gradient check: {verdict}")
        return False, "\n".join(lines)
    if exercise.answer:
        return True, (f"{exercise.name}: answer recorded" + (" and right." if hidden else
                      " (its form is right; its content is graded when the notebook is graded)."))
    kind = "hidden" if hidden else "visible"
    return True, f"{exercise.name}: all {len(cases)} {kind} cases pass."


def gradient_diagnosis(exercise: Exercise, fn: Callable) -> Optional[Callable[[Case], Optional[str]]]:
    """The exercise's numeric gradient check bound to the student's function, if it has one."""
    if exercise.gradcheck is None:
        return None
    return lambda case: exercise.gradcheck(fn, case)


def run_checks(exercise: Exercise, fn: Callable, hidden: bool = False) -> tuple[bool, str]:
    """Judge ``fn`` on the exercise's cases in this process. ``(passed, message)``; never raises for student errors."""
    if not exercise.answer and not callable(fn):
        return False, f"`{exercise.name}` should be a function, got {type(fn).__name__}"
    cases = exercise.cases(hidden)
    outputs = call_cases(fn if exercise.answer else exercise.prepare(fn), cases, exercise.answer)
    return judge(exercise, cases, outputs, None if exercise.answer else gradient_diagnosis(exercise, fn), hidden)


def check(exercise_id: str, fn: Callable, hidden: bool = False) -> None:
    """Check a student's function (or, for a quiz, their answer); print one line when right, raise CheckFailed when not."""
    exercise = get(exercise_id)
    passed, message = run_checks(exercise, fn, hidden=hidden)
    if not passed:
        raise CheckFailed(message)
    print("\u2714 " + message, file=sys.stdout)
