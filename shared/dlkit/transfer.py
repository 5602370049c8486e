"""Transfer learning with a dlkit L-layer network (Course 3 Week 2).

Pre-train a network on task A (lots of data), then reuse it for task B (little
data, same kind of input x):

1. delete the last layer, W^[L] and b^[L];
2. put a new, randomly initialised last layer in its place, with as many units as
   task B has outputs (``transfer_learning``);
3. train on task B (``fine_tune``): only the new last layer when B has little data
   (the body is *frozen*), or every layer when there is more.

The body W^[1], b^[1], ..., W^[L-1], b^[L-1] carries the low-level features
learned on A. Networks are those of ``dlkit.deep``: [LINEAR -> RELU] x (L-1) ->
LINEAR -> SIGMOID, parameters ``{"W1", "b1", ..., "WL", "bL"}``; an output layer
with several sigmoid units answers several yes/no questions at once (the cost
sums their cross-entropies, as in multi-task learning).

The new last layer is W^[L] = randn(n_out, n^[L-1]) / sqrt(n^[L-1]) drawn from
``np.random.RandomState(seed)`` (the numbers of
``initialize_parameters_deep([n^[L-1], n_out], scale="1/sqrt(n_prev)", seed=seed)["W1"]``)
and b^[L] = 0.

``make_tasks`` generates data for such experiments: inputs x ~ N(0, I) and yes/no
tasks that all read the same hidden low-level features of a "world", so that a
network trained on some of them has learned features the others can use.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_int, expect_layout, expect_shape
from .deep import (L_model_backward, L_model_forward, SCALED, _num_layers, compute_cost,
                   initialize_parameters_deep, training_steps)
from .minibatch import minibatch_indices
from .multitask import multitask_backward, multitask_loss
from .optim import adam_step
from .threads import training_threads

__all__ = ["transfer_learning", "fine_tune", "train_from_scratch", "train_adam", "head_keys", "make_tasks",
           "accuracy"]


def head_keys(parameters) -> tuple:
    """The keys of the last layer, ``("WL", "bL")``."""
    L = _num_layers(parameters)
    return f"W{L}", f"b{L}"


def transfer_learning(parameters, n_out: int, seed: int = 0) -> dict:
    """A copy of ``parameters`` whose last layer is replaced by a fresh one with ``n_out`` units.

    parameters -- dict W1, b1, ..., WL, bL of a trained network (not modified)
    n_out -- number of output units of the new task
    seed -- seed of the new layer's weights

    Returns a new dict: W1, b1, ..., W{L-1}, b{L-1} equal to the old ones (copies, bit for
    bit); WL of shape (n_out, n^[L-1]) = randn / sqrt(n^[L-1]) from
    ``np.random.RandomState(seed)``; bL = zeros (n_out, 1).
    """
    L = _num_layers(parameters)
    n_out = expect_int("n_out", n_out, min=1, what="the number of output units")
    new = {k: np.array(v, dtype=float, copy=True) for k, v in parameters.items()}
    n_prev = new[f"W{L}"].shape[1]
    rng = np.random.RandomState(seed)
    new[f"W{L}"] = rng.randn(int(n_out), n_prev) / np.sqrt(n_prev)
    new[f"b{L}"] = np.zeros((int(n_out), 1))
    return new


@training_threads
def fine_tune(parameters, X, Y, learning_rate: float = 0.1, num_iterations: int = 1000,
              freeze_body: bool = True, *, progress: bool = False, desc: str = "fine-tuning"):
    """Train a network by batch gradient descent, either the last layer only or all of it.

    parameters -- dict W1, b1, ..., WL, bL (not modified)
    X -- inputs (n_x, m); Y -- labels 0/1 (n^[L], m)
    freeze_body -- True: update only WL and bL, the other layers stay exactly as given;
                   False: update every layer
    Each iteration: forward (``L_model_forward``), cost (``compute_cost``), backward
    (``L_model_backward``), then W := W - learning_rate dW, b := b - learning_rate db for
    the layers being trained.

    Returns ``(parameters, costs)``: the trained parameters (a new dict) and the costs at
    iterations 0, 100, 200, ...
    """
    L, X, Y, params = _training_inputs(parameters, X, Y)
    trained = [L] if freeze_body else list(range(1, L + 1))
    costs = []
    for i in training_steps(num_iterations, progress, desc):
        AL, caches = L_model_forward(X, params)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        for l in trained:
            params[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
            params[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
        if i % 100 == 0:
            costs.append(cost)
    return params, costs


def _training_inputs(parameters, X, Y):
    """(L, X, Y, a float copy of ``parameters``) after checking X (n_x, m) and Y (n^[L], m)."""
    L = _num_layers(parameters)
    X = expect_layout("X", X, "(n_x, m)")
    Y = expect_layout("Y", Y, "(n^[L], m)")
    expect_shape("Y", Y, (parameters[f"W{L}"].shape[0], X.shape[1]),
                 hint="one row per output unit of the last layer, one column per example")
    return L, X, Y, {k: np.array(v, dtype=float, copy=True) for k, v in parameters.items()}


@training_threads
def train_from_scratch(X, Y, layers_dims, learning_rate: float = 0.1, num_iterations: int = 1000,
                       seed: int = 1, *, progress: bool = False, desc: str = "from scratch"):
    """Train a new network ``layers_dims`` on (X, Y): ``initialize_parameters_deep(..., scale="1/sqrt(n_prev)",
    seed=seed)`` then ``fine_tune(..., freeze_body=False)``. Returns ``(parameters, costs)``."""
    parameters = initialize_parameters_deep(list(layers_dims), scale=SCALED, seed=seed)
    return fine_tune(parameters, X, Y, learning_rate, num_iterations, freeze_body=False,
                     progress=progress, desc=desc)


@training_threads
def train_adam(parameters, X, Y, *, freeze_body: bool = False, epochs: int = 20, mini_batch_size: int = 128,
               learning_rate: float = 0.01, num_steps: int | None = None, seed: int = 0, progress: bool = False,
               desc: str = "training"):
    """Mini-batch Adam on the masked cross-entropy: the fast trainer of the demonstrations.

    parameters -- dict W1, b1, ..., WL, bL (not modified); X (n_x, m); Y (n^[L], m), 0/1 or
    np.nan for an unknown label ("?", left out of the loss: ``dlkit.multitask``).
    freeze_body -- True: train WL, bL only. Each epoch shuffles the examples
    (``minibatch_indices(m, mini_batch_size, seed + epoch)``) and takes one ``adam_step`` per
    parameter and mini-batch. num_steps -- if given, train for about that many steps instead
    of ``epochs`` epochs (whole epochs: ceil(num_steps / batches per epoch) of them), so that
    small and large training sets get the same number of updates.
    Returns ``(parameters, costs)``, the cost on all of (X, Y) after each epoch.
    """
    L, X, Y, params = _training_inputs(parameters, X, Y)
    keys = [f"{p}{l}" for l in ([L] if freeze_body else range(1, L + 1)) for p in "Wb"]
    v = {k: np.zeros_like(params[k]) for k in keys}
    s = {k: np.zeros_like(params[k]) for k in keys}
    if num_steps is not None:
        epochs = max(1, -(-int(num_steps) // -(-X.shape[1] // int(mini_batch_size))))
    t, costs = 0, []
    for epoch in training_steps(epochs, progress, desc):
        for idx in minibatch_indices(X.shape[1], mini_batch_size, seed + epoch):
            AL, caches = L_model_forward(X[:, idx], params)
            grads = multitask_backward(AL, Y[:, idx], caches)
            t += 1
            for k in keys:
                params[k], v[k], s[k], _, _ = adam_step(params[k], grads["d" + k], v[k], s[k], t, learning_rate)
        costs.append(multitask_loss(L_model_forward(X, params)[0], Y))
    return params, costs


def accuracy(parameters, X, Y) -> np.ndarray:
    """Accuracy of ``AL > 0.5`` against labels Y (n_out, m), one value per output unit; shape (n_out,)."""
    AL, _ = L_model_forward(X, parameters)
    Y = as_array("Y", Y, ndim=2)
    expect_shape("Y", Y, AL.shape, hint="one label per output unit and example")
    return np.mean((AL > 0.5) == (Y == 1), axis=1)


# ------------------------------------------------------------------- the data

_WORLD_CACHE: dict = {}


def _world(world: int, n_x: int, n_features: int):
    """The hidden low-level features of a world: h(x) = relu(V x + c), V (n_features, n_x), c (n_features, 1)."""
    key = (world, n_x, n_features)
    if key not in _WORLD_CACHE:
        rng = np.random.RandomState(10_000 + world)
        V = rng.randn(n_features, n_x) / np.sqrt(n_x)
        c = 0.3 * rng.randn(n_features, 1)
        ref = np.random.RandomState(20_000 + world).randn(n_x, 20_000)
        H_ref = np.maximum(0.0, V @ ref + c)
        _WORLD_CACHE[key] = (V, c, H_ref)
    return _WORLD_CACHE[key]


def _task_weights(task, world: int, n_features: int) -> np.ndarray:
    if isinstance(task, (tuple, list)):
        u = np.zeros(n_features)
        for j in task:
            if not 0 <= int(j) < n_features:
                raise ValueError(f"a task reads features 0 .. {n_features - 1}; got feature {j} in {task}")
            u[int(j)] = 1.0
        return u
    return np.random.RandomState(30_000 + 1000 * world + int(task)).randn(n_features)


def make_tasks(m: int, tasks, seed: int = 0, *, world: int = 0, n_x: int = 16, n_features: int = 6,
               noise: float = 0.05):
    """Inputs and labels of yes/no tasks that share the low-level features of a world.

    m -- number of examples
    tasks -- one entry per task (row of Y): an int k (task k of the world, reading all its
             features with random weights u_k) or a tuple of feature indices such as (0, 2)
             (the task reads those features only, u = 1 on them)
    seed -- seed of the inputs (and of the label noise)
    world -- which hidden features the tasks read: tasks of the same world share
             h(x) = relu(V x + c) (``n_features`` of them); different worlds share nothing
    noise -- standard deviation of the noise added to a task's score, relative to its spread

    A task answers "is u . h(x) above its median?", so both answers are equally common.
    Returns X (n_x, m) ~ N(0, I) and Y (len(tasks), m) of 0.0/1.0. The same (world, task)
    is always the same question, whatever the seed.
    """
    V, c, H_ref = _world(world, n_x, n_features)
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, int(m))
    H = np.maximum(0.0, V @ X + c)
    tasks = [tasks] if isinstance(tasks, (int, np.integer)) else list(tasks)
    U = np.stack([_task_weights(t, world, n_features) for t in tasks])
    ref_scores = U @ H_ref
    centre = np.median(ref_scores, axis=1, keepdims=True)
    spread = ref_scores.std(axis=1, keepdims=True)
    scores = (U @ H - centre) / spread + noise * rng.randn(len(tasks), int(m))
    return X, (scores > 0).astype(float)
