# %% [markdown]
# # Initialising a deep network
#
# *Course 2, Week 1: the initialisation assignment.*
#
# Gradient descent starts from the parameters you give it, and a deep network is
# surprisingly sensitive to that starting point. A good initialisation
#
# * speeds up the convergence of gradient descent, and
# * makes it more likely to end at a low training (and generalisation) error.
#
# You will write three initialisers and train **the same network on the same
# data** from each of them:
#
# 1. `initialize_parameters_zeros`: every weight and bias 0;
# 2. `initialize_parameters_random`: large random weights, $10 \cdot$ `randn`;
# 3. `initialize_parameters_he`: random weights scaled by $\sqrt{2 / n^{[l-1]}}$,
#    the rule of He et al. (2015) for ReLU networks.
#
# The network has three layers, LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID,
# with `layers_dims = [2, 10, 5, 1]`. Its forward pass, cost, backward pass and
# update are the ones you wrote in Course 1 (here imported from `dlkit.deep`);
# only the starting point changes.
#
# Replace `# YOUR CODE HERE` and `raise NotImplementedError()` in each exercise
# cell with your code, run it, then run the test cell below it.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit.data.planar import make_circles
from dlkit.deep import L_layer_model, L_model_forward, predict
from dlkit.initializers import activation_stds, initialize_parameters_xavier
from dlkit.plot import plot_cost_comparison
from dlkit.plot_boundary import plot_dataset, plot_decision_boundaries
from dlkit.practical import plot_layer_scales

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. The data: two circles
#
# 300 training points on two noisy concentric circles, the outer one (radius 1)
# labelled 0 (blue), the inner one (radius 0.8) labelled 1 (red), and 100 test
# points drawn the same way. As always the points are the columns of `X`, shape
# $(2, m)$, and the labels the columns of `Y`, shape $(1, m)$.

# %% kind="locked"
train_X, train_Y = make_circles(300, noise=0.05, factor=0.8, seed=1)
test_X, test_Y = make_circles(100, noise=0.05, factor=0.8, seed=2)
print("train_X", train_X.shape, " train_Y", train_Y.shape, " test_X", test_X.shape, " test_Y", test_Y.shape)

fig, axes = plt.subplots(1, 2, figsize=(10, 4.5))
plot_dataset(train_X, train_Y, ax=axes[0], title="Training set (300 points)")
plot_dataset(test_X, test_Y, ax=axes[1], title="Test set (100 points)")
plt.show()

# %% [markdown]
# No straight line separates the circles; a network with ReLU hidden layers can
# learn the ring-shaped boundary, *if* it starts well.
#
# ## 2. The model
#
# `model` trains the 3-layer network by batch gradient descent (learning rate
# 0.01, 15,000 iterations) from the parameters one of your initialisers
# returns; `initialization` names which one. It returns the learned parameters
# and the costs recorded every 100 iterations. It is given: read it, then write
# the initialisers it calls.

# %% kind="locked"
def model(X, Y, initialization="he", learning_rate=0.01, num_iterations=15000, progress=True):
    """Train LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, [n_x, 10, 5, 1], from the chosen initialisation.

    initialization -- "zeros", "random" or "he": which of your initialisers starts the training
    Returns (parameters, costs), costs[k] recorded at iteration 100 k.
    """
    layers_dims = [X.shape[0], 10, 5, 1]
    if initialization == "zeros":
        parameters = initialize_parameters_zeros(layers_dims)
    elif initialization == "random":
        parameters = initialize_parameters_random(layers_dims)
    elif initialization == "he":
        parameters = initialize_parameters_he(layers_dims)
    else:
        raise ValueError(f"initialization must be 'zeros', 'random' or 'he', got {initialization!r}")
    return L_layer_model(X, Y, layers_dims, learning_rate, num_iterations,
                         parameters=parameters, progress=progress)


def accuracy(parameters, X, Y):
    """Percentage of the columns of X whose predicted label equals Y."""
    return 100 * float(np.mean(predict(X, Y, parameters, print_accuracy=False) == Y))


def report(name, parameters, costs):
    print(f"{name}: cost every 1000 iterations", np.round(costs[::10], 4))
    print(f"{name}: train accuracy {accuracy(parameters, train_X, train_Y):.1f} %, "
          f"test accuracy {accuracy(parameters, test_X, test_Y):.1f} %")


# %% [markdown]
# Every initialiser takes `layers_dims = [n^[0], n^[1], ..., n^[L]]` and returns
# the dictionary the rest of the code expects:
#
# | key | shape |
# |---|---|
# | `"W" + str(l)` | $(n^{[l]}, n^{[l-1]})$ |
# | `"b" + str(l)` | $(n^{[l]}, 1)$ |
#
# for $l = 1, \dots, L$ with $L$ = `len(layers_dims) - 1`.
#
# ## 3. Zero initialisation
#
# ### Exercise: `initialize_parameters_zeros`
#
# Set every $W^{[l]}$ and every $b^{[l]}$ to zeros of the shapes above
# (`np.zeros(shape)`; note the double parentheses of a shape tuple).

# %% id="initialize_parameters_zeros" kind="solution"
def initialize_parameters_zeros(layers_dims):
    """All weights and biases zero.

    Arguments:
    layers_dims -- list [n^[0], n^[1], ..., n^[L]] of the layer sizes

    Returns:
    parameters -- dict with "W1", "b1", ..., "WL", "bL":
                  Wl of shape (layers_dims[l], layers_dims[l-1]), bl of shape (layers_dims[l], 1)
    """
    parameters = {}
    L = len(layers_dims) - 1          # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    ### END SOLUTION
    return parameters


# %% id="initialize_parameters_zeros_test" kind="test" points=1
check("c2w1.initialize_parameters_zeros", initialize_parameters_zeros)
### BEGIN HIDDEN TESTS
check("c2w1.initialize_parameters_zeros", initialize_parameters_zeros, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
for key, value in initialize_parameters_zeros([3, 2, 1]).items():
    print(f"{key} = {value.tolist()}")

# %% [markdown]
# Now train the network from zeros (15,000 iterations take a few seconds; a
# progress bar shows how far it is).

# %% kind="locked"
params_zeros, costs_zeros = model(train_X, train_Y, initialization="zeros")
report("zeros", params_zeros, costs_zeros)
print("\nW1 after training (one row per hidden unit of layer 1):\n", params_zeros["W1"])
print("b3 after training:", params_zeros["b3"].ravel())

# %% [markdown]
# Nothing happens. The cost stays at $\log 2 \approx 0.693$, and the network
# predicts 0 for every point: right for the 150 blue ones, wrong for the 150 red
# ones, 50 %.
#
# Why? With zero weights every unit of a layer computes the same thing: here
# $Z^{[1]} = 0$, so $A^{[1]} = \text{ReLU}(0) = 0$, and the same in layer 2. The
# gradients are then zero too: $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$ is 0
# because $A^{[l-1]} = 0$ (for $l = 2, 3$), and $dZ^{[l]} = W^{[l+1]T} dZ^{[l+1]} * g'(Z^{[l]})$
# is 0 because $W^{[l+1]} = 0$. Only the output bias could move, and with as many
# 0s as 1s its gradient $\frac{1}{m}\sum_i (a^{[3](i)} - y^{(i)}) = 0.5 - 0.5$ is 0
# as well. The rows of $W^{[1]}$ above, one per hidden unit, are identical: all zero.
#
# The deeper reason is **symmetry**. Even where the gradients are not zero (for
# example with a tanh or sigmoid hidden layer, or any *equal* non-zero start),
# units that start identical receive identical gradients and stay identical
# forever: ten units that are worth one. The cell below starts every weight at
# the same value 0.5 instead of 0 and trains for 3,000 iterations. This time the
# weights do change, but look at the rows of $W^{[1]}$:

# %% kind="locked"
layers_dims = [2, 10, 5, 1]
params_const_start = {key: np.full_like(value, 0.5) if key.startswith("W") else value
                      for key, value in initialize_parameters_zeros(layers_dims).items()}
params_const, costs_const = L_layer_model(train_X, train_Y, layers_dims, 0.01, 3000,
                                          parameters=params_const_start, progress=True)
report("all weights 0.5", params_const, costs_const)
print("\nW1 after training (one row per hidden unit of layer 1):\n", params_const["W1"].round(6))
identical = np.allclose(params_const["W1"], params_const["W1"][0])
print("all rows of W1 identical:", identical)

assert accuracy(params_zeros, train_X, train_Y) == 50.0, "zeros: the network should stay at 50 %"
assert np.all(params_zeros["W1"] == 0)
assert identical and not np.allclose(params_const["W1"], 0.5), "equal weights change, but stay equal"

# %% [markdown]
# The weights moved away from 0.5, yet every hidden unit of layer 1 still has
# exactly the same weights as the others: the network behaves like one with a
# single unit per layer. **The weights must be initialised randomly to break the
# symmetry.** (The biases may start at zero: the random weights already make the
# units different.)
#
# ## 4. Large random initialisation
#
# ### Exercise: `initialize_parameters_random`
#
# Initialise each weight matrix with `np.random.randn(n^[l], n^[l-1]) * 10`
# (deliberately large) and each bias with zeros. The line `np.random.seed(3)` is
# given: as in the course, the seed is fixed inside the function so that your
# numbers match the expected ones exactly. Draw $W^{[1]}$ first, then $W^{[2]}$,
# and so on, one `np.random.randn` call per layer.

# %% id="initialize_parameters_random" kind="solution"
def initialize_parameters_random(layers_dims):
    """Large random weights (randn * 10) and zero biases.

    Arguments:
    layers_dims -- list [n^[0], n^[1], ..., n^[L]] of the layer sizes

    Returns:
    parameters -- dict with "W1", "b1", ..., "WL", "bL":
                  Wl of shape (layers_dims[l], layers_dims[l-1]), bl of shape (layers_dims[l], 1)
    """
    np.random.seed(3)                 # so that your numbers match the expected ones
    parameters = {}
    L = len(layers_dims) - 1          # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    ### END SOLUTION
    return parameters


# %% id="initialize_parameters_random_test" kind="test" points=1
check("c2w1.initialize_parameters_random", initialize_parameters_random)
### BEGIN HIDDEN TESTS
check("c2w1.initialize_parameters_random", initialize_parameters_random, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
for key, value in initialize_parameters_random([3, 2, 1]).items():
    print(f"{key} = {np.round(value, 8).tolist()}")

# %% kind="locked"
start = initialize_parameters_random(layers_dims)
AL_start, _ = L_model_forward(train_X, start)
print(f"outputs of the untrained network: between {AL_start.min()} and {AL_start.max()}")

params_random, costs_random = model(train_X, train_Y, initialization="random")
report("random x 10", params_random, costs_random)
print("\nthe first ten recorded costs (every 100 iterations):", np.round(costs_random[:10], 3))

# %% [markdown]
# With weights of size 10, $z$ grows by a factor of tens in every layer; the
# sigmoid of the output layer then returns exactly 1.0 (to machine precision)
# for every point. For the points labelled 0 the loss $-\log(1 - a^{[3]})$ is
# $-\log 0 = \infty$: the course's own version of this experiment printed a cost
# of `inf`. `dlkit`'s cost clips probabilities to $[10^{-12}, 1 - 10^{-12}]$, so
# each of those points costs $-\log 10^{-12} \approx 27.6$ and the 150 of them
# make $J \approx 13.8$, twenty times the cost of a coin toss.
#
# From there training is erratic at first (the cost goes up as well as down in
# the first few hundred iterations) and slow later: saturated units pass back
# tiny gradients, and the large weights sit far from any good solution. After
# 15,000 iterations the network is still clearly worse than it could be.
#
# ## 5. He initialisation
#
# How large should the weights be? For a unit with $n^{[l-1]}$ inputs,
# $z = w_1 a_1 + w_2 a_2 + \dots + w_{n^{[l-1]}} a_{n^{[l-1]}}$: the more inputs, the
# more terms add up, so the smaller each $w_j$ should be. With independent
# weights of mean 0, $\mathrm{Var}(z) = n^{[l-1]}\, \mathrm{Var}(w)\, E[a^2]$, and the
# size of the signal stays the same from layer to layer when
# $n^{[l-1]}\mathrm{Var}(w)\,E[a^2] \approx \mathrm{Var}(z_{\text{previous}})$. A ReLU
# sets half of its inputs to zero, which halves $E[a^2]$; the variance that
# compensates is
#
# $$\mathrm{Var}\big(w^{[l]}\big) = \frac{2}{n^{[l-1]}}, \qquad
#   W^{[l]} = \texttt{np.random.randn}(n^{[l]}, n^{[l-1]}) \cdot \sqrt{\frac{2}{n^{[l-1]}}} .$$
#
# This is **He initialisation**. Note the **square root** ($\sqrt{2/n}$ is a standard
# deviation, $2/n$ the variance) and that $n^{[l-1]}$ counts the layer's
# **inputs**, not its own units.
#
# ### Exercise: `initialize_parameters_he`
#
# Implement it, with zero biases. Again `np.random.seed(3)` is given, and the
# weights are drawn layer by layer, one `np.random.randn` call per layer.

# %% id="initialize_parameters_he" kind="solution"
def initialize_parameters_he(layers_dims):
    """He initialisation: W^[l] = randn * sqrt(2 / n^[l-1]), zero biases.

    Arguments:
    layers_dims -- list [n^[0], n^[1], ..., n^[L]] of the layer sizes

    Returns:
    parameters -- dict with "W1", "b1", ..., "WL", "bL":
                  Wl of shape (layers_dims[l], layers_dims[l-1]), bl of shape (layers_dims[l], 1)
    """
    np.random.seed(3)                 # so that your numbers match the expected ones
    parameters = {}
    L = len(layers_dims) - 1          # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    ### END SOLUTION
    return parameters


# %% id="initialize_parameters_he_test" kind="test" points=2
check("c2w1.initialize_parameters_he", initialize_parameters_he)
### BEGIN HIDDEN TESTS
check("c2w1.initialize_parameters_he", initialize_parameters_he, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
for key, value in initialize_parameters_he([2, 4, 1]).items():
    print(f"{key} = {np.round(value, 8).tolist()}")

# %% [markdown]
# (With two inputs, $\sqrt{2/2} = 1$: $W^{[1]}$ holds the plain `randn` numbers
# after seed 3.) Now train from He initialisation:

# %% kind="locked"
params_he, costs_he = model(train_X, train_Y, initialization="he")
report("He", params_he, costs_he)

he_train, he_test = accuracy(params_he, train_X, train_Y), accuracy(params_he, test_X, test_Y)
assert he_train >= 93, f"He initialisation should reach at least 93 % on the training set, got {he_train:.1f} %"
assert he_test >= 90, f"He initialisation should generalise: test accuracy {he_test:.1f} %"

# %% [markdown]
# ## 6. The three side by side

# %% kind="locked"
runs = {"zeros": (params_zeros, costs_zeros), "random x 10": (params_random, costs_random),
        "He": (params_he, costs_he)}
print(f"{'initialisation':15s} {'first cost':>10s} {'last cost':>10s} {'train acc':>10s} {'test acc':>9s}")
for name, (params, costs) in runs.items():
    print(f"{name:15s} {costs[0]:10.3f} {costs[-1]:10.3f} {accuracy(params, train_X, train_Y):9.1f} % "
          f"{accuracy(params, test_X, test_Y):7.1f} %")

plot_cost_comparison({name: costs for name, (_, costs) in runs.items()}, every=100, logy=True,
                      title="Cost during training, by initialisation (log scale)", legend_title="initialisation")
plt.show()

plot_decision_boundaries(
    {f"{name}: train {accuracy(params, train_X, train_Y):.0f} %, test {accuracy(params, test_X, test_Y):.0f} %":
     (lambda P, params=params: predict(P, None, params)) for name, (params, _) in runs.items()},
    train_X, train_Y, ncols=3, suptitle="Decision boundaries on the training set, by initialisation")
plt.show()

assert costs_random[0] > 10 * costs_he[0], "large random weights start with a huge cost"
assert accuracy(params_random, train_X, train_Y) < he_train - 5, "He should clearly beat large random weights"

# %% [markdown]
# What to remember:
#
# * **zeros** never break the symmetry: the network cannot do better than a
#   constant guess;
# * **large random** weights break the symmetry but saturate the output: a huge
#   first cost, an erratic start and slow progress;
# * **He** weights, $\sqrt{2/n^{[l-1]}}$ times `randn`, keep the signal the right
#   size through the ReLU layers: the cost falls steadily and the boundary
#   follows the circles.
#
# ## 7. Why the scale matters more with depth (supplement)
#
# Three layers forgive a lot. To see what the scale does to a *deep* network,
# send 500 random inputs through 20 ReLU layers of 100 units each, with no
# training, and measure the standard deviation of the activations in every layer
# (`dlkit.initializers.activation_stds`). Besides He and the large random weights:
#
# * the small `randn * 0.01` of Course 1;
# * **Xavier** initialisation, $\mathrm{Var}(w) = 1/n^{[l-1]}$, `randn * np.sqrt(1 / n^[l-1])`,
#   which the lecture recommends for **tanh** layers (tanh is close to the
#   identity near 0, so nothing halves $E[a^2]$). Glorot and Bengio's variant
#   averages the inputs and outputs, $\mathrm{Var}(w) = 2/(n^{[l-1]} + n^{[l]})$.
#   Both are in `dlkit`: `initialize_parameters_xavier(layers_dims, variant="fan_in")`
#   or `variant="average"`.
#
# (Zeros cannot be drawn on a logarithmic axis: every activation is 0.)

# %% kind="locked"
deep_dims = [100] * 21
probe = np.random.default_rng(0).normal(size=(100, 500))
relu_runs = {
    "random x 10": initialize_parameters_random(deep_dims),
    "He, $\\sqrt{2/n}$": initialize_parameters_he(deep_dims),
    "Xavier, $\\sqrt{1/n}$": initialize_parameters_xavier(deep_dims),
    "random x 0.01": {k: v / 1000 for k, v in initialize_parameters_random(deep_dims).items()},  # randn * 10 / 1000
}
stds = {name: activation_stds(probe, params, activation="relu") for name, params in relu_runs.items()}
for name, s in stds.items():
    print(f"{name:24s} std of a^[l] at l = 0, 5, 10, 20: " + ", ".join(f"{s[l]:.3g}" for l in (0, 5, 10, 20)))

plot_layer_scales(stds, title="20 ReLU layers of 100 units: size of the activations, by initialisation",
                  ylabel="standard deviation of $a^{[l]}$ (log scale)")
plt.show()

he_std = stds["He, $\\sqrt{2/n}$"]
assert 0.3 < he_std[-1] / he_std[1] < 3, "He keeps the size of the ReLU activations"
assert stds["random x 10"][-1] > 1e20 and stds["random x 0.01"][-1] < 1e-20

# %% [markdown]
# In a ReLU network each layer multiplies the size of the signal by roughly
# $\sqrt{n\,\mathrm{Var}(w)/2}$: about 60 to 70 for `randn * 10` (after 20 layers,
# $10^{36}$), about 0.07 for `randn * 0.01` ($10^{-24}$), $1/\sqrt{2}$ for Xavier
# (a factor of more than a thousand lost over 20 layers: right for tanh, too
# small for ReLU), and about 1 for He: its standard deviation stays between
# 0.4 and 1 through all 20 layers. The
# gradients travel back through the same matrices and grow or shrink the same
# way: this is the vanishing/exploding problem of the lecture, and a
# well-chosen initial scale is a large part of the cure.
#
# ## What you built
#
# * `initialize_parameters_zeros`, `initialize_parameters_random` (`randn * 10`)
#   and `initialize_parameters_he` (`randn * np.sqrt(2 / layers_dims[l-1])`).
# * The same network and data, three starts: zeros stay at 50 % (the units stay
#   identical), large random weights start with a huge cost and learn slowly,
#   He initialisation learns the circles.
# * The variance rules to remember: $2/n^{[l-1]}$ for ReLU (He), $1/n^{[l-1]}$ for
#   tanh (Xavier), or $2/(n^{[l-1]} + n^{[l]})$.
