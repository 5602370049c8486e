"""Course 2, Week 2: optimisation methods (notebook ``course2/week2/optimization_methods.ipynb``).

References: ``dlkit.optim`` (the update rules), ``dlkit.minibatch`` and ``dlkit.schedules`` (the
exponentially weighted average, the learning-rate decays). Epsilon sits outside Adam's root,
``sqrt(s_corrected) + epsilon``: a case with vanishing gradients tells it from ``sqrt(s_corrected + epsilon)``.
"""
from __future__ import annotations

import math

import numpy as np

from dlkit import minibatch, optim, schedules

from ..registry import Case, Exercise, Mistake, register

# ------------------------------------------------------------------ helpers

def _net(rng, dims, scale=1.0):
    """W1, b1, ..., WL, bL of the given layer sizes, normal values (biases non-zero)."""
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1])) * scale
        params[f"b{l}"] = rng.normal(size=(dims[l], 1)) * 0.1 * scale
    return params


def _like(rng, params, scale=1.0, positive=False):
    """A dict dW1, db1, ... of random arrays shaped like the parameters."""
    out = {}
    for k, v in params.items():
        a = rng.normal(size=v.shape) * scale
        out["d" + k] = np.abs(a) if positive else a
    return out


def _dims(rng):
    return [int(rng.integers(2, 6)) for _ in range(int(rng.integers(2, 5)))]


def _layer(key):
    """The layer number of a parameter or gradient key ("W2", "db3", "dW1" -> 2, 3, 1); 0 for "dA0" and such."""
    return int(key.lstrip("dWb")) if key.lstrip("d")[:1] in ("W", "b") else 0


def _only(d, keep):
    """The entries of ``d`` whose key passes ``keep`` (a known mistake that leaves some out)."""
    return {k: v for k, v in d.items() if keep(k)}


def _zeroed(grads, which):
    """``grads`` with the gradients named by ``which`` set to zero: the reference then leaves those parameters alone."""
    return {k: np.zeros_like(v) if which(k) else v for k, v in grads.items()}


# The notes' two-layer example shapes: W1 (2, 3), b1 (2, 1), W2 (3, 2), b2 (3, 1).
_P = _net(np.random.default_rng(1), [3, 2, 3])
_G = _like(np.random.default_rng(2), _P)

# ---------------------------------------------------------------- plain GD

def _gd_case(rng):
    params = _net(rng, _dims(rng))
    lr = float(rng.choice([0.01, 0.1, 0.5]))
    return Case((params, _like(rng, params), lr), label=f"random network, learning_rate {lr}")


def _with_dA(grads, rng):
    """grads as L_model_backward returns them: with dA0 .. dA{L-1} besides dW and db."""
    out = dict(grads)
    for l in range(len(grads) // 2):
        out[f"dA{l}"] = rng.normal(size=(3, 4))
    return out


register(Exercise(
    id="c2w2.update_parameters_with_gd", reference=optim.update_parameters_with_gd, outputs="parameters",
    fixed_cases=[Case((_P, _G, 0.01), label="W1 (2, 3), b1 (2, 1), W2 (3, 2), b2 (3, 1), learning_rate 0.01")],
    random_case=_gd_case,
    hidden_cases=[Case((_P, _with_dA(_G, np.random.default_rng(3)), 1.0),
                       label="grads straight from L_model_backward (with dA0, dA1), learning_rate 1")],
    mistakes=[
        Mistake("ascent", lambda p, g, lr: optim.update_parameters_with_gd(p, g, -lr),
                "you stepped up the slope: W = W - learning_rate * dW (and the same for b)."),
        Mistake("skip_last", lambda p, g, lr: optim.update_parameters_with_gd(
                    p, _zeroed(g, lambda k: _layer(k) == len(p) // 2), lr),
                "the last layer was not updated: loop over l = 1 .. L, range(1, L + 1) with L = len(parameters) // 2."),
        Mistake("b_fixed", lambda p, g, lr: optim.update_parameters_with_gd(
                    p, _zeroed(g, lambda k: k[:2] == "db"), lr),
                "the biases never change: update every b^[l] too, b = b - learning_rate * db."),
    ],
))

# ------------------------------------------------------------- mini-batches

def _bad_batches(shuffle=True, two_perms=False, drop_last=False, tail_from_end=False):
    def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
        np.random.seed(seed)
        m = X.shape[1]
        if shuffle:
            perm = list(np.random.permutation(m))
            perm_y = list(np.random.permutation(m)) if two_perms else perm
            X, Y = X[:, perm], Y[:, perm_y].reshape((1, m))
        full = m // mini_batch_size
        batches = [(X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                    Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]) for k in range(full)]
        if tail_from_end:                      # X[:, -(m % size):] is all of X when m % size == 0
            batches.append((X[:, -(m % mini_batch_size):], Y[:, -(m % mini_batch_size):]))
        elif not drop_last and m % mini_batch_size != 0:
            batches.append((X[:, full * mini_batch_size:], Y[:, full * mini_batch_size:]))
        return batches
    return random_mini_batches


def _batch_data(rng, n_x, m):
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    Y[0, 0], Y[0, -1] = 1.0, 0.0
    return X, Y


def _batch_case(rng):
    n_x, m = int(rng.integers(1, 5)), int(rng.integers(10, 200))
    size, seed = int(rng.choice([8, 16, 32, 64])), int(rng.integers(0, 100))
    X, Y = _batch_data(rng, n_x, m)
    return Case((X, Y, size, seed), label=f"X ({n_x}, {m}), mini_batch_size {size}, seed {seed}")


register(Exercise(
    id="c2w2.random_mini_batches", reference=minibatch.random_mini_batches, outputs="mini_batches",
    random_case=_batch_case,
    fixed_cases=[Case(_batch_data(np.random.default_rng(4), 12288, 148) + (64, 0),
                      label="X (12288, 148), mini_batch_size 64, seed 0: batches of 64, 64 and 20"),
                 Case(_batch_data(np.random.default_rng(5), 2, 128) + (64, 1),
                      label="X (2, 128), mini_batch_size 64, seed 1: exactly two batches, no partial one")],
    hidden_cases=[
        Case(_batch_data(np.random.default_rng(6), 3, 7) + (1, 2), label="mini_batch_size 1 (stochastic GD)"),
        Case(_batch_data(np.random.default_rng(7), 3, 20) + (64, 3),
             label="m = 20 < mini_batch_size = 64: one batch of 20 (batch GD)"),
        Case(_batch_data(np.random.default_rng(8), 2, 300) + (64, 11), label="the moons' m = 300 in batches of 64"),
    ],
    mistakes=[
        Mistake("drop_last", _bad_batches(drop_last=True),
                "the last, smaller mini-batch is missing: when m is not a multiple of mini_batch_size, add "
                "shuffled_X[:, num_complete_minibatches * mini_batch_size:] (and the same columns of Y)."),
        Mistake("two_permutations", _bad_batches(two_perms=True),
                "X and Y were shuffled with different permutations, so the labels no longer belong to their "
                "examples: draw permutation = list(np.random.permutation(m)) once and index both X and Y with it."),
        Mistake("no_shuffle", _bad_batches(shuffle=False),
                "the examples were not shuffled: after np.random.seed(seed), take "
                "permutation = list(np.random.permutation(m)) and use X[:, permutation], Y[:, permutation]."),
        Mistake("tail_from_end", _bad_batches(tail_from_end=True), "when m is a multiple of mini_batch_size there is "
                "no partial batch, but yours added one more (X[:, -(m % mini_batch_size):] is all of X when m % "
                "mini_batch_size == 0): add the last batch only if m % mini_batch_size != 0."),
    ],
))

# ------------------------------------------------------------------ momentum

_INIT_CASES = dict(  # the two initialisers of the moments take the same parameters
    fixed_cases=[Case((_P,), label="W1 (2, 3), b1 (2, 1), W2 (3, 2), b2 (3, 1)")],
    random_case=lambda rng: Case((_net(rng, _dims(rng)),), label="random network"),
    hidden_cases=[Case((_net(np.random.default_rng(9), [2, 5, 2, 1]),), label="the moons network [2, 5, 2, 1]")])


register(Exercise(
    id="c2w2.initialize_velocity", reference=optim.initialize_velocity, outputs="v", **_INIT_CASES,
    mistakes=[
        Mistake("keys", lambda p: {k[1:]: v for k, v in optim.initialize_velocity(p).items()},
                "name the entries after the gradients: v['dW' + str(l)] and v['db' + str(l)], not 'W1', 'b1'."),
        Mistake("copies", lambda p: {"d" + k: v.copy() for k, v in p.items()},
                "the velocity starts at zero: np.zeros(parameters['W' + str(l)].shape), not a copy of W."),
        Mistake("skip_last", lambda p: _only(optim.initialize_velocity(p), lambda k: _layer(k) < len(p) // 2),
                "the last layer has no velocity: loop over l = 1 .. L, range(1, L + 1) with L = len(parameters) // 2."),
        Mistake("no_b", lambda p: _only(optim.initialize_velocity(p), lambda k: k[:2] != "db"),
                "the biases need a velocity too: v['db' + str(l)] = np.zeros(parameters['b' + str(l)].shape)."),
    ],
))


_MOMENTUM = optim.update_parameters_with_momentum


def _momentum_case(rng):
    params = _net(rng, _dims(rng))
    beta, lr = float(rng.choice([0.8, 0.9, 0.95])), float(rng.choice([0.01, 0.1]))
    return Case((params, _like(rng, params), _like(rng, params, 0.3), beta, lr),
                label=f"random network and velocity, beta {beta}, learning_rate {lr}")


register(Exercise(
    id="c2w2.update_parameters_with_momentum", reference=optim.update_parameters_with_momentum,
    outputs=("parameters", "v"), random_case=_momentum_case,
    fixed_cases=[Case((_P, _G, optim.initialize_velocity(_P), 0.9, 0.01),
                      label="the first step from v = 0: v = (1 - beta) dW = 0.1 dW, beta 0.9, learning_rate 0.01"),
                 Case((_P, _G, _like(np.random.default_rng(10), _P, 0.5), 0.9, 0.01),
                      label="a later step (v not zero), beta 0.9, learning_rate 0.01")],
    hidden_cases=[Case((_P, _G, _like(np.random.default_rng(11), _P), 0.0, 0.1),
                       label="beta = 0: momentum is plain gradient descent")],
    mistakes=[
        Mistake("no_dampening", lambda p, g, v, beta, lr: _MOMENTUM(
                    p, {k: x / (1 - beta) for k, x in g.items()}, v, beta, lr),
                "v = beta v + dW is the lecture's other variant; here use v = beta * v + (1 - beta) * dW."),
        Mistake("ascent", lambda p, g, v, beta, lr: _MOMENTUM(p, g, v, beta, -lr),
                "you stepped up the slope: W = W - learning_rate * v['dW' + str(l)]."),
        Mistake("gradient_step", lambda p, g, v, beta, lr: (optim.update_parameters_with_gd(p, g, lr),
                                                            _MOMENTUM(p, g, v, beta, lr)[1]),
                "the step uses the velocity, not the gradient: W = W - learning_rate * v['dW' + str(l)] "
                "(the same for b with v['db' + str(l)])."),
        Mistake("swapped_beta", lambda p, g, v, beta, lr: _MOMENTUM(p, g, v, 1 - beta, lr),
                "beta weighs the old velocity: v = beta * v + (1 - beta) * dW, not (1 - beta) * v + beta * dW."),
    ],
))

# ---------------------------------------------------------------------- Adam

register(Exercise(
    id="c2w2.initialize_adam", reference=optim.initialize_adam, outputs=("v", "s"), **_INIT_CASES,
    mistakes=[
        Mistake("keys", lambda p: tuple({k[1:]: x for k, x in d.items()} for d in optim.initialize_adam(p)),
                "name the entries after the gradients: v['dW' + str(l)], s['db' + str(l)], ..., not 'W1', 'b1'."),
        Mistake("skip_last", lambda p: tuple(_only(d, lambda k: _layer(k) < len(p) // 2)
                                              for d in optim.initialize_adam(p)),
                "the last layer is missing: loop over l = 1 .. L, range(1, L + 1) with L = len(parameters) // 2."),
        Mistake("no_b", lambda p: tuple(_only(d, lambda k: k[:2] != "db") for d in optim.initialize_adam(p)),
                "the biases need moments too: v['db' + str(l)] and s['db' + str(l)], zeros shaped like b^[l]."),
        Mistake("only_v", lambda p: optim.initialize_adam(p)[0], "return both moment dictionaries, v (the average of "
                "the gradients) and s (of their squares): return v, s."),
    ],
))


def _bad_adam(correction=lambda beta, t: 1 - beta ** t, root=lambda s, epsilon: np.sqrt(s) + epsilon):
    """Adam's step with another bias ``correction(beta, t)`` (the divisor) or another ``root(s_corrected, epsilon)``."""
    def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                    epsilon=1e-8):
        out_p, out_v, out_s, v_c, s_c = {}, {}, {}, {}, {}
        for k in parameters:
            d = "d" + k
            out_v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
            out_s[d] = beta2 * s[d] + (1 - beta2) * grads[d] ** 2
            v_c[d], s_c[d] = out_v[d] / correction(beta1, t), out_s[d] / correction(beta2, t)
            out_p[k] = parameters[k] - learning_rate * v_c[d] / root(s_c[d], epsilon)
        return out_p, out_v, out_s, v_c, s_c
    return update_parameters_with_adam


def _adam_case(rng):
    params = _net(rng, _dims(rng))
    t = int(rng.integers(1, 30))
    lr = float(rng.choice([0.001, 0.01, 0.1]))
    b1, b2 = float(rng.choice([0.9, 0.8])), float(rng.choice([0.999, 0.99]))
    return Case((params, _like(rng, params), _like(rng, params, 0.1), _like(rng, params, 0.1, positive=True), t),
                {"learning_rate": lr, "beta1": b1, "beta2": b2, "epsilon": 1e-8},
                label=f"random network and moments, t = {t}, learning_rate {lr}, beta1 {b1}, beta2 {b2}")


_ADAM = optim.update_parameters_with_adam
_V0, _S0 = optim.initialize_adam(_P)   # two distinct dicts: an answer that edits v in place must not change s
_VANISHED = {k: g * 1e-6 for k, g in _G.items()}
_ADAM_KW = {"learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}

register(Exercise(
    id="c2w2.update_parameters_with_adam", reference=optim.update_parameters_with_adam,
    outputs=("parameters", "v", "s", "v_corrected", "s_corrected"), random_case=_adam_case,
    fixed_cases=[
        Case((_P, _G, _V0, _S0, 1), dict(_ADAM_KW),
             label="the first step, t = 1 from v = s = 0: v_corrected = dW, s_corrected = dW**2 (the notes)"),
        Case((_P, _G, _like(np.random.default_rng(12), _P, 0.1), _like(np.random.default_rng(13), _P, 0.1, True), 2),
             dict(_ADAM_KW), label="the second step, t = 2, from non-zero moments"),
        Case((_P, _VANISHED, _V0, _S0, 1), dict(_ADAM_KW),
             label="vanishing gradients (|dW| about 1e-6), t = 1: here the place of epsilon matters"),
    ],
    hidden_cases=[
        Case((_P, _G, _like(np.random.default_rng(14), _P, 0.1), _like(np.random.default_rng(15), _P, 0.1, True), 500),
             dict(_ADAM_KW), label="a late step, t = 500 (the correction has faded)"),
        Case((_P, {k: g * 1e-5 for k, g in _G.items()}, _like(np.random.default_rng(16), _P, 1e-5),
              _like(np.random.default_rng(17), _P, 1e-10, True), 3), dict(_ADAM_KW),
             label="small gradients and moments, t = 3"),
    ],
    mistakes=[
        Mistake("no_correction", _bad_adam(correction=lambda beta, t: 1), "the moments are not bias-corrected: "
                "v_corrected = v / (1 - beta1**t) and s_corrected = s / (1 - beta2**t), and the step uses the "
                "corrected values."),
        Mistake("beta_power", _bad_adam(correction=lambda beta, t: beta ** t),
                "the correction divides by 1 - beta**t, not by beta**t: v / (1 - beta1**t), s / (1 - beta2**t)."),
        Mistake("t_from_zero", lambda p, g, v, s, t, **kw: _ADAM(p, g, v, s, t + 1, **kw), "t already counts the steps "
                "from 1 (the first step has t = 1): use beta1**t and beta2**t as they are, without adding 1."),
        Mistake("eps_inside", _bad_adam(root=lambda s, epsilon: np.sqrt(s + epsilon)),
                "epsilon goes outside the square root here: divide by np.sqrt(s_corrected) + epsilon, not by "
                "np.sqrt(s_corrected + epsilon) (the lecture's way; they differ where s is tiny)."),
        Mistake("ascent", lambda p, g, v, s, t, learning_rate=0.01, **kw: _ADAM(
                    p, g, v, s, t, -learning_rate, **kw),
                "you stepped up the slope: W = W - learning_rate * v_corrected / (sqrt(s_corrected) + epsilon)."),
    ],
))

# ------------------------------------------------- exponentially weighted average

_EWA = schedules.exponentially_weighted_average


def _bad_ewa(correction=lambda beta, t: 1 - beta ** t, feed_back=False, v_1=lambda beta, theta_1: (1 - beta) * theta_1):
    """The average with another bias ``correction(beta, t)`` (the divisor), the corrected v fed back into the
    recursion, or another first value ``v_1(beta, theta_1)``."""
    def exponentially_weighted_average(theta, beta, bias_correction=False):
        theta = np.asarray(theta, dtype=float)
        out, v = np.zeros(theta.shape), 0.0
        for t in range(1, theta.size + 1):
            v = v_1(beta, theta[0]) if t == 1 else beta * v + (1 - beta) * theta[t - 1]
            out[t - 1] = v / correction(beta, t) if bias_correction else v
            v = out[t - 1] if feed_back else v
        return out
    return exponentially_weighted_average


def _ewa_case(rng):
    T, beta = int(rng.integers(3, 40)), float(rng.choice([0.5, 0.7, 0.9, 0.98]))
    flag = bool(rng.integers(0, 2))
    return Case((rng.normal(10.0, 5.0, size=T), beta), {"bias_correction": flag},
                label=f"{T} random temperatures, beta {beta}, bias_correction={flag}")


_THETA2 = np.array([10.0, 20.0])

register(Exercise(
    id="c2w2.exponentially_weighted_average", reference=_EWA, outputs="v",
    random_case=_ewa_case,
    fixed_cases=[Case((np.array([1.0, 0.0]), 0.98), {"bias_correction": False},
                      label="beta 0.98, theta = [1, 0]: v_1 = 0.02, v_2 = 0.0196 (the notes' weight of theta_1)"),
                 Case((_THETA2, 0.98), {"bias_correction": False},
                      label="beta 0.98, theta = [10, 20]: v_2 = 0.0196 * 10 + 0.02 * 20 = 0.596"),
                 Case((_THETA2, 0.98), {"bias_correction": True},
                      label="the same with bias correction: v_2 / (1 - 0.98**2) = 0.596 / 0.0396"),
                 Case((np.array([4.0, 8.0, 6.0, 10.0, 2.0]), 0.5), {"bias_correction": True},
                      label="beta 0.5 on five values, bias-corrected")],
    hidden_cases=[Case((np.full(30, 7.0), 0.9), {"bias_correction": True},
                       label="a constant 7 with beta 0.9: the corrected average is 7 from the start"),
                  Case((np.array([3.0]), 0.98), {"bias_correction": True}, label="a single value")],
    mistakes=[
        Mistake("no_correction", lambda theta, beta, bias_correction=False: _EWA(theta, beta),
                "with bias_correction=True, divide each v_t by 1 - beta**t (t = 1, 2, ...) before returning it."),
        Mistake("beta_power", _bad_ewa(correction=lambda beta, t: beta ** t),
                "the correction divides by 1 - beta**t, the sum of the weights, not by beta**t."),
        Mistake("no_one_minus_beta",  # v = beta v + theta_t is the reference on theta / (1 - beta)
                lambda theta, beta, bias_correction=False: _EWA(np.divide(theta, 1 - beta), beta, bias_correction),
                "the new value enters with weight (1 - beta): v = beta * v + (1 - beta) * theta_t."),
        Mistake("corrected_fed_back", _bad_ewa(feed_back=True),
                "keep the uncorrected v in the recursion: the corrected v / (1 - beta**t) goes only into the output."),
        Mistake("start_at_theta", _bad_ewa(v_1=lambda beta, theta_1: theta_1), "start from v_0 = 0, so that v_1 = (1 - "
                "beta) * theta_1; the bias correction is what repairs the small early values."),
    ],
))

# ------------------------------------------------------------ learning-rate decay

def _lr_case(rng):
    lr0 = float(np.round(rng.uniform(0.01, 1.0), 4))
    epoch, rate = int(rng.integers(1, 200)), float(rng.choice([0.01, 0.5, 1.0, 2.0]))
    return Case((lr0, epoch, rate), label=f"learning_rate0 {lr0}, epoch_num {epoch}, decay_rate {rate}")


register(Exercise(
    id="c2w2.update_lr", reference=schedules.update_lr, outputs="learning_rate", random_case=_lr_case,
    fixed_cases=[Case((0.2, e, 1), label=f"the notes' table: alpha0 0.2, decay_rate 1, epoch {e} -> {v}")
                 for e, v in ((1, "0.1"), (2, "0.0667"), (3, "0.05"), (4, "0.04"))]
                + [Case((0.5, 0, 0.3), label="epoch 0 keeps learning_rate0")],
    hidden_cases=[Case((0.5, 100, 0.3), label="learning_rate0 0.5, epoch 100, decay_rate 0.3"),
                  Case((0.01, 7, 0.0), label="decay_rate 0: no decay")],
    mistakes=[
        Mistake("precedence", lambda lr0, e, r: lr0 / 1 + r * e, "brackets: the whole 1 + decay_rate * epoch_num is "
                "the denominator, learning_rate0 / (1 + decay_rate * epoch_num)."),
        Mistake("no_one", lambda lr0, e, r: lr0 / (r * e),
                "the denominator is 1 + decay_rate * epoch_num: without the 1, epoch 0 divides by zero."),
        Mistake("times", lambda lr0, e, r: lr0 * (1 + r * e),
                "divide, do not multiply: the rate shrinks, learning_rate0 / (1 + decay_rate * epoch_num)."),
        Mistake("epoch_plus_one", lambda lr0, e, r: lr0 / (1 + r * (e + 1)), "use epoch_num as it is: epoch 0 gives "
                "learning_rate0 itself, epoch 1 gives learning_rate0 / 2 with decay_rate 1."),
    ],
))


def _sched_case(rng):
    lr0 = float(np.round(rng.uniform(0.01, 1.0), 4))
    interval = int(rng.choice([10, 100, 250, 1000]))
    epoch, rate = int(rng.integers(interval, 6 * interval)), float(rng.choice([0.3, 1.0, 2.0]))
    return Case((lr0, epoch, rate, interval),
                label=f"learning_rate0 {lr0}, epoch_num {epoch}, decay_rate {rate}, time_interval {interval}")


register(Exercise(
    id="c2w2.schedule_lr_decay", reference=schedules.schedule_lr_decay, outputs="learning_rate",
    random_case=_sched_case,
    fixed_cases=[
        Case((0.5, 100, 0.3, 100), label="learning_rate0 0.5, epoch 100, decay_rate 0.3, time_interval 100: 0.5 / 1.3"),
        Case((0.2, 999, 1, 1000), label="epoch 999 with time_interval 1000: still learning_rate0"),
        Case((0.2, 2500, 1, 1000), label="epoch 2500 with time_interval 1000: two steps down, 0.2 / 3"),
        Case((0.2, 1000, 1), label="the default time_interval is 1000: epoch 1000 gives 0.1"),
    ],
    hidden_cases=[Case((0.1, 0, 1.0, 100), label="epoch 0"),
                  Case((0.3, 149, 1.0, 100), label="epoch 149 with time_interval 100: one step down")],
    mistakes=[
        Mistake("by_epoch", lambda lr0, e, r, ti=1000: lr0 / (1 + r * e),
                "that is update_lr: the staircase decays once per time_interval epochs, "
                "learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))."),
        Mistake("no_floor", lambda lr0, e, r, ti=1000: lr0 / (1 + r * (e / ti)), "round epoch_num / time_interval down "
                "(np.floor or //), so the rate stays constant within each interval."),
        Mistake("round", lambda lr0, e, r, ti=1000: lr0 / (1 + r * round(e / ti)),
                "round epoch_num / time_interval down with np.floor (or //), not to the nearest integer."),
        Mistake("ceil", lambda lr0, e, r, ti=1000: lr0 / (1 + r * math.ceil(e / ti)), "round epoch_num / time_interval "
                "down with np.floor (or //), not up: the first interval keeps learning_rate0."),
    ],
))
