"""The given lines of every skeleton accept each shape the course's formulas produce (issue 12).

A student writes only the body between the solution markers; the lines around it are given.
Under NumPy 2, ``float()`` of a (1, 1) or (1,) array raises TypeError, so a given
``return float(cost)`` rejected a correct ``np.dot`` cost with a traceback pointing at a
line the student did not write. For each exercise whose given lines turn a student's value
into a number, these tests take the *released* cell (the solution block replaced by a
student's body), try several realistic bodies (a (1, 1) cost from ``np.dot`` or
``keepdims=True``, a (1,) one from ``axis=1``, a plain number), run the cell in a namespace
prepared like the notebook (its setup cell and the functions its other cells define), and
check it with the autograder as the notebook's test cell does, public and hidden cases;
then the exercises that call the function are checked with the student's version in place.
They run under whichever NumPy is installed: ``make test-oldest-numpy`` runs them under
the oldest one pyproject.toml allows.
"""
from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass, field

import numpy as np
import pytest

from autograder.authoring import read_cells
from autograder.checker import run_checks
from autograder.course import default_root
from autograder.registry import get

AUTHORING = default_root() / "authoring"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


@dataclass
class Body:
    """A student's body for one exercise: ``shapes`` are the shapes its own values have at the end of it."""
    label: str
    code: str
    shapes: dict = field(default_factory=dict)


@dataclass
class Skeleton:
    source: str            # notebook source, relative to authoring/
    exercise: str          # registry id, e.g. "c1w2.propagate"
    callers: tuple = ()    # ids of the exercises whose function calls this one


SKELETONS = {
    "propagate": Skeleton("course1/week2/logistic_regression.py", "c1w2.propagate",
                          callers=("c1w2.optimize", "c1w2.model")),
    "compute_cost_c1w3": Skeleton("course1/week3/planar_classification.py", "c1w3.compute_cost",
                                  callers=("c1w3.nn_model",)),
    "compute_cost_c1w4": Skeleton("course1/week4/deep_nn_step_by_step.py", "c1w4.compute_cost"),
    "compute_cost_with_regularization": Skeleton("course2/week1/regularization.py",
                                                 "c2w1.compute_cost_with_regularization"),
    "gradient_check": Skeleton("course2/week1/gradient_checking.py", "c2w1.gradient_check"),
    "gradient_check_n": Skeleton("course2/week1/gradient_checking.py", "c2w1.gradient_check_n"),
}

BODIES = {
    "propagate": [
        Body("np.dot cost, (1, 1)", """
            A = sigmoid(np.dot(w.T, X) + b)
            cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
            dw = np.dot(X, (A - Y).T) / m
            db = np.sum(A - Y) / m
            """, {"cost": (1, 1), "db": ()}),
        Body("keepdims=True sums, (1, 1)", """
            A = sigmoid(np.dot(w.T, X) + b)
            cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A), axis=1, keepdims=True) / m
            dZ = A - Y
            dw = np.dot(X, dZ.T) / m
            db = np.sum(dZ, axis=1, keepdims=True) / m
            """, {"cost": (1, 1), "db": (1, 1)}),
        Body("axis=1 sums, (1,)", """
            A = sigmoid(w.T @ X + b)
            cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A), axis=1) / m
            dZ = A - Y
            dw = X @ dZ.T / m
            db = np.sum(dZ, axis=1) / m
            """, {"cost": (1,), "db": (1,)}),
        Body("plain numbers", """
            A = sigmoid(np.dot(w.T, X) + b)
            cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
            dw = np.dot(X, (A - Y).T) / m
            db = np.mean(A - Y)
            """, {"cost": (), "db": ()}),
    ],
    "compute_cost_c1w3": [
        Body("np.dot, (1, 1)", """
            cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
            """, {"cost": (1, 1)}),
        Body("keepdims=True, (1, 1)", """
            logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
            cost = -np.sum(logprobs, axis=1, keepdims=True) / m
            """, {"cost": (1, 1)}),
        Body("axis=1, (1,)", """
            cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2), axis=1) / m
            """, {"cost": (1,)}),
        Body("np.sum, a number", """
            cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
            """, {"cost": ()}),
    ],
    "compute_cost_c1w4": [
        Body("np.dot, (1, 1)", """
            cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
            """, {"cost": (1, 1)}),
        Body("keepdims=True, (1, 1)", """
            cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=1, keepdims=True) / m
            """, {"cost": (1, 1)}),
        Body("np.mean, a number", """
            cost = -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
            """, {"cost": ()}),
    ],
    "compute_cost_with_regularization": [
        Body("keepdims=True, (1, 1)", """
            squares = sum(np.sum(np.square(W), keepdims=True) for W in (W1, W2, W3))
            L2_regularization_cost = lambd / (2 * m) * squares
            """, {"L2_regularization_cost": (1, 1)}),
        Body("np.sum, a number", """
            L2_regularization_cost = (lambd / (2 * m)) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                          + np.sum(np.square(W3)))
            """, {"L2_regularization_cost": ()}),
        Body("Frobenius norms, a number", """
            norms = [np.linalg.norm(W) ** 2 for W in (W1, W2, W3)]
            L2_regularization_cost = lambd * sum(norms) / (2 * m)
            """, {"L2_regularization_cost": ()}),
    ],
    "gradient_check": [
        Body("np.linalg.norm, a number", """
            J_plus, J_minus = forward_propagation(x, theta + epsilon), forward_propagation(x, theta - epsilon)
            gradapprox = (J_plus - J_minus) / (2 * epsilon)
            grad = backward_propagation(x, theta)
            difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
            """, {"difference": ()}),
        Body("theta as a 1-element array, np.abs, (1,)", """
            J_plus = forward_propagation(x, np.array([theta + epsilon]))
            J_minus = forward_propagation(x, np.array([theta - epsilon]))
            gradapprox = (J_plus - J_minus) / (2 * epsilon)
            grad = backward_propagation(x, theta)
            difference = np.abs(grad - gradapprox) / (np.abs(grad) + np.abs(gradapprox))
            """, {"difference": (1,)}),
    ],
    "gradient_check_n": [
        Body("norms from np.dot, (1, 1)", """
            for i in range(num_parameters):
                theta_plus = np.copy(parameters_values)
                theta_plus[i] += epsilon
                J_plus[i] = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, layout))[0]
                theta_minus = np.copy(parameters_values)
                theta_minus[i] -= epsilon
                J_minus[i] = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus, layout))[0]
                gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
            d = grad - gradapprox
            numerator = np.sqrt(np.dot(d.T, d))
            denominator = np.sqrt(np.dot(grad.T, grad)) + np.sqrt(np.dot(gradapprox.T, gradapprox))
            difference = numerator / denominator
            """, {"difference": (1, 1)}),
        Body("np.linalg.norm, a number", """
            for i in range(num_parameters):
                shift = np.zeros_like(parameters_values)
                shift[i] = epsilon
                J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(parameters_values + shift, layout))
                J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(parameters_values - shift, layout))
            gradapprox = (J_plus - J_minus) / (2 * epsilon)
            difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
            """, {"difference": ()}),
    ],
}


def _code(cell) -> str:
    """The cell as Python (the source's form: magics stay commented)."""
    return "\n".join(cell.lines)


def _replace_solution(cell_code: str, body: str) -> str:
    """The released cell with ``body`` written where the solution was (at the markers' indentation)."""
    lines = cell_code.split("\n")
    begins = [i for i, ln in enumerate(lines) if ln.strip() == BEGIN]
    ends = [i for i, ln in enumerate(lines) if ln.strip() == END]
    assert len(begins) == len(ends) == 1, "one solution block per exercise cell"
    (b,), (e,) = begins, ends
    indent = lines[b][: len(lines[b]) - len(lines[b].lstrip())]
    student = textwrap.indent(textwrap.dedent(body).strip("\n"), indent).split("\n")
    return "\n".join(lines[:b] + student + lines[e + 1:])


def _definitions(code: str) -> str | None:
    """The function/class definitions and imports of a cell (None if it has none): what the notebook
    defines, without running its demonstrations."""
    kinds = (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)
    keep = [n for n in ast.parse(code).body if isinstance(n, kinds)]
    return ast.unparse(ast.Module(body=keep, type_ignores=[])) if keep else None


def _notebook(source: str):
    """(namespace, the solution cells by function name): setup cells run, every other cell's definitions made."""
    ns = {"__name__": "__main__"}
    solutions = {}
    for cell in read_cells(AUTHORING / source):
        if cell.kind in ("markdown", "test"):
            continue
        if cell.kind == "setup":
            exec(compile(_code(cell), f"{source}:{cell.lineno}", "exec"), ns)
            continue
        defs = _definitions(_code(cell))
        if defs:
            exec(compile(defs, f"{source}:{cell.lineno}", "exec"), ns)
        if cell.kind == "solution":
            solutions[cell.metadata["id"]] = cell
    return ns, solutions


def _student_function(name: str, body: Body):
    """The notebook namespace with the student's version of the exercise in place, and that function."""
    sk = SKELETONS[name]
    ns, solutions = _notebook(sk.source)
    fn_name = sk.exercise.split(".", 1)[1]
    cell = solutions[fn_name]
    exec(compile(_replace_solution(_code(cell), body.code), f"<student {fn_name}>", "exec"), ns)
    return ns, ns[fn_name], cell


def _values_at_end_of_body(ns, cell, body: Body, fn_name: str, case):
    """The student's local values where their body ends (the given lines after it cut off)."""
    code = _replace_solution(_code(cell), textwrap.dedent(body.code).strip("\n") + "\nreturn locals()")
    probe_ns = dict(ns)
    exec(compile(code, f"<probe {fn_name}>", "exec"), probe_ns)
    return probe_ns[fn_name](*case.args, **case.kwargs)


CASES = [(name, body) for name, bodies in BODIES.items() for body in bodies]


@pytest.mark.parametrize("name, body", CASES, ids=[f"{n}-{b.label}" for n, b in CASES])
def test_released_skeleton_accepts_the_students_shapes(name, body):
    sk = SKELETONS[name]
    exercise = get(sk.exercise)
    ns, fn, cell = _student_function(name, body)
    fn_name = sk.exercise.split(".", 1)[1]
    # the body really produces the shapes it stands for (so the given lines are exercised on them)
    values = _values_at_end_of_body(ns, cell, body, fn_name, exercise.cases(False)[0])
    assert {k: np.shape(values[k]) for k in body.shapes} == body.shapes
    for hidden in (False, True):
        passed, message = run_checks(exercise, fn, hidden=hidden)
        assert passed, f"{sk.exercise} ({body.label}, numpy {np.__version__}): {message}"
    # what the given lines hand on is a plain Python number
    out = fn(*exercise.cases(False)[0].args, **exercise.cases(False)[0].kwargs)
    outs = out if isinstance(out, tuple) else (out,)
    for value in outs:
        if isinstance(value, dict) and "db" in value:
            assert type(value["db"]) is float
        elif np.ndim(value) == 0:
            assert type(value) is float, f"{sk.exercise} returned {type(value).__name__}, not float"
    for caller in sk.callers:
        caller_ex = get(caller)
        passed, message = run_checks(caller_ex, ns[caller.split(".", 1)[1]])
        assert passed, f"{caller} with the student's {fn_name} ({body.label}): {message}"


def test_every_skeleton_that_converts_a_students_value_is_covered():
    """A given line outside the solution block that makes a number of something (float(), .item(), squeeze)
    belongs to an exercise tested here, with at least one (1, 1) or (1,) body where the course's formulas allow it."""
    converting = set()
    for src in sorted(AUTHORING.glob("course*/week*/*.py")):
        for cell in read_cells(src):
            if cell.kind != "solution":
                continue
            inside = False
            for ln in cell.text.split("\n"):
                if ln.strip() == BEGIN:
                    inside = True
                elif ln.strip() == END:
                    inside = False
                elif not inside and not ln.lstrip().startswith("#") and any(
                        k in ln for k in ("float(", ".item(", "squeeze(")):
                    converting.add((str(src.relative_to(AUTHORING)), cell.metadata["id"]))
    covered = {(sk.source, sk.exercise.split(".", 1)[1]) for sk in SKELETONS.values()}
    assert converting == covered
    for name, bodies in BODIES.items():
        if name != "gradient_check":  # scalar x and theta: only 0-d or (1,) values are possible
            assert any(len(b.shapes) and max(len(s) for s in b.shapes.values()) == 2 for b in bodies), name


def test_replace_solution_keeps_the_given_lines():
    cell = "def f(x):\n    m = 2\n    ### BEGIN SOLUTION\n    y = x\n    ### END SOLUTION\n    return float(y)"
    assert _replace_solution(cell, "y = x * m\n") == "def f(x):\n    m = 2\n    y = x * m\n    return float(y)"
