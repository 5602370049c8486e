"""Course 3, Week 2: ML strategy (2), error analysis, mismatched data, multi-task and transfer learning.

Notebook ``course3/week2/ml_strategy_2.ipynb``; references in ``dlkit.error_analysis``, ``dlkit.multitask``
and ``dlkit.transfer``; fixed cases carry the course notes' numbers. Known mistakes are the reference with
one slip: called on the wrong inputs (a lambda), followed by one wrong step (``then`` from ``_slips``,
or a local ``_..._slip`` helper when several mistakes change the same output), never a copy.

The notebook ends with a case study, a car's perception system: its decisions are *answer* exercises
(``answer_exercise``) whose visible check looks at the form only; the hidden check grades the content.
"""
from __future__ import annotations

from functools import partial
from typing import Any, Callable, Optional

import numpy as np

from dlkit import deep, error_analysis as ea, multitask as mt, transfer as tl
from dlkit.gradcheck import numeric_gradient

from ..compare import describe
from ..registry import Case, Exercise, Mistake, register
from ._answers import answer_exercise, bool_check, count_check, dict_form, flipped, is_number, one_of, rate_check
from ._slips import then
from ._gradients import summary, verdict
from ._nets import scaled_net

# ================================================================ error analysis

CAT_TAGS, CAT_CATEGORIES = ea.cat_spreadsheet()
SMALL_TAGS = [["dog"], ["blurry", "instagram filter"], ["great cat", "blurry"], [], ["blurry"]]
SMALL_CATEGORIES = ["dog", "great cat", "blurry", "instagram filter"]
CAR_TAGS, CAR_CATEGORIES = ea.car_dev_errors()
_POOL = ["night", "rain", "glare", "small object", "motion blur", "mislabeled", "fog", "occluded"]


def _random_tags_case(rng: np.random.Generator) -> Case:
    k = int(rng.integers(2, 6))
    categories = [str(c) for c in rng.choice(_POOL, size=k, replace=False)]
    n = int(rng.integers(6, 40))
    rows = []
    for _ in range(n):
        chosen = [c for c in categories if rng.random() < 0.35]
        rows.append([str(c) for c in rng.permutation(chosen)] if chosen else [])
    rows[0] = []                                  # an example with no tag
    rows[1] = [categories[-1], categories[0]]     # and one with two tags
    return Case((rows, categories), label=f"{n} random rows tagged with {categories}")


def _counts(tags, categories) -> dict:
    """How many rows carry each category's tag (ints)."""
    return dict(zip(categories, ea.tag_matrix(tags, categories).sum(axis=0).tolist()))


register(Exercise(
    id="c3w2.error_analysis_table", reference=ea.error_analysis_table, outputs="fractions",
    random_case=_random_tags_case,
    fixed_cases=[
        Case((CAT_TAGS, CAT_CATEGORIES), label="the notes' spreadsheet of 100 misclassified cat images: dog 8 %, "
             "great cat 43 %, blurry 61 %, instagram filter 12 % (124 % together), incorrectly labeled 6 %"),
        Case((SMALL_TAGS, SMALL_CATEGORIES), label="5 examples, one untagged, two with two tags"),
    ],
    hidden_cases=[Case((CAR_TAGS, CAR_CATEGORIES), label="the car's 200 misclassified dev frames"),
                  Case(([["glare"], ["glare", "night"], ["glare"]], ["night", "rain", "glare"]),
                       label="a category in every row and one in none")],
    mistakes=[
        Mistake("by_tags", lambda tags, cats: {c: n / sum(map(len, tags)) for c, n in _counts(tags, cats).items()},
                "divide by the number of misclassified examples (rows), not by the number of tags: an example with "
                "two tags is still one example. The fractions may add up to more than 1 because tags overlap."),
        Mistake("skip_untagged", lambda tags, cats: ea.error_analysis_table([r for r in tags if r], cats),
                "examples that carry no tag are still misclassified examples: count every row in the denominator, "
                "tagged or not."),
        Mistake("first_tag_only", lambda tags, cats: ea.error_analysis_table([r[:1] for r in tags], cats),
                "count every tag of a row, not only its first: the categories overlap (a great cat can also be "
                "blurry), which is why the spreadsheet has one column per category."),
        Mistake("percent", then(ea.error_analysis_table, lambda table, *_: {c: 100 * f for c, f in table.items()}),
                "return fractions (0.08 for 8 %), not percentages."),
        Mistake("counts", _counts, "return the fraction of the examples with each tag (count / number of examples), "
                "not the count."),
    ],
))


def _ceiling_case(rng: np.random.Generator) -> Case:
    e = float(np.round(rng.uniform(0.01, 0.3), 4))
    if rng.random() < 0.5:
        return Case((e, float(np.round(rng.uniform(0.0, 1.0), 3))), label=f"dev error {e}, one category")
    f = np.round(rng.uniform(0.0, 1.0, size=int(rng.integers(2, 6))), 3)
    return Case((e, f), label=f"dev error {e}, an array of {f.size} fractions")


register(Exercise(
    id="c3w2.ceiling", reference=ea.ceiling, outputs="best_error", random_case=_ceiling_case,
    fixed_cases=[
        Case((0.10, 0.05), label="dev error 10 %, 5 of 100 errors are dogs: 9.5 %"),
        Case((0.10, 0.50), label="dev error 10 %, 50 of 100 errors are dogs: 5 %"),
        Case((0.10, np.array([0.08, 0.43, 0.61, 0.12])), label="dev error 10 %, the spreadsheet's four fractions"),
    ],
    hidden_cases=[Case((0.08, 0.0), label="a category with no errors"),
                  Case((0.08, 1.0), label="a category holding every error"),
                  Case((0.08, np.array([0.46, 0.19, 0.27, 0.35, 0.04])), label="the car's five categories")],
    mistakes=[
        Mistake("reduction", lambda e, f: e * np.asarray(f, dtype=float) if np.ndim(f) else e * f,
                "dev_error * fraction is how much the error drops; the ceiling is the error that is left: "
                "dev_error * (1 - fraction)."),
        Mistake("fraction_only", lambda e, f: f, "the fraction is a share of the *errors*; the best-case error is "
                "dev_error * (1 - fraction)."),
        Mistake("subtract_fraction", lambda e, f: e - np.asarray(f, dtype=float) if np.ndim(f) else e - f,
                "the fraction is a share of the misclassified examples, not of the whole dev set: subtract dev_error "
                "* fraction from dev_error, i.e. dev_error * (1 - fraction)."),
        Mistake("one_minus", lambda e, f: 1 - np.asarray(f, dtype=float) if np.ndim(f) else 1 - f,
                "1 - fraction is the share of the errors left; multiply it by dev_error to get an error rate."),
    ],
))

# ======================================================== incorrectly labelled data

_SHARE = ea.mislabeled_share


def _share_case(rng: np.random.Generator) -> Case:
    e = float(np.round(rng.uniform(0.01, 0.2), 4))
    le = float(np.round(e * rng.uniform(0.02, 0.5), 5))
    if rng.random() < 0.3:
        return Case((e, le), label=f"dev error {e}, label error {le}, no rival")
    gap = float(np.round(rng.choice([-1, 1]) * rng.uniform(0.0, 3.0) * le, 5))
    if abs(abs(gap) - le) < 1e-4:
        gap *= 1.5
    return Case((e, le, float(np.round(e + gap, 5))), label=f"dev error {e}, label error {le}, rival {e + gap:.5f}")


register(Exercise(
    id="c3w2.mislabeled_share", reference=_SHARE, outputs="impact", random_case=_share_case,
    fixed_cases=[Case((0.10, 0.006), label="case 1: dev error 10 %, 6 % of the errors mislabelled (0.6 %)"),
                 Case((0.02, 0.006), label="case 2: dev error 2 %, still 0.6 % from wrong labels (share 30 %)"),
                 Case((0.021, 0.006, 0.019), label="2.1 % vs a rival at 1.9 % with 0.6 % label error: fix the labels"),
                 Case((0.10, 0.006, 0.08), label="10 % vs a rival at 8 % with 0.6 % label error"),
                 Case((0.019, 0.006, 0.031), label="1.9 % vs a rival at 3.1 %")],
    hidden_cases=[Case((0.08, 0.0032), label="the car: dev error 8 %, 4 % of the errors mislabelled"),
                  Case((0.05, 0.0), label="no wrong labels at all"),
                  Case((0.03, 0.01, 0.025), label="a rival half a point better, 1 % label error")],
    mistakes=[
        Mistake("share_of_all", then(_SHARE, lambda out, e, le, r=None: {**out, "share": le}),
                "share is the fraction of the *errors* due to wrong labels: label_error / dev_error (0.006 / 0.10 = 6 "
                "%, 0.006 / 0.02 = 30 %)."),
        Mistake("share_vs_other", then(_SHARE, lambda out, e, le, r=None: {**out, "share": le / (e - le)}),
                "divide the label error by the whole dev error, not by the other error: share = label_error / "
                "dev_error."),
        Mistake("other_from_one", then(_SHARE, lambda out, e, le, r=None: {**out, "other_error": 1 - le}),
                "other_error is the part of the dev error not caused by labels: dev_error - label_error (9.4 % in "
                "case 1), not 1 - label_error."),
        Mistake("fix_reversed",
                then(_SHARE, lambda out, e, le, r=None: {**out, "fix_labels": None if r is None else abs(e - r) > le}),
                "fix the labels when the two classifiers are *closer* than the label error, |dev_error - rival_error| "
                "<= label_error: then wrong labels could be what tells them apart."),
        Mistake("fix_signed",
                then(_SHARE, lambda out, e, le, r=None: {**out, "fix_labels": None if r is None else e - r <= le}),
                "compare the size of the gap, abs(dev_error - rival_error), with label_error: a rival far worse than "
                "you is as easy to tell apart as one far better."),
        Mistake("no_rival_false", then(_SHARE, lambda out, *_: {**out, "fix_labels": bool(out["fix_labels"])}),
                "without a rival there is nothing to compare: \"fix_labels\" is None then, not False."),
    ],
))

# ======================================================== mismatched distributions

_SPLIT = ea.mismatched_split


def _split_app_to_web(n_web, n_app, n_dev, n_test, n_train_dev=0, shuffle_all=False):
    """Shuffled with an app share of n_app / n_web instead of n_app / (n_web + n_app)."""
    if not shuffle_all:
        return _SPLIT(n_web, n_app, n_dev, n_test, n_train_dev)
    p_app = n_app / n_web
    sizes = {"train": n_web + n_app - n_dev - n_test - n_train_dev, "train_dev": n_train_dev, "dev": n_dev,
             "test": n_test}
    return {k: {"web": n * (1 - p_app), "app": n * p_app} for k, n in sizes.items()}


def _split_train_dev_from_app(n_web, n_app, n_dev, n_test, n_train_dev=0, shuffle_all=False):
    """Option 2 with the train-dev set taken out of the leftover app examples only."""
    out = _SPLIT(n_web, n_app, n_dev, n_test, n_train_dev, shuffle_all)
    if not shuffle_all:
        out["train"] = {"web": float(n_web), "app": float(n_app - n_dev - n_test - n_train_dev)}
        out["train_dev"] = {"web": 0.0, "app": float(n_train_dev)}
    return out


def _split_case(rng: np.random.Generator) -> Case:
    n_web = int(rng.integers(10, 500)) * 1000
    n_app = int(rng.integers(3, 60)) * 500
    n_dev = int(rng.integers(1, max(2, n_app // 1500))) * 500
    n_test = n_dev
    n_td = int(rng.choice([0, n_dev, 1000]))
    shuffle_all = bool(rng.random() < 0.35)
    return Case((n_web, n_app, n_dev, n_test), {"n_train_dev": n_td, "shuffle_all": shuffle_all},
                label=f"{n_web} web + {n_app} app, dev = test = {n_dev}, train-dev {n_td}, shuffle_all={shuffle_all}")


register(Exercise(
    id="c3w2.mismatched_split", reference=ea.mismatched_split, outputs="split", random_case=_split_case,
    fixed_cases=[
        Case((200_000, 10_000, 2_500, 2_500), label="option 2: 200,000 web + 10,000 app images, dev and test 2,500 "
             "app images each, train 205,000"),
        Case((200_000, 10_000, 2_500, 2_500), {"shuffle_all": True},
             label="option 1: everything shuffled, dev = 2380.95 web + 119.05 app images on average"),
        Case((500_000, 20_000, 10_000, 10_000), label="the rear-view mirror: 500,000 purchased utterances, dev and "
             "test 10,000 mirror utterances each"),
        Case((500_000, 20_000, 5_000, 5_000), label="the mirror, variant: dev and test 5,000 each, train 510,000"),
        Case((200_000, 10_000, 2_500, 2_500), {"n_train_dev": 2_500},
             label="option 2 with a train-dev set of 2,500 carved out of training"),
    ],
    hidden_cases=[
        Case((480_000, 30_000, 7_500, 7_500), {"n_train_dev": 7_500}, label="the car: 480,000 web + 30,000 car frames"),
        Case((200_000, 10_000, 2_500, 2_500), {"n_train_dev": 5_000, "shuffle_all": True},
             label="option 1 with a train-dev set"),
        Case((100_000, 4_000, 2_000, 2_000), label="every app example needed for dev and test"),
    ],
    mistakes=[
        Mistake("leftover_app_unused",  # option 2 with only the dev and test app examples
                lambda web, app, dev, test, **kw: _SPLIT(web, app if kw.get("shuffle_all") else dev + test, dev, test,
                                                         **kw),
                "the app examples not needed for dev and test go into training (5,000 of them in the course's "
                "example): they are the most valuable training data you have."),
        Mistake("app_to_web_ratio", _split_app_to_web, "after shuffling, an example is from the app with probability "
                "n_app / (n_web + n_app) (10,000 / 210,000), not n_app / n_web."),
        Mistake("train_dev_from_app", _split_train_dev_from_app, "the train-dev set has the *training* distribution: "
                "carve it at random out of the training data (web and leftover app examples mixed), not out of the "
                "app examples."),
        Mistake("train_dev_kept_in_train",
                lambda *n, **kw: {**_SPLIT(*n, **kw), "train": _SPLIT(*n, **{**kw, "n_train_dev": 0})["train"]},
                "the train-dev set is never trained on: take its examples out of the training set."),
    ],
))

# ================================================== bias, variance and data mismatch

SCENARIOS = {  # human, train, train-dev, dev, test (percent), from the notes' table
    "A": (0, 1, None, 10, None), "B": (0, 1, 9, 10, None), "C": (0, 1, 1.5, 10, None),
    "D": (0, 10, 11, 12, None), "E": (0, 10, 11, 20, None), "F": (4, 7, 10, 6, 6),
}
SCENARIO_G = (1, 2, 2.5, 3, 8)  # ours: a test error far above dev


def _gaps_slip(**slips):
    """The reference, with the gaps named in ``slips`` replaced by ``slip(gaps)`` where they are known."""
    def error_gaps(human, train, train_dev, dev, test=None):
        g = ea.error_gaps(human, train, train_dev, dev, test)
        return {**g, **{k: slip(g) for k, slip in slips.items() if g[k] is not None}}
    return error_gaps


def _gaps_case(rng: np.random.Generator) -> Case:
    h = float(np.round(rng.uniform(0, 5), 1))
    tr = float(np.round(h + rng.uniform(-0.5, 8), 1))
    td = float(np.round(tr + rng.uniform(-1, 8), 1)) if rng.random() < 0.8 else None
    d = float(np.round((td if td is not None else tr) + rng.uniform(-4, 9), 1))
    te = float(np.round(d + rng.uniform(-2, 5), 1)) if rng.random() < 0.6 else None
    return Case((h, tr, td, d, te), label=f"human {h}, train {tr}, train-dev {td}, dev {d}, test {te}")


register(Exercise(
    id="c3w2.error_gaps", reference=ea.error_gaps, outputs="gaps", random_case=_gaps_case,
    fixed_cases=[Case(v, label=f"scenario {k} of the notes' table (errors in %)") for k, v in SCENARIOS.items()],
    hidden_cases=[Case((0.01, 0.02, 0.026, 0.08, 0.083), label="the car (errors as fractions)"),
                  Case(SCENARIO_G, label="a test error far above dev"),
                  Case((0.5, 0.4, 0.3, 0.2, 0.1), label="every gap negative")],
    mistakes=[
        Mistake("mismatch_from_train", _gaps_slip(data_mismatch=lambda g: g["train_to_dev"]),
                "data mismatch is measured from the train-dev error: dev - train_dev. dev - train mixes variance and "
                "data mismatch together (that is \"train_to_dev\")."),
        Mistake("variance_to_dev", _gaps_slip(variance=lambda g: g["train_to_dev"]),
                "variance is the gap between two sets of the same distribution: train_dev - train, not dev - train."),
        Mistake("clipped", _gaps_slip(**{k: lambda g, k=k: max(0.0, g[k]) for k in (*ea.GAP_NAMES, "train_to_dev")}),
                "keep negative gaps: in scenario F the dev data is easier than the training data, so the data "
                "mismatch is -4, and clipping it at 0 hides that."),
        Mistake("overfit_sign", _gaps_slip(dev_overfit=lambda g: -g["dev_overfit"]),
                "overfitting to dev is test - dev: how much worse the test error is than the dev error."),
        Mistake("bias_from_zero", lambda human, *errors: ea.error_gaps(0.0, *errors),
                "avoidable bias is measured from human-level error, the proxy for Bayes error: train - human (3 in "
                "scenario F), not the training error itself."),
        Mistake("none_as_zero", lambda h, train, train_dev, *rest: ea.error_gaps(h, train, train_dev or 0.0, *rest),
                "without a train-dev error, variance and data mismatch are unknown: return None for both (only "
                "train_to_dev = dev - train is known)."),
    ],
))


_DIAGNOSE = ea.diagnose_gaps


def _near_a_tie(gaps: dict, ratio: float) -> bool:
    """True when a gap sits within rounding distance of ratio * largest (a fragile case)."""
    if gaps["variance"] is None:
        values = [gaps["avoidable_bias"], gaps["train_to_dev"], gaps["dev_overfit"]]
    else:
        values = [gaps[k] for k in ea.GAP_NAMES]
    values = [v for v in values if v is not None]
    cut = ratio * max(values)
    return any(abs(v - cut) < 1e-6 or abs(v) < 1e-6 for v in values)


def _diagnose_case(rng: np.random.Generator) -> Case:
    while True:
        case = _gaps_case(rng)
        ratio = float(rng.choice([0.5, 0.5, 0.3, 0.8]))
        gaps = ea.error_gaps(*case.args)
        if not _near_a_tie(gaps, ratio):
            return Case((gaps,), {"ratio": ratio}, label=case.label + f", ratio {ratio}")


register(Exercise(
    id="c3w2.diagnose_gaps", reference=_DIAGNOSE, outputs="problems", random_case=_diagnose_case,
    fixed_cases=[Case((ea.error_gaps(*v),), label=f"the gaps of scenario {k}") for k, v in SCENARIOS.items()]
    + [Case((ea.error_gaps(*SCENARIO_G),), label="human 1, train 2, train-dev 2.5, dev 3, test 8")],
    hidden_cases=[Case((ea.error_gaps(0.01, 0.02, 0.026, 0.08, 0.083),), label="the car"),
                  Case((ea.error_gaps(0.5, 0.4, 0.3, 0.2, 0.1),), label="every gap negative"),
                  Case((ea.error_gaps(0, 10, None, 12),), label="no train-dev set, a large avoidable bias"),
                  Case((ea.error_gaps(*SCENARIOS["E"]),), {"ratio": 0.95}, label="scenario E with ratio 0.95")],
    mistakes=[
        Mistake("largest_only", lambda gaps, ratio=0.5: _DIAGNOSE(gaps, 1.0)[:1],
                "return every gap that is at least ratio times the largest, not just the largest: in scenario E both "
                "the avoidable bias (10) and the data mismatch (9) need work."),
        Mistake("absolute_values", lambda gaps, ratio=0.5: _DIAGNOSE(
            {k: None if v is None else abs(v) for k, v in gaps.items()}, ratio),
                "a negative gap is not a problem to fix (in scenario F the dev data is easier than the training "
                "data): compare the gaps with their signs and keep only positive ones."),
        Mistake("none_as_zero", lambda gaps, ratio=0.5: _DIAGNOSE(
            {**gaps, **{k: 0.0 for k in ("variance", "data_mismatch") if gaps[k] is None}}, ratio),
                "without a train-dev set (variance and data mismatch None) you cannot tell the two apart: use "
                "gaps[\"train_to_dev\"] for both together and report it as \"ambiguous\" (scenario A)."),
        Mistake("no_dev_overfit", lambda gaps, ratio=0.5: _DIAGNOSE({**gaps, "dev_overfit": None}, ratio),
                "include the dev_overfit gap (test - dev) when it is known: a test error far above the dev error "
                "means the dev set has been overfitted; a bigger dev set is the cure."),
    ],
))

# ============================================================ multi-task learning

_HALF = np.full((4, 4), 0.5)
_ALL_Q = np.array([[1.0, np.nan, 0.0], [0.0, np.nan, np.nan], [np.nan, np.nan, 1.0]])
_ALL_Q_HAT = np.array([[0.7, 0.4, 0.2], [0.3, 0.6, 0.5], [0.5, 0.9, 0.8]])


def _mt_case(rng: np.random.Generator) -> Case:
    n, m = int(rng.integers(1, 6)), int(rng.integers(2, 9))
    Y_hat = np.round(rng.uniform(0.03, 0.97, size=(n, m)), 3)
    Y = (rng.random((n, m)) < 0.5).astype(float)
    Y[rng.random((n, m)) < 0.3] = np.nan
    Y[0, 0] = 1.0
    if m > 2 and n > 1:
        Y[:, -1] = np.nan            # an example with no label at all still counts in m
    per_label = bool(rng.random() < 0.4)
    return Case((Y_hat, Y), {"per_label": per_label},
                label=f"random Y_hat and Y ({n}, {m}) with '?' entries, per_label={per_label}")


_LOSS = mt.multitask_loss


def _labelled_columns(Y_hat, Y, per_label=False):
    """The reference on the examples (columns) with at least one label: m counts only those."""
    keep = ~np.all(np.isnan(Y), axis=0)
    return _LOSS(Y_hat[:, keep], Y[:, keep], per_label)


register(Exercise(
    id="c3w2.multitask_loss", reference=_LOSS, outputs="cost", random_case=_mt_case,
    fixed_cases=[
        Case((_HALF, mt.SEED_Y), label="the notes' Y (4, 4) with five '?' and Y_hat = 0.5: J = 11 ln2 / 4 = 1.9061547"),
        Case((mt.NOTES_Y_HAT, mt.SEED_Y), label="the notes' Y and their Y_hat: J = 0.6345479"),
        Case((_HALF, mt.SEED_Y), {"per_label": True}, label="Y_hat = 0.5, per labelled entry: ln 2 = 0.6931472"),
        Case((mt.NOTES_Y_HAT, mt.SEED_Y), {"per_label": True}, label="the notes' Y_hat, per labelled entry: 0.2307447"),
        Case((_ALL_Q_HAT, _ALL_Q), label="an example (column) with no label at all: it still counts in m"),
    ],
    hidden_cases=[Case((mt.NOTES_Y_HAT, np.nan_to_num(mt.SEED_Y, nan=1.0)), label="every label known"),
                  Case((np.array([[0.2, 0.9, 0.6]]), np.array([[0.0, 1.0, np.nan]])), label="a single task (1, 3)"),
                  Case((_ALL_Q_HAT, _ALL_Q), {"per_label": True}, label="a column of '?', per labelled entry")],
    mistakes=[
        Mistake("nan_as_zero", lambda Y_hat, Y, per_label=False: _LOSS(Y_hat, np.nan_to_num(Y, nan=0.0), per_label),
                "a '?' is not a label 0: leave those entries out of the sum entirely (np.nan_to_num alone turns every "
                "'?' into a 'no')."),
        Mistake("by_entries",  # J divided by the n_tasks * m entries instead of by m
                then(_LOSS, lambda J, Y_hat, Y, per_label=False: J if per_label else J * Y.shape[1] / Y.size),
                "the formula has 1/m with m = Y.shape[1], the number of examples (columns); do not divide by the "
                "number of entries n_tasks * m."),
        Mistake("always_per_label", lambda Y_hat, Y, per_label=False: _LOSS(Y_hat, Y, per_label=True),
                "by default (per_label=False) divide by m, the number of examples, as the course's formula does; "
                "divide by the number of labelled entries only when per_label=True."),
        Mistake("nan_result", then(_LOSS, lambda J, Y_hat, Y, per_label=False: np.nan if np.isnan(Y).any() else J),
                "nan * 0 is still nan: multiplying by the mask does not remove a '?'. Replace the '?' entries first "
                "(np.where(mask, Y, 0) or np.nan_to_num) and then zero their losses with np.where."),
        Mistake("m_labelled_examples", _labelled_columns, "m counts every example, also one whose labels are all '?': "
                "m = Y.shape[1]."),
    ],
))


def _grad_slip(slip):
    """The reference's (cost, dY_hat) with dY_hat replaced by ``slip(dY_hat, Y_hat, Y, n)``, n its normaliser."""
    def multitask_loss_and_grad(Y_hat, Y, per_label=False):
        cost, dY_hat = mt.multitask_loss_and_grad(Y_hat, Y, per_label)
        n = max(int(np.sum(~np.isnan(Y))), 1) if per_label else Y.shape[1]
        return cost, slip(dY_hat, Y_hat, Y, n)
    return multitask_loss_and_grad


def _mt_gradcheck(fn: Callable, case: Case) -> Optional[str]:
    """Compare the student's dY_hat with numeric slopes of the student's own cost."""
    Y_hat, Y = case.args
    per_label = bool(case.kwargs.get("per_label", False))
    out = fn(Y_hat.copy(), Y.copy(), per_label=per_label)
    if not (isinstance(out, (tuple, list)) and len(out) == 2):
        return "the function should return the pair (cost, dY_hat)"
    got = np.asarray(out[1], dtype=float)
    if np.any(np.isnan(got)):
        return "dY_hat contains NaN: a '?' must give a gradient of exactly 0, not nan (use np.where, not a product)"
    numeric = numeric_gradient(lambda yh: float(fn(yh.copy(), Y.copy(), per_label=per_label)[0]), Y_hat.copy(),
                               eps=1e-6)
    if np.any(np.isnan(numeric)):
        return "your own cost is NaN on this case, so its slopes cannot be measured: fix the cost first"
    mask, m = ~np.isnan(Y), Y.shape[1]
    n_lab = max(int(mask.sum()), 1)
    unknown_moves = got.shape == Y.shape and np.any(np.abs(got[~mask]) > 1e-12)
    return summary([
        "dY_hat is not 0 where Y is '?': an unknown label must not move the prediction" if unknown_moves else None,
        verdict("dY_hat", got, numeric, alternatives=[
            (numeric * m, f"is m = {m} times the numeric slope: it is missing the 1/m"),
            (numeric / m, f"is the numeric slope divided by m = {m}: it has a 1/m too many"),
            (numeric * n_lab, f"is {n_lab} (the number of labelled entries) times the numeric slope: it is missing "
                              "the normalisation"),
            (numeric * m / n_lab, "is normalised by the number of labelled entries while your cost divides by m"),
            (numeric * n_lab / m, "is normalised by m while your cost divides by the number of labelled entries")])],
        "your dY_hat matches the slopes of your own cost, so the two are consistent: look at the cost (which entries "
        "it counts, what it divides by).")


register(Exercise(
    id="c3w2.multitask_loss_and_grad", reference=mt.multitask_loss_and_grad, outputs=("cost", "dY_hat"),
    random_case=_mt_case, gradcheck=_mt_gradcheck,
    fixed_cases=[
        Case((mt.NOTES_Y_HAT, mt.SEED_Y), label="the notes' Y and Y_hat: J = 0.6345479"),
        Case((mt.NOTES_Y_HAT, mt.SEED_Y), {"per_label": True}, label="the same, per labelled entry: J = 0.2307447"),
        Case((_ALL_Q_HAT, _ALL_Q), label="an example (column) with no label at all"),
    ],
    hidden_cases=[Case((_HALF, mt.SEED_Y), label="the notes' Y with Y_hat = 0.5"),
                  Case((np.array([[0.2, 0.9, 0.6]]), np.array([[0.0, 1.0, np.nan]])), label="a single task (1, 3)")],
    mistakes=[
        Mistake("grad_no_1_over_m", _grad_slip(lambda d, Y_hat, Y, n: d * n), "dY_hat is the slope of J itself, so it "
                "carries the 1/m of the cost (the course's dAL, without 1/m, is the slope of one example's loss)."),
        Mistake("grad_on_question_marks",  # a '?' taken as y = 0: its slope 1 / (1 - yhat) is left in
                _grad_slip(lambda d, Y_hat, Y, n: d + np.where(np.isnan(Y), 1 / (1 - Y_hat), 0.0) / n),
                "the gradient must be exactly 0 where Y is '?': that entry is not in the loss, so changing its "
                "prediction changes nothing."),
        Mistake("grad_sign", _grad_slip(lambda d, Y_hat, Y, n: -d), "the sign is flipped: "
                "dJ/dyhat = -(y / yhat - (1 - y) / (1 - yhat)) / m, negative when y = 1."),
        Mistake("grad_nan", _grad_slip(lambda d, Y_hat, Y, n: np.where(np.isnan(Y), np.nan, d)),
                "nan * 0 is nan: replace the '?' labels before computing, and set their gradient to 0 with np.where."),
        Mistake("grad_wrt_z",
                _grad_slip(lambda d, Y_hat, Y, n: np.where(np.isnan(Y), 0.0, Y_hat - np.nan_to_num(Y)) / n),
                "(yhat - y) / m is the slope with respect to the sigmoid's input Z; here the derivative is with "
                "respect to Y_hat itself: -(y / yhat - (1 - y) / (1 - yhat)) / m."),
        Mistake("grad_per_label_m", _grad_slip(lambda d, Y_hat, Y, n: mt.multitask_loss_backward(Y_hat, Y)),
                "with per_label=True the cost divides by the number of labelled entries, so the gradient must divide "
                "by the same number, not by m."),
    ],
))

# ============================================================== transfer learning

_net = partial(scaled_net, bias_std=0.1)  # a trained network's W1, b1, ..., WL, bL


def _dims(rng):
    L = int(rng.integers(2, 5))
    return [int(rng.integers(2, 7))] + [int(rng.integers(2, 6)) for _ in range(L - 1)] + [int(rng.integers(1, 4))]


def _transfer_case(rng: np.random.Generator) -> Case:
    dims = _dims(rng)
    n_out, seed = int(rng.integers(1, 6)), int(rng.integers(0, 100))
    return Case((_net(rng, dims), n_out, seed), label=f"a trained network {dims}, n_out = {n_out}, seed = {seed}")


_TRANSFER = tl.transfer_learning


def _last(parameters) -> tuple[str, str]:
    """The keys of the last layer, ("WL", "bL")."""
    L = len(parameters) // 2
    return f"W{L}", f"b{L}"


def _new_head(draw):
    """transfer_learning whose new W^[L] is ``draw(np.random.RandomState(seed), n_out, n_prev)``."""
    def transfer_learning(parameters, n_out, seed=0):
        new = tl.transfer_learning(parameters, n_out, seed)
        W = _last(parameters)[0]
        new[W] = draw(np.random.RandomState(seed), n_out, parameters[W].shape[1])
        return new
    return transfer_learning


def _all_new(parameters, n_out, seed=0):
    """A whole new network of the same shape instead of a new last layer."""
    L = len(parameters) // 2
    dims = [parameters["W1"].shape[1]] + [parameters[f"W{l}"].shape[0] for l in range(1, L)] + [n_out]
    return deep.initialize_parameters_deep(dims, scale=deep.SCALED, seed=seed)


def _exact_keys(out: Any, case: Case) -> Optional[str]:
    if isinstance(out, dict):
        expected = set(case.args[0])
        if set(out) != expected:
            return (f"the new parameters must have exactly the keys {sorted(expected)} (the same layers), "
                    f"got {sorted(map(str, out))}")
    return None


_NOTES_DIMS = [2, 3, 5, 4, 2, 1]

register(Exercise(
    id="c3w2.transfer_learning", reference=_TRANSFER, outputs="new_parameters", random_case=_transfer_case,
    extra_check=_exact_keys,
    fixed_cases=[
        Case((_net(np.random.default_rng(1), [4, 3, 2, 1]), 3, 0),
             label="network [4, 3, 2, 1] -> 3 new outputs, seed 0"),
        Case((_net(np.random.default_rng(2), _NOTES_DIMS), 4, 1),
             label="the notes' network [2, 3, 5, 4, 2, 1] -> 4 outputs (pedestrian, car, stop sign, light), seed 1"),
        Case((_net(np.random.default_rng(3), [5, 4, 2]), 2, 7), label="network [5, 4, 2] -> 2 outputs, seed 7"),
    ],
    hidden_cases=[
        Case((_net(np.random.default_rng(4), [16, 32, 16, 10]), 1, 0), label="the notebook's [16, 32, 16, 10] -> 1"),
        Case((_net(np.random.default_rng(5), [3, 4, 1]), 1, 3),
             label="as many outputs as before (still a fresh layer)"),
    ],
    mistakes=[
        Mistake("old_shape", lambda p, n_out, seed=0: _TRANSFER(p, p[_last(p)[0]].shape[0], seed),
                "the new last layer has n_out units: W^[L] of shape (n_out, n^[L-1]) and b^[L] of shape (n_out, 1)."),
        Mistake("all_new", _all_new, "keep the body: W1, b1, ..., W^[L-1], b^[L-1] must be copies of the trained "
                "ones; only the last layer is new."),
        Mistake("bias_kept", then(_TRANSFER, lambda new, p, *_: {**new, _last(p)[1]: p[_last(p)[1]].copy()}),
                "the new b^[L] starts at zero: np.zeros((n_out, 1)), not the old bias."),
        Mistake("scale_0.01", _new_head(lambda rng, n_out, n_prev: rng.randn(n_out, n_prev) * 0.01),
                "draw W^[L] as rng.randn(n_out, n_prev) / np.sqrt(n_prev), the initialisation of "
                "initialize_parameters_deep(..., scale=\"1/sqrt(n_prev)\"), not * 0.01."),
        Mistake("transposed_draw", _new_head(lambda rng, n_out, n_prev: rng.randn(n_prev, n_out).T / np.sqrt(n_prev)),
                "draw rng.randn(n_out, n_prev) in that order: randn(n_prev, n_out).T has the right shape but other "
                "numbers."),
        Mistake("first_layer",  # the first layer replaced as if it were the last
                lambda p, n_out, seed=0: {**p, **_TRANSFER({"W1": p["W1"], "b1": p["b1"]}, n_out, seed)},
                "replace the *last* layer, W^[L] and b^[L] with L = len(parameters) // 2, not the first one."),
        Mistake("dropped", then(_TRANSFER, lambda new, p, *_: {k: v for k, v in new.items() if k not in _last(p)}),
                "after deleting W^[L] and b^[L], put new ones in their place: the network keeps L layers."),
    ],
))


def _fine_tune_case(rng: np.random.Generator, freeze=None) -> Case:
    dims = _dims(rng)
    m = int(rng.integers(8, 20))
    X = rng.normal(size=(dims[0], m))
    Y = (rng.random((dims[-1], m)) < 0.5).astype(float)
    freeze = bool(rng.random() < 0.5) if freeze is None else freeze
    lr, n = float(rng.choice([0.05, 0.1, 0.3])), int(rng.integers(120, 260))
    return Case((_net(rng, dims), X, Y), {"learning_rate": lr, "num_iterations": n, "freeze_body": freeze},
                label=f"network {dims}, X ({dims[0]}, {m}), {n} iterations, learning_rate {lr}, freeze_body={freeze}")


def _fine_tune_stepwise(every=100, keep_b=False):
    """The reference run one iteration at a time: the cost recorded every ``every`` iterations, the biases kept."""
    def fine_tune(parameters, X, Y, learning_rate=0.1, num_iterations=1000, freeze_body=True):
        params, costs = parameters, []
        for i in range(num_iterations):
            new, (cost,) = tl.fine_tune(params, X, Y, learning_rate, 1, freeze_body)
            params = {**new, **{k: v for k, v in params.items() if keep_b and k.startswith("b")}}
            if i % every == 0:
                costs.append(cost)
        return params, costs
    return fine_tune


def _body_untouched(out: Any, case: Case) -> Optional[str]:
    if not case.kwargs.get("freeze_body", True) or not isinstance(out, (tuple, list)) or not out:
        return None
    params, given = out[0], case.args[0]
    if not isinstance(params, dict):
        return None
    L = len(given) // 2
    for l in range(1, L):
        for k in (f"W{l}", f"b{l}"):
            if k in params and not np.array_equal(np.asarray(params[k]), given[k]):
                return f"with freeze_body=True the body must stay exactly as given, but {k} changed"
    return None


register(Exercise(
    id="c3w2.fine_tune", outputs=("parameters", "costs"), random_case=_fine_tune_case, n_random=2, n_hidden_random=3,
    extra_check=_body_untouched,
    reference=lambda parameters, X, Y, learning_rate=0.1, num_iterations=1000, freeze_body=True: tl.fine_tune(
        parameters, X, Y, learning_rate, num_iterations, freeze_body),
    fixed_cases=[_fine_tune_case(np.random.default_rng(11), freeze=True),
                 _fine_tune_case(np.random.default_rng(12), freeze=False)],
    mistakes=[
        Mistake("body_trained", lambda *data, **kw: tl.fine_tune(*data, **{**kw, "freeze_body": False}),
                "with freeze_body=True update only the last layer, W^[L] and b^[L]: the body keeps the features "
                "learned on the first task."),
        Mistake("always_frozen", lambda *data, **kw: tl.fine_tune(*data, **{**kw, "freeze_body": True}),
                "with freeze_body=False update every layer l = 1 .. L (fine-tuning the whole network)."),
        Mistake("head_reinitialised", lambda p, X, Y, **kw: tl.fine_tune(_TRANSFER(p, Y.shape[0], 0), X, Y, **kw),
                "start from the parameters you are given: they already hold the new last layer (transfer_learning "
                "made it); fine_tune must not initialise anything."),
        Mistake("cost_every_iteration", _fine_tune_stepwise(every=1), "record the cost every 100 iterations only "
                "(when i % 100 == 0)."),
        Mistake("bias_fixed", _fine_tune_stepwise(keep_b=True), "update the biases of the trained layers too: b := b "
                "- learning_rate * db."),
    ],
))

# ======================================================== the case study: a car

ACTIONS = (
    "train a bigger network or train longer",
    "get more training data or regularise",
    "error analysis on dev frames, then make training data more like them",
    "error analysis on test frames, then make training data more like them",
    "get a bigger dev set",
)
SOURCES = ("car", "internet", "both")
TRAIN_DEV_SOURCES = ("car", "internet", "training mix")
CAR_WEB, CAR_APP, CAR_DEV, CAR_TEST, CAR_TRAIN_DEV = 480_000, 30_000, 7_500, 7_500, 7_500
CAR_DEV_ERROR = 0.08
CAR_ERRORS = (1.0, 2.0, 2.6, 8.0, 8.3)   # human, train, train-dev, dev, test (percent)


# ---- 1. where the car frames go

CAR_SPLIT_PLAN = {"dev": "car", "test": "car", "train_dev": "training mix",
                  "car_frames_in_training": float(CAR_APP - CAR_DEV - CAR_TEST)}
_PLAN_FORM = dict_form({"dev": one_of(SOURCES), "test": one_of(SOURCES), "train_dev": one_of(TRAIN_DEV_SOURCES),
                        "car_frames_in_training": count_check})
answer_exercise("c3w2.car_split_plan", CAR_SPLIT_PLAN, _PLAN_FORM, [
    ("shuffled", {**CAR_SPLIT_PLAN, "dev": "both", "test": "both"}, "shuffling internet and car frames together "
     "(option 1) fills dev and test with internet images: dev and test must come from the car's camera, the data the "
     "system will meet."),
    ("train_dev_from_car", {**CAR_SPLIT_PLAN, "train_dev": "car"}, "the train-dev set must have the training "
     "distribution (the mix of internet and car frames): it separates variance from data mismatch."),
    ("no_car_in_training", {**CAR_SPLIT_PLAN, "car_frames_in_training": 0.0}, "the 15,000 car frames not needed for "
     "dev and test belong in training (train + train-dev): keeping them all for dev, or leaving them out, wastes the "
     "most valuable training data."),
    ("test_differs", {**CAR_SPLIT_PLAN, "test": "internet"}, "dev and test must come from the same distribution, the "
     "car's camera: otherwise you tune for one target and are judged on another."),
    ("train_dev_from_car_frames", {**CAR_SPLIT_PLAN, "car_frames_in_training": 7_500.0},
     "the train-dev set is carved out of the training data, so its car frames still count as car frames used for "
     "training: 30,000 - 7,500 - 7,500 = 15,000."),
])

# ---- 2. error analysis of the car's dev errors

def _car_analysis(sum_union=False, product_union=False, reduction=False):
    table = ea.error_analysis_table(CAR_TAGS, CAR_CATEGORIES)
    first = max(table, key=table.get)
    M = ea.tag_matrix(CAR_TAGS, CAR_CATEGORIES)
    night, glare = M[:, CAR_CATEGORIES.index("night")], M[:, CAR_CATEGORIES.index("glare")]
    union = float(np.mean(night | glare))
    if sum_union:
        union = table["night"] + table["glare"]
    if product_union:
        union = 1 - (1 - table["night"]) * (1 - table["glare"])
    fixed = CAR_DEV_ERROR * (table[first] if reduction else 1 - table[first])
    return {"fractions": table, "first_direction": first, "error_if_fixed": fixed,
            "error_if_night_and_glare_fixed": CAR_DEV_ERROR * (1 - union)}


def _fractions_check(v):
    if type(v) is not dict or set(v) != set(CAR_CATEGORIES):
        return f"should be the dict error_analysis_table returns, with the keys {CAR_CATEGORIES}"
    bad = [k for k, x in v.items() if not is_number(x) or not 0 <= float(x) <= 1]
    if bad:
        return f"should hold fractions between 0 and 1; look at {bad}"
    return None


_ANALYSIS_FORM = dict_form({"fractions": _fractions_check, "first_direction": one_of(CAR_CATEGORIES),
                            "error_if_fixed": rate_check, "error_if_night_and_glare_fixed": rate_check})
answer_exercise("c3w2.car_error_analysis", _car_analysis(), _ANALYSIS_FORM, [
    ("union_as_sum", _car_analysis(sum_union=True), "the tags overlap (many night frames also have glare): a frame "
     "with both is one error, so use the fraction of frames tagged night OR glare, not the sum of the two fractions."),
    ("union_as_product", _car_analysis(product_union=True), "night and glare are not independent (headlights at night "
     "cause glare): count the frames tagged night or glare in the table instead of combining the two fractions."),
    ("ceiling_as_reduction", _car_analysis(reduction=True), "error_if_fixed is the error that is left, "
     "dev_error * (1 - fraction), not the drop dev_error * fraction."),
])

# ---- 3. what to work on

def _car_diagnosis(mismatch_from_train=False, action=ACTIONS[2]):
    gaps = ea.error_gaps(*CAR_ERRORS)
    if mismatch_from_train:
        gaps["data_mismatch"] = CAR_ERRORS[3] - CAR_ERRORS[1]
    return {"gaps": gaps, "focus": ea.diagnose_gaps(gaps), "next_step": action}


def _gaps_form(v):
    if type(v) is not dict or set(v) != set(ea.GAP_NAMES) | {"train_to_dev"}:
        return f"should be the dict error_gaps returns (keys {list(ea.GAP_NAMES) + ['train_to_dev']})"
    return None


def _focus_form(v):
    allowed = set(ea.GAP_NAMES) | {"ambiguous"}
    if type(v) is not list or not all(isinstance(x, str) and x in allowed for x in v):
        return f"should be the list diagnose_gaps returns, names from {sorted(allowed)}"
    return None


_DIAGNOSIS_FORM = dict_form({"gaps": _gaps_form, "focus": _focus_form, "next_step": one_of(ACTIONS)})
answer_exercise("c3w2.car_diagnosis", _car_diagnosis(), _DIAGNOSIS_FORM, [
    ("mismatch_from_train", _car_diagnosis(mismatch_from_train=True), "data mismatch is dev - train_dev (8.0 - 2.6), "
     "not dev - train: the train-dev set takes the variance out of it."),
    ("variance_action", _car_diagnosis(action=ACTIONS[1]), "more data of the training kind and regularisation fight "
     "variance (train -> train-dev: 0.6 points here); the big gap is data mismatch."),
    ("test_error_analysis", _car_diagnosis(action=ACTIONS[3]), "do error analysis on the dev set, never on the test "
     "set: the test set must stay an unbiased estimate of the final system."),
    ("bias_action", _car_diagnosis(action=ACTIONS[0]), "a bigger network fights avoidable bias (train - human: 1 "
     "point here); the big gap is data mismatch between internet images and the car's frames."),
])

# ---- 4. synthesising fog

FOG_ITEMS = {
    "overlaying 30 fog textures on 100,000 clear frames shows the network 100,000 kinds of fog": False,
    "the network may overfit to the 30 textures, even if the frames look realistic to people": True,
    "judge the idea by the error on the real foggy car frames of the dev set": True,
    "also put synthetic foggy frames into the dev and test sets, so that they match training": False,
    "many more distinct fog textures (or real foggy frames) make the synthetic fog cover more of real fog": True,
}
answer_exercise("c3w2.fog_synthesis", FOG_ITEMS, dict_form({k: bool_check for k in FOG_ITEMS}), [
    ("many_kinds", flipped(FOG_ITEMS, "100,000 kinds"), "30 textures are 30 kinds of fog, however many frames they "
     "are pasted on: the synthetic data covers a tiny corner of all the fog a car can meet."),
    ("synthetic_dev", flipped(FOG_ITEMS, "synthetic foggy frames into"), "dev and test must hold the data you care "
     "about, real car frames: synthetic fog there would measure how well you fit your own simulation."),
    ("no_overfit", flipped(FOG_ITEMS, "may overfit"), "a network can memorise 30 textures and learn to subtract them, "
     "without learning about fog: people cannot see that the fog repeats, the network can."),
    ("all_true", {k: True for k in FOG_ITEMS}, "two of the five statements are false: look again at the 100,000 kinds "
     "of fog and at the synthetic dev set."),
])

# ---- 5. the annotation log as a label matrix

CAR_LOG_Y = np.array([[1.0, 0.0, np.nan, 1.0, 0.0],     # pedestrian
                      [1.0, 1.0, 0.0, np.nan, 1.0],     # car
                      [np.nan, 0.0, 1.0, 0.0, np.nan],  # stop sign
                      [0.0, np.nan, np.nan, 1.0, 0.0]])  # traffic light
CAR_LOG_Y_HAT = np.array([[0.8, 0.3, 0.6, 0.7, 0.1],
                          [0.9, 0.6, 0.2, 0.5, 0.8],
                          [0.4, 0.1, 0.7, 0.3, 0.2],
                          [0.3, 0.5, 0.4, 0.6, 0.2]])


def _car_labels(nan_as_zero=False, norm="m"):
    Y = np.nan_to_num(CAR_LOG_Y, nan=0.0) if nan_as_zero else CAR_LOG_Y.copy()
    if norm == "entries":
        loss = mt.multitask_loss(CAR_LOG_Y_HAT, Y) * Y.shape[1] / Y.size
    else:
        loss = mt.multitask_loss(CAR_LOG_Y_HAT, Y, per_label=(norm == "labels"))
    return {"Y": Y, "loss": loss}


def _Y_form(v):
    if not isinstance(v, np.ndarray):
        return f"should be a numpy array of shape (4, 5), got {describe(v)}"
    if v.shape != (4, 5):
        extra = " (rows are the tasks, columns the frames)" if v.shape == (5, 4) else ""
        return f"has shape {v.shape}, expected (4, 5){extra}"
    if v.dtype.kind != "f":
        return "should be a float array (np.nan is a float): write the numbers as 1.0, 0.0 and np.nan"
    known = v[~np.isnan(v)]
    if np.any((known != 0) & (known != 1)):
        return "should hold only 0.0, 1.0 and np.nan"
    return None


def _loss_form(v):
    if not is_number(v) and not (isinstance(v, np.ndarray) and v.shape == ()):
        return f"should be a number, got {describe(v)}"
    if np.isnan(float(v)):
        return "is NaN: the loss must skip the '?' entries (see multitask_loss)"
    return None


answer_exercise("c3w2.car_labels", _car_labels(), dict_form({"Y": _Y_form, "loss": _loss_form}), [
    ("question_as_zero", _car_labels(nan_as_zero=True), "\"not checked\" is not \"no\": an unchecked entry is '?', "
     "np.nan, and stays out of the loss."),
    ("loss_by_entries", _car_labels(norm="entries"), "the loss follows the formula's 1/m, m = 5 frames: do not divide "
     "by the 20 entries."),
    ("loss_per_label", _car_labels(norm="labels"), "use the course's normalisation, 1/m (multitask_loss with "
     "per_label=False), not one per labelled entry."),
])

# ---- 6. transfer and multi-task decisions

TRANSFER_ITEMS = {
    "start from a network pre-trained on millions of internet photos, then fine-tune it on car frames": True,
    "with only 2,000 labelled car frames, retrain just the last layer (or the last few)": True,
    "a network pre-trained on speech recordings is a good start, since it saw even more data": False,
    "with 50 million labelled car frames, pre-training on internet photos would matter much less": True,
    "one network with four sigmoid outputs can replace four separate networks": True,
    "the four outputs (pedestrian, car, stop sign, traffic light) should go through one softmax": False,
    "multi-task learning can hurt when the shared network is too small": True,
}
answer_exercise("c3w2.car_transfer", TRANSFER_ITEMS, dict_form({k: bool_check for k in TRANSFER_ITEMS}), [
    ("speech_start", flipped(TRANSFER_ITEMS, "speech"), "transfer needs the same kind of input x: features learned "
     "from sound do not help a camera network, however much speech there was."),
    ("softmax", flipped(TRANSFER_ITEMS, "softmax"), "one frame can hold a pedestrian *and* a stop sign: a softmax "
     "picks one class, so use an independent sigmoid per output."),
    ("big_data_still_needs", flipped(TRANSFER_ITEMS, "50 million"), "transfer helps most when task A has much more "
     "data than task B; with 50 million car frames of its own, training on them directly gets most of the way."),
    ("small_net_never_hurts", flipped(TRANSFER_ITEMS, "too small"), "multi-task learning rarely hurts *if the network "
     "is big enough*; a too-small shared network has to trade one task against another."),
])
