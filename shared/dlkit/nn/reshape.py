"""``Flatten``: from images with examples first to columns, the bridge from Course 4's layers to ``Dense``.

Input (m, n_H, n_W, n_C) (or any (m, ...)), output (n_H * n_W * n_C, m): each
example becomes one column, its entries in the order of ``X.reshape(m, -1)``,
the same flattening as Course 1's ``X_orig.reshape(m, -1).T``. Backward undoes it.
"""
from __future__ import annotations

import numpy as np

from .module import Module


class Flatten(Module):
    """Reshape ``(m, ...)`` to ``(n, m)`` with ``n`` the product of the other sizes."""

    def forward(self, X, training: bool = False):
        X = np.asarray(X)
        if X.ndim < 2:
            raise ValueError(f"Flatten expects (m, ...) with the examples first; got shape {X.shape}")
        self.cache = X.shape
        return X.reshape(X.shape[0], -1).T

    def backward(self, dout):
        if self.cache is None:
            raise RuntimeError("Flatten: call forward before backward")
        shape = self.cache
        dout = np.asarray(dout)
        n = int(np.prod(shape[1:]))
        if dout.shape != (n, shape[0]):
            raise ValueError(f"Flatten: dout has shape {dout.shape}, expected {(n, shape[0])}")
        return dout.T.reshape(shape)
