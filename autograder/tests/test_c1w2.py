"""Every Course 1 Week 2 exercise: the reference passes, each known mistake fails with its hint."""

from autograder.tests.contract import contract
from autograder.registry import all_exercises

C1W2 = [e for e in all_exercises() if e.id.startswith("c1w2.")]
NAMES = ["sigmoid", "sigmoid_derivative", "image2vector", "normalize_rows", "softmax", "L1", "L2",
         "initialize_with_zeros", "propagate", "optimize", "predict", "model"]


def test_every_graded_function_is_registered():
    assert sorted(e.name for e in C1W2) == sorted(NAMES)


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C1W2)

