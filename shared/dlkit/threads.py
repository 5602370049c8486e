"""How many BLAS threads a notebook's heavy work uses, decided in one place.

Training loops call many small matrix products (a batch of 209 pictures
through a 7-unit layer, a mini-batch of 32 through a dense layer). Split over
several threads they gain some speed on a quiet machine, and when the cores
are shared with another program they lose a lot: the BLAS threads wait for (and spin on) each other at
every product, and a waiting thread may not get a core for a whole time slice.
On the 2-core development machine, ``course1/week4/deep_nn_application.ipynb``
took 41-45 s quiet with OpenBLAS's default of 2 threads and 57-60 s with 1;
beside two CPU-bound processes, 216 s with 2 threads and 62 s with 1.

The rule (``blas_threads_for_training``): as many threads as there are CPUs
nobody else is running on right now, at least 1: all the CPUs this process
may really use (``available_cpus``: its CPU affinity and the cgroup CPU quota
of a Binder or JupyterHub container, not ``os.cpu_count()``) less the other
tasks running at this moment (``others_running``). The environment variable
``DLKIT_BLAS_THREADS`` overrides it, e.g. ``DLKIT_BLAS_THREADS=1 jupyter lab``.

Every course training loop in dlkit runs under the rule
(``@training_threads``), and importing dlkit in a Jupyter kernel applies it to
the whole kernel before every cell, so a student's own loop gets it too
(``follow_in_kernel``).
The work is done by threadpoolctl, which knows OpenBLAS, MKL and BLIS; where
it finds no BLAS it can control, the code runs unchanged.
"""
from __future__ import annotations

import contextlib
import functools
import math
import os
import warnings
from pathlib import Path

import numpy  # noqa: F401  (threadpoolctl sees only the libraries already loaded)
from threadpoolctl import threadpool_info, threadpool_limits

ENV_VARIABLE = "DLKIT_BLAS_THREADS"
CGROUP_ROOT = Path("/sys/fs/cgroup")
PROC_CGROUP = Path("/proc/self/cgroup")
PROC_STAT = Path("/proc/stat")

_kernel_limit = None  # the threadpool_limits object apply_to_kernel keeps alive


# -- the CPUs this process really has ---------------------------------------------------------

def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


def parse_cpu_max(text: str, source: str = "cpu.max") -> float | None:
    """CPUs allowed by a cgroup v2 ``cpu.max`` line ("200000 100000" -> 2.0; "max 100000" -> None)."""
    parts = text.split()
    if len(parts) not in (1, 2):
        raise ValueError(f"{source}: expected '<quota> <period>', got {text!r}")
    if parts[0] == "max":
        return None
    period = parts[1] if len(parts) == 2 else "100000"
    return _quota_over_period(parts[0], period, source)


def parse_cfs(quota_text: str, period_text: str, source: str = "cpu.cfs_quota_us") -> float | None:
    """CPUs allowed by cgroup v1 ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us`` (quota -1 -> None)."""
    if quota_text.strip() == "-1":
        return None
    return _quota_over_period(quota_text, period_text, source)


def _quota_over_period(quota: str, period: str, source: str) -> float:
    try:
        q, p = int(quota), int(period)
    except ValueError:
        raise ValueError(f"{source}: quota {quota!r} and period {period!r} should be whole "
                         f"microseconds") from None
    if q <= 0 or p <= 0:
        raise ValueError(f"{source}: quota {q} and period {p} should be positive")
    return q / p


def _this_and_parents(root: Path, relative: str) -> list[Path]:
    """``root/relative`` and each of its parents up to ``root`` (a limit on a parent applies too)."""
    parts = [p for p in relative.split("/") if p and p != ".."]
    return [root.joinpath(*parts[:k]) for k in range(len(parts), -1, -1)]


def cgroup_cpu_limit(cgroup_root: Path = CGROUP_ROOT, proc_cgroup: Path = PROC_CGROUP) -> float | None:
    """The CPU quota of this process's cgroup (v2 ``cpu.max`` or v1 CFS quota) in CPUs, None if unlimited.

    ``proc_cgroup`` lists the process's cgroups ("0::/user.slice/..." for v2,
    "4:cpu,cpuacct:/docker/..." for v1); the quota files are looked up in that
    cgroup and its parents under ``cgroup_root``, and the smallest quota wins.
    A file that cannot be read is skipped; one that cannot be parsed is skipped
    with a warning.
    """
    cgroup_root, proc_cgroup = Path(cgroup_root), Path(proc_cgroup)
    v2, v1 = {""}, {""}              # the root is checked too: inside a container it is the container's cgroup
    for line in (_read(proc_cgroup) or "").splitlines():
        fields = line.split(":", 2)
        if len(fields) != 3:
            continue
        hierarchy, controllers, path = fields
        if hierarchy == "0" and controllers == "":
            v2.add(path)
        elif "cpu" in controllers.split(","):
            v1.add(path)
    limits = []
    for relative in v2:
        for folder in _this_and_parents(cgroup_root, relative):
            text = _read(folder / "cpu.max")
            if text is not None:
                limits.append((parse_cpu_max, (text, str(folder / "cpu.max"))))
    for mount in ("cpu", "cpu,cpuacct", "cpuacct,cpu"):
        for relative in v1:
            for folder in _this_and_parents(cgroup_root / mount, relative):
                quota, period = _read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us")
                if quota is not None and period is not None:
                    limits.append((parse_cfs, (quota, period, str(folder / "cpu.cfs_quota_us"))))
    cpus = []
    for parse, args in limits:
        try:
            value = parse(*args)
        except ValueError as error:
            warnings.warn(f"dlkit.threads: ignoring an unreadable CPU quota: {error}", stacklevel=2)
            continue
        if value is not None:
            cpus.append(value)
    return min(cpus) if cpus else None


def available_cpus(cgroup_root: Path = CGROUP_ROOT, proc_cgroup: Path = PROC_CGROUP) -> int:
    """The CPUs this process may really use: its affinity, capped by the cgroup quota rounded down, >= 1."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):   # macOS and Windows have no sched_getaffinity
        n = os.cpu_count() or 1
    quota = cgroup_cpu_limit(cgroup_root, proc_cgroup)
    if quota is not None:
        n = min(n, math.floor(quota))
    return max(1, n)


# -- the rule ---------------------------------------------------------------------------------

def threads_from_environment(environ=None) -> int | None:
    """The thread count ``DLKIT_BLAS_THREADS`` asks for, None when it is unset or empty."""
    value = (os.environ if environ is None else environ).get(ENV_VARIABLE, "").strip()
    if not value:
        return None
    try:
        n = int(value)
    except ValueError:
        raise ValueError(f"{ENV_VARIABLE}={value!r} is not a whole number: set it to the number of "
                         f"BLAS threads training should use, e.g. {ENV_VARIABLE}=1") from None
    if n < 1:
        raise ValueError(f"{ENV_VARIABLE}={value!r} asks for {n} threads: it must be at least 1")
    return n


def others_running(proc_stat: Path = PROC_STAT) -> int:
    """Tasks running on the machine right now besides the caller (``procs_running`` in /proc/stat, minus 1).

    A snapshot, not the load average: the load average follows a new busy
    neighbour only over a minute. 0 where /proc/stat cannot be read.
    """
    for line in (_read(Path(proc_stat)) or "").splitlines():
        if line.startswith("procs_running"):
            try:
                return max(0, int(line.split()[1]) - 1)
            except (IndexError, ValueError):
                return 0
    return 0


def blas_threads_for_training(cpus: int | None = None, environ=None, busy: int | None = None) -> int:
    """How many BLAS threads training uses: ``DLKIT_BLAS_THREADS`` if set, else the CPUs nobody else is using.

    cpus -- the CPUs this work may use (default ``available_cpus()``); the grader passes its share per kernel
    busy -- tasks running beside this one (default ``others_running()``)

    The rule, ``max(1, cpus - busy)``: on a quiet machine every available CPU
    (deep_nn_application: 41 s with 2 threads against 57-60 s with 1 on the
    2-core machine), and as soon as another program keeps a core busy, fewer,
    down to 1 (beside two spinning processes: 62 s with 1 thread, 216 s with 2).
    """
    override = threads_from_environment(environ)
    if override is not None:
        return override
    cpus = available_cpus() if cpus is None else int(cpus)
    if cpus < 1:
        raise ValueError(f"cpus must be at least 1, got {cpus}")
    busy = others_running() if busy is None else int(busy)
    return max(1, cpus - busy)


# -- applying it ------------------------------------------------------------------------------

def blas_threads() -> int | None:
    """The number of threads numpy's BLAS uses now (None when threadpoolctl finds no BLAS)."""
    counts = [info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"]
    return max(counts) if counts else None


@contextlib.contextmanager
def limit_blas_threads(n: int | None = 1):
    """Run the block with at most ``n`` BLAS threads (``None``: leave them as they are)."""
    if n is None:
        yield
        return
    with threadpool_limits(limits=max(1, int(n)), user_api="blas"):
        yield


def training_threads(train):
    """Decorator: run the training function ``train`` with ``blas_threads_for_training()`` BLAS threads."""
    @functools.wraps(train)
    def run_with_training_threads(*args, **kwargs):
        with limit_blas_threads(blas_threads_for_training()):
            return train(*args, **kwargs)

    return run_with_training_threads


def in_jupyter_kernel() -> bool:
    """True inside a running Jupyter (ipykernel) kernel."""
    import sys

    app = sys.modules.get("ipykernel.kernelapp")
    return bool(app is not None and app.IPKernelApp.initialized())


def apply_to_kernel() -> int | None:
    """Limit the BLAS threads of this process to the training rule now; returns the count.

    Called when dlkit is imported in a Jupyter kernel, and again before every
    cell (an IPython ``pre_run_cell`` hook), so a student's own training loop,
    which dlkit does not wrap, follows the rule as the machine gets busy or
    quiet. Returns None when threadpoolctl finds no BLAS to limit.
    """
    global _kernel_limit
    n = blas_threads_for_training()
    _kernel_limit = threadpool_limits(limits=n, user_api="blas")
    return n if blas_threads() is not None else None


def follow_in_kernel() -> None:
    """Apply the rule to this kernel now and before each cell it runs from now on."""
    apply_to_kernel()
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None and _before_cell not in shell.events.callbacks["pre_run_cell"]:
        shell.events.register("pre_run_cell", _before_cell)


def _before_cell(info=None) -> None:
    apply_to_kernel()
