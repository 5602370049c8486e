"""Every Course 1 Week 4 exercise: the reference passes, each known mistake fails with its hint."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises

C1W4 = notebook_exercises("course1/week4/deep_nn_step_by_step.ipynb") + notebook_exercises(
    "course1/week4/deep_nn_application.ipynb")

(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C1W4)


def test_notes_worked_numbers_are_fixed_cases():
    labels = " ".join(c.label for c in get("c1w4.initialize_parameters_deep").fixed_cases)
    assert "[2, 3, 5, 4, 2, 1]" in labels and "66" in labels
    cost_case = get("c1w4.compute_cost").fixed_cases[0]
    assert get("c1w4.compute_cost").reference(*cost_case.args) == pytest.approx(0.2797765635793422)


def _course_style_L_model_backward(AL, Y, caches):
    """A student's version written as the course does it, with the literal dAL."""
    from dlkit.layers import linear_activation_backward

    grads, L = {}, len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = linear_activation_backward(
            grads[f"dA{l + 1}"], caches[l], "relu")
    return grads


def test_a_course_style_solution_passes():
    ok, msg = run_checks(get("c1w4.L_model_backward"), _course_style_L_model_backward, hidden=True)
    assert ok, msg


@pytest.mark.parametrize("exercise_id, args", [
    ("c1w4.linear_backward", None),
    ("c1w4.linear_activation_backward", None),
    ("c1w4.L_model_backward", None),
])
def test_gradient_check_names_the_missing_1_over_m(exercise_id, args):
    ex = get(exercise_id)
    case = ex.fixed_cases[0]
    reference = ex.reference

    def too_big(*a):
        out = reference(*a)
        if isinstance(out, dict):
            return {k: (v * case.args[0].shape[1] if k.startswith("dW") else v) for k, v in out.items()}
        dA_prev, dW, db = out
        return dA_prev, dW * case.args[0].shape[1], db

    ok, msg = run_checks(ex, too_big)
    assert not ok
    assert "Gradient check:" in msg and "missing a 1/m" in msg


def test_gradient_check_passes_the_reference():
    for name in ("linear_backward", "linear_activation_backward", "L_model_backward"):
        ex = get(f"c1w4.{name}")
        verdict = ex.gradcheck(ex.reference, ex.fixed_cases[-1])
        assert "match" in verdict, verdict


def test_gradient_check_flags_a_bad_db():
    ex = get("c1w4.L_model_backward")

    def bad(AL, Y, caches):
        grads = ex.reference(AL, Y, caches)
        grads["db1"] = grads["db1"] + 1.0
        return grads

    verdict = ex.gradcheck(bad, ex.fixed_cases[0])
    assert 'grads["db1"]' in verdict and "dW" not in verdict
