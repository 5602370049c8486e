"""Batch norm: statistics of the output, running averages, test mode, gradient checks (train and test)."""
import numpy as np
import pytest

from dlkit.batchnorm import batchnorm_backward, batchnorm_forward, init_running
from dlkit.gradcheck import numeric_gradient, relative_error


def _setup(seed=0, n=4, m=7):
    rng = np.random.default_rng(seed)
    return rng, rng.normal(3.0, 2.0, size=(n, m)), rng.normal(size=(n, 1)), rng.normal(size=(n, 1))


def test_output_mean_is_beta_and_std_is_gamma():
    _, Z, gamma, beta = _setup(m=500)
    out, _, _ = batchnorm_forward(Z, gamma, beta)
    np.testing.assert_allclose(out.mean(axis=1, keepdims=True), beta, atol=1e-10)
    np.testing.assert_allclose(out.std(axis=1, keepdims=True), np.abs(gamma), rtol=1e-4)


def test_running_averages_are_an_ewa_and_the_argument_is_untouched():
    _, Z, gamma, beta = _setup()
    running = init_running(4)
    _, _, new = batchnorm_forward(Z, gamma, beta, running, momentum=0.9)
    np.testing.assert_allclose(new["mean"], 0.1 * Z.mean(axis=1, keepdims=True))
    np.testing.assert_allclose(new["var"], 0.9 + 0.1 * Z.var(axis=1, keepdims=True))
    assert np.all(running["mean"] == 0) and np.all(running["var"] == 1)


def test_test_mode_uses_the_running_averages_on_one_example():
    _, Z, gamma, beta = _setup()
    running = {"mean": np.full((4, 1), 2.0), "var": np.full((4, 1), 4.0)}
    out, _, same = batchnorm_forward(Z[:, :1], gamma, beta, running, mode="test", epsilon=0.0)
    np.testing.assert_allclose(out, gamma * (Z[:, :1] - 2.0) / 2.0 + beta)
    assert same is running


@pytest.mark.parametrize("mode", ["train", "test"])
def test_backward_matches_numeric_slopes(mode):
    rng, Z, gamma, beta = _setup(seed=3)
    upstream = rng.normal(size=Z.shape)
    running = {"mean": rng.normal(size=(4, 1)), "var": rng.random((4, 1)) + 0.5}

    def J(Z_=Z, g=gamma, b=beta):
        return float(np.sum(upstream * batchnorm_forward(Z_, g, b, running, mode=mode)[0]))

    _, cache, _ = batchnorm_forward(Z, gamma, beta, running, mode=mode)
    dZ, dgamma, dbeta = batchnorm_backward(upstream, cache)
    assert relative_error(numeric_gradient(lambda z: J(Z_=z), Z.copy(), 1e-6), dZ) < 1e-7
    assert relative_error(numeric_gradient(lambda g: J(g=g), gamma.copy(), 1e-6), dgamma) < 1e-7
    assert relative_error(numeric_gradient(lambda b: J(b=b), beta.copy(), 1e-6), dbeta) < 1e-7


def test_clear_errors_for_bad_input():
    _, Z, gamma, beta = _setup()
    with pytest.raises(ValueError, match=r"gamma has shape \(4,\), expected \(4, 1\)"):
        batchnorm_forward(Z, gamma.ravel(), beta)
    with pytest.raises(ValueError, match="at least 2 examples"):
        batchnorm_forward(Z[:, :1], gamma, beta)
    with pytest.raises(ValueError, match="`mode` must be one of 'train', 'test'"):
        batchnorm_forward(Z, gamma, beta, mode="eval")
    _, cache, _ = batchnorm_forward(Z, gamma, beta)
    with pytest.raises(ValueError, match="dZ_tilde has shape"):
        batchnorm_backward(Z[:, :3], cache)


# ------------------------------------------------------------------ PyTorch as an independent implementation

def _torch_bn(Z, gamma, beta, running, training, momentum, eps):
    """torch.nn.functional.batch_norm on the transposed layout (examples as rows), with autograd."""
    torch = pytest.importorskip("torch")
    x = torch.tensor(Z.T, dtype=torch.float64, requires_grad=True)
    w = torch.tensor(gamma.ravel(), dtype=torch.float64, requires_grad=True)
    b = torch.tensor(beta.ravel(), dtype=torch.float64, requires_grad=True)
    rm = torch.tensor(running["mean"].ravel(), dtype=torch.float64)
    rv = torch.tensor(running["var"].ravel(), dtype=torch.float64)
    # torch's momentum weighs the NEW statistic: running = (1 - momentum) running + momentum batch
    y = torch.nn.functional.batch_norm(x, rm, rv, w, b, training=training, momentum=1 - momentum, eps=eps)
    return torch, x, w, b, rm, rv, y


@pytest.mark.parametrize("mode", ["train", "test"])
def test_forward_and_backward_agree_with_pytorch(mode):
    rng, Z, gamma, beta = _setup(seed=5, n=4, m=9)
    running = {"mean": rng.normal(size=(4, 1)), "var": rng.random((4, 1)) + 0.5}
    upstream = rng.normal(size=Z.shape) / Z.shape[1]
    out, cache, new = batchnorm_forward(Z, gamma, beta, running, mode=mode, momentum=0.9, epsilon=1e-5)
    torch, x, w, b, rm, rv, y = _torch_bn(Z, gamma, beta, running, mode == "train", 0.9, 1e-5)
    np.testing.assert_allclose(out, y.detach().numpy().T, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(new["mean"].ravel(), rm.numpy(), rtol=1e-12)
    if mode == "train":
        # PyTorch feeds the unbiased variance (m / (m - 1)) into its running average; dlkit (and the
        # lecture's formula) the biased one that normalises the batch.
        m = Z.shape[1]
        var = Z.var(axis=1)
        np.testing.assert_allclose(rv.numpy(), 0.9 * running["var"].ravel() + 0.1 * var * m / (m - 1), rtol=1e-12)
        np.testing.assert_allclose(new["var"].ravel(), 0.9 * running["var"].ravel() + 0.1 * var, rtol=1e-12)
    else:
        np.testing.assert_allclose(new["var"].ravel(), rv.numpy(), rtol=1e-12)
    y.backward(torch.tensor(upstream.T, dtype=torch.float64))
    dZ, dgamma, dbeta = batchnorm_backward(upstream, cache)
    np.testing.assert_allclose(dZ, x.grad.numpy().T, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(dgamma.ravel(), w.grad.numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(dbeta.ravel(), b.grad.numpy(), rtol=1e-9, atol=1e-12)
