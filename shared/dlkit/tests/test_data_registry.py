"""The data-set registry: every public loader is registered, the cache is keyed by version, written atomically,
regenerated when unusable, and a user's files are checked against the schema; prepare_all walks the registry."""
import ast
import hashlib
import importlib
import multiprocessing
import pkgutil
import sys
import time
import warnings
from pathlib import Path

import h5py
import numpy as np
import pytest

import dlkit.data
from dlkit.data import h5files, image_files, registry
from dlkit.data.registry import DataSet


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DLKIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


# --------------------------------------------------------------------------- every loader is registered

def _public_loaders(package_name: str) -> dict[str, object]:
    """Every public ``load_*`` function of a package and its submodules, found by importing them all."""
    package = importlib.import_module(package_name)
    modules = [package] + [importlib.import_module(m.name)
                           for m in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}.")
                           if not any(part.startswith("_") for part in m.name.split("."))]
    found = {}
    for module in modules:
        for name, obj in vars(module).items():
            if name.startswith("load_") and callable(obj) and getattr(obj, "__module__", "").startswith(package_name):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


def _unregistered(package_name: str) -> list[str]:
    loaders = {id(d.loader) for d in registry.registered()}
    return sorted(name for name, fn in _public_loaders(package_name).items() if id(fn) not in loaders)


def test_every_public_loader_of_dlkit_data_is_registered():
    loaders = _public_loaders("dlkit.data")
    assert {"dlkit.data.binary_images.load_binary_images", "dlkit.data.signs.load_signs"} <= set(loaders)
    missing = _unregistered("dlkit.data")
    assert not missing, (f"{missing} load a data set that is not registered, so prepare_all() would not "
                         "fill the grader's cache with it: register it (see the dlkit.data docstring)")


def test_every_registered_data_set_has_a_public_loader_exported_by_dlkit_data():
    for data_set in registry.registered():
        assert data_set.loader is not None, f"data set '{data_set.name}' has no loader (decorate it with .loads)"
        name = data_set.loader.__name__
        assert name.startswith("load_") and getattr(dlkit.data, name) is data_set.loader
        assert name in dlkit.data.__all__


def test_the_introspection_finds_a_loader_that_is_not_registered(tmp_path, monkeypatch):
    package = tmp_path / "fakedata"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "extra.py").write_text("def load_extra():\n    return 1\n\ndef _load_private():\n    return 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _unregistered("fakedata") == ["fakedata.extra.load_extra"]


def test_registered_imports_every_submodule():
    registry.registered()
    for info in pkgutil.walk_packages(dlkit.data.__path__, prefix="dlkit.data."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            assert info.name in sys.modules


def test_only_h5files_touches_h5py():
    folder = Path(dlkit.data.__file__).parent
    for source in sorted(folder.glob("*.py")):
        if source.name == "h5files.py":
            continue
        for node in ast.walk(ast.parse(source.read_text())):
            names = [a.name for a in node.names] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
            module = node.module if isinstance(node, ast.ImportFrom) else ""
            assert "h5py" not in names and module != "h5py", f"{source.name} imports h5py: go through h5files"


def test_names_are_unique_and_get_finds_them():
    sets = registry.registered()
    assert len({d.name for d in sets}) == len(sets)
    assert registry.get("signs") is dlkit.data.signs.DATA_SET
    with pytest.raises(KeyError, match="no data set named 'nope'; registered: .*'signs'"):
        registry.get("nope")


# --------------------------------------------------------------------------- a toy data set

SCHEMA = image_files.labelled_images("train_toy.h5", "test_toy.h5")
CALLS = []


def make_toy(seed=0, shift=0, m_train=6, m_test=3, delay=0.0):
    CALLS.append(seed)
    time.sleep(delay)
    rng = np.random.default_rng(seed)
    return {"train_set_x": rng.integers(0, 256, (m_train, 4, 4, 3)).astype(np.uint8) + np.uint8(shift),
            "train_set_y": np.arange(m_train) % 3,
            "test_set_x": rng.integers(0, 256, (m_test, 4, 4, 3)).astype(np.uint8),
            "test_set_y": np.arange(m_test) % 3, "list_classes": np.array([b"a", b"b", b"c"])}


def _toy(version=1, generate=make_toy, **sizes):
    return DataSet("toy", version, generate, SCHEMA, default_seed=0, outputs=image_files.course_tuple,
                   sizes=sizes or {"m_train": 6, "m_test": 3})


def test_generated_once_into_a_versioned_folder_then_read(cache):
    toy = _toy()
    CALLS.clear()
    first = toy.load()
    paths, state, _ = toy.ensure()
    assert state == "cached" and CALLS == [0]
    assert [p.relative_to(cache).as_posix() for p in paths] == ["toy_v1_seed0/train_toy.h5", "toy_v1_seed0/test_toy.h5"]
    np.testing.assert_array_equal(first[0], make_toy()["train_set_x"])
    assert first[1].shape == (1, 6) and first[4].tolist() == [b"a", b"b", b"c"]
    assert sorted(p.name for p in paths[0].parent.iterdir()) == ["test_toy.h5", "train_toy.h5"]  # no temp files


def test_bumping_the_version_regenerates_instead_of_reading_stale_files(cache):
    _toy(version=1).load()

    def make_toy_v2(seed=0):
        return make_toy(seed, shift=1)

    changed = _toy(version=2, generate=make_toy_v2)
    np.testing.assert_array_equal(changed.load()[0], make_toy_v2()["train_set_x"])
    assert (cache / "toy_v2_seed0").is_dir() and (cache / "toy_v1_seed0").is_dir()


def test_a_corrupt_cache_file_is_regenerated_with_a_warning(cache):
    toy = _toy()
    _, test = toy.cached_paths()
    test.write_bytes(b"\x89HDF half a file")
    with pytest.warns(RuntimeWarning, match=r"data set 'toy' \(version 1, seed 0\) cannot be used, generating them "
                                            r"again\. .*test_toy\.h5 .*not an HDF5 file"):
        out = toy.load()
    np.testing.assert_array_equal(out[2], make_toy()["test_set_x"])
    assert h5py.is_hdf5(test)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        toy.load()


def test_a_truncated_cache_file_is_regenerated(cache):
    toy = _toy()
    train, _ = toy.cached_paths()
    train.write_bytes(train.read_bytes()[:800])
    with pytest.warns(RuntimeWarning, match="generating them again"):
        assert toy.ensure()[1] == "regenerated"
    np.testing.assert_array_equal(toy.load()[0], make_toy()["train_set_x"])


@pytest.mark.parametrize("key, value, why", [
    ("train_set_x", np.zeros((6, 4, 4, 3), np.float32), r"'train_set_x' must be uint8 images"),
    ("train_set_y", None, r"missing dataset 'train_set_y'"),
    ("train_set_x", np.zeros((5, 4, 4, 3), np.uint8), r"'train_set_y' has shape \(6,\), expected \(m_train,\)"),
])
def test_a_cache_file_that_does_not_match_the_schema_is_regenerated(cache, key, value, why):
    toy = _toy()
    train, _ = toy.cached_paths()
    with h5py.File(train, "a") as f:
        del f[key]
        if value is not None:
            f[key] = value
    with pytest.warns(RuntimeWarning, match=why):
        out = toy.load()
    np.testing.assert_array_equal(out[0], make_toy()["train_set_x"])


def test_a_cache_file_of_another_size_is_regenerated(cache):
    toy = _toy()
    small = _toy(m_train=4, m_test=3)

    def make_small(seed=0):
        return make_toy(seed, m_train=4)

    small.generate = make_small
    small.write(make_small(), toy.cache_paths())  # what an unbumped, changed generator would have left
    with pytest.warns(RuntimeWarning, match=r"'train_set_x' has m_train = 4, the registered data set has m_train = 6"):
        assert toy.load()[0].shape == (6, 4, 4, 3)


def test_a_generator_that_breaks_its_schema_is_an_error(cache):
    def make_broken(seed=0):
        return {**make_toy(seed), "test_set_y": np.full(3, 7)}

    with pytest.raises(ValueError, match=r"the generator of data set 'toy' \(version 1\) does not produce its "
                                         r"registered schema: .*'test_set_y' values must be 0 \.\. 2"):
        _toy(generate=make_broken).load()


def test_a_read_only_cache_says_to_prepare_it_first(cache, monkeypatch):
    def refuse(path, arrays):
        raise PermissionError(13, "Read-only file system", str(path))

    monkeypatch.setattr(h5files, "_atomic_write", refuse)
    with pytest.raises(OSError, match=r"cannot write data set 'toy' to .*toy_v1_seed0 .*Read-only.*prepare_all\(\)"):
        _toy().load()


def _fill_and_hash(queue):
    arrays = _toy(generate=_slow_toy).load()
    queue.put(hashlib.sha256(b"".join(np.ascontiguousarray(a).tobytes() for a in arrays)).hexdigest())


def _slow_toy(seed=0):
    return make_toy(seed, delay=0.3)


def test_processes_filling_the_cache_at_once_do_not_corrupt_it(cache):
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [context.Process(target=_fill_and_hash, args=(queue,)) for _ in range(4)]
    for w in workers:
        w.start()
    results = [queue.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    expected = hashlib.sha256(b"".join(np.ascontiguousarray(a).tobytes() for a in _toy().load())).hexdigest()
    assert results == [expected] * 4
    assert sorted(p.name for p in (cache / "toy_v1_seed0").iterdir()) == ["test_toy.h5", "train_toy.h5"]


def test_arguments_are_checked(cache, tmp_path):
    toy = _toy()
    with pytest.raises(ValueError, match="`seed` must be a non-negative integer, got 1.5"):
        toy.load(seed=1.5)
    with pytest.raises(ValueError, match="give both `train_path` and `test_path`"):
        toy.load(train_path=tmp_path / "a.h5")
    with pytest.raises(ValueError, match="not both"):
        toy.load(tmp_path, test_path=tmp_path / "a.h5")
    with pytest.raises(FileNotFoundError, match="must be a folder holding train_toy.h5 and test_toy.h5"):
        toy.load(tmp_path / "nowhere")
    with pytest.raises(TypeError, match=r"unexpected argument\(s\) \['dev_path'\]"):
        toy.load(dev_path=tmp_path)
    with pytest.raises(ValueError, match="version must be an integer >= 1"):
        _toy(version=0)


def test_a_users_files_are_checked_against_the_schema(tmp_path):
    toy = _toy()
    folder = tmp_path / "mine"
    toy.write(make_toy(seed=4, m_train=9), [folder / "train_toy.h5", folder / "test_toy.h5"])
    assert toy.load(folder)[0].shape == (9, 4, 4, 3)  # the registered sizes bind the cache only
    with h5py.File(folder / "test_toy.h5", "a") as f:
        del f["list_classes"]
        f["list_classes"] = np.array([1, 2, 3])
    with pytest.raises(ValueError, match=r"test_toy\.h5 \(data set 'toy'\): 'list_classes' must be a 1-D array of "
                                         r"byte strings of shape \(C,\), got int64 \(3,\)"):
        toy.load(folder)
    (folder / "train_toy.h5").unlink()
    with pytest.raises(FileNotFoundError, match=r"train_toy\.h5 \(the train file 'train_toy\.h5' of data set 'toy'\)"):
        toy.load(train_path=folder / "train_toy.h5", test_path=folder / "test_toy.h5")


def test_a_schema_describes_itself():
    assert SCHEMA.describe().splitlines()[0] == ("train_toy.h5: train_set_x uint8 (m_train, H, W, 3), "
                                                 "train_set_y int64 (m_train,), list_classes bytes (C,)")
    with pytest.raises(ValueError, match="row_or_column applies to 1-D fields only"):
        h5files.Field("x", np.int64, ("m", 2), "labels", row_or_column=True)


# --------------------------------------------------------------------------- registering and prepare_all

def test_a_name_is_registered_once(monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", {})
    registry.register(_toy())
    registry.register(_toy(version=2))  # the same generator again (a new version, a reload) replaces it
    assert registry._REGISTRY["toy"].version == 2

    def make_other(seed=0):
        return make_toy(seed)

    with pytest.raises(ValueError, match="a data set named 'toy' is already registered"):
        registry.register(_toy(generate=make_other))


def test_prepare_all_walks_the_registry_with_a_progress_line_each(cache, monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", {})  # dlkit.data's own modules are imported already: only the toy
    toy = registry.register(_toy())
    lines = []
    assert dlkit.data.prepare_all(progress=lines.append) == {"toy": "generated"}
    assert len(lines) == 1 and lines[0].startswith("dlkit.data [1/1] toy v1 seed 0: generated in ")
    assert all(p.exists() for p in toy.cache_paths())
    assert dlkit.data.prepare_all(progress=None) == {"toy": "cached"}


def test_prepare_all_fills_an_empty_cache_with_every_registered_data_set(cache, capsys):
    names = [d.name for d in dlkit.data.registered()]
    assert dlkit.data.prepare_all() == dict.fromkeys(names, "generated")
    err = capsys.readouterr().err
    assert [line.split(": ")[0] for line in err.splitlines()] == [
        f"dlkit.data [{i}/{len(names)}] {d.name} v{d.version} seed {d.default_seed}"
        for i, d in enumerate(dlkit.data.registered(), 1)]
    stamps = {p: p.stat().st_mtime_ns for d in dlkit.data.registered() for p in d.cache_paths()}
    assert dlkit.data.prepare_all(progress=None) == dict.fromkeys(names, "cached")
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
