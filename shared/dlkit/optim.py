"""Optimisers, one parameter array at a time (Course 2 Week 2).

Each ``*_step`` takes a parameter ``w``, its gradient ``dw`` (same shape) and the
optimiser's state for that parameter, and returns the new parameter and the new
state. Nothing is modified in place, so a caller can keep the old values.

The course notation: ``v`` is the exponentially weighted average of the
gradients (momentum, Adam's first moment ``V_dW``), ``s`` the average of their
elementwise squares (RMSprop, Adam's second moment ``S_dW``), ``t`` the number of
Adam steps taken so far, counted from 1.

**Where epsilon goes.** The lecture writes ``dW / sqrt(S + eps)``; we use
``dW / (sqrt(S) + eps)`` as most code (and the original Adam paper) does. With
``eps = 1e-8`` the two differ only where ``S`` is below about ``1e-16``.

These primitives are shared by the course-style dictionary functions of the
optimisation notebook and by the optimiser objects of ``dlkit.nn``.
"""
from __future__ import annotations

import numpy as np

EPSILON = 1e-8


def _same_shape(w, dw, *state):
    w, dw = np.asarray(w), np.asarray(dw)
    for name, a in (("gradient", dw),) + tuple(("state", np.asarray(s)) for s in state):
        if a.shape != w.shape:
            raise ValueError(f"the {name} has shape {a.shape} but the parameter has shape {w.shape}")


def gd_step(w, dw, learning_rate: float):
    """Plain gradient descent: ``w - learning_rate * dw``."""
    _same_shape(w, dw)
    return w - learning_rate * dw


def momentum_step(w, dw, v, learning_rate: float, beta: float = 0.9):
    """Momentum: ``v = beta v + (1 - beta) dw``, then ``w -= learning_rate v``. Returns ``(w, v)``."""
    _same_shape(w, dw, v)
    v = beta * v + (1.0 - beta) * dw
    return w - learning_rate * v, v


def rmsprop_step(w, dw, s, learning_rate: float, beta2: float = 0.999, epsilon: float = EPSILON):
    """RMSprop: ``s = beta2 s + (1 - beta2) dw**2``, then ``w -= learning_rate dw / (sqrt(s) + epsilon)``.

    Returns ``(w, s)``.
    """
    _same_shape(w, dw, s)
    s = beta2 * s + (1.0 - beta2) * np.square(dw)
    return w - learning_rate * dw / (np.sqrt(s) + epsilon), s


def adam_step(w, dw, v, s, t: int, learning_rate: float, beta1: float = 0.9, beta2: float = 0.999,
              epsilon: float = EPSILON):
    """One Adam step with bias correction; ``t`` is this step's number, counted from 1.

    ``v = beta1 v + (1 - beta1) dw``, ``s = beta2 s + (1 - beta2) dw**2``,
    ``v_corr = v / (1 - beta1**t)``, ``s_corr = s / (1 - beta2**t)``,
    ``w -= learning_rate v_corr / (sqrt(s_corr) + epsilon)``.

    Returns ``(w, v, s, v_corr, s_corr)``.
    """
    _same_shape(w, dw, v, s)
    if int(t) != t or t < 1:
        raise ValueError(f"Adam's step counter t counts from 1; got t = {t!r}")
    v = beta1 * v + (1.0 - beta1) * dw
    s = beta2 * s + (1.0 - beta2) * np.square(dw)
    v_corr = v / (1.0 - beta1 ** t)
    s_corr = s / (1.0 - beta2 ** t)
    return w - learning_rate * v_corr / (np.sqrt(s_corr) + epsilon), v, s, v_corr, s_corr
