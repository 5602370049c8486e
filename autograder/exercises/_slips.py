"""Known mistakes as the reference with one slip, not as copies of it.

Most slips happen either before the right computation (it is called on the wrong
inputs: a lambda that passes them on is the mistake) or after it (one output is
computed wrongly). ``then`` writes the second kind:

    Mistake("percent", then(strategy.precision_recall_f1, lambda out, *_: tuple(100 * v for v in out)), hint)
"""
from __future__ import annotations

from typing import Any, Callable


def then(reference: Callable, slip: Callable[..., Any]) -> Callable:
    """``reference``, then ``slip(output, *args, **kwargs)``, which returns the wrong output."""
    def with_slip(*args, **kwargs):
        return slip(reference(*args, **kwargs), *args, **kwargs)
    return with_slip

