"""``python -m autograder grade``: a class of untrusted submissions, graded in parallel and resumably.

For every ``SUBMISSIONS/<student>/<assignment>/`` the batch grades each
notebook of the assignment (matched to its file by ``scan``, renamed copies
included) in its own sandbox (``submission.grade_notebook``) and records one
row of ``table.CSV_COLUMNS``; every notebook graded, or not readable as one,
gets a feedback page. Each finished row is stored at once, atomically, in
``OUT/.state/`` with a fingerprint of what was graded (the submission's files
and the source notebooks); ``grades.csv`` is rewritten from those records
after every row. Interrupt the batch (Ctrl-C, ``kill -9``) and run it again:
finished rows are kept, unfinished ones are graded, none twice.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path


from dlkit.threads import available_cpus

from .course import CourseNotebook, default_root, discover
from .pool import LocalPool
from .sandbox import Limits, bwrap_path, kernel_threads
from .scan import Job, scan
from .submission import grade_notebook
from .table import CSV_COLUMNS, GradeRow, write_grades

__all__ = ["Batch", "CSV_COLUMNS", "Job", "Row", "scan"]
STATE_VERSION = 2


@dataclass
class Row(GradeRow):
    """A row of ``grades.csv`` and what the sandboxed engine keeps beside it (resume state, per-cell verdicts)."""

    run_seconds: float = 0.0  # of which executing the notebooks in their sandboxes
    fingerprint: str = ""
    cells: list = field(default_factory=list)


def fingerprint(job: Job, known: dict[str, list[CourseNotebook]]) -> str:
    """A hash of everything a row depends on: the submitted notebooks and the source notebooks."""
    h = hashlib.sha256(f"v{STATE_VERSION}|{job.student_id}|{job.assignment}".encode())
    for nb in known.get(job.assignment, []):
        h.update(nb.path.name.encode())
        h.update(nb.path.read_bytes())
        sub = job.files.get(nb.path.name)
        h.update(sub.name.encode() + b"|" + sub.read_bytes() if sub is not None and sub.is_file() else b"<missing>")
    h.update("|".join(job.problems).encode())  # which files were matched, ignored or refused
    return h.hexdigest()


class Batch:
    """Grades a folder of submissions into OUT (see the module docstring)."""

    def __init__(self, submissions: Path, out: Path, root: Path | None = None, limits: Limits | None = None,
                 workers: int | None = None, isolate: bool = True, keep_scratch: bool = False):
        self.submissions, self.out = Path(submissions).resolve(), Path(out).resolve()
        self.root = Path(root).resolve() if root else default_root()
        self.workers = workers or available_cpus()
        self.limits = limits or Limits()
        if self.limits.threads is None:        # dlkit's rule on each kernel's share of the CPUs
            self.limits = replace(self.limits, threads=kernel_threads(self.workers))
        self.bwrap = bwrap_path() if isolate else None
        self.keep_scratch = keep_scratch
        self.known = discover(self.root)
        self.state = self.out / ".state"
        self.hide = [p for p in [*self.root.glob("course*"), self.root / "authoring", self.root / ".git",
                                 self.submissions, self.out] if p.exists()]

    # -- one job ------------------------------------------------------------------------------
    def grade_job(self, job: Job) -> Row:
        start = time.perf_counter()
        nbs = self.known.get(job.assignment, [])
        row = Row(job.student_id, job.assignment, 0.0, sum(nb.max_score for nb in nbs),
                  fingerprint=fingerprint(job, self.known))
        reasons, flags = list(job.problems), set()
        for nb in nbs:
            if nb.path.name in job.refused:
                self._write_notice(job, nb, job.refused[nb.path.name], refused=True)
            sub = job.files.get(nb.path.name)
            if sub is None:
                continue
            scratch = Path(tempfile.mkdtemp(prefix=f"dlc-{job.student_id[:20]}-"))
            try:
                res = grade_notebook(nb.path, sub, scratch, self.limits, self.bwrap, self.hide)
            finally:
                if not self.keep_scratch:
                    shutil.rmtree(scratch, ignore_errors=True)
            row.score += res.score
            row.run_seconds = round(row.run_seconds + res.run_seconds, 3)
            row.cells += [asdict(c) | {"notebook": nb.path.name} for c in res.cells]
            reasons += [res.reason] if res.reason else []
            reasons += res.problems
            flags.update(res.flags)
            if res.feedback is not None:
                self._write_feedback(job, nb, res, graded_as=sub.name)
            elif res.reason:
                self._write_notice(job, nb, res.reason, graded_as=sub.name)
        row.reason = "; ".join(dict.fromkeys(reasons))
        row.flags = " ".join(sorted(flags))
        row.seconds = round(time.perf_counter() - start, 2)
        return row

    def _feedback_path(self, job: Job, nb: CourseNotebook) -> Path:
        return self.out / "feedback" / job.student_id / job.assignment / (nb.path.stem + ".html")

    def _write_feedback(self, job: Job, nb: CourseNotebook, res, graded_as: str) -> None:
        from .feedback import feedback_html

        html = feedback_html(res.feedback, job.student_id, job.assignment, nb.path.name, res, graded_as)
        _atomic_write(self._feedback_path(job, nb), html)

    def _write_notice(self, job: Job, nb: CourseNotebook, reason: str, graded_as: str | None = None,
                      refused: bool = False) -> None:
        """The page of a notebook that could not be graded: why, that it scored 0, and what to do."""
        from .feedback import notice_html, refused_fix

        html = notice_html(job.student_id, job.assignment, nb.path.name, reason, nb.max_score, graded_as,
                           refused_fix(nb.path.name) if refused else None)
        _atomic_write(self._feedback_path(job, nb), html)

    # -- the batch ----------------------------------------------------------------------------
    def _state_path(self, job: Job) -> Path:
        return self.state / (_safe(job.student_id) + "__" + (_safe(job.assignment) or "_") + ".json")

    def done(self, job: Job) -> bool:
        path = self._state_path(job)
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            return False
        return data.get("fingerprint") == fingerprint(job, self.known)

    def run(self, progress: bool = True) -> list[Row]:
        if not self.submissions.is_dir():
            raise FileNotFoundError(f"{self.submissions}: not a folder of submissions "
                                    "(<student>/<assignment>/<notebook>.ipynb)")
        self.state.mkdir(parents=True, exist_ok=True)
        _prepare_data()
        jobs = scan(self.submissions, self.known)
        todo = [j for j in jobs if not self.done(j)]
        bar = None
        if progress and len(todo) < len(jobs):
            print(f"resuming: {len(jobs) - len(todo)} of {len(jobs)} already graded", file=sys.stderr)
        if progress and todo:
            from tqdm import tqdm

            bar = tqdm(total=len(todo), desc="grading", unit="submission", file=sys.stderr)
        try:
            for job, row in LocalPool(self.workers).map_unordered(self.grade_job, todo):
                _atomic_write(self._state_path(job), json.dumps(asdict(row)))
                self.write_csv(jobs)
                if bar:
                    bar.update(1)
        finally:
            if bar:
                bar.close()
        return self.write_csv(jobs)

    def write_csv(self, jobs: list[Job]) -> list[Row]:
        rows = []
        for job in jobs:
            try:
                data = json.loads(self._state_path(job).read_text())
                rows.append(Row(**data))
            except (OSError, ValueError, TypeError):  # not graded yet, or by an older version
                continue
        write_grades(rows, self.out / "grades.csv")
        return rows


def _prepare_data() -> None:
    """Generate the cached data sets now: inside the sandbox the cache is read-only."""
    from dlkit import data

    data.prepare_all()


def _safe(name: str) -> str:
    """A file-name-safe form of an id, with a short hash so that distinct ids never collide."""
    if not name:
        return ""
    clean = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)[:60]
    return f"{clean}-{hashlib.sha1(name.encode()).hexdigest()[:8]}"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
