"""A student's own copy of the course: ``python -m autograder workspace [FOLDER]`` (``make lab`` runs it).

FOLDER (default ``workspace/`` in the repository) receives the *released*
notebooks, as ``FOLDER/course<N>/week<K>/<notebook>.ipynb``: solutions
replaced by stubs, hidden tests removed. They are the student's from then on:

- made once; a later run never overwrites a notebook the student has changed;
- a notebook new in the course (a repository update adds a week) is added;
- a notebook whose released version changed upstream is left as it is and the
  new version is written beside it as ``<notebook>.new.ipynb``, said once. A
  notebook still exactly as it was handed out (never saved) is simply updated;
- a notebook the student deleted comes back as a fresh copy (the way to start
  an exercise over).

Bookkeeping lives in hidden files: ``FOLDER/.released/`` keeps the released
versions handed out, ``FOLDER/.workspace.json`` the fingerprint of each week's
sources at its last release (so only weeks that changed are released again,
and a run with nothing new takes a second) and, per notebook, which released
version the student's copy started from and which one was offered beside it.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .course import CourseNotebook, default_root, discover

STATE = ".workspace.json"
PRISTINE = ".released"


class WorkspaceError(RuntimeError):
    """The workspace folder cannot be used (e.g. it is a file, or its state file is damaged)."""


@dataclass
class Report:
    folder: Path
    added: list[str] = field(default_factory=list)  # first time, or new in the course
    restored: list[str] = field(default_factory=list)  # deleted by the student, handed out again
    updated: list[str] = field(default_factory=list)  # untouched copies replaced by the new release
    offered: list[str] = field(default_factory=list)  # changed upstream, student's copy kept; <name>.new.ipynb written
    total: int = 0
    first_time: bool = False

    def lines(self) -> list[str]:
        """What a student should read after ``make lab``'s setup step."""
        where = str(self.folder)
        if self.first_time:
            return [f"made your workspace {where}/ with {self.total} notebooks (yours to edit; "
                    "later runs never overwrite them)"]
        out = []
        if self.added:
            out.append(f"new in the course, added to {where}/: {', '.join(self.added)}")
        if self.restored:
            out.append(f"missing from {where}/, a fresh copy handed out: {', '.join(self.restored)}")
        if self.updated:
            out.append(f"updated (you had not changed them): {', '.join(self.updated)}")
        for rel in self.offered:
            out.append(f"{rel} changed in the course since you got it; your version is kept and the new one "
                       f"is beside it: {_new_name(rel)} (copy your work over, or delete yours and run "
                       "`make lab` again to get the new one)")
        return out or [f"your workspace {where}/ is up to date ({self.total} notebooks)"]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _new_name(rel: str) -> str:
    return rel[: -len(".ipynb")] + ".new.ipynb"


def _sources_fingerprint(nbs: list[CourseNotebook]) -> str:
    h = hashlib.sha256()
    for nb in sorted(nbs, key=lambda n: n.path.name):
        h.update(nb.path.name.encode() + b"\0" + nb.path.read_bytes() + b"\0")
    return h.hexdigest()


def _load_state(folder: Path) -> dict:
    path = folder / STATE
    if not path.exists():
        return {"sources": {}, "notebooks": {}}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(state.get("sources"), dict) or not isinstance(state.get("notebooks"), dict):
            raise ValueError("missing 'sources' or 'notebooks'")
        return state
    except (ValueError, AttributeError) as exc:
        raise WorkspaceError(f"{path} is damaged ({exc}); delete it and run again: your notebooks are kept, "
                             "and any whose course version changed gets a .new.ipynb beside it") from None


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _release_into_pristine(folder: Path, root: Path, notebooks: dict[str, list[CourseNotebook]],
                           progress: bool) -> None:
    """Release ``notebooks`` (assignment -> notebooks) and keep the results under ``folder/.released``."""
    from .grading import release

    with tempfile.TemporaryDirectory(prefix="dlc-workspace-") as tmp:
        release(Path(tmp), root, list(notebooks), progress=progress)
        for assignment, nbs in notebooks.items():
            for nb in nbs:
                rel = nb.path.relative_to(root)
                _write_atomic(folder / PRISTINE / rel, (Path(tmp) / assignment / nb.path.name).read_bytes())


def sync(folder: Path, root: Path | None = None, progress: bool = False) -> Report:
    """Make or bring up to date the student workspace ``folder``; see the module docstring."""
    root = Path(root).resolve() if root else default_root()
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(f"{folder}: exists and is not a folder; choose another (make lab WORKSPACE=...)")
    known = discover(root)
    if not known:
        raise WorkspaceError(f"{root}: no course notebooks (course<N>/week<K>/*.ipynb) to hand out")
    state = _load_state(folder)
    report = Report(folder)

    stale = {a: nbs for a, nbs in known.items()
             if state["sources"].get(a) != _sources_fingerprint(nbs)
             or any(not (folder / PRISTINE / nb.path.relative_to(root)).exists() for nb in nbs)}
    if stale:
        if progress:
            print(f"releasing the student versions of {len(stale)} assignment(s) "
                  f"({', '.join(stale)}); about 5 s each", file=sys.stderr, flush=True)
        _release_into_pristine(folder, root, stale, progress)
        for a, nbs in stale.items():
            state["sources"][a] = _sources_fingerprint(nbs)

    for nbs in known.values():
        for nb in nbs:
            rel = nb.path.relative_to(root).as_posix()
            report.total += 1
            released = (folder / PRISTINE / rel).read_bytes()
            new_sha = _sha(released)
            mine = folder / rel
            entry = state["notebooks"].get(rel)
            if not mine.exists():
                _write_atomic(mine, released)
                (report.restored if entry else report.added).append(rel)
                state["notebooks"][rel] = {"based_on": new_sha, "offered": None}
            elif entry is None:
                # a notebook there before the workspace knew it (e.g. the state file was deleted): never overwrite
                same = _sha(mine.read_bytes()) == new_sha
                if not same:
                    _write_atomic(folder / _new_name(rel), released)
                    report.offered.append(rel)
                state["notebooks"][rel] = {"based_on": new_sha, "offered": None if same else new_sha}
            elif entry["based_on"] == new_sha or entry.get("offered") == new_sha:
                continue
            elif _sha(mine.read_bytes()) == entry["based_on"]:
                _write_atomic(mine, released)
                report.updated.append(rel)
                state["notebooks"][rel] = {"based_on": new_sha, "offered": None}
            else:
                _write_atomic(folder / _new_name(rel), released)
                report.offered.append(rel)
                entry["offered"] = new_sha
    _write_atomic(folder / STATE, json.dumps(state, indent=1, sort_keys=True).encode())
    report.first_time = len(report.added) == report.total
    return report
