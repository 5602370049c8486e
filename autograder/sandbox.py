"""Run a command for one submission with limits and, where possible, in a sandbox.

On Linux with bubblewrap (``bwrap``) the command sees the machine read-only,
a private ``/tmp``, no network (a loopback of its own, which the kernel
needs), its own process tree, and exactly one writable folder: the
submission's scratch folder. Paths that must stay secret (source notebooks,
the repository's history, other submissions, the grade book and the output
folder) are covered by empty folders. Everywhere, the command gets a memory
cap (address space) and a wall-clock limit after which its whole process
group is killed. Without bubblewrap, grading still works and says once that
isolation is partial.
"""
from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

_warned = threading.Event()


@dataclass
class Limits:
    """Per-submission limits: seconds per cell, seconds for the whole notebook, memory in MiB."""

    cell_timeout: int = 120
    notebook_timeout: int = 600
    memory_mb: int = 6144
    threads: int | None = None  # BLAS/OpenMP threads per kernel; None: kernel_threads(workers), set by the batch


@dataclass
class RunResult:
    returncode: int | None
    timed_out: bool
    output: str
    isolated: bool


def bwrap_path() -> str | None:
    """The bubblewrap binary when it exists and can create namespaces here, else None."""
    path = shutil.which("bwrap")
    if not path:
        return None
    try:
        ok = subprocess.run([path, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                            capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return path if ok else None


def runtime_paths() -> list[Path]:
    """What the submission's kernel must read: Python, the installed packages, the data cache.

    They are bound again (read-only) after the private ``/tmp`` is mounted, since a
    checkout or a virtual environment may itself live under ``/tmp``.
    """
    import autograder
    import dlkit
    from dlkit.data import cache_dir

    paths = [Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent,
             Path(autograder.__file__).resolve().parents[1], Path(dlkit.__file__).resolve().parents[1],
             cache_dir().resolve()]
    out: list[Path] = []
    for p in paths:
        p = p.resolve()
        if p.exists() and p != Path("/") and p not in out:
            out.append(p)
    return out


def _bwrap_argv(bwrap: str, scratch: Path, hide: list[Path], argv: list[str]) -> list[str]:
    cmd = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    for path in runtime_paths():
        if str(path).startswith("/tmp/") or path == Path("/tmp"):
            cmd += ["--ro-bind", str(path), str(path)]
    for path in hide:
        if path.is_dir():
            cmd += ["--tmpfs", str(path)]
        elif path.exists():
            cmd += ["--ro-bind", "/dev/null", str(path)]
    cmd += ["--bind", str(scratch), str(scratch), "--chdir", str(scratch),
            "--unshare-all", "--die-with-parent", "--new-session", "--"]
    return cmd + argv


def run(argv: list[str], scratch: Path, hide: list[Path], limits: Limits, env: dict[str, str],
        bwrap: str | None) -> RunResult:
    """Run ``argv`` in ``scratch`` under the limits (inside bubblewrap when ``bwrap`` is given)."""
    scratch = Path(scratch).resolve()
    if bwrap is None and not _warned.is_set():
        _warned.set()
        print("warning: bubblewrap (bwrap) is not available: submissions run with time and memory limits "
              "but without file-system and network isolation (isolation is partial)", file=sys.stderr)
    full = _bwrap_argv(bwrap, scratch, [Path(h).resolve() for h in hide], argv) if bwrap else argv
    mem = limits.memory_mb * 2**20
    # Limits are set before the command starts, by util-linux's prlimit, so everything it starts
    # (runner, kernel) inherits them; a new session lets the whole group be killed. (No preexec_fn:
    # grading runs in threads, where preexec_fn is unsafe.)
    prlimit = shutil.which("prlimit")
    if prlimit:
        full = [prlimit, f"--as={mem}", "--core=0", "--"] + full
    proc = subprocess.Popen(full, cwd=scratch, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    if not prlimit:
        try:
            resource.prlimit(proc.pid, resource.RLIMIT_AS, (mem, mem))
        except (ProcessLookupError, PermissionError, OSError):
            pass
    try:
        out, _ = proc.communicate(timeout=limits.notebook_timeout)
        return RunResult(proc.returncode, False, out.decode(errors="replace")[-5000:], bwrap is not None)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        return RunResult(None, True, out.decode(errors="replace")[-5000:], bwrap is not None)


def kernel_threads(workers: int = 1) -> int:
    """BLAS threads for each of ``workers`` kernels run at once: dlkit's training rule
    (``dlkit.threads.blas_threads_for_training``) on each kernel's share of the CPUs this process really has."""
    from dlkit.threads import available_cpus, blas_threads_for_training

    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    return blas_threads_for_training(cpus=max(1, available_cpus() // workers))


def child_env(scratch: Path, extra: dict[str, str] | None = None, threads: int | None = None) -> dict[str, str]:
    """A minimal environment for the submission: its home, runtime and config folders inside scratch.

    ``threads`` -- BLAS threads for the kernel (None: ``kernel_threads()``); also passed as
    ``DLKIT_BLAS_THREADS``, so dlkit's limit inside the kernel agrees with the BLAS variables.
    """
    scratch = Path(scratch).resolve()
    threads = kernel_threads() if threads is None else threads
    bindir = str(Path(sys.executable).parent)
    env = {
        "PATH": bindir + os.pathsep + "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(scratch / "home"),
        "JUPYTER_RUNTIME_DIR": str(scratch / "home" / "runtime"),
        "JUPYTER_CONFIG_DIR": str(scratch / "home" / "jupyter"),
        "JUPYTER_DATA_DIR": str(scratch / "home" / "jupyter-data"),
        "IPYTHONDIR": str(scratch / "home" / "ipython"),
        "MPLCONFIGDIR": str(scratch / "home" / "mpl"),
        "MPLBACKEND": "Agg",
        "PYTHONHASHSEED": "0",
        "OMP_NUM_THREADS": str(threads),
        "OPENBLAS_NUM_THREADS": str(threads),
        "MKL_NUM_THREADS": str(threads),
        "DLKIT_BLAS_THREADS": str(threads),
        "LANG": "C.UTF-8",
    }
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "DLC_COURSE_ROOT"):
        if key in os.environ:
            env[key] = os.environ[key]
    from dlkit.data import cache_dir

    env["DLKIT_CACHE_DIR"] = str(cache_dir())  # the grader's cache, filled beforehand, read-only inside
    env.update(extra or {})
    for key in ("HOME", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    return env
