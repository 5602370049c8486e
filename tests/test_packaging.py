"""The project's own files agree with each other: pyproject vs environment.yml, README commands."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r): r.replace(" ", "") for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = {}
    text = (ROOT / "environment.yml").read_text()
    for line in text[text.index("dependencies:"):].splitlines():
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.\-]+)(.*)$", line)
        if m and m.group(1) not in ("pip", "python") and not line.strip().startswith("- -e"):
            env[_name(m.group(1))] = (m.group(1) + m.group(2)).replace(" ", "")
    assert sorted(env) == sorted(wanted)
    for name, req in wanted.items():
        assert env[name] == req, f"{name}: pyproject says {req}, environment.yml says {env[name]}"


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text()
    first = text.index("make lab")
    assert first < text.index("## ") or first < 1500
    assert "make test" in text


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
