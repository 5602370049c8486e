"""The notebook builder: metadata, errors, committed notebooks in step with their sources,
and sources that are valid Python which jupytext opens as the same notebook."""
import json
import py_compile
import subprocess
import sys

import jupytext
import pytest

from autograder.authoring import SourceError, build_all, build_notebook, read_cells, render, sources
from autograder.course import default_root

SOURCES = [src for src, _ in sources(default_root())]


def _build(tmp_path, text):
    p = tmp_path / "nb.py"
    p.write_text(text)
    return build_notebook(p)


def test_cells_and_metadata(tmp_path):
    nb = _build(tmp_path, "# %% [markdown]\n# # T\n#\n# x\n# %% kind=\"setup\"\nimport numpy\n# %matplotlib inline\n"
                "# %% id=\"f\" kind=\"solution\"\n"
                "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n"
                "# %% id=\"f_test\" kind=\"test\" points=2\ncheck(\"c1w2.L1\", f)\n"
                "# %% kind=\"test\" points=0.5\ncheck(\"c1w2.L1\", f)\n# %%\nprint(1)\n")
    kinds = [c["cell_type"] for c in nb["cells"]]
    assert kinds == ["markdown", "code", "code", "code", "code", "code"]
    assert "".join(nb["cells"][0]["source"]) == "# T\n\nx"
    assert "".join(nb["cells"][1]["source"]) == "import numpy\n%matplotlib inline"
    meta = [c["metadata"].get("nbgrader") for c in nb["cells"]]
    assert meta[1]["locked"] and not meta[1]["grade"] and meta[1]["grade_id"] == "setup_1"
    assert meta[2]["solution"] and not meta[2]["locked"] and meta[2]["grade_id"] == "f"
    assert meta[3]["grade"] and meta[3]["points"] == 2 and meta[3]["locked"]
    assert meta[4]["grade_id"] == "test_2" and meta[4]["points"] == 0.5
    assert meta[5] is None
    json.loads(render(nb))


def test_magics_are_uncommented_once_like_jupytext(tmp_path):
    text = "# %%\n# %time x = 1\nif x:\n    # %ls\n# # %load_ext foo\n# 50% of the data\n#%pwd\n"
    nb = _build(tmp_path, text)
    expected = "%time x = 1\nif x:\n    %ls\n# %load_ext foo\n# 50% of the data\n%pwd"
    assert "".join(nb["cells"][0]["source"]) == expected
    assert jupytext.reads(text, fmt="py:percent").cells[0].source == expected


@pytest.mark.parametrize("text, needle", [
    ("x = 1\n", "before the first"),
    ("# %% [setup]\n", "cell kinds are cell metadata: write '# %% kind=\"setup\"'"),
    ("# %% [raw]\n", "unknown cell type \\[raw\\]"),
    ("# %% kind=\"wat\"\n", "unknown cell kind 'wat'"),
    ("# %% kind=setup\n", "not JSON"),
    ("# %% colour=\"red\"\n", "unknown cell metadata 'colour'"),
    ("# %% kind=\"locked\" kind=\"setup\"\n", "given twice"),
    ("# %% A title\n", "cannot read the cell metadata 'A title'"),
    ("#%% kind=\"locked\"\n", "write a cell header as '# %%'"),
    ("# %% [markdown] kind=\"locked\"\n# x\n", "no metadata"),
    ("# %% id=\"t\"\n", "id must be a non-empty string on a cell with a kind"),
    ("# %% id=\"t\" kind=\"test\"\ncheck(\"c1w2.L1\", L1)\n", "needs points"),
    ("# %% kind=\"test\" points=\"2\"\ncheck(\"c1w2.L1\", L1)\n", "positive number"),
    ("# %% kind=\"locked\" points=1\n", "only kind=\"test\" cells carry points"),
    ("# %% id=\"t\" kind=\"test\" points=1\nassert L1(1, 1) == 0\n", "only check"),
    ("# %% id=\"s\" kind=\"solution\"\nx = 1\n", "BEGIN SOLUTION"),
    ("# %% [markdown]\nnot a comment\n", "nb.py:2: markdown lines must start with '# '"),
    ("# %% kind=\"setup\"\n\nimport numpy\n%matplotlib inline\n", "nb.py:4: comment this IPython line"),
    ("# %% kind=\"setup\"\n!pip install numpy\n", "'# !pip install numpy'"),
    ("# %% id=\"a\" kind=\"setup\"\n# %% id=\"a\" kind=\"locked\"\n", "used twice"),
    ("# %% [markdown]\n# write between ### BEGIN SOLUTION and the end\n", "outside a kind=\"solution\" cell"),
    ("# %% kind=\"locked\"\n### BEGIN HIDDEN TESTS\n", "outside a kind=\"test\" cell"),
])
def test_source_errors(tmp_path, text, needle):
    with pytest.raises(SourceError, match=needle):
        _build(tmp_path, text)


def test_committed_notebooks_match_their_sources():
    stale = build_all(default_root(), check_only=True)
    assert stale == [], f"run `python -m autograder build`: out of date {stale}"


def test_there_are_sources():
    assert len(SOURCES) >= 15


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_every_source_is_valid_python(src, tmp_path):
    py_compile.compile(str(src), cfile=str(tmp_path / "out.pyc"), doraise=True)


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_jupytext_opens_every_source_as_the_notebook_the_builder_reads(src, tmp_path):
    """What an instructor sees in JupyterLab (jupytext) is what the builder builds: same cells, same
    text, same kinds/ids/points; and saving it back (through an .ipynb file) rewrites the source unchanged."""
    cells = read_cells(src)
    ipynb = tmp_path / "nb.ipynb"
    jupytext.write(jupytext.read(src, fmt="py:percent"), ipynb)
    nb = jupytext.read(ipynb)
    assert len(nb.cells) == len(cells)
    for jc, sc in zip(nb.cells, cells):
        where = f"{src.name}:{sc.lineno}"
        assert jc.cell_type == ("markdown" if sc.kind == "markdown" else "code"), where
        assert jc.source.strip("\n") == sc.text, where
        assert {k: v for k, v in jc.metadata.items() if k in ("kind", "id", "points")} == sc.metadata, where
    assert jupytext.writes(nb, fmt="py:percent") == src.read_text(encoding="utf-8"), \
        f"{src.name}: jupytext writes it back differently (keys in alphabetical order, as jupytext saves them?)"


def test_jupytext_command_line_round_trip(tmp_path):
    """The instructor's command: `jupytext --to ipynb` and back keeps the kinds, ids and points."""
    src = next(p for p in SOURCES if p.name == "logistic_regression.py")
    ipynb, back = tmp_path / "lr.ipynb", tmp_path / "lr.py"
    jt = [sys.executable, "-m", "jupytext", "--quiet"]
    subprocess.run(jt + ["--to", "ipynb", "--output", str(ipynb), str(src)], check=True)
    meta = [c["metadata"] for c in json.loads(ipynb.read_text())["cells"]]
    assert {"id": "propagate", "kind": "solution"} in meta
    assert {"id": "propagate_test", "kind": "test", "points": 2} in meta
    assert sum(m.get("kind") == "setup" for m in meta) == 1
    subprocess.run(jt + ["--to", "py:percent", "--output", str(back), str(ipynb)], check=True)
    assert back.read_text() == src.read_text()
    # and the builder builds the same notebook from the round-tripped file
    assert render(build_notebook(back)) == render(build_notebook(src))
