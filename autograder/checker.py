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
from .depends import graded_callees
from .effects import Effects, effect_message, observe
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
    """``fn`` applied to deep copies of the case's arguments (so a function cannot spoil the case it is given)."""
    return fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))


def call_cases(fn: Callable, cases: Sequence[Case], answer: bool = False,
               effects: Optional[list] = None) -> list[Any]:
    """The student's outputs, one per case; stops at the first case that raises (a ``Raised`` record).

    For an answer exercise ``fn`` is the student's answer itself, the one output.
    When ``effects`` is a list, the side effects of each call (``autograder.effects.Effects``)
    are appended to it, one per returned output.
    """
    if answer:
        return [fn]
    outputs = []
    for case in cases:
        try:
            out, eff = observe(fn, case.args, case.kwargs)
        except (Exception, SystemExit, KeyboardInterrupt) as exc:  # keep the name, message and where
            outputs.append(Raised(type(exc).__name__, str(exc), _student_frames(exc.__traceback__)))
            break
        outputs.append(out)
        if effects is not None:
            effects.append(eff)
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


def _hints(exercise: Exercise, cases: Sequence[Case], outputs: Sequence[Any]) -> list[str]:
    """The hints of the known mistakes the student's outputs match exactly, on every case that ran.

    A mistake can agree with the right answer, or with another mistake, on one case
    (every prediction is 1 when A is exactly 0.5), so a hint fires only when the
    mistake reproduces all of the student's outputs, with dict keys compared too.
    """
    ran = [(case, got) for case, got in zip(cases, outputs) if not isinstance(got, Raised)]
    if not ran:
        return []
    found = []
    for mistake in exercise.mistakes:
        wrong_fn = exercise.prepare(mistake.fn)
        for case, got in ran:
            try:
                wrong = call(wrong_fn, case)
            except Exception:
                break
            if not same(got, wrong, exercise.rtol, exercise.atol, strict=True):
                break
        else:
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
          diagnose: Optional[Callable[[Case], Optional[str]]] = None, hidden: bool = False,
          effects: Optional[Sequence[Optional[Effects]]] = None) -> tuple[bool, str]:
    """Compare the student's ``outputs`` with the reference on ``cases``; ``(passed, message)``.

    ``effects`` (one ``Effects`` per output, when known) fails a function that changes its
    inputs or aliases its outputs where the reference does not.
    """
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
                    msg += "".join(f"\nHint: {h}" for h in _hints(exercise, [case], [got]))
            if msg is None:
                continue
            return False, f"`{exercise.name}`: {msg}"
        reference = exercise.prepare(exercise.reference)
        expected, reference_effects = observe(reference, case.args, case.kwargs)
        msg = _compare_output(exercise, got, expected)
        if msg is None and exercise.extra_check is not None:
            msg = exercise.extra_check(got, case)
        if msg is None and effects is not None and i <= len(effects) and effects[i - 1] is not None:
            side_effect = effect_message(effects[i - 1], reference_effects, exercise.may_modify,
                                         reference, exercise.outputs)
            if side_effect is not None:
                return False, f"`{exercise.name}` gives the right values on {where}, but {side_effect}."
        if msg is None:
            continue
        lines = [f"`{exercise.name}` is wrong on {where}: {msg}" + ("" if msg.endswith(("?", ".")) else ".")]
        lines += [f"Hint: {h}" for h in _hints(exercise, cases, outputs)]
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


def with_dependency_note(name: str, failing_calls: Sequence[str], message: str) -> str:
    """``message`` after a first line saying that ``name`` calls graded functions that fail their own checks."""
    if not failing_calls:
        return message
    names = ", ".join(f"`{n}`" for n in failing_calls)
    which = "which fails its own check" if len(failing_calls) == 1 else "which fail their own checks"
    return f"`{name}` calls your {names}, {which}: fix that first (its test says what is wrong).\n{message}"


def run_checks(exercise: Exercise, fn: Callable, hidden: bool = False) -> tuple[bool, str]:
    """Judge ``fn`` on the exercise's cases in this process. ``(passed, message)``; never raises for student errors."""
    if not exercise.answer and not callable(fn):
        return False, f"`{exercise.name}` should be a function, got {type(fn).__name__}"
    cases = exercise.cases(hidden)
    effects: list = []
    outputs = call_cases(fn if exercise.answer else exercise.prepare(fn), cases, exercise.answer, effects)
    return judge(exercise, cases, outputs, None if exercise.answer else gradient_diagnosis(exercise, fn), hidden,
                 effects=None if exercise.answer else effects)


# The last verdict of each exercise checked in this process: exercise id -> (function, passed).
_LAST_VERDICT: dict[str, tuple[Any, bool]] = {}


def _failing_calls(exercise: Exercise, fn: Callable) -> list[str]:
    """The student's graded functions that ``fn`` calls and that fail their visible check (checked once each)."""
    failing = []
    for dep_id, dep_fn in graded_callees(exercise.id, fn):
        last = _LAST_VERDICT.get(dep_id)
        if last is None or last[0] is not dep_fn:
            last = (dep_fn, run_checks(get(dep_id), dep_fn)[0])
            _LAST_VERDICT[dep_id] = last
        if not last[1]:
            failing.append(dep_id.split(".", 1)[1])
    return failing


def check(exercise_id: str, fn: Callable, hidden: bool = False) -> None:
    """Check a student's function (or, for a quiz, their answer); print one line when right, raise CheckFailed when not.

    When a function fails and calls another graded function of the notebook that fails its
    own check (``optimize`` calling a wrong ``propagate``), the message says so first.
    """
    exercise = get(exercise_id)
    passed, message = run_checks(exercise, fn, hidden=hidden)
    if not exercise.answer and not hidden:
        _LAST_VERDICT[exercise.id] = (fn, passed)
    if not passed:
        if not exercise.answer:
            message = with_dependency_note(exercise.name, _failing_calls(exercise, fn), message)
        raise CheckFailed(message)
    print("\u2714 " + message, file=sys.stdout)
