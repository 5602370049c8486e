# %% [markdown]
# # A deep network for image classification
#
# *Course 1, Week 4: the second programming assignment.*
#
# In `deep_nn_step_by_step` you wrote every building block of an $L$-layer
# network. Here you assemble them into two complete models and train both on the
# image set of Week 2, the cat / non-cat pictures that logistic regression
# found hard:
#
# 1. a **two-layer** network, LINEAR → RELU → LINEAR → SIGMOID;
# 2. an **$L$-layer** network, [LINEAR → RELU] × ($L$−1) → LINEAR → SIGMOID, here with $L = 4$.
#
# Both are compared with logistic regression on pictures none of them saw
# during training.
#
# **The building blocks are given.** So that a slip in last notebook's
# functions cannot spoil this one, the setup cell imports the reference versions
# from `dlkit`. They have the same names, arguments and results as yours:
#
# | function | what it does |
# |---|---|
# | `initialize_parameters(n_x, n_h, n_y)` | two-layer parameters, $0.01 \cdot$ randn (seed 1) |
# | `initialize_parameters_deep(layer_dims, scale=..., seed=...)` | $L$-layer parameters (see section 4) |
# | `linear_activation_forward(A_prev, W, b, activation)` | one layer forward: `A, cache` |
# | `L_model_forward(X, parameters)` | the whole forward pass: `AL, caches` |
# | `compute_cost(AL, Y)` | the cross-entropy cost, a float |
# | `linear_activation_backward(dA, cache, activation)` | one layer backward: `dA_prev, dW, db` |
# | `L_model_backward(AL, Y, caches)` | the whole backward pass: `grads` |
# | `update_parameters(parameters, grads, learning_rate)` | one gradient-descent step |
# | `predict(X, y, parameters)` | labels 0/1 for the columns of `X` (prints the accuracy when `y` is given) |
#
# and one helper for the training loop: `training_steps(num_iterations, progress, description)`
# is `range(num_iterations)`, shown as a progress bar when `progress` is true.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit import logistic, plot
from dlkit.data import load_binary_images
from dlkit.deep import (L_model_backward, L_model_forward, compute_cost, initialize_parameters,
                        initialize_parameters_deep, predict, training_steps, update_parameters)
from dlkit.layers import linear_activation_backward, linear_activation_forward

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. The data
#
# The same pictures as in Week 2: 209 training and 50 test images of
# $64 \times 64$ pixels with 3 colour values each, labelled 1 (cat) or 0 (non-cat).
# They are generated for this companion: cartoon cat heads for class 1; dogs,
# bears, balls, houses and other shapes for class 0, all on cluttered backgrounds.

# %% kind="locked"
train_x_orig, train_y, test_x_orig, test_y, classes = load_binary_images()
names = [c.decode() for c in classes]

print("train_x_orig shape:", train_x_orig.shape, "  train_y shape:", train_y.shape)
print("test_x_orig shape: ", test_x_orig.shape, "  test_y shape: ", test_y.shape)
plot.show_images(train_x_orig[:8], titles=[names[int(v)] for v in train_y[0, :8]],
                 title="Some training images and their labels")
plt.show()

# %% [markdown]
# As in Week 2, each picture becomes one column of $64 \cdot 64 \cdot 3 = 12288$
# values, scaled from 0..255 to $[0, 1]$: `X_orig.reshape(m, -1).T / 255`. The
# inputs of every model below are the matrices `train_x` of shape $(12288, 209)$
# and `test_x` of shape $(12288, 50)$.

# %% kind="locked"
train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.0
test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255.0
print("train_x shape:", train_x.shape)
print("test_x shape: ", test_x.shape)

# %% [markdown]
# ## 2. The baseline: logistic regression
#
# First the model to beat. The cell below trains logistic regression exactly as
# in Week 2 (weights start at zero, learning rate 0.005, 2000 iterations of
# gradient descent), using the reference `dlkit.logistic.model`.

# %% kind="locked"
lr_model = logistic.model(train_x, train_y, test_x, test_y, num_iterations=2000, learning_rate=0.005,
                          progress=True)
lr_train_acc = logistic.accuracy(lr_model["Y_prediction_train"], train_y)
lr_test_acc = logistic.accuracy(lr_model["Y_prediction_test"], test_y)
print(f"logistic regression: train accuracy {lr_train_acc:.1f} %, test accuracy {lr_test_acc:.1f} %")

# %% [markdown]
# Nearly perfect on the training pictures, far weaker on the test pictures: the
# overfitting of Week 2.
#
# ## 3. A two-layer network
#
# The model is LINEAR → RELU → LINEAR → SIGMOID with $n_x = 12288$ inputs,
# $n_h = 7$ hidden units and $n_y = 1$ output:
#
# $$A^{[1]} = \text{ReLU}(W^{[1]} X + b^{[1]}) \quad (7, m), \qquad
# A^{[2]} = \sigma(W^{[2]} A^{[1]} + b^{[2]}) \quad (1, m).$$
#
# Training repeats four steps, for `num_iterations` iterations:
#
# 1. **forward:** `A1, cache1 = linear_activation_forward(X, W1, b1, "relu")`, then
#    `A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")`;
# 2. **cost:** `cost = compute_cost(A2, Y)`;
# 3. **backward:** start from $dA^{[2]} = -\big(Y / A^{[2]} - (1 - Y)/(1 - A^{[2]})\big)$, then
#    `dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")` and
#    `dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")`
#    ($dA^{[0]}$ is not needed, but comes for free);
# 4. **update:** put the four gradients into `grads` under the keys `"dW1"`,
#    `"db1"`, `"dW2"`, `"db2"` and call `parameters = update_parameters(parameters, grads, learning_rate)`.
#
# Record the cost every 100 iterations (`if i % 100 == 0: costs.append(cost)`) and,
# when `print_cost` is true, print it then and at the last iteration.
#
# **Exercise.** Implement `two_layer_model`. Start from
# `parameters = initialize_parameters(n_x, n_h, n_y)` and loop with
# `for i in training_steps(num_iterations, progress, "two-layer model"):` so that
# `progress=True` shows a progress bar. Return the final parameters and the list of costs.

# %% id="two_layer_model" kind="solution"
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                    *, progress=False):
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID by batch gradient descent.

    Arguments:
    X -- data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    layers_dims -- the layer sizes (n_x, n_h, n_y)
    learning_rate -- the step size alpha
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 100 iterations
    progress -- if True, show a progress bar

    Returns:
    parameters -- dict with the trained "W1", "b1", "W2", "b2"
    costs -- list of the costs at iterations 0, 100, 200, ...
    """
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    ### BEGIN SOLUTION
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in training_steps(num_iterations, progress, "two-layer model"):
        # forward
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        # backward
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        # update
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print(f"Cost after iteration {i}: {cost}")
        if i % 100 == 0:
            costs.append(cost)
    ### END SOLUTION
    return parameters, costs


# %% id="two_layer_model_test" kind="test" points=4
check("c1w4.two_layer_model", two_layer_model)
### BEGIN HIDDEN TESTS
check("c1w4.two_layer_model", two_layer_model, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Training the two-layer network
#
# The course trains this network for 2500 iterations with $\alpha = 0.0075$. To
# keep the whole notebook under a minute we train it for **1500** iterations
# here. Every iteration passes the whole $12288 \times 209$ data matrix through
# the first layer, forward and backward, so this takes a quarter of a minute or so.

# %% kind="locked"
n_x, n_h, n_y = 12288, 7, 1
parameters_2, costs_2 = two_layer_model(train_x, train_y, (n_x, n_h, n_y), learning_rate=0.0075,
                                        num_iterations=1500, progress=True)
plot.plot_costs(costs_2, learning_rate=0.0075, title="Two-layer network: cost during training")
plt.show()

# %% kind="locked"
pred_test_2 = predict(test_x, test_y, parameters_2, print_accuracy=False)
two_train_acc = logistic.accuracy(predict(train_x, train_y, parameters_2, print_accuracy=False), train_y)
two_test_acc = logistic.accuracy(pred_test_2, test_y)
print(f"two-layer network: train accuracy {two_train_acc:.1f} %, test accuracy {two_test_acc:.1f} %")
print(f"(logistic regression: train {lr_train_acc:.1f} %, test {lr_test_acc:.1f} %)")
print(f"cats: {int(train_y.sum())} of {train_y.shape[1]} training pictures, {int(test_y.sum())} of "
      f"{test_y.shape[1]} test pictures; the network calls {int(pred_test_2.sum())} test pictures cats")

# %% [markdown]
# The cost falls, but slowly: after 1500 iterations it is still around 0.3 and
# still going down, so this network has not finished learning. It labels most
# training pictures correctly and does poorly on the test pictures, worse than
# logistic regression and even worse than answering "cat" every time. The last
# line shows why: a third of the training pictures are cats but two thirds of the
# test pictures are, and a half-trained model leans towards the label that was
# common in its training set. It calls far too few test pictures cats.
#
# Given more iterations it improves: in our runs it reached about 62 % on the
# test set after the course's 2500 iterations, still short of the baseline. The
# small initial weights, $0.01 \cdot$ randn, are one reason it is a slow learner:
# tiny weights mean tiny hidden outputs and tiny gradients, and gradient descent
# needs many steps to grow them.
#
# ## 4. An $L$-layer network
#
# Now the deep model, with `layers_dims = [12288, 20, 7, 5, 1]`: three hidden
# ReLU layers of 20, 7 and 5 units and a sigmoid output, $L = 4$.
# `L_model_forward`, `L_model_backward` and `update_parameters` handle any number
# of layers, so the training loop is shorter than the two-layer one:
# forward (`AL, caches = L_model_forward(X, parameters)`), cost, backward
# (`grads = L_model_backward(AL, Y, caches)`), update.
#
# **One change: the initialisation.** With $W^{[l]} = 0.01 \cdot$ randn, each layer
# multiplies the typical size of its input by about $0.01\sqrt{n^{[l-1]}}$ (the
# sum of $n^{[l-1]}$ random terms grows like $\sqrt{n^{[l-1]}}$): about 1.1 for
# the first layer here, but 0.045, 0.026 and 0.022 for the next three. Stacked up,
# the output starts almost exactly at $\sigma(0) = 0.5$ for every picture, and the
# gradients of the early layers are just as tiny: the network barely trains.
# Drawing the weights as randn $/ \sqrt{n^{[l-1]}}$ instead keeps the size of
# $Z^{[l]}$ close to that of $A^{[l-1]}$ at every layer. `dlkit`'s
# `initialize_parameters_deep` does this when called as
#
# ```python
# parameters = initialize_parameters_deep(layers_dims, scale="1/sqrt(n_prev)", seed=1)
# ```
#
# (The seed 1 is the course's choice for this network.) Course 2 returns to
# initialisation and explains the variants: Xavier, and He for ReLU networks.
#
# **Exercise.** Implement `L_layer_model`: initialise as above, loop with
# `for i in training_steps(num_iterations, progress, "L-layer model"):`, and record
# and print the cost as in `two_layer_model`.

# %% id="L_layer_model" kind="solution"
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                  *, progress=False):
    """Train [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID by batch gradient descent.

    Arguments:
    X -- data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    layers_dims -- list of the layer sizes [n_x, n^[1], ..., n^[L]], n^[L] = 1
    learning_rate -- the step size alpha
    num_iterations -- number of gradient-descent steps
    print_cost -- if True, print the cost every 100 iterations
    progress -- if True, show a progress bar

    Returns:
    parameters -- dict with the trained "W1", "b1", ..., "WL", "bL"
    costs -- list of the costs at iterations 0, 100, 200, ...
    """
    costs = []
    ### BEGIN SOLUTION
    parameters = initialize_parameters_deep(layers_dims, scale="1/sqrt(n_prev)", seed=1)
    for i in training_steps(num_iterations, progress, "L-layer model"):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print(f"Cost after iteration {i}: {cost}")
        if i % 100 == 0:
            costs.append(cost)
    ### END SOLUTION
    return parameters, costs


# %% id="L_layer_model_test" kind="test" points=4
check("c1w4.L_layer_model", L_layer_model)
### BEGIN HIDDEN TESTS
check("c1w4.L_layer_model", L_layer_model, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### Training the four-layer network
#
# Same learning rate, and again **1500** iterations instead of the course's 2500
# (about 20 seconds: the first layer now has 20 units instead of 7).

# %% kind="locked"
layers_dims = [12288, 20, 7, 5, 1]
parameters_L, costs_L = L_layer_model(train_x, train_y, layers_dims, learning_rate=0.0075,
                                      num_iterations=1500, progress=True)
plot.plot_costs(costs_L, learning_rate=0.0075, title="Four-layer network: cost during training")
plt.show()

# %% kind="locked"
pred_train_L = predict(train_x, train_y, parameters_L, print_accuracy=False)
pred_test_L = predict(test_x, test_y, parameters_L, print_accuracy=False)
deep_train_acc = logistic.accuracy(pred_train_L, train_y)
deep_test_acc = logistic.accuracy(pred_test_L, test_y)
print(f"four-layer network: train accuracy {deep_train_acc:.1f} %, test accuracy {deep_test_acc:.1f} %")

# %% [markdown]
# ## 5. Comparing the models
#
# The two cost curves side by side, then the three models' accuracies. The cell
# after the plot checks the result this notebook is about: the deep network
# beats logistic regression on the test pictures by at least 5 points. If it
# fails although all the tests above pass, run the notebook again from the top
# (Kernel > Restart & Run All), so that every cell uses your latest functions.

# %% kind="locked"
plot.plot_cost_comparison({"two-layer [12288, 7, 1]": costs_2, "four-layer [12288, 20, 7, 5, 1]": costs_L},
                          title="Cost of the two networks (learning rate 0.0075)", legend_title="network")
plt.show()

# %% id="compare_models" kind="locked"
print(f"{'model':<22}{'train':>8}{'test':>8}")
for name, tr, te in [("logistic regression", lr_train_acc, lr_test_acc),
                     ("two-layer network", two_train_acc, two_test_acc),
                     ("four-layer network", deep_train_acc, deep_test_acc)]:
    print(f"{name:<22}{tr:>7.1f}%{te:>7.1f}%")
assert deep_test_acc >= lr_test_acc + 5, (
    f"the four-layer network's test accuracy {deep_test_acc:.1f} % should beat logistic regression's "
    f"{lr_test_acc:.1f} % by at least 5 points")
print(f"The four-layer network beats logistic regression on the test set by "
      f"{deep_test_acc - lr_test_acc:.0f} points.")

# %% [markdown]
# After the same 1500 iterations the four-layer network's cost is far below the
# two-layer network's, and on the test pictures it beats both other models by a
# wide margin. Like logistic regression it labels (nearly) every training
# picture correctly; the difference is in what it learned on the way. Each hidden
# layer can build on the features of the one before it, which suits pictures:
# combinations of pixels into edges and blobs, of those into ears and eyes, of
# those into "cat".
#
# Be careful with the explanation, though: the two networks differ in depth *and*
# in initialisation, so this comparison alone cannot say how much of the gain
# each one brings. Course 2 separates such effects, one change at a time.
#
# Fifty test pictures make a coarse ruler, though: one picture is 2 points. Run
# the comparison with other seeds or more data before trusting a difference of a
# few points. Here the gap is far larger than that.
#
# ## 6. Where the deep network goes wrong
#
# The test pictures that the four-layer network labels incorrectly, titled with
# the predicted label ("said") and the true one ("is"):

# %% kind="locked"
plot.show_misclassified(test_x_orig, test_y, pred_test_L, classes,
                        title="Test pictures the four-layer network gets wrong")
plt.show()

# %% [markdown]
# Compare this with the gallery of Week 2, which held many more pictures. Only a
# handful of mistakes remain; the exact ones can change from one run to the next,
# because small rounding differences (for instance from the number of threads
# numpy uses) are amplified over 1500 steps of training. In our runs there were
# two, both non-cats called cats: a teddy bear, whose round head with two ears is
# not far from a cartoon cat's, and a house. The house is a reminder that the
# network has not learned what a cat *is*, only which patterns of pixels went with
# the label "cat" in 209 examples.
#
# The network still sees each picture as one long list of 12288 numbers and has
# to learn anew, at every position, what an ear looks like. Convolutional
# networks (Course 4) build in the idea that the same pattern can appear anywhere,
# and with far fewer parameters do much better on such data. More training
# pictures, and the regularisation of Course 2, also help.
#
# ## What you built
#
# * `two_layer_model` and `L_layer_model`: the training loop *forward, cost,
#   backward, update*, written with the building blocks of `deep_nn_step_by_step`.
# * A comparison on the Week 2 pictures. Logistic regression overfits; the
#   two-layer network with $0.01$ weights learns slowly and is still
#   unfinished after 1500 iterations; the four-layer network with
#   randn $/\sqrt{n^{[l-1]}}$ weights gets further in the same number of
#   iterations and beats logistic regression on the test set by a wide margin.
# * A first look at why initialisation matters for deep networks, the subject of
#   the first week of Course 2.
