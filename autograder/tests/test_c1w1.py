"""Course 1 Week 1 (the introduction quiz): references pass, known mistakes fail with their hints,
malformed answers fail the visible form check with a message that says what is off."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.exercises import c1w1
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises

C1W1 = notebook_exercises("course1/week1/intro_quiz.ipynb")
ANSWERS = [e for e in C1W1 if e.answer]


def test_every_exercise_is_registered():
    assert [e.name for e in C1W1 if not e.answer] == ["relu_price"]
    assert all(e.form_check is not None for e in ANSWERS)


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C1W1, min_mistakes=2)


@pytest.mark.parametrize("ex", ANSWERS, ids=lambda e: e.id)
def test_answer_mistakes_differ_from_the_answer_and_from_each_other(ex):
    values = [repr(sorted(m.fn().items())) for m in ex.mistakes]
    assert repr(sorted(ex.reference().items())) not in values
    assert len(set(values)) == len(values)


@pytest.mark.parametrize("ex", ANSWERS, ids=lambda e: e.id)
def test_the_released_template_fails_visibly_and_says_none(ex):
    template = {k: None for k in ex.reference()}
    ok, msg = run_checks(ex, template)
    assert not ok and "still None" in msg


def _with(ex_id, key, value):
    answer = get(ex_id).reference()
    answer[key] = value
    return answer


def _without(ex_id, key):
    answer = get(ex_id).reference()
    del answer[key]
    return answer


PHOTO, DIGIT = "photo of a cat", "photo of a handwritten digit -> digit 0-9"
FIRST_DRIVER = next(iter(c1w1.SCALE_ITEMS))

MALFORMED = [
    ("c1w1.data_kind", ["structured", "unstructured"], "should be a dict"),
    ("c1w1.data_kind", lambda: _with("c1w1.data_kind", PHOTO, "Unstructured"), "check the spelling and the capitals"),
    ("c1w1.data_kind", lambda: _with("c1w1.data_kind", PHOTO, "image"), "it must be 'structured' or 'unstructured'"),
    ("c1w1.data_kind", lambda: _with("c1w1.data_kind", PHOTO, 1), "it must be"),
    ("c1w1.data_kind", lambda: _without("c1w1.data_kind", PHOTO), "are missing"),
    ("c1w1.data_kind", lambda: _with("c1w1.data_kind", "a photo of a dog", "unstructured"), "unexpected key(s)"),
    ("c1w1.network_type", lambda: _with("c1w1.network_type", DIGIT, "cnn"), "check the spelling and the capitals"),
    ("c1w1.network_type", lambda: _with("c1w1.network_type", DIGIT, "convolutional"),
     "it must be 'standard', 'CNN', 'RNN' or 'hybrid'"),
    ("c1w1.network_type", lambda: _with("c1w1.network_type", DIGIT, None), "still None"),
    ("c1w1.network_type", ("standard",) * 9, "should be a dict"),
    ("c1w1.scale_drivers", lambda: _with("c1w1.scale_drivers", FIRST_DRIVER, "True"), "without quotes"),
    ("c1w1.scale_drivers", lambda: _with("c1w1.scale_drivers", FIRST_DRIVER, 1), "it must be True or False"),
    ("c1w1.scale_drivers", ["A", "B", "C"], "should be a dict"),
    ("c1w1.housing_shapes", {"m": 4.0, "n_x": 2}, "should be a whole number"),
    ("c1w1.housing_shapes", {"m": True, "n_x": 2}, "should be a whole number"),
    ("c1w1.housing_shapes", {"m": 0, "n_x": 2}, "at least 1"),
    ("c1w1.housing_shapes", {"m": 4}, "exactly the keys 'm' and 'n_x'"),
    ("c1w1.housing_shapes", (4, 2), "should be a dict"),
]


@pytest.mark.parametrize("ex_id, value, needle", MALFORMED, ids=lambda x: x if isinstance(x, str) else None)
def test_malformed_answers_fail_the_visible_form_check(ex_id, value, needle):
    value = value() if callable(value) else value
    ok, msg = run_checks(get(ex_id), value)
    assert not ok
    assert needle in msg, msg


def test_a_set_or_numpy_bools_are_handled():
    # a set would not survive the grader's wire format: the form check asks for a dict
    ok, msg = run_checks(get("c1w1.scale_drivers"), {"data", "computation", "algorithms"})
    assert not ok and "should be a dict" in msg
    numpy_bools = {k: np.bool_(v) for k, v in c1w1.SCALE_ITEMS.items()}
    assert run_checks(get("c1w1.scale_drivers"), numpy_bools, hidden=True)[0]
    assert run_checks(get("c1w1.housing_shapes"), {"m": np.int64(4), "n_x": np.int64(2)}, hidden=True)[0]


# ------------------------------------------------------------------ relu_price


def test_relu_price_on_the_course_houses():
    sizes = np.array([[2104.0, 1600.0, 2400.0, 3000.0]])
    np.testing.assert_allclose(c1w1.relu_price(sizes, 0.2, -50.0), [[370.8, 270.0, 430.0, 550.0]])
    np.testing.assert_allclose(c1w1.relu_price(np.array([[100.0, 250.0, 300.0]]), 0.2, -50.0), [[0.0, 0.0, 10.0]])


def test_relu_price_keeps_the_shape_and_is_never_negative():
    rng = np.random.default_rng(0)
    size = rng.uniform(0, 3000, size=(3, 5))
    out = c1w1.relu_price(size, 0.1, -100.0)
    assert out.shape == size.shape and out.dtype == np.float64 and np.all(out >= 0)
    assert float(c1w1.relu_price(1000, 0.2, -50)) == 150.0
    assert float(c1w1.relu_price(10.0, 0.2, -50)) == 0.0


def test_relu_price_every_case_has_a_house_on_the_flat_part():
    # so that leaving out the ReLU is caught on every case, random ones included
    ex = get("c1w1.relu_price")
    for hidden in (False, True):
        for case in ex.cases(hidden):
            size, w, b = case.args
            if case.label.startswith("random"):
                assert np.any(w * size + b < 0), case.label


def test_python_max_fails_with_a_readable_message():
    ok, msg = run_checks(get("c1w1.relu_price"), lambda size, w, b: max(0, w * size + b))
    assert not ok and "raised ValueError" in msg
