"""Course 2 Week 3 (tuning_and_batch_norm): the reference passes, each known mistake fails with its hint."""
import json

import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.compare import same
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises

C2W3 = notebook_exercises("course2/week3/tuning_and_batch_norm.ipynb")


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C2W3)


@pytest.mark.parametrize("ex, mistake", [(e, m) for e in C2W3 for m in e.mistakes],
                         ids=lambda x: getattr(x, "id", None) or getattr(x, "name", ""))
def test_known_mistake_fails_the_hidden_check_too(ex, mistake):
    ok, _ = run_checks(ex, mistake.fn, hidden=True)
    assert not ok


@pytest.mark.parametrize("ex", C2W3, ids=lambda e: e.id)
def test_every_case_crosses_the_wire_as_plain_data(ex):
    """The sandboxed grader sends cases to the student's kernel as JSON: no generators, no functions."""
    from autograder import wire

    def plain(value):
        if isinstance(value, wire.Opaque):
            return False
        if isinstance(value, (list, tuple)):
            return all(plain(v) for v in value)
        if isinstance(value, dict):
            return all(plain(v) for v in value.values())
        return True

    for hidden in (False, True):
        for case in ex.cases(hidden):
            args = wire.decode(json.loads(json.dumps(wire.encode(tuple(case.args)))))
            kwargs = wire.decode(json.loads(json.dumps(wire.encode(dict(case.kwargs)))))
            assert plain(args) and plain(kwargs), f"{case.label}: {args!r} {kwargs!r}"
            got = ex.prepare(ex.reference)(*args, **kwargs)
            assert same(got, ex.prepare(ex.reference)(*case.args, **case.kwargs)), case.label


# ------------------------------------------------------------------ worked numbers of the notes

def test_softmax_of_the_lecture_example():
    ex = get("c2w3.softmax")
    z = ex.fixed_cases[0].args[0]
    np.testing.assert_array_equal(z.ravel(), [5, 2, -1, 3])
    np.testing.assert_allclose(ex.reference(z).ravel(), [0.842, 0.042, 0.002, 0.114], atol=5e-4)


def test_two_class_softmax_is_the_sigmoid():
    from dlkit.activations import sigmoid

    z = np.linspace(-6, 6, 13)
    A = get("c2w3.softmax").reference(np.vstack([z, np.zeros_like(z)]))
    np.testing.assert_allclose(A[0], sigmoid(z), rtol=1e-12)


def test_cross_entropy_of_the_lecture_example():
    ex = get("c2w3.softmax_cross_entropy")
    cost, dZ = ex.reference(*ex.fixed_cases[0].args)
    assert cost == pytest.approx(-np.log(0.0420), abs=2e-3)
    assert cost == pytest.approx(3.1719354, abs=1e-6)
    np.testing.assert_allclose(dZ.ravel(), [0.842, 0.042 - 1, 0.002, 0.114], atol=5e-4)


def test_cross_entropy_of_the_confident_case_is_exact():
    ex = get("c2w3.softmax_cross_entropy")
    cost, dZ = ex.reference(*ex.fixed_cases[2].args)
    assert cost == pytest.approx(400.0)            # (0 + 800) / 2
    np.testing.assert_allclose(dZ, [[0.0, 0.5], [0.0, -0.5]], atol=1e-12)


def test_one_hot_of_the_lecture_classes():
    ex = get("c2w3.one_hot")
    Y = ex.reference(*ex.fixed_cases[0].args)
    np.testing.assert_array_equal(Y, [[0, 1, 0], [1, 0, 0], [0, 0, 0], [0, 0, 1]])


def test_uniform_mistake_hint_states_the_decade_counts():
    hint = next(m.hint for m in get("c2w3.sample_log_uniform").mistakes if m.name == "uniform")
    assert "91%" in hint and "about 500" in hint


def test_log_uniform_case_has_about_500_per_decade():
    from dlkit.tuning import decade_counts

    ex = get("c2w3.sample_log_uniform")
    case = ex.fixed_cases[1]
    counts = decade_counts(ex.prepare(ex.reference)(*case.args), 1e-4, 1.0)
    assert counts.sum() == 2000 and np.all(np.abs(counts - 500) < 60), counts


def test_batchnorm_cases_cover_both_modes_and_a_tiny_variance():
    cases = get("c2w3.batchnorm_forward").fixed_cases
    assert [c.kwargs.get("mode", "train") for c in cases] == ["train", "test", "train"]
    assert cases[1].args[0].shape[1] == 1
    assert cases[2].args[0][1].var() < 1e-5


# ------------------------------------------------------------------ the gradient checks

def test_batchnorm_gradcheck_passes_the_reference_in_both_modes():
    ex = get("c2w3.batchnorm_backward")
    for case in ex.fixed_cases:
        verdict = ex.gradcheck(ex.reference, case)
        assert "match" in verdict, verdict


def test_batchnorm_gradcheck_names_the_wrong_gradient():
    ex = get("c2w3.batchnorm_backward")

    def bad(dZ_tilde, cache):
        dZ, dgamma, dbeta = ex.reference(dZ_tilde, cache)
        return dZ, dgamma, -dbeta

    verdict = ex.gradcheck(bad, ex.fixed_cases[0])
    assert "dbeta has the wrong sign" in verdict and "dZ" not in verdict and "dgamma" not in verdict
    ok, msg = run_checks(ex, bad)
    assert not ok and "Gradient check: dbeta has the wrong sign" in msg


def test_batchnorm_gradcheck_explains_constant_statistics():
    ex = get("c2w3.batchnorm_backward")
    mistake = next(m for m in ex.mistakes if m.name == "ignores_batch_statistics")
    verdict = ex.gradcheck(mistake.fn, ex.fixed_cases[0])
    assert "treats mu and sigma^2 as constants" in verdict


def test_cross_entropy_gradcheck():
    ex = get("c2w3.softmax_cross_entropy")
    case = ex.fixed_cases[1]
    assert "matches" in ex.gradcheck(ex.reference, case)
    mistake = next(m for m in ex.mistakes if m.name == "grad_no_1_over_m")
    assert "missing a 1/m" in ex.gradcheck(mistake.fn, case)
    mistake = next(m for m in ex.mistakes if m.name == "grad_sign")
    assert "wrong sign" in ex.gradcheck(mistake.fn, case)


# ------------------------------------------------------------------ course-style solutions pass

def _course_style_softmax_cross_entropy(Z, Y):
    m = Z.shape[1]
    shifted = Z - Z.max(axis=0, keepdims=True)
    log_A = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    cost = -np.sum(Y * log_A) / m
    dZ = (np.exp(log_A) - Y) / m
    return cost, dZ


def _course_style_random_search(objective, ranges, n_trials=20, n_rounds=2, shrink=0.25, rng=None):
    from dlkit.tuning import sample_log_uniform

    trials = []
    for k in range(1, n_rounds + 1):
        values = {name: sample_log_uniform(low, high, n_trials, rng) for name, (low, high) in ranges.items()}
        for i in range(n_trials):
            params = {name: values[name][i] for name in ranges}
            trials.append({"round": k, "params": params, "cost": objective(params)})
        if k < n_rounds:
            costs = np.array([t["cost"] for t in trials])
            best = trials[int(np.argmin(costs))]["params"]
            new_ranges = {}
            for name, (low, high) in ranges.items():
                a, b, c = np.log10(low), np.log10(high), np.log10(best[name])
                half = shrink * (b - a) / 2
                new_ranges[name] = (10 ** max(a, c - half), 10 ** min(b, c + half))
            ranges = new_ranges
    return trials


def _exp_log_sampler(low, high, n, rng):
    return np.exp(rng.uniform(np.log(low), np.log(high), size=n))


@pytest.mark.parametrize("exercise_id, fn", [
    ("c2w3.softmax_cross_entropy", _course_style_softmax_cross_entropy),
    ("c2w3.random_search", _course_style_random_search),
    ("c2w3.sample_log_uniform", _exp_log_sampler),
])
def test_a_course_style_solution_passes(exercise_id, fn):
    ok, msg = run_checks(get(exercise_id), fn, hidden=True)
    assert ok, msg


def test_ids_do_not_clash_with_the_framework_notebook():
    assert not {"c2w3.Dense", "c2w3.ReLU", "c2w3.SoftmaxCrossEntropy", "c2w3.Sequential", "c2w3.Adam"} & {
        e.id for e in C2W3}
