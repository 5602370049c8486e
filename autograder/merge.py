"""Rebuild a submission on the source notebook's skeleton before grading.

Locked cells (setup, demonstrations) and test cells come from the source, so
a submission that edits, empties or deletes them changes nothing; nbgrader
metadata (points, grade ids) also comes from the source. A student's solution
cells keep their code; cells the student added are kept where they stand,
without any nbgrader metadata. A source cell missing from the submission is
put back after its predecessor (a missing solution cell comes back empty, never
with the instructor's solution).

Test cells are then replaced by the harness call that sends the student's
outputs to the judge (``autograder.harness``); a first cell binds the harness
before any student code runs.
"""
from __future__ import annotations

import copy
import re

import nbformat

from .course import nbgrader_cell
from .testcells import parse_checks

HARNESS_NAME = "__dlc_capture__"


def _gid(cell) -> str | None:
    return nbgrader_cell(cell).grade_id


def _visible(text) -> str:
    """A cell's text without its hidden-tests block (what the released version shows)."""
    text = "".join(text) if isinstance(text, list) else str(text)
    return re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", "", text, flags=re.S).strip()


def merge_submission(source, student) -> tuple[nbformat.NotebookNode, list[str]]:
    """The notebook to execute, and notes on what was restored (for the instructor)."""
    src_cells = {_gid(c): (k, c) for k, c in enumerate(source.cells) if _gid(c)}
    placed: dict[str, int] = {}
    out, notes = [], []
    for cell in student.cells:
        gid = _gid(cell)
        if gid in src_cells and gid not in placed:
            k, src = src_cells[gid]
            if nbgrader_cell(src).is_answer:
                new = copy.deepcopy(src)
                new.source = cell.get("source", "")
                if cell.get("cell_type") != src.cell_type:
                    notes.append(f"cell {gid}: type changed to {cell.get('cell_type')}, graded as {src.cell_type}")
            else:
                new = copy.deepcopy(src)
                if _visible(cell.get("source", "")) != _visible(src.source):
                    notes.append(f"cell {gid}: edited locked cell restored")
            placed[gid] = len(out)
            out.append(new)
        else:
            new = copy.deepcopy(cell)
            new.get("metadata", {}).pop("nbgrader", None)
            out.append(new)
    # Put back the source cells the submission lost, each after its nearest placed predecessor.
    for k, src in enumerate(source.cells):
        gid = _gid(src)
        if not gid or gid in placed:
            continue
        new = copy.deepcopy(src)
        if nbgrader_cell(src).is_answer:
            new.source = "# (this answer cell was missing from the submission)"
        notes.append(f"cell {gid}: missing, restored")
        prev = [placed[_gid(c)] for c in source.cells[:k] if _gid(c) in placed]
        pos = max(prev) + 1 if prev else 0
        out.insert(pos, new)
        placed = {g: (i + 1 if i >= pos else i) for g, i in placed.items()}
        placed[gid] = pos
    nb = copy.deepcopy(source)
    nb.cells = out
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb, notes


def graded_checks(source) -> dict[str, tuple[float, list]]:
    """``grade_id -> (points, [CheckCall, ...])`` for every graded test cell of the source."""
    out = {}
    for cell in source.cells:
        meta = nbgrader_cell(cell)
        if meta.grade and meta.grade_id and cell.cell_type == "code":
            out[meta.grade_id] = (meta.points, parse_checks(cell.source))
    return out


def with_harness(nb, checks: dict[str, tuple[float, list]]):
    """A copy of ``nb`` whose test cells call the harness, with the harness bound in a first cell."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        gid = _gid(cell)
        if gid in checks:
            calls = [(c.exercise_id, c.function, c.hidden) for c in checks[gid][1]]
            cell.source = f"{HARNESS_NAME}({gid!r}, {calls!r})"
    first = nbformat.v4.new_code_cell(f"from autograder.harness import capture as {HARNESS_NAME}")
    nb.cells.insert(0, first)
    return nb
