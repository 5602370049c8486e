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
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            out.append(GradedCell(meta.get("grade_id", "?"), float(meta.get("points", 0))))
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
