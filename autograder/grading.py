"""Release and grade through nbgrader.

The course folders are not nbgrader's layout, so each command assembles
nbgrader's course directory in a work folder:

    <work>/source/<assignment>/<notebook>.ipynb       from course<N>/week<K>/
    <work>/release/<assignment>/...                   nbgrader generate_assignment
    <work>/submitted/<student>/<assignment>/...       copied from SUBMISSIONS (after validation)
    <work>/autograded/..., <work>/feedback/...        nbgrader autograde / generate_feedback
    <work>/gradebook.db

``release`` copies the student versions out; ``grade`` writes ``grades.csv``
(the columns of ``table.CSV_COLUMNS``, as the sandboxed engine does) and
per-student HTML feedback. Files are matched to notebooks by ``scan`` (renamed
copies included), as in the sandboxed engine. Broken submissions (not JSON,
binary, no cells, an empty folder) get a row with score 0, a reason and a
feedback page saying what is wrong; the rest are graded.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from traitlets.config import Config

from .course import CourseNotebook, discover
from .sandbox import Limits
from .scan import scan
from .table import CSV_COLUMNS, GradeRow, write_grades
from .validate import NotANotebook, read_notebook

__all__ = ["CSV_COLUMNS", "GradeRow", "GradingError", "grade_with_nbgrader", "release", "write_csv"]


class GradingError(RuntimeError):
    """nbgrader could not do a step that the whole command needs (not one student's problem)."""


def nbgrader_config(work: Path, cell_timeout: int | None = None) -> Config:
    """nbgrader's configuration for a course directory at ``work``."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades

    from .feedback import ShortErrors

    c = Config()
    c.CourseDirectory.root = str(work)
    c.CourseDirectory.course_id = "deep-learning-companion"
    c.CourseDirectory.db_url = f"sqlite:///{work / 'gradebook.db'}"
    c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
    c.Execute.timeout = cell_timeout or Limits().cell_timeout
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
    """nbgrader generate_assignment for each assignment; with ``progress``, a bar on stderr (a step per assignment)."""
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


def _readable(job) -> tuple[dict[str, Path], dict[str, str]]:
    """``({name: path} of the job's notebooks that read as notebooks, {name: why not} of the others)``."""
    valid, unreadable = {}, {}
    for name, path in job.files.items():
        try:
            read_notebook(path)
        except NotANotebook as exc:
            unreadable[name] = str(exc)
            continue
        valid[name] = path
    return valid, unreadable


def grade_with_nbgrader(submissions: Path, out: Path, root: Path | None = None, cell_timeout: int | None = None,
                        progress: bool = True) -> list[GradeRow]:
    """Plain nbgrader autograde (no sandbox; kept for comparison and benchmarks).

    Autogrades ``submissions/<student>/<assignment>/<notebook>.ipynb`` with a
    limit of ``cell_timeout`` seconds per cell (default ``Limits().cell_timeout``);
    writes ``out/grades.csv`` and ``out/feedback/<student>/<assignment>/<notebook>.html``.
    """
    from .feedback import notice_html, refused_fix

    submissions, out = Path(submissions), Path(out)
    if not submissions.is_dir():
        raise GradingError(f"{submissions}: not a folder of submissions (<student>/<assignment>/<notebook>.ipynb)")
    known = discover(root)
    jobs = [(job, *_readable(job)) for job in scan(submissions, known)]
    out.mkdir(parents=True, exist_ok=True)
    rows: list[GradeRow] = []
    with tempfile.TemporaryDirectory(prefix="dlc-grade-") as tmp:
        work = Path(tmp)
        config = nbgrader_config(work, cell_timeout)
        used = sorted({job.assignment for job, valid, _ in jobs if valid})
        _stage_sources({a: known[a] for a in used}, work)
        _generate(used, config)
        for k, (job, valid, unreadable) in enumerate(jobs, 1):
            start = time.perf_counter()
            student, assignment = job.student_id, job.assignment
            if progress:
                print(f"[{k}/{len(jobs)}] {student} {assignment}", file=sys.stderr, flush=True)
            nbs = {nb.path.name: nb for nb in known.get(assignment, [])}
            row = GradeRow(student, assignment, 0.0, sum(nb.max_score for nb in nbs.values()),
                           "; ".join(job.problems + list(unreadable.values())))
            rows.append(row)
            fb_dst = out / "feedback" / student / assignment
            for name, why in {**job.refused, **unreadable}.items():
                fb_dst.mkdir(parents=True, exist_ok=True)
                graded_as = job.files[name].name if name in job.files else None
                fix = refused_fix(name) if name in job.refused else None
                (fb_dst / (Path(name).stem + ".html")).write_text(
                    notice_html(student, assignment, name, why, nbs[name].max_score, graded_as, fix),
                    encoding="utf-8")
            if valid:
                _grade_one(config, work, job, valid, nbs, row, fb_dst)
            row.seconds = round(time.perf_counter() - start, 2)
    write_csv(rows, out / "grades.csv")
    return rows


def _grade_one(config: Config, work: Path, job, valid: dict[str, Path], nbs: dict[str, CourseNotebook],
               row: GradeRow, fb_dst: Path) -> None:
    """Autograde one student's readable notebooks ``valid`` in ``work``; fill ``row``, copy feedback to ``fb_dst``."""
    import nbformat
    from nbgrader.api import Gradebook
    from nbgrader.converters import Autograde, GenerateFeedback

    from .flags import submission_flags

    student, assignment = job.student_id, job.assignment
    dest = work / "submitted" / student / assignment
    dest.mkdir(parents=True, exist_ok=True)
    flags = set()
    for name, path in valid.items():
        shutil.copy2(path, dest / name)
        flags.update(submission_flags(nbformat.read(str(nbs[name].path), as_version=4),
                                      nbformat.read(str(path), as_version=4)))
    row.flags = " ".join(sorted(flags))
    try:
        _run(Autograde, config, assignment_id=assignment, student_id=student)
        with Gradebook(config.CourseDirectory.db_url) as gb:
            row.score = float(sum(
                gb.find_submission_notebook(Path(n).stem, assignment, student).score for n in valid))
        _run(GenerateFeedback, config, assignment_id=assignment, student_id=student)
        fb_src = work / "feedback" / student / assignment
        fb_dst.mkdir(parents=True, exist_ok=True)
        for html in fb_src.glob("*.html"):
            shutil.copy2(html, fb_dst / html.name)
    except Exception as exc:  # one student's failure must not stop the batch
        row.score = 0.0
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        row.reason = "; ".join(filter(None, [row.reason, f"could not be graded: {first}"]))


def write_csv(rows: list[GradeRow], path: Path) -> None:
    """Write the grade table with the columns ``CSV_COLUMNS`` (the same table as the sandboxed engine's)."""
    write_grades(rows, path)
