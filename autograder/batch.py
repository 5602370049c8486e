"""``python -m autograder grade``: a class of untrusted submissions, graded in parallel and resumably.

For every ``SUBMISSIONS/<student>/<assignment>/`` the batch grades each
notebook of the assignment in its own sandbox (``submission.grade_notebook``)
and records one row ``student_id, assignment, score, max_score, reason,
flags, seconds``. Each finished row is stored at once, atomically, in
``OUT/.state/`` with a fingerprint of what was graded (the submission's files
and the source notebooks); ``grades.csv`` is rewritten from those records
after every row. Interrupt the batch (Ctrl-C, ``kill -9``) and run it again:
finished rows are kept, unfinished ones are graded, none twice.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path


from .course import CourseNotebook, default_root, discover
from .pool import LocalPool
from .sandbox import Limits, bwrap_path
from .submission import grade_notebook

CSV_COLUMNS = ["student_id", "assignment", "score", "max_score", "reason", "flags", "seconds"]
STATE_VERSION = 1


@dataclass
class Job:
    student_id: str
    assignment: str
    folder: Path
    problems: list[str] = field(default_factory=list)


@dataclass
class Row:
    student_id: str
    assignment: str
    score: float
    max_score: float
    reason: str = ""
    flags: str = ""
    seconds: float = 0.0
    run_seconds: float = 0.0  # of which executing the notebooks in their sandboxes
    fingerprint: str = ""
    cells: list = field(default_factory=list)


def scan(submissions: Path, known: dict[str, list[CourseNotebook]]) -> list[Job]:
    """One job per student and assignment present anywhere in the batch; problems noted per job."""
    students = sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))
    assignments = sorted({a.name for s in students for a in s.iterdir() if a.is_dir() and a.name in known})
    jobs = []
    for s in students:
        if not assignments:
            strays = sorted(a.name for a in s.iterdir() if a.is_dir())
            jobs.append(Job(s.name, "", s, ["no assignment folder" + (f" (found {strays})" if strays else "")]))
        for a in assignments:
            job = Job(s.name, a, s / a)
            if not job.folder.is_dir():
                job.problems.append(f"no submission for {a}")
            else:
                names = {nb.path.name for nb in known[a]}
                files = sorted(p.name for p in job.folder.glob("*.ipynb"))
                if not files:
                    job.problems.append(f"{a}/ holds no notebook")
                job.problems += [f"{f}: not a notebook of {a} (ignored)" for f in files if f not in names]
            jobs.append(job)
    return jobs


def fingerprint(job: Job, known: dict[str, list[CourseNotebook]]) -> str:
    """A hash of everything a row depends on: the submitted notebooks and the source notebooks."""
    h = hashlib.sha256(f"v{STATE_VERSION}|{job.student_id}|{job.assignment}".encode())
    for nb in known.get(job.assignment, []):
        h.update(nb.path.name.encode())
        h.update(nb.path.read_bytes())
        sub = job.folder / nb.path.name
        h.update(sub.read_bytes() if sub.is_file() else b"<missing>")
    return h.hexdigest()


class Batch:
    """Grades a folder of submissions into OUT (see the module docstring)."""

    def __init__(self, submissions: Path, out: Path, root: Path | None = None, limits: Limits | None = None,
                 workers: int | None = None, isolate: bool = True, keep_scratch: bool = False):
        self.submissions, self.out = Path(submissions).resolve(), Path(out).resolve()
        self.root = Path(root).resolve() if root else default_root()
        self.workers = workers or os.cpu_count() or 1
        self.limits = limits or Limits(threads=max(1, (os.cpu_count() or 1) // self.workers))
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
        if job.folder.is_dir() and nbs and any((job.folder / nb.path.name).exists() for nb in nbs):
            for nb in nbs:
                sub = job.folder / nb.path.name
                if not sub.exists():
                    reasons.append(f"{nb.path.name}: missing")
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
                if res.reason:
                    reasons.append(res.reason)
                reasons += [n for n in res.notes if "did not" in n or "limit" in n or "died" in n]
                flags.update(res.flags)
                if res.feedback is not None:
                    self._write_feedback(job, nb, res)
        row.reason = "; ".join(dict.fromkeys(reasons))
        row.flags = " ".join(sorted(flags))
        row.seconds = round(time.perf_counter() - start, 2)
        return row

    def _write_feedback(self, job: Job, nb: CourseNotebook, res) -> None:
        from .feedback import feedback_html

        folder = self.out / "feedback" / job.student_id / job.assignment
        folder.mkdir(parents=True, exist_ok=True)
        html = feedback_html(res.feedback, job.student_id, job.assignment, nb.path.name, res)
        _atomic_write(folder / (nb.path.stem + ".html"), html)

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
            except (OSError, ValueError):
                continue
            rows.append(Row(**data))
        lines = [CSV_COLUMNS] + [[r.student_id, r.assignment, _num(r.score), _num(r.max_score), r.reason,
                                  r.flags, f"{r.seconds:.2f}"] for r in rows]
        tmp = self.out / ".grades.csv.tmp"
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(lines)
        os.replace(tmp, self.out / "grades.csv")
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


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
