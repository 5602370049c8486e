"""``python -m autograder selfcheck``: prove that the course grades what it should.

1. Every exercise's reference passes its visible and hidden checks, and every
   known mistake fails them with its own hint.
2. Released notebooks contain no solution code and no hidden tests.
3. Grading the source notebooks (as student ``source``) gives full marks, and
   grading the released notebooks (as student ``blank``) gives zero, without
   the grader crashing (the sandboxed grader, as an instructor runs it).
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from .checker import run_checks
from .course import discover, nbgrader_cell
from .batch import Batch
from .grading import release
from .registry import all_exercises

_FORBIDDEN = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "hidden=True")


def check_registry(prefixes: list[str] | None = None) -> list[str]:
    """Problems found in the registry (empty list when all is well), optionally for some assignments only."""
    problems = []
    for ex in all_exercises():
        if prefixes and ex.id.split(".")[0] not in prefixes:
            continue
        right = ex.reference() if ex.answer else ex.reference
        for hidden in (False, True):
            ok, msg = run_checks(ex, right, hidden=hidden)
            if not ok:
                problems.append(f"{ex.id}: the reference fails its {'hidden' if hidden else 'visible'} check: {msg}")
        if not ex.mistakes:
            problems.append(f"{ex.id}: no known mistakes registered")
        for mistake in ex.mistakes:
            # an answer's content is judged by the hidden check only
            ok, msg = run_checks(ex, mistake.fn() if ex.answer else mistake.fn, hidden=ex.answer)
            if ok:
                problems.append(f"{ex.id}: known mistake {mistake.name!r} passes the checks")
            elif mistake.hint not in msg:
                problems.append(f"{ex.id}: known mistake {mistake.name!r} fails without its hint: {msg}")
    return problems


def check_released(paths: list[Path]) -> list[str]:
    """Problems in released notebooks: leftover solutions or hidden tests."""
    problems = []
    for path in paths:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            src = "".join(cell.get("source", []))
            for marker in _FORBIDDEN:
                if marker in src:
                    problems.append(f"{path.name}: released notebook still contains {marker!r}")
            meta = nbgrader_cell(cell)
            if meta.solution and cell["cell_type"] == "code" and "raise NotImplementedError()" not in src:
                problems.append(f"{path.name}: solution cell {meta.grade_id} is not stubbed")
            if cell.get("outputs"):
                problems.append(f"{path.name}: released notebook carries outputs")
    return problems


def run(root: Path | None = None, log=print, assignments: list[str] | None = None) -> int:
    """Run every self-check (or those of some assignments); print what was checked; return the number of problems."""
    problems = check_registry(assignments)
    chosen = [e for e in all_exercises() if not assignments or e.id.split(".")[0] in assignments]
    log(f"registry: {len(chosen)} exercises, {sum(len(e.mistakes) for e in chosen)} known mistakes checked"
        + (f", {len(problems)} problem(s)" if problems else ", all good"))
    notebooks = discover(root)
    if assignments:
        unknown = [a for a in assignments if a not in notebooks]
        if unknown:
            log(f"PROBLEM: no notebooks for {unknown}")
            return len(unknown)
        notebooks = {a: notebooks[a] for a in assignments}
    with tempfile.TemporaryDirectory(prefix="dlc-selfcheck-") as tmp:
        tmp = Path(tmp)
        released = release(tmp / "release", root, list(notebooks))
        rel_problems = check_released(released)
        problems += rel_problems
        state = "clean" if not rel_problems else f"{len(rel_problems)} problem(s)"
        log(f"release: {len(released)} notebooks, {state}")
        subs = tmp / "submissions"
        for assignment, nbs in notebooks.items():
            for nb in nbs:
                for student, src in (("source", nb.path), ("blank", tmp / "release" / assignment / nb.path.name)):
                    dest = subs / student / assignment
                    dest.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(src, dest / nb.path.name)
        rows = Batch(subs, tmp / "graded", root).run(progress=False)
        for row in rows:
            want = row.max_score if row.student_id == "source" else 0.0
            ok = row.score == want and not row.reason
            log(f"grade: {row.student_id:<6} {row.assignment}: {row.score:g}/{row.max_score:g}"
                + ("" if ok else f"  <-- expected {want:g}" + (f" ({row.reason})" if row.reason else "")))
            if not ok:
                problems.append(f"{row.student_id} {row.assignment}: scored {row.score:g}/{row.max_score:g}, "
                                f"expected {want:g} {row.reason}")
    for p in problems:
        log("PROBLEM: " + p)
    log("selfcheck: " + ("passed" if not problems else f"{len(problems)} problem(s)"))
    return len(problems)
