"""The grade table ``grades.csv`` that both grading engines write: its columns, in the README's order.

One row per student and assignment: ``student_id, assignment, score, max_score,
reason, flags, seconds`` (``reason``: why points are missing or what was
noticed about the files, ``;``-separated; ``flags``: space-separated marks for
the instructor that never change a score; ``seconds``: wall-clock time spent
grading the row).
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

CSV_COLUMNS = ["student_id", "assignment", "score", "max_score", "reason", "flags", "seconds"]


@dataclass
class GradeRow:
    """One row of ``grades.csv`` (the columns above)."""

    student_id: str
    assignment: str
    score: float
    max_score: float
    reason: str = ""
    flags: str = ""
    seconds: float = 0.0


def write_grades(rows, path: Path) -> None:
    """Write ``rows`` (objects with one attribute per column) to ``path``, replacing it atomically."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_COLUMNS)
        for r in rows:
            w.writerow([r.student_id, r.assignment, _num(r.score), _num(r.max_score), r.reason, r.flags,
                        f"{r.seconds:.2f}"])
    os.replace(tmp, path)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
