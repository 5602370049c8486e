"""Activations: the course notes' values, stability, and derivatives against numeric slopes."""
import warnings

import numpy as np
import pytest

from dlkit import activations as act
from dlkit.gradcheck import numeric_gradient, relative_error


def test_course_values():
    assert act.sigmoid(0.0) == 0.5
    assert act.sigmoid_derivative(0.0) == 0.25
    assert act.tanh_derivative(0.0) == 1.0
    assert act.sigmoid(10.0) > 0.9999 and act.sigmoid(-10.0) < 1e-4
    assert act.sigmoid_derivative(10.0) < 1e-4 and act.tanh_derivative(-10.0) < 1e-7
    np.testing.assert_array_equal(act.relu_derivative([-1.0, 0.0, 2.0]), [0.0, 1.0, 1.0])
    np.testing.assert_array_equal(act.leaky_relu_derivative([-1.0, 0.0, 2.0]), [0.01, 1.0, 1.0])
    np.testing.assert_allclose(act.leaky_relu([-2.0, 3.0]), [-0.02, 3.0])


def test_no_overflow_warnings():
    z = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = act.sigmoid(z)
        p = act.softmax(np.array([[1000.0], [0.0], [-1000.0]]))
    np.testing.assert_allclose(s[[0, -1]], [0.0, 1.0])
    np.testing.assert_allclose(p.ravel(), [1.0, 0.0, 0.0])


def test_softmax_worked_example_and_sigmoid_equivalence():
    p = act.softmax(np.array([5.0, 2.0, -1.0, 3.0]))
    np.testing.assert_allclose(p, [0.842, 0.042, 0.002, 0.114], atol=5e-4)
    z = np.random.default_rng(0).normal(size=(1, 7))
    two = act.softmax(np.vstack([z, np.zeros_like(z)]), axis=0)
    np.testing.assert_allclose(two[0], act.sigmoid(z)[0])


@pytest.mark.parametrize("name", sorted(act.ACTIVATIONS))
def test_derivative_matches_numeric_slope(name):
    g, dg = act.ACTIVATIONS[name]
    z = np.random.default_rng(1).normal(size=(3, 4))
    z[np.abs(z) < 1e-3] = 0.5  # keep away from the kink of relu
    numeric = numeric_gradient(lambda x: float(np.sum(g(x))), z.copy(), eps=1e-6)
    assert relative_error(numeric, dg(z)) < 1e-7
