"""``BatchNorm``: batch normalisation as a layer, wrapping ``dlkit.batchnorm`` (Course 2 Week 3).

For dense data ``Z`` (n, m) it normalises each of the n units over the
mini-batch, then scales by ``gamma`` and shifts by ``beta`` (both (n, 1),
learned). ``feature_axis`` names the axis that holds the units: 0 for (n, m);
-1 for images (m, n_H, n_W, n_C), where each channel is normalised over the
examples and all positions. The other axes are flattened into one "batch" axis
and the kernels ``batchnorm_forward`` / ``batchnorm_backward`` do the work.

``training=True`` uses the mini-batch's mean and variance and updates the
running averages in ``buffers`` (an exponentially weighted average with
``momentum``); ``training=False`` uses those running averages.
"""
from __future__ import annotations

import numpy as np

from .. import batchnorm as _bn
from .._validate import expect_int
from .module import Module


class BatchNorm(Module):
    """Batch normalisation of ``n`` units (or channels) along ``feature_axis``."""

    def __init__(self, n: int, *, momentum: float = 0.9, epsilon: float = _bn.EPSILON, feature_axis: int = 0,
                 dtype=np.float64):
        super().__init__()
        self.n = expect_int("n", n, min=1, what="the number of units or channels")
        self.momentum, self.epsilon, self.feature_axis = float(momentum), float(epsilon), feature_axis
        self.params = {"gamma": np.ones((self.n, 1), dtype=dtype), "beta": np.zeros((self.n, 1), dtype=dtype)}
        running = _bn.init_running(self.n)
        self.buffers = {"running_mean": running["mean"].astype(dtype), "running_var": running["var"].astype(dtype)}

    def _to_columns(self, Z):
        Z = np.asarray(Z)
        axis = self.feature_axis
        if not -Z.ndim <= axis < Z.ndim or Z.shape[axis] != self.n:
            raise ValueError(f"{self!r} expects {self.n} units along axis {axis}; got an input of shape {Z.shape}")
        moved = np.moveaxis(Z, axis, 0)
        return moved.reshape(self.n, -1), moved.shape

    def _from_columns(self, Z2, moved_shape):
        return np.moveaxis(Z2.reshape(moved_shape), 0, self.feature_axis)

    def forward(self, Z, training: bool = False):
        """``gamma * Z_norm + beta``, same shape as ``Z``."""
        Z2, moved_shape = self._to_columns(Z)
        running = {"mean": self.buffers["running_mean"], "var": self.buffers["running_var"]}
        out, cache, running = _bn.batchnorm_forward(Z2, self.params["gamma"], self.params["beta"], running,
                                                    mode="train" if training else "test",
                                                    momentum=self.momentum, epsilon=self.epsilon)
        self.buffers["running_mean"][...] = running["mean"]
        self.buffers["running_var"][...] = running["var"]
        self.cache = (cache, moved_shape)
        return self._from_columns(out, moved_shape)

    def backward(self, dout):
        """``dJ/dZ``; stores ``grads["gamma"]`` and ``grads["beta"]``."""
        if self.cache is None:
            raise RuntimeError(f"{self!r}: call forward before backward")
        cache, moved_shape = self.cache
        d2, shape = self._to_columns(dout)
        if shape != moved_shape:
            raise ValueError(f"{self!r}: dout does not have the shape of the last forward pass's output")
        dZ, dgamma, dbeta = _bn.batchnorm_backward(d2, cache)
        self.grads["gamma"], self.grads["beta"] = dgamma, dbeta
        return self._from_columns(dZ, moved_shape)

    def __repr__(self) -> str:
        return f"BatchNorm({self.n})"
