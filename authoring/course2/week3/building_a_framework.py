# %% [markdown]
# # Building a small deep-learning framework
#
# *Course 2, Week 3: the second programming assignment. It takes the place of the
# course's introduction to TensorFlow.*
#
# Deep-learning frameworks (TensorFlow, PyTorch, JAX and others) let you describe a
# network in a few lines and then train it without writing a single derivative.
# They are not magic: under the hood they do what you did by hand in Course 1 and in
# the first two weeks of this course, organised so that the pieces can be combined
# freely. In this notebook you build the core of such a framework yourself, in numpy,
# and then train a six-class image classifier with it.
#
# **The four ideas of a framework.**
#
# 1. **Modules.** A layer is an object with a *forward* pass, which computes its
#    output from its input and remembers in a **cache** what it will need later, and
#    a *backward* pass, which receives the slope of the cost with respect to its
#    output and returns the slope with respect to its input. Along the way it stores
#    the slopes with respect to its own **parameters**. A whole network is a module
#    too: it runs its layers forward in order and backward in reverse order, which is
#    the chain rule, i.e. backpropagation.
# 2. **A loss.** It turns the network's output and the labels into the cost $J$, and
#    its backward pass starts the chain: $dJ/dZ^{[L]}$.
# 3. **An optimiser.** It walks over all the parameters of the network with their
#    gradients and moves each one, keeping whatever memory it needs (Adam's averages
#    $v$ and $s$ and its step counter $t$).
# 4. **A training loop.** For every mini-batch: forward, cost, backward, step.
#
# Real frameworks go one level finer: every single operation (a product, a sum, an
# exponential) is a tiny module with its own backward pass, and the framework
# records the operations as they run so that it can call their backward passes in
# reverse by itself ("automatic differentiation"). Our modules are whole layers and
# we write their backward passes by hand, but the idea is the same.
#
# You will write the classes `Dense`, `ReLU`, `SoftmaxCrossEntropy`, `Sequential` and
# `Adam`, check their gradients numerically, and then train a network of *your*
# classes on pictures of hands showing 0 to 5 fingers. The same framework, as the
# package `dlkit.nn`, is what Courses 4 and 5 build on: convolutional and recurrent
# layers are just more modules.

# %% [markdown]
# ## 0. Conventions
#
# **Layout.** As in Course 1, examples are the **columns**: a layer's input
# $A^{[l-1]}$ has shape $(n^{[l-1]}, m)$ and its output $(n^{[l]}, m)$, where $m$ is
# the number of examples in the mini-batch.
#
# **Gradients are slopes of the cost.** The cost is the average loss over the
# mini-batch, $J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}^{(i)}$. In this framework,
# every array called `dX` is $\partial J / \partial X$, the true slope of $J$. The
# $\frac{1}{m}$ of the average therefore appears exactly **once**: in the loss's
# backward pass, which returns $dZ^{[L]} = \partial J / \partial Z^{[L]}$, already
# divided by $m$. Every later step is a plain chain rule, with no $m$ in it.
#
# This differs from Course 1, where $dZ$ held one slope *per example* (without the
# $\frac{1}{m}$), so the $\frac{1}{m}$ had to be added in $dW$ and $db$. Both ways give
# the same $dW$ and $db$:
#
# | | $dZ^{[l]}$ | $dW^{[l]}$ | $db^{[l]}$ | $dA^{[l-1]}$ |
# |---|---|---|---|---|
# | Course 1 | per example | $\frac{1}{m} dZ^{[l]} A^{[l-1]T}$ | $\frac{1}{m} \sum_i dZ^{[l](i)}$ | $W^{[l]T} dZ^{[l]}$ |
# | this framework | slope of $J$ (has the $\frac{1}{m}$) | $dZ^{[l]} A^{[l-1]T}$ | $\sum_i dZ^{[l](i)}$ | $W^{[l]T} dZ^{[l]}$ |
#
# The framework's way is what makes the pieces independent: a layer need not know
# how many examples the cost averages over, or whether the cost is an average at all.
#
# **The module protocol.** Every layer derives from `Module` (imported from
# `dlkit.nn` below), whose constructor creates, among others, the attributes
#
# * `self.params`: a dict of the layer's parameters, e.g. `{"W": ..., "b": ...}`;
# * `self.grads`: a dict with the same keys, filled by `backward` with $dJ/dW$, $dJ/db$;
# * `self.cache`: whatever `forward` keeps for `backward`;
# * `self.training`: the module's mode (not needed in this notebook).
#
# and a method `parameters()` that yields `(name, value, grad)` for every parameter of
# the module *and of the modules it holds*, with names such as `"layers.0.W"`. A layer
# implements two methods:
#
# * `forward(self, x, training=False)` returns the output; `training` tells layers that
#   behave differently during training (dropout, batch norm) which way to behave;
# * `backward(self, dout)` takes `dout` $= dJ/d(\text{output})$, stores the parameter
#   gradients in `self.grads` and returns $dJ/d(\text{input})$.
#
# In each exercise cell, replace `# YOUR CODE HERE` and `raise NotImplementedError()`
# with your code, run the cell, then run the test cell below it. No loop over the
# examples is needed anywhere.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit import plot
from dlkit.data import load_signs
from dlkit.labels import one_hot
from dlkit.nn import Module, accuracy, check_model, check_module, fit, predict

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. A dense layer
#
# The fully connected layer of Course 1, now as an object. Its parameters are
# $W$ of shape $(n_{out}, n_{in})$ and $b$ of shape $(n_{out}, 1)$, and
#
# $$\text{forward:}\quad Z = W A_{prev} + b, \qquad\qquad
# \text{backward:}\quad dW = dZ\, A_{prev}^T, \quad db = \sum_{i=1}^{m} dZ^{(i)}, \quad dA_{prev} = W^T dZ,$$
#
# where $db$ sums the columns of $dZ$ (`np.sum(dZ, axis=1, keepdims=True)`). No $\frac{1}{m}$:
# it is already inside $dZ$ (section 0). The forward pass keeps $A_{prev}$ in the cache,
# the one thing the backward pass needs besides $W$.
#
# **Initialisation.** The layers of our network are followed by ReLU units, so we use
# He initialisation (Week 1): standard normal weights scaled by $\sqrt{2/n_{in}}$, and
# zero biases. The random numbers come from a `numpy.random.Generator` passed to the
# constructor, so that a network's starting point is reproducible. Draw exactly
# `rng.standard_normal((n_out, n_in))` and multiply it by `np.sqrt(2 / n_in)`.
#
# **Exercise.** Complete the class `Dense`: the constructor sets `self.params["W"]` and
# `self.params["b"]`; `forward` stores `A_prev` in `self.cache` and returns $Z$;
# `backward` stores $dW$ and $db$ in `self.grads["W"]` and `self.grads["b"]` and returns
# $dA_{prev}$.

# %% id="Dense" kind="solution"
class Dense(Module):
    """A fully connected layer, Z = W A_prev + b, with the examples as columns.

    Constructor arguments:
    n_in -- number of inputs n^[l-1]
    n_out -- number of units n^[l]
    rng -- a numpy.random.Generator for the initial weights

    Parameters: self.params["W"], shape (n_out, n_in), He-initialised;
                self.params["b"], shape (n_out, 1), zeros.
    """

    def __init__(self, n_in, n_out, rng):
        super().__init__()                  # creates self.params, self.grads, self.cache
        ### BEGIN SOLUTION
        self.params["W"] = rng.standard_normal((n_out, n_in)) * np.sqrt(2 / n_in)
        self.params["b"] = np.zeros((n_out, 1))
        ### END SOLUTION

    def forward(self, A_prev, training=False):
        """A_prev, shape (n_in, m) -> Z, shape (n_out, m); keeps A_prev in self.cache."""
        ### BEGIN SOLUTION
        self.cache = A_prev
        Z = self.params["W"] @ A_prev + self.params["b"]
        ### END SOLUTION
        return Z

    def backward(self, dZ):
        """dZ = dJ/dZ, shape (n_out, m) -> dA_prev = dJ/dA_prev, shape (n_in, m).

        Stores self.grads["W"] = dJ/dW, shape (n_out, n_in), and self.grads["b"] = dJ/db, shape (n_out, 1).
        """
        A_prev = self.cache
        ### BEGIN SOLUTION
        self.grads["W"] = dZ @ A_prev.T
        self.grads["b"] = np.sum(dZ, axis=1, keepdims=True)
        dA_prev = self.params["W"].T @ dZ
        ### END SOLUTION
        return dA_prev


# %% id="Dense_test" kind="test" points=3
check("c2w3.Dense", Dense)
### BEGIN HIDDEN TESTS
check("c2w3.Dense", Dense, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# A layer of 4 inputs and 3 units, its parameters as `parameters()` lists them, and
# what it does to 5 examples:

# %% kind="locked"
layer = Dense(4, 3, np.random.default_rng(0))
for name, value, grad in layer.parameters():
    print(f"{name}: shape {value.shape}, gradient {'not computed yet' if grad is None else grad.shape}")
A_prev = np.random.default_rng(1).normal(size=(4, 5))
Z = layer.forward(A_prev)
dA_prev = layer.backward(np.ones_like(Z) / 5)
print("Z shape:", Z.shape, "  dA_prev shape:", dA_prev.shape, "  dW shape:", layer.grads["W"].shape)

# %% [markdown]
# ### Checking the backward pass numerically
#
# Week 1's gradient check works for any module. Pick a random array $G$ shaped like
# the layer's output and look at the number $J = \sum G \odot \text{forward}(x)$. Its slope
# with respect to the output is exactly $G$, so `backward(G)` must return the slopes of
# this $J$ with respect to the input and to every parameter. `check_module(layer, x)`
# (from `dlkit.nn`) compares them with two-sided numeric slopes
# $\frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$ and prints the relative error
# $\frac{\lVert d\theta_{approx} - d\theta \rVert_2}{\lVert d\theta_{approx} \rVert_2 + \lVert d\theta \rVert_2}$
# of each gradient: about $10^{-7}$ or less is right, $10^{-3}$ or more is a bug.

# %% kind="locked"
errors = check_module(Dense(4, 3, np.random.default_rng(2)), np.random.default_rng(3).normal(size=(4, 6)))
for name, err in errors.items():
    print(f"{name:>3}: relative error {err:.1e}")
assert max(errors.values()) < 1e-7, "the backward pass of Dense disagrees with the numeric slopes"

# %% [markdown]
# ## 2. The ReLU layer
#
# An activation is a layer without parameters. ReLU computes $A = \max(0, Z)$ entry by
# entry. Its slope is 1 where $Z > 0$ and 0 elsewhere (at exactly $Z = 0$ we take 0),
# so the backward pass lets the incoming gradient through where the *input* was
# positive and blocks it elsewhere:
#
# $$dZ = dA \odot \mathbb{1}[Z > 0].$$
#
# The mask comes from $Z$, which the forward pass keeps in the cache, not from the
# sign of $dA$.
#
# **Exercise.** Complete the class `ReLU`.

# %% id="ReLU" kind="solution"
class ReLU(Module):
    """The ReLU activation, A = max(0, Z), entry by entry (any shape)."""

    def forward(self, Z, training=False):
        """Z -> A = max(0, Z), same shape; keeps Z in self.cache."""
        ### BEGIN SOLUTION
        self.cache = Z
        A = np.maximum(0, Z)
        ### END SOLUTION
        return A

    def backward(self, dA):
        """dA = dJ/dA -> dZ = dJ/dZ, same shape."""
        Z = self.cache
        ### BEGIN SOLUTION
        dZ = dA * (Z > 0)
        ### END SOLUTION
        return dZ


# %% id="ReLU_test" kind="test" points=1
check("c2w3.ReLU", ReLU)
### BEGIN HIDDEN TESTS
check("c2w3.ReLU", ReLU, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
Z = np.array([[1.5, -0.5, 2.0, -1.0], [-2.0, 0.3, -0.1, 4.0]])
errors = check_module(ReLU(), Z)
print(f"ReLU: relative error of dx {errors['dx']:.1e}")
assert errors["dx"] < 1e-7, "the backward pass of ReLU disagrees with the numeric slopes"

# %% [markdown]
# ## 3. The loss: softmax and cross-entropy
#
# The network's last layer outputs one score per class, the **logits**
# $Z^{[L]}$ of shape $(C, m)$. The softmax turns each column into probabilities,
#
# $$\hat{y}_j^{(i)} = \frac{e^{z_j^{(i)}}}{\sum_{k=1}^{C} e^{z_k^{(i)}}},$$
#
# and the cost is the average cross-entropy against the one-hot labels $Y$ $(C, m)$:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{C} y_j^{(i)} \log \hat{y}_j^{(i)}.$$
#
# Its slope with respect to the logits is remarkably simple (the tuning notebook of
# this week derives it):
#
# $$dZ^{[L]} = \frac{\partial J}{\partial Z^{[L]}} = \frac{1}{m} \big(\hat{Y} - Y\big).$$
#
# This is the one place where the framework divides by $m$.
#
# **Stability.** `np.exp(1000)` overflows to `inf`, and `inf / inf` is `nan`. Since
# $\frac{e^{z_j - c}}{\sum_k e^{z_k - c}} = \frac{e^{z_j}}{\sum_k e^{z_k}}$ for any $c$,
# subtract each column's maximum first (`Z - Z.max(axis=0, keepdims=True)`): the
# largest exponent is then $e^0 = 1$ and nothing overflows.
#
# The loss has no parameters and no input gradient to pass on, so it is not a
# `Module`: `forward(Z, Y)` returns the cost (a float) and keeps what `backward()`
# needs; `backward()` takes no argument and returns $dZ^{[L]}$.
#
# **Exercise.** Complete the class `SoftmaxCrossEntropy`.

# %% id="SoftmaxCrossEntropy" kind="solution"
class SoftmaxCrossEntropy:
    """Softmax of the logits followed by the cross-entropy cost."""

    def forward(self, Z, Y):
        """Z -- logits, shape (C, m); Y -- one-hot labels, shape (C, m).

        Returns the cost J (a float); keeps what backward needs in self.cache.
        """
        ### BEGIN SOLUTION
        shifted = Z - np.max(Z, axis=0, keepdims=True)
        T = np.exp(shifted)
        Y_hat = T / np.sum(T, axis=0, keepdims=True)
        m = Z.shape[1]
        cost = float(-np.sum(Y * np.log(Y_hat)) / m)
        self.cache = (Y_hat, Y)
        ### END SOLUTION
        return cost

    def backward(self):
        """dZ = dJ/dZ for the last forward pass, shape (C, m)."""
        ### BEGIN SOLUTION
        Y_hat, Y = self.cache
        dZ = (Y_hat - Y) / Y.shape[1]
        ### END SOLUTION
        return dZ


# %% id="SoftmaxCrossEntropy_test" kind="test" points=2
check("c2w3.SoftmaxCrossEntropy", SoftmaxCrossEntropy)
### BEGIN HIDDEN TESTS
check("c2w3.SoftmaxCrossEntropy", SoftmaxCrossEntropy, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The lecture's example: four classes (other, cat, dog, baby chick) and the logits
# $z = [5, 2, -1, 3]$. The softmax is $[0.842, 0.042, 0.002, 0.114]$, and if the
# picture is a cat the loss is $-\log 0.042 \approx 3.17$: a confident wrong answer costs a lot.

# %% kind="locked"
loss = SoftmaxCrossEntropy()
z = np.array([[5.0], [2.0], [-1.0], [3.0]])
cost = loss.forward(z, np.array([[0.0], [1.0], [0.0], [0.0]]))
probabilities = loss.backward() + np.array([[0.0], [1.0], [0.0], [0.0]])   # dZ = y_hat - y with m = 1
print("softmax:", np.round(probabilities.ravel(), 3), "  cost for 'cat':", round(cost, 4))
assert np.allclose(probabilities.ravel(), [0.842, 0.042, 0.002, 0.114], atol=5e-4)
assert abs(cost + np.log(probabilities[1, 0])) < 1e-12

# %% [markdown]
# ## 4. A network: `Sequential`
#
# A network made of layers one after the other is itself a module:
#
# * `forward(X, training)` feeds $X$ to the first layer, its output to the second, and so
#   on, passing `training` on to every layer, and returns the last output;
# * `backward(dout)` starts from `dout` $= dJ/dZ^{[L]}$ and hands it to the **last**
#   layer, whose result goes to the layer before, down to the first layer; it returns
#   $dJ/dX$. Each layer stores its own parameter gradients on the way.
#
# That is all of backpropagation: the chain rule, applied layer by layer in reverse.
#
# The constructor is given: it keeps the layers in the list `self.layers`. The base
# class `Module` finds them there, so `parameters()` of a `Sequential` yields every
# layer's parameters, named `"layers.0.W"`, `"layers.0.b"`, `"layers.2.W"`, ...
#
# **Exercise.** Complete `forward` and `backward` of `Sequential`.

# %% id="Sequential" kind="solution"
class Sequential(Module):
    """Layers applied one after the other."""

    def __init__(self, layers):
        super().__init__()
        self.layers = list(layers)

    def forward(self, X, training=False):
        """The output of the last layer for input X."""
        ### BEGIN SOLUTION
        for layer in self.layers:
            X = layer.forward(X, training)
        ### END SOLUTION
        return X

    def backward(self, dout):
        """dJ/dX from dout = dJ/d(output); every layer stores its parameter gradients."""
        ### BEGIN SOLUTION
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        ### END SOLUTION
        return dout


# %% id="Sequential_test" kind="test" points=2
check("c2w3.Sequential", Sequential)
### BEGIN HIDDEN TESTS
check("c2w3.Sequential", Sequential, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### A gradient check of a whole network
#
# Your classes together: a small network LINEAR → RELU → LINEAR → RELU → LINEAR with your
# loss on top. `check_model(model, loss, X, Y)` compares every gradient of the cost
# with its numeric slope.

# %% kind="locked"
rng = np.random.default_rng(4)
small = Sequential([Dense(5, 4, rng), ReLU(), Dense(4, 4, rng), ReLU(), Dense(4, 3, rng)])
for dense in small.layers[::2]:
    dense.params["b"] += rng.normal(0, 0.1, dense.params["b"].shape)    # non-zero biases
X_small, Y_small = rng.normal(size=(5, 8)), one_hot(rng.integers(0, 3, 8), 3)
errors = check_model(small, SoftmaxCrossEntropy(), X_small, Y_small)
for name, err in errors.items():
    print(f"{name:>12}: relative error {err:.1e}")
assert max(errors.values()) < 1e-6, "some gradient of the network disagrees with its numeric slope"

# %% [markdown]
# ## 5. The optimiser: Adam
#
# An optimiser object updates a model's parameters after each backward pass. Adam
# (Week 2) keeps, for every parameter $W$, an average of its gradients $v$ and an
# average of their squares $s$, both starting at zero, and counts its steps with $t$.
# One call of `step(model)`:
#
# 1. $t := t + 1$ (once per step, **not** once per parameter; $t = 1$ at the first step);
# 2. for every `(name, W, dW)` in `model.parameters()`:
#
# $$v := \beta_1 v + (1 - \beta_1)\, dW, \qquad s := \beta_2 s + (1 - \beta_2)\, dW^2,$$
# $$v^{corrected} = \frac{v}{1 - \beta_1^t}, \qquad s^{corrected} = \frac{s}{1 - \beta_2^t}, \qquad
# W := W - \alpha \frac{v^{corrected}}{\sqrt{s^{corrected}} + \varepsilon}.$$
#
# As in Week 2, $\varepsilon$ stands outside the square root. Three details matter:
#
# * the averages of each parameter are kept under its name (`self.v[name]`,
#   `self.s[name]`), created as zeros the first time a name is seen;
# * the bias-corrected values are only for this step's update: the stored averages
#   stay uncorrected;
# * `W` must change **in place** (`W -= ...` or `W[...] = ...`), because it is the
#   model's own array; `W = W - ...` would only rebind the local name.
#
# **Exercise.** Complete `Adam.step`.

# %% id="Adam" kind="solution"
class Adam:
    """Adam with bias correction; one object per model."""

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.learning_rate = learning_rate
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.t = 0          # number of steps taken
        self.v = {}         # v[name]: average of the gradients of parameter `name`
        self.s = {}         # s[name]: average of their squares

    def step(self, model):
        """One Adam update of every parameter of model (after model.backward)."""
        ### BEGIN SOLUTION
        self.t += 1
        for name, W, dW in model.parameters():
            if name not in self.v:
                self.v[name] = np.zeros_like(W)
                self.s[name] = np.zeros_like(W)
            self.v[name] = self.beta1 * self.v[name] + (1 - self.beta1) * dW
            self.s[name] = self.beta2 * self.s[name] + (1 - self.beta2) * dW ** 2
            v_corrected = self.v[name] / (1 - self.beta1 ** self.t)
            s_corrected = self.s[name] / (1 - self.beta2 ** self.t)
            W -= self.learning_rate * v_corrected / (np.sqrt(s_corrected) + self.epsilon)
        ### END SOLUTION


# %% id="Adam_test" kind="test" points=3
check("c2w3.Adam", Adam)
### BEGIN HIDDEN TESTS
check("c2w3.Adam", Adam, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# The first Adam step moves every parameter by almost exactly the learning rate, whatever
# the size of its gradient (with $t = 1$, $v^{corrected} = dW$ and $s^{corrected} = dW^2$).
# A quick look on the small network, after one backward pass:

# %% kind="locked"
loss = SoftmaxCrossEntropy()
loss.forward(small.forward(X_small, True), Y_small)
small.backward(loss.backward())
before = {name: W.copy() for name, W, _ in small.parameters()}
Adam(learning_rate=0.01).step(small)
for name, W, dW in small.parameters():
    moved = np.abs(W - before[name])
    print(f"{name:>10}: |dW| from {np.abs(dW).min():.1e} to {np.abs(dW).max():.1e}, "
          f"moved by {moved.min():.4f} to {moved.max():.4f}")

# %% [markdown]
# (A parameter whose gradient is exactly zero, such as the weights of a ReLU unit that
# is off for every example, does not move at all.)
#
# ## 6. The training loop
#
# With these pieces, training is a short loop. `fit` from `dlkit.nn` does the following
# for `epochs` passes over the data:
#
# ```python
# for epoch in range(epochs):
#     for batch in minibatch_indices(m, batch_size, seed + epoch):   # shuffled, as in Week 2
#         X_t, Y_t = X[:, batch], Y[:, batch]
#         cost = loss.forward(model.forward(X_t, True), Y_t)   # forward and cost
#         model.backward(loss.backward())                       # backward
#         optimizer.step(model)                                 # update
# ```
#
# It also records the average cost of each epoch, the accuracy on a held-out set after
# each epoch, and shows a progress bar. Nothing in it knows what the layers are: it
# works with any objects that have these methods, such as your classes.
#
# ## 7. The hand signs
#
# The data: pictures of a hand showing 0, 1, 2, 3, 4 or 5 fingers, $64 \times 64$
# pixels in colour, 1080 for training and 120 for testing, with every class making
# up exactly one sixth of each set. The pictures are generated for this companion:
# hands of many skin tones, sizes and positions, on varied backgrounds. Only the
# fingers tell the classes apart; the colours are drawn the same way for all of them.

# %% kind="locked"
train_x_orig, train_y, test_x_orig, test_y, classes = load_signs()
print("train_x_orig:", train_x_orig.shape, "  train_y:", train_y.shape)
print("test_x_orig: ", test_x_orig.shape, "  test_y: ", test_y.shape)
print("classes:", [c.decode() for c in classes], "  pictures per class (train):", np.bincount(train_y[0]))
first = [int(np.flatnonzero(train_y[0] == k)[j]) for j in range(2) for k in range(6)]
plot.show_images(train_x_orig[first], titles=[f"label {train_y[0, i]}" for i in first], ncols=6,
                 title="Two training pictures of each class")
plt.show()

# %% [markdown]
# **Preparing the data.** As in Course 1, each picture becomes a column of
# $64 \cdot 64 \cdot 3 = 12288$ numbers scaled to $[0, 1]$. Then, as Week 1 recommends,
# the inputs are centred: we subtract the *mean training picture* from every picture,
# training and test alike (the test set must be treated with the training set's
# statistics). Centred inputs let Adam's first steps move the first layer's units in
# useful directions instead of shifting all of them at once.
#
# We also set aside 120 of the 1080 training pictures as a **dev set**. The training
# loop reports its accuracy after every epoch; the test set is looked at only once, at
# the end. The labels become one-hot columns, $Y$ of shape $(6, m)$.

# %% kind="locked"
def flatten(x_orig):
    return x_orig.reshape(x_orig.shape[0], -1).T / 255.0


order = np.random.default_rng(0).permutation(train_x_orig.shape[0])
dev_idx, tr_idx = order[:120], order[120:]
X_all = flatten(train_x_orig)
mean_picture = X_all[:, tr_idx].mean(axis=1, keepdims=True)
X_train = X_all[:, tr_idx] - mean_picture
X_dev = X_all[:, dev_idx] - mean_picture
X_test = flatten(test_x_orig) - mean_picture
Y_train, Y_dev, Y_test = one_hot(train_y[:, tr_idx], 6), one_hot(train_y[:, dev_idx], 6), one_hot(test_y, 6)
print("X_train:", X_train.shape, " Y_train:", Y_train.shape)
print("X_dev:  ", X_dev.shape, " Y_dev:  ", Y_dev.shape)
print("X_test: ", X_test.shape, " Y_test: ", Y_test.shape)

# %% [markdown]
# ## 8. Training your network
#
# The network is LINEAR → RELU → LINEAR → RELU → LINEAR with 25 and 12 hidden units and
# 6 outputs (the logits), the softmax inside the loss:
#
# $$12288 \to 25 \to 12 \to 6, \qquad 12288 \cdot 25 + 25 + 25 \cdot 12 + 12 + 12 \cdot 6 + 6 = 307{,}615 \text{ parameters}.$$
#
# It is built from **your** classes and trained with mini-batch Adam: learning rate
# $3 \cdot 10^{-4}$, mini-batches of 32, 25 epochs (about 750 steps), which takes some
# seconds.

# %% kind="locked"
rng = np.random.default_rng(1)
model = Sequential([Dense(12288, 25, rng), ReLU(), Dense(25, 12, rng), ReLU(), Dense(12, 6, rng)])
print("parameters:", sum(W.size for _, W, _ in model.parameters()))
history = fit(model, SoftmaxCrossEntropy(), Adam(learning_rate=3e-4), X_train, Y_train, epochs=25,
              batch_size=32, seed=1, X_dev=X_dev, Y_dev=Y_dev, progress=True)

# %% kind="locked"
epochs = np.arange(1, len(history["cost"]) + 1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.8))
ax1.plot(epochs, history["cost"], marker="o", markersize=3)
ax1.set(xlabel="epoch", ylabel="cost J (mean over the epoch's mini-batches)",
        title="Training cost (Adam, learning rate 3e-4)")
ax2.plot(epochs, 100 * np.array(history["dev_accuracy"]), marker="o", markersize=3, color="tab:orange")
ax2.set(xlabel="epoch", ylabel="accuracy (%)", title="Dev-set accuracy after each epoch", ylim=(0, 100))
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# The cost falls quickly at first and keeps falling; the dev accuracy rises with it
# and levels off. The check below is the result of this notebook: the network should
# label at least 80 % of the test pictures correctly. If it fails although all your
# tests pass, restart the kernel and run all cells, so that every cell uses your
# latest classes.

# %% id="accuracies" kind="locked"
train_acc = accuracy(model, X_train, Y_train)
dev_acc = accuracy(model, X_dev, Y_dev)
test_acc = accuracy(model, X_test, Y_test)
print(f"train accuracy {100 * train_acc:.1f} %   dev accuracy {100 * dev_acc:.1f} %   "
      f"test accuracy {100 * test_acc:.1f} %")
assert test_acc >= 0.80, f"test accuracy {100 * test_acc:.1f} % is below 80 %"

# %% [markdown]
# Nearly every training picture is right and about seven in eight test pictures: the
# network overfits a little, which regularisation (Week 1) and more data would reduce.
#
# ### Where it goes wrong
#
# The **confusion matrix** counts, for each true class (a row), how often each class
# was predicted (a column); the diagonal holds the correct answers.

# %% kind="locked"
pred_test = predict(model, X_test)
confusion = np.zeros((6, 6), dtype=int)
np.add.at(confusion, (test_y[0], pred_test), 1)
print("true \\ predicted " + "".join(f"{k:>4}" for k in range(6)))
for k in range(6):
    print(f"{k:>16} " + "".join(f"{n:>4}" for n in confusion[k]))
plot.show_misclassified(test_x_orig, test_y, pred_test, classes, max_images=16,
                        title="Test pictures the network gets wrong")
plt.show()

# %% [markdown]
# In our run 16 of the 120 test pictures were wrong, nearly all of them by one finger,
# most often between a fist and a single raised finger: one thin finger changes only a
# few dozen of the 4096 pixels, and where exactly depends on the hand's size, position
# and tilt. A dense network has no notion of "a finger": it learns a separate pattern
# of weights for every position where a finger may appear, from fewer than a thousand
# examples.
# Convolutional networks (Course 4) look for the same small pattern everywhere in the
# picture, which suits this task much better.
#
# ## 9. Your framework and `dlkit.nn`
#
# The package `dlkit.nn` holds the same framework, with more layers (`Sigmoid`,
# `Tanh`, `Dropout`, `BatchNorm`, `Flatten`), more optimisers (`SGD`, `Momentum`,
# `RMSprop`, `Adam`) and the same conventions. Built from the same seed and trained on
# the same mini-batches, its network follows yours number for number:

# %% kind="locked"
from dlkit import nn

def two_epochs(dense, relu, loss, adam):
    rng = np.random.default_rng(1)
    net = nn.Sequential([dense(12288, 25, rng=rng), relu(), dense(25, 12, rng=rng), relu(), dense(12, 6, rng=rng)])
    return fit(net, loss(), adam(learning_rate=3e-4), X_train[:, :256], Y_train[:, :256], epochs=2,
               batch_size=32, seed=1, progress=False)["cost"]


yours = two_epochs(Dense, ReLU, SoftmaxCrossEntropy, Adam)
dlkits = two_epochs(nn.Dense, nn.ReLU, nn.SoftmaxCrossEntropy, nn.Adam)
print("costs with your classes:  ", np.round(yours, 10))
print("costs with dlkit.nn:      ", np.round(dlkits, 10))
assert np.allclose(yours, dlkits, rtol=1e-9), "your classes and dlkit.nn should give the same costs"

# %% [markdown]
# In Courses 4 and 5 new modules join them (convolution and pooling layers for
# pictures of shape $(m, n_H, n_W, n_C)$, recurrent layers for sequences of shape
# $(n_x, m, T_x)$) and plug into the same `Sequential`, optimisers and `fit`.
#
# ## What you built
#
# * `Dense`, `ReLU`: layers with a forward pass that caches and a backward pass that
#   returns the input gradient and stores the parameter gradients;
# * `SoftmaxCrossEntropy`: the cost and the start of the backward chain, the one place
#   with $\frac{1}{m}$;
# * `Sequential`: backpropagation as a loop over the layers in reverse;
# * `Adam`: an optimiser that walks `model.parameters()` and updates them in place;
# * with `fit`, a six-class classifier of hand signs at about 87 % test accuracy.
