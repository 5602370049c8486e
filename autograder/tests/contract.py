"""The contract every exercise entry keeps, as tests each week's test module binds to its exercises.

    from autograder.tests.contract import contract

    (test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
     test_enough_known_mistakes) = contract(EXERCISES)

1. the reference passes the visible and the hidden check;
2. every known mistake fails with its own hint (an answer exercise's wrong
   answer of the right form passes the visible check, which must not give the
   content away, and fails the hidden one);
3. there are at least ``min_mistakes`` known mistakes, with distinct names.

``python -m autograder selfcheck`` checks 1 and 2 again for the whole course.
"""
from __future__ import annotations

import pytest

from autograder.checker import run_checks


def _right(ex):
    return ex.reference() if ex.answer else ex.reference


def _id(x):
    return getattr(x, "id", None) or getattr(x, "name", "")


def contract(exercises, min_mistakes: int = 3):
    """The three contract tests, parametrised over ``exercises`` (a list of registry entries)."""
    exercises = list(exercises)
    if not exercises:
        raise ValueError("no exercises to test: is the week's exercise module registered?")

    @pytest.mark.parametrize("ex", exercises, ids=_id)
    def test_reference_passes_visible_and_hidden(ex):
        for hidden in (False, True):
            ok, msg = run_checks(ex, _right(ex), hidden=hidden)
            assert ok, msg

    @pytest.mark.parametrize("ex, mistake", [(e, m) for e in exercises for m in e.mistakes], ids=_id)
    def test_known_mistake_fails_with_its_hint(ex, mistake):
        if ex.answer:
            wrong = mistake.fn()
            ok, msg = run_checks(ex, wrong)
            assert ok, msg
            ok, msg = run_checks(ex, wrong, hidden=True)
        else:
            ok, msg = run_checks(ex, mistake.fn)
        assert not ok
        assert mistake.hint in msg

    @pytest.mark.parametrize("ex", exercises, ids=_id)
    def test_enough_known_mistakes(ex):
        assert len(ex.mistakes) >= min_mistakes
        assert len({m.name for m in ex.mistakes}) == len(ex.mistakes)

    return test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint, test_enough_known_mistakes
