# %% [markdown]
# # Optimization methods
#
# *Course 2, Week 2: the programming assignment.*
#
# So far every network was trained by **batch gradient descent**: one pass over all
# $m$ examples, then one step downhill. This notebook builds the faster ways the
# lecture describes and compares them on the same problem:
#
# 1. **mini-batch gradient descent**, a step after every small slice of the data
#    (`update_parameters_with_gd`, `random_mini_batches`);
# 2. **exponentially weighted averages**, the averaging trick behind the next two
#    methods (`exponentially_weighted_average`);
# 3. **momentum** (`initialize_velocity`, `update_parameters_with_momentum`);
# 4. **Adam**, momentum combined with RMSprop (`initialize_adam`, `update_parameters_with_adam`);
# 5. **learning-rate decay** (`update_lr`, `schedule_lr_decay`).
#
# Along the way you will watch the optimisers walk across an elongated bowl, and at
# the end train the same 3-layer network on the *moons* data with each of them.
#
# **Notation.** As in Course 1, a superscript $[l]$ is a layer, $(i)$ an example, and
# examples are the columns of $X$, of shape $(n_x, m)$. New this week: a superscript
# $\{t\}$ is a **mini-batch**, so $X^{\{t\}}, Y^{\{t\}}$ are the inputs and labels of
# the $t$-th mini-batch. The parameters live in a dictionary, as in Course 1 Week 4:
#
# | key | value | gradient key | shape |
# |---|---|---|---|
# | `"W" + str(l)` | $W^{[l]}$ | `"dW" + str(l)` | $(n^{[l]}, n^{[l-1]})$ |
# | `"b" + str(l)` | $b^{[l]}$ | `"db" + str(l)` | $(n^{[l]}, 1)$ |
#
# for $l = 1, \dots, L$, with $L$ = `len(parameters) // 2`. The optimisers' memories
# (`v`, `s`) use the gradients' keys.

# %% kind="setup"
import math

import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit.data.planar import make_moons
from dlkit.deep import L_model_backward, L_model_forward, compute_cost, predict
from dlkit.initializers import initialize_parameters_he
from dlkit.optim import descent_path
from dlkit.plot_boundary import plot_dataset, plot_decision_boundaries
from dlkit.schedules import daily_temperatures, ewa_window, exponential_decay
from dlkit.train import model

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. Gradient descent
#
# One step of gradient descent moves every parameter a little against its gradient,
# layer by layer, with the learning rate $\alpha$:
#
# $$W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]}, \qquad l = 1, \dots, L.$$
#
# The same rule serves every variant of this notebook's first part; only *which*
# examples produced the gradients changes:
#
# * **batch gradient descent** computes them on all $m$ examples: a smooth but slow
#   step when $m$ is large;
# * **stochastic gradient descent (SGD)** on a single example: many cheap, noisy steps,
#   and no more vectorisation;
# * **mini-batch gradient descent** on a slice of, say, 64 examples: the middle way (section 2).
#
# **Exercise.** Implement `update_parameters_with_gd`. `grads` may hold other entries
# as well (`L_model_backward` also returns `dA0`, `dA1`, ...): use only `dW` and `db`.

# %% id="update_parameters_with_gd" kind="solution"
def update_parameters_with_gd(parameters, grads, learning_rate):
    """One gradient-descent step on every layer.

    Arguments:
    parameters -- dict with "W1", "b1", ..., "WL", "bL"; Wl has shape (n^[l], n^[l-1]), bl (n^[l], 1)
    grads -- dict with "dW1", "db1", ..., "dWL", "dbL", each shaped like its parameter
    learning_rate -- the step size alpha

    Returns:
    parameters -- dict with the updated W1, b1, ..., WL, bL
    """
    L = len(parameters) // 2          # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    ### END SOLUTION
    return parameters


# %% id="update_parameters_with_gd_test" kind="test" points=1
check("c2w2.update_parameters_with_gd", update_parameters_with_gd)
### BEGIN HIDDEN TESTS
check("c2w2.update_parameters_with_gd", update_parameters_with_gd, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 2. Mini-batch gradient descent
#
# With $m = 5{,}000{,}000$ examples, batch gradient descent processes all five
# million before it takes its first step. Mini-batch gradient descent cuts the
# training set into mini-batches of, for instance, 1,000 examples,
# $X^{\{1\}}, \dots, X^{\{5000\}}$ of shape $(n_x, 1000)$ with labels
# $Y^{\{t\}}$ of shape $(1, 1000)$, and takes one gradient step per mini-batch:
#
# > for $t = 1, \dots, 5000$: forward propagation on $X^{\{t\}}$; the cost
# > $J^{\{t\}} = \frac{1}{1000} \sum_{i \in \{t\}} \mathcal{L}(\hat{y}^{(i)}, y^{(i)})$
# > (plus the regularisation term, if any); backward propagation; update $W^{[l]}, b^{[l]}$.
#
# One pass through the whole training set is an **epoch**: here 5,000 gradient steps
# instead of one. Sizes in practice: with $m \le 2000$, just use batch gradient
# descent; otherwise a power of two such as 64, 128, 256 or 512 (1024 is rarer),
# small enough for one mini-batch to fit in the CPU or GPU memory.
#
# Two details the lecture leaves out, which you need for the code:
#
# * **Shuffle first.** The examples are put in a random order (the same order for $X$
#   and $Y$, so that each label stays with its example) before they are cut, and the
#   order changes from epoch to epoch.
# * **The last mini-batch may be smaller.** When `mini_batch_size` does not divide $m$,
#   there are $\lfloor m / \text{mini\_batch\_size} \rfloor$ full mini-batches and a last
#   one with the remaining $m - \text{mini\_batch\_size} \cdot \lfloor m / \text{mini\_batch\_size} \rfloor$ examples.
#
# The arithmetic for the lecture's example, and for mini-batches of 1,024:

# %% id="minibatch_arithmetic" kind="locked"
m = 5_000_000
for size in (1000, 1024):
    full = m // size
    last = m - size * full
    count = full + (1 if last else 0)
    print(f"m = {m:,}, mini_batch_size = {size}: {count:,} mini-batches "
          f"({full:,} of {size}" + (f" and a last one of {last}" if last else "") + ")")
assert m // 1000 == 5000 and m % 1000 == 0, "5,000,000 examples make 5,000 mini-batches of 1,000"
assert math.ceil(m / 1024) == 4883 and m - 1024 * (m // 1024) == 832

# %% [markdown]
# **Exercise.** Implement `random_mini_batches(X, Y, mini_batch_size, seed)`:
#
# 1. **Shuffle.** Seed numpy's generator and draw one permutation of the column indices,
#    exactly like this (the tests and `dlkit` do the same, so your mini-batches must come
#    out in the same order, number for number):
#    ```python
#    np.random.seed(seed)
#    permutation = list(np.random.permutation(m))
#    ```
#    then `shuffled_X = X[:, permutation]` and `shuffled_Y = Y[:, permutation].reshape((1, m))`.
# 2. **Partition.** Cut `shuffled_X` and `shuffled_Y` into consecutive pieces of
#    `mini_batch_size` columns; the $k$-th (from 0) covers the columns
#    `k * mini_batch_size` to `(k + 1) * mini_batch_size`. Add the smaller last piece
#    only if `m % mini_batch_size != 0`.
#
# Return the list of pairs `(mini_batch_X, mini_batch_Y)`.

# %% id="random_mini_batches" kind="solution"
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples, then cut them into mini-batches.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels, shape (1, m)
    mini_batch_size -- number of examples per mini-batch (the last one may have fewer)
    seed -- seed of numpy's generator, so that the shuffle can be reproduced

    Returns:
    mini_batches -- list of pairs (mini_batch_X, mini_batch_Y), of shapes
                    (n_x, mini_batch_size) and (1, mini_batch_size), the last possibly narrower
    """
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    ### BEGIN SOLUTION
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))

    num_complete_minibatches = m // mini_batch_size
    for k in range(num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))

    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    ### END SOLUTION
    return mini_batches


# %% id="random_mini_batches_test" kind="test" points=2
check("c2w2.random_mini_batches", random_mini_batches)
### BEGIN HIDDEN TESTS
check("c2w2.random_mini_batches", random_mini_batches, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# 148 examples in mini-batches of 64 make two full mini-batches and one of 20. To see
# that the labels travelled with their examples, the cell below numbers the examples:
# row 0 of `X_demo` and the label of each column both hold the column's index.

# %% id="minibatch_demo" kind="locked"
X_demo = np.vstack([np.arange(148.0), np.random.randn(2, 148)])
Y_demo = np.arange(148.0).reshape(1, 148)
batches = random_mini_batches(X_demo, Y_demo, 64, seed=0)
for t, (X_t, Y_t) in enumerate(batches, 1):
    print(f"mini-batch {t}: X shape {X_t.shape}, Y shape {Y_t.shape}, first examples {Y_t[0, :5].astype(int)}")
assert [X_t.shape[1] for X_t, _ in batches] == [64, 64, 20], "expected mini-batches of 64, 64 and 20 examples"
assert all(np.array_equal(X_t[0], Y_t[0]) for X_t, Y_t in batches), "X and Y must be shuffled the same way"
assert sorted(np.hstack([Y_t[0] for _, Y_t in batches])) == list(range(148)), "every example exactly once"

# %% [markdown]
# ### Noisy, but downhill
#
# Batch gradient descent on a well-chosen learning rate lowers the cost $J$ at every
# iteration (if $J$ ever goes up, $\alpha$ is probably too large). With mini-batches each
# step is judged on a different slice of the data, so the cost $J^{\{t\}}$ jumps around
# while it trends down. The cell below trains the 3-layer network of section 7 on the
# moons data for 150 steps both ways, with your two functions:

# %% id="noisy_costs" kind="locked"
X_moons, Y_moons = make_moons(300, noise=0.2, seed=3)


def gd_cost_per_step(batch_size, steps, learning_rate=0.3):
    """The cost of each of the first `steps` gradient steps, one step per mini-batch."""
    parameters = initialize_parameters_he([2, 5, 2, 1])
    costs, epoch = [], 0
    while len(costs) < steps:
        epoch += 1
        for X_t, Y_t in random_mini_batches(X_moons, Y_moons, batch_size, seed=epoch):
            AL, caches = L_model_forward(X_t, parameters)
            costs.append(compute_cost(AL, Y_t))
            grads = L_model_backward(AL, Y_t, caches)
            parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            if len(costs) == steps:
                break
    return np.array(costs)


batch_costs = gd_cost_per_step(300, 150)
minibatch_costs = gd_cost_per_step(16, 150)

fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), sharey=True)
axes[0].plot(batch_costs, color="C0")
axes[0].set_title("batch gradient descent (m = 300)")
axes[1].plot(minibatch_costs, color="C1")
axes[1].set_title("mini-batch gradient descent (mini-batches of 16)")
for ax in axes:
    ax.set_xlabel("gradient step")
    ax.grid(alpha=0.3)
axes[0].set_ylabel("cost of the step's (mini-)batch")
plt.show()

rises = int(np.sum(np.diff(minibatch_costs) > 0))
print(f"batch GD: the cost rose in {int(np.sum(np.diff(batch_costs) > 0))} of 149 steps")
print(f"mini-batch GD: the cost rose in {rises} of 149 steps; "
      f"mean of the first 20: {minibatch_costs[:20].mean():.3f}, of the last 20: {minibatch_costs[-20:].mean():.3f}")
assert np.all(np.diff(batch_costs) < 0), "batch gradient descent should lower the cost at every step"
assert rises > 30 and minibatch_costs[-20:].mean() < minibatch_costs[:20].mean()

# %% [markdown]
# ## 3. Exponentially weighted averages
#
# Momentum, RMSprop and Adam all smooth the gradients over recent steps with one
# device: the **exponentially weighted average**. For a sequence
# $\theta_1, \theta_2, \dots$ (the lecture uses daily temperatures) and a number
# $0 \le \beta < 1$:
#
# $$v_0 = 0, \qquad v_t = \beta \, v_{t-1} + (1 - \beta) \, \theta_t .$$
#
# Only one number is stored and overwritten ($v := \beta v + (1 - \beta)\theta_t$).
# Unrolled, $v_t$ gives $\theta_t$ the weight $1-\beta$, $\theta_{t-1}$ the weight
# $(1-\beta)\beta$, $\theta_{t-2}$ the weight $(1-\beta)\beta^2$, and so on: weights that
# fade geometrically. They fall below about $1/e$ of the newest weight after
# $1/(1-\beta)$ steps, so $v_t$ averages roughly the last
#
# $$\frac{1}{1 - \beta} \text{ values: } \quad \beta = 0.5 \to 2, \qquad \beta = 0.9 \to 10, \qquad \beta = 0.98 \to 50.$$
#
# **Bias correction.** Starting from $v_0 = 0$ makes the first averages too small.
# With $\beta = 0.98$: $v_1 = 0.02\,\theta_1$ and
# $v_2 = 0.98 \cdot 0.02\,\theta_1 + 0.02\,\theta_2 = 0.0196\,\theta_1 + 0.02\,\theta_2$,
# far below both temperatures. The weights of $v_t$ add up to $1 - \beta^t$, so dividing by
# that sum repairs it:
#
# $$\hat{v}_t = \frac{v_t}{1 - \beta^t}, \qquad \text{e.g. } 1 - 0.98^2 = 0.0396 .$$
#
# For large $t$, $\beta^t \approx 0$ and the correction fades away; in practice it is often
# skipped, at the price of a slow start. Note that the recursion keeps running on the
# uncorrected $v_t$; the correction only changes what is reported.
#
# **Exercise.** Implement `exponentially_weighted_average(theta, beta, bias_correction)`.
# It returns a numpy array holding $v_1, \dots, v_T$ (or $\hat{v}_1, \dots, \hat{v}_T$ when
# `bias_correction` is true). A loop over $t$ is the natural way: each $v_t$ needs $v_{t-1}$.
# Count $t$ from 1 in $1 - \beta^t$.

# %% id="exponentially_weighted_average" kind="solution"
def exponentially_weighted_average(theta, beta, bias_correction=False):
    """The exponentially weighted averages v_1, ..., v_T of a sequence.

    Arguments:
    theta -- the values theta_1, ..., theta_T, a numpy array of shape (T,)
    beta -- the weight of the past, 0 <= beta < 1
    bias_correction -- if True, return v_t / (1 - beta**t) instead of v_t

    Returns:
    v -- numpy array of shape (T,): v[t - 1] is the (corrected) average after t values
    """
    T = len(theta)
    v = np.zeros(T)
    v_t = 0.0                         # v_0
    ### BEGIN SOLUTION
    for t in range(1, T + 1):
        v_t = beta * v_t + (1 - beta) * theta[t - 1]
        v[t - 1] = v_t / (1 - beta ** t) if bias_correction else v_t
    ### END SOLUTION
    return v


# %% id="exponentially_weighted_average_test" kind="test" points=2
check("c2w2.exponentially_weighted_average", exponentially_weighted_average)
### BEGIN HIDDEN TESTS
check("c2w2.exponentially_weighted_average", exponentially_weighted_average, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's numbers, from your function: the weight of $\theta_1$ in $v_2$ (feed it
# $\theta = [1, 0]$), the weight of $\theta_2$ (feed it $[0, 1]$), and the correction at $t = 2$.

# %% id="ewa_numbers" kind="locked"
w1 = exponentially_weighted_average(np.array([1.0, 0.0]), 0.98)[1]
w2 = exponentially_weighted_average(np.array([0.0, 1.0]), 0.98)[1]
theta_2days = np.array([10.0, 12.0])
v2 = exponentially_weighted_average(theta_2days, 0.98)[1]
v2_hat = exponentially_weighted_average(theta_2days, 0.98, bias_correction=True)[1]
print(f"v_2 = {w1:.4f} theta_1 + {w2:.4f} theta_2")
print(f"1 - 0.98^2 = {1 - 0.98 ** 2:.4f}")
print(f"temperatures {theta_2days}: v_2 = {v2:.4f}, corrected v_2 = {v2:.4f} / 0.0396 = {v2_hat:.4f}")
assert abs(w1 - 0.0196) < 1e-12 and abs(w2 - 0.02) < 1e-12, "v_2 should be 0.0196 theta_1 + 0.02 theta_2"
assert abs((1 - 0.98 ** 2) - 0.0396) < 1e-12
assert abs(v2_hat - v2 / 0.0396) < 1e-9 and 10 < v2_hat < 12, "the corrected v_2 lies between the two temperatures"

# %% [markdown]
# ### A year of temperatures
#
# `daily_temperatures()` (from `dlkit.schedules`) makes a synthetic year of daily
# temperatures: a seasonal cycle, warm and cold spells, and day-to-day noise. The plot
# shows its bias-corrected averages for the lecture's three values of $\beta$:

# %% id="ewa_curves" kind="locked"
temps = daily_temperatures()
days = np.arange(1, temps.size + 1)
betas = (0.5, 0.9, 0.98)
curves = {beta: exponentially_weighted_average(temps, beta, bias_correction=True) for beta in betas}

fig, ax = plt.subplots(figsize=(10, 4.2))
ax.plot(days, temps, ".", ms=3, color="0.55", label="daily temperature $\\theta_t$")
for beta, color in zip(betas, ("C3", "C1", "C2")):
    ax.plot(days, curves[beta], color=color, lw=1.6,
            label=f"$\\beta$ = {beta} (about {ewa_window(beta):.0f} days)")
ax.set_xlabel("day of the year $t$")
ax.set_ylabel("temperature (°C)")
ax.set_title("Exponentially weighted averages (bias-corrected)")
ax.legend(loc="upper left", fontsize=9)
ax.grid(alpha=0.3)
plt.show()

roughness = {beta: float(np.std(np.diff(curves[beta]))) for beta in betas}
peak_day = {beta: int(days[np.argmax(curves[beta])]) for beta in betas}
for beta in betas:
    print(f"beta = {beta}: window about {ewa_window(beta):.0f} days, day-to-day change {roughness[beta]:.2f} °C, "
          f"warmest average on day {peak_day[beta]}")
assert roughness[0.5] > roughness[0.9] > roughness[0.98], "a larger beta averages more days: a smoother curve"
assert peak_day[0.98] > peak_day[0.9], "a larger beta reacts later: its curve lags behind"

# %% [markdown]
# What to notice:
#
# * with $\beta = 0.5$ the average follows every wiggle: it covers about 2 days;
# * with $\beta = 0.98$ it is smooth but **late**: it reacts to a change only after weeks,
#   because 50 days of the past weigh on it;
# * $\beta = 0.9$ (10 days) is in between, and it is the usual choice for momentum.
#
# Now the effect of the bias correction, over the first days of the year with $\beta = 0.98$:

# %% id="bias_correction_plot" kind="locked"
first = 60
plain = exponentially_weighted_average(temps, 0.98)
fig, ax = plt.subplots(figsize=(8, 3.8))
ax.plot(days[:first], temps[:first], ".", ms=4, color="0.55", label="daily temperature")
ax.plot(days[:first], plain[:first], color="C2", lw=1.6, label="$v_t$, no correction")
ax.plot(days[:first], curves[0.98][:first], color="C4", lw=1.6, label="$v_t / (1 - 0.98^t)$")
ax.set_xlabel("day of the year $t$")
ax.set_ylabel("temperature (°C)")
ax.set_title("Bias correction, $\\beta$ = 0.98: the first 60 days")
ax.legend(fontsize=9)
ax.grid(alpha=0.3)
plt.show()
print(f"day 1: v_1 = {plain[0]:.2f} °C, corrected {curves[0.98][0]:.2f} °C (the day's temperature: {temps[0]:.2f} °C)")
assert abs(curves[0.98][0] - temps[0]) < 1e-9, "the corrected v_1 is theta_1 itself"
assert plain[9] < 0.5 * temps[:10].mean(), "without the correction the first averages are far too small"

# %% [markdown]
# ## 4. Gradient descent with momentum
#
# On an elongated cost surface, gradient descent zig-zags: each gradient points mostly
# across the valley, so the steps bounce from side to side while progress along the
# valley is slow. Momentum replaces the gradient by its exponentially weighted average,
# the **velocity**: the back-and-forth parts cancel out in the average, the parts that
# agree from step to step add up. On each iteration, for every layer:
#
# $$v_{dW^{[l]}} = \beta \, v_{dW^{[l]}} + (1 - \beta) \, dW^{[l]}, \qquad
#   v_{db^{[l]}} = \beta \, v_{db^{[l]}} + (1 - \beta) \, db^{[l]},$$
# $$W^{[l]} := W^{[l]} - \alpha \, v_{dW^{[l]}}, \qquad b^{[l]} := b^{[l]} - \alpha \, v_{db^{[l]}}.$$
#
# The velocities start at zero, with the shapes of the parameters. $\beta = 0.9$, an
# average over about the last 10 gradients, works well in most cases, and momentum is
# usually run without bias correction (after about 10 steps it no longer matters).
# Some texts drop the $(1 - \beta)$ and write $v = \beta v + dW$: the velocity is then
# $1/(1-\beta)$ times larger and $\alpha$ must be scaled down to match. We keep the
# $(1 - \beta)$.
#
# **Exercise.** Implement `initialize_velocity(parameters)`: a dictionary `v` with
# `v["dW" + str(l)]` and `v["db" + str(l)]` set to zeros of the shapes of
# `parameters["W" + str(l)]` and `parameters["b" + str(l)]`.

# %% id="initialize_velocity" kind="solution"
def initialize_velocity(parameters):
    """The momentum's velocities, all zero.

    Arguments:
    parameters -- dict with "W1", "b1", ..., "WL", "bL"

    Returns:
    v -- dict with "dW1", "db1", ..., "dWL", "dbL": zeros shaped like W1, b1, ..., WL, bL
    """
    L = len(parameters) // 2
    v = {}
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    ### END SOLUTION
    return v


# %% id="initialize_velocity_test" kind="test" points=1
check("c2w2.initialize_velocity", initialize_velocity)
### BEGIN HIDDEN TESTS
check("c2w2.initialize_velocity", initialize_velocity, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `update_parameters_with_momentum`: for every layer, first the
# new velocities, then the step along them.

# %% id="update_parameters_with_momentum" kind="solution"
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of gradient descent with momentum on every layer.

    Arguments:
    parameters -- dict with "W1", "b1", ..., "WL", "bL"
    grads -- dict with "dW1", "db1", ..., "dWL", "dbL"
    v -- dict of the current velocities "dW1", "db1", ..., shaped like the parameters
    beta -- the momentum, 0 <= beta < 1
    learning_rate -- the step size alpha

    Returns:
    parameters -- dict with the updated parameters
    v -- dict with the updated velocities
    """
    L = len(parameters) // 2
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    ### END SOLUTION
    return parameters, v


# %% id="update_parameters_with_momentum_test" kind="test" points=2
check("c2w2.update_parameters_with_momentum", update_parameters_with_momentum)
### BEGIN HIDDEN TESTS
check("c2w2.update_parameters_with_momentum", update_parameters_with_momentum, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 5. RMSprop and Adam
#
# **RMSprop** ("root mean square prop") keeps an exponentially weighted average of the
# *squared* gradients, elementwise, and divides each step by its square root:
#
# $$S_{dW} = \beta_2 \, S_{dW} + (1 - \beta_2) \, dW^2, \qquad
#   W := W - \alpha \, \frac{dW}{\sqrt{S_{dW}} + \varepsilon}$$
#
# (the same for $b$). A direction whose gradients are large (the steep sides of the
# valley) gets a large $S$ and therefore small steps; a direction with small, steady
# gradients gets relatively larger ones. That allows a larger $\alpha$. The
# $\varepsilon = 10^{-8}$ only prevents a division by zero.
#
# **Adam** ("adaptive moment estimation") combines momentum (the first moment $V$, the
# average of the gradients) with RMSprop (the second moment $S$, the average of their
# squares) and bias-corrects both. With $V$ and $S$ starting at zero and the step counter
# $t$ counting the updates **from 1**:
#
# $$V_{dW} = \beta_1 V_{dW} + (1 - \beta_1)\, dW, \qquad S_{dW} = \beta_2 S_{dW} + (1 - \beta_2)\, dW^2,$$
# $$V^{\text{corrected}}_{dW} = \frac{V_{dW}}{1 - \beta_1^t}, \qquad S^{\text{corrected}}_{dW} = \frac{S_{dW}}{1 - \beta_2^t},$$
# $$W := W - \alpha \, \frac{V^{\text{corrected}}_{dW}}{\sqrt{S^{\text{corrected}}_{dW}} + \varepsilon}$$
#
# and the same for $b$. The usual settings: $\alpha$ is tuned, $\beta_1 = 0.9$,
# $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$ (nobody tunes $\varepsilon$).
#
# **Where $\varepsilon$ goes.** The lecture writes $\sqrt{S + \varepsilon}$. This notebook,
# like the Adam paper, PyTorch and most other code, adds it *outside* the root:
# $\sqrt{S} + \varepsilon$. Both prevent the division by zero, and for gradients of a normal
# size they agree to many digits; they differ for vanishing gradients, where $S$ is tiny
# (with $S = 10^{-12}$, the lecture's version takes a step 100 times smaller). The tests
# include such a case, so write $\sqrt{S^{\text{corrected}}} + \varepsilon$.
#
# **Exercise.** Implement `initialize_adam(parameters)`: two dictionaries `v` and `s`, each
# with `"dW" + str(l)` and `"db" + str(l)` set to zeros of the parameters' shapes.

# %% id="initialize_adam" kind="solution"
def initialize_adam(parameters):
    """Adam's two moments, all zero.

    Arguments:
    parameters -- dict with "W1", "b1", ..., "WL", "bL"

    Returns:
    v -- dict with "dW1", "db1", ..., "dWL", "dbL": the average of the gradients, zeros
    s -- dict with the same keys: the average of the squared gradients, zeros
    """
    L = len(parameters) // 2
    v = {}
    s = {}
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    ### END SOLUTION
    return v, s


# %% id="initialize_adam_test" kind="test" points=1
check("c2w2.initialize_adam", initialize_adam)
### BEGIN HIDDEN TESTS
check("c2w2.initialize_adam", initialize_adam, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `update_parameters_with_adam`. For every layer and for both
# $W$ and $b$: update the moments `v` and `s`, compute the corrected moments (store them in
# `v_corrected` and `s_corrected`, under the same keys), then take the step. Square
# elementwise (`np.square` or `** 2`), and use `np.sqrt(s_corrected[...]) + epsilon`.

# %% id="update_parameters_with_adam" kind="solution"
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    """One Adam step on every layer.

    Arguments:
    parameters -- dict with "W1", "b1", ..., "WL", "bL"
    grads -- dict with "dW1", "db1", ..., "dWL", "dbL"
    v -- dict, the moving average of the gradients (keys "dW1", "db1", ...)
    s -- dict, the moving average of the squared gradients (same keys)
    t -- the number of this step, counted from 1
    learning_rate -- the step size alpha
    beta1 -- weight of the past in the first moment v
    beta2 -- weight of the past in the second moment s
    epsilon -- keeps the division safe; added outside the square root

    Returns:
    parameters -- dict with the updated parameters
    v -- dict with the updated first moments
    s -- dict with the updated second moments
    v_corrected -- dict with the bias-corrected first moments
    s_corrected -- dict with the bias-corrected second moments
    """
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = "d" + p + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            v_corrected[key] = v[key] / (1 - beta1 ** t)
            s[key] = beta2 * s[key] + (1 - beta2) * np.square(grads[key])
            s_corrected[key] = s[key] / (1 - beta2 ** t)
            parameters[p + str(l)] = (parameters[p + str(l)]
                                      - learning_rate * v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon))
    ### END SOLUTION
    return parameters, v, s, v_corrected, s_corrected


# %% id="update_parameters_with_adam_test" kind="test" points=3
check("c2w2.update_parameters_with_adam", update_parameters_with_adam)
### BEGIN HIDDEN TESTS
check("c2w2.update_parameters_with_adam", update_parameters_with_adam, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Adam's first step.** At $t = 1$ the corrections divide by $1 - \beta_1 = 0.1$ and
# $1 - \beta_2 = 0.001$, which undoes the $(1 - \beta)$ weights exactly:
# $V^{\text{corrected}} = dW$ and $S^{\text{corrected}} = dW^2$. The step is then
# $\alpha \, dW / (|dW| + \varepsilon)$: about $\alpha$ for **every** weight, whatever the size
# of its gradient.

# %% id="adam_first_step" kind="locked"
params_demo = {"W1": np.array([[1.0, -2.0, 0.5]]), "b1": np.array([[0.1]])}
grads_demo = {"dW1": np.array([[3.0, -0.02, 0.0004]]), "db1": np.array([[-50.0]])}
v_demo, s_demo = initialize_adam(params_demo)
before = {k: val.copy() for k, val in params_demo.items()}
after, v_demo, s_demo, v_corr, s_corr = update_parameters_with_adam(params_demo, grads_demo, v_demo, s_demo, t=1,
                                                                     learning_rate=0.01)
print("dW1          =", grads_demo["dW1"])
print("v_corrected  =", v_corr["dW1"])
print("s_corrected  =", s_corr["dW1"])
print("change of W1 =", after["W1"] - before["W1"], "  change of b1 =", after["b1"] - before["b1"])
assert np.allclose(v_corr["dW1"], grads_demo["dW1"]) and np.allclose(s_corr["dW1"], grads_demo["dW1"] ** 2)
assert np.allclose(np.abs(after["W1"] - before["W1"]), 0.01, rtol=1e-4), "each weight moves by about alpha"

# %% [markdown]
# ## 6. The optimisers on an elongated bowl
#
# To *see* the difference, take a cost of two parameters whose contours are long,
# thin ellipses, as in the lecture's pictures:
#
# $$J(w_1, w_2) = \tfrac{1}{2}\left(w_1^2 + 100\, w_2^2\right), \qquad \nabla J = (w_1,\; 100\, w_2),$$
#
# a hundred times steeper across the valley ($w_2$) than along it ($w_1$). The minimum
# is at $(0, 0)$; every optimiser starts at $(-9, 1)$ and takes 60 steps. Gradient descent
# needs $\alpha < 2/100$, or the steps across the valley grow and it diverges; it gets
# $\alpha = 0.018$. Momentum ($\beta = 0.9$) can take $\alpha = 0.04$, where gradient descent
# would diverge, and Adam takes $\alpha = 0.3$. (`descent_path` from `dlkit.optim` runs the
# same update rules as your functions, on a single vector $w$.)

# %% id="paths" kind="locked"
curvature = np.array([1.0, 100.0])


def bowl_gradient(w):
    return curvature * w


start, steps = [-9.0, 1.0], 60
settings = {"gradient descent": ("gd", 0.018, "C0"), "momentum": ("momentum", 0.04, "C1"),
            "Adam": ("adam", 0.3, "C2")}
paths = {name: descent_path(bowl_gradient, start, opt, lr, steps) for name, (opt, lr, _) in settings.items()}

w1_grid, w2_grid = np.meshgrid(np.linspace(-10, 4, 300), np.linspace(-1.6, 1.6, 300))
J_grid = 0.5 * (curvature[0] * w1_grid ** 2 + curvature[1] * w2_grid ** 2)
fig, ax = plt.subplots(figsize=(11, 4.5))
contours = ax.contour(w1_grid, w2_grid, J_grid, levels=[0.5, 2, 5, 10, 20, 40, 60, 90], colors="0.75",
                      linewidths=0.8)
ax.clabel(contours, fontsize=7, fmt="J = %g")
for name, (opt, lr, color) in settings.items():
    path = paths[name]
    ax.plot(path[:, 0], path[:, 1], "-o", ms=2.5, lw=1, color=color, label=f"{name} ($\\alpha$ = {lr})")
ax.plot(0, 0, "k*", ms=12, label="minimum")
ax.set_xlabel("$w_1$ (shallow direction)")
ax.set_ylabel("$w_2$ (steep direction)")
ax.set_title(f"{steps} steps on $J = (w_1^2 + 100 w_2^2) / 2$ from ({start[0]:g}, {start[1]:g})")
ax.legend(loc="upper right", fontsize=9)
plt.show()


def sign_changes(path):
    return int(np.sum(np.sign(path[1:, 1]) != np.sign(path[:-1, 1])))


for name, path in paths.items():
    print(f"{name:>16}: w2 changed sign {sign_changes(path):2d} times; distance to the minimum after "
          f"{steps} steps: {np.linalg.norm(path[-1]):.3f}")
gd_path = descent_path(bowl_gradient, start, "gd", 0.04, 10)
print(f"gradient descent with alpha = 0.04: |w2| after 10 steps = {abs(gd_path[-1, 1]):.0f} (it diverges)")
assert sign_changes(paths["gradient descent"]) == steps, "gradient descent zig-zags across the valley at every step"
assert sign_changes(paths["momentum"]) < 20, "momentum damps the zig-zag"
assert np.linalg.norm(paths["gradient descent"][-1]) > 2
assert np.linalg.norm(paths["momentum"][-1]) < 0.5 and np.linalg.norm(paths["Adam"][-1]) < 0.6
assert abs(gd_path[-1, 1]) > 1000

# %% [markdown]
# What to notice:
#
# * **gradient descent** jumps across the valley at every step and crawls along it:
#   its rate is capped by the steep direction;
# * **momentum** swings in smooth, dying waves instead of a zig-zag, and with the larger
#   rate it allows, it reaches the minimum in the same 60 steps;
# * **Adam** starts by moving the same distance $\alpha$ along both axes (its first step
#   divides each gradient by its own size), then settles as its averages fill up.
#
# ## 7. Training with each optimiser
#
# Now the real comparison, on the *moons* data: two interleaving half circles, 300
# points in all, with noise.

# %% id="moons" kind="locked"
train_X, train_Y = X_moons, Y_moons
print("train_X shape:", train_X.shape, "  train_Y shape:", train_Y.shape)
plot_dataset(train_X, train_Y, title="The moons data (300 points)")
plt.show()

# %% [markdown]
# The model is the 3-layer network of Course 1 Week 4, `layers_dims = [2, 5, 2, 1]`
# (LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID), with He initialisation
# ($W^{[l]} \sim \text{randn} \cdot \sqrt{2 / n^{[l-1]}}$). `model` from `dlkit.train` runs
# the training loop:
#
# ```
# initialise the parameters (and v, s for momentum / Adam); t = 0
# for each epoch:
#     mini_batches = random_mini_batches(X, Y, mini_batch_size, seed)    # a new shuffle each epoch
#     for each (X_t, Y_t) in mini_batches:
#         forward propagation, cost, backward propagation on (X_t, Y_t)
#         update: update_parameters_with_gd / _with_momentum / _with_adam (t = t + 1 first)
#     record the epoch's average cost
# ```
#
# and takes **your** functions through `building_blocks`. All three optimisers get the same
# 1000 epochs, mini-batches of 64 and $\alpha = 0.0007$; momentum uses $\beta = 0.9$, Adam
# $\beta_1 = 0.9$, $\beta_2 = 0.999$.

# %% id="train_three" kind="locked"
my_functions = {
    "random_mini_batches": random_mini_batches,
    "update_parameters_with_gd": update_parameters_with_gd,
    "initialize_velocity": initialize_velocity,
    "update_parameters_with_momentum": update_parameters_with_momentum,
    "initialize_adam": initialize_adam,
    "update_parameters_with_adam": update_parameters_with_adam,
}
layers_dims = [2, 5, 2, 1]
names = {"gd": "gradient descent", "momentum": "momentum", "adam": "Adam"}
trained, epoch_costs, accuracy = {}, {}, {}
for opt in ("gd", "momentum", "adam"):
    trained[opt], epoch_costs[opt] = model(train_X, train_Y, layers_dims, optimizer=opt, learning_rate=0.0007,
                                           mini_batch_size=64, num_epochs=1000, progress=True,
                                           building_blocks=my_functions)
    accuracy[opt] = float(np.mean(predict(train_X, train_Y, trained[opt], print_accuracy=False) == train_Y))

# %% id="compare_optimizers" kind="locked"
fig, ax = plt.subplots(figsize=(7, 4))
for opt, color in zip(names, ("C0", "C1", "C2")):
    ax.plot(epoch_costs[opt], color=color, label=f"{names[opt]}: accuracy {100 * accuracy[opt]:.1f} %")
ax.set_xlabel("epoch")
ax.set_ylabel("average cost over the epoch")
ax.set_title("Mini-batch training, learning rate 0.0007, 1000 epochs")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

print(f"{'optimiser':>17}  {'accuracy':>8}  {'final cost':>10}")
for opt in names:
    print(f"{names[opt]:>17}  {100 * accuracy[opt]:7.1f}%  {epoch_costs[opt][-1]:10.4f}")
assert accuracy["adam"] >= 0.9, f"Adam should reach at least 90 % on the moons, got {100 * accuracy['adam']:.1f} %"
assert accuracy["adam"] >= max(accuracy["gd"], accuracy["momentum"]) + 0.15, "Adam should be clearly ahead"
assert epoch_costs["adam"][-1] < 0.5 * min(epoch_costs["gd"][-1], epoch_costs["momentum"][-1])

# %% id="boundaries" kind="locked"
plot_decision_boundaries({f"{names[opt]} ({100 * accuracy[opt]:.1f} %)":
                          (lambda P, p=trained[opt]: predict(P, None, p)) for opt in names},
                         train_X, train_Y, ncols=3, suptitle="Decision boundaries after 1000 epochs")
plt.show()

# %% [markdown]
# What to notice:
#
# * with this small learning rate, **gradient descent and momentum** have hardly left the
#   start (their cost curves lie on top of each other) and their boundary is close to a
#   straight line. Momentum averages the gradients,
#   but with $(1 - \beta)$ in the update its steps are no larger than those of gradient
#   descent; it helps when the gradients oscillate, not when they are merely small;
# * **Adam** divides each gradient by its root mean square, so every parameter moves by
#   about $\alpha$ per step, however small its gradient: it has separated the moons.
# * This is not the last word on gradient descent: with a learning rate 400 times larger
#   it does well too (section 8). Adam's advantage is that it works well over a wide range of
#   settings with little tuning, and it needs little memory: two numbers per parameter.
#
# ## 8. Learning-rate decay
#
# With a fixed $\alpha$, mini-batch gradient descent never quite settles: near the
# minimum, the noise of the mini-batches keeps it wandering around. Shrinking $\alpha$ over
# time lets it take large steps early and small, careful ones later. The lecture's schedule,
# with the epochs counted from 0:
#
# $$\alpha = \frac{\alpha_0}{1 + \text{decay\_rate} \cdot \text{epoch\_num}} .$$
#
# With $\alpha_0 = 0.2$ and decay_rate $= 1$, epochs 1, 2, 3, 4 use $\alpha$ = 0.1, 0.0667,
# 0.05, 0.04. (The lecture's table prints 0.67, 0.5 and 0.4 for the last three: a typo; the
# formula gives 0.2/3, 0.2/4 and 0.2/5.)
#
# **Exercise.** Implement `update_lr(learning_rate0, epoch_num, decay_rate)`.

# %% id="update_lr" kind="solution"
def update_lr(learning_rate0, epoch_num, decay_rate):
    """The decayed learning rate of an epoch.

    Arguments:
    learning_rate0 -- the initial learning rate alpha_0
    epoch_num -- the epoch, counted from 0
    decay_rate -- how fast the rate decays

    Returns:
    learning_rate -- alpha_0 / (1 + decay_rate * epoch_num), a number
    """
    ### BEGIN SOLUTION
    learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)
    ### END SOLUTION
    return learning_rate


# %% id="update_lr_test" kind="test" points=1
check("c2w2.update_lr", update_lr)
### BEGIN HIDDEN TESTS
check("c2w2.update_lr", update_lr, hidden=True)
### END HIDDEN TESTS

# %% id="decay_table" kind="locked"
print(f"{'epoch':>5}  {'alpha':>7}")
table = [update_lr(0.2, epoch, 1) for epoch in range(5)]
for epoch, rate in enumerate(table):
    print(f"{epoch:>5}  {rate:7.4f}")
assert np.allclose(table, [0.2, 0.1, 0.0667, 0.05, 0.04], atol=5e-5), "alpha0 = 0.2, decay_rate = 1: 0.2, 0.1, 0.0667, 0.05, 0.04"

# %% [markdown]
# Decaying at every epoch can be too fast when there are many epochs: after 1000 epochs
# with decay_rate $= 1$ the rate is $\alpha_0 / 1001$ and learning has all but stopped.
# A common fix is a **staircase**: keep $\alpha$ fixed for `time_interval` epochs, then step
# it down,
#
# $$\alpha = \frac{\alpha_0}{1 + \text{decay\_rate} \cdot \left\lfloor \dfrac{\text{epoch\_num}}{\text{time\_interval}} \right\rfloor} .$$
#
# **Exercise.** Implement `schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000)`.
# Round down with `np.floor` (or the integer division `//`).

# %% id="schedule_lr_decay" kind="solution"
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """The learning rate of an epoch under staircase decay.

    Arguments:
    learning_rate0 -- the initial learning rate alpha_0
    epoch_num -- the epoch, counted from 0
    decay_rate -- how much the rate decays at each stair
    time_interval -- the number of epochs between two stairs

    Returns:
    learning_rate -- alpha_0 / (1 + decay_rate * floor(epoch_num / time_interval)), a number
    """
    ### BEGIN SOLUTION
    learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
    ### END SOLUTION
    return learning_rate


# %% id="schedule_lr_decay_test" kind="test" points=1
check("c2w2.schedule_lr_decay", schedule_lr_decay)
### BEGIN HIDDEN TESTS
check("c2w2.schedule_lr_decay", schedule_lr_decay, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The schedules side by side over 1000 epochs, $\alpha_0 = 0.3$. The exponential decay
# $\alpha = 0.995^{\text{epoch\_num}} \alpha_0$ is a supplement: the lecture names other
# schedules without giving them.

# %% id="schedules_plot" kind="locked"
epochs = np.arange(1000)
schedule_curves = {
    "update_lr, decay_rate 1": [update_lr(0.3, e, 1) for e in epochs],
    "update_lr, decay_rate 0.01": [update_lr(0.3, e, 0.01) for e in epochs],
    "schedule_lr_decay, decay_rate 1, time_interval 250": [schedule_lr_decay(0.3, e, 1, 250) for e in epochs],
    "exponential, 0.995^epoch (supplement)": [exponential_decay(0.3, e, 0.995) for e in epochs],
}
fig, ax = plt.subplots(figsize=(8, 4))
for label, rates in schedule_curves.items():
    ax.plot(epochs, rates, label=label)
ax.set_xlabel("epoch")
ax.set_ylabel("learning rate $\\alpha$")
ax.set_title("Learning-rate schedules, $\\alpha_0$ = 0.3")
ax.legend(fontsize=9)
ax.grid(alpha=0.3)
plt.show()
stairs = sorted(set(schedule_curves["schedule_lr_decay, decay_rate 1, time_interval 250"]), reverse=True)
print("staircase values:", np.round(stairs, 4))
assert np.allclose(stairs, [0.3, 0.15, 0.1, 0.075]), "four stairs: 0.3 / 1, / 2, / 3, / 4"

# %% [markdown]
# Finally, decay at work: mini-batch gradient descent with $\alpha_0 = 0.3$, with a fixed rate
# and with your staircase (decay_rate 1, a stair every 250 epochs). Watch the last epochs:

# %% id="decay_training" kind="locked"
decay_runs = {
    "fixed alpha = 0.3": {},
    "staircase decay": {"decay": lambda lr0, epoch, rate: schedule_lr_decay(lr0, epoch, rate, time_interval=250),
                        "decay_rate": 1.0},
}
decay_costs = {}
for label, extra in decay_runs.items():
    params_decay, decay_costs[label] = model(train_X, train_Y, layers_dims, optimizer="gd", learning_rate=0.3,
                                             num_epochs=1000, progress=True, building_blocks=my_functions, **extra)
    acc = float(np.mean(predict(train_X, train_Y, params_decay, print_accuracy=False) == train_Y))
    print(f"{label}: accuracy {100 * acc:.1f} %, final cost {decay_costs[label][-1]:.4f}, "
          f"spread of the cost over the last 100 epochs {np.std(decay_costs[label][-100:]):.4f}")

fig, ax = plt.subplots(figsize=(7, 4))
for label, costs in decay_costs.items():
    ax.plot(costs, label=label)
ax.set_ylim(0, 0.4)
ax.set_xlabel("epoch")
ax.set_ylabel("average cost over the epoch")
ax.set_title("Mini-batch gradient descent, $\\alpha_0$ = 0.3")
ax.legend()
ax.grid(alpha=0.3)
plt.show()
spread = {label: float(np.std(costs[-100:])) for label, costs in decay_costs.items()}
assert spread["staircase decay"] < 0.5 * spread["fixed alpha = 0.3"], "decay should calm the end of training"
assert decay_costs["staircase decay"][-1] < decay_costs["fixed alpha = 0.3"][-1]

# %% [markdown]
# With the fixed rate the cost keeps jumping in the last epochs; with the decayed rate it
# settles lower and stays there. Note, too, that gradient descent with this larger $\alpha$
# separates the moons well: the learning rate remains the first hyperparameter to tune.
#
# ## 9. Local optima, saddle points and plateaus
#
# A picture of a two-parameter cost with many dips suggests that gradient descent gets
# stuck in bad local optima. In a network with, say, 20,000 parameters, a point where
# the gradient is zero is a local minimum only if the cost curves upwards in *all*
# 20,000 directions; if each direction were up or down like a coin toss, that would have a
# probability of about $2^{-20000}$. Most zero-gradient points are therefore **saddle
# points**, up in some directions and down in others, which gradient descent leaves
# eventually. The real nuisance is the **plateau**, a wide region where the gradient is close
# to zero and learning is slow; this is where momentum, RMSprop and Adam help most.
#
# ## Summary
#
# * Mini-batch gradient descent takes a step after every mini-batch: shuffle, cut, and keep
#   the smaller last mini-batch. Its cost is noisy but trends down.
# * An exponentially weighted average with parameter $\beta$ covers about $1/(1-\beta)$
#   values; bias correction, division by $1 - \beta^t$, fixes its start.
# * Momentum steps along the average gradient and damps oscillations; RMSprop divides by the
#   root mean square of the gradients; Adam does both, with bias correction, and is a robust
#   default ($\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$ outside the root).
# * Learning-rate decay ($\alpha_0 / (1 + \text{decay\_rate} \cdot \text{epoch\_num})$, or a
#   staircase) lets mini-batch training settle near the minimum.
