# %% [markdown]
# # Logistic regression as a tiny neural network
#
# *Course 1, Week 2 — the programming assignment.*
#
# In this notebook you build, from numpy alone, a classifier that answers one
# question about a 64×64 colour picture: **cat (1) or not a cat (0)?** The model is
# logistic regression, which the lecture presents as the smallest possible neural
# network: a single neuron with a sigmoid activation.
#
# The plan follows the lecture:
#
# 1. load the images, look at them, and turn each one into a column of numbers;
# 2. write the pieces of the learning algorithm, one function each:
#    `initialize_with_zeros`, `propagate` (forward pass, cost, gradients),
#    `optimize` (gradient descent), `predict`;
# 3. assemble them into `model`, train it, and read the results: the cost curve,
#    train and test accuracy, the effect of the learning rate, and the pictures it gets wrong.
#
# As in the numpy notebook: replace `# YOUR CODE HERE` and
# `raise NotImplementedError()` in each exercise cell with your code, run the
# cell, then run the test cell below it. The only loop
# you need is the one over gradient-descent iterations; everything inside it is
# vectorised over the examples.

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check
from dlkit import plot
from dlkit.activations import sigmoid
from dlkit.data import load_binary_images

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. The data set
#
# `load_binary_images()` returns the image set in five parts:
#
# * `train_set_x_orig`: training images, shape $(m_{train}, 64, 64, 3)$, integers 0..255;
# * `train_set_y`: their labels, shape $(1, m_{train})$, 1 for cat and 0 for non-cat;
# * `test_set_x_orig`, `test_set_y`: the same for the test images;
# * `classes`: the names of the two labels, as bytes (`b"non-cat"`, `b"cat"`).
#
# The pictures are generated for this companion (no photos are shipped): cartoon
# cat heads on cluttered backgrounds for class 1, and dogs, bears, balls, houses,
# trees and other shapes on similar backgrounds for class 0. The split sizes
# mirror the course's: 209 training images and 50 test images.
#
# The `_orig` suffix marks the arrays we have not yet reshaped.

# %% kind="locked"
train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_binary_images()

m_train = train_set_x_orig.shape[0]
m_test = test_set_x_orig.shape[0]
num_px = train_set_x_orig.shape[1]

print("Number of training examples: m_train =", m_train)
print("Number of test examples:     m_test  =", m_test)
print("Height/width of each image:  num_px  =", num_px)
print("Each image has shape", (num_px, num_px, 3))
print("train_set_x_orig shape:", train_set_x_orig.shape)
print("train_set_y shape:     ", train_set_y.shape)
print("test_set_x_orig shape: ", test_set_x_orig.shape)
print("test_set_y shape:      ", test_set_y.shape)
print("cats in train / test:  ", int(train_set_y.sum()), "/", int(test_set_y.sum()))

# %% [markdown]
# The first sixteen training images with their labels:

# %% kind="locked"
names = [c.decode() for c in classes]
first = 16
plot.show_images(train_set_x_orig[:first],
                 titles=[names[int(label)] for label in train_set_y[0, :first]],
                 title="The first training images and their labels")
plt.show()

# %% [markdown]
# ## 2. From pictures to a matrix $X$
#
# Logistic regression takes each example as one column vector $x \in \mathbb{R}^{n_x}$.
# A picture holds $64 \times 64$ pixels with 3 colour values each, so
#
# $$n_x = 64 \cdot 64 \cdot 3 = 12288.$$
#
# Following the course's convention, the $m$ examples are stacked side by side as
# the **columns** of a matrix:
#
# $$X = \begin{bmatrix} | & | & & | \\ x^{(1)} & x^{(2)} & \cdots & x^{(m)} \\ | & | & & | \end{bmatrix},
# \qquad X.\text{shape} = (n_x, m), \qquad Y.\text{shape} = (1, m).$$
#
# One line does it for a whole set: `X_orig.reshape(m, -1)` turns each image into a
# row of 12288 values (the `-1` asks numpy to work that length out), and `.T`
# turns rows into columns. This is `image2vector` from the numpy notebook, applied
# to all images at once.
#
# **Which order are the values in?** `reshape` reads in numpy's default order, in
# which the last axis varies fastest: the first three entries of a column are the
# red, green and blue values of the top-left pixel, the next three belong to the
# pixel to its right, and so on row by row. (The lecture's slide draws the unrolled
# vector as all the red values, then all the green, then all the blue; that is a
# different but equally valid order.) The model does not care which order is used,
# because it treats every entry as an independent feature; what matters is that
# training and test images are unrolled **the same way**.
#
# **Scaling.** The raw values run from 0 to 255. Dividing by 255 puts them in
# $[0, 1]$, which keeps $w^T x$ in a comfortable range for the sigmoid and lets one
# learning rate suit every feature. (A general data set is usually standardised:
# subtract the mean, divide by the standard deviation. For pixels, dividing by the
# maximum value does the job.)

# %% kind="locked"
train_set_x_flatten = train_set_x_orig.reshape(m_train, -1).T
test_set_x_flatten = test_set_x_orig.reshape(m_test, -1).T

print("train_set_x_flatten shape:", train_set_x_flatten.shape)
print("test_set_x_flatten shape: ", test_set_x_flatten.shape)
print("first 3 entries of column 0:", train_set_x_flatten[:3, 0],
      "= top-left pixel of image 0:", train_set_x_orig[0, 0, 0, :])

train_set_x = train_set_x_flatten / 255.0
test_set_x = test_set_x_flatten / 255.0
print("values now lie in [%.1f, %.1f]" % (train_set_x.min(), train_set_x.max()))

# %% [markdown]
# ## 3. The model
#
# For one example $x$ (a column of $n_x$ values) logistic regression computes
#
# $$z = w^T x + b, \qquad \hat{y} = a = \sigma(z) = \frac{1}{1 + e^{-z}},$$
#
# read as the probability that $x$ is a cat. The parameters are a weight column
# $w$ of shape $(n_x, 1)$ and a single number $b$. Learning means finding the $w$
# and $b$ that make the **cost**, the average cross-entropy loss over the $m$
# training examples, as small as possible:
#
# $$J(w, b) = -\frac{1}{m} \sum_{i=1}^{m} \Big[ y^{(i)} \log a^{(i)} + \big(1 - y^{(i)}\big) \log\big(1 - a^{(i)}\big) \Big].$$
#
# Each term is $-\log a$ for a cat and $-\log(1 - a)$ for a non-cat: small when the
# model is confident and right, large when it is confident and wrong.
#
# **The sigmoid is given.** You wrote `sigmoid` in the numpy notebook. Here we
# import `sigmoid` from `dlkit.activations` instead (setup cell): it computes the
# same function but is written so that it never overflows, even for a $z$ of
# $-1000$. Your own version would work as well on these images; the imported one
# simply keeps the notebook free of overflow warnings while you experiment.

# %% kind="locked"
print("sigmoid([0, 2]) =", sigmoid(np.array([0, 2])))

# %% [markdown]
# ### 3.1 Initialising the parameters
#
# For logistic regression the cost $J$ is convex (one big bowl, no local minima
# to get stuck in), so starting from zero is fine: $w = 0$ and $b = 0$. (A neural
# network with hidden layers will need random starting values; Week 3 explains why.)
#
# **Exercise.** Implement `initialize_with_zeros(dim)`: return `w`, a column of
# zeros of shape `(dim, 1)`, and `b = 0.0`, a plain float. A rank-1 array of shape
# `(dim,)` is a classic source of silent broadcasting bugs; keep `w` 2-D.

# %% id="initialize_with_zeros" kind="solution"
def initialize_with_zeros(dim):
    """Create the parameters of logistic regression, all zero.

    Arguments:
    dim -- the number of features n_x (the length of w)

    Returns:
    w -- numpy array of zeros, shape (dim, 1)
    b -- the bias, the float 0.0
    """
    ### BEGIN SOLUTION
    w = np.zeros((dim, 1))
    b = 0.0
    ### END SOLUTION
    return w, b


# %% id="initialize_with_zeros_test" kind="test" points=1
check("c1w2.initialize_with_zeros", initialize_with_zeros)
### BEGIN HIDDEN TESTS
check("c1w2.initialize_with_zeros", initialize_with_zeros, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ### 3.2 Forward and backward propagation
#
# One pass over the whole training set, vectorised over the $m$ columns of $X$:
#
# **Forward.**
# $$Z = w^T X + b \quad (1, m), \qquad A = \sigma(Z) = \big[a^{(1)}, \dots, a^{(m)}\big] \quad (1, m).$$
# `np.dot(w.T, X)` (or `w.T @ X`) is a $(1, n_x)$ by $(n_x, m)$ product; the number
# $b$ is broadcast to every entry.
#
# **Cost.**
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \Big[ y^{(i)} \log a^{(i)} + \big(1 - y^{(i)}\big) \log\big(1 - a^{(i)}\big) \Big],$$
# written with `np.log` on the whole arrays `A` and `1 - A`, elementwise products with
# `Y` and `1 - Y`, and `np.sum`.
#
# **Backward.** The lecture derived, for one example, $dz = a - y$, then
# $dw_j = x_j\,dz$ and $db = dz$. Averaging over the examples and stacking the
# columns gives
#
# $$dZ = A - Y \quad (1, m), \qquad
# dw = \frac{\partial J}{\partial w} = \frac{1}{m}\, X\, dZ^T \quad (n_x, 1), \qquad
# db = \frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} dZ^{(i)}.$$
#
# Check the shapes of $dw$: $X$ is $(n_x, m)$ and $dZ^T$ is $(m, 1)$, so the product
# is $(n_x, 1)$, like $w$. *(Erratum: one of the lecture's final code slides writes
# $X^T dZ$; that product is not even defined for these shapes. The correct form is
# $X\, dZ^T$, as an earlier slide has it.)*
#
# **Exercise.** Implement `propagate(w, b, X, Y)`: compute `dw`, `db` and `cost`. The two
# given lines after your code return `grads = {"dw": dw, "db": db}` and `cost`, with `db`
# and `cost` as plain Python numbers whichever way you computed them: a number from
# `np.sum(...)`, a $(1, 1)$ array from `np.dot` or `np.sum(..., keepdims=True)`, or a $(1,)$
# array from `np.sum(..., axis=1)`. `np.squeeze` drops the axes of length 1 (`[[0.69]]`
# becomes `0.69`) and `float` makes that a float; `float` alone refuses a $(1, 1)$ array in
# NumPy 2.

# %% id="propagate" kind="solution"
def propagate(w, b, X, Y):
    """One forward and backward pass of logistic regression over all examples.

    Arguments:
    w -- weights, numpy array of shape (n_x, 1)
    b -- bias, a number
    X -- data, numpy array of shape (n_x, m), one example per column
    Y -- labels 0/1, numpy array of shape (1, m)

    Returns:
    grads -- dict with "dw" (gradient of the cost w.r.t. w, shape (n_x, 1))
             and "db" (gradient w.r.t. b, a float)
    cost -- the cross-entropy cost J, a float
    """
    m = X.shape[1]
    ### BEGIN SOLUTION
    # forward: activations of all m examples at once
    Z = np.dot(w.T, X) + b                      # (1, m)
    A = sigmoid(Z)                              # (1, m)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m

    # backward: gradients averaged over the examples
    dZ = A - Y                                  # (1, m)
    dw = np.dot(X, dZ.T) / m                    # (n_x, 1)
    db = np.sum(dZ) / m
    ### END SOLUTION
    grads = {"dw": dw, "db": float(np.squeeze(db))}
    return grads, float(np.squeeze(cost))


# %% id="propagate_test" kind="test" points=2
check("c1w2.propagate", propagate)
### BEGIN HIDDEN TESTS
check("c1w2.propagate", propagate, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Your `propagate` on a small example with two features and three examples:

# %% kind="locked"
w_demo = np.array([[1.0], [2.0]])
b_demo = 2.0
X_demo = np.array([[1.0, 2.0, -1.0],
                   [3.0, 4.0, -3.2]])
Y_demo = np.array([[1.0, 0.0, 1.0]])
grads_demo, cost_demo = propagate(w_demo, b_demo, X_demo, Y_demo)
print("dw =", grads_demo["dw"].ravel())
print("db =", grads_demo["db"])
print("cost =", cost_demo)

# %% [markdown]
# ### 3.3 Gradient descent
#
# Gradient descent repeats one step: compute the gradients at the current
# parameters, then move each parameter a little way downhill,
#
# $$w := w - \alpha\, dw, \qquad b := b - \alpha\, db,$$
#
# where $\alpha$ is the learning rate. A positive slope moves the parameter left,
# a negative one moves it right; near the bottom of the bowl the slopes, and so
# the steps, shrink.
#
# **Exercise.** Implement `optimize`: run `num_iterations` steps, calling your
# `propagate` at every step. Record the cost at iterations 0, 100, 200, ... (when
# `i % 100 == 0`) in the list `costs`, and, if `print_cost` is true, print it at
# those iterations too. Return the final parameters, the gradients of the last
# step and the list of costs.

# %% id="optimize" kind="solution"
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Learn w and b by batch gradient descent.

    Arguments:
    w -- starting weights, numpy array of shape (n_x, 1)
    b -- starting bias, a number
    X -- data, numpy array of shape (n_x, m)
    Y -- labels 0/1, numpy array of shape (1, m)
    num_iterations -- how many gradient-descent steps to take
    learning_rate -- the step size alpha
    print_cost -- if True, print the cost every 100 iterations

    Returns:
    params -- dict with the learned "w" (n_x, 1) and "b" (float)
    grads -- dict with the gradients "dw" and "db" of the last step
    costs -- list of the costs recorded every 100 iterations
    """
    costs = []
    ### BEGIN SOLUTION
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    ### END SOLUTION
    params = {"w": w, "b": b}
    return params, grads, costs


# %% id="optimize_test" kind="test" points=2
check("c1w2.optimize", optimize)
### BEGIN HIDDEN TESTS
check("c1w2.optimize", optimize, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
params_demo, grads_demo, costs_demo = optimize(w_demo, b_demo, X_demo, Y_demo,
                                               num_iterations=100, learning_rate=0.009)
print("w =", params_demo["w"].ravel())
print("b =", params_demo["b"])
print("costs recorded:", costs_demo)

# %% [markdown]
# ### 3.4 Predicting labels
#
# With learned $w$ and $b$, the model's probability for every column of $X$ is
# $A = \sigma(w^T X + b)$, shape $(1, m)$. To turn probabilities into labels, call
# an example a cat when the model gives it more than even odds:
#
# $$\hat{y}^{(i)} = \begin{cases} 1 & \text{if } a^{(i)} > 0.5, \\ 0 & \text{otherwise.} \end{cases}$$
#
# An $a$ of exactly $0.5$ therefore predicts 0. A comparison such as `A > 0.5`
# works on the whole array at once and gives booleans; `.astype(float)` turns them
# into 0.0 and 1.0. No loop over the examples is needed.
#
# **Exercise.** Implement `predict(w, b, X)`, returning `Y_prediction` of shape `(1, m)`.

# %% id="predict" kind="solution"
def predict(w, b, X):
    """Predict 0/1 labels with learned logistic-regression parameters.

    Arguments:
    w -- weights, numpy array of shape (n_x, 1)
    b -- bias, a number
    X -- data, numpy array of shape (n_x, m)

    Returns:
    Y_prediction -- numpy array of shape (1, m) holding 1.0 (cat) or 0.0 (non-cat)
    """
    ### BEGIN SOLUTION
    A = sigmoid(np.dot(w.T, X) + b)             # (1, m) probabilities
    Y_prediction = (A > 0.5).astype(float)      # (1, m) labels
    ### END SOLUTION
    return Y_prediction


# %% id="predict_test" kind="test" points=1
check("c1w2.predict", predict)
### BEGIN HIDDEN TESTS
check("c1w2.predict", predict, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 4. Putting it together: `model`
#
# `model` chains the four functions: initialise $w$ and $b$ with zeros (one
# weight per row of `X_train`), run gradient descent on the training set,
# then predict labels for both the training and the test set.
#
# **Exercise.** Implement `model`. Pass `num_iterations`, `learning_rate` and
# `print_cost` on to `optimize`, and return a dictionary with the keys
# `"costs"`, `"Y_prediction_test"`, `"Y_prediction_train"`, `"w"`, `"b"`,
# `"learning_rate"` and `"num_iterations"`.

# %% id="model" kind="solution"
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression on the training set and predict on both sets.

    Arguments:
    X_train -- training data, numpy array of shape (n_x, m_train)
    Y_train -- training labels, numpy array of shape (1, m_train)
    X_test -- test data, numpy array of shape (n_x, m_test)
    Y_test -- test labels, numpy array of shape (1, m_test)
    num_iterations -- number of gradient-descent steps
    learning_rate -- the step size alpha
    print_cost -- if True, print the cost every 100 iterations

    Returns:
    d -- dict with "costs", "Y_prediction_test", "Y_prediction_train",
         "w", "b", "learning_rate" and "num_iterations"
    """
    ### BEGIN SOLUTION
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train,
                                    num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)
    ### END SOLUTION
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d


# %% id="model_test" kind="test" points=2
check("c1w2.model", model)
### BEGIN HIDDEN TESTS
check("c1w2.model", model, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 5. Training on the images
#
# Time to run your `model` on the real task: 2000 iterations with
# $\alpha = 0.005$. It takes a few seconds. Accuracy is the percentage of
# correct labels; since predictions and labels are 0 or 1, the mean of
# $|\hat{y} - y|$ is the fraction of mistakes, so
# accuracy $= 100 - 100 \cdot \text{mean}|\hat{y} - y|$.

# %% kind="locked"
d = model(train_set_x, train_set_y, test_set_x, test_set_y,
          num_iterations=2000, learning_rate=0.005, print_cost=True)

train_accuracy = 100 - np.mean(np.abs(d["Y_prediction_train"] - train_set_y)) * 100
test_accuracy = 100 - np.mean(np.abs(d["Y_prediction_test"] - test_set_y)) * 100
print(f"train accuracy: {train_accuracy:.1f} %")
print(f"test accuracy:  {test_accuracy:.1f} %")

always_cat = 100 * np.mean(test_set_y == 1)
print(f"(for comparison, answering 'cat' for every test picture scores {always_cat:.1f} %)")

# %% kind="locked"
plot.plot_costs(d["costs"], learning_rate=d["learning_rate"])
plt.show()

# %% [markdown]
# The cost falls steadily: gradient descent is doing its job on the training set.
# The accuracies tell a less happy story. The model labels nearly every training
# picture correctly but is far weaker on pictures it has not seen. This gap
# between training and test accuracy is **overfitting** (high variance): with
# 12288 weights and only 209 training pictures, the model has enough freedom to
# memorise details of the training images that do not carry over to new ones.
#
# Keep the comparison line in mind as well. Two thirds of the test pictures are
# cats, so a "classifier" that always answers *cat* already scores about 66 %.
# An accuracy is only meaningful next to such a baseline; here it shows how little
# a single linear model on raw pixels has really learned. Course 2 is largely about
# closing the gap between train and test (regularisation, more data), and the
# deeper networks of Weeks 3 and 4 learn more useful features.
#
# The cell below checks that your run tells this story: training accuracy far
# above test accuracy, and a test accuracy between 60 % and 80 %. If it fails while
# all the tests above pass, re-run the notebook from the top (Kernel > Restart &
# Run All), so that every cell uses your latest functions.

# %% id="model_results" kind="locked"
train_acc = 100 - np.mean(np.abs(d["Y_prediction_train"] - train_set_y)) * 100
test_acc = 100 - np.mean(np.abs(d["Y_prediction_test"] - test_set_y)) * 100
print(f"train accuracy {train_acc:.1f} %, test accuracy {test_acc:.1f} %")
assert train_acc >= test_acc + 15, (
    f"train accuracy {train_acc:.1f} % should be at least 15 points above test accuracy {test_acc:.1f} %")
assert 60 <= test_acc <= 80, f"test accuracy {test_acc:.1f} % should lie between 60 % and 80 %"
print("As expected: the model overfits, with a large gap between train and test accuracy.")

# %% [markdown]
# ### Look at one test picture
#
# Change `index` (0 to 49) in the cell below to see how your model labels any of
# the test pictures. This cell is yours to edit.

# %%
index = 1
label = names[int(test_set_y[0, index])]
guess = names[int(d["Y_prediction_test"][0, index])]
plot.show_images(test_set_x_orig[index:index + 1], titles=[f"label: {label}\nmodel says: {guess}"],
                 title=f"Test picture {index}", size=3)
plt.show()

# %% [markdown]
# ## 6. Choosing the learning rate
#
# The learning rate $\alpha$ sets the size of each gradient-descent step, and it
# decides whether and how fast the cost goes down:
#
# * **too large:** each step overshoots the bottom of the bowl. The cost then
#   bounces up and down, or even grows without end (diverges);
# * **too small:** every step is safe but tiny, so thousands of iterations go by
#   with the cost still high;
# * **well chosen:** the cost falls quickly and then levels off.
#
# The cell below trains your `model` with four rates, 1000 iterations each
# (about 15 seconds in all), prints the accuracies and draws the four cost curves
# on one plot. You can edit the list `learning_rates` to try your own values; keep
# it short, since each run takes a few seconds.

# %%
learning_rates = [0.05, 0.01, 0.001, 0.0001]
runs = {}
for lr in learning_rates:
    runs[lr] = model(train_set_x, train_set_y, test_set_x, test_set_y,
                     num_iterations=1000, learning_rate=lr)
    tr = 100 - np.mean(np.abs(runs[lr]["Y_prediction_train"] - train_set_y)) * 100
    te = 100 - np.mean(np.abs(runs[lr]["Y_prediction_test"] - test_set_y)) * 100
    print(f"learning rate {lr:<7g} costs at 0, 100, 200: {np.round(runs[lr]['costs'][:3], 3)}   "
          f"final cost {runs[lr]['costs'][-1]:.4f}   train {tr:5.1f} %   test {te:5.1f} %")

plot.plot_cost_comparison({f"{lr:g}": runs[lr]["costs"] for lr in learning_rates},
                          title="Cost for each learning rate (1000 iterations)")
plt.show()

# %% [markdown]
# What to notice:
#
# * **$\alpha = 0.05$ is on the large side.** After the first 100 iterations the
#   cost is *higher* than where it started ($\log 2 \approx 0.693$, the cost of
#   $w = 0, b = 0$): steps overshot the bottom of the bowl. Here it recovers and
#   then drops fast, but a rate a few times larger can keep bouncing or diverge.
#   A cost curve that goes up is the first thing to look for when training misbehaves.
# * **$\alpha = 0.0001$ is too small.** Every step is safe, but after 1000
#   iterations the cost has hardly moved from $0.693$. Its accuracies give it away:
#   they are what answering "non-cat" for every picture would score (about 66 % of
#   the training pictures and 34 % of the test pictures are non-cats). So far the
#   model has learned only which label is more common.
# * In between, $\alpha = 0.01$ falls quickly and smoothly and $\alpha = 0.001$ more
#   slowly.
# * The training cost measures how well gradient descent did its job, not how well
#   the model will do on new pictures: every rate that fits the training set well
#   still leaves a wide gap to its test accuracy. To choose between settings,
#   compare them on data the model was not trained on (Course 2 calls it a dev
#   set), never on the training cost alone.
#
# In practice, try rates spaced by a factor of about 3 to 10, keep one whose
# cost falls fast and steadily, and check it on held-out data.
#
# ## 7. Where the model goes wrong
#
# Here are the test pictures that the model trained in section 5 labels
# incorrectly, titled with the predicted label ("said") and the true one ("is").

# %% kind="locked"
wrong = d["Y_prediction_test"] != test_set_y
missed_cats = int(np.sum(wrong & (test_set_y == 1)))
false_cats = int(np.sum(wrong & (test_set_y == 0)))
print(f"{int(wrong.sum())} mistakes on {m_test} test pictures: "
      f"{missed_cats} cat(s) labelled non-cat, {false_cats} non-cat(s) labelled cat")
plot.show_misclassified(test_set_x_orig, test_set_y, d["Y_prediction_test"], classes)
plt.show()

# %% [markdown]
# Why are these hard for logistic regression? The model computes one weighted sum
# of the raw pixel values, $w^T x + b$. In effect $w$ is a single fixed **template**
# with one weight per pixel and colour, and a picture scores as a cat when it
# lines up with that template well. That design has no way to cope with:
#
# * **position and size:** the animal can sit anywhere in the frame and at any
#   size, but weight number $j$ always looks at the same pixel;
# * **colour and lighting:** a dark cat on a light background and a light cat on
#   a dark one push the same pixels in opposite directions;
# * **shape:** what tells a cat from a dog or a bear here is the shape of the ears
#   and eyes, a pattern among neighbouring pixels, and a sum of individual pixels
#   cannot express "pointed ears, wherever they are".
#
# Look also at which way the mistakes go. Only about a third of the *training*
# pictures are cats, so a model that has learned little beyond the template leans
# towards answering "non-cat"; on a test set that is two thirds cats, that lean
# costs a lot. The count above shows which kind of mistake dominates in your run.
#
# With only 209 examples the template also soaks up details of particular
# training pictures, which is the overfitting seen above. Deeper networks
# (Weeks 3 and 4) combine many templates through non-linear hidden units and do
# better on these same images; convolutional networks (Course 4) build in the idea
# that a pattern can appear anywhere in the picture.
#
# *(supplement)* You can look at the template itself: reshape the learned $w$ back
# into a 64×64×3 picture, rescaled so that its smallest weight is black and its
# largest white.

# %% kind="locked"
w_learned = d["w"].reshape(num_px, num_px, 3)
w_picture = (w_learned - w_learned.min()) / (w_learned.max() - w_learned.min())
plot.show_images(w_picture[None], titles=["w, rescaled to [0, 1]"],
                 title="The learned weights as a picture", size=3)
plt.show()

# %% [markdown]
# A ghostly, blurred cat face looks back: eyes, nose and whiskers at one fixed
# place near the middle of the frame, an average of the training cats. A cat whose
# face sits elsewhere, or is much larger or smaller, or has other colours, does
# not line up with this single template, and that is exactly the kind of picture
# in the gallery above.
#
# ## What you built
#
# * A full pipeline for a binary image classifier in plain numpy: load the
#   pictures, unroll each into a column of $n_x = 12288$ values and scale to $[0, 1]$.
# * Logistic regression as a one-neuron network: `initialize_with_zeros`,
#   `propagate` (forward pass $A = \sigma(w^T X + b)$, cross-entropy cost,
#   gradients $dw = \frac{1}{m} X\,dZ^T$ and $db = \frac{1}{m}\sum dZ$),
#   `optimize` (gradient descent), `predict` (threshold at 0.5), and `model`
#   tying them together, all vectorised over the examples.
# * Evidence of what the model can and cannot do: the cost curve, a large gap
#   between train and test accuracy (overfitting), the effect of the learning
#   rate, and a gallery of mistakes that a single linear template cannot avoid.
#
# The same forward / backward / update loop, with more layers, is the whole of
# the deep networks in the weeks to come.
