"""Weight initialisation for deep nets (Course 2 Week 1): zeros, scaled random, Xavier, He.

Every initialiser takes ``layers_dims = [n^[0], n^[1], ..., n^[L]]`` (the
input size first) and returns the course's dict

    parameters["W" + str(l)]   (n^[l], n^[l-1])      l = 1 .. L
    parameters["b" + str(l)]   (n^[l], 1)            zeros

Why the scale matters. For one unit of layer l, z = sum_j w_j a_j over the
n^[l-1] inputs of the layer. With independent zero-mean weights of variance
Var(w), Var(z) = n^[l-1] Var(w) E[a^2]: each layer multiplies the size of the
signal by a factor that depends on n^[l-1] Var(w). Choosing Var(w) so that
this factor is about 1 keeps activations (and, by the same argument backwards,
gradients) from exploding or vanishing with depth:

* ReLU zeroes half of its inputs, so E[a^2] = Var(z) / 2 and the right choice
  is Var(w) = 2 / n^[l-1]: **He** initialisation, ``randn * sqrt(2 / n^[l-1])``;
* tanh is close to the identity near 0, so Var(w) = 1 / n^[l-1]
  (``randn * sqrt(1 / n^[l-1])``), which the lecture calls Xavier;
  the variant of Glorot and Bengio averages the fan-in and the fan-out,
  Var(w) = 2 / (n^[l-1] + n^[l]).

Zeros never break the symmetry between the units of a layer, and weights
ten times too large (``randn * 10``, the course's "large random" example)
saturate the sigmoid output, which is what the initialisation notebook shows.

Seeds. As in the course, the random initialisers start from a fixed seed
(default 3, the course's ``np.random.seed(3)``) and draw W^[1], W^[2], ...
in order, so that everybody gets the same numbers. The draws go through a
private ``np.random.RandomState(seed)``: they equal those after
``np.random.seed(seed)``, and numpy's global random state is left alone.
"""
from __future__ import annotations

import numpy as np

from ._validate import expect_choice, expect_int, expect_layout
from .layers import init as _init
from .layers.activations import relu_core, tanh_core

__all__ = [
    "initialize_parameters_zeros", "initialize_parameters_random", "initialize_parameters_he",
    "initialize_parameters_xavier", "weight_variance", "initialize", "INITIALIZERS", "activation_stds",
]


def _dims(layers_dims) -> list[int]:
    if isinstance(layers_dims, np.ndarray):
        layers_dims = layers_dims.tolist()
    if not isinstance(layers_dims, (list, tuple)) or len(layers_dims) < 2:
        raise ValueError(f"`layers_dims` must be a list [n_x, n_1, ..., n_L] of at least 2 sizes, got {layers_dims!r}")
    return [expect_int(f"layers_dims[{i}]", n, min=1, what="a number of units") for i, n in enumerate(layers_dims)]


def weight_variance(method: str, n_prev: int, n: int | None = None) -> float:
    """The variance Var(w) each scaled initialiser targets for a layer with ``n_prev`` inputs and ``n`` units.

    ``"he"``: 2 / n_prev (ReLU); ``"xavier"``: 1 / n_prev (tanh, the lecture's
    Xavier); ``"glorot"``: 2 / (n_prev + n) (needs ``n``). The rules live in
    ``dlkit.layers.init``, shared with ``dlkit.nn.init``.
    """
    return _init.weight_variance(method, n_prev, n)


def _gaussian(layers_dims, seed, std_of) -> dict:
    """W^[l] = randn(n^[l], n^[l-1]) * std_of(n^[l-1], n^[l]) after seeding, b^[l] = 0."""
    dims = _dims(layers_dims)
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.randn(dims[l], dims[l - 1]) * std_of(dims[l - 1], dims[l])
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def initialize_parameters_zeros(layers_dims) -> dict:
    """All weights and biases zero: W^[l] (n^[l], n^[l-1]), b^[l] (n^[l], 1).

    layers_dims [n^[0], ..., n^[L]] -> parameters {Wl (n^[l], n^[l-1]), bl (n^[l], 1)}, all zero.

    Var(w) = 0: every unit of a layer computes the same function and receives
    the same gradient, so the units stay identical (and with ReLU hidden layers
    nothing but the output bias ever moves). A counter-example, not a choice.

    The notes' symmetric case, n^[0] = n^[1] = 2:

    >>> initialize_parameters_zeros([2, 2, 1])["W1"]
    array([[0., 0.],
           [0., 0.]])
    """
    dims = _dims(layers_dims)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = np.zeros((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims, *, scale: float = 10.0, seed: int = 3) -> dict:
    """W^[l] = randn(n^[l], n^[l-1]) * scale (seeded), b^[l] = 0.

    layers_dims [n^[0], ..., n^[L]] -> parameters {Wl (n^[l], n^[l-1]), bl (n^[l], 1)}.

    Targets Var(w) = scale^2 whatever the layer's size: 100 with the course's
    default scale 10, far too large (the sigmoid output saturates and the
    first cost is huge); 1e-4 with 0.01, too small for a deep net.

    >>> p = initialize_parameters_random([2, 3, 1])
    >>> bool(np.allclose(p["W1"], np.random.RandomState(3).randn(3, 2) * 10)), p["b1"].shape
    (True, (3, 1))
    """
    is_number = not isinstance(scale, bool) and isinstance(scale, (int, float, np.number))
    if not is_number or not np.isfinite(scale) or scale <= 0:
        raise ValueError(f"`scale` must be a positive number, got {scale!r}")
    return _gaussian(layers_dims, seed, lambda n_prev, n: float(scale))


def initialize_parameters_he(layers_dims, *, seed: int = 3) -> dict:
    """He initialisation for ReLU layers: W^[l] = randn(n^[l], n^[l-1]) * sqrt(2 / n^[l-1]) (seeded), b^[l] = 0.

    layers_dims [n^[0], ..., n^[L]] -> parameters {Wl (n^[l], n^[l-1]), bl (n^[l], 1)}.

    Targets Var(w) = 2 / n^[l-1], which keeps E[(a^[l])^2] the same from layer
    to layer in a ReLU network.

    The He rule randn(n^[l], n^[l-1]) * sqrt(2 / n^[l-1]):

    >>> p = initialize_parameters_he([2, 3, 1])
    >>> bool(np.allclose(p["W1"], np.random.RandomState(3).randn(3, 2) * np.sqrt(2 / 2)))
    True
    """
    return _gaussian(layers_dims, seed, lambda n_prev, n: _init.weight_std("he", n_prev))


def initialize_parameters_xavier(layers_dims, *, variant: str = "fan_in", seed: int = 3) -> dict:
    """Xavier initialisation for tanh layers (seeded), b^[l] = 0.

    ``variant="fan_in"`` (the lecture's tanh rule): W^[l] = randn * sqrt(1 / n^[l-1]),
    Var(w) = 1 / n^[l-1]. ``variant="average"`` (Glorot and Bengio):
    W^[l] = randn * sqrt(2 / (n^[l-1] + n^[l])), Var(w) = 2 / (n^[l-1] + n^[l]).
    """
    if variant == "fan_in":
        return _gaussian(layers_dims, seed, lambda n_prev, n: _init.weight_std("xavier", n_prev))
    if variant == "average":
        return _gaussian(layers_dims, seed, lambda n_prev, n: _init.weight_std("glorot", n_prev, n))
    raise ValueError(f"`variant` must be 'fan_in' (1 / n^[l-1]) or 'average' (2 / (n^[l-1] + n^[l])), got {variant!r}")


INITIALIZERS = {
    "zeros": initialize_parameters_zeros,
    "random": initialize_parameters_random,
    "he": initialize_parameters_he,
    "xavier": initialize_parameters_xavier,
}


def initialize(layers_dims, method: str = "he", **kwargs) -> dict:
    """``INITIALIZERS[method](layers_dims, **kwargs)``: "zeros", "random", "he" or "xavier"."""
    expect_choice("method", method, sorted(INITIALIZERS))
    if method == "zeros" and kwargs:
        raise ValueError(f"the zeros initialiser takes no options, got {sorted(kwargs)}")
    return INITIALIZERS[method](layers_dims, **kwargs)


_ACTIVATIONS = {"relu": relu_core, "tanh": tanh_core, "linear": lambda z: z}


def activation_stds(X, parameters, activation: str = "relu") -> np.ndarray:
    """Standard deviation of the activations A^[0] = X, A^[1], ..., A^[L] through a deep net.

    Every layer applies ``activation`` ("relu", "tanh" or "linear"), the last
    one included, so the numbers show how the initialisation alone grows or
    shrinks the signal with depth. X (n_x, m); returns an array of L + 1 floats.
    Overflow to inf is allowed (that is the point of the exploding case).
    """
    expect_choice("activation", activation, sorted(_ACTIVATIONS))
    A = expect_layout("X", X, "(n_x, m)")
    L = len(parameters) // 2
    if L < 1 or set(parameters) != {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}:
        raise ValueError(f"`parameters` must hold W1, b1, ..., WL, bL; got keys {sorted(parameters)}")
    g = _ACTIVATIONS[activation]
    stds = [float(np.std(A))]
    with np.errstate(over="ignore", invalid="ignore"):
        for l in range(1, L + 1):
            W, b = parameters[f"W{l}"], parameters[f"b{l}"]
            if W.shape[1] != A.shape[0]:
                raise ValueError(f"`W{l}` has shape {W.shape}, expected ({W.shape[0]}, {A.shape[0]})")
            A = g(W @ A + b)
            stds.append(float(np.std(A)))
    return np.array(stds)
