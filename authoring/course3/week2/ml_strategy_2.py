# %% [markdown]
# # ML strategy (2): error analysis, mismatched data, transfer and multi-task learning
#
# *Course 3, Week 2: a companion notebook. The course itself has no programming
# assignment this week; here its decisions become small computations that you write
# and the autograder checks, with the lecture's numbers as test cases.*
#
# Week 1 gave you the tools to set a target (a metric, dev and test sets) and to tell
# bias from variance. Week 2 is about what to do when the system is working but not
# well enough:
#
# 1. **error analysis**: look at the dev examples the system gets wrong, count what
#    they have in common, and compute how much fixing each cause could gain at best
#    (`error_analysis_table`, `ceiling`);
# 2. **incorrectly labelled examples**: when are wrong labels worth fixing
#    (`mislabeled_share`)?
# 3. **training and testing on different distributions**: where the data you care
#    about should go (`mismatched_split`), and how a *train-dev* set separates
#    variance from *data mismatch* (`error_gaps`, `diagnose_gaps`);
# 4. **transfer learning**: reuse a network trained on a big task for a small one
#    (`transfer_learning`, `fine_tune`), trained here with `dlkit`;
# 5. **multi-task learning**: one network with several sigmoid outputs, some labels
#    unknown (`multitask_loss`, `multitask_loss_and_grad`);
# 6. **a case study**, a car's perception system, where you answer a sequence of
#    decisions in code.
#
# Error rates are written as fractions (0.10 for 10 %) unless a table says "%".
# Most functions here are a few lines of arithmetic: the point is to get each
# definition exactly right, because each one is a decision you will make on real
# projects.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt
from tqdm.auto import tqdm

from autograder import check
from dlkit.deep import L_model_backward, L_model_forward, compute_cost, initialize_parameters_deep
from dlkit.error_analysis import car_dev_errors, cat_spreadsheet, mismatched_split_indices
from dlkit.gradcheck import numeric_gradient
from dlkit.multitask import NOTES_Y_HAT, SEED_Y, hide_labels, task_accuracy
from dlkit.transfer import accuracy, make_tasks, train_adam, train_from_scratch

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. Error analysis
#
# Your cat classifier has 10 % dev error. A teammate notices that some of the
# mistakes are dogs that look like cats and proposes a few months of work on dogs.
# Before agreeing, take about 100 misclassified dev examples and count the dogs
# among them: five or ten minutes of work.
#
# * If 5 of the 100 are dogs, a perfect fix for dogs removes 5 % of the errors:
#   the dev error drops from 10 % to at best $10\% \times (1 - 0.05) = 9.5\%$.
# * If 50 of the 100 are dogs, the same fix could halve the error, to 5 %.
#
# The fraction of the errors in a category sets a **ceiling** on what working on it
# can achieve: with dev error $e$ and a fraction $f$ of the errors in the category,
#
# $$\text{best-case error} = e \, (1 - f).$$
#
# To judge several ideas at once, make a spreadsheet: one row per misclassified
# example, one column per idea (dog, great cat, blurry, Instagram filter, ...), a
# tick where the idea applies, and a comment column. Columns can be added while you
# go through the examples, as new patterns show up. The bottom row gives each
# column's **share of the errors**. A blurry picture of a lion is ticked twice, so
# the shares can add up to more than 100 %; an example that fits no column still
# counts among the errors.
#
# In code, the spreadsheet is a list with one entry per misclassified example, each
# a list of its tags:
#
# ```python
# tags = [["dog"], ["blurry", "instagram filter"], ["great cat", "blurry"], [], ...]
# categories = ["dog", "great cat", "blurry", "instagram filter"]
# ```
#
# **Exercise.** Implement `error_analysis_table(tags, categories)`: return a dict
# mapping each category to the fraction of the misclassified examples that carry its
# tag (a float between 0 and 1). Every example counts in the denominator, tagged or
# not.

# %% id="error_analysis_table" kind="solution"
def error_analysis_table(tags, categories):
    """Share of the misclassified examples in each category.

    Arguments:
    tags -- list of n_errors entries (one per misclassified dev example), each a list of
            tag names; an example may carry several tags, or none
    categories -- list of category names (the spreadsheet's columns)

    Returns:
    fractions -- dict {category: number of examples with that tag / n_errors}, floats
    """
    ### BEGIN SOLUTION
    n_errors = len(tags)
    fractions = {}
    for category in categories:
        count = sum(category in row for row in tags)
        fractions[category] = count / n_errors
    ### END SOLUTION
    return fractions


# %% id="error_analysis_table_test" kind="test" points=2
check("c3w2.error_analysis_table", error_analysis_table)
### BEGIN HIDDEN TESTS
check("c3w2.error_analysis_table", error_analysis_table, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `ceiling(dev_error, fraction)`, the best dev error you
# can hope for after fixing a category completely. `fraction` may be a single number
# or a numpy array with one fraction per category; the same formula works for both.

# %% id="ceiling" kind="solution"
def ceiling(dev_error, fraction):
    """Best-case dev error after fixing every error of a category.

    Arguments:
    dev_error -- the current dev error, a number such as 0.10
    fraction -- the share of the misclassified examples in the category: a number in [0, 1],
                or a numpy array of them (one per category)

    Returns:
    best_error -- dev_error * (1 - fraction): a number, or an array shaped like fraction
    """
    ### BEGIN SOLUTION
    best_error = dev_error * (1 - fraction)
    ### END SOLUTION
    return best_error


# %% id="ceiling_test" kind="test" points=1
check("c3w2.ceiling", ceiling)
### BEGIN HIDDEN TESTS
check("c3w2.ceiling", ceiling, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Now the lecture's spreadsheet: 100 misclassified cat pictures. The first three rows
# are the ones the lecture shows (a pitbull; a blurry picture with an Instagram
# filter; a great cat on a rainy day at the zoo). The other rows are generated so
# that every column has the lecture's total. The last column, *incorrectly labeled*,
# is for section 2.

# %% kind="locked"
cat_tags, cat_categories = cat_spreadsheet()
for i in range(3):
    print(f"example {i + 1}: {cat_tags[i]}")
print(f"... {len(cat_tags)} misclassified examples, {sum(1 for t in cat_tags if not t)} of them without any tag\n")

cat_table = error_analysis_table(cat_tags, cat_categories)
best = ceiling(0.10, np.array([cat_table[c] for c in cat_categories]))
print(f"{'category':<22}{'share of errors':>16}{'best dev error':>16}")
for c, b in zip(cat_categories, best):
    print(f"{c:<22}{cat_table[c]:>15.0%}{b:>16.1%}")
four = sum(cat_table[c] for c in ["dog", "great cat", "blurry", "instagram filter"])
print(f"\nthe four idea columns add up to {four:.0%}: the tags overlap")
print(f"5 dogs out of 100: best error {ceiling(0.10, 0.05):.1%};  50 out of 100: {ceiling(0.10, 0.50):.1%}")

assert np.isclose(cat_table["dog"], 0.08) and np.isclose(cat_table["great cat"], 0.43)
assert np.isclose(cat_table["blurry"], 0.61) and np.isclose(cat_table["instagram filter"], 0.12)
assert np.isclose(four, 1.24), f"the four columns should add up to 124 %, got {four:.0%}"
assert np.isclose(ceiling(0.10, 0.05), 0.095) and np.isclose(ceiling(0.10, 0.50), 0.05)

fig, ax = plt.subplots(figsize=(7, 3.5))
ax.barh(cat_categories, best, color="C0", label="best-case dev error")
ax.barh(cat_categories, 0.10 - best, left=best, color="C1", alpha=0.6, label="the most it can remove")
ax.axvline(0.10, color="k", ls="--", lw=1, label="current dev error (10 %)")
ax.set_xlabel("dev error")
ax.set_title("Error analysis: what fixing each category could gain at best")
ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=8)
ax.invert_yaxis()
plt.tight_layout()
plt.show()

# %% [markdown]
# Dogs and Instagram filters can remove at most 8 % and 12 % of the errors; great
# cats and blurry pictures are where the real gains can be. The analysis does not
# tell you how *hard* each fix is, but it tells you which ones are worth estimating.
# Look at the examples the system wrongly accepts (false positives) as well as those
# it wrongly rejects (false negatives).
#
# ## 2. Incorrectly labelled examples
#
# Sometimes the label itself is wrong: a picture labelled "no cat" that has a cat in
# the background.
#
# * In the **training set**, deep learning is robust to errors that are rare and
#   *random*: a few wrong labels are averaged away. It is not robust to *systematic*
#   errors, for instance a labeller who marks every white dog as a cat: the network
#   learns that white dogs are cats.
# * In the **dev and test sets**, add a column "incorrectly labeled" to the error
#   analysis and ask how much of the dev error the wrong labels explain.
#
# Say 6 % of the errors are wrong labels. With a dev error of 10 %, that is
# $0.10 \times 0.06 = 0.6\%$ of the dev examples, the **label error**; the other
# 9.4 % have other causes, so fixing labels is not the priority. Later the system
# reaches 2 % dev error. The wrong labels in the dev set are still there, still
# 0.6 % (they belong to the dev set, not to the model), but now they are
# $0.6 / 2 = 30\%$ of the errors. And when you must choose between two classifiers
# with 2.1 % and 1.9 % dev error, a difference of 0.2 % is smaller than the 0.6 %
# that wrong labels can shift: the dev set can no longer tell them apart, so fix its
# labels first.
#
# **Exercise.** Implement `mislabeled_share(dev_error, label_error, rival_error=None)`.
# Return a dict with
#
# * `"label_error"`: the label error as given;
# * `"other_error"`: the part of the dev error due to everything else;
# * `"share"`: the share of the errors due to wrong labels;
# * `"fix_labels"`: when a rival's dev error is given, `True` if the two classifiers'
#   gap $|e - e_\text{rival}|$ is at most the label error (wrong labels could decide
#   the comparison), else `False`; without a rival, `None`.

# %% id="mislabeled_share" kind="solution"
def mislabeled_share(dev_error, label_error, rival_error=None):
    """How much of the dev error comes from incorrectly labelled dev examples.

    Arguments:
    dev_error -- the classifier's dev error, e.g. 0.10
    label_error -- the part of the dev error caused by wrong labels, as a fraction of all dev
                   examples (dev_error times the share of the examined errors that are mislabelled)
    rival_error -- optional, the dev error of a second classifier to compare with

    Returns:
    impact -- dict with "label_error", "other_error" (dev_error - label_error), "share"
              (label_error / dev_error) and "fix_labels" (None without a rival; otherwise
              True when abs(dev_error - rival_error) <= label_error)
    """
    ### BEGIN SOLUTION
    if rival_error is None:
        fix_labels = None
    else:
        fix_labels = abs(dev_error - rival_error) <= label_error
    impact = {"label_error": label_error,
              "other_error": dev_error - label_error,
              "share": label_error / dev_error,
              "fix_labels": fix_labels}
    ### END SOLUTION
    return impact


# %% id="mislabeled_share_test" kind="test" points=2
check("c3w2.mislabeled_share", mislabeled_share)
### BEGIN HIDDEN TESTS
check("c3w2.mislabeled_share", mislabeled_share, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's two cases side by side, and the choice between 2.1 % and 1.9 %:

# %% kind="locked"
label_error = 0.10 * cat_table["incorrectly labeled"]
case_1 = mislabeled_share(0.10, label_error)
case_2 = mislabeled_share(0.02, label_error)
print(f"{'':<32}{'case 1':>10}{'case 2':>10}")
print(f"{'overall dev error':<32}{0.10:>10.1%}{0.02:>10.1%}")
for key, name in [("label_error", "errors due to wrong labels"), ("other_error", "errors due to other causes"),
                  ("share", "share of errors from labels")]:
    print(f"{name:<32}{case_1[key]:>10.1%}{case_2[key]:>10.1%}")
rivals = mislabeled_share(0.021, label_error, rival_error=0.019)
print(f"\n2.1 % vs 1.9 % with {label_error:.1%} label error: fix the dev labels first? {rivals['fix_labels']}")

assert np.isclose(case_1["label_error"], 0.006) and np.isclose(case_1["other_error"], 0.094)
assert np.isclose(case_1["share"], 0.06) and np.isclose(case_2["share"], 0.30)
assert rivals["fix_labels"], "2.1 % vs 1.9 % are closer than the label error: fix the labels"

# %% [markdown]
# If you do correct labels, a few rules keep the sets honest:
#
# * apply the same process to the dev *and* the test set, so that they keep coming
#   from the same distribution;
# * look at the examples the system got right as well as the wrong ones (otherwise
#   you only ever fix labels in one direction). At 98 % accuracy that means looking
#   at many more examples, which is why it is often skipped;
# * the training set may then come from a slightly different distribution than dev
#   and test. That is fine, as section 4 shows.
#
# ## 3. Build your first system quickly, then iterate
#
# A speech recogniser could be improved in fifty directions: noisy cafés and cars,
# accents, far-field microphones, children's voices, stuttering, ... Without data
# you cannot know which matter. So: set up a dev/test set and a metric, build a
# simple system quickly, then let bias/variance analysis and error analysis pick the
# next step. Think longer first only when you have experience with the problem or a
# large body of published work to build on (face recognition, say); far more teams
# over-think than under-think.
#
# ## 4. Training and testing on different distributions
#
# A cat app: users upload photos from their phones (blurry, badly framed), and that
# is the distribution the app must do well on. You have only **10,000** such app
# photos, but **200,000** sharp, professional cat pictures from the web.
#
# * **Option 1:** shuffle all 210,000 images and split them into train 205,000, dev
#   2,500 and test 2,500. Dev and test then match each other, but on average only
#   $2{,}500 \times 10{,}000 / 210{,}000 \approx 119$ of the 2,500 dev images come
#   from the app: you would be tuning the system for web pictures.
# * **Option 2:** dev = 2,500 app images, test = 2,500 app images, and training = all
#   200,000 web images plus the 5,000 app images left over (205,000). Now the target
#   is the right one. Training and dev data come from different distributions, which
#   is the price, and section 5 shows how to measure its cost.
#
# A second example: a speech-activated rear-view mirror. 500,000 utterances from other
# sources (bought data, smart-speaker commands, voice keyboards) and 20,000 recorded
# with the mirror. Either dev and test take 10,000 mirror utterances each and training
# is the 500,000, or dev and test take 5,000 each and the other 10,000 mirror
# utterances join training (510,000).
#
# To check a train-dev-test plan you will also carve a **train-dev set** out of the
# training data (section 5): a random part of the training mix that is never trained
# on.
#
# **Exercise.** Implement `mismatched_split(n_web, n_app, n_dev, n_test, n_train_dev=0, shuffle_all=False)`.
# Return the *expected* number of web and app examples in each part,
# `{"train": {"web": ..., "app": ...}, "train_dev": {...}, "dev": {...}, "test": {...}}`:
#
# * `shuffle_all=True` (option 1): every part is a random sample of all
#   `n_web + n_app` examples, so each holds web and app examples in the overall
#   proportions. Train is what dev, test and train-dev leave.
# * `shuffle_all=False` (option 2): dev and test are app examples only; the app
#   examples left over join all the web examples in the training data; the train-dev
#   set is a random part of that training data (same mix), and train is the rest.
#
# Expected counts can be fractional (2380.95); return them as numbers (floats are
# fine everywhere).

# %% id="mismatched_split" kind="solution"
def mismatched_split(n_web, n_app, n_dev, n_test, n_train_dev=0, shuffle_all=False):
    """Expected number of web and app examples in train, train-dev, dev and test.

    Arguments:
    n_web -- examples from the large other distribution (web images)
    n_app -- examples from the distribution you care about (app images)
    n_dev, n_test -- sizes of the dev and test sets
    n_train_dev -- size of the train-dev set (carved out of the training data), 0 for none
    shuffle_all -- True for option 1 (shuffle everything), False for option 2

    Returns:
    split -- dict {"train", "train_dev", "dev", "test"} -> {"web": count, "app": count}
    """
    ### BEGIN SOLUTION
    if shuffle_all:
        total = n_web + n_app
        n_train = total - n_dev - n_test - n_train_dev
        sizes = {"train": n_train, "train_dev": n_train_dev, "dev": n_dev, "test": n_test}
        split = {part: {"web": n * n_web / total, "app": n * n_app / total} for part, n in sizes.items()}
    else:
        app_left = n_app - n_dev - n_test
        pool = n_web + app_left
        n_train = pool - n_train_dev
        split = {
            "train": {"web": n_train * n_web / pool, "app": n_train * app_left / pool},
            "train_dev": {"web": n_train_dev * n_web / pool, "app": n_train_dev * app_left / pool},
            "dev": {"web": 0.0, "app": float(n_dev)},
            "test": {"web": 0.0, "app": float(n_test)},
        }
    ### END SOLUTION
    return split


# %% id="mismatched_split_test" kind="test" points=2
check("c3w2.mismatched_split", mismatched_split)
### BEGIN HIDDEN TESTS
check("c3w2.mismatched_split", mismatched_split, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The two options for the cat app, and one actual random draw of option 1 (made with
# `dlkit.error_analysis.mismatched_split_indices`), to show that the expectation is
# what a shuffle really gives, give or take a few images:

# %% kind="locked"
option_1 = mismatched_split(200_000, 10_000, 2_500, 2_500, shuffle_all=True)
option_2 = mismatched_split(200_000, 10_000, 2_500, 2_500)
for name, split in [("option 1 (shuffle all)", option_1), ("option 2 (app-only dev/test)", option_2)]:
    print(name)
    for part in ("train", "dev", "test"):
        web, app = split[part]["web"], split[part]["app"]
        print(f"   {part:<6} {web + app:>9,.0f} = {web:>10,.2f} web + {app:>9,.2f} app")
draw = mismatched_split_indices(200_000, 10_000, 2_500, 2_500, shuffle_all=True, seed=0)
print(f"one random draw of option 1: {int(np.sum(draw['dev'] >= 200_000))} app images in dev")
mirror = mismatched_split(500_000, 20_000, 5_000, 5_000)
print(f"rear-view mirror with dev = test = 5,000: train = {sum(mirror['train'].values()):,.0f} utterances")

assert np.isclose(option_1["dev"]["web"], 2380.95, atol=0.005) and np.isclose(option_1["dev"]["app"], 119.05, atol=0.005)
assert np.isclose(sum(option_2["train"].values()), 205_000) and option_2["dev"]["app"] == 2_500
assert option_2["dev"]["web"] == 0 and option_2["test"]["web"] == 0
assert np.isclose(sum(mirror["train"].values()), 510_000)

fig, ax = plt.subplots(figsize=(7.5, 2.8))
names = ["option 1", "option 2"]
web = [option_1["dev"]["web"], option_2["dev"]["web"]]
app = [option_1["dev"]["app"], option_2["dev"]["app"]]
ax.barh(names, web, color="C7", label="web images")
ax.barh(names, app, left=web, color="C2", label="app images (the target)")
ax.set_xlabel("images in the dev set (expected)")
ax.set_title("What the 2,500 dev images are made of")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Should you always use all the data you have? The lecture's answer is "not always".
# Usually adding the web data to training helps, since a big network can learn from
# both; *(supplement)* but data very unlike the target costs capacity and training
# time, and can pull a small network towards the wrong distribution. Option 2 is the
# default.
#
# ## 5. Bias and variance when the distributions differ
#
# With training and dev data from different distributions, a dev error well above the
# training error has two possible causes: the network does not generalise
# (variance), or the dev data is simply different, harder (data mismatch). To tell
# them apart, hold out a **train-dev set**: a random part of the training data, with
# the same distribution, that is not trained on. Then measure five error levels and
# the gaps between them:
#
# | from | to | gap | name |
# |---|---|---|---|
# | human level (≈ Bayes) | training error | train − human | avoidable bias |
# | training error | train-dev error | train-dev − train | variance |
# | train-dev error | dev error | dev − train-dev | data mismatch |
# | dev error | test error | test − dev | overfitting to the dev set |
#
# The lecture's scenarios (errors in %):
#
# | | A | B | C | D | E | F |
# |---|---|---|---|---|---|---|
# | human | 0 | 0 | 0 | 0 | 0 | 4 |
# | train | 1 | 1 | 1 | 10 | 10 | 7 |
# | train-dev | – | 9 | 1.5 | 11 | 11 | 10 |
# | dev | 10 | 10 | 10 | 12 | 20 | 6 |
# | test | – | – | – | – | – | 6 |
#
# In A there is no train-dev set: the 9 points from train to dev could be variance or
# data mismatch, and nothing tells which. In F the dev and test data are *easier*
# than the training data, so the data-mismatch gap is negative: gaps can have
# either sign.
#
# **Exercise.** Implement `error_gaps(human, train, train_dev, dev, test=None)`. Return
# a dict with the four gaps of the table, `"avoidable_bias"`, `"variance"`,
# `"data_mismatch"`, `"dev_overfit"`, plus `"train_to_dev"` = dev − train (variance and
# data mismatch together, the only one of the two you know without a train-dev set).
# `train_dev` or `test` may be `None`: then the gaps that need them are `None`.
# Return floats (`float(...)`), never clip a gap at zero.

# %% id="error_gaps" kind="solution"
def error_gaps(human, train, train_dev, dev, test=None):
    """The gaps between consecutive error levels: human -> train -> train-dev -> dev -> test.

    Arguments:
    human, train, dev -- error rates (numbers)
    train_dev -- error on the train-dev set, or None without a train-dev set
    test -- test error, or None

    Returns:
    gaps -- dict with "avoidable_bias" (train - human), "variance" (train_dev - train),
            "data_mismatch" (dev - train_dev), "dev_overfit" (test - dev) and
            "train_to_dev" (dev - train); a gap that needs a missing error is None
    """
    ### BEGIN SOLUTION
    gaps = {
        "avoidable_bias": float(train - human),
        "variance": None if train_dev is None else float(train_dev - train),
        "data_mismatch": None if train_dev is None else float(dev - train_dev),
        "dev_overfit": None if test is None else float(test - dev),
        "train_to_dev": float(dev - train),
    }
    ### END SOLUTION
    return gaps


# %% id="error_gaps_test" kind="test" points=2
check("c3w2.error_gaps", error_gaps)
### BEGIN HIDDEN TESTS
check("c3w2.error_gaps", error_gaps, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Which gaps deserve work? Several can be large at once (scenario E has both a large
# avoidable bias and a large data mismatch), so a useful rule keeps every **positive**
# gap that is at least `ratio` times the largest one (half of it, by default). A
# negative gap is not a problem to fix.
#
# Without a train-dev set, variance and data mismatch are `None`: use
# `gaps["train_to_dev"]` in their place, under the name `"ambiguous"` (it could be
# either; the cure is to build a train-dev set).
#
# **Exercise.** Implement `diagnose_gaps(gaps, ratio=0.5)`. Consider, in this order,
# `"avoidable_bias"`, `"variance"`, `"data_mismatch"`, `"dev_overfit"` (or, without a
# train-dev set, `"avoidable_bias"`, `"ambiguous"`, `"dev_overfit"`), skip those that
# are `None`, and return the list of names whose gap is positive and at least
# `ratio * largest`, where `largest` is the largest gap considered. Return `[]` when no
# gap is positive.

# %% id="diagnose_gaps" kind="solution"
def diagnose_gaps(gaps, ratio=0.5):
    """The problems worth working on.

    Arguments:
    gaps -- dict returned by error_gaps
    ratio -- a gap counts when it is positive and at least ratio times the largest gap

    Returns:
    problems -- list of names, in the order avoidable_bias, variance (or ambiguous),
                data_mismatch, dev_overfit
    """
    ### BEGIN SOLUTION
    if gaps["variance"] is None or gaps["data_mismatch"] is None:
        candidates = {"avoidable_bias": gaps["avoidable_bias"], "ambiguous": gaps["train_to_dev"],
                      "dev_overfit": gaps["dev_overfit"]}
    else:
        candidates = {name: gaps[name] for name in ("avoidable_bias", "variance", "data_mismatch", "dev_overfit")}
    known = {name: gap for name, gap in candidates.items() if gap is not None}
    largest = max(known.values())
    problems = [name for name, gap in known.items() if gap > 0 and gap >= ratio * largest]
    ### END SOLUTION
    return problems


# %% id="diagnose_gaps_test" kind="test" points=2
check("c3w2.diagnose_gaps", diagnose_gaps)
### BEGIN HIDDEN TESTS
check("c3w2.diagnose_gaps", diagnose_gaps, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The scenario table, with your gaps and diagnoses:

# %% kind="locked"
scenarios = {"A": (0, 1, None, 10, None), "B": (0, 1, 9, 10, None), "C": (0, 1, 1.5, 10, None),
             "D": (0, 10, 11, 12, None), "E": (0, 10, 11, 20, None), "F": (4, 7, 10, 6, 6)}
expected = {"A": ["ambiguous"], "B": ["variance"], "C": ["data_mismatch"], "D": ["avoidable_bias"],
            "E": ["avoidable_bias", "data_mismatch"], "F": ["avoidable_bias", "variance"]}


def show(v):
    return "  -" if v is None else f"{v:4g}"


print(f"{'':<3}{'bias':>6}{'var':>6}{'mism.':>6}{'dev-ov':>7}{'tr->dev':>8}   diagnosis")
for name, errors in scenarios.items():
    g = error_gaps(*errors)
    verdict = diagnose_gaps(g)
    print(f"{name:<3}{show(g['avoidable_bias']):>6}{show(g['variance']):>6}{show(g['data_mismatch']):>6}"
          f"{show(g['dev_overfit']):>7}{show(g['train_to_dev']):>8}   {verdict}")
    assert verdict == expected[name], f"scenario {name}: expected {expected[name]}, got {verdict}"
assert error_gaps(*scenarios["F"])["data_mismatch"] == -4

fig, axes = plt.subplots(1, 6, figsize=(13, 3), sharey=True)
levels = ["human", "train", "train-dev", "dev", "test"]
for ax, (name, errors) in zip(axes, scenarios.items()):
    xs = [i for i, e in enumerate(errors) if e is not None]
    ax.plot(xs, [errors[i] for i in xs], marker="o", color="C0")
    ax.set_xticks(range(5))
    ax.set_xticklabels(levels, rotation=60, fontsize=8)
    ax.set_title(f"{name}\n" + "\n".join(expected[name]), fontsize=8)
    ax.grid(alpha=0.3)
axes[0].set_ylabel("error (%)")
fig.suptitle("The scenarios as error staircases: each step is one gap (titles: the diagnosis)", y=1.08)
plt.show()

# %% [markdown]
# B is a variance problem (the network does not generalise even to data of its own
# distribution), C a data-mismatch problem, D an avoidable-bias problem, E both bias
# and mismatch. In F the step from train-dev to dev goes *down*: the dev data is
# easier than the training data; the remaining work is on bias and variance, and the
# test error equals the dev error, so the dev set has not been overfitted.
#
# ## 6. Addressing data mismatch
#
# There is no systematic cure, but two things help:
#
# * **Manual error analysis on the dev set** (never the test set) to understand *how*
#   training and dev data differ: car noise in the speech of the rear-view mirror,
#   street numbers the system keeps getting wrong, ...
# * **Make the training data more like the dev data, or collect more data like it.**
#   One way is **artificial data synthesis**: add recorded car noise to clean speech,
#   render fog onto clear photographs. It can help a lot, with one catch: if you have
#   one hour of car noise and 10,000 hours of speech, repeating the same hour over and
#   over can make the network overfit to that hour. To a person the result sounds
#   fine; to the network it is a tiny, repetitive corner of all possible car noise.
#   The case study comes back to this.
#
# ## 7. Transfer learning
#
# A network trained to recognise objects in a million photos has learned, in its
# early layers, to detect edges, corners, textures and simple shapes. Those are
# useful for other image tasks too, such as reading X-ray scans, for which far fewer
# labelled examples exist. **Transfer learning** reuses them:
#
# 1. train the network on task A (**pre-training**);
# 2. delete its last layer, $W^{[L]}$ and $b^{[L]}$;
# 3. put a new last layer in its place, with randomly initialised weights and as
#    many units as task B has outputs;
# 4. train on task B (**fine-tuning**): with little data, only the new last layer (or
#    the last one or two), keeping the rest *frozen*; with more data, every layer.
#
# It makes sense when A and B have the same kind of input $x$, A has a lot more data
# than B, and the low-level features of A could help B.
#
# The networks here are `dlkit.deep`'s, [LINEAR → RELU] × ($L$−1) → LINEAR → SIGMOID,
# with parameters `{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}`. An output layer
# may have several sigmoid units, one per yes/no question.
#
# **Exercise.** Implement `transfer_learning(parameters, n_out, seed=0)`. Return a
# *new* dict in which $W^{[1]}, b^{[1]}, \dots, W^{[L-1]}, b^{[L-1]}$ are copies of the
# given ones (use `.copy()`: the trained network must stay unchanged) and the last
# layer is fresh:
#
# ```python
# rng = np.random.RandomState(seed)
# WL = rng.randn(n_out, n_prev) / np.sqrt(n_prev)     # n_prev = n^[L-1]
# bL = np.zeros((n_out, 1))
# ```
#
# (the initialisation `initialize_parameters_deep(..., scale="1/sqrt(n_prev)")` uses).

# %% id="transfer_learning" kind="solution"
def transfer_learning(parameters, n_out, seed=0):
    """Replace the last layer of a trained network by a fresh one with n_out units.

    Arguments:
    parameters -- dict "W1", "b1", ..., "WL", "bL" of a trained network (not modified)
    n_out -- number of output units for the new task
    seed -- seed of the new weights

    Returns:
    new_parameters -- dict with the same keys: layers 1 .. L-1 copied unchanged,
                      "WL" (n_out, n^[L-1]) = randn / sqrt(n^[L-1]) from np.random.RandomState(seed),
                      "bL" = zeros (n_out, 1)
    """
    ### BEGIN SOLUTION
    L = len(parameters) // 2
    new_parameters = {key: value.copy() for key, value in parameters.items()}
    n_prev = parameters["W" + str(L)].shape[1]
    rng = np.random.RandomState(seed)
    new_parameters["W" + str(L)] = rng.randn(n_out, n_prev) / np.sqrt(n_prev)
    new_parameters["b" + str(L)] = np.zeros((n_out, 1))
    ### END SOLUTION
    return new_parameters


# %% id="transfer_learning_test" kind="test" points=2
check("c3w2.transfer_learning", transfer_learning)
### BEGIN HIDDEN TESTS
check("c3w2.transfer_learning", transfer_learning, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `fine_tune(parameters, X, Y, learning_rate, num_iterations, freeze_body)`:
# batch gradient descent as in Course 1, where each iteration runs
#
# 1. `AL, caches = L_model_forward(X, params)`,
# 2. `cost = compute_cost(AL, Y)` (for several outputs it sums their cross-entropies),
# 3. `grads = L_model_backward(AL, Y, caches)`,
# 4. $W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}$ and $b^{[l]} := b^{[l]} - \alpha\, db^{[l]}$
#    for the last layer only ($l = L$) when `freeze_body` is true, for every layer
#    ($l = 1, \dots, L$) when it is false.
#
# Work on a copy of `parameters` (frozen layers must come back exactly as given) and
# record the cost every 100 iterations (`if i % 100 == 0`). The backward pass still
# runs through the whole network when the body is frozen; the frozen layers simply
# are not updated. (With a frozen body one could also compute the body's output once
# and train the last layer on it: Course 4 does that.)

# %% id="fine_tune" kind="solution"
def fine_tune(parameters, X, Y, learning_rate=0.1, num_iterations=1000, freeze_body=True):
    """Train a network by batch gradient descent: the last layer only, or every layer.

    Arguments:
    parameters -- dict "W1", "b1", ..., "WL", "bL" (not modified)
    X -- inputs, shape (n_x, m)
    Y -- labels 0/1, shape (n^[L], m)
    learning_rate -- the step size alpha
    num_iterations -- number of gradient-descent steps
    freeze_body -- True: update only WL and bL; False: update every layer

    Returns:
    params -- dict of the trained parameters
    costs -- list of the costs at iterations 0, 100, 200, ...
    """
    L = len(parameters) // 2
    params = {key: value.copy() for key, value in parameters.items()}
    costs = []
    ### BEGIN SOLUTION
    layers = [L] if freeze_body else range(1, L + 1)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, params)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        for l in layers:
            params["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
            params["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
        if i % 100 == 0:
            costs.append(cost)
    ### END SOLUTION
    return params, costs


# %% id="fine_tune_test" kind="test" points=3
check("c3w2.fine_tune", fine_tune)
### BEGIN HIDDEN TESTS
check("c3w2.fine_tune", fine_tune, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Transfer in action
#
# The data comes from `dlkit.transfer.make_tasks`. Each example is a vector $x$ of 16
# numbers (think of it as a tiny image), and every task asks a yes/no question about
# a few hidden **low-level features** $h(x) = \text{ReLU}(Vx + c)$ that all tasks of
# the same "world" share, the way edges and textures are shared by image tasks.
#
# * **Task A**, the generic model: 10 questions about 4,000 examples, one network
#   [16, 32, 16, 10] with 10 sigmoid outputs. (To save time it is trained with
#   mini-batch Adam, Course 2, by `dlkit.transfer.train_adam`.)
# * **Task B**, a new question about the same features, with only **40** labelled
#   examples.

# %% kind="locked"
XA, YA = make_tasks(4000, range(10), seed=1)
XA_test, YA_test = make_tasks(2000, range(10), seed=2)
start = initialize_parameters_deep([16, 32, 16, 10], scale="1/sqrt(n_prev)", seed=1)
params_A, costs_A = train_adam(start, XA, YA, epochs=15, mini_batch_size=128, learning_rate=0.01,
                               progress=True, desc="pre-training on task A")
acc_A = accuracy(params_A, XA_test, YA_test)
print(f"task A: test accuracy of the 10 outputs {acc_A.min():.1%} .. {acc_A.max():.1%} (mean {acc_A.mean():.1%})")
assert acc_A.mean() >= 0.93, f"the pre-trained network should be good at task A, got {acc_A.mean():.1%}"

# %% [markdown]
# Now task B, three ways: a new network trained from scratch on the 40 examples; the
# pre-trained network with a new last layer, fine-tuned with the body frozen; and the
# same, fine-tuning every layer. All three use 1000 steps of gradient descent with
# $\alpha = 0.5$ (the last two with your `transfer_learning` and `fine_tune`).

# %% kind="locked"
XB, YB = make_tasks(40, [50], seed=3)
XB_test, YB_test = make_tasks(2000, [50], seed=4)
scratch, costs_scratch = train_from_scratch(XB, YB, [16, 32, 16, 1], learning_rate=0.5, num_iterations=1000)
head_only, costs_head = fine_tune(transfer_learning(params_A, 1, seed=0), XB, YB, learning_rate=0.5,
                                  num_iterations=1000, freeze_body=True)
everything, costs_all = fine_tune(transfer_learning(params_A, 1, seed=0), XB, YB, learning_rate=0.5,
                                  num_iterations=1000, freeze_body=False)
results_B = {}
for name, p, costs in [("from scratch", scratch, costs_scratch), ("transfer, last layer only", head_only, costs_head),
                       ("transfer, all layers", everything, costs_all)]:
    results_B[name] = accuracy(p, XB_test, YB_test)[0]
    print(f"{name:<28} cost {costs[0]:5.2f} -> {costs[-1]:.3f}   train {accuracy(p, XB, YB)[0]:6.1%}   "
          f"test {results_B[name]:6.1%}")

assert results_B["transfer, last layer only"] >= results_B["from scratch"] + 0.08, (
    "with 40 examples, transfer should beat training from scratch by at least 8 points")
assert results_B["transfer, last layer only"] > results_B["transfer, all layers"]

fig, ax = plt.subplots(figsize=(6.5, 3.5))
names = list(results_B)
train_acc = [accuracy(p, XB, YB)[0] for p in (scratch, head_only, everything)]
ax.bar(np.arange(3) - 0.2, train_acc, 0.4, label="training accuracy (40 examples)", color="C7")
ax.bar(np.arange(3) + 0.2, [results_B[n] for n in names], 0.4, label="test accuracy (2,000 examples)", color="C0")
ax.set_xticks(range(3))
ax.set_xticklabels([n.replace(", ", ",\n") for n in names])
ax.set_ylim(0.5, 1.05)
ax.set_ylabel("accuracy")
ax.set_title("Task B with 40 labelled examples")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, fontsize=8)
plt.show()

# %% [markdown]
# All three fit the 40 training examples, but only the transferred network with a
# frozen body does well on new examples: it reuses features learned from 4,000
# examples and only has to learn how to combine them (16 weights and a bias).
# Fine-tuning every layer with 40 examples and a large learning rate lets the body
# drift away from what task A taught it, and it overfits almost like the network
# trained from scratch. (The transferred networks start from a much higher cost: the
# pre-trained features are large numbers, so a random new last layer makes confident
# guesses, many of them wrong. A few hundred steps repair that.)
#
# ### When does transfer help?
#
# The next cell repeats the comparison (scratch vs. transfer with a frozen body, both
# trained for 300 Adam steps) for training sets of 20 to 5,000 examples, on two tasks:
# a **related** task B (same hidden features as A) and an **unrelated** task C, whose
# labels depend on the features of another world.

# %% kind="locked"
sizes = [20, 100, 500, 5000]
curves = {}
for label, task, world in [("related task B", 50, 0), ("unrelated task C", 3, 1)]:
    X_test, Y_test = make_tasks(2000, [task], seed=4, world=world)
    scratch_acc, transfer_acc = [], []
    for m in tqdm(sizes, desc=label):
        X, Y = make_tasks(m, [task], seed=3, world=world)
        p, _ = train_adam(initialize_parameters_deep([16, 32, 16, 1], scale="1/sqrt(n_prev)", seed=1), X, Y,
                          num_steps=300, mini_batch_size=128)
        scratch_acc.append(accuracy(p, X_test, Y_test)[0])
        p, _ = train_adam(transfer_learning(params_A, 1, seed=0), X, Y, freeze_body=True,
                          num_steps=300, mini_batch_size=128)
        transfer_acc.append(accuracy(p, X_test, Y_test)[0])
    curves[label] = (scratch_acc, transfer_acc)
    print(label)
    for m, a, b in zip(sizes, scratch_acc, transfer_acc):
        print(f"   m = {m:>5}: from scratch {a:6.1%}   transfer {b:6.1%}")

(b_scratch, b_transfer), (c_scratch, c_transfer) = curves["related task B"], curves["unrelated task C"]
assert all(t >= s + 0.08 for s, t in zip(b_scratch[:2], b_transfer[:2])), "transfer should win with little data"
assert abs(b_transfer[-1] - b_scratch[-1]) <= 0.03, "with as much data as task A, scratch should catch up"
assert all(t <= s + 0.01 for s, t in zip(c_scratch, c_transfer)), "features of another world should not help"

fig, axes = plt.subplots(1, 2, figsize=(10, 3.5), sharey=True)
for ax, (label, (s, t)) in zip(axes, curves.items()):
    ax.plot(sizes, s, marker="o", label="from scratch")
    ax.plot(sizes, t, marker="s", label="transfer from task A (last layer only)")
    ax.set_xscale("log")
    ax.set_xlabel("training examples of the new task")
    ax.set_title(label)
    ax.grid(alpha=0.3)
axes[0].set_ylabel("test accuracy")
axes[0].legend(fontsize=8)
plt.show()

# %% [markdown]
# * **Related task, little data:** transfer wins by far.
# * **Related task, as much data as task A:** training from scratch catches up; the
#   pre-trained features no longer add much.
# * **Unrelated task:** features learned for another world do not help, and a frozen
#   body that computes the wrong features is worse than learning from scratch.
#
# ## 8. Multi-task learning
#
# A self-driving car must notice, in every camera frame, pedestrians, cars, stop signs
# and traffic lights. Each frame gets a label vector with one entry per question,
# $y^{(i)} = [1, 0, 1, 0]^T$ for a frame with a pedestrian and a stop sign, so
# $Y$ has shape $(4, m)$. One network with **four sigmoid outputs** answers all four
# questions at once. It is not a softmax: a frame can contain several of the objects.
# The cost sums the four logistic losses and averages over the $m$ examples:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{4}
# \Big[y_j^{(i)} \log \hat y_j^{(i)} + (1 - y_j^{(i)}) \log (1 - \hat y_j^{(i)})\Big].$$
#
# In practice some labels are missing: a labeller marked the pedestrians and cars but
# did not look for traffic lights. Those entries are "?", written `np.nan` here, and
# the sum simply skips them:
#
# ```
# Y = [[1, 0, ?, ?],
#      [0, 1, ?, 0],
#      [0, 1, ?, 1],
#      [?, 0, 1, 0]]        (rows: pedestrian, car, stop sign, traffic light)
# ```
#
# $m$ stays the number of examples (columns), even for an example whose labels are all
# "?". A variant divides by the number of *labelled entries* instead, which makes $J$ the
# average loss of one label: `per_label=True`.
#
# **Careful with NaN:** `np.nan * 0` is `nan`, so multiplying by a mask does not remove
# a "?". Build `mask = ~np.isnan(Y)`, replace the "?" by a number before computing
# anything (`np.where(mask, Y, 0)`), and zero the masked losses with `np.where`.
#
# **Exercise.** Implement `multitask_loss(Y_hat, Y, per_label=False)`. Return a float.

# %% id="multitask_loss" kind="solution"
def multitask_loss(Y_hat, Y, per_label=False):
    """Sigmoid cross-entropy summed over the labelled entries, with '?' (np.nan) left out.

    Arguments:
    Y_hat -- predictions in (0, 1), shape (n_tasks, m)
    Y -- labels 0, 1 or np.nan ('?'), shape (n_tasks, m)
    per_label -- False: divide by m = Y.shape[1]; True: by the number of labelled entries

    Returns:
    cost -- a float
    """
    ### BEGIN SOLUTION
    mask = ~np.isnan(Y)
    y = np.where(mask, Y, 0.0)
    losses = np.where(mask, -(y * np.log(Y_hat) + (1 - y) * np.log(1 - Y_hat)), 0.0)
    n = max(int(mask.sum()), 1) if per_label else Y.shape[1]
    cost = float(np.sum(losses) / n)
    ### END SOLUTION
    return cost


# %% id="multitask_loss_test" kind="test" points=2
check("c3w2.multitask_loss", multitask_loss)
### BEGIN HIDDEN TESTS
check("c3w2.multitask_loss", multitask_loss, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# To train such a network we need the slope of $J$ with respect to each prediction. On
# a labelled entry it is the familiar
#
# $$\frac{\partial J}{\partial \hat y_j^{(i)}} = -\frac{1}{m}\left(\frac{y_j^{(i)}}{\hat y_j^{(i)}}
# - \frac{1 - y_j^{(i)}}{1 - \hat y_j^{(i)}}\right)$$
#
# (divide by the number of labelled entries instead of $m$ when `per_label=True`), and
# on a "?" it is exactly 0: the entry is not in $J$, so its prediction does not matter.
#
# **Exercise.** Implement `multitask_loss_and_grad(Y_hat, Y, per_label=False)`,
# returning `(cost, dY_hat)` with `dY_hat` shaped like `Y_hat`. Use your
# `multitask_loss` for the cost. The check compares `dY_hat` with numeric slopes of
# your own cost, so if the two disagree it says how.

# %% id="multitask_loss_and_grad" kind="solution"
def multitask_loss_and_grad(Y_hat, Y, per_label=False):
    """The multi-task cost and its gradient with respect to the predictions.

    Arguments:
    Y_hat -- predictions in (0, 1), shape (n_tasks, m)
    Y -- labels 0, 1 or np.nan ('?'), shape (n_tasks, m)
    per_label -- as in multitask_loss

    Returns:
    cost -- multitask_loss(Y_hat, Y, per_label), a float
    dY_hat -- dJ/dY_hat, shape (n_tasks, m), 0 where Y is '?'
    """
    ### BEGIN SOLUTION
    cost = multitask_loss(Y_hat, Y, per_label)
    mask = ~np.isnan(Y)
    y = np.where(mask, Y, 0.0)
    n = max(int(mask.sum()), 1) if per_label else Y.shape[1]
    dY_hat = np.where(mask, -(y / Y_hat - (1 - y) / (1 - Y_hat)), 0.0) / n
    ### END SOLUTION
    return cost, dY_hat


# %% id="multitask_loss_and_grad_test" kind="test" points=2
check("c3w2.multitask_loss_and_grad", multitask_loss_and_grad)
### BEGIN HIDDEN TESTS
check("c3w2.multitask_loss_and_grad", multitask_loss_and_grad, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's label matrix with your functions: with every prediction at 0.5, each
# of the 11 labelled entries costs $\ln 2$, so $J = 11 \ln 2 / 4$. Then the notes'
# predictions `NOTES_Y_HAT`, and a numeric check of your gradient:

# %% kind="locked"
half = np.full((4, 4), 0.5)
print("Y =\n", SEED_Y)
print(f"Y_hat = 0.5:   J = {multitask_loss(half, SEED_Y):.7f}   per labelled entry {multitask_loss(half, SEED_Y, True):.7f}")
print(f"notes' Y_hat:  J = {multitask_loss(NOTES_Y_HAT, SEED_Y):.7f}   "
      f"per labelled entry {multitask_loss(NOTES_Y_HAT, SEED_Y, True):.7f}")
cost, dY_hat = multitask_loss_and_grad(NOTES_Y_HAT, SEED_Y)
slopes = numeric_gradient(lambda a: multitask_loss(a, SEED_Y), NOTES_Y_HAT.copy(), eps=1e-6)
print(f"largest |dY_hat - numeric slope| = {np.max(np.abs(dY_hat - slopes)):.1e};  "
      f"dY_hat on the five '?': {dY_hat[np.isnan(SEED_Y)]}")

assert np.isclose(multitask_loss(half, SEED_Y), 1.9061547, atol=1e-7)
assert np.isclose(multitask_loss(NOTES_Y_HAT, SEED_Y), 0.6345479, atol=1e-7)
assert np.isclose(multitask_loss(half, SEED_Y, True), 0.6931472, atol=1e-7)
assert np.isclose(multitask_loss(NOTES_Y_HAT, SEED_Y, True), 0.2307447, atol=1e-7)
assert np.max(np.abs(dY_hat - slopes)) < 1e-7 and not dY_hat[np.isnan(SEED_Y)].any()

# %% [markdown]
# ### One network for four tasks
#
# Generated driving frames: the four questions read overlapping pairs of four hidden
# features (pedestrian and stop sign share one, pedestrian and traffic light another,
# ...). 300 training frames, but the labellers were uneven: 90 % of the frames are
# labelled for pedestrians, 80 % for cars, only 20 % for stop signs and 10 % for
# traffic lights. Three ways to learn:
#
# * **four separate networks** [16, 16, 1], each trained only on the frames labelled
#   for its question;
# * **one multi-task network** [16, 32, 16, 4] trained on every frame, with the "?"
#   left out of the loss (the masked gradient of `dlkit.multitask`, the same as yours);
# * the same idea with a **tiny shared network** [16, 2, 4].
#
# All are trained with 300 Adam steps.

# %% kind="locked"
TASK_NAMES = ["pedestrian", "car", "stop sign", "traffic light"]
DRIVING = [(0, 1), (2, 3), (0, 2), (1, 3)]
X_drive, Y_full = make_tasks(300, DRIVING, seed=5, n_features=4)
Y_drive = hide_labels(Y_full, [0.1, 0.2, 0.8, 0.9], seed=6)
X_drive_test, Y_drive_test = make_tasks(2000, DRIVING, seed=70, n_features=4)
n_labels = (~np.isnan(Y_drive)).sum(axis=1)
print("labelled frames per task:", dict(zip(TASK_NAMES, n_labels.tolist())))


def train_net(dims, X, Y):
    start = initialize_parameters_deep(dims, scale="1/sqrt(n_prev)", seed=1)
    return train_adam(start, X, Y, num_steps=300, mini_batch_size=64)[0]


separate = []
for j in range(4):
    labelled = ~np.isnan(Y_drive[j])
    p = train_net([16, 16, 1], X_drive[:, labelled], Y_drive[j:j + 1, labelled])
    separate.append(accuracy(p, X_drive_test, Y_drive_test[j:j + 1])[0])
separate = np.array(separate)
multi = task_accuracy(L_model_forward(X_drive_test, train_net([16, 32, 16, 4], X_drive, Y_drive))[0], Y_drive_test)
tiny = task_accuracy(L_model_forward(X_drive_test, train_net([16, 2, 4], X_drive, Y_drive))[0], Y_drive_test)
print(f"{'task':<15}{'labels':>7}{'separate':>10}{'multi-task':>12}{'tiny multi':>12}")
for name, n, a, b, c in zip(TASK_NAMES, n_labels, separate, multi, tiny):
    print(f"{name:<15}{n:>7}{a:>10.1%}{b:>12.1%}{c:>12.1%}")
print(f"{'mean':<15}{'':>7}{separate.mean():>10.1%}{multi.mean():>12.1%}{tiny.mean():>12.1%}")

assert np.all(multi >= 0.75), "the multi-task network should learn every task"
assert multi[3] >= separate[3] + 0.05, "the rarely labelled task should gain from the shared network"
assert multi.mean() >= separate.mean() - 0.005
assert tiny.mean() <= multi.mean() - 0.03, "a too-small shared network should do worse"

fig, ax = plt.subplots(figsize=(7.5, 3.5))
width = 0.27
for k, (label, acc) in enumerate([("four separate networks", separate), ("one multi-task network", multi),
                                  ("tiny multi-task network", tiny)]):
    ax.bar(np.arange(4) + (k - 1) * width, acc, width, label=label)
ax.set_xticks(range(4))
ax.set_xticklabels([f"{n}\n({c} labels)" for n, c in zip(TASK_NAMES, n_labels)])
ax.set_ylim(0.5, 1.0)
ax.set_ylabel("test accuracy")
ax.set_title("Four driving questions, unevenly labelled")
ax.legend(fontsize=8, loc="lower left")
plt.show()

# %% [markdown]
# The multi-task network learns all four questions. Its biggest gain is on the traffic
# lights, with only about 30 labelled frames: the features it needs were learned from
# the hundreds of pedestrian and car labels. On the richly labelled tasks it does about
# as well as a dedicated network (a point or two either way). With a tiny shared
# network the tasks compete for too little capacity, and it falls behind.
#
# Multi-task learning makes sense when the tasks share low-level features, when the
# amount of data per task is similar (so that, for any one task, the others together
# have much more), and when the network is big enough; research by Rich Caruana found
# that it hurts mainly when the network is too small. In practice transfer learning is
# used much more often; object detection is the big exception, where one network
# finds many kinds of objects at once.
#
# ## 9. End-to-end deep learning
#
# Many systems used to be pipelines of hand-designed stages: speech → audio features →
# phonemes → words → transcript. **End-to-end** learning trains one network to map the
# input directly to the output. With a small data set the pipeline tends to win, with a
# medium one a hybrid, with a very large one the end-to-end network.
#
# * **For:** it lets the data speak (the network is not forced through human ideas such
#   as phonemes), and less hand-design is needed.
# * **Against:** it needs a lot of labelled $(x, y)$ pairs for the whole mapping, and it
#   throws away hand-designed components that carry knowledge when data is short.
#   Data and hand design are the two sources of knowledge a system can have.
#
# The key question is whether you have enough data to learn a function of the
# complexity needed to map $x$ to $y$.
#
# *(Supplement, not in the lecture notes.)* Face recognition at a turnstile works better
# in two steps (find the face, then identify the zoomed-in face): there is a lot of data
# for each step and little for the whole mapping from camera image to identity. Steering
# a car straight from camera pixels has been learned end to end, but most self-driving
# systems still use stages: detect cars and pedestrians, plan a route, steer.
#
# ## 10. Case study: a car that sees
#
# *An invented project, with invented numbers.* A car maker builds a perception system
# for its new car: from the front camera's frames it must recognise pedestrians, other
# cars, stop signs and traffic lights. The team has
#
# * **480,000** labelled street images collected from the **internet**: daylight, sharp,
#   well framed;
# * **30,000** labelled frames from the **car's own camera**: wide-angle, often at
#   night, in rain, facing glare. This is what the car will see.
#
# Answer each decision below *in code*: fill in the dict, computing the numbers with
# your functions wherever you can. The check under each answer looks at its **form**
# (keys, kinds of values) straight away; whether the answers are **right** is decided
# when the notebook is graded.
#
# ### Decision 1: where do the car frames go?
#
# The team wants dev and test sets of 7,500 car frames each, and a train-dev set of
# 7,500 frames. Say where the dev, test and train-dev data come from, and how many car
# frames end up in the training data (train and train-dev together).

# %% id="car_split_plan" kind="solution"
car_split_plan = {
    "dev": None,                     # "car", "internet" or "both"
    "test": None,                    # "car", "internet" or "both"
    "train_dev": None,               # "car", "internet" or "training mix"
    "car_frames_in_training": None,  # a number: car frames in train + train-dev
}
### BEGIN SOLUTION
car_split = mismatched_split(480_000, 30_000, 7_500, 7_500, n_train_dev=7_500)
car_split_plan = {
    "dev": "car",
    "test": "car",
    "train_dev": "training mix",
    "car_frames_in_training": car_split["train"]["app"] + car_split["train_dev"]["app"],
}
### END SOLUTION

# %% id="car_split_plan_test" kind="test" points=1
check("c3w2.car_split_plan", car_split_plan)
### BEGIN HIDDEN TESTS
check("c3w2.car_split_plan", car_split_plan, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Decision 2: what do the errors have in common?
#
# The first system has 8 % dev error. The team tags 200 misclassified dev frames:
# *night*, *rain*, *glare*, *small object* (far away), *mislabeled*. A frame can carry
# several tags; the list is in `car_tags`, the categories in `car_categories`.
#
# Fill in: the table of fractions; the category whose complete fix would lower the
# error the most; the best-case error after fixing it; and the best-case error if the
# team fixes **both** night and glare. For the last one, remember that tags overlap:
# count the frames tagged night *or* glare (for instance
# `np.mean([("night" in t) or ("glare" in t) for t in car_tags])`).

# %% kind="locked"
car_tags, car_categories = car_dev_errors()
print(len(car_tags), "misclassified dev frames, for example:", car_tags[40:46])

# %% id="car_error_analysis" kind="solution"
car_error_analysis = {
    "fractions": None,                       # error_analysis_table(...) of the car frames
    "first_direction": None,                 # one of car_categories
    "error_if_fixed": None,                  # best-case dev error once that category is fixed
    "error_if_night_and_glare_fixed": None,  # best-case dev error once both are fixed
}
### BEGIN SOLUTION
car_table = error_analysis_table(car_tags, car_categories)
first = max(car_table, key=car_table.get)
night_or_glare = np.mean([("night" in t) or ("glare" in t) for t in car_tags])
car_error_analysis = {
    "fractions": car_table,
    "first_direction": first,
    "error_if_fixed": ceiling(0.08, car_table[first]),
    "error_if_night_and_glare_fixed": ceiling(0.08, night_or_glare),
}
### END SOLUTION

# %% id="car_error_analysis_test" kind="test" points=2
check("c3w2.car_error_analysis", car_error_analysis)
### BEGIN HIDDEN TESTS
check("c3w2.car_error_analysis", car_error_analysis, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Decision 3: what to work on next
#
# Measured errors: human level 1.0 %, training 2.0 %, train-dev 2.6 %, dev (car
# frames) 8.0 %, test (car frames) 8.3 %. Fill in the gaps, the diagnosis, and the
# next step, chosen from `ACTIONS`.

# %% kind="locked"
ACTIONS = (
    "train a bigger network or train longer",
    "get more training data or regularise",
    "error analysis on dev frames, then make training data more like them",
    "error analysis on test frames, then make training data more like them",
    "get a bigger dev set",
)

# %% id="car_diagnosis" kind="solution"
car_diagnosis = {
    "gaps": None,       # error_gaps(...) of the car's errors, in %
    "focus": None,      # diagnose_gaps(...)
    "next_step": None,  # one of ACTIONS, copied exactly
}
### BEGIN SOLUTION
car_gaps = error_gaps(1.0, 2.0, 2.6, 8.0, 8.3)
car_diagnosis = {
    "gaps": car_gaps,
    "focus": diagnose_gaps(car_gaps),
    "next_step": ACTIONS[2],
}
### END SOLUTION

# %% id="car_diagnosis_test" kind="test" points=2
check("c3w2.car_diagnosis", car_diagnosis)
### BEGIN HIDDEN TESTS
check("c3w2.car_diagnosis", car_diagnosis, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Decision 4: synthesising fog
#
# Error analysis on the dev set shows that fog is a problem, but the team has very few
# foggy frames. An engineer proposes to render fog onto 100,000 clear frames, using the
# 30 fog textures the team owns. Mark each statement `True` or `False`.

# %% id="fog_synthesis" kind="solution"
fog_synthesis = {
    "overlaying 30 fog textures on 100,000 clear frames shows the network 100,000 kinds of fog": None,
    "the network may overfit to the 30 textures, even if the frames look realistic to people": None,
    "judge the idea by the error on the real foggy car frames of the dev set": None,
    "also put synthetic foggy frames into the dev and test sets, so that they match training": None,
    "many more distinct fog textures (or real foggy frames) make the synthetic fog cover more of real fog": None,
}
### BEGIN SOLUTION
fog_synthesis = {
    "overlaying 30 fog textures on 100,000 clear frames shows the network 100,000 kinds of fog": False,
    "the network may overfit to the 30 textures, even if the frames look realistic to people": True,
    "judge the idea by the error on the real foggy car frames of the dev set": True,
    "also put synthetic foggy frames into the dev and test sets, so that they match training": False,
    "many more distinct fog textures (or real foggy frames) make the synthetic fog cover more of real fog": True,
}
### END SOLUTION

# %% id="fog_synthesis_test" kind="test" points=1
check("c3w2.fog_synthesis", fog_synthesis)
### BEGIN HIDDEN TESTS
check("c3w2.fog_synthesis", fog_synthesis, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Decision 5: the labelling log
#
# The labelling tool exports, for five frames, which objects the labeller checked and
# what was found. "not checked" means nobody looked.
#
# | | frame 1 | frame 2 | frame 3 | frame 4 | frame 5 |
# |---|---|---|---|---|---|
# | pedestrian | yes | no | not checked | yes | no |
# | car | yes | yes | no | not checked | yes |
# | stop sign | not checked | no | yes | no | not checked |
# | traffic light | no | not checked | not checked | yes | no |
#
# Write the label matrix `Y` (shape (4, 5), rows in the table's order, floats, `np.nan`
# for "?") and the loss of the current network's predictions `car_Y_hat` under the
# course's formula.

# %% kind="locked"
car_Y_hat = np.array([[0.8, 0.3, 0.6, 0.7, 0.1],
                      [0.9, 0.6, 0.2, 0.5, 0.8],
                      [0.4, 0.1, 0.7, 0.3, 0.2],
                      [0.3, 0.5, 0.4, 0.6, 0.2]])

# %% id="car_labels" kind="solution"
car_labels = {
    "Y": None,     # numpy array (4, 5)
    "loss": None,  # a number
}
### BEGIN SOLUTION
car_Y = np.array([[1.0, 0.0, np.nan, 1.0, 0.0],
                  [1.0, 1.0, 0.0, np.nan, 1.0],
                  [np.nan, 0.0, 1.0, 0.0, np.nan],
                  [0.0, np.nan, np.nan, 1.0, 0.0]])
car_labels = {"Y": car_Y, "loss": multitask_loss(car_Y_hat, car_Y)}
### END SOLUTION

# %% id="car_labels_test" kind="test" points=2
check("c3w2.car_labels", car_labels)
### BEGIN HIDDEN TESTS
check("c3w2.car_labels", car_labels, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Decision 6: transfer and multi-task learning
#
# Mark each statement `True` or `False`.

# %% id="car_transfer" kind="solution"
car_transfer = {
    "start from a network pre-trained on millions of internet photos, then fine-tune it on car frames": None,
    "with only 2,000 labelled car frames, retrain just the last layer (or the last few)": None,
    "a network pre-trained on speech recordings is a good start, since it saw even more data": None,
    "with 50 million labelled car frames, pre-training on internet photos would matter much less": None,
    "one network with four sigmoid outputs can replace four separate networks": None,
    "the four outputs (pedestrian, car, stop sign, traffic light) should go through one softmax": None,
    "multi-task learning can hurt when the shared network is too small": None,
}
### BEGIN SOLUTION
car_transfer = {
    "start from a network pre-trained on millions of internet photos, then fine-tune it on car frames": True,
    "with only 2,000 labelled car frames, retrain just the last layer (or the last few)": True,
    "a network pre-trained on speech recordings is a good start, since it saw even more data": False,
    "with 50 million labelled car frames, pre-training on internet photos would matter much less": True,
    "one network with four sigmoid outputs can replace four separate networks": True,
    "the four outputs (pedestrian, car, stop sign, traffic light) should go through one softmax": False,
    "multi-task learning can hurt when the shared network is too small": True,
}
### END SOLUTION

# %% id="car_transfer_test" kind="test" points=1
check("c3w2.car_transfer", car_transfer)
### BEGIN HIDDEN TESTS
check("c3w2.car_transfer", car_transfer, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## What you built
#
# * `error_analysis_table` and `ceiling`: the spreadsheet of error analysis and what
#   fixing a category can gain at best, $e\,(1 - f)$ (9.5 % or 5 % from 10 %); overlapping
#   tags add up to more than 100 %.
# * `mislabeled_share`: wrong labels explain 6 % of a 10 % error but 30 % of a 2 %
#   error; when two classifiers are closer than the label error, fix the labels first.
# * `mismatched_split`: dev and test from the distribution you care about (option 2:
#   205,000 / 2,500 / 2,500), not a shuffle that leaves 119 app images in dev.
# * `error_gaps` and `diagnose_gaps`: with a train-dev set, avoidable bias, variance,
#   data mismatch and overfitting to dev separate, with signs (scenarios A to F).
# * `transfer_learning` and `fine_tune`: a new last layer on a pre-trained body; with
#   little data a frozen body transfers the features of a big related task, with as
#   much data or an unrelated task it does not help.
# * `multitask_loss` and `multitask_loss_and_grad`: one network, four sigmoid outputs,
#   "?" left out (11 ln 2 / 4 = 1.9061547); rarely labelled tasks gain the most.
# * Six decisions for a car's perception system, made in code.
