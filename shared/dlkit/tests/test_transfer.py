"""Transfer learning: a new head on a kept body, frozen or fine-tuned training, the task generator, torch."""
import numpy as np
import pytest

from dlkit import deep, multitask as mt, transfer as tl


def _trained(dims=(5, 4, 3, 2), seed=0):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(size=(dims[l], 1))
    return params


def _data(n_x=5, n_out=1, m=30, seed=1):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((n_out, m)) < 0.5).astype(float)
    return X, Y


def test_new_head_on_a_bit_identical_body():
    old = _trained()
    before = {k: v.copy() for k, v in old.items()}
    new = tl.transfer_learning(old, 3, seed=5)
    assert set(new) == set(old)
    for k in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(new[k], old[k])
        assert new[k] is not old[k] and not np.shares_memory(new[k], old[k])
    assert new["W3"].shape == (3, 3) and new["b3"].shape == (3, 1) and not new["b3"].any()
    expected = deep.initialize_parameters_deep([3, 3], scale=deep.SCALED, seed=5)["W1"]
    np.testing.assert_array_equal(new["W3"], expected)
    np.testing.assert_array_equal(new["W3"], np.random.RandomState(5).randn(3, 3) / np.sqrt(3))
    for k in old:
        np.testing.assert_array_equal(old[k], before[k])       # the input is not modified
    assert tl.head_keys(new) == ("W3", "b3")


def test_frozen_body_stays_exact_and_the_head_learns():
    params = tl.transfer_learning(_trained(), 1, seed=0)
    X, Y = _data()
    tuned, costs = tl.fine_tune(params, X, Y, learning_rate=0.1, num_iterations=301, freeze_body=True)
    for k in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(tuned[k], params[k])
    assert not np.array_equal(tuned["W3"], params["W3"]) and not np.array_equal(tuned["b3"], params["b3"])
    assert len(costs) == 4 and costs[-1] < costs[0]
    assert costs[0] == pytest.approx(deep.compute_cost(deep.L_model_forward(X, params)[0], Y))


def test_fine_tuning_everything_is_plain_gradient_descent():
    params = tl.transfer_learning(_trained(), 1, seed=0)
    X, Y = _data()
    tuned, costs = tl.fine_tune(params, X, Y, learning_rate=0.05, num_iterations=150, freeze_body=False)
    p = dict(params)
    for _ in range(150):
        AL, caches = deep.L_model_forward(X, p)
        p = deep.update_parameters(p, deep.L_model_backward(AL, Y, caches), 0.05)
    for k in p:
        np.testing.assert_allclose(tuned[k], p[k], rtol=1e-12, atol=1e-14)
    assert len(costs) == 2


def test_train_from_scratch_uses_the_scaled_initialisation():
    X, Y = _data()
    a, _ = tl.train_from_scratch(X, Y, [5, 4, 1], learning_rate=0.1, num_iterations=50, seed=3)
    start = deep.initialize_parameters_deep([5, 4, 1], scale=deep.SCALED, seed=3)
    b, _ = tl.fine_tune(start, X, Y, 0.1, 50, freeze_body=False)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])


def test_one_head_step_matches_torch():
    torch = pytest.importorskip("torch")
    params = tl.transfer_learning(_trained(), 2, seed=1)
    X, Y = _data(n_out=2, m=12)
    tuned, _ = tl.fine_tune(params, X, Y, learning_rate=0.3, num_iterations=1, freeze_body=True)

    t = {k: torch.tensor(v, requires_grad=k in ("W3", "b3")) for k, v in params.items()}
    A = torch.tensor(X)
    for l in (1, 2):
        A = torch.relu(t[f"W{l}"] @ A + t[f"b{l}"])
    AL = torch.sigmoid(t["W3"] @ A + t["b3"])
    cost = torch.nn.functional.binary_cross_entropy(AL, torch.tensor(Y), reduction="sum") / X.shape[1]
    cost.backward()
    with torch.no_grad():
        for k in ("W3", "b3"):
            np.testing.assert_allclose(tuned[k], (t[k] - 0.3 * t[k].grad).numpy(), rtol=1e-10, atol=1e-13)


def test_train_adam_skips_question_marks_and_can_freeze():
    X, Y = _data(n_out=2, m=64)
    Y_q = mt.hide_labels(Y, 0.3, seed=2)
    params = tl.transfer_learning(_trained(), 2, seed=0)
    tuned, costs = tl.train_adam(params, X, Y_q, freeze_body=True, epochs=5, mini_batch_size=16)
    assert len(costs) == 5 and np.all(np.isfinite(costs)) and costs[-1] < mt.multitask_loss(
        deep.L_model_forward(X, params)[0], Y_q)
    for k in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(tuned[k], params[k])


def test_make_tasks_is_deterministic_balanced_and_shares_tasks_across_seeds():
    X1, Y1 = tl.make_tasks(4000, [0, 1, (0, 2)], seed=1)
    X2, Y2 = tl.make_tasks(4000, [0, 1, (0, 2)], seed=1)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert X1.shape == (16, 4000) and Y1.shape == (3, 4000)
    assert np.all(np.abs(Y1.mean(axis=1) - 0.5) < 0.05)
    _, Ya = tl.make_tasks(50, [3], seed=9)
    _, Yb = tl.make_tasks(50, [7, 3], seed=9)
    np.testing.assert_array_equal(Ya[0], Yb[1])                # the same question, whatever else is asked
    with pytest.raises(ValueError, match="reads features"):
        tl.make_tasks(10, [(0, 9)], n_features=6)


def test_transfer_beats_scratch_on_a_related_task_with_little_data():
    XA, YA = tl.make_tasks(3000, range(10), seed=1)
    start = deep.initialize_parameters_deep([16, 32, 16, 10], scale=deep.SCALED, seed=1)
    pA, _ = tl.train_adam(start, XA, YA, epochs=15, mini_batch_size=128)
    XB, YB = tl.make_tasks(40, [50], seed=3)
    XT, YT = tl.make_tasks(2000, [50], seed=4)
    scratch, _ = tl.train_from_scratch(XB, YB, [16, 32, 16, 1], learning_rate=0.5, num_iterations=500)
    transfer, _ = tl.fine_tune(tl.transfer_learning(pA, 1, seed=0), XB, YB, learning_rate=0.5, num_iterations=500)
    assert tl.accuracy(transfer, XT, YT)[0] > tl.accuracy(scratch, XT, YT)[0] + 0.08


@pytest.mark.parametrize("call, match", [
    (lambda: tl.transfer_learning(_trained(), 0), "positive integer"),
    (lambda: tl.transfer_learning(_trained(), 2.0), "positive integer"),
    (lambda: tl.transfer_learning({"W1": np.zeros((1, 1))}, 1), "exactly W1, b1"),
    (lambda: tl.fine_tune(_trained(), *_data(n_out=1)), r"has shape \(1, 30\), expected \(2, 30\)"),
])
def test_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
