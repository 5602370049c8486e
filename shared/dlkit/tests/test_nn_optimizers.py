"""dlkit.nn optimisers: step for step the same numbers as the course's dictionary functions of dlkit.optim."""
import numpy as np
import pytest

from dlkit import nn, optim


def _two_layers(rng):
    return nn.Sequential(nn.Dense(4, 3, rng=rng), nn.ReLU(), nn.Dense(3, 2, rng=rng))


def _as_course_dicts(model):
    """The model's parameters and gradients under the course's keys W1, b1, W2, b2."""
    params, grads = {}, {}
    for name, value, grad in model.parameters():
        layer, key = name.split(".")
        l = {"0": 1, "2": 2}[layer]
        params[f"{key}{l}"] = value.copy()
        grads[f"d{key}{l}"] = None if grad is None else grad.copy()
    return params, grads


@pytest.mark.parametrize("kind", ["gd", "momentum", "rmsprop", "adam"])
def test_optimiser_objects_follow_the_course_formulas_step_by_step(kind):
    rng = np.random.default_rng(0)
    model = _two_layers(rng)
    opt = {"gd": nn.SGD(0.1), "momentum": nn.Momentum(0.1, beta=0.8), "rmsprop": nn.RMSprop(0.01, beta2=0.9),
           "adam": nn.Adam(0.01, beta1=0.8, beta2=0.95)}[kind]
    params, _ = _as_course_dicts(model)
    v, s = optim.initialize_adam(params)
    loss = nn.SoftmaxCrossEntropy()
    for t in range(1, 6):
        X, y = rng.normal(size=(4, 7)), rng.integers(0, 2, 7)
        loss.forward(model.forward(X, True), y)
        model.backward(loss.backward())
        _, grads = _as_course_dicts(model)
        opt.step(model)
        if kind == "gd":
            params = optim.update_parameters_with_gd(params, grads, 0.1)
        elif kind == "momentum":
            params, v = optim.update_parameters_with_momentum(params, grads, v, 0.8, 0.1)
        elif kind == "rmsprop":
            params, s = optim.update_parameters_with_rmsprop(params, grads, s, 0.9, 0.01)
        else:
            params, v, s, _, _ = optim.update_parameters_with_adam(params, grads, v, s, t, 0.01, 0.8, 0.95)
        got, _ = _as_course_dicts(model)
        for k in params:
            np.testing.assert_allclose(got[k], params[k], rtol=1e-12, atol=1e-15, err_msg=f"{kind} step {t} {k}")
    assert opt.t == 5


def test_step_updates_in_place_and_skips_frozen_layers():
    rng = np.random.default_rng(1)
    model = _two_layers(rng)
    W0 = model[0].params["W"]
    frozen = model[2].params["W"].copy()
    model[2].freeze()
    loss = nn.SoftmaxCrossEntropy()
    loss.forward(model.forward(rng.normal(size=(4, 5)), True), rng.integers(0, 2, 5))
    model.backward(loss.backward())
    before = W0.copy()
    nn.Adam(0.1).step(model)
    assert model[0].params["W"] is W0 and not np.allclose(W0, before)
    np.testing.assert_array_equal(model[2].params["W"], frozen)


def test_adam_first_step_moves_each_weight_by_about_the_learning_rate():
    model = nn.Dense(3, 2, rng=0)
    model.forward(np.ones((3, 4)))
    model.backward(np.full((2, 4), 0.25))
    before = model.params["W"].copy()
    nn.Adam(0.01).step(model)
    np.testing.assert_allclose(before - model.params["W"], 0.01, rtol=1e-5)


def test_errors_are_explained():
    with pytest.raises(ValueError, match="no gradient"):
        nn.SGD(0.1).step(nn.Dense(2, 2, rng=0))
    with pytest.raises(ValueError, match="learning_rate must be positive"):
        nn.Adam(0.0)
    opt, a = nn.Adam(0.1), nn.Dense(2, 2, rng=0)
    a.forward(np.ones((2, 1)))
    a.backward(np.ones((2, 1)))
    opt.step(a)
    b = nn.Dense(3, 2, rng=0)
    b.forward(np.ones((3, 1)))
    b.backward(np.ones((2, 1)))
    with pytest.raises(ValueError, match="one optimiser object per model|a new optimiser object"):
        opt.step(b)


def test_gradient_clipping_by_value_and_by_norm():
    layer = nn.Dense(2, 2, rng=0)
    layer.forward(np.ones((2, 1)))
    layer.backward(np.array([[3.0], [-4.0]]))        # dW = [[3, 3], [-4, -4]], db = [[3], [-4]]
    W0, b0 = layer.params["W"].copy(), layer.params["b"].copy()
    nn.SGD(1.0, clip_value=1.0).step(layer)
    np.testing.assert_allclose(W0 - layer.params["W"], [[1, 1], [-1, -1]])
    np.testing.assert_allclose(layer.grads["W"], [[3, 3], [-4, -4]])   # the stored gradients are not changed
    layer.params["W"][...], layer.params["b"][...] = W0, b0
    nn.SGD(1.0, clip_norm=5.0).step(layer)
    norm = np.sqrt(3 * 9 + 3 * 16)
    np.testing.assert_allclose(b0 - layer.params["b"], np.array([[3.0], [-4.0]]) * 5 / norm)
    with pytest.raises(ValueError, match="clip_norm must be positive"):
        nn.Adam(0.1, clip_norm=0)
