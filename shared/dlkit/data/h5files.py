"""The h5 schema of a data set, and the only code in ``dlkit.data`` that writes or reads h5 files.

A data set is stored as one or more h5 files (``H5File``), each holding named
arrays (``Field``). A field states its dtype and its axes: an integer is a fixed
length, a name (``"m_train"``, ``"H"``, ``"C"``) is a length that the files must
agree on. A name is bound by the first field that uses it, in the order of the
files and of their fields, and must then match everywhere else in the data set:
``train_set_x (m_train, H, W, 3)`` and ``test_set_x (m_test, H, W, 3)`` may hold
different numbers of images, but of one size. A key held by several files (say
``list_classes``) must hold the same values in each.

``write(schema, arrays, paths)`` writes the files atomically (a temporary file in
the destination folder, then ``os.replace``), so that a reader, or a second
process writing the same file, never sees a half-written one.
``read(schema, paths, data_set)`` checks every file against the schema and
returns ``{key: array}``; any mismatch is a ``ValueError`` (a missing file a
``FileNotFoundError``) naming the file, the data set, the key and what is wrong.

Example (the course's labelled-image pair is built this way in ``image_files``)::

    schema = H5Schema((
        H5File("train", "train.h5", (Field("train_set_x", np.uint8, ("m_train", "H", "W", 3), "uint8 images"),
                                     Field("train_set_y", np.int64, ("m_train",), "integer labels"))),
        H5File("test", "test.h5", ...),
    ))
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from collections.abc import Mapping, Sequence

import numpy as np

__all__ = ["Field", "H5File", "H5Schema", "write", "read", "check_sizes", "shape_text"]


@dataclass(frozen=True)
class Field:
    """One array of an h5 file.

    ``key``: the h5 dataset name. ``dtype``: the dtype written and returned
    (``"S"`` for byte strings of any length). ``axes``: one entry per axis, an int
    (fixed length) or a name (a length shared across the data set). ``what``: how
    a message calls the values ("uint8 images"). ``accept``: the numpy dtype kinds
    accepted from a user's file (cast to ``dtype``; default: exactly ``dtype``,
    byte strings of any length for ``"S"``). ``row_or_column``:
    a 1-D field may also be stored as (1, n) or (n, 1) (it is read back as (n,)).
    ``values``: ``(low, high)``, every value must lie in ``low .. high - 1``;
    ``high`` may be an axis name (labels ``0 .. C - 1`` for ``C`` classes).
    """

    key: str
    dtype: object
    axes: tuple
    what: str
    accept: str | None = None
    row_or_column: bool = False
    values: tuple | None = None

    def __post_init__(self):
        if self.row_or_column and len(self.axes) != 1:
            raise ValueError(f"field '{self.key}': row_or_column applies to 1-D fields only, axes are {self.axes}")
        for axis in self.axes:
            if not isinstance(axis, (int, str)) or isinstance(axis, bool):
                raise TypeError(f"field '{self.key}': an axis is an int or a name, got {axis!r}")

    @property
    def shape_text(self) -> str:
        return shape_text(self.axes)

    def _dtype_ok(self, dtype: np.dtype) -> bool:
        if self.accept is not None:
            return dtype.kind in self.accept
        if self.dtype == "S":
            return dtype.kind == "S"
        return dtype == np.dtype(self.dtype)

    def _cast(self, array: np.ndarray) -> np.ndarray:
        if self.dtype == "S" or array.dtype == np.dtype(self.dtype):
            return array
        return array.astype(self.dtype)


@dataclass(frozen=True)
class H5File:
    """One file of a data set: its ``role`` (``"train"``: the loaders' ``train_path=``), its file name
    in a folder (the loaders' ``path=``), and its fields."""

    role: str
    name: str
    fields: tuple

    def __post_init__(self):
        if not self.role.isidentifier():
            raise ValueError(f"file role {self.role!r} must be a Python identifier "
                             f"(it names the `{self.role}_path` argument)")
        keys = [f.key for f in self.fields]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.name}: a key appears twice in {keys}")


@dataclass(frozen=True)
class H5Schema:
    """The files of a data set. ``at_least``: the smallest allowed length of named axes (``{"C": 2}``)."""

    files: tuple
    at_least: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self):
        roles = [f.role for f in self.files]
        if not self.files or len(set(roles)) != len(roles):
            raise ValueError(f"a schema needs at least one file and distinct roles, got {roles}")
        seen: dict[str, Field] = {}
        for f in self.files:
            for fld in f.fields:
                if fld.key in seen and seen[fld.key] != fld:
                    raise ValueError(f"key '{fld.key}' is declared differently in two files")
                seen[fld.key] = fld

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(f.role for f in self.files)

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key of the data set, once, in file order."""
        out: list[str] = []
        for f in self.files:
            out += [fld.key for fld in f.fields if fld.key not in out]
        return tuple(out)

    def describe(self) -> str:
        """One line per file: ``train_signs.h5: train_set_x uint8 (m_train, H, W, 3), ...``."""
        lines = []
        for f in self.files:
            parts = [f"{fld.key} {_dtype_text(fld.dtype)} {fld.shape_text}" for fld in f.fields]
            lines.append(f"{f.name}: " + ", ".join(parts))
        return "\n".join(lines)


def shape_text(axes: Sequence) -> str:
    """``("m", 64, 3)`` -> ``"(m, 64, 3)"``; a single axis keeps its comma: ``"(m,)"``."""
    inner = ", ".join(str(a) for a in axes)
    return f"({inner},)" if len(axes) == 1 else f"({inner})"


def _dtype_text(dtype) -> str:
    return "bytes" if dtype == "S" else np.dtype(dtype).name


def _check_path_count(schema: H5Schema, paths: Sequence) -> None:
    if len(paths) != len(schema.files):
        names = ", ".join(f.name for f in schema.files)
        raise ValueError(f"{len(schema.files)} paths needed ({names}), got {len(paths)}")


# --------------------------------------------------------------------------- writing

def write(schema: H5Schema, arrays: Mapping[str, np.ndarray], paths: Sequence) -> None:
    """Write ``arrays`` (``{key: array}``, every key of the schema) as the schema's files at ``paths``
    (one per file, in the schema's order), each atomically; the folders are created if missing.

    The arrays are cast to the fields' dtypes; a missing key is a ``KeyError`` naming it. The
    arrays are not checked against the schema here: ``read`` does that.
    """
    _check_path_count(schema, paths)
    missing = [k for k in schema.keys if k not in arrays]
    if missing:
        raise KeyError(f"no array for {missing} (the schema's keys are {list(schema.keys)})")
    for spec, path in zip(schema.files, paths, strict=True):
        _atomic_write(path, {fld.key: np.asarray(arrays[fld.key], dtype=fld.dtype) for fld in spec.fields})


def _atomic_write(path, arrays: Mapping[str, np.ndarray]) -> None:
    import h5py

    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".h5", dir=folder)
    os.close(fd)
    try:
        with h5py.File(tmp, "w") as f:
            for key, value in arrays.items():
                f.create_dataset(key, data=value)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


# --------------------------------------------------------------------------- reading

class _Bindings:
    """Lengths of the named axes seen so far, each with the key and file that first showed it (for messages)."""

    def __init__(self, at_least: Mapping[str, int]):
        self.at_least = at_least
        self.seen: dict[str, tuple[int, str, str]] = {}

    def check(self, fld: Field, shape: tuple, path: str, data_set: str) -> None:
        for axis, n in zip(fld.axes, shape, strict=True):
            if isinstance(axis, int):
                if n != axis:
                    raise _error(path, data_set, f"'{fld.key}' must be {fld.what} of shape {fld.shape_text}, "
                                 f"got shape {shape}")
                continue
            if axis in self.seen and self.seen[axis][0] != n:
                first, key, origin = self.seen[axis]
                where = f"'{key}'" if origin == path else f"'{key}' of {origin}"
                raise _error(path, data_set, f"'{fld.key}' has shape {shape}, expected {fld.shape_text} with "
                             f"{axis} = {first} as in {where}")
            if n < self.at_least.get(axis, 0):
                raise _error(path, data_set, f"'{fld.key}' must be {fld.what} of shape {fld.shape_text} with "
                             f"{axis} >= {self.at_least[axis]}, got shape {shape}")
            self.seen.setdefault(axis, (n, fld.key, path))

    def length(self, axis) -> int:
        return axis if isinstance(axis, int) else self.seen[axis][0]

    def key_of(self, axis: str) -> str:
        return self.seen[axis][1]


def _error(path: str, data_set: str, what: str) -> ValueError:
    return ValueError(f"{path} (data set '{data_set}'): {what}")


def read(schema: H5Schema, paths: Sequence, data_set: str) -> dict[str, np.ndarray]:
    """Read the schema's files at ``paths`` (one per file, in order) and check them; ``{key: array}``.

    Every field must be present with an accepted dtype and its shape (named axes agreeing across
    fields and files), values in range, and a key held by several files equal in each. Errors:
    ``FileNotFoundError`` for a missing file, ``ValueError`` for anything else; both name the
    file and ``data_set``, and a ``ValueError`` also the key and what is wrong with it.
    """
    _check_path_count(schema, paths)
    bindings = _Bindings(schema.at_least)
    out: dict[str, np.ndarray] = {}
    origin: dict[str, str] = {}
    for spec, path in zip(schema.files, paths, strict=True):
        path = os.fspath(path)
        arrays = _read_file(spec, path, data_set)
        for fld in spec.fields:
            bindings.check(fld, arrays[fld.key].shape, path, data_set)
        for fld in spec.fields:
            _check_values(fld, arrays[fld.key], bindings, path, data_set)
        for key, value in arrays.items():
            if key not in out:
                out[key], origin[key] = value, path
            elif np.any(value != out[key]):
                raise _error(path, data_set, f"'{key}' differs from the one in {origin[key]}: "
                             f"{_preview(value)} vs {_preview(out[key])}")
    return out


def _read_file(spec: H5File, path: str, data_set: str) -> dict[str, np.ndarray]:
    """The fields of one file, with dtype and rank checked, cast to the fields' dtypes, 1-D fields flattened."""
    import h5py

    if not os.path.exists(path):
        raise FileNotFoundError(f"dataset file not found: {path} (the {spec.role} file '{spec.name}' of data set "
                                f"'{data_set}')")
    if not h5py.is_hdf5(path):
        raise _error(path, data_set, f"{path} is not an HDF5 file (expected the {spec.role} file '{spec.name}')")
    arrays = {}
    with h5py.File(path, "r") as f:
        for fld in spec.fields:
            if fld.key not in f:
                raise _error(path, data_set, f"missing dataset '{fld.key}' (found: {sorted(f.keys())})")
            node = f[fld.key]
            if not isinstance(node, h5py.Dataset):
                raise _error(path, data_set, f"'{fld.key}' is an h5 group, expected {fld.what} "
                             f"of shape {fld.shape_text}")
            arrays[fld.key] = _check_form(fld, np.array(node), path, data_set)
    return arrays


def _check_form(fld: Field, a: np.ndarray, path: str, data_set: str) -> np.ndarray:
    forms = f"{fld.shape_text} (or a row or a column)" if fld.row_or_column else fld.shape_text
    if not fld._dtype_ok(a.dtype):
        raise _error(path, data_set, f"'{fld.key}' must be {fld.what} of shape {forms}, got {a.dtype} {a.shape}")
    if fld.row_or_column and a.ndim == 2 and 1 in a.shape:
        a = a.reshape(-1)
    if a.ndim != len(fld.axes):
        raise _error(path, data_set, f"'{fld.key}' must be {fld.what} of shape {forms}, got {a.dtype} {a.shape}")
    return fld._cast(a)


def _check_values(fld: Field, a: np.ndarray, bindings: _Bindings, path: str, data_set: str) -> None:
    if fld.values is None or a.size == 0:
        return
    low, high = bindings.length(fld.values[0]), bindings.length(fld.values[1])
    if a.min() < low or a.max() >= high:
        allowed = f"{low} or {high - 1}" if high - low == 2 else f"{low} .. {high - 1}"
        why = f" (one per entry of '{bindings.key_of(fld.values[1])}')" if isinstance(fld.values[1], str) else ""
        raise _error(path, data_set, f"'{fld.key}' values must be {allowed}{why}, got values from "
                     f"{a.min()} to {a.max()}")


def _preview(a: np.ndarray) -> str:
    return np.array2string(a, threshold=8)


# --------------------------------------------------------------------------- sizes of a generated set

def check_sizes(schema: H5Schema, arrays: Mapping[str, np.ndarray], sizes: Mapping[str, int], where: str,
                data_set: str) -> None:
    """ValueError unless every named axis listed in ``sizes`` has that length in ``arrays`` (as ``read`` returns
    them): how a cache file of another size (from a changed generator) is told from the expected one."""
    for spec in schema.files:
        for fld in spec.fields:
            for axis, n in zip(fld.axes, arrays[fld.key].shape, strict=True):
                if isinstance(axis, str) and axis in sizes and n != sizes[axis]:
                    raise _error(where, data_set, f"'{fld.key}' has {axis} = {n}, the registered data set has "
                                 f"{axis} = {sizes[axis]}")
