"""The notebook builder: metadata, errors, and committed notebooks in step with their sources."""
import json

import pytest

from autograder.authoring import SourceError, build_all, build_notebook, render
from autograder.course import default_root


def _build(tmp_path, text):
    p = tmp_path / "nb.py"
    p.write_text(text)
    return build_notebook(p)


def test_cells_and_metadata(tmp_path):
    nb = _build(tmp_path, "# %% [markdown]\n# # T\n#\n# x\n# %% [setup]\nimport numpy\n"
                "# %% [solution] id=f\ndef f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n"
                "# %% [test] id=f_test points=2\ncheck(\"c1w2.L1\", f)\n# %%\nprint(1)\n")
    kinds = [c["cell_type"] for c in nb["cells"]]
    assert kinds == ["markdown", "code", "code", "code", "code"]
    assert "".join(nb["cells"][0]["source"]) == "# T\n\nx"
    meta = [c["metadata"].get("nbgrader") for c in nb["cells"]]
    assert meta[1]["locked"] and not meta[1]["grade"] and meta[1]["grade_id"] == "setup_1"
    assert meta[2]["solution"] and not meta[2]["locked"] and meta[2]["grade_id"] == "f"
    assert meta[3]["grade"] and meta[3]["points"] == 2 and meta[3]["locked"]
    assert meta[4] is None
    json.loads(render(nb))


@pytest.mark.parametrize("text, needle", [
    ("x = 1\n", "before the first"),
    ("# %% [wat]\n", "unknown cell kind"),
    ("# %% [test] id=t\ncheck(\"c1w2.L1\", L1)\n", "needs points"),
    ("# %% [test] id=t points=1\nassert L1(1, 1) == 0\n", "only check"),
    ("# %% [solution] id=s\nx = 1\n", "BEGIN SOLUTION"),
    ("# %% [markdown]\nnot a comment\n", "must start with '# '"),
    ("# %% [setup] id=a\n# %% [locked] id=a\n", "used twice"),
    ("# %% [markdown]\n# write between ### BEGIN SOLUTION and the end\n", "outside a \\[solution\\] cell"),
    ("# %% [locked]\n### BEGIN HIDDEN TESTS\n", "outside a \\[test\\] cell"),
])
def test_source_errors(tmp_path, text, needle):
    with pytest.raises(SourceError, match=needle):
        _build(tmp_path, text)


def test_committed_notebooks_match_their_sources():
    stale = build_all(default_root(), check_only=True)
    assert stale == [], f"run `python -m autograder build`: out of date {stale}"
