"""Which file of a submission folder is graded as which course notebook (both grading engines).

A batch is ``SUBMISSIONS/<student>/<assignment>/<notebook>.ipynb``. ``scan``
makes one ``Job`` per student and assignment seen anywhere in the batch, with
``files`` mapping each expected notebook name to the file graded as it, and
``problems``: the notes that go to the ``reason`` column.

A notebook renamed by a download or a copy is matched to the notebook it
copies when that is unambiguous. The renames recognised (``x`` is the
expected name without ``.ipynb``; they may be combined, as in ``Copy of x (1)``):

    x (1).ipynb, x(2).ipynb      a browser's download of a second copy
    x-Copy1.ipynb                JupyterLab's "Duplicate"
    x - Copy.ipynb, x - Copy (2).ipynb        Windows Explorer
    x copy.ipynb, x copy 2.ipynb              macOS Finder
    Copy of x.ipynb              Google Drive and Colab

Nothing else is guessed: ``x_final.ipynb`` or ``x_v2.ipynb`` may be a draft
as well as the final version, so they are reported as not part of the
assignment. When the original and a renamed copy are both present, the
original is graded and the copy ignored (with a note); two renamed copies and
no original are refused, since either could be the one meant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .course import CourseNotebook

_RENAMES = [
    re.compile(r"^(?P<stem>.+?) ?\(\d+\)$"),
    re.compile(r"^(?P<stem>.+?)-Copy\d*$"),
    re.compile(r"^(?P<stem>.+?) - Copy$"),
    re.compile(r"^(?P<stem>.+?) copy(?: \d+)?$"),
    re.compile(r"^Copy of (?P<stem>.+)$"),
]


@dataclass
class Job:
    """One student's submission of one assignment."""

    student_id: str
    assignment: str
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)  # expected notebook name -> file graded as it
    problems: list[str] = field(default_factory=list)  # for the reason column
    refused: dict[str, str] = field(default_factory=dict)  # expected name -> why no copy was graded


def original_name(name: str, expected: set[str]) -> str | None:
    """The expected notebook a renamed copy ``name`` stands for, or None.

    ``original_name("optimization_methods (1).ipynb", {"optimization_methods.ipynb"})``
    is ``"optimization_methods.ipynb"``; an exact name is not a rename (None).
    """
    if not name.endswith(".ipynb") or name in expected:
        return None
    stems = {stem[: -len(".ipynb")] for stem in expected}
    todo, seen = [name[: -len(".ipynb")]], set()
    while todo:
        stem = todo.pop()
        if stem in seen:
            continue
        seen.add(stem)
        for pattern in _RENAMES:
            m = pattern.match(stem)
            if m:
                if m["stem"] in stems:
                    return m["stem"] + ".ipynb"
                todo.append(m["stem"])
    return None


def match_files(folder: Path, assignment: str, expected: list[str]) -> tuple[dict[str, Path], list[str],
                                                                               dict[str, str]]:
    """``(files, problems, refused)`` for one submission folder (see the module docstring)."""
    present = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not present:
        return {}, [f"{assignment}/ holds no notebook"], {}
    wanted = set(expected)
    exact = {p.name: p for p in present if p.name in wanted}
    copies: dict[str, list[Path]] = {}
    problems, files, refused = [], {}, {}
    for p in present:
        if p.name in wanted:
            continue
        original = original_name(p.name, wanted)
        if original is None:
            problems.append(f"`{p.name}`: not a notebook of {assignment} (ignored; expected "
                            f"{', '.join(expected)})")
        else:
            copies.setdefault(original, []).append(p)
    for name in expected:
        renamed = copies.get(name, [])
        if name in exact:
            files[name] = exact[name]
            problems += [f"`{p.name}` ignored: {name} is there too and was graded" for p in renamed]
        elif len(renamed) == 1:
            files[name] = renamed[0]
            problems.append(f"graded `{renamed[0].name}` as {name}")
        elif renamed:
            listed = ", ".join(f"`{p.name}`" for p in renamed[:-1]) + f" and `{renamed[-1].name}`"
            refused[name] = (f"{listed} are {'both' if len(renamed) == 2 else 'all'} renamed copies of it "
                             f"and there is no {name}")
            problems.append(f"{name} not graded: {refused[name]}; keep the one to grade and name it {name}")
        else:
            problems.append(f"{name}: missing")
    return files, problems, refused


def scan(submissions: Path, known: dict[str, list[CourseNotebook]]) -> list[Job]:
    """One job per student and assignment present anywhere in the batch, files matched, problems noted."""
    submissions = Path(submissions)
    students = sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))
    assignments = sorted({a.name for s in students for a in s.iterdir() if a.is_dir() and a.name in known})
    jobs = []
    for s in students:
        if not assignments:
            strays = sorted(a.name for a in s.iterdir() if a.is_dir())
            found = f" (found {strays})" if strays else ""
            jobs.append(Job(s.name, "", s, problems=["no assignment folder" + found]))
        for a in assignments:
            job = Job(s.name, a, s / a)
            if not job.folder.is_dir():
                job.problems.append(f"no submission for {a}")
            else:
                job.files, job.problems, job.refused = match_files(job.folder, a, [nb.path.name for nb in known[a]])
            jobs.append(job)
    return jobs
