"""A tiny course (one notebook, two exercises) built in a temporary folder, for grading tests."""
import json
import textwrap
from pathlib import Path

import pytest

from autograder.authoring import build_all

MINI = textwrap.dedent('''\
    # %% [markdown]
    # # Mini
    # %% kind="setup"
    import numpy as np
    from autograder import check
    # %% id="sigmoid" kind="solution"
    def sigmoid(z):
        ### BEGIN SOLUTION
        return 1 / (1 + np.exp(-z))
        ### END SOLUTION
    # %% id="sigmoid_test" kind="test" points=1
    check("c1w2.sigmoid", sigmoid)
    ### BEGIN HIDDEN TESTS
    check("c1w2.sigmoid", sigmoid, hidden=True)
    ### END HIDDEN TESTS
    # %% id="L1" kind="solution"
    def L1(yhat, y):
        ### BEGIN SOLUTION
        return float(np.sum(np.abs(y - yhat)))
        ### END SOLUTION
    # %% id="L1_test" kind="test" points=2
    check("c1w2.L1", L1)
    ### BEGIN HIDDEN TESTS
    check("c1w2.L1", L1, hidden=True)
    ### END HIDDEN TESTS
    ''')


@pytest.fixture(scope="session")
def mini_course(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("course")
    src = root / "authoring" / "course1" / "week2" / "mini.py"
    src.parent.mkdir(parents=True)
    src.write_text(MINI)
    build_all(root)
    return root


def _edit_solution(nb_path: Path, old: str, new: str, out: Path) -> None:
    """Copy a notebook to ``out`` with ``old`` replaced by ``new`` in its cells."""
    nb = json.loads(nb_path.read_text())
    for cell in nb["cells"]:
        cell["source"] = [line.replace(old, new) for line in cell["source"]]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(nb))


@pytest.fixture(scope="session")
def edit_solution():
    """A function copying a notebook with one piece of its source replaced (to plant a mistake)."""
    return _edit_solution
