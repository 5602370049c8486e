"""The planar data sets: layout, seeding, balance, and the accuracies the Week 3 notebook relies on."""
import numpy as np
import pytest

from dlkit import logistic, shallow
from dlkit.data import planar

GENERATORS = [planar.make_flower, planar.make_moons, planar.make_circles, planar.make_blobs]


@pytest.mark.parametrize("gen", GENERATORS, ids=lambda g: g.__name__)
@pytest.mark.parametrize("m", [7, 200])
def test_layout_labels_and_balance(gen, m):
    X, Y = gen(m=m)
    assert X.shape == (2, m) and Y.shape == (1, m)
    assert X.dtype == np.float64 and Y.dtype == np.float64 and np.isfinite(X).all()
    assert set(np.unique(Y)) == {0.0, 1.0}
    assert abs(2 * Y.sum() - m) <= 1 or gen is planar.make_blobs


@pytest.mark.parametrize("gen", GENERATORS, ids=lambda g: g.__name__)
def test_seeded_and_leaves_the_global_state_alone(gen):
    np.random.seed(0)
    before = np.random.get_state()[1].copy()
    X1, Y1 = gen(seed=11)
    X2, Y2 = gen(seed=11)
    X3, _ = gen(seed=12)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert not np.allclose(X1, X3)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


def test_flower_defaults_and_alternating_petals():
    X, Y = planar.make_flower()
    assert X.shape == (2, 400) and Y.sum() == 200
    # far from the centre, the label is set by the petal the point lies on
    r = np.hypot(X[0], X[1])
    petal = np.round(np.arctan2(X[1], X[0]) / (np.pi / 2)).astype(int) % 4
    tips = r > 2.5
    assert tips.sum() > 150
    assert np.mean(Y[0, tips] == petal[tips] % 2) > 0.97
    X8, Y8 = planar.make_flower(petals=8)
    petal8 = np.round(np.arctan2(X8[1], X8[0]) / (np.pi / 4)).astype(int) % 8
    tips8 = np.hypot(X8[0], X8[1]) > 2.5
    assert np.mean(Y8[0, tips8] == petal8[tips8] % 2) > 0.9


@pytest.mark.parametrize("call, pattern", [
    (lambda: planar.make_flower(petals=3), "even integer"),
    (lambda: planar.make_flower(m=1), "integer >= 2"),
    (lambda: planar.make_flower(noise=-1), "`noise` must be >= 0"),
    (lambda: planar.make_circles(factor=1.5), "must lie in \\(0, 1\\)"),
    (lambda: planar.make_blobs(centers=1), "integer >= 2"),
    (lambda: planar.make_blobs(m=4, centers=6), "cannot exceed"),
    (lambda: planar.make_moons(m=10.0), "integer"),
])
def test_bad_arguments_raise_value_error(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_flower_defeats_logistic_regression_but_not_four_tanh_units():
    # the claims of the Week 3 notebook, with its settings
    X, Y = planar.make_flower()
    d = logistic.model(X, Y, X, Y, num_iterations=2000, learning_rate=0.5)
    assert logistic.accuracy(d["Y_prediction_train"], Y) <= 55
    params = shallow.nn_model(X, Y, 4, num_iterations=10000)
    assert shallow.accuracy(shallow.predict(params, X), Y) >= 88


def test_extra_datasets_are_learnable_with_four_units():
    data = planar.extra_datasets()
    assert sorted(data) == ["blobs", "circles", "moons"]
    for name, (X, Y) in data.items():
        params = shallow.nn_model(X, Y, 4, num_iterations=5000)
        assert shallow.accuracy(shallow.predict(params, X), Y) >= 90, name


# ------------------------------------------------ Course 2 Week 1: make_noisy_boundary

def _line(x1):
    return 0.3 * np.sin(2.0 * x1) + 0.1 * x1


@pytest.mark.parametrize("m", [7, 150])
def test_noisy_boundary_layout_and_range(m):
    X, Y = planar.make_noisy_boundary(m)
    assert X.shape == (2, m) and Y.shape == (1, m)
    assert X.dtype == np.float64 and Y.dtype == np.float64
    assert np.all(np.abs(X) <= 1.0)
    assert set(np.unique(Y)) <= {0.0, 1.0}


def test_noisy_boundary_is_seeded_and_leaves_the_global_state_alone():
    np.random.seed(0)
    before = np.random.get_state()[1].copy()
    X1, Y1 = planar.make_noisy_boundary(seed=11)
    X2, Y2 = planar.make_noisy_boundary(seed=11)
    X3, _ = planar.make_noisy_boundary(seed=12)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert not np.allclose(X1, X3)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


def test_without_noise_the_wavy_line_decides_the_label():
    X, Y = planar.make_noisy_boundary(2000, islands=0, width=0, seed=3)
    np.testing.assert_array_equal(Y[0], (X[1] > _line(X[0])).astype(float))
    assert 0.4 < Y.mean() < 0.6


def test_the_noise_sits_near_the_line_and_in_islands():
    X, Y = planar.make_noisy_boundary(20000, seed=4)
    above = X[1] > _line(X[0])
    wrong = Y[0] != above
    near = np.abs(X[1] - _line(X[0])) < 0.05
    assert 0.03 < wrong.mean() < 0.2                      # some labels flipped, most not
    assert wrong[near].mean() > 0.25                      # near the line the classes mix
    # the islands: far from the line, the flipped labels are clustered in a few discs
    far_wrong = X[:, wrong & ~near & (np.abs(X[1] - _line(X[0])) > 0.15)]
    assert far_wrong.shape[1] > 100
    X0, Y0 = planar.make_noisy_boundary(20000, islands=0, seed=4)
    assert np.mean(Y0[0] != (X0[1] > _line(X0[0]))) < wrong.mean()


@pytest.mark.parametrize("call, pattern", [
    (lambda: planar.make_noisy_boundary(m=1), "integer >= 2"),
    (lambda: planar.make_noisy_boundary(islands=-1), "`islands`"),
    (lambda: planar.make_noisy_boundary(radius=-0.1), "`radius` must be >= 0"),
    (lambda: planar.make_noisy_boundary(island_flip=1.5), "`island_flip`"),
])
def test_noisy_boundary_bad_arguments(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
