"""Course 2, Week 1: the practical aspects of setting up an application; notebook
``course2/week1/practical_aspects.ipynb``, references in ``dlkit.practical``.

Fixed cases use the notes' numbers: the 70/30 ... 99.5/0.25/0.25 splits, the four train/dev scenarios
and the Bayes = 15 % twist, and features on the lecture's ranges (x1 in 1..1000, x2 in 0..1).
"""
from __future__ import annotations

import numpy as np

from dlkit import practical

from ..registry import Case, Exercise, Mistake, register
from ._slips import then

# ------------------------------------------------------------------ split_sizes

POLICIES = [(0.7, 0.3), (0.6, 0.2, 0.2), (0.98, 0.01, 0.01), (0.995, 0.0025, 0.0025), (0.995, 0.004, 0.001),
            (0.8, 0.1, 0.1), (0.9, 0.05, 0.05)]


def no_half(m, fractions) -> bool:
    """True when no part lands near x.5, where round-half-to-even and round-half-up disagree."""
    return all(abs((f * m) % 1 - 0.5) > 1e-3 for f in fractions[1:])


def _split_case(rng) -> Case:
    while True:
        if rng.random() < 0.3:
            m = int(rng.choice([500, 3_000, 10_000, 10_001, 250_000, 1_000_000, 1_000_001, 3_000_000]))
            m += int(rng.integers(0, 7))
            return Case((m,), label=f"m = {m:,}, no fractions (the rule of thumb)")
        m = int(10 ** rng.uniform(1, 6.5))
        fractions = POLICIES[int(rng.integers(len(POLICIES)))]
        if rng.random() < 0.3:
            dev = round(float(rng.uniform(0.05, 0.3)), 2)
            fractions = (round(1 - dev, 2), dev)
        if no_half(m, fractions):
            return Case((m, fractions), label=f"m = {m:,}, fractions = {fractions}")


# Known slips of split_sizes, shared with Course 3's c3w1.split_sizes (the same function).

def split_rule(rule):
    """``split_sizes`` with another rule of thumb ``rule(m)`` for fractions=None."""
    return lambda m, fractions=None: practical.split_sizes(m, rule(m) if fractions is None else fractions)


def split_round_all(m, fractions=None):
    """The reference, with the training part rounded too (the parts may not add up to m)."""
    first = (practical.recommended_fractions(m) if fractions is None else fractions)[0]
    return (int(round(first * m)), *practical.split_sizes(m, fractions)[1:])


def split_floor(m, fractions=None):
    """Dev and test cut down with int(), not rounded."""
    rest = [int(f * m) for f in (practical.recommended_fractions(m) if fractions is None else fractions)[1:]]
    return (m - sum(rest), *rest)


register(Exercise(
    id="c2w1.split_sizes", reference=practical.split_sizes, outputs="sizes", random_case=_split_case, n_random=4,
    n_hidden_random=8,
    fixed_cases=[Case((1_000, (0.7, 0.3)), label="the notes' classic 70/30 train/test split of 1,000 examples"),
                 Case((10_000, (0.6, 0.2, 0.2)), label="the notes' classic 60/20/20 split of 10,000 examples"),
                 Case((1_000_000, (0.98, 0.01, 0.01)),
                      label="the notes' big-data split: 1,000,000 -> 980,000 / 10,000 / 10,000"),
                 Case((4_000_000, (0.995, 0.0025, 0.0025)), label="the notes' 99.5/0.25/0.25 split of 4,000,000"),
                 Case((999, (0.6, 0.2, 0.2)), label="m = 999, 60/20/20: 199.8 rounds to 200"),
                 Case((7, (1 / 3, 1 / 3, 1 / 3)), label="m = 7 in thirds: the parts must add up to 7"),
                 Case((1_000_000,), label="m = 1,000,000 with no fractions: the rule of thumb gives 98/1/1"),
                 Case((5_000,), label="m = 5,000 with no fractions: 60/20/20"),
                 Case((20_000_000,), label="m = 20,000,000 with no fractions: 99.5/0.25/0.25")],
    hidden_cases=[Case((100, (0.7, 0.3)), label="100 examples, 70/30"),
                  Case((1_000_000, (0.995, 0.004, 0.001)), label="the notes' 99.5/0.4/0.1 variant"),
                  Case((10_000,), label="m = 10,000 with no fractions (the last classic size)"),
                  Case((10_001,), label="m = 10,001 with no fractions (the first big-data size)"),
                  Case((1_000_001,), label="m = 1,000,001 with no fractions (more than a million)"),
                  Case((2_003, (0.6, 0.2, 0.2)), label="m = 2,003, 60/20/20")],
    mistakes=[
        Mistake("truncate", split_floor, "round each dev/test part to the nearest whole number, "
                "int(round(fraction * m)): int(...) alone truncates (199.8 becomes 199)."),
        Mistake("round_all", split_round_all, "the parts must add up to m: round the dev and test parts and "
                "give the training set the rest, m - (dev + test)."),
        Mistake("classic_only", split_rule(lambda m: (0.6, 0.2, 0.2)),
                "without fractions, follow the rule of thumb for the size of m: 60/20/20 up to 10,000 examples, "
                "98/1/1 up to 1,000,000 (1,000,000 -> 980,000 / 10,000 / 10,000), 99.5/0.25/0.25 beyond."),
        Mistake("floats", then(practical.split_sizes, lambda sizes, *_: tuple(map(float, sizes))),
                "return whole numbers of examples (Python ints, e.g. int(round(...))), not floats."),
        Mistake("strict_million", split_rule(lambda m: practical.recommended_fractions(m + (m == 1_000_000))),
                "exactly 1,000,000 examples still take 98/1/1 (m <= 1,000,000); 99.5/0.25/0.25 is for more than a "
                "million."),
    ],
))

# ------------------------------------------------------------------ diagnose_bias_variance

SCENARIOS = [  # the notes' table (Bayes error about 0 %), then the twist
    ((1.0, 11.0), "high variance"),
    ((15.0, 16.0), "high bias"),
    ((15.0, 30.0), "high bias and high variance"),
    ((0.5, 1.0), "low bias, low variance"),
]


def _diag_case(rng) -> Case:
    while True:
        bayes = round(float(rng.choice([0.0, rng.uniform(0, 20)])), 1)
        train = round(bayes + float(rng.uniform(0, 10)), 1)
        dev = round(train + float(rng.uniform(0, 10)), 1)
        tol = float(rng.choice([2.0, 1.0, 0.5, 5.0]))
        if dev <= 100 and abs(train - bayes - tol) > 0.05 and abs(dev - train - tol) > 0.05:
            if tol == 2.0 and rng.random() < 0.5:
                return Case((train, dev, bayes), label=f"train {train} %, dev {dev} %, Bayes {bayes} %")
            return Case((train, dev, bayes, tol),
                        label=f"train {train} %, dev {dev} %, Bayes {bayes} %, tolerance {tol}")


_DIAG = practical.diagnose_bias_variance

register(Exercise(
    id="c2w1.diagnose_bias_variance", reference=_DIAG,
    outputs=("high_bias", "high_variance"), random_case=_diag_case, n_random=4, n_hidden_random=8,
    fixed_cases=[Case(args, label=f"the notes' train {args[0]} % / dev {args[1]} %: {what}")
                 for args, what in SCENARIOS]
    + [Case((15.0, 16.0), {"bayes_error": 15.0},
            label="the notes' twist: Bayes error 15 %, train 15 % / dev 16 % is not high bias"),
       Case((3.0, 5.0, 1.0), label="gaps of exactly the tolerance (2 points) are not high")],
    hidden_cases=[Case((15.0, 30.0), {"bayes_error": 14.0}, label="Bayes 14 %, train 15 % / dev 30 %"),
                  Case((8.0, 9.0), {"bayes_error": 7.5, "tolerance": 0.4},
                       label="Bayes 7.5 %, train 8 % / dev 9 %, tolerance 0.4"),
                  Case((0.0, 0.0), label="a perfect model")],
    mistakes=[
        Mistake("ignore_bayes", lambda train, dev, bayes_error=0.0, tolerance=2.0: _DIAG(train, dev, 0.0, tolerance),
                "measure the bias from the Bayes (optimal) error: high bias means train_error - bayes_error > "
                "tolerance. With a Bayes error of 15 %, a training error of 15 % is as good as it gets."),
        Mistake("variance_from_bayes", then(_DIAG, lambda out, train, dev, bayes_error=0.0, tolerance=2.0:
                                            (out[0], dev - bayes_error > tolerance)),
                "the variance is the gap between the dev and the training error, dev_error - train_error, "
                "not the distance of the dev error from the Bayes error."),
        Mistake("swapped", then(_DIAG, lambda out, *_, **__: out[::-1]),
                "return (high_bias, high_variance), in that order."),
        Mistake("ge",  # >= tolerance is > the float just below it
                lambda train, dev, bayes_error=0.0, tolerance=2.0: _DIAG(train, dev, bayes_error,
                                                                         np.nextafter(tolerance, -np.inf)),
                "a gap equal to the tolerance is not high: use a strict `>`."),
    ],
))

# ------------------------------------------------------------------ basic_recipe

_FLAGS = [(True, False), (False, True), (True, True), (False, False)]
_RECIPE = practical.basic_recipe

register(Exercise(
    id="c2w1.basic_recipe", reference=_RECIPE, outputs="step",
    fixed_cases=[Case(flags, label=f"high_bias = {flags[0]}, high_variance = {flags[1]}") for flags in _FLAGS],
    n_random=2, n_hidden_random=4,
    random_case=lambda rng: Case(tuple(np.bool_(v) for v in _FLAGS[int(rng.integers(4))]), label="numpy booleans"),
    hidden_cases=[Case(flags, label=f"high_bias = {flags[0]}, high_variance = {flags[1]}")
                  for flags in reversed(_FLAGS)],
    mistakes=[
        Mistake("variance_first", lambda bias, var: "reduce variance" if var else _RECIPE(bias, var),
                "bias first: when both are high the next step is 'reduce bias' (a bigger network, training "
                "longer); more data or regularisation come once the training set is fitted."),
        Mistake("swapped", lambda bias, var: _RECIPE(var, bias), "a high bias (training error far from the Bayes "
                "error) calls for 'reduce bias', a high variance (dev error far above the training error) for 'reduce "
                "variance'."),
        Mistake("both", lambda bias, var: "reduce bias and variance" if bias and var else _RECIPE(bias, var),
                "return exactly one of the three strings 'reduce bias', 'reduce variance', 'done': the recipe takes "
                "one step at a time, bias first."),
    ],
))

# ------------------------------------------------------------------ normalize_inputs

_X_SMALL = np.array([[1.0, 2.0, 3.0, 6.0], [0.0, 0.5, 1.0, 0.5]])
_X_SMALL_TEST = np.array([[3.0, 10.0], [0.25, 1.0]])


def _notes_ranges(m, seed):
    X, _ = practical.make_feature_scales(m, seed=seed)
    return X


def _norm_case(rng) -> Case:
    n_x, m_train, m_test = int(rng.integers(1, 6)), int(rng.integers(3, 30)), int(rng.integers(2, 10))
    loc = rng.normal(0, 100, size=(n_x, 1))
    scale = 10 ** rng.uniform(-2, 3, size=(n_x, 1))
    return Case((loc + scale * rng.normal(size=(n_x, m_train)), loc + scale * rng.normal(size=(n_x, m_test))),
                label=f"random X_train ({n_x}, {m_train}), X_test ({n_x}, {m_test})")


_NORM = practical.normalize_inputs


def _raw_second_moment(X_train, X_test):
    """sigma from the mean of x^2 of the raw data, not of the centred data."""
    mu, sigma = np.mean(X_train, axis=1, keepdims=True), np.sqrt(np.mean(X_train ** 2, axis=1, keepdims=True))
    return (X_train - mu) / sigma, (X_test - mu) / sigma, mu, sigma


def _ddof_1(out, X_train, X_test):
    """The outputs with sigma averaged over m - 1 instead of m."""
    c = np.sqrt(X_train.shape[1] / (X_train.shape[1] - 1))
    return out[0] / c, out[1] / c, out[2], out[3] * c


register(Exercise(
    id="c2w1.normalize_inputs", reference=_NORM,
    outputs=("X_train_norm", "X_test_norm", "mu", "sigma"), random_case=_norm_case, n_hidden_random=6,
    fixed_cases=[Case((_X_SMALL, _X_SMALL_TEST), label="X_train = [[1, 2, 3, 6], [0, 0.5, 1, 0.5]]: mu = [3, 0.5], "
                                                       "sigma^2 = [3.5, 0.125]"),
                 Case((_notes_ranges(200, 1), _notes_ranges(50, 2)),
                      label="the notes' ranges: x1 in 1..1000, x2 in 0..1 (200 training, 50 test examples)")],
    hidden_cases=[Case((_notes_ranges(1000, 3), _notes_ranges(7, 4)), label="the notes' ranges, 1000 / 7 examples"),
                  Case((np.array([[5.0, -5.0, 5.0, -5.0]]), np.array([[0.0, 10.0]])),
                       label="one feature, mu = 0, sigma = 5")],
    mistakes=[
        Mistake("divide_by_variance", then(_NORM, lambda out, *_: (out[0] / out[3], out[1] / out[3], *out[2:])),
                "divide by the standard deviation sigma = sqrt(sigma^2), not by the variance sigma^2 (the "
                "lecture's notes write X /= sigma^2; dividing by sigma is what gives unit variance)."),
        Mistake("test_own_statistics", then(_NORM, lambda out, X_tr, X_te: (out[0], _NORM(X_te, X_te)[0], *out[2:])),
                "normalise the test set with the TRAINING mu and sigma: (X_test - mu) / sigma. Its own statistics "
                "would shift and stretch the test examples differently from the ones the model learned on."),
        Mistake("raw_second_moment", _raw_second_moment, "compute sigma^2 from the centred data, (1/m) "
                "sum (x - mu)^2: the mean of x^2 of the raw data is not the variance."),
        Mistake("no_centering", then(_NORM, lambda out, X_train, X_test: (X_train / out[3], X_test / out[3], *out[2:])),
                "subtract the mean first: X_norm = (X - mu) / sigma, so that every feature has mean 0."),
        Mistake("ddof_1", then(_NORM, _ddof_1),
                "the lecture's sigma^2 averages with 1/m (np.std's default, ddof=0), not 1/(m - 1)."),
    ],
))
