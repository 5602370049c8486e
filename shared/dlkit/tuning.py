"""Hyperparameter search (Course 2 Week 3): log-scale sampling, random search, coarse to fine.

The lecture's advice, turned into code:

- **Random, not a grid.** With a grid of 5 x 5 values you try only 5 values of
  each hyperparameter; 25 random points try 25 values of each, which matters
  when one of them (usually the learning rate) is far more important.
- **On a log scale.** A learning rate between 0.0001 and 1 should get as many
  tries in [0.0001, 0.001] as in [0.1, 1]. Sampling uniformly would put 90 % of
  them in the top decade. ``sample_log_uniform`` draws the exponent
  uniformly: ``r ~ U(log10(low), log10(high))``, value ``10**r``.
- **Momentum's beta through 1 - beta.** beta = 0.9 averages over about 10
  steps, 0.99 over about 100, 0.999 over about 1000: what matters is
  1 / (1 - beta), so ``sample_beta`` samples 1 - beta on a log scale.
- **Coarse to fine.** ``random_search`` samples a box of hyperparameters,
  evaluates every point, then zooms into a smaller box around the best point so
  far and samples again.

Randomness: ``rng`` is a ``numpy.random.Generator`` (or an int seed, or None for
a fresh unseeded one). The draws are documented exactly, so a student's version
that follows the same recipe gives the same numbers.
"""
from __future__ import annotations

from typing import Callable, Mapping

import numpy as np

from ._validate import expect_int
from .threads import training_threads

__all__ = ["sample_log_uniform", "sample_beta", "zoom_ranges", "best_trial", "random_search",
           "decade_counts"]


def _generator(rng) -> np.random.Generator:
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (isinstance(rng, (int, np.integer)) and not isinstance(rng, bool)):
        return np.random.default_rng(rng)
    raise ValueError(f"rng must be a numpy.random.Generator, an int seed or None; got {type(rng).__name__}")


def _count(name: str, n) -> int:
    return expect_int(name, n, min=1)


def _log_range(name: str, low, high) -> tuple:
    try:
        low, high = float(low), float(high)
    except (TypeError, ValueError):
        raise ValueError(f"the range of {name} must be two numbers (low, high); got {low!r}, {high!r}") from None
    if not (np.isfinite(low) and np.isfinite(high)) or low <= 0:
        raise ValueError(f"a log-scale range needs 0 < low <= high; {name} has low = {low!r}, high = {high!r}")
    if low > high:
        raise ValueError(f"low must not exceed high; {name} has low = {low!r} > high = {high!r}")
    return np.log10(low), np.log10(high)


def sample_log_uniform(low, high, n, rng=None) -> np.ndarray:
    """``n`` values between ``low`` and ``high`` spread evenly over the decades; shape (n,).

    Draws ``r = rng.uniform(log10(low), log10(high), size=n)`` and returns
    ``10 ** r``: every decade of the range gets, on average, the same number of
    values (with low = 1e-4, high = 1: a quarter in each of [1e-4, 1e-3], ...,
    [0.1, 1]).
    """
    n = _count("n", n)
    a, b = _log_range("the samples", low, high)
    r = _generator(rng).uniform(a, b, size=n)
    return 10.0 ** r


def sample_beta(low, high, n, rng=None) -> np.ndarray:
    """``n`` values of an averaging beta in [low, high] (e.g. 0.9 .. 0.999), sampled through 1 - beta.

    ``1 - sample_log_uniform(1 - high, 1 - low, n, rng)``: as many values with
    1/(1 - beta) between 10 and 100 as between 100 and 1000.
    """
    try:
        low, high = float(low), float(high)
    except (TypeError, ValueError):
        raise ValueError(f"beta's range must be two numbers (low, high); got {low!r}, {high!r}") from None
    if not 0 <= low <= high < 1:
        raise ValueError(f"beta's range must satisfy 0 <= low <= high < 1; got low = {low!r}, high = {high!r}")
    return 1.0 - sample_log_uniform(1.0 - high, 1.0 - low, n, rng)


def decade_counts(values, low, high) -> np.ndarray:
    """How many ``values`` fall in each decade [10^k, 10^(k+1)) from ``low`` to ``high``.

    ``low`` and ``high`` should be powers of ten; the last decade includes ``high``.
    Returns an int array with one count per decade, smallest decade first.
    """
    a, b = _log_range("the decades", low, high)
    edges = np.arange(np.floor(a), np.ceil(b) + 1)
    if edges.size < 2:
        edges = np.array([np.floor(a), np.floor(a) + 1])
    counts, _ = np.histogram(np.log10(np.asarray(values, dtype=float)), bins=edges)
    return counts


def _check_ranges(ranges) -> dict:
    if not isinstance(ranges, Mapping) or not ranges:
        raise ValueError("ranges must be a non-empty dict {name: (low, high)}")
    out = {}
    for name, r in ranges.items():
        if not isinstance(r, (tuple, list)) or len(r) != 2:
            raise ValueError(f"ranges[{name!r}] must be a pair (low, high); got {r!r}")
        _log_range(repr(name), *r)
        out[name] = (float(r[0]), float(r[1]))
    return out


def zoom_ranges(ranges, center, shrink: float = 0.25) -> dict:
    """The next, finer box: around ``center``, ``shrink`` times as many decades wide, inside ``ranges``.

    For each hyperparameter with range (low, high) and width w = log10(high) - log10(low)
    decades, the new range is ``10 ** (log10(center) -/+ shrink * w / 2)``, clipped to
    (low, high). ``center`` is a dict with a value for every name in ``ranges``.
    """
    ranges = _check_ranges(ranges)
    if not 0 < shrink <= 1:
        raise ValueError(f"shrink must be in (0, 1]; got {shrink!r}")
    new = {}
    for name, (low, high) in ranges.items():
        if name not in center:
            raise ValueError(f"the centre has no value for {name!r}")
        a, b = np.log10(low), np.log10(high)
        c, half = np.log10(float(center[name])), shrink * (b - a) / 2
        new[name] = (float(10.0 ** max(a, c - half)), float(10.0 ** min(b, c + half)))
    return new


def _sort_key(trial):
    cost = float(trial["cost"])
    return np.inf if np.isnan(cost) else cost


def best_trial(trials) -> dict:
    """The trial with the lowest cost (the first one on ties; a NaN cost counts as the worst)."""
    if not trials:
        raise ValueError("there are no trials to choose from")
    return min(trials, key=_sort_key)


@training_threads
def random_search(objective: Callable[[dict], float], ranges, n_trials: int = 20, n_rounds: int = 2,
                  shrink: float = 0.25, rng=None) -> list:
    """Coarse-to-fine random search on log scales; every trial, in the order they ran.

    Arguments:
    objective -- function of a dict {name: value} returning a cost (lower is better),
                 e.g. the dev-set cost of a model trained with those hyperparameters
    ranges -- dict {name: (low, high)}; every hyperparameter is sampled on a log scale
              (search 1 - beta rather than beta)
    n_trials -- trials per round
    n_rounds -- 1 is plain random search; every further round searches a finer box
    shrink -- each new box is ``shrink`` times as many decades wide as the one before
    rng -- numpy.random.Generator (or an int seed)

    Round k = 1 .. n_rounds:
    1. for each name, in the order of ``ranges``, draw its ``n_trials`` values with one call
       ``sample_log_uniform(low, high, n_trials, rng)`` in the current box;
    2. trial i gets the i-th value of every hyperparameter and costs ``objective(params)``;
    3. unless it was the last round, the box becomes ``zoom_ranges(box, best, shrink)``
       around the best trial of all rounds so far.

    Returns:
    trials -- list of n_rounds * n_trials dicts {"round": k, "params": {name: value}, "cost": J}
    """
    box = _check_ranges(ranges)
    n_trials, n_rounds = _count("n_trials", n_trials), _count("n_rounds", n_rounds)
    if not 0 < shrink <= 1:
        raise ValueError(f"shrink must be in (0, 1]; got {shrink!r}")
    rng = _generator(rng)
    trials = []
    for k in range(1, n_rounds + 1):
        values = {name: sample_log_uniform(low, high, n_trials, rng) for name, (low, high) in box.items()}
        for i in range(n_trials):
            params = {name: float(v[i]) for name, v in values.items()}
            trials.append({"round": k, "params": params, "cost": float(objective(params))})
        if k < n_rounds:
            box = zoom_ranges(box, best_trial(trials)["params"], shrink)
    return trials
