"""Tests for dlkit.data.images (synthetic cat / non-cat dataset and h5 I/O)."""

import os

import h5py
import numpy as np
import pytest

from dlkit.data import images


@pytest.fixture(scope="module")
def default_data():
    return images.make_binary_images()


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------
def test_schema_shapes_and_dtypes(default_data):
    d = default_data
    assert set(d) == {"train_set_x", "train_set_y", "test_set_x", "test_set_y", "list_classes"}
    assert d["train_set_x"].shape == (209, 64, 64, 3)
    assert d["test_set_x"].shape == (50, 64, 64, 3)
    assert d["train_set_x"].dtype == np.uint8
    assert d["test_set_x"].dtype == np.uint8
    assert d["train_set_y"].shape == (209,)
    assert d["test_set_y"].shape == (50,)
    assert d["train_set_y"].dtype == np.int64
    assert d["test_set_y"].dtype == np.int64
    for key in ("train_set_y", "test_set_y"):
        assert set(np.unique(d[key])) <= {0, 1}
    assert d["list_classes"].dtype.kind == "S"
    assert d["list_classes"].tolist() == [b"non-cat", b"cat"]


def test_custom_sizes_including_empty():
    d = images.make_binary_images(m_train=5, m_test=0, seed=3)
    assert d["train_set_x"].shape == (5, 64, 64, 3)
    assert d["test_set_x"].shape == (0, 64, 64, 3)
    assert d["test_set_y"].shape == (0,)
    with pytest.raises(ValueError):
        images.make_binary_images(m_train=-1)


def test_images_use_the_full_range(default_data):
    x = default_data["train_set_x"]
    assert x.min() < 20 and x.max() > 230
    # Images are not constant and not all alike.
    assert x.reshape(len(x), -1).std(axis=1).min() > 3
    assert len({img.tobytes() for img in x}) == len(x)


def test_determinism():
    a = images.make_binary_images(m_train=12, m_test=6, seed=7)
    b = images.make_binary_images(m_train=12, m_test=6, seed=7)
    c = images.make_binary_images(m_train=12, m_test=6, seed=8)
    for key in ("train_set_x", "train_set_y", "test_set_x", "test_set_y"):
        assert np.array_equal(a[key], b[key]), key
        assert a[key].tobytes() == b[key].tobytes()
    assert not np.array_equal(a["train_set_x"], c["train_set_x"])
    assert not np.array_equal(a["test_set_x"], c["test_set_x"])


def test_class_balance(default_data):
    # Mirrors the course: 72 / 209 cats in train, 33 / 50 in test.
    assert int(default_data["train_set_y"].sum()) == 72
    assert int(default_data["test_set_y"].sum()) == 33
    d = images.make_binary_images(m_train=100, m_test=20, seed=2)
    assert int(d["train_set_y"].sum()) == round(100 * 72 / 209)
    assert int(d["test_set_y"].sum()) == round(20 * 33 / 50)
    # Labels are shuffled, not sorted.
    y = default_data["train_set_y"]
    assert np.count_nonzero(np.diff(y)) > 20


def _mean_colour_features(x):
    return x.reshape(len(x), -1, 3).mean(axis=1) / 255.0


def _fit_logistic(f, y, iters=2000, lr=0.5):
    w, b = np.zeros(f.shape[1]), 0.0
    for _ in range(iters):
        a = 1.0 / (1.0 + np.exp(-(f @ w + b)))
        g = a - y
        w -= lr * f.T @ g / len(y)
        b -= lr * g.mean()
    return w, b


@pytest.mark.parametrize("sizes,seed", [(None, 1), ((300, 200), 11)])
def test_mean_colour_does_not_reveal_label(sizes, seed, default_data):
    d = default_data if sizes is None else images.make_binary_images(*sizes, seed=seed)
    ftr = _mean_colour_features(d["train_set_x"])
    fte = _mean_colour_features(d["test_set_x"])
    mu, sd = ftr.mean(axis=0), ftr.std(axis=0)
    ftr, fte = (ftr - mu) / sd, (fte - mu) / sd
    ytr, yte = d["train_set_y"], d["test_set_y"]
    w, b = _fit_logistic(ftr, ytr)
    pred = (fte @ w + b) > 0
    accuracy = np.mean(pred == yte)
    balanced = 0.5 * (np.mean(pred[yte == 1]) + np.mean(~pred[yte == 0]))
    assert accuracy < 0.70
    assert balanced < 0.65


def test_classes_differ_in_shape_not_brightness(default_data):
    x = default_data["train_set_x"].astype(np.float64)
    y = default_data["train_set_y"]
    # Similar overall brightness...
    assert abs(x[y == 1].mean() - x[y == 0].mean()) < 10
    # ...but the cat heads give a clear, different average picture in the
    # ear region (upper middle of the frame) than the non-cat images.
    diff = np.abs(x[y == 1].mean(axis=0) - x[y == 0].mean(axis=0)).mean(axis=2)
    assert diff.max() > 15


# --------------------------------------------------------------------------
# HDF5 round trip
# --------------------------------------------------------------------------
def _small():
    return images.make_binary_images(m_train=8, m_test=4, seed=5)


def test_h5_round_trip(tmp_path):
    d = _small()
    train_path, test_path = tmp_path / "train_cats.h5", tmp_path / "test_cats.h5"
    images.write_h5(d, train_path, test_path)
    assert sorted(os.listdir(tmp_path)) == ["test_cats.h5", "train_cats.h5"]  # no temp files left
    with h5py.File(train_path, "r") as f:
        assert set(f.keys()) == {"train_set_x", "train_set_y", "list_classes"}
    with h5py.File(test_path, "r") as f:
        assert set(f.keys()) == {"test_set_x", "test_set_y", "list_classes"}

    tx, ty, vx, vy, classes = images.read_h5(train_path, test_path)
    assert tx.dtype == np.uint8 and np.array_equal(tx, d["train_set_x"])
    assert vx.dtype == np.uint8 and np.array_equal(vx, d["test_set_x"])
    assert ty.shape == (1, 8) and np.array_equal(ty[0], d["train_set_y"])
    assert vy.shape == (1, 4) and np.array_equal(vy[0], d["test_set_y"])
    assert classes.tolist() == [b"non-cat", b"cat"]


def test_write_h5_overwrites_existing_files(tmp_path):
    train_path, test_path = tmp_path / "a.h5", tmp_path / "b.h5"
    images.write_h5(_small(), train_path, test_path)
    bigger = images.make_binary_images(m_train=10, m_test=3, seed=6)
    images.write_h5(bigger, str(train_path), str(test_path))
    tx, _, vx, _, _ = images.read_h5(str(train_path), str(test_path))
    assert tx.shape[0] == 10 and vx.shape[0] == 3


def test_read_h5_accepts_other_image_sizes(tmp_path):
    train_path, test_path = tmp_path / "tr.h5", tmp_path / "te.h5"
    d = {
        "train_set_x": np.zeros((3, 32, 40, 3), np.uint8),
        "train_set_y": np.array([0, 1, 1]),
        "test_set_x": np.zeros((2, 32, 40, 3), np.uint8),
        "test_set_y": np.array([1, 0]),
        "list_classes": np.array([b"non-cat", b"cat"]),
    }
    images.write_h5(d, train_path, test_path)
    tx, ty, _, vy, _ = images.read_h5(train_path, test_path)
    assert tx.shape == (3, 32, 40, 3) and ty.shape == (1, 3) and vy.shape == (1, 2)


# --------------------------------------------------------------------------
# read_h5 error paths
# --------------------------------------------------------------------------
@pytest.fixture
def good_files(tmp_path):
    train_path, test_path = tmp_path / "train.h5", tmp_path / "test.h5"
    images.write_h5(_small(), train_path, test_path)
    return train_path, test_path


def _rewrite(path, **changes):
    """Rewrite an h5 file, replacing (value) or dropping (None) datasets."""
    with h5py.File(path, "r") as f:
        content = {k: np.array(f[k]) for k in f.keys()}
    for key, value in changes.items():
        if value is None:
            content.pop(key)
        else:
            content[key] = value
    with h5py.File(path, "w") as f:
        for key, value in content.items():
            f.create_dataset(key, data=value)


def test_missing_file(good_files, tmp_path):
    train_path, _ = good_files
    missing = tmp_path / "nope.h5"
    with pytest.raises(FileNotFoundError, match="nope.h5"):
        images.read_h5(train_path, missing)
    with pytest.raises(FileNotFoundError, match="nope.h5"):
        images.read_h5(missing, train_path)


def test_not_an_hdf5_file(good_files, tmp_path):
    _, test_path = good_files
    junk = tmp_path / "junk.h5"
    junk.write_bytes(b"this is not an hdf5 file\n" * 20)
    with pytest.raises(ValueError, match=r"junk\.h5.*not an HDF5 file"):
        images.read_h5(junk, test_path)


def test_missing_key(good_files):
    train_path, test_path = good_files
    _rewrite(test_path, test_set_y=None)
    with pytest.raises(ValueError, match=r"test\.h5.*missing dataset 'test_set_y'"):
        images.read_h5(train_path, test_path)


def test_missing_list_classes(good_files):
    train_path, test_path = good_files
    _rewrite(train_path, list_classes=None)
    with pytest.raises(ValueError, match=r"train\.h5.*'list_classes'"):
        images.read_h5(train_path, test_path)


def test_mismatched_label_count(good_files):
    train_path, test_path = good_files
    _rewrite(train_path, train_set_y=np.array([0, 1, 0]))
    with pytest.raises(ValueError, match=r"train\.h5 \(data set 'binary_images'\): 'train_set_y' has shape \(3,\), "
                       r"expected \(m_train,\) with m_train = 8 as in 'train_set_x'"):
        images.read_h5(train_path, test_path)


def test_labels_must_be_binary(good_files):
    train_path, test_path = good_files
    _rewrite(train_path, train_set_y=np.arange(8))
    with pytest.raises(ValueError, match=r"train\.h5.*0 or 1"):
        images.read_h5(train_path, test_path)


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((4, 64, 64, 3), np.float32),  # wrong dtype
        np.zeros((4, 64, 64), np.uint8),  # no channel axis
        np.zeros((4, 64, 64, 4), np.uint8),  # RGBA
    ],
)
def test_bad_image_array(good_files, bad):
    train_path, test_path = good_files
    _rewrite(test_path, test_set_x=bad)
    with pytest.raises(ValueError, match=r"test\.h5.*'test_set_x' must be uint8"):
        images.read_h5(train_path, test_path)


def test_the_two_files_must_agree(good_files, tmp_path):
    train_path, test_path = good_files
    _rewrite(test_path, test_set_x=np.zeros((4, 32, 32, 3), np.uint8))
    with pytest.raises(ValueError, match=r"test\.h5 \(data set 'binary_images'\): 'test_set_x' has shape "
                                         r"\(4, 32, 32, 3\), expected \(m_test, H, W, 3\) with H = 64 as in "
                                         r"'train_set_x' of .*train\.h5"):
        images.read_h5(train_path, test_path)
    images.write_h5(_small(), train_path, test_path)
    _rewrite(test_path, list_classes=np.array([b"dog", b"cat"]))
    with pytest.raises(ValueError, match=r"test\.h5 .*'list_classes' differs from the one in .*train\.h5"):
        images.read_h5(train_path, test_path)


@pytest.mark.parametrize("labels, ok", [(np.array([[1, 0, 1, 1]]), True), (np.array([[1], [0], [1], [1]]), True),
                                        (np.array([True, False, True, True]), True),
                                        (np.ones((2, 2), np.int64), False), (np.array([1.0, 0, 1, 1]), False)])
def test_labels_may_be_a_row_or_a_column_of_integers(good_files, labels, ok):
    train_path, test_path = good_files
    _rewrite(test_path, test_set_y=labels)
    if ok:
        assert images.read_h5(train_path, test_path)[3].tolist() == [[1, 0, 1, 1]]
    else:
        with pytest.raises(ValueError, match=r"'test_set_y' must be integer labels of shape \(m_test,\) "
                                             r"\(or a row or a column\), got"):
            images.read_h5(train_path, test_path)
