"""Numeric gradients and the relative error used to check a backward pass.

The course's check (Course 2 Week 1): perturb each parameter by +/- epsilon,
take the two-sided difference quotient

    dtheta_approx[i] = (J(theta_i + eps) - J(theta_i - eps)) / (2 eps)

and compare with the analytic gradient by

    ||dtheta_approx - dtheta||_2 / (||dtheta_approx||_2 + ||dtheta||_2).

Around 1e-7 is great, 1e-5 deserves a second look, 1e-3 means a bug
(``verdict`` reads a difference that way).

For a whole network the parameters are stacked into one column vector theta,
in the course's order W1, b1, W2, b2, ... (each array flattened row by row),
and the gradients into a vector dtheta in the same order:

    dictionary_to_vector(parameters)     -> theta (n, 1), layout
    vector_to_dictionary(theta, layout)  -> parameters
    gradients_to_vector(gradients, layout) -> dtheta (n, 1)

``layout`` is the list of ``(name, shape)`` pairs the vector was built from, so
the round trip is exact for any network. ``gradient_check_n(cost, parameters,
gradients)`` then checks every entry at once and names the parameter whose
gradient disagrees most.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping, NamedTuple

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


# --------------------------------------------------------------- thresholds

GREAT, BUG = 1e-6, 1e-3


def verdict(difference: float) -> str:
    """The course's reading of a gradient-check difference (epsilon = 1e-7).

    Below 1e-6 (around 1e-7 or smaller): "great". From 1e-6 to 1e-3 (around
    1e-5): "double-check", it may be fine, look at which components are off.
    From 1e-3 up: "bug".
    """
    difference = float(difference)
    if not difference >= 0:
        raise ValueError(f"`difference` must be a number >= 0, got {difference!r}")
    if difference < GREAT:
        return "great"
    if difference < BUG:
        return "double-check"
    return "bug"


# ------------------------------------------------------ vectors of parameters

_NAME = re.compile(r"^([A-Za-z_]+?)(\d+)$")
_GROUP = {"W": 0, "b": 1}


def course_order(names) -> list[str]:
    """Parameter names in the course's order: by layer, W before b (W1, b1, W2, b2, ...).

    Other names ending in a layer number (gamma1, beta1) follow that layer's W and b,
    alphabetically; names without a layer number come last.
    """
    def key(name):
        match = _NAME.match(str(name))
        if not match:
            return (1, 0, 2, str(name))
        prefix, layer = match.groups()
        return (0, int(layer), _GROUP.get(prefix, 2), prefix)

    return sorted(names, key=key)


def _layout_pairs(layout):
    if not isinstance(layout, (list, tuple)) or not layout:
        raise ValueError("`layout` must be the list of (name, shape) pairs that dictionary_to_vector returned")
    pairs = []
    for item in layout:
        if not (isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], str)):
            raise ValueError(f"every entry of `layout` must be a (name, shape) pair, got {item!r}")
        pairs.append((item[0], tuple(int(n) for n in item[1])))
    return pairs


def dictionary_to_vector(parameters: Mapping[str, np.ndarray]):
    """Stack the parameters into one column ``theta`` (n, 1), in the order W1, b1, W2, b2, ...

    Each array is flattened row by row (``reshape(-1, 1)``). Returns
    ``(theta, layout)``, ``layout`` being the list of ``(name, shape)`` pairs in
    the order used, which ``vector_to_dictionary`` needs to undo the stacking.
    """
    if not isinstance(parameters, Mapping) or not parameters:
        raise ValueError("`parameters` must be a non-empty dict {'W1': ..., 'b1': ..., ...}")
    layout, pieces = [], []
    for name in course_order(parameters):
        value = np.asarray(parameters[name], dtype=float)
        layout.append((name, tuple(value.shape)))
        pieces.append(value.reshape(-1, 1))
    return np.concatenate(pieces, axis=0), layout


def vector_to_dictionary(theta, layout) -> dict:
    """The inverse of ``dictionary_to_vector``: cut ``theta`` (n, 1) back into arrays of the layout's shapes."""
    pairs = _layout_pairs(layout)
    theta = np.asarray(theta, dtype=float)
    sizes = [int(np.prod(shape)) for _, shape in pairs]
    if theta.size != sum(sizes):
        parts = " + ".join(f"{size} ({name})" for (name, _), size in zip(pairs, sizes))
        raise ValueError(f"`theta` has {theta.size} entries but the layout needs {sum(sizes)} = {parts}")
    flat = theta.reshape(-1)
    out, start = {}, 0
    for (name, shape), size in zip(pairs, sizes):
        out[name] = flat[start:start + size].reshape(shape).copy()
        start += size
    return out


def gradients_to_vector(gradients: Mapping[str, np.ndarray], layout=None) -> np.ndarray:
    """Stack ``gradients["d" + name]`` for every ``(name, shape)`` of ``layout`` into one column (n, 1).

    The order is the layout's, so entry i of the result is the slope of the
    cost with respect to entry i of ``theta``. Other keys (dA1, dZ1, ...) are
    ignored. Without ``layout`` the keys dW1, db1, dW2, db2, ... of
    ``gradients`` are used, in that order.
    """
    if not isinstance(gradients, Mapping):
        raise ValueError("`gradients` must be a dict {'dW1': ..., 'db1': ..., ...}")
    if layout is None:
        names = course_order(k[1:] for k in gradients if re.match(r"^d[Wb]\d+$", k))
        if not names:
            raise ValueError(f"`gradients` holds no dW1, db1, ... keys; got {sorted(gradients)}")
        layout = [(n, np.shape(gradients["d" + n])) for n in names]
    pieces = []
    for name, shape in _layout_pairs(layout):
        key = "d" + name
        if key not in gradients:
            raise ValueError(f"`gradients` has no {key!r}, the gradient of parameter {name!r}")
        value = np.asarray(gradients[key], dtype=float)
        if value.shape != shape:
            raise ValueError(f"`{key}` has shape {value.shape}, expected {shape}: the shape of {name}")
        pieces.append(value.reshape(-1, 1))
    return np.concatenate(pieces, axis=0)


# ------------------------------------------------------ the N-dimensional check

class GradientCheck(NamedTuple):
    """What ``gradient_check_n`` found.

    ``difference``: ||approx - grad|| / (||approx|| + ||grad||) over all parameters;
    ``worst``: the parameter whose gradient is furthest from its numeric slope
    (largest ||approx_k - grad_k||, the biggest share of the difference);
    ``errors``: the relative error of each parameter on its own, in course order;
    ``gradapprox``: the numeric gradient, a column in the layout's order.
    """

    difference: float
    worst: str
    errors: dict
    gradapprox: np.ndarray


def gradient_check_n(cost: Callable[[dict], float], parameters: Mapping[str, np.ndarray],
                     gradients: Mapping[str, np.ndarray], epsilon: float = 1e-7) -> GradientCheck:
    """Check ``gradients`` (dW1, db1, ...) against two-sided numeric slopes of ``cost(parameters)``.

    ``cost`` takes a parameters dict and returns the cost J (a float); it is
    called twice per entry of theta with that entry moved by +/- ``epsilon``.
    Include every term of J (the L2 term too) and switch dropout off
    (keep_prob = 1) or hold its masks fixed: the check needs one well-defined J.
    Returns a ``GradientCheck`` (difference, worst, errors, gradapprox).
    """
    if not float(epsilon) > 0:
        raise ValueError(f"`epsilon` must be a small positive number, got {epsilon!r}")
    theta, layout = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients, layout)
    approx = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        plus, minus = theta.copy(), theta.copy()
        plus[i, 0] += epsilon
        minus[i, 0] -= epsilon
        J_plus = float(cost(vector_to_dictionary(plus, layout)))
        J_minus = float(cost(vector_to_dictionary(minus, layout)))
        approx[i, 0] = (J_plus - J_minus) / (2.0 * epsilon)
    errors, gaps, start = {}, {}, 0
    for name, shape in layout:
        size = int(np.prod(shape))
        a, g = approx[start:start + size], grad[start:start + size]
        errors[name] = relative_error(a, g)
        gaps[name] = float(np.linalg.norm(a - g))
        start += size
    worst = max(gaps, key=gaps.get)
    return GradientCheck(relative_error(approx, grad), worst, errors, approx)
