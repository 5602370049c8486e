"""Course 2 Week 1 initialisation: every exercise registered, the reference passes, each mistake fails with its hint."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises

EXERCISES = notebook_exercises("course2/week1/initialization.ipynb")


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(EXERCISES)


# ------------------------------------------------------------------ course-style solutions (np.random.seed(3) inside)

def _zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def _random(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def _he(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(2. / n_prev)
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


@pytest.mark.parametrize("name, fn", [("initialize_parameters_zeros", _zeros),
                                      ("initialize_parameters_random", _random),
                                      ("initialize_parameters_he", _he)])
def test_course_style_solutions_pass(name, fn):
    for hidden in (False, True):
        ok, msg = run_checks(get(f"c2w1.{name}"), fn, hidden=hidden)
        assert ok, msg


def test_a_different_seed_fails_without_a_false_hint():
    def he_seed_1(layers_dims):
        np.random.seed(1)
        return {k: v for l in range(1, len(layers_dims)) for k, v in (
            (f"W{l}", np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])),
            (f"b{l}", np.zeros((layers_dims[l], 1))))}

    ok, msg = run_checks(get("c2w1.initialize_parameters_he"), he_seed_1)
    assert not ok and "Hint" not in msg and "W1" in msg


def test_course_numbers():
    # [2, 4, 1] with He: sqrt(2 / 2) = 1, so W1 is exactly randn(4, 2) after seed 3, as in the course
    he = get("c2w1.initialize_parameters_he").reference([2, 4, 1])
    np.testing.assert_allclose(he["W1"], [[1.78862847, 0.43650985], [0.09649747, -1.8634927],
                                          [-0.2773882, -0.35475898], [-0.08274148, -0.62700068]], rtol=1e-7)
    np.testing.assert_allclose(he["W2"], [[-0.03098412, -0.33744411, -0.92904268, 0.62552248]], rtol=1e-6)
    big = get("c2w1.initialize_parameters_random").reference([3, 2, 1])
    np.testing.assert_allclose(big["W1"], [[17.88628473, 4.36509851, 0.96497468],
                                           [-18.63492703, -2.77388203, -3.54758979]], rtol=1e-8)
    np.testing.assert_allclose(big["W2"], [[-0.82741481, -6.27000677]], rtol=1e-8)
    zeros = get("c2w1.initialize_parameters_zeros").reference([3, 2, 1])
    assert all(not v.any() for v in zeros.values())


def test_the_notebook_network_is_a_fixed_case():
    labels = [c.label for c in get("c2w1.initialize_parameters_he").fixed_cases]
    assert any("[2, 10, 5, 1]" in t for t in labels)


def test_bad_input_messages_of_the_references():
    for ex in EXERCISES:
        with pytest.raises(ValueError, match=r"layers_dims\[1\]"):
            ex.reference([3, -2, 1])
