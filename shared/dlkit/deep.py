"""Course 1 Week 4: a deep L-layer network, [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

Notation: ``layer_dims = [n^[0], n^[1], ..., n^[L]]`` lists the layer sizes,
n^[0] = n_x being the number of input features. X is (n_x, m) with one example
per column, Y is (1, m) with labels 0/1. Parameters live in a dict:

    parameters["W" + str(l)]   (n^[l], n^[l-1])      l = 1 .. L
    parameters["b" + str(l)]   (n^[l], 1)

Gradients use the course's keys (``L_model_backward``):

    grads["dA" + str(l)]  (n^[l], m)   l = 0 .. L-1   (per-example derivatives, no 1/m)
    grads["dW" + str(l)]  like W^[l],  grads["db" + str(l)] like b^[l],  l = 1 .. L

Initialisation (documented choice). The course seeds numpy inside the
initialisers, so that every student starts from the same numbers:

* ``initialize_parameters(n_x, n_h, n_y)``: seed 1, W = randn * 0.01 (two layers);
* ``initialize_parameters_deep(layer_dims)``: seed 3, W = randn * 0.01, the
  step-by-step exercise;
* ``initialize_parameters_deep(layer_dims, scale="1/sqrt(n_prev)", seed=1)``:
  W^[l] = randn / sqrt(n^[l-1]), the initialisation the course's application
  uses for its 4-layer net. Weights of 0.01 shrink the signal by a factor of
  about 0.01 * sqrt(n^[l-1]) per layer, so a deep net starts with vanishing
  activations and gradients and barely trains; dividing by sqrt(n^[l-1]) keeps
  the variance of Z^[l] close to that of A^[l-1]. ``L_layer_model`` uses it.

The seeds are applied through a private ``np.random.RandomState``: the numbers
equal those of ``np.random.seed(s)`` followed by ``np.random.randn`` calls, but
the global random state is left alone.

``predict`` keeps the course's signature ``predict(X, y, parameters)``; it
returns the 0/1 predictions (1, m) and prints the accuracy when ``y`` is given.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, expect_int, expect_layout, expect_shape
from .layers.activations import relu_backward_core, relu_core, relu_forward, sigmoid_core, sigmoid_forward
from .layers.dense import (
    linear_activation_backward, linear_backward, linear_backward_course1_core, linear_forward, linear_forward_core,
)
from .layers.losses import binary_cross_entropy, binary_cross_entropy_core
from .threads import training_threads

__all__ = [
    "initialize_parameters", "initialize_parameters_deep", "L_model_forward", "compute_cost",
    "L_model_backward", "update_parameters", "two_layer_model", "L_layer_model", "predict",
    "count_parameters", "training_steps", "gradient_step_core",
]

SCALED = "1/sqrt(n_prev)"


def _positive_int(name, value):
    return expect_int(name, value, min=1, what="a number of units")


def initialize_parameters(n_x: int, n_h: int, n_y: int) -> dict:
    """Parameters of a 2-layer net: W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1).

    n_x, n_h, n_y (positive ints) -> parameters {W1, b1, W2, b2}.
    Raises ValueError for a size that is not a positive integer.

    Weights are ``randn * 0.01`` after seed 1, biases zero.

    The notes' shape test (n^[0] = 3, 4 hidden units, 1 output):

    >>> {k: v.shape for k, v in initialize_parameters(3, 4, 1).items()}
    {'W1': (4, 3), 'b1': (4, 1), 'W2': (1, 4), 'b2': (1, 1)}
    """
    n_x, n_h, n_y = (_positive_int(k, v) for k, v in (("n_x", n_x), ("n_h", n_h), ("n_y", n_y)))
    rng = np.random.RandomState(1)
    W1 = rng.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = rng.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims, *, scale: float | str = 0.01, seed: int = 3) -> dict:
    """Parameters W1, b1, ..., WL, bL for ``layer_dims = [n^[0], ..., n^[L]]`` (L >= 1).

    layer_dims [n^[0], ..., n^[L]] -> parameters {W1, b1, ..., WL, bL}.
    Raises ValueError for a size that is not a positive integer.

    W^[l] (n^[l], n^[l-1]) is ``randn * scale``, or ``randn / sqrt(n^[l-1])``
    when ``scale="1/sqrt(n_prev)"``; b^[l] (n^[l], 1) is zero. The draws follow
    ``np.random.seed(seed)``, layer by layer (defaults: the course's seed 3 and 0.01).

    The notes' worked example, L = 5 with n = [2, 3, 5, 4, 2, 1] (66 parameters):

    >>> p = initialize_parameters_deep([2, 3, 5, 4, 2, 1])
    >>> [p[f"W{l}"].shape for l in range(1, 6)], count_parameters([2, 3, 5, 4, 2, 1])
    ([(3, 2), (5, 3), (4, 5), (2, 4), (1, 2)], 66)
    """
    if isinstance(layer_dims, np.ndarray):
        layer_dims = layer_dims.tolist()
    if not isinstance(layer_dims, (list, tuple)) or len(layer_dims) < 2:
        raise ValueError(f"`layer_dims` must be a list [n_x, n_1, ..., n_L] of at least 2 sizes, got {layer_dims!r}")
    dims = [_positive_int(f"layer_dims[{i}]", n) for i, n in enumerate(layer_dims)]
    if isinstance(scale, str):
        if scale != SCALED:
            raise ValueError(f"`scale` must be a number or {SCALED!r}, got {scale!r}")
    elif not np.isfinite(scale) or scale <= 0:
        raise ValueError(f"`scale` must be a positive number or {SCALED!r}, got {scale!r}")
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(dims)):
        W = rng.randn(dims[l], dims[l - 1])
        parameters[f"W{l}"] = W / np.sqrt(dims[l - 1]) if scale == SCALED else W * scale
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def count_parameters(layer_dims) -> int:
    """Number of weights and biases of a dense net: sum over l of n^[l] n^[l-1] + n^[l]."""
    dims = [_positive_int(f"layer_dims[{i}]", n) for i, n in enumerate(layer_dims)]
    return int(sum(n * p + n for p, n in zip(dims[:-1], dims[1:])))


def _num_layers(parameters) -> int:
    if not isinstance(parameters, dict) or not parameters:
        raise ValueError("`parameters` must be a dict {'W1': ..., 'b1': ..., ..., 'WL': ..., 'bL': ...}")
    L = len(parameters) // 2
    expected = {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}
    if set(parameters) != expected or len(parameters) != 2 * L:
        raise ValueError(f"`parameters` must hold exactly W1, b1, ..., W{L}, b{L}; got keys {sorted(parameters)}")
    return L


# Two kernel sets for one pass: the checked kernels for the public functions,
# the cores for the training loops (whose inputs are checked once, up front).
_CHECKED = {"linear": linear_forward, "relu": relu_forward, "sigmoid": sigmoid_forward,
            "linear_backward": linear_backward,
            "relu_layer_backward": lambda dA, cache: linear_activation_backward(dA, cache, "relu")}
_CORES = {"linear": lambda A, W, b: (linear_forward_core(A, W, b), (A, W, b)),
          "relu": lambda Z: (relu_core(Z), Z), "sigmoid": lambda Z: (sigmoid_core(Z), Z),
          "linear_backward": lambda dZ, cache: linear_backward_course1_core(dZ, cache[0], cache[1]),
          "relu_layer_backward": lambda dA, cache: linear_backward_course1_core(
              relu_backward_core(dA, cache[1]), cache[0][0], cache[0][1])}


def _forward(X, parameters, L, kernels):
    A, caches = X, []
    for l in range(1, L + 1):
        Z, linear_cache = kernels["linear"](A, parameters[f"W{l}"], parameters[f"b{l}"])
        A, activation_cache = kernels["sigmoid" if l == L else "relu"](Z)
        caches.append((linear_cache, activation_cache))
    return A, caches


def L_model_forward(X, parameters):
    """Forward pass of [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    X (n_x, m) -> AL (1, m) (in general (n^[L], m)); ``caches`` is a list of L
    caches ``((A_prev, W, b), Z)``, one per layer, layer 1 first. Each layer is
    checked by the kernels of ``dlkit.layers`` (a ValueError names the layer's
    argument and the shape it expected).

    With all-zero inputs every Z is 0 and the output is sigma(0) = 1/2 (the notes' L = 5 net):

    >>> AL, caches = L_model_forward(np.zeros((2, 4)), initialize_parameters_deep([2, 3, 5, 4, 2, 1]))
    >>> AL, len(caches)
    (array([[0.5, 0.5, 0.5, 0.5]]), 5)
    """
    L = _num_layers(parameters)
    return _forward(expect_layout("X", X, "(n_x, m)"), parameters, L, _CHECKED)


def compute_cost(AL, Y) -> float:
    """Cross-entropy cost J = -(1/m) sum [Y log AL + (1 - Y) log(1 - AL)] of AL, Y (1, m); a float.

    AL (1, m), Y (1, m) -> J, a float. Raises ValueError when Y does not have the shape of AL.

    AL is clipped to [1e-12, 1 - 1e-12] so that log(0) never happens.

    Predicting sigma(0) = 1/2 for every example costs log 2:

    >>> round(compute_cost(np.full((1, 4), 0.5), np.array([[1, 0, 1, 1]])), 6)
    0.693147
    """
    AL = expect_layout("AL", AL, "(1, m)")
    Y = as_array("Y", Y)
    expect_shape("Y", Y, AL.shape, hint="Y holds one label per column of AL")
    return binary_cross_entropy(AL, Y)


def L_model_backward(AL, Y, caches) -> dict:
    """Backward pass of the L-layer net; returns ``grads`` with dA0 .. dA{L-1}, dW1 .. dWL, db1 .. dbL.

    AL (1, m), Y (1, m), caches (L of them) -> grads {dA0 (n^[0], m), ..., dWl like Wl, dbl like bl}.

    AL, Y (1, m); ``caches`` from ``L_model_forward``. The output layer's
    gradient dAL = -(Y/AL - (1-Y)/(1-AL)) times sigma'(Z^[L]) simplifies to
    dZ^[L] = AL - Y, which is what is computed: the same numbers, without the
    division that overflows when AL rounds to 0 or 1.

    Convention: dW and db are slopes of the cost (the 1/m inside), the dA per-example slopes.
    For the notes' L = 5 net at zero inputs, dZ^[5] = AL - Y = 1/2 - Y, so db5 is its mean:

    >>> AL, caches = L_model_forward(np.zeros((2, 4)), initialize_parameters_deep([2, 3, 5, 4, 2, 1]))
    >>> grads = L_model_backward(AL, np.array([[1, 0, 1, 1]]), caches)
    >>> grads["db5"], grads["dW5"].shape, grads["dA0"].shape
    (array([[-0.25]]), (1, 2), (2, 4))
    """
    AL = expect_layout("AL", AL, "(1, m)")
    Y = as_array("Y", Y)
    expect_shape("Y", Y, AL.shape, hint="Y holds one label per column of AL")
    if not isinstance(caches, (list, tuple)) or not caches:
        raise ValueError("`caches` must be the list of per-layer caches that L_model_forward returned")
    return _backward(AL, Y, caches, _CHECKED)


def _backward(AL, Y, caches, kernels) -> dict:
    L = len(caches)
    grads = {}
    dZ = AL - Y
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = kernels["linear_backward"](dZ, caches[L - 1][0])
    for l in range(L - 2, -1, -1):
        dA_prev, dW, db = kernels["relu_layer_backward"](grads[f"dA{l + 1}"], caches[l])
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = dA_prev, dW, db
    return grads


def update_parameters(params, grads, learning_rate) -> dict:
    """One gradient-descent step: W^[l] - learning_rate dW^[l], b^[l] - learning_rate db^[l].

    params {Wl, bl}, grads {dWl, dbl} of the same shapes, learning_rate -> a new dict {Wl, bl}.
    Raises ValueError for a missing or misshapen gradient.

    Returns a new dict; ``params`` is not modified.

    >>> update_parameters({"W1": np.array([[1.0]]), "b1": np.array([[0.0]])},
    ...                   {"dW1": np.array([[0.5]]), "db1": np.array([[-1.0]])}, 0.1)
    {'W1': array([[0.95]]), 'b1': array([[0.1]])}
    """
    L = _num_layers(params)
    parameters, checked = {}, {}
    for l in range(1, L + 1):
        for k in "Wb":
            parameters[f"{k}{l}"] = as_array(f"{k}{l}", params[f"{k}{l}"])
            if f"d{k}{l}" not in grads:
                raise ValueError(f"`grads` has no 'd{k}{l}': it needs dW1, db1, ..., dW{L}, db{L}")
            checked[f"d{k}{l}"] = as_array(f"d{k}{l}", grads[f"d{k}{l}"])
            expect_shape(f"grads['d{k}{l}']", checked[f"d{k}{l}"], parameters[f"{k}{l}"].shape,
                         hint=f"a gradient has the shape of its parameter {k}{l}")
    return gradient_step_core(parameters, checked, learning_rate)


def gradient_step_core(parameters, grads, learning_rate) -> dict:
    """The unchecked step of ``update_parameters``: a new dict ``{k: p - learning_rate * grads["d" + k]}``."""
    return {k: p - learning_rate * grads[f"d{k}"] for k, p in parameters.items()}


def training_steps(num_iterations: int, progress: bool = False, desc: str = "training"):
    """``range(num_iterations)``, shown as a tqdm progress bar when ``progress`` is true."""
    steps = range(num_iterations)
    if progress:
        from tqdm.auto import tqdm

        steps = tqdm(steps, desc=desc, unit="it")
    return steps


def _gradient_descent(parameters, X, Y, learning_rate, num_iterations, print_cost, progress, desc):
    X = expect_layout("X", X, "(n_x, m)")
    Y = as_array("Y", Y)
    expect_shape("Y", Y, (1, X.shape[1]), hint="Y holds one label per column of X")
    L, costs = _num_layers(parameters), []
    for i in training_steps(num_iterations, progress, desc):     # inputs checked above: cores only in here
        AL, caches = _forward(X, parameters, L, _CORES)
        cost = binary_cross_entropy_core(AL, Y)
        grads = _backward(AL, Y, caches, _CORES)
        parameters = gradient_step_core(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print(f"Cost after iteration {i}: {cost}")
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


def _check_dims(layers_dims, X, length=None):
    dims = list(layers_dims)
    if length is not None and len(dims) != length:
        raise ValueError(f"`layers_dims` must be (n_x, n_h, n_y), got {layers_dims!r}")
    if len(dims) < 2:
        raise ValueError(f"`layers_dims` needs at least the input and output sizes, got {layers_dims!r}")
    n_x = np.shape(X)[0] if np.ndim(X) == 2 else None
    if dims[0] != n_x:
        raise ValueError(f"`layers_dims[0]` is {dims[0]} but X has shape {np.shape(X)}, expected ({dims[0]}, m)")
    if dims[-1] != 1:
        raise ValueError(f"the output layer of this binary classifier has 1 unit, got layers_dims[-1] = {dims[-1]}")
    return dims


def _check_initial_parameters(parameters, dims) -> dict:
    """A float copy of ``parameters`` after checking it has W1, b1, ..., WL, bL of the shapes ``dims`` imply."""
    L = _num_layers(parameters)
    if L != len(dims) - 1:
        raise ValueError(f"`parameters` has {L} layers but layers_dims {dims} describes {len(dims) - 1}")
    out = {}
    for l in range(1, L + 1):
        for k, shape in (("W", (dims[l], dims[l - 1])), ("b", (dims[l], 1))):
            value = as_array(f"{k}{l}", parameters[f"{k}{l}"])
            expect_shape(f"parameters['{k}{l}']", value, shape, hint=f"layers_dims = {dims}")
            out[f"{k}{l}"] = value.copy()
    return out


@training_threads
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                    *, progress=False):
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID by batch gradient descent.

    X (n_x, m), Y (1, m), ``layers_dims = (n_x, n_h, n_y)``. Starts from
    ``initialize_parameters`` (seed 1, 0.01). Returns ``(parameters, costs)``,
    the costs recorded at iterations 0, 100, 200, ...
    """
    n_x, n_h, n_y = _check_dims(layers_dims, X, length=3)
    parameters = initialize_parameters(n_x, n_h, n_y)
    return _gradient_descent(parameters, X, Y, learning_rate, num_iterations, print_cost, progress,
                             "two-layer model")


@training_threads
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                  *, progress=False, parameters=None):
    """Train [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID by batch gradient descent.

    X (n_x, m), Y (1, m), ``layers_dims = [n_x, n^[1], ..., 1]``. Starts from
    ``initialize_parameters_deep(layers_dims, scale="1/sqrt(n_prev)", seed=1)``,
    or from ``parameters`` (W1, b1, ..., WL, bL of the shapes ``layers_dims``
    implies) when given, e.g. the output of one of ``dlkit.initializers``;
    that dict is not modified. Returns ``(parameters, costs)``, the costs
    recorded at iterations 0, 100, 200, ...
    """
    dims = _check_dims(layers_dims, X)
    if parameters is None:
        parameters = initialize_parameters_deep(dims, scale=SCALED, seed=1)
    else:
        parameters = _check_initial_parameters(parameters, dims)
    return _gradient_descent(parameters, X, Y, learning_rate, num_iterations, print_cost, progress,
                             f"{len(dims) - 1}-layer model")


def predict(X, y, parameters, *, print_accuracy: bool = True):
    """Labels (1, m) of 0.0/1.0 for the columns of X (n_x, m): 1 where AL > 0.5.

    When ``y`` (1, m) is given and ``print_accuracy`` is true, prints the accuracy
    (the fraction of correct labels), as the course's ``predict`` does.
    """
    AL, _ = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(float)
    if y is not None:
        y = as_array("y", y)
        expect_shape("y", y, p.shape, hint="y holds one label per column of X")
        if print_accuracy:
            print(f"Accuracy: {float(np.mean(p == y)):.4f}")
    return p
