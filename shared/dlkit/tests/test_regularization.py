"""L2 regularisation and inverted dropout (Course 2 Week 1): the notes' formulas, gradient checks, the claims."""
import numpy as np
import pytest

from dlkit import deep, regularization as reg
from dlkit.data.planar import make_noisy_boundary
from dlkit.gradcheck import numeric_gradients, relative_error

HAND = {
    "W1": np.array([[1.0, -1.0], [2.0, 0.0]]), "b1": np.array([[5.0], [5.0]]),
    "W2": np.array([[1.0, 2.0]]), "b2": np.array([[5.0]]),
    "W3": np.array([[-1.0]]), "b3": np.array([[5.0]]),
}
AL_NOTES, Y_NOTES = np.array([[0.8, 0.9, 0.4]]), np.array([[1.0, 1.0, 0.0]])


def _net(seed, dims=(3, 5, 4, 1), bias=0.3):
    rng = np.random.default_rng(seed)
    p = {}
    for l in range(1, len(dims)):
        p[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        p[f"b{l}"] = rng.normal(0, bias, size=(dims[l], 1))
    return p


def _data(seed, n_x=3, m=6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Y[0, 0], Y[0, -1] = 1.0, 0.0
    return X, Y


# ------------------------------------------------------------------ the L2 cost

def test_hand_computation_of_the_regularised_cost():
    # squared Frobenius norms 6, 5, 1; lambda = 0.3, m = 3: (0.3 / 6) * 12 = 0.6
    assert reg.l2_cost(HAND, 0.3, 3) == pytest.approx(0.6)
    J = reg.compute_cost_with_regularization(AL_NOTES, Y_NOTES, HAND, 0.3)
    assert J == pytest.approx(0.2797765635793422 + 0.6, abs=1e-12)


def test_the_frobenius_sum_runs_over_rows_and_columns_not_examples():
    # the seed's index range (i up to m) is a typo: the norm of W does not depend on m
    W = np.arange(1.0, 7.0).reshape(2, 3)                    # n^[l] = 2 rows, n^[l-1] = 3 columns
    for m in (1, 4, 100):
        assert reg.l2_cost({"W1": W}, 2.0, m) == pytest.approx(2.0 / (2 * m) * 91.0)


def test_biases_are_not_regularised():
    big_b = {k: (v if k.startswith("W") else v * 1000) for k, v in HAND.items()}
    assert reg.l2_cost(big_b, 0.3, 3) == reg.l2_cost(HAND, 0.3, 3)


def test_lambda_zero_gives_the_plain_cost():
    assert reg.compute_cost_with_regularization(AL_NOTES, Y_NOTES, HAND, 0.0) == deep.compute_cost(AL_NOTES, Y_NOTES)


# ------------------------------------------------------------ the L2 gradients

def test_l2_gradient_is_lambda_over_m_times_W_and_leaves_b_alone():
    X, Y = _data(0)
    params = _net(1)
    _, cache = reg.forward_propagation(X, params)
    plain = reg.backward_propagation(X, Y, cache)
    l2 = reg.backward_propagation_with_regularization(X, Y, cache, 0.7)
    m = X.shape[1]
    for l in (1, 2, 3):
        np.testing.assert_allclose(l2[f"dW{l}"], plain[f"dW{l}"] + 0.7 / m * params[f"W{l}"], rtol=1e-12)
        np.testing.assert_array_equal(l2[f"db{l}"], plain[f"db{l}"])
    for key in ("dZ3", "dA2", "dZ2", "dA1", "dZ1"):
        np.testing.assert_array_equal(l2[key], plain[key])
    np.testing.assert_allclose(reg.l2_gradient(params["W2"], 0.7, m), 0.7 / m * params["W2"])


@pytest.mark.parametrize("lambd", [0.0, 0.7, 3.0])
def test_l2_backward_pass_passes_a_numeric_gradient_check(lambd):
    X, Y = _data(2, m=7)
    params = _net(3)
    _, cache = reg.forward_propagation(X, params)
    grads = reg.backward_propagation_with_regularization(X, Y, cache, lambd)

    def J():
        return reg.compute_cost_with_regularization(reg.forward_propagation(X, params)[0], Y, params, lambd)

    numeric = numeric_gradients(J, params, eps=1e-6)
    for key, value in numeric.items():
        assert relative_error(value, grads[key]) < 1e-6, key


def test_per_example_convention_of_dA_and_dZ():
    # dZ3 = A3 - Y holds per-example slopes: m times the slope of J with respect to Z3
    X, Y = _data(4, m=5)
    params = _net(5)
    A3, cache = reg.forward_propagation(X, params)
    grads = reg.backward_propagation(X, Y, cache)
    Z3 = cache[8].copy()
    numeric = numeric_gradients(lambda: deep.compute_cost(1 / (1 + np.exp(-Z3)), Y), {"Z3": Z3}, eps=1e-6)["dZ3"]
    np.testing.assert_allclose(grads["dZ3"], numeric * X.shape[1], rtol=1e-5, atol=1e-9)


def test_weight_decay_identity():
    X, Y = _data(6)
    params = _net(7)
    _, cache = reg.forward_propagation(X, params)
    plain = reg.backward_propagation(X, Y, cache)
    l2 = reg.backward_propagation_with_regularization(X, Y, cache, 0.7)
    alpha, m = 0.3, X.shape[1]
    for l in (1, 2, 3):
        W = params[f"W{l}"]
        step = W - alpha * l2[f"dW{l}"]
        np.testing.assert_allclose(reg.weight_decay_step(W, plain[f"dW{l}"], 0.7, m, alpha), step, rtol=1e-12)
        np.testing.assert_allclose((1 - alpha * 0.7 / m) * W - alpha * plain[f"dW{l}"], step, rtol=1e-12)


# --------------------------------------------------------------------- dropout

def test_masks_follow_np_random_seed_then_rand_in_layer_order_and_leave_the_global_state_alone():
    X, _ = _data(8, m=4)
    params = _net(9)
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    _, cache = reg.forward_propagation_with_dropout(X, params, 0.7, seed=5)
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    np.random.seed(5)
    D1 = np.random.rand(5, 4) < 0.7
    D2 = np.random.rand(4, 4) < 0.7
    np.testing.assert_array_equal(cache[1], D1)
    np.testing.assert_array_equal(cache[6], D2)
    assert cache[1].dtype == bool


def test_inverted_dropout_forward_values():
    X, _ = _data(10, m=5)
    params = _net(11)
    A3, cache = reg.forward_propagation_with_dropout(X, params, 0.8, seed=2)
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3c, W3, b3 = cache
    np.testing.assert_allclose(A1, np.maximum(Z1, 0) * D1 / 0.8)
    np.testing.assert_allclose(Z2, params["W2"] @ A1 + params["b2"])
    np.testing.assert_allclose(A2, np.maximum(Z2, 0) * D2 / 0.8)
    np.testing.assert_allclose(A3, 1 / (1 + np.exp(-(params["W3"] @ A2 + params["b3"]))))


def test_keep_prob_one_is_no_dropout():
    X, _ = _data(12)
    params = _net(13)
    A3_drop, cache = reg.forward_propagation_with_dropout(X, params, 1.0, seed=0)
    A3, _ = reg.forward_propagation(X, params)
    np.testing.assert_allclose(A3_drop, A3)
    assert cache[1].all() and cache[6].all()


def test_fraction_kept_and_mean_activation_are_preserved():
    # the notes' dropout exercises: the fraction kept is about keep_prob, E[a] is unchanged
    X, _ = make_noisy_boundary(20000, seed=4)
    params = _net(14, dims=(2, 20, 3, 1))
    _, cache = reg.forward_propagation_with_dropout(X, params, 0.86, seed=0)
    assert np.mean(cache[1]) == pytest.approx(0.86, abs=0.005)
    assert np.mean(cache[6]) == pytest.approx(0.86, abs=0.01)
    A1_full = np.maximum(params["W1"] @ X + params["b1"], 0)
    assert np.mean(cache[2]) / np.mean(A1_full) == pytest.approx(1.0, abs=0.01)
    # without the division the mean would shrink by keep_prob: the notes' "reduced by 20 %" for 0.8
    _, cache8 = reg.forward_propagation_with_dropout(X, params, 0.8, seed=1)
    assert np.mean(A1_full * cache8[1]) / np.mean(A1_full) == pytest.approx(0.8, abs=0.01)


def test_dropout_backward_uses_the_forward_masks_and_the_same_scaling():
    X, Y = _data(15, m=6)
    params = _net(16)
    _, cache = reg.forward_propagation_with_dropout(X, params, 0.6, seed=3)
    grads = reg.backward_propagation_with_dropout(X, Y, cache, 0.6)
    D1, D2 = cache[1], cache[6]
    assert np.all(grads["dA2"][~D2] == 0) and np.all(grads["dA1"][~D1] == 0)
    np.testing.assert_allclose(grads["dA2"], params["W3"].T @ grads["dZ3"] * D2 / 0.6)
    np.testing.assert_allclose(reg.dropout_backward(np.ones((2, 2)), np.array([[True, False], [False, True]]), 0.5),
                               [[2.0, 0.0], [0.0, 2.0]])
    # calling it twice gives the same numbers: nothing random in the backward pass
    again = reg.backward_propagation_with_dropout(X, Y, cache, 0.6)
    for k in grads:
        np.testing.assert_array_equal(grads[k], again[k])


@pytest.mark.parametrize("keep_prob, seed", [(0.5, 1), (0.86, 7), (1.0, 0)])
def test_dropout_backward_passes_a_gradient_check_with_the_mask_held_fixed(keep_prob, seed):
    # the same seed at every evaluation gives the same masks: J is one function of the parameters
    X, Y = _data(17, m=8)
    params = _net(18)
    _, cache = reg.forward_propagation_with_dropout(X, params, keep_prob, seed=seed)
    grads = reg.backward_propagation_with_dropout(X, Y, cache, keep_prob)
    masks = []

    def J():
        A3, c = reg.forward_propagation_with_dropout(X, params, keep_prob, seed=seed)
        masks.append((c[1], c[6]))
        return deep.compute_cost(A3, Y)

    numeric = numeric_gradients(J, params, eps=1e-6)
    assert all(np.array_equal(a, cache[1]) and np.array_equal(b, cache[6]) for a, b in masks)
    for key, value in numeric.items():
        assert relative_error(value, grads[key]) < 1e-6, key


def test_a_fresh_mask_per_evaluation_breaks_the_gradient_check():
    X, Y = _data(19, m=8)
    params = _net(20)
    _, cache = reg.forward_propagation_with_dropout(X, params, 0.5, seed=0)
    grads = reg.backward_propagation_with_dropout(X, Y, cache, 0.5)
    seeds = iter(range(1, 10**6))
    numeric = numeric_gradients(
        lambda: deep.compute_cost(reg.forward_propagation_with_dropout(X, params, 0.5, seed=next(seeds))[0], Y),
        params, eps=1e-6)
    assert relative_error(numeric["dW1"], grads["dW1"]) > 1e-2


def test_predict_uses_no_dropout():
    X, Y = _data(21, m=10)
    params = _net(22)
    A3, _ = reg.forward_propagation(X, params)
    np.testing.assert_array_equal(reg.predict(X, params), (A3 > 0.5).astype(float))
    assert reg.accuracy(X, Y, params) == pytest.approx(np.mean((A3 > 0.5) == Y))


# --------------------------------------------------------------- bad inputs

@pytest.mark.parametrize("call, pattern", [
    (lambda: reg.l2_cost(HAND, -0.1, 3), "`lambd`.*>= 0"),
    (lambda: reg.l2_cost(HAND, 0.3, 0), "`m`.*positive integer"),
    (lambda: reg.l2_cost({"b1": np.zeros((2, 1))}, 0.3, 3), "no weight matrices"),
    (lambda: reg.compute_cost_with_regularization(AL_NOTES, np.array([[1.0, 0.0]]), HAND, 0.3), "`Y` has shape"),
    (lambda: reg.forward_propagation_with_dropout(np.zeros((2, 3)), HAND, 0.0), "`keep_prob`.*\\(0, 1\\]"),
    (lambda: reg.forward_propagation_with_dropout(np.zeros((2, 3)), HAND, 1.5), "`keep_prob`"),
    (lambda: reg.forward_propagation(np.zeros((2, 3)), {"W1": np.zeros((2, 2))}), "missing"),
    (lambda: reg.backward_propagation(np.zeros((2, 3)), np.zeros((1, 3)), (1, 2, 3)), "12-tuple"),
    (lambda: reg.backward_propagation_with_dropout(np.zeros((2, 3)), np.zeros((1, 3)), (1,) * 12, 0.5), "14-tuple"),
    (lambda: reg.dropout_forward(np.ones((2, 3)), np.ones((3, 2)), 0.5),
     "`D` has shape \\(3, 2\\), expected \\(2, 3\\)"),
    (lambda: reg.weight_decay_step(np.ones((2, 2)), np.ones((2, 1)), 0.1, 5, 0.1), "`dW_backprop` has shape"),
    (lambda: reg.model(np.zeros((2, 4)), np.zeros((1, 4)), layers_dims=[2, 5, 1]), "`layers_dims`"),
    (lambda: reg.model(np.zeros((2, 4)), np.zeros((1, 4)), every=0), "`every`"),
])
def test_bad_inputs_raise_clear_value_errors(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_backward_checks_X_against_W1():
    X, Y = _data(23)
    _, cache = reg.forward_propagation(X, _net(24))
    with pytest.raises(ValueError, match="`X` has shape"):
        reg.backward_propagation_with_regularization(X[:2], Y, cache, 0.7)


# --------------------------------------------------------- the model, the claims

def test_model_records_and_combines_both_regularisers():
    X, Y = make_noisy_boundary(40, seed=5)
    params, history = reg.model(X, Y, num_iterations=30, lambd=0.5, keep_prob=0.8, every=10,
                                dev=(X[:, :10], Y[:, :10]))
    assert history["iteration"] == [0, 10, 20]
    assert len(history["cost"]) == len(history["train_cost"]) == len(history["dev_cost"]) == 3
    assert history["best_dev_cost"] == min(history["dev_cost"])
    assert set(params) == {"W1", "b1", "W2", "b2", "W3", "b3"} and params["W1"].shape == (20, 2)


@pytest.fixture(scope="module")
def notebook_runs():
    """The regularisation notebook's three trainings (its data, 15,000 iterations each)."""
    train = make_noisy_boundary(150, seed=2)
    dev = make_noisy_boundary(300, seed=2000)
    test = make_noisy_boundary(1000, seed=3000)
    runs = {
        "none": reg.model(*train, num_iterations=15000, dev=dev, every=20),
        "l2": reg.model(*train, num_iterations=15000, lambd=0.7, every=1000),
        "dropout": reg.model(*train, num_iterations=15000, keep_prob=0.86, every=1000),
    }
    return train, test, runs


def test_both_regularisers_raise_the_test_accuracy(notebook_runs):
    train, test, runs = notebook_runs
    acc = {k: (reg.accuracy(*train, p), reg.accuracy(*test, p)) for k, (p, _) in runs.items()}
    assert acc["none"][0] - acc["none"][1] > 0.1                  # the baseline overfits
    assert acc["l2"][1] > acc["none"][1] + 0.02
    assert acc["dropout"][1] > acc["none"][1] + 0.02
    assert acc["l2"][0] < acc["none"][0]                          # L2 gives up some training accuracy


def test_early_stopping_curve_has_an_interior_minimum(notebook_runs):
    _, test, runs = notebook_runs
    params, history = runs["none"]
    assert history["train_cost"][-1] < history["train_cost"][0] / 5
    assert history["best_iteration"] < 3000
    assert history["dev_cost"][-1] > history["best_dev_cost"] + 0.1
    assert reg.accuracy(*test, history["best_parameters"]) > reg.accuracy(*test, params)


def test_l2_shrinks_the_weights(notebook_runs):
    _, _, runs = notebook_runs
    for l in (1, 2, 3):
        assert np.sum(runs["l2"][0][f"W{l}"] ** 2) < np.sum(runs["none"][0][f"W{l}"] ** 2)


# ------------------------------------------------------------------ PyTorch

def test_l2_gradient_equals_torch_autograd_of_the_regularised_cost():
    torch = pytest.importorskip("torch")
    X, Y = _data(30, m=9)
    params = _net(31)
    lambd = 0.7
    _, cache = reg.forward_propagation(X, params)
    grads = reg.backward_propagation_with_regularization(X, Y, cache, lambd)
    t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    Xt, Yt = torch.tensor(X), torch.tensor(Y)
    A1 = torch.relu(t["W1"] @ Xt + t["b1"])
    A2 = torch.relu(t["W2"] @ A1 + t["b2"])
    Z3 = t["W3"] @ A2 + t["b3"]
    m = X.shape[1]
    J = torch.nn.functional.binary_cross_entropy_with_logits(Z3, Yt) \
        + lambd / (2 * m) * sum((t[f"W{l}"] ** 2).sum() for l in (1, 2, 3))
    J.backward()
    expected = reg.compute_cost_with_regularization(cache[9], Y, params, lambd)
    assert float(J.detach()) == pytest.approx(expected, rel=1e-10)
    for k in params:
        np.testing.assert_allclose(grads["d" + k], t[k].grad.numpy(), rtol=1e-9, atol=1e-12)


def test_inverted_dropout_matches_torch_dropout_forward_and_backward():
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    p, keep_prob = 0.3, 0.7
    A = torch.rand(6, 50, dtype=torch.float64) + 0.1            # strictly positive: zeros mark dropped units
    A.requires_grad_(True)
    out = torch.nn.functional.dropout(A, p=p, training=True)
    upstream = torch.randn(6, 50, dtype=torch.float64)
    (out * upstream).sum().backward()
    D = (out != 0).detach().numpy()
    np.testing.assert_allclose(reg.dropout_forward(A.detach().numpy(), D, keep_prob), out.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(reg.dropout_backward(upstream.numpy(), D, keep_prob), A.grad.numpy(), rtol=1e-12)
    # in eval mode torch applies no dropout and no scaling, like dlkit's predict
    assert torch.equal(torch.nn.functional.dropout(A, p=p, training=False), A)
