"""Setting up an ML application (Course 2 Week 1): data splits, bias/variance, input normalisation.

``split_sizes(m, fractions)`` turns a split policy into example counts;
without ``fractions`` it applies the lecture's rule of thumb: the classic
60/20/20 for up to 10,000 examples, 98/1/1 up to a million, and 99.5/0.25/0.25
beyond.
"""
from __future__ import annotations

import numpy as np

CLASSIC = (0.6, 0.2, 0.2)
BIG_DATA = (0.98, 0.01, 0.01)
HUGE_DATA = (0.995, 0.0025, 0.0025)


def recommended_fractions(m: int) -> tuple:
    """The lecture's rule of thumb for a train/dev/test split of ``m`` examples."""
    if m <= 10_000:
        return CLASSIC
    if m <= 1_000_000:
        return BIG_DATA
    return HUGE_DATA


def split_sizes(m: int, fractions=None) -> tuple:
    """Number of examples in each part when ``m`` examples are split by ``fractions``.

    Arguments:
    m -- number of examples, a positive integer
    fractions -- the parts' shares, summing to 1: (0.7, 0.3) for train/test,
                 (0.6, 0.2, 0.2) for train/dev/test, ...; None: ``recommended_fractions(m)``

    Returns:
    a tuple of ints, one per part, summing to m. Every part but the first is
    round(fraction * m); the first (training) part takes the remainder.
    """
    if isinstance(m, bool) or int(m) != m or m < 1:
        raise ValueError(f"m must be a positive number of examples; got {m!r}")
    m = int(m)
    if fractions is None:
        fractions = recommended_fractions(m)
    f = np.asarray(fractions, dtype=float)
    if f.ndim != 1 or f.size < 2 or np.any(f < 0) or not np.isclose(f.sum(), 1.0):
        raise ValueError(f"fractions must be two or more non-negative shares summing to 1; got {fractions!r}")
    rest = [int(round(x * m)) for x in f[1:]]
    return (m - sum(rest), *rest)
