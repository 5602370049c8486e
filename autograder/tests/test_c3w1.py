"""Course 3 Week 1 (ML strategy 1): references pass, every known mistake fails with its hint, the notes'
worked numbers are cases, the case-study answers follow from their tables, malformed answers get a
message that says what is off, and the notebook's tables equal the ones the answers are computed from."""
import ast
from pathlib import Path

import numpy as np
import pytest

from autograder import registry
from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.course import default_root
from autograder.exercises import c3w1  # registers this week's exercises (and no other week's)
from autograder.exercises._answers import changed, flipped
from autograder.registry import get

# Only this module's exercises: importing it registers them, without loading the other weeks.
C3W1 = [e for k, e in sorted(registry._REGISTRY.items()) if k.startswith("c3w1.")]
ANSWERS = [e for e in C3W1 if e.answer]
SOURCE = default_root() / "authoring" / "course3" / "week1" / "ml_strategy_1.py"


def test_every_answer_exercise_checks_the_form():
    assert ANSWERS and all(e.form_check is not None for e in ANSWERS)


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C3W1)


@pytest.mark.parametrize("ex", [e for e in C3W1 if not e.answer], ids=lambda e: e.id)
def test_known_mistakes_also_fail_the_hidden_check(ex):
    for mistake in ex.mistakes:
        ok, _ = run_checks(ex, mistake.fn, hidden=True)
        assert not ok, mistake.name


@pytest.mark.parametrize("ex", ANSWERS, ids=lambda e: e.id)
def test_answer_mistakes_differ_from_the_answer_and_from_each_other(ex):
    values = [repr(m.fn()) for m in ex.mistakes]
    assert repr(ex.reference()) not in values
    assert len(set(values)) == len(values)


# ------------------------------------------------------------------ the notes' worked numbers


def _fixed(ex_id, label_part):
    ex = get(ex_id)
    case = next(c for c in ex.fixed_cases if label_part in c.label)
    return ex.reference(*case.args, **case.kwargs)


def test_notes_numbers_are_fixed_cases():
    assert _fixed("c3w1.precision_recall_f1", "classifier A") == pytest.approx((0.95, 0.90, 0.9243243), abs=1e-7)
    assert _fixed("c3w1.precision_recall_f1", "classifier B") == pytest.approx((0.98, 0.85, 0.9103825), abs=1e-7)
    assert _fixed("c3w1.precision_recall_f1", "no positive prediction") == (0.0, 0.0, 0.0)
    assert _fixed("c3w1.pick_classifier", "A/B/C") == 1
    assert _fixed("c3w1.pick_classifier", "trigger-word") == 1
    assert _fixed("c3w1.pick_classifier", "nothing runs") is None
    assert _fixed("c3w1.split_sizes", "100 examples") == (60, 20, 20)
    assert _fixed("c3w1.split_sizes", "1,000,000") == (980_000, 10_000, 10_000)
    assert _fixed("c3w1.weighted_error", "algorithm A:") == pytest.approx(0.177966, abs=1e-6)
    assert _fixed("c3w1.weighted_error", "algorithm B:") == pytest.approx(0.042373, abs=1e-6)
    assert _fixed("c3w1.weighted_error", "all weights 1") == pytest.approx(0.03)
    radiology = _fixed("c3w1.avoidable_bias_and_variance", "radiology")
    assert radiology["human_proxy"] == 0.5 and np.isclose(radiology["variance"], 0.2)
    assert _fixed("c3w1.avoidable_bias_and_variance", "scenario A") == pytest.approx(
        {"human_proxy": 1.0, "avoidable_bias": 7.0, "variance": 2.0})
    assert _fixed("c3w1.avoidable_bias_and_variance", "scenario B") == pytest.approx(
        {"human_proxy": 7.5, "avoidable_bias": 0.5, "variance": 2.0})
    assert _fixed("c3w1.avoidable_bias_and_variance", "row A") == pytest.approx(
        {"human_proxy": 0.5, "avoidable_bias": 4.5, "variance": 1.0})
    assert _fixed("c3w1.avoidable_bias_and_variance", "row C") == pytest.approx(
        {"human_proxy": 0.5, "avoidable_bias": 0.2, "variance": 0.1})
    expected_focus = {"scenario A": "bias", "scenario B": "variance", "row A": "bias", "row B": "variance",
                      "row C": "bias", "train 0.6": "variance", "train 0.3": "unclear",
                      "human 0.5 %, train 0.3 %": "unclear", "both gaps are 2": "variance",
                      "equal to the proxy": "variance"}
    for label, focus in expected_focus.items():
        assert _fixed("c3w1.next_focus", label) == focus, label


def test_weighted_example_counts():
    y, pred, w = (a.ravel() for a in c3w1.FILTER_A)
    assert y.size == 1000 and np.sum(w == 10) == 20 and np.sum(y != pred) == 30
    assert np.sum((y != pred) & (w == 10)) == 20
    y, pred, w = (a.ravel() for a in c3w1.FILTER_B)
    assert np.sum(y != pred) == 50 and np.sum((y != pred) & (w == 10)) == 0


def test_every_random_case_is_valid_for_its_reference():
    for ex in C3W1:
        if ex.answer:
            continue
        for hidden in (False, True):
            for case in ex.cases(hidden):
                ex.reference(*case.args, **case.kwargs)  # no ValueError


def test_random_pick_cases_exercise_the_inclusive_threshold():
    ex = get("c3w1.pick_classifier")
    cases = [c for c in ex.cases(hidden=True) if c.label.startswith(("random", "8 random", "3 random"))
             or "random classifiers" in c.label]
    assert cases
    assert any(np.any(np.asarray(c.args[1]) == np.asarray(c.args[2])[:, None]) for c in cases)


# ------------------------------------------------------------------ course-style student solutions


def _loop_pick(optimizing, satisficing, thresholds, maximize=True):
    """A student's loop version, with Python comparisons."""
    best, best_value = None, None
    for i in range(len(optimizing)):
        if all(satisficing[j][i] <= thresholds[j] for j in range(len(thresholds))):
            value = optimizing[i] if maximize else -optimizing[i]
            if best is None or value > best_value:
                best, best_value = i, value
    return best


def _int_prf(y_true, y_pred):
    t, p = list(np.ravel(y_true).astype(int)), list(np.ravel(y_pred).astype(int))
    tp = sum(1 for a, b in zip(t, p) if a == 1 and b == 1)
    fp = sum(1 for a, b in zip(t, p) if a == 0 and b == 1)
    fn = sum(1 for a, b in zip(t, p) if a == 1 and b == 0)
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return precision, recall, f1


def _percent_style_focus(human_errors, train_error, dev_error):
    best = min(human_errors)
    if train_error < best:
        return "unclear"
    return "bias" if train_error - best > dev_error - train_error else "variance"


@pytest.mark.parametrize("ex_id, fn", [
    ("c3w1.pick_classifier", _loop_pick),
    ("c3w1.precision_recall_f1", _int_prf),
    ("c3w1.next_focus", _percent_style_focus),
])
def test_course_style_solutions_pass(ex_id, fn):
    for hidden in (False, True):
        ok, msg = run_checks(get(ex_id), fn, hidden=hidden)
        assert ok, msg


def test_zero_division_raising_is_reported_with_the_case():
    def raw(y_true, y_pred):
        t, p = np.ravel(y_true).tolist(), np.ravel(y_pred).tolist()
        tp = sum(a == b == 1 for a, b in zip(t, p))
        fp = sum(a == 0 and b == 1 for a, b in zip(t, p))
        fn = sum(a == 1 and b == 0 for a, b in zip(t, p))
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        return precision, recall, 2 * precision * recall / (precision + recall)

    ok, msg = run_checks(get("c3w1.precision_recall_f1"), raw)
    assert not ok and "ZeroDivisionError" in msg and "no positive prediction" in msg


def test_minus_one_for_nothing_feasible_is_named():
    def minus_one(optimizing, satisficing, thresholds, maximize=True):
        out = _loop_pick(optimizing, satisficing, thresholds, maximize)
        return -1 if out is None else out

    ok, msg = run_checks(get("c3w1.pick_classifier"), minus_one)
    assert not ok and "return None" in msg


# ------------------------------------------------------------------ the case study


def test_case_study_answers_follow_from_the_tables():
    assert c3w1._bird_choice() == "Wren-S"
    assert c3w1._bird_diagnosis() == {"human_proxy": 2.0, "avoidable_bias": 5.0, "variance": 3.0, "focus": "bias"}
    assert c3w1.BIRD_SPLIT == {"plan": "shuffled", "sizes": (245_000, 2_500, 2_500)}
    assert list(c3w1.BIRD_METRICS.values()).count("optimizing") == 1
    # every wrong detector name is what one specific slip picks
    names, acc, recall, alarms, latency = c3w1._detector_table()
    s = c3w1.strategy
    assert names[int(np.argmax(recall))] == "Heron-XL"
    assert names[s.pick_classifier(recall, [alarms], [2.0])] == "Kite-M"
    assert names[s.pick_classifier(recall, [latency], [200.0])] == "Swift-M"
    assert names[s.pick_classifier(recall, [alarms, latency], [2.0 - 1e-9, 200.0])] == "Finch-S"
    assert names[s.pick_classifier(acc, [alarms, latency], [2.0, 200.0])] == "Robin-T"
    # the next steps are those of the diagnosis
    assert c3w1._bird_diagnosis()["focus"] == "bias"


def _assignments(path: Path) -> dict:
    """Every top-level `name = <literal>` of the notebook source (code cells only), the last one winning."""
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if not ln.startswith("# %%")]
    code = "\n".join(ln for ln in lines if not ln.startswith("# ") and ln != "#" and not ln.startswith("%"))
    found = {}
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found.setdefault(node.targets[0].id, []).append(ast.literal_eval(node.value))
            except ValueError:
                pass
    return found


def test_notebook_tables_equal_the_answer_tables():
    found = _assignments(SOURCE)
    assert found["detectors"][-1] == c3w1.DETECTORS
    assert found["max_false_alarms"][-1] == c3w1.MAX_FALSE_ALARMS
    assert found["max_latency"][-1] == c3w1.MAX_LATENCY
    assert found["human_levels"][-1] == c3w1.HUMAN_LEVELS
    assert found["bird_train_error"][-1] == c3w1.BIRD_TRAIN_ERROR
    assert found["bird_dev_error"][-1] == c3w1.BIRD_DEV_ERROR
    assert found["n_frames"][-1] == c3w1.N_FRAMES
    # the templates list exactly the items the answers expect, and the solutions are the answers
    assert list(found["bird_metric"][0]) == list(c3w1.BIRD_METRICS) and found["bird_metric"][-1] == c3w1.BIRD_METRICS
    assert list(found["bird_next_steps"][0]) == list(c3w1.NEXT_STEPS)
    assert found["bird_next_steps"][-1] == c3w1.NEXT_STEPS
    assert set(found["bird_diagnosis"][0]) == set(c3w1.DIAGNOSIS_KEYS)
    assert set(found["bird_split"][0]) == {"plan", "sizes"}


@pytest.mark.parametrize("ex", ANSWERS, ids=lambda e: e.id)
def test_the_released_templates_fail_visibly_and_say_none(ex):
    templates = _assignments(SOURCE)
    ok, msg = run_checks(ex, templates[ex.name][0])
    assert not ok and "still None" in msg, msg


def test_wrong_answers_name_their_items_by_a_unique_part():
    assert changed(c3w1.BIRD_METRICS, {"alarms": "not used"})["false alarms per camera per day"] == "not used"
    assert flipped(c3w1.NEXT_STEPS, "bigger dev")["collect a bigger dev set"] is True
    with pytest.raises(ValueError, match="names 2 keys"):
        flipped(c3w1.NEXT_STEPS, "bigger")  # a bigger network and a bigger dev set
    with pytest.raises(ValueError, match="names 0 keys"):
        changed(c3w1.BIRD_METRICS, {"precision": "optimizing"})


def _with(ex_id, key, value):
    answer = get(ex_id).reference()
    answer[key] = value
    return answer


MALFORMED = [
    ("c3w1.bird_metric", lambda: _with("c3w1.bird_metric", "recall", "Optimizing"), "check the spelling"),
    ("c3w1.bird_metric", lambda: _with("c3w1.bird_metric", "accuracy", "optimizing"), "exactly ONE optimizing"),
    ("c3w1.bird_metric", lambda: _with("c3w1.bird_metric", "recall", "satisficing"), "0 metrics are marked"),
    ("c3w1.bird_metric", ["recall"], "should be a dict"),
    ("c3w1.bird_split", lambda: _with("c3w1.bird_split", "plan", "Shuffled"), "check the spelling"),
    ("c3w1.bird_split", lambda: _with("c3w1.bird_split", "plan", "random"), "is not one of"),
    ("c3w1.bird_split", lambda: _with("c3w1.bird_split", "sizes", (0.98, 0.01, 0.01)), "whole number"),
    ("c3w1.bird_split", lambda: _with("c3w1.bird_split", "sizes", (245_000, 5_000)), "three whole numbers"),
    ("c3w1.bird_split", lambda: _with("c3w1.bird_split", "sizes", (245_000, 2_500, 2_000)), "add up to"),
    ("c3w1.bird_split", lambda: _with("c3w1.bird_split", "sizes", (250_500, -500, 0)), "cannot be negative"),
    ("c3w1.bird_split", {"plan": "shuffled"}, "exactly the keys"),
    ("c3w1.bird_choice", 3, "answer with the detector's NAME"),
    ("c3w1.bird_choice", "wren-s", "check the spelling"),
    ("c3w1.bird_choice", "Sparrow-Z", "is not one of the detectors"),
    ("c3w1.bird_choice", ["Wren-S"], "should be the name of a detector"),
    ("c3w1.bird_diagnosis", lambda: _with("c3w1.bird_diagnosis", "focus", "Bias"), "must be 'bias'"),
    ("c3w1.bird_diagnosis", lambda: _with("c3w1.bird_diagnosis", "variance", "3"), "should be a number"),
    ("c3w1.bird_diagnosis", lambda: _with("c3w1.bird_diagnosis", "variance", True), "should be a number"),
    ("c3w1.bird_diagnosis", {"human_proxy": 2.0, "avoidable_bias": 5.0, "variance": 3.0}, "add 'focus'"),
    ("c3w1.bird_diagnosis", (2.0, 5.0, 3.0, "bias"), "should be a dict"),
    ("c3w1.bird_next_steps", lambda: _with("c3w1.bird_next_steps", "collect a bigger dev set", "False"),
     "without quotes"),
]


@pytest.mark.parametrize("ex_id, value, needle", MALFORMED, ids=lambda x: x if isinstance(x, str) else None)
def test_malformed_answers_fail_the_visible_form_check(ex_id, value, needle):
    value = value() if callable(value) else value
    ok, msg = run_checks(get(ex_id), value)
    assert not ok
    assert needle in msg, msg


def test_numpy_values_in_answers_are_accepted():
    split = {"plan": "shuffled", "sizes": tuple(np.int64(v) for v in (245_000, 2_500, 2_500))}
    assert run_checks(get("c3w1.bird_split"), split, hidden=True)[0]
    diagnosis = {"human_proxy": np.float64(2.0), "avoidable_bias": np.float64(5.0), "variance": np.float64(3.0),
                 "focus": "bias"}
    assert run_checks(get("c3w1.bird_diagnosis"), diagnosis, hidden=True)[0]
    assert run_checks(get("c3w1.bird_split"), {"plan": "shuffled", "sizes": [245_000, 2_500, 2_500]}, hidden=True)[0]
