"""Course 3 Week 1: the decision arithmetic of ML strategy.

The lectures of "ML strategy (1)" are about decisions, not models: which
number to optimise, how to split the data, when a metric must change, and
whether to work on bias or on variance. Each decision rests on a little
arithmetic, collected here.

Evaluation metrics (labels are 0/1, a row (1, m) or a vector (m,)):

* ``confusion_counts(y_true, y_pred)`` -> {"tp", "fp", "fn", "tn"}
* ``precision_recall_f1(y_true, y_pred)`` -> (precision, recall, F1) as
  fractions; F1 = 2 / (1/p + 1/r), the harmonic mean. A ratio whose
  denominator is zero (no positive predictions, no positive labels) is 0.
* ``f1_score(p, r)``: the harmonic mean alone (0 when p + r == 0).

Optimizing and satisficing metrics:

* ``pick_classifier(optimizing, satisficing, thresholds, maximize=True)``:
  the index of the best classifier on the one optimizing metric among those
  that meet every satisficing threshold (``satisficing[j, i] <= thresholds[j]``).
  **Documented choice: it returns ``None`` when no classifier is feasible**
  (not -1, which Python would silently accept as "the last classifier").
  Ties go to the lowest index.
* ``linear_combined_metric(accuracy, running_time, weight)``: the lecture's
  "accuracy - 0.5 x running time", whose winner depends on the units.

Data splits:

* ``split_sizes(m, fractions=None)`` and ``recommended_fractions(m)`` are
  those of ``dlkit.practical`` (60/20/20 up to 10,000 examples, 98/1/1 up to a
  million, 99.5/0.25/0.25 beyond), re-exported here.
* ``region_proportions(regions, categories)`` and
  ``proportion_gap(dev_regions, test_regions)`` (half the sum of the share
  differences: 0 for the same mix, 1 for disjoint sources): do dev and test
  come from the same mix of sources (regions, districts, cameras)?

Changing the metric:

* ``weighted_error(y_true, y_pred, w)`` = sum w(i) [yhat(i) != y(i)] / sum w(i).

Human level, avoidable bias and variance (errors in any one unit: fractions
or percent, as long as all are the same):

* ``human_level_proxy(human_errors)``: the best (minimum) human error, the
  proxy for the Bayes error.
* ``avoidable_bias_and_variance(human_errors, train_error, dev_error)`` ->
  {"human_proxy", "avoidable_bias", "variance"}; avoidable bias = train -
  proxy (negative when the model is better than the proxy on its own
  training set), variance = dev - train.
* ``avoidable_bias_range(human_errors, train_error)`` -> (lo, hi): the gap
  for the best and for the worst human level.
* ``next_focus(human_errors, train_error, dev_error)`` -> "bias",
  "variance", or "unclear" when the training error is below the proxy (then
  the Bayes error is unknown and so is the avoidable bias). "bias" when the
  avoidable bias is strictly larger than the variance, otherwise "variance".

A simulated task with a known Bayes error (two 2-D Gaussian classes with equal
priors and a shared isotropic sigma):

* ``gaussian_bayes_error(mu0, mu1, sigma)`` = Phi(-||mu1 - mu0|| / (2 sigma)).
* ``make_gaussian_classes(m, mu0, mu1, sigma, seed)`` -> X (2, m), Y (1, m).
* ``bayes_classifier(X, mu0, mu1)``: the optimal rule, nearest mean.
* ``simulate_labeler(X, mu0, mu1, noise, n_looks, seed)`` and
  ``labeler_error(mu0, mu1, sigma, noise, n_looks)``: a human who sees each
  example blurred by Gaussian noise of standard deviation ``noise`` (averaged
  over ``n_looks`` independent looks: a panel) and then decides optimally.
  Their error is Phi(-d / (2 sqrt(sigma^2 + noise^2 / n_looks))) >= the
  Bayes error.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from ._validate import expect_int

from .practical import recommended_fractions, split_sizes

__all__ = [
    "confusion_counts", "precision_recall_f1", "f1_score", "error_rate",
    "pick_classifier", "linear_combined_metric",
    "split_sizes", "recommended_fractions", "region_proportions", "proportion_gap",
    "weighted_error",
    "human_level_proxy", "avoidable_bias_and_variance", "avoidable_bias_range", "next_focus",
    "REMEDIES", "KNOBS",
    "gaussian_bayes_error", "make_gaussian_classes", "bayes_classifier", "simulate_labeler",
    "labeler_error",
]

# What to try once the diagnosis is known (the lecture's two lists; architecture and
# hyperparameter search appear in both).
REMEDIES = {
    "bias": ("train a bigger model", "train longer", "use a better optimiser (momentum, RMSprop, Adam)",
             "search for a better architecture or hyperparameters"),
    "variance": ("get more training data", "regularise (L2, dropout, data augmentation)",
                 "search for a better architecture or hyperparameters"),
}

# Orthogonalization: one knob per assumption, in the order the assumptions are checked.
KNOBS = {
    "fits the training set": "bigger network, better optimiser (Adam)",
    "fits the dev set": "regularisation, bigger training set",
    "fits the test set": "bigger dev set (the dev set was over-tuned)",
    "works in the real world": "change the dev/test set or the cost function",
}


# ---------------------------------------------------------------- validation helpers


def _labels(name: str, y) -> np.ndarray:
    """0/1 labels as a flat float array; a row (1, m) or a vector (m,)."""
    arr = np.asarray(y)
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        raise ValueError(f"`{name}` must hold the labels 0 and 1, got an array of dtype {arr.dtype}")
    if arr.ndim == 2 and arr.shape[0] != 1:
        raise ValueError(f"`{name}` has shape {arr.shape}, expected a row (1, m) or a vector (m,)")
    if arr.ndim > 2 or arr.ndim == 0:
        raise ValueError(f"`{name}` has shape {arr.shape}, expected a row (1, m) or a vector (m,)")
    flat = arr.astype(float).ravel()
    if not np.all((flat == 0) | (flat == 1)):
        bad = flat[(flat != 0) & (flat != 1)][0]
        raise ValueError(f"`{name}` must hold only the labels 0 and 1, found {bad!r}")
    return flat


def _pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    t, p = _labels("y_true", y_true), _labels("y_pred", y_pred)
    if t.size != p.size:
        raise ValueError(f"`y_true` has {t.size} labels but `y_pred` has {p.size}: one prediction per example")
    if t.size == 0:
        raise ValueError("`y_true` and `y_pred` are empty: there is nothing to evaluate")
    return t, p


def _error_value(name: str, value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"`{name}` must be a number (an error rate), got {type(value).__name__}") from None
    if not math.isfinite(v) or v < 0:
        raise ValueError(f"`{name}` must be a finite error rate >= 0, got {value!r}")
    return v


def _human_levels(human_errors) -> np.ndarray:
    arr = np.atleast_1d(np.asarray(human_errors, dtype=float))
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"`human_errors` must be a number or a non-empty list of error rates, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise ValueError(f"`human_errors` must hold finite error rates >= 0, got {arr.tolist()}")
    return arr


# ---------------------------------------------------------------- evaluation metrics


def confusion_counts(y_true, y_pred) -> dict:
    """Counts of the confusion matrix of a binary classifier.

    Arguments:
    y_true -- labels 0/1, shape (1, m) or (m,)
    y_pred -- predicted labels 0/1, same number of entries

    Returns:
    dict with int values: "tp" (predicted 1, actually 1), "fp" (predicted 1,
    actually 0), "fn" (predicted 0, actually 1), "tn" (predicted 0, actually 0).
    """
    t, p = _pair(y_true, y_pred)
    return {"tp": int(np.sum((p == 1) & (t == 1))), "fp": int(np.sum((p == 1) & (t == 0))),
            "fn": int(np.sum((p == 0) & (t == 1))), "tn": int(np.sum((p == 0) & (t == 0)))}


def f1_score(p: float, r: float) -> float:
    """The harmonic mean of precision ``p`` and recall ``r``, 2 p r / (p + r); 0.0 when p + r == 0."""
    p, r = float(p), float(r)
    if not (0 <= p <= 1 and 0 <= r <= 1):
        raise ValueError(f"precision and recall are fractions in [0, 1], got p = {p!r}, r = {r!r}")
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def precision_recall_f1(y_true, y_pred) -> tuple:
    """Precision, recall and F1 score of binary predictions, as fractions.

    Arguments:
    y_true -- labels 0/1, shape (1, m) or (m,)
    y_pred -- predicted labels 0/1, same number of entries

    Returns:
    (precision, recall, f1), three floats in [0, 1]:
    precision = TP / (TP + FP), recall = TP / (TP + FN), f1 = 2 p r / (p + r).
    A ratio whose denominator is 0 is 0.0 (no positive prediction: precision 0;
    no positive label: recall 0; both 0: F1 0).
    """
    c = confusion_counts(y_true, y_pred)
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return float(precision), float(recall), f1_score(precision, recall)


def error_rate(y_true, y_pred) -> float:
    """The plain error (1/m) sum [yhat(i) != y(i)], a fraction."""
    t, p = _pair(y_true, y_pred)
    return float(np.mean(t != p))


# ---------------------------------------------------------------- optimizing and satisficing


def pick_classifier(optimizing, satisficing, thresholds, maximize: bool = True):
    """The best classifier on one optimizing metric among those meeting every satisficing threshold.

    Arguments:
    optimizing -- array_like (n,): the optimizing metric of each of n classifiers (e.g. accuracy)
    satisficing -- array_like (k, n): k satisficing metrics (rows), each one to be *at most* its
                   threshold (running time, false alarms per day). A vector (n,) is one metric.
                   For an "at least" constraint pass the negated metric and threshold.
    thresholds -- array_like (k,): the largest acceptable value of each satisficing metric
    maximize -- True when a larger optimizing metric is better (accuracy), False when smaller is (error)

    Returns:
    the index (an int) of the chosen classifier, the lowest one on ties; None when no
    classifier meets every threshold.
    """
    opt = np.asarray(optimizing, dtype=float)
    if opt.ndim != 1 or opt.size == 0:
        raise ValueError(f"`optimizing` must be a vector (n,) with one value per classifier, got shape {opt.shape}")
    n = opt.size
    sat = np.asarray(satisficing, dtype=float)
    if sat.ndim == 1:
        sat = sat.reshape(1, -1)
    if sat.ndim != 2 or sat.shape[1] != n:
        raise ValueError(f"`satisficing` has shape {np.shape(satisficing)}, expected (k, {n}): "
                         f"one row per satisficing metric, one column per classifier")
    thr = np.atleast_1d(np.asarray(thresholds, dtype=float))
    if thr.shape != (sat.shape[0],):
        raise ValueError(f"`thresholds` has shape {np.shape(thresholds)}, expected ({sat.shape[0]},): "
                         "one threshold per satisficing metric")
    feasible = np.all(sat <= thr[:, None], axis=0)
    if not feasible.any():
        return None
    score = np.where(feasible, opt if maximize else -opt, -np.inf)
    return int(np.argmax(score))


def linear_combined_metric(accuracy, running_time, weight: float = 0.5) -> np.ndarray:
    """The lecture's single number "accuracy - weight x running time", one value per classifier.

    The ranking it gives depends on the units: accuracy in % with time in ms is
    not the same metric as accuracy as a fraction with time in seconds.
    """
    acc = np.asarray(accuracy, dtype=float)
    t = np.asarray(running_time, dtype=float)
    if acc.shape != t.shape:
        raise ValueError(f"`accuracy` has shape {acc.shape} but `running_time` has shape {t.shape}")
    return acc - weight * t


# ---------------------------------------------------------------- dev/test distributions


def region_proportions(regions, categories: Sequence | None = None) -> np.ndarray:
    """The share of each category (region, district, camera) among the examples of one set.

    Arguments:
    regions -- sequence of m category labels (strings or ints), one per example
    categories -- the categories to report, in order; default: the sorted distinct labels

    Returns:
    array (len(categories),) of fractions summing to 1 (0 for a category absent from the set)
    """
    labels = np.asarray(regions)
    if labels.ndim != 1 or labels.size == 0:
        raise ValueError(f"`regions` must be a non-empty sequence of labels, got shape {labels.shape}")
    cats = np.unique(labels) if categories is None else np.asarray(list(categories))
    return np.array([np.mean(labels == c) for c in cats], dtype=float)


def proportion_gap(dev_regions, test_regions) -> float:
    """How differently two sets mix their sources: half the sum over all categories of |share in dev - share in test|.

    This is the total variation distance between the two mixes: the fraction of one
    set that would have to come from other sources to match the other. 0 when both
    sets have the same mix; 1 when they share no source at all (e.g. 4 regions in
    dev, the other 4 in test).
    """
    cats = np.union1d(np.unique(np.asarray(dev_regions)), np.unique(np.asarray(test_regions)))
    gap = np.abs(region_proportions(dev_regions, cats) - region_proportions(test_regions, cats))
    return float(0.5 * np.sum(gap))


# ---------------------------------------------------------------- weighted error


def weighted_error(y_true, y_pred, w) -> float:
    """The weighted error sum_i w(i) [yhat(i) != y(i)] / sum_i w(i), a fraction in [0, 1].

    Arguments:
    y_true -- labels 0/1, shape (1, m) or (m,)
    y_pred -- predicted labels 0/1, same number of entries
    w -- weights >= 0, same number of entries (e.g. 1 for ordinary images, 10 for
         the ones that must never be misclassified), not all zero

    Returns:
    the weighted error, a float; with all weights equal it is the plain error.
    """
    t, p = _pair(y_true, y_pred)
    weights = np.asarray(w, dtype=float).ravel()
    if weights.size != t.size:
        raise ValueError(f"`w` has {weights.size} entries, expected {t.size}: one weight per example")
    if not np.all(np.isfinite(weights)) or np.any(weights < 0) or weights.sum() == 0:
        raise ValueError("`w` must hold finite weights >= 0, not all zero")
    return float(np.sum(weights * (t != p)) / np.sum(weights))


# ---------------------------------------------------------------- human level, bias, variance


def human_level_proxy(human_errors) -> float:
    """The proxy for the Bayes error: the best (smallest) of the human-level errors."""
    return float(np.min(_human_levels(human_errors)))


def avoidable_bias_and_variance(human_errors, train_error, dev_error) -> dict:
    """The two gaps that decide between reducing bias and reducing variance.

    Arguments:
    human_errors -- a number or a list of human-level errors (a typical person, an expert,
                    a team of experts, ...)
    train_error -- the training-set error
    dev_error -- the dev-set error (all in the same unit: fractions or percent)

    Returns:
    dict of floats: "human_proxy" = min(human_errors) (the Bayes-error proxy),
    "avoidable_bias" = train_error - human_proxy (negative when the training error
    is below the proxy), "variance" = dev_error - train_error.
    """
    proxy = human_level_proxy(human_errors)
    train = _error_value("train_error", train_error)
    dev = _error_value("dev_error", dev_error)
    return {"human_proxy": proxy, "avoidable_bias": train - proxy, "variance": dev - train}


def avoidable_bias_range(human_errors, train_error) -> tuple:
    """(smallest, largest) avoidable bias over the human levels: (train - max, train - min)."""
    levels = _human_levels(human_errors)
    train = _error_value("train_error", train_error)
    return float(train - levels.max()), float(train - levels.min())


def next_focus(human_errors, train_error, dev_error) -> str:
    """What to work on next: "bias", "variance" or "unclear".

    Arguments: as for ``avoidable_bias_and_variance``.

    Returns:
    "unclear" when the training error is below the human-level proxy (past human level
    the Bayes error is unknown, so the avoidable bias is too); otherwise "bias" when the
    avoidable bias is larger than the variance, else "variance" (ties: "variance").
    """
    gaps = avoidable_bias_and_variance(human_errors, train_error, dev_error)
    if gaps["avoidable_bias"] < 0:
        return "unclear"
    return "bias" if gaps["avoidable_bias"] > gaps["variance"] else "variance"


# ---------------------------------------------------------------- a task with a known Bayes error


def _phi(x: float) -> float:
    """The standard normal cumulative distribution function."""
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def _means(mu0, mu1) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(mu0, dtype=float).ravel(), np.asarray(mu1, dtype=float).ravel()
    if a.shape != b.shape or a.size == 0:
        raise ValueError(f"`mu0` and `mu1` must be two means of the same length, got {a.shape} and {b.shape}")
    return a, b


def _positive(name: str, value) -> float:
    v = float(value)
    if not v > 0 or not math.isfinite(v):
        raise ValueError(f"`{name}` must be a positive number, got {value!r}")
    return v


def gaussian_bayes_error(mu0, mu1, sigma: float) -> float:
    """Bayes error of two Gaussian classes N(mu0, sigma^2 I), N(mu1, sigma^2 I) with equal priors.

    Phi(-||mu1 - mu0|| / (2 sigma)): no classifier can have a lower expected error.
    """
    a, b = _means(mu0, mu1)
    return _phi(-float(np.linalg.norm(b - a)) / (2 * _positive("sigma", sigma)))


def make_gaussian_classes(m: int, mu0, mu1, sigma: float, seed: int = 0):
    """``m`` examples of two Gaussian classes with equal priors.

    Returns X of shape (n_x, m) (n_x = len(mu0)), one example per column, and
    Y of shape (1, m) with labels 0.0/1.0; each label is a fair coin flip and the
    example is drawn from N(mu_y, sigma^2 I). Seeded by ``seed``.
    """
    m = expect_int("m", m, min=1, what="the number of examples")
    a, b = _means(mu0, mu1)
    s = _positive("sigma", sigma)
    rng = np.random.default_rng(seed)
    Y = rng.integers(0, 2, size=(1, int(m))).astype(float)
    means = np.where(Y == 1, b[:, None], a[:, None])
    X = means + s * rng.standard_normal((a.size, int(m)))
    return X, Y


def bayes_classifier(X, mu0, mu1) -> np.ndarray:
    """The optimal labels (1, m) for equal priors and a shared isotropic sigma: the nearer mean wins."""
    a, b = _means(mu0, mu1)
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] != a.size:
        raise ValueError(f"`X` has shape {X.shape}, expected ({a.size}, m): one example per column")
    d0 = np.sum((X - a[:, None]) ** 2, axis=0, keepdims=True)
    d1 = np.sum((X - b[:, None]) ** 2, axis=0, keepdims=True)
    return (d1 < d0).astype(float)


def simulate_labeler(X, mu0, mu1, noise: float, n_looks: int = 1, seed: int = 0) -> np.ndarray:
    """Labels (1, m) given by a human who sees each example blurred, then decides optimally.

    Each column of X is perceived as x + (the mean of ``n_looks`` independent
    N(0, noise^2 I) draws): one person (n_looks = 1) or a panel pooling several looks.
    ``noise = 0`` is the Bayes classifier itself.
    """
    X = np.asarray(X, dtype=float)
    a, _ = _means(mu0, mu1)
    if X.ndim != 2 or X.shape[0] != a.size:
        raise ValueError(f"`X` has shape {X.shape}, expected ({a.size}, m): one example per column")
    n_looks = expect_int("n_looks", n_looks, min=1)
    noise = float(noise)
    if not noise >= 0:
        raise ValueError(f"`noise` must be >= 0, got {noise!r}")
    rng = np.random.default_rng(seed)
    seen = X + noise / math.sqrt(n_looks) * rng.standard_normal(X.shape)
    return bayes_classifier(seen, mu0, mu1)


def labeler_error(mu0, mu1, sigma: float, noise: float, n_looks: int = 1) -> float:
    """Expected error of ``simulate_labeler``: Phi(-d / (2 sqrt(sigma^2 + noise^2 / n_looks)))."""
    a, b = _means(mu0, mu1)
    s = _positive("sigma", sigma)
    if float(noise) < 0:
        raise ValueError(f"`noise` must be >= 0, got {noise!r}")
    spread = math.sqrt(s**2 + float(noise) ** 2 / n_looks)
    return _phi(-float(np.linalg.norm(b - a)) / (2 * spread))
