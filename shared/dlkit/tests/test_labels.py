"""one_hot / from_one_hot and the softmax cross-entropy (the course's z = [5, 2, -1, 3] example)."""
import numpy as np
import pytest

from dlkit.gradcheck import numeric_gradient, relative_error
from dlkit.labels import from_one_hot, one_hot
from dlkit.losses import softmax_cross_entropy


def test_one_hot_layout_and_round_trip():
    Y = one_hot(np.array([[1, 0, 3]]), 4)
    assert Y.shape == (4, 3)
    np.testing.assert_array_equal(Y[:, 0], [0, 1, 0, 0])
    np.testing.assert_array_equal(from_one_hot(Y), [1, 0, 3])


def test_one_hot_rejects_out_of_range_and_non_integer_labels():
    with pytest.raises(ValueError, match="from 0 to C - 1 = 3"):
        one_hot([0, 4], 4)
    with pytest.raises(ValueError, match="integers"):
        one_hot([0.5], 4)


def test_cost_of_the_course_example():
    Z = np.array([[5.0], [2.0], [-1.0], [3.0]])
    cost, dZ = softmax_cross_entropy(Z, one_hot([1], 4))   # true class: cat
    p = np.exp(Z) / np.exp(Z).sum()
    np.testing.assert_allclose(p.ravel(), [0.842, 0.042, 0.002, 0.114], atol=5e-4)
    assert cost == pytest.approx(-np.log(p[1, 0]))
    np.testing.assert_allclose(dZ, p - one_hot([1], 4))


def test_gradient_and_stability():
    rng = np.random.default_rng(1)
    Z = rng.normal(size=(5, 6)) * 3
    Y = one_hot(rng.integers(0, 5, 6), 5)
    _, dZ = softmax_cross_entropy(Z, Y)
    assert relative_error(numeric_gradient(lambda z: softmax_cross_entropy(z, Y)[0], Z.copy(), 1e-6), dZ) < 1e-7
    cost, dZ = softmax_cross_entropy(np.array([[1000.0], [-1000.0]]), one_hot([1], 2))
    assert cost == pytest.approx(2000.0) and np.all(np.isfinite(dZ))


def test_shape_mismatch_is_explained():
    with pytest.raises(ValueError, match="one-hot"):
        softmax_cross_entropy(np.zeros((3, 4)), np.zeros((1, 4)))


# ------------------------------------------------------------------ PyTorch as an independent implementation

def test_cost_and_gradient_agree_with_pytorch_cross_entropy():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(7)
    Z = rng.normal(size=(5, 8)) * 4
    Z[:, 0] += 700.0                                    # a column of huge logits stays exact
    y = rng.integers(0, 5, size=8)
    cost, dZ = softmax_cross_entropy(Z, one_hot(y, 5))
    logits = torch.tensor(Z.T, dtype=torch.float64, requires_grad=True)   # torch: examples are rows
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y), reduction="mean")
    loss.backward()
    assert cost == pytest.approx(loss.item(), rel=1e-12)
    np.testing.assert_allclose(dZ, logits.grad.numpy().T, rtol=1e-10, atol=1e-15)


def test_one_hot_agrees_with_pytorch():
    torch = pytest.importorskip("torch")
    y = np.array([3, 0, 2, 2, 1])
    expected = torch.nn.functional.one_hot(torch.tensor(y), num_classes=5).numpy().T
    np.testing.assert_array_equal(one_hot(y, 5), expected)
