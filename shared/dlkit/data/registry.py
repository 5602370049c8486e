"""The registry of cached data sets: each registers once, ``prepare_all()`` fills the cache with all of them.

A registered ``DataSet`` states its name, version, generator, h5 schema and
default seed. Its files live in ``cache_dir() / f"{name}_v{version}_seed{seed}"``:
the version is part of the cache key, so bumping it after changing the
generator makes the next load generate new files instead of reading the old
ones. ``DataSet.load`` is everything a loader does:

- with no file arguments it reads the cached files, generating them on first
  use (atomically: a process that fills the cache while another one does never
  corrupts it). A cached file that cannot be read or does not match the schema
  (or the registered sizes) is generated again, with a ``RuntimeWarning`` saying
  which file and why;
- ``path=`` (a folder holding the schema's file names) or one ``<role>_path=``
  per file loads the user's own files, checked against the schema: any mismatch
  is an error naming the file, the data set and what is wrong.

``prepare_all()`` generates every registered data set (default seed) now, with a
progress line each: the grader calls it before sandboxed grading, where the cache
is read-only. ``registered()`` lists them; both first import every submodule of
``dlkit.data``, so a data set registers by being defined, not by being listed.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Mapping

import numpy as np

from . import h5files
from .cache import cache_dir
from .h5files import H5Schema

__all__ = ["DataSet", "register", "registered", "get", "prepare_all"]

@dataclass(eq=False)
class DataSet:
    """A generated data set cached as h5 files.

    ``generate(seed=seed)`` returns ``{key: array}`` with every key of ``schema``;
    ``outputs({key: array})`` turns what ``h5files.read`` returns into what the loader
    returns; ``sizes`` gives the lengths of named axes in the generated set
    (``{"m_train": 209, ...}``), checked on cached files. ``loader`` is the public
    ``load_*`` function, set by decorating it with ``data_set.loads``.
    """

    name: str
    version: int
    generate: Callable[..., Mapping[str, np.ndarray]]
    schema: H5Schema
    default_seed: int
    outputs: Callable[[dict], tuple]
    sizes: Mapping[str, int] = field(default_factory=dict)
    loader: Callable | None = None

    def __post_init__(self):
        if not self.name.isidentifier():
            raise ValueError(f"a data set's name must be an identifier (it names a cache folder), got {self.name!r}")
        if isinstance(self.version, bool) or not isinstance(self.version, int) or self.version < 1:
            raise ValueError(f"data set '{self.name}': version must be an integer >= 1, got {self.version!r}")
        _check_seed(self.default_seed)

    def __repr__(self) -> str:
        return f"DataSet({self.name!r}, version={self.version}, default_seed={self.default_seed})"

    # ------------------------------------------------------------ registering the loader
    def loads(self, fn: Callable) -> Callable:
        """Decorator: ``fn`` is this data set's public loader."""
        if self.loader is not None and self.loader.__qualname__ != fn.__qualname__:
            raise ValueError(f"data set '{self.name}' already has the loader {self.loader.__qualname__}")
        self.loader = fn
        return fn

    # ------------------------------------------------------------ files
    def folder(self, seed: int | None = None) -> Path:
        """The cache folder of ``seed`` (default seed if None); the version is part of its name."""
        seed = self.default_seed if seed is None else _check_seed(seed)
        return cache_dir() / f"{self.name}_v{self.version}_seed{seed}"

    def cache_paths(self, seed: int | None = None) -> tuple[Path, ...]:
        """Where the cached files of ``seed`` are (whether or not they exist yet)."""
        folder = self.folder(seed)
        return tuple(folder / f.name for f in self.schema.files)

    def write(self, arrays: Mapping[str, np.ndarray], paths) -> None:
        """Write ``arrays`` as this data set's files at ``paths`` (one per file of the schema), atomically."""
        h5files.write(self.schema, arrays, paths)

    def read(self, paths) -> dict[str, np.ndarray]:
        """Read and check the files at ``paths`` against the schema: ``{key: array}``."""
        return h5files.read(self.schema, paths, self.name)

    # ------------------------------------------------------------ the cache
    def ensure(self, seed: int | None = None) -> tuple[tuple[Path, ...], str, dict]:
        """Make sure the cached files of ``seed`` exist and are valid.

        Returns ``(paths, state, arrays)``, ``state`` one of ``"cached"``, ``"generated"``,
        ``"regenerated"`` (a corrupt or mismatched file was replaced; a RuntimeWarning says why).
        """
        seed = self.default_seed if seed is None else _check_seed(seed)
        paths = self.cache_paths(seed)
        state = "generated"
        if all(p.exists() for p in paths):
            try:
                return paths, "cached", self._read_cached(paths)
            except (OSError, ValueError) as err:
                warnings.warn(f"dlkit.data: the cached files of data set '{self.name}' (version {self.version}, "
                              f"seed {seed}) cannot be used, generating them again. {err}", RuntimeWarning,
                              stacklevel=3)
                state = "regenerated"
        arrays = self.generate(seed=seed)
        try:
            self.write(arrays, paths)
        except OSError as err:
            raise OSError(f"cannot write data set '{self.name}' to {paths[0].parent} ({err}). If this cache folder "
                          "is read-only (as inside the grading sandbox), fill it beforehand with "
                          "dlkit.data.prepare_all().") from err
        try:
            return paths, state, self._read_cached(paths)
        except ValueError as err:
            raise ValueError(f"the generator of data set '{self.name}' (version {self.version}) does not produce "
                             f"its registered schema: {err}") from err

    def _read_cached(self, paths) -> dict[str, np.ndarray]:
        arrays = self.read(paths)
        h5files.check_sizes(self.schema, arrays, self.sizes, os.fspath(paths[0].parent), self.name)
        return arrays

    def cached_paths(self, seed: int | None = None) -> tuple[Path, ...]:
        """Paths of the cached files of ``seed``, generating them if missing or unusable."""
        return self.ensure(seed)[0]

    # ------------------------------------------------------------ what a loader does
    def load(self, path=None, *, seed: int | None = None, **role_paths):
        """The loader's work: the user's files (``path=`` a folder, or ``<role>_path=`` each file), else the cache.

        ``role_paths``: one ``<role>_path`` keyword per file of the schema (``train_path``,
        ``test_path``), all given or all None.
        """
        roles = self.schema.roles
        names = [f"{r}_path" for r in roles]
        unknown = sorted(set(role_paths) - set(names))
        if unknown:
            raise TypeError(f"unexpected argument(s) {unknown} for data set '{self.name}' (files: {names})")
        given = [role_paths.get(n) for n in names]
        listed = "/".join(f"`{n}`" for n in names)
        if path is not None:
            if any(p is not None for p in given):
                raise ValueError(f"give either `path` (a folder) or {listed}, not both")
            folder = Path(path)
            if not folder.is_dir():
                files = " and ".join(f.name for f in self.schema.files)
                raise FileNotFoundError(f"no folder {folder}: `path` must be a folder holding {files}")
            return self.outputs(self.read([folder / f.name for f in self.schema.files]))
        if all(p is not None for p in given):
            return self.outputs(self.read(given))
        if any(p is not None for p in given):
            word = "both" if len(names) == 2 else "all of"
            raise ValueError(f"give {word} " + " and ".join(f"`{n}`" for n in names))
        return self.outputs(self.ensure(seed)[2])


_REGISTRY: dict[str, DataSet] = {}


def _check_seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"`seed` must be a non-negative integer, got {seed!r}")
    return int(seed)


def register(data_set: DataSet) -> DataSet:
    """Add ``data_set`` to the registry (once per name; registering the same generator again replaces it)."""
    old = _REGISTRY.get(data_set.name)
    if old is not None and _qualname(old.generate) != _qualname(data_set.generate):
        raise ValueError(f"a data set named '{data_set.name}' is already registered (generator "
                         f"{_qualname(old.generate)}); pick another name")
    _REGISTRY[data_set.name] = data_set
    return data_set


def _qualname(fn) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"


def _import_all_submodules() -> None:
    package = importlib.import_module(__package__)
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{__package__}."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            importlib.import_module(info.name)


def registered() -> tuple[DataSet, ...]:
    """Every registered data set, by name (every submodule of ``dlkit.data`` is imported first)."""
    _import_all_submodules()
    return tuple(_REGISTRY[name] for name in sorted(_REGISTRY))


def get(name: str) -> DataSet:
    """The registered data set called ``name``."""
    sets = {d.name: d for d in registered()}
    if name not in sets:
        raise KeyError(f"no data set named {name!r}; registered: {sorted(sets)}")
    return sets[name]


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def prepare_all(progress: Callable[[str], None] | None = _to_stderr) -> dict[str, str]:
    """Generate every registered data set (default seed) into the cache now, unless already there and valid.

    One progress line per data set goes to ``progress`` (stderr by default; None for silence).
    Returns ``{name: state}``, state ``"cached"``, ``"generated"`` or ``"regenerated"``.
    """
    sets = registered()
    states = {}
    for i, data_set in enumerate(sets, 1):
        t0 = time.perf_counter()
        paths, state, _ = data_set.ensure()
        states[data_set.name] = state
        if progress is not None:
            progress(f"dlkit.data [{i}/{len(sets)}] {data_set.name} v{data_set.version} seed {data_set.default_seed}: "
                     f"{state} in {time.perf_counter() - t0:.1f} s ({paths[0].parent})")
    return states
