"""Course 1, Week 4: a deep L-layer network, step by step and applied to the image set.

References live in ``dlkit.deep`` and ``dlkit.layers``; the notebooks are
``course1/week4/deep_nn_step_by_step.ipynb`` (the ten building blocks) and
``course1/week4/deep_nn_application.ipynb`` (``two_layer_model``,
``L_layer_model``); the tests of these entries are ``autograder/tests/test_c1w4.py``.

Fixed cases use the notes' shapes (the 3-4-1 network, the L = 5 network with
n = [2, 3, 5, 4, 2, 1]) and the cost example J(AL = [.8, .9, .4], Y = [1, 1, 0]).
Backward passes carry a numeric gradient check; the course's scaling applies:
dW and db are slopes of the cost J (an average over the m examples), dA holds
per-example slopes, m times the slope of J.
"""
from __future__ import annotations

import copy

import numpy as np

from dlkit import deep
from dlkit.activations import relu as _relu, sigmoid as _sigmoid
from dlkit.gradcheck import numeric_gradient
from dlkit.layers import dense

from ..factories import KernelRun, kernel_exercise, kernel_probe
from ..registry import Case, Exercise, Mistake, register
from ._gradients import verdict
from ._nets import binary_labels, scaled_net

NOTES_DIMS = [2, 3, 5, 4, 2, 1]


# ------------------------------------------------------------------ helpers

def _dims(rng, n_layers=None):
    L = n_layers or int(rng.integers(2, 5))
    return [int(rng.integers(2, 7))] + [int(rng.integers(1, 6)) for _ in range(L - 1)] + [1]


def _layer_run(dout, cache, activation="linear"):
    """A case of linear_backward (dZ, cache) or linear_activation_backward (dA, cache, activation)."""
    A_prev, W, b = cache if len(cache) == 3 else cache[0]
    g = {"linear": lambda Z: Z, "sigmoid": _sigmoid, "relu": _relu}[activation]
    args = (dout, cache) if len(cache) == 3 else (dout, cache, activation)
    return KernelRun(dout, {"A_prev": A_prev, "W": W, "b": b}, lambda fn: fn(*copy.deepcopy(args)),
                     lambda A_prev, W, b: g(W @ A_prev + b))


# The factory's probe of a layer's backward kernel: (dA_prev, dW, db) against the slopes of
# sum(upstream * g(W A_prev + b)), dW and db with Course 1's 1/m.
_LAYER_PROBE = kernel_probe(_layer_run, None, ("dA_prev", "dW", "db"), per_m=("dW", "db"),
                            all_right=("your gradients match numeric slopes of this layer, so the formulas are "
                                       "right: look at the shapes and the dtype of what you return."))


# ------------------------------------------------------------ initialisation

def _bad_init2(scale=0.01, transpose=False, rank1_b=False):
    def initialize_parameters(n_x, n_h, n_y):
        rng = np.random.RandomState(1)
        W1 = rng.randn(n_x, n_h) * scale if transpose else rng.randn(n_h, n_x) * scale
        W2 = rng.randn(n_h, n_y) * scale if transpose else rng.randn(n_y, n_h) * scale
        b1, b2 = (np.zeros(n_h), np.zeros(n_y)) if rank1_b else (np.zeros((n_h, 1)), np.zeros((n_y, 1)))
        return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return initialize_parameters


register(Exercise(
    id="c1w4.initialize_parameters",
    reference=deep.initialize_parameters,
    outputs="parameters",
    fixed_cases=[Case((3, 2, 1), label="n_x = 3, n_h = 2, n_y = 1"),
                 Case((3, 4, 1), label="the notes' 3-4-1 network: W1 (4, 3), W2 (1, 4)")],
    random_case=lambda rng: Case(tuple(int(v) for v in rng.integers(2, 8, size=3))),
    hidden_cases=[Case((12288, 7, 1), label="the application's 12288-7-1 network")],
    mistakes=[
        Mistake("no_scale", _bad_init2(scale=1.0),
                "the weights are too large: multiply np.random.randn(...) by 0.01."),
        Mistake("zeros", _bad_init2(scale=0.0),
                "W1 and W2 must be random (np.random.randn(...) * 0.01): with zeros every hidden unit "
                "computes the same thing and they stay identical (symmetry)."),
        Mistake("transposed", _bad_init2(transpose=True),
                "W^[l] has shape (n^[l], n^[l-1]): rows are this layer's units, columns the previous layer's."),
        Mistake("rank1_b", _bad_init2(rank1_b=True),
                "b1 and b2 must be columns, np.zeros((n_h, 1)) and np.zeros((n_y, 1)), not rank-1 arrays."),
    ],
))


def _bad_init_deep(scale=0.01, transpose=False, skip_last=False, rank1_b=False):
    def initialize_parameters_deep(layer_dims):
        rng = np.random.RandomState(3)
        params = {}
        L = len(layer_dims) - (1 if not skip_last else 2)
        for l in range(1, L + 1):
            n, p = layer_dims[l], layer_dims[l - 1]
            params[f"W{l}"] = rng.randn(p, n) * scale if transpose else rng.randn(n, p) * scale
            params[f"b{l}"] = np.zeros(n) if rank1_b else np.zeros((n, 1))
        return params
    return initialize_parameters_deep


register(Exercise(
    id="c1w4.initialize_parameters_deep",
    reference=deep.initialize_parameters_deep,
    outputs="parameters",
    fixed_cases=[Case(([5, 4, 3],), label="layer_dims = [5, 4, 3]"),
                 Case((NOTES_DIMS,), label="the notes' L = 5 network, n = [2, 3, 5, 4, 2, 1] (66 parameters)")],
    random_case=lambda rng: Case((_dims(rng),)),
    hidden_cases=[Case(([12288, 20, 7, 5, 1],), label="the application's [12288, 20, 7, 5, 1]")],
    mistakes=[
        Mistake("no_scale", _bad_init_deep(scale=1.0),
                "the weights are too large: multiply np.random.randn(...) by 0.01."),
        Mistake("transposed", _bad_init_deep(transpose=True),
                "W^[l] has shape (layer_dims[l], layer_dims[l-1]), not the other way round."),
        Mistake("skip_last", _bad_init_deep(skip_last=True),
                "the last layer is missing: loop l = 1 .. L with L = len(layer_dims) - 1, i.e. range(1, L + 1)."),
        Mistake("rank1_b", _bad_init_deep(rank1_b=True),
                "b^[l] must be a column, np.zeros((layer_dims[l], 1)), not a rank-1 array."),
    ],
))

# --------------------------------------------------------------- forward pass

_A3 = np.array([[1.62434536, -0.61175641], [-0.52817175, -1.07296862], [0.86540763, -2.3015387]])
_W3 = np.array([[1.74481176, -0.7612069, 0.3190391]])
_B3 = np.array([[-0.24937038]])


def _layer_case(rng, n=None):
    n_prev, n, m = int(rng.integers(2, 7)), n or int(rng.integers(1, 6)), int(rng.integers(1, 7))
    return rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))


def _bad_linear_forward(bias=True, cache_order=(0, 1, 2)):
    def linear_forward(A, W, b):
        Z = W @ A + (b if bias else 0)
        parts = (A, W, b)
        return Z, tuple(parts[i] for i in cache_order)
    return linear_forward


register(Exercise(
    id="c1w4.linear_forward",
    reference=dense.linear_forward,
    outputs=("Z", "linear_cache"),
    fixed_cases=[Case((_A3, _W3, _B3), label="A (3, 2), W (1, 3), b (1, 1)")],
    random_case=lambda rng: Case(_layer_case(rng), label="random A_prev, W, b"),
    mistakes=[
        Mistake("no_bias", _bad_linear_forward(bias=False), "add the bias: Z = W A_prev + b."),
        Mistake("cache_order", _bad_linear_forward(cache_order=(1, 0, 2)),
                "the cache must be (A_prev, W, b) in that order; linear_backward unpacks it that way."),
        Mistake("cache_missing_b", _bad_linear_forward(cache_order=(0, 1)),
                "the cache must hold all three of A_prev, W and b: cache = (A_prev, W, b)."),
    ],
))


def _bad_laf(swap=False, cache_swapped=False, return_Z=False):
    def linear_activation_forward(A_prev, W, b, activation):
        Z = W @ A_prev + b
        use = {"sigmoid": "relu", "relu": "sigmoid"}[activation] if swap else activation
        A = Z if return_Z else (_sigmoid(Z) if use == "sigmoid" else _relu(Z))
        cache = (Z, (A_prev, W, b)) if cache_swapped else ((A_prev, W, b), Z)
        return A, cache
    return linear_activation_forward


def _laf_case(rng):
    A, W, b = _layer_case(rng)
    act = str(rng.choice(["sigmoid", "relu"]))
    return Case((A, W, b, act), label=f"random A_prev, W, b, activation = {act!r}")


register(Exercise(
    id="c1w4.linear_activation_forward",
    reference=dense.linear_activation_forward,
    outputs=("A", "cache"),
    fixed_cases=[Case((_A3, _W3, _B3, "sigmoid"), label="A (3, 2), W (1, 3), b (1, 1), sigmoid"),
                 Case((_A3, _W3, _B3, "relu"), label="the same layer with relu")],
    random_case=_laf_case,
    mistakes=[
        Mistake("swapped", _bad_laf(swap=True),
                "the activations are swapped: use sigmoid_forward when activation == 'sigmoid' "
                "and relu_forward when it is 'relu'."),
        Mistake("cache_order", _bad_laf(cache_swapped=True),
                "the cache must be (linear_cache, activation_cache), the linear part first."),
        Mistake("return_Z", _bad_laf(return_Z=True),
                "return A = g(Z), the activation applied to Z, not Z itself."),
    ],
))


def _bad_L_forward(hidden="relu", output="sigmoid", drop_output_cache=False):
    def L_model_forward(X, parameters):
        L = len(parameters) // 2
        A, caches = X, []
        for l in range(1, L + 1):
            act = output if l == L else hidden
            A, cache = dense.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], act)
            if not (drop_output_cache and l == L):
                caches.append(cache)
        return A, caches
    return L_model_forward


def _forward_case(rng):
    dims = _dims(rng)
    m = int(rng.integers(2, 6))
    return Case((rng.normal(size=(dims[0], m)), scaled_net(rng, dims, 0.1)), label=f"random X, network {dims}")


register(Exercise(
    id="c1w4.L_model_forward",
    reference=deep.L_model_forward,
    outputs=("AL", "caches"),
    fixed_cases=[
        Case((np.random.RandomState(6).randn(5, 4), scaled_net(np.random.default_rng(6), [5, 4, 3, 1], 0.1)),
             label="X (5, 4), network [5, 4, 3, 1]"),
        Case((np.random.RandomState(1).randn(2, 3), scaled_net(np.random.default_rng(1), NOTES_DIMS, 0.1)),
             label="X (2, 3), the notes' network [2, 3, 5, 4, 2, 1]"),
    ],
    random_case=_forward_case,
    mistakes=[
        Mistake("relu_output", _bad_L_forward(output="relu"),
                "the output layer uses sigmoid: AL = sigma(Z^[L]), so that AL is a probability."),
        Mistake("sigmoid_hidden", _bad_L_forward(hidden="sigmoid"),
                "the hidden layers 1 .. L-1 use relu; only the output layer uses sigmoid."),
        Mistake("missing_output_cache", _bad_L_forward(drop_output_cache=True),
                "caches needs one entry per layer: append the output layer's cache as well (L caches in all)."),
    ],
))

# ------------------------------------------------------------------------ cost


def _cost_case(rng):
    m = int(rng.integers(3, 10))
    return Case((rng.uniform(0.05, 0.95, size=(1, m)), binary_labels(rng, m)))


def _bad_cost(scale_by_m=True, sign=1.0, negative_term=True):
    def compute_cost(AL, Y):
        m = Y.shape[1]
        total = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL) * (1.0 if negative_term else 0.0))
        return float(-sign * total / (m if scale_by_m else 1))
    return compute_cost


register(Exercise(
    id="c1w4.compute_cost",
    reference=deep.compute_cost,
    outputs="cost",
    fixed_cases=[Case((np.array([[0.8, 0.9, 0.4]]), np.array([[1.0, 1.0, 0.0]])),
                      label="AL = [[0.8, 0.9, 0.4]], Y = [[1, 1, 0]]: J = 0.2797765635793422")],
    random_case=_cost_case,
    mistakes=[
        Mistake("no_1_over_m", _bad_cost(scale_by_m=False),
                "the cost is an average: divide the sum by m."),
        Mistake("sign", _bad_cost(sign=-1.0),
                "the cost has the wrong sign: J = -(1/m) sum[Y log AL + (1 - Y) log(1 - AL)] is positive."),
        Mistake("one_term", _bad_cost(negative_term=False),
                "the (1 - Y) log(1 - AL) term is missing: it is the loss of the examples labelled 0."),
    ],
))

# --------------------------------------------------------------- backward pass

_DZ = np.array([[1.62434536, -0.61175641, -0.52817175, -1.07296862]])
_LIN_CACHE = (np.array([[0.86540763, -2.3015387, 1.74481176, -0.7612069],
                        [0.3190391, -0.24937038, 1.46210794, -2.06014071],
                        [-0.3224172, -0.38405435, 1.13376944, -1.09989127]]),
              np.array([[-0.17242821, -0.87785842, 0.04221375]]),
              np.array([[0.58281521]]))


def _linear_backward_case(rng):
    A, W, b = _layer_case(rng)
    return Case((rng.normal(size=(W.shape[0], A.shape[1])), (A, W, b)), label="random dZ and cache (A_prev, W, b)")


def _bad_linear_backward(dW_m=True, db_keepdims=True, dA_over_m=False, db_axis=1):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        dW = dZ @ A_prev.T / (m if dW_m else 1)
        db = np.sum(dZ, axis=db_axis, keepdims=db_keepdims) / m
        dA_prev = W.T @ dZ / (m if dA_over_m else 1)
        return dA_prev, dW, db
    return linear_backward


register(kernel_exercise(
    id="c1w4.linear_backward",
    reference=dense.linear_backward,
    outputs=("dA_prev", "dW", "db"),
    fixed_cases=[Case((_DZ, _LIN_CACHE), label="dZ (1, 4), A_prev (3, 4), W (1, 3), b (1, 1)")],
    random_case=_linear_backward_case,
    probe=_LAYER_PROBE,
    mistakes=[
        Mistake("dW_no_1_over_m", _bad_linear_backward(dW_m=False),
                "dW looks like it is missing the 1/m factor: dW = (1/m) dZ A_prev^T."),
        Mistake("db_no_keepdims", _bad_linear_backward(db_keepdims=False),
                "db must be a column (n, 1): np.sum(dZ, axis=1, keepdims=True) / m."),
        Mistake("dA_prev_over_m", _bad_linear_backward(dA_over_m=True),
                "dA_prev = W^T dZ has no 1/m: only dW and db average over the examples."),
        Mistake("db_axis0", _bad_linear_backward(db_axis=0),
                "db sums over the examples, the columns of dZ: use axis=1 (with keepdims=True)."),
    ],
))


def _bad_lab(swap=False, no_activation=False, order=False):
    def linear_activation_backward(dA, cache, activation):
        linear_cache, Z = cache
        use = {"sigmoid": "relu", "relu": "sigmoid"}[activation] if swap else activation
        dZ = dA if no_activation else (dense.relu_backward(dA, Z) if use == "relu" else dense.sigmoid_backward(dA, Z))
        dA_prev, dW, db = dense.linear_backward(dZ, linear_cache)
        return (dW, db, dA_prev) if order else (dA_prev, dW, db)
    return linear_activation_backward


def _lab_case(rng, act=None):
    A, W, b = _layer_case(rng)
    act = act or str(rng.choice(["sigmoid", "relu"]))
    Z = W @ A + b
    return Case((rng.normal(size=Z.shape), ((A, W, b), Z), act), label=f"random dA and cache, activation = {act!r}")


_LAB_CACHE = (_LIN_CACHE, _LIN_CACHE[1] @ _LIN_CACHE[0] + _LIN_CACHE[2])
_DA = np.array([[-0.41675785, -0.05626683, -2.1361961, 1.64027081]])

register(kernel_exercise(
    id="c1w4.linear_activation_backward",
    reference=dense.linear_activation_backward,
    outputs=("dA_prev", "dW", "db"),
    fixed_cases=[Case((_DA, _LAB_CACHE, "sigmoid"), label="dA (1, 4), a layer with 3 inputs, sigmoid"),
                 Case((_DA, _LAB_CACHE, "relu"), label="the same layer with relu")],
    random_case=_lab_case,
    probe=_LAYER_PROBE,
    mistakes=[
        Mistake("swapped", _bad_lab(swap=True),
                "the derivatives are swapped: use relu_backward when activation == 'relu' "
                "and sigmoid_backward when it is 'sigmoid'."),
        Mistake("no_activation", _bad_lab(no_activation=True),
                "first turn dA into dZ = dA * g'(Z) with relu_backward / sigmoid_backward(dA, activation_cache), "
                "then call linear_backward(dZ, linear_cache)."),
        Mistake("order", _bad_lab(order=True),
                "return the three gradients in the order dA_prev, dW, db."),
    ],
))


def _backward_case(rng, dims=None, m=None):
    dims = dims or _dims(rng)
    m = m or int(rng.integers(2, 7))
    X = rng.normal(size=(dims[0], m))
    AL, caches = deep.L_model_forward(X, scaled_net(rng, dims, 0.1))
    return Case((AL, binary_labels(rng, m), caches), label=f"random X ({dims[0]}, {m}), Y, network {dims}")


def _bad_L_backward(dAL_sign=1.0, output="sigmoid", hidden="relu", shift_dA_keys=False):
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dA = -dAL_sign * (Y / AL - (1 - Y) / (1 - AL))
        for l in range(L, 0, -1):
            act = output if l == L else hidden
            dA, dW, db = _bad_lab()(dA, caches[l - 1], act)
            grads[f"dA{l if shift_dA_keys else l - 1}"] = dA
            grads[f"dW{l}"], grads[f"db{l}"] = dW, db
        return grads
    return L_model_backward


def _L_backward_gradcheck(fn, case):
    AL, Y, caches = case.args
    grads = fn(AL.copy(), Y.copy(), [((a.copy(), w.copy(), b.copy()), z.copy()) for (a, w, b), z in caches])
    if not isinstance(grads, dict):
        return "L_model_backward should return a dict of gradients"
    X = caches[0][0][0].copy()
    m = X.shape[1]
    params = {}
    for l, ((_, W, b), _) in enumerate(caches, 1):
        params[f"W{l}"], params[f"b{l}"] = W.copy(), b.copy()

    def J():
        return deep.compute_cost(deep.L_model_forward(X, params)[0], Y)

    problems = []
    for name, value in params.items():
        numeric = numeric_gradient(lambda _v: J(), value, eps=1e-6)
        key = "d" + name
        if key not in grads:
            problems.append(f"grads has no {key!r}")
            continue
        p = verdict(f'grads["{key}"]', grads[key], numeric, m)
        if p:
            problems.append(p)
    if "dA0" in grads:
        numeric = numeric_gradient(lambda _x: J(), X, eps=1e-6) * m
        p = verdict('grads["dA0"]', grads["dA0"], numeric, m)
        if p:
            problems.append(p)
    if not problems:
        return ("every dW, db and dA0 matches the numeric slopes of the cost: look at the keys "
                "(dA0 .. dA{L-1}, dW1 .. dWL, db1 .. dbL) and the intermediate dA's.")
    return "; ".join(problems) + "."


register(Exercise(
    id="c1w4.L_model_backward",
    reference=deep.L_model_backward,
    outputs="grads",
    fixed_cases=[
        _backward_case(np.random.default_rng(4), dims=[4, 3, 1], m=2),
        _backward_case(np.random.default_rng(5), dims=NOTES_DIMS, m=4),
    ],
    random_case=_backward_case,
    gradcheck=_L_backward_gradcheck,
    mistakes=[
        Mistake("dAL_sign", _bad_L_backward(dAL_sign=-1.0),
                "dAL has the wrong sign: dAL = -(Y/AL - (1 - Y)/(1 - AL))."),
        Mistake("relu_output", _bad_L_backward(output="relu"),
                "the output layer is a sigmoid layer: its backward step uses 'sigmoid', the others 'relu'."),
        Mistake("sigmoid_hidden", _bad_L_backward(hidden="sigmoid"),
                "the hidden layers are relu layers: use 'relu' for layers L-1 .. 1."),
        Mistake("dA_keys", _bad_L_backward(shift_dA_keys=True),
                "layer l's backward step gives dA^[l-1]: store it as grads['dA' + str(l - 1)] "
                "(grads holds dA0 .. dA{L-1})."),
    ],
))

# ---------------------------------------------------------------------- update


def _update_case(rng):
    dims = _dims(rng)
    params = scaled_net(rng, dims, 0.1)
    grads = {"d" + k: rng.normal(size=v.shape) for k, v in params.items()}
    lr = float(rng.choice([0.01, 0.1, 1.0, 1.2]))
    return Case((params, grads, lr), label=f"random network {dims}, learning_rate {lr}")


def _bad_update(sign=-1.0, skip_last=False, update_b=True):
    def update_parameters(params, grads, learning_rate):
        L = len(params) // 2
        out = {k: v.copy() for k, v in params.items()}
        for l in range(1, L + (0 if skip_last else 1)):
            out[f"W{l}"] = params[f"W{l}"] + sign * learning_rate * grads[f"dW{l}"]
            if update_b:
                out[f"b{l}"] = params[f"b{l}"] + sign * learning_rate * grads[f"db{l}"]
        return out
    return update_parameters


register(Exercise(
    id="c1w4.update_parameters",
    reference=deep.update_parameters,
    outputs="parameters",
    fixed_cases=[Case(_update_case(np.random.default_rng(2)).args[:2] + (0.1,),
                      label="a small network, learning_rate 0.1")],
    random_case=_update_case,
    mistakes=[
        Mistake("ascent", _bad_update(sign=1.0),
                "you moved up the slope: W := W - learning_rate * dW (and the same for b)."),
        Mistake("skip_last", _bad_update(skip_last=True),
                "the last layer was not updated: loop l = 1 .. L, range(1, L + 1) or range(L) with l + 1."),
        Mistake("b_fixed", _bad_update(update_b=False),
                "the biases never change: update every b^[l] too, b := b - learning_rate * db."),
    ],
))

# ------------------------------------------------------------------- the models


def _bad_train(two_layer, every=100, update=True, init_in_loop=False, fixed_lr=None, small_init=False):
    """A training loop with one deliberate slip (for the known-mistake hints)."""
    def train(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        def init():
            if two_layer:
                return deep.initialize_parameters(*layers_dims)
            if small_init:
                return deep.initialize_parameters_deep(layers_dims)
            return deep.initialize_parameters_deep(layers_dims, scale=deep.SCALED, seed=1)

        params = init()
        lr = fixed_lr if fixed_lr is not None else learning_rate
        costs = []
        for i in range(num_iterations):
            if init_in_loop:
                params = init()
            AL, caches = deep.L_model_forward(X, params)
            cost = deep.compute_cost(AL, Y)
            grads = deep.L_model_backward(AL, Y, caches)
            if update:
                params = deep.update_parameters(params, grads, lr)
            if i % every == 0:
                costs.append(cost)
        return params, costs
    return train


def _train_data(rng):
    n_x, m = int(rng.integers(3, 7)), int(rng.integers(10, 25))
    X = rng.normal(size=(n_x, m))
    w = rng.normal(size=(1, n_x))
    Y = (w @ X + 0.3 * rng.normal(size=(1, m)) > 0).astype(float)
    Y[0, 0], Y[0, -1] = 1.0, 0.0
    return X, Y


def _two_layer_case(rng):
    X, Y = _train_data(rng)
    dims = (X.shape[0], int(rng.integers(2, 6)), 1)
    n, lr = int(rng.integers(150, 351)), float(rng.choice([0.1, 0.3, 0.5]))
    return Case((X, Y, dims), {"learning_rate": lr, "num_iterations": n},
                label=f"random X {X.shape}, layers_dims {dims}, {n} iterations, learning_rate {lr}")


def _L_layer_case(rng):
    X, Y = _train_data(rng)
    dims = [X.shape[0]] + [int(rng.integers(2, 6)) for _ in range(int(rng.integers(1, 4)))] + [1]
    n, lr = int(rng.integers(150, 351)), float(rng.choice([0.05, 0.1, 0.3]))
    return Case((X, Y, dims), {"learning_rate": lr, "num_iterations": n},
                label=f"random X {X.shape}, layers_dims {dims}, {n} iterations, learning_rate {lr}")


def _model_mistakes(two_layer):
    out = [
        Mistake("every_iteration", _bad_train(two_layer, every=1),
                "record the cost every 100 iterations only (when i % 100 == 0)."),
        Mistake("no_update", _bad_train(two_layer, update=False),
                "the parameters never change: assign the result, parameters = update_parameters(parameters, "
                "grads, learning_rate)."),
        Mistake("init_in_loop", _bad_train(two_layer, init_in_loop=True),
                "initialise the parameters once, before the loop: inside it, every iteration starts again "
                "from the initial values."),
        Mistake("fixed_lr", _bad_train(two_layer, fixed_lr=0.0075),
                "pass the function's learning_rate argument on to update_parameters instead of a fixed number."),
    ]
    if not two_layer:
        out.append(Mistake("small_init", _bad_train(False, small_init=True),
                           "initialise with initialize_parameters_deep(layers_dims, scale=\"1/sqrt(n_prev)\", seed=1): "
                           "with weights of 0.01 a deep network starts with vanishing signals."))
    return out


register(Exercise(
    id="c1w4.two_layer_model",
    reference=deep.two_layer_model,
    outputs=("parameters", "costs"),
    fixed_cases=[],
    random_case=_two_layer_case,
    n_random=2,
    n_hidden_random=3,
    mistakes=_model_mistakes(True),
))

register(Exercise(
    id="c1w4.L_layer_model",
    reference=deep.L_layer_model,
    outputs=("parameters", "costs"),
    fixed_cases=[],
    random_case=_L_layer_case,
    n_random=2,
    n_hidden_random=3,
    mistakes=_model_mistakes(False),
))
