"""What a graded function did besides returning: inputs changed in place, outputs that alias each other.

Checks call every function on private copies of a case, so a function that
writes into its inputs (a ReLU that zeroes ``Z`` in place) or returns one array
under two names (an ``initialize_adam`` that puts the same zeros in ``v`` and
``s``) still returns the right values, and the harm only shows later in the
notebook, where it is blamed on something else. ``observe(fn, case)`` calls the
function and records both side effects as ``Effects``:

- ``mutated``: the arguments whose contents differ after the call (keys: ``"0"``,
  ``"1"``, ... for positional arguments, the keyword's name for keywords);
- ``aliased``: pairs of paths into the output (``(0, "dW1")`` is ``out[0]["dW1"]``)
  that hold arrays sharing memory.

The judge compares them with what the reference does on the same case: only an
effect the reference does not have, and the exercise does not allow
(``Exercise.may_modify``), fails the check, with one sentence saying which
input or which outputs (``effect_message``).
"""
from __future__ import annotations

import copy
import inspect
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

import numpy as np

Path = tuple  # a path into a nested output: ints index tuples/lists, strings index dicts


@dataclass(frozen=True)
class Effects:
    """Side effects of one call (see the module docstring); both empty for a well-behaved function."""

    mutated: tuple = ()
    aliased: tuple = ()

    def to_json(self) -> dict:
        return {"mutated": list(self.mutated), "aliased": [[list(a), list(b)] for a, b in self.aliased]}

    @classmethod
    def from_json(cls, obj: Any) -> Optional["Effects"]:
        """Rebuild from ``to_json``'s form; None for anything malformed (it came from a student's kernel)."""
        try:
            mutated = tuple(str(k) for k in obj["mutated"] if isinstance(k, str))[:20]
            aliased = tuple((tuple(_key(k) for k in a), tuple(_key(k) for k in b))
                            for a, b in obj["aliased"][:20])
            return cls(mutated, aliased)
        except (TypeError, KeyError, ValueError, IndexError):
            return None


def _key(k):
    if type(k) in (int, str):
        return k
    raise ValueError("path keys are ints or strings")


def unchanged(before: Any, after: Any) -> bool:
    """True when ``after`` holds exactly the values of ``before`` (same structure, bit-equal arrays, NaN = NaN)."""
    if isinstance(before, np.ndarray):
        if not isinstance(after, np.ndarray) or before.shape != after.shape or before.dtype != after.dtype:
            return False
        if before.dtype.kind in "fc":
            return bool(np.array_equal(before, after, equal_nan=True))
        return bool(np.array_equal(before, after))
    if isinstance(before, dict):
        return (isinstance(after, dict) and list(before) == list(after)
                and all(unchanged(before[k], after[k]) for k in before))
    if isinstance(before, (list, tuple)):
        return (type(after) is type(before) and len(before) == len(after)
                and all(unchanged(b, a) for b, a in zip(before, after)))
    if isinstance(before, (int, float, complex, str, bytes, bool, type(None), np.generic)):
        if isinstance(before, float) and before != before:
            return isinstance(after, float) and after != after
        return type(after) is type(before) and bool(after == before)
    return True  # an object we cannot compare (a generator, a function): not judged


def _arrays(value: Any, path: Path = (), depth: int = 0):
    """``(path, array)`` for every ndarray inside tuples, lists and dicts of ``value``."""
    if depth > 20:
        return
    if isinstance(value, np.ndarray):
        yield path, value
    elif isinstance(value, (tuple, list)):
        for i, v in enumerate(value):
            yield from _arrays(v, path + (i,), depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            if type(k) in (int, str):
                yield from _arrays(v, path + (k,), depth + 1)


def aliased_paths(value: Any) -> tuple:
    """Pairs of output paths whose arrays share memory (non-empty arrays only), in order of appearance."""
    leaves = [(p, a) for p, a in _arrays(value) if a.size > 0]
    pairs = []
    for i, (p, a) in enumerate(leaves):
        for q, b in leaves[i + 1:]:
            if np.may_share_memory(a, b):
                pairs.append((p, q))
                if len(pairs) >= 20:
                    return tuple(pairs)
    return tuple(pairs)


def _returned_dicts(value: Any, depth: int = 0):
    if depth > 20:
        return
    if isinstance(value, dict):
        yield value
        values = value.values()
    elif isinstance(value, (tuple, list)):
        values = value
    else:
        return
    for v in values:
        yield from _returned_dicts(v, depth + 1)


def observe(fn: Callable, args: tuple, kwargs: dict) -> tuple[Any, Effects]:
    """``fn(*args, **kwargs)`` on private copies, with the side effects it had on them.

    A dict argument that the function returns (the course's update steps write the new
    ``parameters`` into the dict they were given, then return it) is an update, not a
    side effect, and is not reported. Exceptions propagate (the caller records them).
    """
    args_in, kwargs_in = copy.deepcopy(args), copy.deepcopy(kwargs)
    pristine_args, pristine_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    out = fn(*args_in, **kwargs_in)
    returned = {id(d) for d in _returned_dicts(out)}

    def changed(before, after):
        return not unchanged(before, after) and not (isinstance(after, dict) and id(after) in returned)

    mutated = [str(i) for i, (b, a) in enumerate(zip(pristine_args, args_in)) if changed(b, a)]
    mutated += [k for k in pristine_kwargs if changed(pristine_kwargs[k], kwargs_in[k])]
    return out, Effects(tuple(mutated), aliased_paths(out))


def describe_path(path: Sequence, outputs: Any) -> str:
    """``v["dW1"]`` for the path ``(0, "dW1")`` of a function whose outputs are named ``("v", "s")``."""
    path = list(path)
    if isinstance(outputs, tuple) and path and isinstance(path[0], int) and path[0] < len(outputs):
        text = outputs[path.pop(0)]
    else:
        text = outputs if isinstance(outputs, str) else "output"
    for k in path:
        text += f'["{k}"]' if isinstance(k, str) else f"[{k}]"
    return text


def argument_name(fn: Callable, key: str) -> str:
    """The parameter name behind ``key`` ("0" -> the first parameter of ``fn``), for messages."""
    if not key.isdigit():
        return key
    try:
        params = [p.name for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        params = []
    i = int(key)
    return params[i] if i < len(params) else f"argument {i + 1}"


def effect_message(student: Effects, reference: Effects, allowed: Sequence[str],
                   reference_fn: Callable, outputs: Any) -> Optional[str]:
    """A clause ("it changed its input `Z` in place: ...") on a side effect the student's
    function has and the reference's does not (nor ``allowed`` names); else None."""
    for key in student.mutated:
        arg = argument_name(reference_fn, key)
        if key in reference.mutated or arg in allowed:
            continue
        return (f"it changed its input `{arg}` in place: the caller still needs the original "
                f"`{arg}`, so build a new array (or work on a copy) instead of writing into it")
    for pair in student.aliased:
        if pair in reference.aliased:
            continue
        a, b = (describe_path(p, outputs) for p in pair)
        return (f"it returns one array as both `{a}` and `{b}`: each needs an array of its own "
                "(create each one separately), or updating one silently changes the other")
    return None
