"""Every Course 1 Week 2 exercise: the reference passes, each known mistake fails with its hint."""
import pytest

from autograder.checker import run_checks
from autograder.registry import all_exercises

C1W2 = [e for e in all_exercises() if e.id.startswith("c1w2.")]
NAMES = ["sigmoid", "sigmoid_derivative", "image2vector", "normalize_rows", "softmax", "L1", "L2",
         "initialize_with_zeros", "propagate", "optimize", "predict", "model"]


def test_every_graded_function_is_registered():
    assert sorted(e.name for e in C1W2) == sorted(NAMES)


@pytest.mark.parametrize("ex", C1W2, ids=lambda e: e.id)
def test_reference_passes_visible_and_hidden(ex):
    for hidden in (False, True):
        ok, msg = run_checks(ex, ex.reference, hidden=hidden)
        assert ok, msg


@pytest.mark.parametrize("ex, mistake", [(e, m) for e in C1W2 for m in e.mistakes],
                         ids=lambda x: getattr(x, "id", None) or getattr(x, "name", ""))
def test_known_mistake_fails_with_its_hint(ex, mistake):
    ok, msg = run_checks(ex, mistake.fn)
    assert not ok
    assert mistake.hint in msg


@pytest.mark.parametrize("ex", C1W2, ids=lambda e: e.id)
def test_at_least_three_known_mistakes(ex):
    assert len(ex.mistakes) >= 3
