"""Every exercise of the regularisation notebook: the reference passes, each known mistake fails with its hint."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.exercises import _gradients
from autograder.exercises.c2w1_regularization import HAND_COST
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises

EXERCISES = notebook_exercises("course2/week1/regularization.ipynb")


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(EXERCISES)


def test_the_hand_computation_is_the_fixed_cost_case():
    ex = get("c2w1.compute_cost_with_regularization")
    case = ex.fixed_cases[0]
    assert HAND_COST == pytest.approx(0.8797765635793422, abs=1e-15)
    assert ex.reference(*case.args) == pytest.approx(0.8797765635793422, abs=1e-12)
    assert "0.8797765635793422" in case.label


# ------------------------------------------------------- course-style solutions

def _course_cost(A3, Y, parameters, lambd):
    m = Y.shape[1]
    logprobs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cross_entropy = 1. / m * np.nansum(logprobs)
    l2 = lambd / (2 * m) * sum(np.sum(np.square(parameters[k])) for k in ("W1", "W2", "W3"))
    return cross_entropy + l2


def _course_forward_dropout(X, parameters, keep_prob=0.5, seed=1):
    """Global np.random.seed and integer masks, as the course writes it."""
    np.random.seed(seed)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = np.maximum(0, Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = np.maximum(0, Z2)
    D2 = (np.random.rand(A2.shape[0], A2.shape[1]) < keep_prob).astype(int)
    A2 = A2 * D2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = 1 / (1 + np.exp(-Z3))
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def _course_backward_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3) * D2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2) * D1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@pytest.mark.parametrize("name, fn", [("compute_cost_with_regularization", _course_cost),
                                      ("forward_propagation_with_dropout", _course_forward_dropout),
                                      ("backward_propagation_with_dropout", _course_backward_dropout)])
def test_a_course_style_solution_passes(name, fn):
    ok, msg = run_checks(get(f"c2w1.{name}"), fn, hidden=True)
    assert ok, msg


# ------------------------------------------------------------ gradient checks

@pytest.mark.parametrize("name", ["backward_propagation_with_regularization", "backward_propagation_with_dropout"])
def test_gradient_check_passes_the_reference(name):
    ex = get(f"c2w1.{name}")
    for case in ex.fixed_cases + ex.cases(hidden=True)[:2]:
        verdict = ex.gradcheck(ex.reference, case)
        assert "matches the numeric slopes" in verdict, verdict


@pytest.mark.parametrize("mistake, expected", [
    ("half_lambda", "each has (lambd / (2m)) * W"),
    ("regularise_b", 'gradients["db1"], gradients["db2"] and gradients["db3"] each has an L2 term'),
    ("no_m", "each has lambd * W"),
    ("sign", "subtracts the L2 term"),
])
def test_l2_gradient_check_names_the_mistake(mistake, expected):
    ex = get("c2w1.backward_propagation_with_regularization")
    fn = next(m.fn for m in ex.mistakes if m.name == mistake)
    ok, msg = run_checks(ex, fn)
    assert not ok and "Gradient check:" in msg and expected in msg, msg


def test_l2_gradient_check_names_a_missing_term_and_a_missing_1_over_m():
    ex = get("c2w1.backward_propagation_with_regularization")
    case = ex.fixed_cases[0]
    X = case.args[0]

    def no_l2(X_, Y_, cache, lambd):
        return ex.reference(X_, Y_, cache, 0.0)

    assert 'gradients["dW1"], gradients["dW2"] and gradients["dW3"] each has no L2 term' in ex.gradcheck(no_l2, case)

    def db_times_m(*args):
        grads = ex.reference(*args)
        grads["db2"] = grads["db2"] * X.shape[1]
        return grads

    verdict = ex.gradcheck(db_times_m, case)
    assert 'gradients["db2"] is m = 5 times the numeric slope: it is missing a 1/m' in verdict
    assert "dW" not in verdict


@pytest.mark.parametrize("mistake, expected", [
    ("no_rescale", "is the numeric slope times keep_prob"),
    ("rescale_twice", "divided by keep_prob"),
    ("no_mask", "non-zero where the forward pass shut a unit off"),
    ("layer2_only", "gradients['dA1'] is non-zero where the forward pass shut a unit off"),
])
def test_dropout_gradient_check_names_the_mistake(mistake, expected):
    ex = get("c2w1.backward_propagation_with_dropout")
    fn = next(m.fn for m in ex.mistakes if m.name == mistake)
    ok, msg = run_checks(ex, fn)
    assert not ok and "Gradient check:" in msg and expected in msg, msg


def test_a_new_mask_in_the_backward_pass_is_caught():
    """A student who draws fresh masks in the backward pass: random gradients, caught by calling twice."""
    ex = get("c2w1.backward_propagation_with_dropout")

    def new_mask(X, Y, cache, keep_prob):
        cache = list(cache)
        cache[1] = np.random.rand(*np.shape(cache[1])) < keep_prob
        cache[6] = np.random.rand(*np.shape(cache[6])) < keep_prob
        return ex.reference(X, Y, tuple(cache), keep_prob)

    ok, msg = run_checks(ex, new_mask)
    assert not ok
    assert "draws new random numbers" in msg and "Reuse the masks D1 and D2" in msg


def test_the_dropout_gradient_check_holds_the_masks_fixed():
    """The check's cost uses the cache's masks: the reference's gradients match it to numeric precision."""
    ex = get("c2w1.backward_propagation_with_dropout")
    case = ex.fixed_cases[0]
    X, Y, cache, keep_prob = case.args
    D1, D2 = cache[1], cache[6]
    assert not D1.all() and not D2.all()        # some units really are dropped in this case
    assert "matches the numeric slopes" in ex.gradcheck(ex.reference, case)


# ---------------------------------------------------------------- bad inputs

@pytest.mark.parametrize("name, args, pattern", [
    ("forward_propagation_with_dropout", lambda c: (c.args[0], c.args[1], 0.0, 1), "`keep_prob`"),
    ("backward_propagation_with_regularization", lambda c: c.args[:3] + (-1.0,), "`lambd`"),
    ("backward_propagation_with_dropout", lambda c: (c.args[0], c.args[1], c.args[2][:12], c.args[3]), "14-tuple"),
])
def test_references_reject_bad_inputs(name, args, pattern):
    ex = get(f"c2w1.{name}")
    with pytest.raises(ValueError, match=pattern):
        ex.reference(*args(ex.fixed_cases[0]))


# ---------------------------------------------------- the shared gradient helper

def test_gradients_helper_phrases():
    numeric = np.array([[1.0, -2.0], [0.5, 3.0]])
    assert _gradients.phrase(numeric * (1 + 1e-9), numeric) is None
    assert "missing a 1/m" in _gradients.phrase(numeric * 4, numeric, m=4)
    assert "1/m too many" in _gradients.phrase(numeric / 4, numeric, m=4)
    assert _gradients.phrase(-numeric, numeric) == "has the wrong sign"
    assert _gradients.phrase(numeric * 2, numeric) == "is 2 times the numeric slope"
    assert _gradients.phrase(numeric + 1, numeric, alternatives=[(numeric + 1, "is off by one")]) == "is off by one"
    assert "has 3 entries but should have 4" in _gradients.phrase(np.zeros(3), numeric)
    assert _gradients.phrase(numeric.ravel(), numeric) is None          # same entries, other shape: compared
    assert _gradients.verdict("dW", numeric * 2, numeric) == "dW is 2 times the numeric slope"


def test_gradients_helper_summary_groups_equal_findings():
    text = _gradients.summary([("dW1", "has no L2 term"), ("db1", None), ("dW2", "has no L2 term"), "db2 is odd"],
                              "all right")
    assert text == "dW1 and dW2 each has no L2 term; db2 is odd."
    assert _gradients.summary([None, ("dW1", None)], "all right") == "all right"


def test_numeric_slopes_restore_the_arrays():
    W = np.array([[1.0, 2.0]])
    slopes = _gradients.numeric_slopes(lambda: float(np.sum(W ** 2)), {"W": W})
    np.testing.assert_allclose(slopes["W"], 2 * W, rtol=1e-8)
    np.testing.assert_array_equal(W, [[1.0, 2.0]])
