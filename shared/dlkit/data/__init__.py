"""Seeded, cached data sets in the course's schemas; nothing is ever downloaded.

``load_binary_images()`` returns the Week 2 image set as the course's loader
did: ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``.
On first use the images are generated (seeded) and written as two h5 files in
the user cache folder; later calls read those files. Pass ``path=`` (a folder
holding ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``) or
``train_path=``/``test_path=`` to load your own files of the same schema.

``load_signs()`` does the same for the six-class hand-sign set of Course 2
Week 3 and Course 4 (``train_signs.h5`` / ``test_signs.h5``, labels 0..5).

What counts as a data set (the rule ``tests/test_data_registry.py`` enforces)
---------------------------------------------------------------------------
A *data set* is whatever a public ``load_*`` function of any submodule returns:
it is generated once, cached as h5 files and read back. Every one is registered
once, in the module that defines it, with ``registry.register(DataSet(name,
version, generator, h5 schema, default seed, ...))``, and its ``load_*`` is
marked with ``@DATA_SET.loads``; all h5 reading and writing goes through
``h5files`` (no other module imports h5py). Generators named ``make_*`` that
return arrays in memory and are never cached (the planar sets of ``planar``)
are not data sets and do not register.

Adding one: write ``make_x(seed=...) -> {key: array}``, describe its files with
``h5files.H5File``/``Field`` (or reuse ``image_files.labelled_images``), register
it, and write ``load_x`` as a one-line call of ``DATA_SET.load``, like ``signs``.
Bump ``version`` whenever the generator's output changes.

``registered()`` lists the registered data sets and ``prepare_all()`` fills the
cache with every one of them (the grader calls it before sandboxed grading,
where the cache is read-only); neither relies on a hand-kept list.
"""
from __future__ import annotations

from .binary_images import binary_images_paths, load_binary_images
from .cache import cache_dir
from .registry import DataSet, prepare_all, registered
from .signs import load_signs, signs_paths

__all__ = ["DataSet", "binary_images_paths", "cache_dir", "load_binary_images", "load_signs", "prepare_all",
           "registered", "signs_paths"]
