"""Benchmark: one epoch of dlkit.nn training against PyTorch CPU on the same network and batches.

    python benchmarks/nn_bench.py [--epochs 5] [--repeats 5] [--threads 1]

The Course 2 Week 3 classifier (12288-25-12-6, ReLU, softmax cross-entropy,
Adam, mini-batches of 32) on the 1080 training pictures of the hand-sign set.
Both sides use float64, the same initial weights, the same shuffled batches
and the same number of BLAS/intra-op threads (``--threads``, default 1, as
``dlkit.nn.fit`` uses). Each training run is timed whole (for dlkit one ``nn.fit`` call, its
one-off copy of the data included) and divided by the epochs. Prints the
median over runs of the seconds per epoch of each, the
ratio dlkit / torch (goal: <= 2.0, i.e. the numpy framework the course builds
on stays within twice PyTorch's time), and that both end on the same cost.

PyTorch is an optional extra (``pip install torch==2.13.0``); without it the
script reports dlkit alone.
"""
from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from dlkit import nn
from dlkit.data import load_signs
from dlkit.labels import one_hot
from dlkit.minibatch import minibatch_indices

DIMS = (12288, 25, 12, 6)
GOAL = 2.0


def _data():
    train_x, train_y, _, _, _ = load_signs()
    X = train_x.reshape(train_x.shape[0], -1).T / 255.0
    return X, one_hot(train_y, 6)


def _model(seed=0):
    rng = np.random.default_rng(seed)
    return nn.Sequential(nn.Dense(DIMS[0], DIMS[1], rng=rng), nn.ReLU(), nn.Dense(DIMS[1], DIMS[2], rng=rng),
                         nn.ReLU(), nn.Dense(DIMS[2], DIMS[3], rng=rng))


def _dlkit_epochs(X, Y, epochs, threads):
    """Seconds per epoch of one ``nn.fit`` call of ``epochs`` epochs (its one-off data copy included)."""
    model, loss, opt = _model(), nn.SoftmaxCrossEntropy(), nn.Adam(3e-4)
    start = time.perf_counter()
    history = nn.fit(model, loss, opt, X, Y, epochs, 32, seed=0, progress=False, blas_threads=threads)
    return (time.perf_counter() - start) / epochs, history["cost"][-1]


def _torch_epochs(X, Y, epochs, threads):
    import torch

    torch.set_num_threads(threads)
    ref = _model()
    layers = []
    for layer in ref.layers:
        if isinstance(layer, nn.Dense):
            lin = torch.nn.Linear(layer.params["W"].shape[1], layer.params["W"].shape[0], dtype=torch.float64)
            with torch.no_grad():
                lin.weight.copy_(torch.from_numpy(layer.params["W"]))
                lin.bias.copy_(torch.from_numpy(layer.params["b"].ravel()))
            layers.append(lin)
        else:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.999), eps=1e-8)
    Xt = torch.from_numpy(np.ascontiguousarray(X.T))
    yt = torch.from_numpy(Y.argmax(axis=0))
    start = time.perf_counter()
    for e in range(epochs):               # fit's batches: epoch e shuffles with seed 0 + e
        total = 0.0
        for idx in minibatch_indices(X.shape[1], 32, seed=e):
            idx_t = torch.from_numpy(idx)
            opt.zero_grad()
            out = torch.nn.functional.cross_entropy(model(Xt[idx_t]), yt[idx_t])
            out.backward()
            opt.step()
            total += float(out.detach()) * len(idx)
    return (time.perf_counter() - start) / epochs, total / X.shape[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=5, help="epochs per training run (default 5)")
    parser.add_argument("--repeats", type=int, default=5, help="training runs of each side (default 5)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS / intra-op threads (default 1)")
    args = parser.parse_args(argv)
    X, Y = _data()
    print(f"data: X {X.shape}, Y {Y.shape}; network {DIMS}, Adam, batches of 32, {args.threads} thread(s)")
    ours, theirs, costs = [], [], {}
    try:
        import importlib
        importlib.import_module("torch")
        have_torch = True
    except ImportError:
        have_torch = False
        print("PyTorch is not installed: dlkit alone (pip install torch==2.13.0 for the comparison)")
    for _ in range(args.repeats):      # interleaved, so that a busy moment hits both sides
        t, costs["dlkit"] = _dlkit_epochs(X, Y, args.epochs, args.threads)
        ours.append(t)
        if have_torch:
            t, costs["torch"] = _torch_epochs(X, Y, args.epochs, args.threads)
            theirs.append(t)
    med_ours = statistics.median(ours)
    print(f"dlkit.nn : median {med_ours:.3f} s per epoch (min {min(ours):.3f}, max {max(ours):.3f})")
    if have_torch:
        med_theirs = statistics.median(theirs)
        print(f"torch    : median {med_theirs:.3f} s per epoch (min {min(theirs):.3f}, max {max(theirs):.3f})")
        ratio = med_ours / med_theirs
        print(f"ratio dlkit / torch: {ratio:.2f} (goal <= {GOAL}): {'met' if ratio <= GOAL else 'NOT met'}")
        print(f"mean cost of the last epoch: dlkit {costs['dlkit']:.10f}, torch {costs['torch']:.10f} "
              f"({'same' if abs(costs['dlkit'] - costs['torch']) < 1e-8 else 'DIFFERENT'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
