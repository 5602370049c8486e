"""Which submitted file is graded as which notebook: exact names, renamed copies, ambiguity."""
import pytest

from autograder.scan import match_files, original_name

EXPECTED = ["optimization_methods.ipynb", "gradient_checking.ipynb"]


@pytest.mark.parametrize("name", [
    "optimization_methods (1).ipynb", "optimization_methods(2).ipynb", "optimization_methods-Copy1.ipynb",
    "optimization_methods - Copy.ipynb", "optimization_methods - Copy (2).ipynb", "optimization_methods copy.ipynb",
    "optimization_methods copy 3.ipynb", "Copy of optimization_methods.ipynb", "Copy of optimization_methods (1).ipynb",
])
def test_renames_by_browsers_and_file_managers_are_recognised(name):
    assert original_name(name, set(EXPECTED)) == "optimization_methods.ipynb"


@pytest.mark.parametrize("name", [
    "optimization_methods.ipynb",  # not a rename
    "optimization_methods_final.ipynb", "optimization_methods_v2.ipynb", "my optimization_methods.ipynb",
    "optimization_methods (1).ipynb.txt", "Optimization_Methods (1).ipynb", "other (1).ipynb",
])
def test_anything_else_is_not_guessed(name):
    assert original_name(name, set(EXPECTED)) is None


def _folder(tmp_path, *names):
    for n in names:
        (tmp_path / n).write_text("{}")
    return tmp_path


def test_a_single_renamed_copy_is_matched_with_a_note(tmp_path):
    files, problems, refused = match_files(_folder(tmp_path, "optimization_methods (1).ipynb",
                                                   "gradient_checking.ipynb"), "c2w2", EXPECTED)
    assert {k: v.name for k, v in files.items()} == {"optimization_methods.ipynb": "optimization_methods (1).ipynb",
                                                     "gradient_checking.ipynb": "gradient_checking.ipynb"}
    assert problems == ["graded `optimization_methods (1).ipynb` as optimization_methods.ipynb"] and not refused


def test_the_original_is_graded_and_its_copy_ignored(tmp_path):
    files, problems, refused = match_files(_folder(tmp_path, "optimization_methods.ipynb",
                                                   "optimization_methods (1).ipynb"), "c2w2", EXPECTED)
    assert files["optimization_methods.ipynb"].name == "optimization_methods.ipynb"
    assert problems == ["`optimization_methods (1).ipynb` ignored: optimization_methods.ipynb is there too and "
                        "was graded", "gradient_checking.ipynb: missing"]
    assert not refused


def test_two_copies_and_no_original_are_refused_naming_both(tmp_path):
    files, problems, refused = match_files(_folder(tmp_path, "optimization_methods (1).ipynb",
                                                   "Copy of optimization_methods.ipynb"), "c2w2", EXPECTED)
    assert files == {}
    why = ("`Copy of optimization_methods.ipynb` and `optimization_methods (1).ipynb` are both renamed copies of "
           "it and there is no optimization_methods.ipynb")
    assert refused == {"optimization_methods.ipynb": why}
    assert problems == [f"optimization_methods.ipynb not graded: {why}; keep the one to grade and name it "
                        "optimization_methods.ipynb", "gradient_checking.ipynb: missing"]


def test_three_copies_are_listed(tmp_path):
    _, _, refused = match_files(_folder(tmp_path, "optimization_methods (1).ipynb", "optimization_methods (2).ipynb",
                                        "Copy of optimization_methods.ipynb"), "c2w2", EXPECTED)
    assert refused["optimization_methods.ipynb"].startswith(
        "`Copy of optimization_methods.ipynb`, `optimization_methods (1).ipynb` and `optimization_methods (2).ipynb` "
        "are all renamed copies")


def test_a_stray_notebook_is_reported_with_the_expected_names(tmp_path):
    files, problems, _ = match_files(_folder(tmp_path, "optimization_methods_final.ipynb"), "c2w2", EXPECTED)
    assert files == {}
    assert problems[0] == ("`optimization_methods_final.ipynb`: not a notebook of c2w2 (ignored; expected "
                           "optimization_methods.ipynb, gradient_checking.ipynb)")
