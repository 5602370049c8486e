"""load_binary_images: cached generation, loading a user's own files, clear errors."""
import numpy as np
import pytest

from dlkit import data


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DLKIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_generated_once_then_read_from_cache(cache):
    train_x, train_y, test_x, test_y, classes = data.load_binary_images()
    assert train_x.dtype == np.uint8 and train_x.shape[1:] == (64, 64, 3)
    assert train_y.shape == (1, train_x.shape[0]) and test_y.shape == (1, test_x.shape[0])
    assert list(classes) == [b"non-cat", b"cat"]
    train_path, test_path = data.binary_images_paths()
    assert train_path.parent.parent == cache
    stamp = train_path.stat().st_mtime_ns
    again = data.load_binary_images()
    assert train_path.stat().st_mtime_ns == stamp
    np.testing.assert_array_equal(again[0], train_x)


def test_loading_a_users_own_folder(cache, tmp_path):
    from dlkit.data import images

    ds = images.make_binary_images(m_train=6, m_test=4, seed=3)
    folder = tmp_path / "mine"
    folder.mkdir()
    images.write_h5(ds, folder / "train_catvnoncat.h5", folder / "test_catvnoncat.h5")
    train_x, train_y, test_x, test_y, _ = data.load_binary_images(folder)
    assert train_x.shape[0] == 6 and test_x.shape[0] == 4
    np.testing.assert_array_equal(train_y.ravel(), ds["train_set_y"])
    out = data.load_binary_images(train_path=folder / "train_catvnoncat.h5", test_path=folder / "test_catvnoncat.h5")
    np.testing.assert_array_equal(out[2], test_x)


@pytest.mark.parametrize("load", [data.load_binary_images, data.load_signs], ids=lambda f: f.__name__)
def test_bad_arguments(tmp_path, load):
    """Every loader takes a folder or both file paths, and says which was wrong."""
    with pytest.raises(FileNotFoundError, match="no folder"):
        load(tmp_path / "nowhere")
    with pytest.raises(ValueError, match="give both"):
        load(train_path=tmp_path / "a.h5")
    with pytest.raises(ValueError, match="not both"):
        load(tmp_path, train_path=tmp_path / "a.h5")
