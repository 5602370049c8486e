"""Seeded, cached data sets in the course's schemas; nothing is ever downloaded.

``load_binary_images()`` returns the Week 2 image set as the course's loader
did: ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``.
On first use the images are generated (seeded) and written as two h5 files in
the user cache folder; later calls read those files. Pass ``path=`` (a folder
holding ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``) or
``train_path=``/``test_path=`` to load your own files of the same schema.

``load_signs()`` does the same for the six-class hand-sign set of Course 2
Week 3 and Course 4 (``train_signs.h5`` / ``test_signs.h5``, labels 0..5).
"""
from __future__ import annotations

from .cache import cache_dir
from .binary_images import load_binary_images, binary_images_paths
from .signs import load_signs, signs_paths

__all__ = ["cache_dir", "load_binary_images", "binary_images_paths", "load_signs", "signs_paths", "prepare_all"]


def prepare_all() -> None:
    """Generate every cached data set now (the grader does this before running sandboxed notebooks)."""
    binary_images_paths()
    signs_paths()
