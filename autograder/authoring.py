"""Build the course notebooks from readable percent-format sources.

Each notebook has one source of truth, ``authoring/<courseN>/<weekN>/<name>.py``,
and ``python -m autograder build`` writes ``<courseN>/<weekN>/<name>.ipynb``
from it (a test keeps the two in step). A source is a sequence of cells, each
opened by a header line:

    # %% [markdown]                      prose; every line starts with "# " (or is "#")
    # %% [setup]                         locked code cell (imports, seeds)
    # %% [solution] id=propagate         a student's answer cell (### BEGIN/END SOLUTION inside)
    # %% [test] id=propagate_test points=2
    #                                    locked, graded test cell: only check(...) calls,
    #                                    the hidden ones between ### BEGIN/END HIDDEN TESTS
    # %% [locked]                        locked code cell (demonstrations the student runs)
    # %%                                 an ordinary code cell the student may edit

Locked and graded cells get nbgrader metadata (grade ids default to
``<kind>_<n>``); outputs are never written.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

_HEADER = re.compile(r"^# %%(?:\s*\[(?P<kind>[a-z]+)\])?(?P<attrs>.*)$")
_KINDS = {"markdown", "setup", "solution", "test", "locked", None}


class SourceError(ValueError):
    """A notebook source that cannot be built; the message names the file and line."""


def _check_markers(kind, lines, path, lineno):
    """nbgrader acts on these markers wherever they stand: keep them in the cells they belong to."""
    text = "\n".join(lines)
    if kind != "solution" and ("BEGIN SOLUTION" in text or "END SOLUTION" in text):
        raise SourceError(f"{path}:{lineno}: 'BEGIN/END SOLUTION' outside a [solution] cell; nbgrader would "
                          "treat it as a solution region (reword it, e.g. 'between the solution markers')")
    if kind != "test" and ("BEGIN HIDDEN TESTS" in text or "END HIDDEN TESTS" in text):
        raise SourceError(f"{path}:{lineno}: 'BEGIN/END HIDDEN TESTS' outside a [test] cell")


def _cell(kind, lines, attrs, counter, path, lineno):
    _check_markers(kind, lines, path, lineno)
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if kind == "markdown":
        text = []
        for ln in lines:
            if ln.startswith("# "):
                text.append(ln[2:])
            elif ln.rstrip() == "#":
                text.append("")
            else:
                raise SourceError(f"{path}:{lineno}: markdown lines must start with '# ': {ln!r}")
        return {"cell_type": "markdown", "metadata": {}, "source": _split("\n".join(text))}
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": _split("\n".join(lines))}
    if kind is None:
        return cell
    counter[kind] = counter.get(kind, 0) + 1
    grade_id = attrs.get("id", f"{kind}_{counter[kind]}")
    meta = {"grade": kind == "test", "grade_id": grade_id, "locked": kind != "solution",
            "schema_version": 3, "solution": kind == "solution", "task": False}
    if kind == "test":
        if "points" not in attrs:
            raise SourceError(f"{path}:{lineno}: a [test] cell needs points=N")
        meta["points"] = float(attrs["points"]) if "." in attrs["points"] else int(attrs["points"])
    elif "points" in attrs:
        raise SourceError(f"{path}:{lineno}: only [test] cells carry points")
    if kind == "test":
        from .testcells import TestCellError, parse_checks

        try:
            parse_checks("\n".join(lines))
        except TestCellError as exc:
            raise SourceError(f"{path}:{lineno}: {exc}") from None
    if kind == "solution" and "### BEGIN SOLUTION" not in "\n".join(lines):
        raise SourceError(f"{path}:{lineno}: a [solution] cell needs ### BEGIN SOLUTION / ### END SOLUTION")
    cell["metadata"]["nbgrader"] = meta
    return cell


def _split(text: str) -> list[str]:
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def build_notebook(source: Path) -> dict:
    """The notebook (as a JSON-ready dict) described by a percent-format source file."""
    lines = Path(source).read_text(encoding="utf-8").split("\n")
    cells, counter, ids = [], {}, set()
    kind, attrs, body, start = "__none__", {}, [], 0
    for i, line in enumerate(lines + ["# %% [end]"], 1):
        m = _HEADER.match(line)
        if not m:
            if kind == "__none__" and line.strip():
                raise SourceError(f"{source}:{i}: text before the first '# %%' cell header")
            body.append(line)
            continue
        if kind != "__none__":
            cell = _cell(kind, body, attrs, counter, source, start)
            gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
            if gid is not None and gid in ids:
                raise SourceError(f"{source}:{start}: grade id {gid!r} is used twice")
            ids.add(gid)
            cells.append(cell)
        kind = m.group("kind")
        if kind == "end":
            break
        if kind not in _KINDS:
            raise SourceError(f"{source}:{i}: unknown cell kind [{kind}]")
        attrs = dict(a.split("=", 1) for a in m.group("attrs").split())
        body, start = [], i
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "pygments_lexer": "ipython3"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def render(notebook: dict) -> str:
    """The notebook as the exact text written to disk (stable, so diffs stay small)."""
    nb = json.loads(json.dumps(notebook))
    for k, cell in enumerate(nb["cells"]):
        cell["id"] = f"cell-{k:03d}"
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def sources(root: Path) -> list[tuple[Path, Path]]:
    """Pairs (source .py, target .ipynb) for every notebook source under ``root/authoring``."""
    src_root = Path(root) / "authoring"
    return [(p, Path(root) / p.relative_to(src_root).with_suffix(".ipynb"))
            for p in sorted(src_root.glob("course*/week*/*.py"))]


def build_all(root: Path, check_only: bool = False, only: list[str] | None = None) -> list[Path]:
    """Write every notebook from its source; return the notebooks that changed (or would, with check_only).

    ``only`` keeps the sources whose path (relative to ``root``) contains one of these strings
    (``["course2/week1"]``, ``["regularization"]``).
    """
    changed = []
    for src, target in sources(root):
        rel = str(src.relative_to(root)) if src.is_relative_to(root) else str(src)
        if only and not any(part in rel for part in only):
            continue
        text = render(build_notebook(src))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            changed.append(target)
            if not check_only:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return changed
