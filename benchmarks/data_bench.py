"""Benchmark: generation and cached-load time of every registered data set of ``dlkit.data``.

    python benchmarks/data_bench.py [--repeats 5]

For each data set of ``dlkit.data.registered()`` (default seed), in a fresh
temporary cache folder (your own cache is left alone):

- ``generate``: the generator alone, arrays in memory;
- ``first load``: the public loader on an empty cache (generate, write the h5
  files atomically, read them back and check them against the schema);
- ``cached load``: the loader once the files exist (median of ``--repeats``);
- the size of the cached files and a fingerprint of what the loader returns
  (sha256 of every array's dtype, shape and bytes): a refactor that must not
  change a data set shows the same fingerprint before and after, and a changed
  generator a new one (then bump the data set's ``version``).

Then ``prepare_all()`` on the filled cache (what the grader pays when nothing
is missing). Timings live here rather than in the tests, where a loaded
machine made a wall-clock assert fail.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import tempfile
import time


def _seconds(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _fingerprint(arrays) -> str:
    h = hashlib.sha256()
    for a in arrays:
        h.update(f"{a.dtype.str}{a.shape}".encode())
        h.update(a.tobytes())
    return h.hexdigest()[:16]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeats", type=int, default=5, help="cached loads per data set (the median is shown)")
    args = p.parse_args()
    if args.repeats < 1:
        p.error("--repeats must be at least 1")
    with tempfile.TemporaryDirectory(prefix="dlkit-data-bench-") as tmp:
        os.environ["DLKIT_CACHE_DIR"] = tmp
        from dlkit import data

        sets = data.registered()
        print(f"{'data set':<16} {'version':>7} {'generate':>9} {'first load':>11} {'cached load':>12} {'files':>9}"
              "  fingerprint")
        for ds in sets:
            generate = _seconds(lambda ds=ds: ds.generate(seed=ds.default_seed))
            first = _seconds(ds.loader)
            cached = statistics.median(_seconds(ds.loader) for _ in range(args.repeats))
            fingerprint = _fingerprint(ds.loader())
            size = sum(p.stat().st_size for p in ds.cache_paths()) / 2**20
            print(f"{ds.name:<16} {ds.version:>7} {generate:>8.2f}s {first:>10.2f}s {cached * 1e3:>10.1f}ms "
                  f"{size:>7.1f}MB  {fingerprint}")
        warm = _seconds(lambda: data.prepare_all(progress=None))
        print(f"prepare_all() with every data set cached: {warm * 1e3:.0f} ms for {len(sets)} data sets")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
