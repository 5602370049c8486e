"""Form checks shared by the answer exercises (quizzes and case-study decisions).

An answer exercise (``Exercise(answer=True)``) grades a value the student wrote.
Its visible check only asks whether the answer has the right form, so that it
gives nothing away; these helpers build such form checks.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import numpy as np

from ..compare import describe


def label_dict_form(keys: list[str], allowed: tuple, what: str) -> Callable[[Any], Optional[str]]:
    """A form check: a dict with exactly ``keys``, every value one of ``allowed``.

    ``what`` names the labels in messages ("a label", "True or False").
    """
    choices = " or ".join(repr(a) for a in allowed) if len(allowed) <= 2 else \
        ", ".join(repr(a) for a in allowed[:-1]) + " or " + repr(allowed[-1])

    def form_check(value: Any) -> Optional[str]:
        if type(value) is not dict:
            return (f"should be a dict mapping each item of the template to {what}, got {describe(value)}; "
                    "keep the `{...}` of the template and only change the values")
        missing = [k for k in keys if k not in value]
        if missing:
            return (f"the key(s) {missing} are missing: keep every item of the template, "
                    "with its text exactly as given")
        extra = sorted(str(k) for k in value if k not in keys)
        if extra:
            return (f"unexpected key(s) {extra}: keep the items exactly as the template spells them "
                    "(did you edit or retype an item?)")
        for k in keys:
            v = value[k]
            if v is None:
                return f"the value for {k!r} is still None: replace it with {choices}"
            if not any(type(v) is type(a) and v == a for a in allowed) and not (
                    isinstance(v, np.bool_) and any(a is bool(v) for a in allowed)):
                hint = ""
                if isinstance(v, str) and any(isinstance(a, str) and a.lower() == v.strip().lower()
                                              for a in allowed):
                    hint = " (check the spelling and the capitals)"
                elif isinstance(v, str) and any(isinstance(a, bool) for a in allowed):
                    hint = " (write the Python value True or False, without quotes)"
                return f"the value for {k!r} is {v!r}, {describe(v)}: it must be {choices}{hint}"
        return None

    return form_check
