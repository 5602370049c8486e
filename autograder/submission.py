"""Grade one submitted notebook: rebuild, run sandboxed, judge outside, write feedback.

``grade_notebook(source_path, submission_path, scratch, ...)``:

1. read the submission (a clear reason if it is not a notebook) and rebuild it
   on the source's skeleton (``merge``): locked and test cells from the source;
2. write the judge's cases (``inputs/``) and the notebook, with its test cells
   turned into harness calls, into the scratch folder;
3. execute it in the sandbox (``sandbox``, ``runner``), under time and memory limits;
4. judge each graded test cell here, from the outputs the harness wrote
   (``results/``), against the dlkit reference (``checker.judge``);
5. return the points per cell and a feedback notebook whose test cells show
   the verdicts (hidden test source removed).
"""
from __future__ import annotations

import copy
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import wire
from .checker import judge
from .flags import reference_flags
from .merge import HARNESS_NAME, graded_checks, merge_submission, with_harness
from .registry import Case, get
from .sandbox import Limits, child_env, run
from .validate import read_notebook

_SAFE_MIME = {"text/plain", "image/png", "image/jpeg"}
_HIDDEN_BLOCK = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[^\n]*\n?", re.S | re.M)


@dataclass
class CellVerdict:
    grade_id: str
    points: float
    max_points: float
    message: str


@dataclass
class NotebookResult:
    notebook: str
    cells: list[CellVerdict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    reason: str = ""
    run_seconds: float = 0.0
    feedback: nbformat.NotebookNode | None = None

    @property
    def score(self) -> float:
        return float(sum(c.points for c in self.cells))


def _write_inputs(checks, inputs: Path) -> dict[tuple[str, bool], list[Case]]:
    inputs.mkdir(parents=True, exist_ok=True)
    cases = {}
    for _, calls in checks.values():
        for c in calls:
            key = (c.exercise_id, c.hidden)
            if key in cases:
                continue
            cases[key] = get(c.exercise_id).cases(c.hidden)
            data = [{"args": wire.encode(tuple(k.args)), "kwargs": wire.encode(dict(k.kwargs)), "label": k.label}
                    for k in cases[key]]
            # a tuple encodes as {"__tuple__": [...]}; the harness rebuilds it with decode
            (inputs / f"{c.exercise_id}.{'hidden' if c.hidden else 'visible'}.json").write_text(
                json.dumps(data), encoding="utf-8")
    return cases


def _judge_cell(gid, calls, cases, results_dir: Path, why: str, cell_timeout: int) -> tuple[bool, str]:
    """Verdict on one test cell from the harness's result file (which the student could have touched)."""
    path = results_dir / f"{gid}.json"
    if not path.exists():
        return False, f"this test did not run{': ' + why if why else ''}."
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False, "this test's results could not be read."
    if not isinstance(record, list) or len(record) > len(calls):
        return False, "this test's results are malformed."
    messages = []
    for i, call in enumerate(calls):
        if i >= len(record):
            return False, f"this test stopped before it finished{': ' + why if why else ''}."
        entry = record[i]
        if not isinstance(entry, dict) or entry.get("exercise") != call.exercise_id \
                or entry.get("hidden") is not call.hidden:
            return False, "this test's results do not match the test."
        if "missing" in entry:
            return False, str(entry["missing"])
        outputs = wire.decode(entry.get("outputs", []))
        if not isinstance(outputs, list):
            return False, "this test's results are malformed."
        exercise = get(call.exercise_id)
        passed, msg = judge(exercise, cases[(call.exercise_id, call.hidden)], outputs, hidden=call.hidden)
        if not passed:
            if outputs and isinstance(outputs[-1], wire.Raised) and outputs[-1].type_name == "KeyboardInterrupt":
                # while grading, only the runner's cell timeout interrupts the kernel
                return False, (f"`{call.function}` was stopped after the {cell_timeout} s limit of a cell: "
                               "does it loop forever, or do far more work than it needs?")
            diagnosis = entry.get("diagnosis")
            if isinstance(diagnosis, str) and diagnosis and "Gradient check" not in msg:
                msg += f"\nGradient check: {diagnosis}"
            return False, ("hidden test: " if call.hidden else "") + msg
        messages.append(msg)
    return True, " ".join(messages)


def _feedback(executed, source, checks, verdicts: dict[str, CellVerdict]):
    nb = copy.deepcopy(executed)
    if nb.cells and HARNESS_NAME in "".join(nb.cells[0].get("source", "")):
        nb.cells.pop(0)
        for cell in nb.cells:  # the harness cell ran first: number the student's cells from 1
            if cell.cell_type == "code" and isinstance(cell.get("execution_count"), int):
                cell.execution_count -= 1
    src_tests = {c.metadata.nbgrader.grade_id: c for c in source.cells
                 if c.get("metadata", {}).get("nbgrader", {}).get("grade")}
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in verdicts and gid in src_tests:
            cell.source = _HIDDEN_BLOCK.sub("", src_tests[gid].source).rstrip()
            v = verdicts[gid]
            if v.points == v.max_points:
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"\u2714 {v.message}\n")]
            else:
                cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue=v.message,
                                                       traceback=[f"CheckFailed: {v.message}"])]
        elif cell.cell_type == "code":
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
                if "data" in out:  # no HTML or scripts from the student's kernel in the page
                    out["data"] = {k: v for k, v in out["data"].items() if k in _SAFE_MIME} or \
                        {"text/plain": "(output not shown)"}
        elif cell.cell_type == "markdown":  # a student's markdown must not carry HTML into the page
            src = "".join(cell.source) if isinstance(cell.source, list) else cell.source
            cell.source = src.replace("<", "&lt;").replace(">", "&gt;")
    return nb


def grade_notebook(source_path: Path, submission_path: Path, scratch: Path, limits: Limits,
                   bwrap: str | None, hide: list[Path]) -> NotebookResult:
    """Grade one notebook of a submission (see the module docstring)."""
    source = nbformat.read(str(source_path), as_version=4)
    checks = graded_checks(source)
    result = NotebookResult(Path(source_path).name)
    empty = [CellVerdict(gid, 0.0, pts, "") for gid, (pts, _) in checks.items()]
    try:
        student = read_notebook(submission_path)
    except ValueError as exc:
        result.cells, result.reason = empty, str(exc)
        return result
    merged, result.notes = merge_submission(source, student)
    src_locked = {c.metadata.nbgrader.grade_id for c in source.cells
                  if c.get("metadata", {}).get("nbgrader", {}).get("locked")}
    student_code = [c.source for c in merged.cells if c.cell_type == "code"
                    and c.get("metadata", {}).get("nbgrader", {}).get("grade_id") not in src_locked]
    result.flags = reference_flags(student_code, {c.function for _, calls in checks.values() for c in calls})
    scratch.mkdir(parents=True, exist_ok=True)
    cases = _write_inputs(checks, scratch / "inputs")
    (scratch / "results").mkdir(exist_ok=True)
    to_run = scratch / "submission.ipynb"
    nbformat.write(with_harness(merged, checks), str(to_run))
    executed_path = scratch / "executed.ipynb"
    env = child_env(scratch, {"DLC_HARNESS_INPUTS": str(scratch / "inputs"),
                              "DLC_HARNESS_RESULTS": str(scratch / "results")}, threads=limits.threads)
    argv = [sys.executable, "-m", "autograder.runner", str(to_run), str(executed_path),
            "--cell-timeout", str(limits.cell_timeout)]
    t0 = time.perf_counter()
    ran = run(argv, scratch, hide, limits, env, bwrap)
    result.run_seconds = time.perf_counter() - t0
    stopped = ""
    if ran.timed_out:
        stopped = f"the notebook ran past its {limits.notebook_timeout} s limit"
    elif "kernel died" in ran.output:
        stopped = "the kernel died (memory cap, os._exit or a crash)"
    elif ran.returncode not in (0, None):
        stopped = "the notebook could not be run to the end"
    try:
        executed = nbformat.read(str(executed_path), as_version=4)
    except Exception:
        executed = None
    verdicts = {}
    for gid, (pts, calls) in checks.items():
        passed, msg = _judge_cell(gid, calls, cases, scratch / "results", stopped, limits.cell_timeout)
        verdicts[gid] = CellVerdict(gid, pts if passed else 0.0, pts, msg)
    result.cells = list(verdicts.values())
    if stopped:
        result.notes.append(stopped)
    result.feedback = _feedback(executed or with_harness(merged, checks), source, checks, verdicts)
    return result
