"""Course 2 Week 1: L2 regularisation and inverted dropout for a 3-layer network.

The network is the course's LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID,
``layers_dims = [n_x, n^[1], n^[2], 1]`` (the notebook uses [2, 20, 3, 1]).
X is (n_x, m) with one example per column, Y is (1, m) with labels 0/1.
Parameters W1, b1, W2, b2, W3, b3 have the shapes of ``dlkit.deep``.

**The caches** are the course's flat tuples, so that a backward pass can
unpack them by name:

    forward_propagation               -> (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    forward_propagation_with_dropout  -> (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)

with ``A1``, ``A2`` the activations *after* dropout and ``D1``, ``D2`` the
boolean masks (True = unit kept).

**Gradients** are dicts with the course's keys dZ3, dW3, db3, dA2, dZ2, dW2,
db2, dA1, dZ1, dW1, db1. As everywhere in dlkit, dW and db are slopes of the
cost J (an average over the m examples) while dA and dZ hold per-example
slopes (m times the slope of J).

**L2 regularisation.** The cost gains (lambda / 2m) times the sum of the
squared Frobenius norms of the weight matrices (the biases are not
regularised),

    J = cross-entropy + (lambda / 2m) sum_l sum_i sum_j (W^[l]_ij)^2,

so every dW^[l] gains (lambda / m) W^[l] (``l2_gradient``). A gradient step is
then W := (1 - alpha lambda / m) W - alpha (backprop): "weight decay".

**Inverted dropout.** After the activation of hidden layer l, a mask
D^[l] = (rand(n^[l], m) < keep_prob) keeps each unit of each example with
probability keep_prob; the kept values are divided by keep_prob so that the
expected activation is unchanged. The backward pass applies the SAME mask and
the same 1/keep_prob to dA^[l]. Nothing is dropped or rescaled at test time
(``predict``).

**Seeding (the course's convention, documented).** The masks follow
``np.random.seed(seed)`` and then ``np.random.rand`` calls in layer order (D1,
then D2), so that a student's numbers equal these. dlkit draws them from a
private ``np.random.RandomState(seed)``, which gives the same numbers and leaves
numpy's global random state alone. ``model`` passes ``seed = iteration``, so
every iteration draws fresh masks, reproducibly. (The course's own notebook
re-seeds with the same seed at every call, which trains one fixed thinned
network; a fresh seed per iteration is dropout as the lecture describes it.)

``model`` trains with ``lambd`` > 0 (L2) or ``keep_prob`` < 1 (dropout), or
neither, starting from ``deep.initialize_parameters_deep(layers_dims,
scale="1/sqrt(n_prev)", seed=3)``; it can record a dev-set cost for an
early-stopping curve.
"""
from __future__ import annotations

import numpy as np

from . import deep
from ._validate import as_array, expect_shape
from .layers.dense import linear_backward, linear_forward, relu_backward, relu_forward, sigmoid_forward

__all__ = [
    "l2_cost", "compute_cost_with_regularization", "l2_gradient",
    "dropout_mask", "dropout_forward", "dropout_backward",
    "forward_propagation", "backward_propagation", "backward_propagation_with_regularization",
    "forward_propagation_with_dropout", "backward_propagation_with_dropout",
    "weight_decay_step", "model", "predict", "accuracy",
]

CACHE_NAMES = ("Z1", "A1", "W1", "b1", "Z2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")
DROPOUT_CACHE_NAMES = ("Z1", "D1", "A1", "W1", "b1", "Z2", "D2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")
GRADIENT_KEYS = ("dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1")


# ------------------------------------------------------------------ checks

def _check_lambd(lambd) -> float:
    try:
        value = float(lambd)
    except (TypeError, ValueError):
        raise ValueError(f"`lambd` (the L2 strength lambda) must be a number >= 0, got {lambd!r}") from None
    if not (np.isfinite(value) and value >= 0):
        raise ValueError(f"`lambd` (the L2 strength lambda) must be a number >= 0, got {lambd!r}")
    return value


def _check_keep_prob(keep_prob) -> float:
    try:
        value = float(keep_prob)
    except (TypeError, ValueError):
        raise ValueError(f"`keep_prob` must be a probability in (0, 1], got {keep_prob!r}") from None
    if not 0.0 < value <= 1.0:
        raise ValueError(f"`keep_prob` must be a probability in (0, 1] (1 means no dropout), got {keep_prob!r}")
    return value


def _check_m(m) -> int:
    if isinstance(m, bool) or not isinstance(m, (int, np.integer)) or m < 1:
        raise ValueError(f"`m` (the number of examples) must be a positive integer, got {m!r}")
    return int(m)


def _weights(parameters) -> list[tuple[str, np.ndarray]]:
    if not isinstance(parameters, dict):
        raise ValueError("`parameters` must be a dict {'W1': ..., 'b1': ..., ...}")
    names = sorted((k for k in parameters if k.startswith("W") and k[1:].isdigit()), key=lambda k: int(k[1:]))
    if not names:
        raise ValueError(f"`parameters` holds no weight matrices W1, W2, ...; got keys {sorted(parameters)}")
    return [(k, as_array(k, parameters[k], ndim=2)) for k in names]


def _three_layers(parameters):
    if not isinstance(parameters, dict):
        raise ValueError("`parameters` must be a dict with W1, b1, W2, b2, W3, b3")
    missing = [k for k in ("W1", "b1", "W2", "b2", "W3", "b3") if k not in parameters]
    if missing:
        raise ValueError(f"`parameters` is missing {missing}: this is the 3-layer network W1, b1, W2, b2, W3, b3")
    return [as_array(k, parameters[k]) for k in ("W1", "b1", "W2", "b2", "W3", "b3")]


def _unpack(cache, names):
    if not (isinstance(cache, (tuple, list)) and len(cache) == len(names)):
        got = len(cache) if isinstance(cache, (tuple, list)) else type(cache).__name__
        raise ValueError(f"`cache` must be the {len(names)}-tuple ({', '.join(names)}), got {got}")
    return [as_array(n, c) for n, c in zip(names, cache)]


def _check_xy(X, Y, n_x=None):
    X = as_array("X", X, ndim=2)
    if n_x is not None:
        expect_shape("X", X, (n_x, "m"), hint=f"W1 has {n_x} columns, one per input feature")
    Y = as_array("Y", Y)
    expect_shape("Y", Y, (1, X.shape[1]), hint="Y holds one label per column of X")
    return X, Y


# -------------------------------------------------------------------- L2

def l2_cost(parameters, lambd, m) -> float:
    """The L2 term (lambda / 2m) * sum over l of ||W^[l]||_F^2 (every ``W<l>`` in ``parameters``; no biases).

    ||W||_F^2 = sum_i sum_j W_ij^2, the i-sum over the n^[l] rows and the
    j-sum over the n^[l-1] columns. Returns a float.
    """
    lambd, m = _check_lambd(lambd), _check_m(m)
    total = sum(float(np.sum(np.square(W))) for _, W in _weights(parameters))
    return lambd / (2.0 * m) * total


def compute_cost_with_regularization(A3, Y, parameters, lambd) -> float:
    """Cross-entropy of A3 (1, m) against Y (1, m) plus the L2 term (lambda / 2m) sum_l ||W^[l]||_F^2; a float."""
    A3 = as_array("A3", A3, ndim=2)
    Y = as_array("Y", Y)
    expect_shape("Y", Y, A3.shape, hint="Y holds one label per column of A3")
    return deep.compute_cost(A3, Y) + l2_cost(parameters, lambd, Y.shape[1])


def l2_gradient(W, lambd, m) -> np.ndarray:
    """The L2 term's contribution to dW: (lambda / m) W, shaped like W."""
    return _check_lambd(lambd) / _check_m(m) * as_array("W", W)


def weight_decay_step(W, dW_backprop, lambd, m, learning_rate) -> np.ndarray:
    """One gradient step written as weight decay: (1 - alpha lambda / m) W - alpha dW_backprop.

    Equal to W - alpha (dW_backprop + (lambda / m) W), the ordinary step on the regularised cost.
    """
    W = as_array("W", W)
    dW = as_array("dW_backprop", dW_backprop)
    expect_shape("dW_backprop", dW, W.shape, hint="the gradient has the shape of W")
    lambd, m = _check_lambd(lambd), _check_m(m)
    return (1.0 - learning_rate * lambd / m) * W - learning_rate * dW


# --------------------------------------------------------------- dropout

def dropout_mask(shape, keep_prob, rng) -> np.ndarray:
    """A boolean mask of ``shape``: ``rng.rand(*shape) < keep_prob`` (True = keep).

    ``rng`` is a ``np.random.RandomState`` (its ``rand`` draws the numbers of ``np.random.rand``).
    """
    keep_prob = _check_keep_prob(keep_prob)
    return rng.rand(*shape) < keep_prob


def dropout_forward(A, D, keep_prob) -> np.ndarray:
    """Inverted dropout of the activations A (n, m) with the mask D (n, m): A * D / keep_prob."""
    A = as_array("A", A)
    D = np.asarray(D)
    expect_shape("D", D, A.shape, hint="the mask has one entry per unit and per example, like A")
    return A * D / _check_keep_prob(keep_prob)


def dropout_backward(dA, D, keep_prob) -> np.ndarray:
    """The backward step of inverted dropout: dA * D / keep_prob, with the mask D of the forward pass."""
    dA = as_array("dA", dA)
    D = np.asarray(D)
    expect_shape("D", D, dA.shape, hint="use the mask of the forward pass, shaped like dA")
    return dA * D / _check_keep_prob(keep_prob)


# ----------------------------------------------------- forward / backward

def _layer(A_prev, W, b, relu=True):
    Z, _ = linear_forward(A_prev, W, b)
    A, _ = relu_forward(Z) if relu else sigmoid_forward(Z)
    return Z, A


def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, no dropout.

    X (n_x, m) -> A3 (1, m) and the cache (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
    """
    W1, b1, W2, b2, W3, b3 = _three_layers(parameters)
    X = as_array("X", X, ndim=2)
    Z1, A1 = _layer(X, W1, b1)
    Z2, A2 = _layer(A1, W2, b2)
    Z3, A3 = _layer(A2, W3, b3, relu=False)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def _backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, lambd=0.0, masks=None, keep_prob=1.0):
    """The shared backward pass: optional L2 term on dW, optional dropout masks on dA2, dA1."""
    X, Y = _check_xy(X, Y, n_x=W1.shape[1])
    m = X.shape[1]
    expect_shape("A3", A3, Y.shape, hint="A3 is the network's output, one probability per example")
    dZ3 = A3 - Y
    dA2, dW3, db3 = linear_backward(dZ3, (A2, W3, b3))
    if masks is not None:
        dA2 = dropout_backward(dA2, masks[1], keep_prob)
    dZ2 = relu_backward(dA2, Z2)
    dA1, dW2, db2 = linear_backward(dZ2, (A1, W2, b2))
    if masks is not None:
        dA1 = dropout_backward(dA1, masks[0], keep_prob)
    dZ1 = relu_backward(dA1, Z1)
    _, dW1, db1 = linear_backward(dZ1, (X, W1, b1))
    if lambd:
        dW3 = dW3 + l2_gradient(W3, lambd, m)
        dW2 = dW2 + l2_gradient(W2, lambd, m)
        dW1 = dW1 + l2_gradient(W1, lambd, m)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def backward_propagation(X, Y, cache) -> dict:
    """Gradients of the unregularised cross-entropy cost; ``cache`` from ``forward_propagation``."""
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = _unpack(cache, CACHE_NAMES)
    return _backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3)


def backward_propagation_with_regularization(X, Y, cache, lambd) -> dict:
    """Gradients of the L2-regularised cost: the usual backprop with dW^[l] += (lambda / m) W^[l].

    X (n_x, m), Y (1, m), ``cache`` from ``forward_propagation``. The biases
    are not regularised, so db^[l] is unchanged; so are dA and dZ.
    Returns the dict dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1.
    """
    lambd = _check_lambd(lambd)
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = _unpack(cache, CACHE_NAMES)
    return _backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, lambd=lambd)


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5, seed=1):
    """The forward pass with inverted dropout on the two hidden layers.

    After A1 = relu(Z1): D1 = rand(n^[1], m) < keep_prob, A1 = A1 * D1 / keep_prob;
    the same for A2 with D2. The masks follow ``np.random.seed(seed)`` then
    ``np.random.rand`` for D1, then for D2 (drawn from a private RandomState).
    The output layer has no dropout.

    Returns A3 (1, m) and the cache (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3),
    where A1, A2 are the activations after dropout and D1, D2 boolean masks.
    """
    keep_prob = _check_keep_prob(keep_prob)
    W1, b1, W2, b2, W3, b3 = _three_layers(parameters)
    X = as_array("X", X, ndim=2)
    rng = np.random.RandomState(seed)
    Z1, A1 = _layer(X, W1, b1)
    D1 = dropout_mask(A1.shape, keep_prob, rng)
    A1 = dropout_forward(A1, D1, keep_prob)
    Z2, A2 = _layer(A1, W2, b2)
    D2 = dropout_mask(A2.shape, keep_prob, rng)
    A2 = dropout_forward(A2, D2, keep_prob)
    Z3, A3 = _layer(A2, W3, b3, relu=False)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation_with_dropout(X, Y, cache, keep_prob) -> dict:
    """Gradients with inverted dropout: dA2 and dA1 get the forward pass's masks and the 1/keep_prob.

    ``cache`` from ``forward_propagation_with_dropout`` (same ``keep_prob``).
    dA2 = (W3^T dZ3) * D2 / keep_prob, dA1 = (W2^T dZ2) * D1 / keep_prob;
    no new random numbers are drawn. Returns the dict of ``GRADIENT_KEYS``.
    """
    keep_prob = _check_keep_prob(keep_prob)
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = _unpack(cache, DROPOUT_CACHE_NAMES)
    return _backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, masks=(D1, D2), keep_prob=keep_prob)


# -------------------------------------------------------------- training

def predict(X, parameters) -> np.ndarray:
    """Labels (1, m) of 0.0/1.0: 1 where the network (no dropout, no rescaling) outputs > 0.5."""
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(float)


def accuracy(X, Y, parameters) -> float:
    """The fraction of the columns of X (n_x, m) whose prediction equals Y (1, m)."""
    X, Y = _check_xy(X, Y)
    return float(np.mean(predict(X, parameters) == Y))


def model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=False, lambd=0.0, keep_prob=1.0, *,
          layers_dims=None, dev=None, every=1000, progress=False):
    """Train the 3-layer network by batch gradient descent, with L2 (``lambd`` > 0) or dropout (``keep_prob`` < 1).

    X (n_x, m), Y (1, m). ``layers_dims`` defaults to the course's [n_x, 20, 3, 1];
    the weights start from ``deep.initialize_parameters_deep(layers_dims,
    scale="1/sqrt(n_prev)", seed=3)``. Iteration i uses dropout masks seeded with i.
    Using both L2 and dropout at once is allowed.

    Every ``every`` iterations (0, every, 2 every, ...) the training cost is
    recorded: the regularised cost when ``lambd`` > 0, the cross-entropy of the
    dropped-out network when ``keep_prob`` < 1. With ``dev = (X_dev, Y_dev)``
    the cross-entropy of the whole network (no dropout) on the training and
    dev sets is recorded too, for an early-stopping curve.

    Returns ``(parameters, history)``, ``history`` a dict of lists:
    ``"iteration"``, ``"cost"`` and, with ``dev``, ``"train_cost"`` and ``"dev_cost"``.
    """
    X, Y = _check_xy(X, Y)
    lambd, keep_prob = _check_lambd(lambd), _check_keep_prob(keep_prob)
    if isinstance(every, bool) or not isinstance(every, (int, np.integer)) or every < 1:
        raise ValueError(f"`every` must be a positive integer (record the cost every so many iterations), got {every!r}")
    dims = list(layers_dims) if layers_dims is not None else [X.shape[0], 20, 3, 1]
    if len(dims) != 4 or dims[0] != X.shape[0] or dims[-1] != 1:
        raise ValueError(f"`layers_dims` must be [n_x, n_1, n_2, 1] with n_x = {X.shape[0]} (this is the 3-layer "
                         f"network), got {layers_dims!r}")
    if dev is not None:
        X_dev, Y_dev = _check_xy(*dev, n_x=X.shape[0])
    parameters = deep.initialize_parameters_deep(dims, scale=deep.SCALED, seed=3)
    history = {"iteration": [], "cost": []}
    if dev is not None:
        history.update(train_cost=[], dev_cost=[])
    desc = "L2" if lambd else "dropout" if keep_prob < 1 else "no regularisation"
    for i in deep.training_steps(num_iterations, progress, desc):
        if keep_prob < 1:
            A3, cache = forward_propagation_with_dropout(X, parameters, keep_prob, seed=i)
        else:
            A3, cache = forward_propagation(X, parameters)
        cost = compute_cost_with_regularization(A3, Y, parameters, lambd) if lambd else deep.compute_cost(A3, Y)
        if keep_prob < 1:
            grads = _backward(X, Y, *_drop_masks(cache), lambd=lambd, masks=(cache[1], cache[6]), keep_prob=keep_prob)
        elif lambd:
            grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        else:
            grads = backward_propagation(X, Y, cache)
        if i % every == 0:
            history["iteration"].append(i)
            history["cost"].append(cost)
            if dev is not None:
                history["train_cost"].append(deep.compute_cost(forward_propagation(X, parameters)[0], Y))
                dev_cost = deep.compute_cost(forward_propagation(X_dev, parameters)[0], Y_dev)
                history["dev_cost"].append(dev_cost)
                if dev_cost < history.get("best_dev_cost", np.inf):
                    history.update(best_iteration=i, best_dev_cost=dev_cost,
                                   best_parameters={k: v.copy() for k, v in parameters.items()})
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
        parameters = deep.update_parameters(parameters, grads, learning_rate)
    return parameters, history


def _drop_masks(cache):
    """The arguments of ``_backward`` from a dropout cache (the masks left out)."""
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    return Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3

