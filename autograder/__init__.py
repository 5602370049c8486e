"""The Deep Learning Companion's autograder.

In a notebook: ``from autograder import check`` then ``check("c1w2.propagate", propagate)``.
From a shell: ``python -m autograder --help`` (list, release, grade, check, selfcheck).
"""
from __future__ import annotations

from .checker import CheckFailed, check

__all__ = ["check", "CheckFailed"]


def _short_failure(shell, etype, value, tb, tb_offset=None):
    """Show a failed check as its message alone, not a traceback through the autograder.

    IPython does not display what a custom handler returns, so the handler
    sends the error itself (as an ``error`` output, which nbgrader scores as a failure).
    """
    stb = [f"\x1b[0;31m\u2718 {etype.__name__}\x1b[0m: {value}"]
    shell._showtraceback(etype, value, stb)
    return stb


def _install_ipython_handler() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((CheckFailed,), _short_failure)


_install_ipython_handler()
