"""What the answer exercises (quizzes and case-study decisions) share: form checks, wrong answers, registration.

An answer exercise (``Exercise(answer=True)``) grades a value the student wrote.
Its visible check only asks whether the answer has the right form, so that it
gives nothing away (``label_dict_form``, ``dict_form`` and its value checks);
its known mistakes are the right answer with a few values changed (``changed``,
``flipped``); ``answer_exercise`` registers one from its answer, form check and
``(name, wrong answer, hint)`` triples.
"""
from __future__ import annotations

import copy
from typing import Any, Callable, Optional

import numpy as np

from ..compare import describe
from ..registry import Exercise, Mistake, register


def label_dict_form(keys: list[str], allowed: tuple, what: str) -> Callable[[Any], Optional[str]]:
    """A form check: a dict with exactly ``keys``, every value one of ``allowed``.

    ``what`` names the labels in messages ("a label", "True or False").
    """
    choices = " or ".join(repr(a) for a in allowed) if len(allowed) <= 2 else \
        ", ".join(repr(a) for a in allowed[:-1]) + " or " + repr(allowed[-1])

    def label_check(v: Any) -> Optional[str]:
        if any(type(v) is type(a) and v == a for a in allowed) or (
                isinstance(v, np.bool_) and any(a is bool(v) for a in allowed)):
            return None
        hint = ""
        if isinstance(v, str) and any(isinstance(a, str) and a.lower() == v.strip().lower() for a in allowed):
            hint = " (check the spelling and the capitals)"
        elif isinstance(v, str) and any(isinstance(a, bool) for a in allowed):
            hint = " (write the Python value True or False, without quotes)"
        return f"is {v!r}, {describe(v)}: it must be {choices}{hint}"

    return dict_form({k: label_check for k in keys}, expected=f"a dict mapping each item of the template to {what}",
                     advice="keep the `{...}` of the template and only change the values",
                     if_missing="keep every item of the template, with its text exactly as given",
                     if_extra="keep the items exactly as the template spells them (did you edit or retype an item?)",
                     instead_of_none=choices)


# ------------------------------------------------------------- form checks of a dict of answers


def is_number(v: Any) -> bool:
    """A real number (Python or numpy), not a bool."""
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))


def dict_form(spec: dict, expected: Optional[str] = None,
              advice: str = "keep the template's `{...}` and replace each None",
              if_missing: str = "keep every key of the template as it is spelled",
              if_extra: str = "keep exactly the template's keys",
              instead_of_none: str = "your answer") -> Callable[[Any], Optional[str]]:
    """A form check: a dict with exactly the keys of ``spec``; ``spec[key](value)`` returns a problem or None.

    The other arguments word the messages: what was ``expected`` (default: a dict with
    the keys of ``spec``) and the ``advice`` when the answer is not a dict, what to do
    when a key is missing or another one added, and what to write instead of None.
    """
    expected = expected or f"a dict with the keys {list(spec)}"

    def form_check(value: Any) -> Optional[str]:
        if type(value) is not dict:
            return f"should be {expected}, got {describe(value)}; {advice}"
        missing = [k for k in spec if k not in value]
        if missing:
            return f"the key(s) {missing} are missing: {if_missing}"
        extra = sorted(str(k) for k in value if k not in spec)
        if extra:
            return f"unexpected key(s) {extra}: {if_extra}"
        for k, check in spec.items():
            if value[k] is None:
                return f"the value for {k!r} is still None: replace it with {instead_of_none}"
            problem = check(value[k])
            if problem:
                return f"the value for {k!r} {problem}"
        return None
    return form_check


def one_of(options) -> Callable[[Any], Optional[str]]:
    """A value check for ``dict_form``: one of the strings ``options``, copied exactly."""
    def check(v):
        if not isinstance(v, str) or v not in options:
            return f"is {v!r}: it must be one of {list(options)} (copied exactly)"
        return None
    return check


def rate_check(v) -> Optional[str]:
    """A value check for ``dict_form``: an error rate, a fraction between 0 and 1."""
    if not is_number(v):
        return f"should be a number, got {describe(v)}"
    if not 0 <= float(v) <= 1:
        return f"is {float(v):g}: an error rate here is a fraction between 0 and 1 (0.05 for 5 %)"
    return None


def count_check(v) -> Optional[str]:
    """A value check for ``dict_form``: a non-negative number of frames."""
    if not is_number(v) or float(v) < 0:
        return f"should be a non-negative number of frames, got {v!r}"
    return None


def bool_check(v) -> Optional[str]:
    """A value check for ``dict_form``: True or False."""
    if not isinstance(v, (bool, np.bool_)):
        hint = " (write True or False without quotes)" if isinstance(v, str) else ""
        return f"should be True or False, got {describe(v)}{hint}"
    return None


# ------------------------------------------------------------- wrong answers and registration


def _key(items: dict, part: str) -> str:
    """The one key of ``items`` that contains ``part``."""
    found = [k for k in items if part in k]
    if len(found) != 1:
        raise ValueError(f"{part!r} names {len(found)} keys of {list(items)}; it must name exactly one")
    return found[0]


def changed(items: dict, changes: dict) -> dict:
    """A copy of the answer dict ``items`` with new values; each key of ``changes`` is part of one key of ``items``."""
    out = dict(items)
    for part, value in changes.items():
        out[_key(items, part)] = value
    return out


def flipped(items: dict, *parts: str) -> dict:
    """A copy of the True/False answers ``items`` with the answers of the keys containing ``parts`` reversed."""
    return changed(items, {p: not items[_key(items, p)] for p in parts})


def answer_exercise(exercise_id: str, answer: Any, form_check: Callable[[Any], Optional[str]],
                    mistakes: list[tuple[str, Any, str]]) -> Exercise:
    """Register an answer exercise: the right ``answer``, its form check, and ``(name, wrong answer, hint)`` triples.

    Every call of ``reference()`` or of a mistake's ``fn()`` returns a fresh copy of its value.
    """
    def value(v: Any) -> Callable[[], Any]:
        return lambda: copy.deepcopy(v)

    return register(Exercise(
        id=exercise_id, reference=value(answer), fixed_cases=[], answer=True,
        outputs=exercise_id.split(".", 1)[1], form_check=form_check,
        mistakes=[Mistake(name, value(wrong), hint) for name, wrong, hint in mistakes]))
