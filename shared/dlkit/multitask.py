"""Multi-task learning with missing labels (Course 3 Week 2).

One network, several yes/no questions about the same input: is there a
pedestrian, a car, a stop sign, a traffic light? The output layer has one
sigmoid unit per task, so Y_hat and the labels Y have shape (n_tasks, m), one
column per example. An image can answer "yes" to several tasks at once: this is
not a softmax.

Some labels are unknown (the labeller did not check for traffic lights). They
are written ``np.nan`` (the course's "?") and simply left out of the loss:

    J = -(1/m) sum_i sum_{j labelled} [ y_j^(i) log yhat_j^(i) + (1 - y_j^(i)) log(1 - yhat_j^(i)) ]

with m = Y.shape[1], every example counted, labelled or not (the course's 1/m).
``per_label=True`` divides by the number of labelled entries instead, which
makes J the average loss of one label.

Predictions are clipped to [1e-12, 1 - 1e-12] so that log(0) never happens, and
a "?" never turns into NaN: it is masked out *before* any arithmetic.

``multitask_backward`` reuses ``dlkit.deep.L_model_backward``: its output layer
computes dZ = AL - Y, so filling each "?" with the prediction itself makes that
entry's gradient zero, and the rest of the backward pass is the usual one.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_shape
from .deep import (L_model_backward, L_model_forward, SCALED, initialize_parameters_deep, training_steps,
                   update_parameters)
from .threads import training_threads

__all__ = [
    "label_mask", "multitask_loss", "multitask_loss_backward", "multitask_loss_and_grad",
    "multitask_backward", "multitask_model", "hide_labels", "task_accuracy", "SEED_Y", "NOTES_Y_HAT",
]

_EPS = 1e-12

# the label matrix of the lecture (columns = examples; rows = pedestrian, car, stop sign, traffic light)
SEED_Y = np.array([[1.0, 0.0, np.nan, np.nan],
                   [0.0, 1.0, np.nan, 0.0],
                   [0.0, 1.0, np.nan, 1.0],
                   [np.nan, 0.0, 1.0, 0.0]])
# predictions used with SEED_Y in the course notes' worked number (J = 0.6345479)
NOTES_Y_HAT = np.array([[0.9, 0.2, 0.5, 0.5],
                        [0.1, 0.8, 0.5, 0.3],
                        [0.2, 0.7, 0.5, 0.6],
                        [0.5, 0.1, 0.9, 0.2]])


def _check(Y_hat, Y):
    Y_hat = as_array("Y_hat", Y_hat, ndim=2)
    Y = as_array("Y", Y, ndim=2)
    expect_shape("Y", Y, Y_hat.shape, hint="Y holds one label (or np.nan for '?') per entry of Y_hat (n_tasks, m)")
    if np.any(np.isnan(Y_hat)):
        raise ValueError("`Y_hat` contains NaN: predictions must be numbers in (0, 1)")
    known = Y[~np.isnan(Y)]
    if np.any((known != 0) & (known != 1)):
        raise ValueError("`Y` must hold 0, 1 or np.nan (for '?'); found other values")
    return Y_hat, Y


def label_mask(Y) -> np.ndarray:
    """Boolean array of the shape of ``Y``: True where a label is known, False where it is "?" (np.nan)."""
    return ~np.isnan(as_array("Y", Y))


def _normaliser(mask, per_label):
    if per_label:
        return max(int(mask.sum()), 1)
    return mask.shape[1]


def multitask_loss(Y_hat, Y, per_label: bool = False) -> float:
    """Masked sigmoid cross-entropy of predictions ``Y_hat`` (n_tasks, m) against labels ``Y`` (n_tasks, m).

    Entries of ``Y`` that are np.nan ("?") are left out. Normalised by 1/m (m = number
    of columns, every example counted), or, with ``per_label=True``, by the number of
    labelled entries (0.0 when there are none). Returns a float, never NaN.
    """
    Y_hat, Y = _check(Y_hat, Y)
    mask = ~np.isnan(Y)
    y = np.where(mask, Y, 0.0)
    p = np.clip(Y_hat, _EPS, 1.0 - _EPS)
    losses = np.where(mask, -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)), 0.0)
    return float(np.sum(losses) / _normaliser(mask, per_label))


def multitask_loss_backward(Y_hat, Y, per_label: bool = False) -> np.ndarray:
    """dJ/dY_hat of ``multitask_loss``: shape (n_tasks, m), exactly 0 where Y is "?".

    On a labelled entry: -(y / yhat - (1 - y) / (1 - yhat)) / N, N = m (or the number of
    labelled entries with ``per_label=True``). Includes the 1/N: this is the slope of J itself.
    """
    Y_hat, Y = _check(Y_hat, Y)
    mask = ~np.isnan(Y)
    y = np.where(mask, Y, 0.0)
    p = np.clip(Y_hat, _EPS, 1.0 - _EPS)
    d = -(y / p - (1.0 - y) / (1.0 - p))
    return np.where(mask, d, 0.0) / _normaliser(mask, per_label)


def multitask_loss_and_grad(Y_hat, Y, per_label: bool = False):
    """``(cost, dY_hat)``: ``multitask_loss`` and ``multitask_loss_backward`` together."""
    return multitask_loss(Y_hat, Y, per_label), multitask_loss_backward(Y_hat, Y, per_label)


def multitask_backward(AL, Y, caches, per_label: bool = False) -> dict:
    """Gradients of the masked loss for an L-layer net whose output layer is n_tasks sigmoid units.

    AL, Y (n_tasks, m) with np.nan for "?"; ``caches`` from ``dlkit.deep.L_model_forward``.
    Returns grads like ``L_model_backward`` (dA0 .. dA{L-1}, dW1 .. dWL, db1 .. dbL), the dW and
    db being slopes of ``multitask_loss(AL, Y, per_label)``.

    L_model_backward computes dZ^[L] = AL - Y and averages over the m columns. Here
    ``Y_filled`` equals AL on the "?" entries (so their dZ is 0) and, for ``per_label``,
    scales the labelled dZ by m / (number of labelled entries).
    """
    AL = as_array("AL", AL, ndim=2)
    Y = as_array("Y", Y, ndim=2)
    expect_shape("Y", Y, AL.shape, hint="Y holds one label (or np.nan) per entry of AL")
    mask = ~np.isnan(Y)
    scale = AL.shape[1] / _normaliser(mask, per_label) if per_label else 1.0
    dZ = np.where(mask, AL - np.where(mask, Y, 0.0), 0.0) * scale
    return L_model_backward(AL, AL - dZ, caches)


@training_threads
def multitask_model(X, Y, layers_dims, learning_rate: float = 0.1, num_iterations: int = 1000,
                    per_label: bool = False, seed: int = 1, *, progress: bool = False,
                    desc: str = "multi-task net"):
    """Train [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID x n_tasks on labels with "?" by gradient descent.

    X (n_x, m); Y (n_tasks, m) with np.nan for unknown labels; ``layers_dims = [n_x, ..., n_tasks]``.
    Starts from ``initialize_parameters_deep(layers_dims, scale="1/sqrt(n_prev)", seed=seed)``.
    Returns ``(parameters, costs)``, the cost recorded at iterations 0, 100, 200, ...
    """
    X = as_array("X", X, ndim=2)
    Y = as_array("Y", Y, ndim=2)
    dims = list(layers_dims)
    if dims[0] != X.shape[0] or dims[-1] != Y.shape[0]:
        raise ValueError(f"`layers_dims` must start with n_x = {X.shape[0]} and end with n_tasks = {Y.shape[0]}, "
                         f"got {dims}")
    expect_shape("Y", Y, (dims[-1], X.shape[1]), hint="one column of labels per column of X")
    parameters = initialize_parameters_deep(dims, scale=SCALED, seed=seed)
    costs = []
    for i in training_steps(num_iterations, progress, desc):
        AL, caches = L_model_forward(X, parameters)
        if i % 100 == 0:
            costs.append(multitask_loss(AL, Y, per_label))
        grads = multitask_backward(AL, Y, caches, per_label)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def hide_labels(Y, fraction, seed: int = 0) -> np.ndarray:
    """A copy of ``Y`` in which each entry is replaced by np.nan ("?") with probability ``fraction``.

    fraction -- one number for every task, or one per task (a sequence of n_tasks numbers in [0, 1))
    """
    Y = as_array("Y", Y, ndim=2).copy()
    f = np.asarray(fraction, dtype=float)
    if f.ndim == 1:
        expect_shape("fraction", f, (Y.shape[0],), hint="one fraction per task (row of Y)")
        f = f[:, None]
    if np.any((f < 0) | (f >= 1)) or f.ndim > 2:
        raise ValueError(f"`fraction` must be a number or one number per task in [0, 1), got {fraction!r}")
    hidden = np.random.RandomState(seed).random_sample(Y.shape) < f
    Y[hidden] = np.nan
    return Y


def task_accuracy(AL, Y) -> np.ndarray:
    """Accuracy per task (row) of the predictions ``AL > 0.5``, over the labelled entries only; shape (n_tasks,)."""
    AL = as_array("AL", AL, ndim=2)
    Y = as_array("Y", Y, ndim=2)
    expect_shape("Y", Y, AL.shape, hint="one label per prediction")
    mask = ~np.isnan(Y)
    right = ((AL > 0.5) == (Y == 1)) & mask
    return right.sum(axis=1) / np.maximum(mask.sum(axis=1), 1)
