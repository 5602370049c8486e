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
