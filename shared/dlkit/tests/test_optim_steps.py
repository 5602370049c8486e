"""The per-array optimiser steps: the lecture's formulas, one step at a time."""
import numpy as np
import pytest

from dlkit.optim import adam_step, gd_step, momentum_step, rmsprop_step


def test_gd_and_momentum_one_step():
    w, dw = np.array([[1.0, 2.0]]), np.array([[0.5, -1.0]])
    np.testing.assert_allclose(gd_step(w, dw, 0.1), [[0.95, 2.1]])
    w1, v1 = momentum_step(w, dw, np.zeros_like(w), 0.1, beta=0.9)
    np.testing.assert_allclose(v1, 0.1 * dw)
    np.testing.assert_allclose(w1, w - 0.01 * dw)


def test_rmsprop_puts_epsilon_outside_the_root():
    w, dw = np.array([2.0]), np.array([3.0])
    w1, s1 = rmsprop_step(w, dw, np.zeros(1), 0.01, beta2=0.9, epsilon=1e-8)
    np.testing.assert_allclose(s1, [0.9])
    np.testing.assert_allclose(w1, 2.0 - 0.01 * 3.0 / (np.sqrt(0.9) + 1e-8))


def test_adam_first_step_is_corrected_to_the_gradient():
    dw = np.array([[0.3, -2.0, 1e-3]])
    w1, v, s, v_corr, s_corr = adam_step(np.zeros_like(dw), dw, np.zeros_like(dw), np.zeros_like(dw), 1, 0.01)
    np.testing.assert_allclose(v_corr, dw)
    np.testing.assert_allclose(s_corr, dw ** 2)
    np.testing.assert_allclose(w1, -0.01 * np.sign(dw), rtol=1e-4)   # the first step has size ~ learning rate


def test_bad_input_is_explained():
    with pytest.raises(ValueError, match=r"gradient has shape \(2,\) but the parameter has shape \(2, 1\)"):
        gd_step(np.zeros((2, 1)), np.zeros(2), 0.1)
    with pytest.raises(ValueError, match="counts from 1"):
        adam_step(np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1), 0, 0.1)


def test_adam_in_place_equals_the_functional_step_to_the_last_bit():
    from dlkit.optim import adam_step_inplace

    rng = np.random.default_rng(4)
    w, v, s = rng.normal(size=(3, 5)), rng.normal(size=(3, 5)) * 0.1, rng.random((3, 5)) * 0.01
    dw = rng.normal(size=(3, 5))
    w1, v1, s1, _, _ = adam_step(w, dw, v, s, 7, 0.01)
    w_, v_, s_ = w.copy(), v.copy(), s.copy()
    adam_step_inplace(w_, dw, v_, s_, 7, 0.01)
    assert np.array_equal(w_, w1) and np.array_equal(v_, v1) and np.array_equal(s_, s1)
    assert not np.array_equal(w, w1)   # the functional step left its arguments alone
