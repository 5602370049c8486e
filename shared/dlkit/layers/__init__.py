"""Layer math, once: one module per kind of layer, each with unchecked cores and checked kernels.

- ``dense``: the fully connected layer (``linear_forward``, ``linear_backward``,
  ``linear_activation_*`` of Course 1 Week 4);
- ``activations``: sigmoid, ReLU, tanh, softmax (``relu_forward``, ``relu_backward``, ...);
- ``dropout``: inverted dropout (Course 2 Week 1);
- ``init``: the variance of He, Xavier and Glorot initialisation;
- ``losses``: binary and softmax cross-entropy.

Every kind has the same two levels. A **core** (``*_core``) is the bare numpy
math: no checks, any float arrays, convention-free (a backward core returns
true slopes dJ/dX of whatever dJ/dout it is given; no 1/m inside). A **checked
kernel** keeps the course's signature, layout and cache, checks its inputs
(a ValueError naming the argument and the shape it expected) and calls the
core; Course 1's 1/m convention is a thin wrapper there (``linear_backward``).
``dlkit.nn``'s modules and dlkit's training loops call the cores; students'
notebooks and the autograder call the kernels. ``dlkit.layers._contract``
checks that a naive (loop) kernel and a fast one keep the same contract.

A kernel's docstring has one form: a summary line; inputs with shapes ->
outputs with shapes, and the cache; the gradient convention (Course 1's
per-example dZ, or true slopes); the errors it raises; one doctest with the
course notes' numbers (``tests/test_doctests.py`` runs them all).

The checked kernels are importable from here: ``from dlkit.layers import linear_forward``.
"""
from . import activations, dense, dropout, init, losses
from .activations import (
    relu_backward, relu_forward, sigmoid_backward, sigmoid_forward, tanh_backward, tanh_forward,
)
from .dense import (
    ACTIVATION_NAMES, linear_activation_backward, linear_activation_forward, linear_backward, linear_forward,
)

__all__ = [
    "activations", "dense", "dropout", "init", "losses", "ACTIVATION_NAMES",
    "linear_forward", "linear_backward", "linear_activation_forward", "linear_activation_backward",
    "sigmoid_forward", "sigmoid_backward", "relu_forward", "relu_backward", "tanh_forward", "tanh_backward",
]
