"""Which exercises the course notebooks check, read from their graded test cells.

A graded test cell (nbgrader ``grade: true``, not a solution) holds only
``check("<exercise id>", <function>)`` calls (``autograder.testcells``). The
week tests take their exercise lists from here instead of keeping name lists
by hand, so a notebook and its registry entries cannot drift apart unseen.
"""
from __future__ import annotations

import json
from functools import lru_cache

from autograder.course import default_root
from autograder.registry import Exercise, get
from autograder.testcells import CheckCall, parse_checks


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


@lru_cache(maxsize=None)
def check_calls(notebook: str) -> tuple[CheckCall, ...]:
    """The ``check`` calls of ``notebook``'s graded test cells (a path relative to the course root), in order."""
    nb = json.loads((default_root() / notebook).read_text(encoding="utf-8"))
    calls: list[CheckCall] = []
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") == "code" and meta.get("grade") and not meta.get("solution"):
            calls += parse_checks(_source(cell))
    return tuple(calls)


def checked_ids(notebook: str) -> list[str]:
    """The exercise ids checked by ``notebook``, in order, each once."""
    return list(dict.fromkeys(c.exercise_id for c in check_calls(notebook)))


def course_notebooks() -> list[str]:
    """Every built course notebook, ``course<N>/week<K>/<name>.ipynb``, relative to the course root."""
    root = default_root()
    return sorted(str(p.relative_to(root)) for p in root.glob("course*/week*/*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


def notebook_exercises(notebook: str) -> list[Exercise]:
    """The registry entries of the exercises ``notebook`` checks (a KeyError names an unregistered id)."""
    ids = checked_ids(notebook)
    if not ids:
        raise ValueError(f"{notebook} has no graded check(...) calls: is the path right?")
    return [get(i) for i in ids]
