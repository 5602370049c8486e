"""The L-layer network: shapes of the notes, initialisation, gradient check of the whole net, training, torch."""
import io
import contextlib
import warnings

import numpy as np
import pytest

from dlkit import deep
from dlkit.gradcheck import numeric_gradients, relative_error
from dlkit.layers import linear_activation_backward, linear_activation_forward

NOTES_DIMS = [2, 3, 5, 4, 2, 1]


def _data(seed=0, n_x=3, m=12):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return X, Y


def test_shapes_of_the_notes_example():
    # L = 5, n = [2, 3, 5, 4, 2, 1]: W1 (3,2), W2 (5,3), W3 (4,5), W4 (2,4), W5 (1,2); 66 parameters
    params = deep.initialize_parameters_deep(NOTES_DIMS)
    shapes = {k: v.shape for k, v in params.items()}
    assert shapes == {"W1": (3, 2), "b1": (3, 1), "W2": (5, 3), "b2": (5, 1), "W3": (4, 5), "b3": (4, 1),
                      "W4": (2, 4), "b4": (2, 1), "W5": (1, 2), "b5": (1, 1)}
    assert sum(v.size for v in params.values()) == 66
    assert deep.count_parameters(NOTES_DIMS) == 66


def test_two_layer_shapes_of_the_notes():
    # n^[0] = 3, 4 hidden, 1 output: W1 (4,3), b1 (4,1), W2 (1,4), b2 (1,1)
    p = deep.initialize_parameters(3, 4, 1)
    assert {k: v.shape for k, v in p.items()} == {"W1": (4, 3), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)}


def test_initialisers_follow_the_course_seeds_without_touching_global_state():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    p2 = deep.initialize_parameters(3, 2, 1)
    pL = deep.initialize_parameters_deep([5, 4, 3])
    pS = deep.initialize_parameters_deep([5, 4, 3], scale=deep.SCALED, seed=1)
    np.testing.assert_array_equal(np.random.get_state()[1], before)

    np.random.seed(1)
    np.testing.assert_array_equal(p2["W1"], np.random.randn(2, 3) * 0.01)
    np.testing.assert_array_equal(p2["W2"], np.random.randn(1, 2) * 0.01)
    np.random.seed(3)
    np.testing.assert_array_equal(pL["W1"], np.random.randn(4, 5) * 0.01)
    np.testing.assert_array_equal(pL["W2"], np.random.randn(3, 4) * 0.01)
    np.random.seed(1)
    np.testing.assert_array_equal(pS["W1"], np.random.randn(4, 5) / np.sqrt(5))
    np.testing.assert_array_equal(pS["W2"], np.random.randn(3, 4) / np.sqrt(4))
    for p in (p2, pL, pS):
        assert all(not v.any() for k, v in p.items() if k.startswith("b"))


def test_scaled_initialisation_keeps_the_signal_alive():
    X = np.random.default_rng(0).random((1000, 50))
    small = deep.initialize_parameters_deep([1000, 50, 50, 50, 1])
    scaled = deep.initialize_parameters_deep([1000, 50, 50, 50, 1], scale=deep.SCALED, seed=1)
    Z_small = deep.L_model_forward(X, small)[1][-1][1]
    Z_scaled = deep.L_model_forward(X, scaled)[1][-1][1]
    assert np.std(Z_small) < 1e-4 and np.std(Z_scaled) > 0.01


@pytest.mark.parametrize("bad", [[3], [], "3,2", [3, 0, 1], [3, 2.5, 1], [True, 2]])
def test_initialize_parameters_deep_rejects_bad_layer_dims(bad):
    with pytest.raises(ValueError):
        deep.initialize_parameters_deep(bad)


def test_initialize_parameters_deep_rejects_bad_scale():
    with pytest.raises(ValueError, match="scale"):
        deep.initialize_parameters_deep([3, 2], scale="he")
    with pytest.raises(ValueError, match="scale"):
        deep.initialize_parameters_deep([3, 2], scale=-1.0)


def test_L_model_forward_matches_a_hand_written_pass():
    X, _ = _data(1, n_x=4, m=6)
    params = deep.initialize_parameters_deep([4, 5, 3, 1], scale=deep.SCALED)
    AL, caches = deep.L_model_forward(X, params)
    A1 = np.maximum(0, params["W1"] @ X + params["b1"])
    A2 = np.maximum(0, params["W2"] @ A1 + params["b2"])
    A3 = 1 / (1 + np.exp(-(params["W3"] @ A2 + params["b3"])))
    np.testing.assert_allclose(AL, A3)
    assert AL.shape == (1, 6) and len(caches) == 3
    (A_prev, W, b), Z = caches[1]
    np.testing.assert_allclose(A_prev, A1)
    assert W is params["W2"] and b is params["b2"]
    np.testing.assert_allclose(Z, params["W2"] @ A1 + params["b2"])


def test_compute_cost_worked_number():
    # Y = [1, 1, 0], AL = [0.8, 0.9, 0.4]: J = -(ln 0.8 + ln 0.9 + ln 0.6) / 3
    cost = deep.compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1.0, 1.0, 0.0]]))
    assert isinstance(cost, float)
    assert cost == pytest.approx(-(np.log(0.8) + np.log(0.9) + np.log(0.6)) / 3, rel=1e-14)
    assert cost == pytest.approx(0.2797765635793422, rel=1e-12)


def test_compute_cost_never_takes_log_of_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = deep.compute_cost(np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]]))
    assert 0 <= cost < 1e-10


def _whole_net_gradcheck(dims, seed, m=10):
    X, Y = _data(seed, n_x=dims[0], m=m)
    params = deep.initialize_parameters_deep(dims, scale=deep.SCALED, seed=seed)
    rng = np.random.default_rng(seed + 100)
    for l in range(1, len(dims)):  # non-zero biases: no Z sits exactly on ReLU's kink at 0
        params[f"b{l}"] = rng.normal(0, 0.1, size=params[f"b{l}"].shape)
    AL, caches = deep.L_model_forward(X, params)
    assert min(np.min(np.abs(Z)) for _, Z in caches) > 1e-5
    grads = deep.L_model_backward(AL, Y, caches)

    def J():
        return deep.compute_cost(deep.L_model_forward(X, params)[0], Y)

    numeric = numeric_gradients(J, params)
    keys = [f"d{k}{l}" for l in range(1, len(dims)) for k in "Wb"]
    approx = np.concatenate([numeric[k].ravel() for k in keys])
    exact = np.concatenate([grads[k].ravel() for k in keys])
    # dA0 is a per-example derivative: m times the derivative of the (averaged) cost
    X_copy = X.copy()
    num_dX = numeric_gradients(lambda: deep.compute_cost(deep.L_model_forward(X_copy, params)[0], Y),
                               {"X": X_copy})["dX"] * m
    return relative_error(approx, exact), relative_error(num_dX, grads["dA0"]), grads, caches


@pytest.mark.parametrize("dims, seed", [(NOTES_DIMS, 0), (NOTES_DIMS, 1), ([4, 5, 3, 1], 2), ([3, 1], 3)])
def test_gradient_check_of_the_whole_L_layer_net(dims, seed):
    err, err_dX, grads, caches = _whole_net_gradcheck(dims, seed)
    assert err < 1e-7
    assert err_dX < 1e-7
    L = len(dims) - 1
    assert set(grads) == ({f"dA{l}" for l in range(L)} | {f"dW{l}" for l in range(1, L + 1)}
                          | {f"db{l}" for l in range(1, L + 1)})
    for l in range(1, L + 1):
        assert grads[f"dW{l}"].shape == (dims[l], dims[l - 1])
        assert grads[f"db{l}"].shape == (dims[l], 1)
        assert grads[f"dA{l - 1}"].shape == (dims[l - 1], 10)


def _course_style_backward(AL, Y, caches):
    """The literal recipe: dAL = -(Y/AL - (1-Y)/(1-AL)), then the layer kernels from the top."""
    grads, L = {}, len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = linear_activation_backward(
            grads[f"dA{l + 1}"], caches[l], "relu")
    return grads


def test_backward_equals_the_course_recipe_with_dAL():
    X, Y = _data(4, n_x=5, m=9)
    params = deep.initialize_parameters_deep([5, 4, 3, 1], scale=deep.SCALED)
    AL, caches = deep.L_model_forward(X, params)
    ours, course = deep.L_model_backward(AL, Y, caches), _course_style_backward(AL, Y, caches)
    assert set(ours) == set(course)
    for k in ours:
        np.testing.assert_allclose(ours[k], course[k], rtol=1e-12, atol=1e-15)


def test_backward_is_stable_when_the_output_saturates():
    X = np.array([[100.0, -100.0]])
    params = {"W1": np.array([[1.0]]), "b1": np.zeros((1, 1)), "W2": np.array([[10.0]]), "b2": np.zeros((1, 1))}
    AL, caches = deep.L_model_forward(X, params)
    assert AL[0, 0] == 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        grads = deep.L_model_backward(AL, np.array([[0.0, 1.0]]), caches)
    assert np.all(np.isfinite(grads["dW1"]))


def test_update_parameters_is_one_step_and_leaves_inputs_alone():
    params = deep.initialize_parameters_deep([3, 2, 1])
    grads = {k.replace("W", "dW").replace("b", "db"): np.ones_like(v) for k, v in params.items()}
    before = {k: v.copy() for k, v in params.items()}
    new = deep.update_parameters(params, grads, 0.1)
    for k in params:
        np.testing.assert_array_equal(params[k], before[k])
        np.testing.assert_allclose(new[k], before[k] - 0.1)


def test_update_parameters_wants_matching_gradients():
    params = deep.initialize_parameters_deep([3, 2, 1])
    grads = {"dW1": np.zeros((2, 3)), "db1": np.zeros((2, 1)), "dW2": np.zeros((2, 1)), "db2": np.zeros((1, 1))}
    with pytest.raises(ValueError, match=r"grads\['dW2'\]` has shape \(2, 1\), expected \(1, 2\)"):
        deep.update_parameters(params, grads, 0.1)
    grads["dW2"] = np.zeros((1, 2))
    del grads["db2"]
    with pytest.raises(ValueError, match="no 'db2'"):
        deep.update_parameters(params, grads, 0.1)


def test_parameters_must_be_complete():
    with pytest.raises(ValueError, match="exactly W1, b1"):
        deep.L_model_forward(np.zeros((2, 3)), {"W1": np.zeros((1, 2)), "b2": np.zeros((1, 1))})


def _course_style_training(X, Y, params, learning_rate, num_iterations):
    """The course's training loop, written out with the literal dAL, for comparison."""
    costs = []
    for i in range(num_iterations):
        AL, caches = deep.L_model_forward(X, params)
        cost = float(np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / X.shape[1]))
        params = deep.update_parameters(params, _course_style_backward(AL, Y, caches), learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return params, costs


def _xor_like(seed=0, m=80):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(2, m))
    Y = ((X[0] * X[1]) > 0).astype(float).reshape(1, m)
    return X, Y


def test_two_layer_model_equals_the_course_loop():
    X, Y = _data(5, n_x=4, m=20)
    params, costs = deep.two_layer_model(X, Y, (4, 3, 1), learning_rate=0.5, num_iterations=250)
    ref_params, ref_costs = _course_style_training(X, Y, deep.initialize_parameters(4, 3, 1), 0.5, 250)
    assert len(costs) == 3
    np.testing.assert_allclose(costs, ref_costs, rtol=1e-10)
    for k in params:
        np.testing.assert_allclose(params[k], ref_params[k], rtol=1e-8, atol=1e-12)


def test_L_layer_model_equals_the_course_loop_and_learns():
    X, Y = _xor_like()
    params, costs = deep.L_layer_model(X, Y, [2, 8, 4, 1], learning_rate=0.3, num_iterations=1500)
    init = deep.initialize_parameters_deep([2, 8, 4, 1], scale=deep.SCALED, seed=1)
    ref_params, ref_costs = _course_style_training(X, Y, init, 0.3, 1500)
    np.testing.assert_allclose(costs, ref_costs, rtol=1e-6)
    assert costs[-1] < 0.5 * costs[0]
    accuracy = np.mean(deep.predict(X, Y, params, print_accuracy=False) == Y)
    assert accuracy > 0.9


def test_training_prints_the_cost_and_shows_a_progress_bar():
    X, Y = _data(6, n_x=3, m=10)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        _, costs = deep.L_layer_model(X, Y, [3, 2, 1], num_iterations=201, print_cost=True, progress=True)
    assert len(costs) == 3
    printed = out.getvalue().splitlines()
    assert printed[0].startswith("Cost after iteration 0:") and printed[-1].startswith("Cost after iteration 200:")
    assert "2-layer model" in err.getvalue()


def test_models_reject_layer_sizes_that_do_not_fit_X():
    X, Y = _data(0, n_x=3, m=5)
    with pytest.raises(ValueError, match=r"expected \(4, m\)"):
        deep.L_layer_model(X, Y, [4, 2, 1], num_iterations=1)
    with pytest.raises(ValueError, match=r"\(n_x, n_h, n_y\)"):
        deep.two_layer_model(X, Y, [3, 2, 2, 1], num_iterations=1)
    with pytest.raises(ValueError, match="1 unit"):
        deep.L_layer_model(X, Y, [3, 2], num_iterations=1)


def test_predict_prints_the_accuracy_like_the_course():
    X = np.array([[1.0, -1.0, 2.0, -2.0]])
    params = {"W1": np.array([[1.0]]), "b1": np.zeros((1, 1)), "W2": np.array([[5.0]]), "b2": np.array([[-1.0]])}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        p = deep.predict(X, np.array([[1.0, 0.0, 1.0, 1.0]]), params)
    np.testing.assert_array_equal(p, [[1.0, 0.0, 1.0, 0.0]])
    assert out.getvalue().strip() == "Accuracy: 0.7500"
    with contextlib.redirect_stdout(io.StringIO()) as quiet:
        deep.predict(X, None, params)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize("dims", [NOTES_DIMS, [6, 4, 3, 1]])
def test_whole_net_agrees_with_pytorch(dims):
    torch = pytest.importorskip("torch")
    X, Y = _data(8, n_x=dims[0], m=7)
    params = deep.initialize_parameters_deep(dims, scale=deep.SCALED, seed=2)
    AL, caches = deep.L_model_forward(X, params)
    cost = deep.compute_cost(AL, Y)
    grads = deep.L_model_backward(AL, Y, caches)

    t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    tX = torch.tensor(X, requires_grad=True)
    A, L = tX, len(dims) - 1
    for l in range(1, L + 1):
        Z = t[f"W{l}"] @ A + t[f"b{l}"]
        A = torch.sigmoid(Z) if l == L else torch.relu(Z)
    loss = torch.nn.functional.binary_cross_entropy(A, torch.tensor(Y))
    loss.backward()
    assert cost == pytest.approx(loss.item(), rel=1e-12)
    for k, v in t.items():
        np.testing.assert_allclose(grads["d" + k], v.grad.numpy(), rtol=1e-9, atol=1e-14)
    np.testing.assert_allclose(grads["dA0"], tX.grad.numpy() * X.shape[1], rtol=1e-9, atol=1e-14)


def test_layer_kernels_compose_into_the_forward_pass():
    X, _ = _data(9, n_x=3, m=4)
    params = deep.initialize_parameters_deep([3, 2, 1], scale=deep.SCALED)
    A1, _ = linear_activation_forward(X, params["W1"], params["b1"], "relu")
    A2, _ = linear_activation_forward(A1, params["W2"], params["b2"], "sigmoid")
    np.testing.assert_allclose(deep.L_model_forward(X, params)[0], A2)
