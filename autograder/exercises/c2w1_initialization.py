"""Course 2, Week 1: initialising a deep network (zeros, large random, He); notebook
``course2/week1/initialization.ipynb``, references in ``dlkit.initializers``.

Every initialiser takes ``layers_dims = [n^[0], ..., n^[L]]`` and returns {"W1", "b1", ..., "WL", "bL"};
the random ones seed numpy with 3 first (given in the notebook), so the numbers are exact.
"""
from __future__ import annotations

import numpy as np

from dlkit import initializers

from ..registry import Case, Exercise, Mistake, register

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


def _bad_init(std=lambda n_prev, n: 0.0, transpose=False, rank1_b=False, skip_last=False, from_zero=False,
              uniform=False, b_value=0.0):
    """A course-style initialiser with one slip; ``std(n_prev, n)`` scales randn (0: zeros, no draws)."""
    def init(layers_dims):
        np.random.seed(3)
        parameters = {}
        L = len(layers_dims)
        last = L - 1 if skip_last else L
        for l in range(1, last):
            n, n_prev = layers_dims[l], layers_dims[l - 1]
            shape = (n_prev, n) if transpose else (n, n_prev)
            s = std(n_prev, n)
            if s == 0.0:
                W = np.zeros(shape)
            else:
                W = (np.random.rand(*shape) if uniform else np.random.randn(*shape)) * s
            key = l - 1 if from_zero else l
            parameters[f"W{key}"] = W
            parameters[f"b{key}"] = np.zeros(n) if rank1_b else np.full((n, 1), b_value)
        return parameters
    return init


def _init_exercise(name, mistakes):
    """The three initialisers share their cases (the notebook's networks) and differ only in their mistakes."""
    return register(Exercise(id=f"c2w1.{name}", reference=getattr(initializers, name), outputs="parameters",
                             fixed_cases=list(COURSE_CASES), random_case=_dims_case,
                             hidden_cases=list(HIDDEN_CASES), mistakes=mistakes))


# ------------------------------------------------------------------ zeros

_init_exercise("initialize_parameters_zeros", [
    Mistake("transposed", _bad_init(transpose=True), "W^[l] has shape (layers_dims[l], layers_dims[l-1]): one row per "
            "unit of layer l, one column per unit of layer l-1."),
    Mistake("rank1_b", _bad_init(rank1_b=True),
            "b^[l] must be a column, np.zeros((layers_dims[l], 1)), not a rank-1 array np.zeros(n)."),
    Mistake("skip_last", _bad_init(skip_last=True), "the output layer is missing: with L = len(layers_dims) - 1 "
            "layers, loop over l = 1 .. L, i.e. range(1, L + 1)."),
    Mistake("from_zero", _bad_init(from_zero=True),
            "layers are numbered from 1: the keys are W1, b1, ..., WL, bL (W^[l] connects layer l-1 to l)."),
    Mistake("nonzero_b", _bad_init(b_value=1.0),
            "every parameter starts at zero here, the biases too: b^[l] = np.zeros((layers_dims[l], 1))."),
])

# ------------------------------------------------------------------ large random (x 10)

_init_exercise("initialize_parameters_random", [
    Mistake("no_factor", _bad_init(std=lambda n_prev, n: 1.0), "the weights should be ten times larger: "
            "np.random.randn(...) * 10 (this notebook studies what LARGE random weights do)."),
    Mistake("small", _bad_init(std=lambda n_prev, n: 0.01),
            "this exercise uses large weights, np.random.randn(...) * 10, not the small * 0.01 of Course 1."),
    Mistake("uniform", _bad_init(std=lambda n_prev, n: 10.0, uniform=True),
            "draw from a Gaussian with np.random.randn, not np.random.rand (uniform on [0, 1), all positive)."),
    Mistake("transposed", _bad_init(std=lambda n_prev, n: 10.0, transpose=True),
            "W^[l] has shape (layers_dims[l], layers_dims[l-1]), not the other way round."),
    Mistake("rank1_b", _bad_init(std=lambda n_prev, n: 10.0, rank1_b=True),
            "b^[l] must be a column, np.zeros((layers_dims[l], 1)), not a rank-1 array."),
])

# ------------------------------------------------------------------ He

_init_exercise("initialize_parameters_he", [
    Mistake("fan_out", _bad_init(std=lambda n_prev, n: np.sqrt(2 / n)), "scale by the number of INPUTS of the layer, "
            "sqrt(2 / layers_dims[l-1]), not by its own size layers_dims[l]."),
    Mistake("xavier", _bad_init(std=lambda n_prev, n: np.sqrt(1 / n_prev)), "that is Xavier's sqrt(1 / n^[l-1]) (for "
            "tanh); He initialisation for ReLU uses sqrt(2 / n^[l-1])."),
    Mistake("no_sqrt", _bad_init(std=lambda n_prev, n: 2 / n_prev), "2 / n^[l-1] is the VARIANCE He targets; multiply "
            "randn by its square root, np.sqrt(2 / layers_dims[l-1])."),
    Mistake("transposed", _bad_init(std=lambda n_prev, n: np.sqrt(2 / n_prev), transpose=True),
            "W^[l] has shape (layers_dims[l], layers_dims[l-1]), not the other way round."),
    Mistake("uniform", _bad_init(std=lambda n_prev, n: np.sqrt(2 / n_prev), uniform=True),
            "draw from a Gaussian with np.random.randn, not np.random.rand (uniform on [0, 1), all positive)."),
    Mistake("rank1_b", _bad_init(std=lambda n_prev, n: np.sqrt(2 / n_prev), rank1_b=True),
            "b^[l] must be a column, np.zeros((layers_dims[l], 1)), not a rank-1 array."),
])
