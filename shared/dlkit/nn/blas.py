"""How many threads numpy's BLAS (OpenBLAS) uses, changed for a block of code.

Training loops call many small matrix products (a mini-batch of 32 examples
through a dense layer). Split over several threads they gain little, and when
the machine is busy with another program they lose a lot: OpenBLAS's threads
wait for each other at every product, and a waiting thread may not get a core
for a whole time slice. On a 2-core machine with one other busy process we
measured the Course 2 Week 3 training run 10 times slower with 2 threads than
with 1. So ``dlkit.nn.fit`` runs with one BLAS thread by default:

    with limit_blas_threads(1):
        ...                      # numpy's matrix products use one thread here

This finds the OpenBLAS library that numpy loaded and calls its
``openblas_set_num_threads`` (as the package threadpoolctl does). Where there
is none (numpy built on Accelerate or MKL, another platform), the block runs
unchanged.
"""
from __future__ import annotations

import contextlib
import ctypes
import glob
import os

import numpy as np

_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
            "openblas_set_num_threads")
_GETTERS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads", "openblas_get_num_threads64_",
            "openblas_get_num_threads")
_LIB: object = None   # the (getter, setter) pair, False when there is none, None before the first look


def _candidates() -> list[str]:
    """Paths of the OpenBLAS libraries that numpy may have loaded."""
    paths = []
    if os.path.exists("/proc/self/maps"):                       # Linux: what this process has loaded
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                path = line.split()[-1] if "/" in line else ""
                if "openblas" in os.path.basename(path).lower() and path not in paths:
                    paths.append(path)
        return paths
    root = os.path.dirname(np.__file__)                         # elsewhere: the libraries numpy ships
    for folder in (os.path.join(root, os.pardir, "numpy.libs"), os.path.join(root, ".dylibs"),
                   os.path.join(root, os.pardir, "numpy.libs", os.pardir)):
        for path in sorted(glob.glob(os.path.join(folder, "*openblas*"))):
            if path not in paths:
                paths.append(path)
    return paths


def _library():
    global _LIB
    if _LIB is None:
        _LIB = False
        for path in _candidates():
            try:
                lib = ctypes.CDLL(path)
            except OSError:
                continue
            getter = next((getattr(lib, n) for n in _GETTERS if hasattr(lib, n)), None)
            setter = next((getattr(lib, n) for n in _SETTERS if hasattr(lib, n)), None)
            if getter is not None and setter is not None:
                getter.restype, setter.restype = ctypes.c_int, None
                setter.argtypes = [ctypes.c_int]
                _LIB = (getter, setter)
                break
    return _LIB or None


def blas_threads() -> int | None:
    """The number of threads OpenBLAS uses now (None when numpy's BLAS is not a reachable OpenBLAS)."""
    lib = _library()
    return None if lib is None else int(lib[0]())


@contextlib.contextmanager
def limit_blas_threads(n: int | None = 1):
    """Run the block with at most ``n`` OpenBLAS threads (``None``: leave them as they are)."""
    lib = _library() if n is not None else None
    if lib is None:
        yield
        return
    getter, setter = lib
    before = int(getter())
    setter(max(1, min(int(n), before)))
    try:
        yield
    finally:
        setter(before)
