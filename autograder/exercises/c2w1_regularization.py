"""Course 2, Week 1: L2 regularisation and inverted dropout (notebook ``course2/week1/regularization.ipynb``).

References: ``dlkit.regularization``, the course's 3-layer LINEAR -> RELU -> LINEAR -> RELU -> LINEAR ->
SIGMOID network with its flat caches. Dropout masks follow the course: ``np.random.seed(seed)``, then
``np.random.rand(...) < keep_prob`` for D1, then for D2.

Both backward passes carry a numeric gradient check of the matching cost: the L2-regularised cost,
and for dropout the cost with the cache's masks D1, D2 held fixed (a new mask per evaluation would
make J random). dW and db are slopes of J (averages over the m examples), dA and dZ per-example slopes.
"""
from __future__ import annotations

import copy

import numpy as np

from dlkit import regularization as reg
from dlkit.activations import relu as _relu, sigmoid as _sigmoid
from dlkit.deep import compute_cost as _cross_entropy

from ..registry import Case, Exercise, Mistake, register
from ._slips import then
from ._nets import binary_labels, scaled_net
from ._gradients import numeric_slopes, phrase, summary

# ------------------------------------------------------------------ helpers

def _dims(rng):
    return [int(rng.integers(2, 5)), int(rng.integers(3, 8)), int(rng.integers(2, 5)), 1]


def _data(rng, dims, m):
    return rng.normal(size=(dims[0], m)), binary_labels(rng, m)


def _flat_forward(X, p, masks=None, keep_prob=1.0):
    """A3 of the 3-layer net; with ``masks`` the dropout of the forward pass, masks held fixed."""
    A1 = _relu(p["W1"] @ X + p["b1"])
    if masks is not None:
        A1 = A1 * masks[0] / keep_prob
    A2 = _relu(p["W2"] @ A1 + p["b2"])
    if masks is not None:
        A2 = A2 * masks[1] / keep_prob
    return _sigmoid(p["W3"] @ A2 + p["b3"])


def _params_of(cache, names):
    got = dict(zip(names, cache))
    return {k: np.array(got[k], dtype=float) for k in ("W1", "b1", "W2", "b2", "W3", "b3")}


def _net_slopes(grads, params, J, m, alternatives, all_right):
    """Every ``grads["d" + name]`` against the numeric slope of ``J()`` with respect to ``params[name]``;
    ``alternatives(name, slope)`` lists the (array, predicate) pairs of known slips (``_gradients.phrase``)."""
    problems = []
    for name, slope in numeric_slopes(J, params).items():
        key = "d" + name
        problems.append((f'gradients["{key}"]', phrase(grads[key], slope, m, alternatives(name, slope)))
                        if key in grads else f"gradients has no {key!r}")
    return summary(problems, all_right)


# ------------------------------------------------------ cost with L2 term

_HAND_PARAMS = {
    "W1": np.array([[1.0, -1.0], [2.0, 0.0]]), "b1": np.array([[5.0], [5.0]]),   # ||W1||^2 = 6
    "W2": np.array([[1.0, 2.0]]), "b2": np.array([[5.0]]),                        # ||W2||^2 = 5
    "W3": np.array([[-1.0]]), "b3": np.array([[5.0]]),                            # ||W3||^2 = 1
}
HAND_COST = 0.2797765635793422 + 0.3 / (2 * 3) * 12          # = 0.8797765635793422


def _cost_case(rng, dims=None, m=None, lambd=None):
    dims = dims or _dims(rng)
    m = m or int(rng.integers(3, 12))
    lambd = lambd if lambd is not None else float(rng.choice([0.1, 0.7, 1.5]))
    A3 = rng.uniform(0.05, 0.95, size=(1, m))
    return Case((A3, binary_labels(rng, m), scaled_net(rng, dims, 0.3), lambd),
                label=f"random A3 (1, {m}), Y, network {dims}, lambd = {lambd}")


_COST = reg.compute_cost_with_regularization


def _l2_term(Y, parameters, lambd, keys=("W1", "W2", "W3"), norm=lambda a: np.sum(np.square(a))):
    """(lambd / (2 m)) times the sum of ``norm(parameters[k])``: the L2 term, or a slip of it (other keys or norm)."""
    return lambd / (2 * Y.shape[1]) * float(sum(norm(parameters[k]) for k in keys))


register(Exercise(
    id="c2w1.compute_cost_with_regularization", reference=_COST, outputs="cost",
    random_case=_cost_case, hidden_cases=[_cost_case(np.random.default_rng(21), dims=[2, 20, 3, 1], m=150, lambd=0.7)],
    fixed_cases=[Case((np.array([[0.8, 0.9, 0.4]]), np.array([[1.0, 1.0, 0.0]]), _HAND_PARAMS, 0.3),
                      label="the hand computation: 0.2797765635793422 + (0.3 / 6) * (6 + 5 + 1) = 0.8797765635793422")],
    mistakes=[
        Mistake("lambda_over_m", lambda A3, Y, p, lambd: _COST(A3, Y, p, 2 * lambd), "the L2 term is twice too large: "
                "it is (lambd / (2 * m)) times the sum of the squared norms, not lambd / m."),
        Mistake("no_m", lambda A3, Y, p, lambd: _COST(A3, Y, p, lambd * Y.shape[1]),
                "the L2 term is m times too large: divide by 2 * m, where m = Y.shape[1] is the number of examples."),
        Mistake("includes_b", then(_COST, lambda J, A3, Y, p, lambd: J + _l2_term(Y, p, lambd, ("b1", "b2", "b3"))),
                "only the weights are regularised: sum np.square(W1), np.square(W2) and np.square(W3), not the biases "
                "b1, b2, b3."),
        Mistake("norm_not_squared",
                lambda A3, Y, p, lbd: _cross_entropy(A3, Y) + _l2_term(Y, p, lbd, norm=np.linalg.norm),
                "use the SQUARED Frobenius norm, np.sum(np.square(W)) (the sum of every squared entry); "
                "np.linalg.norm(W) is its square root."),
    ],
))

# ------------------------------------------------- backward pass with L2

def _backward_case(rng, dims=None, m=None, lambd=None):
    dims = dims or _dims(rng)
    m = m or int(rng.integers(3, 9))
    lambd = lambd if lambd is not None else float(rng.choice([0.1, 0.7, 1.5]))
    X, Y = _data(rng, dims, m)
    _, cache = reg.forward_propagation(X, scaled_net(rng, dims, 0.3))
    return Case((X, Y, cache, lambd), label=f"random X ({dims[0]}, {m}), Y, network {dims}, lambd = {lambd}")


_BACKWARD_L2 = reg.backward_propagation_with_regularization


def _plus_l2(key, factor):
    """A slip after the reference: ``factor * (lambd / m) * W`` added to every dW (key "W"), or b to db (key "b")."""
    def slip(grads, X, Y, cache, lambd):
        p, c = _params_of(cache, reg.CACHE_NAMES), factor * lambd / X.shape[1]
        return {**grads, **{f"d{key}{l}": grads[f"d{key}{l}"] + c * p[f"{key}{l}"] for l in (1, 2, 3)}}
    return slip


def _l2_gradcheck(fn, case):
    X, Y, cache, lambd = case.args
    grads = fn(*copy.deepcopy(case.args))
    if not isinstance(grads, dict):
        return "backward_propagation_with_regularization should return the dict of gradients"
    params = _params_of(cache, reg.CACHE_NAMES)
    m = X.shape[1]

    def J():
        return reg.compute_cost_with_regularization(_flat_forward(X, params), Y, params, lambd)

    def alternatives(name, slope):
        term = lambd / m * params[name]
        if name.startswith("b"):
            return [(slope + f * term, "has an L2 term, but the biases are not regularised: leave db as in backprop")
                    for f in (1, 0.5)]
        return [(slope - term, "has no L2 term: add (lambd / m) * W"),
                (slope - term / 2, "has (lambd / (2m)) * W: the slope of (lambd / (2m)) * W^2 is (lambd / m) * W"),
                (slope - term + lambd * params[name], "has lambd * W: the L2 term is (lambd / m) * W"),
                (slope - 2 * term, "subtracts the L2 term: it is dW = (backprop) + (lambd / m) * W")]

    return _net_slopes(grads, params, J, m, alternatives, "every dW and db matches the numeric slopes of the "
                       "regularised cost: look at the other entries (dZ3, dA2, dZ2, dA1, dZ1), which are those of "
                       "plain backpropagation.")


register(Exercise(
    id="c2w1.backward_propagation_with_regularization", reference=_BACKWARD_L2,
    outputs="gradients", fixed_cases=[_backward_case(np.random.default_rng(7), dims=[2, 4, 3, 1], m=5, lambd=0.7)],
    random_case=_backward_case,
    hidden_cases=[_backward_case(np.random.default_rng(22), dims=[2, 20, 3, 1], m=40, lambd=0.7)],
    gradcheck=_l2_gradcheck,
    mistakes=[
        Mistake("half_lambda", lambda X, Y, cache, lambd: _BACKWARD_L2(X, Y, cache, lambd / 2),
                "the L2 term of dW is (lambd / m) * W: the derivative of (lambd / (2m)) * W^2 is (lambd / m) * W, the "
                "2 cancels."),
        Mistake("regularise_b", then(_BACKWARD_L2, _plus_l2("b", 1)), "the biases are not regularised: add (lambd / m) "
                "* W to dW1, dW2, dW3 only, and leave db1, db2, db3 as in backpropagation."),
        Mistake("no_m", lambda X, Y, cache, lambd: _BACKWARD_L2(X, Y, cache, lambd * X.shape[1]),
                "the L2 term is (lambd / m) * W: divide by m, the number of examples (X.shape[1])."),
        Mistake("sign", then(_BACKWARD_L2, _plus_l2("W", -2)), "the L2 term is added: dW = "
                "(1/m) dZ A_prev^T + (lambd / m) * W, which makes the update shrink W (weight decay)."),
    ],
))

# --------------------------------------------------- forward with dropout

def _dropout_forward_case(rng, dims=None, m=None, keep_prob=None, seed=None):
    dims = dims or _dims(rng)
    m = m or int(rng.integers(3, 9))
    keep_prob = keep_prob if keep_prob is not None else float(rng.choice([0.5, 0.7, 0.8, 0.86]))
    seed = seed if seed is not None else int(rng.integers(0, 1000))
    X = rng.normal(size=(dims[0], m))
    return Case((X, scaled_net(rng, dims, 0.3), keep_prob, seed),
                label=f"random X ({dims[0]}, {m}), network {dims}, keep_prob = {keep_prob}, seed = {seed}")


def _bad_dropout_forward(mask=lambda rng, A, kp: rng.rand(*A.shape) < kp, rescale=lambda A, kp: A / kp):
    """The course's forward pass with another ``mask(rng, A, keep_prob)`` or ``rescale(A * D, keep_prob)``."""
    def forward_propagation_with_dropout(X, parameters, keep_prob=0.5, seed=1):
        rng, p = np.random.RandomState(seed), parameters

        def drop(A):
            D = mask(rng, A, keep_prob)
            return D, rescale(A * D, keep_prob)

        Z1 = p["W1"] @ X + p["b1"]
        D1, A1 = drop(_relu(Z1))
        Z2 = p["W2"] @ A1 + p["b2"]
        D2, A2 = drop(_relu(Z2))
        Z3 = p["W3"] @ A2 + p["b3"]
        A3 = _sigmoid(Z3)
        return A3, (Z1, D1, A1, p["W1"], p["b1"], Z2, D2, A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"])
    return forward_propagation_with_dropout


register(Exercise(
    id="c2w1.forward_propagation_with_dropout", reference=reg.forward_propagation_with_dropout, outputs=("A3", "cache"),
    random_case=_dropout_forward_case,
    hidden_cases=[_dropout_forward_case(np.random.default_rng(23), dims=[2, 20, 3, 1], m=30, keep_prob=0.86, seed=7)],
    fixed_cases=[_dropout_forward_case(np.random.default_rng(3), dims=[3, 5, 3, 1], m=4, keep_prob=0.7, seed=1),
                 _dropout_forward_case(np.random.default_rng(4), dims=[2, 20, 3, 1], m=6, keep_prob=0.86, seed=1)],
    mistakes=[
        Mistake("no_rescale", _bad_dropout_forward(rescale=lambda A, kp: A),
                "after A1 = A1 * D1, divide by keep_prob (A1 = A1 / keep_prob), and the same for A2: this is "
                "*inverted* dropout, which keeps the expected value of each activation unchanged."),
        Mistake("multiply", _bad_dropout_forward(rescale=lambda A, kp: A * kp), "divide the kept activations by "
                "keep_prob (A1 / keep_prob), do not multiply by it: the survivors must make up for the units that were "
                "shut off."),
        Mistake("keeps_the_dropped", _bad_dropout_forward(mask=lambda rng, A, kp: rng.rand(*A.shape) > kp),
                "the mask must keep a unit with probability keep_prob: D1 = np.random.rand(...) < keep_prob (with '>' "
                "you keep a fraction 1 - keep_prob)."),
        Mistake("per_unit_mask", _bad_dropout_forward(mask=lambda rng, A, kp: rng.rand(A.shape[0], 1) < kp),
                "draw one number per unit AND per example: D1 = np.random.rand(A1.shape[0], A1.shape[1]); a mask of "
                "shape (n, 1) shuts off the same units for every example."),
    ],
))

# -------------------------------------------------- backward with dropout

def _dropout_backward_case(rng, dims=None, m=None, keep_prob=None, seed=None):
    fwd = _dropout_forward_case(rng, dims, m, keep_prob, seed)
    X, params, keep_prob, seed = fwd.args
    _, cache = reg.forward_propagation_with_dropout(X, params, keep_prob, seed)
    Y = binary_labels(rng, X.shape[1])
    return Case((X, Y, cache, keep_prob),
                label=f"random X {X.shape}, Y, cache of the forward pass with keep_prob = {keep_prob}, seed = {seed}")


def _doctored(D1=lambda D, kp: D, D2=lambda D, kp: D, keep_prob=lambda kp: kp):
    """A known mistake as the reference on a doctored cache: the masks D1, D2 changed, or keep_prob.

    (A mask of ones drops nothing, a mask times keep_prob cancels the division by keep_prob, and so on.)
    """
    def backward_propagation_with_dropout(X, Y, cache, kp):
        named = dict(zip(reg.DROPOUT_CACHE_NAMES, cache))
        named["D1"] = D1(np.asarray(named["D1"], dtype=float), kp)
        named["D2"] = D2(np.asarray(named["D2"], dtype=float), kp)
        cache = tuple(named[k] for k in reg.DROPOUT_CACHE_NAMES)
        return reg.backward_propagation_with_dropout(X, Y, cache, keep_prob(kp))
    return backward_propagation_with_dropout


def _dropout_gradcheck(fn, case):
    """Slopes of the cost of the network whose masks are those of the cache (held fixed), against the student's."""
    X, Y, cache, keep_prob = case.args
    first = fn(*copy.deepcopy(case.args))
    if not isinstance(first, dict):
        return "backward_propagation_with_dropout should return the dict of gradients"
    second = fn(*copy.deepcopy(case.args))
    for key, value in first.items():
        if key in second and not np.array_equal(np.asarray(value, dtype=float), np.asarray(second[key], dtype=float)):
            return (f"two calls on the same cache gave different gradients[{key!r}]: your backward pass draws new "
                    "random numbers. Reuse the masks D1 and D2 of the forward pass; they are in the cache.")
    named = dict(zip(reg.DROPOUT_CACHE_NAMES, cache))
    D1, D2 = np.asarray(named["D1"]), np.asarray(named["D2"])
    for key, D in (("dA2", D2), ("dA1", D1)):
        got = np.asarray(first.get(key, 0.0), dtype=float)
        if got.shape == D.shape and np.any((got != 0) & ~D.astype(bool)):
            return (f"gradients[{key!r}] is non-zero where the forward pass shut a unit off: multiply it by the mask "
                    f"D{key[-1]} of the cache (the same mask as in the forward pass), then divide by keep_prob.")
    params = _params_of(cache, reg.DROPOUT_CACHE_NAMES)
    m = X.shape[1]

    def J():
        return _cross_entropy(_flat_forward(X, params, masks=(D1, D2), keep_prob=keep_prob), Y)

    def alternatives(name, slope):
        k = 3 - int(name[1])  # how many dropout steps the gradient of this layer passes through on the way back
        power = "keep_prob" if k == 1 else f"keep_prob^{k}"
        return [] if not k else [
            (slope * keep_prob**k, f"is the numeric slope times {power}: divide dA by keep_prob after applying "
                                   "the mask (inverted dropout rescales in both directions)"),
            (slope / keep_prob**k, f"is the numeric slope divided by {power}: divide dA by keep_prob once per "
                                   "layer, not twice"),
            (slope * keep_prob**(2 * k), f"is the numeric slope times keep_prob^{2 * k}: divide dA by keep_prob, "
                                         "do not multiply")]

    return _net_slopes(first, params, J, m, alternatives, "every dW and db matches the numeric slopes of the network "
                       "with the cache's masks held fixed: look at the other entries (dA2, dZ2, dA1, dZ1).")


register(Exercise(
    id="c2w1.backward_propagation_with_dropout", reference=reg.backward_propagation_with_dropout, outputs="gradients",
    fixed_cases=[_dropout_backward_case(np.random.default_rng(5), dims=[3, 5, 3, 1], m=5, keep_prob=0.8, seed=1)],
    random_case=_dropout_backward_case,
    hidden_cases=[_dropout_backward_case(np.random.default_rng(24), dims=[2, 20, 3, 1], m=30, keep_prob=0.86, seed=3)],
    gradcheck=_dropout_gradcheck,
    mistakes=[
        Mistake("no_rescale", _doctored(keep_prob=lambda kp: 1.0),
                "after dA2 = dA2 * D2, divide by keep_prob (and the same for dA1): the forward pass divided the kept "
                "activations by keep_prob, so their gradients are divided by it too."),
        Mistake("no_mask", _doctored(D1=lambda D, kp: np.ones_like(D), D2=lambda D, kp: np.ones_like(D)),
                "apply the forward pass's masks: dA2 = dA2 * D2 and dA1 = dA1 * D1 (from the cache) before dividing "
                "by keep_prob; a unit that was shut off gets no gradient."),
        Mistake("rescale_twice", _doctored(D1=lambda D, kp: D / kp, D2=lambda D, kp: D / kp),
                "divide dA1 and dA2 by keep_prob once each: the 1/keep_prob of the forward pass appears once in the "
                "gradient, not twice."),
        Mistake("multiply", _doctored(D1=lambda D, kp: D * kp * kp, D2=lambda D, kp: D * kp * kp),
                "divide dA by keep_prob (dA2 = dA2 * D2 / keep_prob), do not multiply by it."),
        Mistake("layer2_only", _doctored(D1=lambda D, kp: np.full_like(D, kp)),
                "both hidden layers had dropout: apply D1 and the 1/keep_prob to dA1 as well as D2 to dA2."),
    ],
))
