"""Course 1 Week 2 numpy basics: worked numbers, broadcasting, shapes."""
import numpy as np
import pytest

from dlkit import basics


def test_L1_L2_worked_example():
    yhat = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
    y = np.array([1, 0, 0, 1, 1])
    assert basics.L1(yhat, y) == pytest.approx(1.1)
    assert basics.L2(yhat, y) == pytest.approx(0.43)


def test_loss_shape_mismatch_names_expected_shape():
    with pytest.raises(ValueError, match=r"`yhat` has shape \(3,\), expected \(4,\)"):
        basics.L1(np.zeros(3), np.zeros(4))


def test_image2vector():
    image = np.arange(3 * 3 * 2).reshape(3, 3, 2)
    v = basics.image2vector(image)
    assert v.shape == (18, 1)
    np.testing.assert_array_equal(v[:, 0], np.arange(18))
    with pytest.raises(ValueError, match="expected \\(length, height, depth\\)"):
        basics.image2vector(np.zeros((4, 4)))


def test_normalize_rows():
    x = basics.normalize_rows(np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0], [0.0, 0.0, 0.0]]))
    np.testing.assert_allclose(x[0], [0, 0.6, 0.8])
    np.testing.assert_allclose(np.linalg.norm(x[:2], axis=1), [1, 1])
    np.testing.assert_array_equal(x[2], 0.0)


def test_softmax_rows():
    s = basics.softmax(np.array([[5.0, 2.0, -1.0, 3.0], [1.0, 1.0, 1.0, 1.0]]))
    np.testing.assert_allclose(s[0], [0.842, 0.042, 0.002, 0.114], atol=5e-4)
    np.testing.assert_allclose(s.sum(axis=1), [1, 1])
    np.testing.assert_allclose(s[1], 0.25)


def test_calories_broadcasting():
    A = np.array([[56.0, 0.0, 4.4, 68.0], [1.2, 104.0, 52.0, 8.0], [1.8, 135.0, 99.0, 0.9]])
    cal = A.sum(axis=0)
    np.testing.assert_allclose(cal, [59, 239, 155.4, 76.9])
    percentage = 100 * A / cal.reshape(1, 4)
    np.testing.assert_allclose(np.round(percentage, 1), [[94.9, 0, 2.8, 88.4],
                                                          [2.0, 43.5, 33.5, 10.4],
                                                          [3.1, 56.5, 63.7, 1.2]])


def test_broadcasting_examples_of_the_notes():
    m = np.array([[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(m + np.array([100, 200, 300]), [[101, 202, 303], [104, 205, 306]])
    np.testing.assert_array_equal(m + np.array([[100], [200]]), [[101, 102, 103], [204, 205, 206]])
    np.testing.assert_array_equal(np.array([[1], [2], [3], [4]]) + 100, [[101], [102], [103], [104]])
