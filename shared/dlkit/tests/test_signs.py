"""The hand-sign image set: schema, determinism, balance, cache, loading a user's own files, clear errors."""
import h5py
import numpy as np
import pytest

from dlkit import data
from dlkit.data import signs


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DLKIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def small():
    return signs.make_signs(m_train=66, m_test=18, seed=7)


def test_schema(small):
    assert small["train_set_x"].shape == (66, 64, 64, 3) and small["train_set_x"].dtype == np.uint8
    assert small["test_set_x"].shape == (18, 64, 64, 3)
    assert small["train_set_y"].shape == (66,) and small["train_set_y"].dtype == np.int64
    assert list(small["list_classes"]) == [b"0", b"1", b"2", b"3", b"4", b"5"]
    assert 40 < small["train_set_x"].mean() < 200 and small["train_set_x"].std() > 20


def test_deterministic_and_seed_dependent(small):
    again = signs.make_signs(m_train=66, m_test=18, seed=7)
    for key in ("train_set_x", "train_set_y", "test_set_x", "test_set_y"):
        np.testing.assert_array_equal(again[key], small[key])
    other = signs.make_signs(m_train=66, m_test=18, seed=8)
    assert not np.array_equal(other["train_set_x"], small["train_set_x"])


def test_classes_are_balanced(small):
    assert np.bincount(small["train_set_y"], minlength=6).tolist() == [11] * 6
    assert np.bincount(small["test_set_y"], minlength=6).tolist() == [3] * 6
    odd = signs.make_signs(m_train=10, m_test=0, seed=1)
    assert np.bincount(odd["train_set_y"], minlength=6).max() - np.bincount(odd["train_set_y"], minlength=6).min() <= 1
    assert odd["test_set_x"].shape == (0, 64, 64, 3)


def test_colour_statistics_do_not_give_the_class_away():
    """A nearest-centroid classifier on each channel's mean and spread stays near chance (1/6)."""
    ds = signs.make_signs(m_train=600, m_test=300, seed=3)

    def features(x):
        x = x.reshape(len(x), -1, 3) / 255.0
        return np.concatenate([x.mean(axis=1), x.std(axis=1)], axis=1)

    train, test = features(ds["train_set_x"]), features(ds["test_set_x"])
    mu, sd = train.mean(axis=0), train.std(axis=0)
    centroids = np.stack([((train - mu) / sd)[ds["train_set_y"] == k].mean(axis=0) for k in range(6)])
    pred = np.argmin(((((test - mu) / sd)[:, None] - centroids[None]) ** 2).sum(axis=-1), axis=1)
    assert (pred == ds["test_set_y"]).mean() < 0.3


def test_generated_once_then_read_from_cache(cache):
    train_x, train_y, test_x, test_y, classes = data.load_signs()
    assert train_x.shape == (1080, 64, 64, 3) and test_x.shape == (120, 64, 64, 3)
    assert train_y.shape == (1, 1080) and test_y.shape == (1, 120)
    assert np.bincount(train_y[0]).tolist() == [180] * 6 and np.bincount(test_y[0]).tolist() == [20] * 6
    assert classes[3] == b"3"
    train_path, test_path = data.signs_paths()
    assert train_path.parent.parent == cache and train_path.name == "train_signs.h5"
    stamp = train_path.stat().st_mtime_ns
    again = data.load_signs()
    assert train_path.stat().st_mtime_ns == stamp
    np.testing.assert_array_equal(again[2], test_x)


def test_loading_a_users_own_files(tmp_path, small):
    folder = tmp_path / "mine"
    signs.write_signs_h5(small, folder / "train_signs.h5", folder / "test_signs.h5")
    train_x, train_y, test_x, test_y, classes = data.load_signs(folder)
    np.testing.assert_array_equal(train_x, small["train_set_x"])
    np.testing.assert_array_equal(test_y[0], small["test_set_y"])
    # other names, other image sizes and another number of classes are fine
    with h5py.File(tmp_path / "a.h5", "w") as f:
        f["train_set_x"] = np.zeros((4, 32, 32, 3), np.uint8)
        f["train_set_y"] = np.array([0, 1, 2, 2])
        f["list_classes"] = np.array([b"a", b"b", b"c"])
    with h5py.File(tmp_path / "b.h5", "w") as f:
        f["test_set_x"] = np.zeros((2, 32, 32, 3), np.uint8)
        f["test_set_y"] = np.array([[1, 0]])
        f["list_classes"] = np.array([b"a", b"b", b"c"])
    out = data.load_signs(train_path=tmp_path / "a.h5", test_path=tmp_path / "b.h5")
    assert out[0].shape == (4, 32, 32, 3) and out[3].tolist() == [[1, 0]] and len(out[4]) == 3


def _write(path, **arrays):
    with h5py.File(path, "w") as f:
        for k, v in arrays.items():
            f[k] = v


@pytest.mark.parametrize("train, message", [
    (dict(train_set_x=np.zeros((3, 8, 8, 3), np.uint8), list_classes=np.array([b"0", b"1"])),
     "missing dataset 'train_set_y'"),
    (dict(train_set_x=np.zeros((3, 8, 8, 3)), train_set_y=np.zeros(3, int), list_classes=np.array([b"0", b"1"])),
     "must be uint8 images"),
    (dict(train_set_x=np.zeros((3, 8, 8, 3), np.uint8), train_set_y=np.array([0, 1, 6]),
          list_classes=np.array([b"0", b"1", b"2"])),
     r"'train_set_y' values must be 0 \.\. 2 \(one per entry of 'list_classes'\)"),
    (dict(train_set_x=np.zeros((3, 8, 8, 3), np.uint8), train_set_y=np.zeros(2, int),
          list_classes=np.array([b"0", b"1"])),
     r"'train_set_y' has shape \(2,\), expected \(m_train,\) with m_train = 3"),
])
def test_a_malformed_file_is_explained(tmp_path, small, train, message):
    good = tmp_path / "good"
    signs.write_signs_h5(small, good / "train_signs.h5", good / "test_signs.h5")
    _write(tmp_path / "bad.h5", **train)
    with pytest.raises(ValueError, match=message) as info:
        data.load_signs(train_path=tmp_path / "bad.h5", test_path=good / "test_signs.h5")
    assert "bad.h5 (data set 'signs')" in str(info.value)


def test_bad_files(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_signs.h5"):
        data.load_signs(tmp_path)
    (tmp_path / "text.h5").write_text("not hdf5")
    with pytest.raises(ValueError, match="not an HDF5 file"):
        data.load_signs(train_path=tmp_path / "text.h5", test_path=tmp_path / "text.h5")
    with pytest.raises(ValueError, match="non-negative integer"):
        signs.make_signs(m_train=-1)
