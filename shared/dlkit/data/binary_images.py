"""The Week 2 / Week 4 two-class image set, registered as the data set ``binary_images`` and cached as h5."""
from __future__ import annotations

from pathlib import Path

from . import image_files, images
from .registry import DataSet, register

__all__ = ["load_binary_images", "binary_images_paths", "DATA_SET", "DEFAULT_SEED", "TRAIN_NAME", "TEST_NAME"]

# Seed 5 gives the course's story: logistic regression 70 % on test (above the
# 66 % of always answering "cat"), a 4-layer network 88 %. (Seed 1: 64 % / 82 %.)
DEFAULT_SEED = 5
TRAIN_NAME, TEST_NAME = images.TRAIN_NAME, images.TEST_NAME

DATA_SET = register(DataSet(
    name="binary_images",
    version=2,  # bump when the generator changes, so that old cached files are not reused
    generate=images.make_binary_images,
    schema=images.H5_SCHEMA,
    default_seed=DEFAULT_SEED,
    outputs=image_files.course_tuple,
    sizes={"m_train": 209, "m_test": 50, "H": images.IMAGE_SIZE, "W": images.IMAGE_SIZE, "C": 2},
))


def binary_images_paths(seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Paths of the cached (train, test) h5 files for ``seed``, generating them if missing or unusable."""
    return DATA_SET.cached_paths(seed)


@DATA_SET.loads
def load_binary_images(path=None, *, train_path=None, test_path=None, seed: int = DEFAULT_SEED):
    """Load the two-class 64x64x3 image set.

    Returns ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``:
    images uint8 (m, 64, 64, 3), labels (1, m) of 0/1, ``classes`` the byte
    strings ``[b"non-cat", b"cat"]``. With no arguments the seeded set is
    generated (first call) or read from the cache. ``path`` is a folder with
    ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``; ``train_path`` and
    ``test_path`` name the two files directly (checked against the schema in
    ``image_files``: a mismatch is a ValueError naming the file and what is wrong).
    """
    return DATA_SET.load(path, train_path=train_path, test_path=test_path, seed=seed)
