"""The regression corpus of cheats: none of them earns a point it did not earn honestly.

Each submission below is the released (blank) mini notebook, or the correct one,
with one trick added. They are graded together in one sandboxed batch, next to
an honest student whose full marks must not move.
"""
import json
import socket
import threading

import pytest

from autograder.batch import Batch
from autograder.scan import scan
from autograder.sandbox import Limits, bwrap_path

L1_OK = "def L1(yhat, y):\n    return float(np.sum(np.abs(y - yhat)))\n"
SIGMOID_OK = "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


def _variant(base: dict, solutions=None, insert_after=None, tests=None, meta=None, prepend=None) -> dict:
    nb = json.loads(json.dumps(base))
    cells = []
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if solutions and gid in solutions:
            cell["source"] = solutions[gid]
        if tests and gid in tests:
            if tests[gid] is None:
                continue
            cell["source"] = tests[gid]
        if meta and gid in meta:
            cell["metadata"]["nbgrader"].update(meta[gid])
        cells.append(cell)
        if insert_after and gid in insert_after:
            cells.append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                          "source": insert_after[gid]})
    if prepend:
        cells.insert(0, {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                         "source": prepend})
    nb["cells"] = cells
    return nb


class _Listener:
    """A TCP server on the host's loopback that records whether anyone connected."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connected = False
        self.stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.connected = True
                conn.close()
            except OSError:
                pass


@pytest.fixture(scope="module")
def corpus(mini_course, tmp_path_factory):
    from autograder import grading

    rel = tmp_path_factory.mktemp("rel")
    blank = json.loads(grading.release(rel, mini_course)[0].read_text())
    good = json.loads((mini_course / "course1" / "week2" / "mini.ipynb").read_text())
    outside = tmp_path_factory.mktemp("outside") / "pwned.txt"
    listener = _Listener()
    src_nb = mini_course / "course1" / "week2" / "mini.ipynb"
    cheats = {
        "honest": good,
        "always_eq": _variant(blank, solutions={
            "sigmoid": "class Yes:\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\n"
                       "def sigmoid(z):\n    return Yes()\n",
            "L1": "def L1(yhat, y):\n    return Yes()\n"}),
        "showtraceback": _variant(blank, prepend="get_ipython().showtraceback = lambda *a, **k: None\n"
                                                 "get_ipython()._showtraceback = lambda *a, **k: None\n"),
        "patch_numpy": _variant(blank, prepend="import numpy as np\nnp.allclose = lambda *a, **k: True\n"
                                               "np.isclose = lambda *a, **k: True\n"
                                               "np.testing.assert_allclose = lambda *a, **k: None\n"),
        "patch_autograder": _variant(blank, prepend=(
            "import autograder, autograder.checker, autograder.compare, autograder.harness\n"
            "autograder.check = lambda *a, **k: None\n"
            "autograder.checker.judge = lambda *a, **k: (True, 'ok')\n"
            "autograder.compare.compare = lambda *a, **k: None\n"
            "autograder.harness.capture = lambda *a, **k: None\n"
            "__dlc_capture__ = lambda *a, **k: None\n")),
        "forge_results": _variant(blank, prepend=(
            "import os, json\nos.makedirs('results', exist_ok=True)\n"
            "for g in ['sigmoid_test', 'L1_test']:\n"
            "    json.dump([{'exercise': 'x', 'passed': True}], open(f'results/{g}.json', 'w'))\n"
            "import autograder.harness as h\nh.capture = lambda *a, **k: None\n__dlc_capture__ = h.capture\n")),
        "sys_exit": _variant(blank, prepend="import sys\nsys.exit(0)\n"),
        "os_exit": _variant(good, prepend="import os\nos._exit(0)\n"),
        "raise_systemexit": _variant(blank, solutions={"L1": "raise SystemExit\n"}),
        "keyboard_interrupt": _variant(blank, solutions={"L1": "def L1(yhat, y):\n    raise KeyboardInterrupt\n"}),
        "endless_loop": _variant(good, solutions={"L1": "def L1(yhat, y):\n    while True:\n        pass\n"}),
        "memory_hog": _variant(good, solutions={"L1": "def L1(yhat, y):\n    x = bytearray(8 * 2**30)\n"
                                                      "    return float(len(x))\n"}),
        "edited_tests": _variant(blank, tests={"sigmoid_test": "pass", "L1_test": "print('all good')"}),
        "deleted_tests": _variant(blank, tests={"sigmoid_test": None, "L1_test": None}),
        "deleted_tests_honest": _variant(good, tests={"sigmoid_test": None, "L1_test": None}),
        "metadata": _variant(blank, meta={"sigmoid_test": {"points": 100}, "L1_test": {"grade_id": "zzz"}}),
        "calls_reference": _variant(blank, solutions={
            "sigmoid": "from dlkit.activations import sigmoid\n",
            "L1": "import dlkit.basics as db\ndef L1(yhat, y):\n    return db.L1(yhat, y)\n"}),
        "escape": _variant(good, prepend=(
            f"import socket\ntry:\n    open({str(outside)!r}, 'w').write('x')\nexcept OSError:\n    pass\n"
            f"try:\n    socket.create_connection(('127.0.0.1', {listener.port}), timeout=2)\n"
            "except OSError:\n    pass\n"
            f"leaked = open({str(src_nb)!r}).read() if __import__('os').path.exists({str(src_nb)!r}) else ''\n"
            "assert 'BEGIN SOLUTION' not in leaked\n")),
    }
    subs = tmp_path_factory.mktemp("cheats")
    for student, nb in cheats.items():
        (subs / student / "c1w2").mkdir(parents=True)
        (subs / student / "c1w2" / "mini.ipynb").write_text(json.dumps(nb))
    out = tmp_path_factory.mktemp("graded")
    limits = Limits(cell_timeout=8, notebook_timeout=90, memory_mb=3072)
    rows = Batch(subs, out, mini_course, limits=limits, workers=2).run(progress=False)
    listener.stop = True
    return {r.student_id: r for r in rows}, outside, listener, out, subs, limits


EXPECTED = {
    "honest": 3, "always_eq": 0, "showtraceback": 0, "patch_numpy": 0, "patch_autograder": 0,
    "forge_results": 0, "sys_exit": 0, "os_exit": 0, "raise_systemexit": 0, "keyboard_interrupt": 0,
    "endless_loop": 1, "memory_hog": 1, "edited_tests": 0, "deleted_tests": 0, "deleted_tests_honest": 3,
    "metadata": 0, "calls_reference": 3, "escape": 3,
}


@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_cheat_scores(corpus, student):
    row = corpus[0][student]
    assert (row.score, row.max_score) == (EXPECTED[student], 3), (row.reason, row.cells)


def test_calls_to_the_reference_are_flagged(corpus):
    rows = corpus[0]
    assert rows["calls_reference"].flags == "calls-reference:L1 calls-reference:sigmoid"
    assert rows["honest"].flags == ""


def test_reasons_for_timeouts_and_dead_kernels(corpus):
    rows = corpus[0]
    assert "kernel died" in rows["os_exit"].reason
    assert "was stopped after the 8 s limit of a cell" in json.dumps(rows["endless_loop"].cells)


@pytest.mark.skipif(bwrap_path() is None, reason="bubblewrap is not available: no file-system/network isolation")
def test_no_escape_from_the_sandbox(corpus):
    rows, outside, listener, *_ = corpus
    assert not outside.exists(), "a submission wrote outside its scratch folder"
    assert not listener.connected, "a submission reached a server on the host"
    assert rows["escape"].score == 3  # the source notebook was not readable: the assert in the cell held


def test_same_scores_with_one_worker(corpus, mini_course, tmp_path):
    rows, _, _, _, subs, limits = corpus
    again = Batch(subs, tmp_path, mini_course, limits=limits, workers=1)
    jobs = {job.student_id: job for job in scan(subs, again.known)}
    for student in ["honest", "always_eq", "calls_reference", "deleted_tests_honest"]:
        row = again.grade_job(jobs[student])
        assert row.score == rows[student].score
