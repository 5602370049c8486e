"""Release and grade through nbgrader.

The course folders are not nbgrader's layout, so each command assembles
nbgrader's course directory in a work folder:

    <work>/source/<assignment>/<notebook>.ipynb       from course<N>/week<K>/
    <work>/release/<assignment>/...                   nbgrader generate_assignment
    <work>/submitted/<student>/<assignment>/...       copied from SUBMISSIONS (after validation)
    <work>/autograded/..., <work>/feedback/...        nbgrader autograde / generate_feedback
    <work>/gradebook.db

``release`` copies the student versions out; ``grade`` writes ``grades.csv``
and per-student HTML feedback. Broken submissions (not JSON, binary, no cells,
an empty folder) get a row with score 0 and a reason; the rest are graded.
"""
from __future__ import annotations

import csv
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

from .course import CourseNotebook, discover
from .validate import NotANotebook, read_notebook

CSV_COLUMNS = ["student_id", "assignment", "score", "max_score", "reason"]


class GradingError(RuntimeError):
    """nbgrader could not do a step that the whole command needs (not one student's problem)."""


@dataclass
class GradeRow:
    student_id: str
    assignment: str
    score: float
    max_score: float
    reason: str = ""


def nbgrader_config(work: Path, cell_timeout: int = 120) -> Config:
    """nbgrader's configuration for a course directory at ``work``."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades

    from .feedback import ShortErrors

    c = Config()
    c.CourseDirectory.root = str(work)
    c.CourseDirectory.course_id = "deep-learning-companion"
    c.CourseDirectory.db_url = f"sqlite:///{work / 'gradebook.db'}"
    c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
    c.Execute.timeout = cell_timeout
    c.Execute.allow_errors = True
    c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, ShortErrors, CSSHTMLHeaderPreprocessor]
    return c


def _tools_on_path() -> None:
    """nbgrader calls ``alembic`` by name: make this interpreter's scripts folder findable."""
    scripts = str(Path(sys.executable).parent)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


def _run(app_cls, config: Config, **attrs) -> None:
    """Run one nbgrader converter in this process; raise GradingError with its log on failure."""
    _tools_on_path()
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    coursedir = CourseDirectory(config=config)
    for k, v in attrs.items():
        setattr(coursedir, k, v)
    app = app_cls(coursedir=coursedir, config=config)
    if hasattr(app, "force"):
        app.force = True
    if hasattr(app, "create_student"):
        app.create_student = True
    result = capture_log(app)
    if not result["success"]:
        log = result.get("log", "") + result.get("error", "")
        raise GradingError(f"nbgrader {app_cls.__name__} failed for {attrs}:\n{log.strip()[-3000:]}")


def _stage_sources(notebooks: dict[str, list[CourseNotebook]], work: Path) -> None:
    for assignment, nbs in notebooks.items():
        target = work / "source" / assignment
        target.mkdir(parents=True, exist_ok=True)
        for nb in nbs:
            shutil.copy2(nb.path, target / nb.path.name)


def _generate(assignments: list[str], config: Config, progress: bool = False) -> None:
    """nbgrader generate_assignment for each assignment; with ``progress``, a bar on stderr (one step per assignment)."""
    from nbgrader.converters import GenerateAssignment
    from tqdm import tqdm

    with tqdm(assignments, desc="releasing", unit="assignment", disable=not progress or not assignments,
              file=sys.stderr, dynamic_ncols=True) as bar:
        for a in bar:
            bar.set_postfix_str(a)
            _run(GenerateAssignment, config, assignment_id=a)


def release(out: Path, root: Path | None = None, assignments: list[str] | None = None,
            progress: bool = False) -> list[Path]:
    """Write student versions ``out/<assignment>/<notebook>.ipynb``; return their paths.

    With ``progress``, a progress bar on stderr (nbgrader takes a few seconds per assignment).
    """
    notebooks = _select(discover(root), assignments)
    out = Path(out)
    written = []
    with tempfile.TemporaryDirectory(prefix="dlc-release-") as tmp:
        work = Path(tmp)
        config = nbgrader_config(work)
        _stage_sources(notebooks, work)
        _generate(list(notebooks), config, progress)
        for assignment, nbs in notebooks.items():
            (out / assignment).mkdir(parents=True, exist_ok=True)
            for nb in nbs:
                src = work / "release" / assignment / nb.path.name
                dst = out / assignment / nb.path.name
                shutil.copy2(src, dst)
                written.append(dst)
    return written


def _select(notebooks, assignments):
    if not assignments:
        return notebooks
    unknown = [a for a in assignments if a not in notebooks]
    if unknown:
        raise GradingError(f"unknown assignment(s) {unknown}; known: {list(notebooks)}")
    return {a: notebooks[a] for a in assignments}


def _scan_submissions(submissions: Path, known: dict[str, list[CourseNotebook]]):
    """Yield (student, assignment, {notebook name: path}, [problems]) for every student and assignment."""
    students = sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))
    assignments = sorted({a.name for s in students for a in s.iterdir() if a.is_dir() and a.name in known})
    strays = sorted({a.name for s in students for a in s.iterdir() if a.is_dir() and a.name not in known})
    for student in students:
        for assignment in assignments:
            folder = student / assignment
            problems, valid = [], {}
            if not folder.is_dir():
                problems.append(f"no submission for {assignment}")
            else:
                expected = {nb.path.name for nb in known[assignment]}
                files = sorted(folder.glob("*.ipynb"))
                if not files:
                    problems.append(f"{assignment}/ holds no notebook")
                for f in files:
                    if f.name not in expected:
                        problems.append(f"{f.name}: not a notebook of {assignment} (ignored)")
                        continue
                    try:
                        read_notebook(f)
                    except NotANotebook as exc:
                        problems.append(str(exc))
                        continue
                    valid[f.name] = f
                for name in sorted(expected - {f.name for f in files}):
                    if files:
                        problems.append(f"{name}: missing")
            yield student.name, assignment, valid, problems
        if not assignments:
            yield student.name, "", {}, ["no assignment folder" + (f" (found only {strays})" if strays else "")]


def grade_with_nbgrader(submissions: Path, out: Path, root: Path | None = None, cell_timeout: int = 120,
                        progress: bool = True) -> list[GradeRow]:
    """Plain nbgrader autograde (no sandbox; kept for comparison and benchmarks): autograde ``submissions/<student>/<assignment>/<notebook>.ipynb``; write ``out/grades.csv`` and feedback."""
    from nbgrader.api import Gradebook
    from nbgrader.converters import Autograde, GenerateFeedback

    submissions, out = Path(submissions), Path(out)
    if not submissions.is_dir():
        raise GradingError(f"{submissions}: not a folder of submissions (<student>/<assignment>/<notebook>.ipynb)")
    known = discover(root)
    jobs = list(_scan_submissions(submissions, known))
    out.mkdir(parents=True, exist_ok=True)
    rows: list[GradeRow] = []
    with tempfile.TemporaryDirectory(prefix="dlc-grade-") as tmp:
        work = Path(tmp)
        config = nbgrader_config(work, cell_timeout)
        used = sorted({a for _, a, valid, _ in jobs if valid})
        _stage_sources({a: known[a] for a in used}, work)
        _generate(used, config)
        for k, (student, assignment, valid, problems) in enumerate(jobs, 1):
            if progress:
                print(f"[{k}/{len(jobs)}] {student} {assignment}", file=sys.stderr, flush=True)
            max_score = sum(nb.max_score for nb in known.get(assignment, []))
            row = GradeRow(student, assignment, 0.0, max_score, "; ".join(problems))
            rows.append(row)
            if not valid:
                continue
            dest = work / "submitted" / student / assignment
            dest.mkdir(parents=True, exist_ok=True)
            for name, path in valid.items():
                shutil.copy2(path, dest / name)
            try:
                _run(Autograde, config, assignment_id=assignment, student_id=student)
                with Gradebook(config.CourseDirectory.db_url) as gb:
                    row.score = float(sum(
                        gb.find_submission_notebook(Path(n).stem, assignment, student).score for n in valid))
                _run(GenerateFeedback, config, assignment_id=assignment, student_id=student)
                fb_src = work / "feedback" / student / assignment
                fb_dst = out / "feedback" / student / assignment
                fb_dst.mkdir(parents=True, exist_ok=True)
                for html in fb_src.glob("*.html"):
                    shutil.copy2(html, fb_dst / html.name)
            except Exception as exc:  # one student's failure must not stop the batch
                row.score = 0.0
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                row.reason = "; ".join(filter(None, [row.reason, f"could not be graded: {first}"]))
    write_csv(rows, out / "grades.csv")
    return rows


def write_csv(rows: list[GradeRow], path: Path) -> None:
    """Write the grade table with the columns ``CSV_COLUMNS``."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_COLUMNS)
        for r in rows:
            w.writerow([r.student_id, r.assignment, _num(r.score), _num(r.max_score), r.reason])


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
