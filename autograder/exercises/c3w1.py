"""Course 3, Week 1: ML strategy (1), the decision arithmetic (notebook ``course3/week1/ml_strategy_1.ipynb``).

References in ``dlkit.strategy`` (``split_sizes`` in ``dlkit.practical``). The course has no programming
assignment this week: the companion turns its decisions into small functions, whose fixed cases carry
the notes' numbers. Known mistakes are the reference with one slip: called on the wrong inputs (a
lambda), or followed by one wrong step (``then``, from ``_slips``).

Then a case study of our own, a city's detector of an endangered bird, as answer exercises (the
student assigns a value, computed with their functions where it can be): the metric, the split, the
detector to ship, the diagnosis and what to do next. The tables are repeated in the notebook (a test
keeps the two equal).
"""
from __future__ import annotations

import operator
from typing import Any, Optional

import numpy as np

from dlkit import practical, strategy

from ..compare import describe
from ..registry import Case, Exercise, Mistake, register
from ._answers import answer_exercise, changed, dict_form, flipped, is_number, label_dict_form
from ._slips import then
from .c2w1_practical import no_half, split_floor, split_round_all, split_rule

# ------------------------------------------------------------ helpers for cases

def _labels_with(tp: int, fp: int, fn: int, tn: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Shuffled label rows (1, m) with exactly these confusion counts."""
    y_true = np.array([1] * tp + [0] * fp + [1] * fn + [0] * tn, dtype=float)
    y_pred = np.array([1] * tp + [1] * fp + [0] * fn + [0] * tn, dtype=float)
    order = np.random.default_rng(seed).permutation(y_true.size)
    return y_true[order].reshape(1, -1), y_pred[order].reshape(1, -1)


def _noisy_predictions(rng: np.random.Generator, m: int, p_pos: float = 0.4, flip: float = 0.3):
    y_true = (rng.random((1, m)) < p_pos).astype(float)
    y_pred = np.where(rng.random((1, m)) < flip, 1 - y_true, y_true)
    return y_true, y_pred


# ---------------------------------------------------------- precision_recall_f1

_PRF = strategy.precision_recall_f1


def _prf_nan(y_true, y_pred):
    """The reference, but a ratio with a zero denominator is NaN."""
    c = strategy.confusion_counts(y_true, y_pred)
    p, r, f1 = _PRF(y_true, y_pred)
    p, r = (p if c["tp"] + c["fp"] else np.nan), (r if c["tp"] + c["fn"] else np.nan)
    return p, r, (f1 if p + r > 0 else np.nan)


_A = _labels_with(171, 9, 19, 801, seed=1)    # P = 171/180 = 0.95, R = 171/190 = 0.90
_B = _labels_with(833, 17, 147, 1003, seed=2)  # P = 833/850 = 0.98, R = 833/980 = 0.85


def _prf_case(rng: np.random.Generator) -> Case:
    m = int(rng.integers(8, 60))
    y_true, y_pred = _noisy_predictions(rng, m, p_pos=float(rng.uniform(0.2, 0.6)))
    y_true[0, 0], y_pred[0, 0] = 1.0, 1.0  # at least one true positive
    return Case((y_true, y_pred), label=f"random labels and predictions, m = {m}")


register(Exercise(
    id="c3w1.precision_recall_f1", reference=_PRF, outputs=("precision", "recall", "f1"), random_case=_prf_case,
    fixed_cases=[
        Case(_A, label="the notes' classifier A: P = 95 %, R = 90 %, F1 = 0.9243243"),
        Case(_B, label="the notes' classifier B: P = 98 %, R = 85 %, F1 = 0.9103825"),
        Case((np.array([[1.0, 0, 1, 1, 0, 0, 1, 0]]), np.array([[1.0, 1, 0, 1, 1, 0, 1, 0]])),
             label="8 examples: TP = 3, FP = 2, FN = 1"),
        Case((np.array([[1.0, 0.0, 1.0, 0.0]]), np.zeros((1, 4))),
             label="no positive prediction at all: precision 0/0 counts as 0"),
        Case((np.array([0, 1, 1, 0, 1, 1]), np.array([0, 1, 0, 0, 1, 1])), label="labels as int vectors of shape (6,)"),
    ],
    hidden_cases=[Case((np.zeros((1, 5)), np.array([[0.0, 1.0, 0.0, 0.0, 1.0]])),
                       label="no positive label: recall 0/0 counts as 0"),
                  Case(_labels_with(45, 5, 15, 35, seed=3), label="P = 0.9, R = 0.75"),
                  Case((np.array([True, False, True]), np.array([True, True, True])), label="boolean labels")],
    mistakes=[
        Mistake("arithmetic_mean", then(_PRF, lambda prf, *_: (prf[0], prf[1], (prf[0] + prf[1]) / 2)),
                "F1 is the harmonic mean 2 / (1/p + 1/r) = 2 p r / (p + r), not the arithmetic mean (p + r) / 2 (for "
                "A that gives 0.925 instead of 0.9243243)."),
        Mistake("swapped", then(_PRF, lambda prf, *_: (prf[1], prf[0], prf[2])),
                "precision and recall are swapped: precision = TP / (TP + FP) (of the examples predicted positive, "
                "how many are), recall = TP / (TP + FN) (of the positive examples, how many were found)."),
        Mistake("percent", then(_PRF, lambda prf, *_: tuple(100 * v for v in prf)),
                "return fractions between 0 and 1 (0.95), not percentages (95)."),
        Mistake("nan_on_zero", _prf_nan, "a ratio with a zero denominator must be 0, not NaN: when nothing is "
                "predicted positive (TP + FP = 0) the precision is 0, and F1 is 0 when p + r = 0."),
    ],
))

# --------------------------------------------------------------- pick_classifier

_PICK = strategy.pick_classifier


def _pick_broadcast(optimizing, satisficing, thresholds, maximize=True):
    """The reference's choice among the classifiers meeting `satisficing <= thresholds` (the wrong axis)."""
    ok = np.asarray(satisficing, dtype=float) <= np.asarray(thresholds, dtype=float)
    return _PICK(optimizing, (~ok).astype(float), np.zeros(len(ok)), maximize)


def _pick_subset(optimizing, satisficing, thresholds, maximize=True):
    """The reference's choice, counted among the feasible classifiers only."""
    i = _PICK(optimizing, satisficing, thresholds, maximize)
    feasible = np.all(np.asarray(satisficing) <= np.asarray(thresholds)[:, None], axis=0)
    return None if i is None else int(feasible[:i].sum())


def _pick_case(rng: np.random.Generator) -> Case:
    n = int(rng.integers(3, 8))
    k = int(rng.integers(1, 4))
    if k == n:
        k -= 1
    opt = rng.permutation(np.round(rng.uniform(0.6, 0.99, size=n), 3))
    while np.unique(opt).size < n:
        opt = rng.permutation(np.round(rng.uniform(0.6, 0.99, size=n), 3))
    sat = rng.integers(0, 20, size=(k, n)).astype(float)
    thr = np.array([sat[j, rng.integers(n)] for j in range(k)])  # some value sits exactly on a threshold
    if rng.random() < 0.15:
        thr[0] = sat[0].min() - 1  # nothing is feasible
    maximize = bool(rng.random() < 0.7)
    return Case((opt, sat, thr), {"maximize": maximize},
                label=f"{n} random classifiers, {k} satisficing metric(s), maximize={maximize}")


register(Exercise(
    id="c3w1.pick_classifier", reference=strategy.pick_classifier, outputs="index", random_case=_pick_case, n_random=5,
    n_hidden_random=8,
    fixed_cases=[
        Case((np.array([0.90, 0.92, 0.95]), np.array([[80.0, 95.0, 1500.0]]), np.array([100.0])),
             label="the notes' A/B/C: accuracy 90/92/95 %, running time 80/95/1500 ms, time <= 100 ms -> B"),
        Case((np.array([0.97, 0.985, 0.99, 0.96]), np.array([[0.8, 1.0, 3.0, 0.2]]), np.array([1.0])),
             label="a trigger-word detector: at most 1 false positive per 24 hours (one sits exactly on 1)"),
        Case((np.array([0.9, 0.8]), np.array([[1.0, 3.0], [50.0, 20.0]]), np.array([2.0, 100.0])),
             label="2 classifiers, 2 satisficing metrics (thresholds 2 and 100)"),
        Case((np.array([0.80, 0.99, 0.85, 0.90]), np.array([[1.0, 5.0, 1.0, 1.0], [10.0, 10.0, 10.0, 300.0]]),
              np.array([2.0, 100.0])),
             label="4 classifiers, 2 satisficing metrics: only the 1st and 3rd meet both"),
        Case((np.array([0.10, 0.05, 0.08]), np.array([[50.0, 200.0, 90.0]]), np.array([100.0])),
             {"maximize": False}, label="the optimizing metric is an error (smaller is better), time <= 100 ms"),
        Case((np.array([0.90, 0.95]), np.array([[150.0, 300.0]]), np.array([100.0])),
             label="nothing runs within 100 ms"),
    ],
    hidden_cases=[Case((np.array([0.91, 0.93, 0.93, 0.90]), np.array([[20.0, 40.0, 30.0, 10.0]]), np.array([50.0])),
                       label="a tie on the optimizing metric: the lower index wins"),
                  Case((np.array([0.2, 0.7, 0.4]), np.array([[1.0, 1.0, 1.0], [2.0, 2.0, 2.0], [5.0, 9.0, 5.0]]),
                        np.array([1.0, 2.0, 8.0])), label="3 satisficing metrics, thresholds met with equality"),
                  Case((np.array([0.3, 0.2]), np.array([[1.0, 1.0]]), np.array([0.5])), {"maximize": False},
                       label="nothing feasible, maximize=False"),
                  Case((np.array([0.20, 0.12, 0.15, 0.30]), np.array([[10.0, 30.0, 20.0, 5.0]]), np.array([25.0])),
                       {"maximize": False}, label="the smallest feasible error wins")],
    mistakes=[
        Mistake("ignore_constraints",  # every classifier made feasible
                lambda o, s, t, maximize=True: _PICK(o, 0 * s, 0 * t, maximize),
                "you picked the best optimizing value over all classifiers; first drop those that miss a satisficing "
                "threshold (C has the best accuracy but needs 1,500 ms, so B wins)."),
        Mistake("strict",  # <= the next float below a threshold is < the threshold
                lambda o, s, t, maximize=True: _PICK(o, s, np.nextafter(t, -np.inf), maximize),
                "a satisficing metric only has to be good enough: a value equal to its threshold is acceptable, so "
                "use <=, not < (1.0 false positive per day meets 'at most 1')."),
        Mistake("broadcast", _pick_broadcast, "compare each row of `satisficing` with its own threshold: `satisficing "
                "<= thresholds[:, None]` (shape (k, n) against (k, 1)); `satisficing <= thresholds` lines the "
                "thresholds up with the classifiers instead."),
        Mistake("subset_index", _pick_subset, "you returned the position within the feasible classifiers only; return "
                "the index in the original list (e.g. mask the infeasible ones with -inf, then np.argmax)."),
        Mistake("first_only", lambda o, s, t, maximize=True: _PICK(o, np.asarray(s)[:1], np.asarray(t)[:1], maximize),
                "every satisficing metric must meet its threshold, not only the first one: np.all(..., axis=0) over "
                "the k rows."),
        Mistake("ignore_maximize", lambda o, s, t, maximize=True: _PICK(o, s, t), "with maximize=False the optimizing "
                "metric is an error or a cost: pick the smallest value among the feasible classifiers."),
        Mistake("minus_one", then(_PICK, lambda i, *_, **__: -1 if i is None else i), "when no classifier meets every "
                "threshold, return None (there is nothing to ship); -1 would silently index the last classifier."),
    ],
))

# ------------------------------------------------------------------- split_sizes

_POLICIES = [(0.7, 0.3), (0.6, 0.2, 0.2), (0.8, 0.1, 0.1), (0.98, 0.01, 0.01), (0.9, 0.05, 0.05)]


def _split_case(rng: np.random.Generator) -> Case:
    while True:
        m = int(10 ** rng.uniform(1.3, 6.8))
        if rng.random() < 0.5:
            if no_half(m, strategy.recommended_fractions(m)):
                return Case((m,), label=f"m = {m:,}, no fractions (the rule of thumb)")
        else:
            fractions = _POLICIES[int(rng.integers(len(_POLICIES)))]
            if no_half(m, fractions):
                return Case((m, fractions), label=f"m = {m:,}, fractions = {fractions}")


register(Exercise(
    id="c3w1.split_sizes", reference=practical.split_sizes, outputs="sizes", random_case=_split_case, n_random=4,
    n_hidden_random=6,
    fixed_cases=[Case((100,), label="100 examples: the classic 60/20/20"),
                 Case((1_000,), label="1,000 examples: 60/20/20"),
                 Case((10_000,), label="10,000 examples: still 60/20/20"),
                 Case((1_000_000,), label="the notes' 1,000,000 examples: 98/1/1 = 980,000 / 10,000 / 10,000"),
                 Case((250_000,), label="250,000 examples: 98/1/1"),
                 Case((1_000, (0.7, 0.3)), label="1,000 examples with the given fractions 70/30 (train/test)"),
                 Case((58, (0.6, 0.2, 0.2)), label="58 examples, 60/20/20: 11.6 rounds to 12"),
                 Case((5_000_000,), label="5,000,000 examples: more than a million, 99.5/0.25/0.25")],
    hidden_cases=[Case((10_000,), label="10,000 examples: the last classic size"),
                  Case((10_001,), label="10,001 examples: the first big-data size"),
                  Case((1_000_001,), label="1,000,001 examples: past a million"),
                  Case((999,), label="999 examples: 199.8 rounds to 200"),
                  Case((7, (1 / 3, 1 / 3, 1 / 3)), label="7 examples in thirds: the parts must add up to 7"),
                  Case((2_003, (0.8, 0.1, 0.1)), label="2,003 examples, 80/10/10")],
    mistakes=[
        Mistake("old_rule", split_rule(lambda m: (0.6, 0.2, 0.2)), "60/20/20 is the rule for small data sets (up to "
                "10,000 examples); up to a million use 98/1/1 (1,000,000 -> 980,000 / 10,000 / 10,000): 10,000 dev "
                "examples are plenty."),
        Mistake("round_all", split_round_all, "the three parts must add up to m: round the dev and test parts and "
                "give the training set the rest, m - (dev + test)."),
        Mistake("floor", split_floor, "round the dev and test parts to the nearest whole number, int(round(fraction "
                "* m)); int(...) alone cuts 11.6 down to 11."),
        Mistake("boundary", split_rule(lambda m: strategy.recommended_fractions(10_001 if m == 10_000 else m)),
                "exactly 10,000 examples still take 60/20/20: the classic rule holds for m <= 10,000."),
        Mistake("ignore_fractions", lambda m, fractions=None: practical.split_sizes(m),
                "when `fractions` is given, use it; the rule of thumb is only the default for fractions=None."),
        Mistake("two_tiers", split_rule(lambda m: (0.6, 0.2, 0.2) if m <= 10_000 else (0.98, 0.01, 0.01)),
                "beyond a million examples the notebook's rule is 99.5/0.25/0.25 (98/1/1 only up to 1,000,000)."),
    ],
))

# ----------------------------------------------------------------- weighted_error

def _filter_example(a: bool) -> tuple:
    """The notes' weighted-error example, our numbers: 1,000 dev images, 20 of them must never pass (w = 10).

    y = 1 means "shown to users". Algorithm A lets all 20 through and makes 10 other errors (30 errors,
    3 %); algorithm B blocks all 20 and makes 50 other errors (5 %).
    """
    rng = np.random.default_rng(7)
    m, n_bad = 1000, 20
    y_true = np.r_[np.zeros(n_bad), (rng.random(m - n_bad) < 0.5)].astype(float)
    w = np.r_[np.full(n_bad, 10.0), np.ones(m - n_bad)]
    y_pred = y_true.copy()
    if a:
        y_pred[:n_bad] = 1.0
        y_pred[n_bad:n_bad + 10] = 1 - y_pred[n_bad:n_bad + 10]
    else:
        y_pred[n_bad:n_bad + 50] = 1 - y_pred[n_bad:n_bad + 50]
    order = rng.permutation(m)
    return y_true[order].reshape(1, -1), y_pred[order].reshape(1, -1), w[order].reshape(1, -1)


FILTER_A, FILTER_B = _filter_example(True), _filter_example(False)


def _wrong(y_true, y_pred):
    return (np.asarray(y_true, dtype=float).ravel() != np.asarray(y_pred, dtype=float).ravel()).astype(float)


def _weighted_case(rng: np.random.Generator) -> Case:
    m = int(rng.integers(5, 50))
    y_true, y_pred = _noisy_predictions(rng, m)
    y_pred[0, 0] = 1 - y_true[0, 0]  # at least one error
    w = rng.choice([1.0, 10.0, 100.0], size=(1, m), p=[0.7, 0.2, 0.1])
    return Case((y_true, y_pred, w), label=f"random labels, predictions and weights 1/10/100, m = {m}")


register(Exercise(
    id="c3w1.weighted_error", reference=strategy.weighted_error, outputs="error", random_case=_weighted_case,
    fixed_cases=[Case(FILTER_A, label="algorithm A: 3 % error but all 20 unacceptable images shown (w = 10): 210/1180 "
                                      "= 0.177966"),
                 Case(FILTER_B, label="algorithm B: 5 % error, none of the 20 shown: 50/1180 = 0.042373"),
                 Case((FILTER_A[0], FILTER_A[1], np.ones((1, 1000))),
                      label="algorithm A with all weights 1: the plain error 0.03"),
                 Case((np.array([[1.0, 0, 1, 0, 1]]), np.array([[1.0, 1, 1, 0, 0]]), np.array([[1.0, 100, 1, 1, 1]])),
                      label="5 examples, one error on an example of weight 100")],
    hidden_cases=[
        Case((FILTER_A[0], FILTER_A[1], np.where(FILTER_A[2] > 1, 100.0, 1.0)), label="algorithm A with w = 100"),
        Case((np.array([1.0, 0.0, 1.0, 1.0]), np.array([1.0, 0.0, 1.0, 1.0]), np.array([1.0, 2.0, 3.0, 4.0])),
             label="no error at all: 0"),
    ],
    mistakes=[
        Mistake("by_m", lambda y, yh, w: float(np.sum(np.ravel(w) * _wrong(y, yh)) / np.size(y)),
                "normalise by the sum of the weights, sum_i w(i), not by m: dividing by m = 1000 gives 0.21 for A, "
                "and an error that can exceed 1."),
        Mistake("unweighted", lambda y, yh, w: float(np.mean(_wrong(y, yh))), "you computed the plain error (3 % for "
                "A): multiply each mistake by its weight w(i) before summing, and divide by sum_i w(i)."),
        Mistake("no_normaliser", lambda y, yh, w: float(np.sum(np.ravel(w) * _wrong(y, yh))),
                "divide the weighted sum of mistakes by sum_i w(i), so that the error stays between 0 and 1."),
        Mistake("weights_correct", lambda y, yh, w: float(np.sum(np.ravel(w) * (1 - _wrong(y, yh))) / np.sum(w)),
                "weigh the mistakes, [yhat(i) != y(i)], not the correct predictions: you computed a weighted "
                "accuracy."),
    ],
))

# ------------------------------------------------------ avoidable_bias_and_variance

RADIOLOGY = [3.0, 1.0, 0.7, 0.5]  # typical human, typical doctor, experienced doctor, team of experienced doctors
TEAM_LEVELS = [1.0, 0.7, 0.5]     # the three human levels of the notes' W1-j table


_GAPS = strategy.avoidable_bias_and_variance


def _levels(rng: np.random.Generator) -> list:
    return sorted((np.round(rng.uniform(0.1, 12.0, size=int(rng.integers(1, 5))), 1)).tolist(), reverse=True)


def _gaps_case(rng: np.random.Generator) -> Case:
    human = _levels(rng)
    train = float(np.round(min(human) + rng.uniform(-0.5, 8.0), 1))
    train = max(train, 0.0)
    dev = float(np.round(train + rng.uniform(0.0, 8.0), 1))
    return Case((human, train, dev), label=f"human levels {human}, train {train}, dev {dev}")


register(Exercise(
    id="c3w1.avoidable_bias_and_variance", reference=_GAPS, outputs="gaps", random_case=_gaps_case, n_hidden_random=6,
    fixed_cases=[
        Case((RADIOLOGY, 0.6, 0.8), label="radiology levels 3 / 1 / 0.7 / 0.5 %, train 0.6 %, dev 0.8 %: proxy 0.5, "
                                          "bias 0.1, variance 0.2"),
        Case(([1.0], 8.0, 10.0), label="the notes' scenario A: human 1 %, train 8 %, dev 10 %: bias 7, variance 2"),
        Case(([7.5], 8.0, 10.0), label="the notes' scenario B: human 7.5 %: bias 0.5, variance 2"),
        Case((TEAM_LEVELS, 5.0, 6.0), label="the error table's row A: humans 1 / 0.7 / 0.5 %, train 5 %, dev 6 %"),
        Case((TEAM_LEVELS, 1.0, 5.0), label="the error table's row B: train 1 %, dev 5 %"),
        Case(([0.5], 0.7, 0.8), label="the error table's row C: human 0.5 %, train 0.7 %, dev 0.8 %"),
        Case((RADIOLOGY, 0.3, 0.4), label="past human level: train 0.3 % is below the proxy 0.5 % (a negative "
                                          "avoidable bias)"),
    ],
    hidden_cases=[Case(([0.05, 0.01], 0.012, 0.03), label="errors as fractions"),
                  Case(([12.0, 6.0, 3.0, 2.0], 7.0, 10.0), label="four human levels, train 7 %, dev 10 %"),
                  Case(([2.0, 1.0], 0.8, 1.5), label="train 0.8 % below the best human level 1 %")],
    mistakes=[
        Mistake("typical_human", lambda h, train, dev: _GAPS(np.max(h), train, dev),
                "the human-level proxy for the Bayes error is the BEST human error, min(human_errors) (the team of "
                "doctors, 0.5 %), not a typical human (3 %): Bayes error <= 0.5 %."),
        Mistake("mean_human", lambda h, train, dev: _GAPS(np.mean(h), train, dev), "do not average the human levels: "
                "the proxy for the Bayes error is the best of them, min(human_errors)."),
        Mistake("variance_from_human", then(_GAPS, lambda g, h, train, dev: {**g, "variance": dev - g["human_proxy"]}),
                "the variance is the gap between dev and TRAINING error, dev - train; dev - human would also include "
                "the avoidable bias."),
        Mistake("bias_from_dev", then(_GAPS, lambda g, h, train, dev: {**g, "avoidable_bias": dev - g["human_proxy"]}),
                "the avoidable bias is measured on the training set: train - human proxy, not dev - human."),
        Mistake("swapped", then(_GAPS, lambda g, *_: {**g, "avoidable_bias": g["variance"],
                                                      "variance": g["avoidable_bias"]}),
                "the two gaps are swapped: avoidable bias = train - proxy, variance = dev - train."),
        Mistake("clipped", then(_GAPS, lambda g, *_: {**g, "avoidable_bias": max(0.0, g["avoidable_bias"])}),
                "keep the sign: when the training error is below the proxy the avoidable bias is negative (0.3 - 0.5 "
                "= -0.2), a sign that the model is past human level."),
    ],
))

# ------------------------------------------------------------------- next_focus

def _focus_slip(unclear=operator.lt, bias_wins=operator.gt, variance_from_human=False):
    """next_focus from the reference's gaps with one step changed: "unclear" when ``unclear(bias, 0)``,
    "bias" when ``bias_wins(bias, variance)``, the variance dev - human instead of dev - train."""
    def next_focus(human_errors, train_error, dev_error):
        g = _GAPS(human_errors, train_error, dev_error)
        variance = dev_error - g["human_proxy"] if variance_from_human else g["variance"]
        if unclear(g["avoidable_bias"], 0):
            return "unclear"
        return "bias" if bias_wins(g["avoidable_bias"], variance) else "variance"
    return next_focus


def _focus_case(rng: np.random.Generator) -> Case:
    while True:
        human = _levels(rng)
        h = min(human)
        train = float(np.round(max(h + rng.uniform(-1.0, 8.0), 0.0), 1))
        dev = float(np.round(train + rng.uniform(0.0, 8.0), 1))
        bias, var = train - h, dev - train
        if abs(bias - var) > 0.05 and (abs(train - h) > 0.05 or train == h):
            return Case((human, train, dev), label=f"human levels {human}, train {train}, dev {dev}")


register(Exercise(
    id="c3w1.next_focus", reference=strategy.next_focus, outputs="focus", random_case=_focus_case, n_random=6,
    n_hidden_random=8,
    fixed_cases=[
        Case(([1.0], 8.0, 10.0), label="the notes' scenario A: human 1 %, train 8 %, dev 10 %"),
        Case(([7.5], 8.0, 10.0), label="the notes' scenario B: human 7.5 %, train 8 %, dev 10 %"),
        Case((TEAM_LEVELS, 5.0, 6.0), label="the error table's row A: humans 1 / 0.7 / 0.5 %, train 5 %, dev 6 %"),
        Case((TEAM_LEVELS, 1.0, 5.0), label="the error table's row B: train 1 %, dev 5 %"),
        Case(([0.5], 0.7, 0.8), label="the error table's row C: human 0.5 %, train 0.7 %, dev 0.8 %"),
        Case((RADIOLOGY, 0.6, 0.8), label="radiology levels, train 0.6 %, dev 0.8 %"),
        Case((RADIOLOGY, 0.3, 0.4), label="radiology levels, train 0.3 %, dev 0.4 %: past the proxy"),
        Case(([0.5], 0.3, 0.4), label="human 0.5 %, train 0.3 %, dev 0.4 %"),
        Case(([1.0], 3.0, 5.0), label="human 1 %, train 3 %, dev 5 %: both gaps are 2"),
        Case(([0.5], 0.5, 0.6), label="train error equal to the proxy: avoidable bias 0"),
    ],
    hidden_cases=[Case(([12.0, 6.0, 3.0, 2.0], 7.0, 10.0), label="four human levels, train 7 %, dev 10 %"),
                  Case(([0.05, 0.01], 0.02, 0.021), label="errors as fractions"),
                  Case(([2.0], 1.8, 2.1), label="train 1.8 % below a 2 % proxy"),
                  Case(([0.5], 2.5, 4.5), label="both gaps are 2 points"),
                  Case(([3.0, 2.0], 2.0, 2.5), label="train error equal to the best human level")],
    mistakes=[
        Mistake("typical_human", lambda h, train, dev: strategy.next_focus(np.max(h), train, dev),
                "measure the avoidable bias against the BEST human level, min(human_errors): with radiology levels 3 "
                "/ 1 / 0.7 / 0.5 % the proxy is 0.5 %, so train 0.6 % leaves a bias of 0.1 < variance 0.2."),
        Mistake("no_unclear", _focus_slip(unclear=lambda bias, zero: False),
                'when the training error is below the human-level proxy, return "unclear": the Bayes error '
                "is then unknown, and so is the avoidable bias."),
        Mistake("variance_from_human", _focus_slip(variance_from_human=True),
                "compare the avoidable bias (train - proxy) with the variance dev - TRAIN, not dev - human."),
        Mistake("tie_to_bias", _focus_slip(bias_wins=operator.ge), "the rule is \"bias\" only when the avoidable bias "
                "is larger than the variance; on a tie, answer \"variance\" (use >, not >=)."),
        Mistake("unclear_at_equal", _focus_slip(unclear=operator.le),
                'a training error EQUAL to the proxy is not past human level: the avoidable bias is 0, '
                'so compare it with the variance ("unclear" only when train < proxy).'),
    ],
))

# ===================================================================== the case study
# The city of Eastbrook counts the copper-crowned warbler, an endangered bird, with cameras.

# 1. Which metric? Each candidate metric gets a role.
BIRD_METRICS = {
    "accuracy": "not used",
    "recall": "optimizing",
    "false alarms per camera per day": "satisficing",
    "latency (ms)": "satisficing",
}
ROLES = ("optimizing", "satisficing", "not used")


def _metric_form(value: Any) -> Optional[str]:
    msg = label_dict_form(list(BIRD_METRICS), ROLES, "a role")(value)
    if msg is None:
        n_opt = sum(1 for v in value.values() if v == "optimizing")
        if n_opt != 1:
            return (f"{n_opt} metrics are marked 'optimizing': the rule of thumb is exactly ONE optimizing "
                    "metric, the others satisficing (or not used)")
    return msg


answer_exercise("c3w1.bird_metric", BIRD_METRICS, _metric_form, [
    ("accuracy_optimizing", changed(BIRD_METRICS, {"accuracy": "optimizing", "recall": "satisficing"}),
     "the warbler is in a tiny fraction of the frames: a detector that never fires is right on almost every frame, so "
     "accuracy hides exactly the birds the city wants to count. Optimise recall."),
    ("alarms_optimizing", changed(BIRD_METRICS, {"alarms": "optimizing", "recall": "satisficing"}),
     "the volunteers only need false alarms to stay below what they can check (2 per camera per day): that is a "
     "satisficing metric. The goal, counting the birds, is recall."),
    ("latency_optimizing", changed(BIRD_METRICS, {"latency": "optimizing", "recall": "satisficing"}),
     "a camera only needs each frame within 200 ms; being faster than that buys nothing, so latency is satisficing, "
     "like the running time of the lecture's classifiers."),
    ("latency_not_used", changed(BIRD_METRICS, {"latency": "not used"}), "latency still matters: a detector slower "
     "than 200 ms per frame drops frames, so it is a satisficing metric, not an unused one."),
])

# 2. Which split? Four plans for the 250,000 labelled frames.
N_FRAMES = 250_000
PLANS = ("by district", "by season", "web photos", "shuffled")
BIRD_SPLIT = {"plan": "shuffled", "sizes": practical.split_sizes(N_FRAMES)}


def _plan_check(plan: Any) -> Optional[str]:
    if plan in PLANS:
        return None
    spell = " (check the spelling)" if isinstance(plan, str) and plan.strip().lower() in PLANS else ""
    return f"is not one of {', '.join(map(repr, PLANS))} (got {plan!r}){spell}"


def _sizes_check(sizes: Any) -> Optional[str]:
    if type(sizes) not in (tuple, list) or len(sizes) != 3:
        return f"should be (train, dev, test), three whole numbers, got {describe(sizes)}"
    for name, v in zip(("train", "dev", "test"), sizes):
        if not isinstance(v, (int, np.integer)) or isinstance(v, (bool, np.bool_)):
            return f"should hold whole numbers (ints), but the {name} size is {describe(v)}"
        if v < 0:
            return f"has a {name} size of {int(v)}: a number of frames cannot be negative"
    if sum(int(v) for v in sizes) != N_FRAMES:
        return f"should add up to the {N_FRAMES:,} labelled frames, not {sum(int(v) for v in sizes):,}"
    return None


_split_form = dict_form({"plan": _plan_check, "sizes": _sizes_check},
                        if_missing="give exactly the keys 'plan' and 'sizes'",
                        instead_of_none="a plan, or (train, dev, test) as three whole numbers")


answer_exercise("c3w1.bird_split", BIRD_SPLIT, _split_form, [
    ("by_district", {**BIRD_SPLIT, "plan": "by district"}, "dev and test must come from the same distribution, the "
     "one the cameras will see: with two districts in dev and the other two in test, you would aim at one target and "
     "be judged on another (the lecture's 4 regions / 4 regions mistake)."),
    ("by_season", {**BIRD_SPLIT, "plan": "by season"}, "the cameras will run all year, and the warbler looks "
     "different in its autumn plumage: a spring-and-summer dev set and an autumn-and-winter test set come from "
     "different distributions."),
    ("web_photos", {**BIRD_SPLIT, "plan": "web photos"}, "dev and test should reflect the data you expect to get in "
     "the future and care about: frames from the city's own cameras, not sharp close-ups from a photo website."),
    ("classic_sizes", {**BIRD_SPLIT, "sizes": (150_000, 50_000, 50_000)}, "with 250,000 frames, 60/20/20 wastes data: "
     "1 % (2,500 frames) is plenty for dev and for test, so use 98/1/1 (your split_sizes)."),
])

# 3. Which detector to ship? (accuracy %, recall, false alarms per camera per day, latency ms)
DETECTORS = {
    "Heron-XL": (99.52, 0.97, 2.6, 850.0),
    "Kite-M": (99.70, 0.96, 1.5, 420.0),
    "Swift-M": (99.41, 0.95, 3.4, 110.0),
    "Wren-S": (99.66, 0.93, 2.0, 150.0),
    "Finch-S": (99.79, 0.90, 0.8, 95.0),
    "Robin-T": (99.84, 0.82, 0.3, 40.0),
}
MAX_FALSE_ALARMS, MAX_LATENCY = 2.0, 200.0


def _detector_table():
    names = list(DETECTORS)
    acc, recall, alarms, latency = (np.array(col) for col in zip(*DETECTORS.values()))
    return names, acc, recall, alarms, latency


def _bird_choice() -> str:
    names, _, recall, alarms, latency = _detector_table()
    return names[strategy.pick_classifier(recall, np.vstack([alarms, latency]), [MAX_FALSE_ALARMS, MAX_LATENCY])]


def _choice_form(value: Any) -> Optional[str]:
    names = list(DETECTORS)
    if value is None:
        return "is still None: write the name of one detector, e.g. " + repr(names[0])
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return (f"is the number {int(value)}: answer with the detector's NAME, e.g. "
                "detector_names[index] for the index your pick_classifier returned")
    if type(value) is not str:
        return f"should be the name of a detector (a string), got {describe(value)}"
    if value not in names:
        spell = " (check the spelling and the capitals)" if value.strip().lower() in [n.lower() for n in names] else ""
        return f"{value!r} is not one of the detectors " + ", ".join(map(repr, names)) + spell
    return None


answer_exercise("c3w1.bird_choice", _bird_choice(), _choice_form, [
    ("best_recall", "Heron-XL", "the highest recall is not enough: a detector must also meet BOTH satisficing "
     "thresholds (at most 2 false alarms per camera per day, at most 200 ms)."),
    ("ignore_latency", "Kite-M", "check the latency too: a detector that needs more than 200 ms per frame does not "
     "satisfy the camera's budget, however good its recall."),
    ("ignore_alarms", "Swift-M", "check the false alarms too: more than 2 per camera per day is more than the "
     "volunteers can confirm."),
    ("strict", "Finch-S", "'at most 2 false alarms' includes exactly 2.0: a value equal to the threshold satisfies it "
     "(<=, not <)."),
    ("best_accuracy", "Robin-T", "accuracy is not the optimizing metric here (it is not used at all): among the "
     "detectors that meet both thresholds, ship the one with the highest recall."),
])

# 4. Human level: the diagnosis of the shipped detector, from given error levels (percent).
HUMAN_LEVELS = {
    "passer-by": 12.0,
    "volunteer birder": 6.0,
    "city ornithologist": 3.0,
    "panel of three ornithologists": 2.0,
}
BIRD_TRAIN_ERROR, BIRD_DEV_ERROR = 7.0, 10.0
FOCI = ("bias", "variance", "unclear")


def _bird_diagnosis(levels=tuple(HUMAN_LEVELS.values())) -> dict:
    """The diagnosis measured against the best of ``levels`` (the given human levels by default)."""
    levels = list(levels)
    out = strategy.avoidable_bias_and_variance(levels, BIRD_TRAIN_ERROR, BIRD_DEV_ERROR)
    out["focus"] = strategy.next_focus(levels, BIRD_TRAIN_ERROR, BIRD_DEV_ERROR)
    return out


DIAGNOSIS_KEYS = ("human_proxy", "avoidable_bias", "variance", "focus")


def _percent_check(v: Any) -> Optional[str]:
    return None if is_number(v) else f"should be a number (in percent), got {describe(v)}"


_diagnosis_form = dict_form(
    {**{k: _percent_check for k in DIAGNOSIS_KEYS[:3]},
     "focus": lambda v: None if v in FOCI else f"is {v!r}: it must be 'bias', 'variance' or 'unclear'"},
    if_missing="your avoidable_bias_and_variance gives the first three; add 'focus'",
    instead_of_none="a number (in percent)")


answer_exercise("c3w1.bird_diagnosis", _bird_diagnosis(), _diagnosis_form, [
    ("volunteer", _bird_diagnosis([6.0]), "the proxy for the Bayes error is the BEST human level, the panel's 2 %, "
     "not a typical volunteer's 6 %: measured against 6 %, the avoidable bias looks small and you would chase "
     "variance instead of bias."),
    ("passer_by", _bird_diagnosis([12.0]), "a passer-by (12 %) is not a useful proxy: the Bayes error is at most the "
     "best human level, 2 %; against 12 % the detector looks better than human, which it is not."),
    ("one_expert", _bird_diagnosis([3.0]), "a panel of three ornithologists (2 %) does better than one (3 %): the "
     "proxy is the best level you have."),
    ("variance_from_human", {**_bird_diagnosis(), "variance": BIRD_DEV_ERROR - 2.0, "focus": "variance"},
     "the variance is dev - train (10 - 7 = 3 points), not dev - human."),
])

# 5. What next? Which actions are worth doing now, given the diagnosis.
NEXT_STEPS = {
    "train a bigger network (more layers or units)": True,
    "train longer, or switch to a better optimiser such as Adam": True,
    "try other architectures and hyperparameters": True,
    "add L2 regularisation or dropout": False,
    "label more frames from the same cameras": False,
    "collect a bigger dev set": False,
}
_STEPS_FORM = label_dict_form(list(NEXT_STEPS), (True, False), "True or False")
answer_exercise("c3w1.bird_next_steps", NEXT_STEPS, _STEPS_FORM, [
    ("variance_recipe", flipped(NEXT_STEPS, "bigger network", "longer", "regularisation", "more frames"),
     "these are the remedies for variance; the diagnosis was avoidable bias (5 points against a variance of 3): fit "
     "the training set better first, with a bigger network, longer training or a better optimiser."),
    ("more_data", flipped(NEXT_STEPS, "more frames"), "more frames of the same kind help a model that does not "
     "generalise (variance); they do not help it fit the training set it already has."),
    ("no_architecture", flipped(NEXT_STEPS, "architectures"), "a search over architectures and hyperparameters "
     "appears in BOTH lists of the lecture: it can reduce bias too."),
    ("bigger_dev", flipped(NEXT_STEPS, "bigger dev"), "a bigger dev set is the knob for a model that does well on dev "
     "but not on test (over-tuned to dev), not for avoidable bias."),
    ("all_true", {k: True for k in NEXT_STEPS}, "not everything helps now: pick the actions that reduce avoidable "
     "bias."),
])
