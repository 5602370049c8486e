"""Benchmark: the slowest notebooks of each course, on a quiet machine and beside a busy neighbour.

    python benchmarks/busy_bench.py [--busy 2] [NOTEBOOK ...]
    python benchmarks/busy_bench.py --scan [NOTEBOOK ...]   # time notebooks quiet, slowest first

Each notebook is executed whole with ``jupyter nbconvert --to notebook
--execute`` into a temporary file, first on the quiet machine, then while
``--busy`` CPU-bound Python processes (started here, killed afterwards) spin
beside it. Prints notebook, quiet seconds, busy seconds and busy/quiet.
Goals: busy <= 2x quiet for every notebook, and no notebook over 60 s quiet.

The notebooks run with the thread settings a student gets: the BLAS thread
variables (``OPENBLAS_NUM_THREADS``...) are removed from their environment, so
the default (and ``DLKIT_BLAS_THREADS``, passed through when set) is what is
measured. The default notebooks are the slowest of each course measured with
``--scan`` on the 2-core development machine (quiet, before dlkit.threads):
deep_nn_application 45 s; building_a_framework 15.4 s and optimization_methods
15.3 s (a tie), then regularization 12.5 s; ml_strategy_2 10.6 s, ml_strategy_1 7.8 s.
"""
from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SLOWEST = (
    "course1/week4/deep_nn_application.ipynb",
    "course2/week3/building_a_framework.ipynb",
    "course2/week2/optimization_methods.ipynb",
    "course3/week2/ml_strategy_2.ipynb",
)
BLAS_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                  "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
RATIO_GOAL = 2.0
QUIET_GOAL = 60.0


def _spin() -> None:
    """Keep one core busy until killed."""
    x = 0
    while True:
        x = (x * 1103515245 + 12345) % 2147483648


@contextlib.contextmanager
def busy_neighbour(processes: int):
    """Run the block beside ``processes`` CPU-bound processes; they are killed when it ends."""
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(processes)]
    for p in spinners:
        p.start()
    try:
        time.sleep(1.0)          # let them get going before the clock starts
        yield
    finally:
        for p in spinners:
            p.kill()
        for p in spinners:
            p.join()


def _notebook_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in BLAS_VARIABLES}
    env.setdefault("MPLBACKEND", "Agg")
    return env


def run_notebook(path: Path, timeout: int) -> float:
    """Execute one notebook with nbconvert and return the wall-clock seconds it took."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                   f"--ExecutePreprocessor.timeout={timeout}", "--output-dir", tmp,
                   "--output", "executed.ipynb", str(path)]
        start = time.perf_counter()
        result = subprocess.run(command, cwd=path.parent, env=_notebook_env(),
                                capture_output=True, text=True)
        seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{path} failed to execute:\n{result.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help=f"notebooks to run (default: {', '.join(SLOWEST)})")
    parser.add_argument("--busy", type=int, default=2, help="CPU-bound neighbour processes (default 2)")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds allowed per cell")
    parser.add_argument("--scan", action="store_true",
                        help="time every course notebook quiet and list them slowest first")
    args = parser.parse_args(argv)
    if args.busy < 1:
        parser.error(f"--busy must be at least 1, got {args.busy}")

    if args.scan:
        paths = [Path(n).resolve() for n in args.notebooks] or sorted(ROOT.glob("course*/week*/*.ipynb"))
        times = [(run_notebook(p, args.timeout), p) for p in paths]
        for seconds, p in sorted(times, reverse=True):
            print(f"{seconds:8.1f} s  {p.relative_to(ROOT)}", flush=True)
        return 0

    paths = [Path(n).resolve() for n in args.notebooks] or [ROOT / n for n in SLOWEST]
    for p in paths:
        if not p.is_file():
            parser.error(f"no notebook {p}")
    print(f"DLKIT_BLAS_THREADS={os.environ.get('DLKIT_BLAS_THREADS', '(unset)')}, "
          f"busy neighbour: {args.busy} spinning processes", flush=True)
    rows = []
    for p in paths:
        quiet = run_notebook(p, args.timeout)
        with busy_neighbour(args.busy):
            busy = run_notebook(p, args.timeout)
        rows.append((str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p), quiet, busy))
        print(f"  done {rows[-1][0]}: quiet {quiet:.1f} s, busy {busy:.1f} s", flush=True)

    width = max(len("notebook"), *(len(r[0]) for r in rows))
    print(f"\n{'notebook':<{width}}  {'quiet s':>8}  {'busy s':>8}  {'busy/quiet':>10}")
    ok = True
    for name, quiet, busy in rows:
        ratio = busy / quiet
        ok &= ratio <= RATIO_GOAL and quiet <= QUIET_GOAL
        print(f"{name:<{width}}  {quiet:8.1f}  {busy:8.1f}  {ratio:10.2f}")
    print(f"\ngoal: busy/quiet <= {RATIO_GOAL} and quiet <= {QUIET_GOAL:.0f} s: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
