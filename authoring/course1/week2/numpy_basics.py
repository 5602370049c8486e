# %% [markdown]
# # Numpy basics for deep learning
#
# *Course 1, Week 2 — a warm-up before logistic regression.*
#
# Week 2 of the course turns logistic regression into array code. Before we
# build the model, this notebook practises the numpy habits it relies on:
#
# 1. the **sigmoid** $\sigma(z)$ and its derivative, written so they work on whole arrays;
# 2. **reshaping** an image into a column vector;
# 3. **broadcasting** (the calories example from the lecture) and the meaning of `axis`;
# 4. **normalising rows** and a row-wise **softmax**;
# 5. why **vectorisation** matters (a Python loop against `np.dot` on a million numbers);
# 6. the **L1** and **L2** losses.
#
# Each exercise is a function. In its cell, replace the lines `# YOUR CODE HERE`
# and `raise NotImplementedError()` with your code, run the cell, then run the
# test cell below it. A passing test prints a line starting with ✔; a failing one
# tells you which input went wrong and, for common slips, gives a hint.
#
# One rule for the whole notebook: **no Python loops over array entries** inside
# the exercises. numpy does the looping for you, in compiled code.

# %% kind="setup"
import time

import numpy as np
import matplotlib.pyplot as plt

from autograder import check

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. The sigmoid function
#
# Logistic regression squeezes a real number $z$ into the interval $(0, 1)$ with
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# A few landmarks: $\sigma(0) = 0.5$; for a large positive $z$ the term
# $e^{-z}$ vanishes and $\sigma(z) \to 1$; for a large negative $z$ it explodes
# and $\sigma(z) \to 0$.
#
# Python's `math.exp` only accepts a single number. `np.exp` accepts an array of
# any shape and exponentiates every entry, and so do `+`, `-`, `*`, `/` between an
# array and a number. So if `z` is an array, the formula above written with
# `np.exp` returns an array of the **same shape**, holding $\sigma$ of each entry.
#
# **Exercise.** Implement `sigmoid(z)` for a number or a numpy array `z` of any shape.

# %% id="sigmoid" kind="solution"
def sigmoid(z):
    """Compute the sigmoid of z, entry by entry.

    Arguments:
    z -- a number or a numpy array of any shape

    Returns:
    s -- sigma(z) = 1 / (1 + e^(-z)), same shape as z
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-z))
    ### END SOLUTION
    return s


# %% id="sigmoid_test" kind="test" points=1
check("c1w2.sigmoid", sigmoid)
### BEGIN HIDDEN TESTS
check("c1w2.sigmoid", sigmoid, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Your function on a few inputs. The first value should be exactly $\sigma(0) = 0.5$.

# %% kind="locked"
z = np.array([0.0, 1.0, 2.0, -3.0])
print("z        =", z)
print("sigma(z) =", sigmoid(z))

# %% [markdown]
# ## 2. The derivative of the sigmoid
#
# Backpropagation needs the slope of each activation. For the sigmoid the slope
# has a neat form in terms of the sigmoid itself: with $s = \sigma(x)$,
#
# $$\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2} = s\,(1 - s).$$
#
# (To see it, split $\frac{e^{-x}}{(1+e^{-x})^2}$ as
# $\frac{1}{1+e^{-x}} \cdot \frac{e^{-x}}{1+e^{-x}}$; the second factor is $1 - s$.)
# The slope is largest at $x = 0$, where $s = 0.5$ and $\sigma'(0) = 0.5 \times 0.5 = 0.25$,
# and it fades towards 0 on both sides: this is why a saturated sigmoid learns slowly.
#
# **Exercise.** Implement `sigmoid_derivative(x)`: compute `s` with your `sigmoid`,
# then `ds = s * (1 - s)`. The output has the shape of `x`.

# %% id="sigmoid_derivative" kind="solution"
def sigmoid_derivative(x):
    """Compute the slope of the sigmoid at x, entry by entry.

    Arguments:
    x -- a number or a numpy array of any shape

    Returns:
    ds -- sigma'(x) = sigma(x) * (1 - sigma(x)), same shape as x
    """
    ### BEGIN SOLUTION
    s = sigmoid(x)
    ds = s * (1 - s)
    ### END SOLUTION
    return ds


# %% id="sigmoid_derivative_test" kind="test" points=1
check("c1w2.sigmoid_derivative", sigmoid_derivative)
### BEGIN HIDDEN TESTS
check("c1w2.sigmoid_derivative", sigmoid_derivative, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Here are your two functions side by side. The curve of $\sigma'$ peaks at $0.25$
# above $x = 0$, exactly where $\sigma$ crosses $0.5$.

# %% kind="locked"
print("sigma(0)  =", sigmoid(np.array([0.0]))[0])
print("sigma'(0) =", sigmoid_derivative(np.array([0.0]))[0])

xs = np.linspace(-6, 6, 241)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(xs, sigmoid(xs), label=r"$\sigma(x)$")
ax.plot(xs, sigmoid_derivative(xs), label=r"$\sigma'(x) = \sigma(x)(1-\sigma(x))$")
ax.axhline(0.5, color="grey", lw=0.6, ls=":")
ax.axhline(0.25, color="grey", lw=0.6, ls=":")
ax.set_xlabel("x")
ax.set_ylabel("value")
ax.set_title("The sigmoid and its slope")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## 3. Shapes and reshaping: an image as a column
#
# Two attributes answer most "why doesn't this line work?" questions:
# `x.shape` (the size along each axis) and `x.reshape(...)` (the same numbers
# viewed with another shape; no data is copied, so it is cheap).
#
# A colour image is stored as a 3-D array of shape (length, height, depth), with
# depth 3 for the red, green and blue channels. A model such as logistic
# regression wants a single column of numbers per example, of shape
# $(\text{length} \cdot \text{height} \cdot \text{depth},\ 1)$. For the 64×64 pictures
# of the next notebook that is $64 \cdot 64 \cdot 3 = 12288$ rows.
#
# `reshape` reads the values in numpy's default order (the last axis changes
# fastest), so pixel $(0,0)$ gives its red, green and blue values first, then pixel
# $(0,1)$, and so on. Any fixed order would do for learning, as long as every
# image is unrolled the same way; using numpy's default keeps it consistent.
#
# **Exercise.** Implement `image2vector(image)`, returning a column of shape
# `(length*height*depth, 1)`. Read the three sizes from `image.shape` rather than
# hard-coding them.

# %% id="image2vector" kind="solution"
def image2vector(image):
    """Unroll an image into a single column.

    Arguments:
    image -- numpy array of shape (length, height, depth)

    Returns:
    v -- numpy array of shape (length*height*depth, 1)
    """
    ### BEGIN SOLUTION
    length, height, depth = image.shape
    v = image.reshape(length * height * depth, 1)
    ### END SOLUTION
    return v


# %% id="image2vector_test" kind="test" points=1
check("c1w2.image2vector", image2vector)
### BEGIN HIDDEN TESTS
check("c1w2.image2vector", image2vector, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# A tiny "image" of 2×2 pixels with 3 channels shows the order: the first three
# rows of the column are the three channels of the top-left pixel.

# %% kind="locked"
tiny = np.arange(12).reshape(2, 2, 3)
print("tiny.shape =", tiny.shape)
print("top-left pixel (R, G, B):", tiny[0, 0, :])
v = image2vector(tiny)
print("image2vector(tiny).shape =", v.shape)
print("first three entries:", v[:3, 0])

# %% [markdown]
# ## 4. Broadcasting and the `axis` argument
#
# ### The calories example
#
# The lecture's table gives the calories from carbohydrate, protein and fat in
# 100 g of four foods. As a matrix $A$ of shape (3, 4), rows are nutrients and
# columns are foods:
#
# | | Apples | Beef | Eggs | Potatoes |
# |---|---|---|---|---|
# | Carb | 56.0 | 0.0 | 4.4 | 68.0 |
# | Protein | 1.2 | 104.0 | 52.0 | 8.0 |
# | Fat | 1.8 | 135.0 | 99.0 | 0.9 |
#
# Question: what percentage of each food's calories comes from each nutrient?
# Two vectorised lines answer it, with no loop:
#
# 1. `cal = A.sum(axis=0)` adds **down each column** and gives the total per food, shape (4,);
# 2. `100 * A / cal.reshape(1, 4)` divides a (3, 4) matrix by a (1, 4) row.
#
# In step 2 numpy **broadcasts**: the (1, 4) row is stretched (conceptually copied
# 3 times, once per row of $A$) to (3, 4), then the division is done entry by entry.
# The `reshape(1, 4)` is not strictly needed here (a (4,) array would broadcast the
# same way) but it costs nothing and states the shape you mean.

# %% kind="locked"
A = np.array([[56.0, 0.0, 4.4, 68.0],
              [1.2, 104.0, 52.0, 8.0],
              [1.8, 135.0, 99.0, 0.9]])
cal = A.sum(axis=0)
print("calories per food (axis=0):", cal)
percentage = 100 * A / cal.reshape(1, 4)
print("percentage of calories (rows: carb, protein, fat; columns: apples, beef, eggs, potatoes):")
print(np.round(percentage, 1))
print(f"apples, share from carbohydrate: {percentage[0, 0]:.1f}%")

# %% [markdown]
# About 94.9% of an apple's calories come from carbohydrate, and beef has none.
#
# ### `axis=0` versus `axis=1`
#
# The `axis` you name is the one that **disappears**:
#
# * `axis=0` runs along the rows' index, i.e. it sums **vertically**, down each
#   column. A (3, 4) matrix gives 4 numbers: one per column (here: per food).
# * `axis=1` sums **horizontally**, along each row. A (3, 4) matrix gives 3 numbers:
#   one per row (here: the calories from each nutrient over the four foods).
#
# Add `keepdims=True` to keep the summed axis with length 1, giving (1, 4) or (3, 1):
# those shapes broadcast back against the (3, 4) matrix without any reshape.

# %% kind="locked"
print("A.sum(axis=0)               ->", A.sum(axis=0), " shape", A.sum(axis=0).shape)
print("A.sum(axis=1)               ->", A.sum(axis=1), " shape", A.sum(axis=1).shape)
print("A.sum(axis=0, keepdims=True) shape", A.sum(axis=0, keepdims=True).shape)
print("A.sum(axis=1, keepdims=True) shape", A.sum(axis=1, keepdims=True).shape)

# %% [markdown]
# ### The general rule
#
# Combine an $(m, n)$ matrix with `+ - * /` and
#
# * a $(1, n)$ row: the row is copied $m$ times, down the matrix, to $(m, n)$;
# * an $(m, 1)$ column: the column is copied $n$ times, across the matrix, to $(m, n)$;
# * a single number: it is copied everywhere.
#
# The same works for vectors: a column $(m, 1)$ plus a number gives a column.
# The cell below checks each case. Look at the rows and columns: in the
# $(m, n) + (1, n)$ case each **column** gets its own offset (100, 200, 300), and in
# the $(m, n) + (m, 1)$ case each **row** gets its own offset (100, 200).

# %% kind="locked"
col = np.array([[1], [2], [3], [4]])
print("(4, 1) + 100:\n", col + 100)
print("(3,) + 100:", np.array([1, 2, 3]) + 100)

M = np.array([[1, 2, 3],
              [4, 5, 6]])
row_offsets = np.array([[100, 200, 300]])      # shape (1, 3)
col_offsets = np.array([[100], [200]])         # shape (2, 1)
print("(2, 3) + (1, 3):\n", M + row_offsets)
print("(2, 3) + (2, 1):\n", M + col_offsets)

# %% [markdown]
# You will lean on broadcasting all through the course: adding the bias $b$ to
# $w^T X$, dividing by norms, normalising inputs. The next two exercises use it.
#
# ## 5. Normalising rows
#
# A common preprocessing step rescales each row of a matrix to length 1 (unit
# Euclidean norm). For $x$ of shape $(n, d)$, the norm of row $i$ is
#
# $$\|x_i\| = \sqrt{\sum_{j} x_{ij}^2},$$
#
# and the normalised matrix has entries $x_{ij} / \|x_i\|$. For example, with
#
# $$x = \begin{bmatrix} 0 & 3 & 4 \\ 1 & 6 & 4 \end{bmatrix},\quad
# \|x\|_{\text{rows}} = \begin{bmatrix} 5 \\ \sqrt{53} \end{bmatrix},\quad
# \text{result} = \begin{bmatrix} 0 & 0.6 & 0.8 \\ 0.137 & 0.824 & 0.549 \end{bmatrix}.$$
#
# `np.linalg.norm(x, axis=1, keepdims=True)` computes all the row norms at once,
# as an $(n, 1)$ column; dividing the $(n, d)$ matrix by it is exactly the
# $(m, n) / (m, 1)$ broadcast from above.
#
# **Exercise.** Implement `normalize_rows(x)`.

# %% id="normalize_rows" kind="solution"
def normalize_rows(x):
    """Scale each row of x to unit Euclidean length.

    Arguments:
    x -- numpy array of shape (n, d)

    Returns:
    x_normalized -- numpy array of shape (n, d), each row divided by its norm
    """
    ### BEGIN SOLUTION
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)   # shape (n, 1)
    x_normalized = x / x_norm
    ### END SOLUTION
    return x_normalized


# %% id="normalize_rows_test" kind="test" points=1
check("c1w2.normalize_rows", normalize_rows)
### BEGIN HIDDEN TESTS
check("c1w2.normalize_rows", normalize_rows, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
x = np.array([[0.0, 3.0, 4.0],
              [1.0, 6.0, 4.0]])
xn = normalize_rows(x)
print("normalize_rows(x) =\n", np.round(xn, 3))
print("row lengths after:", np.linalg.norm(xn, axis=1))

# %% [markdown]
# ## 6. Softmax, one example per row
#
# Softmax turns a vector of scores into probabilities: exponentiate every score,
# then divide by the total so the entries sum to 1. For a row $x = (x_1, \dots, x_n)$,
#
# $$\text{softmax}(x)_j = \frac{e^{x_j}}{\sum_{k=1}^{n} e^{x_k}}.$$
#
# For instance $\text{softmax}([5, 2, -1, 3]) \approx [0.842, 0.042, 0.002, 0.114]$:
# the largest score takes most of the mass, but every entry stays positive.
#
# **Layout warning.** In this exercise the input is a matrix of shape $(m, n)$ in
# which **each row is one example**. So the sum runs along each row, `axis=1`, with
# `keepdims=True` to get an $(m, 1)$ column that broadcasts back over the row.
# (This row layout is a one-off: from Course 2 on, softmax layers use the
# course's usual layout with one example per *column*, and the sum is over `axis=0`.)
#
# *(supplement)* $e^{x}$ overflows for $x$ above about 709. Subtracting each row's
# largest entry before exponentiating changes nothing in the result (the factor
# $e^{-\max}$ appears on top and bottom and cancels) but keeps every exponent
# $\le 0$. It is a good habit; the tests accept either version.
#
# **Exercise.** Implement `softmax(x)` for an $(m, n)$ matrix.

# %% id="softmax" kind="solution"
def softmax(x):
    """Row-wise softmax.

    Arguments:
    x -- numpy array of shape (m, n): one example of n scores per row

    Returns:
    s -- numpy array of shape (m, n): each row holds probabilities summing to 1
    """
    ### BEGIN SOLUTION
    x_shifted = x - np.max(x, axis=1, keepdims=True)         # (m, n), for stability
    x_exp = np.exp(x_shifted)                                # (m, n)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)             # (m, 1)
    s = x_exp / x_sum                                        # (m, n) / (m, 1) broadcast
    ### END SOLUTION
    return s


# %% id="softmax_test" kind="test" points=1
check("c1w2.softmax", softmax)
### BEGIN HIDDEN TESTS
check("c1w2.softmax", softmax, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
scores = np.array([[5.0, 2.0, -1.0, 3.0]])
probs = softmax(scores)
print("softmax([5, 2, -1, 3]) =", np.round(probs, 3))
print("sum of the row:", probs.sum(axis=1))

two = np.array([[9.0, 2.0, 5.0, 0.0, 0.0],
                [7.0, 5.0, 0.0, 0.0, 0.0]])
print("two examples, one per row; each row sums to", softmax(two).sum(axis=1))

# %% [markdown]
# ## 7. Why vectorise? A Python loop against `np.dot`
#
# The lecture timed the dot product of two random vectors of a million entries.
# A Python `for` loop handles one pair of numbers per iteration, with all the
# interpreter overhead that implies. `np.dot` hands the whole job to compiled code
# that uses the CPU's vector (SIMD) instructions. The lecture saw about 474 ms for
# the loop against 1.5 ms for `np.dot`, roughly **300×**; your numbers depend on the
# machine.
#
# Both results should be about $250\,000$: each product of two uniform numbers on
# $[0, 1)$ has mean $\tfrac12 \cdot \tfrac12 = \tfrac14$, and there are $10^6$ of them.
#
# The vectorised version is so fast that a single run is hard to time; the cell
# takes the best of 20 runs.

# %% kind="locked"
rng = np.random.default_rng(1)
n = 1_000_000
a = rng.random(n)
b = rng.random(n)

tic = time.perf_counter()
c_loop = 0.0
for i in range(n):
    c_loop += a[i] * b[i]
loop_seconds = time.perf_counter() - tic

vec_runs = []
for _ in range(20):
    tic = time.perf_counter()
    c_vec = np.dot(a, b)
    vec_runs.append(time.perf_counter() - tic)
vec_seconds = min(vec_runs)

print(f"for loop : c = {c_loop:.6f}   time {1000 * loop_seconds:8.2f} ms")
print(f"np.dot   : c = {c_vec:.6f}   time {1000 * vec_seconds:8.3f} ms")
print(f"speed-up : about {loop_seconds / vec_seconds:.0f}x "
      "(the lecture saw ~300x; yours depends on the machine)")

# %% [markdown]
# The two results may differ in the last few digits: the loop adds the products
# one at a time, `np.dot` adds them in blocks, and floating-point addition is not
# exactly associative. The cell below checks that they agree to a relative
# $10^{-6}$ and that the vectorised version won.

# %% kind="locked"
assert abs(c_loop - c_vec) <= 1e-6 * abs(c_vec), (c_loop, c_vec)
assert vec_seconds < loop_seconds, (vec_seconds, loop_seconds)
print("Both ways give the same dot product, and np.dot is faster.")

# %% [markdown]
# Besides `np.dot`, numpy has a vectorised version of nearly every elementwise
# operation: `np.exp(v)`, `np.log(v)`, `np.abs(v)`, `np.maximum(v, 0)`, `v ** 2`,
# `1 / v`. The last two exercises are written with them.
#
# ## 8. The L1 and L2 losses
#
# A loss measures how far the predictions $\hat{y}$ are from the labels $y$. Two
# simple ones, for vectors of $m$ entries:
#
# $$L_1(\hat{y}, y) = \sum_{i=1}^{m} \left| y^{(i)} - \hat{y}^{(i)} \right|,
# \qquad
# L_2(\hat{y}, y) = \sum_{i=1}^{m} \left( y^{(i)} - \hat{y}^{(i)} \right)^2.$$
#
# Worked example: with $\hat{y} = [0.9, 0.2, 0.1, 0.4, 0.9]$ and $y = [1, 0, 0, 1, 1]$
# the differences are $[0.1, -0.2, -0.1, 0.6, 0.1]$, so
#
# * $L_1 = 0.1 + 0.2 + 0.1 + 0.6 + 0.1 = 1.1$,
# * $L_2 = 0.01 + 0.04 + 0.01 + 0.36 + 0.01 = 0.43$.
#
# Both losses return a single number. (Logistic regression will use a third loss,
# the cross-entropy, in the next notebook.)
#
# **Exercise.** Implement `L1(yhat, y)` with `np.abs` and `np.sum`.

# %% id="L1" kind="solution"
def L1(yhat, y):
    """L1 loss: the sum of absolute differences.

    Arguments:
    yhat -- numpy array of predictions, shape (m,)
    y -- numpy array of true labels, same shape as yhat

    Returns:
    loss -- the value of the L1 loss (a number)
    """
    ### BEGIN SOLUTION
    loss = np.sum(np.abs(y - yhat))
    ### END SOLUTION
    return loss


# %% id="L1_test" kind="test" points=1
check("c1w2.L1", L1)
### BEGIN HIDDEN TESTS
check("c1w2.L1", L1, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# **Exercise.** Implement `L2(yhat, y)`. Squaring each difference and summing works;
# so does `np.dot(d, d)` for the difference vector `d`, the inner product of a
# vector with itself.

# %% id="L2" kind="solution"
def L2(yhat, y):
    """L2 loss: the sum of squared differences.

    Arguments:
    yhat -- numpy array of predictions, shape (m,)
    y -- numpy array of true labels, same shape as yhat

    Returns:
    loss -- the value of the L2 loss (a number)
    """
    ### BEGIN SOLUTION
    d = y - yhat
    loss = np.sum(d ** 2)
    ### END SOLUTION
    return loss


# %% id="L2_test" kind="test" points=1
check("c1w2.L2", L2)
### BEGIN HIDDEN TESTS
check("c1w2.L2", L2, hidden=True)
### END HIDDEN TESTS

# %% kind="locked"
yhat = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
y = np.array([1, 0, 0, 1, 1])
print(f"L1 = {L1(yhat, y):.4f}   (expected 1.1)")
print(f"L2 = {L2(yhat, y):.4f}   (expected 0.43)")

# %% [markdown]
# ## What you practised
#
# * `np.exp`, `np.abs`, `**` and friends act on every entry of an array, so
#   `sigmoid`, `sigmoid_derivative`, `L1` and `L2` work on arrays of any size with
#   no loop.
# * `reshape` changes the view of the data, not the data: an image of shape
#   (length, height, depth) becomes one column, as every example will in logistic regression.
# * Broadcasting stretches a $(1, n)$ row or an $(m, 1)$ column to match an
#   $(m, n)$ matrix; `axis` names the direction that is summed away, and
#   `keepdims=True` keeps the result ready to broadcast back.
# * A vectorised dot product is hundreds of times faster than a Python loop.
#
# Next: `logistic_regression.ipynb`, where these pieces become a classifier for
# 64×64 colour images.
