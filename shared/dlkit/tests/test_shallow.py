"""The 2-layer tanh network: shapes from the notes, gradient check, training, and PyTorch agreement (optional)."""
import warnings

import numpy as np
import pytest

from dlkit import shallow
from dlkit.gradcheck import numeric_gradients, relative_error


def _net(seed=0, n_x=3, n_h=4, n_y=1, m=7):
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, 0.8, (n_h, n_x)), "b1": rng.normal(0, 0.5, (n_h, 1)),
              "W2": rng.normal(0, 0.8, (n_y, n_h)), "b2": rng.normal(0, 0.5, (n_y, 1))}
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    return params, X, Y


def test_layer_sizes():
    assert shallow.layer_sizes(np.zeros((5, 3)), np.zeros((2, 3))) == (5, 4, 2)
    assert shallow.layer_sizes(np.zeros((2, 400)), np.zeros((1, 400))) == (2, 4, 1)
    with pytest.raises(ValueError, match=r"`Y` has shape \(1, 4\), expected \(n_y, 3\)"):
        shallow.layer_sizes(np.zeros((5, 3)), np.zeros((1, 4)))


def test_initialize_parameters_shapes_of_the_notes():
    # n^[0] = 3 inputs, 4 hidden units, 1 output: W1 (4, 3), b1 (4, 1), W2 (1, 4), b2 (1, 1)
    p = shallow.initialize_parameters(3, 4, 1)
    assert {k: v.shape for k, v in p.items()} == {"W1": (4, 3), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)}
    assert not p["b1"].any() and not p["b2"].any()
    assert 0 < np.abs(p["W1"]).max() < 0.05 and p["W1"].dtype == np.float64


def test_initialize_parameters_is_seeded_like_the_course():
    np.random.seed(2)
    W1 = np.random.randn(4, 2) * 0.01
    W2 = np.random.randn(1, 4) * 0.01
    p = shallow.initialize_parameters(2, 4, 1)
    np.testing.assert_array_equal(p["W1"], W1)
    np.testing.assert_array_equal(p["W2"], W2)
    np.random.seed(123)
    q = shallow.initialize_parameters(2, 4, 1)
    np.testing.assert_array_equal(q["W1"], p["W1"])
    for bad in ((0, 4, 1), (2, 4.0, 1), (2, 4, True), (2, -1, 1)):
        with pytest.raises(ValueError, match="positive integer"):
            shallow.initialize_parameters(*bad)


def test_forward_matches_a_loop_over_examples():
    params, X, Y = _net(1, m=5)
    A2, cache = shallow.forward_propagation(X, params)
    assert set(cache) == {"Z1", "A1", "Z2", "A2"} and A2 is cache["A2"]
    assert cache["Z1"].shape == cache["A1"].shape == (4, 5) and A2.shape == (1, 5)
    for i in range(X.shape[1]):
        x = X[:, i:i + 1]
        a1 = np.tanh(params["W1"] @ x + params["b1"])
        a2 = 1 / (1 + np.exp(-(params["W2"] @ a1 + params["b2"])))
        np.testing.assert_allclose(cache["A1"][:, i:i + 1], a1)
        np.testing.assert_allclose(A2[:, i:i + 1], a2)


def test_compute_cost_worked_example():
    A2 = np.array([[0.5, 0.9, 0.2]])
    Y = np.array([[1.0, 1.0, 0.0]])
    expected = -(np.log(0.5) + np.log(0.9) + np.log(0.8)) / 3      # 0.340550...
    assert shallow.compute_cost(A2, Y) == pytest.approx(expected)
    assert shallow.compute_cost(A2, Y) == pytest.approx(0.3405504, rel=1e-6)
    assert isinstance(shallow.compute_cost(A2, Y), float)


def test_compute_cost_never_takes_log_of_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = shallow.compute_cost(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]]))
    assert np.isfinite(cost) and cost > 20


@pytest.mark.parametrize("seed, shape", [(0, (3, 4, 1, 7)), (1, (2, 4, 1, 9)), (2, (4, 4, 1, 4)),
                                         (3, (5, 2, 1, 6)), (4, (3, 5, 2, 8))])
def test_backward_propagation_gradient_check(seed, shape):
    n_x, n_h, n_y, m = shape
    params, X, Y = _net(seed, n_x, n_h, n_y, m)
    _, cache = shallow.forward_propagation(X, params)
    grads = shallow.backward_propagation(params, cache, X, Y)
    assert {k: v.shape for k, v in grads.items()} == {"d" + k: v.shape for k, v in params.items()}

    def J():
        return shallow.compute_cost(shallow.forward_propagation(X, params)[0], Y)

    numeric = numeric_gradients(J, params, eps=1e-6)
    for name in grads:
        assert relative_error(numeric[name], grads[name]) < 1e-7, name


def test_backward_is_the_average_of_single_example_gradients():
    # single-example form of the notes: no 1/m, db = dz
    params, X, Y = _net(5, m=6)
    _, cache = shallow.forward_propagation(X, params)
    grads = shallow.backward_propagation(params, cache, X, Y)
    total = {k: np.zeros_like(v) for k, v in grads.items()}
    for i in range(X.shape[1]):
        x, y = X[:, i:i + 1], Y[:, i:i + 1]
        a1 = np.tanh(params["W1"] @ x + params["b1"])
        a2 = 1 / (1 + np.exp(-(params["W2"] @ a1 + params["b2"])))
        dz2 = a2 - y
        dz1 = params["W2"].T @ dz2 * (1 - a1**2)
        for k, v in (("dW2", dz2 @ a1.T), ("db2", dz2), ("dW1", dz1 @ x.T), ("db1", dz1)):
            total[k] += v
    for k in grads:
        np.testing.assert_allclose(grads[k], total[k] / X.shape[1], rtol=1e-12, atol=1e-15)


def test_update_parameters():
    p = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)), "W2": np.ones((1, 2)), "b2": np.ones((1, 1))}
    g = {"dW1": np.full((2, 2), 0.5), "db1": np.ones((2, 1)), "dW2": np.zeros((1, 2)), "db2": np.ones((1, 1))}
    new = shallow.update_parameters(p, g)
    np.testing.assert_allclose(new["W1"], 1 - 1.2 * 0.5)
    np.testing.assert_allclose(new["b1"], -1.2)
    np.testing.assert_allclose(new["W2"], 1.0)
    np.testing.assert_allclose(new["b2"], 1 - 1.2)
    np.testing.assert_allclose(shallow.update_parameters(p, g, learning_rate=0.1)["b2"], 0.9)
    np.testing.assert_array_equal(p["W1"], 1.0)  # the input is not modified
    with pytest.raises(ValueError, match=r"`db1` has shape \(2,\), expected \(2, 1\)"):
        shallow.update_parameters(p, dict(g, db1=np.ones(2)))


@pytest.mark.parametrize("args, pattern", [
    ((np.zeros((3, 5)), {"W1": np.zeros((4, 2)), "b1": np.zeros((4, 1)), "W2": np.zeros((1, 4)),
                         "b2": np.zeros((1, 1))}), r"`W1` has shape \(4, 2\), expected \(4, 3\)"),
    ((np.zeros((3, 5)), {"W1": np.zeros((4, 3)), "b1": np.zeros(4), "W2": np.zeros((1, 4)),
                         "b2": np.zeros((1, 1))}), r"`b1` has shape \(4,\), expected \(4, 1\)"),
    ((np.zeros((3, 5)), {"W1": np.zeros((4, 3)), "b1": np.zeros((4, 1)), "W2": np.zeros((4, 1)),
                         "b2": np.zeros((1, 1))}), r"`W2` has shape \(4, 1\), expected \(n_y, 4\)"),
    ((np.zeros(3), {}), r"`X` must be a 2-D array"),
    ((np.zeros((3, 5)), {"W1": np.zeros((4, 3))}), r"missing the key"),
])
def test_wrong_shapes_raise_value_error(args, pattern):
    with pytest.raises(ValueError, match=pattern):
        shallow.forward_propagation(*args)


def test_backward_rejects_a_cache_of_other_data():
    params, X, Y = _net(0, m=7)
    _, cache = shallow.forward_propagation(X[:, :5], params)
    with pytest.raises(ValueError, match=r"`A1` has shape \(4, 5\), expected \(4, 7\)"):
        shallow.backward_propagation(params, cache, X, Y)


def test_predict_threshold_is_strict():
    p = {"W1": np.ones((3, 2)), "b1": np.zeros((3, 1)), "W2": np.zeros((1, 3)), "b2": np.zeros((1, 1))}
    X = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_array_equal(shallow.predict(p, X), [[0.0, 0.0]])  # A2 = 0.5 exactly
    p["b2"] = np.array([[1e-3]])
    np.testing.assert_array_equal(shallow.predict(p, X), [[1.0, 1.0]])


def test_nn_model_lowers_the_cost_and_prints_every_1000(capsys):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, 60))
    Y = (X[0:1] * X[1:2] > 0).astype(float)                        # XOR of the signs
    before = shallow.compute_cost(shallow.forward_propagation(X, shallow.initialize_parameters(2, 4, 1))[0], Y)
    p = shallow.nn_model(X, Y, 4, num_iterations=2001, print_cost=True)
    after = shallow.compute_cost(shallow.forward_propagation(X, p)[0], Y)
    lines = capsys.readouterr().out.strip().splitlines()
    assert [ln.split(":")[0] for ln in lines] == [f"Cost after iteration {i}" for i in (0, 1000, 2000)]
    assert float(lines[0].split(":")[1]) == pytest.approx(before, abs=1e-6)
    assert after < 0.5 * before
    assert shallow.accuracy(shallow.predict(p, X), Y) > 90


def test_nn_model_progress_bar_gives_the_same_result():
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(2, 20)), (rng.random((1, 20)) > 0.5).astype(float)
    a = shallow.nn_model(X, Y, 3, num_iterations=50)
    b = shallow.nn_model(X, Y, 3, num_iterations=50, progress=True)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])


def test_zero_initialisation_keeps_hidden_units_identical():
    # the notes' symmetry argument: with W = 0 every hidden unit computes the same function, forever
    rng = np.random.default_rng(2)
    X, Y = rng.normal(size=(2, 30)), (rng.random((1, 30)) > 0.5).astype(float)
    p = {"W1": np.zeros((3, 2)), "b1": np.zeros((3, 1)), "W2": np.zeros((1, 3)), "b2": np.zeros((1, 1))}
    for _ in range(20):
        _, cache = shallow.forward_propagation(X, p)
        p = shallow.update_parameters(p, shallow.backward_propagation(p, cache, X, Y))
    np.testing.assert_allclose(p["W1"], np.repeat(p["W1"][:1], 3, axis=0))
    np.testing.assert_allclose(p["W2"], p["W2"][0, 0])


def test_backward_agrees_with_pytorch():
    torch = pytest.importorskip("torch")
    params, X, Y = _net(7, n_x=3, n_h=5, m=11)
    A2, cache = shallow.forward_propagation(X, params)
    grads = shallow.backward_propagation(params, cache, X, Y)
    t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    z2 = t["W2"] @ torch.tanh(t["W1"] @ torch.tensor(X) + t["b1"]) + t["b2"]
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z2, torch.tensor(Y))
    loss.backward()
    assert shallow.compute_cost(A2, Y) == pytest.approx(loss.item(), rel=1e-10)
    for k in params:
        np.testing.assert_allclose(grads["d" + k], t[k].grad.numpy(), rtol=1e-9, atol=1e-14)


def test_sweep_hidden_sizes_uses_the_functions_it_is_given():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(2, 40))
    Y = (X[0:1] * X[1:2] > 0).astype(float)
    calls = []

    def train(X_, Y_, n_h, num_iterations=10000):
        calls.append((n_h, num_iterations))
        return shallow.nn_model(X_, Y_, n_h, num_iterations)

    res = shallow.sweep_hidden_sizes(train, shallow.predict, X, Y, (1, 3), num_iterations=300)
    assert calls == [(1, 300), (3, 300)] and list(res) == [1, 3]
    for n_h, r in res.items():
        assert r["parameters"]["W1"].shape == (n_h, 2)
        assert r["accuracy"] == shallow.accuracy(shallow.predict(r["parameters"], X), Y)
        np.testing.assert_array_equal(r["predict"](X), shallow.predict(r["parameters"], X))
