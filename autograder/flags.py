"""Flags for the instructor: a submission that calls the reference, or hides what it calls.

Read from the student's own code cells (static analysis, outside the kernel).
A flag never changes a score; it is a column of ``grades.csv`` to filter on.
"""
from __future__ import annotations

import ast

_DYNAMIC = {"__import__", "importlib", "exec", "eval", "compile", "globals", "__builtins__"}


def reference_flags(sources: list[str], references: set[str]) -> list[str]:
    """Flags for code ``sources`` given the names of the functions graded here.

    ``calls-reference:<name>`` when the code imports or reaches a graded function's
    dlkit reference; ``dynamic-code`` when it uses exec/eval/__import__/importlib/sys.modules.
    """
    flags: set[str] = set()
    for src in sources:
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        modules: dict[str, str] = {}  # local alias -> dlkit module path
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.split(".")[0] == "dlkit":
                        if a.asname:
                            modules[a.asname] = a.name
                        else:
                            modules["dlkit"] = "dlkit"
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "dlkit":
                for a in node.names:
                    full = f"{node.module}.{a.name}"
                    if a.name in references:
                        flags.add(f"calls-reference:{a.name}")
                    modules[a.asname or a.name] = full
            elif isinstance(node, ast.Name) and node.id in _DYNAMIC:
                flags.add("dynamic-code")
            elif isinstance(node, ast.Attribute) and node.attr == "modules" and \
                    isinstance(node.value, ast.Name) and node.value.id == "sys":
                flags.add("dynamic-code")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in references:
                path = _dotted(node.value, modules)
                if path is not None and path.startswith("dlkit"):
                    flags.add(f"calls-reference:{node.attr}")
    return sorted(flags)


def _dotted(node, modules: dict[str, str]) -> str | None:
    """The dlkit module path an expression like ``dlkit.logistic`` or ``lg`` stands for, if any."""
    if isinstance(node, ast.Name):
        return modules.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, modules)
        return f"{base}.{node.attr}" if base else None
    return None


def submission_flags(source, notebook) -> list[str]:
    """``reference_flags`` of a submitted notebook's own code (its code cells that are not locked in ``source``)."""
    from .course import nbgrader_cell
    from .merge import graded_checks

    locked = {meta.grade_id for meta in map(nbgrader_cell, source.cells) if meta.locked and meta.grade_id}
    code = [cell.source for cell in notebook.cells
            if cell.get("cell_type") == "code" and nbgrader_cell(cell).grade_id not in locked]
    functions = {call.function for _, calls in graded_checks(source).values() for call in calls}
    return reference_flags([c if isinstance(c, str) else "".join(c) for c in code], functions)
