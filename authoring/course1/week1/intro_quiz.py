# %% [markdown]
# # What is a neural network? A Week 1 quiz
#
# *Course 1, Week 1: the introduction, as five short auto-graded questions.*
#
# Week 1 of the course has no heavy maths. It answers three questions: what a
# neural network computes, which kind of network suits which kind of data, and why
# deep learning took off when it did. This notebook turns those ideas into five
# small exercises:
#
# 1. the **tiniest neural network**: one ReLU neuron that predicts a house price;
# 2. **examples and features**: what $m$ and $n_x$ are for a small table;
# 3. **structured or unstructured** data;
# 4. **which network** (standard, CNN, RNN or hybrid) for each application;
# 5. what **drives the scale** of deep learning.
#
# How the answers work: most exercises ask you to fill in a Python dict. Its
# keys are given; replace each `None` with your answer, then delete the two lines
# `# YOUR CODE HERE` and `raise NotImplementedError()` below it and run the cell.
# The test cell under it checks the **form** of your answer straight away (a dict,
# the right keys, every value one of the allowed labels) and tells you what is
# off. Whether the answers are **right** is decided when the notebook is graded,
# so think before you write!

# %% kind="setup"
import numpy as np
import matplotlib.pyplot as plt

from autograder import check

np.random.seed(1)
# %matplotlib inline

# %% [markdown]
# ## 1. The tiniest neural network
#
# The course's first example predicts the price of a house from its size. Here
# are the four houses of the lecture (sizes in square feet, prices in \$1000s):
#
# | size (feet²) | bedrooms | price (\$1000s) |
# |---:|---:|---:|
# | 2104 | 3 | 400 |
# | 1600 | 3 | 330 |
# | 2400 | 3 | 369 |
# | 3000 | 4 | 540 |
#
# A straight line through such points would predict a *negative* price for a
# very small house, which makes no sense. So the line is bent at zero: the
# prediction is
#
# $$\hat{y} = \max(0,\ w \cdot \text{size} + b),$$
#
# a weighted input $z = w \cdot \text{size} + b$ followed by the function
# $\text{ReLU}(z) = \max(0, z)$ ("rectified linear unit"). One such unit is a
# **neuron**, and this one-neuron network is the smallest neural network there is.
# Bigger networks stack many of them: in the lecture, four inputs (size,
# bedrooms, zip code, wealth) feed three hidden units (think family size,
# walkability, school quality), which feed the price. Every hidden unit receives
# all four inputs, and the network works out for itself what each unit should
# compute.
#
# **Exercise.** Implement `relu_price(size, w, b)`. `size` may be a single number
# or a numpy array of any shape, e.g. a row of shape $(1, m)$ holding $m$ houses;
# return an array of the same shape with one predicted price per house. Use
# `np.maximum` (it works entry by entry); Python's built-in `max` does not work on
# arrays.

# %% id="relu_price" kind="solution"
def relu_price(size, w, b):
    """Price predicted by a single ReLU neuron.

    Arguments:
    size -- a number or a numpy array of any shape (house sizes)
    w -- the weight, a number
    b -- the bias, a number

    Returns:
    price -- max(0, w * size + b), entry by entry, same shape as size
    """
    ### BEGIN SOLUTION
    price = np.maximum(0, w * size + b)
    ### END SOLUTION
    return price


# %% id="relu_price_test" kind="test" points=2
check("c1w1.relu_price", relu_price)
### BEGIN HIDDEN TESTS
check("c1w1.relu_price", relu_price, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Your neuron with a hand-picked $w = 0.2$ and $b = -50$ (next week, gradient
# descent will choose $w$ and $b$ for us). The curve is flat at zero up to
# 250 square feet, where $z$ turns positive, and a straight line after that. The
# four houses of the table are plotted as dots.

# %% kind="locked"
sizes = np.array([[2104.0, 1600.0, 2400.0, 3000.0]])
prices = np.array([[400.0, 330.0, 369.0, 540.0]])
predicted = relu_price(sizes, 0.2, -50.0)
for s, p, q in zip(sizes[0], prices[0], predicted[0]):
    print(f"size {s:6.0f} feet²: price {p:5.0f}, predicted {q:6.1f} (in $1000s)")

grid = np.linspace(0, 3500, 351)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(grid, relu_price(grid, 0.2, -50.0), label=r"$\hat y = \max(0,\ 0.2\,\mathrm{size} - 50)$")
ax.scatter(sizes[0], prices[0], color="C3", zorder=3, label="the four houses")
ax.set_xlabel("size (square feet)")
ax.set_ylabel(r"price (\$1000s)")
ax.set_title("The tiniest neural network: one ReLU neuron")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## 2. Examples and features: $m$ and $n_x$
#
# The course names the sizes of a data set with two letters. Each row of the
# table above is one **training example** $(x, y)$: the inputs $x$ of one house
# and its price $y$, the **label** the network learns to predict. The number of
# training examples is $m$. The number of input **features** of one example is
# $n_x$, the length of the vector $x$. From next week on, the examples are stacked
# as the *columns* of a matrix $X$ of shape $(n_x, m)$, and the labels as a row
# $Y$ of shape $(1, m)$.
#
# **Exercise.** Take the housing table with both size and bedrooms as inputs.
# What are $m$ and $n_x$? Answer with whole numbers.

# %% id="housing_shapes" kind="solution"
housing_shapes = {
    "m": None,
    "n_x": None,
}
### BEGIN SOLUTION
housing_shapes = {
    "m": 4,
    "n_x": 2,
}
### END SOLUTION

# %% id="housing_shapes_test" kind="test" points=1
check("c1w1.housing_shapes", housing_shapes)
### BEGIN HIDDEN TESTS
check("c1w1.housing_shapes", housing_shapes, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 3. Structured or unstructured?
#
# Neural networks have been useful for two broad kinds of data.
#
# * **Structured** data lives in tables (databases, spreadsheets) where every
#   column has a fixed, well-defined meaning: the size of a house, the age of a
#   user, the id of an advert. The lecture's second table is of this kind:
#
#   | age | ad id | clicked? |
#   |---:|---:|---:|
#   | 41 | 93242 | 1 |
#   | 80 | 93287 | 0 |
#   | 18 | 87312 | 1 |
#   | 27 | 71244 | 1 |
#
# * **Unstructured** data is raw audio, images and text. Its building blocks (an
#   audio sample, a pixel value, a word) mean nothing on their own; what matters
#   is the pattern they form. Computers long found this kind of data much harder
#   than people do, and it is where deep learning caused the most visible jumps.
#
# Much of the money earned with neural networks still comes from structured data
# (advertising, recommendations, predictions from company databases).
#
# **Exercise.** Label each item `"structured"` or `"unstructured"`.

# %% id="data_kind" kind="solution"
data_kind = {
    "housing table: size, bedrooms, price": None,
    "ad log: user age, ad id, clicked or not": None,
    "audio recording of a voice message": None,
    "photo of a cat": None,
    "text of a news article": None,
    "spreadsheet of hourly temperature-sensor readings": None,
    "scanned image of a handwritten letter": None,
    "bank table: account id, date, amount": None,
}
### BEGIN SOLUTION
data_kind = {
    "housing table: size, bedrooms, price": "structured",
    "ad log: user age, ad id, clicked or not": "structured",
    "audio recording of a voice message": "unstructured",
    "photo of a cat": "unstructured",
    "text of a news article": "unstructured",
    "spreadsheet of hourly temperature-sensor readings": "structured",
    "scanned image of a handwritten letter": "unstructured",
    "bank table: account id, date, amount": "structured",
}
### END SOLUTION

# %% id="data_kind_test" kind="test" points=2
check("c1w1.data_kind", data_kind)
### BEGIN HIDDEN TESTS
check("c1w1.data_kind", data_kind, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## 4. Which network for which job?
#
# Most of the value of neural networks so far comes from **supervised learning**:
# learning a mapping from an input $x$ to an output $y$ from many examples of
# pairs $(x, y)$. The course sorts the networks used for it into a few families:
#
# * a **standard** neural network (layers of units like the one in part 1) for
#   inputs that are a fixed list of numbers, such as the columns of a table;
# * a **convolutional** network (**CNN**, Course 4) for images, where the same
#   small pattern detector is slid over the whole picture;
# * a **recurrent** network (**RNN**, Course 5) for sequences that unfold in
#   time, such as audio or a sentence, read one step after the other (a
#   translation system uses a more elaborate RNN, but still an RNN);
# * a **hybrid**, custom architecture when one input combines very different
#   kinds of data, such as a camera image together with radar readings.
#
# **Exercise.** For each application (input $\to$ output), choose `"standard"`,
# `"CNN"`, `"RNN"` or `"hybrid"`, spelled exactly like that.

# %% id="network_type" kind="solution"
network_type = {
    "home features -> price": None,
    "ad + user info -> will the user click?": None,
    "image -> object category (one of thousands)": None,
    "audio clip -> text transcript": None,
    "English sentence -> Hindi sentence": None,
    "camera image + radar -> positions of other cars": None,
    "photo of a handwritten digit -> digit 0-9": None,
    "loan application fields -> will the loan be repaid?": None,
    "audio stream -> was the wake word just said?": None,
}
### BEGIN SOLUTION
network_type = {
    "home features -> price": "standard",
    "ad + user info -> will the user click?": "standard",
    "image -> object category (one of thousands)": "CNN",
    "audio clip -> text transcript": "RNN",
    "English sentence -> Hindi sentence": "RNN",
    "camera image + radar -> positions of other cars": "hybrid",
    "photo of a handwritten digit -> digit 0-9": "CNN",
    "loan application fields -> will the loan be repaid?": "standard",
    "audio stream -> was the wake word just said?": "RNN",
}
### END SOLUTION

# %% id="network_type_test" kind="test" points=2
check("c1w1.network_type", network_type)
### BEGIN HIDDEN TESTS
check("c1w1.network_type", network_type, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# Your answers as a table of applications. The first six rows are the lecture's
# own examples (online advertising, photo tagging, speech recognition, machine
# translation, autonomous driving); the last three are new.

# %% kind="locked"
print(f"{'input -> output':<54}network")
print("-" * 62)
for application, network in network_type.items():
    print(f"{application:<54}{network}")

# %% [markdown]
# ## 5. Why is deep learning taking off now?
#
# Neural networks are not new. The lecture explains their recent success with a
# plot of performance against the amount of labelled data: traditional learning
# algorithms (such as logistic regression or support vector machines) improve for
# a while and then level off, while larger and larger neural networks keep
# improving as the data grows. Three things moved the field:
#
# * **data**: a digitised society (phones, web sites, sensors) produces far more
#   labelled examples than before;
# * **computation**: GPUs and faster CPUs make it possible to train big networks
#   on all that data. Speed matters twice, because progress comes from a loop of
#   *idea → code → experiment*, and a faster experiment means more turns of the loop;
# * **algorithms**: many new ideas aim at making networks train faster. The
#   lecture's example is switching the activation from the sigmoid to the ReLU:
#   the sigmoid is almost flat for large $|z|$, so its slope is close to zero there
#   and gradient descent crawls, while the ReLU has slope 1 for every positive $z$.
#
# With *small* training sets the picture is different: there, the order of the
# methods is not clear, and skill at hand-engineering features often decides
# which one wins. The large-network advantage shows up in the regime of big data
# ($m$ large).
#
# **Exercise.** Mark each statement `True` (it is one of the drivers, or it is
# correct) or `False`. Write the Python values `True` and `False`, without quotes.

# %% id="scale_drivers" kind="solution"
scale_drivers = {
    "much more labelled data, collected by a digitised society": None,
    "faster computation: GPUs and faster CPUs": None,
    "better algorithms, e.g. ReLU in place of sigmoid": None,
    "neural networks were first invented in the 2010s": None,
    "on small training sets, bigger networks always win": None,
    "sigmoid units make gradient descent faster than ReLU units": None,
}
### BEGIN SOLUTION
scale_drivers = {
    "much more labelled data, collected by a digitised society": True,
    "faster computation: GPUs and faster CPUs": True,
    "better algorithms, e.g. ReLU in place of sigmoid": True,
    "neural networks were first invented in the 2010s": False,
    "on small training sets, bigger networks always win": False,
    "sigmoid units make gradient descent faster than ReLU units": False,
}
### END SOLUTION

# %% id="scale_drivers_test" kind="test" points=1
check("c1w1.scale_drivers", scale_drivers)
### BEGIN HIDDEN TESTS
check("c1w1.scale_drivers", scale_drivers, hidden=True)
### END HIDDEN TESTS

# %% [markdown]
# ## What you practised
#
# * A neuron computes $z = w x + b$ and passes it through an activation; with the
#   ReLU, $\max(0, z)$, one neuron already predicts a price that is never
#   negative. Networks are many such neurons, stacked in layers.
# * $m$ counts the training examples and $n_x$ the input features of one example.
# * Tables with meaningful columns are structured data; audio, images and text
#   are unstructured.
# * Standard networks suit tables, CNNs images, RNNs sequences such as audio and
#   sentences, and mixed inputs call for hybrid architectures.
# * Deep learning grew with data, computation and algorithms, and it pays off
#   most when the training set is large.
#
# Next: Week 2, `numpy_basics.ipynb` and `logistic_regression.ipynb`, where
# gradient descent learns $w$ and $b$ from data.
