"""Activation layers: ``ReLU``, ``Sigmoid``, ``Tanh``.

They act entry by entry, so they work on any layout: (n, m) dense data,
(m, n_H, n_W, n_C) images, (n_a, m, T_x) sequences. None has parameters.
Backward multiplies ``dout`` by the derivative at the cached input:

- ReLU: ``dout * (Z > 0)`` (the slope at exactly 0 is taken as 0, as in ``dlkit.layers.relu_backward``);
- Sigmoid: ``dout * A (1 - A)`` with ``A = sigma(Z)``;
- Tanh: ``dout * (1 - A**2)`` with ``A = tanh(Z)``.
"""
from __future__ import annotations

import numpy as np

from ..activations import sigmoid
from .module import Module


class _Elementwise(Module):
    def _cached(self, dout):
        if self.cache is None:
            raise RuntimeError(f"{type(self).__name__}: call forward before backward")
        dout = np.asarray(dout)
        if dout.shape != self.cache.shape:
            raise ValueError(f"{type(self).__name__}: dout has shape {dout.shape}, expected {self.cache.shape} "
                             "(the shape of the last forward pass's output)")
        return self.cache, dout


class ReLU(_Elementwise):
    """``A = max(0, Z)``."""

    def forward(self, Z, training: bool = False):
        Z = np.asarray(Z)
        self.cache = Z
        return np.maximum(Z, 0)

    def backward(self, dout):
        Z, dout = self._cached(dout)
        return dout * (Z > 0)


class Sigmoid(_Elementwise):
    """``A = 1 / (1 + exp(-Z))``, computed without overflow."""

    def forward(self, Z, training: bool = False):
        A = sigmoid(np.asarray(Z))
        self.cache = A
        return A

    def backward(self, dout):
        A, dout = self._cached(dout)
        return dout * A * (1.0 - A)


class Tanh(_Elementwise):
    """``A = tanh(Z)``."""

    def forward(self, Z, training: bool = False):
        A = np.tanh(np.asarray(Z))
        self.cache = A
        return A

    def backward(self, dout):
        A, dout = self._cached(dout)
        return dout * (1.0 - A * A)
