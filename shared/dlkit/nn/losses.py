"""Losses as objects: ``forward(Z, Y) -> cost``, ``backward() -> dZ = dJ/dZ``.

A loss takes the network's last output ``Z`` (logits: no activation applied)
and the labels, and returns the cost J, the average over the m examples.
``backward`` returns the slope of J with respect to ``Z``, **with the 1/m
inside**, which is where every backward pass of ``dlkit.nn`` starts.

- ``SoftmaxCrossEntropy``: ``Z`` (C, m), ``Y`` one-hot (C, m) or integer labels (m,) or (1, m);
  J = -(1/m) sum_i log softmax(z^(i))_{y^(i)}, dJ/dZ = (softmax(Z) - Y) / m.
  (The same math as the checked kernel ``dlkit.losses.softmax_cross_entropy``.)
- ``SigmoidCrossEntropy``: ``Z`` and ``Y`` (1, m) (or any matching shape, the
  mean taken over all entries); J = the course's binary cross-entropy of
  sigma(Z), dJ/dZ = (sigma(Z) - Y) / m.
"""
from __future__ import annotations

import numpy as np

from ..labels import one_hot
from ..layers.losses import sigmoid_cross_entropy_core, softmax_cross_entropy_core


class Loss:
    """Base class: ``forward(Z, Y)`` returns the cost (a float) and keeps ``dJ/dZ`` for ``backward()``."""

    def __init__(self):
        self.cache = None

    def forward(self, Z, Y) -> float:
        raise NotImplementedError

    def backward(self):
        """``dJ/dZ`` for the last ``forward``, shape of ``Z``."""
        if self.cache is None:
            raise RuntimeError(f"{type(self).__name__}: call forward before backward")
        return self.cache

    def __call__(self, Z, Y) -> float:
        return self.forward(Z, Y)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class SoftmaxCrossEntropy(Loss):
    """Softmax of the logits ``Z`` (C, m) followed by the cross-entropy against ``Y``."""

    def forward(self, Z, Y) -> float:
        Z = np.asarray(Z, dtype=float)
        Y = np.asarray(Y)
        if Z.ndim != 2:
            raise ValueError(f"Z has shape {Z.shape}: SoftmaxCrossEntropy takes logits (C, m), one column per example")
        if Z.shape[0] > 1 and (Y.ndim == 1 or Y.shape[0] == 1):
            Y = one_hot(Y, Z.shape[0])             # integer labels (m,) or (1, m)
        if Y.shape != Z.shape:
            raise ValueError(f"Y has shape {Y.shape} but Z has shape {Z.shape}: give one-hot labels (C, m) "
                             "or integer labels (m,)")
        cost, self.cache = softmax_cross_entropy_core(Z, Y)
        return cost


class SigmoidCrossEntropy(Loss):
    """Sigmoid of the logits ``Z`` followed by the binary cross-entropy against 0/1 labels ``Y``."""

    def forward(self, Z, Y) -> float:
        Z = np.asarray(Z, dtype=float)
        Y = np.asarray(Y, dtype=float)
        if Y.shape != Z.shape:
            raise ValueError(f"Y has shape {Y.shape} but Z has shape {Z.shape}: give one 0/1 label per entry of Z")
        cost, self.cache = sigmoid_cross_entropy_core(Z, Y)
        return cost
