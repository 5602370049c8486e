"""Numeric gradients and the relative error used to check a backward pass.

The course's check (Course 2 Week 1): perturb each parameter by +/- epsilon,
take the two-sided difference quotient

    dtheta_approx[i] = (J(theta_i + eps) - J(theta_i - eps)) / (2 eps)

and compare with the analytic gradient by

    ||dtheta_approx - dtheta||_2 / (||dtheta_approx||_2 + ||dtheta||_2).

Around 1e-7 is great, 1e-5 deserves a second look, 1e-3 means a bug.
"""
from __future__ import annotations

from typing import Callable, Mapping

import numpy as np


def numeric_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-7) -> np.ndarray:
    """Two-sided numeric gradient of the scalar function ``f`` at ``x``; same shape as ``x``.

    ``x`` is perturbed in place one entry at a time and restored afterwards.
    """
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        plus = float(f(x))
        flat[i] = old - eps
        minus = float(f(x))
        flat[i] = old
        gflat[i] = (plus - minus) / (2.0 * eps)
    return grad


def relative_error(approx, exact) -> float:
    """||approx - exact|| / (||approx|| + ||exact||); 0.0 when both are zero."""
    approx = np.asarray(approx, dtype=float).ravel()
    exact = np.asarray(exact, dtype=float).ravel()
    denom = np.linalg.norm(approx) + np.linalg.norm(exact)
    if denom == 0.0:
        return 0.0
    return float(np.linalg.norm(approx - exact) / denom)


def numeric_gradients(
    f: Callable[[], float], params: Mapping[str, np.ndarray], eps: float = 1e-7
) -> dict[str, np.ndarray]:
    """Numeric gradient of ``f()`` with respect to every array in ``params`` (edited in place).

    ``f`` takes no arguments and reads the current values of ``params``;
    returns ``{"d" + name: gradient}`` with each gradient shaped like its parameter.
    """
    out = {}
    for name, value in params.items():
        if not isinstance(value, np.ndarray) or value.dtype != float:
            raise ValueError(f"parameter `{name}` must be a float64 ndarray to be perturbed in place")
        out["d" + name] = numeric_gradient(lambda _x: f(), value, eps)
    return out
