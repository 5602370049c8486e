# %% [markdown]
# # Hyperparameter tuning, batch normalisation and softmax
#
# *Course 2, Week 3: the first of two programming assignments.*
#
# This week's lectures cover three topics, and so does this notebook:
#
# 1. **Tuning.** How to search for good hyperparameters: which ones matter most,
#    why random points beat a grid, why a learning rate is sampled on a **log
#    scale**, and how to zoom from a coarse search into a finer one. You write
#    `sample_log_uniform` and `random_search`, then search the learning rate and
#    the momentum $\beta$ of a real (small) network.
# 2. **Batch normalisation.** Normalising the pre-activations $z^{[l]}$ of every
#    layer over the mini-batch, with a learnable scale $\gamma^{[l]}$ and shift
#    $\beta^{[l]}$. You write `batchnorm_forward` (training and test mode, with
#    running averages) and `batchnorm_backward`, and check the gradients numerically.
# 3. **Softmax.** The output layer for $C$ classes: `one_hot` labels, a
#    numerically stable `softmax`, and the cross-entropy cost with its gradient,
#    `softmax_cross_entropy`.
#
# At the end, a deep network built from your functions trains with and without
# batch norm, at the same learning rate.
#
# **Notation** (the lecture's): examples are **columns**, so a layer's
# pre-activations $Z^{[l]}$ form an $(n^{[l]}, m)$ matrix for a mini-batch of $m$
# examples, and the output of a $C$-class network is $(C, m)$. A superscript
# $(i)$ names an example.
#
# **Gradients this week** are slopes of the cost $J$, the average loss over the
# mini-batch: `dZ` means $\partial J / \partial Z$, so the $1/m$ of the average
# is already inside it. Then $dW^{[l]} = dZ^{[l]} A^{[l-1]T}$ needs no further
# $1/m$. (Course 1 kept $dZ$ per example and put the $1/m$ in $dW$; the two
# conventions give the same $dW$.)
#
# In each exercise cell, replace `# YOUR CODE HERE` and `raise NotImplementedError()`
# with your code, run the cell, then run the test cell below it.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from tqdm.auto import tqdm

from autograder import check
from dlkit.activations import sigmoid
from dlkit.batchnorm import init_running
from dlkit.data.planar import make_flower
from dlkit.deep import L_model_backward, L_model_forward, compute_cost, initialize_parameters_deep
from dlkit.gradcheck import numeric_gradient, relative_error
from dlkit.minibatch import minibatch_indices
from dlkit.optim import momentum_step
from dlkit.tuning import decade_counts

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. Hyperparameter tuning
#
# ### 1.1 What to tune first
#
# A network has many knobs, and they are not equally important. The lecture's
# order of priority:
#
# 1. **The learning rate $\alpha$.** Nearly always the most important one: too
#    small and training crawls, too large and it diverges.
# 2. Next: the **momentum** $\beta$ (0.9 is a good default), the **mini-batch
#    size**, and the **number of hidden units**.
# 3. Then: the **number of layers** and the **learning-rate decay**.
# 4. Adam's $\beta_1 = 0.9$, $\beta_2 = 0.999$ and $\varepsilon = 10^{-8}$ are
#    almost never tuned.
#
# This is a rule of thumb, not a law: experienced practitioners disagree on the
# details, but almost all of them start with $\alpha$.
#
# ### 1.2 Random points, not a grid
#
# With two hyperparameters, a $5 \times 5$ grid spends 25 trainings but tries only
# **5 values of each**. If one of the two hardly matters (say Adam's
# $\varepsilon$), the grid has tested just 5 learning rates. 25 **random** points
# try 25 different learning rates for the same price. In higher dimensions the
# argument only gets stronger, and you rarely know in advance which
# hyperparameters matter for your problem.
#
# **Coarse to fine.** After a first round, good points usually cluster in some
# region. Zoom into a smaller box around the best point and sample again, more
# densely there.
#
# ### 1.3 Sampling on a log scale
#
# Suppose $\alpha$ could be anything from $0.0001$ to $1$. Drawing it uniformly
# from that interval puts about 90 % of the values between $0.1$ and $1$, and only
# about 0.1 % between $0.0001$ and $0.001$; yet every decade is as interesting
# as the others. The remedy is to draw the **exponent** uniformly:
#
# $$r \sim \mathcal{U}\big(\log_{10} \text{low},\ \log_{10} \text{high}\big), \qquad \alpha = 10^{r}.$$
#
# For low $= 10^{-4}$ and high $= 1$, $r$ is uniform on $[-4, 0]$, and each of the
# four decades $[10^{-4}, 10^{-3}], \dots, [10^{-1}, 1]$ receives a quarter of the
# values.
#
# **Exercise.** Implement `sample_log_uniform(low, high, n, rng)`. Draw the
# exponents with **one** call `rng.uniform(np.log10(low), np.log10(high), size=n)`
# (`rng` is a `numpy.random.Generator`; using it, and in this order, makes your
# numbers match the tests), then return `10 ** r`.

# %% id="sample_log_uniform" kind="solution"
def sample_log_uniform(low, high, n, rng):
    """n values between low and high, spread evenly over the decades.

    Arguments:
    low, high -- the range, 0 < low <= high
    n -- how many values to draw
    rng -- a numpy.random.Generator, e.g. np.random.default_rng(0)

    Returns:
    samples -- numpy array of shape (n,)
    """
    ### BEGIN SOLUTION
    r = rng.uniform(np.log10(low), np.log10(high), size=n)
    samples = 10 ** r
    ### END SOLUTION
    return samples


# %% id="sample_log_uniform_test" kind="test" points=1
check("c2w3.sample_log_uniform", sample_log_uniform)
### BEGIN HIDDEN TESTS
check("c2w3.sample_log_uniform", sample_log_uniform, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Here are 2000 learning rates between $0.0001$ and $1$ from your sampler, next to
# 2000 drawn uniformly from the same interval. The histograms use bins of equal
# width **in decades** (a log axis).

# %% kind="locked"
rng = np.random.default_rng(0)
lr_log = sample_log_uniform(1e-4, 1.0, 2000, rng)
lr_uniform = rng.uniform(1e-4, 1.0, size=2000)

counts_log = decade_counts(lr_log, 1e-4, 1.0)
counts_uniform = decade_counts(lr_uniform, 1e-4, 1.0)
print("decade:           [1e-4, 1e-3]  [1e-3, 1e-2]  [1e-2, 1e-1]  [1e-1, 1]")
print("log scale:      ", "".join(f"{c:>14d}" for c in counts_log))
print("uniform:        ", "".join(f"{c:>14d}" for c in counts_uniform))

bins = np.logspace(-4, 0, 17)
fig, axes = plt.subplots(1, 2, figsize=(11, 3.5), sharey=True)
for ax, values, title in [(axes[0], lr_uniform, "uniform on [0.0001, 1]"),
                          (axes[1], lr_log, "log scale: 10**r, r uniform on [-4, 0]")]:
    ax.hist(values, bins=bins, color="tab:blue", edgecolor="white")
    ax.set_xscale("log")
    ax.set_xlabel("learning rate (log axis)")
    ax.set_title(title)
axes[0].set_ylabel("number of values (of 2000)")
plt.tight_layout()
plt.show()

assert counts_log.sum() == 2000 and np.all(np.abs(counts_log - 500) < 60), \
    f"log-scale sampling should put about 500 values in each decade, got {counts_log}"
assert counts_uniform[-1] > 1700, "uniform sampling crowds the top decade"

# %% [markdown]
# **Momentum's $\beta$ through $1 - \beta$.** The exponentially weighted average
# with parameter $\beta$ averages over roughly $1/(1 - \beta)$ steps: 10 steps for
# $\beta = 0.9$, 1000 for $\beta = 0.999$. Near 1 the average is very sensitive to
# $\beta$: going from 0.9 to 0.9005 changes the window from 10 to 10.05 steps, but
# going from 0.999 to 0.9995 doubles it, from 1000 to 2000. So to search $\beta$
# between 0.9 and 0.999, sample $1 - \beta$ on a log scale between 0.001 and 0.1
# and set $\beta = 1 - (1 - \beta)$: both decades of windows, 10..100 and
# 100..1000 steps, get half of the values. (The lecture says sampling $\beta$ is
# "tricky"; this is the standard way around it.)

# %% kind="locked"
rng = np.random.default_rng(1)
beta_log = 1 - sample_log_uniform(1 - 0.999, 1 - 0.9, 2000, rng)
beta_uniform = rng.uniform(0.9, 0.999, size=2000)
for name, beta in [("through 1 - beta", beta_log), ("uniform", beta_uniform)]:
    window = 1 / (1 - beta)
    print(f"beta {name:<17}: {np.mean(window < 100):.0%} average over 10-100 steps, "
          f"{np.mean(window >= 100):.0%} over 100-1000 steps")
share_log = np.mean(1 / (1 - beta_log) >= 100)
assert abs(share_log - 0.5) < 0.05, f"about half of the betas should average over more than 100 steps, got {share_log:.0%}"
assert np.mean(1 / (1 - beta_uniform) >= 100) < 0.15

# %% [markdown]
# ### 1.4 Random search, coarse to fine
#
# `random_search` receives an `objective`: a function that takes a dict of
# hyperparameters, for example `{"learning_rate": 0.01, "one_minus_beta": 0.1}`,
# trains a model with them and returns a **cost** (lower is better), typically on
# the dev set. Every hyperparameter is searched on a log scale; `ranges` gives
# the box, e.g. `{"learning_rate": (1e-4, 1.0), "one_minus_beta": (1e-3, 1e-1)}`.
#
# The search runs `n_rounds` rounds of `n_trials` trials each. In round
# $k = 1, 2, \dots$:
#
# 1. for each hyperparameter, **in the order of `ranges`**, draw its `n_trials`
#    values with one call `sample_log_uniform(low, high, n_trials, rng)` in the
#    current box;
# 2. trial $i$ takes the $i$-th value of every hyperparameter: `params` is a dict
#    `{name: value}`; record `{"round": k, "params": params, "cost": objective(params)}`;
# 3. unless this was the last round, find the **best trial of all rounds so far**
#    (smallest cost, the first one if several tie: `np.argmin`) and replace the box
#    by a finer one around it. For each hyperparameter with range (low, high), in
#    decades:
#
# $$a = \log_{10}\text{low},\quad b = \log_{10}\text{high},\quad c = \log_{10}(\text{best value}),\quad
# h = \text{shrink} \cdot \frac{b - a}{2},$$
#
# $$\text{new range} = \Big(10^{\max(a,\ c - h)},\ 10^{\min(b,\ c + h)}\Big).$$
#
# The new box is `shrink` times as many decades wide as the old one, centred on
# the best value, and clipped so that it stays inside the old box.
#
# **Exercise.** Implement `random_search`. Return the list of all trials in the
# order they ran (`n_rounds * n_trials` dicts). Use your `sample_log_uniform`.

# %% id="random_search" kind="solution"
def random_search(objective, ranges, n_trials=20, n_rounds=2, shrink=0.25, rng=None):
    """Coarse-to-fine random search on log scales.

    Arguments:
    objective -- function of a dict {name: value} returning a cost (a number; lower is better)
    ranges -- dict {name: (low, high)}, the first (coarse) box
    n_trials -- trials per round
    n_rounds -- number of rounds; 1 is plain random search
    shrink -- each new box is shrink times as many decades wide as the previous one
    rng -- a numpy.random.Generator

    Returns:
    trials -- list of n_rounds * n_trials dicts {"round": k, "params": {name: value}, "cost": cost},
              rounds numbered from 1
    """
    trials = []
    box = dict(ranges)
    for k in range(1, n_rounds + 1):
        ### BEGIN SOLUTION
        values = {name: sample_log_uniform(low, high, n_trials, rng) for name, (low, high) in box.items()}
        for i in range(n_trials):
            params = {name: float(values[name][i]) for name in box}
            trials.append({"round": k, "params": params, "cost": float(objective(params))})
        if k < n_rounds:
            best = trials[int(np.argmin([t["cost"] for t in trials]))]["params"]
            new_box = {}
            for name, (low, high) in box.items():
                a, b, c = np.log10(low), np.log10(high), np.log10(best[name])
                h = shrink * (b - a) / 2
                new_box[name] = (10 ** max(a, c - h), 10 ** min(b, c + h))
            box = new_box
        ### END SOLUTION
    return trials


# %% id="random_search_test" kind="test" points=2
check("c2w3.random_search", random_search)
### BEGIN HIDDEN TESTS
check("c2w3.random_search", random_search, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 1.5 A real search
#
# Time to tune something real. The model is a small network, LINEAR → RELU →
# LINEAR → RELU → LINEAR → SIGMOID with 16 units per hidden layer, on the
# "flower" data of Course 1 (300 training points, 200 dev points). It trains for
# 15 epochs of mini-batch gradient descent with momentum (mini-batches of 32),
# using `dlkit`'s Course 1 building blocks and its momentum step
# $v = \beta v + (1 - \beta)\, dW$, $W = W - \alpha v$. The objective is the
# **dev-set cost** after training. We search
#
# * the learning rate $\alpha$ between $0.001$ and $10$ (four decades), and
# * $1 - \beta$ between $0.001$ and $1$, that is $\beta$ from $0$ (no momentum)
#   to $0.999$,
#
# with 2 rounds of 30 trials. Each trial trains a fresh network, so this takes a
# few seconds.

# %% kind="locked"
X_flower, Y_flower = make_flower(m=500, seed=1)
X_train, Y_train = X_flower[:, :300], Y_flower[:, :300]
X_dev, Y_dev = X_flower[:, 300:], Y_flower[:, 300:]


def train_flower_net(learning_rate, beta, epochs=15, batch_size=32):
    """A [2, 16, 16, 1] network trained by mini-batch gradient descent with momentum; returns its parameters."""
    params = initialize_parameters_deep([2, 16, 16, 1], scale="1/sqrt(n_prev)", seed=1)
    velocity = {k: np.zeros_like(v) for k, v in params.items()}
    with np.errstate(all="ignore"):          # a learning rate far too large overflows: that trial simply fails
        for epoch in range(epochs):
            for idx in minibatch_indices(X_train.shape[1], batch_size, seed=epoch):
                AL, caches = L_model_forward(X_train[:, idx], params)
                grads = L_model_backward(AL, Y_train[:, idx], caches)
                for k in params:
                    params[k], velocity[k] = momentum_step(params[k], grads["d" + k], velocity[k],
                                                           learning_rate, beta)
    return params


def dev_cost_and_accuracy(params):
    with np.errstate(all="ignore"):
        AL, _ = L_model_forward(X_dev, params)
        cost = compute_cost(AL, Y_dev)
    accuracy = float(np.mean((AL > 0.5) == Y_dev))
    return (cost if np.isfinite(cost) else np.inf), accuracy


progress = tqdm(total=60, desc="trials")


def objective(params):
    progress.update()
    trained = train_flower_net(params["learning_rate"], 1 - params["one_minus_beta"])
    return dev_cost_and_accuracy(trained)[0]


search_ranges = {"learning_rate": (1e-3, 10.0), "one_minus_beta": (1e-3, 1.0)}
trials = random_search(objective, search_ranges, n_trials=30, n_rounds=2, shrink=0.3,
                       rng=np.random.default_rng(7))
progress.close()

# %% [markdown]
# Each dot below is one trained network, placed by its learning rate and its
# $1 - \beta$ on log axes and coloured by its dev cost (yellow is good). Circles
# are the coarse round, triangles the fine round; the dashed rectangle is the
# box of the fine round.

# %% kind="locked"
coarse = [t for t in trials if t["round"] == 1]
fine = [t for t in trials if t["round"] == 2]
best = min(trials, key=lambda t: t["cost"])
best_coarse = min(coarse, key=lambda t: t["cost"])


def fine_box(center, ranges, shrink):
    box = {}
    for name, (low, high) in ranges.items():
        a, b, c = np.log10(low), np.log10(high), np.log10(center[name])
        h = shrink * (b - a) / 2
        box[name] = (10 ** max(a, c - h), 10 ** min(b, c + h))
    return box


box2 = fine_box(best_coarse["params"], search_ranges, 0.3)

fig, ax = plt.subplots(figsize=(7.5, 5.5))
for group, marker, label in [(coarse, "o", "round 1 (coarse)"), (fine, "^", "round 2 (fine)")]:
    sc = ax.scatter([t["params"]["learning_rate"] for t in group], [t["params"]["one_minus_beta"] for t in group],
                    c=np.clip([t["cost"] for t in group], 0, 0.7), cmap="viridis_r", vmin=0.1, vmax=0.7,
                    marker=marker, s=55, edgecolors="k", linewidths=0.5)
(x0, x1), (y0, y1) = box2["learning_rate"], box2["one_minus_beta"]
ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, linestyle="--", edgecolor="tab:red"))
ax.scatter([best["params"]["learning_rate"]], [best["params"]["one_minus_beta"]], marker="*", s=300,
           color="tab:red", edgecolors="k", zorder=3)
handles = [Line2D([], [], marker="o", linestyle="", color="lightgray", markeredgecolor="k", label="round 1 (coarse)"),
           Line2D([], [], marker="^", linestyle="", color="lightgray", markeredgecolor="k", label="round 2 (fine)"),
           Line2D([], [], linestyle="--", color="tab:red", label="box of round 2"),
           Line2D([], [], marker="*", markersize=14, linestyle="", color="tab:red", markeredgecolor="k",
                  label="best trial")]
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlim(*search_ranges["learning_rate"])
ax.set_ylim(*search_ranges["one_minus_beta"])
ax.set_xlabel(r"learning rate $\alpha$ (log axis)")
ax.set_ylabel(r"$1 - \beta$ (log axis; $\beta$ = 0.999 at the bottom, 0 at the top)")
ax.set_title("Random search, coarse to fine: dev cost of each trained network")
fig.colorbar(sc, ax=ax, label="dev cost J (clipped at 0.7, about chance level)")
ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8)
plt.show()

best_params = train_flower_net(best["params"]["learning_rate"], 1 - best["params"]["one_minus_beta"])
best_cost, best_accuracy = dev_cost_and_accuracy(best_params)
median_coarse, median_fine = np.median([t["cost"] for t in coarse]), np.median([t["cost"] for t in fine])
print(f"best trial: round {best['round']}, learning rate {best['params']['learning_rate']:.3g}, "
      f"beta {1 - best['params']['one_minus_beta']:.3f}")
print(f"  dev cost {best_cost:.3f}, dev accuracy {best_accuracy:.1%}")
print(f"median dev cost: round 1 {median_coarse:.3f}, round 2 {median_fine:.3f}")
assert best_accuracy >= 0.9, f"the best network should classify at least 90 % of the dev points, got {best_accuracy:.1%}"
assert median_fine < median_coarse, "the fine round should search a better region than the coarse round"

# %% [markdown]
# Read the picture from left to right. With $\alpha$ below about $0.01$ the
# network barely moves in 15 epochs (dark dots on the left). With $\alpha$ of
# several units, training blows up (dark dots on the right). In between lies a
# band of good networks, and it **tilts**: where $\beta$ is close to 1 (at the
# bottom) small learning rates do badly and larger ones still work. The reason is
# the warm-up of the average: $v$ starts at 0 and needs about $1/(1-\beta)$ steps
# to build up (there is no bias correction here). Training has only
# $15 \times 10 = 150$ steps, so with $\beta = 0.999$ the steps stay small the whole
# time and a larger $\alpha$ compensates. Hyperparameters interact, which is one
# more reason to search them together, at random, rather than one at a time.
#
# The fine round spends all its 30 trials inside the dashed box, around the best
# coarse point, and most of them land in the good region.
#
# **Pandas or caviar?** The lecture describes two ways to organise a search. With
# little compute, you **babysit one model** (the panda, one baby at a time), nudging
# the learning rate up or down day after day as you watch its cost curve. With
# enough compute you **train many models in parallel** (caviar: many eggs) with
# different hyperparameters, as here, and keep the best. Either way, re-evaluate
# your hyperparameters every few months: data, hardware and code change, and so
# do the best settings.

# %% [markdown]
# ## 2. Batch normalisation
#
# ### 2.1 The forward pass
#
# Normalising the inputs $X$ (Week 1) makes the cost surface rounder and gradient
# descent faster. Batch normalisation (Ioffe and Szegedy, 2015) does the same for
# every hidden layer: it normalises the pre-activations $z^{[l]}$ of each unit over
# the examples of the mini-batch, before the activation function. For one layer,
# dropping the $[l]$, with $z^{(1)}, \dots, z^{(m)}$ the columns of $Z$:
#
# $$\mu = \frac{1}{m} \sum_{i=1}^{m} z^{(i)}, \qquad
# \sigma^2 = \frac{1}{m} \sum_{i=1}^{m} \big(z^{(i)} - \mu\big)^2,$$
#
# $$z_{\text{norm}}^{(i)} = \frac{z^{(i)} - \mu}{\sqrt{\sigma^2 + \varepsilon}}, \qquad
# \tilde{z}^{(i)} = \gamma\, z_{\text{norm}}^{(i)} + \beta .$$
#
# The layer then uses $\tilde{z}^{[l]}$ instead of $z^{[l]}$:
# $a^{[l]} = g^{[l]}(\tilde{z}^{[l]})$.
#
# * Each unit is normalised **separately**: $\mu$ and $\sigma^2$ are computed per
#   row of $Z$, over its $m$ columns (`axis=1`), and have shape $(n^{[l]}, 1)$.
# * $\varepsilon$ keeps the division safe when a unit barely varies. The lecture
#   does not give a value; we use $\varepsilon = 10^{-5}$, a common choice.
# * $\gamma^{[l]}$ and $\beta^{[l]}$, both of shape $(n^{[l]}, 1)$, are **learned**
#   like $W$, by gradient descent, momentum, RMSprop or Adam. They let the network
#   choose any mean and spread for $\tilde z$, including undoing the normalisation
#   ($\gamma = \sqrt{\sigma^2 + \varepsilon}$, $\beta = \mu$). This $\beta$ has nothing
#   to do with momentum's $\beta$.
# * *(supplement)* The bias $b^{[l]}$ becomes useless: whatever constant it adds
#   to a row of $Z$, the mean subtraction removes, and $\beta^{[l]}$ takes over its role.
#   Networks with batch norm drop $b^{[l]}$ in those layers.
#
# **Test time.** At test time there may be a single example, and its own mean and
# variance mean nothing (the variance of one number is 0). So during training each
# layer also keeps **running averages** of $\mu$ and $\sigma^2$, exponentially
# weighted averages across mini-batches, as in Week 2:
#
# $$\mu_{\text{running}} = \text{momentum} \cdot \mu_{\text{running}} + (1 - \text{momentum})\, \mu,$$
#
# and the same for $\sigma^2$, with momentum $= 0.9$ by default. In test mode the
# layer normalises with $\mu_{\text{running}}$ and $\sigma^2_{\text{running}}$ and
# leaves them unchanged.
#
# **Exercise.** Implement `batchnorm_forward`. `running` is a dict with keys
# `"mean"` and `"var"`, each of shape $(n, 1)$. In training mode, compute $\mu$ and
# $\sigma^2$ of the mini-batch (`np.mean`, `np.var` with `axis=1, keepdims=True`)
# and return a **new** dict of updated running averages; in test mode, use the
# running averages and return `running` unchanged. Compute
# `inv_std` $= 1/\sqrt{\sigma^2 + \varepsilon}$ and `Z_norm`; the cache
# `(Z_norm, inv_std, gamma, mode)` is what the backward pass will need.

# %% id="batchnorm_forward" kind="solution"
def batchnorm_forward(Z, gamma, beta, running, mode="train", momentum=0.9, epsilon=1e-5):
    """Batch normalisation of a layer's pre-activations.

    Arguments:
    Z -- pre-activations, shape (n, m): n units, m examples
    gamma, beta -- learnable scale and shift, shape (n, 1)
    running -- dict {"mean": (n, 1), "var": (n, 1)}: running averages of mu and sigma^2
    mode -- "train" (statistics of this mini-batch) or "test" (running averages)
    momentum -- weight of the old value in the running averages
    epsilon -- added to the variance, inside the square root

    Returns:
    Z_tilde -- gamma * Z_norm + beta, shape (n, m)
    cache -- (Z_norm, inv_std, gamma, mode), with inv_std = 1 / sqrt(var + epsilon) of shape (n, 1)
    running -- the running averages after this call (a new dict in training mode, the same in test mode)
    """
    ### BEGIN SOLUTION
    if mode == "train":
        mu = np.mean(Z, axis=1, keepdims=True)
        var = np.var(Z, axis=1, keepdims=True)
        running = {"mean": momentum * running["mean"] + (1 - momentum) * mu,
                   "var": momentum * running["var"] + (1 - momentum) * var}
    else:
        mu, var = running["mean"], running["var"]
    inv_std = 1 / np.sqrt(var + epsilon)
    Z_norm = (Z - mu) * inv_std
    Z_tilde = gamma * Z_norm + beta
    ### END SOLUTION
    cache = (Z_norm, inv_std, gamma, mode)
    return Z_tilde, cache, running


# %% id="batchnorm_forward_test" kind="test" points=2
check("c2w3.batchnorm_forward", batchnorm_forward)
### BEGIN HIDDEN TESTS
check("c2w3.batchnorm_forward", batchnorm_forward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **What comes out.** A mini-batch of 500 examples for a layer of 4 units whose
# pre-activations have very different means and spreads. After batch norm, each
# unit's mean should be its $\beta$ and its standard deviation its $\gamma$
# (up to the tiny $\varepsilon$).

# %% kind="locked"
rng = np.random.default_rng(3)
means_in, stds_in = np.array([[3.0], [-2.0], [10.0], [0.0]]), np.array([[2.0], [0.5], [5.0], [1.0]])
Z_demo = means_in + stds_in * rng.normal(size=(4, 500))
gamma_demo = np.array([[1.0], [2.0], [0.5], [3.0]])
beta_demo = np.array([[0.0], [-1.0], [4.0], [0.5]])
Z_tilde_demo, _, _ = batchnorm_forward(Z_demo, gamma_demo, beta_demo, init_running(4))

print("unit   mean in   std in  ->  mean out  std out   (beta, gamma)")
for j in range(4):
    print(f"{j:>4}  {Z_demo[j].mean():8.3f}  {Z_demo[j].std():7.3f}  ->  {Z_tilde_demo[j].mean():8.4f}  "
          f"{Z_tilde_demo[j].std():7.4f}   ({beta_demo[j, 0]:g}, {gamma_demo[j, 0]:g})")
np.testing.assert_allclose(Z_tilde_demo.mean(axis=1, keepdims=True), beta_demo, atol=1e-8,
                           err_msg="the mean of each unit after batch norm should be beta")
np.testing.assert_allclose(Z_tilde_demo.std(axis=1, keepdims=True), gamma_demo, rtol=1e-4,
                           err_msg="the standard deviation of each unit after batch norm should be gamma")

# %% [markdown]
# **Training mode versus test mode.** We feed 200 mini-batches of 64 examples,
# drawn from the same distribution as above, through the layer in training mode,
# so that the running averages settle on the true mean and variance of each unit.
# Then we normalise a **single** new example, once in test mode and once (wrongly)
# in training mode.

# %% kind="locked"
running = init_running(4)
for t in range(200):
    Z_batch = means_in + stds_in * rng.normal(size=(4, 64))
    _, _, running = batchnorm_forward(Z_batch, gamma_demo, beta_demo, running, mode="train")
print("running mean:", np.round(running["mean"].ravel(), 2), "  true mean:", means_in.ravel())
print("running var: ", np.round(running["var"].ravel(), 2), "  true var: ", (stds_in ** 2).ravel())

z_single = np.array([[5.0], [-2.0], [0.0], [1.0]])        # one example: (4, 1)
out_test, _, running_after = batchnorm_forward(z_single, gamma_demo, beta_demo, running, mode="test")
out_train, _, _ = batchnorm_forward(z_single, gamma_demo, beta_demo, running, mode="train")
expected = gamma_demo * (z_single - means_in) / stds_in + beta_demo
print("test mode: ", np.round(out_test.ravel(), 3), "  (gamma (z - mean) / std + beta:",
      np.round(expected.ravel(), 3), ")")
print("train mode:", np.round(out_train.ravel(), 3), "  = beta: a single example is its own mean")

np.testing.assert_allclose(running["mean"], means_in, atol=0.25)
np.testing.assert_allclose(running["var"], stds_in ** 2, rtol=0.25)
np.testing.assert_allclose(out_test, expected, atol=0.25)
np.testing.assert_allclose(out_train, beta_demo, atol=1e-6)
for key in ("mean", "var"):
    np.testing.assert_array_equal(running_after[key], running[key],
                                  err_msg="test mode must leave the running averages as they are")

# %% [markdown]
# In training mode a lone example is its own mean, so $z - \mu = 0$ and every unit
# outputs just $\beta$: the example's information is gone. That is why a network
# trained with batch norm must switch to test mode to make predictions.
#
# ### 2.2 The backward pass *(supplement: the lecture does not derive it)*
#
# The backward pass receives `dZ_tilde` $= \partial J / \partial \tilde Z$ and returns
# $\partial J / \partial Z$, $\partial J / \partial \gamma$ and $\partial J / \partial \beta$.
# Per unit (one row), with $\hat\sigma = \sqrt{\sigma^2 + \varepsilon}$, so that `inv_std`
# $= 1/\hat\sigma$:
#
# * $\tilde z^{(i)} = \gamma z_{\text{norm}}^{(i)} + \beta$, and $\gamma$, $\beta$ act on every
#   example, so their slopes **sum** over the examples:
#   $$d\beta = \sum_{i} d\tilde z^{(i)}, \qquad d\gamma = \sum_i d\tilde z^{(i)}\, z_{\text{norm}}^{(i)}.$$
#   (No $1/m$: it is already inside $d\tilde z$.)
# * The slope reaching $z_{\text{norm}}$ is $dz_{\text{norm}}^{(i)} = \gamma\, d\tilde z^{(i)}$.
# * **Test mode:** $\mu$ and $\hat\sigma$ are constants, so
#   $dz^{(i)} = dz_{\text{norm}}^{(i)} / \hat\sigma$.
# * **Training mode:** $\mu$ and $\sigma^2$ are computed from the mini-batch, so each
#   $z^{(i)}$ also moves them, and through them every $z_{\text{norm}}^{(j)}$. Collecting the
#   three paths (directly, through $\mu$, through $\sigma^2$) gives
#   $$dz^{(i)} = \frac{1}{\hat\sigma}\Big(dz_{\text{norm}}^{(i)}
#   - \frac{1}{m}\sum_j dz_{\text{norm}}^{(j)}
#   - z_{\text{norm}}^{(i)}\, \frac{1}{m}\sum_j dz_{\text{norm}}^{(j)} z_{\text{norm}}^{(j)}\Big).$$
#   The two subtracted terms remove from the gradient what would only shift
#   the mean or change the spread of the batch, which normalisation undoes anyway.
#
# **Exercise.** Implement `batchnorm_backward(dZ_tilde, cache)`. The sums and means
# run over the examples: `axis=1, keepdims=True`. Use the mode stored in the cache.

# %% id="batchnorm_backward" kind="solution"
def batchnorm_backward(dZ_tilde, cache):
    """Gradients of batch normalisation.

    Arguments:
    dZ_tilde -- dJ/dZ_tilde, shape (n, m) (slopes of the cost: the 1/m is inside)
    cache -- (Z_norm, inv_std, gamma, mode) from batchnorm_forward

    Returns:
    dZ -- dJ/dZ, shape (n, m)
    dgamma -- dJ/dgamma, shape (n, 1)
    dbeta -- dJ/dbeta, shape (n, 1)
    """
    Z_norm, inv_std, gamma, mode = cache
    ### BEGIN SOLUTION
    dbeta = np.sum(dZ_tilde, axis=1, keepdims=True)
    dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True)
    dZ_norm = gamma * dZ_tilde
    if mode == "train":
        dZ = inv_std * (dZ_norm - np.mean(dZ_norm, axis=1, keepdims=True)
                        - Z_norm * np.mean(dZ_norm * Z_norm, axis=1, keepdims=True))
    else:
        dZ = inv_std * dZ_norm
    ### END SOLUTION
    return dZ, dgamma, dbeta


# %% id="batchnorm_backward_test" kind="test" points=2
check("c2w3.batchnorm_backward", batchnorm_backward)
### BEGIN HIDDEN TESTS
check("c2w3.batchnorm_backward", batchnorm_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Gradient check of the whole layer.** Take a small cost that depends on the
# output of the layer, $J = \frac{1}{2m} \sum_{i} \lVert \tilde z^{(i)} - t^{(i)} \rVert^2$
# with fixed random targets $t$, so that $d\tilde Z = (\tilde Z - T)/m$. The numeric
# slopes of $J$ with respect to every entry of $Z$, $\gamma$ and $\beta$ (the two-sided
# differences of Week 1) must agree with your `batchnorm_backward`, in both modes.

# %% kind="locked"
rng = np.random.default_rng(4)
Z_check = rng.normal(2.0, 3.0, size=(3, 6))
gamma_check, beta_check = rng.normal(1.0, 0.5, size=(3, 1)), rng.normal(size=(3, 1))
T_check = rng.normal(size=(3, 6))
running_check = {"mean": rng.normal(size=(3, 1)), "var": rng.uniform(0.5, 2.0, size=(3, 1))}
m_check = Z_check.shape[1]

for mode in ("train", "test"):
    def J(Z, gamma, beta):
        Z_tilde, _, _ = batchnorm_forward(Z, gamma, beta, running_check, mode=mode)
        return float(np.sum((Z_tilde - T_check) ** 2) / (2 * m_check))

    Z_tilde, cache, _ = batchnorm_forward(Z_check, gamma_check, beta_check, running_check, mode=mode)
    dZ, dgamma, dbeta = batchnorm_backward((Z_tilde - T_check) / m_check, cache)
    numeric = {
        "dZ": numeric_gradient(lambda z: J(z, gamma_check, beta_check), Z_check.copy(), 1e-6),
        "dgamma": numeric_gradient(lambda g: J(Z_check, g, beta_check), gamma_check.copy(), 1e-6),
        "dbeta": numeric_gradient(lambda b: J(Z_check, gamma_check, b), beta_check.copy(), 1e-6),
    }
    errors = {k: relative_error(numeric[k], v) for k, v in zip(numeric, (dZ, dgamma, dbeta))}
    print(f"{mode:>5} mode: " + ", ".join(f"{k} relative error {e:.1e}" for k, e in errors.items()))
    for k, e in errors.items():
        assert e < 1e-7, f"{mode} mode: {k} disagrees with the numeric slope (relative error {e:.1e})"

# %% [markdown]
# Relative errors around $10^{-9}$ or below: the formulas are right.
#
# ### 2.3 Why does batch norm help?
#
# * **Normalised inputs for every layer.** Like normalised features, the
#   pre-activations of each layer stay on a similar scale, whatever the scale of
#   the weights before them.
# * **Less covariate shift.** The lecture's example: a cat classifier trained on
#   black cats only, then shown coloured cats. The mapping from image to label is
#   the same, but the input distribution has moved, and the model may fail.
#   Inside a network the same happens all the time: layer 3 learns from the
#   outputs of layers 1 and 2, which change at every step. Batch norm fixes the
#   mean and variance of what layer 3 sees ($\beta^{[2]}$, $\gamma^{[2]}$), so it
#   has a steadier ground to learn on, and the layers learn more independently.
# * **A slight regularisation.** $\mu$ and $\sigma^2$ come from one mini-batch, so
#   they are noisy and add a little noise to every activation, a bit like
#   dropout. The larger the mini-batch, the weaker the effect (less with 512
#   examples than with 64). Do not use batch norm *as* a regulariser; it is a side
#   effect.
#
# Section 4 shows the effect on a deep network.

# %% [markdown]
# ## 3. Softmax regression
#
# ### 3.1 One-hot labels
#
# With $C$ classes the output layer has $n^{[L]} = C$ units, and the label of an
# example becomes a **one-hot** column of $C$ zeros with a single 1 at its class.
# The lecture's example has $C = 4$: 0 "other", 1 cat, 2 dog, 3 baby chick. A cat is
# $y = [0, 1, 0, 0]^T$, and the labels of $m$ examples form a $(C, m)$ matrix $Y$:
# classes are rows, examples are columns.
#
# **Exercise.** Implement `one_hot(labels, C)`. The labels are integers from $0$ to
# $C-1$, given as a rank-1 array of shape $(m,)$ or as a row $(1, m)$: flatten them
# first (`np.asarray(labels).reshape(-1)`). Then set one entry per column,
# `Y[labels, np.arange(m)] = 1`, in a matrix of zeros.

# %% id="one_hot" kind="solution"
def one_hot(labels, C):
    """One-hot matrix of integer class labels.

    Arguments:
    labels -- integers in 0 .. C-1, shape (m,) or (1, m)
    C -- number of classes

    Returns:
    Y -- shape (C, m): Y[k, i] = 1 if example i has class k, else 0
    """
    ### BEGIN SOLUTION
    labels = np.asarray(labels).reshape(-1)
    m = labels.size
    Y = np.zeros((C, m))
    Y[labels, np.arange(m)] = 1
    ### END SOLUTION
    return Y


# %% id="one_hot_test" kind="test" points=1
check("c2w3.one_hot", one_hot)
### BEGIN HIDDEN TESTS
check("c2w3.one_hot", one_hot, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 3.2 The softmax activation
#
# The output layer computes $z^{[L]} = W^{[L]} a^{[L-1]} + b^{[L]}$, a column of $C$
# numbers per example, and turns it into probabilities that sum to 1:
#
# $$t = e^{z^{[L]}} \ \text{(elementwise)}, \qquad
# a^{[L]} = \hat y = \frac{t}{\sum_{j=1}^{C} t_j}, \qquad \text{i.e.}\quad \hat y_j = \frac{e^{z_j}}{\sum_{k} e^{z_k}} .$$
#
# Unlike sigmoid or ReLU, softmax maps a whole column to a column: each output
# depends on all $C$ inputs. Its name contrasts it with **hardmax**, which puts a 1
# at the largest $z_j$ and 0 elsewhere; softmax is a soft version of it.
#
# **Stability.** $e^{z}$ overflows for $z$ above about 709 (`np.exp(1000)` is
# `inf`, and `inf / inf` is `nan`). Subtracting any constant $c$ from a column does
# not change the result, because $e^{z_j - c} / \sum_k e^{z_k - c} = e^{z_j} / \sum_k e^{z_k}$.
# With $c$ the column's maximum, every exponent is at most 0 and the largest term is
# exactly 1, so nothing overflows.
#
# **Exercise.** Implement `softmax(Z)` for $Z$ of shape $(C, m)$, column by column:
# subtract each column's maximum (`np.max(Z, axis=0, keepdims=True)`), exponentiate,
# and divide by each column's sum.

# %% id="softmax" kind="solution"
def softmax(Z):
    """Softmax of each column of Z.

    Arguments:
    Z -- scores, shape (C, m): one column of C class scores per example

    Returns:
    A -- probabilities, shape (C, m); every column is positive and sums to 1
    """
    ### BEGIN SOLUTION
    t = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    A = t / np.sum(t, axis=0, keepdims=True)
    ### END SOLUTION
    return A


# %% id="softmax_test" kind="test" points=1
check("c2w3.softmax", softmax)
### BEGIN HIDDEN TESTS
check("c2w3.softmax", softmax, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **The worked example.** For $z^{[L]} = [5, 2, -1, 3]^T$:
# $t = [e^5, e^2, e^{-1}, e^3] \approx [148.4, 7.4, 0.4, 20.1]$, which sum to about
# $176.3$, so $\hat y \approx [0.842, 0.042, 0.002, 0.114]$. Hardmax would output
# $[1, 0, 0, 0]$.

# %% kind="locked"
z_example = np.array([[5.0], [2.0], [-1.0], [3.0]])
y_hat = softmax(z_example)
hardmax = (z_example == z_example.max(axis=0, keepdims=True)).astype(float)
print("t = e^z        :", np.round(np.exp(z_example).ravel(), 1), " sum", round(float(np.exp(z_example).sum()), 1))
print("softmax(z)     :", np.round(y_hat.ravel(), 3), f" sum {float(y_hat.sum()):.3f}")
print("hardmax(z)     :", hardmax.ravel())
np.testing.assert_allclose(y_hat.ravel(), [0.842, 0.042, 0.002, 0.114], atol=5e-4)

# %% [markdown]
# **Two classes: softmax is logistic regression.** With $C = 2$,
# $\hat y_1 = e^{z_1} / (e^{z_1} + e^{z_2}) = 1 / (1 + e^{-(z_1 - z_2)}) = \sigma(z_1 - z_2)$.
# Only the difference of the two scores matters, and softmax regression
# generalises logistic regression to $C$ classes. The cell checks this numerically
# with $z_2 = 0$, so that $\hat y_1 = \sigma(z_1)$, and for random pairs.

# %% kind="locked"
z1 = np.linspace(-8, 8, 17)
A_two = softmax(np.vstack([z1, np.zeros_like(z1)]))
with np.printoptions(precision=4, suppress=True):
    print("z1            :", z1[::4])
    print("softmax, row 0:", A_two[0, ::4])
    print("sigmoid(z1)   :", sigmoid(z1)[::4])
np.testing.assert_allclose(A_two[0], sigmoid(z1), rtol=1e-12)
Z_pairs = np.random.default_rng(5).normal(0, 4, size=(2, 10))
np.testing.assert_allclose(softmax(Z_pairs)[0], sigmoid(Z_pairs[0] - Z_pairs[1]), rtol=1e-12)

# %% [markdown]
# ### 3.3 The cost and its gradient
#
# The loss of one example compares the one-hot label $y$ with the probabilities $\hat y$:
#
# $$\mathcal{L}(\hat y, y) = -\sum_{j=1}^{C} y_j \log \hat y_j ,$$
#
# which, since only the true class $c$ has $y_c = 1$, is $-\log \hat y_c$: small
# when the network gives the true class a high probability. The cost averages it,
# $J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(\hat y^{(i)}, y^{(i)})$.
# For the example above with a cat ($c = 1$), $J = -\log 0.042 \approx 3.17$.
#
# The gradient with respect to the scores is remarkably simple (softmax and
# log cancel): $\partial \mathcal{L} / \partial z = \hat y - y$. For the cost, an average,
#
# $$dZ = \frac{\partial J}{\partial Z} = \frac{1}{m} (\hat Y - Y), \quad \text{shape } (C, m).$$
#
# **Stable logarithms.** `np.log(softmax(Z))` fails when a probability rounds to 0:
# $\log 0 = -\infty$, and the $0 \cdot (-\infty)$ of a wrong class gives `nan`. Take
# the logarithm of the softmax formula instead (the "log-sum-exp" trick), with
# $c = \max_k z_k$ per column:
#
# $$\log \hat y_j = (z_j - c) - \log \sum_k e^{z_k - c} .$$
#
# **Exercise.** Implement `softmax_cross_entropy(Z, Y)`: compute the log-probabilities
# as above (per column, `axis=0`), the cost $J$ as a float, and `dZ`.

# %% id="softmax_cross_entropy" kind="solution"
def softmax_cross_entropy(Z, Y):
    """Softmax cross-entropy cost of scores Z against one-hot labels Y, and its gradient.

    Arguments:
    Z -- scores (logits) of the output layer, shape (C, m)
    Y -- one-hot labels, shape (C, m)

    Returns:
    cost -- J = -(1/m) * sum over examples and classes of Y * log(softmax(Z)), a float
    dZ -- dJ/dZ = (softmax(Z) - Y) / m, shape (C, m)
    """
    m = Z.shape[1]
    ### BEGIN SOLUTION
    shifted = Z - np.max(Z, axis=0, keepdims=True)
    log_A = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))
    cost = float(-np.sum(Y * log_A) / m)
    dZ = (np.exp(log_A) - Y) / m
    ### END SOLUTION
    return cost, dZ


# %% id="softmax_cross_entropy_test" kind="test" points=2
check("c2w3.softmax_cross_entropy", softmax_cross_entropy)
### BEGIN HIDDEN TESTS
check("c2w3.softmax_cross_entropy", softmax_cross_entropy, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's example with a cat as the label, a gradient check of `dZ` on a
# batch of 5 examples with 4 classes, and the confident case that breaks the
# naive logarithm.

# %% kind="locked"
Y_cat = one_hot([1], 4)
cost_cat, dZ_cat = softmax_cross_entropy(z_example, Y_cat)
print(f"label: cat {Y_cat.ravel()}, cost = {cost_cat:.4f} = -log {y_hat[1, 0]:.4f}")
print("dZ =", np.round(dZ_cat.ravel(), 3), "= y_hat - y")
assert abs(cost_cat - 3.17) < 0.005, f"the cost for a cat should be about 3.17, got {cost_cat}"
np.testing.assert_allclose(dZ_cat, y_hat - Y_cat)

rng = np.random.default_rng(6)
Z_batch = rng.normal(0, 2, size=(4, 5))
Y_batch = one_hot(rng.integers(0, 4, size=5), 4)
_, dZ_batch = softmax_cross_entropy(Z_batch, Y_batch)
dZ_numeric = numeric_gradient(lambda z: softmax_cross_entropy(z, Y_batch)[0], Z_batch.copy(), 1e-6)
error = relative_error(dZ_numeric, dZ_batch)
print(f"gradient check of dZ: relative error {error:.1e}")
assert error < 1e-7, f"dZ disagrees with the numeric slope of the cost (relative error {error:.1e})"

cost_big, _ = softmax_cross_entropy(np.array([[800.0, 800.0], [0.0, 0.0]]), one_hot([0, 1], 2))
print(f"logits 800 apart, one right and one wrong: cost = {cost_big} (= (0 + 800) / 2)")
assert abs(cost_big - 400.0) < 1e-9

# %% [markdown]
# ## 4. Putting it together: a deep network with batch norm *(supplement)*
#
# Does batch norm really speed up training? Here is a deep network built from your
# functions: 10 hidden layers of 32 ReLU units and a softmax output with $C = 2$
# classes (by section 3.2 this is a logistic output in disguise), trained on the 300
# flower points with mini-batches of 100 and plain gradient descent.
#
# * **Without batch norm**, layer $l$ computes $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$,
#   then ReLU.
# * **With batch norm**, it computes $Z^{[l]} = W^{[l]} A^{[l-1]}$ (no bias), then
#   $\tilde Z^{[l]}$ with your `batchnorm_forward`, then ReLU; $\gamma^{[l]}$ and
#   $\beta^{[l]}$ start at 1 and 0 and are learned. The output layer has no batch norm.
#
# Both start from the same weights, $W^{[l]}$ = `randn` $/ \sqrt{n^{[l-1]}}$ (the
# initialisation of Course 1's application), and use the **same learning rate**,
# 0.05. For ReLU layers this initialisation shrinks the signal a little at every
# layer, which ten layers turn into a lot. The backward pass follows the
# convention of this notebook: `softmax_cross_entropy` gives $dZ^{[L]}$ with the $1/m$
# inside, so $dW^{[l]} = dZ^{[l]} A^{[l-1]T}$. After each epoch we record the cost on
# the whole training set (in test mode for batch norm: running averages, as the
# deployed network would use).

# %% kind="locked"
Y_train_onehot = one_hot(Y_train.astype(int), 2)
layer_dims = [2] + [32] * 10 + [2]


def init_network(layer_dims, batch_norm, seed=1):
    rng = np.random.RandomState(seed)
    params = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        params[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        if batch_norm and l < L:
            params[f"gamma{l}"] = np.ones((layer_dims[l], 1))
            params[f"beta{l}"] = np.zeros((layer_dims[l], 1))
        else:
            params[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return params


def network_forward(X, params, running, mode):
    """[LINEAR -> (BATCH NORM) -> RELU] x (L-1) -> LINEAR: Z^[L] (C, m), caches, running averages."""
    L = sum(k.startswith("W") for k in params)
    A, caches, new_running = X, [], dict(running)
    for l in range(1, L):
        Z = params[f"W{l}"] @ A
        if f"gamma{l}" in params:
            Z_tilde, bn_cache, new_running[l] = batchnorm_forward(Z, params[f"gamma{l}"], params[f"beta{l}"],
                                                                  running[l], mode=mode)
        else:
            Z_tilde, bn_cache = Z + params[f"b{l}"], None
        caches.append((A, Z_tilde, bn_cache))
        A = np.maximum(Z_tilde, 0)
    caches.append((A, None, None))
    return params[f"W{L}"] @ A + params[f"b{L}"], caches, new_running


def network_backward(dZL, params, caches):
    grads, dZ = {}, dZL
    for l in range(len(caches), 0, -1):
        A_prev = caches[l - 1][0]
        grads[f"dW{l}"] = dZ @ A_prev.T
        if f"b{l}" in params:
            grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            _, Z_tilde, bn_cache = caches[l - 2]
            dZ_tilde = (params[f"W{l}"].T @ dZ) * (Z_tilde > 0)     # back through W^[l], then the ReLU
            if bn_cache is None:
                dZ = dZ_tilde
            else:
                dZ, grads[f"dgamma{l - 1}"], grads[f"dbeta{l - 1}"] = batchnorm_backward(dZ_tilde, bn_cache)
    return grads


def train_network(batch_norm, learning_rate=0.05, epochs=40, batch_size=100):
    params = init_network(layer_dims, batch_norm)
    running = {l: init_running(n) for l, n in enumerate(layer_dims[1:-1], 1)}
    costs = []
    for epoch in tqdm(range(epochs), desc="with batch norm" if batch_norm else "without batch norm"):
        for idx in minibatch_indices(X_train.shape[1], batch_size, seed=epoch):
            ZL, caches, running = network_forward(X_train[:, idx], params, running, "train")
            _, dZL = softmax_cross_entropy(ZL, Y_train_onehot[:, idx])
            grads = network_backward(dZL, params, caches)
            params = {k: v - learning_rate * grads["d" + k] for k, v in params.items()}
        ZL, _, _ = network_forward(X_train, params, running, "test")
        costs.append(softmax_cross_entropy(ZL, Y_train_onehot)[0])
    ZL, _, _ = network_forward(X_dev, params, running, "test")
    return costs, float(np.mean(np.argmax(ZL, axis=0) == Y_dev[0]))


costs_plain, accuracy_plain = train_network(batch_norm=False)
costs_bn, accuracy_bn = train_network(batch_norm=True)

# %% kind="locked"
epochs_axis = np.arange(1, len(costs_bn) + 1)
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(epochs_axis, costs_plain, marker="o", markersize=3, label="without batch norm")
ax.plot(epochs_axis, costs_bn, marker="o", markersize=3, label="with batch norm")
ax.axhline(0.3, color="gray", linestyle=":", linewidth=1)
ax.set_xlabel("epoch")
ax.set_ylabel("training cost J")
ax.set_title("10 hidden layers, the same learning rate 0.05")
ax.legend()
ax.grid(alpha=0.3)
plt.show()


def first_epoch_below(costs, level):
    below = np.nonzero(np.array(costs) < level)[0]
    return int(below[0]) + 1 if below.size else None


reach_bn, reach_plain = first_epoch_below(costs_bn, 0.3), first_epoch_below(costs_plain, 0.3)
print(f"cost after 10 epochs: without batch norm {costs_plain[9]:.3f}, with batch norm {costs_bn[9]:.3f}")
print(f"first epoch with cost below 0.3: without batch norm {reach_plain}, with batch norm {reach_bn}")
print(f"dev accuracy after {len(costs_bn)} epochs: without {accuracy_plain:.1%}, with {accuracy_bn:.1%}")
assert costs_bn[9] < 0.6 * costs_plain[9], "after 10 epochs batch norm should be far ahead"
assert reach_bn is not None and (reach_plain is None or reach_plain > reach_bn + 5), \
    "without batch norm the network should need many more epochs to reach a cost of 0.3"

# %% [markdown]
# Without batch norm the deep network sits on a plateau at the start: the signal
# that reaches the last layers is weak, and so are the gradients that come back.
# It gets going eventually. With batch norm every layer receives inputs of a
# steady scale from the first step, and the cost falls at once. Both end at a
# similar dev accuracy: batch norm buys speed here, not a better model.
#
# **What you built:** a log-scale sampler and a coarse-to-fine random search (and
# you used them to tune a real network), a batch-norm layer with running averages
# for test time and its backward pass, checked numerically, and a stable softmax
# output layer with its cross-entropy cost and gradient. The next notebook,
# `building_a_framework`, packages layers like these into a small deep-learning
# framework.
