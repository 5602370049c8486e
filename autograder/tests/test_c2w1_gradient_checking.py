"""Every exercise of the gradient-checking notebook: the reference passes, each known mistake fails with its hint."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.exercises import c2w1_gradient_checking as gc
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises
from dlkit import gradcheck

EXERCISES = notebook_exercises("course2/week1/gradient_checking.ipynb")


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(EXERCISES)


# ----------------------------------------------------------- the worked numbers

def test_the_course_example_x_2_theta_4():
    assert gc.forward_1d(2.0, 4.0) == 8.0
    assert gc.backward_1d(2.0, 4.0) == 2.0
    difference = gc.gradient_check_1d(2.0, 4.0)
    assert 0 < difference < 1e-7 and gradcheck.verdict(difference) == "great"
    assert "x = 2, theta = 4" in get("c2w1.forward_propagation").fixed_cases[0].label


def test_gradient_check_prints_the_verdict(capsys):
    gc.gradient_check_1d(2.0, 4.0, print_msg=True)
    assert "works perfectly fine" in capsys.readouterr().out
    case = get("c2w1.gradient_check_n").fixed_cases[0]
    gc.gradient_check_n(*case.args, print_msg=True)
    assert "There is a mistake in the backward propagation" in capsys.readouterr().out


def test_the_planted_bugs_and_the_fix():
    """The notebook's story: about 1e-1 with the bugs (dW2 x 2, db1 with 4/m), below 1e-7 after the fix."""
    bugged, fixed = get("c2w1.gradient_check_n").fixed_cases[:2]
    assert "planted bugs" in bugged.label and "correct" in fixed.label
    d_bugged = gc.gradient_check_n(*bugged.args)
    d_fixed = gc.gradient_check_n(*fixed.args)
    assert d_bugged > 1e-3 and d_fixed < 1e-7
    params, grads, X, Y, eps = bugged.args
    result = gradcheck.gradient_check_n(lambda p: gc.forward_propagation_n(X, Y, p)[0], params, grads, eps)
    assert sorted(k for k, e in result.errors.items() if e > 1e-3) == ["W2", "b1"]


def test_two_sided_beats_one_sided_on_a_cube():
    f = lambda t: t ** 3  # noqa: E731
    two = (f(1.01) - f(0.99)) / 0.02
    one = (f(1.01) - f(1.0)) / 0.01
    assert abs(two - 3) == pytest.approx(1e-4, rel=1e-6)
    assert abs(one - 3) == pytest.approx(0.0301, rel=1e-6)


# ---------------------------------------------------- course-style solutions

def _course_gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    thetaplus = theta + epsilon
    thetaminus = theta - epsilon
    J_plus = np.dot(thetaplus, x)
    J_minus = np.dot(thetaminus, x)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = x
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    return numerator / denominator


def _course_dictionary_to_vector(parameters):
    layout, count = [], 0
    for key in ["W1", "b1", "W2", "b2", "W3", "b3"]:
        new_vector = np.reshape(parameters[key], (-1, 1))
        layout.append((key, parameters[key].shape))
        theta = new_vector if count == 0 else np.concatenate((theta, new_vector), axis=0)  # noqa: F821
        count += 1
    return theta, layout


def _course_gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Written as the course does it, with its own cost code (other rounding than the reference's)."""
    def cost(p):
        m = X.shape[1]
        A1 = np.maximum(0, np.dot(p["W1"], X) + p["b1"])
        A2 = np.maximum(0, np.dot(p["W2"], A1) + p["b2"])
        A3 = 1 / (1 + np.exp(-(np.dot(p["W3"], A2) + p["b3"])))
        return 1. / m * np.sum(np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y))

    values, layout = gradcheck.dictionary_to_vector(parameters)
    grad = gradcheck.gradients_to_vector(gradients, layout)
    n = values.shape[0]
    gradapprox = np.zeros((n, 1))
    for i in range(n):
        thetaplus = np.copy(values)
        thetaplus[i] = thetaplus[i] + epsilon
        thetaminus = np.copy(values)
        thetaminus[i] = thetaminus[i] - epsilon
        gradapprox[i] = (cost(gradcheck.vector_to_dictionary(thetaplus, layout))
                         - cost(gradcheck.vector_to_dictionary(thetaminus, layout))) / (2 * epsilon)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))


@pytest.mark.parametrize("name, fn", [("gradient_check", _course_gradient_check),
                                      ("dictionary_to_vector", _course_dictionary_to_vector),
                                      ("gradient_check_n", _course_gradient_check_n)])
def test_a_course_style_solution_passes(name, fn):
    ok, msg = run_checks(get(f"c2w1.{name}"), fn, hidden=True)
    assert ok, msg


# ---------------------------------------------------------- gradient checks

def test_one_d_gradient_check():
    ex = get("c2w1.backward_propagation")
    case = ex.fixed_cases[0]
    assert "matches the numeric slope" in ex.gradcheck(ex.reference, case)
    ok, msg = run_checks(ex, lambda x, theta: -x)
    assert not ok and "Gradient check: dtheta has the wrong sign" in msg
    ok, msg = run_checks(ex, lambda x, theta: theta)
    assert "the slope of J with respect to x" in msg


# ------------------------------------------------------------------ bad inputs

@pytest.mark.parametrize("call, pattern", [
    (lambda: gradcheck.vector_to_dictionary(np.zeros((46, 1)), gradcheck.dictionary_to_vector(
        get("c2w1.dictionary_to_vector").fixed_cases[0].args[0])[1]), "46 entries but the layout needs 47"),
    (lambda: gradcheck.gradients_to_vector({"dW1": np.zeros((5, 4))}, [("W1", (5, 4)), ("b1", (5, 1))]), "no 'db1'"),
])
def test_references_reject_bad_inputs(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
