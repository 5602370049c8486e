"""dlkit.nn against PyTorch (skipped without torch): forward/backward of Dense+ReLU+softmax CE, optimiser steps."""
import numpy as np
import pytest

from dlkit import nn

torch = pytest.importorskip("torch")
torch.set_default_dtype(torch.float64)


def _pair(seed=0, sizes=(6, 5, 4)):
    """A dlkit network and the same network in torch (torch.nn.Linear stores W as (out, in), like ours)."""
    rng = np.random.default_rng(seed)
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers += [nn.Dense(n_in, n_out, rng=rng), nn.ReLU()]
    ours = nn.Sequential(layers[:-1])
    theirs = torch.nn.Sequential(*[m for a, b in zip(sizes[:-1], sizes[1:])
                                   for m in (torch.nn.Linear(a, b), torch.nn.ReLU())][:-1])
    with torch.no_grad():
        for dense, linear in zip(ours.layers[::2], theirs[::2]):
            dense.params["b"][:] = rng.normal(0, 0.1, dense.params["b"].shape)
            linear.weight.copy_(torch.from_numpy(dense.params["W"]))
            linear.bias.copy_(torch.from_numpy(dense.params["b"][:, 0]))
    return ours, theirs


def _torch_grads(theirs):
    return [(l.weight.grad.numpy(), l.bias.grad.numpy()[:, None]) for l in theirs[::2]]


def test_forward_backward_match_torch():
    ours, theirs = _pair()
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(6, 10)), rng.integers(0, 4, 10)
    loss = nn.SoftmaxCrossEntropy()
    cost = loss.forward(ours.forward(X, True), y)
    dX = ours.backward(loss.backward())

    Xt = torch.tensor(X.T, requires_grad=True)          # torch: one example per row
    t_cost = torch.nn.functional.cross_entropy(theirs(Xt), torch.from_numpy(y))
    t_cost.backward()
    assert cost == pytest.approx(t_cost.item(), rel=1e-12)
    np.testing.assert_allclose(dX, Xt.grad.numpy().T, rtol=1e-10, atol=1e-14)
    for dense, (dW, db) in zip(ours.layers[::2], _torch_grads(theirs)):
        np.testing.assert_allclose(dense.grads["W"], dW, rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(dense.grads["b"], db, rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("name", ["sgd", "momentum", "rmsprop", "adam"])
def test_optimiser_steps_match_torch(name):
    ours, theirs = _pair(2)
    lr = 0.01
    opt = {"sgd": nn.SGD(lr), "momentum": nn.Momentum(lr, beta=0.9), "rmsprop": nn.RMSprop(lr, beta2=0.99),
           "adam": nn.Adam(lr)}[name]
    # torch's momentum is v = beta v + g, W -= lr v: the course's (1 - beta) g form with lr / (1 - beta);
    # torch's RMSprop calls beta2 "alpha"; both put epsilon outside the root as dlkit.optim does.
    t_opt = {"sgd": lambda p: torch.optim.SGD(p, lr=lr),
             "momentum": lambda p: torch.optim.SGD(p, lr=lr * (1 - 0.9), momentum=0.9),
             "rmsprop": lambda p: torch.optim.RMSprop(p, lr=lr, alpha=0.99, eps=1e-8),
             "adam": lambda p: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8)}[name](theirs.parameters())
    rng = np.random.default_rng(3)
    loss = nn.SoftmaxCrossEntropy()
    for _ in range(6):
        X, y = rng.normal(size=(6, 8)), rng.integers(0, 4, 8)
        loss.forward(ours.forward(X, True), y)
        ours.backward(loss.backward())
        opt.step(ours)
        t_opt.zero_grad()
        torch.nn.functional.cross_entropy(theirs(torch.from_numpy(X.T)), torch.from_numpy(y)).backward()
        t_opt.step()
    for dense, linear in zip(ours.layers[::2], theirs[::2]):
        np.testing.assert_allclose(dense.params["W"], linear.weight.detach().numpy(), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(dense.params["b"][:, 0], linear.bias.detach().numpy(), rtol=1e-9, atol=1e-12)


def test_dropout_and_batchnorm_match_torch_in_both_modes():
    rng = np.random.default_rng(4)
    Z = rng.normal(3.0, 2.0, size=(5, 16))
    bn = nn.BatchNorm(5, momentum=0.9, epsilon=1e-5)
    t_bn = torch.nn.BatchNorm1d(5, momentum=0.1, eps=1e-5)    # torch's momentum is 1 - ours
    out = bn.forward(Z, training=True)
    t_out = t_bn.train()(torch.from_numpy(Z.T))
    np.testing.assert_allclose(out, t_out.detach().numpy().T, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(bn.buffers["running_mean"][:, 0], t_bn.running_mean.numpy(), rtol=1e-12)
    # torch keeps the unbiased variance m/(m-1) sigma^2 in its running average, the course the plain one
    m = Z.shape[1]
    expected_var = 0.9 * 1.0 + 0.1 * Z.var(axis=1)
    np.testing.assert_allclose(bn.buffers["running_var"][:, 0], expected_var, rtol=1e-12)
    np.testing.assert_allclose(t_bn.running_var.numpy(), 0.9 + 0.1 * Z.var(axis=1) * m / (m - 1), rtol=1e-12)
    # inverted dropout: the kept units are scaled by 1 / keep_prob, as torch scales by 1 / (1 - p)
    drop = nn.Dropout(0.75, rng=np.random.default_rng(0))
    A = np.ones((50, 40))
    out = drop.forward(A, training=True)
    t_out = torch.nn.functional.dropout(torch.ones(50, 40), p=0.25, training=True)
    assert set(np.unique(out)) == set(np.unique(t_out.numpy()))


def test_gradient_clipping_matches_torch():
    ours, theirs = _pair(5)
    rng = np.random.default_rng(6)
    X, y = rng.normal(size=(6, 8)) * 5, rng.integers(0, 4, 8)
    loss = nn.SoftmaxCrossEntropy()
    loss.forward(ours.forward(X, True), y)
    ours.backward(loss.backward())
    nn.SGD(0.1, clip_norm=0.05).step(ours)
    torch.nn.functional.cross_entropy(theirs(torch.from_numpy(X.T)), torch.from_numpy(y)).backward()
    torch.nn.utils.clip_grad_norm_(theirs.parameters(), 0.05)
    torch.optim.SGD(theirs.parameters(), lr=0.1).step()
    # torch scales by max_norm / (norm + 1e-6), we by max_norm / norm: equal to about 1e-6 of the step
    for dense, linear in zip(ours.layers[::2], theirs[::2]):
        np.testing.assert_allclose(dense.params["W"], linear.weight.detach().numpy(), rtol=0, atol=1e-8)
