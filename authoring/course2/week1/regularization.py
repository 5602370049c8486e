# %% [markdown]
# # Regularisation: L2 and dropout
#
# *Course 2, Week 1: the regularisation assignment.*
#
# A network with enough units can fit almost any training set, including its
# accidents: a few mislabelled points, a cluster of unlucky examples. That is
# **overfitting** (high variance): the training error is low and the dev/test
# error is clearly higher. The lecture's recipe for high variance is more data
# or **regularisation**. This notebook builds the two regularisers of the
# lecture into a 3-layer network and compares them with no regularisation:
#
# 1. **L2 regularisation** ("weight decay"): `compute_cost_with_regularization`
#    and `backward_propagation_with_regularization`;
# 2. **inverted dropout**: `forward_propagation_with_dropout` and
#    `backward_propagation_with_dropout`;
# 3. and, without writing code, **early stopping**: the dev-set cost during training.
#
# **The network** is the course's LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID with
# layer sizes $[n_x, n^{[1]}, n^{[2]}, n^{[3]}] = [2, 20, 3, 1]$. As in Course 1, examples are
# the **columns** of $X$ (shape $(n_x, m)$), $W^{[l]}$ has shape $(n^{[l]}, n^{[l-1]})$ and
# $b^{[l]}$ shape $(n^{[l]}, 1)$. The gradients follow the Course 1 convention: $dW^{[l]}$ and
# $db^{[l]}$ are slopes of the cost $J$ (an average over the $m$ examples, hence their $1/m$),
# while $dA^{[l]}$ and $dZ^{[l]}$ hold one column of per-example slopes for each example.
#
# In each exercise cell, replace `# YOUR CODE HERE` and `raise NotImplementedError()` with
# your code, run the cell, then run the test cell below it.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit.activations import relu, sigmoid
from dlkit.data.planar import make_noisy_boundary
from dlkit.deep import compute_cost, initialize_parameters_deep, training_steps
from dlkit.gradcheck import gradient_check_n
from dlkit.plot_boundary import plot_dataset, plot_decision_boundaries, plot_decision_boundary

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. The data: a field with a noisy boundary
#
# Picture a football pitch seen from above, and the spots where the ball was won back
# during many matches: **blue** (label 0) where our team won it, **red** (label 1) where
# the other team did. Roughly, our team wins the ball in its own half, below a wavy line.
# But the records are noisy: near the line the two colours mix, and here and there a small
# patch of the wrong colour appears (an unusual match, a mislabelled record).
#
# `make_noisy_boundary` generates such data (it is part of this companion, seeded): points in
# the square $[-1, 1]^2$, labelled by the side of the line
# $x_2 = 0.3 \sin(2 x_1) + 0.1 x_1$ they fall on, then flipped with some probability near the
# line and inside a few random "islands". Every data set has **its own** islands: they are
# accidents of the sample, not part of the pattern. A model that learns the line generalises;
# a model that also bends around the training set's islands has learned noise.
#
# We draw three sets from the same distribution: a small **training** set (150 points), a
# **dev** set (300 points, used for early stopping) and a **test** set (1000 points).

# %% kind="locked"
train_X, train_Y = make_noisy_boundary(150, seed=2)
dev_X, dev_Y = make_noisy_boundary(300, seed=2000)
test_X, test_Y = make_noisy_boundary(1000, seed=3000)

print("train_X:", train_X.shape, " train_Y:", train_Y.shape)
print("dev_X:  ", dev_X.shape, " dev_Y:  ", dev_Y.shape)
print("test_X: ", test_X.shape, "test_Y: ", test_Y.shape)
plot_dataset(train_X, train_Y, title="Training set: who won the ball where")
plt.show()

# %% [markdown]
# ## 2. The network and the training loop
#
# Two helpers are given: the forward and backward passes of the network **without**
# regularisation. Read them: the regularised versions you write below change only a few lines.
# The cache is the course's flat tuple, so that the backward pass can unpack it by name.

# %% kind="locked"
def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Returns A3 (1, m) and cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost (no regularisation): dZ3, dW3, db3, dA2, ..., db1."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (Z2 > 0)
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (Z1 > 0)
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def predict(X, parameters):
    """Labels 0/1 (1, m): the full network, no dropout, threshold 0.5."""
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(float)


def accuracy(X, Y, parameters):
    """The fraction of correctly labelled columns of X."""
    return float(np.mean(predict(X, parameters) == Y))

# %% [markdown]
# The training loop is given too. It picks the variant of each step from its arguments:
# `lambd > 0` switches L2 regularisation on (`lambda` is a reserved word in Python, hence
# the spelling), `keep_prob < 1` switches dropout on. It uses your functions from the
# sections below, so it runs only once they are written. Three details:
#
# * the weights start as randn $/\sqrt{n^{[l-1]}}$ (seed 3) and the biases at zero,
#   `initialize_parameters_deep(layers_dims, scale="1/sqrt(n_prev)", seed=3)` from Course 1;
# * iteration `i` passes `seed=i` to the dropout forward pass, so that every iteration
#   shuts off a fresh random set of units, and yet every run gives the same numbers;
# * with `dev=(dev_X, dev_Y)` it records, every `every` iterations, the cost of the full
#   network (no dropout) on the training and dev sets, and keeps the parameters where the
#   dev cost was lowest (section 5).
#
# The course trains for 30,000 iterations; we use 15,000 to keep the notebook quick. The
# picture is the same.

# %% kind="locked"
def model(X, Y, learning_rate=0.3, num_iterations=15000, lambd=0.0, keep_prob=1.0,
          dev=None, every=20, progress=True):
    """Train the 3-layer network; returns (parameters, history)."""
    layers_dims = [X.shape[0], 20, 3, 1]
    parameters = initialize_parameters_deep(layers_dims, scale="1/sqrt(n_prev)", seed=3)
    history = {"iteration": [], "cost": [], "train_cost": [], "dev_cost": [], "best_dev_cost": np.inf}
    name = "L2" if lambd > 0 else "dropout" if keep_prob < 1 else "no regularisation"
    for i in training_steps(num_iterations, progress, name):
        # forward pass, with or without dropout
        if keep_prob < 1:
            A3, cache = forward_propagation_with_dropout(X, parameters, keep_prob, seed=i)
        else:
            A3, cache = forward_propagation(X, parameters)
        # cost, with or without the L2 term
        if lambd > 0:
            cost = compute_cost_with_regularization(A3, Y, parameters, lambd)
        else:
            cost = compute_cost(A3, Y)
        # backward pass (one regulariser at a time, as in the course)
        assert lambd == 0 or keep_prob == 1, "use L2 or dropout, not both at once"
        if lambd > 0:
            grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        elif keep_prob < 1:
            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
        else:
            grads = backward_propagation(X, Y, cache)
        # records for the cost curves and early stopping
        if i % every == 0:
            history["iteration"].append(i)
            history["cost"].append(cost)
            if dev is not None:
                history["train_cost"].append(compute_cost(forward_propagation(X, parameters)[0], Y))
                dev_cost = compute_cost(forward_propagation(dev[0], parameters)[0], dev[1])
                history["dev_cost"].append(dev_cost)
                if dev_cost < history["best_dev_cost"]:
                    history.update(best_iteration=i, best_dev_cost=dev_cost,
                                   best_parameters={k: v.copy() for k, v in parameters.items()})
        # gradient descent
        parameters = {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
    return parameters, history

# %% [markdown]
# ### The baseline: no regularisation
#
# First the network as it is, trained on the 150 training points. (The dev-set records
# are for section 5.)

# %% kind="locked"
params_none, history_none = model(train_X, train_Y, dev=(dev_X, dev_Y))
results = {"no regularisation": (accuracy(train_X, train_Y, params_none), accuracy(test_X, test_Y, params_none))}
print(f"no regularisation: train accuracy {results['no regularisation'][0]:.1%}, "
      f"test accuracy {results['no regularisation'][1]:.1%}")

# %% [markdown]
# A large gap between training and test accuracy: high variance. The decision boundary
# (below, with the training points) shows why: the network bends the boundary to take in the
# training set's islands and noisy points. Those bends describe *this* sample only; on the
# test set they cost accuracy.

# %% kind="locked"
plot_decision_boundary(lambda P: predict(P, params_none), train_X, train_Y,
                       title="No regularisation: boundary and training points")
plt.show()

# %% [markdown]
# ## 3. L2 regularisation
#
# ### 3.1 The cost
#
# L2 regularisation adds to the cost a penalty on large weights:
#
# $$J_{\text{regularized}} = \underbrace{-\frac{1}{m} \sum_{i=1}^{m} \Big(y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) \log\big(1 - a^{[L](i)}\big)\Big)}_{\text{cross-entropy cost}}
# \;+\; \underbrace{\frac{\lambda}{2m} \sum_{l=1}^{L} \big\lVert W^{[l]} \big\rVert_F^2}_{\text{L2 cost}},
# \qquad
# \big\lVert W^{[l]} \big\rVert_F^2 = \sum_{i=1}^{n^{[l]}} \sum_{j=1}^{n^{[l-1]}} \big(w^{[l]}_{ij}\big)^2 .$$
#
# The squared **Frobenius norm** is simply the sum of the squares of all the matrix's entries:
# the row index $i$ runs over the $n^{[l]}$ units of layer $l$ and the column index $j$ over
# the $n^{[l-1]}$ units of the layer before. (The lecture notes' slide has the $i$-sum running
# to $m$; that is a typo: $W^{[l]}$ has nothing to do with the number of examples.) Only the
# weights are penalised: the biases are few and leaving them out changes little.
# $\lambda$ is a hyperparameter, tuned on the dev set.
#
# **Exercise.** Implement `compute_cost_with_regularization(A3, Y, parameters, lambd)`: the
# cross-entropy part is `compute_cost(A3, Y)` (imported from dlkit); add the L2 part, with
# `np.sum(np.square(W1))` for $\lVert W^{[1]} \rVert_F^2$.

# %% id="compute_cost_with_regularization" kind="solution"
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """The cost with L2 regularisation.

    Arguments:
    A3 -- output of the forward pass, shape (1, m)
    Y -- labels 0/1, shape (1, m)
    parameters -- dict with "W1", "b1", "W2", "b2", "W3", "b3"
    lambd -- the regularisation strength lambda (a number >= 0)

    Returns:
    cost -- cross-entropy + (lambd / (2m)) * sum over l of ||W^[l]||_F^2, a float
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    ### BEGIN SOLUTION
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                + np.sum(np.square(W3)))
    ### END SOLUTION
    cost = cross_entropy_cost + L2_regularization_cost
    return float(np.squeeze(cost))  # a number, or a (1, 1) array from keepdims=True: a float


# %% id="compute_cost_with_regularization_test" kind="test" points=2
check("c2w1.compute_cost_with_regularization", compute_cost_with_regularization)
### BEGIN HIDDEN TESTS
check("c2w1.compute_cost_with_regularization", compute_cost_with_regularization, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **A hand computation.** Take three examples with $a^{[3]} = (0.8, 0.9, 0.4)$ and
# $y = (1, 1, 0)$: the cross-entropy is
# $-\frac{1}{3}(\ln 0.8 + \ln 0.9 + \ln 0.6) \approx 0.2798$ (Course 1, Week 4). With
# $W^{[1]} = \begin{pmatrix} 1 & -1 \\ 2 & 0 \end{pmatrix}$,
# $W^{[2]} = \begin{pmatrix} 1 & 2 \end{pmatrix}$, $W^{[3]} = \begin{pmatrix} -1 \end{pmatrix}$
# the squared norms are $6$, $5$ and $1$, so with $\lambda = 0.3$ the L2 cost is
# $\frac{0.3}{2 \cdot 3} \cdot 12 = 0.6$. The biases (here all 5) play no part.

# %% kind="locked"
hand_parameters = {"W1": np.array([[1., -1.], [2., 0.]]), "b1": np.array([[5.], [5.]]),
                   "W2": np.array([[1., 2.]]), "b2": np.array([[5.]]),
                   "W3": np.array([[-1.]]), "b3": np.array([[5.]])}
hand_cost = compute_cost_with_regularization(np.array([[0.8, 0.9, 0.4]]), np.array([[1., 1., 0.]]),
                                             hand_parameters, 0.3)
print(f"J = {hand_cost:.6f}  (0.279777 + 0.6 = 0.879777)")
assert abs(hand_cost - 0.8797765635793422) < 1e-9, f"expected 0.879777, got {hand_cost}"

# %% [markdown]
# ### 3.2 The gradients
#
# The penalty's slope with respect to $W^{[l]}$ is
# $\frac{d}{dW^{[l]}} \Big(\frac{\lambda}{2m} \lVert W^{[l]} \rVert_F^2\Big) = \frac{\lambda}{m} W^{[l]}$
# (the 2 of the square cancels the $\frac{1}{2}$). Backpropagation is unchanged except that
# each weight gradient gets this extra term:
#
# $$dW^{[l]} = \underbrace{\frac{1}{m}\, dZ^{[l]} A^{[l-1]\,T}}_{\text{from backprop}} + \frac{\lambda}{m} W^{[l]} .$$
#
# The biases are not regularised, so $db^{[l]}$ stays as it was; so do $dA^{[l]}$ and $dZ^{[l]}$,
# which the penalty does not touch.
#
# **Exercise.** Implement `backward_propagation_with_regularization(X, Y, cache, lambd)`: the
# backward pass of the given `backward_propagation`, with the L2 term in `dW3`, `dW2`, `dW1`.

# %% id="backward_propagation_with_regularization" kind="solution"
def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Backward pass of the 3-layer network with L2 regularisation.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    cache -- (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) from forward_propagation
    lambd -- the regularisation strength lambda

    Returns:
    gradients -- dict with "dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1";
                 each dW^[l] has the extra term (lambd / m) * W^[l]
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    ### BEGIN SOLUTION
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / m * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (Z2 > 0)
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / m * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (Z1 > 0)
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END SOLUTION
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% id="backward_propagation_with_regularization_test" kind="test" points=3
check("c2w1.backward_propagation_with_regularization", backward_propagation_with_regularization)
### BEGIN HIDDEN TESTS
check("c2w1.backward_propagation_with_regularization", backward_propagation_with_regularization, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **A gradient check with $\lambda > 0$.** The test compared your function with a reference.
# A numeric gradient check compares it with *your own cost*: nudge each parameter by
# $\pm\varepsilon$, recompute `compute_cost_with_regularization`, and the two-sided slope
# must equal your gradient. (The next notebook, `gradient_checking`, builds this check
# yourself; here `gradient_check_n` from `dlkit.gradcheck` does it. It returns the relative
# difference $\lVert d\theta_{\text{approx}} - d\theta \rVert_2 / (\lVert d\theta_{\text{approx}} \rVert_2 + \lVert d\theta \rVert_2)$
# over all parameters and the name of the parameter that disagrees most.) The cost checked
# must include the L2 term, since your gradients do. A small random network on ten training
# points is enough; small random biases keep every $Z$ away from ReLU's kink at 0.

# %% kind="locked"
rng = np.random.RandomState(5)
check_parameters = initialize_parameters_deep([2, 20, 3, 1], scale="1/sqrt(n_prev)", seed=5)
for l in (1, 2, 3):
    check_parameters["b" + str(l)] = 0.1 * rng.randn(*check_parameters["b" + str(l)].shape)
X_small, Y_small = train_X[:, :10], train_Y[:, :10]
lambd_check = 0.7

_, cache_small = forward_propagation(X_small, check_parameters)
grads_l2 = backward_propagation_with_regularization(X_small, Y_small, cache_small, lambd_check)
result = gradient_check_n(
    lambda p: compute_cost_with_regularization(forward_propagation(X_small, p)[0], Y_small, p, lambd_check),
    check_parameters, grads_l2)
print(f"L2 backward pass vs numeric slopes of the regularised cost: difference = {result.difference:.2e}")
assert result.difference < 1e-7, (
    f"difference {result.difference:.2e}: your gradients disagree with your cost, most of all for {result.worst}")

# %% [markdown]
# **Weight decay.** With the extra term, one step of gradient descent on $W^{[l]}$ is
#
# $$W^{[l]} := W^{[l]} - \alpha\Big(\text{(backprop)} + \frac{\lambda}{m} W^{[l]}\Big)
# = \Big(1 - \frac{\alpha\lambda}{m}\Big) W^{[l]} - \alpha\,\text{(backprop)} :$$
#
# every step first shrinks the weights by the factor $1 - \alpha\lambda/m$, slightly below 1,
# then takes the usual step. Hence the name "weight decay". The cell below checks the
# identity on one step, using your gradients and those of plain backpropagation.

# %% kind="locked"
alpha, lambd_demo = 0.3, 0.7
m_train = train_X.shape[1]
_, cache_train = forward_propagation(train_X, check_parameters)
grads_plain = backward_propagation(train_X, train_Y, cache_train)
grads_reg = backward_propagation_with_regularization(train_X, train_Y, cache_train, lambd_demo)
decay = 1 - alpha * lambd_demo / m_train
print(f"decay factor 1 - alpha * lambda / m = 1 - {alpha} * {lambd_demo} / {m_train} = {decay:.6f}")
for l in (1, 2, 3):
    W = check_parameters["W" + str(l)]
    step = W - alpha * grads_reg["dW" + str(l)]
    decayed = decay * W - alpha * grads_plain["dW" + str(l)]
    gap = np.max(np.abs(step - decayed))
    print(f"W{l}: largest |gradient step - weight-decay form| = {gap:.1e}")
    assert gap < 1e-12, f"for W{l} the two forms of the update differ by {gap}"

# %% [markdown]
# ### 3.3 Training with L2
#
# Now the same network with $\lambda = 0.7$, the course's value.

# %% kind="locked"
params_l2, history_l2 = model(train_X, train_Y, lambd=0.7)
results["L2, lambda = 0.7"] = (accuracy(train_X, train_Y, params_l2), accuracy(test_X, test_Y, params_l2))
print(f"L2 (lambda = 0.7): train accuracy {results['L2, lambda = 0.7'][0]:.1%}, "
      f"test accuracy {results['L2, lambda = 0.7'][1]:.1%}")
print(f"no regularisation: train accuracy {results['no regularisation'][0]:.1%}, "
      f"test accuracy {results['no regularisation'][1]:.1%}")
assert results["L2, lambda = 0.7"][1] > results["no regularisation"][1], "L2 should raise the test accuracy"

# %% [markdown]
# The training accuracy went *down* and the test accuracy *up*: the network no longer fits
# every accident of the training set. Why does a penalty on the weights do this? Small
# weights make each unit's $z$ small, and a network of units that work in a narrow range is
# closer to a simple, smooth function: it cannot afford the sharp bends that wrap an
# island. Compare the total size of the weights of the two models:

# %% kind="locked"
for name, params in (("no regularisation", params_none), ("L2, lambda = 0.7", params_l2)):
    norms = [np.sum(np.square(params["W" + str(l)])) for l in (1, 2, 3)]
    print(f"{name:18s}: ||W1||^2 = {norms[0]:6.1f}, ||W2||^2 = {norms[1]:6.1f}, ||W3||^2 = {norms[2]:6.1f}")

# %% [markdown]
# *(Supplement.)* The three squared norms of the L2 model come out (almost) equal. That is
# no accident of this data. Multiplying $W^{[1]}$ and $b^{[1]}$ by some $c > 0$ and dividing
# $W^{[2]}$ by $c$ leaves the network's output unchanged, since $\text{ReLU}(cz) = c\,\text{ReLU}(z)$.
# Among all these equivalent networks, the penalty
# $c^2 \lVert W^{[1]} \rVert_F^2 + \lVert W^{[2]} \rVert_F^2 / c^2$
# is smallest when the two terms are equal, and training with L2 drifts there.

# %% [markdown]
# ## 4. Dropout
#
# ### 4.1 The forward pass
#
# Dropout shuts off a random set of hidden units at every iteration: each unit of each
# example is kept with probability `keep_prob` and set to 0 otherwise. Each iteration thus
# trains a different thinned network, and no unit can rely on any single input, since that
# input may vanish. The weights spread out instead, an effect close to L2's.
#
# **Inverted dropout**, the lecture's version, for a hidden layer $l$:
#
# 1. draw a mask of the same shape as $A^{[l]}$: `D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob`
#    (a boolean array, True with probability `keep_prob`);
# 2. shut off the dropped units: `A = A * D`;
# 3. scale the survivors up: `A = A / keep_prob`.
#
# Step 3 keeps the *expected* value of every activation as it was. With `keep_prob = 0.8` a
# fifth of the units are off, so without it $Z^{[l+1]} = W^{[l+1]} A^{[l]} + b^{[l+1]}$ would
# shrink by about 20 %. Thanks to it, nothing has to be rescaled at test time, when **no units
# are dropped** (our `predict` uses the plain `forward_propagation`).
#
# Here dropout is applied to the two hidden layers, not to the input or the output.
#
# **Matching random numbers.** So that your numbers match the tests, the function starts
# with `np.random.seed(seed)` (given), and you draw the masks as the course does, with
# `np.random.rand(...) < keep_prob`, **first D1, then D2**. The training loop passes a
# different seed at each iteration.
#
# **Exercise.** Implement `forward_propagation_with_dropout(X, parameters, keep_prob, seed)`.
# Layer 1's linear step and ReLU and the output layer are written for you; in between, write
# the dropout of $A^{[1]}$, layer 2 (linear step and ReLU), and the dropout of $A^{[2]}$.

# %% id="forward_propagation_with_dropout" kind="solution"
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5, seed=1):
    """LINEAR -> RELU + DROPOUT -> LINEAR -> RELU + DROPOUT -> LINEAR -> SIGMOID.

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dict with "W1", "b1", "W2", "b2", "W3", "b3"
    keep_prob -- probability of keeping a hidden unit
    seed -- seed of the random masks

    Returns:
    A3 -- output of the network, shape (1, m)
    cache -- (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), where D1 and D2 are
             the masks (shapes of A1 and A2) and A1, A2 the activations after dropout
    """
    np.random.seed(seed)
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    ### BEGIN SOLUTION
    D1 = np.random.rand(A1.shape[0], A1.shape[1]) < keep_prob
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1]) < keep_prob
    A2 = A2 * D2
    A2 = A2 / keep_prob
    ### END SOLUTION
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


# %% id="forward_propagation_with_dropout_test" kind="test" points=3
check("c2w1.forward_propagation_with_dropout", forward_propagation_with_dropout)
### BEGIN HIDDEN TESTS
check("c2w1.forward_propagation_with_dropout", forward_propagation_with_dropout, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **What the masks do, measured.** On 5000 points and with `keep_prob = 0.86`, the cell below
# counts the fraction of units your masks keep, and compares the mean activation of layer 1
# with and without dropout. With the division by `keep_prob` the mean is preserved; without
# it (the kept values `A1 * D1` only) it would shrink to about `keep_prob` times its value.

# %% kind="locked"
keep_prob = 0.86
X_many, _ = make_noisy_boundary(5000, seed=11)
_, cache_drop = forward_propagation_with_dropout(X_many, params_none, keep_prob, seed=0)
D1_many, A1_dropped, D2_many = cache_drop[1], cache_drop[2], cache_drop[6]
A1_full = relu(np.dot(params_none["W1"], X_many) + params_none["b1"])

kept = (np.mean(D1_many), np.mean(D2_many))
ratio = np.mean(A1_dropped) / np.mean(A1_full)
ratio_no_rescale = np.mean(A1_full * D1_many) / np.mean(A1_full)
print(f"fraction of units kept: layer 1 {kept[0]:.4f}, layer 2 {kept[1]:.4f}  (keep_prob = {keep_prob})")
print(f"mean of A1 without dropout: {np.mean(A1_full):.4f}")
print(f"mean of A1 with dropout:    {np.mean(A1_dropped):.4f}  (ratio {ratio:.4f})")
print(f"mean of A1 * D1 (no /keep_prob): {np.mean(A1_full * D1_many):.4f}  (ratio {ratio_no_rescale:.4f})")
assert all(abs(k - keep_prob) < 0.01 for k in kept), f"the masks keep {kept}, expected about {keep_prob}"
assert abs(ratio - 1) < 0.01, f"with inverted dropout the mean activation should be preserved (ratio {ratio:.4f})"
assert abs(ratio_no_rescale - keep_prob) < 0.01

# %% [markdown]
# ### 4.2 The backward pass
#
# The forward pass multiplied $A^{[l]}$ by the mask and divided by `keep_prob`, so the chain
# rule does the same to the gradient flowing back into $A^{[l]}$:
#
# 1. `dA2 = np.dot(W3.T, dZ3)`, then `dA2 = dA2 * D2` and `dA2 = dA2 / keep_prob`;
# 2. the same for `dA1` with `D1`.
#
# Use the masks **of the forward pass**, from the cache. Drawing new ones would give the
# gradient of a different network than the one whose cost was computed. A unit that was shut
# off contributed nothing, so it gets no gradient.
#
# **Exercise.** Implement `backward_propagation_with_dropout(X, Y, cache, keep_prob)`. The
# output layer's gradients are given; write the rest, from `dA2` down to `db1`, as in
# `backward_propagation` plus the two dropout steps.

# %% id="backward_propagation_with_dropout" kind="solution"
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """Backward pass of the 3-layer network with inverted dropout on the hidden layers.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    cache -- (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) from forward_propagation_with_dropout
    keep_prob -- the probability of keeping a unit used in the forward pass

    Returns:
    gradients -- dict with "dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1";
                 dA2 and dA1 are the gradients after the mask and the 1 / keep_prob
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    ### BEGIN SOLUTION
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2
    dA2 = dA2 / keep_prob
    dZ2 = dA2 * (Z2 > 0)
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1
    dA1 = dA1 / keep_prob
    dZ1 = dA1 * (Z1 > 0)
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END SOLUTION
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% id="backward_propagation_with_dropout_test" kind="test" points=3
check("c2w1.backward_propagation_with_dropout", backward_propagation_with_dropout)
### BEGIN HIDDEN TESTS
check("c2w1.backward_propagation_with_dropout", backward_propagation_with_dropout, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Gradient-checking dropout.** With dropout the cost $J$ is not one well-defined function:
# every evaluation would shut off different units. The lecture's advice is to check the
# gradients with `keep_prob = 1` first. A sharper check holds the masks **fixed**: the masks
# depend only on the seed and the shapes, so passing the *same* seed at every evaluation of
# the cost gives the same thinned network each time. Its cost is an ordinary function of the
# parameters, and your backward pass must match its slopes. The second check below draws
# fresh masks at each evaluation instead: the "slopes" it measures are noise.

# %% kind="locked"
seed_fixed = 7
_, cache_dropout = forward_propagation_with_dropout(X_small, check_parameters, keep_prob, seed=seed_fixed)
grads_dropout = backward_propagation_with_dropout(X_small, Y_small, cache_dropout, keep_prob)

fixed = gradient_check_n(
    lambda p: compute_cost(forward_propagation_with_dropout(X_small, p, keep_prob, seed=seed_fixed)[0], Y_small),
    check_parameters, grads_dropout)
print(f"masks held fixed (same seed):     difference = {fixed.difference:.2e}")
assert fixed.difference < 1e-7, (
    f"difference {fixed.difference:.2e}: your dropout gradients disagree with the thinned network's cost, "
    f"most of all for {fixed.worst}")

fresh_seeds = iter(range(100, 10**6))
fresh = gradient_check_n(
    lambda p: compute_cost(forward_propagation_with_dropout(X_small, p, keep_prob, seed=next(fresh_seeds))[0], Y_small),
    check_parameters, grads_dropout)
print(f"fresh masks at every evaluation:  difference = {fresh.difference:.2e}")
assert fresh.difference > 1e-2

# %% [markdown]
# ### 4.3 Training with dropout
#
# The course's setting: `keep_prob = 0.86`, each hidden unit dropped with probability 0.14.

# %% kind="locked"
params_dropout, history_dropout = model(train_X, train_Y, keep_prob=0.86)
results["dropout, keep_prob = 0.86"] = (accuracy(train_X, train_Y, params_dropout),
                                        accuracy(test_X, test_Y, params_dropout))
print(f"dropout (keep_prob = 0.86): train accuracy {results['dropout, keep_prob = 0.86'][0]:.1%}, "
      f"test accuracy {results['dropout, keep_prob = 0.86'][1]:.1%}")
assert results["dropout, keep_prob = 0.86"][1] > results["no regularisation"][1], \
    "dropout should raise the test accuracy"

# %% [markdown]
# Note that the training cost is now noisy and not quite defined (each iteration measures a
# different thinned network), one more reason to debug with dropout switched off.
#
# ## 5. Early stopping
#
# The third idea of the lecture needs no code in the network. While the network trains,
# watch the cost on the dev set as well as on the training set. The training cost keeps
# falling; the dev cost falls at first, then rises again as the network starts fitting the
# training set's noise. Stopping at the dev minimum gives a network with mid-sized weights,
# somewhat as L2 would.
#
# The baseline run of section 2 recorded both costs every 20 iterations (for the full
# network on the training and dev sets) and kept the parameters at the lowest dev cost.
# The iteration axis is logarithmic: the network learns fast, then overfits slowly.

# %% kind="locked"
its = np.array(history_none["iteration"]) + 1
best_it = history_none["best_iteration"]
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(its, history_none["train_cost"], label="training set")
ax.plot(its, history_none["dev_cost"], label="dev set")
ax.axvline(best_it + 1, color="k", linestyle="--", linewidth=1)
ax.plot([best_it + 1], [history_none["best_dev_cost"]], "ko", label=f"lowest dev cost (iteration {best_it})")
ax.set_xscale("log")
ax.set_xlabel("iteration + 1 (log scale)")
ax.set_ylabel("cross-entropy cost")
ax.set_title("Early stopping: training and dev cost, no regularisation")
ax.legend()
plt.show()

params_early = history_none["best_parameters"]
results[f"early stopping (iteration {best_it})"] = (accuracy(train_X, train_Y, params_early),
                                                   accuracy(test_X, test_Y, params_early))
print(f"lowest dev cost {history_none['best_dev_cost']:.3f} at iteration {best_it}; "
      f"final dev cost {history_none['dev_cost'][-1]:.3f}")
print(f"stopped there: test accuracy {results[f'early stopping (iteration {best_it})'][1]:.1%}")
assert history_none["dev_cost"][-1] > history_none["best_dev_cost"] + 0.1, "the dev cost should rise again"
assert best_it < history_none["iteration"][-1] // 2

# %% [markdown]
# Early stopping is cheap: one training run gives a whole range of weight sizes. Its
# downside, in the lecture's words, is that it breaks **orthogonalisation**: one knob now does
# two jobs, optimising $J$ (which stopping early abandons) and not overfitting. With L2 the
# two stay separate (train as long as you like, tune $\lambda$), at the price of trying
# several values of $\lambda$.
#
# ## 6. The three models side by side

# %% kind="locked"
print(f"{'model':34s} {'train':>7s} {'test':>7s}")
for name, (train_acc, test_acc) in results.items():
    print(f"{name:34s} {train_acc:7.1%} {test_acc:7.1%}")

plot_decision_boundaries(
    {f"no regularisation (test {results['no regularisation'][1]:.1%})": lambda P: predict(P, params_none),
     f"L2, lambda = 0.7 (test {results['L2, lambda = 0.7'][1]:.1%})": lambda P: predict(P, params_l2),
     f"dropout, keep_prob = 0.86 (test {results['dropout, keep_prob = 0.86'][1]:.1%})":
         lambda P: predict(P, params_dropout)},
    train_X, train_Y, ncols=3, size=4.2, suptitle="Decision boundaries on the training set")
plt.show()

gain_l2 = results["L2, lambda = 0.7"][1] - results["no regularisation"][1]
gain_dropout = results["dropout, keep_prob = 0.86"][1] - results["no regularisation"][1]
print(f"test accuracy gained: L2 {gain_l2:+.1%}, dropout {gain_dropout:+.1%}")
assert gain_l2 > 0 and gain_dropout > 0, "both regularisers should beat no regularisation on the test set"

# %% [markdown]
# Both regularised boundaries are smoother and ignore most islands; both lose a little
# training accuracy and gain test accuracy. Regularisation trades a little bias for less
# variance, exactly the lecture's recipe for a high-variance model.
#
# ## What you built
#
# * `compute_cost_with_regularization`: the cost plus $\frac{\lambda}{2m}\sum_l \lVert W^{[l]}\rVert_F^2$.
# * `backward_propagation_with_regularization`: $dW^{[l]}$ gains $\frac{\lambda}{m} W^{[l]}$,
#   checked numerically against your cost, and the weight-decay form of the update.
# * `forward_propagation_with_dropout` and `backward_propagation_with_dropout`: inverted
#   dropout with the same mask and the same $1/\text{keep\_prob}$ in both directions, no
#   dropout at test time; the masks keep about `keep_prob` of the units and preserve the mean
#   activation.
# * Early stopping read from the training and dev costs.
#
# Things to remember: regularisation is for high variance, and it costs a little training
# accuracy; don't apply dropout (or its scaling) at test time; gradient-check with dropout
# off, or with the masks held fixed, and with the L2 term inside $J$. The next notebook,
# `gradient_checking`, builds that check from scratch.
