"""Course 2, Week 1: gradient checking (notebook ``course2/week1/gradient_checking.ipynb``).

References: ``dlkit.gradcheck`` and ``dlkit.regularization`` (the 3-layer network); the 1-D functions
(J(theta) = theta * x, so dJ/dtheta = x) and thin adapters with the notebook's signatures are below.

Tolerances: for a correct gradient the difference is rounding noise (about 1e-10 in 1-D, 1e-8 for
the network), so ``gradient_check`` is compared to a relative 1e-3 (every correct version performs
the same few float operations) and ``gradient_check_n`` up to an absolute 1e-6 (its cost is the
student's, whose rounding may differ). The N-dim cases also use epsilon = 1e-2, where a one-sided
difference stands out, and gradients with the notebook's planted bugs (dW2 x 2, db1 with 4/m).
"""
from __future__ import annotations

import copy

import numpy as np
from numpy.linalg import norm

from dlkit import gradcheck, regularization as reg
from dlkit.deep import compute_cost as _cross_entropy

from ..registry import Case, Exercise, Mistake, register
from ._slips import then
from ._nets import binary_labels, scaled_net
from ._gradients import summary, verdict

# ------------------------------------------------------------- 1-D: J = theta x

def forward_1d(x, theta):
    """J(theta) = theta * x."""
    return theta * x


def backward_1d(x, theta):
    """dJ/dtheta = x."""
    return x


def _print_verdict(difference, what="backward propagation"):
    kind = gradcheck.verdict(difference)
    if kind == "great":
        print(f"Your {what} works perfectly fine! difference = {difference:.2e}")
    elif kind == "double-check":
        print(f"Double-check your {what}: difference = {difference:.2e}")
    else:
        print(f"There is a mistake in the {what}! difference = {difference:.2e}")


def two_sided(x, theta, epsilon):
    """gradapprox = (J(theta + epsilon) - J(theta - epsilon)) / (2 epsilon)."""
    return (forward_1d(x, theta + epsilon) - forward_1d(x, theta - epsilon)) / (2 * epsilon)


def _relative(grad, gradapprox):
    """||grad - gradapprox|| / (||grad|| + ||gradapprox||)."""
    return float(norm(grad - gradapprox) / (norm(grad) + norm(gradapprox)))


def _check_1d(approx, difference):
    """The notebook's gradient_check from its two steps: ``approx(x, theta, epsilon)``, ``difference(grad, approx)``.
    The reference takes the course's steps; each known mistake changes one of them."""
    def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
        d = difference(backward_1d(x, theta), approx(x, theta, epsilon))
        if print_msg:
            _print_verdict(d)
        return d
    return gradient_check


gradient_check_1d = _check_1d(two_sided, _relative)


_ONE_D = [(2.0, 4.0), (-3.0, 1.5), (0.7, -2.2), (5.0, 0.3)]


def _one_d_case(rng):
    x = float(np.round(rng.uniform(-5, 5), 3)) or 1.0
    theta = float(np.round(rng.uniform(-5, 5), 3))
    return Case((x, theta), label=f"x = {x}, theta = {theta}")


def _fixed_one_d():
    return [Case(_ONE_D[0], label="the course's x = 2, theta = 4: J = 8, dtheta = 2")] + [
        Case(a, label=f"x = {a[0]}, theta = {a[1]}") for a in _ONE_D[1:]]


register(Exercise(
    id="c2w1.forward_propagation", reference=forward_1d, outputs="J", fixed_cases=_fixed_one_d()[:2],
    random_case=_one_d_case, hidden_cases=_fixed_one_d()[2:],
    mistakes=[
        Mistake("returns_slope", lambda x, theta: x, "forward_propagation returns the cost J = theta * x itself; its "
                "slope x is backward_propagation's job."),
        Mistake("sum", lambda x, theta: theta + x, "J is the product theta * x, not the sum."),
        Mistake("returns_theta", lambda x, theta: theta, "J = theta * x: multiply by x."),
    ],
))


def _one_d_gradcheck(fn, case):
    x, theta = case.args
    got = fn(*copy.deepcopy(case.args))
    eps = 1e-6
    numeric = np.array((forward_1d(x, theta + eps) - forward_1d(x, theta - eps)) / (2 * eps))
    p = verdict("dtheta", got, numeric, alternatives=[
        (np.array(theta), f"equals theta = {theta}, the slope of J with respect to x; dtheta is the slope with "
                          f"respect to theta, which is x"),
        (np.array(theta * x), "equals J itself; dtheta is the slope of J = theta * x with respect to theta"),
        (np.array(1.0), f"is 1; the slope of theta * x with respect to theta is x = {x}"),
    ])
    return summary([p], "dtheta matches the numeric slope of J = theta * x: check what type you return.")


register(Exercise(
    id="c2w1.backward_propagation", reference=backward_1d, outputs="dtheta", fixed_cases=_fixed_one_d()[:2],
    random_case=_one_d_case, hidden_cases=_fixed_one_d()[2:], gradcheck=_one_d_gradcheck,
    mistakes=[
        Mistake("slope_in_x", lambda x, theta: theta,
                "you returned dJ/dx = theta; the gradient check needs dJ/dtheta, which for J = theta * x is x."),
        Mistake("returns_J", lambda x, theta: theta * x,
                "backward_propagation returns the slope dJ/dtheta = x, not the cost J = theta * x."),
        Mistake("constant", lambda x, theta: 1.0,
                "the slope of theta * x with respect to theta is x (not 1): x multiplies theta."),
    ],
))


def _check_1d_case(rng):
    base = _one_d_case(rng)
    eps = float(rng.choice([1e-7, 1e-6, 1e-5]))
    return Case(base.args + (eps,), label=base.label + f", epsilon = {eps:g}")


register(Exercise(
    id="c2w1.gradient_check", reference=gradient_check_1d, outputs="difference", rtol=1e-3, atol=1e-14,
    random_case=_check_1d_case,
    hidden_cases=[Case((0.37, 2.9), label="x = 0.37, theta = 2.9"), Case((-1.1, -4.4, 1e-5), label="epsilon = 1e-5")],
    fixed_cases=[Case((2.0, 4.0), label="the course's x = 2, theta = 4, epsilon = 1e-7"),
                 Case((-3.0, 1.5), label="x = -3, theta = 1.5, epsilon = 1e-7"),
                 Case((1.3, -0.7, 1e-5), label="x = 1.3, theta = -0.7, epsilon = 1e-5")],
    mistakes=[
        Mistake("one_sided", _check_1d(lambda x, t, e: (forward_1d(x, t + e) - forward_1d(x, t)) / e, _relative),
                "use the two-sided difference (J(theta + epsilon) - J(theta - epsilon)) / (2 * epsilon): it is far "
                "more accurate than the one-sided (J(theta + epsilon) - J(theta)) / epsilon."),
        Mistake("over_epsilon", _check_1d(lambda x, t, e: 2 * two_sided(x, t, e), _relative),
                "the two points theta + epsilon and theta - epsilon are 2 * epsilon apart: divide by 2 * epsilon."),
        Mistake("denominator_grad_only", _check_1d(two_sided, lambda g, a: float(norm(g - a) / norm(g))),
                "the denominator is the sum of both norms, np.linalg.norm(grad) + np.linalg.norm(gradapprox)."),
        Mistake("no_denominator", _check_1d(two_sided, lambda g, a: float(norm(g - a))),
                "divide the norm of the difference by np.linalg.norm(grad) + np.linalg.norm(gradapprox): the check "
                "is a relative difference, independent of the gradient's size."),
        Mistake("no_norms", _check_1d(two_sided, lambda g, a: float(norm(g - a) / (g + a))),
                "take the norms in the denominator too: np.linalg.norm(grad) + np.linalg.norm(gradapprox). Without "
                "them a negative gradient gives a negative 'difference'."),
    ],
))

# --------------------------------------------------- vectors of parameters

def _net(rng, dims, order="course"):
    params = scaled_net(rng, dims, 0.3)
    if order == "grouped":          # W1, W2, W3, b1, b2, b3: the order of sorted(keys)
        params = {k: params[k] for k in sorted(params)}
    elif order == "reversed":
        params = {k: params[k] for k in reversed(list(params))}
    return params


def _dims(rng):
    return [int(rng.integers(2, 6)), int(rng.integers(2, 6)), int(rng.integers(2, 5)), 1]


def _dict_case(rng, dims=None, order=None):
    dims = dims or _dims(rng)
    order = order or str(rng.choice(["course", "grouped", "reversed"]))
    return Case((_net(rng, dims, order),), label=f"a network {dims}, keys inserted in {order} order")


def _stacked(order):
    """dictionary_to_vector with the names in the order ``order(parameters)`` instead of the course's."""
    def dictionary_to_vector(parameters):
        names = order(parameters)
        return np.concatenate([parameters[n].reshape(-1, 1) for n in names]), [(n, parameters[n].shape) for n in names]
    return dictionary_to_vector


register(Exercise(
    id="c2w1.dictionary_to_vector", reference=gradcheck.dictionary_to_vector, outputs=("theta", "layout"),
    random_case=_dict_case, hidden_cases=[_dict_case(np.random.default_rng(25), dims=[2, 20, 3, 1], order="reversed")],
    fixed_cases=[_dict_case(np.random.default_rng(1), dims=[4, 5, 3, 1], order="course"),
                 _dict_case(np.random.default_rng(2), dims=[4, 5, 3, 1], order="grouped")],
    mistakes=[
        Mistake("dict_order", _stacked(list),
                "go through the parameters in the course's order W1, b1, W2, b2, ... (for l in 1 .. L: 'W' + str(l), "
                "then 'b' + str(l)), not in the order the dict happens to hold its keys."),
        Mistake("sorted_keys", _stacked(sorted), "sorted(parameters) gives W1, W2, ..., b1, b2, "
                "...; the course's order alternates by layer: W1, b1, W2, b2, ..."),
        Mistake("rank1", then(gradcheck.dictionary_to_vector, lambda out, *_: (out[0].ravel(), out[1])),
                "theta must be a column of shape (n, 1): reshape each array with .reshape(-1, 1) before concatenating "
                "along axis 0."),
        Mistake("weights_only", lambda p: gradcheck.dictionary_to_vector({k: v for k, v in p.items() if k[0] == "W"}),
                "theta holds every parameter, the biases b1, b2, ... too, not only the weights."),
    ],
))


def _theta_case(rng, dims=None):
    dims = dims or _dims(rng)
    theta, layout = gradcheck.dictionary_to_vector(_net(rng, dims))
    return Case((theta, layout), label=f"theta and layout of a network {dims}")


def _each(change):
    """vector_to_dictionary, then ``change`` applied to every array it returns."""
    return then(gradcheck.vector_to_dictionary, lambda params, *_: {k: change(v) for k, v in params.items()})


register(Exercise(
    id="c2w1.vector_to_dictionary", reference=gradcheck.vector_to_dictionary, outputs="parameters",
    fixed_cases=[_theta_case(np.random.default_rng(3), dims=[4, 5, 3, 1])], random_case=_theta_case,
    hidden_cases=[_theta_case(np.random.default_rng(26), dims=[2, 20, 3, 1])],
    mistakes=[
        Mistake("restart", lambda theta, layout: {n: theta[:int(np.prod(shape))].reshape(shape) for n, shape in layout},
                "each parameter starts where the previous one ended: keep a running index, start += size, and slice "
                "theta[start:start + size]."),
        Mistake("column_major", _each(lambda W: W.reshape(W.shape[::-1]).T), "cut each piece back with "
                "piece.reshape(shape), row by row, exactly undoing reshape(-1, 1); do not transpose."),
        Mistake("no_reshape", _each(lambda W: W.reshape(-1, 1)), "reshape each piece of theta back to the "
                "parameter's shape from the layout, e.g. (n^[l], n^[l-1]) for W."),
    ],
))


def _grads_case(rng, dims=None, order=None):
    dims = dims or _dims(rng)
    m = int(rng.integers(3, 8))
    params = _net(rng, dims)
    X = rng.normal(size=(dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    _, cache = reg.forward_propagation(X, params)
    grads = reg.backward_propagation(X, Y, cache)
    order = order or str(rng.choice(["course", "backprop"]))
    if order == "course":
        grads = {k: grads[k] for k in ["dW1", "db1", "dW2", "db2", "dW3", "db3"] + [k for k in grads if k[1] in "AZ"]}
    _, layout = gradcheck.dictionary_to_vector(params)
    return Case((grads, layout), label=f"gradients of a network {dims} (keys in {order} order) and its layout")


def _column(arrays):
    return np.concatenate([np.asarray(a).reshape(-1, 1) for a in arrays])


register(Exercise(
    id="c2w1.gradients_to_vector", reference=gradcheck.gradients_to_vector, outputs="grad",
    fixed_cases=[_grads_case(np.random.default_rng(4), dims=[4, 5, 3, 1], order="backprop")], random_case=_grads_case,
    hidden_cases=[_grads_case(np.random.default_rng(27), dims=[2, 20, 3, 1], order="backprop")],
    mistakes=[
        Mistake("every_key", lambda grads, layout: _column(grads.values()),
                "stack only the parameters' gradients dW1, db1, ...: the dict also holds dZ and dA entries, "
                "which are not slopes of parameters. Loop over the layout and take gradients['d' + name]."),
        Mistake("dict_order", lambda grads, layout: _column(v for k, v in grads.items() if k[1] in "Wb"),
                "follow the layout's order (W1, b1, W2, b2, ...), so that entry i of grad is the slope for entry i "
                "of theta; backpropagation fills the dict from the last layer down."),
        Mistake("rank1", then(gradcheck.gradients_to_vector, lambda grad, *_: grad.ravel()),
                "grad must be a column of shape (n, 1), like theta: reshape each gradient with .reshape(-1, 1)."),
    ],
))

# ---------------------------------------------------------- N-dimensional check

def forward_propagation_n(X, Y, parameters):
    """The notebook's forward_propagation_n: the cost of the 3-layer net and its cache."""
    A3, cache = reg.forward_propagation(X, parameters)
    return _cross_entropy(A3, Y), cache


def backward_propagation_n(X, Y, cache, bugs=False):
    """The notebook's backward pass; ``bugs=True`` plants its two bugs (dW2 twice too large, db1 with 4/m)."""
    grads = reg.backward_propagation(X, Y, cache)
    if bugs:
        m = X.shape[1]
        grads["dW2"] = grads["dW2"] * 2
        grads["db1"] = 4.0 / m * np.sum(grads["dZ1"], axis=1, keepdims=True)
    return grads


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """The notebook's signature on top of ``dlkit.gradcheck.gradient_check_n``; returns the difference."""
    result = gradcheck.gradient_check_n(lambda p: forward_propagation_n(X, Y, p)[0], parameters, gradients, epsilon)
    if print_msg:
        _print_verdict(result.difference)
    return result.difference


def _n_case(rng, dims=None, m=None, bugs=None, eps=None):
    dims = dims or [int(rng.integers(2, 5)), int(rng.integers(3, 6)), int(rng.integers(2, 4)), 1]
    m = m or int(rng.integers(3, 6))
    bugs = bool(rng.integers(0, 2)) if bugs is None else bugs
    eps = eps if eps is not None else float(rng.choice([1e-7, 1e-2]))
    params = _net(rng, dims)
    X = rng.normal(size=(dims[0], m))
    Y = binary_labels(rng, m)
    _, cache = forward_propagation_n(X, Y, params)
    grads = backward_propagation_n(X, Y, cache, bugs=bugs)
    kind = "the planted bugs (dW2 x 2, db1 with 4/m)" if bugs else "correct gradients"
    return Case((params, grads, X, Y, eps), label=f"network {dims}, m = {m}, {kind}, epsilon = {eps:g}")


def _bad_check_n(one_sided=False, over_eps=False, norm_of_sum=False, no_copy=False):
    def check(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
        values, layout = gradcheck.dictionary_to_vector(parameters)
        grad = gradcheck.gradients_to_vector(gradients, layout)
        n = values.shape[0]
        approx = np.zeros((n, 1))
        for i in range(n):
            plus = values if no_copy else np.copy(values)
            plus[i] = plus[i] + epsilon
            J_plus, _ = forward_propagation_n(X, Y, gradcheck.vector_to_dictionary(plus, layout))
            minus = np.copy(values)
            if one_sided:
                J_minus, _ = forward_propagation_n(X, Y, gradcheck.vector_to_dictionary(minus, layout))
                approx[i] = (J_plus - J_minus) / epsilon
                continue
            minus[i] = minus[i] - epsilon
            J_minus, _ = forward_propagation_n(X, Y, gradcheck.vector_to_dictionary(minus, layout))
            approx[i] = (J_plus - J_minus) / (epsilon if over_eps else 2 * epsilon)
        numerator = np.linalg.norm(grad - approx)
        denominator = np.linalg.norm(grad + approx) if norm_of_sum else np.linalg.norm(grad) + np.linalg.norm(approx)
        return float(numerator / denominator)
    return check


register(Exercise(
    id="c2w1.gradient_check_n", reference=gradient_check_n, outputs="difference", rtol=1e-4, atol=1e-6, n_random=2,
    random_case=_n_case, hidden_cases=[_n_case(np.random.default_rng(28), dims=[3, 4, 3, 1], m=4, bugs=True, eps=1e-2)],
    n_hidden_random=3,
    fixed_cases=[_n_case(np.random.default_rng(5), dims=[4, 5, 3, 1], m=3, bugs=True, eps=1e-7),
                 _n_case(np.random.default_rng(5), dims=[4, 5, 3, 1], m=3, bugs=False, eps=1e-7),
                 _n_case(np.random.default_rng(6), dims=[4, 5, 3, 1], m=3, bugs=False, eps=1e-2)],
    mistakes=[
        Mistake("one_sided", _bad_check_n(one_sided=True), "use the two-sided difference: J_plus with theta_i + "
                "epsilon, J_minus with theta_i - epsilon, gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)."),
        Mistake("over_epsilon", _bad_check_n(over_eps=True),
                "theta_i + epsilon and theta_i - epsilon are 2 * epsilon apart: divide by 2 * epsilon."),
        Mistake("norm_of_sum", _bad_check_n(norm_of_sum=True), "the denominator is the sum of two norms, "
                "np.linalg.norm(grad) + np.linalg.norm(gradapprox), not the norm of the sum."),
        Mistake("no_copy", _bad_check_n(no_copy=True),
                "copy the vector before nudging it: thetaplus = np.copy(parameters_values). Without the copy, "
                "thetaplus[i] += epsilon changes parameters_values itself, and the nudges pile up."),
    ],
))
