# %% [markdown]
# # Gradient checking
#
# *Course 2, Week 1: the gradient-checking assignment.*
#
# Backpropagation is easy to get almost right. A missing $1/m$, a factor 2 too many,
# a transposed matrix that happens to have the right shape: the network still trains,
# only worse, and nothing tells you why. **Gradient checking** tells you. It compares the
# gradients of your backward pass with slopes measured numerically from your forward pass
# and cost alone: no reference solution is needed, only the definition of a derivative.
#
# You build the check in two steps:
#
# 1. in one dimension, for $J(\theta) = \theta x$: `forward_propagation`,
#    `backward_propagation`, `gradient_check`;
# 2. for a whole network, whose parameters must first be stacked into one long vector:
#    `dictionary_to_vector`, `vector_to_dictionary`, `gradients_to_vector`, then
#    `gradient_check_n`. You then use it to find two bugs planted in a backward pass.
#
# The last section collects the lecture's practical advice: include the L2 term in $J$,
# switch dropout off, and never leave the check on during training.
#
# In each exercise cell, replace `# YOUR CODE HERE` and `raise NotImplementedError()` with
# your code, run the cell, then run the test cell below it.

# %% kind="setup"
import time

import numpy as np

from autograder import check
from dlkit import gradcheck
from dlkit import regularization as reg
from dlkit.activations import relu, sigmoid
from dlkit.gradcheck import verdict

np.random.seed(1)

# %% [markdown]
# ## 1. How a derivative is checked
#
# The derivative of $J$ at $\theta$ is the limit of a difference quotient. For a small
# $\varepsilon$ the **two-sided difference**
#
# $$\frac{\partial J}{\partial \theta} \approx \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$$
#
# is an excellent approximation: its error shrinks like $\varepsilon^2$, while the
# one-sided $\big(J(\theta + \varepsilon) - J(\theta)\big)/\varepsilon$ errs by about
# $\varepsilon$. For $J(\theta) = \theta^3$ at $\theta = 1$ the true slope is $3$:

# %% kind="locked"
def cube(theta):
    return theta ** 3


print(f"{'epsilon':>8s}  {'one-sided':>10s}  {'two-sided':>10s}")
for eps in (0.1, 0.01, 0.001):
    one_sided = (cube(1 + eps) - cube(1)) / eps
    two_sided = (cube(1 + eps) - cube(1 - eps)) / (2 * eps)
    print(f"{eps:8g}  {one_sided:10.6f}  {two_sided:10.6f}")
assert abs((cube(1.01) - cube(0.99)) / 0.02 - 3.0001) < 1e-9

# %% [markdown]
# With $\varepsilon = 0.01$ the one-sided quotient is off by $0.03$, the two-sided one by
# $0.0001 = \varepsilon^2$. So the check always uses the two-sided difference.
#
# ## 2. A one-dimensional gradient check
#
# Start with the simplest "network": one parameter $\theta$, one input $x$, and the cost
#
# $$J(\theta) = \theta x .$$
#
# Forward propagation computes $J$; backward propagation computes
# $\frac{\partial J}{\partial \theta} = x$.
#
# **Exercise.** Implement `forward_propagation(x, theta)`, returning $J$.

# %% id="forward_propagation" kind="solution"
def forward_propagation(x, theta):
    """The cost J = theta * x of the one-dimensional example.

    Arguments:
    x -- a real number, the input
    theta -- a real number, the parameter

    Returns:
    J -- the value of J(theta) = theta * x
    """
    ### BEGIN SOLUTION
    J = theta * x
    ### END SOLUTION
    return J


# %% id="forward_propagation_test" kind="test" points=1
check("c2w1.forward_propagation", forward_propagation)
### BEGIN HIDDEN TESTS
check("c2w1.forward_propagation", forward_propagation, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `backward_propagation(x, theta)`, returning the derivative of $J$
# with respect to $\theta$.

# %% id="backward_propagation" kind="solution"
def backward_propagation(x, theta):
    """The slope dJ/dtheta of J(theta) = theta * x.

    Arguments:
    x -- a real number, the input
    theta -- a real number, the parameter

    Returns:
    dtheta -- the derivative of J with respect to theta
    """
    ### BEGIN SOLUTION
    dtheta = x
    ### END SOLUTION
    return dtheta


# %% id="backward_propagation_test" kind="test" points=1
check("c2w1.backward_propagation", backward_propagation)
### BEGIN HIDDEN TESTS
check("c2w1.backward_propagation", backward_propagation, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Now the check. Compute:
#
# 1. the numeric slope: $\theta^{+} = \theta + \varepsilon$, $\theta^{-} = \theta - \varepsilon$,
#    $J^{+} = J(\theta^{+})$, $J^{-} = J(\theta^{-})$ with your `forward_propagation`, and
#    $\text{gradapprox} = \dfrac{J^{+} - J^{-}}{2\varepsilon}$;
# 2. the slope of your backward pass, `grad = backward_propagation(x, theta)`;
# 3. their **relative difference**
#
# $$\text{difference} = \frac{\lVert \text{grad} - \text{gradapprox} \rVert_2}{\lVert \text{grad} \rVert_2 + \lVert \text{gradapprox} \rVert_2},$$
#
# with `np.linalg.norm` for the three norms (for a single number the norm is its absolute
# value). Dividing by the sizes makes the number independent of the scale of the gradient,
# and the norms in the denominator keep it between 0 and 1.
#
# With $\varepsilon = 10^{-7}$ the course reads the difference like this:
#
# | difference | verdict |
# |---|---|
# | about $10^{-7}$ or smaller | great: the gradient is right |
# | about $10^{-5}$ | double-check: maybe fine, look at which components are off *(supplement: the lecture notes name only the two ends)* |
# | about $10^{-3}$ or larger | worry: there is very likely a bug |
#
# `verdict(difference)` from `dlkit.gradcheck` returns `"great"` below $10^{-6}$, `"bug"`
# from $10^{-3}$ on, and `"double-check"` between.
#
# **Exercise.** Implement `gradient_check(x, theta, epsilon)`, returning the difference.

# %% id="gradient_check" kind="solution"
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """Check backward_propagation against a two-sided numeric slope of forward_propagation.

    Arguments:
    x -- a real number, the input
    theta -- a real number, the parameter
    epsilon -- the small shift of theta in the difference quotient
    print_msg -- if True, print the difference and its verdict

    Returns:
    difference -- ||grad - gradapprox|| / (||grad|| + ||gradapprox||), a float
    """
    ### BEGIN SOLUTION
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    difference = float(np.squeeze(difference))  # a number, or a (1, 1) array from np.dot: a float
    if print_msg:
        print(f"difference = {difference:.2e}: {verdict(difference)}")
    return difference


# %% id="gradient_check_test" kind="test" points=2
check("c2w1.gradient_check", gradient_check)
### BEGIN HIDDEN TESTS
check("c2w1.gradient_check", gradient_check, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The course's example, $x = 2$ and $\theta = 4$:

# %% kind="locked"
x, theta = 2.0, 4.0
print("J =", forward_propagation(x, theta), "  dtheta =", backward_propagation(x, theta))
difference_1d = gradient_check(x, theta, print_msg=True)
assert difference_1d < 1e-7, f"difference {difference_1d:.2e}: forward and backward propagation disagree"

# %% [markdown]
# The difference is not exactly 0, because $\theta \pm \varepsilon$ and the
# products are rounded to about 16 significant digits, and the division by
# $2\varepsilon = 2 \cdot 10^{-7}$ magnifies that rounding. A difference of this
# size is as good as it gets.
#
# ## 3. Checking a whole network
#
# ### 3.1 The network, with two planted bugs
#
# The same idea works for a network, one parameter at a time. Our network is the 3-layer
# LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID of the regularisation notebook, with
# 4 inputs, 5 and 3 hidden units and one output, on $m = 3$ examples. Its forward pass
# returns the cost and the course's flat cache; its backward pass below contains **two
# bugs**. Don't look for them yet: let the gradient check find them.

# %% kind="locked"
def forward_propagation_n(X, Y, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, and the cross-entropy cost.

    Returns cost (a float) and cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
    """
    m = X.shape[1]
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    log_probs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cost = 1. / m * np.sum(log_probs)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return float(cost), cache


def backward_propagation_n(X, Y, cache):
    """The gradients of forward_propagation_n's cost (with two bugs)."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = 1. / m * np.dot(dZ2, A1.T) * 2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 4. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


rng = np.random.RandomState(5)
X = rng.randn(4, 3)
Y = np.array([[1., 1., 0.]])
layer_dims = [4, 5, 3, 1]
parameters = {}
for l in range(1, 4):
    parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
    parameters["b" + str(l)] = 0.3 * rng.randn(layer_dims[l], 1)
cost, cache = forward_propagation_n(X, Y, parameters)
print(f"cost = {cost:.6f}")
for name, value in parameters.items():
    print(f"{name}: shape {value.shape}")

# %% [markdown]
# ### 3.2 From a dictionary to a vector and back
#
# The numeric slope nudges one number at a time, so it is convenient to line up all the
# parameters in one column vector $\theta$, the lecture's "big vector": the entries of
# $W^{[1]}$, then $b^{[1]}$, then $W^{[2]}$, $b^{[2]}$, $W^{[3]}$, $b^{[3]}$, each matrix read
# row by row (`W.reshape(-1, 1)`). The gradients $dW^{[1]}, db^{[1]}, \dots$ are lined up in
# **the same order** into $d\theta$, so that entry $i$ of $d\theta$ is the slope of $J$ with
# respect to entry $i$ of $\theta$. That matching is the whole point: a gradient vector in
# another order would compare the slope of one parameter with the gradient of another.
#
# To cut $\theta$ back into matrices we must remember what went in. `dictionary_to_vector`
# therefore also returns the **layout**, the list of `(name, shape)` pairs in the order
# used, here `[("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ...]`.
#
# **Exercise.** Implement `dictionary_to_vector(parameters)`. Go through the layers
# $l = 1, \dots, L$ with $L$ = `len(parameters) // 2` and, in each, first `"W" + str(l)`, then
# `"b" + str(l)` (not the order in which the dict happens to hold its keys). Stack the
# columns with `np.concatenate(pieces, axis=0)`.

# %% id="dictionary_to_vector" kind="solution"
def dictionary_to_vector(parameters):
    """Stack W1, b1, W2, b2, ... into one column vector.

    Arguments:
    parameters -- dict with "W1", "b1", ..., "WL", "bL"

    Returns:
    theta -- all the parameters in one column, shape (n, 1), in the order W1, b1, W2, b2, ...,
             each array flattened row by row
    layout -- list of (name, shape) pairs in that order, e.g. [("W1", (5, 4)), ("b1", (5, 1)), ...]
    """
    L = len(parameters) // 2
    pieces = []
    layout = []
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        for name in ("W" + str(l), "b" + str(l)):
            value = parameters[name]
            pieces.append(value.reshape(-1, 1))
            layout.append((name, value.shape))
    theta = np.concatenate(pieces, axis=0)
    ### END SOLUTION
    return theta, layout


# %% id="dictionary_to_vector_test" kind="test" points=2
check("c2w1.dictionary_to_vector", dictionary_to_vector)
### BEGIN HIDDEN TESTS
check("c2w1.dictionary_to_vector", dictionary_to_vector, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `vector_to_dictionary(theta, layout)`, the inverse: walk through the
# layout with a running index `start`, take the next `size` entries of `theta`
# (`size = int(np.prod(shape))`) and reshape them to `shape`.

# %% id="vector_to_dictionary" kind="solution"
def vector_to_dictionary(theta, layout):
    """Cut the column vector theta back into the parameters listed in layout.

    Arguments:
    theta -- column vector of shape (n, 1), from dictionary_to_vector
    layout -- list of (name, shape) pairs, from dictionary_to_vector

    Returns:
    parameters -- dict {name: array of that shape}
    """
    parameters = {}
    start = 0
    ### BEGIN SOLUTION
    for name, shape in layout:
        size = int(np.prod(shape))
        parameters[name] = theta[start:start + size].reshape(shape)
        start += size
    ### END SOLUTION
    return parameters


# %% id="vector_to_dictionary_test" kind="test" points=2
check("c2w1.vector_to_dictionary", vector_to_dictionary)
### BEGIN HIDDEN TESTS
check("c2w1.vector_to_dictionary", vector_to_dictionary, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `gradients_to_vector(gradients, layout)`: the gradients
# `gradients["d" + name]`, in the layout's order, stacked into one column. The dict also
# holds `dZ` and `dA` entries: they are not slopes of parameters and stay out.

# %% id="gradients_to_vector" kind="solution"
def gradients_to_vector(gradients, layout):
    """Stack dW1, db1, dW2, db2, ... in the layout's order into one column vector.

    Arguments:
    gradients -- dict of gradients with (at least) "dW1", "db1", ..., "dWL", "dbL"
    layout -- list of (name, shape) pairs, from dictionary_to_vector

    Returns:
    grad -- column vector of shape (n, 1); entry i is the gradient for entry i of theta
    """
    pieces = []
    ### BEGIN SOLUTION
    for name, shape in layout:
        pieces.append(gradients["d" + name].reshape(-1, 1))
    ### END SOLUTION
    return np.concatenate(pieces, axis=0)


# %% id="gradients_to_vector_test" kind="test" points=1
check("c2w1.gradients_to_vector", gradients_to_vector)
### BEGIN HIDDEN TESTS
check("c2w1.gradients_to_vector", gradients_to_vector, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The round trip must be exact, and the two vectors must line up:

# %% kind="locked"
theta, layout = dictionary_to_vector(parameters)
print("theta has shape", theta.shape, "; layout:", layout)
back = vector_to_dictionary(theta, layout)
assert all(np.array_equal(back[name], parameters[name]) for name in parameters), "the round trip changed a parameter"
assert theta.shape == (47, 1), f"the network has 20 + 5 + 15 + 3 + 3 + 1 = 47 parameters, theta has shape {theta.shape}"
dtheta = gradients_to_vector(backward_propagation_n(X, Y, cache), layout)
assert dtheta.shape == theta.shape
print("round trip exact: True;  dtheta has shape", dtheta.shape)

# %% [markdown]
# ### 3.3 The N-dimensional check
#
# For each $i$ from 0 to $n - 1$:
#
# 1. `thetaplus = np.copy(parameters_values)`, then `thetaplus[i] = thetaplus[i] + epsilon`, and
#    `J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus, layout))`;
#    **copy** first: otherwise the nudge changes `parameters_values` itself and the nudges pile up;
# 2. the same with `thetaminus` and $-\varepsilon$, giving `J_minus[i]`;
# 3. `gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)`.
#
# Then compare `gradapprox` with `grad` by the same relative difference as in one dimension,
#
# $$\text{difference} = \frac{\lVert \text{grad} - \text{gradapprox} \rVert_2}{\lVert \text{grad} \rVert_2 + \lVert \text{gradapprox} \rVert_2},$$
#
# now with the norms of vectors.
#
# **Exercise.** Implement `gradient_check_n(parameters, gradients, X, Y, epsilon)`.

# %% id="gradient_check_n" kind="solution"
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Check the gradients of forward_propagation_n's cost against two-sided numeric slopes.

    Arguments:
    parameters -- dict with "W1", "b1", "W2", "b2", "W3", "b3"
    gradients -- dict with (at least) "dW1", "db1", ..., "dW3", "db3", e.g. from backward_propagation_n
    X -- input data, shape (4, m)
    Y -- labels 0/1, shape (1, m)
    epsilon -- the small shift of each parameter
    print_msg -- if True, print the difference and its verdict

    Returns:
    difference -- ||grad - gradapprox|| / (||grad|| + ||gradapprox||) over all parameters, a float
    """
    parameters_values, layout = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients, layout)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    ### BEGIN SOLUTION
    for i in range(num_parameters):
        thetaplus = np.copy(parameters_values)
        thetaplus[i] = thetaplus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus, layout))
        thetaminus = np.copy(parameters_values)
        thetaminus[i] = thetaminus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus, layout))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    difference = float(np.squeeze(difference))  # a number, or a (1, 1) array from np.dot: a float
    if print_msg:
        print(f"difference = {difference:.2e}: {verdict(difference)}")
    return difference


# %% id="gradient_check_n_test" kind="test" points=3
check("c2w1.gradient_check_n", gradient_check_n)
### BEGIN HIDDEN TESTS
check("c2w1.gradient_check_n", gradient_check_n, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 3.4 Finding the bugs
#
# Run your check on the backward pass of section 3.1:

# %% kind="locked"
gradients = backward_propagation_n(X, Y, cache)
difference_bugged = gradient_check_n(parameters, gradients, X, Y, print_msg=True)
assert difference_bugged > 1e-3, f"the planted bugs should give a large difference, got {difference_bugged:.2e}"

# %% [markdown]
# Far above $10^{-3}$: there is a bug. Which gradients are wrong? The total hides it, so look
# at each parameter on its own: the relative difference of its slice of `grad` and
# `gradapprox`. `gradcheck.gradient_check_n(cost, parameters, gradients)` from dlkit does the
# same check as yours and also returns these per-parameter errors and the parameter that
# contributes most to the difference (`worst`).

# %% kind="locked"
def cost_of(p):
    return forward_propagation_n(X, Y, p)[0]


report = gradcheck.gradient_check_n(cost_of, parameters, gradients)
print(f"{'parameter':>9s}  {'relative error':>14s}  verdict")
for name, error in report.errors.items():
    print(f"{name:>9s}  {error:14.2e}  {verdict(error)}")
print(f"total difference {report.difference:.2e}; the largest disagreement is in {report.worst}")
suspects = sorted(name for name, error in report.errors.items() if error > 1e-3)
print("parameters whose gradients are wrong:", suspects)
assert suspects == ["W2", "b1"], suspects

# %% [markdown]
# Two suspects, `dW2` and `db1`, and nothing else. Their numbers say more. Below, each of
# their gradients is divided by its numeric slope, entry by entry. (An entry whose slope is 0
# would be left out: with few examples a ReLU unit can be off for all of them, and its
# weights then have no effect on the cost. Here every unit is on for some example.)

# %% kind="locked"
grad_vec = gradients_to_vector(gradients, layout)
start = 0
for name, shape in layout:
    size = int(np.prod(shape))
    if name in suspects:
        approx = report.gradapprox[start:start + size].ravel()
        active = np.abs(approx) > 1e-9
        ratio = grad_vec[start:start + size].ravel()[active] / approx[active]
        print(f"d{name} / numeric slope on its {active.sum()} non-zero entries (of {size}): {np.round(ratio, 4)}")
        assert np.allclose(ratio, {"W2": 2.0, "b1": 4.0}[name], rtol=1e-4)
    start += size

# %% [markdown]
# Every non-zero entry of `dW2` is exactly **twice** the numeric slope, and every entry of
# `db1` four times: a stray factor in each formula. Now read `backward_propagation_n` again: in `dW2` the
# course's $\frac{1}{m} dZ^{[2]} A^{[1]T}$ is multiplied by 2, and `db1` uses $\frac{4}{m}$
# instead of $\frac{1}{m}$.
#
# (One difference from the regularisation notebook's backward pass is *not* a bug:
# `dZ2 = dA2 * (A2 > 0)` tests $A^{[2]} > 0$ instead of $Z^{[2]} > 0$, and likewise for
# `dZ1`. For a ReLU layer that is the same thing, and the check agrees: `W1`, `b2`, `W3`
# pass.)
#
# **Exercise (not graded).** Write the corrected backward pass below: copy
# `backward_propagation_n` and fix the two lines.

# %% id="backward_propagation_n_fixed" kind="solution"
def backward_propagation_n_fixed(X, Y, cache):
    """The gradients of forward_propagation_n's cost, without the two bugs."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    ### BEGIN SOLUTION
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END SOLUTION
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}

# %% [markdown]
# And the check again, with your fix:

# %% kind="locked"
gradients_fixed = backward_propagation_n_fixed(X, Y, cache)
difference_fixed = gradient_check_n(parameters, gradients_fixed, X, Y, print_msg=True)
print(f"with the bugs: {difference_bugged:.2e} ({verdict(difference_bugged)});  "
      f"fixed: {difference_fixed:.2e} ({verdict(difference_fixed)})")
assert difference_fixed < 1e-7, f"difference {difference_fixed:.2e}: a bug is left in backward_propagation_n_fixed"

# %% [markdown]
# From far above $10^{-3}$ to below $10^{-7}$: the gradients are now right.
#
# ## 4. Using gradient checking in practice
#
# The lecture's advice, each point shown on this network.
#
# **Don't use it in training, only to debug.** The check evaluates the cost twice per
# parameter: $2n$ forward passes against one backward pass. Even here, with 47 parameters:

# %% kind="locked"
start_time = time.perf_counter()
for _ in range(20):
    backward_propagation_n_fixed(X, Y, cache)
backward_time = (time.perf_counter() - start_time) / 20
start_time = time.perf_counter()
gradient_check_n(parameters, gradients_fixed, X, Y)
check_time = time.perf_counter() - start_time
print(f"one backward pass: {backward_time * 1e6:.0f} microseconds; one gradient check: {check_time * 1e3:.1f} ms "
      f"({2 * theta.shape[0]} forward passes), about {check_time / backward_time:.0f} times slower")

# %% [markdown]
# A real network has millions of parameters: check once (or a few times), then switch
# the check off.
#
# **If the check fails, look at the components**, as in section 3.4: whether the wrong
# entries are all the `db`, or one layer's `dW`, points straight at the bad formula.
#
# **Remember the regularisation term.** If the cost includes
# $\frac{\lambda}{2m}\sum_l \lVert W^{[l]} \rVert_F^2$, so do the gradients, and the check must
# differentiate the same $J$. Below, the L2 gradients of the regularisation notebook
# (dlkit's version, with $\lambda = 0.7$) are checked twice: against the cost without the
# L2 term (your `gradient_check_n`, which uses `forward_propagation_n`), then against the cost
# with it.

# %% kind="locked"
lambd = 0.7
grads_l2 = reg.backward_propagation_with_regularization(X, Y, cache, lambd)
without_l2 = gradient_check_n(parameters, grads_l2, X, Y)
with_l2 = gradcheck.gradient_check_n(lambda p: cost_of(p) + reg.l2_cost(p, lambd, X.shape[1]),
                                     parameters, grads_l2).difference
print(f"L2 gradients vs the cost without the L2 term: {without_l2:.2e} ({verdict(without_l2)})")
print(f"L2 gradients vs the cost with the L2 term:    {with_l2:.2e} ({verdict(with_l2)})")
assert without_l2 > 1e-3 and with_l2 < 1e-7

# %% [markdown]
# **Switch dropout off.** With dropout each evaluation of $J$ shuts off a different random
# set of units, so the numeric "slopes" are noise. Check with `keep_prob = 1` (or with the
# masks held fixed, as the regularisation notebook does), then switch dropout on. Here the
# dropout backward pass of the regularisation notebook (dlkit's version) is checked against
# costs that draw new masks at every evaluation, then with `keep_prob = 1`:

# %% kind="locked"
seeds = iter(range(10**6))


def cost_with_fresh_dropout(p, keep_prob):
    A3, _ = reg.forward_propagation_with_dropout(X, p, keep_prob, seed=next(seeds))
    return -np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))


for keep_prob in (0.86, 1.0):
    _, cache_dropout = reg.forward_propagation_with_dropout(X, parameters, keep_prob, seed=0)
    grads_dropout = reg.backward_propagation_with_dropout(X, Y, cache_dropout, keep_prob)
    result = gradcheck.gradient_check_n(lambda p: cost_with_fresh_dropout(p, keep_prob), parameters, grads_dropout)
    print(f"keep_prob = {keep_prob}: difference = {result.difference:.2e} ({verdict(result.difference)})")
    assert (result.difference > 1e-3) if keep_prob < 1 else (result.difference < 1e-7)

# %% [markdown]
# **Check at random initialisation, and perhaps again after some training.** A backward pass
# can be right for small weights and wrong for large ones (a bug in a term that only matters
# when the weights have grown). Rarely needed, but cheap insurance.
#
# ## What you built
#
# * The two-sided numeric slope and the relative difference
#   $\lVert d\theta_{\text{approx}} - d\theta \rVert_2 / (\lVert d\theta_{\text{approx}} \rVert_2 + \lVert d\theta \rVert_2)$,
#   first for $J = \theta x$ (`forward_propagation`, `backward_propagation`, `gradient_check`).
# * `dictionary_to_vector`, `vector_to_dictionary` and `gradients_to_vector`: the parameters
#   and their gradients lined up entry by entry, with a layout that makes the round trip exact.
# * `gradient_check_n`, which found the two planted bugs ($dW^{[2]}$ twice too large,
#   $db^{[1]}$ with $4/m$): a difference of a few tenths with the bugs, below $10^{-7}$ after the fix.
# * How to read the difference ($10^{-7}$ great, $10^{-5}$ double-check, $10^{-3}$ bug) and how
#   to use the check: debugging only, with the L2 term in $J$ and dropout off.
