"""Labelled plots of two-dimensional, two-class data and of a classifier's decision boundary.

``X`` is (2, m) with one point per column and ``Y`` is (1, m) with labels 0/1,
the course's layout. A classifier is passed as ``predict_fn``: a function that
takes a (2, k) array of points and returns k labels (shape (1, k) or (k,);
probabilities in [0, 1] also work, read with the threshold 0.5). Every function
draws on a new figure (or the ``ax`` given), labels its axes, title and legend,
and returns the matplotlib ``Figure``.
"""
from __future__ import annotations

from typing import Callable, Mapping

import numpy as np

from ._validate import as_array, expect_shape

__all__ = ["plot_dataset", "plot_decision_boundary", "plot_decision_boundaries"]

# label 0 blue, label 1 red; the light versions colour the regions
_POINT_COLORS = ("#2b6cb0", "#c53030")
_REGION_COLORS = ("#bcd4f0", "#f5c4c4")


def _plt():
    import matplotlib.pyplot as plt

    return plt


def _check_xy(X, Y):
    X = as_array("X", X, ndim=2)
    expect_shape("X", X, (2, "m"), hint="the points are the columns of a (2, m) array")
    Y = as_array("Y", Y)
    expect_shape("Y", Y, (1, X.shape[1]), hint="Y holds one label per column of X")
    return X, Y.ravel()


def _axes(ax, figsize=(5, 4.5)):
    if ax is not None:
        return ax.figure, ax
    return _plt().subplots(figsize=figsize)


def _scatter(ax, X, y):
    for label in (0, 1):
        pts = X[:, y == label]
        ax.scatter(pts[0], pts[1], s=14, c=_POINT_COLORS[label], edgecolors="k", linewidths=0.3,
                   label=f"y = {label}")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")


def plot_dataset(X, Y, ax=None, title: str = "The data set"):
    """Scatter plot of the points X (2, m), coloured by their labels Y (1, m)."""
    X, y = _check_xy(X, Y)
    fig, ax = _axes(ax)
    _scatter(ax, X, y)
    ax.set_aspect("equal", adjustable="box")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8, framealpha=0.8)
    return fig


def plot_decision_boundary(predict_fn: Callable, X, Y, ax=None, title: str = "Decision boundary",
                           resolution: int = 200, margin: float = 0.5, legend: bool = True):
    """The regions ``predict_fn`` assigns to each label, with the points X (2, m) on top.

    ``predict_fn`` is evaluated on a ``resolution`` x ``resolution`` grid spanning the
    data plus ``margin`` on each side; the boundary (where the prediction crosses 0.5)
    is drawn as a black line. ``legend=False`` leaves the legend out (the grid of
    ``plot_decision_boundaries`` draws one for the whole figure).
    """
    X, y = _check_xy(X, Y)
    if not callable(predict_fn):
        raise ValueError(f"`predict_fn` must be a function of a (2, k) array, got {type(predict_fn).__name__}")
    fig, ax = _axes(ax)
    lo, hi = X.min(axis=1) - margin, X.max(axis=1) + margin
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])                        # (2, resolution**2)
    Z = np.asarray(predict_fn(grid), dtype=float)
    if Z.size != grid.shape[1]:
        raise ValueError(f"`predict_fn` returned shape {Z.shape} for {grid.shape[1]} points; "
                         f"expected (1, {grid.shape[1]}): one label per column")
    Z = np.clip(Z.reshape(xx.shape), 0.0, 1.0)
    ax.contourf(xx, yy, Z, levels=[-0.5, 0.5, 1.5], colors=list(_REGION_COLORS))
    if Z.min() < 0.5 < Z.max():
        ax.contour(xx, yy, Z, levels=[0.5], colors="k", linewidths=1.0)
    _scatter(ax, X, y)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_aspect("equal", adjustable="box")
    ax.set_title(title)
    if legend:
        ax.legend(*_boundary_legend(ax), loc="upper right", fontsize=7, framealpha=0.8)
    return fig


def _boundary_legend(ax):
    from matplotlib.patches import Patch

    handles, labels = ax.get_legend_handles_labels()
    handles += [Patch(color=c) for c in _REGION_COLORS]
    labels += ["predicted 0", "predicted 1"]
    return handles, labels


def plot_decision_boundaries(panels: Mapping[str, Callable], X, Y, ncols: int = 4,
                             suptitle: str | None = None, size: float = 3.4, resolution: int = 150):
    """One decision-boundary panel per ``{title: predict_fn}`` entry, in a grid of ``ncols`` columns."""
    if not panels:
        raise ValueError("`panels` must hold at least one {title: predict_fn} entry")
    plt = _plt()
    n = len(panels)
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, (size + 0.3) * nrows + (0.8 if suptitle else 0.4)),
                             squeeze=False, layout="constrained")
    for ax, (title, fn) in zip(axes.ravel(), panels.items()):
        plot_decision_boundary(fn, X, Y, ax=ax, title=title, resolution=resolution, legend=False)
    for ax in axes.ravel()[n:]:
        ax.axis("off")
    if suptitle:
        fig.suptitle(suptitle)
    fig.legend(*_boundary_legend(axes[0, 0]), loc="outside lower center", ncol=4, fontsize=8)
    return fig
