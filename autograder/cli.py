"""Command line: ``python -m autograder {list,release,grade,check,selfcheck,build}``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .sandbox import Limits

LIMITS = Limits()  # the one place the default limits come from


def _cmd_list(args) -> int:
    from .course import discover

    total = 0.0
    for assignment, nbs in discover(args.root).items():
        print(f"{assignment}  ({sum(nb.max_score for nb in nbs):g} points)")
        for nb in nbs:
            print(f"  {nb.path.relative_to(nb.path.parents[2])}  ({nb.max_score:g} points)")
            for cell in nb.graded:
                print(f"    {cell.grade_id:<32} {cell.points:g}")
            total += nb.max_score
    print(f"total: {total:g} points")
    return 0


def _cmd_release(args) -> int:
    from .grading import release

    paths = release(Path(args.out), args.root, args.assignment or None, progress=True)
    for p in paths:
        print(p)
    return 0


def _cmd_workspace(args) -> int:
    from .course import default_root
    from .workspace import WorkspaceError, sync

    root = args.root or default_root()
    folder = Path(args.folder) if args.folder else root / "workspace"
    try:
        report = sync(folder, root, progress=True)
    except WorkspaceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in report.lines():
        print(line)
    return 0


def _cmd_grade(args) -> int:
    if args.engine == "nbgrader":
        from .grading import grade_with_nbgrader

        rows = grade_with_nbgrader(Path(args.submissions), Path(args.out), args.root, cell_timeout=args.timeout)
    else:
        from .batch import Batch
        from .sandbox import Limits

        if args.threads is not None and args.threads < 1:
            print(f"error: --threads must be at least 1 BLAS thread per kernel, got {args.threads}",
                  file=sys.stderr)
            return 2
        limits = Limits(cell_timeout=args.timeout, notebook_timeout=args.notebook_timeout,
                        memory_mb=args.memory_mb, threads=args.threads)
        rows = Batch(Path(args.submissions), Path(args.out), args.root, limits, args.workers,
                     keep_scratch=args.keep_scratch).run()
    bad = sum(1 for r in rows if r.reason)
    print(f"graded {len(rows)} submission(s); {bad} with a reason noted; "
          f"table: {Path(args.out) / 'grades.csv'}")
    return 0


def _cmd_check(args) -> int:
    from .student_check import format_table, notes, run_notebook, score_cells
    from .validate import NotANotebook

    path = Path(args.notebook)
    if args.timeout <= 0:
        print(f"error: --timeout must be a positive number of seconds, got {args.timeout}", file=sys.stderr)
        return 2
    try:
        if path.suffix != ".ipynb":
            raise NotANotebook(f"{path}: not a notebook (expected a .ipynb file)")
        run = run_notebook(path, timeout=args.timeout)
    except NotANotebook as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results = score_cells(run)
    print(format_table(path.name, results, notes(run)))
    return 0 if all(r.points == r.max_points for r in results) else 1


def _cmd_selfcheck(args) -> int:
    from .selfcheck import run

    return 1 if run(args.root, assignments=args.assignment or None) else 0


def _cmd_build(args) -> int:
    from .authoring import build_all
    from .course import default_root

    changed = build_all(args.root or default_root(), check_only=args.check, only=args.only or None)
    for p in changed:
        print(("out of date: " if args.check else "built: ") + str(p))
    return 1 if (args.check and changed) else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder",
                                     description="Release, grade and check the Deep Learning Companion's notebooks.")
    parser.add_argument("--root", type=Path, default=None,
                        help="the course repository (default: this checkout, or $DLC_COURSE_ROOT)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="assignments, notebooks, exercises and points").set_defaults(fn=_cmd_list)
    p = sub.add_parser("release", help="write student versions with nbgrader generate_assignment")
    p.add_argument("--out", required=True, help="folder for <assignment>/<notebook>.ipynb")
    p.add_argument("assignment", nargs="*", help="only these assignments (e.g. c1w2)")
    p.set_defaults(fn=_cmd_release)
    p = sub.add_parser("workspace", help="make or update a student's own folder of released notebooks (make lab)")
    p.add_argument("folder", nargs="?", default=None,
                   help="the workspace folder (default: workspace/ in the course repository)")
    p.set_defaults(fn=_cmd_workspace)
    p = sub.add_parser("grade", help="autograde SUBMISSIONS/<student>/<assignment>/<notebook>.ipynb")
    p.add_argument("submissions")
    p.add_argument("--out", required=True, help="folder for grades.csv and feedback/")
    p.add_argument("--timeout", type=int, default=LIMITS.cell_timeout,
                   help=f"seconds per cell (default {LIMITS.cell_timeout})")
    p.add_argument("--notebook-timeout", type=int, default=LIMITS.notebook_timeout,
                   help=f"seconds per notebook (default {LIMITS.notebook_timeout})")
    p.add_argument("--memory-mb", type=int, default=LIMITS.memory_mb,
                   help=f"memory cap per submission in MiB (default {LIMITS.memory_mb})")
    p.add_argument("--workers", type=int, default=None, help="submissions graded at once (default: available CPUs)")
    p.add_argument("--threads", type=int, default=None,
                   help="BLAS threads per kernel (default: dlkit.threads' rule on each kernel's share, "
                        "available CPUs / workers, less what other programs keep busy, at least 1; "
                        "DLKIT_BLAS_THREADS overrides it)")
    p.add_argument("--keep-scratch", action="store_true", help="keep each submission's scratch folder")
    p.add_argument("--engine", choices=["sandbox", "nbgrader"], default="sandbox",
                   help="sandbox (default): isolated kernels, judged outside them; "
                        "nbgrader: plain nbgrader autograde, no isolation")
    p.set_defaults(fn=_cmd_grade)
    p = sub.add_parser("check", help="run a notebook and print its per-exercise points")
    p.add_argument("notebook")
    p.add_argument("--timeout", type=int, default=LIMITS.cell_timeout,
                   help=f"seconds per cell (default {LIMITS.cell_timeout})")
    p.set_defaults(fn=_cmd_check)
    p = sub.add_parser("selfcheck", help="sources score full marks, releases zero, known mistakes fail")
    p.add_argument("assignment", nargs="*", help="only these assignments (e.g. c1w2)")
    p.set_defaults(fn=_cmd_selfcheck)
    p = sub.add_parser("build", help="write the notebooks from authoring/ sources")
    p.add_argument("--check", action="store_true", help="only report notebooks that are out of date")
    p.add_argument("only", nargs="*", help="only sources whose path contains one of these (e.g. course2/week1)")
    p.set_defaults(fn=_cmd_build)
    args = parser.parse_args(argv)
    try:
        return args.fn(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        from .authoring import SourceError
        from .grading import GradingError

        if isinstance(exc, (GradingError, FileNotFoundError, SourceError)):
            print(f"error: {exc}", file=sys.stderr)
            return 1
        raise
