"""The numeric-derivative worked examples of Course 1 Week 2 and the gradient-check formula."""
import numpy as np
import pytest

from dlkit.gradcheck import numeric_gradient, numeric_gradients, relative_error


@pytest.mark.parametrize("f, a, slope", [
    (lambda a: 3 * a, 2.0, 3.0),
    (lambda a: 3 * a, 5.0, 3.0),
    (lambda a: a**2, 2.0, 4.0),
    (lambda a: a**2, 5.0, 10.0),
    (lambda a: a**3, 2.0, 12.0),
    (np.log, 2.0, 0.5),
])
def test_slopes_of_the_course_notes(f, a, slope):
    got = numeric_gradient(lambda x: float(f(x[0])), np.array([a]), eps=1e-6)
    assert got[0] == pytest.approx(slope, rel=1e-6)


def test_one_sided_nudges_of_the_notes():
    # f(a + 0.001) values quoted in the notes (ln corrected: 0.693647, not the seed's 0.69265)
    assert 2.001**2 == pytest.approx(4.004, abs=1e-5)
    assert 5.001**2 == pytest.approx(25.010, abs=1e-5)
    assert 2.001**3 == pytest.approx(8.012, abs=1e-5)
    assert np.log(2.001) == pytest.approx(0.693647, abs=1e-6)


def test_computation_graph_J_equals_33():
    # J(a, b, c) = 3 (a + b c) at a=5, b=3, c=2: u=6, v=11, J=33 (the seed's "23" is a typo)
    params = {"a": np.array([5.0]), "b": np.array([3.0]), "c": np.array([2.0])}

    def J():
        return float(3 * (params["a"][0] + params["b"][0] * params["c"][0]))

    assert J() == 33.0
    grads = numeric_gradients(J, params)
    assert grads["da"][0] == pytest.approx(3.0)
    assert grads["db"][0] == pytest.approx(6.0)
    assert grads["dc"][0] == pytest.approx(9.0)


def test_relative_error():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error([0.0], [0.0]) == 0.0
    assert relative_error([1.0, 0.0], [0.0, 0.0]) == 1.0
    assert relative_error([2.0], [1.0]) == pytest.approx(1 / 3)


def test_numeric_gradients_rejects_non_float():
    with pytest.raises(ValueError, match="float64"):
        numeric_gradients(lambda: 0.0, {"W": np.zeros((2, 2), dtype=int)})
