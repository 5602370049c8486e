"""The student workspace (`make lab`): released notebooks, made once, the student's edits kept across updates."""
import json
import shutil
import subprocess
import sys

import pytest

from autograder import workspace


@pytest.fixture
def course(mini_course, tmp_path):
    """A private copy of the mini course (the tests change its notebooks, as a repository update would)."""
    root = tmp_path / "course"
    shutil.copytree(mini_course / "course1", root / "course1")
    return root


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_workspace_is_made_once_and_keeps_the_students_work(course, tmp_path, monkeypatch):
    ws = tmp_path / "ws"
    run = subprocess.run([sys.executable, "-m", "autograder", "--root", str(course), "workspace", str(ws)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "made your workspace" in run.stdout and "1 notebooks" in run.stdout
    mine = ws / "course1" / "week2" / "mini.ipynb"
    text = mine.read_text()
    assert "raise NotImplementedError()" in text  # the released version: stubs ...
    assert "1 / (1 + np.exp(-z))" not in text and "hidden=True" not in text  # ... no solution, no hidden tests

    # the student works; a repository update adds a week
    _edit(mine, "raise NotImplementedError()", "return 1 / (1 + np.exp(-z))  # my own")
    (course / "course1" / "week3").mkdir()
    shutil.copy(course / "course1" / "week2" / "mini.ipynb", course / "course1" / "week3" / "extra.ipynb")
    released = []
    real_release = workspace._release_into_pristine

    def counting_release(folder, root, nbs, progress):
        released.extend(nbs)
        real_release(folder, root, nbs, progress)

    monkeypatch.setattr(workspace, "_release_into_pristine", counting_release)
    report = workspace.sync(ws, course)
    assert released == ["c1w3"]  # the unchanged week is not released again
    assert report.added == ["course1/week3/extra.ipynb"] and not report.offered and not report.first_time
    assert "# my own" in mine.read_text()
    extra = ws / "course1" / "week3" / "extra.ipynb"
    assert "raise NotImplementedError()" in extra.read_text()

    # both weeks change upstream: the edited notebook is kept (new version beside it, said once),
    # the untouched one is updated
    for nb in [course / "course1" / "week2" / "mini.ipynb", course / "course1" / "week3" / "extra.ipynb"]:
        _edit(nb, "# Mini", "# Mini, second edition")
    report = workspace.sync(ws, course)
    assert report.offered == ["course1/week2/mini.ipynb"] and report.updated == ["course1/week3/extra.ipynb"]
    assert "# my own" in mine.read_text()
    new = ws / "course1" / "week2" / "mini.new.ipynb"
    assert "second edition" in new.read_text() and "raise NotImplementedError()" in new.read_text()
    assert "second edition" in extra.read_text()
    assert any("mini.new.ipynb" in line for line in report.lines())
    again = workspace.sync(ws, course)
    assert (again.added, again.offered, again.updated, again.restored) == ([], [], [], [])
    assert again.lines() == [f"your workspace {ws}/ is up to date (2 notebooks)"]

    # a deleted notebook comes back fresh (the way to start over)
    mine.unlink()
    report = workspace.sync(ws, course)
    assert report.restored == ["course1/week2/mini.ipynb"]
    assert "second edition" in mine.read_text() and "# my own" not in mine.read_text()
    assert json.loads((ws / workspace.STATE).read_text())["notebooks"]["course1/week2/mini.ipynb"]["offered"] is None


def test_a_workspace_notebook_runs_from_the_workspace(course, tmp_path):
    """The released notebook imports autograder from its workspace folder: `check` scores it (0, not an error)."""
    ws = tmp_path / "ws"
    workspace.sync(ws, course)
    run = subprocess.run([sys.executable, "-m", "autograder", "check", "--timeout", "60",
                          str(ws / "course1" / "week2" / "mini.ipynb")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert "`sigmoid` is not written yet" in run.stdout and "ModuleNotFoundError" not in run.stdout
    assert run.stdout.rstrip().splitlines()[-1].split() == ["total", "0/3"]


def test_bad_workspace_folders_say_why(course, tmp_path):
    file = tmp_path / "afile"
    file.write_text("x")
    with pytest.raises(workspace.WorkspaceError, match="not a folder"):
        workspace.sync(file, course)
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / workspace.STATE).write_text("{not json")
    run = subprocess.run([sys.executable, "-m", "autograder", "--root", str(course), "workspace", str(ws)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "is damaged" in run.stderr and "Traceback" not in run.stderr
    with pytest.raises(workspace.WorkspaceError, match="no course notebooks"):
        workspace.sync(tmp_path / "ws2", tmp_path)
