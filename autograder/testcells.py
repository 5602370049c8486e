"""What a graded test cell checks, read from the (trusted) source notebook.

Every graded test cell holds only calls ``check("<exercise id>", <function name>)``,
optionally with ``hidden=True`` (inside the hidden-tests block). The grader reads
those calls from the source notebook, never from a submission, so editing or
deleting a test cell changes nothing about what is graded.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass


class TestCellError(ValueError):
    """A test cell that is not a sequence of check(...) calls."""


@dataclass(frozen=True)
class CheckCall:
    exercise_id: str
    function: str
    hidden: bool


def parse_checks(source: str) -> list[CheckCall]:
    """The ``check`` calls of a test cell, in order; TestCellError for anything else."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise TestCellError(f"test cell does not parse: {exc}") from None
    calls = []
    for node in tree.body:
        call = node.value if isinstance(node, ast.Expr) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "check"):
            raise TestCellError(f"line {node.lineno}: test cells may hold only check(\"<id>\", <function>) calls")
        if (len(call.args) != 2 or not isinstance(call.args[0], ast.Constant)
                or not isinstance(call.args[0].value, str) or not isinstance(call.args[1], ast.Name)):
            raise TestCellError(f"line {node.lineno}: write check(\"<exercise id>\", <function name>)")
        hidden = False
        for kw in call.keywords:
            if kw.arg != "hidden" or not isinstance(kw.value, ast.Constant) or not isinstance(kw.value.value, bool):
                raise TestCellError(f"line {node.lineno}: the only keyword of check is hidden=True/False")
            hidden = kw.value.value
        calls.append(CheckCall(call.args[0].value, call.args[1].id, hidden))
    if not calls:
        raise TestCellError("a test cell needs at least one check(...) call")
    return calls
