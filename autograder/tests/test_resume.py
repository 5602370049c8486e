"""kill -9 in the middle of a batch, then run again: every row exactly once, finished rows not regraded."""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time


def test_kill_9_then_resume(mini_course, tmp_path, edit_solution):
    src = mini_course / "course1" / "week2" / "mini.ipynb"
    subs = tmp_path / "subs"
    expected = {}
    for k in range(8):
        dest = subs / f"s{k:02d}" / "c1w2" / "mini.ipynb"
        dest.parent.mkdir(parents=True)
        if k % 2:
            edit_solution(src, "np.sum(np.abs(y - yhat))", "np.mean(np.abs(y - yhat))", dest)
            expected[f"s{k:02d}"] = 1
        else:
            shutil.copy(src, dest)
            expected[f"s{k:02d}"] = 3
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "autograder", "--root", str(mini_course), "grade", str(subs),
           "--out", str(out), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = out / ".state"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(state.glob("*.json"))) < 3:
        time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = {p.name: p.stat().st_mtime_ns for p in state.glob("*.json")}
    assert 3 <= len(done) < 8, "the batch should have been stopped halfway"
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"resuming: {len(done)} of 8 already graded" in run.stderr
    rows = list(csv.DictReader(open(out / "grades.csv")))
    assert sorted(r["student_id"] for r in rows) == sorted(expected)
    assert {r["student_id"]: int(r["score"]) for r in rows} == expected
    for name, mtime in done.items():
        assert (state / name).stat().st_mtime_ns == mtime, f"{name} was graded twice"
    assert all(float(r["seconds"]) > 0 for r in rows)
    json.loads((state / next(iter(done))).read_text())
