"""check() and run_checks(): confirmation, failures with hints, student exceptions."""
import numpy as np
import pytest

from autograder import CheckFailed, check
from autograder.checker import run_checks
from autograder.registry import Case, Exercise, get


def test_reference_passes_with_one_line(capsys):
    from dlkit.logistic import propagate

    check("c1w2.propagate", propagate)
    out = capsys.readouterr()
    assert out.out.count("\n") == 1 and "propagate: all" in out.out and out.err == ""


def test_known_mistake_gets_its_hint_and_a_gradient_verdict():
    def propagate(w, b, X, Y):
        m = X.shape[1]
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
        cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
        return {"dw": X @ (A - Y).T, "db": float(np.sum(A - Y) / m)}, float(cost)

    with pytest.raises(CheckFailed) as info:
        check("c1w2.propagate", propagate)
    msg = str(info.value)
    assert "Hint: dw looks like it is missing the 1/m factor" in msg
    assert "Gradient check: dw disagrees with the numeric slope of your own cost" in msg


def test_not_implemented_and_student_exceptions():
    def stub(z):
        raise NotImplementedError()

    ok, msg = run_checks(get("c1w2.sigmoid"), stub)
    assert not ok and "not written yet" in msg

    def broken(z):
        return z.no_such_attribute

    ok, msg = run_checks(get("c1w2.sigmoid"), broken)
    assert not ok and "raised AttributeError" in msg and "in broken" in msg
    ok, msg = run_checks(get("c1w2.sigmoid"), "not a function")
    assert not ok and "should be a function" in msg


def test_student_cannot_mutate_the_cases():
    def vandal(yhat, y):
        yhat[:] = 0
        return float(np.sum(np.abs(y - yhat)))

    ex = get("c1w2.L1")
    before = [c.args[0].copy() for c in ex.cases()]
    run_checks(ex, vandal)
    after = [c.args[0] for c in ex.cases()]
    assert all(np.array_equal(a, b) for a, b in zip(before, after))


def test_cases_are_deterministic_and_hidden_differ():
    ex = get("c1w2.propagate")
    a, b = ex.cases(), ex.cases()
    assert all(np.array_equal(x.args[2], y.args[2]) for x, y in zip(a, b))
    h = ex.cases(hidden=True)
    assert len(h) > len(a) - 1
    assert not any(np.array_equal(x.args[2], y.args[2]) for x in a for y in h if x.args[2].shape == y.args[2].shape)


def test_unknown_exercise_lists_neighbours():
    with pytest.raises(KeyError, match="known in c1w2: .*c1w2.propagate"):
        get("c1w2.propogate")


def test_extra_check_and_registry_duplicates(monkeypatch):
    from autograder import registry
    from autograder.registry import register

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))  # the test's entry does not outlive it

    ex = Exercise(id="test.double", reference=lambda x: 2 * x, fixed_cases=[Case((1.0,))],
                  extra_check=lambda out, case: None if out > 0 else "must be positive")
    assert run_checks(ex, lambda x: 2 * x)[0]
    register(ex)
    with pytest.raises(ValueError, match="registered twice"):
        register(Exercise(id="test.double", reference=lambda x: x, fixed_cases=[]))


def test_answer_exercises_check_form_visibly_and_content_hidden():
    ex = Exercise(id="test.quiz", reference=lambda: ["a", "b"], fixed_cases=[], answer=True,
                  outputs="answers",
                  form_check=lambda v: None if isinstance(v, list) and all(x in ("a", "b") for x in v)
                  else "give a list of 'a' / 'b'")
    assert run_checks(ex, ["b", "b"])[0]  # right form, wrong content: the visible check passes
    ok, msg = run_checks(ex, ["b", "b"], hidden=True)
    assert not ok and "this answer is not right" in msg and "expected" not in msg
    assert run_checks(ex, ["a", "b"], hidden=True)[0]
    ok, msg = run_checks(ex, "a")
    assert not ok and "give a list" in msg


def test_answer_dicts_name_the_wrong_items_and_hints():
    from autograder.registry import Mistake

    ex = Exercise(id="test.quiz2", reference=lambda: {"audio": "unstructured", "table": "structured"},
                  fixed_cases=[], answer=True, outputs="kinds",
                  mistakes=[Mistake("all_structured", lambda: {"audio": "structured", "table": "structured"},
                                    "audio, images and text are unstructured")])
    ok, msg = run_checks(ex, {"audio": "structured", "table": "structured"}, hidden=True)
    assert not ok and "1 of 2 answers are not right: 'audio'" in msg
    assert "Hint: audio, images and text are unstructured" in msg and "expected" not in msg


def test_a_class_exercise_is_called_through_its_driver():
    """Layer classes are graded by a driver that builds the object and returns plain values."""
    from autograder.checker import run_checks
    from autograder.registry import Case, Exercise, Mistake

    class Scale:
        def __init__(self, k):
            self.k = k

        def forward(self, x):
            return self.k * x

    class Wrong(Scale):
        def forward(self, x):
            return self.k + x

    def drive(cls):
        return lambda k, x: cls(k).forward(np.asarray(x))

    ex = Exercise(id="test.Scale", reference=Scale, fixed_cases=[Case((2.0, [1.0, 3.0]))], driver=drive,
                  mistakes=[Mistake("adds", Wrong, "multiply by k, do not add it.")])
    assert run_checks(ex, Scale) == (True, "Scale: all 1 visible cases pass.")
    ok, msg = run_checks(ex, Wrong)
    assert not ok and "multiply by k, do not add it." in msg
