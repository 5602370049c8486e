"""``Dropout``: inverted dropout (Course 2 Week 1).

In training, each entry of the input is kept with probability ``keep_prob`` and
the kept ones are divided by ``keep_prob``,

    D = (rng.random(A.shape) < keep_prob) / keep_prob,     out = A * D,

so that the expected value of every entry is unchanged and nothing needs
rescaling at test time: in evaluation (``training=False``) the layer passes its
input through. Backward applies the same mask: ``dA = dout * D``.

The mask is drawn per entry, so the layer works on any layout. Its random
numbers come from the layer's own ``numpy.random.Generator`` (``rng``), so a
seeded model drops the same units on every run.
"""
from __future__ import annotations

import numpy as np

from .init import as_generator
from .module import Module


class Dropout(Module):
    """Inverted dropout keeping each unit with probability ``keep_prob`` (the course's name; 1.0 turns it off)."""

    def __init__(self, keep_prob: float = 0.8, *, rng=None):
        super().__init__()
        if not 0.0 < keep_prob <= 1.0:
            raise ValueError(f"keep_prob is the probability of keeping a unit, in (0, 1]; got {keep_prob!r}")
        self.keep_prob = float(keep_prob)
        self.rng = as_generator(rng)

    def forward(self, A, training: bool = False):
        """``A * D`` in training (a new mask ``D`` each call), ``A`` itself in evaluation."""
        A = np.asarray(A)
        if not training or self.keep_prob == 1.0:
            self.cache = (A.shape, None)
            return A
        D = (self.rng.random(A.shape) < self.keep_prob) / self.keep_prob
        self.cache = (A.shape, D)
        return A * D

    def backward(self, dout):
        """``dout * D`` with the mask of the last forward pass (``dout`` itself after an evaluation pass)."""
        if self.cache is None:
            raise RuntimeError("Dropout: call forward before backward")
        shape, D = self.cache
        dout = np.asarray(dout)
        if dout.shape != shape:
            raise ValueError(f"Dropout: dout has shape {dout.shape}, expected {shape}")
        return dout if D is None else dout * D

    @property
    def mask(self):
        """The scaled mask ``D`` of the last training pass (None after an evaluation pass)."""
        return None if self.cache is None else self.cache[1]

    def __repr__(self) -> str:
        return f"Dropout(keep_prob={self.keep_prob:g})"
