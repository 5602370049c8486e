"""The course's dictionary-level optimisers (GD, momentum, RMSprop, Adam) and ``descent_path``.

The per-array primitives have their own tests in ``test_optim_steps.py``.
"""
import copy

import numpy as np
import pytest

from dlkit import optim
from dlkit.optim import (adam_step, descent_path, initialize_adam, initialize_rmsprop, initialize_velocity,
                         update_parameters_with_adam, update_parameters_with_gd,
                         update_parameters_with_momentum, update_parameters_with_rmsprop)


def _net(seed=0, dims=(3, 4, 2, 1)):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(size=(dims[l], 1))
    grads = {"d" + k: rng.normal(size=v.shape) for k, v in params.items()}
    return params, grads


def test_gd_updates_every_layer_and_leaves_the_inputs_alone():
    params, grads = _net()
    before = copy.deepcopy(params)
    new = update_parameters_with_gd(params, grads, 0.1)
    assert sorted(new) == sorted(params)
    for k in params:
        np.testing.assert_allclose(new[k], params[k] - 0.1 * grads["d" + k])
        np.testing.assert_array_equal(params[k], before[k])


def test_gd_ignores_the_dA_entries_of_L_model_backward():
    params, grads = _net()
    grads_with_dA = dict(grads, dA0=np.ones((3, 5)), dA1=np.ones((4, 5)))
    a, b = update_parameters_with_gd(params, grads, 0.3), update_parameters_with_gd(params, grads_with_dA, 0.3)
    for k in params:
        np.testing.assert_array_equal(a[k], b[k])


def test_initial_states_are_zeros_keyed_like_the_gradients():
    params, _ = _net()
    v = initialize_velocity(params)
    assert sorted(v) == sorted("d" + k for k in params)
    for k in params:
        assert v["d" + k].shape == params[k].shape and not v["d" + k].any()
    v, s = initialize_adam(params)
    assert v is not s and all(v[k] is not s[k] for k in v)
    assert sorted(s) == sorted(v) == sorted(initialize_rmsprop(params))


def test_momentum_first_step_is_a_tenth_of_the_gradient():
    params, grads = _net()
    new, v = update_parameters_with_momentum(params, grads, initialize_velocity(params), 0.9, 0.01)
    for k in params:
        np.testing.assert_allclose(v["d" + k], 0.1 * grads["d" + k])
        np.testing.assert_allclose(new[k], params[k] - 0.001 * grads["d" + k])


def test_momentum_with_beta_zero_is_gradient_descent():
    params, grads = _net(1)
    v0 = {k: np.full_like(g, 5.0) for k, g in grads.items()}       # forgotten entirely when beta = 0
    new, _ = update_parameters_with_momentum(params, grads, v0, 0.0, 0.2)
    expected = update_parameters_with_gd(params, grads, 0.2)
    for k in params:
        np.testing.assert_allclose(new[k], expected[k])


def test_momentum_velocity_is_an_exponentially_weighted_average_of_the_gradients():
    params, _ = _net(2)
    rng = np.random.default_rng(3)
    v, history = initialize_velocity(params), []
    for _ in range(5):
        g = {"d" + k: rng.normal(size=p.shape) for k, p in params.items()}
        history.append(g["dW1"])
        params, v = update_parameters_with_momentum(params, g, v, 0.9, 0.01)
    weights = [0.1 * 0.9 ** (4 - i) for i in range(5)]              # (1 - beta) beta^(t - i)
    np.testing.assert_allclose(v["dW1"], sum(w * g for w, g in zip(weights, history)))


def test_adam_first_step_matches_the_notes():
    params, grads = _net()
    v, s = initialize_adam(params)
    new, v1, s1, v_corr, s_corr = update_parameters_with_adam(params, grads, v, s, 1, learning_rate=0.01)
    for k in params:
        d = "d" + k
        np.testing.assert_allclose(v1[d], 0.1 * grads[d])
        np.testing.assert_allclose(s1[d], 0.001 * grads[d] ** 2)
        np.testing.assert_allclose(v_corr[d], grads[d])              # V / (1 - 0.9)
        np.testing.assert_allclose(s_corr[d], grads[d] ** 2)         # S / (1 - 0.999)
        # every weight moves by about the learning rate, whatever the size of its gradient
        np.testing.assert_allclose(np.abs(new[k] - params[k]), 0.01, rtol=1e-4)


def test_adam_is_adam_step_per_parameter_over_several_steps():
    params, _ = _net(4)
    rng = np.random.default_rng(5)
    v, s = initialize_adam(params)
    w, vw, sw = params["W2"].copy(), np.zeros_like(params["W2"]), np.zeros_like(params["W2"])
    for t in range(1, 8):
        grads = {"d" + k: rng.normal(size=p.shape) for k, p in params.items()}
        params, v, s, _, _ = update_parameters_with_adam(params, grads, v, s, t, 0.05, 0.8, 0.99, 1e-7)
        w, vw, sw, _, _ = adam_step(w, grads["dW2"], vw, sw, t, 0.05, 0.8, 0.99, 1e-7)
    np.testing.assert_allclose(params["W2"], w)
    np.testing.assert_allclose(v["dW2"], vw)
    np.testing.assert_allclose(s["dW2"], sw)


def test_adam_puts_epsilon_outside_the_root_and_it_shows_for_vanishing_gradients():
    params, grads = _net()
    tiny = {k: g * 1e-6 for k, g in grads.items()}
    v, s = initialize_adam(params)
    new, *_ = update_parameters_with_adam(params, tiny, v, s, 1, learning_rate=0.01, epsilon=1e-8)
    g = tiny["dW1"]
    np.testing.assert_allclose(new["W1"], params["W1"] - 0.01 * g / (np.abs(g) + 1e-8))
    lecture = params["W1"] - 0.01 * g / np.sqrt(g ** 2 + 1e-8)      # sqrt(S + eps): a 100x smaller step here
    assert np.max(np.abs(new["W1"] - lecture)) > 1e-3
    # with ordinary gradients the two places agree to about 1e-8 relative
    normal, *_ = update_parameters_with_adam(params, grads, v, s, 1, learning_rate=0.01)
    lecture = params["W1"] - 0.01 * grads["dW1"] / np.sqrt(grads["dW1"] ** 2 + 1e-8)
    np.testing.assert_allclose(normal["W1"], lecture, rtol=1e-6)


def test_rmsprop_divides_by_the_root_mean_square():
    params, grads = _net()
    new, s = update_parameters_with_rmsprop(params, grads, initialize_rmsprop(params), 0.9, 0.01)
    for k in params:
        np.testing.assert_allclose(s["d" + k], 0.1 * grads["d" + k] ** 2)
        np.testing.assert_allclose(new[k], params[k] - 0.01 * grads["d" + k] / (np.sqrt(0.1) * np.abs(grads["d" + k])
                                                                                 + 1e-8))


@pytest.mark.parametrize("call, message", [
    (lambda p, g: update_parameters_with_gd(p, {k: v for k, v in g.items() if k != "db2"}, 0.1),
     r"`grads` has no 'db2'"),
    (lambda p, g: update_parameters_with_gd(p, dict(g, dW1=g["dW1"].T), 0.1),
     r"`grads\['dW1'\]` has shape \(3, 4\), expected \(4, 3\), the shape of parameters\['W1'\]"),
    (lambda p, g: update_parameters_with_gd({"W1": p["W1"]}, g, 0.1), r"must hold exactly W1, b1"),
    (lambda p, g: update_parameters_with_momentum(p, g, {}, 0.9, 0.1), r"`v` has no 'dW1'"),
    (lambda p, g: update_parameters_with_adam(p, g, *initialize_adam(p), 0), r"counts from 1"),
    (lambda p, g: initialize_velocity([p["W1"]]), r"`parameters` must be a dict"),
])
def test_bad_input_is_explained(call, message):
    params, grads = _net()
    with pytest.raises(ValueError, match=message):
        call(params, grads)


# ------------------------------------------------------------- descent_path

def test_descent_path_of_gd_on_a_quadratic_is_geometric():
    a = np.array([1.0, 10.0])
    path = descent_path(lambda w: a * w, [2.0, 1.0], "gd", 0.05, 6)
    assert path.shape == (7, 2)
    k = np.arange(7)[:, None]
    np.testing.assert_allclose(path, np.array([2.0, 1.0]) * (1 - 0.05 * a) ** k)


def test_descent_path_zigzags_with_gd_and_not_with_momentum_on_an_elongated_bowl():
    a = np.array([1.0, 100.0])
    grad = lambda w: a * w                                           # noqa: E731
    gd = descent_path(grad, [-9.0, 1.0], "gd", 0.018, 60)
    mom = descent_path(grad, [-9.0, 1.0], "momentum", 0.04, 60)
    adam = descent_path(grad, [-9.0, 1.0], "adam", 0.3, 60)
    flips = lambda p: int(np.sum(np.sign(p[1:, 1]) != np.sign(p[:-1, 1])))   # noqa: E731
    assert flips(gd) == 60 and flips(mom) < 20
    assert np.linalg.norm(gd[-1]) > 2 and np.linalg.norm(mom[-1]) < 0.5 and np.linalg.norm(adam[-1]) < 0.6
    np.testing.assert_allclose(np.abs(adam[1] - adam[0]), 0.3, rtol=1e-6)   # Adam's first step: lr per coordinate


def test_descent_path_rejects_an_unknown_optimizer():
    with pytest.raises(ValueError, match="must be one of"):
        descent_path(lambda w: w, [1.0], "nesterov")


# --------------------------------------------------- an independent implementation

def _torch_run(make_optimizer, params, grad_seq):
    torch = pytest.importorskip("torch")
    tensors = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    opt = make_optimizer(torch, list(tensors.values()))
    for grads in grad_seq:
        opt.zero_grad()
        for k, t in tensors.items():
            t.grad = torch.tensor(grads["d" + k], dtype=torch.float64)
        opt.step()
    return {k: t.detach().numpy() for k, t in tensors.items()}


def _grad_seq(params, n=6, seed=7):
    rng = np.random.default_rng(seed)
    return [{"d" + k: rng.normal(size=p.shape) for k, p in params.items()} for _ in range(n)]


def test_adam_agrees_with_torch():
    pytest.importorskip("torch")
    params, _ = _net(8)
    seq = _grad_seq(params)
    ours, (v, s) = params, initialize_adam(params)
    for t, grads in enumerate(seq, 1):
        ours, v, s, _, _ = update_parameters_with_adam(ours, grads, v, s, t, 0.01, 0.9, 0.999, 1e-8)
    theirs = _torch_run(lambda torch, ps: torch.optim.Adam(ps, lr=0.01, betas=(0.9, 0.999), eps=1e-8), params, seq)
    for k in params:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-10, atol=1e-12)


def test_momentum_agrees_with_torch_sgd_once_the_1_minus_beta_is_moved_into_the_rate():
    """torch's SGD keeps b = beta b + g (no 1 - beta; its `dampening` skips the first step), so b = v / (1 - beta).

    W -= lr v is then W -= lr (1 - beta) b: SGD(lr = lr * (1 - beta), momentum = beta, dampening = 0).
    """
    pytest.importorskip("torch")
    params, _ = _net(9)
    seq = _grad_seq(params)
    beta, lr = 0.9, 0.05
    ours, v = params, initialize_velocity(params)
    for grads in seq:
        ours, v = update_parameters_with_momentum(ours, grads, v, beta, lr)
    theirs = _torch_run(lambda torch, ps: torch.optim.SGD(ps, lr=lr * (1 - beta), momentum=beta), params, seq)
    for k in params:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-10, atol=1e-12)


def test_rmsprop_agrees_with_torch():
    pytest.importorskip("torch")
    params, _ = _net(10)
    seq = _grad_seq(params)
    ours, s = params, initialize_rmsprop(params)
    for grads in seq:
        ours, s = update_parameters_with_rmsprop(ours, grads, s, 0.99, 0.01, 1e-8)
    theirs = _torch_run(lambda torch, ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.99, eps=1e-8), params, seq)
    for k in params:
        np.testing.assert_allclose(ours[k], theirs[k], rtol=1e-10, atol=1e-12)


def test_optimizer_names():
    assert optim.OPTIMIZERS == ("gd", "momentum", "rmsprop", "adam")
