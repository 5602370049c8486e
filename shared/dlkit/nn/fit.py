"""The training loop and its two helpers: ``fit``, ``predict``, ``accuracy``.

``fit`` runs mini-batch training: every epoch shuffles the examples
(``dlkit.minibatch.minibatch_indices`` with seed ``seed + epoch``, the
optimisation notebook's convention) and, for every mini-batch,

    out = model.forward(X_t, training=True)     # forward
    cost = loss.forward(out, Y_t)                # cost
    model.backward(loss.backward())              # backward: every layer stores its grads
    optimizer.step(model)                        # update

It only calls these methods, so it works with any objects that have them.
It assumes no layout: ``x_axis`` and ``y_axis`` name the example axis of ``X``
and ``Y`` (for 2-D arrays the default is the last axis, the columns; for other
arrays they must be given, e.g. ``x_axis=0`` for images (m, n_H, n_W, n_C); a 1-D
array, such as integer labels (m,), has only one).

``predict`` and ``accuracy`` are for classifiers whose output holds one score
(a logit) per class along ``class_axis`` (axis 0 for (C, m)): the predicted
class is the largest score; an output with a single score per example is read
as binary, class 1 where the logit is positive.
"""
from __future__ import annotations

import numpy as np

from .._validate import expect_int

from ..minibatch import minibatch_indices
from ..threads import blas_threads_for_training, limit_blas_threads


def _example_axis(name: str, A: np.ndarray, axis):
    if axis is None:
        if A.ndim == 1:
            return 0
        if A.ndim != 2:
            raise ValueError(f"{name} has shape {A.shape}: say which axis holds the examples "
                             f"({'x_axis' if name.startswith('X') else 'y_axis'}=...); only for 2-D arrays is it "
                             "taken to be the last one (one column per example)")
        return A.ndim - 1
    if not -A.ndim <= axis < A.ndim:
        raise ValueError(f"{name} has {A.ndim} axes; there is no axis {axis}")
    return axis % A.ndim


def take_examples(A: np.ndarray, idx, axis: int) -> np.ndarray:
    """The examples ``idx`` of ``A`` along ``axis``, each example's entries contiguous in memory.

    (For (n, m) data that makes the mini-batch Fortran-ordered, which matrix products read fastest.)
    """
    return np.moveaxis(np.moveaxis(A, axis, 0)[idx], 0, axis)


def _progress(iterable, progress: bool, desc: str):
    if not progress:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, desc=desc, unit="epoch")


def fit(model, loss, optimizer, X, Y, epochs: int, batch_size: int = 64, seed: int = 0, X_dev=None, Y_dev=None,
        progress: bool = True, *, x_axis=None, y_axis=None, class_axis: int = 0, desc: str = "training",
        callback=None, blas_threads: int | None = None) -> dict:
    """Train ``model`` on ``(X, Y)`` for ``epochs`` passes of mini-batch steps; returns the history.

    Arguments:
    model -- has forward(x, training) and backward(dout) (a Sequential, a layer, ...)
    loss -- has forward(out, Y_t) -> cost and backward() -> dJ/d(out)
    optimizer -- has step(model)
    X, Y -- inputs and labels, the examples along ``x_axis`` and ``y_axis``
    epochs -- number of passes over the training set
    batch_size -- mini-batch size (the last batch of an epoch may be smaller)
    seed -- the shuffle of epoch e uses seed + e, so training is reproducible (like the course's
            random_mini_batches, this reseeds numpy's global generator)
    X_dev, Y_dev -- optional held-out set, whose accuracy is recorded after each epoch
    progress -- show a tqdm progress bar with the cost (and dev accuracy)
    callback -- optional ``callback(epoch, history)``, called after each epoch (epoch counts from 0);
                it may change ``optimizer.learning_rate`` (a schedule), plot, or return True to stop
    blas_threads -- threads for numpy's matrix products during training; None (default): dlkit's rule,
                    ``dlkit.threads.blas_threads_for_training()`` (1, or ``DLKIT_BLAS_THREADS``)

    Returns:
    history -- dict: "cost" (the mean mini-batch cost of each epoch, weighted by batch size) and,
               with a dev set, "dev_accuracy" (fraction correct after each epoch)
    """
    X, Y = np.asarray(X), np.asarray(Y)
    xa, ya = _example_axis("X", X, x_axis), _example_axis("Y", Y, y_axis)
    m = X.shape[xa]
    if Y.shape[ya] != m:
        raise ValueError(f"X has {m} examples (axis {xa}) but Y has {Y.shape[ya]} (axis {ya})")
    epochs = expect_int("epochs", epochs, min=0, what="passes over the training set")
    if (X_dev is None) != (Y_dev is None):
        raise ValueError("give both X_dev and Y_dev, or neither")
    history = {"cost": []}
    if X_dev is not None:
        history["dev_accuracy"] = []
    with limit_blas_threads(blas_threads_for_training() if blas_threads is None else blas_threads):
        bar = _progress(range(int(epochs)), progress, desc)
        # One copy with the examples first and each example contiguous: gathering a mini-batch is then
        # a read of whole blocks (gathering columns of an (n, m) array was half of an epoch's time).
        X_rows = np.ascontiguousarray(np.moveaxis(X, xa, 0))
        Y_rows = np.ascontiguousarray(np.moveaxis(Y, ya, 0))
        for epoch in bar:
            total = 0.0
            for idx in minibatch_indices(m, batch_size, seed + epoch):
                X_t, Y_t = np.moveaxis(X_rows[idx], 0, xa), np.moveaxis(Y_rows[idx], 0, ya)
                cost = loss.forward(model.forward(X_t, True), Y_t)     # forward and cost
                model.backward(loss.backward())                       # backward
                optimizer.step(model)                                 # update
                total += float(cost) * len(idx)
            history["cost"].append(total / m)
            shown = {"cost": f"{history['cost'][-1]:.4f}"}
            if X_dev is not None:
                acc = accuracy(model, X_dev, Y_dev, x_axis=x_axis, class_axis=class_axis)
                history["dev_accuracy"].append(acc)
                shown["dev_acc"] = f"{acc:.3f}"
            if progress:
                bar.set_postfix(shown)
            if callback is not None and callback(epoch, history):
                break
        if progress:
            bar.close()
    return history


def predict(model, X, *, x_axis=None, class_axis: int = 0, batch_size: int | None = None) -> np.ndarray:
    """Predicted class labels (integers) of the examples of ``X``, from ``model.forward(X, training=False)``.

    With ``batch_size`` the examples go through the model in chunks (to save memory); the output's
    example axis is then taken to be its last one. The result has the output's shape without the
    class axis: (m,) for a (C, m) output.
    """
    X = np.asarray(X)
    if batch_size is None:
        out = np.asarray(model.forward(X, False))
    else:
        xa = _example_axis("X", X, x_axis)
        chunks = [np.asarray(model.forward(take_examples(X, np.arange(k, min(k + batch_size, X.shape[xa])), xa),
                                           False))
                  for k in range(0, X.shape[xa], batch_size)]
        out = np.concatenate(chunks, axis=-1)
    if out.shape[class_axis] == 1:
        return (np.take(out, 0, axis=class_axis) > 0).astype(np.int64)
    return np.argmax(out, axis=class_axis)


def labels_of(Y, n_axes: int, class_axis: int = 0) -> np.ndarray:
    """Integer labels of ``Y``: one-hot (or 0/1 rows) along ``class_axis`` when ``Y`` has ``n_axes + 1`` axes."""
    Y = np.asarray(Y)
    if Y.ndim == n_axes + 1:
        if Y.shape[class_axis] == 1:
            return np.take(Y, 0, axis=class_axis).astype(np.int64)
        return np.argmax(Y, axis=class_axis)
    if Y.ndim == n_axes:
        return Y.astype(np.int64)
    raise ValueError(f"labels of shape {Y.shape} do not match predictions with {n_axes} axes")


def accuracy(model, X, Y, *, x_axis=None, class_axis: int = 0, batch_size: int | None = None) -> float:
    """The fraction of examples of ``X`` whose predicted class is the label in ``Y`` (one-hot (C, m) or integers)."""
    pred = predict(model, X, x_axis=x_axis, class_axis=class_axis, batch_size=batch_size)
    true = labels_of(Y, pred.ndim, class_axis)
    if true.shape != pred.shape:
        raise ValueError(f"{true.size} labels for {pred.size} predictions")
    return float(np.mean(pred == true))
