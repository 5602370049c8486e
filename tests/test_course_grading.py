"""The real course through nbgrader: release is clean, a planted mistake reaches the feedback.

(`python -m autograder selfcheck` grades every source notebook to full marks and
every released one to zero; this test adds the known-mistake path end to end.)
"""
import csv
import json
import re
import shutil

import pytest

from autograder import grading
from autograder.batch import Batch
from autograder.course import default_root, discover
from autograder.selfcheck import check_released

ROOT = default_root()
LR = ROOT / "course1" / "week2" / "logistic_regression.ipynb"


def test_release_of_the_whole_course_is_clean(tmp_path):
    paths = grading.release(tmp_path, ROOT)
    assert len(paths) == sum(len(v) for v in discover(ROOT).values()) >= 2
    assert check_released(paths) == []


@pytest.mark.skipif(not LR.exists(), reason="logistic_regression.ipynb not built")
def test_dw_without_1_over_m_gets_its_hint_in_the_feedback(tmp_path):
    nb = json.loads(LR.read_text())
    k = next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == "propagate")
    # A student's extra cell that rescales dw by m: the "forgot 1/m" mistake.
    nb["cells"].insert(k + 1, {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                               "source": ["_right = propagate\n", "def propagate(w, b, X, Y):\n",
                                          "    grads, cost = _right(w, b, X, Y)\n",
                                          "    return {'dw': grads['dw'] * X.shape[1], 'db': grads['db']}, cost\n"]})
    sub = tmp_path / "subs" / "ada" / "c1w2"
    sub.mkdir(parents=True)
    (sub / LR.name).write_text(json.dumps(nb))
    shutil.copy(ROOT / "course1" / "week2" / "numpy_basics.ipynb", sub / "numpy_basics.ipynb")
    out = tmp_path / "graded"
    rows = Batch(tmp_path / "subs", out, ROOT).run(progress=False)
    (row,) = rows
    assert 0 < row.score < row.max_score and row.reason == ""
    html = (out / "feedback" / "ada" / "c1w2" / LR.name.replace(".ipynb", ".html")).read_text()
    text = re.sub(r"<[^>]+>", "", html)
    assert "dw looks like it is missing the 1/m factor" in text
    # optimize and model fail because they call this propagate: the page says to fix it first
    assert "`optimize` calls your `propagate`, which fails its own check: fix that first" in text
    assert "hidden=True" not in html and "BEGIN HIDDEN TESTS" not in html
    assert list(csv.DictReader(open(out / "grades.csv")))[0]["student_id"] == "ada"


FRAMEWORK = ROOT / "course2" / "week3" / "building_a_framework.ipynb"
OPTIM = ROOT / "course2" / "week2" / "optimization_methods.ipynb"


def _grade_edited(tmp_path, student, source, old, new, also=()):
    """Grade ``source`` with ``old`` replaced by ``new`` in exactly one cell (plus the week's ``also``
    notebooks untouched); the row and the text of the edited notebook's feedback page."""
    nb = json.loads(source.read_text())
    edited = 0
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if old in src:
            cell["source"] = src.replace(old, new).splitlines(True)
            edited += 1
    assert edited == 1
    assignment = f"c{source.parent.parent.name[-1]}w{source.parent.name[-1]}"
    sub = tmp_path / "subs" / student / assignment
    sub.mkdir(parents=True)
    (sub / source.name).write_text(json.dumps(nb))
    for other in also:
        shutil.copy(source.parent / other, sub / other)
    out = tmp_path / "graded"
    (row,) = Batch(tmp_path / "subs", out, ROOT).run(progress=False)
    html = (out / "feedback" / student / assignment / source.name.replace(".ipynb", ".html")).read_text()
    return row, re.sub(r"<[^>]+>", "", html).replace("&quot;", '"')


@pytest.mark.skipif(not FRAMEWORK.exists(), reason="building_a_framework.ipynb not built")
def test_a_class_exercise_with_a_bug_is_graded_through_its_driver_in_the_sandbox(tmp_path):
    """A student's Dense whose dW has an extra 1/m: Dense loses its points, the gradient check says why."""
    row, text = _grade_edited(tmp_path, "bo", FRAMEWORK, 'self.grads["W"] = dZ @ A_prev.T',
                              'self.grads["W"] = dZ @ A_prev.T / A_prev.shape[1]',
                              also=["tuning_and_batch_norm.ipynb"])
    assert (row.score, row.max_score, row.reason) == (19, 22, "")  # only Dense's 3 points are lost
    assert "dW is the numeric slope divided by m = 4: it has a 1/m too many" in text


@pytest.mark.skipif(not OPTIM.exists(), reason="optimization_methods.ipynb not built")
def test_adam_moments_sharing_arrays_lose_their_points_in_the_sandbox(tmp_path):
    """v and s holding the same zeros pass every value check; the side effect reaches the grade and the page."""
    row, text = _grade_edited(
        tmp_path, "cy", OPTIM,
        '        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)\n'
        '        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)\n',
        '        s["dW" + str(l)] = v["dW" + str(l)]\n'
        '        s["db" + str(l)] = v["db" + str(l)]\n')
    assert row.score < row.max_score and row.reason == ""
    assert 'it returns one array as both `v["dW1"]` and `s["dW1"]`' in text
