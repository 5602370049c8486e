"""Multi-task loss with '?' labels: the notes' numbers, no NaN, gradient checks, training, torch."""
import warnings

import numpy as np
import pytest

from dlkit import deep, multitask as mt
from dlkit.gradcheck import numeric_gradient, numeric_gradients, relative_error


def _random(seed=0, n=4, m=7, missing=0.3):
    rng = np.random.default_rng(seed)
    Y_hat = rng.uniform(0.05, 0.95, size=(n, m))
    Y = (rng.random((n, m)) < 0.5).astype(float)
    Y[rng.random((n, m)) < missing] = np.nan
    return Y_hat, Y


def test_the_notes_numbers():
    half = np.full((4, 4), 0.5)
    assert np.isnan(mt.SEED_Y).sum() == 5 and (~np.isnan(mt.SEED_Y)).sum() == 11
    assert mt.multitask_loss(half, mt.SEED_Y) == pytest.approx(11 * np.log(2) / 4)
    assert mt.multitask_loss(half, mt.SEED_Y) == pytest.approx(1.9061547, abs=1e-7)
    assert mt.multitask_loss(mt.NOTES_Y_HAT, mt.SEED_Y) == pytest.approx(0.6345479, abs=1e-7)
    assert mt.multitask_loss(half, mt.SEED_Y, per_label=True) == pytest.approx(0.6931472, abs=1e-7)
    assert mt.multitask_loss(mt.NOTES_Y_HAT, mt.SEED_Y, per_label=True) == pytest.approx(0.2307447, abs=1e-7)


def test_fully_labelled_equals_the_course_cost_summed_over_tasks():
    Y_hat, Y = _random(1, missing=0.0)
    assert mt.multitask_loss(Y_hat, Y) == pytest.approx(deep.compute_cost(Y_hat, Y))
    assert mt.multitask_loss(Y_hat[:1], Y[:1]) == pytest.approx(deep.compute_cost(Y_hat[:1], Y[:1]))


def test_question_marks_are_left_out_and_never_give_nan():
    Y_hat, Y = _random(2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # predictions of exactly 0 and 1 on '?' entries and on labelled ones: clipped, no log(0)
        Y_hat[np.isnan(Y)] = 1.0
        Y_hat[0, 0], Y[0, 0] = 0.0, 0.0
        cost = mt.multitask_loss(Y_hat, Y)
        grad = mt.multitask_loss_backward(Y_hat, Y)
    assert np.isfinite(cost) and np.all(np.isfinite(grad))
    assert np.all(grad[np.isnan(Y)] == 0.0)
    other = Y_hat.copy()
    other[np.isnan(Y)] = 0.123
    assert mt.multitask_loss(other, Y) == cost


def test_all_question_marks():
    Y = np.full((3, 4), np.nan)
    assert mt.multitask_loss(np.full((3, 4), 0.3), Y) == 0.0
    assert mt.multitask_loss(np.full((3, 4), 0.3), Y, per_label=True) == 0.0
    assert not mt.multitask_loss_backward(np.full((3, 4), 0.3), Y).any()


def test_an_unlabelled_example_still_counts_in_m():
    Y_hat, Y = _random(3, m=5)
    Y_more = np.concatenate([Y, np.full((Y.shape[0], 1), np.nan)], axis=1)
    Y_hat_more = np.concatenate([Y_hat, np.full((Y.shape[0], 1), 0.5)], axis=1)
    assert mt.multitask_loss(Y_hat_more, Y_more) == pytest.approx(mt.multitask_loss(Y_hat, Y) * 5 / 6)
    assert mt.multitask_loss(Y_hat_more, Y_more, True) == pytest.approx(mt.multitask_loss(Y_hat, Y, True))


@pytest.mark.parametrize("per_label", [False, True])
def test_loss_gradient_matches_numeric_slopes(per_label):
    for seed in range(3):
        Y_hat, Y = _random(seed)
        numeric = numeric_gradient(lambda a: mt.multitask_loss(a, Y, per_label), Y_hat.copy(), eps=1e-6)
        assert relative_error(numeric, mt.multitask_loss_backward(Y_hat, Y, per_label)) < 1e-7
    cost, grad = mt.multitask_loss_and_grad(Y_hat, Y, per_label)
    assert cost == mt.multitask_loss(Y_hat, Y, per_label)
    np.testing.assert_array_equal(grad, mt.multitask_loss_backward(Y_hat, Y, per_label))


@pytest.mark.parametrize("per_label", [False, True])
def test_network_gradients_of_the_masked_loss(per_label):
    rng = np.random.default_rng(4)
    X = rng.normal(size=(5, 9))
    _, Y = _random(5, n=3, m=9)
    params = deep.initialize_parameters_deep([5, 4, 3, 3], scale=deep.SCALED, seed=2)
    for k in params:
        if k.startswith("b"):
            params[k] = rng.normal(0, 0.1, size=params[k].shape)
    AL, caches = deep.L_model_forward(X, params)
    grads = mt.multitask_backward(AL, Y, caches, per_label)
    numeric = numeric_gradients(lambda: mt.multitask_loss(deep.L_model_forward(X, params)[0], Y, per_label),
                                params, eps=1e-6)
    for k in numeric:
        assert relative_error(numeric[k], grads[k]) < 1e-6, k


def test_masked_loss_matches_torch():
    torch = pytest.importorskip("torch")
    Y_hat, Y = _random(6, n=4, m=8)
    mask = ~np.isnan(Y)
    t_hat = torch.tensor(Y_hat, requires_grad=True)
    t_y = torch.tensor(np.nan_to_num(Y))
    per_entry = torch.nn.functional.binary_cross_entropy(t_hat, t_y, reduction="none")
    loss = (per_entry * torch.tensor(mask, dtype=torch.float64)).sum() / Y.shape[1]
    loss.backward()
    assert mt.multitask_loss(Y_hat, Y) == pytest.approx(loss.item(), rel=1e-12)
    np.testing.assert_allclose(mt.multitask_loss_backward(Y_hat, Y), t_hat.grad.numpy(), rtol=1e-10, atol=1e-14)


def test_multitask_model_learns_from_partial_labels():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(4, 200))
    Y = np.vstack([X[0] > 0, X[1] > 0, X[0] + X[1] > 0]).astype(float)
    Y_q = mt.hide_labels(Y, 0.4, seed=1)
    params, costs = mt.multitask_model(X, Y_q, [4, 8, 3], learning_rate=0.5, num_iterations=600)
    assert costs[-1] < costs[0] and len(costs) == 6
    acc = mt.task_accuracy(deep.L_model_forward(X, params)[0], Y)
    assert np.all(acc > 0.9), acc


def test_hide_labels_per_task_and_accuracy():
    Y = np.ones((3, 4000))
    Y_q = mt.hide_labels(Y, [0.0, 0.5, 0.9], seed=3)
    hidden = np.isnan(Y_q).mean(axis=1)
    assert hidden[0] == 0 and abs(hidden[1] - 0.5) < 0.03 and abs(hidden[2] - 0.9) < 0.03
    np.testing.assert_array_equal(mt.hide_labels(Y, 0.3, seed=3), mt.hide_labels(Y, 0.3, seed=3))
    AL = np.array([[0.9, 0.2, 0.7], [0.4, 0.6, 0.1]])
    Yl = np.array([[1.0, 1.0, np.nan], [0.0, np.nan, np.nan]])
    np.testing.assert_allclose(mt.task_accuracy(AL, Yl), [0.5, 1.0])
    assert mt.label_mask(Yl).tolist() == [[True, True, False], [True, False, False]]


@pytest.mark.parametrize("call, match", [
    (lambda: mt.multitask_loss(np.full((4, 4), 0.5), np.zeros((4, 3))), r"has shape \(4, 3\), expected \(4, 4\)"),
    (lambda: mt.multitask_loss(np.full((4, 4), 0.5), np.full((4, 4), 2.0)), "0, 1 or np.nan"),
    (lambda: mt.multitask_loss(np.full((4, 4), np.nan), np.zeros((4, 4))), "Y_hat` contains NaN"),
    (lambda: mt.multitask_loss(np.full(4, 0.5), np.zeros(4)), "2-D"),
    (lambda: mt.hide_labels(np.zeros((2, 3)), [0.1, 0.2, 0.3]), "one fraction per task"),
    (lambda: mt.hide_labels(np.zeros((2, 3)), 1.0), r"\[0, 1\)"),
    (lambda: mt.multitask_model(np.zeros((3, 5)), np.zeros((2, 5)), [3, 4, 1]), "n_tasks = 2"),
])
def test_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
