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
   the verdicts (hidden test source removed), and the problems for the grade
   table: a cell stopped at the time limit or by a dead kernel is named by its
   number (the ``[n]`` the feedback page shows) and the heading it stands under.
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
from .checker import judge, with_dependency_note
from .depends import names_called_in_source
from .effects import Effects
from .course import nbgrader_cell
from .flags import submission_flags
from .merge import HARNESS_NAME, graded_checks, merge_submission, with_harness
from .registry import Case, get
from .runner import STOPPED
from .sandbox import Limits, child_env, run
from .validate import read_notebook

_SAFE_MIME = {"text/plain", "image/png", "image/jpeg"}
_HIDDEN_BLOCK = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[^\n]*\n?", re.S | re.M)
_IPYTHON_FALLBACK = "Unexpected exception formatting exception"
_SERVER_PATH = re.compile(r"(?:/[\w.+@-]+)+/([\w.+@-]+\.(?:py|pyx|so|ipynb))")


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
    notes: list[str] = field(default_factory=list)  # what the grader restored (for the feedback page)
    problems: list[str] = field(default_factory=list)  # cells stopped (for the reason column too)
    flags: list[str] = field(default_factory=list)
    reason: str = ""  # set when the file could not be read as a notebook: nothing was graded
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


def _judge_cell(gid, calls, cases, results_dir: Path, why: str, cell_timeout: int,
                student_sources: list[str] = (), failed: set[str] = frozenset()) -> tuple[bool, str]:
    """Verdict on one test cell from the harness's result file (which the student could have touched).

    ``failed`` holds the student's functions whose checks failed in earlier cells; a failing
    function that calls one of them (read from ``student_sources``) is told to fix that first.
    """
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
        effects = entry.get("effects")
        effects = [Effects.from_json(e) for e in effects] if isinstance(effects, list) else None
        passed, msg = judge(exercise, cases[(call.exercise_id, call.hidden)], outputs, hidden=call.hidden,
                            effects=effects)
        if not passed:
            if outputs and isinstance(outputs[-1], wire.Raised) and outputs[-1].type_name == "KeyboardInterrupt":
                # while grading, only the runner's cell timeout interrupts the kernel
                return False, (f"`{call.function}` was stopped after the {cell_timeout} s limit of a cell: "
                               "does it loop forever, or do far more work than it needs?")
            diagnosis = entry.get("diagnosis")
            if isinstance(diagnosis, str) and diagnosis and "Gradient check" not in msg:
                msg += f"\nGradient check: {diagnosis}"
            callees = sorted((names_called_in_source(student_sources, call.function) & failed) - {call.function})
            msg = with_dependency_note(call.function, callees, msg)
            return False, ("hidden test: " if call.hidden else "") + msg
        messages.append(msg)
    return True, " ".join(messages)


def _scrub(text: str) -> str:
    """Output text without the server's paths (``/srv/x/site-packages/numpy/core.py`` -> ``core.py``)."""
    return _SERVER_PATH.sub(r"\1", text)


def _clean_outputs(cell, stopped: str | None) -> None:
    """A code cell's outputs fit for the student's page: one-line errors, no grader internals.

    A cell the runner ``stopped`` loses its errors and stderr (the interrupt's
    traceback, or IPython's "Unexpected exception formatting exception" and
    its fallback traceback) for one line saying why it stopped.
    """
    kept = []
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            text = "".join(out.get("text", "")) if isinstance(out.get("text"), list) else out.get("text", "")
            if _IPYTHON_FALLBACK in text or (stopped and out.get("name") == "stderr"):
                continue
            if out.get("name") == "stderr" and "Traceback (most recent call last)" in text:
                text = text.rstrip().splitlines()[-1] + "\n"  # the exception line, not the frames
            out["text"] = _scrub(text)
        elif kind == "error":
            if stopped:
                continue
            out["evalue"] = _scrub(str(out.get("evalue", "")))
            out["traceback"] = [f"{out.get('ename', 'Error')}: {out['evalue']}"]
        if "data" in out:  # no HTML or scripts from the student's kernel in the page
            out["data"] = {k: v for k, v in out["data"].items() if k in _SAFE_MIME} or \
                {"text/plain": "(output not shown)"}
        kept.append(out)
    if stopped:
        kept.append(nbformat.v4.new_output("error", ename="Stopped", evalue=stopped,
                                           traceback=[f"Stopped: {stopped}"]))
    cell.outputs = kept


def _feedback(executed, source, checks, verdicts: dict[str, CellVerdict], stopped: dict[int, str]):
    """The page's notebook: verdicts in the test cells, ``stopped[k]`` explained under merged cell ``k``."""
    nb = copy.deepcopy(executed)
    if nb.cells and HARNESS_NAME in "".join(nb.cells[0].get("source", "")):
        nb.cells.pop(0)
        for cell in nb.cells:  # the harness cell ran first: number the student's cells from 1
            if cell.cell_type == "code" and isinstance(cell.get("execution_count"), int):
                cell.execution_count -= 1
    src_tests = {meta.grade_id: c for c, meta in ((c, nbgrader_cell(c)) for c in source.cells) if meta.grade}
    for k, cell in enumerate(nb.cells):
        cell.get("metadata", {}).pop(STOPPED, None)
        gid = nbgrader_cell(cell).grade_id
        if gid in verdicts and gid in src_tests:
            cell.source = _HIDDEN_BLOCK.sub("", src_tests[gid].source).rstrip()
            v = verdicts[gid]
            if v.points == v.max_points:
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"\u2714 {v.message}\n")]
            else:
                cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue=v.message,
                                                       traceback=[f"CheckFailed: {v.message}"])]
        elif cell.cell_type == "code":
            _clean_outputs(cell, stopped.get(k))
        elif cell.cell_type == "markdown":  # a student's markdown must not carry HTML into the page
            src = "".join(cell.source) if isinstance(cell.source, list) else cell.source
            cell.source = src.replace("<", "&lt;").replace(">", "&gt;")
    return nb


def _headings(source) -> set[str]:
    """The headings of the source's markdown cells (trusted text to name a cell by)."""
    return {h for h in (_heading(c.source) for c in source.cells if c.cell_type == "markdown") if h}


def _heading(text) -> str | None:
    text = "".join(text) if isinstance(text, list) else str(text)
    for line in text.splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            return title[:80] if title else None
    return None


def describe_cell(merged, k: int, checks, headings: set[str]) -> str:
    """``cell 14 (under "5. Training on the images")``: merged cell ``k`` as the feedback page shows it.

    The number is the cell's ``[n]`` in a top-to-bottom run (non-empty code
    cells counted); the words come from the source notebook, never from text a
    student wrote: a test or answer cell by its grade id, any other cell by
    the last source heading above it.
    """
    number = sum(1 for c in merged.cells[: k + 1] if c.cell_type == "code" and "".join(c.source).strip())
    meta = nbgrader_cell(merged.cells[k])
    if meta.grade_id in checks:
        what = f"the test `{meta.grade_id}`"
    elif meta.is_answer:
        what = f"your answer cell `{meta.grade_id}`"
    else:
        above = [h for h in map(_heading, (c.source for c in merged.cells[:k] if c.cell_type == "markdown"))
                 if h in headings]
        what = f'under "{above[-1]}"' if above else "before the first heading"
    return f"cell {number} ({what})"


def _earlier_failures(merged, k: int, verdicts: dict[str, CellVerdict]) -> list[str]:
    """Grade ids of the failed tests above merged cell ``k`` (a likely cause of a slow or dying cell)."""
    ids = [nbgrader_cell(c).grade_id for c in merged.cells[:k]]
    return [g for g in ids if g in verdicts and verdicts[g].points < verdicts[g].max_points]


def _running_index(path: Path, n_cells: int) -> int | None:
    """The index the runner wrote before the cell it was running when it was killed (None if unknown)."""
    try:
        k = int(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None
    return k if 0 <= k < n_cells else None


def grade_notebook(source_path: Path, submission_path: Path, scratch: Path, limits: Limits,
                   bwrap: str | None, hide: list[Path]) -> NotebookResult:
    """Grade one notebook of a submission (see the module docstring)."""
    source = nbformat.read(str(source_path), as_version=4)
    checks = graded_checks(source)
    result = NotebookResult(Path(source_path).name)
    try:
        student = read_notebook(submission_path)
    except ValueError as exc:
        result.reason = str(exc)
        result.cells = [CellVerdict(gid, 0.0, pts, "not run: the file is not a readable notebook")
                        for gid, (pts, _) in checks.items()]
        return result
    merged, result.notes = merge_submission(source, student)
    result.flags = submission_flags(source, merged)
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
    try:
        executed = nbformat.read(str(executed_path), as_version=4)
    except Exception:
        executed = None
    # merged cell k is cell k + 1 of the executed notebook (the harness cell comes first)
    marks = {}
    if executed is not None and len(executed.cells) == len(merged.cells) + 1:
        marks = {k - 1: c.metadata.get(STOPPED) for k, c in enumerate(executed.cells)
                 if k and c.metadata.get(STOPPED) in ("time limit", "kernel died")}
    stopped = ""
    if ran.timed_out:
        stopped = f"the notebook ran past its {limits.notebook_timeout} s limit"
        k = _running_index(Path(str(executed_path) + ".running"), len(merged.cells) + 1)
        if k:
            marks[k - 1] = "notebook limit"
    elif "kernel died" in ran.output or "kernel died" in marks.values():
        stopped = "the kernel died (memory cap, os._exit or a crash)"
    elif ran.returncode not in (0, None):
        stopped = "the notebook could not be run to the end"
    verdicts, failed = {}, set()
    student_sources = [c.source for c in merged.cells if c.cell_type == "code" and not nbgrader_cell(c).locked]
    for gid, (pts, calls) in checks.items():
        passed, msg = _judge_cell(gid, calls, cases, scratch / "results", stopped, limits.cell_timeout,
                                  student_sources, failed)
        verdicts[gid] = CellVerdict(gid, pts if passed else 0.0, pts, msg)
        if not passed:
            failed.update(c.function for c in calls)
    result.cells = list(verdicts.values())
    headings, explained = _headings(source), {}
    for k, why in sorted(marks.items()):
        where = describe_cell(merged, k, checks, headings)
        if why == "time limit":
            problem = f"{where} stopped at the {limits.cell_timeout} s limit of a cell"
            advice = "Does it loop forever, or do far more work than it needs?"
        elif why == "kernel died":
            problem = (f"the kernel died in {where} (memory cap of {limits.memory_mb} MiB, os._exit or a crash); "
                       "the cells after it did not run")
            advice = "Does it build arrays far larger than it needs?"
        else:
            problem = f"the notebook ran past its {limits.notebook_timeout} s limit in {where}"
            advice = "Does it loop forever, or do far more work than it needs?"
        result.problems.append(f"{result.notebook}: {problem}")
        failed = _earlier_failures(merged, k, verdicts)
        if failed:
            advice = (f"A test above it failed ({', '.join(f'`{g}`' for g in failed)}): a mistake there, such as "
                      "a wrong shape, can make this cell far slower or larger than it should be.")
        explained[k] = f"{problem[0].upper()}{problem[1:]}. {advice}"
    if stopped and not any(why != "time limit" for why in marks.values()):
        result.problems.append(f"{result.notebook}: {stopped}")
    result.feedback = _feedback(executed or with_harness(merged, checks), source, checks, verdicts, explained)
    return result
