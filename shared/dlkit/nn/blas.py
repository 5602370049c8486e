"""How many threads numpy's BLAS uses, changed for a block of code.

Training loops call many small matrix products (a mini-batch of 32 examples
through a dense layer). Split over several threads they gain little, and when
the machine is busy with another program they lose a lot: the BLAS threads
wait for each other at every product, and a waiting thread may not get a core
for a whole time slice. On a 2-core machine with one other busy process we
measured the Course 2 Week 3 training run 10 times slower with 2 threads than
with 1. So ``dlkit.nn.fit`` runs with one BLAS thread by default:

    with limit_blas_threads(1):
        ...                      # numpy's matrix products use one thread here

The work is done by threadpoolctl, which knows OpenBLAS, MKL and BLIS; where
it finds no BLAS it can control, the block runs unchanged.
"""
from __future__ import annotations

import contextlib

import numpy  # noqa: F401  (threadpoolctl sees only the libraries already loaded)
from threadpoolctl import threadpool_info, threadpool_limits


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
