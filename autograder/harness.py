"""Kernel-side half of sandboxed grading: run the student's functions on the judge's cases.

The grader replaces every graded test cell of a submission by a call
``capture(cell_id, checks)``. ``capture`` reads the cases the judge wrote
(``<inputs>/<exercise>.<visible|hidden>.json``), calls the student's function
found in the notebook's namespace, and writes what came back, encoded by
``autograder.wire``, to ``<results>/<cell_id>.json``. Nothing is judged here:
the verdict is made outside this kernel, from those files only.

Side effects (inputs changed in place, outputs sharing an array, see
``autograder.effects``) travel beside the outputs, as plain lists.

The one exception is text: a numeric gradient check of the student's own cost
runs here (it needs the student's function) and travels as a diagnostic string
that the judge may show, never as a score.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from . import wire
from .checker import call_cases
from .registry import Case, get

_INPUTS = Path(os.environ.get("DLC_HARNESS_INPUTS", "inputs"))
_RESULTS = Path(os.environ.get("DLC_HARNESS_RESULTS", "results"))


def _load_cases(exercise_id: str, hidden: bool) -> list[Case]:
    path = _INPUTS / f"{exercise_id}.{'hidden' if hidden else 'visible'}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [Case(tuple(wire.decode(c["args"])), wire.decode(c["kwargs"]), c.get("label", "")) for c in raw]


def _encode_outputs(outputs) -> list:
    encoded = []
    for out in outputs:
        if isinstance(out, wire.Raised):
            encoded.append({"__raised__": out.type_name, "message": out.message[:2000], "where": out.where[:4000]})
        else:
            encoded.append(wire.encode(out))
    return encoded


def capture(cell_id: str, checks: list, namespace: dict | None = None) -> None:
    """Run each ``(exercise_id, function_name, hidden)`` of a test cell and write the outputs for the judge."""
    if namespace is None:
        from IPython import get_ipython

        namespace = get_ipython().user_ns
    record = []
    for exercise_id, fn_name, hidden in checks:
        entry = {"exercise": exercise_id, "function": fn_name, "hidden": bool(hidden)}
        exercise = get(exercise_id)
        fn = namespace.get(fn_name)
        if exercise.answer:
            if fn_name not in namespace:
                entry["missing"] = f"`{fn_name}` is not defined (run its cell, or keep its name)"
                record.append(entry)
                continue
        elif not callable(fn):
            entry["missing"] = f"`{fn_name}` is not defined as a function (run its cell, or keep its name)"
            record.append(entry)
            continue
        cases = _load_cases(exercise_id, hidden)
        effects: list = []
        outputs = call_cases(fn if exercise.answer else exercise.prepare(fn), cases, exercise.answer, effects)
        entry["outputs"] = _encode_outputs(outputs)
        entry["effects"] = [e.to_json() for e in effects]
        if outputs and isinstance(outputs[-1], wire.Raised) and outputs[-1].type_name == "KeyboardInterrupt":
            record.append(entry)  # interrupted (the cell's time ran out): do not call it again
            break
        if exercise.gradcheck is not None and cases and not isinstance(outputs[-1], wire.Raised):
            try:
                entry["diagnosis"] = str(exercise.gradcheck(fn, cases[0]))[:2000]
            except Exception as exc:
                entry["diagnosis"] = f"the numeric gradient check could not run ({type(exc).__name__}: {exc})"[:2000]
        record.append(entry)
    _RESULTS.mkdir(parents=True, exist_ok=True)
    tmp = _RESULTS / f".{cell_id}.tmp"
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, _RESULTS / f"{cell_id}.json")
    print(f"[graded outside this kernel: {', '.join(c[1] for c in checks)}]")
