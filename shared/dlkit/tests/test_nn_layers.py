"""dlkit.nn layers: every backward pass agrees with numeric slopes of its own forward pass."""
import numpy as np
import pytest

from dlkit import nn
from dlkit.gradcheck import numeric_gradient, relative_error


def _check_module(module, x, training=True, before_forward=None, tol=1e-7):
    """Gradient check of J = sum(G * module.forward(x)) for x and every parameter of ``module``."""
    rng = np.random.default_rng(99)

    def forward(x_):
        if before_forward:
            before_forward()
        return module.forward(x_, training)

    G = rng.normal(size=np.shape(forward(x)))
    forward(x)
    dx = module.backward(G)
    grads = {name: np.array(g) for name, _, g in module.parameters()}
    J = lambda _v: float(np.sum(G * forward(x)))  # noqa: E731
    assert relative_error(numeric_gradient(lambda x_: float(np.sum(G * forward(x_))), x.copy(), 1e-6), dx) < tol
    for name, value, _ in module.parameters():
        assert relative_error(numeric_gradient(J, value, 1e-6), grads[name]) < tol, name
    return dx, grads


def test_dense_backward_and_formulas():
    rng = np.random.default_rng(0)
    layer = nn.Dense(4, 3, rng=rng)
    layer.params["b"] = rng.normal(size=(3, 1))
    A = rng.normal(size=(4, 6))
    _check_module(layer, A)
    dZ = rng.normal(size=(3, 6))
    layer.forward(A)
    dA = layer.backward(dZ)
    np.testing.assert_allclose(layer.grads["W"], dZ @ A.T)   # no 1/m: the loss already has it
    np.testing.assert_allclose(layer.grads["b"], dZ.sum(axis=1, keepdims=True))
    np.testing.assert_allclose(dA, layer.params["W"].T @ dZ)


@pytest.mark.parametrize("cls", [nn.ReLU, nn.Sigmoid, nn.Tanh])
def test_activation_backward(cls):
    Z = np.random.default_rng(1).normal(size=(3, 5, 2))   # any layout works
    Z[np.abs(Z) < 1e-3] = 0.5                              # keep away from ReLU's kink
    _check_module(cls(), Z)


def test_relu_masks_with_its_input_not_with_the_gradient():
    layer = nn.ReLU()
    layer.forward(np.array([[-1.0, 2.0, 3.0]]))
    np.testing.assert_array_equal(layer.backward(np.array([[5.0, -4.0, 1.0]])), [[0.0, -4.0, 1.0]])


def test_sigmoid_is_stable():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        A = nn.Sigmoid().forward(np.array([[-1000.0, 0.0, 1000.0]]))
    np.testing.assert_allclose(A, [[0.0, 0.5, 1.0]])


def test_dropout_backward_with_its_mask_fixed():
    layer = nn.Dropout(0.7, rng=np.random.default_rng(3))

    def same_mask():
        layer.rng = np.random.default_rng(3)

    A = np.random.default_rng(2).normal(size=(6, 8))
    _check_module(layer, A, before_forward=same_mask)
    out = layer.forward(A, True)
    np.testing.assert_allclose(layer.backward(np.ones_like(A)), layer.mask)
    assert set(np.unique(layer.mask)) <= {0.0, 1 / 0.7}
    np.testing.assert_allclose(out, A * layer.mask)


def test_dropout_keeps_about_keep_prob_and_the_mean():
    layer = nn.Dropout(0.8, rng=np.random.default_rng(0))
    A = np.ones((200, 500))
    out = layer.forward(A, training=True)
    assert abs((out > 0).mean() - 0.8) < 0.01
    assert abs(out.mean() - 1.0) < 0.01                    # inverted dropout: the expected value is kept
    np.testing.assert_array_equal(layer.forward(A, training=False), A)
    np.testing.assert_array_equal(layer.backward(A), A)   # evaluation pass: identity backward


def test_batchnorm_backward_in_training_and_test_mode():
    rng = np.random.default_rng(4)
    layer = nn.BatchNorm(3)
    layer.params["gamma"] = rng.uniform(0.5, 2.0, (3, 1))
    layer.params["beta"] = rng.normal(size=(3, 1))
    Z = rng.normal(2.0, 3.0, size=(3, 7))
    _check_module(layer, Z, training=True, tol=1e-6)
    _check_module(layer, Z, training=False, tol=1e-6)


def test_batchnorm_output_statistics_and_running_averages():
    rng = np.random.default_rng(5)
    layer = nn.BatchNorm(4, momentum=0.9)
    layer.params["gamma"][:] = 2.0
    layer.params["beta"][:] = -1.0
    Z = rng.normal(5.0, 3.0, size=(4, 200))
    out = layer.forward(Z, training=True)
    np.testing.assert_allclose(out.mean(axis=1), -1.0, atol=1e-10)
    np.testing.assert_allclose(out.std(axis=1), 2.0, rtol=1e-4)
    np.testing.assert_allclose(layer.buffers["running_mean"], 0.1 * Z.mean(axis=1, keepdims=True))
    before = layer.buffers["running_mean"].copy()
    layer.forward(Z[:, :1], training=False)                 # test mode: one example is fine, averages unchanged
    np.testing.assert_array_equal(layer.buffers["running_mean"], before)


def test_batchnorm_over_image_channels():
    rng = np.random.default_rng(6)
    layer = nn.BatchNorm(3, feature_axis=-1)
    X = rng.normal(size=(4, 5, 5, 3)) * np.array([1.0, 5.0, 0.1]) + np.array([0.0, 3.0, -2.0])
    out = layer.forward(X, training=True)
    np.testing.assert_allclose(out.mean(axis=(0, 1, 2)), 0.0, atol=1e-10)
    np.testing.assert_allclose(out.std(axis=(0, 1, 2)), 1.0, rtol=1e-3)
    _check_module(layer, X[:2, :3, :3], tol=1e-6)


def test_flatten_matches_the_course_flattening_and_backward_undoes_it():
    X = np.random.default_rng(7).normal(size=(5, 4, 3, 2))
    layer = nn.Flatten()
    out = layer.forward(X)
    np.testing.assert_array_equal(out, X.reshape(5, -1).T)
    _check_module(layer, X)


def test_he_initialisation_is_seeded_and_scaled():
    a = nn.Dense(1000, 50, rng=np.random.default_rng(1))
    b = nn.Dense(1000, 50, rng=np.random.default_rng(1))
    np.testing.assert_array_equal(a.params["W"], b.params["W"])
    np.testing.assert_array_equal(a.params["W"],
                                  np.random.default_rng(1).standard_normal((50, 1000)) * np.sqrt(2 / 1000))
    assert abs(a.params["W"].std() - np.sqrt(2 / 1000)) < 0.002
    assert not a.params["b"].any() and a.params["b"].shape == (50, 1)
    x = nn.Dense(1000, 50, init="xavier", rng=1).params["W"]
    assert abs(x.std() - np.sqrt(1 / 1000)) < 0.002
    assert nn.Dense(3, 2, init=0.01, rng=0).params["W"].std() < 0.05
    assert nn.Dense(3, 2, dtype=np.float32, rng=0).params["W"].dtype == np.float32


def test_bad_input_is_explained():
    layer = nn.Dense(4, 3, rng=0)
    with pytest.raises(ValueError, match=r"expects A_prev of shape \(4, m\).*got \(6, 4\) \(transposed\?\)"):
        layer.forward(np.zeros((6, 4)))
    with pytest.raises(RuntimeError, match="forward before backward"):
        nn.Dense(4, 3, rng=0).backward(np.zeros((3, 2)))
    layer.forward(np.zeros((4, 2)))
    with pytest.raises(ValueError, match=r"dZ has shape \(2, 2\), expected \(3, 2\)"):
        layer.backward(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="positive integer"):
        nn.Dense(0, 3)
    with pytest.raises(ValueError, match="unknown initialisation"):
        nn.Dense(2, 3, init="lecun")
    with pytest.raises(TypeError, match="Generator"):
        nn.Dense(2, 3, rng=np.random.RandomState(0))
    with pytest.raises(ValueError, match=r"keep_prob"):
        nn.Dropout(0.0)
    with pytest.raises(ValueError, match="expects 3 units along axis 0"):
        nn.BatchNorm(3).forward(np.zeros((4, 5)))
    relu = nn.ReLU()
    relu.forward(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"dout has shape \(3, 2\), expected \(2, 3\)"):
        relu.backward(np.zeros((3, 2)))
