"""The course's h5 schema for a labelled image set, and the five arrays its loaders return.

Two files, a train file and a test file::

    train file: train_set_x uint8 (m_train, H, W, 3), train_set_y int (m_train,), list_classes bytes (C,)
    test file:  test_set_x  uint8 (m_test, H, W, 3),  test_set_y  int (m_test,),  list_classes bytes (C,)

Train and test images have the same size (H, W), both files list the same
``C >= 2`` classes, and the labels are ``0 .. C - 1`` (or only 0 and 1 for a
two-class set). A user's own file may store the labels as a row (1, m) or a
column (m, 1) and in any integer or boolean dtype: they are read back as int64.
"""
from __future__ import annotations

import numpy as np

from .h5files import Field, H5File, H5Schema

__all__ = ["labelled_images", "course_tuple"]


def _split(role: str, name: str, values) -> H5File:
    m = f"m_{role}"
    return H5File(role, name, (
        Field(f"{role}_set_x", np.uint8, (m, "H", "W", 3), "uint8 images"),
        Field(f"{role}_set_y", np.int64, (m,), "integer labels", accept="iub", row_or_column=True, values=values),
        Field("list_classes", "S", ("C",), "a 1-D array of byte strings"),
    ))


def labelled_images(train_name: str, test_name: str, binary: bool = False) -> H5Schema:
    """The schema of a train/test pair of image files named ``train_name`` and ``test_name``.

    ``binary``: the labels must be 0 or 1 (however many classes ``list_classes`` names); else
    ``0 .. C - 1`` for the ``C`` entries of ``list_classes``.
    """
    values = (0, 2) if binary else (0, "C")
    return H5Schema((_split("train", train_name, values), _split("test", test_name, values)), at_least={"C": 2})


def course_tuple(arrays: dict) -> tuple:
    """``{key: array}`` as read from a ``labelled_images`` pair -> the course loaders' five arrays:
    ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``, images uint8
    (m, H, W, 3), labels int64 (1, m), classes bytes (C,)."""
    return (arrays["train_set_x"], arrays["train_set_y"].reshape(1, -1),
            arrays["test_set_x"], arrays["test_set_y"].reshape(1, -1), arrays["list_classes"])
