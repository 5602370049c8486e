"""Course 1 Week 2, "Python and numpy basics": the reference solutions.

Small vectorised building blocks a student writes first: the sigmoid and its
derivative, reshaping an image into a column, row normalisation, a row-wise
softmax and the L1 / L2 losses.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_shape
from .activations import sigmoid, sigmoid_derivative, softmax as _softmax

__all__ = ["sigmoid", "sigmoid_derivative", "image2vector", "normalize_rows", "softmax", "L1", "L2"]


def image2vector(image):
    """Unroll an image of shape (length, height, depth) into a column (length*height*depth, 1).

    The order is numpy's row-major order, the same one ``X.reshape(m, -1).T``
    uses when a whole image set is flattened.
    """
    image = np.asarray(image)
    if image.ndim != 3:
        raise ValueError(
            f"`image` has shape {image.shape}, expected (length, height, depth): a 3-D array"
        )
    return image.reshape(-1, 1)


def normalize_rows(x):
    """Divide each row of ``x`` (shape (n, d)) by its Euclidean norm; rows of zeros stay zero."""
    x = as_array("x", x, ndim=2)
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)


def softmax(x):
    """Row-wise softmax of ``x`` (shape (m, n)): each row becomes probabilities summing to 1.

    Note: this exercise treats each *row* as one example; from Course 2 on,
    ``dlkit.activations.softmax`` uses columns, the (C, m) layout.
    """
    x = as_array("x", x, ndim=2)
    return _softmax(x, axis=1)


def _pair(yhat, y):
    yhat = as_array("yhat", yhat)
    y = as_array("y", y)
    expect_shape("yhat", yhat, y.shape, hint="`yhat` and `y` must have the same shape")
    return yhat, y


def L1(yhat, y):
    """L1 loss sum_i |y_i - yhat_i| (a float). Shapes of ``yhat`` and ``y`` must match."""
    yhat, y = _pair(yhat, y)
    return float(np.sum(np.abs(y - yhat)))


def L2(yhat, y):
    """L2 loss sum_i (y_i - yhat_i)^2 (a float). Shapes of ``yhat`` and ``y`` must match."""
    yhat, y = _pair(yhat, y)
    d = y - yhat
    return float(np.dot(d.ravel(), d.ravel()))
