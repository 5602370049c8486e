"""A cell stopped at the time limit: one clear line in grades.csv and on the page, no grader internals.

The demo cell breaks IPython's traceback formatter before it loops, as a memory
cap does during a huge matrix product: the kernel then prints IPython's
"Unexpected exception formatting exception" and a traceback through its own
files instead of an error, and only the runner knows the cell was stopped.
"""
import re
import shutil
import tempfile

import pytest

from autograder.authoring import build_all
from autograder.batch import Batch
from autograder.sandbox import Limits

DEMO = '''
# %% [markdown]
# ## Training the model
# %% kind="locked"
def _no_traceback(*args, **kwargs):
    raise MemoryError("no memory left to format the traceback")
get_ipython().InteractiveTB.structured_traceback = _no_traceback
W = np.random.default_rng(0).standard_normal((200, 200))
while True:
    W = np.tanh(W @ W)
'''
LIMIT = 2


@pytest.fixture(scope="module")
def timed_out(mini_course, tmp_path_factory, edit_solution):
    root = tmp_path_factory.mktemp("slow-course")
    src = root / "authoring" / "course1" / "week2" / "mini.py"
    src.parent.mkdir(parents=True)
    src.write_text((mini_course / "authoring" / "course1" / "week2" / "mini.py").read_text() + DEMO)
    build_all(root)
    nb = root / "course1" / "week2" / "mini.ipynb"
    subs = tmp_path_factory.mktemp("slow-subs")
    (subs / "demo" / "c1w2").mkdir(parents=True)
    shutil.copy(nb, subs / "demo" / "c1w2" / "mini.ipynb")
    edit_solution(nb, "return float(np.sum(np.abs(y - yhat)))", "while True:\n        pass",
                  subs / "loops" / "c1w2" / "mini.ipynb")
    out, scratch = tmp_path_factory.mktemp("slow-out"), tmp_path_factory.mktemp("slow-scratch")
    saved, tempfile.tempdir = tempfile.tempdir, str(scratch)  # keep the sandboxes' scratch folders here
    try:
        rows = Batch(subs, out, root, Limits(cell_timeout=LIMIT, notebook_timeout=120), workers=2,
                     keep_scratch=True).run(progress=False)
    finally:
        tempfile.tempdir = saved
    return out, {r.student_id: r for r in rows}, scratch


def _page(out, student):
    return " ".join(re.sub(r"<[^>]+>", "", (out / "feedback" / student / "c1w2" / "mini.html").read_text()).split())


def test_the_kernel_really_printed_ipythons_fallback(timed_out):
    _, _, scratch = timed_out
    executed = [p.read_text() for p in scratch.glob("dlc-demo-*/executed.ipynb")]
    assert executed and "Unexpected exception formatting exception" in executed[0]


def test_a_timed_out_demo_cell_gives_its_reason(timed_out):
    out, rows, _ = timed_out
    row = rows["demo"]
    assert row.score == 3  # the tests above it passed
    assert row.reason == f'mini.ipynb: cell 6 (under "Training the model") stopped at the {LIMIT} s limit of a cell'
    table = (out / "grades.csv").read_text()
    assert "stopped at the 2 s limit" in table


def test_its_page_says_so_in_one_line_without_internals(timed_out):
    out, _, _ = timed_out
    html = (out / "feedback" / "demo" / "c1w2" / "mini.html").read_text()
    text = _page(out, "demo")
    assert (f'Stopped: Cell 6 (under "Training the model") stopped at the {LIMIT} s limit of a cell. '
            "Does it loop forever") in text
    for internal in ["Unexpected exception formatting exception", "Traceback", "interactiveshell", "site-packages",
                     "/tmp/", "KeyboardInterrupt"]:
        assert internal not in html, internal
    assert html.count("no memory left to format the traceback") == 1  # in the cell's source, not its outputs


def test_a_test_cell_stopped_in_the_students_function(timed_out):
    out, rows, _ = timed_out
    row = rows["loops"]
    assert row.score == 1  # sigmoid's point only
    assert f"mini.ipynb: cell 5 (the test `L1_test`) stopped at the {LIMIT} s limit of a cell" in row.reason
    assert "mini.ipynb: cell 6 (under \"Training the model\")" in row.reason
    text = _page(out, "loops")
    assert f"`L1` was stopped after the {LIMIT} s limit of a cell" in text
    # the demo's stop points at the failed test above it
    assert "A test above it failed (`L1_test`): a mistake there" in text
