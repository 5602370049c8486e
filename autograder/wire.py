"""A safe wire format for values crossing from a student's kernel to the judge.

The judge never unpickles or imports anything a submission made. A student's
function output is encoded in the kernel as plain JSON: numbers, strings,
None, lists, tuples, dicts with string keys, and numpy arrays (dtype, shape
and base64 bytes). Any other object is reduced to its type name, so an object
with a lying ``__eq__`` arrives at the judge as ``Opaque("AlwaysEqual")`` and
fails every comparison. Decoding rebuilds plain Python and numpy values only.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np

MAX_ARRAY_BYTES = 64 * 2**20  # an output larger than this is not sent whole
_NUMPY_SCALARS = (np.bool_, np.integer, np.floating)


@dataclass(frozen=True)
class Opaque:
    """Stands for a value of a type the wire does not carry (its type name only)."""

    type_name: str

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


@dataclass(frozen=True)
class Raised:
    """The student's function raised instead of returning: exception name, message, student frames."""

    type_name: str
    message: str
    where: str = ""


def encode(value, depth: int = 0):
    """JSON-ready form of ``value`` (see the module docstring)."""
    if depth > 20:
        return {"__opaque__": "deeply nested value"}
    t = type(value)
    if value is None or t in (bool, str):
        return value
    if t is int:
        return value if abs(value) < 2**53 else {"__bigint__": str(value)}
    if t is float:
        return {"__float__": repr(value)}
    if isinstance(value, _NUMPY_SCALARS) and t.__module__ == "numpy":
        return {"__npscalar__": value.dtype.str, "v": repr(value.item())}
    if isinstance(value, np.ndarray):
        arr = np.ndarray.view(value, np.ndarray)
        if arr.dtype.kind not in "biufc" or arr.dtype.hasobject:
            return {"__opaque__": f"ndarray of dtype {arr.dtype}"}
        if arr.nbytes > MAX_ARRAY_BYTES:
            return {"__opaque__": f"ndarray of shape {arr.shape} (too large to check)"}
        data = np.ascontiguousarray(arr)
        return {"__nd__": base64.b64encode(data.tobytes()).decode(), "dtype": data.dtype.str,
                "shape": list(data.shape)}
    if t is tuple:
        return {"__tuple__": [encode(v, depth + 1) for v in value]}
    if t is list:
        return [encode(v, depth + 1) for v in value]
    if t is dict:
        if not all(type(k) is str for k in value):
            return {"__opaque__": "dict with non-string keys"}
        return {"__dict__": {k: encode(v, depth + 1) for k, v in value.items()}}
    return {"__opaque__": f"{t.__module__}.{t.__qualname__}" if t.__module__ != "__main__" else t.__qualname__}


def decode(obj):
    """The value ``encode`` described, rebuilt from plain types only."""
    if obj is None or type(obj) in (bool, str, int):
        return obj
    if type(obj) is float:
        return obj
    if type(obj) is list:
        return [decode(v) for v in obj]
    if type(obj) is not dict:
        return Opaque(type(obj).__name__)
    if "__float__" in obj:
        return float(obj["__float__"])
    if "__bigint__" in obj:
        return int(obj["__bigint__"])
    if "__npscalar__" in obj:
        dtype = np.dtype(obj["__npscalar__"])
        if dtype.kind not in "biuf":
            return Opaque(f"numpy scalar {dtype}")
        return dtype.type(_literal(obj["v"]))
    if "__nd__" in obj:
        dtype = np.dtype(obj["dtype"])
        if dtype.kind not in "biufc":
            return Opaque(f"ndarray of dtype {dtype}")
        shape = tuple(int(s) for s in obj["shape"])
        raw = base64.b64decode(obj["__nd__"])
        if len(raw) != dtype.itemsize * int(np.prod(shape, dtype=np.int64)):
            return Opaque("ndarray with inconsistent size")
        return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    if "__tuple__" in obj:
        return tuple(decode(v) for v in obj["__tuple__"])
    if "__dict__" in obj:
        return {str(k): decode(v) for k, v in obj["__dict__"].items()}
    if "__raised__" in obj:
        return Raised(str(obj["__raised__"]), str(obj.get("message", "")), str(obj.get("where", "")))
    if "__opaque__" in obj:
        return Opaque(str(obj["__opaque__"]))
    return Opaque("unknown value")


def _literal(text: str):
    """Parse the repr of a Python number (int, float, inf, nan, True/False) without eval."""
    if text in ("True", "False"):
        return text == "True"
    try:
        return int(text)
    except ValueError:
        return float(text)
