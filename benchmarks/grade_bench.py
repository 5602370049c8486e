"""Benchmark: the sandboxed grader with --workers 2 against plain `nbgrader autograde`.

    python benchmarks/grade_bench.py [--n 40] [--workers 2]

Builds N submissions of assignment c1w2 (both notebooks; a mix of complete,
blank and mistaken ones), grades them with `python -m autograder grade` and
with plain `nbgrader autograde` on the same folder (one process, one
submission after another, as nbgrader runs), and prints:

- wall time of each, and the ratio nbgrader / ours (goal: >= 1.8 on 2 cores);
- the grader's own overhead per submission: its per-row time minus the time
  spent executing the notebooks in their sandboxes (goal: < 1.5 s), as median
  and maximum over rows.

Each runs once (a whole batch is long); run the script again to see the spread.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "c1w2"


def _mistake(nb: dict) -> dict:
    nb = json.loads(json.dumps(nb))
    k = next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == "propagate")
    nb["cells"].insert(k + 1, {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                               "source": "_right = propagate\ndef propagate(w, b, X, Y):\n"
                                         "    g, c = _right(w, b, X, Y)\n"
                                         "    return {'dw': g['dw'] * X.shape[1], 'db': g['db']}, c\n"})
    return nb


def build(n: int, work: Path) -> Path:
    from autograder.grading import release

    rel = work / "release"
    release(rel, ROOT, [ASSIGNMENT])
    subs = work / "submissions"
    src_dir = ROOT / "course1" / "week2"
    for k in range(n):
        kind = ["complete", "complete", "complete", "blank", "mistake"][k % 5]
        dest = subs / f"student{k:03d}" / ASSIGNMENT
        dest.mkdir(parents=True)
        for nb_path in sorted(src_dir.glob("*.ipynb")):
            if kind == "blank":
                shutil.copy(rel / ASSIGNMENT / nb_path.name, dest / nb_path.name)
            elif kind == "mistake" and nb_path.name == "logistic_regression.ipynb":
                (dest / nb_path.name).write_text(json.dumps(_mistake(json.loads(nb_path.read_text()))))
            else:
                shutil.copy(nb_path, dest / nb_path.name)
    return subs


def run_ours(subs: Path, out: Path, workers: int) -> tuple[float, list[dict]]:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "autograder", "grade", str(subs), "--out", str(out),
                    "--workers", str(workers)], check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    rows = [json.loads(p.read_text()) for p in (out / ".state").glob("*.json")]
    return wall, rows


def run_nbgrader(subs: Path, course: Path) -> float:
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    for nb in (ROOT / "course1" / "week2").glob("*.ipynb"):
        shutil.copy(nb, course / "source" / ASSIGNMENT / nb.name)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'bench'\nc.Execute.timeout = 300\n")
    bindir = Path(sys.executable).parent
    env = {"PATH": f"{bindir}:/usr/bin:/bin", "HOME": str(course), "MPLBACKEND": "Agg"}
    import os

    env.update({k: v for k, v in os.environ.items() if k.startswith(("DLKIT_", "OPENBLAS_"))})
    subprocess.run([str(bindir / "nbgrader"), "generate_assignment", ASSIGNMENT, "--force"], cwd=course,
                   env=env, check=True, capture_output=True)
    shutil.copytree(subs, course / "submitted")
    t0 = time.perf_counter()
    subprocess.run([str(bindir / "nbgrader"), "autograde", ASSIGNMENT, "--force"], cwd=course, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=40)
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args()
    from dlkit.data import prepare_all

    prepare_all()
    with tempfile.TemporaryDirectory(prefix="dlc-bench-") as tmp:
        work = Path(tmp)
        subs = build(args.n, work)
        ours, rows = run_ours(subs, work / "graded", args.workers)
        plain = run_nbgrader(subs, work / "nbgrader")
        overhead = [r["seconds"] - r["run_seconds"] for r in rows]
        scores = {r["student_id"]: r["score"] for r in rows}
        print(f"submissions: {args.n} of {ASSIGNMENT} (2 notebooks each)")
        print(f"ours (--workers {args.workers}): {ours:.1f} s wall")
        print(f"plain nbgrader autograde:   {plain:.1f} s wall")
        print(f"ratio nbgrader / ours: {plain / ours:.2f}  (goal >= 1.8)")
        print(f"grader overhead per submission: median {statistics.median(overhead):.2f} s, "
              f"max {max(overhead):.2f} s  (goal < 1.5 s)")
        print(f"scores seen: {sorted(set(scores.values()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
