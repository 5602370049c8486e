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
from ._validate import as_array, expect_int, expect_layout, expect_shape
from .layers.activations import relu_backward_core, relu_core, sigmoid_core
from .layers.dense import linear_backward_course1_core, linear_forward_core
from .layers.losses import binary_cross_entropy_core
from .layers.dropout import (  # noqa: F401  (the checked dropout kernels keep their course names here)
    check_keep_prob as _check_keep_prob, dropout_backward, dropout_backward_core, dropout_forward,
    dropout_forward_core, dropout_mask, dropout_mask_core,
)
from .threads import training_threads

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


def _check_m(m) -> int:
    return expect_int("m", m, min=1, what="the number of examples")


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
    W1, b1, W2, b2, W3, b3 = (as_array(k, parameters[k]) for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    n_prev = expect_layout("W1", W1, "(n^[1], n_x)").shape[0]
    for l, W, b in ((1, W1, b1), (2, W2, b2), (3, W3, b3)):
        if l > 1:
            expect_shape(f"W{l}", W, ("n^[l]", n_prev), hint=f"W{l} has one column per unit of layer {l - 1}")
        n_prev = W.shape[0]
        expect_shape(f"b{l}", b, (n_prev, 1), hint=f"b{l} is a column with one bias per unit (one per row of W{l})")
    return [W1, b1, W2, b2, W3, b3]


def _unpack(cache, names):
    if not (isinstance(cache, (tuple, list)) and len(cache) == len(names)):
        got = len(cache) if isinstance(cache, (tuple, list)) else type(cache).__name__
        raise ValueError(f"`cache` must be the {len(names)}-tuple ({', '.join(names)}), got {got}")
    return [as_array(n, c) for n, c in zip(names, cache)]


def _check_xy(X, Y, n_x=None):
    X = expect_layout("X", X, "(n_x, m)")
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
    return _l2_core([W for _, W in _weights(parameters)], lambd, m)


def _l2_core(weights, lambd, m) -> float:
    """(lambda / 2m) times the sum of the squared entries of the matrices ``weights`` (no checks)."""
    return lambd / (2.0 * m) * sum(float(np.sum(np.square(W))) for W in weights)


def compute_cost_with_regularization(A3, Y, parameters, lambd) -> float:
    """Cross-entropy of A3 (1, m) against Y (1, m) plus the L2 term (lambda / 2m) sum_l ||W^[l]||_F^2; a float.

    A3 (1, m), Y (1, m), parameters {W1, ...}, lambd >= 0 -> J, a float.

    Cross-entropy log 2, plus (lambda / 2m) ||W||_F^2 = (0.5 / 4) * (3^2 + 4^2) = 3.125:

    >>> round(compute_cost_with_regularization(np.array([[0.5, 0.5]]), np.array([[1, 0]]),
    ...                                        {"W1": np.array([[3.0, 4.0]])}, 0.5), 6)
    3.818147
    """
    A3 = expect_layout("A3", A3, "(1, m)")
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
# ``dropout_mask``, ``dropout_forward`` and ``dropout_backward`` are the checked
# kernels of ``dlkit.layers.dropout``, imported above under their course names.


# ----------------------------------------------------- forward / backward

def _forward(X, W1, b1, W2, b2, W3, b3, keep_prob=1.0, rng=None):
    """The unchecked forward pass (cores only); with ``rng``, inverted dropout on A1 and A2.

    Returns A3 and the course's cache (with the masks D1, D2 when ``rng`` is given).
    """
    Z1 = linear_forward_core(X, W1, b1)
    A1 = relu_core(Z1)
    if rng is not None:
        D1 = dropout_mask_core(rng, A1.shape, keep_prob)
        A1 = dropout_forward_core(A1, D1, keep_prob)
    Z2 = linear_forward_core(A1, W2, b2)
    A2 = relu_core(Z2)
    if rng is not None:
        D2 = dropout_mask_core(rng, A2.shape, keep_prob)
        A2 = dropout_forward_core(A2, D2, keep_prob)
    Z3 = linear_forward_core(A2, W3, b3)
    A3 = sigmoid_core(Z3)
    if rng is None:
        return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def _check_x(X, W1):
    X = expect_layout("X", X, "(n_x, m)")
    expect_shape("X", X, (W1.shape[1], "m"), hint=f"W1 has {W1.shape[1]} columns, one per input feature")
    return X


def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, no dropout.

    X (n_x, m) -> A3 (1, m) and the cache (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
    """
    W1, b1, W2, b2, W3, b3 = _three_layers(parameters)
    return _forward(_check_x(X, W1), W1, b1, W2, b2, W3, b3)


def _backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, lambd=0.0, masks=None, keep_prob=1.0):
    """The unchecked backward pass (cores only): optional L2 term on dW, optional dropout masks on dA2, dA1."""
    m = X.shape[1]
    dZ3 = A3 - Y
    dA2, dW3, db3 = linear_backward_course1_core(dZ3, A2, W3)
    if masks is not None:
        dA2 = dropout_backward_core(dA2, masks[1], keep_prob)
    dZ2 = relu_backward_core(dA2, Z2)
    dA1, dW2, db2 = linear_backward_course1_core(dZ2, A1, W2)
    if masks is not None:
        dA1 = dropout_backward_core(dA1, masks[0], keep_prob)
    dZ1 = relu_backward_core(dA1, Z1)
    _, dW1, db1 = linear_backward_course1_core(dZ1, X, W1)
    if lambd:
        dW3 = dW3 + lambd / m * W3
        dW2 = dW2 + lambd / m * W2
        dW1 = dW1 + lambd / m * W1
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def _checked_backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, **options):
    """``_backward`` after the public functions' checks: X against W1, Y against X, the cache against both."""
    X, Y = _check_xy(X, Y, n_x=W1.shape[1])
    expect_shape("A3", A3, Y.shape, hint="A3 is the network's output, one probability per example")
    for l, Z, A, W in ((1, Z1, A1, W1), (2, Z2, A2, W2)):
        expect_shape(f"Z{l}", Z, (W.shape[0], X.shape[1]), hint=f"Z{l} has one row per unit of layer {l}")
        expect_shape(f"A{l}", A, Z.shape, hint=f"A{l} has the shape of Z{l}")
    return _backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, **options)


def backward_propagation(X, Y, cache) -> dict:
    """Gradients of the unregularised cross-entropy cost; ``cache`` from ``forward_propagation``."""
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = _unpack(cache, CACHE_NAMES)
    return _checked_backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3)


def backward_propagation_with_regularization(X, Y, cache, lambd) -> dict:
    """Gradients of the L2-regularised cost: the usual backprop with dW^[l] += (lambda / m) W^[l].

    X (n_x, m), Y (1, m), cache (12-tuple), lambd -> grads {dZ3, dW3, db3, dA2, ...}, each shaped like its variable.

    X (n_x, m), Y (1, m), ``cache`` from ``forward_propagation``. The biases
    are not regularised, so db^[l] is unchanged; so are dA and dZ.
    Returns the dict dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1.

    The notes' dW^[l] = (from backprop) + (lambda / m) W^[l]: with W3 = 1, lambda = 0.7, m = 2 the term is 0.35:

    >>> P = {k: np.array([[1.0]]) if k[0] == "W" else np.zeros((1, 1)) for k in ("W1", "b1", "W2", "b2", "W3", "b3")}
    >>> X, Y = np.array([[1.0, 2.0]]), np.array([[1, 0]])
    >>> A3, cache = forward_propagation(X, P)
    >>> backward_propagation_with_regularization(X, Y, cache, 0.7)["dW3"] - backward_propagation(X, Y, cache)["dW3"]
    array([[0.35]])
    """
    lambd = _check_lambd(lambd)
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = _unpack(cache, CACHE_NAMES)
    return _checked_backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, lambd=lambd)


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5, seed=1):
    """The forward pass with inverted dropout on the two hidden layers.

    X (n_x, m), parameters {W1, ..., b3}, keep_prob in (0, 1], seed -> A3 (1, m), cache (14-tuple).

    After A1 = relu(Z1): D1 = rand(n^[1], m) < keep_prob, A1 = A1 * D1 / keep_prob;
    the same for A2 with D2. The masks follow ``np.random.seed(seed)`` then
    ``np.random.rand`` for D1, then for D2 (drawn from a private RandomState).
    The output layer has no dropout.

    Returns A3 (1, m) and the cache (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3),
    where A1, A2 are the activations after dropout and D1, D2 boolean masks.

    The notes' keep_prob = 0.8 on a layer of 50 units keeps about 40 of them:

    >>> from dlkit.initializers import initialize_parameters_he
    >>> A3, cache = forward_propagation_with_dropout(np.ones((1, 1)), initialize_parameters_he([1, 50, 3, 1]), 0.8)
    >>> int(cache[1].sum())       # D1: the units of layer 1 kept
    40
    """
    keep_prob = _check_keep_prob(keep_prob)
    W1, b1, W2, b2, W3, b3 = _three_layers(parameters)
    X = _check_x(X, W1)
    return _forward(X, W1, b1, W2, b2, W3, b3, keep_prob, np.random.RandomState(seed))


def backward_propagation_with_dropout(X, Y, cache, keep_prob) -> dict:
    """Gradients with inverted dropout: dA2 and dA1 get the forward pass's masks and the 1/keep_prob.

    X (n_x, m), Y (1, m), cache (14-tuple), keep_prob -> grads {dZ3, dW3, db3, dA2, ...}.

    ``cache`` from ``forward_propagation_with_dropout`` (same ``keep_prob``).
    dA2 = (W3^T dZ3) * D2 / keep_prob, dA1 = (W2^T dZ2) * D1 / keep_prob;
    no new random numbers are drawn. Returns the dict of ``GRADIENT_KEYS``.

    A unit shut off in the forward pass gets no gradient:

    >>> from dlkit.initializers import initialize_parameters_he
    >>> X, Y = np.ones((1, 1)), np.ones((1, 1))
    >>> A3, cache = forward_propagation_with_dropout(X, initialize_parameters_he([1, 50, 3, 1]), 0.8)
    >>> grads = backward_propagation_with_dropout(X, Y, cache, 0.8)
    >>> bool(np.all(grads["dA1"][~cache[1]] == 0))
    True
    """
    keep_prob = _check_keep_prob(keep_prob)
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = _unpack(cache, DROPOUT_CACHE_NAMES)
    for name, D, A in (("D1", D1, A1), ("D2", D2, A2)):
        expect_shape(name, D, A.shape, hint=f"the mask has the shape of A{name[1]}")
    return _checked_backward(X, Y, Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3, masks=(D1, D2),
                             keep_prob=keep_prob)


# -------------------------------------------------------------- training

def predict(X, parameters) -> np.ndarray:
    """Labels (1, m) of 0.0/1.0: 1 where the network (no dropout, no rescaling) outputs > 0.5."""
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(float)


def accuracy(X, Y, parameters) -> float:
    """The fraction of the columns of X (n_x, m) whose prediction equals Y (1, m)."""
    X, Y = _check_xy(X, Y)
    return float(np.mean(predict(X, parameters) == Y))


@training_threads
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
    every = expect_int("every", every, min=1, what="record the cost every so many iterations")
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
    m = X.shape[1]
    for i in deep.training_steps(num_iterations, progress, desc):   # checked once above; cores only in here
        weights = [parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3")]
        if keep_prob < 1:
            A3, cache = _forward(X, *weights, keep_prob, np.random.RandomState(i))
            grads = _backward(X, Y, *_drop_masks(cache), lambd=lambd, masks=(cache[1], cache[6]), keep_prob=keep_prob)
        else:
            A3, cache = _forward(X, *weights)
            grads = _backward(X, Y, *cache[:8], *cache[9:], lambd=lambd)
        cost = binary_cross_entropy_core(A3, Y)
        if lambd:
            cost += _l2_core(weights[::2], lambd, m)
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
        parameters = deep.gradient_step_core(parameters, grads, learning_rate)
    return parameters, history


def _drop_masks(cache):
    """The arguments of ``_backward`` from a dropout cache (the masks left out)."""
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    return Z1, A1, W1, b1, Z2, A2, W2, b2, A3, W3, b3

