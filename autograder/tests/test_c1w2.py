"""Every Course 1 Week 2 exercise: the reference passes, each known mistake fails with its hint."""

from autograder.tests.contract import contract
from autograder.tests.notebook_checks import notebook_exercises

C1W2 = notebook_exercises("course1/week2/numpy_basics.ipynb") + notebook_exercises(
    "course1/week2/logistic_regression.ipynb")

(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C1W2)

