"""Every Course 1 Week 3 exercise: the reference passes, each known mistake fails with its hint."""

from autograder.tests.contract import contract
from autograder.tests.notebook_checks import notebook_exercises

C1W3 = notebook_exercises("course1/week3/planar_classification.ipynb")

(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C1W3)


def _ex(name):
    return next(e for e in C1W3 if e.name == name)


def test_backward_mistakes_named_in_the_brief_are_registered():
    names = {m.name for m in _ex("backward_propagation").mistakes}
    assert {"no_1_over_m", "no_keepdims", "sigmoid_derivative", "dW1_no_transpose"} <= names


def test_transpose_slips_give_same_shape_values_on_the_first_case():
    ex = _ex("backward_propagation")
    case = ex.cases()[0]
    expected = ex.reference(*case.args)
    for name in ("dW1_no_transpose", "dW1_transposed", "dW2_no_transpose", "sigmoid_derivative"):
        wrong = next(m for m in ex.mistakes if m.name == name).fn(*case.args)
        assert all(wrong[k].shape == expected[k].shape for k in expected), name


def test_backward_gradcheck_names_the_wrong_gradient():
    ex = _ex("backward_propagation")
    case = ex.cases()[1]
    assert "agrees" in ex.gradcheck(ex.reference, case)
    sig = next(m for m in ex.mistakes if m.name == "sigmoid_derivative").fn
    verdict = ex.gradcheck(sig, case)
    assert "dW1 disagrees" in verdict and "db1 disagrees" in verdict and "dW2" not in verdict
    rank1 = next(m for m in ex.mistakes if m.name == "no_keepdims").fn
    assert "db1 has shape (4,)" in ex.gradcheck(rank1, case)


def test_the_fixed_cases_use_the_notes_shapes():
    p = _ex("initialize_parameters").reference(*_ex("initialize_parameters").fixed_cases[0].args)
    assert {k: v.shape for k, v in p.items()} == {"W1": (4, 3), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)}
    assert _ex("layer_sizes").reference(*_ex("layer_sizes").fixed_cases[0].args) == (5, 4, 2)
    cost_case = _ex("compute_cost").fixed_cases[0]
    assert abs(_ex("compute_cost").reference(*cost_case.args) - 0.3405504) < 1e-6


def test_predict_case_has_an_exact_half_and_a_z2_between_0_and_half():
    ex = _ex("predict")
    from dlkit import shallow
    zs = [shallow.forward_propagation(c.args[1], c.args[0])[1]["Z2"] for c in ex.cases()]
    assert any((z == 0).any() for z in zs)
    assert any(((z > 0) & (z < 0.5)).any() for z in zs)
