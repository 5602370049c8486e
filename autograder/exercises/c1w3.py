"""Course 1, Week 3: a shallow network with one tanh hidden layer (planar classification).

References live in ``dlkit.shallow``; the notebook is
``course1/week3/planar_classification.ipynb``; the tests of these entries are
``autograder/tests/test_c1w3.py``. Fixed cases use the course notes' shapes
(n^[0] = 3 inputs, 4 hidden units, 1 output: W1 (4, 3), b1 (4, 1), W2 (1, 4),
b2 (1, 1)) and hand-checkable numbers. The first ``backward_propagation`` case
is square (n_x = n_h = m = 4) so that a forgotten or misplaced transpose gives
wrong values of the right shape, which the known-mistake hints can name,
instead of a shape error.
"""
from __future__ import annotations

import numpy as np

from dlkit import shallow
from dlkit.activations import sigmoid as _s
from dlkit.gradcheck import numeric_gradients, relative_error

from ..registry import Case, Exercise, Mistake, register

_NAMES = ("W1", "b1", "W2", "b2")


def _params(rng, n_x, n_h, n_y, scale=0.8):
    """Parameters large enough that tanh is far from linear (so activation slips show)."""
    return {"W1": rng.normal(0, scale, (n_h, n_x)), "b1": rng.normal(0, 0.5, (n_h, 1)),
            "W2": rng.normal(0, scale, (n_y, n_h)), "b2": rng.normal(0, 0.5, (n_y, 1))}


def _data(rng, n_x, m, n_y=1):
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0]                       # both labels present
    return X, Y


# ---------------------------------------------------------------- layer_sizes

def _layer_sizes_case(rng):
    n_x, n_y, m = int(rng.integers(2, 9)), int(rng.integers(1, 4)), int(rng.integers(10, 20))
    return Case((rng.normal(size=(n_x, m)), rng.normal(size=(n_y, m))), label=f"X ({n_x}, {m}), Y ({n_y}, {m})")


register(Exercise(
    id="c1w3.layer_sizes",
    reference=shallow.layer_sizes,
    outputs=("n_x", "n_h", "n_y"),
    fixed_cases=[
        Case((np.zeros((5, 3)), np.zeros((2, 3))), label="X (5, 3), Y (2, 3): sizes (5, 4, 2)"),
        Case((np.zeros((2, 400)), np.zeros((1, 400))), label="the flower: X (2, 400), Y (1, 400)"),
    ],
    random_case=_layer_sizes_case,
    mistakes=[
        Mistake("columns", lambda X, Y: (X.shape[1], 4, Y.shape[1]),
                "the sizes are the numbers of rows: n_x = X.shape[0] and n_y = Y.shape[0] "
                "(shape[1] is the number of examples m)."),
        Mistake("n_y_is_1", lambda X, Y: (X.shape[0], 4, 1),
                "read n_y from Y (Y.shape[0]) instead of writing 1: Y may have several rows."),
        Mistake("swapped", lambda X, Y: (Y.shape[0], 4, X.shape[0]),
                "n_x and n_y are swapped: n_x comes from X, n_y from Y."),
    ],
))

# ------------------------------------------------------- initialize_parameters


def _bad_init(zeros=False, scale=0.01, transposed=False, b_rank1=False, uniform=False, w2_first=False):
    """The reference initialisation with one deliberate slip (seeded the same way)."""
    def initialize_parameters(n_x, n_h, n_y):
        np.random.seed(2)
        draw = np.random.rand if uniform else np.random.randn
        s1, s2 = ((n_x, n_h), (n_h, n_y)) if transposed else ((n_h, n_x), (n_y, n_h))
        if w2_first:
            W2 = draw(*s2) * scale
            W1 = draw(*s1) * scale
        else:
            W1 = draw(*s1) * scale
            W2 = draw(*s2) * scale
        if zeros:
            W1, W2 = np.zeros(s1), np.zeros(s2)
        b1, b2 = (np.zeros(n_h), np.zeros(n_y)) if b_rank1 else (np.zeros((n_h, 1)), np.zeros((n_y, 1)))
        return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return initialize_parameters


def _init_case(rng):
    n_x, n_h, n_y = int(rng.integers(1, 7)), int(rng.integers(1, 9)), int(rng.integers(1, 4))
    return Case((n_x, n_h, n_y), label=f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}")


register(Exercise(
    id="c1w3.initialize_parameters",
    reference=shallow.initialize_parameters,
    outputs="parameters",
    fixed_cases=[
        Case((3, 4, 1),
             label="the notes' network: n_x = 3, n_h = 4, n_y = 1 (W1 (4, 3), b1 (4, 1), W2 (1, 4), b2 (1, 1))"),
        Case((2, 4, 1), label="the flower network: n_x = 2, n_h = 4, n_y = 1"),
    ],
    random_case=_init_case,
    mistakes=[
        Mistake("zeros", _bad_init(zeros=True),
                "the weights must be random: with W = 0 every hidden unit computes the same function and "
                "gets the same update, forever (symmetry). Use np.random.randn(...) * 0.01; only b starts at zero."),
        Mistake("no_scale", _bad_init(scale=1.0),
                "scale the random weights by 0.01: large weights saturate tanh and slow learning down."),
        Mistake("transposed", _bad_init(transposed=True),
                "W1 has shape (n_h, n_x) and W2 (n_y, n_h): one row per unit of the layer, "
                "one column per unit (or feature) feeding it."),
        Mistake("b_rank1", _bad_init(b_rank1=True),
                "b1 and b2 are columns: np.zeros((n_h, 1)) and np.zeros((n_y, 1)), not rank-1 arrays."),
        Mistake("uniform", _bad_init(uniform=True),
                "use np.random.randn (standard normal draws), not np.random.rand (uniform on [0, 1))."),
        Mistake("w2_first", _bad_init(w2_first=True),
                "draw W1 before W2 (right after the seed), so that your numbers match the expected ones."),
    ],
))

# --------------------------------------------------------- forward_propagation


def _forward_case(rng, n_x=None, n_h=None, m=None, label=None):
    n_x = n_x or int(rng.integers(2, 6))
    n_h = n_h or int(rng.integers(2, 7))
    m = m or int(rng.integers(3, 11))
    X, _ = _data(rng, n_x, m)
    return Case((X, _params(rng, n_x, n_h, 1)), label=label or f"random X ({n_x}, {m}) and parameters with n_h = {n_h}")


def _bad_forward(hidden=np.tanh, output=_s, use_b=True, linear_hidden=False):
    def forward_propagation(X, parameters):
        W1, b1, W2, b2 = (parameters[k] for k in _NAMES)
        Z1 = W1 @ X + (b1 if use_b else 0.0)
        A1 = hidden(Z1)
        Z2 = W2 @ (Z1 if linear_hidden else A1) + (b2 if use_b else 0.0)
        A2 = output(Z2)
        return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return forward_propagation


register(Exercise(
    id="c1w3.forward_propagation",
    reference=shallow.forward_propagation,
    outputs=("A2", "cache"),
    fixed_cases=[
        _forward_case(np.random.default_rng(31), 3, 4, 5,
                      label="the notes' shapes: X (3, 5), W1 (4, 3), b1 (4, 1), W2 (1, 4), b2 (1, 1)"),
        Case((np.array([[1.0, -1.0], [2.0, 0.0]]),
              {"W1": np.array([[0.5, -0.5], [1.0, 1.0], [0.0, 2.0]]), "b1": np.array([[0.0], [-1.0], [0.5]]),
               "W2": np.array([[1.0, -2.0, 0.5]]), "b2": np.array([[0.25]])}),
             label="small numbers: X (2, 2), n_h = 3"),
    ],
    random_case=_forward_case,
    mistakes=[
        Mistake("sigmoid_hidden", _bad_forward(hidden=_s),
                "the hidden layer uses tanh: A1 = np.tanh(Z1); the sigmoid is for the output A2 only."),
        Mistake("tanh_output", _bad_forward(output=np.tanh),
                "the output layer uses the sigmoid, A2 = sigmoid(Z2), so that A2 is a probability in (0, 1)."),
        Mistake("no_bias", _bad_forward(use_b=False),
                "add the biases: Z1 = W1 X + b1 and Z2 = W2 A1 + b2."),
        Mistake("linear_hidden", _bad_forward(linear_hidden=True),
                "Z2 = W2 A1 + b2 uses the activations A1 = tanh(Z1), not Z1: without the activation the "
                "two layers collapse into one linear function."),
    ],
))

# ---------------------------------------------------------------- compute_cost


def _cost_case(rng):
    m = int(rng.integers(3, 12))
    A2 = rng.uniform(0.05, 0.95, size=(1, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return Case((A2, Y), label=f"random A2 and Y of shape (1, {m})")


register(Exercise(
    id="c1w3.compute_cost",
    reference=shallow.compute_cost,
    outputs="cost",
    fixed_cases=[
        Case((np.array([[0.5, 0.9, 0.2]]), np.array([[1.0, 1.0, 0.0]])),
             label="A2 = [[0.5, 0.9, 0.2]], Y = [[1, 1, 0]]: J = -(log 0.5 + log 0.9 + log 0.8) / 3 = 0.3406"),
        Case((np.array([[0.1, 0.7, 0.6, 0.35, 0.8]]), np.array([[0.0, 1.0, 0.0, 1.0, 1.0]])),
             label="A2 (1, 5), Y = [[0, 1, 0, 1, 1]]"),
    ],
    random_case=_cost_case,
    mistakes=[
        Mistake("no_minus", lambda A2, Y: float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / Y.shape[1]),
                "the cost has a minus sign in front: J = -(1/m) sum[...] is positive."),
        Mistake("no_1_over_m", lambda A2, Y: float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))),
                "divide by m: the cost is the average loss over the examples."),
        Mistake("only_y_term", lambda A2, Y: float(-np.sum(Y * np.log(A2)) / Y.shape[1]),
                "the loss has two terms: Y log(A2) + (1 - Y) log(1 - A2)."),
        Mistake("matrix", lambda A2, Y: -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / Y.shape[1],
                "np.dot gives a (1, 1) array here: return a plain number with float(...) or np.squeeze(...)."),
    ],
))

# -------------------------------------------------------- backward_propagation


def _backward_case(rng, n_x=None, n_h=None, m=None, label=None):
    n_x = n_x or int(rng.integers(2, 6))
    n_h = n_h or int(rng.integers(2, 7))
    m = m or int(rng.integers(3, 11))
    X, Y = _data(rng, n_x, m)
    params = _params(rng, n_x, n_h, 1)
    _, cache = shallow.forward_propagation(X, params)
    return Case((params, cache, X, Y),
                label=label or f"random parameters (n_x = {n_x}, n_h = {n_h}), X ({n_x}, {m}), Y and their cache")


def _bad_backward(per_m=True, keepdims=True, dg="tanh", dW1="ok", dW2="ok"):
    """The reference backward pass with one deliberate slip (for the known-mistake hints)."""
    def backward_propagation(parameters, cache, X, Y):
        m = X.shape[1] if per_m else 1
        W2 = parameters["W2"]
        A1, A2 = cache["A1"], cache["A2"]
        dZ2 = A2 - Y
        dW2_ = (dZ2 @ A1.T if dW2 == "ok" else dZ2 @ A1) / m
        db2 = np.sum(dZ2, axis=1, keepdims=keepdims) / m
        g = {"tanh": 1 - A1**2, "sigmoid": A1 * (1 - A1), "of_Z1": 1 - cache["Z1"] ** 2}[dg]
        dZ1 = (W2.T @ dZ2) * g
        dW1_ = {"ok": lambda: dZ1 @ X.T, "no_T": lambda: dZ1 @ X, "X_dZ1T": lambda: X @ dZ1.T}[dW1]() / m
        db1 = np.sum(dZ1, axis=1, keepdims=keepdims) / m
        return {"dW1": dW1_, "db1": db1, "dW2": dW2_, "db2": db2}
    return backward_propagation


def _backward_gradcheck(fn, case):
    """Compare the student's gradients with numeric slopes of the cost J(W1, b1, W2, b2) of the case."""
    params, cache, X, Y = case.args
    grads = fn({k: v.copy() for k, v in params.items()}, {k: v.copy() for k, v in cache.items()}, X.copy(), Y.copy())
    if not isinstance(grads, dict):
        return "backward_propagation should return a dict with keys dW1, db1, dW2, db2."
    work = {k: np.array(v, dtype=float) for k, v in params.items()}
    numeric = numeric_gradients(lambda: shallow.compute_cost(shallow.forward_propagation(X, work)[0], Y),
                                work, eps=1e-6)
    problems = []
    for name in _NAMES:
        key = "d" + name
        if key not in grads:
            problems.append(f"{key} is missing")
            continue
        got = np.asarray(grads[key], dtype=float)
        if got.shape != params[name].shape:
            problems.append(f"{key} has shape {got.shape}, but a gradient has the shape of its parameter "
                            f"{name}, {params[name].shape}")
            if got.size != params[name].size:
                continue
        err = relative_error(numeric[key], got.reshape(params[name].shape))
        if err > 1e-5:
            problems.append(f"{key} disagrees with the numeric slope of the cost (relative error {err:.2g})")
    if not problems:
        return "every gradient agrees with the numeric slopes of the cost J."
    return "; ".join(problems) + "."


register(Exercise(
    id="c1w3.backward_propagation",
    reference=shallow.backward_propagation,
    outputs="grads",
    fixed_cases=[
        _backward_case(np.random.default_rng(41), 4, 4, 4,
                       label="square shapes n_x = n_h = m = 4 "
                             "(a transpose slip gives wrong values, not a shape error)"),
        _backward_case(np.random.default_rng(42), 3, 4, 5,
                       label="the notes' shapes: n_x = 3, n_h = 4, n_y = 1, m = 5"),
    ],
    random_case=_backward_case,
    gradcheck=_backward_gradcheck,
    mistakes=[
        Mistake("no_1_over_m", _bad_backward(per_m=False),
                "the gradients look like they are missing the 1/m factor: dW = (1/m) dZ A^T and "
                "db = (1/m) np.sum(dZ, axis=1, keepdims=True)."),
        Mistake("no_keepdims", _bad_backward(keepdims=False),
                "db1 and db2 came out as rank-1 arrays: sum with np.sum(dZ, axis=1, keepdims=True) so they "
                "keep the column shape of b1 (n_h, 1) and b2 (n_y, 1)."),
        Mistake("sigmoid_derivative", _bad_backward(dg="sigmoid"),
                "dZ1 uses the derivative of the sigmoid, A1 (1 - A1); the hidden layer is tanh, whose "
                "derivative is 1 - A1**2."),
        Mistake("derivative_of_Z1", _bad_backward(dg="of_Z1"),
                "tanh'(Z1) = 1 - tanh(Z1)**2 = 1 - A1**2: square A1, not Z1."),
        Mistake("dW1_no_transpose", _bad_backward(dW1="no_T"),
                "dW1 = (1/m) dZ1 X^T: transpose X (np.dot(dZ1, X.T))."),
        Mistake("dW1_transposed", _bad_backward(dW1="X_dZ1T"),
                "dW1 came out transposed: dW1 = (1/m) dZ1 X^T has the shape of W1, (n_h, n_x)."),
        Mistake("dW2_no_transpose", _bad_backward(dW2="no_T"),
                "dW2 = (1/m) dZ2 A1^T: transpose A1 (np.dot(dZ2, A1.T))."),
    ],
))

# ----------------------------------------------------------- update_parameters


def _update_case(rng):
    n_x, n_h = int(rng.integers(2, 6)), int(rng.integers(2, 7))
    params = _params(rng, n_x, n_h, 1)
    grads = {"d" + k: rng.normal(size=v.shape) for k, v in params.items()}
    lr = float(rng.choice([0.01, 0.1, 0.5, 2.0]))
    return Case((params, grads), {"learning_rate": lr}, label=f"random parameters (n_x = {n_x}, n_h = {n_h}), "
                                                              f"learning_rate {lr}")


def _bad_update(sign=1.0, fixed_lr=None, update_b=True):
    def update_parameters(parameters, grads, learning_rate=1.2):
        lr = fixed_lr if fixed_lr is not None else learning_rate
        out = {}
        for k in _NAMES:
            step = 0.0 if (k.startswith("b") and not update_b) else lr * grads["d" + k]
            out[k] = parameters[k] - sign * step
        return out
    return update_parameters


_P0 = {"W1": np.array([[0.1, -0.2], [0.3, 0.4]]), "b1": np.array([[0.0], [0.5]]),
       "W2": np.array([[1.0, -1.0]]), "b2": np.array([[0.2]])}
_G0 = {"dW1": np.array([[0.01, 0.02], [-0.03, 0.04]]), "db1": np.array([[0.1], [-0.1]]),
       "dW2": np.array([[0.5, 0.25]]), "db2": np.array([[-0.2]])}

register(Exercise(
    id="c1w3.update_parameters",
    reference=shallow.update_parameters,
    outputs="parameters",
    fixed_cases=[
        Case((_P0, _G0), label="small numbers, the default learning_rate 1.2"),
        Case((_P0, _G0), {"learning_rate": 0.5}, label="the same numbers, learning_rate 0.5"),
    ],
    random_case=_update_case,
    mistakes=[
        Mistake("ascent", _bad_update(sign=-1.0),
                "you moved up the slope: theta := theta - learning_rate * dtheta."),
        Mistake("fixed_rate", _bad_update(fixed_lr=1.2),
                "use the learning_rate argument, not the number 1.2 (that is only its default)."),
        Mistake("b_fixed", _bad_update(update_b=False),
                "update the biases too: b1 := b1 - learning_rate * db1 (and the same for b2)."),
    ],
))

# -------------------------------------------------------------------- nn_model


def _nn_case(rng, n_h=None, m=None, iters=None, label=None):
    n_h = n_h or int(rng.choice([1, 2, 3, 5, 6]))
    m = m or int(rng.integers(20, 40))
    iters = iters or int(rng.integers(50, 150))
    X = rng.normal(size=(2, m))
    Y = (X[0:1] * X[1:2] > 0).astype(float)     # XOR of the signs: needs the hidden layer
    return Case((X, Y, n_h), {"num_iterations": iters},
                label=label or f"random X (2, {m}) with XOR labels, n_h = {n_h}, {iters} iterations")


def _bad_nn_model(update=True, ignore_n_h=False, stale=False):
    def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
        n_x, n_h4, n_y = shallow.layer_sizes(X, Y)
        parameters = shallow.initialize_parameters(n_x, n_h4 if ignore_n_h else n_h, n_y)
        first = parameters
        for _ in range(num_iterations):
            A2, cache = shallow.forward_propagation(X, first if stale else parameters)
            grads = shallow.backward_propagation(first if stale else parameters, cache, X, Y)
            if update:
                parameters = shallow.update_parameters(parameters, grads)
        return parameters
    return nn_model


register(Exercise(
    id="c1w3.nn_model",
    reference=shallow.nn_model,
    outputs="parameters",
    fixed_cases=[
        _nn_case(np.random.default_rng(51), n_h=4, m=30, iters=100,
                 label="X (2, 30) with XOR labels, n_h = 4, 100 iterations"),
        _nn_case(np.random.default_rng(52), n_h=3, m=25, iters=60,
                 label="X (2, 25) with XOR labels, n_h = 3, 60 iterations"),
    ],
    random_case=_nn_case,
    rtol=1e-5,
    atol=1e-8,
    n_random=1,
    n_hidden_random=3,
    mistakes=[
        Mistake("no_update", _bad_nn_model(update=False),
                "the parameters never change: assign the result, parameters = update_parameters(parameters, grads)."),
        Mistake("ignores_n_h", _bad_nn_model(ignore_n_h=True),
                "use the n_h argument for the hidden layer; layer_sizes always says 4."),
        Mistake("stale_forward", _bad_nn_model(stale=True),
                "each iteration must run forward and backward propagation with the current parameters."),
    ],
))

# --------------------------------------------------------------------- predict


def _predict_case(rng):
    n_x, n_h, m = int(rng.integers(2, 5)), int(rng.integers(2, 6)), int(rng.integers(4, 12))
    return Case((_params(rng, n_x, n_h, 1, scale=1.5), rng.normal(size=(n_x, m))),
                label=f"random parameters (n_x = {n_x}, n_h = {n_h}), X ({n_x}, {m})")


def _A2(parameters, X):
    return shallow.forward_propagation(X, parameters)[0]


def _Z2(parameters, X):
    return shallow.forward_propagation(X, parameters)[1]["Z2"]


register(Exercise(
    id="c1w3.predict",
    reference=shallow.predict,
    outputs="predictions",
    fixed_cases=[
        _predict_case(np.random.default_rng(61)),
        Case(({"W1": np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, 0.0]]), "b1": np.zeros((3, 1)),
               "W2": np.array([[1.0, -0.5, 2.0]]), "b2": np.zeros((1, 1))},
              np.array([[0.0, 1.0, -2.0, 0.5], [0.0, 1.0, 0.3, -1.0]])),
             label="b = 0 and a column X = 0, where A2 is exactly 0.5"),
    ],
    random_case=_predict_case,
    mistakes=[
        Mistake("geq", lambda p, X: (_A2(p, X) >= 0.5).astype(float),
                "an A2 of exactly 0.5 predicts 0: the rule is A2 > 0.5."),
        Mistake("probabilities", _A2,
                "return labels 0 or 1 (A2 > 0.5), not the probabilities A2."),
        Mistake("flipped", lambda p, X: (_A2(p, X) < 0.5).astype(float),
                "the labels are flipped: predict 1 where A2 > 0.5."),
        Mistake("threshold_on_Z2", lambda p, X: (_Z2(p, X) > 0.5).astype(float),
                "compare the probability A2 = sigmoid(Z2) with 0.5, not Z2."),
    ],
))
