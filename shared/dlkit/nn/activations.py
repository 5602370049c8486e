"""Activation layers: ``ReLU``, ``Sigmoid``, ``Tanh``.

They act entry by entry, so they work on any layout: (n, m) dense data,
(m, n_H, n_W, n_C) images, (n_a, m, T_x) sequences. None has parameters.
Each keeps its output ``A`` as the cache and calls the cores of
``dlkit.layers.activations``, where the math lives:

- ReLU: ``dout`` where ``A > 0``, 0 elsewhere (the slope at exactly 0 is taken as 0,
  as in ``dlkit.layers.relu_backward``);
- Sigmoid: ``dout * A (1 - A)``;
- Tanh: ``dout * (1 - A**2)``.
"""
from __future__ import annotations

import numpy as np

from ..layers import activations as _act
from .module import Module


class _Elementwise(Module):
    """An activation layer: ``forward`` applies ``_forward_core``, ``backward`` applies ``_backward_core``."""

    _forward_core = staticmethod(lambda Z: Z)
    _backward_core = staticmethod(lambda dout, A: dout)

    def forward(self, Z, training: bool = False):
        A = type(self)._forward_core(np.asarray(Z))
        self.cache = A
        return A

    def backward(self, dout):
        A = self.cache
        if A is None:
            raise RuntimeError(f"{type(self).__name__}: call forward before backward")
        dout = np.asarray(dout)
        if dout.shape != A.shape:
            raise ValueError(f"{type(self).__name__}: dout has shape {dout.shape}, expected {A.shape} "
                             "(the shape of the last forward pass's output)")
        return type(self)._backward_core(dout, A)


class ReLU(_Elementwise):
    """``A = max(0, Z)``."""

    _forward_core = staticmethod(_act.relu_core)
    _backward_core = staticmethod(_act.relu_backward_core)


class Sigmoid(_Elementwise):
    """``A = 1 / (1 + exp(-Z))``, computed without overflow."""

    _forward_core = staticmethod(_act.sigmoid_core)
    _backward_core = staticmethod(_act.sigmoid_backward_core)


class Tanh(_Elementwise):
    """``A = tanh(Z)``."""

    _forward_core = staticmethod(_act.tanh_core)
    _backward_core = staticmethod(_act.tanh_backward_core)
