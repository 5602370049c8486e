"""The exercise registry: what every graded function is checked against.

One ``Exercise`` per graded function, keyed by an id ``c<course>w<week>.<name>``
(``c1w2.propagate``). Each names its dlkit reference, the fixed cases (numbers
from the course notes), a generator of seeded random cases, tolerances, an
optional numeric gradient check, and known mistakes: buggy variants, each with
the hint a student sees when their output matches it.

The per-week modules in ``autograder.exercises`` fill the registry on import;
nothing here needs a notebook, so the registry is unit-tested directly.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

import numpy as np


@dataclass
class Case:
    """One call of the graded function: positional and keyword arguments plus a label."""

    args: tuple
    kwargs: dict = field(default_factory=dict)
    label: str = ""


@dataclass
class Mistake:
    """A known wrong variant of the function and the hint shown when a student's output matches it."""

    name: str
    fn: Callable
    hint: str


@dataclass
class Exercise:
    """Everything the checker needs to judge one graded function.

    ``outputs`` names what the function returns, used in messages: a string for
    one value (``"s"``), a tuple of strings for a tuple (``("grads", "cost")``).
    ``random_case(rng)`` makes one case from a seeded generator. ``gradcheck``
    (optional) takes the student's function and a case and returns ``None`` when
    the student's gradients agree with numeric slopes of the student's own cost,
    or a sentence saying which gradient disagrees and by how much.
    """

    id: str
    reference: Callable
    fixed_cases: Sequence[Case]
    random_case: Optional[Callable[[np.random.Generator], Case]] = None
    outputs: Any = "output"
    rtol: float = 1e-6
    atol: float = 1e-9
    n_random: int = 3
    hidden_cases: Sequence[Case] = ()
    n_hidden_random: int = 5
    gradcheck: Optional[Callable[[Callable, Case], Optional[str]]] = None
    mistakes: Sequence[Mistake] = ()
    # extra semantic checks: fn(student_output, case) -> message or None
    extra_check: Optional[Callable[[Any, Case], Optional[str]]] = None
    # An answer exercise grades a value the student wrote (a quiz answer), not a function:
    # ``reference()`` returns the right answer; the visible check runs only ``form_check``
    # (is it an answer of the right kind?), the hidden one compares the content too.
    answer: bool = False
    form_check: Optional[Callable[[Any], Optional[str]]] = None
    # A class exercise (a layer with forward/backward, an optimiser) is called through a driver:
    # ``driver(cls)`` returns a plain function of the case's arguments that builds an object,
    # uses it, and returns plain values (arrays, numbers, dicts). Applied to the student's class,
    # the reference and every known mistake alike. Drivers also serve functions whose arguments
    # are not plain data (a random generator, an objective function): cases travel to the
    # sandboxed kernel as JSON, so they carry a seed or a description and the driver builds the rest.
    driver: Optional[Callable[[Callable], Callable]] = None
    # Arguments the function may change in place (by parameter name), beyond those the reference
    # itself changes: an update step that may write into ``parameters``. Any other input changed
    # in place, or two outputs sharing one array, fails the check (``autograder.effects``).
    may_modify: tuple = ()

    def prepare(self, fn: Callable) -> Callable:
        """What the cases are called on: ``fn`` itself, or ``driver(fn)`` for a class exercise."""
        return self.driver(fn) if self.driver is not None else fn

    @property
    def name(self) -> str:
        """The graded function's name as the student writes it (``propagate``)."""
        return self.id.split(".", 1)[1]

    def cases(self, hidden: bool = False) -> list[Case]:
        """The cases of the visible check, or of the hidden one (other seeds, more cases)."""
        if self.answer:
            return [Case((), label="your answer")]
        if not hidden:
            fixed, n, seed = list(self.fixed_cases), self.n_random, 0
        else:
            fixed, n, seed = list(self.hidden_cases), self.n_hidden_random, 1_000_003
        out = fixed
        if self.random_case is not None:
            rng = np.random.default_rng([seed, _stable_hash(self.id)])
            for i in range(n):
                case = self.random_case(rng)
                if not case.label:
                    case.label = f"random case {i + 1}"
                out.append(case)
        return out


def _stable_hash(text: str) -> int:
    """A hash of ``text`` that is the same in every process (unlike ``hash``)."""
    h = 0
    for ch in text.encode():
        h = (h * 131 + ch) % (2**31 - 1)
    return h


_REGISTRY: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    """Add ``exercise`` to the registry; ids must be unique."""
    if exercise.id in _REGISTRY and _REGISTRY[exercise.id] is not exercise:
        raise ValueError(f"exercise id {exercise.id!r} is registered twice")
    _REGISTRY[exercise.id] = exercise
    return exercise


def _load_all(prefix: str = "") -> None:
    """Import the exercise modules whose name starts with ``prefix`` (all of them by default)."""
    from . import exercises

    for mod in pkgutil.iter_modules(exercises.__path__):
        if mod.name.startswith(prefix):
            importlib.import_module(f"{exercises.__name__}.{mod.name}")


def get(exercise_id: str) -> Exercise:
    """The exercise with this id; a KeyError lists the known ids of the same week if there is none.

    The week's own modules (``c2w3*`` for ``c2w3.softmax``) are imported first, so
    a broken module of another week cannot stop a student's check.
    """
    week = exercise_id.split(".", 1)[0]
    if exercise_id not in _REGISTRY and week and "_" not in week:
        _load_all(week)
    if exercise_id not in _REGISTRY:
        _load_all()
    try:
        return _REGISTRY[exercise_id]
    except KeyError:
        prefix = exercise_id.split(".", 1)[0]
        near = sorted(k for k in _REGISTRY if k.startswith(prefix + "."))
        raise KeyError(
            f"no exercise {exercise_id!r} in the autograder registry"
            + (f"; known in {prefix}: {', '.join(near)}" if near else "")
        ) from None


def all_exercises() -> list[Exercise]:
    """Every registered exercise, sorted by id."""
    _load_all()
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]
