"""Course 2, Week 1: initialising a deep network (zeros, large random, He); notebook
``course2/week1/initialization.ipynb``, references in ``dlkit.initializers``.

Every initialiser takes ``layers_dims = [n^[0], ..., n^[L]]`` and returns {"W1", "b1", ..., "WL", "bL"};
the random ones seed numpy with 3 first (given in the notebook), so the numbers are exact.
"""
from __future__ import annotations

import numpy as np

from dlkit import initializers

from ..registry import Case, Exercise, Mistake, register
from ._slips import then

COURSE_CASES = [Case(([3, 2, 1],), label="layers_dims = [3, 2, 1]"),
                Case(([2, 4, 1],), label="layers_dims = [2, 4, 1]"),
                Case(([2, 10, 5, 1],), label="the notebook's network [2, 10, 5, 1]")]
HIDDEN_CASES = [Case(([5, 20, 7, 3, 1],), label="layers_dims = [5, 20, 7, 3, 1]"),
                Case(([12288, 20, 7, 5, 1],), label="the image network [12288, 20, 7, 5, 1]"),
                Case(([4, 1],), label="one layer, [4, 1]")]


def _dims_case(rng) -> Case:
    L = int(rng.integers(1, 5))
    dims = [int(rng.integers(1, 9)) for _ in range(L)] + [1]
    return Case((dims,), label=f"layers_dims = {dims}")


def _edit(name, W=lambda W: W, b=lambda b: b):
    """The reference initialiser ``name``, then every W^[l] changed by ``W(W)`` and every b^[l] by ``b(b)``."""
    return then(getattr(initializers, name), lambda p, *_: {k: (W if k[0] == "W" else b)(v) for k, v in p.items()})


def _uniform(scale):
    """An initialiser drawing np.random.rand (uniform on [0, 1)) instead of randn: same seed, ``scale(n^[l-1])``."""
    def init(layers_dims):
        np.random.seed(3)
        return {k: v for l in range(1, len(layers_dims)) for k, v in (
            (f"W{l}", np.random.rand(layers_dims[l], layers_dims[l - 1]) * scale(layers_dims[l - 1])),
            (f"b{l}", np.zeros((layers_dims[l], 1))))}
    return init


def _transposed(W):
    """The same draws laid out (n^[l-1], n^[l])."""
    return W.reshape(W.shape[::-1])


def _init_exercise(name, mistakes):
    """The three initialisers share their cases (the notebook's networks) and differ only in their mistakes."""
    return register(Exercise(id=f"c2w1.{name}", reference=getattr(initializers, name), outputs="parameters",
                             fixed_cases=list(COURSE_CASES), random_case=_dims_case,
                             hidden_cases=list(HIDDEN_CASES), mistakes=mistakes))


TRANSPOSED = "W^[l] has shape (layers_dims[l], layers_dims[l-1]), not the other way round."
RANK1_B = "b^[l] must be a column, np.zeros((layers_dims[l], 1)), not a rank-1 array."
UNIFORM = "draw from a Gaussian with np.random.randn, not np.random.rand (uniform on [0, 1), all positive)."

# ------------------------------------------------------------------ zeros

_ZEROS = "initialize_parameters_zeros"
_init_exercise(_ZEROS, [
    Mistake("transposed", _edit(_ZEROS, W=_transposed), "W^[l] has shape (layers_dims[l], layers_dims[l-1]): one row "
            "per unit of layer l, one column per unit of layer l-1."),
    Mistake("rank1_b", _edit(_ZEROS, b=np.ravel),
            "b^[l] must be a column, np.zeros((layers_dims[l], 1)), not a rank-1 array np.zeros(n)."),
    Mistake("skip_last", lambda dims: initializers.initialize_parameters_zeros(dims[:-1]),
            "the output layer is missing: with L = len(layers_dims) - 1 layers, loop over l = 1 .. L, "
            "i.e. range(1, L + 1)."),
    Mistake("from_zero", then(initializers.initialize_parameters_zeros,
                              lambda p, *_: {k[0] + str(int(k[1:]) - 1): v for k, v in p.items()}),
            "layers are numbered from 1: the keys are W1, b1, ..., WL, bL (W^[l] connects layer l-1 to l)."),
    Mistake("nonzero_b", _edit(_ZEROS, b=lambda b: b + 1.0),
            "every parameter starts at zero here, the biases too: b^[l] = np.zeros((layers_dims[l], 1))."),
])

# ------------------------------------------------------------------ large random (x 10)

_RANDOM = "initialize_parameters_random"
_init_exercise(_RANDOM, [
    Mistake("no_factor", _edit(_RANDOM, W=lambda W: W / 10), "the weights should be ten times larger: "
            "np.random.randn(...) * 10 (this notebook studies what LARGE random weights do)."),
    Mistake("small", _edit(_RANDOM, W=lambda W: W / 1000),
            "this exercise uses large weights, np.random.randn(...) * 10, not the small * 0.01 of Course 1."),
    Mistake("uniform", _uniform(lambda n_prev: 10.0), UNIFORM),
    Mistake("transposed", _edit(_RANDOM, W=_transposed), TRANSPOSED),
    Mistake("rank1_b", _edit(_RANDOM, b=np.ravel), RANK1_B),
])

# ------------------------------------------------------------------ He: randn(n, n_prev) * sqrt(2 / n_prev)

_HE = "initialize_parameters_he"
_init_exercise(_HE, [
    Mistake("fan_out", _edit(_HE, W=lambda W: W * np.sqrt(W.shape[1] / W.shape[0])), "scale by the number of INPUTS of "
            "the layer, sqrt(2 / layers_dims[l-1]), not by its own size layers_dims[l]."),
    Mistake("xavier", _edit(_HE, W=lambda W: W / np.sqrt(2)), "that is Xavier's sqrt(1 / n^[l-1]) (for tanh); He "
            "initialisation for ReLU uses sqrt(2 / n^[l-1])."),
    Mistake("no_sqrt", _edit(_HE, W=lambda W: W * np.sqrt(2 / W.shape[1])), "2 / n^[l-1] is the VARIANCE He targets; "
            "multiply randn by its square root, np.sqrt(2 / layers_dims[l-1])."),
    Mistake("transposed", _edit(_HE, W=_transposed), TRANSPOSED),
    Mistake("uniform", _uniform(lambda n_prev: np.sqrt(2 / n_prev)), UNIFORM),
    Mistake("rank1_b", _edit(_HE, b=np.ravel), RANK1_B),
])
