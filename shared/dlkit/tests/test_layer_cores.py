"""One implementation per kind of layer: the nn modules, the course kernels and dlkit's other
entry points compute through the same cores of ``dlkit.layers``, and agree."""
import numpy as np
import pytest

from dlkit import activations, losses, nn, regularization
from dlkit.layers import activations as act, dense, dropout, init


def _rng(seed=0):
    return np.random.default_rng(seed)


def test_course_1_linear_backward_is_the_core_divided_by_m():
    rng = _rng()
    A_prev, W = rng.normal(size=(4, 6)), rng.normal(size=(3, 4))
    b, dZ = rng.normal(size=(3, 1)), rng.normal(size=(3, 6))
    dA_core, dW_core, db_core = dense.linear_backward_core(dZ, A_prev, W)
    dA_prev, dW, db = dense.linear_backward(dZ, (A_prev, W, b))
    np.testing.assert_array_equal(dA_prev, dA_core)                # dA_prev: no 1/m
    np.testing.assert_array_equal(dW, dW_core / 6)
    np.testing.assert_array_equal(db, db_core / 6)


def test_nn_dense_is_the_core_with_true_slopes():
    rng = _rng(1)
    layer = nn.Dense(4, 3, rng=0)
    A_prev, dZ = rng.normal(size=(4, 5)), rng.normal(size=(3, 5))
    np.testing.assert_array_equal(layer.forward(A_prev), dense.linear_forward_core(A_prev, *layer.params.values()))
    dA_prev = layer.backward(dZ)
    m = A_prev.shape[1]
    ref = dense.linear_backward(dZ * m, (A_prev, layer.params["W"], layer.params["b"]))   # per-example dZ
    np.testing.assert_allclose(dA_prev, ref[0] / m, rtol=1e-13)
    np.testing.assert_allclose(layer.grads["W"], ref[1], rtol=1e-13)
    np.testing.assert_allclose(layer.grads["b"], ref[2], rtol=1e-13)


@pytest.mark.parametrize("module, forward, backward", [
    (nn.ReLU, act.relu_forward, act.relu_backward),
    (nn.Sigmoid, act.sigmoid_forward, act.sigmoid_backward),
    (nn.Tanh, act.tanh_forward, act.tanh_backward),
])
def test_nn_activations_equal_the_course_kernels(module, forward, backward):
    rng = _rng(2)
    Z, dA = rng.normal(size=(3, 7)) * 3, rng.normal(size=(3, 7))
    Z[0, 0] = 0.0                                   # the convention at exactly 0
    layer = module()
    A, cache = forward(Z)
    np.testing.assert_array_equal(layer.forward(Z), A)
    np.testing.assert_array_equal(layer.backward(dA), backward(dA, cache))


def test_activation_functions_and_derivatives_use_the_cores():
    z = np.linspace(-5, 5, 11)
    np.testing.assert_array_equal(activations.sigmoid(z), act.sigmoid_core(z))
    np.testing.assert_array_equal(activations.sigmoid_derivative(z),
                                  act.sigmoid_backward_core(1.0, act.sigmoid_core(z)))
    np.testing.assert_array_equal(activations.tanh_derivative(z), act.tanh_backward_core(1.0, np.tanh(z)))
    np.testing.assert_array_equal(activations.softmax(z.reshape(11, 1)), act.softmax_core(z.reshape(11, 1)))


def test_nn_dropout_and_the_course_kernels_share_the_mask_math():
    layer = nn.Dropout(0.8, rng=np.random.default_rng(4))
    A, dout = _rng(3).normal(size=(5, 9)), _rng(5).normal(size=(5, 9))
    out = layer.forward(A, training=True)
    D = np.random.default_rng(4).random(A.shape) < 0.8
    np.testing.assert_array_equal(out, regularization.dropout_forward(A, D, 0.8))
    np.testing.assert_array_equal(layer.backward(dout), dropout.dropout_backward(dout, D, 0.8))
    assert regularization.dropout_forward is dropout.dropout_forward


def test_the_losses_agree():
    rng = _rng(6)
    Z, Y = rng.normal(size=(1, 8)) * 4, (rng.random((1, 8)) > 0.5).astype(float)
    loss = nn.SigmoidCrossEntropy()
    assert loss.forward(Z, Y) == losses.binary_cross_entropy_from_logits(Z, Y)
    assert loss.forward(Z, Y) == pytest.approx(losses.binary_cross_entropy(activations.sigmoid(Z), Y), rel=1e-9)
    Zc, y = rng.normal(size=(4, 8)), rng.integers(0, 4, 8)
    soft = nn.SoftmaxCrossEntropy()
    cost = soft.forward(Zc, y)
    ref_cost, ref_dZ = losses.softmax_cross_entropy(Zc, np.eye(4)[:, y])
    assert cost == ref_cost
    np.testing.assert_array_equal(soft.backward(), ref_dZ)


def test_nn_and_course_initialisers_share_the_scales():
    from dlkit import initializers
    from dlkit.nn import init as nn_init
    for method in init.METHODS:
        assert nn_init.scale_of(method, 12, 5) == pytest.approx(np.sqrt(initializers.weight_variance(method, 12, 5)))
    assert nn_init.scale_of(0.01, 12) == 0.01
    with pytest.raises(ValueError, match="unknown initialisation 'lecun'"):
        nn_init.scale_of("lecun", 12)
    with pytest.raises(ValueError, match="positive integer"):
        init.weight_variance("he", 0)


def test_softmax_loss_explains_wrong_labels():
    with pytest.raises(ValueError, match=r"Y has shape \(3, 2\) but Z has shape \(4, 2\)"):
        nn.SoftmaxCrossEntropy().forward(np.zeros((4, 2)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match=r"logits \(C, m\)"):
        nn.SoftmaxCrossEntropy().forward(np.zeros(4), np.zeros(4))
