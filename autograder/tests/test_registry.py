"""The registry and the notebooks agree: every check() call names a registered exercise,
and every registered exercise is checked by a notebook (its visible and its hidden check)."""
from collections import Counter

import pytest

from autograder.registry import all_exercises
from autograder.tests.notebook_checks import check_calls, checked_ids, course_notebooks, notebook_exercises


def test_the_course_notebooks_are_found():
    assert len(course_notebooks()) >= 15
    assert "course1/week2/logistic_regression.ipynb" in course_notebooks()


@pytest.mark.parametrize("notebook", course_notebooks())
def test_every_check_call_names_a_registered_exercise(notebook):
    registered = {e.id for e in all_exercises()}
    unknown = [i for i in checked_ids(notebook) if i not in registered]
    assert not unknown, f"{notebook} checks exercises the registry does not know: {unknown}"


def test_every_registered_exercise_is_checked_by_exactly_one_notebook():
    where = Counter(i for nb in course_notebooks() for i in checked_ids(nb))
    registered = [e.id for e in all_exercises()]
    assert [i for i in registered if where[i] == 0] == [], "registered but checked by no notebook"
    assert [i for i in registered if where[i] > 1] == [], "checked by more than one notebook"


def test_every_checked_exercise_gets_a_visible_and_a_hidden_check():
    """The grader needs both: the visible check for the student, the hidden one for the grade."""
    for nb in course_notebooks():
        calls = check_calls(nb)
        for i in checked_ids(nb):
            assert sorted(c.hidden for c in calls if c.exercise_id == i) == [False, True], (nb, i)


def test_a_week_test_gets_its_exercises_from_the_notebook():
    exercises = notebook_exercises("course2/week3/building_a_framework.ipynb")
    assert [e.id for e in exercises][:2] == ["c2w3.Dense", "c2w3.ReLU"]
    assert all(e.driver is not None for e in exercises)


def test_notebook_exercises_names_a_wrong_path():
    with pytest.raises(FileNotFoundError):
        notebook_exercises("course9/week9/nothing.ipynb")
