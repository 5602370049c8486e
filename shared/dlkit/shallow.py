"""Course 1 Week 3: a shallow (2-layer) network with one tanh hidden layer (the references).

Notation: X is (n_x, m) with one example per column, Y is (1, m) (or (n_y, m))
with labels 0/1. The hidden layer has n_h units.

    parameters:  W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)
    forward:     Z1 = W1 X + b1,  A1 = tanh(Z1)          (n_h, m)
                 Z2 = W2 A1 + b2, A2 = sigma(Z2)          (n_y, m)
    cost:        J = -(1/m) sum [Y log A2 + (1 - Y) log(1 - A2)]
    backward:    dZ2 = A2 - Y
                 dW2 = (1/m) dZ2 A1^T,  db2 = (1/m) sum(dZ2, axis=1, keepdims=True)
                 dZ1 = W2^T dZ2 * (1 - A1^2)
                 dW1 = (1/m) dZ1 X^T,   db1 = (1/m) sum(dZ1, axis=1, keepdims=True)
    update:      theta := theta - learning_rate * dtheta
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_int, expect_layout, expect_shape
from .layers.activations import sigmoid_core, tanh_backward_core, tanh_core
from .layers.dense import linear_backward_course1_core, linear_forward_core
from .losses import binary_cross_entropy
from .threads import training_threads

__all__ = ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
           "backward_propagation", "update_parameters", "nn_model", "predict", "accuracy",
           "sweep_hidden_sizes"]

_NAMES = ("W1", "b1", "W2", "b2")


def _check_XY(X, Y=None):
    X = expect_layout("X", X, "(n_x, m)")
    if Y is None:
        return X
    Y = expect_layout("Y", Y, "(1, m)")
    expect_shape("Y", Y, ("n_y", X.shape[1]), hint="Y holds one label per column of X")
    return X, Y


def _check_parameters(parameters, n_x: int | None = None) -> dict:
    """Float copies of W1, b1, W2, b2 after checking that their shapes fit together."""
    if not isinstance(parameters, dict):
        raise ValueError(f"`parameters` must be a dict with keys {list(_NAMES)}, got {type(parameters).__name__}")
    missing = [k for k in _NAMES if k not in parameters]
    if missing:
        raise ValueError(f"`parameters` is missing the key(s) {missing}")
    W1 = as_array("W1", parameters["W1"], ndim=2)
    n_h = W1.shape[0]
    if n_x is not None:
        expect_shape("W1", W1, (n_h, n_x), hint="W1 is (n_h, n_x): one row per hidden unit, one column per feature")
    b1 = as_array("b1", parameters["b1"])
    expect_shape("b1", b1, (n_h, 1), hint="b1 is a column with one bias per hidden unit")
    W2 = as_array("W2", parameters["W2"], ndim=2)
    expect_shape("W2", W2, ("n_y", n_h), hint="W2 is (n_y, n_h)")
    b2 = as_array("b2", parameters["b2"])
    expect_shape("b2", b2, (W2.shape[0], 1), hint="b2 is a column with one bias per output unit")
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def layer_sizes(X, Y):
    """``(n_x, n_h, n_y)``: features = rows of X (n_x, m), 4 hidden units, outputs = rows of Y (n_y, m)."""
    X, Y = _check_XY(X, Y)
    return X.shape[0], 4, Y.shape[0]


def initialize_parameters(n_x: int, n_h: int, n_y: int) -> dict:
    """Small random weights and zero biases, reproducibly (``np.random.seed(2)`` first, as the course does).

    Returns ``{"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}``;
    the weights are standard normal draws times 0.01 (W1 drawn before W2), the biases zero.
    Note: this re-seeds numpy's global random generator.
    """
    n_x, n_h, n_y = (expect_int(k, v, min=1, what="a number of units") for k, v in (("n_x", n_x), ("n_h", n_h),
                                                                                    ("n_y", n_y)))
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    """Forward pass of all m examples at once.

    Returns ``(A2, cache)``: ``A2`` (n_y, m) the output probabilities and
    ``cache = {"Z1": (n_h, m), "A1": (n_h, m), "Z2": (n_y, m), "A2": (n_y, m)}``.
    """
    X = _check_XY(X)
    p = _check_parameters(parameters, n_x=X.shape[0])
    Z1 = linear_forward_core(X, p["W1"], p["b1"])
    A1 = tanh_core(Z1)
    Z2 = linear_forward_core(A1, p["W2"], p["b2"])
    A2 = sigmoid_core(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y) -> float:
    """Cross-entropy J = -(1/m) sum [Y log A2 + (1 - Y) log(1 - A2)] of A2 (1, m) against Y (1, m); a float.

    A2 is clipped away from 0 and 1 by 1e-12, so a saturated output never gives log(0).
    """
    A2 = expect_layout("A2", A2, "(1, m)")
    Y = as_array("Y", Y)
    expect_shape("Y", Y, A2.shape, hint="labels and predictions must have the same shape")
    return binary_cross_entropy(A2, Y)


def backward_propagation(parameters, cache, X, Y) -> dict:
    """Gradients of the cost with respect to the parameters.

    ``cache`` is the one ``forward_propagation(X, parameters)`` returned (A1 and A2 are used).
    Returns ``{"dW1": (n_h, n_x), "db1": (n_h, 1), "dW2": (n_y, n_h), "db2": (n_y, 1)}``.
    """
    X, Y = _check_XY(X, Y)
    n_x, m = X.shape
    p = _check_parameters(parameters, n_x=n_x)
    n_h, n_y = p["W1"].shape[0], p["W2"].shape[0]
    if not isinstance(cache, dict) or "A1" not in cache or "A2" not in cache:
        raise ValueError("`cache` must be the dict returned by forward_propagation (with keys 'A1' and 'A2')")
    A1 = as_array("A1", cache["A1"])
    expect_shape("A1", A1, (n_h, m), hint="the cache must come from the same parameters and X")
    A2 = as_array("A2", cache["A2"])
    expect_shape("A2", A2, (n_y, m), hint="the cache must come from the same parameters and X")
    expect_shape("Y", Y, (n_y, m))
    dZ2 = A2 - Y                                        # the course's formulas, computed by dlkit.layers' cores:
    dA1, dW2, db2 = linear_backward_course1_core(dZ2, A1, p["W2"])   # dW2 = (1/m) dZ2 A1^T, db2 = (1/m) sum dZ2
    dZ1 = tanh_backward_core(dA1, A1)                   # dZ1 = W2^T dZ2 * (1 - A1^2)
    _, dW1, db1 = linear_backward_course1_core(dZ1, X, p["W1"])      # dW1 = (1/m) dZ1 X^T, db1 = (1/m) sum dZ1
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate: float = 1.2) -> dict:
    """One gradient-descent step, theta := theta - learning_rate * dtheta, for W1, b1, W2, b2.

    Returns a new dict; ``parameters`` and ``grads`` are not modified.
    """
    p = _check_parameters(parameters)
    if not isinstance(grads, dict):
        raise ValueError(f"`grads` must be a dict with keys dW1, db1, dW2, db2, got {type(grads).__name__}")
    out = {}
    for name in _NAMES:
        key = "d" + name
        if key not in grads:
            raise ValueError(f"`grads` is missing the key {key!r}")
        g = as_array(key, grads[key])
        expect_shape(key, g, p[name].shape, hint=f"a gradient has the shape of its parameter {name}")
        out[name] = p[name] - learning_rate * g
    return out


@training_threads
def nn_model(X, Y, n_h: int, num_iterations: int = 10000, print_cost: bool = False, *,
             progress: bool = False) -> dict:
    """Train the 2-layer tanh network by batch gradient descent (learning rate 1.2).

    X (n_x, m), Y (n_y, m); ``n_h`` hidden units. Starts from
    ``initialize_parameters`` (seeded), loops forward, cost, backward, update for
    ``num_iterations`` steps; ``print_cost`` prints the cost every 1000 iterations,
    ``progress=True`` shows a progress bar. Returns the learned parameters dict.
    """
    X, Y = _check_XY(X, Y)
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    steps = range(num_iterations)
    if progress:
        from tqdm.auto import tqdm
        steps = tqdm(steps, desc=f"training (n_h = {n_h})", unit="it", leave=False)
    for i in steps:
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


def predict(parameters, X):
    """Labels for each column of X (n_x, m): 1.0 where A2 > 0.5, else 0.0; shape (n_y, m)."""
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(float)


def accuracy(predictions, Y) -> float:
    """Percentage of entries where ``predictions`` equals ``Y`` (same shape, e.g. (1, m))."""
    predictions = expect_layout("predictions", predictions, "(1, m)")
    Y = expect_layout("Y", Y, "(1, m)")
    expect_shape("predictions", predictions, Y.shape)
    return float(100.0 * np.mean(predictions == Y))


@training_threads
def sweep_hidden_sizes(train_fn, predict_fn, X, Y, hidden_sizes=(1, 2, 3, 4, 5, 20, 50),
                       num_iterations: int = 5000, *, progress: bool = False) -> dict:
    """Train one network per hidden-layer size and measure its training accuracy.

    ``train_fn(X, Y, n_h, num_iterations=...)`` returns parameters (``nn_model``'s
    signature) and ``predict_fn(parameters, X)`` returns (1, m) labels; pass your
    own functions or this module's. Returns ``{n_h: {"parameters": dict,
    "accuracy": float (percent), "predict": function of a (2, k) array}}`` in the
    order of ``hidden_sizes``. ``progress=True`` shows a progress bar over the sizes.
    """
    X, Y = _check_XY(X, Y)
    sizes = list(hidden_sizes)
    steps = sizes
    if progress:
        from tqdm.auto import tqdm
        steps = tqdm(sizes, desc="hidden-layer sizes", unit="network")
    results = {}
    for n_h in steps:
        params = train_fn(X, Y, n_h, num_iterations=num_iterations)
        results[n_h] = {
            "parameters": params,
            "accuracy": accuracy(np.asarray(predict_fn(params, X), dtype=float).reshape(Y.shape), Y),
            "predict": (lambda P, _p=params: predict_fn(_p, P)),
        }
    return results
