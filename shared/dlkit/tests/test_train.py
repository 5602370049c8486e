"""Mini-batch training with a chosen optimiser (dlkit.train.model)."""
import numpy as np
import pytest

from dlkit import minibatch, optim
from dlkit.data.planar import make_moons
from dlkit.deep import predict
from dlkit.initializers import initialize_parameters_he
from dlkit.train import model

DIMS = [2, 5, 2, 1]


@pytest.fixture(scope="module")
def moons():
    return make_moons(300, noise=0.2, seed=3)


def _accuracy(X, Y, parameters):
    return float(np.mean(predict(X, Y, parameters, print_accuracy=False) == Y))


def test_adam_is_ahead_of_gd_and_momentum_after_the_same_epochs(moons):
    X, Y = moons
    results = {opt: model(X, Y, DIMS, opt, num_epochs=300) for opt in ("gd", "momentum", "adam")}
    acc = {opt: _accuracy(X, Y, p) for opt, (p, _) in results.items()}
    final = {opt: c[-1] for opt, (_, c) in results.items()}
    assert acc["adam"] > max(acc["gd"], acc["momentum"]) + 0.1, acc
    assert final["adam"] < 0.7 * min(final["gd"], final["momentum"]), final
    assert all(len(c) == 300 for _, c in results.values())


def test_the_notebooks_functions_can_be_plugged_in(moons):
    X, Y = moons
    calls = {"batches": 0, "adam": 0}

    def my_batches(*args):
        calls["batches"] += 1
        return minibatch.random_mini_batches(*args)

    def my_adam(*args):
        calls["adam"] += 1
        return optim.update_parameters_with_adam(*args)

    p1, c1 = model(X, Y, DIMS, "adam", num_epochs=3,
                   building_blocks={"random_mini_batches": my_batches, "update_parameters_with_adam": my_adam})
    p2, c2 = model(X, Y, DIMS, "adam", num_epochs=3)
    assert calls == {"batches": 3, "adam": 3 * 5}                    # 300 examples in batches of 64: 5 per epoch
    np.testing.assert_array_equal(c1, c2)
    for k in p1:
        np.testing.assert_array_equal(p1[k], p2[k])


def test_every_epoch_uses_the_decayed_rate(moons):
    X, Y = moons
    seen = []

    def schedule(lr0, epoch_num, decay_rate):
        seen.append(epoch_num)
        return 0.0                                                   # a zero rate: nothing moves
    p, _ = model(X, Y, DIMS, "gd", learning_rate=0.5, num_epochs=4, decay=schedule)
    assert seen == [0, 1, 2, 3]
    for k, v in initialize_parameters_he(DIMS).items():
        np.testing.assert_array_equal(p[k], v)


def test_momentum_and_rmsprop_train(moons):
    X, Y = moons
    for opt, lr in (("momentum", 0.3), ("rmsprop", 0.01)):
        _, costs = model(X, Y, DIMS, opt, learning_rate=lr, num_epochs=100)
        assert costs[-1] < 0.5 * costs[0], opt


def test_print_cost(moons, capsys):
    X, Y = moons
    model(X, Y, DIMS, "gd", num_epochs=2, print_cost=True)
    out = capsys.readouterr().out
    assert "Cost after epoch 0:" in out and "Cost after epoch 1:" in out


@pytest.mark.parametrize("kwargs, message", [
    ({"optimizer": "nesterov"}, r"`optimizer` must be one of"),
    ({"building_blocks": {"update_params": print}}, r"unknown building block 'update_params'"),
    ({"num_epochs": 0}, r"`num_epochs` must be a positive integer"),
    ({"layers_dims": [3, 5, 1]}, r"`layers_dims\[0\]` is 3 but X has 2 rows"),
])
def test_bad_input_is_explained(moons, kwargs, message):
    X, Y = moons
    args = {"layers_dims": DIMS, **kwargs}
    with pytest.raises(ValueError, match=message):
        model(X, Y, **args)
