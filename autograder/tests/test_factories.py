"""The exercise factories on a layer they were not written for: a conv-like layer (Course 4's shape).

The layer, its exercise and its known mistakes below are what a newcomer writes
(see the README's "Adding an exercise"); the exercise is built but not
registered, so the registry stays the course's.
"""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.factories import KernelRun, LayerRun, kernel_probe, layer_exercise, override
from autograder.registry import Case, Mistake
from dlkit import nn


class Conv1D(nn.Module):
    """A 'valid' 1-D convolution: X (C_in, T, m) -> Z (C_out, T - f + 1, m); W (C_out, C_in, f), b (C_out, 1, 1)."""

    def __init__(self, C_in, C_out, f, *, rng=None):
        super().__init__()
        self.params["W"] = np.random.default_rng(rng).standard_normal((C_out, C_in, f)) * np.sqrt(2 / (C_in * f))
        self.params["b"] = np.zeros((C_out, 1, 1))

    def forward(self, X, training=False):
        W, f = self.params["W"], self.params["W"].shape[2]
        self.cache = X
        windows = [np.einsum("oct,ctm->om", W, X[:, t:t + f]) for t in range(X.shape[1] - f + 1)]
        return np.stack(windows, axis=1) + self.params["b"]

    def backward(self, dZ):
        X, W = self.cache, self.params["W"]
        f = W.shape[2]
        dX, dW = np.zeros_like(X), np.zeros_like(W)
        for t in range(dZ.shape[1]):
            dW += np.einsum("om,ctm->oct", dZ[:, t], X[:, t:t + f])
            dX[:, t:t + f] += np.einsum("oct,om->ctm", W, dZ[:, t])
        self.grads["W"], self.grads["b"] = dW, dZ.sum(axis=(1, 2), keepdims=True)
        return dX


def _conv_case(rng, C_in=2, C_out=3, f=2, T=5, m=4):
    return Case((int(rng.integers(1000)), rng.normal(size=(C_in, T, m)), rng.normal(size=(C_out, C_in, f)),
                 rng.normal(size=(C_out, 1, 1)), rng.normal(size=(C_out, T - f + 1, m)) / m),
                label=f"Conv1D({C_in}, {C_out}, f={f}) on {m} sequences of length {T}")


def _db_per_position(self, dZ):
    """The slip: db summed over the examples only, one bias per position."""
    dX = Conv1D.backward(self, dZ)
    self.grads["b"] = dZ.sum(axis=2, keepdims=True)
    return dX


def _last_window_only(self, dZ):
    """The slip: dW of the last window only (assigned in the loop instead of accumulated)."""
    dX = Conv1D.backward(self, dZ)
    X, f = self.cache, self.params["W"].shape[2]
    self.grads["W"] = np.einsum("om,ctm->oct", dZ[:, -1], X[:, -f:])
    return dX


def _small_init(self, C_in, C_out, f, *, rng=None):
    Conv1D.__init__(self, C_in, C_out, f, rng=rng)
    self.params["W"] *= 0.01 / np.sqrt(2 / (C_in * f))


CONV = layer_exercise(
    id="c4w1.Conv1D", reference=Conv1D,
    setup=lambda seed, X, W, b, dZ: LayerRun(lambda cls: cls(W.shape[1], W.shape[0], W.shape[2], rng=seed),
                                            X, dZ, {"W": W, "b": b}),
    params=("W", "b"), record_init=("W", "b"), out="Z",
    fixed_cases=[_conv_case(np.random.default_rng(1))],
    random_case=lambda rng: _conv_case(rng, T=int(rng.integers(3, 7)), m=int(rng.integers(1, 4))),
    mistakes=[
        Mistake("db_per_position", override(Conv1D, backward=_db_per_position),
                "b is shared by every position: sum dZ over the positions and the examples, axis=(1, 2)."),
        Mistake("dW_last_window", override(Conv1D, backward=_last_window_only),
                "W is used at every position: add up (+=) its gradient over all windows, do not assign it."),
        Mistake("small_init", override(Conv1D, __init__=_small_init),
                "initialise W the He way, * np.sqrt(2 / (C_in * f)), not * 0.01."),
    ],
)


def test_the_reference_passes_visible_and_hidden():
    for hidden in (False, True):
        ok, msg = run_checks(CONV, Conv1D, hidden=hidden)
        assert ok, msg


def test_the_outputs_are_named_for_messages():
    assert CONV.outputs == ("W_init", "b_init", "Z", "dX", "dW", "db")


@pytest.mark.parametrize("mistake", CONV.mistakes, ids=lambda m: m.name)
def test_each_override_fails_with_its_own_hint(mistake):
    ok, msg = run_checks(CONV, mistake.fn)
    assert not ok and mistake.hint in msg
    assert sum(m.hint in msg for m in CONV.mistakes) == 1


def test_the_probe_names_the_wrong_gradient():
    case = CONV.fixed_cases[0]
    assert "match numeric slopes" in CONV.gradcheck(Conv1D, case)
    assert CONV.gradcheck(CONV.mistakes[1].fn, case).startswith("dW disagrees with the numeric slope")
    assert "db" in CONV.gradcheck(CONV.mistakes[0].fn, case)


def test_the_probe_says_when_backward_stores_no_gradients():
    def forgetful_backward(self, dZ):
        dX = Conv1D.backward(self, dZ)
        self.grads.clear()
        return dX

    forgetful = override(Conv1D, backward=forgetful_backward)
    assert CONV.gradcheck(forgetful, CONV.fixed_cases[0]) == (
        'backward did not store the gradients: set self.grads["W"] and self.grads["b"].')


def test_override_keeps_the_class_and_needs_a_method():
    wrong = override(Conv1D, backward=lambda self, dZ: dZ)
    assert issubclass(wrong, Conv1D) and wrong.__name__ == "Conv1D"
    with pytest.raises(ValueError, match="at least one method"):
        override(Conv1D)


def test_kernel_probe_checks_what_a_kernel_returns():
    probe = kernel_probe(lambda dZ, W, x: KernelRun(dZ, {"W": W, "x": x}, lambda fn: fn(dZ, W, x)),
                         lambda W, x: W @ x, ("dW", "dx"))
    case = Case((np.ones((2, 1)), np.arange(6.0).reshape(2, 3), np.ones((3, 1))))
    assert probe(lambda dZ, W, x: dZ @ x.T, case) == "the function should return the two gradients (dW, dx)"
    assert "match" in probe(lambda dZ, W, x: (dZ @ x.T, W.T @ dZ), case)
    assert probe(lambda dZ, W, x: (dZ @ x.T, -W.T @ dZ), case) == "dx has the wrong sign."
