"""release / grade / check on a tiny course: solutions stripped, bad input survives, hints reach feedback,
renamed copies matched, both engines write the README's table."""
import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import batch, grading, scan
from autograder.batch import Batch
from autograder.selfcheck import check_released

README = Path(__file__).resolve().parents[2] / "README.md"


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
    edit_solution(src, "np.sum(np.abs(y - yhat))", "np.mean(np.abs(y - yhat))",
                  subs / "mistake" / "c1w2" / "mini.ipynb")
    (subs / "empty" / "c1w2").rmdir()
    # renamed by a browser or a copy: one copy is graded, an original wins over copies, two copies are refused
    (subs / "renamed" / "c1w2").mkdir(parents=True)
    shutil.copy(src, subs / "renamed" / "c1w2" / "mini (1).ipynb")
    edit_solution(src, "np.sum(np.abs(y - yhat))", "np.mean(np.abs(y - yhat))", subs / "both" / "c1w2" / "mini.ipynb")
    shutil.copy(src, subs / "both" / "c1w2" / "Copy of mini.ipynb")
    (subs / "twocopies" / "c1w2").mkdir(parents=True)
    shutil.copy(src, subs / "twocopies" / "c1w2" / "mini (1).ipynb")
    shutil.copy(src, subs / "twocopies" / "c1w2" / "mini(2).ipynb")
    return subs


@pytest.fixture(scope="module", params=["sandbox", "nbgrader"])
def graded(request, mini_course, submissions, tmp_path_factory):
    out = tmp_path_factory.mktemp("graded-" + request.param)
    if request.param == "sandbox":
        rows = Batch(submissions, out, mini_course, workers=2).run(progress=False)
    else:
        rows = grading.grade_with_nbgrader(submissions, out, mini_course, progress=False)
    return out, {r.student_id: r for r in rows}, request.param


def _readme_columns() -> list[str]:
    m = re.search(r"grades\.csv` \(`([^`]+)`\)", README.read_text(encoding="utf-8"))
    assert m, "README: the grades.csv columns are no longer listed as `grades.csv` (`a, b, ...`)"
    return [c.strip() for c in m.group(1).split(",")]


def test_grades_csv(graded):
    out, rows, engine = graded
    with open(out / "grades.csv", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == _readme_columns()  # the same columns, in the same order, from both engines
    table = list(csv.DictReader(open(out / "grades.csv")))
    assert len(table) == 10
    assert all(float(r["seconds"]) >= 0 for r in table)
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


@pytest.mark.parametrize("student, why", [
    ("notjson", "not valid JSON"), ("binary", "binary data"), ("nocells", "has no cells"),
])
def test_a_malformed_notebook_gets_a_page_saying_what_is_wrong(graded, student, why):
    out, rows, _ = graded
    text = " ".join(_text(out / "feedback" / student / "c1w2" / "mini.html").split())
    assert "This notebook could not be graded:" in text and why in text
    assert "scored 0 of 3 points" in text and "0 / 3" in text
    assert rows["good"].score == 3  # nobody else's grade is lost


def test_a_renamed_copy_is_graded_with_a_note(graded):
    out, rows, engine = graded
    row = rows["renamed"]
    assert (row.score, row.reason) == (3, "graded `mini (1).ipynb` as mini.ipynb")
    if engine == "sandbox":  # nbgrader's own page has no notes
        text = " ".join(_text(out / "feedback" / "renamed" / "c1w2" / "mini.html").split())
        assert "Notes: graded mini (1).ipynb as mini.ipynb" in text


def test_the_original_wins_over_a_renamed_copy(graded):
    row = graded[1]["both"]
    assert row.score == 1  # the original (with its mistake), not the correct copy
    assert row.reason == "`Copy of mini.ipynb` ignored: mini.ipynb is there too and was graded"


def test_two_renamed_copies_and_no_original_are_refused(graded):
    out, rows, _ = graded
    row = rows["twocopies"]
    assert row.score == 0
    assert row.reason == ("mini.ipynb not graded: `mini (1).ipynb` and `mini(2).ipynb` are both renamed copies of it "
                          "and there is no mini.ipynb; keep the one to grade and name it mini.ipynb")
    text = " ".join(_text(out / "feedback" / "twocopies" / "c1w2" / "mini.html").split())
    assert ("could not be graded: mini (1).ipynb and mini(2).ipynb are both renamed copies of it and there is "
            "no mini.ipynb." in text)
    assert "scored 0 of 3 points. Keep the copy you want graded, name it mini.ipynb, and remove the others." in text


def test_both_engines_use_the_one_scanner(monkeypatch, mini_course, submissions, tmp_path):
    assert batch.scan is scan.scan and grading.scan is scan.scan
    assert not hasattr(grading, "_scan_submissions")
    seen = []

    def spy(submissions_dir, known):
        seen.append(Path(submissions_dir).resolve())
        return []  # nothing to grade: only who asked is recorded

    monkeypatch.setattr(batch, "scan", spy)
    monkeypatch.setattr(grading, "scan", spy)
    Batch(submissions, tmp_path / "a", mini_course, workers=1).run(progress=False)
    grading.grade_with_nbgrader(submissions, tmp_path / "b", mini_course, progress=False)
    assert seen == [submissions.resolve()] * 2


def _text(path: Path) -> str:
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))


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


def test_feedback_table_shows_quotes_in_code_and_escapes_html_outside_it():
    import nbformat

    from autograder.feedback import feedback_html
    from autograder.submission import CellVerdict, NotebookResult

    result = NotebookResult("mini.ipynb", cells=[
        CellVerdict("L1_test", 0.0, 2.0, '`grads["dw"]` has shape (1, 2), expected (2, 1) <script>alert(1)</script>')],
        problems=["mini.ipynb: cell 3 (the test `L1_test`) stopped at the 2 s limit of a cell"])
    html = feedback_html(nbformat.v4.new_notebook(), "s`1<b>", "c1w2", "mini.ipynb", result, "mini (1).ipynb")
    assert '<code>grads["dw"]</code>' in html or "<code>grads[&quot;dw&quot;]</code>" in html
    assert "&amp;quot;" not in html and "<script>alert" not in html and "<b>" not in html
    assert "<code>mini (1).ipynb</code> as mini.ipynb" in html
