"""Course 2 Week 1 practical aspects: every exercise registered, the reference passes, each mistake gets its hint."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises

EXERCISES = notebook_exercises("course2/week1/practical_aspects.ipynb")


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(EXERCISES)


def test_notes_worked_numbers():
    split = get("c2w1.split_sizes")
    labels = " ".join(c.label for c in split.fixed_cases)
    for text in ("70/30", "60/20/20", "980,000 / 10,000 / 10,000", "99.5/0.25/0.25"):
        assert text in labels
    assert split.reference(1_000_000) == (980_000, 10_000, 10_000)
    assert split.reference(1_000_000, (0.98, 0.01, 0.01)) == (980_000, 10_000, 10_000)
    assert split.reference(1_000, (0.7, 0.3)) == (700, 300)
    assert split.reference(10_000, (0.6, 0.2, 0.2)) == (6_000, 2_000, 2_000)
    assert split.reference(4_000_000, (0.995, 0.0025, 0.0025)) == (3_980_000, 10_000, 10_000)

    diag = get("c2w1.diagnose_bias_variance").reference
    assert [diag(t, d) for t, d in [(1, 11), (15, 16), (15, 30), (0.5, 1)]] == [
        (False, True), (True, False), (True, True), (False, False)]
    assert diag(15, 16, bayes_error=15) == (False, False)
    cases = get("c2w1.diagnose_bias_variance").fixed_cases
    assert any(c.kwargs.get("bayes_error") == 15.0 and c.args == (15.0, 16.0) for c in cases)

    recipe = get("c2w1.basic_recipe").reference
    assert [recipe(*diag(t, d)) for t, d in [(1, 11), (15, 16), (15, 30), (0.5, 1)]] == [
        "reduce variance", "reduce bias", "reduce bias", "done"]

    norm = get("c2w1.normalize_inputs")
    X, Xt = norm.fixed_cases[0].args
    _, _, mu, sigma = norm.reference(X, Xt)
    np.testing.assert_allclose(mu.ravel(), [3.0, 0.5])
    np.testing.assert_allclose((sigma ** 2).ravel(), [3.5, 0.125])


# ------------------------------------------------------------------ solutions a student would write

def _student_split_sizes(m, fractions=None):
    if fractions is None:
        if m <= 10000:
            fractions = [0.6, 0.2, 0.2]
        elif m <= 1000000:
            fractions = [0.98, 0.01, 0.01]
        else:
            fractions = [0.995, 0.0025, 0.0025]
    others = [round(f * m) for f in fractions[1:]]
    return tuple([m - sum(others)] + others)


def _student_diagnose(train_error, dev_error, bayes_error=0.0, tolerance=2.0):
    avoidable_bias = train_error - bayes_error
    variance = dev_error - train_error
    return avoidable_bias > tolerance, variance > tolerance


def _student_recipe(high_bias, high_variance):
    if high_bias:
        return "reduce bias"
    elif high_variance:
        return "reduce variance"
    return "done"


def _student_normalize(X_train, X_test):
    m = X_train.shape[1]
    mu = np.sum(X_train, axis=1, keepdims=True) / m
    X_train = X_train - mu
    sigma2 = np.sum(X_train ** 2, axis=1, keepdims=True) / m
    sigma = np.sqrt(sigma2)
    return X_train / sigma, (X_test - mu) / sigma, mu, sigma


@pytest.mark.parametrize("name, fn", [("split_sizes", _student_split_sizes),
                                      ("diagnose_bias_variance", _student_diagnose),
                                      ("basic_recipe", _student_recipe),
                                      ("normalize_inputs", _student_normalize)])
def test_course_style_solutions_pass(name, fn):
    for hidden in (False, True):
        ok, msg = run_checks(get(f"c2w1.{name}"), fn, hidden=hidden)
        assert ok, msg


def test_random_cases_avoid_rounding_ties_and_tolerance_edges():
    for ex_id in ("c2w1.split_sizes", "c2w1.diagnose_bias_variance"):
        ex = get(ex_id)
        rng = np.random.default_rng(0)
        for _ in range(200):
            case = ex.random_case(rng)
            if ex_id == "c2w1.split_sizes" and len(case.args) == 2:
                m, fractions = case.args
                assert all(abs((f * m) % 1 - 0.5) > 1e-3 for f in fractions[1:])
            if ex_id == "c2w1.diagnose_bias_variance":
                train, dev, bayes, *tol = case.args
                tol = tol[0] if tol else 2.0
                assert abs(train - bayes - tol) > 0.05 and abs(dev - train - tol) > 0.05
                assert ex.reference(*case.args) == _student_diagnose(*case.args)


def test_rank1_statistics_are_reported_as_a_shape_problem():
    def rank1(X_train, X_test):
        mu = X_train.mean(axis=1)
        sigma = X_train.std(axis=1)
        return (X_train.T - mu).T / sigma[:, None], (X_test.T - mu).T / sigma[:, None], mu, sigma

    ok, msg = run_checks(get("c2w1.normalize_inputs"), rank1)
    assert not ok and "rank-1" in msg and "`mu`" in msg


def test_bad_input_messages_of_the_references():
    with pytest.raises(ValueError, match="summing to 1"):
        get("c2w1.split_sizes").reference(100, (0.5, 0.4))
    with pytest.raises(ValueError, match="cannot be below the Bayes error"):
        get("c2w1.diagnose_bias_variance").reference(1.0, 2.0, 5.0)
    with pytest.raises(ValueError, match="True or False"):
        get("c2w1.basic_recipe").reference("yes", False)
    with pytest.raises(ValueError, match="constant"):
        get("c2w1.normalize_inputs").reference(np.ones((1, 3)), np.ones((1, 2)))
