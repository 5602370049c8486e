"""release / grade / check on a tiny course: solutions stripped, bad input survives, hints reach feedback."""
import csv
import json
import re
import shutil
import subprocess
import sys

import pytest

from autograder import grading
from autograder.batch import CSV_COLUMNS, Batch
from autograder.selfcheck import check_released


@pytest.fixture(scope="module")
def released(mini_course, tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    paths = grading.release(out, mini_course)
    return out, paths


def test_release_has_no_solutions_or_hidden_tests(released):
    out, paths = released
    assert [p.relative_to(out).as_posix() for p in paths] == ["c1w2/mini.ipynb"]
    assert check_released(paths) == []
    text = paths[0].read_text()
    assert "1 / (1 + np.exp(-z))" not in text and "hidden=True" not in text
    assert "raise NotImplementedError()" in text


@pytest.fixture(scope="module")
def submissions(mini_course, released, tmp_path_factory, edit_solution):
    subs = tmp_path_factory.mktemp("subs")
    src = mini_course / "course1" / "week2" / "mini.ipynb"
    for student in ["good", "blank", "notjson", "binary", "nocells", "mistake", "empty"]:
        (subs / student / "c1w2").mkdir(parents=True)
    shutil.copy(src, subs / "good" / "c1w2" / "mini.ipynb")
    shutil.copy(released[1][0], subs / "blank" / "c1w2" / "mini.ipynb")
    (subs / "notjson" / "c1w2" / "mini.ipynb").write_text('{"cells": [')
    (subs / "binary" / "c1w2" / "mini.ipynb").write_bytes(bytes(range(256)) * 8)
    nb = json.loads(src.read_text())
    nb["cells"] = []
    (subs / "nocells" / "c1w2" / "mini.ipynb").write_text(json.dumps(nb))
    edit_solution(src, "np.sum(np.abs(y - yhat))", "np.mean(np.abs(y - yhat))", subs / "mistake" / "c1w2" / "mini.ipynb")
    (subs / "empty" / "c1w2").rmdir()
    return subs


@pytest.fixture(scope="module", params=["sandbox", "nbgrader"])
def graded(request, mini_course, submissions, tmp_path_factory):
    out = tmp_path_factory.mktemp("graded-" + request.param)
    if request.param == "sandbox":
        rows = Batch(submissions, out, mini_course, workers=2).run(progress=False)
    else:
        rows = grading.grade_with_nbgrader(submissions, out, mini_course, progress=False)
    return out, {r.student_id: r for r in rows}, request.param


def test_grades_csv(graded):
    out, rows, engine = graded
    table = list(csv.DictReader(open(out / "grades.csv")))
    assert list(table[0]) == (CSV_COLUMNS if engine == "sandbox" else grading.CSV_COLUMNS)
    assert len(table) == 7
    assert (rows["good"].score, rows["good"].max_score, rows["good"].reason) == (3, 3, "")
    assert (rows["blank"].score, rows["blank"].reason) == (0, "")
    assert rows["mistake"].score == 1


@pytest.mark.parametrize("student, reason", [
    ("notjson", "not valid JSON"), ("binary", "binary data"), ("nocells", "has no cells"),
    ("empty", "no submission for c1w2"),
])
def test_bad_submissions_score_zero_with_a_reason(graded, student, reason):
    row = graded[1][student]
    assert row.score == 0 and reason in row.reason


def test_feedback_has_the_hint_and_no_hidden_tests(graded):
    out = graded[0]
    html = (out / "feedback" / "mistake" / "c1w2" / "mini.html").read_text()
    text = re.sub(r"<[^>]+>", "", html)
    assert "that is the mean; the L1 loss here is the sum" in text
    assert "hidden=True" not in html and "HIDDEN TESTS" not in html
    assert "Traceback (most recent call last)" not in text


def test_cli_check_reports_points_and_rejects_non_notebooks(mini_course, tmp_path, edit_solution):
    src = mini_course / "course1" / "week2" / "mini.ipynb"
    bad = tmp_path / "mini.ipynb"
    edit_solution(src, "np.sum(np.abs(y - yhat))", "np.sum(y - yhat)", bad)
    run = subprocess.run([sys.executable, "-m", "autograder", "check", str(bad)], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert re.search(r"sigmoid_test\s+1/1\s+ok", run.stdout)
    assert re.search(r"L1_test\s+0/2\s+CheckFailed: `L1` is wrong", run.stdout)
    assert re.search(r"total\s+1/3", run.stdout)
    for path in [tmp_path / "notes.txt", tmp_path / "missing.ipynb"]:
        if path.suffix == ".txt":
            path.write_text("hello")
        run = subprocess.run([sys.executable, "-m", "autograder", "check", str(path)], capture_output=True, text=True)
        assert run.returncode == 2
        assert run.stdout == "" and len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_feedback_summary_is_cut_at_a_word_and_points_to_the_whole_message():
    from autograder.feedback import summary_line

    long = "`Dense` is wrong on case 1 of 5: " + "word " * 80 + "\nHint: second line"
    line = summary_line(long)
    assert len(line) < 300 and line.endswith("... (see the test cell below)")
    assert "Hint" not in line and not line.split(" ...")[0].endswith("wor")
    assert summary_line("short verdict\nHint: more") == "short verdict"
    assert summary_line("") == ""
