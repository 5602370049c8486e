"""Gradient checks of modules (Course 2 Week 1's check, applied to any layer or model).

``check_module(module, x)`` draws a random upstream gradient ``G`` shaped like
the module's output and takes ``J = sum(G * module.forward(x))``, whose slopes
are exactly what ``backward(G)`` must return: ``dJ/dx`` and the parameter
gradients. ``check_model(model, loss, X, Y)`` checks a whole network through its
cost ``J = loss.forward(model.forward(X), Y)``. Both return the relative error
``||numeric - analytic|| / (||numeric|| + ||analytic||)`` of every gradient, by
name: around 1e-7 or below is right, 1e-3 or above is a bug.

The forward passes run with ``training=True`` unless told otherwise; a module
whose training pass is random (dropout) must be given the same random numbers
on every pass (reset its ``rng`` in ``before_forward``). Only small modules: the
numeric slopes take two forward passes per entry of every array.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from ..gradcheck import numeric_gradient, relative_error


def _errors(J: Callable[[], float], x: np.ndarray, dx, params, eps: float, x_name: str) -> dict:
    out = {}
    if x is not None:
        out[x_name] = relative_error(numeric_gradient(lambda _x: J(), x, eps), dx)
    for name, value, grad in params:
        if grad is None:
            raise ValueError(f"parameter {name!r} got no gradient from the backward pass")
        prefix, _, key = name.rpartition(".")
        out[prefix + ("." if prefix else "") + "d" + key] = relative_error(numeric_gradient(lambda _v: J(), value, eps),
                                                                          grad)
    return out


def check_module(module, x, *, training: bool = True, seed: int = 0, eps: float = 1e-6,
                 before_forward: Optional[Callable[[], None]] = None) -> dict:
    """Relative errors of ``dx`` and of every parameter gradient of ``module`` at input ``x``.

    Returns ``{"dx": ..., "dW": ..., "db": ...}``: each parameter's name with a "d" before its last
part (``"0.W"`` gives ``"0.dW"``).
    """
    x = np.array(x, dtype=float)

    def forward():
        if before_forward is not None:
            before_forward()
        return module.forward(x, training)

    G = np.random.default_rng(seed).normal(size=np.shape(forward()))
    forward()
    dx = np.array(module.backward(G), dtype=float)
    params = [(n, v, None if g is None else np.array(g, dtype=float)) for n, v, g in module.parameters()]
    return _errors(lambda: float(np.sum(G * forward())), x, dx, params, eps, "dx")


def check_model(model, loss, X, Y, *, training: bool = True, eps: float = 1e-6) -> dict:
    """Relative errors of ``dX`` and of every parameter gradient of ``model`` for the cost ``loss(model(X), Y)``."""
    X = np.array(X, dtype=float)

    def J():
        return float(loss.forward(model.forward(X, training), Y))

    J()
    dX = np.array(model.backward(loss.backward()), dtype=float)
    params = [(n, v, None if g is None else np.array(g, dtype=float)) for n, v, g in model.parameters()]
    return _errors(J, X, dX, params, eps, "dX")
