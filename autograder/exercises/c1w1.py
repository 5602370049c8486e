"""Course 1, Week 1: the introduction quiz.

The notebook is ``course1/week1/intro_quiz.ipynb``; the tests of these entries are
``autograder/tests/test_c1w1.py``. Week 1 is conceptual, so most exercises are
*answer* exercises: the student assigns a value (a dict of labels) and
``reference()`` returns the right one. The visible check only looks at the form
(a dict, the template's keys, every value one of the allowed labels) and says
precisely what is off; the hidden check compares the content. One small
function exercise, ``relu_price`` (the course's "tiniest neural network"), has
its vectorised reference here because Week 1 has no dlkit module.

Sources in the course notes (C1 Week 1): the housing and ad-click tables
(structured) against audio, images and text (unstructured); the application
table (standard NN, standard NN, CNN, RNN, RNN, hybrid); data, computation and
algorithms (sigmoid -> ReLU) as the drivers of scale; ``m`` = number of
training examples.
"""
from __future__ import annotations

from typing import Any, Optional

import numpy as np

from ..compare import describe
from ..registry import Case, Exercise, Mistake, register
from ._answers import label_dict_form

# ----------------------------------------------------------------- form checks


# ------------------------------------------- 1. structured vs unstructured data

DATA_ITEMS = {
    "housing table: size, bedrooms, price": "structured",
    "ad log: user age, ad id, clicked or not": "structured",
    "audio recording of a voice message": "unstructured",
    "photo of a cat": "unstructured",
    "text of a news article": "unstructured",
    "spreadsheet of hourly temperature-sensor readings": "structured",
    "scanned image of a handwritten letter": "unstructured",
    "bank table: account id, date, amount": "structured",
}
DATA_LABELS = ("structured", "unstructured")


def _data_with(**changes: str) -> dict:
    """The right answer with some items relabelled (keys given by a short alias)."""
    alias = {"sensor": "spreadsheet of hourly temperature-sensor readings",
             "letter": "scanned image of a handwritten letter",
             "text": "text of a news article",
             "bank": "bank table: account id, date, amount"}
    out = dict(DATA_ITEMS)
    for short, label in changes.items():
        out[alias[short]] = label
    return out


register(Exercise(
    id="c1w1.data_kind",
    reference=lambda: dict(DATA_ITEMS),
    fixed_cases=[],
    answer=True,
    outputs="data_kind",
    form_check=label_dict_form(list(DATA_ITEMS), DATA_LABELS, '"structured" or "unstructured"'),
    mistakes=[
        Mistake("all_structured", lambda: {k: "structured" for k in DATA_ITEMS},
                "audio, images and text are unstructured: their raw samples, pixels or words "
                "have no column that always means the same thing."),
        Mistake("sensor_unstructured", lambda: _data_with(sensor="unstructured"),
                "a spreadsheet of sensor readings is a table whose columns (time, temperature) each "
                "have a fixed meaning: that is structured data, however noisy the sensor."),
        Mistake("letter_structured", lambda: _data_with(letter="structured"),
                "a scan is an image, a grid of pixels, so it is unstructured even when the letter "
                "on it is neatly laid out."),
        Mistake("text_structured", lambda: _data_with(text="structured"),
                "free text is unstructured: a sentence has no fixed columns, only a sequence of words."),
        Mistake("bank_unstructured", lambda: _data_with(bank="unstructured"),
                "a table with named columns (account id, date, amount) is structured data, "
                "like the housing and ad tables of the lecture."),
    ],
))

# ---------------------------------------------- 2. which network per application

NETWORK_ITEMS = {
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
NETWORK_LABELS = ("standard", "CNN", "RNN", "hybrid")


def _networks_with(**changes: str) -> dict:
    alias = {"translate": "English sentence -> Hindi sentence",
             "driving": "camera image + radar -> positions of other cars",
             "digit": "photo of a handwritten digit -> digit 0-9",
             "speech": "audio clip -> text transcript"}
    out = dict(NETWORK_ITEMS)
    for short, label in changes.items():
        out[alias[short]] = label
    return out


register(Exercise(
    id="c1w1.network_type",
    reference=lambda: dict(NETWORK_ITEMS),
    fixed_cases=[],
    answer=True,
    outputs="network_type",
    form_check=label_dict_form(list(NETWORK_ITEMS), NETWORK_LABELS, "a network type"),
    mistakes=[
        Mistake("translation_hybrid", lambda: _networks_with(translate="hybrid"),
                "translation is a sequence in and a sequence out: the course uses a (more complex) "
                'RNN, so answer "RNN". "hybrid" is for mixing different kinds of input, such as an '
                "image with radar."),
        Mistake("driving_cnn", lambda: _networks_with(driving="CNN"),
                "the self-driving input mixes a camera image with radar readings; the course "
                'handles that with a custom, "hybrid" architecture, not a plain CNN.'),
        Mistake("digit_standard", lambda: _networks_with(digit="standard"),
                "a digit photo is an image, and images are the home ground of convolutional "
                'networks: answer "CNN".'),
        Mistake("speech_cnn", lambda: _networks_with(speech="CNN"),
                "audio is a sequence in time (and so is the transcript): the course uses an RNN for "
                "speech recognition."),
    ],
))

# ------------------------------------------------------------ 3. drivers of scale

SCALE_ITEMS = {
    "much more labelled data, collected by a digitised society": True,
    "faster computation: GPUs and faster CPUs": True,
    "better algorithms, e.g. ReLU in place of sigmoid": True,
    "neural networks were first invented in the 2010s": False,
    "on small training sets, bigger networks always win": False,
    "sigmoid units make gradient descent faster than ReLU units": False,
}
ALGORITHMS = "better algorithms, e.g. ReLU in place of sigmoid"
SMALL_DATA = "on small training sets, bigger networks always win"
INVENTED = "neural networks were first invented in the 2010s"


def _scale_with(**changes: bool) -> dict:
    alias = {"algorithms": ALGORITHMS, "small_data": SMALL_DATA, "invented": INVENTED}
    out = dict(SCALE_ITEMS)
    for short, value in changes.items():
        out[alias[short]] = value
    return out


register(Exercise(
    id="c1w1.scale_drivers",
    reference=lambda: dict(SCALE_ITEMS),
    fixed_cases=[],
    answer=True,
    outputs="scale_drivers",
    form_check=label_dict_form(list(SCALE_ITEMS), (True, False), "True or False"),
    mistakes=[
        Mistake("no_algorithms", lambda: _scale_with(algorithms=False),
                "algorithms count too: replacing sigmoid by ReLU removes the flat regions where the "
                "slope is almost zero, so gradient descent learns much faster."),
        Mistake("small_data", lambda: _scale_with(small_data=True),
                "with small training sets the ranking of methods is unclear (hand-engineered "
                "features often decide it); large networks pull ahead only when there is a lot of data."),
        Mistake("invented_recently", lambda: _scale_with(invented=True),
                "neural networks are decades old; what changed recently is the scale of data and "
                "computation, and better algorithms."),
        Mistake("all_true", lambda: {k: True for k in SCALE_ITEMS},
                "only three of the six statements are true: look again at the ones about small "
                "training sets, the 2010s and sigmoid."),
    ],
))

# ----------------------------------------------------- 4. m and n_x of the housing table

def _housing_form(value: Any) -> Optional[str]:
    """The form of ``housing_shapes``: a dict {"m": int, "n_x": int} of positive whole numbers."""
    if type(value) is not dict:
        return f"should be a dict with the keys 'm' and 'n_x', got {describe(value)}"
    if set(value) != {"m", "n_x"}:
        return f"should have exactly the keys 'm' and 'n_x', got the keys {sorted(map(str, value))}"
    for k in ("m", "n_x"):
        v = value[k]
        if v is None:
            return f"the value for {k!r} is still None: replace it with a whole number"
        if not isinstance(v, (int, np.integer)) or isinstance(v, (bool, np.bool_)):
            return f"the value for {k!r} should be a whole number (an int such as 7), got {describe(v)}"
        if v < 1:
            return f"the value for {k!r} is {int(v)}: a count of examples or features is at least 1"
    return None


register(Exercise(
    id="c1w1.housing_shapes",
    reference=lambda: {"m": 4, "n_x": 2},
    fixed_cases=[],
    answer=True,
    outputs="housing_shapes",
    form_check=_housing_form,
    mistakes=[
        Mistake("swapped", lambda: {"m": 2, "n_x": 4},
                "m counts the training examples (the rows of the table, the columns of X); "
                "n_x counts the input features of one example."),
        Mistake("price_as_feature", lambda: {"m": 4, "n_x": 3},
                "the price is the label y that the network predicts, not an input feature."),
        Mistake("columns_as_examples", lambda: {"m": 3, "n_x": 2},
                "m is the number of examples, one per house (row): count the rows, not the columns."),
    ],
))

# ------------------------------------------------- 5. the tiniest network: one ReLU neuron


def relu_price(size, w, b):
    """Predicted price of the course's one-neuron network: ``max(0, w * size + b)``.

    size -- a number or an array of any shape (house sizes in square feet)
    w, b -- numbers (weight and bias)
    Returns an array of the shape of ``size`` (a numpy float for a number): the
    predicted prices in $1000s, never negative.
    """
    return np.maximum(0.0, w * np.asarray(size, dtype=float) + b)


_SIZES = np.array([[2104.0, 1600.0, 2400.0, 3000.0]])  # the housing table of the course notes


def _random_relu_case(rng: np.random.Generator) -> Case:
    m = int(rng.integers(3, 9))
    size = rng.uniform(0, 3500, size=(1, m)).round()
    size[0, 0] = rng.uniform(0, 200)  # at least one house on the flat part of the ReLU
    w, b = float(rng.uniform(0.05, 0.3)), float(rng.uniform(-250, -20))
    return Case((size, w, b))


register(Exercise(
    id="c1w1.relu_price",
    reference=relu_price,
    outputs="price",
    fixed_cases=[
        Case((_SIZES, 0.2, -50.0), label="the course's four houses, w = 0.2, b = -50"),
        Case((np.array([[100.0, 250.0, 300.0, 1000.0]]), 0.2, -50.0),
             label="small houses, w = 0.2, b = -50 (the first two are on the flat part)"),
        Case((np.array([[500.0, 1500.0], [2500.0, 3500.0]]), 0.15, -100.0), label="a 2x2 array of sizes"),
    ],
    hidden_cases=[
        Case((_SIZES, 0.1, -250.0), label="the course's four houses, w = 0.1, b = -250"),
        Case((np.array([[0.0, 10.0, 5000.0]]), 0.3, -20.0), label="an empty lot and a mansion"),
    ],
    random_case=_random_relu_case,
    mistakes=[
        Mistake("no_relu", lambda size, w, b: w * size + b,
                "you left out the ReLU: the neuron outputs max(0, w * size + b), so a price is never negative."),
        Mistake("step", lambda size, w, b: (w * size + b > 0).astype(float),
                "you returned whether z = w * size + b is positive (a 0/1 step, the slope of the "
                "ReLU); the neuron outputs the value max(0, z) itself."),
        Mistake("minimum", lambda size, w, b: np.minimum(0.0, w * size + b),
                "ReLU keeps the larger of 0 and z: use np.maximum, not np.minimum."),
        Mistake("no_bias", lambda size, w, b: np.maximum(0.0, w * size),
                "you dropped the bias: z = w * size + b."),
    ],
))
