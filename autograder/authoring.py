"""Build the course notebooks from readable jupytext percent-format sources.

Each notebook has one source of truth, ``authoring/<courseN>/<weekN>/<name>.py``,
and ``python -m autograder build`` writes ``<courseN>/<weekN>/<name>.ipynb``
from it (a test keeps the two in step). A source is a valid Python file in
jupytext's percent format, so an instructor with jupytext installed can open it
in JupyterLab as a notebook, and linters run over it. Each cell is opened by a
header line; what the autograder needs is cell metadata, in jupytext's
``key=value`` syntax (values are JSON):

    # %% [markdown]                                   prose; every line starts with "# " (or is "#")
    # %% kind="setup"                                 locked code cell (imports, seeds)
    # %% id="propagate" kind="solution"               a student's answer cell (### BEGIN/END SOLUTION inside)
    # %% id="propagate_test" kind="test" points=2     locked, graded test cell: only check(...) calls,
    #                                                 the hidden ones between ### BEGIN/END HIDDEN TESTS
    # %% kind="locked"                                locked code cell (demonstrations the student runs)
    # %%                                              an ordinary code cell the student may edit

Keys are written in alphabetical order, as jupytext writes them back from a saved
notebook, so opening and saving a source in JupyterLab leaves it unchanged. IPython
magics are commented the way jupytext writes them (``# %matplotlib inline``) and
uncommented in the notebook. Locked and graded cells get nbgrader metadata
(grade ids default to ``<kind>_<n>``); outputs are never written.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .course import nbgrader_cell

# Any line jupytext takes for a cell header ("#%%", "  # %% ..."); only "# %%..." is written here.
_ANY_HEADER = re.compile(r"^\s*#\s*%%+(\s|$)")
_HEADER = re.compile(r"^# %%(?: \[(?P<type>[^\]]*)\])?(?P<meta>(?: .*)?)$")
_META_ITEM = re.compile(r'\s*(?P<key>[A-Za-z_][A-Za-z0-9_]*)=(?P<value>"(?:[^"\\]|\\.)*"|[^\s"]+)')
# A magic (%name, %%name), commented one or more times, as jupytext reads it: uncommented once.
_COMMENTED_MAGIC = re.compile(r"^(?P<indent>\s*)# ?(?P<rest>(?:# ?)*%{1,3}[A-Za-z].*)$")
_BARE_MAGIC = re.compile(r"^\s*(%{1,3}[A-Za-z]|!\s*[A-Za-z.~$/{}])")
_KINDS = ("setup", "solution", "test", "locked")
_KEYS = ("kind", "id", "points")


class SourceError(ValueError):
    """A notebook source that cannot be built; the message names the file and line."""


@dataclass
class SourceCell:
    """One cell of a source: ``kind`` is "markdown", one of ``_KINDS``, or None (an ordinary code cell);
    ``metadata`` is what the header says (``kind``, ``id``, ``points``); ``text`` is the cell as the notebook
    shows it; ``lines`` are its lines in the source (valid Python); ``lineno`` is the header's line."""
    kind: str | None
    metadata: dict
    text: str
    lineno: int
    lines: list[str] = field(repr=False, default_factory=list)


def _parse_header(line, path, lineno):
    """(cell type, metadata) of a header line, in jupytext's percent syntax, with a specific error otherwise."""
    m = _HEADER.match(line)
    if not m:
        raise SourceError(f"{path}:{lineno}: write a cell header as '# %%' followed by metadata "
                          f"(e.g. '# %% kind=\"locked\"'), not {line!r}")
    ctype, rest = m.group("type"), m.group("meta")
    if ctype is not None and ctype != "markdown":
        hint = (f" (cell kinds are cell metadata: write '# %% kind=\"{ctype}\"')" if ctype in _KINDS else "")
        raise SourceError(f"{path}:{lineno}: unknown cell type [{ctype}]; the only one is [markdown]{hint}")
    meta, pos = {}, 0
    while rest[pos:].strip():
        item = _META_ITEM.match(rest, pos)
        if not item:
            raise SourceError(f"{path}:{lineno}: cannot read the cell metadata {rest[pos:].strip()!r}: "
                              "write key=value pairs with JSON values, e.g. id=\"f_test\" kind=\"test\" points=2")
        key = item.group("key")
        try:
            value = json.loads(item.group("value"))
        except json.JSONDecodeError:
            raise SourceError(f"{path}:{lineno}: the value of {key} is not JSON: {item.group('value')!r} "
                              f"(quote strings: {key}=\"...\")") from None
        if key not in _KEYS:
            raise SourceError(f"{path}:{lineno}: unknown cell metadata {key!r}; the keys are {', '.join(_KEYS)}")
        if key in meta:
            raise SourceError(f"{path}:{lineno}: {key} is given twice")
        meta[key] = value
        pos = item.end()
    if ctype == "markdown":
        if meta:
            raise SourceError(f"{path}:{lineno}: a [markdown] cell carries no metadata")
        return "markdown", meta
    kind = meta.get("kind")
    if kind is not None and kind not in _KINDS:
        raise SourceError(f"{path}:{lineno}: unknown cell kind {kind!r}; the kinds are {', '.join(_KINDS)}")
    if "id" in meta and (kind is None or not isinstance(meta["id"], str) or not meta["id"]):
        raise SourceError(f"{path}:{lineno}: id must be a non-empty string on a cell with a kind")
    if kind == "test":
        if "points" not in meta:
            raise SourceError(f"{path}:{lineno}: a kind=\"test\" cell needs points=N")
        if isinstance(meta["points"], bool) or not isinstance(meta["points"], (int, float)) or meta["points"] <= 0:
            raise SourceError(f"{path}:{lineno}: points must be a positive number, not {meta['points']!r}")
    elif "points" in meta:
        raise SourceError(f"{path}:{lineno}: only kind=\"test\" cells carry points")
    return kind, meta


def _code_text(lines, path, lineno):
    """The code cell's text in the notebook: magics uncommented once, as jupytext reads them."""
    out = []
    for k, ln in enumerate(lines):
        if _BARE_MAGIC.match(ln):
            raise SourceError(f"{path}:{lineno + 1 + k}: comment this IPython line as jupytext does "
                              f"('# {ln.strip()}'), so the source stays valid Python")
        m = _COMMENTED_MAGIC.match(ln)
        out.append(m.group("indent") + m.group("rest") if m else ln)
    return "\n".join(out)


def _markdown_text(lines, path, lineno):
    text = []
    for k, ln in enumerate(lines):
        if ln.startswith("# "):
            text.append(ln[2:])
        elif ln.rstrip() == "#":
            text.append("")
        else:
            raise SourceError(f"{path}:{lineno + 1 + k}: markdown lines must start with '# ': {ln!r}")
    return "\n".join(text)


def read_cells(source: Path) -> list[SourceCell]:
    """The cells of a source, in order, with their kinds, metadata and notebook text (blank edge lines dropped)."""
    lines = Path(source).read_text(encoding="utf-8").split("\n")
    cells, current = [], None
    for i, line in enumerate(lines + ["# %% [end]"], 1):
        if not _ANY_HEADER.match(line):
            if current is None:
                if line.strip():
                    raise SourceError(f"{source}:{i}: text before the first '# %%' cell header")
                continue
            current[2].append(line)
            continue
        if current is not None:
            cells.append(_finish(*current, source))
        if i == len(lines) + 1:
            break
        kind, meta = _parse_header(line, source, i)
        current = (kind, meta, [], i)
    return cells


def _finish(kind, meta, body, lineno, path):
    """The SourceCell of the lines after a header, blank lines at both ends dropped."""
    first = 0
    while first < len(body) and not body[first].strip():
        first += 1
    body = body[first:]
    while body and not body[-1].strip():
        body.pop()
    start = lineno + first
    _check_markers(kind, body, path, lineno)
    text = _markdown_text(body, path, start) if kind == "markdown" else _code_text(body, path, start)
    return SourceCell(kind, meta, text, lineno, body)


def _check_markers(kind, lines, path, lineno):
    """nbgrader acts on these markers wherever they stand: keep them in the cells they belong to."""
    text = "\n".join(lines)
    if kind != "solution" and ("BEGIN SOLUTION" in text or "END SOLUTION" in text):
        raise SourceError(f"{path}:{lineno}: 'BEGIN/END SOLUTION' outside a kind=\"solution\" cell; nbgrader "
                          "would treat it as a solution region (reword it, e.g. 'between the solution markers')")
    if kind != "test" and ("BEGIN HIDDEN TESTS" in text or "END HIDDEN TESTS" in text):
        raise SourceError(f"{path}:{lineno}: 'BEGIN/END HIDDEN TESTS' outside a kind=\"test\" cell")


def _cell(sc: SourceCell, counter, path):
    if sc.kind == "markdown":
        return {"cell_type": "markdown", "metadata": {}, "source": _split(sc.text)}
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": _split(sc.text)}
    kind = sc.kind
    if kind is None:
        return cell
    counter[kind] = counter.get(kind, 0) + 1
    grade_id = sc.metadata.get("id", f"{kind}_{counter[kind]}")
    meta = {"grade": kind == "test", "grade_id": grade_id, "locked": kind != "solution",
            "schema_version": 3, "solution": kind == "solution", "task": False}
    if kind == "test":
        meta["points"] = sc.metadata["points"]
        from .testcells import TestCellError, parse_checks

        try:
            parse_checks(sc.text)
        except TestCellError as exc:
            raise SourceError(f"{path}:{sc.lineno}: {exc}") from None
    if kind == "solution" and "### BEGIN SOLUTION" not in sc.text:
        raise SourceError(f"{path}:{sc.lineno}: a kind=\"solution\" cell needs ### BEGIN SOLUTION / ### END SOLUTION")
    cell["metadata"]["nbgrader"] = meta
    return cell


def _split(text: str) -> list[str]:
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def build_notebook(source: Path) -> dict:
    """The notebook (as a JSON-ready dict) described by a percent-format source file."""
    cells, counter, ids = [], {}, set()
    for sc in read_cells(source):
        cell = _cell(sc, counter, source)
        gid = nbgrader_cell(cell).grade_id
        if gid is not None and gid in ids:
            raise SourceError(f"{source}:{sc.lineno}: grade id {gid!r} is used twice")
        ids.add(gid)
        cells.append(cell)
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
