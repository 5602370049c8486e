"""Which of a notebook's graded functions a student's function calls.

When ``optimize`` fails because the ``propagate`` it calls is wrong, the useful
message is "fix `propagate` first". Both sides of checking need the call graph:

- in the student's kernel, ``graded_callees(exercise_id, fn)`` reads the global
  names that ``fn``'s code uses (every method, for a class) and keeps those that
  are graded exercises of the same week, bound in ``fn``'s module globals;
- in the grader, which never runs student code in its own process,
  ``names_called_in_source(sources, name)`` finds the same names by parsing the
  student's cells.

The call graph only adds a sentence to a failure; it never changes a score.
"""
from __future__ import annotations

import ast
import sys
import types
from typing import Callable, Iterable

from .registry import get


def _code_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _names_used(fn) -> set[str]:
    if isinstance(fn, type):
        names = set()
        for value in vars(fn).values():
            value = getattr(value, "__func__", value)
            if isinstance(value, types.FunctionType):
                names |= _code_names(value.__code__)
        return names
    code = getattr(fn, "__code__", None)
    return _code_names(code) if isinstance(code, types.CodeType) else set()


def _is_exercise(exercise_id: str) -> bool:
    try:
        get(exercise_id)
    except KeyError:
        return False
    return True


def graded_callees(exercise_id: str, fn: Callable) -> list[tuple[str, object]]:
    """``(exercise id, student's function)`` for each graded function of the same week that ``fn`` uses."""
    week, own = exercise_id.split(".", 1)
    if isinstance(fn, type):
        namespace = vars(sys.modules.get(fn.__module__, types.ModuleType("none")))
    else:
        namespace = getattr(fn, "__globals__", None) or {}
    found = []
    for name in sorted(_names_used(fn)):
        if name == own or not callable(namespace.get(name)):
            continue
        if _is_exercise(f"{week}.{name}"):
            found.append((f"{week}.{name}", namespace[name]))
    return found


def names_called_in_source(sources: Iterable[str], name: str) -> set[str]:
    """Names used inside the last definition of function or class ``name`` in the student's cells.

    Cells that do not parse are skipped (the kernel reported them already).
    """
    definition = None
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
                definition = node
    if definition is None:
        return set()
    return {n.id for n in ast.walk(definition) if isinstance(n, ast.Name) and n.id != name}
