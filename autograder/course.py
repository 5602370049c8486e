"""The course's notebooks as assignments: discovery and nbgrader metadata.

A notebook ``course<N>/week<K>/<name>.ipynb`` belongs to assignment ``c<N>w<K>``
(``course1/week2/propagate.ipynb`` -> ``c1w2``). Graded cells are the cells
whose nbgrader metadata says ``grade: true``; their points make the maximum score.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

_DIR = re.compile(r"^course(\d+)$"), re.compile(r"^week(\d+)$")


@dataclass(frozen=True)
class NbgraderCell:
    """What a cell's nbgrader metadata says (a cell without any: all false, no id).

    ``grade``: a graded test cell worth ``points``; ``solution`` and not ``locked``:
    a student's answer cell; ``locked``: a cell restored from the source when graded.
    """

    grade_id: str | None = None
    grade: bool = False
    solution: bool = False
    locked: bool = False
    points: float = 0.0

    @property
    def is_answer(self) -> bool:
        return self.solution and not self.locked


def nbgrader_cell(cell) -> NbgraderCell:
    """The nbgrader metadata of ``cell`` (a NotebookNode or parsed JSON), tolerant of junk.

    A submitted notebook's metadata is the student's to edit: a grade id that is
    not a string counts as none, points that are not a number as 0.
    """
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    meta = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    if not isinstance(meta, dict):
        return NbgraderCell()
    gid = meta.get("grade_id")
    try:
        points = float(meta.get("points") or 0)
    except (TypeError, ValueError):
        points = 0.0
    return NbgraderCell(gid if isinstance(gid, str) and gid else None, bool(meta.get("grade")),
                        bool(meta.get("solution")), bool(meta.get("locked")), points)


@dataclass
class GradedCell:
    grade_id: str
    points: float


@dataclass
class CourseNotebook:
    path: Path
    assignment: str
    graded: list[GradedCell] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def max_score(self) -> float:
        return float(sum(c.points for c in self.graded))


def default_root() -> Path:
    """The repository holding ``course1/`` ...: ``$DLC_COURSE_ROOT``, else the checkout this package sits in."""
    env = os.environ.get("DLC_COURSE_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parents[1]
    return here


def assignment_of(path: Path) -> str | None:
    """``c1w2`` for ``.../course1/week2/x.ipynb``; None for a path outside that layout."""
    week, course = path.parent.name, path.parent.parent.name
    mc, mw = _DIR[0].match(course), _DIR[1].match(week)
    if not (mc and mw):
        return None
    return f"c{int(mc.group(1))}w{int(mw.group(1))}"


def graded_cells(nb: dict) -> list[GradedCell]:
    """The graded cells of a notebook (as parsed JSON), in order."""
    out = []
    for cell in nb.get("cells", []):
        meta = nbgrader_cell(cell)
        if meta.grade:
            out.append(GradedCell(meta.grade_id or "?", meta.points))
    return out


def discover(root: Path | None = None) -> dict[str, list[CourseNotebook]]:
    """Every course notebook under ``root``, grouped by assignment id (sorted)."""
    root = Path(root) if root else default_root()
    found: dict[str, list[CourseNotebook]] = {}
    for path in sorted(root.glob("course*/week*/*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        assignment = assignment_of(path)
        if assignment is None:
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        found.setdefault(assignment, []).append(CourseNotebook(path, assignment, graded_cells(nb)))
    return dict(sorted(found.items(), key=lambda kv: _order(kv[0])))


def _order(assignment: str) -> tuple[int, int]:
    m = re.match(r"c(\d+)w(\d+)", assignment)
    return (int(m.group(1)), int(m.group(2))) if m else (999, 999)
