"""Two-dimensional, two-class data sets for Course 1 Week 3 (generated, seeded, never downloaded).

Every generator returns ``(X, Y)`` in the course's layout: ``X`` of shape
(2, m), one point per column, and ``Y`` of shape (1, m) holding the labels 0.0
and 1.0 (float64). The columns are shuffled, the classes are balanced (up to one
point when m is odd) and the same ``seed`` gives the same points. Each
generator uses its own ``numpy.random.Generator``: numpy's global random state
is left alone.

- ``make_flower``: points along the petals of a rose curve; neighbouring
  petals belong to different classes. No straight line separates them.
- ``make_moons``: two interleaving half circles.
- ``make_circles``: a small circle inside a large one, both noisy.
- ``make_blobs``: Gaussian clusters whose labels alternate (cluster k has label k mod 2).
- ``extra_datasets``: the last three in one dict, with the settings the notebook uses.
- ``make_noisy_boundary`` (Course 2 Week 1): a square "field" split by a wavy line, with
  label noise along the line and a few islands of flipped labels: a small network trained
  long enough without regularisation bends its boundary around this sample's islands.
  Its classes are roughly, not exactly, balanced.
"""
from __future__ import annotations

import numpy as np

__all__ = ["make_flower", "make_moons", "make_circles", "make_blobs", "extra_datasets", "make_noisy_boundary"]


def _check_m(m, least: int = 2) -> int:
    if isinstance(m, bool) or not isinstance(m, (int, np.integer)) or m < least:
        raise ValueError(f"`m` (the number of points) must be an integer >= {least}, got {m!r}")
    return int(m)


def _check_nonneg(name: str, value) -> float:
    value = float(value)
    if not value >= 0:
        raise ValueError(f"`{name}` must be >= 0, got {value!r}")
    return value


def _finish(rng: np.random.Generator, X: np.ndarray, Y: np.ndarray):
    """Shuffle the columns; X (2, m) float64, Y (1, m) float64."""
    order = rng.permutation(X.shape[1])
    return np.ascontiguousarray(X[:, order], dtype=float), Y[order].astype(float).reshape(1, -1)


def _split(m: int, parts: int) -> np.ndarray:
    """``parts`` counts that add up to m and differ by at most one."""
    return m // parts + (np.arange(parts) < m % parts)


def make_flower(m: int = 400, petals: int = 4, radius: float = 4.0, noise: float = 0.2, seed: int = 1):
    """Points along a rose with ``petals`` petals, neighbouring petals in different classes.

    Petal j (j = 0 .. petals-1) points in the direction of angle 2*pi*j/petals and
    has the label j mod 2. Along it, a point at relative angle u in (-1, 1) sits at
    distance ``radius * cos(pi*u/2)`` from the centre (the petal's outline, from the
    centre out to the tip and back), with Gaussian noise of standard deviation
    ``noise`` on that distance and ``noise / 2`` (radians) on the angle. Every petal
    gets the same number of points (up to one), spread evenly along it.

    With the defaults (m = 400, four petals) logistic regression stays at chance
    (about 50 %: by symmetry its best line is almost no line at all), while a
    network with 4 tanh hidden units reaches more than 90 %. ``petals`` must be even
    and at least 2.

    Returns ``X`` (2, m) and ``Y`` (1, m).
    """
    m = _check_m(m, least=2)
    if isinstance(petals, bool) or not isinstance(petals, (int, np.integer)) or petals < 2 or petals % 2:
        raise ValueError(f"`petals` must be an even integer >= 2 (so that the classes alternate), got {petals!r}")
    radius = _check_nonneg("radius", radius)
    noise = _check_nonneg("noise", noise)
    rng = np.random.default_rng(seed)
    counts = _split(m, petals)
    petal = np.repeat(np.arange(petals), counts)                      # (m,)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    k = np.arange(m) - starts[petal]                                   # position along the petal
    u = 2.0 * (k + rng.uniform(size=m)) / counts[petal] - 1.0          # stratified in (-1, 1)
    r = radius * np.cos(0.5 * np.pi * u) + noise * rng.normal(size=m)
    theta = np.pi * (2 * petal + u) / petals + 0.5 * noise * rng.normal(size=m)
    X = np.vstack([r * np.cos(theta), r * np.sin(theta)])
    return _finish(rng, X, petal % 2)


def make_moons(m: int = 200, noise: float = 0.2, seed: int = 3):
    """Two interleaving half circles of radius 1: label 0 the upper arc, label 1 the lower one.

    Upper: (cos t, sin t); lower: (1 - cos t, 0.5 - sin t), t in [0, pi];
    Gaussian noise of standard deviation ``noise`` on both coordinates.
    Returns ``X`` (2, m) and ``Y`` (1, m).
    """
    m = _check_m(m)
    noise = _check_nonneg("noise", noise)
    rng = np.random.default_rng(seed)
    n0, n1 = _split(m, 2)
    t0, t1 = np.linspace(0, np.pi, n0), np.linspace(0, np.pi, n1)
    X = np.hstack([np.vstack([np.cos(t0), np.sin(t0)]),
                   np.vstack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])])
    X = X + noise * rng.normal(size=X.shape)
    return _finish(rng, X, np.repeat([0, 1], [n0, n1]))


def make_circles(m: int = 200, noise: float = 0.15, factor: float = 0.5, seed: int = 3):
    """A circle of radius ``factor`` (label 1) inside a circle of radius 1 (label 0), plus noise.

    Points are spread evenly around each circle; Gaussian noise of standard
    deviation ``noise`` is added to both coordinates. ``factor`` must lie in (0, 1).
    Returns ``X`` (2, m) and ``Y`` (1, m).
    """
    m = _check_m(m)
    noise = _check_nonneg("noise", noise)
    if not 0 < float(factor) < 1:
        raise ValueError(f"`factor` (inner radius / outer radius) must lie in (0, 1), got {factor!r}")
    rng = np.random.default_rng(seed)
    n0, n1 = _split(m, 2)
    t0 = np.linspace(0, 2 * np.pi, n0, endpoint=False)
    t1 = np.linspace(0, 2 * np.pi, n1, endpoint=False)
    X = np.hstack([np.vstack([np.cos(t0), np.sin(t0)]), factor * np.vstack([np.cos(t1), np.sin(t1)])])
    X = X + noise * rng.normal(size=X.shape)
    return _finish(rng, X, np.repeat([0, 1], [n0, n1]))


def make_blobs(m: int = 200, centers: int = 6, spread: float = 1.0, box: float = 6.0, seed: int = 3):
    """``centers`` Gaussian clusters; cluster k has the label k mod 2.

    The centres are drawn uniformly in the square [-box, box]^2 (seeded), each cluster
    gets the same number of points (up to one) with standard deviation ``spread``.
    ``centers`` must be at least 2. Returns ``X`` (2, m) and ``Y`` (1, m).
    """
    m = _check_m(m)
    if isinstance(centers, bool) or not isinstance(centers, (int, np.integer)) or centers < 2:
        raise ValueError(f"`centers` must be an integer >= 2, got {centers!r}")
    if centers > m:
        raise ValueError(f"`centers` ({centers}) cannot exceed the number of points m ({m})")
    spread = _check_nonneg("spread", spread)
    rng = np.random.default_rng(seed)
    mu = rng.uniform(-box, box, size=(2, centers))
    cluster = np.repeat(np.arange(centers), _split(m, centers))
    X = mu[:, cluster] + spread * rng.normal(size=(2, m))
    return _finish(rng, X, cluster % 2)


def extra_datasets(m: int = 200) -> dict:
    """``{"moons": (X, Y), "circles": (X, Y), "blobs": (X, Y)}`` with each generator's default settings."""
    return {"moons": make_moons(m), "circles": make_circles(m), "blobs": make_blobs(m)}


def _wavy_line(x1):
    """The true boundary x2 = 0.3 sin(2 x1) + 0.1 x1 of ``make_noisy_boundary``, and its slope."""
    return 0.3 * np.sin(2.0 * x1) + 0.1 * x1, 0.6 * np.cos(2.0 * x1) + 0.1


def make_noisy_boundary(m: int = 150, islands: int = 6, radius: float = 0.15, reach: float = 0.35,
                        island_flip: float = 0.85, width: float = 0.06, seed: int = 1):
    """Two classes in the square [-1, 1]^2 split by a wavy line, with label noise near it.

    A point lies above (label 1, red) or below (label 0, blue) the line
    x2 = 0.3 sin(2 x1) + 0.1 x1. Two kinds of noise then flip labels:

    * along the line: a point at distance d from it is flipped with probability
      0.5 exp(-(d / width)^2), so the classes mix in a band about ``width`` wide;
    * ``islands`` discs of radius ``radius``, centred at random within ``reach``
      of the line (on either side): inside them a label is flipped with
      probability ``island_flip``.

    Every call draws its own islands, so a training set and a test set (two
    seeds) have theirs in different places. A network that bends its boundary
    around the training set's islands has learned something that does not
    carry over: the test accuracy falls, which regularisation prevents.

    Returns ``X`` (2, m) and ``Y`` (1, m); the same ``seed`` gives the same points.
    """
    m = _check_m(m, least=2)
    if isinstance(islands, bool) or not isinstance(islands, (int, np.integer)) or islands < 0:
        raise ValueError(f"`islands` (the number of flipped discs) must be an integer >= 0, got {islands!r}")
    radius = _check_nonneg("radius", radius)
    reach = _check_nonneg("reach", reach)
    width = _check_nonneg("width", width)
    if not 0 <= float(island_flip) <= 1:
        raise ValueError(f"`island_flip` is a probability and must lie in [0, 1], got {island_flip!r}")
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(2, m))
    g, slope = _wavy_line(X[0])
    d = (X[1] - g) / np.sqrt(1.0 + slope**2)                  # signed distance to the line (first order)
    y = (d > 0).astype(int)
    p = 0.5 * np.exp(-(d / width) ** 2) if width > 0 else np.where(d == 0, 0.5, 0.0)
    cx = rng.uniform(-0.9, 0.9, size=islands)
    gc, slope_c = _wavy_line(cx)
    offset = rng.uniform(0.05, max(reach, 0.05), size=islands) * rng.choice([-1.0, 1.0], size=islands)
    cy = gc + offset * np.sqrt(1.0 + slope_c**2)
    for a, b in zip(cx, cy):
        inside = (X[0] - a) ** 2 + (X[1] - b) ** 2 < radius**2
        p = np.where(inside, np.maximum(p, float(island_flip)), p)
    flip = rng.uniform(size=m) < p
    y = np.where(flip, 1 - y, y)
    return _finish(rng, X, y)
