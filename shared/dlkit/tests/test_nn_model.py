"""dlkit.nn Module, Sequential and the losses: the parameter tree, modes, a whole-network gradient check."""
import numpy as np
import pytest

from dlkit import nn
from dlkit.gradcheck import numeric_gradient, relative_error
from dlkit.labels import one_hot
from dlkit.losses import softmax_cross_entropy


def _net(rng, bn=True):
    layers = [nn.Dense(5, 4, rng=rng), nn.ReLU()]
    if bn:
        layers += [nn.BatchNorm(4)]
    layers += [nn.Dense(4, 4, init="xavier", rng=rng), nn.Tanh(), nn.Dense(4, 3, rng=rng)]
    return nn.Sequential(layers)


def test_sequential_end_to_end_gradient_check():
    rng = np.random.default_rng(0)
    model, loss = _net(rng), nn.SoftmaxCrossEntropy()
    for _, value, _ in model.parameters():
        value += rng.normal(0, 0.1, value.shape)           # non-trivial biases, gamma and beta
    X, y = rng.normal(size=(5, 9)), rng.integers(0, 3, 9)

    def J(_v=None):
        return loss.forward(model.forward(X, True), y)

    J()
    dX = model.backward(loss.backward())
    grads = {name: g.copy() for name, _, g in model.parameters()}
    assert set(grads) == {"0.W", "0.b", "2.gamma", "2.beta", "3.W", "3.b", "5.W", "5.b"}
    for name, value, _ in model.parameters():
        assert relative_error(numeric_gradient(J, value, 1e-6), grads[name]) < 1e-6, name
    num_dX = numeric_gradient(lambda x_: loss.forward(model.forward(x_, True), y), X.copy(), 1e-6)
    assert relative_error(num_dX, dX) < 1e-6


def test_sequential_runs_forward_in_order_and_backward_in_reverse():
    calls = []

    class Spy(nn.Module):
        def __init__(self, k):
            super().__init__()
            self.k = k

        def forward(self, x, training=False):
            calls.append(("forward", self.k, training))
            return x + self.k

        def backward(self, dout):
            calls.append(("backward", self.k))
            return dout * 2

    model = nn.Sequential(Spy(1), Spy(2), Spy(3))
    assert model.forward(np.zeros(1), training=True)[0] == 6
    assert model.backward(np.ones(1))[0] == 8
    assert calls == [("forward", 1, True), ("forward", 2, True), ("forward", 3, True),
                     ("backward", 3), ("backward", 2), ("backward", 1)]
    assert len(model) == 3 and model[1].k == 2 and [m.k for m in model] == [1, 2, 3]
    with pytest.raises(TypeError, match="no forward/backward"):
        nn.Sequential(nn.Dense(2, 2, rng=0), "relu")


def test_parameters_names_modes_and_freezing():
    model = _net(np.random.default_rng(1))
    assert [n for n, _, g in model.parameters()][:2] == ["0.W", "0.b"]
    assert all(g is None for _, _, g in model.parameters())   # no backward yet
    assert model.num_parameters() == 5 * 4 + 4 + 8 + 4 * 4 + 4 + 4 * 3 + 3
    assert [name for name, _ in model.modules()][:3] == ["", "0", "1"]
    model.train()
    assert all(m.training for _, m in model.modules())
    model.eval()
    assert not any(m.training for _, m in model.modules())
    model[0].freeze()
    assert "0.W" not in [n for n, _, _ in model.parameters()]
    assert "0.W" in [n for n, _, _ in model.parameters(trainable_only=False)]
    model.unfreeze()
    assert "0.W" in [n for n, _, _ in model.parameters()]


def test_call_uses_the_mode_and_forward_the_argument():
    drop = nn.Dropout(0.5, rng=np.random.default_rng(0))
    x = np.ones((4, 100))
    np.testing.assert_array_equal(drop(x), x)                  # a new module is in evaluation mode
    assert (drop.train()(x) == 0).any()
    np.testing.assert_array_equal(drop(x, training=False), x)


def test_submodules_are_found_among_attributes():
    class Block(nn.Module):
        def __init__(self, rng):
            super().__init__()
            self.main = nn.Sequential(nn.Dense(3, 3, rng=rng), nn.ReLU())
            self.branches = {"a": nn.Dense(3, 3, rng=rng)}
            self.extra = [nn.BatchNorm(3)]

    names = [n for n, _, _ in Block(np.random.default_rng(0)).parameters()]
    assert names == ["main.0.W", "main.0.b", "branches.a.W", "branches.a.b", "extra.0.gamma", "extra.0.beta"]


def test_state_dict_round_trip():
    rng = np.random.default_rng(2)
    a, b = _net(rng), _net(rng)
    a.forward(rng.normal(size=(5, 6)), training=True)         # moves batch norm's running averages
    state = a.state_dict()
    assert "2.running_mean" in state
    b.load_state_dict(state)
    X = rng.normal(size=(5, 3))
    np.testing.assert_allclose(b.forward(X), a.forward(X))
    state["0.W"] = np.zeros((2, 2))
    with pytest.raises(ValueError, match=r"`0.W` has shape \(2, 2\) in the state"):
        b.load_state_dict(state)
    with pytest.raises(ValueError, match="missing"):
        b.load_state_dict({})


def test_summary_lists_layers_and_counts():
    text = _net(np.random.default_rng(0)).summary()
    assert "Dense(5 -> 4)" in text and "W (4, 5)" in text and text.splitlines()[-1].split()[-1] == "67"


def test_softmax_cross_entropy_loss_wraps_the_kernel():
    rng = np.random.default_rng(3)
    Z, y = rng.normal(size=(4, 5)), rng.integers(0, 4, 5)
    loss = nn.SoftmaxCrossEntropy()
    cost = loss(Z, one_hot(y, 4))
    ref_cost, ref_dZ = softmax_cross_entropy(Z, one_hot(y, 4))
    assert cost == ref_cost
    np.testing.assert_array_equal(loss.backward(), ref_dZ)
    assert loss.forward(Z, y) == pytest.approx(cost)              # integer labels are one-hot encoded
    num = numeric_gradient(lambda z: loss.forward(z, y), Z.copy(), 1e-6)
    assert relative_error(num, loss.backward()) < 1e-7            # dJ/dZ, the 1/m inside
    with pytest.raises(RuntimeError, match="forward before backward"):
        nn.SoftmaxCrossEntropy().backward()


def test_sigmoid_cross_entropy_loss():
    rng = np.random.default_rng(4)
    Z, Y = rng.normal(size=(1, 6)) * 3, (rng.random((1, 6)) > 0.5).astype(float)
    loss = nn.SigmoidCrossEntropy()
    A = 1 / (1 + np.exp(-Z))
    assert loss(Z, Y) == pytest.approx(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
    np.testing.assert_allclose(loss.backward(), (A - Y) / 6)
    num = numeric_gradient(lambda z: nn.SigmoidCrossEntropy().forward(z, Y), Z.copy(), 1e-6)
    assert relative_error(num, loss.backward()) < 1e-7
    with pytest.raises(ValueError, match="one 0/1 label per entry"):
        loss(Z, Y.T)


def test_check_module_and_check_model_pass_good_layers_and_catch_a_planted_bug():
    rng = np.random.default_rng(8)
    errors = nn.check_module(nn.Dense(4, 3, rng=rng), rng.normal(size=(4, 5)))
    assert set(errors) == {"dx", "dW", "db"} and max(errors.values()) < 1e-7
    model = _net(rng)
    errors = nn.check_model(model, nn.SoftmaxCrossEntropy(), rng.normal(size=(5, 6)), rng.integers(0, 3, 6))
    assert max(errors.values()) < 1e-6 and "2.dgamma" in errors

    class HalfDW(nn.Dense):
        def backward(self, dZ):
            dA = super().backward(dZ)
            self.grads["W"] = self.grads["W"] / 2
            return dA

    errors = nn.check_module(HalfDW(4, 3, rng=rng), rng.normal(size=(4, 5)))
    assert errors["dW"] > 0.1 and errors["db"] < 1e-7 and errors["dx"] < 1e-7
    drop = nn.Dropout(0.5)
    fixed = lambda: setattr(drop, "rng", np.random.default_rng(0))  # noqa: E731
    assert nn.check_module(drop, rng.normal(size=(3, 4)), before_forward=fixed)["dx"] < 1e-7


def test_softmax_cross_entropy_takes_the_courses_label_rows():
    Z = np.random.default_rng(9).normal(size=(3, 4))
    y = np.array([[0, 2, 1, 2]])
    assert nn.SoftmaxCrossEntropy()(Z, y) == pytest.approx(nn.SoftmaxCrossEntropy()(Z, one_hot(y, 3)))
