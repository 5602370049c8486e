"""Benchmark: what the input checks of a layer kernel cost, and where training loops stand.

    python benchmarks/layer_bench.py [--repeats 7] [--threads 1]

One forward and one backward pass of a dense layer, Z = W A_prev + b, timed
for a 16x16 layer on a mini-batch of 32 (the size where per-call overhead
shows) and a 256x256 layer on 256 examples, by five implementations:

- bare: the numpy lines written out (W @ A + b; W.T @ dZ, dZ @ A.T, sum of dZ);
- core: ``dlkit.layers.dense.linear_forward_core`` / ``linear_backward_core``;
- checked: the course kernels ``linear_forward`` / ``linear_backward`` (inputs checked, Course 1's 1/m);
- nn.Dense: ``dlkit.nn.Dense.forward`` / ``backward`` (what ``nn.fit`` runs);
- torch: ``torch.nn.functional.linear`` with autograd on CPU, float64 (when PyTorch is installed).

Each is timed with ``timeit`` (calls per run chosen by ``autorange``),
``--repeats`` runs interleaved, and the median microseconds per forward+backward are
printed with the ratio to the bare numpy lines. The cores and ``nn.Dense``
are what training loops run (``dlkit.deep``'s and ``dlkit.regularization``'s
loops check their inputs once, then call the cores), so their ratio is the
overhead a training step pays; the checked kernel's ratio is what a student's
single call pays for its clear error messages.
"""
from __future__ import annotations

import argparse
import statistics
import timeit

import numpy as np

from dlkit import nn
from dlkit.layers import dense
from dlkit.nn.blas import limit_blas_threads

SIZES = ((16, 16, 32), (256, 256, 256))      # (n_prev, n, m)


def _arrays(n_prev, n, m, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1)), rng.normal(size=(n, m))


def _numpy_steps(n_prev, n, m):
    """name -> a function running one forward and one backward pass."""
    A, W, b, dZ = _arrays(n_prev, n, m)

    def bare():
        Z = W @ A + b
        return Z, W.T @ dZ, dZ @ A.T, np.sum(dZ, axis=1, keepdims=True)

    def core():
        Z = dense.linear_forward_core(A, W, b)
        return Z, dense.linear_backward_core(dZ, A, W)

    def checked():
        Z, cache = dense.linear_forward(A, W, b)
        return Z, dense.linear_backward(dZ, cache)

    layer = nn.Dense(n_prev, n, rng=0)
    layer.params["W"][...], layer.params["b"][...] = W, b

    def module():
        Z = layer.forward(A, training=True)
        return Z, layer.backward(dZ)

    return {"bare numpy": bare, "core": core, "checked kernel": checked, "nn.Dense": module}


def _torch_step(n_prev, n, m):
    import torch

    A, W, b, dZ = _arrays(n_prev, n, m)        # torch keeps one example per row: A^T (m, n_prev), dZ^T (m, n)
    A = torch.tensor(A.T.copy(), requires_grad=True)
    W = torch.tensor(W, requires_grad=True)    # (n, n_prev), as ours
    b = torch.tensor(b.ravel(), requires_grad=True)
    dZ = torch.tensor(dZ.T.copy())

    def step():
        A.grad = W.grad = b.grad = None
        Z = torch.nn.functional.linear(A, W, b)
        Z.backward(dZ)
        return Z
    return step


def _median_us(steps, repeats, threads):
    """Median microseconds per call of each step; the runs are interleaved, so that a busy moment hits all.

    numpy runs under ``limit_blas_threads(threads)``; torch outside it (threadpoolctl's limit on the
    BLAS libraries slows torch's own down), with ``torch.set_num_threads(threads)``.
    """
    timers = {name: timeit.Timer(fn) for name, fn in steps.items()}
    for fn in steps.values():          # warm up: torch's first autograd call takes a large fraction of a second,
        for _ in range(20):            # which would make autorange settle on one call per run
            fn()

    def timed(name, number=None):
        with limit_blas_threads(None if name.startswith("torch") else threads):
            return timers[name].autorange()[0] if number is None else timers[name].timeit(number)

    numbers = {name: timed(name) for name in timers}
    runs = {name: [] for name in steps}
    for _ in range(repeats):
        for name in timers:
            runs[name].append(timed(name, numbers[name]) / numbers[name] * 1e6)
    return {name: statistics.median(r) for name, r in runs.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=15, help="timed runs of each implementation (default 15)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS / intra-op threads (default 1, as nn.fit)")
    args = parser.parse_args(argv)
    try:
        import torch
        torch.set_num_threads(args.threads)
        have_torch = True
    except ImportError:
        have_torch = False
        print("PyTorch is not installed: numpy implementations only (pip install torch==2.13.0 to compare)")
    for n_prev, n, m in SIZES:
        steps = _numpy_steps(n_prev, n, m)
        if have_torch:
            steps["torch (autograd)"] = _torch_step(n_prev, n, m)
        times = _median_us(steps, args.repeats, args.threads)
        base = times["bare numpy"]
        print(f"dense layer {n_prev} -> {n}, m = {m}: forward + backward, median of {args.repeats} runs")
        for name, t in times.items():
            print(f"  {name:18s} {t:9.2f} us   {t / base:5.2f} x bare")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
