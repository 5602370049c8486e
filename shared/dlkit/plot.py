"""Labelled plots for the notebooks: cost curves, learning-rate comparisons, image galleries.

Every function draws on a new figure (or the ``ax`` given), labels its axes
and title, and returns the matplotlib ``Figure``.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np


def _plt():
    import matplotlib.pyplot as plt

    return plt


def plot_costs(costs: Sequence[float], learning_rate: float | None = None, every: int = 100,
               ax=None, label: str | None = None, title: str | None = None):
    """Cost against iteration; ``costs[k]`` was recorded at iteration ``k * every``."""
    plt = _plt()
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(6, 4))
    its = np.arange(len(costs)) * every
    ax.plot(its, np.asarray(costs, dtype=float), marker="o", markersize=3, label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    if title is None:
        title = "Cost during training" + (f" (learning rate {learning_rate:g})" if learning_rate is not None else "")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    return fig


def plot_cost_comparison(costs_by_label: Mapping[str, Sequence[float]], every: int = 100,
                         title: str = "Cost for each learning rate", logy: bool = False,
                         legend_title: str | None = "learning rate"):
    """Several cost curves on one set of axes, one per label (e.g. per learning rate)."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for label, costs in costs_by_label.items():
        plot_costs(costs, every=every, ax=ax, label=str(label), title=title)
    if logy:
        ax.set_yscale("log")
    ax.legend(title=legend_title)
    return fig


def show_images(images, titles: Sequence[str] | None = None, ncols: int = 8,
                title: str | None = None, size: float = 1.6):
    """A grid of images (m, H, W, 3) (uint8 or floats in [0, 1]) with optional per-image titles."""
    plt = _plt()
    images = np.asarray(images)
    m = len(images)
    if m == 0:
        fig, ax = plt.subplots(figsize=(4, 1))
        ax.axis("off")
        ax.text(0.5, 0.5, "no images to show", ha="center", va="center")
        return fig
    ncols = max(1, min(ncols, m))
    nrows = int(np.ceil(m / ncols))
    two_line = titles is not None and any("\n" in str(t) for t in titles)
    row_height = size + (0.35 if two_line else 0.15 if titles is not None else 0)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, row_height * nrows + (0.4 if title else 0)),
                             squeeze=False)
    for k, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if k < m:
            ax.imshow(images[k])
            if titles is not None:
                ax.set_title(titles[k], fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def show_misclassified(images, Y, Y_prediction, classes, max_images: int = 16,
                       title: str = "Misclassified test images"):
    """Gallery of the images whose prediction differs from the label, titled 'predicted / true'.

    ``images`` (m, H, W, 3); ``Y`` and ``Y_prediction`` (1, m) of 0/1; ``classes`` names per label.
    """
    Y = np.asarray(Y).reshape(-1).astype(int)
    P = np.asarray(Y_prediction).reshape(-1).astype(int)
    if Y.shape != P.shape or len(images) != Y.size:
        raise ValueError(f"images ({len(images)}), Y ({Y.size}) and Y_prediction ({P.size}) must have the same m")
    names = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
    all_wrong = np.flatnonzero(Y != P)
    wrong = all_wrong[:max_images]
    titles = [f"said {names[P[i]]}\nis {names[Y[i]]}" for i in wrong]
    count = f"{all_wrong.size} of {Y.size}" + (f", first {wrong.size} shown" if wrong.size < all_wrong.size else "")
    return show_images(np.asarray(images)[wrong], titles, title=f"{title} ({count})")
