"""`autograder check NOTEBOOK` always ends with its score table: cells that time out or kill the kernel are
reported in one line, whole verdicts and hints are shown, warnings are listed apart."""
import os
import re
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder.student_check import CellResult, format_table

SETUP = "import numpy as np\nfrom autograder import check"
L1_MEAN = "def L1(yhat, y):\n    return float(np.mean(np.abs(y - yhat)))"  # a known mistake of c1w2.L1
SIGMOID_WARNS = ("import warnings\n"
                 "def sigmoid(z):\n"
                 "    warnings.warn('overflow encountered in exp', RuntimeWarning)\n"
                 "    return 1 / (1 + np.exp(-z))")


def _graded(source: str, grade_id: str, points: float):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": grade_id,
                                 "points": points, "schema_version": 3}
    return cell


def _write(path, cells):
    nb = new_notebook(cells=[new_markdown_cell("# a test notebook")] + cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(path))
    return path


def _check(path, timeout: int):
    return subprocess.run([sys.executable, "-m", "autograder", "check", "--timeout", str(timeout), str(path)],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "100"})


def _notes(stdout: str) -> list[str]:
    """The lines above the table, each note unwrapped (its continuation lines are indented by two spaces)."""
    notes = []
    for line in stdout.split("\nexercise ")[0].splitlines()[1:]:
        if line.startswith("  ") and notes:
            notes[-1] += " " + line.strip()
        elif line:
            notes.append(line)
    return notes


def _row(stdout: str, grade_id: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith(grade_id + " "))


@pytest.fixture(scope="module")
def timed_out(tmp_path_factory):
    """An L1 with a known mistake, an endless loop in an ungraded cell, then a sigmoid that passes but warns."""
    path = _write(tmp_path_factory.mktemp("check") / "loop.ipynb", [
        new_code_cell(SETUP), new_code_cell(L1_MEAN), _graded('check("c1w2.L1", L1)', "L1_test", 2),
        new_code_cell("while True:\n    pass"),
        new_code_cell(SIGMOID_WARNS), _graded('check("c1w2.sigmoid", sigmoid)', "sigmoid_test", 1),
    ])
    return _check(path, timeout=2)


def test_a_cell_that_times_out_is_one_line_and_the_table_still_comes(timed_out):
    out = timed_out.stdout
    assert timed_out.returncode == 1, timed_out.stderr
    stops = [line for line in _notes(out) if "time limit" in line]
    assert stops == ["cell 5 (`while True:`): time limit of 2 s reached, probably because `L1` failed its "
                     "check above; interrupted; the notebook went on"]
    assert "Traceback" not in out + timed_out.stderr and "KeyboardInterrupt" not in out
    assert out.rstrip().splitlines()[-1].split() == ["total", "0/3"]


def test_the_whole_verdict_and_its_hint_are_shown_under_the_row(timed_out):
    lines = timed_out.stdout.splitlines()
    row = lines.index(_row(timed_out.stdout, "L1_test"))
    column = lines[row].index("CheckFailed")
    assert re.match(r"L1_test\s+0/2\s+CheckFailed: `L1` is wrong on case 1 of", lines[row])
    block = []
    for line in lines[row + 1:]:
        if not line.startswith(" " * column):
            break
        block.append(line.strip())
    assert any(line.startswith("Hint: that is the mean") for line in block), lines
    assert all(len(line) <= 100 for line in lines)


def test_warnings_are_listed_apart_and_the_verdict_stays(timed_out):
    out = timed_out.stdout
    assert "warnings: 1 RuntimeWarning in cell 7 (sigmoid_test): overflow encountered in exp" in _notes(out)
    row = _row(out, "sigmoid_test")
    assert re.match(r"sigmoid_test\s+0/1\s+\u2714 sigmoid: all \d+ visible cases pass\.", row)  # nbgrader's rule: 0
    assert "but the cell wrote a warning" in out.split(row)[1]
    assert "wrote to stderr:" not in out


def test_a_dead_kernel_is_one_line_the_state_is_rebuilt_and_a_last_endless_cell_stops_the_run(tmp_path):
    path = _write(tmp_path / "die.ipynb", [
        new_code_cell("y = 41"), new_code_cell("y += 1"),
        new_code_cell("import os\nos._exit(1)"),
        _graded("assert y == 42, y", "state_test", 1),  # passes only if the cells above ran again, once each
        _graded("while True:\n    pass", "loop_test", 2),
        new_code_cell("print('never')"),
    ])
    run = _check(path, timeout=2)
    out = run.stdout
    assert run.returncode == 1, run.stderr
    assert _notes(out) == [
        "cell 4 (`import os`): the kernel died (out of memory?); restarted the kernel and ran the cells "
        "above it again; the notebook went on",
        "cell 6 (loop_test): time limit of 2 s reached; stopped there: no graded cell after it"]
    assert re.match(r"state_test\s+1/1\s+ok$", _row(out, "state_test"))
    assert re.match(r"loop_test\s+0/2\s+stopped: time limit of 2 s reached$", _row(out, "loop_test"))
    assert out.rstrip().splitlines()[-1].split() == ["total", "1/3"]


def test_when_the_state_cannot_be_rebuilt_the_rest_scores_zero_and_says_why(tmp_path):
    path = _write(tmp_path / "rerun.ipynb", [
        # kills its kernel when it runs a second time (as rebuilding the state after a restart does)
        new_code_cell("import os, pathlib\nseen = pathlib.Path('seen')\nif seen.exists():\n    os._exit(1)\n"
                      "seen.touch()"),
        _graded("assert True", "before_test", 1),
        new_code_cell("os._exit(1)"),
        _graded("assert True", "after_test", 2),
    ])
    run = _check(path, timeout=5)
    assert run.returncode == 1, run.stderr
    assert _notes(run.stdout) == [
        "cell 4 (`os._exit(1)`): the kernel died (out of memory?); stopped there: the notebook's state "
        "could not be rebuilt after a restart"]
    assert re.match(r"before_test\s+1/1\s+ok$", _row(run.stdout, "before_test"))
    assert re.match(r"after_test\s+0/2\s+not run: the check stopped at cell 4 \(see above\)$",
                    _row(run.stdout, "after_test"))


def test_bad_timeout_is_bad_input(tmp_path):
    path = _write(tmp_path / "x.ipynb", [new_code_cell("x = 1")])
    run = _check(path, timeout=0)
    assert run.returncode == 2 and "--timeout" in run.stderr and run.stdout == ""


def test_table_wraps_to_the_width_and_indents_under_the_row():
    verdict = ("CheckFailed: `propagate` is wrong on case 1 of 4: `grads[\"dw\"]` has shape (1, 2), expected "
               "(2, 1): did you forget a transpose?\nHint: the gradient of w has the shape of w\n"
               "Where it happened:\n  File \"<cell>\", line 9, in propagate\n    dw = np.dot(dZ, X.T) / m")
    results = [CellResult("propagate_test", 0, 2, verdict), CellResult("sigmoid_test", 1, 1, "\u2714 sigmoid: ok")]
    table = format_table("nb.ipynb", results, ["warnings: 1 RuntimeWarning in cell 3 (x): overflow"], width=70)
    lines = table.splitlines()
    assert all(len(line) <= 70 for line in lines), table
    assert lines[:3] == ["nb.ipynb", "warnings: 1 RuntimeWarning in cell 3 (x): overflow", ""]
    column = lines[4].index("CheckFailed")
    assert [line[column:] for line in lines if line.strip().startswith(("Hint", "Where"))] == [
        "Hint: the gradient of w has the shape of w", "Where it happened:"]
    assert "      dw = np.dot(dZ, X.T) / m" in table  # the code keeps its own indentation under the row
    assert re.search(r"^sigmoid_test\s+1/1\s+ok$", table, re.M)
    assert lines[-1].split() == ["total", "1/3"]
    narrow = format_table("nb.ipynb", results, width=40)  # too narrow for a column: indented by 4 under the row
    assert "\n    Hint: the gradient of w" in narrow
