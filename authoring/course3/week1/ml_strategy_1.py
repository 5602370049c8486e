# %% [markdown]
# # ML strategy (1): one number to optimise, and how far there is to go
#
# *Course 3, Week 1 ("Structuring Machine Learning Projects"): a companion notebook.*
#
# This week of the course has no programming assignment: it is about **decisions**.
# Which number tells you that one model is better than another? Which examples go
# into the dev and test sets, and how many? When must the metric itself change? And,
# once a model is trained, should the next weeks go into fitting the training set
# better or into generalising better?
#
# Each of these decisions rests on a little arithmetic. In this notebook you write
# that arithmetic as six small functions, checked like every other exercise:
#
# 1. `precision_recall_f1`: precision, recall and their single-number summary, F1;
# 2. `pick_classifier`: one **optimizing** metric, the others **satisficing**;
# 3. `split_sizes`: how big the train, dev and test sets should be;
# 4. `weighted_error`: a metric that counts some mistakes more than others;
# 5. `avoidable_bias_and_variance`: the two gaps measured from human-level performance;
# 6. `next_focus`: bias, variance, or "unclear" once the model is past human level.
#
# Then you use them twice. First on a simulated task whose **Bayes error is known
# exactly**, with simulated human labelers and a real model trained with `dlkit`.
# Then in a **case study**, a city's detector for an endangered bird, where every
# decision of the week comes back and you answer it in code.
#
# **Units.** Errors may be fractions (0.05) or percent (5): the functions do not care,
# as long as all the numbers of one call use the same unit. The course's tables are in
# percent, so most examples here are too. Floating-point subtraction is not exact
# (0.8 − 0.6 = 0.20000000000000007), so the checks compare numbers with a small
# tolerance, as `np.isclose` does.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit import logistic
from dlkit.strategy import (KNOBS, REMEDIES, avoidable_bias_range, bayes_classifier, error_rate,
                            gaussian_bayes_error, labeler_error, linear_combined_metric,
                            make_gaussian_classes, proportion_gap, simulate_labeler)

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 0. Orthogonalization: one knob per problem
#
# An old television set has separate knobs for the picture's height, width and
# position. Each knob does one thing, so tuning it is easy. A knob that changed
# height *and* width at once would make tuning much harder. The course asks the same
# of the tools we use on a learning system. A supervised model has to pass four tests,
# in this order, and each test has its own knobs:

# %% kind="locked"
print(f"{'the model ...':<28}{'if not, turn this knob'}")
print("-" * 74)
for assumption, knob in KNOBS.items():
    print(f"{assumption:<28}{knob}")

# %% [markdown]
# (supplement) Early stopping is an example of a knob that turns two things at once: it
# changes how well the training set is fitted *and* how well the model generalises, which
# is why the course prefers other knobs.
#
# The rest of the week is about the measurements that tell you **which** knob to turn.
#
# ## 1. A single-number evaluation metric
#
# Progress in machine learning is a loop: idea, code, experiment, and again. The loop
# runs faster when one number, measured on the dev set, says which of two models is
# better. Suppose a classifier labels $m$ dev examples. Count its hits and misses:
#
# | | actually 1 | actually 0 |
# |---|---|---|
# | **predicted 1** | true positives $TP$ | false positives $FP$ |
# | **predicted 0** | false negatives $FN$ | true negatives $TN$ |
#
# * **Precision**: of the examples predicted positive, the fraction that are positive,
#   $p = \dfrac{TP}{TP + FP}$.
# * **Recall**: of the positive examples, the fraction that were found,
#   $r = \dfrac{TP}{TP + FN}$.
#
# Two numbers do not rank models: classifier A may have the better precision and B
# the better recall. The **F1 score** combines them into one. It is their *harmonic*
# mean,
#
# $$F_1 = \frac{2}{\frac{1}{p} + \frac{1}{r}} = \frac{2\,p\,r}{p + r},$$
#
# which stays close to the smaller of the two, so a classifier cannot make up for a
# poor recall with a great precision.
#
# **Exercise.** Implement `precision_recall_f1(y_true, y_pred)`. The labels are 0/1,
# as a row of shape $(1, m)$ or a vector of shape $(m,)$. Count $TP$, $FP$ and $FN$ with
# `np.sum` over boolean conditions. Return three fractions (0.95, not 95). When a
# denominator is 0 (nothing predicted positive, no positive label, or $p + r = 0$), that
# ratio is 0.

# %% id="precision_recall_f1" kind="solution"
def precision_recall_f1(y_true, y_pred):
    """Precision, recall and F1 of binary predictions.

    Arguments:
    y_true -- true labels 0/1, shape (1, m) or (m,)
    y_pred -- predicted labels 0/1, same shape

    Returns:
    (precision, recall, f1) -- three floats in [0, 1]; a ratio with a zero denominator is 0.0
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    tp = np.sum((y_pred == 1) & (y_true == 1))
    fp = np.sum((y_pred == 1) & (y_true == 0))
    fn = np.sum((y_pred == 0) & (y_true == 1))
    precision = float(tp / (tp + fp)) if tp + fp > 0 else 0.0
    recall = float(tp / (tp + fn)) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    ### END SOLUTION
    return precision, recall, f1


# %% id="precision_recall_f1_test" kind="test" points=2
check("c3w1.precision_recall_f1", precision_recall_f1)
### BEGIN HIDDEN TESTS
check("c3w1.precision_recall_f1", precision_recall_f1, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The course's two cat classifiers. We rebuild label rows with exactly their counts
# (A: 171 true positives, 9 false positives, 19 false negatives; B: 833, 17 and 147) and
# let your function measure them. The last column is the plain average of $p$ and $r$:
# here it picks the same winner, but it is not the F1 score.

# %% kind="locked"
def labels_from_counts(tp, fp, fn, tn):
    """Rows y_true, y_pred (1, m) with the given confusion counts."""
    y_true = np.repeat([1.0, 0.0, 1.0, 0.0], [tp, fp, fn, tn]).reshape(1, -1)
    y_pred = np.repeat([1.0, 1.0, 0.0, 0.0], [tp, fp, fn, tn]).reshape(1, -1)
    return y_true, y_pred


cat_classifiers = {"A": labels_from_counts(171, 9, 19, 801), "B": labels_from_counts(833, 17, 147, 1003)}
f1_of = {}
print(f"{'classifier':<12}{'precision':>10}{'recall':>9}{'F1':>12}{'(p + r) / 2':>13}")
for name, (y_true, y_pred) in cat_classifiers.items():
    p, r, f1 = precision_recall_f1(y_true, y_pred)
    f1_of[name] = f1
    print(f"{name:<12}{p:>10.2%}{r:>9.2%}{f1:>12.7f}{(p + r) / 2:>13.4f}")
print("best F1:", max(f1_of, key=f1_of.get))

assert np.isclose(f1_of["A"], 0.9243243, atol=1e-7) and np.isclose(f1_of["B"], 0.9103825, atol=1e-7)
assert max(f1_of, key=f1_of.get) == "A"

# %% [markdown]
# ## 2. Optimizing and satisficing metrics
#
# Sometimes one number cannot say everything you care about. The course's example:
#
# | classifier | accuracy | running time |
# |---|---|---|
# | A | 90 % | 80 ms |
# | B | 92 % | 95 ms |
# | C | 95 % | 1,500 ms |
#
# One could fold both into a single formula, e.g. $\text{accuracy} - 0.5 \times
# \text{running time}$, but such a formula is arbitrary: it even depends on the units.
# With accuracy in percent and time in milliseconds it ranks A first; with accuracy as a
# fraction and time in seconds it ranks B first:

# %% kind="locked"
names_abc = ["A", "B", "C"]
acc_percent, time_ms = np.array([90.0, 92.0, 95.0]), np.array([80.0, 95.0, 1500.0])
in_percent_ms = linear_combined_metric(acc_percent, time_ms, 0.5)
in_fraction_s = linear_combined_metric(acc_percent / 100, time_ms / 1000, 0.5)
print(f"{'':<3}{'accuracy % - 0.5 x ms':>24}{'accuracy - 0.5 x s':>22}")
for i, name in enumerate(names_abc):
    print(f"{name:<3}{in_percent_ms[i]:>24.2f}{in_fraction_s[i]:>22.4f}")
print("winner:", names_abc[int(np.argmax(in_percent_ms))], "in % and ms,",
      names_abc[int(np.argmax(in_fraction_s))], "as a fraction and in s")
assert names_abc[int(np.argmax(in_percent_ms))] == "A" and names_abc[int(np.argmax(in_fraction_s))] == "B"

# %% [markdown]
# The course's way out: choose **one optimizing metric**, to be as good as possible, and
# make the others **satisficing**: each only has to be good enough, below a threshold
# (with $N$ metrics: 1 optimizing, $N - 1$ satisficing). "Maximise accuracy, subject to a
# running time of at most 100 ms" picks B: C is more accurate but too slow, and among
# the fast enough ones B is the most accurate. A wake-word detector ("Hey device...") is
# tuned the same way: maximise accuracy subject to at most one false wake-up per 24 hours.
#
# **Exercise.** Implement `pick_classifier(optimizing, satisficing, thresholds, maximize=True)`.
#
# * `optimizing` has shape $(n,)$: one value per classifier;
# * `satisficing` has shape $(k, n)$: row $j$ holds metric $j$ for every classifier, and
#   classifier $i$ meets it when `satisficing[j, i] <= thresholds[j]` (a value *equal* to
#   the threshold is good enough);
# * a classifier is **feasible** when it meets all $k$ thresholds.
#
# Return the index (an `int`) of the feasible classifier with the largest optimizing value
# (the smallest when `maximize=False`, e.g. for an error), the lowest index on ties
# (`np.argmax` does that), and `None` when no classifier is feasible. Hint: set the
# optimizing value of the infeasible classifiers to $-\infty$ before `np.argmax`, so that
# the index you get is an index of the *original* list.

# %% id="pick_classifier" kind="solution"
def pick_classifier(optimizing, satisficing, thresholds, maximize=True):
    """Index of the best feasible classifier.

    Arguments:
    optimizing -- array (n,), the optimizing metric of each classifier
    satisficing -- array (k, n), k satisficing metrics; classifier i meets metric j when
                   satisficing[j, i] <= thresholds[j]
    thresholds -- array (k,), the largest acceptable value of each satisficing metric
    maximize -- True if a larger optimizing value is better, False if a smaller one is

    Returns:
    index -- an int, the chosen classifier (lowest index on ties), or None if none is feasible
    """
    ### BEGIN SOLUTION
    optimizing = np.asarray(optimizing, dtype=float)
    satisficing = np.asarray(satisficing, dtype=float).reshape(-1, optimizing.size)
    thresholds = np.asarray(thresholds, dtype=float).reshape(-1, 1)
    feasible = np.all(satisficing <= thresholds, axis=0)
    if not np.any(feasible):
        return None
    score = optimizing if maximize else -optimizing
    index = int(np.argmax(np.where(feasible, score, -np.inf)))
    ### END SOLUTION
    return index


# %% id="pick_classifier_test" kind="test" points=2
check("c3w1.pick_classifier", pick_classifier)
### BEGIN HIDDEN TESTS
check("c3w1.pick_classifier", pick_classifier, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Your function on the course's two examples (the wake-word numbers are ours):

# %% kind="locked"
best = pick_classifier(acc_percent, [time_ms], [100.0])
print(f"max accuracy subject to time <= 100 ms: classifier {names_abc[best]}")
assert names_abc[best] == "B"

wake_names = ["W1", "W2", "W3", "W4"]
wake_accuracy = np.array([0.970, 0.985, 0.990, 0.960])
false_wakeups_per_day = np.array([0.8, 1.0, 3.0, 0.2])
print(f"\n{'detector':<10}{'accuracy':>9}{'false wake-ups / 24 h':>24}")
for name, a, fp in zip(wake_names, wake_accuracy, false_wakeups_per_day):
    print(f"{name:<10}{a:>9.1%}{fp:>24.1f}")
best = pick_classifier(wake_accuracy, [false_wakeups_per_day], [1.0])
print(f"max accuracy subject to at most 1 false wake-up per day: {wake_names[best]}")
assert wake_names[best] == "W2"

# %% [markdown]
# ## 3. Train, dev and test sets
#
# The dev set and the metric together are the **target** the team aims at, for
# months. Two rules follow.
#
# **Same distribution.** Dev and test must come from the same distribution, and it must
# be the data you expect in the future and care about. The course's warning: a team
# with data from eight regions (US, UK, other Europe, South America, India, China, other
# Asia, Australia) puts four regions in the dev set and the other four in the test set.
# After months of aiming at the dev set, they are judged on a different target. In
# another story, a loan model was tuned on applicants from medium-income zip codes and
# then tested on low-income ones: about three months of work were lost. The remedy is to
# shuffle all the data and then draw dev and test from the same pool.
#
# A quick check of a split compares the share of each region in the dev and in the
# test set. `proportion_gap(dev_regions, test_regions)` (from `dlkit.strategy`) adds up the
# differences between the two shares over all regions and halves the sum: the fraction
# of one set that would have to come from other regions to match the other. It is 0 for
# the same mix and 1 when the two sets have no region in common.

# %% kind="locked"
regions = ["US", "UK", "other Europe", "South America", "India", "China", "other Asia", "Australia"]
rng = np.random.default_rng(0)
region_of = rng.integers(0, 8, size=8000)          # the region of each of 8,000 examples

by_region_dev = region_of[region_of < 4][:1000]    # dev: the first four regions
by_region_test = region_of[region_of >= 4][:1000]  # test: the other four
shuffled = rng.permutation(region_of)
shuffled_dev, shuffled_test = shuffled[:1000], shuffled[1000:2000]

gap_bad, gap_good = proportion_gap(by_region_dev, by_region_test), proportion_gap(shuffled_dev, shuffled_test)
print(f"4 regions in dev, 4 in test: proportion gap = {gap_bad:.3f}")
print(f"shuffled, then split:        proportion gap = {gap_good:.3f}")
assert gap_bad == 1.0 and gap_good < 0.1

# %% [markdown]
# **Size.** The old rules of thumb, 70/30 (train/test) or 60/20/20 (train/dev/test), were
# sensible for 100, 1,000 or 10,000 examples. With a million examples, 1 % is 10,000
# examples, plenty to tell models apart, so the course suggests **98/1/1**. The test set
# only needs to be big enough to give confidence in the final system. (Some teams skip
# it and keep only train and dev; it works, but the course does not recommend it.)
#
# **Exercise.** Implement `split_sizes(m, fractions=None)`, which returns the number of
# examples in each part, as a tuple of ints.
#
# * When `fractions` is given (e.g. `(0.7, 0.3)` or `(0.6, 0.2, 0.2)`), use it.
# * When it is `None`, use the rule of thumb for $m$: `(0.6, 0.2, 0.2)` for
#   $m \le 10{,}000$; `(0.98, 0.01, 0.01)` for $m \le 1{,}000{,}000$; and
#   `(0.995, 0.0025, 0.0025)` beyond a million.
# * Every part except the first is `int(round(fraction * m))`. The first part, the
#   training set, takes the rest, so that the parts add up to exactly $m$.

# %% id="split_sizes" kind="solution"
def split_sizes(m, fractions=None):
    """Number of examples in each part of a split.

    Arguments:
    m -- the number of examples, a positive int
    fractions -- the shares of the parts, summing to 1, e.g. (0.6, 0.2, 0.2); None: the rule of thumb

    Returns:
    sizes -- a tuple of ints, one per part, adding up to m
    """
    ### BEGIN SOLUTION
    if fractions is None:
        if m <= 10_000:
            fractions = (0.6, 0.2, 0.2)
        elif m <= 1_000_000:
            fractions = (0.98, 0.01, 0.01)
        else:
            fractions = (0.995, 0.0025, 0.0025)
    rest = [int(round(f * m)) for f in fractions[1:]]
    sizes = (m - sum(rest), *rest)
    ### END SOLUTION
    return sizes


# %% id="split_sizes_test" kind="test" points=1
check("c3w1.split_sizes", split_sizes)
### BEGIN HIDDEN TESTS
check("c3w1.split_sizes", split_sizes, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
print(f"{'m':>12}{'train':>12}{'dev':>10}{'test':>10}")
for m in (100, 1_000, 10_000, 1_000_000, 5_000_000):
    train_n, dev_n, test_n = split_sizes(m)
    print(f"{m:>12,}{train_n:>12,}{dev_n:>10,}{test_n:>10,}")
assert split_sizes(100) == (60, 20, 20) and split_sizes(1_000_000) == (980_000, 10_000, 10_000)

# %% [markdown]
# ## 4. When to change the metric: weighted error
#
# A metric can be wrong. The course's example is a cat-photo app whose dev error is
#
# $$\text{error} = \frac{1}{m_{dev}} \sum_{i=1}^{m_{dev}} \mathbb{1}\{\hat y^{(i)} \ne y^{(i)}\}.$$
#
# Algorithm A has 3 % error but lets through pornographic images; algorithm B has 5 %
# error and lets none through. The metric prefers A, the users and the company prefer
# B. When the metric and the real preference disagree, **change the metric** (or the dev
# set). Here, give the images that must never be shown a large weight $w^{(i)}$ (10, or
# even 100) and every other image weight 1:
#
# $$\text{weighted error} = \frac{1}{\sum_i w^{(i)}} \sum_{i=1}^{m_{dev}} w^{(i)}\,
# \mathbb{1}\{\hat y^{(i)} \ne y^{(i)}\}.$$
#
# Dividing by $\sum_i w^{(i)}$ rather than by $m_{dev}$ keeps the error between 0 and 1. This
# is orthogonalization again: first decide *what* to measure (place the target), then,
# as a separate step, work out *how* to do well on it.
#
# **Exercise.** Implement `weighted_error(y_true, y_pred, w)`. All three arguments have the
# same shape, $(1, m)$ or $(m,)$. Return a float.

# %% id="weighted_error" kind="solution"
def weighted_error(y_true, y_pred, w):
    """Weighted misclassification rate.

    Arguments:
    y_true -- true labels 0/1, shape (1, m) or (m,)
    y_pred -- predicted labels 0/1, same shape
    w -- weights >= 0, same shape

    Returns:
    error -- sum_i w(i) [y_pred(i) != y_true(i)] / sum_i w(i), a float in [0, 1]
    """
    ### BEGIN SOLUTION
    wrong = (np.asarray(y_pred) != np.asarray(y_true)).astype(float)
    w = np.asarray(w, dtype=float)
    error = float(np.sum(w * wrong) / np.sum(w))
    ### END SOLUTION
    return error


# %% id="weighted_error_test" kind="test" points=2
check("c3w1.weighted_error", weighted_error)
### BEGIN HIDDEN TESTS
check("c3w1.weighted_error", weighted_error, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Our numbers for the course's story: 1,000 dev images, 20 of which must never be shown
# (weight 10). A shows all 20 of them and makes 10 other mistakes (30 errors, 3 %). B shows
# none and makes 50 other mistakes (5 %). With label 1 for "show the image":

# %% kind="locked"
m_dev, n_blocked = 1000, 20
rng = np.random.default_rng(3)
y_show = np.r_[np.zeros(n_blocked), rng.integers(0, 2, m_dev - n_blocked)].reshape(1, -1)
w_show = np.r_[np.full(n_blocked, 10.0), np.ones(m_dev - n_blocked)].reshape(1, -1)
pred_A, pred_B = y_show.copy(), y_show.copy()
pred_A[0, :n_blocked] = 1                                       # A shows the 20 blocked images ...
pred_A[0, n_blocked:n_blocked + 10] = 1 - pred_A[0, n_blocked:n_blocked + 10]  # ... and errs on 10 more
pred_B[0, n_blocked:n_blocked + 50] = 1 - pred_B[0, n_blocked:n_blocked + 50]  # B errs on 50 others

print(f"{'algorithm':<11}{'plain error':>12}{'weighted error':>16}")
weighted = {}
for name, pred in (("A", pred_A), ("B", pred_B)):
    weighted[name] = weighted_error(y_show, pred, w_show)
    plain = weighted_error(y_show, pred, np.ones_like(w_show))
    print(f"{name:<11}{plain:>12.3f}{weighted[name]:>16.6f}")
print("sum of the weights:", int(w_show.sum()), "-> A:", "210/1180,", "B:", "50/1180")
assert np.isclose(weighted["A"], 0.177966, atol=1e-6) and np.isclose(weighted["B"], 0.042373, atol=1e-6)

# %% [markdown]
# The ranking flips: with the weights, B is the better algorithm, as the users say.
#
# ## 5. Human-level performance, Bayes error and avoidable bias
#
# On many tasks, progress is fast until a model reaches human-level performance, and
# then slows down. Two reasons. For perception tasks (images, audio), people are very
# good, so human-level error is often close to the **Bayes (optimal) error**, the lowest
# error any function can reach: some audio is too noisy and some images too blurry for
# anyone to label. And while a model is worse than people, we can still get labels from
# people, look at *why* a person got an example right, and use human-level error to
# analyse bias and variance.
#
# That analysis uses human-level error as a **proxy for the Bayes error**:
#
# * **avoidable bias** $=$ training error $-$ human-level error: how much better the
#   model could fit its training set;
# * **variance** $=$ dev error $-$ training error: how much worse it does on examples it did
#   not train on.
#
# **Which human?** For a medical image task, the course lists: a typical person 3 %
# error, a typical doctor 1 %, an experienced doctor 0.7 %, a team of experienced doctors
# 0.5 %. The Bayes error is at most 0.5 %, since a team reaches it, so the proxy for
# the Bayes error is the **best** of the levels, their minimum. (To argue that a system
# is good enough to deploy, beating a typical doctor may be the relevant bar; for the
# bias/variance analysis it is the best level.)
#
# **Exercise.** Implement `avoidable_bias_and_variance(human_errors, train_error, dev_error)`.
# `human_errors` is a list of one or more human-level errors. Return a dict with the keys
# `"human_proxy"` (the minimum of `human_errors`), `"avoidable_bias"` and `"variance"`.
# Keep the sign: a training error below the proxy gives a *negative* avoidable bias.

# %% id="avoidable_bias_and_variance" kind="solution"
def avoidable_bias_and_variance(human_errors, train_error, dev_error):
    """The two gaps of the bias/variance analysis.

    Arguments:
    human_errors -- list of human-level errors (one or more)
    train_error -- the training error
    dev_error -- the dev error (same unit as the others)

    Returns:
    gaps -- dict with "human_proxy" (min of human_errors), "avoidable_bias" (train - proxy)
            and "variance" (dev - train), all floats
    """
    ### BEGIN SOLUTION
    human_proxy = float(np.min(human_errors))
    gaps = {"human_proxy": human_proxy,
            "avoidable_bias": float(train_error - human_proxy),
            "variance": float(dev_error - train_error)}
    ### END SOLUTION
    return gaps


# %% id="avoidable_bias_and_variance_test" kind="test" points=2
check("c3w1.avoidable_bias_and_variance", avoidable_bias_and_variance)
### BEGIN HIDDEN TESTS
check("c3w1.avoidable_bias_and_variance", avoidable_bias_and_variance, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The course's two scenarios: the same training and dev errors (8 % and 10 %) mean
# different things depending on the human level.

# %% kind="locked"
radiology = {"typical human": 3.0, "typical doctor": 1.0, "experienced doctor": 0.7,
             "team of experienced doctors": 0.5}
for who, err in radiology.items():
    print(f"{who:<30}{err:>5.1f} %")
proxy = avoidable_bias_and_variance(list(radiology.values()), 0.6, 0.8)["human_proxy"]
print(f"proxy for the Bayes error: {proxy} %\n")
assert proxy == 0.5

scenarios = {"A": ([1.0], 8.0, 10.0), "B": ([7.5], 8.0, 10.0)}
print(f"{'scenario':<10}{'human':>7}{'train':>7}{'dev':>6}{'avoidable bias':>16}{'variance':>10}")
for name, (human, train_err, dev_err) in scenarios.items():
    gaps = avoidable_bias_and_variance(human, train_err, dev_err)
    print(f"{name:<10}{human[0]:>7.1f}{train_err:>7.1f}{dev_err:>6.1f}"
          f"{gaps['avoidable_bias']:>16.1f}{gaps['variance']:>10.1f}")
assert np.allclose(list(avoidable_bias_and_variance([1.0], 8.0, 10.0).values()), [1.0, 7.0, 2.0])
assert np.allclose(list(avoidable_bias_and_variance([7.5], 8.0, 10.0).values()), [7.5, 0.5, 2.0])

# %% [markdown]
# In scenario A the model fits its training set 7 points worse than people do: reduce
# bias. In scenario B it is within 0.5 points of human level, and the 2 points between
# training and dev error are the bigger gap: reduce variance.
#
# When several human levels are plausible, the avoidable bias is a range. The course's
# table, with human levels 1 / 0.7 / 0.5 % (`avoidable_bias_range` from `dlkit.strategy`
# gives the range; your function gives the gap from the best level):

# %% kind="locked"
team = [1.0, 0.7, 0.5]
table = {"A": (team, 5.0, 6.0), "B": (team, 1.0, 5.0), "C": ([0.5], 0.7, 0.8)}
print(f"{'':<3}{'human':>15}{'train':>7}{'dev':>6}{'bias range':>13}{'bias from best':>16}{'variance':>10}")
for name, (human, train_err, dev_err) in table.items():
    lo, hi = avoidable_bias_range(human, train_err)
    gaps = avoidable_bias_and_variance(human, train_err, dev_err)
    levels = " / ".join(f"{h:g}" for h in human)
    print(f"{name:<3}{levels:>15}{train_err:>7.1f}{dev_err:>6.1f}{f'{lo:.1f} - {hi:.1f}':>13}"
          f"{gaps['avoidable_bias']:>16.2f}{gaps['variance']:>10.2f}")
c_gaps = avoidable_bias_and_variance([0.5], 0.7, 0.8)
assert np.isclose(c_gaps["avoidable_bias"], 0.2) and np.isclose(c_gaps["variance"], 0.1)

# %% [markdown]
# Row C is the hard one. The model is already close to human level, so only the best
# level (0.5 %) gives a useful answer: 0.2 points of avoidable bias against 0.1 of
# variance. The closer a model gets to human level, the more it matters which human
# level you measure against.
#
# ## 6. What to work on next
#
# The course's rule compares the two gaps: if the avoidable bias is larger than the
# variance, work on **bias** (a bigger model, longer training, a better optimiser such as
# momentum, RMSprop or Adam, a better architecture or other hyperparameters); otherwise
# work on **variance** (more data, regularisation such as L2, dropout or data
# augmentation, a better architecture or other hyperparameters).
#
# Past human level the rule runs out. With a team at 0.5 %, a model at 0.3 % training
# and 0.4 % dev error might be overfitting by 0.2 points, or the Bayes error might be
# 0.1, 0.2 or 0.3 %: nobody can tell. The course calls this losing the clear signal of
# where to go next, and ML has passed human level mostly on structured data with huge
# data sets (online advertising, product recommendations, logistics, loan approvals),
# where people were never very good.
#
# **Exercise.** Implement `next_focus(human_errors, train_error, dev_error)`. Return
#
# * `"unclear"` when the training error is below the human-level proxy (the minimum);
# * otherwise `"bias"` when the avoidable bias is larger than the variance;
# * otherwise `"variance"` (a tie counts as variance).
#
# You may call your `avoidable_bias_and_variance`.

# %% id="next_focus" kind="solution"
def next_focus(human_errors, train_error, dev_error):
    """What to work on next.

    Arguments:
    human_errors -- list of human-level errors (one or more)
    train_error -- the training error
    dev_error -- the dev error

    Returns:
    focus -- "unclear" if train_error < min(human_errors); else "bias" if the avoidable bias
             is larger than the variance; else "variance"
    """
    ### BEGIN SOLUTION
    gaps = avoidable_bias_and_variance(human_errors, train_error, dev_error)
    if train_error < gaps["human_proxy"]:
        focus = "unclear"
    elif gaps["avoidable_bias"] > gaps["variance"]:
        focus = "bias"
    else:
        focus = "variance"
    ### END SOLUTION
    return focus


# %% id="next_focus_test" kind="test" points=2
check("c3w1.next_focus", next_focus)
### BEGIN HIDDEN TESTS
check("c3w1.next_focus", next_focus, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Every case of the course's notes, decided by your function:

# %% kind="locked"
cases = [
    ("scenario A", [1.0], 8.0, 10.0, "bias"),
    ("scenario B", [7.5], 8.0, 10.0, "variance"),
    ("table row A", team, 5.0, 6.0, "bias"),
    ("table row B", team, 1.0, 5.0, "variance"),
    ("table row C", [0.5], 0.7, 0.8, "bias"),
    ("radiology, train 0.6", list(radiology.values()), 0.6, 0.8, "variance"),
    ("radiology, train 0.3", list(radiology.values()), 0.3, 0.4, "unclear"),
    ("team 0.5, train 0.3", [0.5], 0.3, 0.4, "unclear"),
]
print(f"{'case':<24}{'proxy':>6}{'train':>7}{'dev':>6}{'bias':>7}{'variance':>10}   focus")
for name, human, train_err, dev_err, expected in cases:
    gaps = avoidable_bias_and_variance(human, train_err, dev_err)
    focus = next_focus(human, train_err, dev_err)
    print(f"{name:<24}{gaps['human_proxy']:>6.1f}{train_err:>7.1f}{dev_err:>6.1f}"
          f"{gaps['avoidable_bias']:>7.1f}{gaps['variance']:>10.1f}   {focus}")
    assert focus == expected, f"{name}: expected {expected!r}, got {focus!r}"
print()
for focus, remedies in REMEDIES.items():
    print(f"to reduce {focus}: " + "; ".join(remedies))

# %% [markdown]
# ## 7. A task whose Bayes error we know (supplement)
#
# In real projects the Bayes error is unknown; human-level error stands in for it. A
# simulation lets us see both. Here is one, dressed as the bird task of the case study
# below: cameras take pictures of two look-alike birds, an endangered warbler (label 1)
# and a common one (label 0), equally often. Each picture is summarised by 42 numbers.
# Two of them (say, crown colour and tail length) differ between the species; the other
# 40 (light, background, ...) have the same distribution for both.
#
# **The data.** Label $y$ is a fair coin, and $x \sim \mathcal{N}(\mu_y, \sigma^2 I)$ with the
# same $\sigma$ for both classes. The best possible rule is to pick the nearer mean, and it
# is wrong with probability
#
# $$\text{Bayes error} = \Phi\!\left(-\frac{\lVert \mu_1 - \mu_0 \rVert}{2\sigma}\right),$$
#
# where $\Phi$ is the standard normal distribution function: the two classes overlap, so
# even a perfect classifier errs. With $\mu_1 - \mu_0 = (2.4, 1.8, 0, \dots, 0)$, a distance of 3,
# and $\sigma = 1$, that is $\Phi(-1.5) \approx 6.68\,\%$.
#
# **The humans.** A person sees each bird a little blurred: they perceive $x$ plus Gaussian
# noise of standard deviation $s$ and then decide as well as possible. Their error is
# $\Phi\big(-3 / (2\sqrt{\sigma^2 + s^2})\big)$, above the Bayes error for every $s > 0$. A panel
# of three experts who pool their looks averages the noise away ($s^2 / 3$), and gets
# closer to the Bayes error, but never below it.

# %% kind="locked"
n_noise = 40
mu0 = np.r_[0.0, 0.0, np.zeros(n_noise)]
mu1 = np.r_[2.4, 1.8, np.zeros(n_noise)]
sigma = 1.0
bayes = 100 * gaussian_bayes_error(mu0, mu1, sigma)

X_dev, Y_dev = make_gaussian_classes(10_000, mu0, mu1, sigma, seed=2)
labelers = {"passer-by": (1.5, 1), "volunteer birder": (0.8, 1), "ornithologist": (0.4, 1),
            "panel of three ornithologists": (0.4, 3)}   # (noise s, number of pooled looks)
human_sim = {}
print(f"{'who':<32}{'error on the dev set':>21}{'expected':>10}")
for k, (who, (noise, looks)) in enumerate(labelers.items()):
    human_sim[who] = 100 * error_rate(Y_dev, simulate_labeler(X_dev, mu0, mu1, noise, looks, seed=10 + k))
    print(f"{who:<32}{human_sim[who]:>19.2f} %{100 * labeler_error(mu0, mu1, sigma, noise, looks):>8.2f} %")
bayes_dev = 100 * error_rate(Y_dev, bayes_classifier(X_dev, mu0, mu1))
print(f"{'the Bayes classifier':<32}{bayes_dev:>19.2f} %{bayes:>8.2f} %")

human_levels_sim = list(human_sim.values())
assert abs(bayes - 6.68) < 0.01
assert sorted(human_levels_sim, reverse=True) == human_levels_sim and min(human_levels_sim) > bayes_dev

# %% [markdown]
# **The models.** Logistic regression (`dlkit.logistic`), trained by gradient descent with
# learning rate 0.5, twice:
#
# * the **pilot**, on the first 200 labelled pictures, for 3,000 iterations;
# * the **full model**, on 10,000 labelled pictures, for 300 iterations (it has converged
#   by then).
#
# Both are measured, at iterations spread over a log scale, on their own training set
# and on the same 10,000 dev pictures.

# %% kind="locked"
checkpoints = np.unique(np.round(np.logspace(0, np.log10(3000), 30)).astype(int))


def train_and_track(X, Y, num_iterations, learning_rate=0.5):
    """Logistic regression by gradient descent; train and dev error (%) at the checkpoints."""
    w, b = logistic.initialize_with_zeros(X.shape[0])
    history = {}
    for i in range(1, num_iterations + 1):
        grads, _ = logistic.propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i in checkpoints or i == num_iterations:
            history[int(i)] = (100 * error_rate(Y, logistic.predict(w, b, X)),
                               100 * error_rate(Y_dev, logistic.predict(w, b, X_dev)))
    return history


X_pilot, Y_pilot = make_gaussian_classes(200, mu0, mu1, sigma, seed=5)
X_full, Y_full = make_gaussian_classes(10_000, mu0, mu1, sigma, seed=1)
pilot = train_and_track(X_pilot, Y_pilot, 3000)
full = train_and_track(X_full, Y_full, 300)
print("pilot after 3000 iterations: train %.2f %%, dev %.2f %%" % pilot[3000])
print("full model after 300 iterations: train %.2f %%, dev %.2f %%" % full[300])

# %% [markdown]
# Left: the two features that matter, for the 200 pilot pictures, and the Bayes
# boundary. Right: the errors during training, with the human levels and the Bayes error.

# %% kind="locked"
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [1, 1.5]})
for label, colour, name in ((0, "C0", "common look-alike (y = 0)"), (1, "C3", "warbler (y = 1)")):
    pts = X_pilot[:2, Y_pilot[0] == label]
    ax0.scatter(pts[0], pts[1], s=14, color=colour, alpha=0.7, label=name)
line = np.linspace(-3, 5, 2)
ax0.plot(line, (4.5 - 2.4 * line) / 1.8, "k--", label="Bayes boundary")  # equidistant from the two means
ax0.set_xlim(-3, 5.5)
ax0.set_ylim(-3, 4.5)
ax0.set_xlabel("feature 1 (crown colour)")
ax0.set_ylabel("feature 2 (tail length)")
ax0.set_title("200 pilot pictures: the classes overlap")
ax0.legend(fontsize=8, loc="lower right")

for history, colour, name in ((pilot, "C1", "pilot, 200 pictures"), (full, "C2", "full, 10,000 pictures")):
    its = sorted(history)
    ax1.plot(its, [history[i][0] for i in its], "--", color=colour, label=f"{name}: train")
    ax1.plot(its, [history[i][1] for i in its], "-", color=colour, lw=2, label=f"{name}: dev")
for who, err in human_sim.items():
    ax1.axhline(err, color="grey", lw=0.8, ls=":")
    ax1.text(1.05, err + 0.25, who, fontsize=8, color="dimgrey")
ax1.axhline(bayes, color="purple", lw=1.5, label=f"Bayes error {bayes:.2f} %")
ax1.set_xscale("log")
ax1.set_ylim(0, 26)
ax1.set_xlabel("gradient-descent iterations (log scale)")
ax1.set_ylabel("error (%)")
ax1.set_title("Error during training, human levels (dotted) and the Bayes error")
ax1.legend(fontsize=8, loc="upper right")
plt.tight_layout()
plt.show()

# %% [markdown]
# Your `avoidable_bias_and_variance` and `next_focus` now read these curves at four
# moments, with the simulated human levels (proxy: the panel). The last column is what
# only a simulation can show: how far the dev error still is from the Bayes error.

# %% kind="locked"
moments = {"pilot, 5 iterations": pilot[5], "pilot, 12 iterations": pilot[12],
           "pilot, 3000 iterations": pilot[3000], "full model, 300 iterations": full[300]}
focus_sim = {}
print(f"{'model':<28}{'train':>7}{'dev':>7}{'bias':>7}{'variance':>10}{'focus':>10}{'dev - Bayes':>13}")
for name, (train_err, dev_err) in moments.items():
    gaps = avoidable_bias_and_variance(human_levels_sim, train_err, dev_err)
    focus_sim[name] = next_focus(human_levels_sim, train_err, dev_err)
    print(f"{name:<28}{train_err:>7.2f}{dev_err:>7.2f}{gaps['avoidable_bias']:>7.2f}"
          f"{gaps['variance']:>10.2f}{focus_sim[name]:>10}{dev_err - bayes:>13.2f}")
assert list(focus_sim.values()) == ["bias", "variance", "unclear", "unclear"], focus_sim
assert abs(full[300][1] - bayes) < 0.5 and pilot[3000][1] - bayes > 3

# %% [markdown]
# * After 5 iterations the pilot fits its training set about 9 points worse than the
#   panel: **bias**, and indeed training longer fixes it.
# * After 12 iterations it fits the training set almost as well as the panel, but the dev
#   error is 6 points higher: **variance**. With 42 features and only 200 examples the
#   model learns the noise of the 40 useless features.
# * After 3,000 iterations its training error is 0 %, below every human: "unclear", by the
#   rule. The last column says what the rule cannot: the dev error is still 6 points above
#   the Bayes error.
# * The full model sits at the Bayes error on both sets. The rule says "unclear" again, and
#   this time nothing is left to gain.
#
# **(supplement)** Past human level, the pilot's case can still be settled. The Bayes
# error is at least 0, so the avoidable bias is at most the training error itself. When
# the variance is larger than even that (0 % training, 12.7 % dev error), variance is the
# bigger problem whatever the Bayes error is. The full model's variance (dev − train) is
# smaller than its training error, so for it the question stays open. The course's rule,
# and `next_focus`, keep the simpler "unclear".
#
# The pilot shows the remedy the analysis points to: more data. The same model on 10,000
# pictures no longer overfits.
#
# ## 8. Case study: a city's bird detector
#
# *A story of our own, to practise the decisions of the week.*
#
# The city of Eastbrook is home to the last urban colony of the **copper-crowned
# warbler**, an endangered bird. To count it, the city has put 40 cameras in four
# districts (river, park, old town, harbour). A detector runs on each camera's small
# processor and flags frames that show the warbler. Volunteers confirm every flagged
# frame before it counts. You lead the machine-learning side. Answer each decision in
# code, with your functions where they apply. As in the quiz notebooks, the check under
# each answer looks at its **form** right away; whether it is **right** is decided when
# the notebook is graded.
#
# ### 8.1 The metric
#
# The facts the city gives you:
#
# * the warbler is in well under 1 % of the frames;
# * the point of the project is to **miss as few warblers as possible**;
# * each volunteer team can check about **2 false alarms per camera per day**, not more;
# * the camera's processor must finish each frame within **200 ms**, or it drops frames.
#
# **Exercise.** Give each candidate metric a role: `"optimizing"`, `"satisficing"` or
# `"not used"`. Follow the rule of thumb: exactly one optimizing metric.

# %% id="bird_metric" kind="solution"
bird_metric = {
    "accuracy": None,
    "recall": None,
    "false alarms per camera per day": None,
    "latency (ms)": None,
}
### BEGIN SOLUTION
bird_metric = {
    "accuracy": "not used",
    "recall": "optimizing",
    "false alarms per camera per day": "satisficing",
    "latency (ms)": "satisficing",
}
### END SOLUTION

# %% id="bird_metric_test" kind="test" points=1
check("c3w1.bird_metric", bird_metric)
### BEGIN HIDDEN TESTS
check("c3w1.bird_metric", bird_metric, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 8.2 The split
#
# Over one year the volunteers labelled 250,000 frames from all 40 cameras, in every
# season. The detector will run on the same cameras, all year. Four plans for the dev
# and test sets:
#
# * `"by district"`: dev from the river and park cameras, test from the old town and harbour cameras;
# * `"by season"`: dev from the spring and summer frames, test from the autumn and winter frames;
# * `"web photos"`: dev and test from sharp photos of the warbler on a birding website, all
#   camera frames for training;
# * `"shuffled"`: shuffle all camera frames (every district, every season), then split.
#
# Here is how each plan mixes the sources. The frames are labelled by district and
# season (16 sources, plus "web"), and the gaps are `proportion_gap` between dev and test,
# and between dev and all the camera frames (what the detector will see):

# %% kind="locked"
n_frames = 250_000
districts = ["river", "park", "old town", "harbour"]
seasons = ["spring", "summer", "autumn", "winter"]
rng = np.random.default_rng(8)
district_of = rng.choice(4, size=n_frames, p=[0.3, 0.25, 0.25, 0.2])
season_of = rng.integers(0, 4, size=n_frames)
source_of = 4 * district_of + season_of          # 16 camera sources: (district, season)
web = np.full(2_500, 16)                         # the web photos form a 17th source

plans = {
    "by district": (source_of[district_of <= 1][:2_500], source_of[district_of >= 2][:2_500]),
    "by season": (source_of[season_of <= 1][:2_500], source_of[season_of >= 2][:2_500]),
    "web photos": (web, web),
    "shuffled": tuple(np.split(rng.permutation(source_of)[:5_000], 2)),
}
print(f"{'plan':<14}{'gap dev vs test':>17}{'gap dev vs cameras':>20}")
off_target = {}
for plan, (dev_src, test_src) in plans.items():
    off_target[plan] = proportion_gap(dev_src, source_of)
    print(f"{plan:<14}{proportion_gap(dev_src, test_src):>17.3f}{off_target[plan]:>20.3f}")
assert min(off_target, key=off_target.get) == "shuffled" and off_target["shuffled"] < 0.1

# %% [markdown]
# Notice "web photos": dev and test agree perfectly with each other, and both miss the
# target completely.
#
# **Exercise.** Choose the plan, and the sizes (train, dev, test) of the 250,000 frames
# by the rule of thumb: use your `split_sizes`.

# %% id="bird_split" kind="solution"
bird_split = {"plan": None, "sizes": None}
### BEGIN SOLUTION
bird_split = {"plan": "shuffled", "sizes": split_sizes(n_frames)}
### END SOLUTION

# %% id="bird_split_test" kind="test" points=1
check("c3w1.bird_split", bird_split)
### BEGIN HIDDEN TESTS
check("c3w1.bird_split", bird_split, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 8.3 Which detector to ship
#
# Six candidate detectors, measured on your dev set:

# %% kind="locked"
detectors = {  # name: (accuracy %, recall, false alarms per camera per day, latency ms)
    "Heron-XL": (99.52, 0.97, 2.6, 850.0),
    "Kite-M": (99.70, 0.96, 1.5, 420.0),
    "Swift-M": (99.41, 0.95, 3.4, 110.0),
    "Wren-S": (99.66, 0.93, 2.0, 150.0),
    "Finch-S": (99.79, 0.90, 0.8, 95.0),
    "Robin-T": (99.84, 0.82, 0.3, 40.0),
}
max_false_alarms = 2.0
max_latency = 200.0

detector_names = list(detectors)
accuracy, recall, false_alarms, latency = (np.array(column) for column in zip(*detectors.values()))
print(f"{'detector':<10}{'accuracy':>10}{'recall':>8}{'false alarms/day':>18}{'latency':>10}")
for i, name in enumerate(detector_names):
    print(f"{name:<10}{accuracy[i]:>9.2f}%{recall[i]:>8.2f}{false_alarms[i]:>18.1f}{latency[i]:>8.0f} ms")

# %% [markdown]
# **Exercise.** Set `bird_choice` to the **name** of the detector to ship, chosen with
# your `pick_classifier` and the metric of 8.1 (the arrays `recall`, `false_alarms`,
# `latency` and the thresholds `max_false_alarms`, `max_latency` are defined above).

# %% id="bird_choice" kind="solution"
bird_choice = None
### BEGIN SOLUTION
best = pick_classifier(recall, np.vstack([false_alarms, latency]), [max_false_alarms, max_latency])
bird_choice = detector_names[best]
### END SOLUTION

# %% id="bird_choice_test" kind="test" points=1
check("c3w1.bird_choice", bird_choice)
### BEGIN HIDDEN TESTS
check("c3w1.bird_choice", bird_choice, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 8.4 How far from human level?
#
# Before the next round of work, you measure people on the same task (is this bird the
# warbler or its look-alike?) on a sample of dev frames, and you measure the shipped
# detector on the same task:

# %% kind="locked"
human_levels = {
    "passer-by": 12.0,
    "volunteer birder": 6.0,
    "city ornithologist": 3.0,
    "panel of three ornithologists": 2.0,
}
bird_train_error = 7.0
bird_dev_error = 10.0

for who, err in human_levels.items():
    print(f"{who:<32}{err:>5.1f} %")
print(f"{'detector, training set':<32}{bird_train_error:>5.1f} %")
print(f"{'detector, dev set':<32}{bird_dev_error:>5.1f} %")

# %% [markdown]
# **Exercise.** Set `bird_diagnosis` to a dict with the keys `"human_proxy"`,
# `"avoidable_bias"`, `"variance"` (in percent) and `"focus"`, computed with your
# `avoidable_bias_and_variance` and `next_focus`.

# %% id="bird_diagnosis" kind="solution"
bird_diagnosis = {"human_proxy": None, "avoidable_bias": None, "variance": None, "focus": None}
### BEGIN SOLUTION
levels = list(human_levels.values())
bird_diagnosis = avoidable_bias_and_variance(levels, bird_train_error, bird_dev_error)
bird_diagnosis["focus"] = next_focus(levels, bird_train_error, bird_dev_error)
### END SOLUTION

# %% id="bird_diagnosis_test" kind="test" points=1
check("c3w1.bird_diagnosis", bird_diagnosis)
### BEGIN HIDDEN TESTS
check("c3w1.bird_diagnosis", bird_diagnosis, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 8.5 What next?
#
# **Exercise.** Given your diagnosis, mark each action `True` if it is worth doing now,
# `False` if not.

# %% id="bird_next_steps" kind="solution"
bird_next_steps = {
    "train a bigger network (more layers or units)": None,
    "train longer, or switch to a better optimiser such as Adam": None,
    "try other architectures and hyperparameters": None,
    "add L2 regularisation or dropout": None,
    "label more frames from the same cameras": None,
    "collect a bigger dev set": None,
}
### BEGIN SOLUTION
bird_next_steps = {
    "train a bigger network (more layers or units)": True,
    "train longer, or switch to a better optimiser such as Adam": True,
    "try other architectures and hyperparameters": True,
    "add L2 regularisation or dropout": False,
    "label more frames from the same cameras": False,
    "collect a bigger dev set": False,
}
### END SOLUTION

# %% id="bird_next_steps_test" kind="test" points=1
check("c3w1.bird_next_steps", bird_next_steps)
### BEGIN HIDDEN TESTS
check("c3w1.bird_next_steps", bird_next_steps, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 8.6 A year of work, in three measurements
#
# The team follows the analysis. A bigger network trained longer comes first. Then,
# when variance dominates, come 60,000 more labelled frames and dropout. Your
# `next_focus` reads each step:

# %% kind="locked"
timeline = [
    ("the shipped detector", 7.0, 10.0, "bias"),
    ("bigger network, trained longer", 2.5, 6.0, "variance"),
    ("+ 60,000 frames and dropout", 1.8, 2.1, "unclear"),
]
levels = list(human_levels.values())
print(f"{'step':<34}{'train':>7}{'dev':>6}{'bias':>7}{'variance':>10}   focus")
for step, train_err, dev_err, expected in timeline:
    gaps = avoidable_bias_and_variance(levels, train_err, dev_err)
    focus = next_focus(levels, train_err, dev_err)
    print(f"{step:<34}{train_err:>7.1f}{dev_err:>6.1f}{gaps['avoidable_bias']:>7.1f}{gaps['variance']:>10.1f}   {focus}")
    assert focus == expected, f"{step}: expected {expected!r}, got {focus!r}"

# %% [markdown]
# The detector now beats the panel of ornithologists on its training set, and the easy
# signal is gone. From here on, progress needs other tools: looking at the errors one by
# one (error analysis, next week) or a better estimate of the Bayes error.
#
# ## What you practised
#
# * **One number** to compare models: F1, the harmonic mean of precision and recall.
# * With several metrics, **one optimizing** and the others **satisficing**, each with a
#   threshold. A weighted formula of all of them is arbitrary, down to the units.
# * **Dev and test from the same distribution**, the one you care about; with big data,
#   1 % each is plenty (98/1/1).
# * When the metric ranks models against what users prefer, **change the metric**: e.g. a
#   weighted error, normalised by the sum of the weights.
# * **Human-level error** as the proxy for the Bayes error, and always the **best** level:
#   avoidable bias = train − proxy, variance = dev − train; work on the larger gap.
# * **Past human level** the avoidable bias is unknown and the analysis says "unclear".
#
# Next: Week 2, `ml_strategy_2`: error analysis, mislabelled data, and training and
# testing on different distributions.
