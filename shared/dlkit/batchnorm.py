"""Batch normalisation of a layer's pre-activations ``Z`` (Course 2 Week 3).

Shapes follow Courses 1-2: ``Z`` is ``(n, m)``, one column per example of the
mini-batch, and ``gamma``, ``beta`` are ``(n, 1)``. Training mode normalises
with the mini-batch's own mean and variance and updates the running averages
(an exponentially weighted average across mini-batches); test mode normalises
with the running averages, so a single example can be normalised.

Gradients are slopes of the cost: ``batchnorm_backward`` takes ``dZ_tilde =
dJ/dZ_tilde`` and returns ``dJ/dZ``, ``dJ/dgamma``, ``dJ/dbeta``. The cost's
1/m is therefore already inside ``dZ_tilde``.

Conventions compared with PyTorch's ``torch.nn.functional.batch_norm`` (the
tests check the agreement): ``momentum`` here is the EWA's beta, the weight
of the OLD running value, so ``momentum=0.9`` is PyTorch's ``momentum=0.1``;
and the running variance averages the biased mini-batch variance (1/m, the
one that normalises the batch), where PyTorch averages the unbiased one
(1/(m - 1)). Outputs and gradients agree exactly.
"""
from __future__ import annotations

import numpy as np

from ._validate import expect_choice, expect_layout

EPSILON = 1e-5


def init_running(n: int) -> dict:
    """Running averages for ``n`` units before any mini-batch: mean 0, variance 1."""
    return {"mean": np.zeros((n, 1)), "var": np.ones((n, 1))}


def _check(Z, gamma, beta):
    Z = expect_layout("Z", Z, "(n, m)", hint="one column per example")
    n = Z.shape[0]
    for name, p in (("gamma", gamma), ("beta", beta)):
        if np.shape(p) != (n, 1):
            raise ValueError(f"{name} has shape {np.shape(p)}, expected ({n}, 1): one value per unit")
    return Z


def batchnorm_forward(Z, gamma, beta, running=None, mode: str = "train", momentum: float = 0.9,
                      epsilon: float = EPSILON):
    """Normalise ``Z`` per unit, then scale by ``gamma`` and shift by ``beta``.

    Z (n, m), gamma (n, 1), beta (n, 1), running -> Z_tilde (n, m), cache, running.
    Raises ValueError for a misshapen gamma or beta, an unknown mode, or one example in training mode.

    Arguments:
    Z -- pre-activations, shape (n, m)
    gamma, beta -- learnable scale and shift, shape (n, 1)
    running -- dict with "mean" and "var", shape (n, 1) each (``init_running(n)`` if None)
    mode -- "train" (mini-batch statistics, running averages updated) or "test" (running averages)
    momentum -- the EWA's beta: running = momentum * running + (1 - momentum) * batch statistic

    Returns:
    Z_tilde -- gamma * Z_norm + beta, shape (n, m)
    cache -- what ``batchnorm_backward`` needs
    running -- the updated running averages (a new dict; the argument is not modified)

    The notes' check: the output has mean beta and standard deviation gamma (up to epsilon):

    >>> Z = np.array([[1.0, 2.0, 3.0, 4.0]])
    >>> Z_tilde, cache, running = batchnorm_forward(Z, np.array([[2.0]]), np.array([[1.0]]))
    >>> np.round(Z_tilde, 4), round(float(Z_tilde.mean()), 6), round(float(Z_tilde.std()), 4)
    (array([[-1.6833,  0.1056,  1.8944,  3.6833]]), 1.0, 2.0)
    """
    Z = _check(Z, gamma, beta)
    expect_choice("mode", mode, ("train", "test"))
    if running is None:
        running = init_running(Z.shape[0])
    if mode == "train":
        if Z.shape[1] < 2:
            raise ValueError("training mode needs a mini-batch of at least 2 examples; use mode='test' for one")
        mu = Z.mean(axis=1, keepdims=True)
        var = Z.var(axis=1, keepdims=True)
        running = {"mean": momentum * running["mean"] + (1 - momentum) * mu,
                   "var": momentum * running["var"] + (1 - momentum) * var}
    else:
        mu, var = running["mean"], running["var"]
    inv_std = 1.0 / np.sqrt(var + epsilon)
    Z_norm = (Z - mu) * inv_std
    Z_tilde = gamma * Z_norm + beta
    return Z_tilde, (Z_norm, inv_std, np.asarray(gamma, dtype=float), mode), running


def batchnorm_backward(dZ_tilde, cache):
    """Gradients of batch normalisation.

    dZ_tilde (n, m), cache -> dZ (n, m), dgamma (n, 1), dbeta (n, 1); true slopes of the cost.

    Arguments:
    dZ_tilde -- dJ/dZ_tilde, shape (n, m)
    cache -- from ``batchnorm_forward``

    Returns:
    dZ -- dJ/dZ, shape (n, m)
    dgamma, dbeta -- dJ/dgamma, dJ/dbeta, shape (n, 1)

    In training mode the mean and variance depend on every example, so
    ``dZ = gamma / sigma * (dZ_tilde - mean(dZ_tilde) - Z_norm * mean(dZ_tilde * Z_norm))``
    (means over the mini-batch); in test mode they are constants and
    ``dZ = gamma / sigma * dZ_tilde``.

    A gradient that is the same for every example moves only beta (the mean is subtracted):

    >>> Z_tilde, cache, _ = batchnorm_forward(np.array([[1.0, 2.0, 3.0, 4.0]]), np.array([[2.0]]), np.array([[1.0]]))
    >>> dZ, dgamma, dbeta = batchnorm_backward(np.ones((1, 4)), cache)
    >>> bool(np.abs(dZ).max() < 1e-12), dbeta
    (True, array([[4.]]))
    """
    Z_norm, inv_std, gamma, mode = cache
    dZ_tilde = np.asarray(dZ_tilde, dtype=float)
    if dZ_tilde.shape != Z_norm.shape:
        raise ValueError(f"dZ_tilde has shape {dZ_tilde.shape}, expected {Z_norm.shape} (the shape of Z)")
    dbeta = dZ_tilde.sum(axis=1, keepdims=True)
    dgamma = (dZ_tilde * Z_norm).sum(axis=1, keepdims=True)
    if mode == "test":
        return gamma * inv_std * dZ_tilde, dgamma, dbeta
    m = dZ_tilde.shape[1]
    dZ = gamma * inv_std * (dZ_tilde - dbeta / m - Z_norm * dgamma / m)
    return dZ, dgamma, dbeta
