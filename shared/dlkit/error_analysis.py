"""Error analysis and mismatched data (Course 3 Week 2): the arithmetic behind the decisions.

Error rates are fractions (0.10 for 10 %) or percentages: every function here is
plain arithmetic, so the answers come back in the unit the inputs were given in.

**Error analysis.** Take about 100 misclassified dev examples and tag each with
the reasons that apply (a dog, a great cat, blurry, ...). One example may carry
several tags, or none. ``error_analysis_table(tags, categories)`` gives, per
category, the fraction of the misclassified examples that carry its tag (the
spreadsheet's "% of total" row; the fractions may add up to more than 1).
Fixing a category completely removes at most that fraction of the errors, so the
best dev error you can hope for is

    ceiling(dev_error, fraction) = dev_error * (1 - fraction).

**Incorrectly labelled dev examples.** ``mislabeled_share(dev_error, label_error)``
splits the dev error into the part caused by wrong labels and the rest, and says
what share of the errors the labels explain. The label error is a property of
the dev set, not of the model: as the model improves, the share grows.

**Training and testing on different distributions.** ``mismatched_split`` gives
the expected make-up (web / app examples) of the train, train-dev, dev and test
sets, either when everything is shuffled together (the course's option 1) or
when dev and test come from the app data only (option 2).

**Bias, variance and data mismatch.** With a train-dev set (same distribution as
training, not trained on), ``error_gaps`` splits the distance from human-level to
test error into

    avoidable bias = train - human        variance = train-dev - train
    data mismatch  = dev - train-dev      overfitting to dev = test - dev

Gaps may be negative (a dev set easier than the training data gives a negative
data mismatch). ``diagnose_gaps`` names the gaps worth working on.
"""
from __future__ import annotations

import numbers
from typing import Iterable, Mapping, Sequence

import numpy as np

from ._validate import expect_int

__all__ = [
    "tag_matrix", "error_analysis_table", "ceiling", "mislabeled_share", "mismatched_split",
    "mismatched_split_indices", "error_gaps", "diagnose_gaps", "GAP_NAMES", "make_tag_table",
    "cat_spreadsheet", "CAT_CATEGORIES", "car_dev_errors", "CAR_CATEGORIES",
]

GAP_NAMES = ("avoidable_bias", "variance", "data_mismatch", "dev_overfit")


# ------------------------------------------------------------------ error analysis

def _check_tags(tags) -> list:
    if isinstance(tags, (str, bytes)) or not isinstance(tags, Sequence):
        raise ValueError("`tags` must be a list with one entry per misclassified example, each a list of tag "
                         f"names (e.g. [['dog'], ['blurry', 'instagram'], []]), got {type(tags).__name__}")
    rows = []
    for i, row in enumerate(tags):
        if isinstance(row, str):
            raise ValueError(f"`tags[{i}]` is the string {row!r}: each example's tags must be a list of names, "
                             f"e.g. [{row!r}]")
        if not isinstance(row, Iterable):
            raise ValueError(f"`tags[{i}]` must be a list of tag names, got {type(row).__name__}")
        rows.append(list(row))
    if not rows:
        raise ValueError("`tags` is empty: error analysis needs at least one misclassified example")
    return rows


def tag_matrix(tags, categories) -> np.ndarray:
    """The spreadsheet as a boolean matrix of shape (n_errors, n_categories).

    tags -- one entry per misclassified dev example, each a list of tag names
            (an example may carry several tags, or none)
    categories -- the column names, in order

    Entry [i, j] is True when example i carries the tag ``categories[j]``. A tag
    that is not among ``categories`` raises a ValueError (a typo would otherwise
    be silently dropped).
    """
    rows = _check_tags(tags)
    categories = list(categories)
    if len(set(categories)) != len(categories):
        raise ValueError(f"`categories` has repeated names: {categories}")
    index = {c: j for j, c in enumerate(categories)}
    M = np.zeros((len(rows), len(categories)), dtype=bool)
    for i, row in enumerate(rows):
        for t in row:
            if t not in index:
                raise ValueError(f"example {i} has the tag {t!r}, which is not one of the categories {categories}")
            M[i, index[t]] = True
    return M


def error_analysis_table(tags, categories) -> dict:
    """Fraction of the misclassified examples that carry each category's tag.

    tags -- list of n_errors entries, each a list of tag names (overlaps allowed)
    categories -- list of the category names (the spreadsheet's columns)

    Returns a dict {category: fraction}, fraction = (number of examples with that
    tag) / n_errors, a float in [0, 1]. Examples without any tag still count in
    n_errors; the fractions may sum to more than 1 because tags overlap.
    """
    M = tag_matrix(tags, categories)
    fractions = M.mean(axis=0)
    return {c: float(f) for c, f in zip(categories, fractions)}


def ceiling(dev_error, fraction):
    """Best-case dev error after fixing a category completely: ``dev_error * (1 - fraction)``.

    dev_error -- the current dev error (a number, e.g. 0.10)
    fraction -- the fraction of the misclassified examples in the category (a number in
                [0, 1], or an array of them, one per category)

    Returns a float, or an array of the shape of ``fraction``.
    """
    f = np.asarray(fraction, dtype=float)
    if np.any((f < 0) | (f > 1)) or np.any(np.isnan(f)):
        raise ValueError(f"`fraction` is a share of the misclassified examples, between 0 and 1; got {fraction!r}")
    e = float(dev_error)
    if not 0 <= e:
        raise ValueError(f"`dev_error` must be a non-negative error rate; got {dev_error!r}")
    out = e * (1.0 - f)
    return float(out) if out.ndim == 0 else out


# ------------------------------------------------------- incorrectly labelled data

def mislabeled_share(dev_error, label_error, rival_error=None) -> dict:
    """How much of the dev error comes from wrong labels.

    dev_error -- the classifier's overall dev error (e.g. 0.10)
    label_error -- the error caused by incorrectly labelled dev examples, as a fraction
                   of all dev examples (e.g. 0.006: 6 % of the errors when the error is 10 %)
    rival_error -- optional: the dev error of a second classifier to compare with

    Returns a dict:
    "label_error" -- label_error
    "other_error" -- dev_error - label_error, the error due to everything else
    "share" -- label_error / dev_error, the share of the errors due to wrong labels
    "fix_labels" -- with a rival: True when the two classifiers' gap |dev_error - rival_error|
                    is at most label_error (wrong labels could flip the comparison, so
                    fix the dev labels first); None without a rival
    """
    e, le = float(dev_error), float(label_error)
    if e <= 0:
        raise ValueError(f"`dev_error` must be positive to split it; got {dev_error!r}")
    if not 0 <= le <= e:
        raise ValueError(f"`label_error` is part of the dev error: it must lie in [0, dev_error = {e}], got {le}")
    fix = None if rival_error is None else bool(abs(e - float(rival_error)) <= le)
    return {"label_error": le, "other_error": e - le, "share": le / e, "fix_labels": fix}


# ---------------------------------------------------------- mismatched distributions

def _count(name, value) -> int:
    return expect_int(name, value, min=0, what="a number of examples")


def mismatched_split(n_web, n_app, n_dev, n_test, n_train_dev=0, shuffle_all=False) -> dict:
    """Expected number of web and app examples in each part of a split.

    n_web -- examples from the big, other distribution (web images, purchased audio)
    n_app -- examples from the distribution you care about (the app, the car, the mirror)
    n_dev, n_test -- sizes of the dev and test sets
    n_train_dev -- size of the train-dev set: carved at random out of the training data
                   (same distribution as training, never trained on); 0 for none
    shuffle_all -- True: the course's option 1, all examples shuffled together and split at
                   random; False: option 2, dev and test are app examples only and the app
                   examples left over join the web examples in training

    Returns {"train": {"web": .., "app": ..}, "train_dev": {...}, "dev": {...}, "test": {...}},
    expected counts as floats (random carving gives fractional expectations).
    """
    n_web, n_app = _count("n_web", n_web), _count("n_app", n_app)
    n_dev, n_test, n_td = _count("n_dev", n_dev), _count("n_test", n_test), _count("n_train_dev", n_train_dev)
    total = n_web + n_app
    if shuffle_all:
        n_train = total - n_dev - n_test - n_td
        if n_train < 0:
            raise ValueError(f"dev + test + train-dev ({n_dev + n_test + n_td}) exceed the {total} examples")
        sizes = {"train": n_train, "train_dev": n_td, "dev": n_dev, "test": n_test}
        return {k: {"web": n * n_web / total, "app": n * n_app / total} for k, n in sizes.items()}
    app_left = n_app - n_dev - n_test
    if app_left < 0:
        raise ValueError(f"dev and test need {n_dev + n_test} app examples but there are only {n_app}")
    pool = n_web + app_left
    if n_td > pool:
        raise ValueError(f"the train-dev set ({n_td}) cannot be larger than the training data ({pool})")
    n_train = pool - n_td
    return {
        "train": {"web": n_train * n_web / pool, "app": n_train * app_left / pool},
        "train_dev": {"web": n_td * n_web / pool, "app": n_td * app_left / pool},
        "dev": {"web": 0.0, "app": float(n_dev)},
        "test": {"web": 0.0, "app": float(n_test)},
    }


def mismatched_split_indices(n_web, n_app, n_dev, n_test, n_train_dev=0, shuffle_all=False, seed=0) -> dict:
    """The split itself: index arrays into the examples ``[web examples, then app examples]``.

    Same arguments as ``mismatched_split``; returns {"train", "train_dev", "dev", "test"} ->
    int arrays (web examples are 0 .. n_web-1, app examples n_web .. n_web+n_app-1). The
    parts are disjoint and together hold every example once. Shuffling uses
    ``np.random.RandomState(seed)``.
    """
    expected = mismatched_split(n_web, n_app, n_dev, n_test, n_train_dev, shuffle_all)  # validates
    del expected
    rng = np.random.RandomState(seed)
    n_web, n_app = int(n_web), int(n_app)
    if shuffle_all:
        order = rng.permutation(n_web + n_app)
        dev, test = order[:n_dev], order[n_dev:n_dev + n_test]
        rest = order[n_dev + n_test:]
    else:
        app = n_web + rng.permutation(n_app)
        dev, test = app[:n_dev], app[n_dev:n_dev + n_test]
        rest = rng.permutation(np.concatenate([np.arange(n_web), app[n_dev + n_test:]]))
    return {"train": rest[n_train_dev:], "train_dev": rest[:n_train_dev], "dev": dev, "test": test}


# ------------------------------------------------------ bias, variance, mismatch

def _rate(name, value, optional=False):
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise ValueError(f"`{name}` must be an error rate (a number){' or None' if optional else ''}, got {value!r}")
    return float(value)


def error_gaps(human, train, train_dev, dev, test=None) -> dict:
    """The gaps between consecutive error levels (human -> train -> train-dev -> dev -> test).

    human -- human-level error (the proxy for Bayes error)
    train, dev -- training and dev errors
    train_dev -- error on the train-dev set, or None when there is no train-dev set
    test -- test error, or None

    Returns {"avoidable_bias": train - human, "variance": train_dev - train,
    "data_mismatch": dev - train_dev, "dev_overfit": test - dev, "train_to_dev": dev - train},
    floats; "variance" and "data_mismatch" are None without a train-dev error, "dev_overfit"
    None without a test error. "train_to_dev" is variance + data mismatch together, the only
    one of the two you know without a train-dev set. Gaps may be negative.
    """
    h, tr, d = _rate("human", human), _rate("train", train), _rate("dev", dev)
    td, te = _rate("train_dev", train_dev, optional=True), _rate("test", test, optional=True)
    return {
        "avoidable_bias": tr - h,
        "variance": None if td is None else td - tr,
        "data_mismatch": None if td is None else d - td,
        "dev_overfit": None if te is None else te - d,
        "train_to_dev": d - tr,
    }


def diagnose_gaps(gaps: Mapping, ratio: float = 0.5) -> list:
    """The problems worth working on: every positive gap at least ``ratio`` times the largest.

    gaps -- a dict as returned by ``error_gaps``
    ratio -- how close to the largest gap a gap must be to count (0.5: at least half of it)

    Returns a list of names in the order avoidable_bias, variance, data_mismatch, dev_overfit.
    Without a train-dev set (variance and data_mismatch None), gaps["train_to_dev"] (variance
    and data mismatch together) stands in for both: when it is large enough to count, the list
    holds "ambiguous" in their place (variance or data mismatch? build a train-dev set to tell).
    Gaps that are None are skipped; an empty list means no gap is positive.
    """
    if not isinstance(gaps, Mapping) or "avoidable_bias" not in gaps:
        raise ValueError(f"`gaps` must be the dict that error_gaps returns (keys {list(GAP_NAMES)}), got {gaps!r}")
    if not 0 < ratio <= 1:
        raise ValueError(f"`ratio` must be in (0, 1], got {ratio!r}")
    values = {k: gaps.get(k) for k in GAP_NAMES}
    if values["variance"] is None or values["data_mismatch"] is None:
        values = {"avoidable_bias": values["avoidable_bias"], "ambiguous": gaps.get("train_to_dev"),
                  "dev_overfit": values["dev_overfit"]}
    known = {k: float(v) for k, v in values.items() if v is not None}
    if not known:
        return []
    largest = max(known.values())
    if largest <= 0:
        return []
    return [k for k, v in known.items() if v > 0 and v >= ratio * largest]


# ------------------------------------------------------------- example tables

CAT_CATEGORIES = ("dog", "great cat", "blurry", "instagram filter", "incorrectly labeled")


def make_tag_table(n_rows: int, counts: Mapping[str, int], seed: int = 0, fixed_rows: Mapping[int, Sequence] = None,
                   exclusive: Sequence[Sequence[str]] = ()) -> list:
    """A table of ``n_rows`` tagged examples in which tag ``c`` appears exactly ``counts[c]`` times.

    fixed_rows -- {row index: list of tags} rows given in advance (counted in ``counts``)
    exclusive -- groups of tags that never appear together in one row
    The other rows' tags are drawn with ``np.random.RandomState(seed)``; rows may get no tag.
    Returns a list of ``n_rows`` lists of tag names.
    """
    rng = np.random.RandomState(seed)
    rows = [[] for _ in range(n_rows)]
    fixed_rows = dict(fixed_rows or {})
    for i, t in fixed_rows.items():
        rows[i] = list(t)
    free = [i for i in range(n_rows) if i not in fixed_rows]
    for c, k in counts.items():
        need = int(k) - sum(c in rows[i] for i in fixed_rows)
        blocked = {t for g in exclusive if c in g for t in g if t != c}
        candidates = [i for i in free if not blocked.intersection(rows[i])]
        if need < 0 or need > len(candidates):
            raise ValueError(f"cannot place tag {c!r} {k} times in {n_rows} rows")
        for i in sorted(rng.choice(candidates, size=need, replace=False)):
            rows[i].append(c)
    order = {c: j for j, c in enumerate(counts)}
    return [sorted(r, key=lambda t: order.get(t, len(order))) for r in rows]


def cat_spreadsheet():
    """The course's spreadsheet: 100 misclassified dev images of a cat classifier, tagged.

    Counts (out of 100): dog 8, great cat 43, blurry 61, instagram filter 12,
    incorrectly labeled 6. Row 1 is a dog (a pitbull), row 2 blurry with an
    Instagram filter, row 3 a great cat and blurry (a rainy day at the zoo); rows 98
    and 100 are incorrectly labelled (a cat missed in the background, a drawing of a
    cat), row 99 is a great cat. A dog is never tagged a great cat.

    Returns (tags, categories): a list of 100 lists of tag names and the category names.
    """
    fixed = {0: ["dog"], 1: ["blurry", "instagram filter"], 2: ["great cat", "blurry"],
             97: ["incorrectly labeled"], 98: ["great cat"], 99: ["incorrectly labeled"]}
    counts = dict(zip(CAT_CATEGORIES, (8, 43, 61, 12, 6)))
    tags = make_tag_table(100, counts, seed=7, fixed_rows=fixed,
                          exclusive=[("dog", "great cat"), ("dog", "incorrectly labeled"),
                                     ("great cat", "incorrectly labeled")])
    return tags, list(CAT_CATEGORIES)


CAR_CATEGORIES = ("night", "rain", "glare", "small object", "mislabeled")


def car_dev_errors():
    """The notebook's case study: 200 misclassified dev frames of a car's camera, tagged.

    Counts (out of 200): night 92 (46 %), rain 38 (19 %), glare 54 (27 %), small object
    70 (35 %), mislabeled 8 (4 %). Headlights make glare common at night: the first 30
    frames are tagged both night and glare. A mislabeled frame carries no other tag.

    Returns (tags, categories): a list of 200 lists of tag names and the category names.
    """
    fixed = {i: ["night", "glare"] for i in range(30)}
    counts = dict(zip(CAR_CATEGORIES, (92, 38, 54, 70, 8)))
    others = [c for c in CAR_CATEGORIES if c != "mislabeled"]
    tags = make_tag_table(200, counts, seed=11, fixed_rows=fixed,
                          exclusive=[("mislabeled", c) for c in others])
    return tags, list(CAR_CATEGORIES)
