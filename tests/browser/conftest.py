"""Fixtures for the browser tests: a JupyterLab server started like `make lab`, and a headless chromium.

The server is the project's own `jupyter lab --ServerApp.root_dir=<root>`, run from
the root folder (as `make lab` runs from the repository), with a throw-away HOME
and Jupyter config/data/runtime folders, a random token, a free localhost port and
no browser of its own. Its root is a temporary folder that holds the student
release of c1w2 and a copy of the source notebook; the repository is never written to
(except screenshots under ``$DLC_ARTIFACTS``, default ``artifacts/browser/``).

Chromium is Debian's ``/usr/bin/chromium`` (or ``$DLC_CHROMIUM``) driven by the
``playwright`` package; without either the tests are skipped with the reason.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LR_SOURCE = REPO / "course1" / "week2" / "logistic_regression.ipynb"

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 1000}
SERVER_START_TIMEOUT = 120


def artifacts_dir() -> Path:
    path = Path(os.environ.get("DLC_ARTIFACTS") or REPO / "artifacts" / "browser")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _chromium_path() -> str | None:
    for candidate in (os.environ.get("DLC_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _venv_bin() -> Path:
    """The bin folder `make lab` uses (.venv/bin); the running interpreter's when there is no .venv."""
    venv = REPO / ".venv" / "bin"
    return venv if (venv / "jupyter").exists() else Path(sys.executable).parent


@pytest.fixture(scope="session")
def browser_tools():
    """(playwright.sync_api, chromium path), or skip: checked before any server is started."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", exc_type=ImportError,  # absent, or broken (e.g. its greenlet missing)
        reason="the Python package `playwright` cannot be imported (pip install playwright; "
               "no `playwright install` needed, the tests use Debian's chromium)")
    exe = _chromium_path()
    if exe is None:
        pytest.skip("no chromium found (apt-get install chromium, or set DLC_CHROMIUM=/path/to/chromium)")
    return sync_api, exe


@pytest.fixture(scope="module")
def browser(browser_tools):
    sync_api, exe = browser_tools
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"chromium at {exe} cannot be started by playwright: {str(exc).splitlines()[0]}")
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _default_dlkit_cache() -> str:
    """Where dlkit caches its generated data for the real user, so the temporary HOME reuses it."""
    if os.environ.get("DLKIT_CACHE_DIR"):
        return os.environ["DLKIT_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "dlkit")


@dataclass
class Lab:
    url: str
    token: str
    root: Path
    log: Path
    proc: subprocess.Popen = field(repr=False)

    def lab_url(self, workspace: str, path: str = "") -> str:
        """The JupyterLab URL for `path` in a workspace of its own (no tabs from other tests)."""
        tree = f"/tree/{path}" if path else ""
        return f"{self.url}/lab/workspaces/{workspace}{tree}?token={self.token}"

    def shutdown_kernels(self) -> None:
        """Stop every kernel (a test's notebooks are done; free the memory for the next one)."""
        headers = {"Authorization": f"token {self.token}"}
        req = urllib.request.Request(f"{self.url}/api/kernels", headers=headers)
        with urllib.request.urlopen(req, timeout=10) as r:
            kernels = json.load(r)
        for k in kernels:
            req = urllib.request.Request(f"{self.url}/api/kernels/{k['id']}", method="DELETE", headers=headers)
            urllib.request.urlopen(req, timeout=30).close()


def _release_c1w2(dest: Path, cwd: Path) -> None:
    """`python -m autograder release --out <dest> c1w2`, run from outside the repository."""
    res = subprocess.run([str(_venv_bin() / "python"), "-m", "autograder", "release", "--out", str(dest), "c1w2"],
                         cwd=cwd, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, f"release failed ({res.returncode}):\n{res.stdout}\n{res.stderr}"


def _start(root: Path, home: Path, port: int, token: str, log: Path) -> subprocess.Popen:
    env = dict(os.environ)
    env.update({
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTER_DATA_DIR": str(home / ".local" / "share" / "jupyter"),
        "JUPYTER_RUNTIME_DIR": str(home / ".local" / "share" / "jupyter" / "runtime"),
        "DLKIT_CACHE_DIR": _default_dlkit_cache(),
        # as `make lab`: the venv's bin first on PATH (nbgrader's gradebook runs the `alembic` command)
        "PATH": f"{_venv_bin()}{os.pathsep}{os.environ.get('PATH', '')}",
    })
    for var in ("JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "JUPYTER_PATH", "JUPYTER_TOKEN"):
        env.pop(var, None)
    cmd = [str(_venv_bin() / "jupyter"), "lab", f"--ServerApp.root_dir={root}",
           # what a test needs on top of `make lab`: a fixed port, a known token, no browser
           "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI containers run as root; jupyter refuses without this flag
    with open(log, "ab") as out:
        return subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def _wait_ready(proc: subprocess.Popen, url: str, token: str) -> bool:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as r:
                if r.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.5)
    return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # jupyter shuts its kernels down on SIGTERM
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the session this fixture created: server and its kernels
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def lab(browser_tools, tmp_path_factory):
    """A running JupyterLab whose root holds release/c1w2/ (student versions),
    validate/c1w2/ (another student copy), course1/week2/ (a copy of the source notebook)
    and the repository's nbgrader_config.py."""
    base = tmp_path_factory.mktemp("lab")
    root, home = base / "root", base / "home"
    root.mkdir()
    home.mkdir()
    _release_c1w2(root / "release", cwd=base)
    shutil.copytree(root / "release" / "c1w2", root / "validate" / "c1w2")
    (root / "course1" / "week2").mkdir(parents=True)
    shutil.copy(LR_SOURCE, root / "course1" / "week2" / LR_SOURCE.name)
    # the repository's nbgrader settings, as `make lab` finds them (exchange and Formgrader course in .venv/)
    shutil.copy(LR_SOURCE.parents[2] / "nbgrader_config.py", root / "nbgrader_config.py")
    (root / ".venv" / "nbgrader-exchange").mkdir(parents=True)

    log = base / "jupyter-server.log"
    token = secrets.token_hex(16)
    proc, url = None, ""
    for _ in range(3):  # a port taken between _free_port() and bind(): try another
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        proc = _start(root, home, port, token, log)
        if _wait_ready(proc, url, token):
            break
        _stop(proc)
        proc = None
    if proc is None:
        pytest.fail("JupyterLab did not start:\n" + log.read_text(errors="replace")[-4000:])
    server = Lab(url=url, token=token, root=root, log=log, proc=proc)
    try:
        yield server
    finally:
        _stop(proc)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        shutil.copy(log, artifacts_dir() / f"jupyter-server-{worker}.log")


class JsErrors:
    """Console errors and uncaught exceptions of a page and its frames (iframes included)."""

    # (substring of the message, why it is not a failure). Nothing has needed ignoring:
    # JupyterLab 4.6 and nbgrader 0.9.6 log no console error on these pages. (Warnings,
    # e.g. chromium's note on the Formgrader iframe's sandbox flags, are saved, not failed.)
    IGNORED: list[tuple[str, str]] = []

    def __init__(self, page):
        self.errors: list[str] = []
        self.ignored: list[str] = []
        self.log: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", self._pageerror)

    def _console(self, msg) -> None:
        where = msg.location.get("url", "") if isinstance(msg.location, dict) else ""
        self.log.append(f"[{msg.type}] {msg.text}  ({where})")
        if msg.type == "error":
            self._add(f"console.error: {msg.text}  ({where})")

    def _pageerror(self, exc) -> None:
        self.log.append(f"[pageerror] {exc}")
        self._add(f"pageerror: {exc}")

    def _add(self, text: str) -> None:
        for needle, _why in self.IGNORED:
            if needle in text:
                self.ignored.append(text)
                return
        self.errors.append(text)


@pytest.fixture
def page(browser, lab, request):
    """A fresh browser context and page; console errors collected, console log saved with the screenshots."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(60_000)
    pg = context.new_page()
    pg.js_errors = JsErrors(pg)
    pg.artifacts = artifacts_dir()
    yield pg
    (artifacts_dir() / f"{request.node.name}-console.txt").write_text("\n".join(pg.js_errors.log) + "\n")
    context.close()
    lab.shutdown_kernels()
