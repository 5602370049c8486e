"""read_notebook: one clear reason for each kind of broken file."""
import json

import pytest

from autograder.validate import NotANotebook, read_notebook


@pytest.mark.parametrize("content, needle", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\xff\xfe", "binary data"),
    (b'{"cells": [', "not valid JSON"),
    (b"[1, 2]", "not a Jupyter notebook"),
    (json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode(), "no cells"),
    (json.dumps({"cells": [{"cell_type": "bogus"}], "metadata": {}, "nbformat": 4,
                 "nbformat_minor": 5}).encode(), "not a valid notebook"),
])
def test_broken_files(tmp_path, content, needle):
    p = tmp_path / "x.ipynb"
    p.write_bytes(content)
    with pytest.raises(NotANotebook, match=needle):
        read_notebook(p)


def test_missing_and_folder(tmp_path):
    with pytest.raises(NotANotebook, match="no such file"):
        read_notebook(tmp_path / "nope.ipynb")
    with pytest.raises(NotANotebook, match="is a folder"):
        read_notebook(tmp_path)
