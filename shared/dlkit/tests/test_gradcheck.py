"""The numeric-derivative worked examples of Course 1 Week 2 and the gradient-check formula."""
import numpy as np
import pytest

from dlkit.gradcheck import numeric_gradient, numeric_gradients, relative_error


@pytest.mark.parametrize("f, a, slope", [
    (lambda a: 3 * a, 2.0, 3.0),
    (lambda a: 3 * a, 5.0, 3.0),
    (lambda a: a**2, 2.0, 4.0),
    (lambda a: a**2, 5.0, 10.0),
    (lambda a: a**3, 2.0, 12.0),
    (np.log, 2.0, 0.5),
])
def test_slopes_of_the_course_notes(f, a, slope):
    got = numeric_gradient(lambda x: float(f(x[0])), np.array([a]), eps=1e-6)
    assert got[0] == pytest.approx(slope, rel=1e-6)


def test_one_sided_nudges_of_the_notes():
    # f(a + 0.001) values quoted in the notes (ln corrected: 0.693647, not the seed's 0.69265)
    assert 2.001**2 == pytest.approx(4.004, abs=1e-5)
    assert 5.001**2 == pytest.approx(25.010, abs=1e-5)
    assert 2.001**3 == pytest.approx(8.012, abs=1e-5)
    assert np.log(2.001) == pytest.approx(0.693647, abs=1e-6)


def test_computation_graph_J_equals_33():
    # J(a, b, c) = 3 (a + b c) at a=5, b=3, c=2: u=6, v=11, J=33 (the seed's "23" is a typo)
    params = {"a": np.array([5.0]), "b": np.array([3.0]), "c": np.array([2.0])}

    def J():
        return float(3 * (params["a"][0] + params["b"][0] * params["c"][0]))

    assert J() == 33.0
    grads = numeric_gradients(J, params)
    assert grads["da"][0] == pytest.approx(3.0)
    assert grads["db"][0] == pytest.approx(6.0)
    assert grads["dc"][0] == pytest.approx(9.0)


def test_relative_error():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error([0.0], [0.0]) == 0.0
    assert relative_error([1.0, 0.0], [0.0, 0.0]) == 1.0
    assert relative_error([2.0], [1.0]) == pytest.approx(1 / 3)


def test_numeric_gradients_rejects_non_float():
    with pytest.raises(ValueError, match="float64"):
        numeric_gradients(lambda: 0.0, {"W": np.zeros((2, 2), dtype=int)})


# ---------------------------------------------- Course 2 Week 1: vectors and the N-dim check

from dlkit import regularization as reg  # noqa: E402
from dlkit.gradcheck import (course_order, dictionary_to_vector, gradient_check_n,  # noqa: E402
                             gradients_to_vector, vector_to_dictionary, verdict)


def _net(seed, dims=(4, 5, 3, 1)):
    rng = np.random.default_rng(seed)
    p = {}
    for l in range(1, len(dims)):
        p[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        p[f"b{l}"] = rng.normal(0, 0.3, size=(dims[l], 1))
    return p


def _problem(seed=0, m=3):
    rng = np.random.default_rng(seed + 100)
    X = rng.normal(size=(4, m))
    Y = np.array([[1.0, 1.0, 0.0]])[:, :m] if m == 3 else (rng.random((1, m)) > 0.5).astype(float)
    return X, Y, _net(seed)


def _cost(X, Y):
    from dlkit.deep import compute_cost

    return lambda p: compute_cost(reg.forward_propagation(X, p)[0], Y)


def test_course_order_alternates_W_and_b_by_layer():
    assert course_order(["b2", "W10", "W2", "b1", "W1", "b10"]) == ["W1", "b1", "W2", "b2", "W10", "b10"]
    assert course_order(["gamma1", "W1", "beta1", "b1", "other"]) == ["W1", "b1", "beta1", "gamma1", "other"]


def test_dictionary_to_vector_uses_the_course_order_whatever_the_dict_order():
    p = _net(1)
    shuffled = {k: p[k] for k in ["b3", "W2", "W1", "b1", "W3", "b2"]}
    theta, layout = dictionary_to_vector(shuffled)
    assert [name for name, _ in layout] == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert layout[0] == ("W1", (5, 4)) and theta.shape == (47, 1)   # 20 + 5 + 15 + 3 + 3 + 1
    np.testing.assert_array_equal(theta[:20, 0], p["W1"].ravel())   # row by row
    np.testing.assert_array_equal(theta[20:25, 0], p["b1"].ravel())
    assert theta[-1, 0] == p["b3"][0, 0]


def test_the_round_trip_is_exact():
    p = _net(2, dims=(2, 20, 3, 1))
    p["gamma1"] = np.arange(20.0).reshape(20, 1)
    theta, layout = dictionary_to_vector(p)
    back = vector_to_dictionary(theta, layout)
    assert set(back) == set(p)
    for k in p:
        assert back[k].shape == p[k].shape and np.array_equal(back[k], p[k]), k
    back["W1"][0, 0] = 99.0                        # the pieces are copies: theta is not changed
    assert theta[0, 0] == p["W1"][0, 0]


def test_gradients_to_vector_lines_up_with_theta_and_skips_dA_dZ():
    X, Y, p = _problem(3)
    _, cache = reg.forward_propagation(X, p)
    grads = reg.backward_propagation(X, Y, cache)           # keys in backprop order, with dZ/dA entries
    theta, layout = dictionary_to_vector(p)
    g = gradients_to_vector(grads, layout)
    assert g.shape == theta.shape
    np.testing.assert_array_equal(g[20:25], grads["db1"])
    np.testing.assert_array_equal(gradients_to_vector(grads), g)   # the default layout: dW1, db1, ...


@pytest.mark.parametrize("call, pattern", [
    (lambda: vector_to_dictionary(np.zeros((5, 1)), [("W1", (2, 2))]), "5 entries but the layout needs 4"),
    (lambda: vector_to_dictionary(np.zeros((4, 1)), ["W1"]), "\\(name, shape\\) pair"),
    (lambda: vector_to_dictionary(np.zeros((4, 1)), []), "`layout`"),
    (lambda: gradients_to_vector({"dW1": np.zeros((2, 2))}, [("W1", (2, 2)), ("b1", (2, 1))]), "no 'db1'"),
    (lambda: gradients_to_vector({"dW1": np.zeros((2, 1))}, [("W1", (2, 2))]),
     "`dW1` has shape \\(2, 1\\), expected \\(2, 2\\)"),
    (lambda: gradients_to_vector({"dA1": np.zeros((2, 1))}), "no dW1, db1"),
    (lambda: dictionary_to_vector({}), "non-empty dict"),
    (lambda: verdict(-1.0), ">= 0"),
    (lambda: gradient_check_n(lambda p: 0.0, {"W1": np.zeros((1, 1))}, {"dW1": np.zeros((1, 1))}, 0.0), "`epsilon`"),
])
def test_bad_inputs_raise_clear_value_errors(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_verdict_thresholds_of_the_course():
    assert verdict(1e-7) == "great" and verdict(3e-9) == "great"
    assert verdict(1e-5) == "double-check"
    assert verdict(1e-3) == "bug" and verdict(0.3) == "bug"


def test_gradient_check_n_passes_correct_gradients():
    X, Y, p = _problem(4)
    _, cache = reg.forward_propagation(X, p)
    result = gradient_check_n(_cost(X, Y), p, reg.backward_propagation(X, Y, cache))
    assert result.difference < 1e-7 and verdict(result.difference) == "great"
    assert list(result.errors) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert result.gradapprox.shape == (47, 1)


def test_gradient_check_n_finds_the_planted_bugs():
    # the notebook's bugs: dW2 twice too large, db1 computed with 4/m
    X, Y, p = _problem(5)
    _, cache = reg.forward_propagation(X, p)
    grads = reg.backward_propagation(X, Y, cache)
    grads["dW2"] = grads["dW2"] * 2
    grads["db1"] = grads["db1"] * 4
    result = gradient_check_n(_cost(X, Y), p, grads)
    assert result.difference > 1e-3 and verdict(result.difference) == "bug"
    assert result.worst in ("W2", "b1")
    assert sorted(k for k, e in result.errors.items() if e > 1e-3) == ["W2", "b1"]
    assert result.errors["W2"] == pytest.approx(1 / 3, rel=1e-4)      # |2g - g| / (|2g| + |g|)
    assert result.errors["b1"] == pytest.approx(3 / 5, rel=1e-4)


def test_gradient_check_n_needs_the_l2_term_in_the_cost():
    X, Y, p = _problem(6)
    _, cache = reg.forward_propagation(X, p)
    grads = reg.backward_propagation_with_regularization(X, Y, cache, 0.7)
    assert gradient_check_n(_cost(X, Y), p, grads).difference > 1e-3
    with_l2 = gradient_check_n(lambda q: _cost(X, Y)(q) + reg.l2_cost(q, 0.7, X.shape[1]), p, grads)
    assert with_l2.difference < 1e-7


def test_stacked_gradients_equal_torch_autograd_in_the_same_order():
    torch = pytest.importorskip("torch")
    X, Y, p = _problem(7, m=6)
    _, cache = reg.forward_propagation(X, p)
    theta, layout = dictionary_to_vector(p)
    ours = gradients_to_vector(reg.backward_propagation(X, Y, cache), layout)
    t = {k: torch.tensor(v, requires_grad=True) for k, v in p.items()}
    A1 = torch.relu(t["W1"] @ torch.tensor(X) + t["b1"])
    A2 = torch.relu(t["W2"] @ A1 + t["b2"])
    J = torch.nn.functional.binary_cross_entropy_with_logits(t["W3"] @ A2 + t["b3"], torch.tensor(Y))
    J.backward()
    theirs = torch.cat([t[name].grad.reshape(-1, 1) for name, _ in layout]).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)
