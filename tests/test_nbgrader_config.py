"""The root nbgrader_config.py: the Formgrader of `make instructor-lab` sees every week of the course."""
import runpy
import shutil
from pathlib import Path

from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]


def _load(repo: Path) -> Config:
    c = Config()
    runpy.run_path(str(repo / "nbgrader_config.py"), init_globals={"get_config": lambda: c})
    return c


def test_every_week_folder_is_an_nbgrader_assignment(tmp_path):
    repo = tmp_path / "repo"
    for week in ("course1/week2", "course2/week3"):
        (repo / week).mkdir(parents=True)
        shutil.copy(ROOT / "course1" / "week2" / "numpy_basics.ipynb", repo / week / "numpy_basics.ipynb")
    (repo / ".venv").mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", repo / "nbgrader_config.py")
    c = _load(repo)
    _load(repo)  # loading twice (every server start) keeps the links as they are
    course = repo / ".venv" / "nbgrader-course"
    assert c.CourseDirectory.root == str(course)
    assert (course / "source" / "c2w3").resolve() == (repo / "course2" / "week3").resolve()

    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    c.CourseDirectory.db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    api = NbGraderAPI(CourseDirectory(config=c), config=c)
    assert api.get_source_assignments() == {"c1w2", "c2w3"}


def test_without_a_venv_nothing_is_written(tmp_path):
    repo = tmp_path / "repo"
    (repo / "course1" / "week1").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", repo / "nbgrader_config.py")
    c = _load(repo)
    assert "root" not in c.CourseDirectory
    assert not (repo / ".venv").exists()
