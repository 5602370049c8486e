# %% [markdown]
# # Planar data classification with one hidden layer
#
# *Course 1, Week 3 — the programming assignment.*
#
# Last week's logistic regression draws one straight line through the input space
# and calls one side 1 and the other 0. Many problems are not like that. In this
# notebook you build, in numpy, your first real neural network: **one hidden layer
# of tanh units followed by a sigmoid output**, and watch it learn a curved
# decision boundary that no straight line can imitate.
#
# The plan:
#
# 1. look at a two-dimensional "flower" data set and see logistic regression fail on it;
# 2. write the network piece by piece, following the lecture's recipe:
#    `layer_sizes`, `initialize_parameters`, `forward_propagation`, `compute_cost`,
#    `backward_propagation`, `update_parameters`, then `nn_model` (the training loop)
#    and `predict`;
# 3. train it, see how the size of the hidden layer changes the boundary, and try it
#    on three more data sets.
#
# As before: replace `# YOUR CODE HERE` and `raise NotImplementedError()` in each
# exercise cell with your code, run the cell, then run the test cell below it.
# Everything is vectorised over the examples; the only loop you write is the one
# over gradient-descent iterations.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit import logistic
from dlkit.activations import sigmoid
from dlkit.data.planar import make_flower, make_moons, make_circles, make_blobs
from dlkit.plot_boundary import plot_dataset, plot_decision_boundary, plot_decision_boundaries
from dlkit.shallow import sweep_hidden_sizes

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. The flower
#
# `make_flower()` generates 400 points in the plane, shaped like a flower with four
# petals. Each point $x^{(i)} = (x_1, x_2)$ has a label $y^{(i)}$: petals pointing
# left and right are class 0 (blue), petals pointing up and down are class 1
# (red). The petals meet in the middle, where the two classes overlap a little.
#
# In the course's layout the points are the **columns** of
#
# * `X`, shape $(2, m)$: row 0 holds $x_1$, row 1 holds $x_2$;
# * `Y`, shape $(1, m)$: the labels 0 and 1.
#
# The data are generated for this companion (seeded, so everybody sees the same
# flower).

# %% kind="locked"
X, Y = make_flower()

shape_X = X.shape
shape_Y = Y.shape
m = X.shape[1]

print("shape of X:", shape_X)
print("shape of Y:", shape_Y)
print("number of examples m =", m, " (", int(Y.sum()), "red,", int(m - Y.sum()), "blue )")

plot_dataset(X, Y, title="The flower: four petals, two classes")
plt.show()

# %% [markdown]
# ## 2. A first try: logistic regression
#
# Before building anything new, let us see what last week's model does. The cell
# below trains logistic regression (the reference implementation from `dlkit`,
# the same algorithm as your Week 2 `model`) on the flower, then colours the plane
# by its predictions: the light blue region is where it says 0, the light red one
# where it says 1, and the black line between them is its decision boundary.

# %% kind="locked"
w, b = logistic.initialize_with_zeros(2)
lr_params, _, _ = logistic.optimize(w, b, X, Y, num_iterations=2000, learning_rate=0.5)


def predict_logistic(points):
    return logistic.predict(lr_params["w"], lr_params["b"], points)


lr_accuracy = 100 * np.mean(predict_logistic(X) == Y)
print(f"logistic regression: {lr_accuracy:.1f} % of the points are classified correctly")
print("learned w =", lr_params["w"].ravel().round(4), " b =", round(lr_params["b"], 4))

plot_decision_boundary(predict_logistic, X, Y, title=f"Logistic regression: {lr_accuracy:.1f} % correct")
plt.show()

# %% [markdown]
# About as good as a coin. The learned weights are tiny: whichever straight line
# you draw, it cuts through red and blue petals alike, and the flower looks the same
# from opposite sides, so the best the cost function can do is to stay near
# $w = 0$, where every point gets probability about 0.5. A linear model is simply
# the wrong shape for this data.

# %% id="baseline_result" kind="locked"
assert lr_accuracy <= 55, f"logistic regression should stay near chance on the flower, got {lr_accuracy:.1f} %"
print("As expected: no straight line separates the petals.")

# %% [markdown]
# ## 3. The network
#
# Here is the model you will build: a 2-layer network (the input layer is not
# counted), with $n_x = 2$ inputs, a hidden layer of $n_h$ tanh units and one sigmoid
# output unit. Superscripts in square brackets name the layer, superscripts in
# round brackets the example: $a^{[1](i)}$ is the hidden layer's activation
# vector for example $i$.
#
# For one example $x^{(i)}$ (a column of 2 numbers):
#
# $$z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \qquad a^{[1](i)} = \tanh\big(z^{[1](i)}\big),$$
# $$z^{[2](i)} = W^{[2]} a^{[1](i)} + b^{[2]}, \qquad \hat{y}^{(i)} = a^{[2](i)} = \sigma\big(z^{[2](i)}\big),$$
#
# and the prediction is 1 when $a^{[2](i)} > 0.5$, otherwise 0. Learning
# minimises the cross-entropy cost over all $m$ examples,
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \Big[ y^{(i)} \log a^{[2](i)} + \big(1 - y^{(i)}\big) \log\big(1 - a^{[2](i)}\big) \Big].$$
#
# Why tanh in the hidden layer? It is zero-centred (values in $(-1, 1)$), which
# the lecture notes is almost always better than the sigmoid for hidden units; the
# sigmoid stays at the output because we want a probability there.
#
# The recipe, the same for every network you will build in this course:
#
# 1. define the structure (how many inputs, hidden units, outputs);
# 2. initialise the parameters;
# 3. loop: forward propagation, cost, backward propagation (gradients), update.
#
# Each step gets its own function below; `nn_model` puts them together.

# %% [markdown]
# ### 3.1 The layer sizes
#
# The sizes come from the data: $n_x$ is the number of rows of `X` (features), $n_y$
# the number of rows of `Y` (outputs). For now the hidden layer has $n_h = 4$
# units; later you will change it.
#
# **Exercise.** Implement `layer_sizes(X, Y)` returning `(n_x, n_h, n_y)`.

# %% id="layer_sizes" kind="solution"
def layer_sizes(X, Y):
    """The sizes of the three layers.

    Arguments:
    X -- input data, numpy array of shape (n_x, m)
    Y -- labels, numpy array of shape (n_y, m)

    Returns:
    n_x -- the size of the input layer
    n_h -- the size of the hidden layer (4)
    n_y -- the size of the output layer
    """
    ### BEGIN SOLUTION
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    ### END SOLUTION
    return (n_x, n_h, n_y)


# %% id="layer_sizes_test" kind="test" points=1
check("c1w3.layer_sizes", layer_sizes)
### BEGIN HIDDEN TESTS
check("c1w3.layer_sizes", layer_sizes, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
n_x, n_h, n_y = layer_sizes(X, Y)
print(f"the flower network: n_x = {n_x}, n_h = {n_h}, n_y = {n_y}")

# %% [markdown]
# ### 3.2 Initialising the parameters
#
# Each layer $l$ has a weight matrix with **one row per unit of the layer and one
# column per unit feeding it**, and a bias column:
#
# | parameter | shape | for the lecture's example ($n_x = 3$, $n_h = 4$, $n_y = 1$) |
# |---|---|---|
# | $W^{[1]}$ | $(n_h, n_x)$ | $(4, 3)$ |
# | $b^{[1]}$ | $(n_h, 1)$ | $(4, 1)$ |
# | $W^{[2]}$ | $(n_y, n_h)$ | $(1, 4)$ |
# | $b^{[2]}$ | $(n_y, 1)$ | $(1, 1)$ |
#
# Unlike logistic regression, the weights **must not start at zero**. If every
# hidden unit starts with the same weights, every unit computes the same function,
# receives the same gradient and makes the same update, so they stay identical
# forever: $n_h$ units that are worth one (the lecture calls this *symmetry*). Small
# random numbers break the tie. Keep them small, e.g. `np.random.randn(...) * 0.01`:
# large weights push tanh into its flat tails, where the gradient is almost zero and
# learning crawls. The biases can start at zero, since the random weights already
# make the units different.
#
# **Exercise.** Implement `initialize_parameters(n_x, n_h, n_y)`. Draw $W^{[1]}$
# first, then $W^{[2]}$, each with `np.random.randn(rows, columns) * 0.01`;
# set `b1` and `b2` to zeros of the right (column) shapes. The seed is set for you
# so that your numbers match the expected ones.

# %% id="initialize_parameters" kind="solution"
def initialize_parameters(n_x, n_h, n_y):
    """Small random weights and zero biases for the 2-layer network.

    Arguments:
    n_x -- size of the input layer
    n_h -- size of the hidden layer
    n_y -- size of the output layer

    Returns:
    parameters -- dict with
        W1 -- weight matrix of shape (n_h, n_x)
        b1 -- bias vector of shape (n_h, 1)
        W2 -- weight matrix of shape (n_y, n_h)
        b2 -- bias vector of shape (n_y, 1)
    """
    np.random.seed(2)  # so that your numbers match the expected ones
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# %% id="initialize_parameters_test" kind="test" points=1
check("c1w3.initialize_parameters", initialize_parameters)
### BEGIN HIDDEN TESTS
check("c1w3.initialize_parameters", initialize_parameters, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
for name, value in initialize_parameters(3, 4, 1).items():
    print(f"{name}: shape {value.shape}")

# %% [markdown]
# ### 3.3 Forward propagation
#
# Stacking the $m$ examples as columns turns the per-example equations into four
# matrix lines, computed for all examples at once:
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]} \quad (n_h, m), \qquad A^{[1]} = \tanh\big(Z^{[1]}\big) \quad (n_h, m),$$
# $$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]} \quad (n_y, m), \qquad A^{[2]} = \sigma\big(Z^{[2]}\big) \quad (n_y, m).$$
#
# Rows are units, columns are examples. The bias columns are broadcast across the
# $m$ columns. Use `np.tanh` for the hidden layer and the `sigmoid` imported in the
# setup cell for the output.
#
# Backward propagation will need the intermediate values, so return them too, in a
# dictionary called the **cache**.
#
# **Exercise.** Implement `forward_propagation(X, parameters)` returning `A2` and
# `cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}`.

# %% id="forward_propagation" kind="solution"
def forward_propagation(X, parameters):
    """Forward pass of the 2-layer network over all examples.

    Arguments:
    X -- input data of shape (n_x, m)
    parameters -- dict with W1, b1, W2, b2 (the output of initialize_parameters)

    Returns:
    A2 -- the sigmoid output of the second layer, shape (n_y, m)
    cache -- dict with "Z1", "A1", "Z2" and "A2"
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    ### BEGIN SOLUTION
    Z1 = np.dot(W1, X) + b1          # (n_h, m)
    A1 = np.tanh(Z1)                 # (n_h, m)
    Z2 = np.dot(W2, A1) + b2         # (n_y, m)
    A2 = sigmoid(Z2)                 # (n_y, m)
    ### END SOLUTION
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


# %% id="forward_propagation_test" kind="test" points=2
check("c1w3.forward_propagation", forward_propagation)
### BEGIN HIDDEN TESTS
check("c1w3.forward_propagation", forward_propagation, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 3.4 The cost
#
# With $A^{[2]}$ and $Y$ both of shape $(1, m)$, the cost is
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \Big[ y^{(i)} \log a^{[2](i)} + \big(1 - y^{(i)}\big) \log\big(1 - a^{[2](i)}\big) \Big].$$
#
# Compute it with elementwise operations: `np.log(A2)`, products with `Y` and
# `1 - Y`, then `np.sum` and a division by $m$. The given last line returns the cost as a
# plain float whatever its shape: a number from `np.sum`, or a $(1, 1)$ array if you wrote
# the sums as `np.dot(Y, np.log(A2).T)` or with `keepdims=True` (`np.squeeze` drops the
# axes of length 1, then `float` converts).
#
# **Exercise.** Implement `compute_cost(A2, Y)`.

# %% id="compute_cost" kind="solution"
def compute_cost(A2, Y):
    """Cross-entropy cost of the network's output.

    Arguments:
    A2 -- the sigmoid output, shape (1, m): the probability of label 1 for each example
    Y -- the true labels, shape (1, m)

    Returns:
    cost -- the cross-entropy cost J, a float
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = -np.sum(logprobs) / m
    ### END SOLUTION
    return float(np.squeeze(cost))


# %% id="compute_cost_test" kind="test" points=1
check("c1w3.compute_cost", compute_cost)
### BEGIN HIDDEN TESTS
check("c1w3.compute_cost", compute_cost, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# At the start of training the output is about 0.5 for every point, so the cost should
# be close to $\log 2 \approx 0.693$:

# %% kind="locked"
A2_start, _ = forward_propagation(X, initialize_parameters(n_x, n_h, n_y))
print(f"cost of the untrained network on the flower: {compute_cost(A2_start, Y):.6f}  (log 2 = {np.log(2):.6f})")

# %% [markdown]
# ### 3.5 Backward propagation
#
# Backward propagation applies the chain rule from the cost back to every
# parameter. The lecture derives it one layer at a time; for the whole batch the
# result is six lines:
#
# $$dZ^{[2]} = A^{[2]} - Y \qquad (n_y, m)$$
# $$dW^{[2]} = \frac{1}{m}\, dZ^{[2]} A^{[1]T} \quad (n_y, n_h), \qquad
#   db^{[2]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)} \quad (n_y, 1)$$
# $$dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]\prime}\big(Z^{[1]}\big) \qquad (n_h, m)$$
# $$dW^{[1]} = \frac{1}{m}\, dZ^{[1]} X^{T} \quad (n_h, n_x), \qquad
#   db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)} \quad (n_h, 1)$$
#
# A few things to get right:
#
# * $*$ is the **elementwise** product: $W^{[2]T} dZ^{[2]}$ is $(n_h, n_y)(n_y, m) = (n_h, m)$,
#   the same shape as $Z^{[1]}$.
# * The hidden activation is tanh, and its derivative can be read off the
#   activation itself: $g^{[1]\prime}(Z^{[1]}) = 1 - \tanh^2(Z^{[1]}) = 1 - \big(A^{[1]}\big)^2$,
#   i.e. `1 - np.power(A1, 2)`. (The sigmoid's derivative, $a(1 - a)$, belongs to a
#   sigmoid layer, not this one.)
# * The sums over examples run along the columns and must keep the column shape of
#   the biases: `np.sum(dZ2, axis=1, keepdims=True)`. Without `keepdims=True` you get
#   a rank-1 array of shape $(n_h,)$ instead of $(n_h, 1)$.
# * Every gradient has the shape of its parameter: $dW^{[1]}$ like $W^{[1]}$, and so on.
#   Checking the shapes is the quickest way to catch a misplaced transpose.
# * The $\frac{1}{m}$ turns the sum over examples into an average; the single-example
#   version on the lecture's slides has no $\frac{1}{m}$.
#
# **Exercise.** Implement `backward_propagation(parameters, cache, X, Y)` returning
# `grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}`.

# %% id="backward_propagation" kind="solution"
def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost with respect to W1, b1, W2 and b2.

    Arguments:
    parameters -- dict with W1, b1, W2, b2
    cache -- dict with Z1, A1, Z2, A2 (from forward_propagation)
    X -- input data of shape (n_x, m)
    Y -- true labels of shape (n_y, m)

    Returns:
    grads -- dict with "dW1" (n_h, n_x), "db1" (n_h, 1), "dW2" (n_y, n_h), "db2" (n_y, 1)
    """
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    ### BEGIN SOLUTION
    dZ2 = A2 - Y                                          # (n_y, m)
    dW2 = np.dot(dZ2, A1.T) / m                           # (n_y, n_h)
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m          # (n_y, 1)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))       # (n_h, m)
    dW1 = np.dot(dZ1, X.T) / m                            # (n_h, n_x)
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m          # (n_h, 1)
    ### END SOLUTION
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


# %% id="backward_propagation_test" kind="test" points=3
check("c1w3.backward_propagation", backward_propagation)
### BEGIN HIDDEN TESTS
check("c1w3.backward_propagation", backward_propagation, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# If your gradients are wrong, the test's message includes a **gradient check**: it
# nudges every parameter up and down by a tiny $\varepsilon$, measures how the cost
# changes, $\frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2\varepsilon}$, and tells you which of
# your gradients disagree with these numeric slopes. Course 2 has you build this
# check yourself.
#
# ### 3.6 Updating the parameters
#
# Gradient descent moves every parameter a small step against its gradient,
#
# $$\theta := \theta - \alpha\, d\theta \qquad \text{for } \theta \in \{W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}\},$$
#
# with learning rate $\alpha$. For this network and data $\alpha = 1.2$ works well
# (learning rates are problem-specific: too small and learning is slow, too large
# and the cost bounces around or diverges).
#
# **Exercise.** Implement `update_parameters(parameters, grads, learning_rate=1.2)`.
# Use the `learning_rate` argument, not a fixed number.

# %% id="update_parameters" kind="solution"
def update_parameters(parameters, grads, learning_rate=1.2):
    """One gradient-descent step.

    Arguments:
    parameters -- dict with W1, b1, W2, b2
    grads -- dict with dW1, db1, dW2, db2
    learning_rate -- the step size alpha

    Returns:
    parameters -- dict with the updated W1, b1, W2, b2
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    ### BEGIN SOLUTION
    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# %% id="update_parameters_test" kind="test" points=1
check("c1w3.update_parameters", update_parameters)
### BEGIN HIDDEN TESTS
check("c1w3.update_parameters", update_parameters, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 3.7 Putting it together: `nn_model`
#
# `nn_model` is the recipe from the start of this section: initialise, then repeat
# forward propagation, cost, backward propagation and update for `num_iterations`
# steps. The sizes $n_x$ and $n_y$ come from `layer_sizes`; the hidden-layer size
# is the argument `n_h` (so that you can change it later).
#
# **Exercise.** Implement `nn_model(X, Y, n_h, num_iterations=10000, print_cost=False)`
# with your functions above (the default learning rate of `update_parameters` is
# the one to use). When `print_cost` is True, print the cost every 1000 iterations,
# e.g. `print(f"Cost after iteration {i}: {cost:f}")`. Return the learned parameters.

# %% id="nn_model" kind="solution"
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train the 2-layer network by gradient descent.

    Arguments:
    X -- data of shape (n_x, m)
    Y -- labels of shape (n_y, m)
    n_h -- size of the hidden layer
    num_iterations -- number of gradient-descent iterations
    print_cost -- if True, print the cost every 1000 iterations

    Returns:
    parameters -- the learned parameters, a dict with W1, b1, W2, b2
    """
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    ### BEGIN SOLUTION
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    ### END SOLUTION
    return parameters


# %% id="nn_model_test" kind="test" points=2
check("c1w3.nn_model", nn_model)
### BEGIN HIDDEN TESTS
check("c1w3.nn_model", nn_model, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 3.8 Predictions
#
# The trained network's output $A^{[2]}$ is the probability of label 1 for each
# column of `X`. Turn it into labels with the threshold 0.5:
#
# $$\hat{y}^{(i)} = \begin{cases} 1 & \text{if } a^{[2](i)} > 0.5, \\ 0 & \text{otherwise.} \end{cases}$$
#
# **Exercise.** Implement `predict(parameters, X)` using your `forward_propagation`;
# return an array of shape $(1, m)$ holding 0.0 and 1.0 (`(A2 > 0.5).astype(float)`).

# %% id="predict" kind="solution"
def predict(parameters, X):
    """Predict a label for each column of X with the learned parameters.

    Arguments:
    parameters -- dict with W1, b1, W2, b2
    X -- input data of shape (n_x, m)

    Returns:
    predictions -- numpy array of shape (1, m) with 0.0 (blue) or 1.0 (red)
    """
    ### BEGIN SOLUTION
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 > 0.5).astype(float)
    ### END SOLUTION
    return predictions


# %% id="predict_test" kind="test" points=1
check("c1w3.predict", predict)
### BEGIN HIDDEN TESTS
check("c1w3.predict", predict, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 4. Training on the flower
#
# Time to train your network: 4 hidden units, 10 000 iterations of gradient
# descent (a couple of seconds). The cost is printed every 1000 iterations.

# %% kind="locked"
parameters = nn_model(X, Y, n_h=4, num_iterations=10000, print_cost=True)

predictions = predict(parameters, X)
nn_accuracy = 100 * np.mean(predictions == Y)
print(f"\naccuracy with 4 hidden units: {nn_accuracy:.1f} %  (logistic regression: {lr_accuracy:.1f} %)")

plot_decision_boundary(lambda points: predict(parameters, points), X, Y,
                       title=f"Hidden layer of size 4: {nn_accuracy:.1f} % correct")
plt.show()

# %% [markdown]
# The cost falls from $\log 2$ to about a fifth of it within the first 1000 iterations
# and then hardly changes (it may even creep up a little: with a learning rate as
# large as 1.2, steps near the bottom are not always downhill).
#
# The boundary bends: four tanh units, each a soft "step" along its own direction,
# are combined by the output unit into a region that follows the petals. The few
# mistakes sit in the middle, where petals of both colours overlap and no boundary
# could get every point right.
#
# The cell below checks that your network beats logistic regression by a wide
# margin. If it fails while all the tests above pass, re-run the notebook from the
# top (Kernel > Restart & Run All), so that every cell uses your latest functions.

# %% id="nn_results" kind="locked"
assert nn_accuracy >= 88, f"4 hidden units should classify at least 88 % of the flower correctly, got {nn_accuracy:.1f} %"
assert nn_accuracy >= lr_accuracy + 30, "the network should beat logistic regression by a wide margin"
print(f"Well done: {nn_accuracy:.1f} % with one hidden layer, against {lr_accuracy:.1f} % for logistic regression.")

# %% [markdown]
# ## 5. How big should the hidden layer be?
#
# The cell below trains your `nn_model` once for each hidden-layer size in
# $(1, 2, 3, 4, 5, 20, 50)$ and draws each decision boundary. To keep the whole
# notebook under a minute, each network gets **5000 iterations** instead of 10 000
# (enough for these sizes to settle; the 4-unit result barely moves). A progress
# bar shows how far it is; it takes some ten seconds.

# %% kind="locked"
hidden_sizes = (1, 2, 3, 4, 5, 20, 50)
sweep = sweep_hidden_sizes(nn_model, predict, X, Y, hidden_sizes, num_iterations=5000, progress=True)

for size, result in sweep.items():
    print(f"hidden layer of size {size:2d}: accuracy {result['accuracy']:.1f} %")

plot_decision_boundaries({f"n_h = {size}: {result['accuracy']:.1f} %": result["predict"]
                          for size, result in sweep.items()},
                         X, Y, ncols=4, suptitle="Decision boundary for each hidden-layer size (5000 iterations)")
plt.show()

# %% [markdown]
# What to notice:
#
# * **One unit** can only make one soft step, so its boundary is (nearly) a
#   straight band: it gets one pair of petals right and cannot do better than about
#   two thirds of the points.
# * **Two units** make a stripe, **three** begin to carve out the cross, and from
#   **four** on the boundary follows all four petals.
# * **Larger layers** (20, 50) fit the training points a little better still, with
#   boundaries that bend more to accommodate individual points. With a more complex
#   model the danger is overfitting: fitting the noise of these particular 400
#   points rather than the flower. We only measure accuracy on the training points
#   here, which cannot reveal overfitting; Course 2 shows how to detect it with a
#   separate dev set, and how regularisation lets you use a large network without it.
#
# ## 6. Other data sets
#
# The same network, unchanged, learns other shapes too. Each of the three data
# sets below has 200 points; your `nn_model` trains 4 hidden units on each for
# 5000 iterations:
#
# * **moons**: two interleaving half circles;
# * **circles**: a small noisy ring inside a large one (logistic regression cannot
#   even start on this one);
# * **blobs**: six Gaussian clusters whose labels alternate.

# %% kind="locked"
datasets = {"moons": make_moons(), "circles": make_circles(), "blobs": make_blobs()}

fig, axes = plt.subplots(1, 3, figsize=(15, 4.8))
for ax, (name, (X_d, Y_d)) in zip(axes, datasets.items()):
    params_d = nn_model(X_d, Y_d, n_h=4, num_iterations=5000)
    acc_d = 100 * np.mean(predict(params_d, X_d) == Y_d)
    print(f"{name:8s} X {X_d.shape}: accuracy with 4 hidden units {acc_d:.1f} %")
    plot_decision_boundary(lambda points: predict(params_d, points), X_d, Y_d, ax=ax,
                           title=f"{name}: {acc_d:.1f} % correct")
fig.suptitle("Your network, 4 hidden units, on three more data sets")
fig.tight_layout()
plt.show()

# %% [markdown]
# ### Try it yourself
#
# This cell is yours to edit. Change the data (for example `make_flower(petals=6)`,
# or more `noise`), the hidden-layer size or the number of iterations, and see how
# the boundary changes. Keep the number of iterations modest: each 1000 take a
# fraction of a second on 400 points.

# %%
X_try, Y_try = make_flower(petals=6, noise=0.3)
params_try = nn_model(X_try, Y_try, n_h=5, num_iterations=3000)
acc_try = 100 * np.mean(predict(params_try, X_try) == Y_try)
plot_decision_boundary(lambda points: predict(params_try, points), X_try, Y_try,
                       title=f"Six petals, more noise, 5 hidden units: {acc_try:.1f} % correct")
plt.show()

# %% [markdown]
# ## What you built
#
# * A 2-layer neural network in plain numpy: `layer_sizes`, `initialize_parameters`
#   (small random weights to break the symmetry between hidden units),
#   `forward_propagation` ($\tanh$ hidden layer, sigmoid output, cached values),
#   `compute_cost` (cross-entropy), `backward_propagation` (the six gradient
#   lines, with $1 - A^{[1]2}$ for tanh and `keepdims=True` for the biases),
#   `update_parameters`, and the training loop `nn_model` with `predict`.
# * Evidence that the hidden layer matters: logistic regression stays at chance on
#   the flower, while 4 tanh units classify around 90 % of the points correctly.
# * A feeling for the size of the hidden layer: too few units cannot draw the
#   boundary, more units draw more complex ones.
#
# Next week the same forward / backward / update loop grows to any number of
# layers.
