"""``Dropout``: inverted dropout (Course 2 Week 1).

In training, each entry of the input is kept with probability ``keep_prob`` and
the kept ones are divided by ``keep_prob``,

    D = rng.random(A.shape) < keep_prob,     out = A * D / keep_prob,

so that the expected value of every entry is unchanged and nothing needs
rescaling at test time: in evaluation (``training=False``) the layer passes its
input through. Backward applies the same mask: ``dA = dout * D / keep_prob``.
The math is ``dlkit.layers.dropout``'s cores; the layer keeps the mask.

The mask is drawn per entry, so the layer works on any layout. Its random
numbers come from the layer's own ``numpy.random.Generator`` (``rng``), so a
seeded model drops the same units on every run.
"""
from __future__ import annotations

import numpy as np

from ..layers.dropout import check_keep_prob, dropout_backward_core, dropout_forward_core, dropout_mask_core
from .init import as_generator
from .module import Module


class Dropout(Module):
    """Inverted dropout keeping each unit with probability ``keep_prob`` (the course's name; 1.0 turns it off)."""

    def __init__(self, keep_prob: float = 0.8, *, rng=None):
        super().__init__()
        self.keep_prob = check_keep_prob(keep_prob)
        self.rng = as_generator(rng)

    def forward(self, A, training: bool = False):
        """``A * D`` in training (a new mask ``D`` each call), ``A`` itself in evaluation."""
        A = np.asarray(A)
        if not training or self.keep_prob == 1.0:
            self.cache = (A.shape, None)
            return A
        D = dropout_mask_core(self.rng, A.shape, self.keep_prob)
        self.cache = (A.shape, D)
        return dropout_forward_core(A, D, self.keep_prob)

    def backward(self, dout):
        """``dout * D`` with the mask of the last forward pass (``dout`` itself after an evaluation pass)."""
        if self.cache is None:
            raise RuntimeError("Dropout: call forward before backward")
        shape, D = self.cache
        dout = np.asarray(dout)
        if dout.shape != shape:
            raise ValueError(f"Dropout: dout has shape {dout.shape}, expected {shape}")
        return dout if D is None else dropout_backward_core(dout, D, self.keep_prob)

    @property
    def mask(self):
        """The scaled mask ``D / keep_prob`` of the last training pass (None after an evaluation pass)."""
        D = None if self.cache is None else self.cache[1]
        return None if D is None else D / self.keep_prob

    def __repr__(self) -> str:
        return f"Dropout(keep_prob={self.keep_prob:g})"
