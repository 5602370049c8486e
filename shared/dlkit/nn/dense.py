"""``Dense``: a fully connected layer, ``Z = W A_prev + b``, examples as columns.

Shapes: ``A_prev`` (n_in, m), ``W`` (n_out, n_in), ``b`` (n_out, 1), ``Z`` (n_out, m).

Backward, with ``dZ = dJ/dZ`` (the 1/m of the cost is already inside it):

    dW = dZ A_prev^T        db = sum of dZ over the examples (axis 1)        dA_prev = W^T dZ

Course 1 put the 1/m into ``dW`` and ``db`` instead, because its ``dZ`` held
per-example slopes; here every gradient is a true slope of the cost J.

The math is ``dlkit.layers.dense``'s cores; the module checks that the input
fits its weights (one cheap shape comparison) and keeps the cache and grads.
"""
from __future__ import annotations

import numpy as np

from .._validate import expect_int
from ..layers.dense import linear_backward_core, linear_forward_core
from .init import as_generator, initialize
from .module import Module


class Dense(Module):
    """A fully connected layer with ``n_in`` inputs and ``n_out`` units.

    ``init`` chooses the weights' scale ("he" for a layer followed by ReLU, the
    default; "xavier", "glorot" or a number, see ``dlkit.nn.init``); ``rng`` is a
    ``numpy.random.Generator`` (or an int seed) so that the weights are reproducible.
    The biases start at zero.
    """

    def __init__(self, n_in: int, n_out: int, *, init="he", rng=None, dtype=np.float64):
        super().__init__()
        self.n_in = expect_int("n_in", n_in, min=1, what="the number of inputs")
        self.n_out = expect_int("n_out", n_out, min=1, what="the number of units")
        self.init = init
        self.params = {
            "W": initialize((self.n_out, self.n_in), self.n_in, self.n_out, init, as_generator(rng), dtype),
            "b": np.zeros((self.n_out, 1), dtype=dtype),
        }

    def forward(self, A_prev, training: bool = False):
        """``Z = W A_prev + b``, shape (n_out, m); keeps ``A_prev`` for the backward pass."""
        A_prev = np.asarray(A_prev)
        if A_prev.ndim != 2 or A_prev.shape[0] != self.params["W"].shape[1]:
            raise ValueError(f"{self!r} expects A_prev of shape ({self.params['W'].shape[1]}, m), one column per "
                             f"example; got {A_prev.shape}"
                             + (" (transposed?)" if A_prev.ndim == 2 and A_prev.shape[1] == self.n_in else ""))
        self.cache = A_prev
        return linear_forward_core(A_prev, self.params["W"], self.params["b"])

    def backward(self, dZ):
        """``dA_prev = W^T dZ``; stores ``grads["W"] = dZ A_prev^T`` and ``grads["b"]`` = row sums of ``dZ``."""
        A_prev = self.cache
        if A_prev is None:
            raise RuntimeError(f"{self!r}: call forward before backward")
        dZ = np.asarray(dZ)
        expected = (self.params["W"].shape[0], A_prev.shape[1])
        if dZ.shape != expected:
            raise ValueError(f"{self!r}: dZ has shape {dZ.shape}, expected {expected} (the shape of this layer's "
                             "output in the last forward pass)")
        dA_prev, self.grads["W"], self.grads["b"] = linear_backward_core(dZ, A_prev, self.params["W"])
        return dA_prev

    def __repr__(self) -> str:
        return f"Dense({self.n_in} -> {self.n_out})"
