"""Is this file a notebook that can be graded? One clear reason when it is not."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat


class NotANotebook(ValueError):
    """The file cannot be read as a Jupyter notebook; the message says why in one line."""


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read and validate ``path`` as an nbformat-4 notebook with at least one cell.

    Raises ``NotANotebook`` with a one-line reason for a missing file, a folder,
    binary junk, invalid JSON, JSON that is not a notebook, or a notebook with no cells.
    """
    path = Path(path)
    if not path.exists():
        raise NotANotebook(f"{path}: no such file")
    if path.is_dir():
        raise NotANotebook(f"{path}: is a folder, not a notebook")
    data = path.read_bytes()
    if not data.strip():
        raise NotANotebook(f"{path.name}: the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotANotebook(f"{path.name}: binary data, not a notebook (.ipynb files are JSON text)") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotANotebook(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(raw, dict) or "cells" not in raw or "nbformat" not in raw:
        raise NotANotebook(f"{path.name}: JSON, but not a Jupyter notebook (no 'cells' / 'nbformat')")
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises several types for malformed notebooks
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise NotANotebook(f"{path.name}: not a valid notebook ({first[:200]})") from None
    if not nb.cells:
        raise NotANotebook(f"{path.name}: the notebook has no cells")
    return nb
