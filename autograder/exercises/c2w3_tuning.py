"""Course 2, Week 3: hyperparameter search, batch normalisation, softmax.

Notebook ``course2/week3/tuning_and_batch_norm.ipynb``; references with the same signatures in
``dlkit.tuning``, ``dlkit.batchnorm`` (cache ``(Z_norm, inv_std, gamma, mode)``), ``dlkit.activations``
(softmax along axis 0, classes are rows), ``dlkit.losses`` and ``dlkit.labels``.

Every gradient is a slope of the cost J (as in ``dlkit.batchnorm``): ``dZ_tilde`` already holds the 1/m,
and ``dgamma``, ``dbeta`` are plain sums. The sampler and the search are graded number for number on
seeded generators; cases cross to the grading kernel as plain data, so they carry a seed (and the
objective as a dict) and a ``driver`` builds ``np.random.default_rng(seed)`` and the objective there.
"""
from __future__ import annotations

import numpy as np

from dlkit import batchnorm, labels, losses, tuning
from dlkit.gradcheck import numeric_gradient

from ..registry import Case, Exercise, Mistake, register
from ._slips import then
from ._gradients import numeric_slopes, summary, verdict
from ._softmaxes import quiet, softmax, softmax_global_max, softmax_no_max, softmax_rows, softmax_total


# ================================================================ log-scale sampling

def _seeded(fn):
    """The driver of the sampler: cases carry a seed (plain data crosses to the grading kernel), the
    function receives ``np.random.default_rng(seed)``."""
    def sample(low, high, n, seed):
        return fn(low, high, n, np.random.default_rng(seed))
    return sample


def _sampler_case(rng):
    low = float(10.0 ** rng.uniform(-6, -1))
    high = float(low * 10.0 ** rng.uniform(0.5, 4))
    n, seed = int(rng.integers(1, 12)), int(rng.integers(2**31))
    return Case((low, high, n, seed),
                label=f"low = {low:.3g}, high = {high:.3g}, n = {n}, rng = np.random.default_rng({seed})")


def _uniform_hint():
    got = np.random.default_rng(1).uniform(1e-4, 1.0, size=2000)
    counts = tuning.decade_counts(got, 1e-4, 1.0)
    share = counts / counts.sum()
    return ("your values are spread uniformly between low and high, not on a log scale: "
            f"of 2000 values between 0.0001 and 1, {counts[-1]} land in the top decade [0.1, 1] "
            f"({share[-1]:.0%}) and only {counts[0]} in [0.0001, 0.001], where log-scale sampling puts about 500 "
            "in each. Draw the exponent uniformly, r = rng.uniform(np.log10(low), np.log10(high), size=n), "
            "and return 10 ** r.")


register(Exercise(
    id="c2w3.sample_log_uniform", reference=tuning.sample_log_uniform, outputs="samples", random_case=_sampler_case,
    driver=_seeded,
    fixed_cases=[
        Case((1e-4, 1.0, 5, 0),
             label="5 learning rates between 0.0001 and 1 (the lecture's range), rng = np.random.default_rng(0)"),
        Case((1e-4, 1.0, 2000, 1), label="2000 values between 0.0001 and 1, rng = np.random.default_rng(1): about 500 "
                                         "in each of the 4 decades"),
        Case((1e-3, 0.1, 6, 2),
             label="1 - beta between 0.001 and 0.1, i.e. beta from 0.9 to 0.999, rng = np.random.default_rng(2)"),
    ],
    hidden_cases=[Case((3e-5, 0.7, 7, 11), label="a range that does not start or end at a power of 10"),
                  Case((0.5, 0.5, 3, 12), label="low = high = 0.5: every value is 0.5"),
                  Case((1e-6, 1e2, 1000, 13), label="1000 values over 8 decades")],
    mistakes=[
        Mistake("uniform", lambda low, high, n, rng: rng.uniform(low, high, size=n), _uniform_hint()),
        Mistake("bounds_as_exponents", lambda low, high, n, rng: 10.0 ** rng.uniform(low, high, size=n),
                "low and high are the smallest and largest values, not exponents: draw r between "
                "np.log10(low) and np.log10(high), then return 10 ** r."),
        Mistake("ln_with_10", lambda low, high, n, rng: 10.0 ** rng.uniform(np.log(low), np.log(high), size=n),
                "the bases do not match: np.log is the natural logarithm. Use np.log10 for the exponents "
                "when you return 10 ** r."),
        Mistake("fixed_recipe", lambda low, high, n, rng: 10.0 ** (-4 * rng.random(n)),
                "use the range you are given: r = rng.uniform(np.log10(low), np.log10(high), size=n), "
                "not the fixed recipe r = -4 * rand() (which only fits 0.0001 .. 1)."),
    ],
))


# ================================================================ coarse-to-fine random search

def _bowl(center, ripple=0.0):
    """A cost with its minimum at ``center`` on log scales, plus an optional deterministic ripple."""
    def objective(params):
        total = 0.0
        for k, c in center.items():
            d = np.log10(params[k]) - np.log10(c)
            total += d * d + ripple * np.sin(23.0 * np.log10(params[k])) ** 2
        return float(total)
    return objective


def _search_driver(fn):
    """Cases carry plain data (they cross to the grading kernel as JSON): the objective as a dict
    ``{"center": {...}, "ripple": r}`` and a seed. The driver builds the objective function and
    ``np.random.default_rng(seed)`` and calls ``fn`` with them."""
    def search(objective, ranges, n_trials, n_rounds, shrink, seed):
        return fn(_bowl(objective["center"], objective.get("ripple", 0.0)), ranges, n_trials=n_trials,
                  n_rounds=n_rounds, shrink=shrink, rng=np.random.default_rng(seed))
    return search


def _search(center, ranges, n_trials, n_rounds, shrink, seed, ripple=0.0, label=""):
    return Case(({"center": center, "ripple": ripple}, ranges),
                {"n_trials": n_trials, "n_rounds": n_rounds, "shrink": shrink, "seed": seed}, label=label)


_LR_BETA = {"learning_rate": (1e-4, 1.0), "one_minus_beta": (1e-3, 1e-1)}


def _search_case(rng):
    names = ["learning_rate", "one_minus_beta", "lambd", "epsilon"][: int(rng.integers(1, 4))]
    ranges, center = {}, {}
    for k in names:
        lo = float(10.0 ** rng.integers(-6, -1))
        hi = float(lo * 10.0 ** rng.integers(1, 5))
        ranges[k] = (lo, hi)
        center[k] = float(10.0 ** rng.uniform(np.log10(lo), np.log10(hi)))
    n_trials, n_rounds = int(rng.integers(2, 8)), int(rng.integers(1, 4))
    shrink = float(rng.choice([0.2, 0.25, 0.5]))
    seed = int(rng.integers(2**31))
    return _search(center, ranges, n_trials, n_rounds, shrink, seed, ripple=float(rng.choice([0.0, 0.3])),
                   label=f"ranges {ranges}, {n_rounds} round(s) of {n_trials} trials, shrink {shrink}, "
                         f"rng = np.random.default_rng({seed})")


def _bad_search(zoom=True, pick=np.argmin, log=True, clip=True, among="all", draw="per_name", first_round=1):
    """random_search with one deliberate slip."""
    to, back = (np.log10, lambda x: 10.0 ** x) if log else (float, float)

    def random_search(objective, ranges, n_trials=20, n_rounds=2, shrink=0.25, rng=None):
        box = {k: tuple(v) for k, v in ranges.items()}
        trials = []
        for k in range(n_rounds):
            if draw == "per_name":
                values = {name: tuning.sample_log_uniform(lo, hi, n_trials, rng) for name, (lo, hi) in box.items()}
                rows = [{name: float(v[i]) for name, v in values.items()} for i in range(n_trials)]
            else:
                rows = [{name: float(tuning.sample_log_uniform(lo, hi, 1, rng)[0]) for name, (lo, hi) in box.items()}
                        for _ in range(n_trials)]
            for params in rows:
                trials.append({"round": k + first_round, "params": params, "cost": float(objective(params))})
            if k == n_rounds - 1 or not zoom:
                continue
            pool = trials if among == "all" else trials[-n_trials:]
            best = pool[int(pick([t["cost"] for t in pool]))]["params"]
            new = {}
            for name, (lo, hi) in box.items():
                a, b, c = to(lo), to(hi), to(best[name])
                half = shrink * (b - a) / 2
                l2, h2 = (max(a, c - half), min(b, c + half)) if clip else (c - half, c + half)
                new[name] = (back(l2), back(h2))
            box = new
        return trials
    return quiet(random_search)


register(Exercise(
    id="c2w3.random_search", reference=tuning.random_search, outputs="trials", random_case=_search_case,
    driver=_search_driver,
    fixed_cases=[_search({"learning_rate": 0.01, "one_minus_beta": 0.02}, _LR_BETA, 6, 2, 0.25, seed=0,
                         label="learning_rate in [0.0001, 1], 1 - beta in [0.001, 0.1], a cost with its minimum at "
                               "(0.01, 0.02); 2 rounds of 6 trials, shrink 0.25, rng = np.random.default_rng(0)"),
                 _search({"learning_rate": 0.3}, {"learning_rate": (1e-4, 1.0)}, 5, 3, 0.5, seed=3, ripple=0.4,
                         label="one hyperparameter, a bumpy cost, 3 rounds of 5 trials, shrink 0.5, rng = "
                               "np.random.default_rng(3) (the best trial may come from an earlier round)"),
                 _search({"learning_rate": 0.9, "one_minus_beta": 0.0015}, _LR_BETA, 8, 2, 0.5, seed=5,
                         label="a minimum near the corner of the box (the finer box must stay inside the ranges), "
                               "rng = np.random.default_rng(5)")],
    hidden_cases=[_search({"learning_rate": 0.05, "one_minus_beta": 0.01, "lambd": 0.3},
                          {"learning_rate": (1e-4, 1.0), "one_minus_beta": (1e-3, 1.0), "lambd": (1e-3, 10.0)},
                          10, 4, 0.4, seed=21, ripple=0.2, label="three hyperparameters, 4 rounds of 10 trials"),
                  _search({"learning_rate": 0.001}, {"learning_rate": (1e-4, 1.0)}, 4, 1, 0.25, seed=22,
                          label="a single round: plain random search")],
    mistakes=[
        Mistake("no_zoom", _bad_search(zoom=False), "every round sampled the whole ranges again: after each round but "
                "the last, replace the box by a finer one around the best trial so far (coarse to fine)."),
        Mistake("argmax", _bad_search(pick=np.argmax), "you zoomed into the worst trial: the objective is a cost, "
                "lower is better, so the best trial has the smallest cost (np.argmin)."),
        Mistake("linear_zoom", _bad_search(log=False),
                "zoom on the log scale: centre c = log10(best value), half-width shrink * (log10(high) - "
                "log10(low)) / 2 decades, new range 10 ** (c - half), 10 ** (c + half), clipped to the box."),
        Mistake("no_clip", _bad_search(clip=False), "the finer box leaves the current one: clip it, max(log10(low), c "
                "- half) and min(log10(high), c + half), so that no value is sampled outside the ranges."),
        Mistake("best_of_last_round", _bad_search(among="last"),
                "zoom around the best trial of all rounds so far, not only of the round that just ended: "
                "a finer round can find nothing better than the trial it was centred on."),
        Mistake("draw_order", _bad_search(draw="per_trial"), "draw in the prescribed order so that your numbers match: "
                "in each round, one call sample_log_uniform(low, high, n_trials, rng) per hyperparameter, in the order "
                "of the dict, then trial i takes the i-th value of each."),
        Mistake("round_from_0", _bad_search(first_round=0), "number the rounds from 1: the coarse round is round 1."),
    ],
))


# ================================================================ batch norm, forward

_rng0 = np.random.default_rng(2024)
_Z_BATCH = np.round(_rng0.normal(3.0, 2.0, size=(3, 4)), 2)
_GAMMA = np.array([[1.0], [2.0], [0.5]])
_BETA = np.array([[0.0], [-1.0], [3.0]])
_RUNNING = {"mean": np.array([[2.5], [3.0], [3.5]]), "var": np.array([[4.0], [1.0], [0.25]])}
_Z_FLAT = np.vstack([np.round(_rng0.normal(1.0, 1.0, size=(1, 5)), 2),
                     1.0 + np.round(_rng0.normal(0.0, 1e-3, size=(1, 5)), 5)])


def _params(rng, n):
    return rng.normal(1.0, 0.5, size=(n, 1)), rng.normal(0.0, 1.0, size=(n, 1))


def _running(rng, n):
    return {"mean": rng.normal(0.0, 2.0, size=(n, 1)), "var": rng.uniform(0.2, 4.0, size=(n, 1))}


def _bn_forward_case(rng):
    n = int(rng.integers(1, 6))
    mode = str(rng.choice(["train", "test"]))
    m = int(rng.integers(1 if mode == "test" else 2, 9))
    Z = rng.normal(rng.normal(0, 3), rng.uniform(0.5, 3), size=(n, m))
    gamma, beta = _params(rng, n)
    momentum = float(rng.choice([0.9, 0.99, 0.5]))
    return Case((Z, gamma, beta, _running(rng, n)), {"mode": mode, "momentum": momentum},
                label=f"random Z {Z.shape}, mode = {mode!r}, momentum = {momentum}")


_BN = batchnorm.batchnorm_forward


def _bad_bn_forward(axis=1, inv_std=lambda var, eps: 1.0 / np.sqrt(var + eps), use_mode=True):
    """batchnorm_forward with the statistics over another axis, another ``inv_std(var, epsilon)``, or the batch's
    statistics in test mode too (``use_mode=False``)."""
    def batchnorm_forward(Z, gamma, beta, running, mode="train", momentum=0.9, epsilon=1e-5):
        new = running
        if mode == "train" or not use_mode:
            mu, var = np.mean(Z, axis=axis, keepdims=True), np.var(Z, axis=axis, keepdims=True)
            if mode == "train":
                new = {"mean": momentum * running["mean"] + (1 - momentum) * mu,
                       "var": momentum * running["var"] + (1 - momentum) * var}
        else:
            mu, var = running["mean"], running["var"]
        Z_norm = (Z - mu) * inv_std(var, epsilon)
        return gamma * Z_norm + beta, (Z_norm, inv_std(var, epsilon), gamma, mode), new
    return quiet(batchnorm_forward)


def _updated_in_test(out, Z, gamma, beta, running, mode="train", momentum=0.9, epsilon=1e-5):
    """The running averages moved towards the batch's statistics in test mode too."""
    stats = {"mean": np.mean(Z, axis=1, keepdims=True), "var": np.var(Z, axis=1, keepdims=True)}
    return out if mode == "train" else (*out[:2], {k: momentum * running[k] + (1 - momentum) * stats[k] for k in stats})


register(Exercise(
    id="c2w3.batchnorm_forward", reference=_BN, outputs=("Z_tilde", "cache", "running"),
    random_case=_bn_forward_case,
    fixed_cases=[Case((_Z_BATCH, _GAMMA, _BETA, batchnorm.init_running(3)),
                      label="training mode: a mini-batch of 4 examples with 3 units, running averages at their start "
                            "(mean 0, variance 1), momentum 0.9"),
                 Case((_Z_BATCH[:, :1], _GAMMA, _BETA, _RUNNING), {"mode": "test"},
                      label="test mode: a single example, normalised with the running averages"),
                 Case((_Z_FLAT, _GAMMA[:2], _BETA[:2], batchnorm.init_running(2)), {"momentum": 0.99},
                      label="training mode: the second unit barely varies (variance about 1e-6, below epsilon = 1e-5), "
                            "momentum 0.99")],
    hidden_cases=[
        Case((np.random.default_rng(31).normal(-2.0, 5.0, size=(6, 64)), *_params(np.random.default_rng(32), 6),
              _running(np.random.default_rng(33), 6)), {"momentum": 0.95, "epsilon": 1e-3},
             label="a mini-batch of 64 examples, 6 units, momentum 0.95, epsilon 1e-3"),
        Case((np.random.default_rng(34).normal(size=(4, 3)), *_params(np.random.default_rng(35), 4),
              _running(np.random.default_rng(36), 4)), {"mode": "test", "epsilon": 1e-3},
             label="test mode on 3 examples, epsilon 1e-3"),
    ],
    mistakes=[
        Mistake("wrong_axis", _bad_bn_forward(axis=0),
                "normalise each unit over the examples of the mini-batch: a unit is a row of Z, so "
                "mu = np.mean(Z, axis=1, keepdims=True) and var = np.var(Z, axis=1, keepdims=True), shape (n, 1)."),
        Mistake("divide_by_var", _bad_bn_forward(inv_std=lambda var, eps: 1.0 / (var + eps)),
                "divide by the standard deviation, not the variance: Z_norm = (Z - mu) / np.sqrt(var + epsilon)."),
        Mistake("eps_outside", _bad_bn_forward(inv_std=lambda var, eps: 1.0 / (np.sqrt(var) + eps)),
                "epsilon goes inside the square root: np.sqrt(var + epsilon), not np.sqrt(var) + epsilon (it matters "
                "for a unit whose variance is tiny)."),
        Mistake("train_in_test", _bad_bn_forward(use_mode=False),
                "in test mode use the running averages, mu = running['mean'] and var = running['var'], not the "
                "statistics of the examples you are given (a single example has variance 0)."),
        Mistake("swapped_momentum", lambda Z, g, b, r, mode="train", momentum=0.9, epsilon=1e-5:
                _BN(Z, g, b, r, mode, 1 - momentum, epsilon), "the running averages are exponentially weighted "
                "averages: new = momentum * old + (1 - momentum) * batch statistic; your two weights are swapped."),
        Mistake("update_in_test", then(_BN, _updated_in_test),
                "test mode must leave the running averages as they are: return running unchanged."),
        Mistake("no_gamma_beta", then(_BN, lambda out, *_, **__: (out[1][0], *out[1:])),
                "after normalising, scale and shift: Z_tilde = gamma * Z_norm + beta."),
    ],
))


# ================================================================ batch norm, backward

def _bn_backward_case(rng, mode=None, n=None, m=None):
    n = n or int(rng.integers(1, 6))
    mode = mode or str(rng.choice(["train", "test"]))
    m = m or int(rng.integers(2, 9))
    Z = rng.normal(rng.normal(0, 3), rng.uniform(0.5, 3), size=(n, m))
    gamma, beta = _params(rng, n)
    _, cache, _ = batchnorm.batchnorm_forward(Z, gamma, beta, _running(rng, n), mode=mode)
    dZ_tilde = rng.normal(size=(n, m)) / m
    return Case((dZ_tilde, cache), label=f"random dZ_tilde and cache, Z {Z.shape}, mode = {mode!r}")


def _bad_bn_backward(axis=1, mean_term=True):
    """batchnorm_backward summing over the wrong axis, or without the mean term of dZ."""
    def batchnorm_backward(dZ_tilde, cache):
        Z_norm, inv_std, gamma, mode = cache
        m = dZ_tilde.shape[axis]
        dbeta = np.sum(dZ_tilde, axis=axis, keepdims=True)
        dgamma = np.sum(dZ_tilde * Z_norm, axis=axis, keepdims=True)
        if mode == "test":
            return gamma * inv_std * dZ_tilde, dgamma, dbeta
        dZ = gamma * inv_std * (dZ_tilde - (dbeta / m if mean_term else 0.0) - Z_norm * dgamma / m)
        return dZ, dgamma, dbeta
    return batchnorm_backward


_BNB = batchnorm.batchnorm_backward  # known slips change its cache (Z_norm, inv_std, gamma, mode) or its outputs


def _copy_cache(cache):
    try:
        Z_norm, inv_std, gamma, mode = cache
    except (TypeError, ValueError):
        return cache
    return np.array(Z_norm, dtype=float), np.array(inv_std, dtype=float), np.array(gamma, dtype=float), mode


def _bn_gradcheck(fn, case):
    """Compare the student's (dZ, dgamma, dbeta) with numeric slopes of J = sum(dZ_tilde * Z_tilde)."""
    dZ_tilde, cache = case.args
    Z_norm, inv_std, gamma, mode = _copy_cache(cache)
    got = fn(dZ_tilde.copy(), _copy_cache(cache))
    if not (isinstance(got, (tuple, list)) and len(got) == 3):
        return "the function should return the three gradients (dZ, dgamma, dbeta)"
    # An input with this very cache: Z = Z_norm * sigma has mean 0 and the same variance.
    sigma = 1.0 / inv_std
    Z = Z_norm * sigma
    n = Z.shape[0]
    if mode == "train":
        running, eps = None, sigma ** 2 - Z.var(axis=1, keepdims=True)
    else:
        running, eps = {"mean": np.zeros((n, 1)), "var": sigma ** 2}, 0.0
    beta = np.zeros((n, 1))

    def J():
        return float(np.sum(dZ_tilde * batchnorm.batchnorm_forward(Z, gamma, beta, running, mode, epsilon=eps)[0]))

    numeric = numeric_slopes(J, {"dZ": Z, "dgamma": gamma, "dbeta": beta})
    problems = [verdict(k, g, numeric[k], Z.shape[1]) for k, g in zip(numeric, got)]
    if mode == "train" and any(p and p.startswith("dZ ") for p in problems) and \
            verdict("dZ", got[0], gamma * inv_std * dZ_tilde) is None:
        problems.append("your dZ treats mu and sigma^2 as constants, but in training mode they are "
                        "computed from this mini-batch and change with every z")
    return summary(problems, "your gradients match numeric slopes of batch norm, so the formulas are right: "
                             "look at the shapes and the order (dZ, dgamma, dbeta) of what you return.")


_BWD_TRAIN = _bn_backward_case(np.random.default_rng(41), mode="train", n=3, m=4)
_BWD_TRAIN.label = "training mode: 3 units, a mini-batch of 4 examples, dZ_tilde = slopes of the cost"
_BWD_TEST = _bn_backward_case(np.random.default_rng(42), mode="test", n=3, m=2)
_BWD_TEST.label = "test mode: mu and sigma^2 are the running averages, constants"

register(Exercise(
    id="c2w3.batchnorm_backward", reference=_BNB, outputs=("dZ", "dgamma", "dbeta"),
    fixed_cases=[_BWD_TRAIN, _BWD_TEST], random_case=_bn_backward_case, gradcheck=_bn_gradcheck,
    hidden_cases=[_bn_backward_case(np.random.default_rng(43), mode="train", n=5, m=32),
                  _bn_backward_case(np.random.default_rng(44), mode="train", n=1, m=2)],
    mistakes=[
        Mistake("ignores_batch_statistics", lambda dZ_tilde, c: _BNB(dZ_tilde, (*c[:3], "test")),
                "in training mode mu and sigma^2 are computed from the mini-batch, so every z also moves them: dZ = "
                "gamma * inv_std * (dZ_tilde - mean(dZ_tilde) - Z_norm * mean(dZ_tilde * Z_norm)), the means over the "
                "examples (axis=1, keepdims=True)."),
        Mistake("means_not_sums", then(_BNB, lambda out, dZt, _: (out[0], *(g / dZt.shape[1] for g in out[1:]))),
                "dZ_tilde already holds slopes of the cost (the 1/m is inside), so dbeta and dgamma are sums over the "
                "examples, np.sum(..., axis=1, keepdims=True), not means."),
        Mistake("no_gamma", lambda dZ_tilde, c: _BNB(dZ_tilde, (c[0], c[1], np.ones_like(c[2]), c[3])),
                "Z_tilde = gamma * Z_norm + beta, so the slope reaching Z_norm is gamma * dZ_tilde: multiply dZ by "
                "gamma."),
        Mistake("train_formula_in_test", lambda dZ_tilde, c: _BNB(dZ_tilde, (*c[:3], "train")),
                "in test mode mu and sigma^2 are the running averages, constants that do not depend on Z: "
                "dZ = gamma * inv_std * dZ_tilde (look at the mode stored in the cache)."),
        Mistake("no_mean_term", _bad_bn_backward(mean_term=False),
                "dZ misses the term - mean(dZ_tilde) (axis=1), which comes from mu's dependence on every z."),
        Mistake("wrong_axis", _bad_bn_backward(axis=0), "sum and average over the examples of the mini-batch, the "
                "columns: axis=1 with keepdims=True (dgamma and dbeta have shape (n, 1), like gamma and beta)."),
    ],
))


# ================================================================ one-hot labels

def _one_hot_case(rng):
    C, m = int(rng.integers(2, 7)), int(rng.integers(1, 9))
    y = rng.integers(0, C, size=m)
    if rng.random() < 0.5:
        y = y.reshape(1, m)
    return Case((y, C), label=f"labels of shape {y.shape}, C = {C}")


register(Exercise(
    id="c2w3.one_hot", reference=labels.one_hot, outputs="Y", random_case=_one_hot_case,
    fixed_cases=[Case((np.array([1, 0, 3]), 4), label="the lecture's classes 0 other, 1 cat, 2 dog, 3 baby chick: "
                                                      "labels [1, 0, 3] (cat, other, chick), C = 4"),
                 Case((np.array([[2, 2, 0, 1, 3]]), 4), label="labels given as a row (1, 5), C = 4"),
                 Case((np.array([2, 0]), 3), label="C = 3, m = 2: classes are rows, examples columns")],
    hidden_cases=[Case((np.arange(6) % 3, 6), label="C = 6, classes 3, 4 and 5 never occur"),
                  Case((np.array([[4]]), 5), label="a single example of the last class")],
    mistakes=[
        Mistake("transposed", then(labels.one_hot, lambda Y, *_: Y.T), "Y has one row per class and one column per "
                "example, shape (C, m): np.eye(C)[labels] gives (m, C), so transpose it (or index columns)."),
        Mistake("whole_rows", lambda y, C: np.repeat(labels.one_hot(y, C).max(axis=1, keepdims=True), np.size(y), 1),
                "Y[labels] = 1 fills whole rows: set one entry per column, Y[labels, np.arange(m)] = 1."),
        Mistake("no_flatten", lambda y, C: np.eye(C)[:, np.asarray(y)], "labels may come as a row of shape (1, m): "
                "flatten them first, labels = np.asarray(labels).reshape(-1)."),
        Mistake("one_based", then(labels.one_hot, lambda Y, *_: np.roll(Y, -1, axis=0)),  # label k in row k - 1
                "class numbers start at 0: label k sets row k (label 0 is row 0, the class 'other')."),
    ],
))


# ================================================================ softmax

_Z_NOTES = np.array([[5.0], [2.0], [-1.0], [3.0]])


def _softmax_case(rng):
    C, m = int(rng.integers(2, 7)), int(rng.integers(1, 7))
    return Case((rng.normal(0, 3, size=(C, m)),), label=f"random Z of shape ({C}, {m})")


register(Exercise(
    id="c2w3.softmax", reference=softmax, outputs="A", random_case=_softmax_case,
    fixed_cases=[Case((_Z_NOTES,), label="the lecture's z = [5, 2, -1, 3]: softmax = [0.842, 0.042, 0.002, 0.114]"),
                 Case((np.array([[1.0, 0.0, -2.0], [2.0, 0.0, 3.0]]),), label="C = 2 classes, 3 examples"),
                 Case((np.array([[1000.0, 0.0], [999.0, 1.0], [990.0, -1.0]]),),
                      label="large logits (1000): e^1000 overflows unless you subtract each column's max")],
    hidden_cases=[Case((np.array([[-800.0, 5.0], [-805.0, 700.0]]),), label="very negative and very large logits"),
                  Case((np.zeros((5, 3)),), label="all logits equal: every class gets 1/5")],
    mistakes=[
        Mistake("no_max", quiet(softmax_no_max), "e^z overflows for large z (e^1000 is inf, and inf / inf is NaN): "
                "subtract each column's maximum first, np.max(Z, axis=0, keepdims=True). It does not change the "
                "result, because e^(z - c) / sum e^(z - c) = e^z / sum e^z."),
        Mistake("rows", softmax_rows, "classes are the rows and examples the columns: normalise each column (axis=0), "
                "so that every column sums to 1."),
        Mistake("whole_matrix", softmax_total, "divide by each column's own sum, np.sum(t, axis=0, keepdims=True), not "
                "by the sum of the whole matrix: every example's probabilities must add up to 1."),
        Mistake("global_max", quiet(softmax_global_max), "subtract each column's own maximum (axis=0), not the maximum "
                "of the whole matrix: with one overall maximum, a column of much smaller logits underflows to 0 / 0."),
    ],
))


# ================================================================ softmax cross-entropy

def _sce_case(rng):
    C, m = int(rng.integers(2, 7)), int(rng.integers(1, 8))
    Z = rng.normal(0, 3, size=(C, m))
    return Case((Z, labels.one_hot(rng.integers(0, C, size=m), C)), label=f"random Z ({C}, {m}) and one-hot Y")


_SCE = losses.softmax_cross_entropy


def _sce_with(softmax_of, cost_of):
    """The cost ``cost_of(A, Y)`` / m of the probabilities ``A = softmax_of(Z)``, and dZ = (A - Y) / m."""
    def softmax_cross_entropy(Z, Y):
        A, m = softmax_of(Z), Z.shape[1]
        return float(-np.sum(cost_of(A, Y)) / m), (A - Y) / m
    return quiet(softmax_cross_entropy)


def _binary_loss(A, Y):  # clipped, so that it stays finite where only the naive log fails
    A = np.clip(A, 1e-12, 1 - 1e-12)
    return Y * np.log(A) + (1 - Y) * np.log(1 - A)


def _sce_gradcheck(fn, case):
    Z, Y = case.args
    out = fn(Z.copy(), Y.copy())
    if not (isinstance(out, (tuple, list)) and len(out) == 2):
        return "the function should return the cost and dZ"

    def J(z):
        return float(fn(z.copy(), Y.copy())[0])

    with np.errstate(all="ignore"):
        if not np.isfinite(J(Z)):
            return "your cost is not a finite number on this case, so its slope cannot be measured."
        numeric = numeric_gradient(J, np.array(Z, dtype=float), eps=1e-6)
    if not np.all(np.isfinite(numeric)):
        return "your cost is not finite near this Z, so its slope cannot be measured."
    problem = verdict("dZ", out[1], numeric, Z.shape[1])
    if problem is None:
        return ("your dZ matches the numeric slope of your own cost; if the check still fails, the cost "
                "itself is off (compare it with -(1/m) sum Y log(softmax(Z))).")
    return problem + " of your own cost."


_Y_CAT = labels.one_hot([1], 4)

register(Exercise(
    id="c2w3.softmax_cross_entropy", reference=_SCE, outputs=("cost", "dZ"),
    random_case=_sce_case, gradcheck=_sce_gradcheck,
    fixed_cases=[
        Case((_Z_NOTES, _Y_CAT), label="the lecture's z = [5, 2, -1, 3] for a cat (class 1): y_hat_cat = 0.042, "
                                       "J = -log 0.042 = 3.17"),
        Case((np.array([[2.0, -1.0, 0.5], [0.5, 3.0, 0.5], [-1.0, 0.0, 0.5]]), labels.one_hot([0, 1, 2], 3)),
             label="3 classes, 3 examples"),
        Case((np.array([[800.0, 800.0], [0.0, 0.0]]), labels.one_hot([0, 1], 2)),
             label="logits 800 apart, one right and one wrong prediction: compute log(y_hat) with the "
                   "log-sum-exp trick, log y_hat_j = (z_j - max z) - log sum_k e^(z_k - max z)"),
    ],
    hidden_cases=[Case((np.array([[-3.0, 40.0, 1.0]]).T @ np.ones((1, 4)) + np.arange(4.0),
                        labels.one_hot([1, 1, 0, 2], 3)), label="3 classes, 4 examples, one logit far above the "
                                                                "others"),
                  Case((np.array([[0.0, 900.0], [-900.0, 0.0], [5.0, 1.0]]), labels.one_hot([1, 0], 3)),
                       label="a confident right and a confident wrong prediction, logits 900 apart")],
    mistakes=[
        Mistake("cost_no_1_over_m", then(_SCE, lambda out, Z, Y: (out[0] * Z.shape[1], out[1])),
                "the cost is the average loss: divide the sum over examples and classes by m."),
        Mistake("grad_no_1_over_m", then(_SCE, lambda out, Z, Y: (out[0], out[1] * Z.shape[1])),
                "dZ is the slope of the cost J, which averages over the m examples: dZ = (softmax(Z) - Y) / m."),
        Mistake("grad_sign", then(_SCE, lambda out, *_: (out[0], -out[1])), "dZ has the wrong sign: raising the logit "
                "of the true class lowers the cost, so dZ = (softmax(Z) - Y) / m."),
        Mistake("binary_formula", _sce_with(softmax, _binary_loss), "with C classes the loss is -sum_j y_j log y_hat_j "
                "over the classes: there is no (1 - y) log(1 - y_hat) term (that belongs to the binary, sigmoid "
                "case)."),
        Mistake("log_of_softmax", _sce_with(softmax, lambda A, Y: Y * np.log(A)), "np.log(softmax(Z)) breaks when a "
                "probability rounds to 0 (log 0 = -inf, and 0 * -inf = NaN): take log y_hat = (Z - max) - "
                "np.log(np.sum(np.exp(Z - max), axis=0, keepdims=True)) with max = np.max(Z, axis=0, keepdims=True)."),
        Mistake("row_softmax", _sce_with(softmax_rows, lambda A, Y: Y * np.log(A)),
                "the probabilities of one example are a column: softmax over axis=0 (classes are rows)."),
    ],
))
