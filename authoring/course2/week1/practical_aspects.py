# %% [markdown]
# # Practical aspects of deep learning
#
# *Course 2, Week 1: setting up a machine-learning application.*
#
# Before tuning a single weight, a practitioner makes decisions that decide how
# fast the whole project moves: how to split the data, how to read the errors of
# a first model, what to try next, and how to prepare the inputs so that
# gradient descent has an easy job. Applied deep learning is an iterative loop,
# *idea → code → experiment → idea*, and intuitions from one field (speech,
# vision, advertising...) rarely carry over to another; these habits make each
# turn of the loop quicker.
#
# In this notebook you write four small functions:
#
# 1. `split_sizes`: how many examples go into the train, dev and test sets;
# 2. `diagnose_bias_variance`: what the training and dev errors say about the model;
# 3. `basic_recipe`: the next step of the lecture's basic recipe;
# 4. `normalize_inputs`: zero mean and unit variance for every input feature.
#
# Then two experiments show *why* normalising matters (the shape of the cost
# bowl) and why very deep networks are delicate (activations that explode or
# vanish with depth).
#
# As usual: replace `# YOUR CODE HERE` and `raise NotImplementedError()` in each
# exercise cell with your code, run it, then run the test cell below it.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit.practical import (RECIPE_ACTIONS, bowl_elongation, deep_linear_forward, gradient_descent_path,
                             make_feature_scales, plot_cost_contours, plot_layer_scales, regression_cost)

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. Train, dev and test sets
#
# The data are divided into three parts with three jobs:
#
# * the **training set** is what gradient descent learns from;
# * the **dev set** (development set, also called hold-out or cross-validation
#   set) is where you compare models, architectures and hyperparameters and pick
#   the best;
# * the **test set** gives an unbiased estimate of how well the chosen model does.
#   Since you never choose anything with it, its error is not flattered by your
#   choices.
#
# How big should each part be? With a few hundred to about ten thousand
# examples, the classic rules are **70/30** (train/test) or **60/20/20**
# (train/dev/test). With big data the dev and test sets only need to be large
# enough to tell models apart and to measure the final error reliably, which
# takes far fewer than 20 % of the examples: with 1,000,000 examples, 10,000 for
# dev and 10,000 for test are plenty, a **98/1/1** split. Beyond a million,
# **99.5/0.25/0.25** (or 99.5/0.4/0.1) is common.
#
# Two more rules from the lecture:
#
# * **dev and test sets must come from the same distribution.** If the training
#   set holds polished cat pictures from the web but users upload blurry phone
#   photos, take dev and test from the phone photos: they define the target you
#   aim at, and aiming at one target while measuring another wastes months;
# * having **no test set** is fine when you do not need an unbiased estimate. Many
#   teams then call their dev set a "test set", which it is not: they select
#   models on it.
#
# ### Exercise: `split_sizes`
#
# Implement `split_sizes(m, fractions=None)`. `fractions` lists the share of
# each part, training set first: `(0.7, 0.3)` or `(0.6, 0.2, 0.2)`, and so on.
# Return a tuple of whole numbers (Python `int`s), one per part, that add up to
# `m`:
#
# * every part **except the first** gets `round(fraction * m)` examples;
# * the training set (the first part) gets the rest, `m` minus the other parts,
#   so that nothing is lost or counted twice to rounding.
#
# When `fractions` is `None`, apply the rule of thumb: `(0.6, 0.2, 0.2)` when
# `m <= 10_000`, `(0.98, 0.01, 0.01)` when `m <= 1_000_000`, and
# `(0.995, 0.0025, 0.0025)` beyond.

# %% id="split_sizes" kind="solution"
def split_sizes(m, fractions=None):
    """Number of examples in each part of a split of m examples.

    Arguments:
    m -- number of examples, a positive int
    fractions -- shares of the parts, training set first, summing to 1, e.g. (0.6, 0.2, 0.2);
                 None: the rule of thumb for this m

    Returns:
    sizes -- tuple of ints, one per part, adding up to m
    """
    ### BEGIN SOLUTION
    if fractions is None:
        if m <= 10_000:
            fractions = (0.6, 0.2, 0.2)
        elif m <= 1_000_000:
            fractions = (0.98, 0.01, 0.01)
        else:
            fractions = (0.995, 0.0025, 0.0025)
    others = [int(round(f * m)) for f in fractions[1:]]
    sizes = (m - sum(others), *others)
    ### END SOLUTION
    return sizes


# %% id="split_sizes_test" kind="test" points=2
check("c2w1.split_sizes", split_sizes)
### BEGIN HIDDEN TESTS
check("c2w1.split_sizes", split_sizes, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's splits, and the rule of thumb for data sets of growing size:

# %% kind="locked"
for m, fractions in [(1_000, (0.7, 0.3)), (10_000, (0.6, 0.2, 0.2)), (1_000_000, (0.98, 0.01, 0.01)),
                     (4_000_000, (0.995, 0.0025, 0.0025))]:
    print(f"m = {m:>9,}  {str(fractions):24s} -> " + " / ".join(f"{s:,}" for s in split_sizes(m, fractions)))
print()
for m in (500, 10_000, 1_000_000, 50_000_000):
    train, dev, test = split_sizes(m)
    print(f"m = {m:>10,}, rule of thumb: train {train:>10,}   dev {dev:>7,}   test {test:>7,}")

assert split_sizes(1_000_000) == (980_000, 10_000, 10_000), "1,000,000 examples: 980,000 / 10,000 / 10,000"
assert split_sizes(1_000, (0.7, 0.3)) == (700, 300)

# %% [markdown]
# With 50 million examples the dev and test sets still hold 125,000 examples
# each, far more than needed to measure an error of a few percent to within a
# fraction of a percent.
#
# ## 2. Bias and variance
#
# Train a first model, then look at two numbers: its error on the training set
# and its error on the dev set. The lecture reads them as follows, taking the
# best error any classifier could reach (the **optimal** or **Bayes error**) as
# the reference; for recognising cats, humans are nearly perfect, so it is about
# 0 %.
#
# * **Bias**: is the model good at the data it was trained on? A training error
#   far above the Bayes error means the model *underfits* (high bias). The gap
#   $\text{train error} - \text{Bayes error}$ is the **avoidable bias**.
# * **Variance**: does what it learned carry over to new examples from the same
#   distribution? A dev error far above the training error means it *overfits*
#   (high variance). The gap is $\text{dev error} - \text{train error}$.
#
# The lecture's four scenarios (Bayes error about 0 %, train and dev from the
# same distribution):
#
# | train error | dev error | diagnosis |
# |---|---|---|
# | 1 % | 11 % | high variance |
# | 15 % | 16 % | high bias |
# | 15 % | 30 % | high bias **and** high variance |
# | 0.5 % | 1 % | low bias, low variance |
#
# The Bayes error changes the verdict: on blurry images that even humans get
# wrong 15 % of the time, 15 % train and 16 % dev error is as good as it gets,
# not high bias.
#
# In two dimensions the pictures are familiar: a straight boundary through
# curved data underfits (high bias), a boundary that winds around every noisy
# training point overfits (high variance). The third scenario, both at once,
# is a model that is too simple in most places and too flexible in a few.
#
# ### Exercise: `diagnose_bias_variance`
#
# Implement `diagnose_bias_variance(train_error, dev_error, bayes_error=0.0, tolerance=2.0)`.
# Errors are in **percent** (`1.0` means 1 %). Return the tuple
# `(high_bias, high_variance)` of two booleans:
#
# * `high_bias` is `True` when the avoidable bias $\text{train error} - \text{Bayes error}$
#   is **more than** `tolerance` percentage points;
# * `high_variance` is `True` when $\text{dev error} - \text{train error}$ is
#   **more than** `tolerance` percentage points.
#
# (A gap exactly equal to the tolerance is not high.)

# %% id="diagnose_bias_variance" kind="solution"
def diagnose_bias_variance(train_error, dev_error, bayes_error=0.0, tolerance=2.0):
    """Read the training and dev errors the way the lecture does.

    Arguments:
    train_error -- error on the training set, in percent
    dev_error -- error on the dev set, in percent
    bayes_error -- the optimal (Bayes) error, in percent
    tolerance -- how many percentage points a gap may be before it counts as high

    Returns:
    high_bias -- True when train_error - bayes_error > tolerance
    high_variance -- True when dev_error - train_error > tolerance
    """
    ### BEGIN SOLUTION
    high_bias = (train_error - bayes_error) > tolerance
    high_variance = (dev_error - train_error) > tolerance
    ### END SOLUTION
    return high_bias, high_variance


# %% id="diagnose_bias_variance_test" kind="test" points=2
check("c2w1.diagnose_bias_variance", diagnose_bias_variance)
### BEGIN HIDDEN TESTS
check("c2w1.diagnose_bias_variance", diagnose_bias_variance, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
def describe(high_bias, high_variance):
    words = [w for w, flag in (("high bias", high_bias), ("high variance", high_variance)) if flag]
    return " and ".join(words) if words else "low bias, low variance"


scenarios = [(1.0, 11.0, 0.0), (15.0, 16.0, 0.0), (15.0, 30.0, 0.0), (0.5, 1.0, 0.0), (15.0, 16.0, 15.0)]
print(" train   dev   Bayes   diagnosis")
for train_error, dev_error, bayes_error in scenarios:
    verdict = diagnose_bias_variance(train_error, dev_error, bayes_error)
    print(f"{train_error:5.1f} % {dev_error:4.0f} % {bayes_error:4.0f} %   {describe(*verdict)}")

assert [diagnose_bias_variance(t, d, b) for t, d, b in scenarios] == [
    (False, True), (True, False), (True, True), (False, False), (False, False)]

# %% [markdown]
# ## 3. The basic recipe
#
# The diagnosis tells you what to work on, in a fixed order.
#
# 1. **High bias?** (look at the *training* error) Try a bigger network (more
#    layers or more hidden units), train longer, use a better optimisation
#    algorithm, or try another architecture. Repeat until the model fits the
#    training set about as well as the Bayes error allows. **More data does not
#    help here**: a model that cannot fit the data it has will not fit more of it.
# 2. **High variance?** (look at the *dev* error) Get more data, regularise (the
#    next notebook), or try another architecture. Then check the bias again:
#    regularising can raise it a little.
# 3. Neither: done.
#
# In the early days of machine learning every remedy for one traded against the
# other (the "bias-variance tradeoff"). With deep learning and big data the
# tradeoff is much weaker: a bigger network, regularised properly, reduces bias
# without hurting variance, and more data reduces variance without hurting bias.
# Training a bigger network almost never hurts, except for the compute it costs.
#
# ### Exercise: `basic_recipe`
#
# Implement `basic_recipe(high_bias, high_variance)`: return the next step, one
# of the three strings `"reduce bias"`, `"reduce variance"` or `"done"`. Bias
# comes first.

# %% id="basic_recipe" kind="solution"
def basic_recipe(high_bias, high_variance):
    """The basic recipe's next step.

    Arguments:
    high_bias -- bool, from diagnose_bias_variance
    high_variance -- bool, from diagnose_bias_variance

    Returns:
    step -- "reduce bias", "reduce variance" or "done"
    """
    ### BEGIN SOLUTION
    if high_bias:
        step = "reduce bias"
    elif high_variance:
        step = "reduce variance"
    else:
        step = "done"
    ### END SOLUTION
    return step


# %% id="basic_recipe_test" kind="test" points=1
check("c2w1.basic_recipe", basic_recipe)
### BEGIN HIDDEN TESTS
check("c2w1.basic_recipe", basic_recipe, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Your two functions together, on the lecture's scenarios. `RECIPE_ACTIONS`
# (from `dlkit.practical`) lists what to try for each step:

# %% kind="locked"
for train_error, dev_error, bayes_error in scenarios:
    step = basic_recipe(*diagnose_bias_variance(train_error, dev_error, bayes_error))
    actions = ", ".join(RECIPE_ACTIONS[step]) or "ship it"
    print(f"train {train_error:4.1f} %, dev {dev_error:4.1f} %, Bayes {bayes_error:4.1f} %: {step:15s} -> {actions}")

assert [basic_recipe(*diagnose_bias_variance(t, d, b)) for t, d, b in scenarios] == [
    "reduce variance", "reduce bias", "reduce bias", "done", "done"]

# %% [markdown]
# ## 4. Normalising the inputs
#
# Suppose one feature ranges from 1 to 1000 (a size in square feet) and another
# from 0 to 1 (a fraction). Normalising gives every feature mean 0 and variance 1,
# in two steps, computed on the **training set** (examples are the columns of
# $X$, shape $(n_x, m)$):
#
# $$\mu = \frac{1}{m} \sum_{i=1}^{m} x^{(i)}, \qquad x := x - \mu,$$
#
# $$\sigma^2 = \frac{1}{m} \sum_{i=1}^{m} \big(x^{(i)}\big)^2 \ \ \text{(elementwise, after centring)}, \qquad x := x / \sigma .$$
#
# $\mu$ and $\sigma^2$ are columns of $n_x$ numbers, one per feature. Two details
# matter:
#
# * **divide by $\sigma$, not by $\sigma^2$.** The lecture notes write
#   "$X$ /= $\sigma^2$", a slip: dividing by the variance leaves a feature whose
#   standard deviation was 300 with a standard deviation of 1/300. Dividing by
#   $\sigma = \sqrt{\sigma^2}$ gives variance 1;
# * **use the same $\mu$ and $\sigma$ for the test set** (and the dev set, and
#   every example the model meets later). The model learned on inputs shifted by
#   $\mu$ and scaled by $\sigma$; a test example must go through the very same
#   transformation, not one computed from the test set's own statistics.
#
# ### Exercise: `normalize_inputs`
#
# Implement `normalize_inputs(X_train, X_test)`. Compute `mu` and `sigma` of
# shape $(n_x, 1)$ from `X_train` (sums over the examples: `axis=1`,
# `keepdims=True`), and return
# `(X_train_norm, X_test_norm, mu, sigma)`, both data sets normalised with the
# training statistics. Use the $\frac{1}{m}$ average of the formulas above
# (`np.std`'s default does too).

# %% id="normalize_inputs" kind="solution"
def normalize_inputs(X_train, X_test):
    """Zero mean and unit variance per feature, with the training set's statistics.

    Arguments:
    X_train -- training examples, numpy array of shape (n_x, m_train)
    X_test -- test examples, numpy array of shape (n_x, m_test)

    Returns:
    X_train_norm -- (X_train - mu) / sigma, shape (n_x, m_train)
    X_test_norm -- (X_test - mu) / sigma, shape (n_x, m_test)
    mu -- mean of each feature over the training set, shape (n_x, 1)
    sigma -- standard deviation of each feature over the training set, shape (n_x, 1)
    """
    ### BEGIN SOLUTION
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.sqrt(np.mean((X_train - mu) ** 2, axis=1, keepdims=True))
    X_train_norm = (X_train - mu) / sigma
    X_test_norm = (X_test - mu) / sigma
    ### END SOLUTION
    return X_train_norm, X_test_norm, mu, sigma


# %% id="normalize_inputs_test" kind="test" points=2
check("c2w1.normalize_inputs", normalize_inputs)
### BEGIN HIDDEN TESTS
check("c2w1.normalize_inputs", normalize_inputs, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's example: $x_1$ between 1 and 1000, $x_2$ between 0 and 1.
# `make_feature_scales` draws 200 training and 50 test examples (and a target
# $y$ that depends on both features, used below).

# %% kind="locked"
X_train, y_train = make_feature_scales(200, seed=1)
X_test, y_test = make_feature_scales(50, seed=2)
X_train_norm, X_test_norm, mu, sigma = normalize_inputs(X_train, X_test)

def show(values):
    return "[" + ", ".join(f"{np.round(v, 3) + 0.0:9.3f}" for v in np.ravel(values)) + "]"


print(f"{'mu':18s}       {show(mu)}   sigma               {show(sigma)}")
for name, data in [("train, raw", X_train), ("train, normalised", X_train_norm),
                   ("test, normalised", X_test_norm)]:
    print(f"{name:18s} means {show(data.mean(axis=1))}   standard deviations {show(data.std(axis=1))}")

assert np.allclose(X_train_norm.mean(axis=1), 0) and np.allclose(X_train_norm.std(axis=1), 1)
assert np.allclose(X_test_norm, (X_test - mu) / sigma), "the test set uses the training mu and sigma"

# %% [markdown]
# The training features now have mean 0 and standard deviation 1 exactly. The
# test features are close to that, but not exactly, and that is how it should
# be: they went through the training set's transformation.
#
# ### Why it helps: the shape of the cost
#
# Take the simplest model, linear regression $\hat{y} = w_1 x_1 + w_2 x_2 + b$
# with the squared-error cost $J(w_1, w_2, b) = \frac{1}{2m} \sum_i (\hat{y}^{(i)} - y^{(i)})^2$.
# When $x_1$ is large, a small change of $w_1$ changes $J$ a lot, while $w_2$ must
# move far to have any effect: the bowl of $J$ is a long, narrow valley.
# Gradient descent then needs a small learning rate (or it overshoots across the
# valley) and crawls along it. With normalised features the bowl is round, the
# gradient points straight at the minimum, and large steps are safe.
#
# The lecture's ranges make a valley about two thousand times longer than wide,
# which no plot can show, so the picture below uses a milder case, $x_1$ in 0..5
# and $x_2$ in 0..1. Each panel shows the contours of $J$ over $(w_1, w_2)$ (with
# $b$ at its best value) and 30 steps of gradient descent from 0, each data set
# with its own best learning rate (80 % of the largest that does not diverge).

# %% kind="locked"
X_mild, y_mild = make_feature_scales(200, ranges=((0, 5), (0, 1)), seed=1)
X_mild_norm, _, _, _ = normalize_inputs(X_mild, X_mild)

fig, axes = plt.subplots(1, 2, figsize=(11, 5))
for ax, data, name in [(axes[0], X_mild, "raw features"), (axes[1], X_mild_norm, "normalised features")]:
    path, costs = gradient_descent_path(data, y_mild, num_steps=30, step=1.6)
    plot_cost_contours(data, y_mild, path, ax=ax,
                       title=f"{name}: $J(w_1, w_2)$, elongation {bowl_elongation(data):.1f}")
    print(f"{name:20s}: cost after 30 steps {costs[-1]:.5f}")
fig.suptitle("Gradient descent on the squared-error cost, before and after normalising $x_1 \\in [0, 5]$, "
             "$x_2 \\in [0, 1]$")
fig.tight_layout()
plt.show()

# %% [markdown]
# On the raw features the path zigzags across the valley and then creeps towards
# the minimum; on the normalised ones it heads straight for it. (The "elongation"
# is the ratio of the longest to the shortest axis of the contour ellipses: 1 for
# a round bowl.)
#
# For the lecture's ranges, 1..1000 and 0..1, the difference is much starker.
# Count the steps gradient descent needs to come within 1 % of the lowest cost:

# %% kind="locked"
def steps_to_reach(costs, target):
    """The first step whose cost is at most target, or None."""
    hits = np.flatnonzero(costs <= target)
    return int(hits[0]) if hits.size else None


best = regression_cost(np.linalg.lstsq(np.vstack([X_train_norm, np.ones((1, 200))]).T, y_train.ravel(),
                                       rcond=None)[0], X_train_norm, y_train)
results = {}
for name, data in [("raw", X_train), ("normalised", X_train_norm)]:
    _, costs = gradient_descent_path(data, y_train, num_steps=20_000, step=1.6)
    results[name] = steps_to_reach(costs, 1.01 * best)
    print(f"{name:10s} features: elongation {bowl_elongation(data):7.1f}, "
          f"steps to within 1 % of the minimum: {results[name] or 'not within 20,000'}, "
          f"cost after 20,000 steps {costs[-1]:.4f} (minimum {best:.4f})")

assert bowl_elongation(X_train) > 500 and bowl_elongation(X_train_norm) < 1.1
assert results["normalised"] <= 20 and results["raw"] is None

# %% [markdown]
# Normalising costs nothing and never hurts, so it is worth doing whenever the
# features live on different scales. When they are already on similar ones
# (say $x_1$ in 0..1, $x_2$ in −1..1, $x_3$ in 1..2) it matters less.
#
# ## 5. Vanishing and exploding activations
#
# Very deep networks have a problem of their own. Take the lecture's thought
# experiment: a network with $L$ layers, two units per layer, **linear**
# activations $g(z) = z$, no biases, and every hidden weight matrix equal to
#
# $$W^{[l]} = \begin{pmatrix} 1.5 & 0 \\ 0 & 1.5 \end{pmatrix} = 1.5\, I \qquad (l = 1, \dots, L-1).$$
#
# Then $a^{[l]} = W^{[l]} a^{[l-1]} = 1.5^l\, x$ and the output is
# $\hat{y} = W^{[L]}\, 1.5^{L-1} x$: it grows **exponentially** with the depth.
# With $W^{[l]} = 0.5\, I$ instead, $\hat{y} = W^{[L]}\, 0.5^{L-1} x$ shrinks
# exponentially. The same powers appear in the gradients, which travel back
# through the same matrices: with 150 layers, $1.5^{149} \approx 10^{26}$ and
# $0.5^{149} \approx 10^{-45}$. Weights only slightly larger than the identity
# make the signal explode; slightly smaller, it vanishes, and gradient descent
# takes tiny steps.
#
# `deep_linear_forward(x, weight_scale, L)` runs this network (with
# $W^{[L]} = (1, 1)$, so $\hat{y}$ is the sum of the last hidden layer's two
# units). For $x = (1, 1)$:

# %% kind="locked"
x = np.array([[1.0], [1.0]])
L = 50
sizes = {}
for scale in (1.5, 1.0, 0.5):
    yhat, activations = deep_linear_forward(x, scale, L)
    sizes[f"$W = {scale}\\,I$"] = [np.linalg.norm(x)] + [np.linalg.norm(a) for a in activations]
    print(f"W = {scale} I, L = {L}: yhat = {yhat[0, 0]:.4g}   (2 x {scale}^{L - 1} = {2 * scale ** (L - 1):.4g})")

formulas = {f"${c}^l\\,|x|$": np.linalg.norm(x) * c ** np.arange(L) for c in (1.5, 0.5)}
plot_layer_scales(sizes, reference=formulas, title=f"Deep linear network, {L} layers: size of $a^{{[l]}}$",
                  ylabel="$|a^{[l]}|$ (log scale)")
plt.show()

yhat_big, _ = deep_linear_forward(x, 1.5, L)
yhat_small, _ = deep_linear_forward(x, 0.5, L)
assert np.isclose(yhat_big[0, 0], 2 * 1.5 ** (L - 1)) and yhat_big[0, 0] > 1e8
assert np.isclose(yhat_small[0, 0], 2 * 0.5 ** (L - 1)) and yhat_small[0, 0] < 1e-13

# %% [markdown]
# On a logarithmic axis exponential growth is a straight line: the slope is
# $\log 1.5$ per layer upwards, $\log 0.5$ downwards, and only $W = I$ keeps the
# size constant. After 50 layers the two outputs differ by a factor $3^{49}$,
# about $10^{23}$.
#
# A real network is not linear and its weights are random, but the lesson
# carries over: the **scale of the initial weights** decides whether the signal
# survives the depth. For a unit with $n$ inputs, $z = w_1 a_1 + \dots + w_n a_n$,
# so the more inputs, the smaller each weight should be: a variance of
# $\mathrm{Var}(w) = 1/n$ (for tanh) or $2/n$ (for ReLU) keeps $z$ on the scale
# of its inputs. This only partly solves the problem, but it helps a lot, and it
# is the subject of the next notebook, `initialization`.
#
# ## What you built
#
# * `split_sizes`: 70/30 or 60/20/20 for small data, 98/1/1 for a million examples,
#   99.5/0.25/0.25 beyond; dev and test from the same distribution.
# * `diagnose_bias_variance`: avoidable bias = train − Bayes error, variance =
#   dev − train; the Bayes error can turn "high bias" into "as good as it gets".
# * `basic_recipe`: bias first (bigger network, train longer), then variance (more
#   data, regularisation).
# * `normalize_inputs`: subtract the training mean, divide by the training standard
#   deviation (not the variance), and apply the same numbers to the test set;
#   a round cost bowl lets gradient descent take big, direct steps.
# * In a deep network with weights $c\,I$ the activations scale like $c^{L-1}$:
#   they explode for $c > 1$ and vanish for $c < 1$.
