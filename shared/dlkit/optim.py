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
``eps = 1e-8`` the two agree to within 1 % wherever ``S`` exceeds about ``1e-6``
(gradients larger than about 1e-3), but not for vanishing gradients: at
``S = 1e-12`` the lecture's form takes a step 100 times smaller.

These primitives are shared by the course-style dictionary functions of the
optimisation notebook and by the optimiser objects of ``dlkit.nn``.

**The course's functions** work on whole networks, dictionaries keyed as in
``dlkit.deep`` (``parameters`` W1, b1, ..., WL, bL; ``grads``, ``v``, ``s`` dW1,
db1, ..., dWL, dbL), one primitive call per parameter:

    update_parameters_with_gd(parameters, grads, learning_rate)          -> parameters
    initialize_velocity(parameters)                                      -> v
    update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
                                                                         -> parameters, v
    initialize_rmsprop(parameters)                                       -> s
    update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon)
                                                                         -> parameters, s
    initialize_adam(parameters)                                          -> v, s
    update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
                                                 -> parameters, v, s, v_corrected, s_corrected

``descent_path`` runs any of the four optimisers on a function of a small
vector (the notebook's contour plots of an elongated bowl).
"""
from __future__ import annotations

import numpy as np

from ._validate import expect_choice, expect_int

from .deep import _num_layers

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

    Returns ``(w, v, s, v_corr, s_corr)``; the arguments are not modified.
    """
    w, v, s = (np.array(a, dtype=np.result_type(a, dw, float), copy=True) for a in (w, v, s))
    adam_step_inplace(w, dw, v, s, t, learning_rate, beta1, beta2, epsilon)
    return w, v, s, v / (1.0 - beta1 ** t), s / (1.0 - beta2 ** t)


def adam_step_inplace(w, dw, v, s, t: int, learning_rate: float, beta1: float = 0.9, beta2: float = 0.999,
                      epsilon: float = EPSILON) -> None:
    """``adam_step`` writing the new ``w``, ``v`` and ``s`` into the arrays given (float arrays).

    The same operations in the same order, so the numbers are identical to the last bit; it only
    saves the new arrays a step would otherwise allocate (a training loop's largest cost for wide
    layers: a 25 x 12288 weight matrix is updated many times per epoch).
    """
    _same_shape(w, dw, v, s)
    if int(t) != t or t < 1:
        raise ValueError(f"Adam's step counter t counts from 1; got t = {t!r}")
    a = np.multiply(dw, 1.0 - beta1)
    v *= beta1
    v += a                                   # v = beta1 v + (1 - beta1) dw
    b = np.square(dw)
    b *= 1.0 - beta2
    s *= beta2
    s += b                                   # s = beta2 s + (1 - beta2) dw^2
    np.divide(v, 1.0 - beta1 ** t, out=a)    # v_corr
    a *= learning_rate
    np.divide(s, 1.0 - beta2 ** t, out=b)    # s_corr
    np.sqrt(b, out=b)
    b += epsilon
    a /= b
    w -= a                                   # w -= learning_rate v_corr / (sqrt(s_corr) + epsilon)


# ---------------------------------------------------------------------------
# The course's dictionary-level functions (Course 2 Week 2, optimization_methods)
#
# ``parameters`` holds W1, b1, ..., WL, bL; ``grads`` the matching dW1, db1, ...,
# dWL, dbL (other keys, such as the dA's of ``L_model_backward``, are ignored);
# the optimiser states ``v`` and ``s`` use the gradients' keys. Each function
# returns new dictionaries and leaves its inputs unchanged (the course's own code
# edits the dictionaries in place and returns them: the numbers are the same).
# ---------------------------------------------------------------------------


def _layer_keys(parameters) -> list:
    """The parameter names W1, b1, ..., WL, bL of ``parameters``, in that order (ValueError otherwise)."""
    return [f"{k}{l}" for l in range(1, _num_layers(parameters) + 1) for k in "Wb"]


def _matching(name: str, table, parameters, keys) -> None:
    """Check that ``table`` (grads, v or s) has an entry 'd' + key shaped like each parameter."""
    if not isinstance(table, dict):
        raise ValueError(f"`{name}` must be a dict with the keys dW1, db1, ..., got {type(table).__name__}")
    for key in keys:
        if "d" + key not in table:
            raise ValueError(f"`{name}` has no 'd{key}': it needs one entry per parameter, "
                             f"{', '.join('d' + k for k in keys)}")
        shape, want = np.shape(table["d" + key]), np.shape(parameters[key])
        if shape != want:
            raise ValueError(f"`{name}['d{key}']` has shape {shape}, expected {want}, the shape of parameters['{key}']")


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of (mini-batch) gradient descent on every layer.

    For l = 1 .. L: ``W^[l] = W^[l] - learning_rate dW^[l]`` and ``b^[l] = b^[l] - learning_rate db^[l]``.
    ``parameters`` W1 .. bL, ``grads`` dW1 .. dbL of the same shapes. Returns the new ``parameters``.
    """
    keys = _layer_keys(parameters)
    _matching("grads", grads, parameters, keys)
    return {k: gd_step(np.asarray(parameters[k], dtype=float), grads["d" + k], learning_rate) for k in keys}


def initialize_velocity(parameters) -> dict:
    """Momentum's state: ``v["dW" + str(l)]`` and ``v["db" + str(l)]``, zeros shaped like W^[l] and b^[l]."""
    return {"d" + k: np.zeros(np.shape(parameters[k])) for k in _layer_keys(parameters)}


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One momentum step on every layer; returns ``(parameters, v)``.

    ``v_dW = beta v_dW + (1 - beta) dW``, ``W = W - learning_rate v_dW`` (the same for b), with
    ``v`` from ``initialize_velocity`` or the previous step.
    """
    keys = _layer_keys(parameters)
    _matching("grads", grads, parameters, keys)
    _matching("v", v, parameters, keys)
    new_params, new_v = {}, {}
    for k in keys:
        new_params[k], new_v["d" + k] = momentum_step(np.asarray(parameters[k], dtype=float), grads["d" + k],
                                                      v["d" + k], learning_rate, beta)
    return new_params, new_v


def initialize_rmsprop(parameters) -> dict:
    """RMSprop's state: ``s["dW" + str(l)]``, ``s["db" + str(l)]``, zeros shaped like W^[l] and b^[l]."""
    return initialize_velocity(parameters)


def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=EPSILON):
    """One RMSprop step on every layer; returns ``(parameters, s)``.

    ``S_dW = beta2 S_dW + (1 - beta2) dW**2``, ``W = W - learning_rate dW / (sqrt(S_dW) + epsilon)``.
    """
    keys = _layer_keys(parameters)
    _matching("grads", grads, parameters, keys)
    _matching("s", s, parameters, keys)
    new_params, new_s = {}, {}
    for k in keys:
        new_params[k], new_s["d" + k] = rmsprop_step(np.asarray(parameters[k], dtype=float), grads["d" + k],
                                                     s["d" + k], learning_rate, beta2, epsilon)
    return new_params, new_s


def initialize_adam(parameters):
    """Adam's state: ``(v, s)``, two dicts of zeros with keys dW1, db1, ..., dWL, dbL."""
    return initialize_velocity(parameters), initialize_velocity(parameters)


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=EPSILON):
    """One Adam step on every layer; ``t`` is this step's number, counted from 1.

    For each parameter W (and likewise b)::

        v_dW = beta1 v_dW + (1 - beta1) dW            s_dW = beta2 s_dW + (1 - beta2) dW**2
        v_corrected = v_dW / (1 - beta1**t)           s_corrected = s_dW / (1 - beta2**t)
        W = W - learning_rate v_corrected / (sqrt(s_corrected) + epsilon)

    Returns ``(parameters, v, s, v_corrected, s_corrected)``, the last four dicts keyed dW1, db1, ...
    """
    keys = _layer_keys(parameters)
    for name, table in (("grads", grads), ("v", v), ("s", s)):
        _matching(name, table, parameters, keys)
    new_params, new_v, new_s, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for k in keys:
        d = "d" + k
        new_params[k], new_v[d], new_s[d], v_corrected[d], s_corrected[d] = adam_step(
            np.asarray(parameters[k], dtype=float), grads[d], v[d], s[d], t, learning_rate, beta1, beta2, epsilon)
    return new_params, new_v, new_s, v_corrected, s_corrected


# ---------------------------------------------------------------------------
# The optimisers on a function of a few variables (the notebook's contour plots)
# ---------------------------------------------------------------------------

OPTIMIZERS = ("gd", "momentum", "rmsprop", "adam")


def descent_path(grad, w0, optimizer: str = "gd", learning_rate: float = 0.1, num_steps: int = 50,
                 beta: float = 0.9, beta1: float = 0.9, beta2: float = 0.999, epsilon: float = EPSILON):
    """The points an optimiser visits when it minimises a function of a vector ``w``.

    ``grad(w)`` returns the gradient (same shape as ``w``); ``w0`` is the start;
    ``optimizer`` is one of "gd", "momentum" (uses ``beta``), "rmsprop" (uses
    ``beta2``) or "adam" (``beta1``, ``beta2``). Returns an array (num_steps + 1, n):
    row k is the point after k steps, row 0 is ``w0``.
    """
    expect_choice("optimizer", optimizer, OPTIMIZERS)
    num_steps = expect_int("num_steps", num_steps, min=0)
    w = np.asarray(w0, dtype=float).ravel()
    v, s = np.zeros_like(w), np.zeros_like(w)
    path = [w]
    for t in range(1, int(num_steps) + 1):
        g = np.asarray(grad(w), dtype=float).reshape(w.shape)
        if optimizer == "gd":
            w = gd_step(w, g, learning_rate)
        elif optimizer == "momentum":
            w, v = momentum_step(w, g, v, learning_rate, beta)
        elif optimizer == "rmsprop":
            w, s = rmsprop_step(w, g, s, learning_rate, beta2, epsilon)
        else:
            w, v, s, _, _ = adam_step(w, g, v, s, t, learning_rate, beta1, beta2, epsilon)
        path.append(w)
    return np.array(path)
