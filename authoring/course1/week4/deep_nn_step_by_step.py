# %% [markdown]
# # Building a deep neural network, step by step
#
# *Course 1, Week 4: the first of two programming assignments.*
#
# In Week 3 you trained a network with one hidden layer. This notebook builds the
# machinery for a network with **any number of layers**, one small function at a
# time. The next notebook, `deep_nn_application`, puts these pieces to work on the
# image set of Week 2.
#
# The network has the shape the lecture calls
#
# $$[\text{LINEAR} \to \text{RELU}] \times (L-1) \;\to\; \text{LINEAR} \to \text{SIGMOID}:$$
#
# $L - 1$ hidden layers with ReLU units, then one sigmoid unit that outputs the
# probability of class 1.
#
# **Notation** (the lecture's):
#
# * a superscript $[l]$ names a layer: $W^{[l]}$, $b^{[l]}$, $Z^{[l]}$, $A^{[l]}$.
#   The input is layer 0, $A^{[0]} = X$, and the output is $A^{[L]} = \hat{Y}$.
#   "An $L$-layer network" does not count the input layer;
# * $n^{[l]}$ is the number of units in layer $l$, and $n^{[0]} = n_x$;
# * a superscript $(i)$ names an example. As in Weeks 2 and 3, examples are the
#   **columns** of a matrix: $X$ has shape $(n^{[0]}, m)$.
#
# **The plan.** Each layer needs a forward step (from $A^{[l-1]}$ to $A^{[l]}$)
# and a backward step (from $dA^{[l]}$ to $dA^{[l-1]}$, $dW^{[l]}$ and $db^{[l]}$).
# The forward step stores what the backward step will need in a **cache**. You write:
#
# 1. initialisation: `initialize_parameters` (2 layers), `initialize_parameters_deep` ($L$ layers);
# 2. the forward module: `linear_forward`, `linear_activation_forward`, `L_model_forward`;
# 3. the cost: `compute_cost`;
# 4. the backward module: `linear_backward`, `linear_activation_backward`, `L_model_backward`;
# 5. the update: `update_parameters`.
#
# At the end a numeric gradient check tests all of them together.
#
# In each exercise cell, replace `# YOUR CODE HERE` and `raise NotImplementedError()`
# with your code, run the cell, then run the test cell below it. The only loops
# you need run over the layers, never over the examples.

# %% kind="setup"
import numpy as np

from autograder import check
from dlkit.gradcheck import numeric_gradients, relative_error
from dlkit.layers import relu_backward, relu_forward, sigmoid_backward, sigmoid_forward

np.random.seed(1)

# %% [markdown]
# ## 1. Initialisation
#
# ### 1.1 A two-layer network
#
# We start with the network of Week 3: LINEAR → RELU → LINEAR → SIGMOID, with
# $n_x$ inputs, $n_h$ hidden units and $n_y$ outputs. Its parameters have shapes
#
# | parameter | shape |
# |---|---|
# | $W^{[1]}$ | $(n_h, n_x)$ |
# | $b^{[1]}$ | $(n_h, 1)$ |
# | $W^{[2]}$ | $(n_y, n_h)$ |
# | $b^{[2]}$ | $(n_y, 1)$ |
#
# The weights must be **random**: if every hidden unit started from the same
# weights, all units would compute the same function and receive the same
# update, and they would stay identical forever (the symmetry problem of Week 3).
# Small values, `np.random.randn(...) * 0.01`, keep the first activations in
# the steep part of the sigmoid. The biases can start at zero.
#
# **Exercise.** Implement `initialize_parameters(n_x, n_h, n_y)`. Call
# `np.random.seed(1)` first, then draw `W1` before `W2`, so that your numbers
# match the tests.

# %% id="initialize_parameters" kind="solution"
def initialize_parameters(n_x, n_h, n_y):
    """Random weights and zero biases for a LINEAR -> RELU -> LINEAR -> SIGMOID network.

    Arguments:
    n_x -- size of the input layer
    n_h -- size of the hidden layer
    n_y -- size of the output layer

    Returns:
    parameters -- dict with
                  "W1": weights, shape (n_h, n_x)
                  "b1": biases, shape (n_h, 1)
                  "W2": weights, shape (n_y, n_h)
                  "b2": biases, shape (n_y, 1)
    """
    np.random.seed(1)
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# %% id="initialize_parameters_test" kind="test" points=1
check("c1w4.initialize_parameters", initialize_parameters)
### BEGIN HIDDEN TESTS
check("c1w4.initialize_parameters", initialize_parameters, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's small example, 3 inputs, 4 hidden units and 1 output:

# %% kind="locked"
parameters = initialize_parameters(3, 4, 1)
for name, value in parameters.items():
    print(f"{name} has shape {value.shape}")
print("W1 =", parameters["W1"])

# %% [markdown]
# ### 1.2 An $L$-layer network
#
# For a deep network the sizes are given as a list
# `layer_dims` $= [n^{[0]}, n^{[1]}, \dots, n^{[L]}]$, so the network has
# $L$ = `len(layer_dims) - 1` layers. Layer $l$ maps the $n^{[l-1]}$ values of
# the previous layer to $n^{[l]}$ values, which fixes every shape:
#
# | quantity | shape |
# |---|---|
# | $W^{[l]}$, $dW^{[l]}$ | $(n^{[l]}, n^{[l-1]})$ |
# | $b^{[l]}$, $db^{[l]}$ | $(n^{[l]}, 1)$ |
# | $Z^{[l]}$, $A^{[l]}$, $dZ^{[l]}$, $dA^{[l]}$ | $(n^{[l]}, m)$ |
#
# A way to remember $W^{[l]}$'s shape: in $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ the
# product must turn an $(n^{[l-1]}, m)$ matrix into an $(n^{[l]}, m)$ one. The bias
# is a column and numpy broadcasts it across the $m$ columns.
#
# **Exercise.** Implement `initialize_parameters_deep(layer_dims)`: for every
# $l = 1, \dots, L$, set `parameters["W" + str(l)]` to
# `np.random.randn(layer_dims[l], layer_dims[l-1]) * 0.01` and
# `parameters["b" + str(l)]` to zeros of shape `(layer_dims[l], 1)`. The seed is
# set for you (to 3, so the numbers differ from the two-layer case). Draw the
# weights in the order $W^{[1]}, W^{[2]}, \dots$

# %% id="initialize_parameters_deep" kind="solution"
def initialize_parameters_deep(layer_dims):
    """Random weights and zero biases for an L-layer network.

    Arguments:
    layer_dims -- list [n^[0], n^[1], ..., n^[L]] of layer sizes

    Returns:
    parameters -- dict with "W1", "b1", ..., "WL", "bL":
                  Wl has shape (layer_dims[l], layer_dims[l-1]),
                  bl has shape (layer_dims[l], 1)
    """
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims) - 1          # number of layers (the input layer is not counted)
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    ### END SOLUTION
    return parameters


# %% id="initialize_parameters_deep_test" kind="test" points=2
check("c1w4.initialize_parameters_deep", initialize_parameters_deep)
### BEGIN HIDDEN TESTS
check("c1w4.initialize_parameters_deep", initialize_parameters_deep, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **The shape table of the lecture.** Take $L = 5$ with
# $n = [2, 3, 5, 4, 2, 1]$: two input features, hidden layers of 3, 5, 4 and 2
# units, one output. The cell below asks your function for the parameters and
# lists their shapes; compare them with the rule
# $W^{[l]}: (n^{[l]}, n^{[l-1]})$, $b^{[l]}: (n^{[l]}, 1)$. Each layer has
# $n^{[l]} n^{[l-1]}$ weights and $n^{[l]}$ biases.

# %% id="shape_table" kind="locked"
layer_dims_notes = [2, 3, 5, 4, 2, 1]
parameters = initialize_parameters_deep(layer_dims_notes)

print(f"{'l':>2}  {'W shape':>8}  {'b shape':>8}  {'weights':>7}  {'biases':>6}")
total = 0
for l in range(1, len(layer_dims_notes)):
    W, b = parameters["W" + str(l)], parameters["b" + str(l)]
    print(f"{l:>2}  {str(W.shape):>8}  {str(b.shape):>8}  {W.size:>7}  {b.size:>6}")
    total += W.size + b.size
print(f"total number of parameters: {total}")
assert total == 66, f"the network [2, 3, 5, 4, 2, 1] has 66 parameters, your parameters hold {total}"

# %% [markdown]
# $6 + 15 + 20 + 8 + 2 = 51$ weights and $3 + 5 + 4 + 2 + 1 = 15$ biases: 66 in all.
#
# ## 2. The forward module
#
# ### 2.1 The linear part of a layer
#
# For all $m$ examples at once,
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]},$$
#
# an $(n^{[l]}, n^{[l-1]})$ by $(n^{[l-1]}, m)$ product, plus the column $b^{[l]}$
# broadcast to every column. For the backward step later we keep the inputs:
# the **linear cache** is the tuple `(A_prev, W, b)`, in that order.
#
# **Exercise.** Implement `linear_forward(A, W, b)`, returning `Z` and
# `cache = (A, W, b)`.

# %% id="linear_forward" kind="solution"
def linear_forward(A, W, b):
    """The linear part of a layer's forward step, Z = W A + b.

    Arguments:
    A -- activations of the previous layer (or the input X), shape (n^[l-1], m)
    W -- weights, shape (n^[l], n^[l-1])
    b -- biases, shape (n^[l], 1)

    Returns:
    Z -- the pre-activation, shape (n^[l], m)
    cache -- the tuple (A, W, b), kept for the backward step
    """
    ### BEGIN SOLUTION
    Z = np.dot(W, A) + b
    ### END SOLUTION
    cache = (A, W, b)
    return Z, cache


# %% id="linear_forward_test" kind="test" points=1
check("c1w4.linear_forward", linear_forward)
### BEGIN HIDDEN TESTS
check("c1w4.linear_forward", linear_forward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 2.2 A whole layer: linear, then activation
#
# The layer's output is $A^{[l]} = g^{[l]}(Z^{[l]})$. Two activations are used here,
# and both are given, imported from `dlkit.layers` in the setup cell. Each
# returns the activation and an **activation cache**, which is simply $Z$:
#
# * `A, activation_cache = sigmoid_forward(Z)` computes $\sigma(Z) = 1/(1 + e^{-Z})$;
# * `A, activation_cache = relu_forward(Z)` computes $\max(0, Z)$.
#
# The layer's cache bundles both: `cache = (linear_cache, activation_cache)`.
#
# **Exercise.** Implement `linear_activation_forward(A_prev, W, b, activation)`,
# where `activation` is the string `"sigmoid"` or `"relu"`. Use your
# `linear_forward` for the linear part.

# %% id="linear_activation_forward" kind="solution"
def linear_activation_forward(A_prev, W, b, activation):
    """Forward step of one LINEAR -> ACTIVATION layer.

    Arguments:
    A_prev -- activations of the previous layer, shape (n^[l-1], m)
    W -- weights, shape (n^[l], n^[l-1])
    b -- biases, shape (n^[l], 1)
    activation -- "sigmoid" or "relu"

    Returns:
    A -- the layer's output, shape (n^[l], m)
    cache -- the tuple (linear_cache, activation_cache)
    """
    ### BEGIN SOLUTION
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid_forward(Z)
    elif activation == "relu":
        A, activation_cache = relu_forward(Z)
    ### END SOLUTION
    cache = (linear_cache, activation_cache)
    return A, cache


# %% id="linear_activation_forward_test" kind="test" points=2
check("c1w4.linear_activation_forward", linear_activation_forward)
### BEGIN HIDDEN TESTS
check("c1w4.linear_activation_forward", linear_activation_forward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 2.3 The whole network
#
# Chain the layers: starting from $A^{[0]} = X$, apply
# `linear_activation_forward` with `"relu"` for layers $1, \dots, L-1$ and with
# `"sigmoid"` for layer $L$. Append every layer's cache to the list `caches`
# (layer 1 first), so that `caches[l - 1]` belongs to layer $l$ and the list
# has $L$ entries.
#
# The parameters dict holds a `W` and a `b` per layer, so
# $L$ = `len(parameters) // 2`.
#
# **Exercise.** Implement `L_model_forward(X, parameters)`, returning
# $A^{[L]}$ (called `AL`, shape $(1, m)$) and `caches`.

# %% id="L_model_forward" kind="solution"
def L_model_forward(X, parameters):
    """Forward pass of [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    Arguments:
    X -- data, shape (n_x, m)
    parameters -- dict with "W1", "b1", ..., "WL", "bL"

    Returns:
    AL -- the output of the last layer (the predicted probabilities), shape (1, m)
    caches -- list of the L caches of linear_activation_forward, layer 1 first
    """
    caches = []
    A = X
    L = len(parameters) // 2         # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    ### END SOLUTION
    return AL, caches


# %% id="L_model_forward_test" kind="test" points=3
check("c1w4.L_model_forward", L_model_forward)
### BEGIN HIDDEN TESTS
check("c1w4.L_model_forward", L_model_forward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's network again, on four random examples. With weights of 0.01
# the signal shrinks at every layer, so every output is almost exactly
# $\sigma(0) = 0.5$: keep that in mind for the application notebook.

# %% kind="locked"
X_demo = np.random.RandomState(2).randn(2, 4)
AL_demo, caches_demo = L_model_forward(X_demo, initialize_parameters_deep(layer_dims_notes))
print("AL =", AL_demo)
print("AL has shape", AL_demo.shape, "and there are", len(caches_demo), "caches")

# %% [markdown]
# ## 3. The cost
#
# The cross-entropy cost of Weeks 2 and 3, averaged over the $m$ examples:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \Big[ y^{(i)} \log a^{[L](i)} + \big(1 - y^{(i)}\big) \log\big(1 - a^{[L](i)}\big) \Big].$$
#
# **Exercise.** Implement `compute_cost(AL, Y)` with `np.log`, elementwise products
# and `np.sum`. The given line `cost = float(np.squeeze(cost))` makes the cost a plain
# float, whether yours is a number or a $(1, 1)$ array (from `np.dot`, or `keepdims=True`).

# %% id="compute_cost" kind="solution"
def compute_cost(AL, Y):
    """The cross-entropy cost J.

    Arguments:
    AL -- predicted probabilities, shape (1, m)
    Y -- labels 0/1, shape (1, m)

    Returns:
    cost -- J, a float
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    ### END SOLUTION
    cost = float(np.squeeze(cost))
    return cost


# %% id="compute_cost_test" kind="test" points=1
check("c1w4.compute_cost", compute_cost)
### BEGIN HIDDEN TESTS
check("c1w4.compute_cost", compute_cost, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
print("cost =", compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]])))

# %% [markdown]
# ($-\frac{1}{3}(\ln 0.8 + \ln 0.9 + \ln 0.6) \approx 0.2798$.)
#
# ## 4. The backward module
#
# Backpropagation runs the chain rule from the cost back to every parameter,
# layer by layer, from layer $L$ down to layer 1. As in the forward module there
# are three levels: the linear part of a layer, a whole layer, the whole network.
#
# **A word on scaling**, as the course does it. The arrays $dZ^{[l]}$ and
# $dA^{[l]}$ hold *per-example* derivatives: column $i$ is the slope of example
# $i$'s loss $\mathcal{L}^{(i)}$. The cost is the average of these losses, so the
# gradients of the parameters, which every example shares, carry a factor $1/m$.
# The $dA$ passed down to the previous layer does not.
#
# ### 4.1 The linear part
#
# Given $dZ^{[l]}$ and the linear cache $(A^{[l-1]}, W^{[l]}, b^{[l]})$:
#
# $$dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]\,T}, \qquad
# db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
# dA^{[l-1]} = W^{[l]\,T} dZ^{[l]}.$$
#
# Check the shapes: $(n^{[l]}, m)(m, n^{[l-1]})$ gives $W$'s shape, and
# $(n^{[l-1]}, n^{[l]})(n^{[l]}, m)$ gives $A^{[l-1]}$'s. For $db$, sum over the
# columns, `np.sum(dZ, axis=1, keepdims=True)`, to keep a column of shape $(n^{[l]}, 1)$.
#
# **Exercise.** Implement `linear_backward(dZ, cache)`.

# %% id="linear_backward" kind="solution"
def linear_backward(dZ, cache):
    """The linear part of a layer's backward step.

    Arguments:
    dZ -- gradient of the loss with respect to Z of this layer, shape (n^[l], m)
    cache -- the tuple (A_prev, W, b) of this layer's linear_forward

    Returns:
    dA_prev -- gradient with respect to A_prev, shape (n^[l-1], m)
    dW -- gradient of the cost with respect to W, shape (n^[l], n^[l-1])
    db -- gradient of the cost with respect to b, shape (n^[l], 1)
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    ### BEGIN SOLUTION
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    ### END SOLUTION
    return dA_prev, dW, db


# %% id="linear_backward_test" kind="test" points=2
check("c1w4.linear_backward", linear_backward)
### BEGIN HIDDEN TESTS
check("c1w4.linear_backward", linear_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 4.2 A whole layer
#
# Before the linear part comes the activation: from $dA^{[l]}$,
#
# $$dZ^{[l]} = dA^{[l]} * g^{[l]\prime}(Z^{[l]})$$
#
# (an elementwise product). Two helpers, also from `dlkit.layers`, do it for you
# from the activation cache $Z^{[l]}$:
#
# * `dZ = sigmoid_backward(dA, activation_cache)` multiplies by $\sigma(Z)(1 - \sigma(Z))$;
# * `dZ = relu_backward(dA, activation_cache)` keeps $dA$ where $Z > 0$ and puts 0 elsewhere.
#
# **Exercise.** Implement `linear_activation_backward(dA, cache, activation)`:
# unpack the cache, turn $dA$ into $dZ$ with the helper that matches
# `activation`, then call your `linear_backward`.

# %% id="linear_activation_backward" kind="solution"
def linear_activation_backward(dA, cache, activation):
    """Backward step of one LINEAR -> ACTIVATION layer.

    Arguments:
    dA -- gradient of the loss with respect to this layer's output, shape (n^[l], m)
    cache -- the tuple (linear_cache, activation_cache) of linear_activation_forward
    activation -- "sigmoid" or "relu", as in the forward step

    Returns:
    dA_prev -- gradient with respect to the previous layer's output, shape (n^[l-1], m)
    dW -- gradient with respect to W, shape (n^[l], n^[l-1])
    db -- gradient with respect to b, shape (n^[l], 1)
    """
    linear_cache, activation_cache = cache
    ### BEGIN SOLUTION
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    ### END SOLUTION
    return dA_prev, dW, db


# %% id="linear_activation_backward_test" kind="test" points=2
check("c1w4.linear_activation_backward", linear_activation_backward)
### BEGIN HIDDEN TESTS
check("c1w4.linear_activation_backward", linear_activation_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 4.3 The whole network
#
# Backpropagation starts at the output. For one example the loss is
# $\mathcal{L}(a, y) = -\big(y \log a + (1-y) \log(1-a)\big)$, whose slope with
# respect to the prediction $a$ is
#
# $$\frac{\partial \mathcal{L}}{\partial a} = -\left(\frac{y}{a} - \frac{1-y}{1-a}\right),
# \qquad\text{so}\qquad
# dA^{[L]} = -\left(\frac{Y}{A^{[L]}} - \frac{1-Y}{1-A^{[L]}}\right),$$
#
# elementwise, in numpy `dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))`.
# (The course gives this formula; the lecture notes skip it. Multiplied by the
# sigmoid's slope $a(1-a)$ it becomes the familiar $dZ^{[L]} = A^{[L]} - Y$.)
#
# Then walk down the layers:
#
# 1. layer $L$ (sigmoid): `linear_activation_backward(dAL, caches[L - 1], "sigmoid")`
#    gives $dA^{[L-1]}$, $dW^{[L]}$, $db^{[L]}$;
# 2. layers $l = L-1, \dots, 1$ (relu): `linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")`
#    gives $dA^{[l-1]}$, $dW^{[l]}$, $db^{[l]}$.
#
# Store the results in the dict `grads` under the keys
# `"dA" + str(l - 1)`, `"dW" + str(l)` and `"db" + str(l)`: a layer's backward step
# produces the gradient of the layer *below* it, so `grads` ends up holding
# `dA0` … `dA{L-1}`, `dW1` … `dWL` and `db1` … `dbL`.
#
# **Exercise.** Implement `L_model_backward(AL, Y, caches)`.

# %% id="L_model_backward" kind="solution"
def L_model_backward(AL, Y, caches):
    """Backward pass of [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    Arguments:
    AL -- predicted probabilities, the output of L_model_forward, shape (1, m)
    Y -- labels 0/1, shape (1, m)
    caches -- the list of L caches from L_model_forward

    Returns:
    grads -- dict with "dA0", ..., "dA{L-1}", "dW1", ..., "dWL", "db1", ..., "dbL"
    """
    grads = {}
    L = len(caches)                  # number of layers
    Y = Y.reshape(AL.shape)
    ### BEGIN SOLUTION
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in range(L - 1, 0, -1):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    ### END SOLUTION
    return grads


# %% id="L_model_backward_test" kind="test" points=3
check("c1w4.L_model_backward", L_model_backward)
### BEGIN HIDDEN TESTS
check("c1w4.L_model_backward", L_model_backward, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 4.4 Updating the parameters
#
# One step of gradient descent moves every parameter against its gradient:
#
# $$W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]},
# \qquad l = 1, \dots, L.$$
#
# **Exercise.** Implement `update_parameters(params, grads, learning_rate)`. It
# works on a copy, so the dict passed in stays unchanged.

# %% id="update_parameters" kind="solution"
def update_parameters(params, grads, learning_rate):
    """One step of gradient descent.

    Arguments:
    params -- dict with "W1", "b1", ..., "WL", "bL"
    grads -- dict with "dW1", "db1", ..., "dWL", "dbL" (from L_model_backward)
    learning_rate -- the step size alpha

    Returns:
    parameters -- a new dict with the updated "W1", "b1", ..., "WL", "bL"
    """
    parameters = {key: value.copy() for key, value in params.items()}
    L = len(parameters) // 2         # number of layers
    ### BEGIN SOLUTION
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    ### END SOLUTION
    return parameters


# %% id="update_parameters_test" kind="test" points=1
check("c1w4.update_parameters", update_parameters)
### BEGIN HIDDEN TESTS
check("c1w4.update_parameters", update_parameters, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 5. A gradient check of the whole network
#
# The tests compared each function with a reference. A **gradient check** tests
# your backward pass against your own forward pass and cost, with no reference
# at all: nudge one parameter $\theta_i$ by $\pm\varepsilon$, recompute the cost, and
# the slope
#
# $$d\theta_{\text{approx}}[i] = \frac{J(\dots, \theta_i + \varepsilon, \dots) - J(\dots, \theta_i - \varepsilon, \dots)}{2\varepsilon}$$
#
# should equal what `L_model_backward` returns. Stacking all the parameters'
# gradients into one vector each, the comparison is
#
# $$\text{difference} = \frac{\lVert d\theta_{\text{approx}} - d\theta \rVert_2}{\lVert d\theta_{\text{approx}} \rVert_2 + \lVert d\theta \rVert_2},$$
#
# and with $\varepsilon = 10^{-7}$ a value near $10^{-7}$ or below means the
# gradients are right, while something like $10^{-3}$ means a bug. (Course 2
# comes back to gradient checking in detail.) The cell below uses two helpers
# from `dlkit.gradcheck`: `numeric_gradients(f, params)` nudges every entry of
# every array in `params` and returns the slopes of `f()`, and `relative_error`
# computes the difference above.
#
# Two details make the check meaningful:
#
# * **Realistic weights.** With weights of 0.01 the signal shrinks by a large
#   factor at every layer on the way up, and the gradients shrink again on the way
#   down, until the rounding error of the nudges swamps them. In a network this
#   narrow a whole layer can even be silent for every example (all its $Z$
#   negative), and then every gradient below it is exactly zero, which no check
#   can tell from right. So we rescale your initial weights from
#   $0.01 \cdot$ randn to randn $/\sqrt{n^{[l-1]}}$, the initialisation the
#   application notebook uses.
# * **Non-zero biases.** ReLU has a kink at $Z = 0$, where the slope jumps from 0
#   to 1. With zero biases, an example for which a whole layer is silent feeds
#   exactly $Z = 0$ to the next layer, right on the kink, where a two-sided nudge
#   measures neither slope. Small random biases keep every $Z$ away from 0.

# %% id="gradient_check" kind="locked"
rng = np.random.RandomState(3)
params_check = initialize_parameters_deep(layer_dims_notes)
for l in range(1, len(layer_dims_notes)):
    params_check["W" + str(l)] = params_check["W" + str(l)] * 100 / np.sqrt(layer_dims_notes[l - 1])
    params_check["b" + str(l)] = 0.1 * rng.randn(layer_dims_notes[l], 1)
X_check = rng.randn(2, 12)
Y_check = (rng.rand(1, 12) > 0.5).astype(float)


def cost_of_parameters():
    """The cost of the current params_check (numeric_gradients nudges them in place)."""
    AL, _ = L_model_forward(X_check, params_check)
    return compute_cost(AL, Y_check)


AL_check, caches_check = L_model_forward(X_check, params_check)
grads_check = L_model_backward(AL_check, Y_check, caches_check)
numeric = numeric_gradients(cost_of_parameters, params_check, eps=1e-7)

keys = [d + str(l) for l in range(1, len(layer_dims_notes)) for d in ("dW", "db")]
print(" key   size of the gradient   relative error")
for key in keys:
    size = np.linalg.norm(grads_check[key])
    print(f"{key:>4}   {size:20.2e}   {relative_error(numeric[key], grads_check[key]):14.2e}")
difference = relative_error(np.concatenate([numeric[k].ravel() for k in keys]),
                            np.concatenate([grads_check[k].ravel() for k in keys]))
print(f"all 66 parameters together: difference = {difference:.2e}")
assert difference < 1e-7, (
    f"the difference {difference:.2e} is above 1e-7: your backward pass disagrees with your own forward pass "
    "and cost; the per-parameter errors above show where to look")
print("Your backpropagation is right.")

# %% [markdown]
# Look at the table: the relative error of a single small gradient (here
# $db^{[1]}$ and $db^{[2]}$, of size about $10^{-6}$) can be far above the total.
# Every numeric slope carries a rounding error of a few times $10^{-10}$ (the
# rounding error of the cost, divided by $2\varepsilon$), and next to a gradient of
# $10^{-6}$ that is a sizeable fraction. The verdict comes from the difference
# over all parameters together, where the large gradients dominate.
#
# ## What you built
#
# * Initialisation of a two-layer and of an $L$-layer network, with the shape
#   rule $W^{[l]}: (n^{[l]}, n^{[l-1]})$, $b^{[l]}: (n^{[l]}, 1)$, checked on the
#   lecture's 66-parameter network.
# * The forward module: `linear_forward`, `linear_activation_forward` and
#   `L_model_forward`, each keeping a cache for the way back.
# * The cost and the backward module: `compute_cost`, `linear_backward`,
#   `linear_activation_backward` and `L_model_backward`, starting from
#   $dA^{[L]} = -(Y/A^{[L]} - (1-Y)/(1-A^{[L]}))$.
# * `update_parameters`, one step of gradient descent.
# * A numeric gradient check showing that your backward pass agrees with your
#   forward pass.
#
# A training loop is now just *forward, cost, backward, update*, repeated. In
# `deep_nn_application` you write that loop for a two-layer and a four-layer
# network and train both on the image set of Week 2.
