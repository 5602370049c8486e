"""Setting up an ML application (Course 2 Week 1): data splits, bias/variance, input normalisation.

``split_sizes(m, fractions)`` turns a split policy into example counts;
without ``fractions`` it applies the lecture's rule of thumb: the classic
60/20/20 for up to 10,000 examples, 98/1/1 up to a million, and 99.5/0.25/0.25
beyond.

``diagnose_bias_variance(train_error, dev_error, bayes_error, tolerance)``
reads the two gaps of the lecture (avoidable bias = train - Bayes error,
variance = dev - train, errors in percent) and ``basic_recipe`` turns the
diagnosis into the recipe's next step (bias first, then variance).

``normalize_inputs(X_train, X_test)`` centres and scales every feature with
the *training* mean and standard deviation, and applies the same numbers to
the test set.

Demonstrations for the notebook: ``make_feature_scales`` (a regression set
with features of very different ranges), ``regression_cost``,
``gradient_descent_path``, ``bowl_elongation`` and ``plot_cost_contours``
(the elongated vs round cost bowl), and ``deep_linear_forward`` with
``plot_layer_scales`` (activations of a deep linear net with W = 1.5 I or
0.5 I explode or vanish like 1.5^l or 0.5^l).
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_int

CLASSIC = (0.6, 0.2, 0.2)
BIG_DATA = (0.98, 0.01, 0.01)
HUGE_DATA = (0.995, 0.0025, 0.0025)


def recommended_fractions(m: int) -> tuple:
    """The lecture's rule of thumb for a train/dev/test split of ``m`` examples."""
    if m <= 10_000:
        return CLASSIC
    if m <= 1_000_000:
        return BIG_DATA
    return HUGE_DATA


def split_sizes(m: int, fractions=None) -> tuple:
    """Number of examples in each part when ``m`` examples are split by ``fractions``.

    Arguments:
    m -- number of examples, a positive integer
    fractions -- the parts' shares, summing to 1: (0.7, 0.3) for train/test,
                 (0.6, 0.2, 0.2) for train/dev/test, ...; None: ``recommended_fractions(m)``

    Returns:
    a tuple of ints, one per part, summing to m. Every part but the first is
    round(fraction * m); the first (training) part takes the remainder.
    """
    m = expect_int("m", m, min=1, what="the number of examples")
    if fractions is None:
        fractions = recommended_fractions(m)
    f = np.asarray(fractions, dtype=float)
    if f.ndim != 1 or f.size < 2 or np.any(f < 0) or not np.isclose(f.sum(), 1.0):
        raise ValueError(f"fractions must be two or more non-negative shares summing to 1; got {fractions!r}")
    rest = [int(round(x * m)) for x in f[1:]]
    return (m - sum(rest), *rest)


# ------------------------------------------------------------------ bias and variance

def _percent(name, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"`{name}` must be a number (an error rate in percent), got {value!r}")
    value = float(value)
    if not 0.0 <= value <= 100.0:
        raise ValueError(f"`{name}` is an error rate in percent and must lie in [0, 100], got {value!r}")
    return value


def diagnose_bias_variance(train_error, dev_error, bayes_error=0.0, tolerance=2.0) -> tuple:
    """``(high_bias, high_variance)``, two bools, from the train and dev errors (in percent).

    The lecture's reading of the two errors:

    * avoidable bias = train_error - bayes_error: how far the training error is
      from the best achievable (optimal, Bayes) error; it is high when it is
      more than ``tolerance`` percentage points;
    * variance = dev_error - train_error: how much worse the model does on
      examples it did not train on; high when more than ``tolerance`` points.

    With bayes_error = 0: 1 % / 11 % -> (False, True), 15 % / 16 % -> (True, False),
    15 % / 30 % -> (True, True), 0.5 % / 1 % -> (False, False); with
    bayes_error = 15, 15 % / 16 % is no longer high bias: (False, False).
    Assumes train and dev come from the same distribution.
    """
    train_error, dev_error = _percent("train_error", train_error), _percent("dev_error", dev_error)
    bayes_error = _percent("bayes_error", bayes_error)
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float, np.integer, np.floating)) or tolerance < 0:
        raise ValueError(f"`tolerance` must be a non-negative number of percentage points, got {tolerance!r}")
    if train_error < bayes_error:
        raise ValueError(f"the training error ({train_error} %) cannot be below the Bayes error ({bayes_error} %)")
    high_bias = train_error - bayes_error > tolerance
    high_variance = dev_error - train_error > tolerance
    return bool(high_bias), bool(high_variance)


REDUCE_BIAS, REDUCE_VARIANCE, DONE = "reduce bias", "reduce variance", "done"

RECIPE_ACTIONS = {
    REDUCE_BIAS: ("bigger network (more layers or units)", "train longer", "better optimisation algorithm",
                  "another architecture"),
    REDUCE_VARIANCE: ("more data", "regularisation", "another architecture"),
    DONE: (),
}


def basic_recipe(high_bias, high_variance) -> str:
    """The basic recipe's next step: "reduce bias", "reduce variance" or "done".

    Bias comes first (look at the training error): while it is high, more data
    will not help. Only a model that fits the training set is worth
    regularising, so variance comes second. ``RECIPE_ACTIONS[step]`` lists
    what to try.
    """
    for name, flag in (("high_bias", high_bias), ("high_variance", high_variance)):
        if not isinstance(flag, (bool, np.bool_)):
            raise ValueError(f"`{name}` must be True or False, got {flag!r}")
    if high_bias:
        return REDUCE_BIAS
    if high_variance:
        return REDUCE_VARIANCE
    return DONE


# ------------------------------------------------------------------ normalising inputs

def normalize_inputs(X_train, X_test) -> tuple:
    """Zero mean and unit variance per feature, with the training set's statistics.

    X_train (n_x, m_train), X_test (n_x, m_test), one example per column.

        mu      = (1/m) sum_i x^(i)                  (n_x, 1), over the training examples
        sigma^2 = (1/m) sum_i (x^(i) - mu)**2        (n_x, 1), elementwise
        X_norm  = (X - mu) / sigma                   for X_train AND X_test

    Dividing by sigma (not sigma^2, as the lecture's notes have it) gives unit
    variance. Returns ``(X_train_norm, X_test_norm, mu, sigma)``. A constant
    training feature (sigma = 0) raises a ValueError.
    """
    X_train = as_array("X_train", X_train, ndim=2)
    X_test = as_array("X_test", X_test, ndim=2)
    if X_test.shape[0] != X_train.shape[0]:
        raise ValueError(f"`X_test` has shape {X_test.shape}, expected ({X_train.shape[0]}, m_test): "
                         "the same features (rows) as X_train")
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.sqrt(np.mean((X_train - mu) ** 2, axis=1, keepdims=True))
    if np.any(sigma == 0):
        i = int(np.flatnonzero(sigma == 0)[0])
        raise ValueError(f"feature {i} is constant on the training set (sigma = 0): drop it before normalising")
    return (X_train - mu) / sigma, (X_test - mu) / sigma, mu, sigma


# ------------------------------------------------------------------ demonstration: the cost bowl

def make_feature_scales(m: int = 200, ranges=((1.0, 1000.0), (0.0, 1.0)), noise: float = 0.1, seed: int = 1):
    """A regression set whose features live on very different scales.

    Feature j is uniform on ``ranges[j]`` (the lecture's x1 in 1..1000 and x2 in
    0..1 by default); the target is y = sum_j (x_j - lo_j) / (hi_j - lo_j) + noise,
    so that every feature matters about as much. Returns X (n_x, m), y (1, m).
    """
    m = expect_int("m", m, min=2, what="the number of examples")
    r = np.asarray(ranges, dtype=float)
    if r.ndim != 2 or r.shape[1] != 2 or np.any(r[:, 1] <= r[:, 0]):
        raise ValueError(f"`ranges` must be pairs (low, high) with low < high, got {ranges!r}")
    rng = np.random.default_rng(seed)
    X = r[:, :1] + (r[:, 1:] - r[:, :1]) * rng.random((len(r), int(m)))
    y = np.sum((X - r[:, :1]) / (r[:, 1:] - r[:, :1]), axis=0, keepdims=True) + noise * rng.normal(size=(1, int(m)))
    return X, y


def _design(X):
    X = as_array("X", X, ndim=2)
    return np.vstack([X, np.ones((1, X.shape[1]))])          # (n_x + 1, m): the last row multiplies b


def regression_cost(theta, X, y) -> float:
    """J(w, b) = (1/2m) sum_i (w . x^(i) + b - y^(i))^2 with theta = (w_1, ..., w_nx, b)."""
    Xb = _design(X)
    y = as_array("y", y).reshape(1, -1)
    theta = as_array("theta", theta).reshape(1, -1)
    if theta.shape[1] != Xb.shape[0]:
        raise ValueError(f"`theta` holds {theta.shape[1]} numbers, expected {Xb.shape[0]} (the weights, then b)")
    r = theta @ Xb - y
    return float(np.sum(r ** 2) / (2 * Xb.shape[1]))


def _hessian(X):
    Xb = _design(X)
    return Xb @ Xb.T / Xb.shape[1]


def bowl_elongation(X) -> float:
    """Longest / shortest axis of the cost bowl's contour ellipses: sqrt(lambda_max / lambda_min) of the Hessian.

    For the squared-error cost of a linear model the Hessian is (1/m) X~ X~^T
    with X~ = X plus a row of ones (the bias). 1 means round contours.
    """
    lam = np.linalg.eigvalsh(_hessian(X))
    return float(np.sqrt(lam[-1] / lam[0]))


def gradient_descent_path(X, y, num_steps: int = 30, step: float = 1.0, theta0=None):
    """Batch gradient descent on ``regression_cost`` from ``theta0`` (default 0).

    The learning rate is ``step / lambda_max`` (lambda_max: the Hessian's largest
    eigenvalue; gradient descent diverges beyond step = 2), so that raw and
    normalised data are compared at their own best learning rates.
    Returns ``(path, costs)``: path (num_steps + 1, n_x + 1), costs (num_steps + 1,).
    """
    Xb = _design(X)
    y = as_array("y", y).reshape(1, -1)
    m = Xb.shape[1]
    H = _hessian(X)
    alpha = step / np.linalg.eigvalsh(H)[-1]
    theta = np.zeros(Xb.shape[0]) if theta0 is None else as_array("theta0", theta0).ravel().copy()
    if theta.shape != (Xb.shape[0],):
        raise ValueError(f"`theta0` holds {theta.size} numbers, expected {Xb.shape[0]} (the weights, then b)")
    path, costs = [theta], []
    for _ in range(int(num_steps) + 1):
        r = theta @ Xb - y                                  # (1, m) residuals
        costs.append(float(np.sum(r * r)) / (2 * m))
        if len(path) > num_steps:
            break
        theta = theta - alpha * (r @ Xb.T).ravel() / m
        path.append(theta)
    return np.array(path), np.array(costs)


def plot_cost_contours(X, y, path=None, ax=None, title: str = "Cost contours", span: float | None = None,
                       feature_names=("$w_1$", "$w_2$")):
    """Contours of J(w1, w2, b*) over the two weights (b at its optimum b*), with a descent path on top.

    X (2, m), y (1, m). ``path`` (k, 3) rows (w1, w2, b) as from
    ``gradient_descent_path``. The window is centred on the minimum; both axes
    have the same scale, so an elongated bowl looks elongated.
    """
    import matplotlib.pyplot as plt

    X = as_array("X", X, ndim=2)
    if X.shape[0] != 2:
        raise ValueError(f"`X` has shape {X.shape}, expected (2, m): two features to draw a contour plot")
    Xb = _design(X)
    y = as_array("y", y).reshape(1, -1)
    best = np.linalg.lstsq(Xb.T, y.ravel(), rcond=None)[0]
    if span is None:
        pts = [best[:2]] if path is None else [best[:2], *np.asarray(path)[:, :2]]
        span = 1.15 * max(float(np.max(np.abs(np.asarray(pts) - best[:2]))), 1e-3)
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(5, 5))
    g = np.linspace(-span, span, 201)
    W1, W2 = np.meshgrid(best[0] + g, best[1] + g)
    R = (W1.reshape(-1, 1) * Xb[0] + W2.reshape(-1, 1) * Xb[1] + best[2] - y)   # (grid points, m)
    J = (np.sum(R ** 2, axis=1) / (2 * Xb.shape[1])).reshape(W1.shape)
    Jmin = regression_cost(best, X, y)
    levels = Jmin + (J.max() - Jmin) * np.linspace(0.0, 1.0, 16)[1:] ** 2
    cs = ax.contour(W1, W2, J, levels=levels, cmap="viridis", linewidths=1.0)
    ax.plot(best[0], best[1], marker="*", color="k", markersize=12, linestyle="none", label="minimum")
    if path is not None:
        path = np.asarray(path)
        ax.plot(path[:, 0], path[:, 1], marker="o", markersize=3, color="tab:red", linewidth=1.2,
                label=f"gradient descent ({len(path) - 1} steps)")
    ax.set_xlim(best[0] - span, best[0] + span)
    ax.set_ylim(best[1] - span, best[1] + span)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel(feature_names[0])
    ax.set_ylabel(feature_names[1])
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8, framealpha=0.85)
    cs.set_label("levels of J")
    return fig


# ------------------------------------------------------------------ demonstration: vanishing / exploding

def deep_linear_forward(X, weight_scale: float, L: int):
    """The lecture's deep linear network: g(z) = z, b = 0, W^[l] = weight_scale * I for l < L.

    X (n, m); every hidden layer has n units, W^[l] = weight_scale * I (n, n)
    for l = 1 .. L-1, and the output layer sums its inputs, W^[L] = ones (1, n).
    Returns ``(yhat, activations)``: yhat (1, m) = W^[L] weight_scale^(L-1) X,
    and the list [a^[1], ..., a^[L-1]], a^[l] = weight_scale^l X.
    """
    X = as_array("X", X, ndim=2)
    L = expect_int("L", L, min=1, what="the number of layers")
    W = float(weight_scale) * np.eye(X.shape[0])
    A, activations = X, []
    with np.errstate(over="ignore", under="ignore"):
        for _ in range(1, int(L)):
            A = W @ A
            activations.append(A)
        yhat = np.ones((1, X.shape[0])) @ A
    return yhat, activations


def plot_layer_scales(curves, ax=None, title: str = "Size of the activations, layer by layer",
                      ylabel: str = "size of $a^{[l]}$ (log scale)", reference=None):
    """One line per ``{label: values}`` entry, values[l] plotted at layer l, on a logarithmic y axis.

    ``reference`` ({label: values}) adds dashed lines, e.g. the formula 1.5^l.
    """
    import matplotlib.pyplot as plt

    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(6.5, 4))
    for label, values in curves.items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(len(values)), values, marker="o", markersize=3, label=str(label))
    for label, values in (reference or {}).items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(len(values)), values, linestyle="--", color="gray", linewidth=1, label=str(label))
    ax.set_yscale("log")
    ax.set_xlabel("layer $l$")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8)
    return fig
