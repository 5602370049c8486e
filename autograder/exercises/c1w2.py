"""Course 1, Week 2: numpy basics and logistic regression.

References live in ``dlkit.basics`` and ``dlkit.logistic``; the notebooks are
``course1/week2/numpy_basics.ipynb`` and ``course1/week2/logistic_regression.ipynb``;
the tests of these entries are ``autograder/tests/test_c1w2.py``.
Fixed cases use the worked numbers of the course notes (sigma(0) = 0.5,
sigma'(0) = 0.25, the L1/L2 example, the softmax of [5, 2, -1, 3]).
"""
from __future__ import annotations

import numpy as np

from dlkit import basics, logistic
from dlkit.activations import sigmoid as _s
from dlkit.gradcheck import numeric_gradient

from ..registry import Case, Exercise, Mistake, register

# ---------------------------------------------------------------- numpy basics

register(Exercise(
    id="c1w2.sigmoid",
    reference=basics.sigmoid,
    outputs="s",
    fixed_cases=[
        Case((np.array([0.0]),), label="sigma(0) = 0.5"),
        Case((np.array([-10.0, -1.0, 0.0, 1.0, 10.0]),), label="z = [-10, -1, 0, 1, 10]"),
        Case((np.array([[1.0, 2.0], [-3.0, 0.5]]),), label="a 2x2 matrix"),
    ],
    random_case=lambda rng: Case((rng.normal(0, 3, size=tuple(rng.integers(1, 6, size=2))),)),
    mistakes=[
        Mistake("exp_sign", lambda z: 1 / (1 + np.exp(z)),
                "check the sign in the exponent: sigma(z) = 1 / (1 + e^(-z))."),
        Mistake("one_minus", lambda z: np.exp(-z) / (1 + np.exp(-z)),
                "that is 1 - sigma(z); sigma(z) = 1 / (1 + e^(-z))."),
        Mistake("no_reciprocal", lambda z: 1 + np.exp(-z),
                "you returned the denominator 1 + e^(-z); sigma is one over it."),
    ],
))

register(Exercise(
    id="c1w2.sigmoid_derivative",
    reference=basics.sigmoid_derivative,
    outputs="ds",
    fixed_cases=[
        Case((np.array([0.0]),), label="sigma'(0) = 0.25"),
        Case((np.array([1.0, 2.0, 3.0]),), label="x = [1, 2, 3]"),
    ],
    random_case=lambda rng: Case((rng.normal(0, 3, size=tuple(rng.integers(1, 6, size=2))),)),
    mistakes=[
        Mistake("returns_s", lambda x: _s(x),
                "you returned sigma(x) itself; its derivative is s (1 - s) with s = sigma(x)."),
        Mistake("x_not_s", lambda x: x * (1 - x),
                "you applied s (1 - s) to x; compute s = sigma(x) first."),
        Mistake("one_plus", lambda x: _s(x) * (1 + _s(x)),
                "sign slip: the derivative is s (1 - s), not s (1 + s)."),
    ],
))

register(Exercise(
    id="c1w2.image2vector",
    reference=basics.image2vector,
    outputs="v",
    fixed_cases=[
        Case((np.arange(18, dtype=float).reshape(3, 3, 2),), label="a 3x3x2 image"),
    ],
    random_case=lambda rng: Case((rng.random(tuple(rng.integers(2, 6, size=3))),)),
    mistakes=[
        Mistake("rank1", lambda im: im.reshape(-1),
                "v must be a column of shape (length*height*depth, 1), not a rank-1 array."),
        Mistake("row", lambda im: im.reshape(1, -1),
                "you made a row; the course stacks values in a column: reshape(-1, 1)."),
        Mistake("fortran", lambda im: im.reshape(-1, 1, order="F"),
                "the order of the values differs: use numpy's default (row-major) reshape."),
    ],
))

register(Exercise(
    id="c1w2.normalize_rows",
    reference=basics.normalize_rows,
    outputs="x_normalized",
    fixed_cases=[Case((np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]]),), label="x = [[0, 3, 4], [1, 6, 4]]")],
    random_case=lambda rng: Case((rng.normal(size=(int(rng.integers(2, 6)), int(rng.integers(2, 6)))) + 0.1,)),
    mistakes=[
        Mistake("no_sqrt", lambda x: x / np.sum(x**2, axis=1, keepdims=True),
                "you divided by the squared norm; take its square root (np.linalg.norm does)."),
        Mistake("columns", lambda x: x / np.linalg.norm(x, axis=0, keepdims=True),
                "you normalised columns; rows need axis=1 (with keepdims=True)."),
        Mistake("whole", lambda x: x / np.linalg.norm(x),
                "you divided by the norm of the whole matrix; each row needs its own norm (axis=1, keepdims=True)."),
    ],
))

register(Exercise(
    id="c1w2.softmax",
    reference=basics.softmax,
    outputs="s",
    fixed_cases=[
        Case((np.array([[5.0, 2.0, -1.0, 3.0]]),), label="z = [5, 2, -1, 3] gives [0.842, 0.042, 0.002, 0.114]"),
        Case((np.array([[9.0, 2.0, 5.0, 0.0, 0.0], [7.0, 5.0, 0.0, 0.0, 0.0]]),), label="a 2x5 matrix"),
    ],
    random_case=lambda rng: Case((rng.normal(0, 2, size=(int(rng.integers(2, 5)), int(rng.integers(3, 6)))),)),
    mistakes=[
        Mistake("columns", lambda x: np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True),
                "each row is one example here: sum over axis=1, not axis=0."),
        Mistake("all", lambda x: np.exp(x) / np.sum(np.exp(x)),
                "you divided by the sum over the whole matrix; each row needs its own sum (axis=1, keepdims=True)."),
        Mistake("no_exp", lambda x: x / np.sum(x, axis=1, keepdims=True),
                "exponentiate first: softmax is e^x / sum(e^x)."),
    ],
))

_L_CASE = Case((np.array([0.9, 0.2, 0.1, 0.4, 0.9]), np.array([1.0, 0.0, 0.0, 1.0, 1.0])),
               label="yhat = [.9, .2, .1, .4, .9], y = [1, 0, 0, 1, 1]")


def _loss_case(rng):
    m = int(rng.integers(3, 10))
    return Case((rng.random(m), rng.integers(0, 2, m).astype(float)))


register(Exercise(
    id="c1w2.L1",
    reference=basics.L1,
    outputs="loss",
    fixed_cases=[_L_CASE],
    random_case=_loss_case,
    mistakes=[
        Mistake("mean", lambda yh, y: float(np.mean(np.abs(y - yh))),
                "that is the mean; the L1 loss here is the sum of |y - yhat|."),
        Mistake("no_abs", lambda yh, y: float(np.sum(y - yh)),
                "take the absolute value of each difference before summing."),
        Mistake("squared", lambda yh, y: float(np.sum((y - yh) ** 2)),
                "that is the L2 loss; L1 sums the absolute differences."),
    ],
))

register(Exercise(
    id="c1w2.L2",
    reference=basics.L2,
    outputs="loss",
    fixed_cases=[_L_CASE],
    random_case=_loss_case,
    mistakes=[
        Mistake("sqrt", lambda yh, y: float(np.sqrt(np.sum((y - yh) ** 2))),
                "no square root: the L2 loss is the sum of squared differences."),
        Mistake("mean", lambda yh, y: float(np.mean((y - yh) ** 2)),
                "that is the mean; the L2 loss here is the sum of squared differences."),
        Mistake("abs", lambda yh, y: float(np.sum(np.abs(y - yh))),
                "that is the L1 loss; square each difference instead."),
    ],
))

# ---------------------------------------------------------- logistic regression

register(Exercise(
    id="c1w2.initialize_with_zeros",
    reference=logistic.initialize_with_zeros,
    outputs=("w", "b"),
    fixed_cases=[Case((2,), label="dim = 2"), Case((12288,), label="dim = 12288 (64*64*3)")],
    random_case=lambda rng: Case((int(rng.integers(1, 50)),)),
    mistakes=[
        Mistake("rank1", lambda dim: (np.zeros(dim), 0.0),
                "w must be a column of shape (dim, 1): np.zeros((dim, 1))."),
        Mistake("row", lambda dim: (np.zeros((1, dim)), 0.0),
                "w is a column (dim, 1), not a row (1, dim)."),
        Mistake("b_array", lambda dim: (np.zeros((dim, 1)), np.zeros((1, 1))),
                "b is a single number, 0.0, not an array."),
    ],
))


def _lr_case(rng, n_x=None, m=None):
    n_x = n_x or int(rng.integers(2, 6))
    m = m or int(rng.integers(3, 12))
    w = rng.normal(0, 0.5, size=(n_x, 1))
    b = float(rng.normal())
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return Case((w, b, X, Y), label=f"random w, b, X ({n_x}, {m}), Y")


def _bad_propagate(dw_times_m=False, db_times_m=False, dz_sign=1.0, cost_sign=1.0):
    """The reference propagate with one deliberate slip (for the known-mistake hints)."""
    def propagate(w, b, X, Y):
        m = X.shape[1]
        A = _s(w.T @ X + b)
        cost = -cost_sign * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
        dZ = dz_sign * (A - Y)
        dw = (X @ dZ.T) / (1 if dw_times_m else m)
        db = float(np.sum(dZ) / (1 if db_times_m else m))
        return {"dw": dw, "db": db}, float(cost)
    return propagate


def _propagate_gradcheck(fn, case):
    """Compare the student's dw, db with numeric slopes of the student's own cost."""
    w, b, X, Y = case.args
    grads, _ = fn(w.copy(), b, X.copy(), Y.copy())
    dw = np.asarray(grads["dw"], dtype=float)
    eps = 1e-5
    num_dw = numeric_gradient(lambda w_: float(fn(w_.copy(), b, X.copy(), Y.copy())[1]), w.copy(), eps=eps)
    num_db = (float(fn(w.copy(), b + eps, X.copy(), Y.copy())[1])
              - float(fn(w.copy(), b - eps, X.copy(), Y.copy())[1])) / (2 * eps)
    db = np.asarray(grads["db"], dtype=float)
    if dw.shape != w.shape:
        return (f"dw has shape {dw.shape} but w has shape {w.shape}: a gradient has the shape of its "
                "parameter, so the bug is in the backward pass.")
    # Errors are measured against the size of the whole gradient (dw and db together), as the
    # course's gradient check does: a tiny db must not turn rounding noise into a verdict.
    scale = (np.linalg.norm(np.append(num_dw.ravel(), num_db))
             + np.linalg.norm(np.append(dw.ravel(), db.ravel())))
    problems = []
    for name, num, got in (("dw", num_dw, dw), ("db", np.atleast_1d(num_db), db.ravel())):
        err = float(np.linalg.norm(num.ravel() - got.ravel()) / max(scale, 1e-300)) if num.size == got.size else 1.0
        if err > 1e-5:
            problems.append(f"{name} disagrees with the numeric slope of your own cost (relative error {err:.2g})")
    if not problems:
        return ("your dw and db match the slopes of your own cost, so the backward pass is "
                "consistent with it: look at the forward pass or the cost.")
    return "; ".join(problems) + ": the bug is in the backward pass."


register(Exercise(
    id="c1w2.propagate",
    reference=logistic.propagate,
    outputs=("grads", "cost"),
    fixed_cases=[
        Case((np.array([[1.0], [2.0]]), 2.0, np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
              np.array([[1.0, 0.0, 1.0]])), label="w = [[1], [2]], b = 2, X (2, 3), Y = [[1, 0, 1]]"),
    ],
    random_case=_lr_case,
    gradcheck=_propagate_gradcheck,
    mistakes=[
        Mistake("dw_no_1_over_m", _bad_propagate(dw_times_m=True),
                "dw looks like it is missing the 1/m factor: dw = (1/m) X dZ^T."),
        Mistake("db_no_1_over_m", _bad_propagate(db_times_m=True),
                "db looks like it is missing the 1/m factor: db = (1/m) sum(dZ)."),
        Mistake("dz_sign", _bad_propagate(dz_sign=-1.0),
                "dZ has the wrong sign: dZ = A - Y."),
        Mistake("cost_sign", _bad_propagate(cost_sign=-1.0),
                "the cost has the wrong sign: J = -(1/m) sum[Y log A + (1 - Y) log(1 - A)] is positive."),
    ],
))


def _bad_optimize(sign=1.0, every=100, update_b=True, keep_first_grads=False):
    """The reference optimize with one deliberate slip."""
    def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
        w = w.copy()
        costs = []
        first = None
        for i in range(num_iterations):
            grads, cost = logistic.propagate(w, b, X, Y)
            if keep_first_grads:
                first = first or grads
                grads = first
            w = w - sign * learning_rate * grads["dw"]
            if update_b:
                b = b - sign * learning_rate * grads["db"]
            if i % every == 0:
                costs.append(cost)
        return {"w": w, "b": b}, grads, costs
    return optimize


def _optimize_case(rng):
    case = _lr_case(rng, m=int(rng.integers(5, 15)))
    n = int(rng.integers(150, 320))
    lr = float(rng.choice([0.01, 0.05, 0.1]))
    return Case(case.args, {"num_iterations": n, "learning_rate": lr},
                label=f"{case.label}, {n} iterations, learning_rate {lr}")


register(Exercise(
    id="c1w2.optimize",
    reference=logistic.optimize,
    outputs=("params", "grads", "costs"),
    fixed_cases=[
        Case((np.array([[1.0], [2.0]]), 2.0, np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
              np.array([[1.0, 0.0, 1.0]])), {"num_iterations": 100, "learning_rate": 0.009},
             label="the propagate example, 100 iterations, learning_rate 0.009"),
    ],
    random_case=_optimize_case,
    mistakes=[
        Mistake("ascent", _bad_optimize(sign=-1.0),
                "you moved up the slope: the update is w := w - learning_rate * dw (and the same for b)."),
        Mistake("every_iteration", _bad_optimize(every=1),
                "record the cost every 100 iterations only (when i % 100 == 0)."),
        Mistake("b_fixed", _bad_optimize(update_b=False),
                "b never changes: update it too, b := b - learning_rate * db."),
        Mistake("stale_grads", _bad_optimize(keep_first_grads=True),
                "the gradients must be recomputed with propagate at every iteration."),
    ],
))


def _predict_case(rng):
    w, b, X, _ = _lr_case(rng).args
    return Case((w, b, X), label=f"random w, b, X {X.shape}")


register(Exercise(
    id="c1w2.predict",
    reference=logistic.predict,
    outputs="Y_prediction",
    fixed_cases=[
        Case((np.array([[0.1124579], [0.23106775]]), -0.3, np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])),
             label="w = [[0.112], [0.231]], b = -0.3, X (2, 3)"),
        Case((np.zeros((3, 1)), 0.0, np.ones((3, 4))), label="w = 0, b = 0: every A is exactly 0.5"),
    ],
    random_case=_predict_case,
    mistakes=[
        Mistake("geq", lambda w, b, X: (_s(w.T @ X + b) >= 0.5).astype(float),
                "an A of exactly 0.5 predicts 0: the rule is A > 0.5."),
        Mistake("probabilities", lambda w, b, X: _s(w.T @ X + b),
                "return labels 0 or 1, not the probabilities A."),
        Mistake("flipped", lambda w, b, X: (_s(w.T @ X + b) <= 0.5).astype(float),
                "the labels are flipped: predict 1 where A > 0.5."),
    ],
))


def _model_case(rng):
    n_x, m_train, m_test = int(rng.integers(3, 7)), int(rng.integers(20, 40)), int(rng.integers(5, 15))
    w_true = rng.normal(size=(n_x, 1))
    X_train, X_test = rng.normal(size=(n_x, m_train)), rng.normal(size=(n_x, m_test))
    Y_train = (w_true.T @ X_train + 0.5 * rng.normal(size=(1, m_train)) > 0).astype(float)
    Y_test = (w_true.T @ X_test + 0.5 * rng.normal(size=(1, m_test)) > 0).astype(float)
    n = int(rng.integers(150, 400))
    lr = float(rng.choice([0.05, 0.1, 0.5]))
    return Case((X_train, Y_train, X_test, Y_test), {"num_iterations": n, "learning_rate": lr},
                label=f"random separable-ish data n_x={n_x}, m_train={m_train}, m_test={m_test}, "
                      f"{n} iterations, learning_rate {lr}")


def _bad_model(defaults=False, swap=False, untrained=False):
    def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
        w, b = logistic.initialize_with_zeros(X_train.shape[0])
        if defaults:
            params, _, costs = logistic.optimize(w, b, X_train, Y_train)
        else:
            params, _, costs = logistic.optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
        if not untrained:
            w, b = params["w"], params["b"]
        p_train, p_test = logistic.predict(w, b, X_train), logistic.predict(w, b, X_test)
        if swap:
            p_train, p_test = p_test, p_train
        return {"costs": costs, "Y_prediction_test": p_test, "Y_prediction_train": p_train,
                "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
    return model


register(Exercise(
    id="c1w2.model",
    reference=logistic.model,
    outputs="d",
    fixed_cases=[],
    random_case=_model_case,
    n_random=2,
    n_hidden_random=3,
    mistakes=[
        Mistake("defaults", _bad_model(defaults=True),
                "pass num_iterations and learning_rate on to optimize; it used its own defaults."),
        Mistake("swapped", _bad_model(swap=True),
                "Y_prediction_train and Y_prediction_test are swapped."),
        Mistake("untrained", _bad_model(untrained=True),
                "predict and return the trained parameters (params[\"w\"], params[\"b\"] from optimize), "
                "not the zeros you started from."),
    ],
))
