"""Course 1 Week 2: logistic regression as a one-neuron network (the references).

Notation: X is (n_x, m) with one example per column, Y is (1, m) with labels
0/1, w is (n_x, 1) and b a float.

    forward:  Z = w^T X + b,  A = sigma(Z)                          (1, m)
    cost:     J = -(1/m) sum [Y log A + (1 - Y) log(1 - A)]
    backward: dZ = A - Y,  dw = (1/m) X dZ^T  (n_x, 1),  db = (1/m) sum(dZ)
    update:   w := w - alpha dw,  b := b - alpha db
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_int, expect_layout, expect_same_columns, expect_shape
from .activations import sigmoid
from .losses import binary_cross_entropy_from_logits
from .threads import training_threads

__all__ = ["initialize_with_zeros", "propagate", "optimize", "predict", "model", "accuracy"]


def initialize_with_zeros(dim: int):
    """Return ``w`` of zeros with shape (dim, 1) and ``b = 0.0`` (a float)."""
    dim = expect_int("dim", dim, min=1, what="the number of features n_x")
    return np.zeros((dim, 1)), 0.0


def _check_wbXY(w, b, X, Y=None):
    X = expect_layout("X", X, "(n_x, m)")
    n_x, m = X.shape
    w = as_array("w", w)
    expect_shape("w", w, (n_x, 1), hint="w is a column with one weight per feature (row of X)")
    if np.ndim(b) != 0 and np.size(b) != 1:
        raise ValueError(f"`b` must be a single number, got an array of shape {np.shape(b)}")
    b = float(np.asarray(b).reshape(()))
    if Y is None:
        return w, b, X
    Y = as_array("Y", Y)
    expect_shape("Y", Y, (1, m), hint="Y holds one label per column of X")
    return w, b, X, Y


def propagate(w, b, X, Y):
    """One forward and backward pass.

    Returns ``(grads, cost)``: ``grads = {"dw": (n_x, 1) array, "db": float}``
    and the cross-entropy ``cost`` as a float.
    """
    w, b, X, Y = _check_wbXY(w, b, X, Y)
    m = X.shape[1]
    Z = w.T @ X + b
    A = sigmoid(Z)
    cost = binary_cross_entropy_from_logits(Z, Y)
    dZ = A - Y
    dw = (X @ dZ.T) / m
    db = float(np.sum(dZ) / m)
    return {"dw": dw, "db": db}, cost


@training_threads
def optimize(w, b, X, Y, num_iterations: int = 100, learning_rate: float = 0.009,
             print_cost: bool = False, *, progress: bool = False):
    """Batch gradient descent for ``num_iterations`` steps, starting from (w, b).

    Returns ``(params, grads, costs)``: ``params = {"w": (n_x, 1), "b": float}``,
    the gradients of the last step, and the cost at iterations 0, 100, 200, ...
    The inputs are not modified. ``progress=True`` shows a progress bar.
    """
    w, b, X, Y = _check_wbXY(w, b, X, Y)
    w = w.copy()
    costs = []
    grads = {"dw": np.zeros_like(w), "db": 0.0}
    steps = range(num_iterations)
    if progress:
        from tqdm.auto import tqdm
        steps = tqdm(steps, desc="gradient descent", unit="it")
    for i in steps:
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    """Labels predicted for each column of X: 1.0 where sigma(w^T X + b) > 0.5, else 0.0; shape (1, m)."""
    w, b, X = _check_wbXY(w, b, X)
    A = sigmoid(w.T @ X + b)
    return (A > 0.5).astype(float)


def accuracy(Y_prediction, Y) -> float:
    """Percentage of columns where the prediction equals the label."""
    Y_prediction = expect_layout("Y_prediction", Y_prediction, "(1, m)")
    Y = expect_layout("Y", Y, "(1, m)")
    expect_shape("Y_prediction", Y_prediction, Y.shape)
    return float(100.0 * np.mean(Y_prediction == Y))


@training_threads
def model(X_train, Y_train, X_test, Y_test, num_iterations: int = 2000,
          learning_rate: float = 0.5, print_cost: bool = False, *, progress: bool = False):
    """Train logistic regression from zeros and predict on both sets.

    Returns a dict with ``costs`` (list), ``Y_prediction_test`` (1, m_test),
    ``Y_prediction_train`` (1, m_train), ``w`` (n_x, 1), ``b`` (float),
    ``learning_rate`` and ``num_iterations``.
    """
    X_train = expect_layout("X_train", X_train, "(n_x, m)")
    X_test = expect_layout("X_test", X_test, "(n_x, m)")
    expect_shape("X_test", X_test, (X_train.shape[0], "m_test"),
                 hint="train and test images must have the same number of features")
    expect_same_columns(["X_train", "Y_train"], X_train, expect_layout("Y_train", Y_train, "(1, m)"))
    expect_same_columns(["X_test", "Y_test"], X_test, expect_layout("Y_test", Y_test, "(1, m)"))
    w, b = initialize_with_zeros(X_train.shape[0])
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                print_cost, progress=progress)
    w, b = params["w"], params["b"]
    return {
        "costs": costs,
        "Y_prediction_test": predict(w, b, X_test),
        "Y_prediction_train": predict(w, b, X_train),
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }
