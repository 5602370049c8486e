"""Realistic student answers, written the way students write them, and the verdict each must get.

The known-mistake contract (``contract.py``) proves each registered mistake gets
its own hint. These answers come from trying the course as students do: they
prove the converse, that a hint fires only for the mistake it names (matched on
every case, dict keys included), that the side effects the course forbids are
caught in one line, and that a function failing because a graded function it
calls is wrong says so first.
"""
import numpy as np
import pytest

from autograder import CheckFailed, check
from autograder.checker import _LAST_VERDICT, run_checks
from autograder.registry import get
from dlkit import nn


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _verdict(exercise_id, fn):
    ok, msg = run_checks(get(exercise_id), fn)
    return ok, msg


def _hints(msg):
    return [line for line in msg.splitlines() if line.startswith("Hint:")]


# ------------------------------------------------------------------ c1w2: logistic regression

def propagate_np_dot(w, b, X, Y):
    """The course's habits: np.dot cost (a (1, 1) array), keepdims sums, then the given squeeze lines."""
    m = X.shape[1]
    A = _sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * (np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y, axis=1, keepdims=True)
    cost = float(np.squeeze(cost))
    db = float(np.squeeze(db))
    return {"dw": dw, "db": db}, cost


def propagate_transposed_dw(w, b, X, Y):
    m = X.shape[1]
    A = _sigmoid(w.T @ X + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    return {"dw": (A - Y) @ X.T / m, "db": float(np.sum(A - Y) / m)}, cost


def _students_optimize(propagate):
    """A right optimize, defined as in a notebook: it calls whatever `propagate` its cell sees."""
    namespace = {"np": np, "propagate": propagate}
    exec(
        "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):\n"
        "    costs = []\n"
        "    for i in range(num_iterations):\n"
        "        grads, cost = propagate(w, b, X, Y)\n"
        "        w = w - learning_rate * grads['dw']\n"
        "        b = b - learning_rate * grads['db']\n"
        "        if i % 100 == 0:\n"
        "            costs.append(cost)\n"
        "    return {'w': w, 'b': b}, grads, costs\n", namespace)
    return namespace["optimize"]


def test_course_style_propagate_passes():
    ok, msg = _verdict("c1w2.propagate", propagate_np_dot)
    assert ok, msg


def test_transposed_dw_is_called_a_transpose_not_a_known_mistake():
    ok, msg = _verdict("c1w2.propagate", propagate_transposed_dw)
    assert not ok
    assert "transpose" in msg and _hints(msg) == []
    # the right db must not be blamed (rounding noise of a tiny db against its own size)
    assert "db disagrees" not in msg and "dw has shape (1, 2) but w has shape (2, 1)" in msg


def test_optimize_blames_the_failing_propagate_it_calls():
    """After a transposed dw, optimize broadcasts w to (n, n): the student is told to fix propagate first."""
    _LAST_VERDICT.clear()
    with pytest.raises(CheckFailed) as info:
        check("c1w2.optimize", _students_optimize(propagate_transposed_dw))
    msg = str(info.value)
    first = msg.splitlines()[0]
    assert "`optimize` calls your `propagate`, which fails its own check: fix that first" in first
    assert "did you forget to sum over the examples" not in msg
    assert "broadcasting" in msg


def test_a_correct_optimize_with_a_correct_propagate_has_no_note():
    from dlkit import logistic

    check("c1w2.optimize", _students_optimize(propagate_np_dot))
    assert get("c1w2.optimize").reference is logistic.optimize


@pytest.mark.parametrize("rule, hint", [
    (lambda A: A >= 0.5, "an A of exactly 0.5 predicts 0"),
    (lambda A: A <= 0.5, "the labels are flipped"),
    (lambda A: A < 0.5, None),                       # flipped AND >= : matches neither mistake exactly
])
def test_predict_hints_only_the_mistake_made(rule, hint):
    def predict(w, b, X):
        return rule(_sigmoid(w.T @ X + b)).astype(float)

    ok, msg = _verdict("c1w2.predict", predict)
    assert not ok
    hints = _hints(msg)
    if hint is None:
        assert hints == []
    else:
        assert len(hints) == 1 and hint in hints[0]


def test_sigmoid_with_math_exp_names_the_error():
    import math

    def sigmoid(z):
        return 1 / (1 + math.exp(-z))

    ok, msg = _verdict("c1w2.sigmoid", sigmoid)
    assert not ok and "raised TypeError" in msg and "in sigmoid" in msg


def test_normalize_rows_in_place_is_caught():
    def normalize_rows(x):
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        return x

    ok, msg = _verdict("c1w2.normalize_rows", normalize_rows)
    assert not ok
    assert "gives the right values" in msg and "changed its input `x` in place" in msg


# ------------------------------------------------------------------ c1w3: planar classification

def test_compute_cost_np_dot_then_squeeze_passes():
    def compute_cost(A2, Y):
        m = Y.shape[1]
        logprobs = np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)
        cost = -logprobs / m
        return float(np.squeeze(cost))

    ok, msg = _verdict("c1w3.compute_cost", compute_cost)
    assert ok, msg


def test_compute_cost_that_forgets_the_minus_sign_is_not_called_a_shape_problem():
    def compute_cost(A2, Y):
        m = Y.shape[1]
        return float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)

    ok, msg = _verdict("c1w3.compute_cost", compute_cost)
    assert not ok and "shape" not in msg


# ------------------------------------------------------------------ c2w2: optimisation

def _zeros_like_params(parameters, shape_of):
    v = {}
    for l in range(1, len(parameters) // 2 + 1):
        v[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)
        v[f"db{l}"] = np.zeros(parameters[shape_of.format(l)].shape)
    return v


def test_bias_velocity_of_the_wrong_shape_is_not_called_missing():
    def initialize_velocity(parameters):
        return _zeros_like_params(parameters, "W{}")          # db shaped like W

    ok, msg = _verdict("c2w2.initialize_velocity", initialize_velocity)
    assert not ok
    assert 'v["db1"]` has shape' in msg
    assert "the biases need a velocity too" not in msg


def test_adam_moments_sharing_arrays_fail_in_one_line():
    def initialize_adam(parameters):
        v, s = {}, {}
        for l in range(1, len(parameters) // 2 + 1):
            v[f"dW{l}"] = s[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)
            v[f"db{l}"] = s[f"db{l}"] = np.zeros(parameters[f"b{l}"].shape)
        return v, s

    ok, msg = _verdict("c2w2.initialize_adam", initialize_adam)
    assert not ok
    assert len(msg.splitlines()) == 1
    assert 'one array as both `v["dW1"]` and `s["dW1"]`' in msg


def test_adam_moments_as_one_dict_fail_too():
    def initialize_adam(parameters):
        v = _zeros_like_params(parameters, "b{}")
        return v, v

    ok, msg = _verdict("c2w2.initialize_adam", initialize_adam)
    assert not ok and "one array as both" in msg


def test_course_style_in_place_updates_pass():
    """The course writes the new values into the dicts it was given and returns them: allowed."""
    def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
        for l in range(1, len(parameters) // 2 + 1):
            for k in ("W", "b"):
                v[f"d{k}{l}"] = beta * v[f"d{k}{l}"] + (1 - beta) * grads[f"d{k}{l}"]
                parameters[f"{k}{l}"] -= learning_rate * v[f"d{k}{l}"]
        return parameters, v

    ok, msg = _verdict("c2w2.update_parameters_with_momentum", update_parameters_with_momentum)
    assert ok, msg


def test_a_grads_dict_edited_in_place_is_caught():
    def update_parameters_with_gd(parameters, grads, learning_rate):
        for key in grads:
            grads[key] *= learning_rate
        return {k: parameters[k] - grads["d" + k] for k in parameters}

    ok, msg = _verdict("c2w2.update_parameters_with_gd", update_parameters_with_gd)
    assert not ok and "changed its input `grads` in place" in msg


# ------------------------------------------------------------------ c2w3: a framework of one's own

class ReLUInPlace(nn.Module):
    def forward(self, Z, training=False):
        Z[Z < 0] = 0
        self.cache = Z
        return Z

    def backward(self, dA):
        return dA * (self.cache > 0)


def test_relu_that_zeroes_its_input_is_caught_at_the_forward_pass():
    ok, msg = _verdict("c2w3.ReLU", ReLUInPlace)
    assert not ok
    assert "changed its input `Z` in place" in msg
    assert "Gradient check" not in msg


# ------------------------------------------------------------------ more kinds from the trial run

def _layer_sizes_swapped(X, Y):
    return (Y.shape[0], 4, X.shape[0])


def _linear_forward_examples_as_rows(A, W, b):
    return A.T @ W.T + b.T, (A, W, b)


def _mini_batches_Y_unshuffled(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    order = list(np.random.permutation(m))
    X = X[:, order]                       # Y is left in the old order
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size]) for k in range(0, m, mini_batch_size)]


KINDS = [
    ("c1w2.image2vector", lambda image: image.reshape(-1), "rank-1 array", "not a rank-1 array"),
    ("c1w2.L1", lambda yhat, y: float(np.mean(np.abs(y - yhat))), "`loss` is 0.22, expected 1.1",
     "that is the mean"),
    ("c1w2.initialize_with_zeros", lambda dim: (np.zeros((dim, 1)), np.zeros((1, 1))),
     "`b` should be a single number", "b is a single number, 0.0, not an array"),
    ("c1w3.layer_sizes", _layer_sizes_swapped, "`n_x` is 2, expected 5", "n_x and n_y are swapped"),
    ("c2w3.one_hot", lambda labels, C: np.eye(C)[np.asarray(labels).ravel()], "did you forget a transpose",
     "shape (C, m)"),
    ("c1w4.linear_forward", _linear_forward_examples_as_rows, "did you forget a transpose", None),
    ("c2w2.random_mini_batches", _mini_batches_Y_unshuffled, "`mini_batches[0][1]` differs", None),
]


@pytest.mark.parametrize("exercise_id, fn, says, hint", KINDS, ids=[k[0] for k in KINDS])
def test_each_kind_gets_its_own_verdict_and_no_other_hint(exercise_id, fn, says, hint):
    ok, msg = _verdict(exercise_id, fn)
    assert not ok and says in msg
    hints = _hints(msg)
    if hint is None:
        assert hints == []
    else:
        assert len(hints) == 1 and hint in hints[0]
