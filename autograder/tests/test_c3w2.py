"""Every Course 3 Week 2 exercise: the reference passes, each known mistake fails with its hint,
the notes' worked numbers are fixed cases, the gradient check names what is wrong, and the
case study's answers are checked for form (visibly) and content (hidden)."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.exercises import c3w2
from autograder.registry import all_exercises, get
from dlkit import error_analysis as ea, multitask as mt

C3W2 = [e for e in all_exercises() if e.id.startswith("c3w2.")]
ANSWERS = [e for e in C3W2 if e.answer]


def test_every_answer_exercise_checks_the_form():
    assert ANSWERS and all(e.form_check is not None for e in ANSWERS)


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C3W2)


@pytest.mark.parametrize("ex", ANSWERS, ids=lambda e: e.id)
def test_the_released_template_fails_visibly_and_says_none(ex):
    template = {k: None for k in ex.reference()}
    ok, msg = run_checks(ex, template)
    assert not ok and "still None" in msg


# ------------------------------------------------------------ the notes' numbers

def test_spreadsheet_fractions_and_ceilings():
    table = get("c3w2.error_analysis_table").reference(*get("c3w2.error_analysis_table").fixed_cases[0].args)
    assert table["dog"] == pytest.approx(0.08) and table["great cat"] == pytest.approx(0.43)
    assert table["blurry"] == pytest.approx(0.61) and table["instagram filter"] == pytest.approx(0.12)
    assert table["incorrectly labeled"] == pytest.approx(0.06)
    assert sum(table[c] for c in ("dog", "great cat", "blurry", "instagram filter")) == pytest.approx(1.24)
    assert ea.ceiling(0.10, 0.05) == pytest.approx(0.095)
    assert ea.ceiling(0.10, 0.50) == pytest.approx(0.05)
    labels = " ".join(c.label for c in get("c3w2.ceiling").fixed_cases)
    assert "9.5 %" in labels and "5 %" in labels


def test_label_noise_cases():
    c1, c2 = ea.mislabeled_share(0.10, 0.006), ea.mislabeled_share(0.02, 0.006)
    assert c1["other_error"] == pytest.approx(0.094) and c1["share"] == pytest.approx(0.06)
    assert c2["other_error"] == pytest.approx(0.014) and c2["share"] == pytest.approx(0.30)
    assert ea.mislabeled_share(0.021, 0.006, 0.019)["fix_labels"] is True
    assert ea.mislabeled_share(0.10, 0.006, 0.08)["fix_labels"] is False


def test_cat_app_split_and_mirror():
    opt2 = ea.mismatched_split(200_000, 10_000, 2_500, 2_500)
    assert sum(opt2["train"].values()) == 205_000 and opt2["train"]["app"] == 5_000
    assert opt2["dev"] == {"web": 0.0, "app": 2_500.0} and opt2["test"] == {"web": 0.0, "app": 2_500.0}
    opt1 = ea.mismatched_split(200_000, 10_000, 2_500, 2_500, shuffle_all=True)
    assert opt1["dev"]["web"] == pytest.approx(2380.95, abs=0.005)
    assert opt1["dev"]["app"] == pytest.approx(119.05, abs=0.005)
    mirror = ea.mismatched_split(500_000, 20_000, 5_000, 5_000)
    assert sum(mirror["train"].values()) == 510_000


@pytest.mark.parametrize("name, gaps, verdict", [
    ("A", (1, None, None), ["ambiguous"]),
    ("B", (1, 8, 1), ["variance"]),
    ("C", (1, 0.5, 8.5), ["data_mismatch"]),
    ("D", (10, 1, 1), ["avoidable_bias"]),
    ("E", (10, 1, 9), ["avoidable_bias", "data_mismatch"]),
    ("F", (3, 3, -4), ["avoidable_bias", "variance"]),
])
def test_scenario_table(name, gaps, verdict):
    g = ea.error_gaps(*c3w2.SCENARIOS[name])
    for key, value in zip(("avoidable_bias", "variance", "data_mismatch"), gaps):
        assert (g[key] is None) if value is None else g[key] == pytest.approx(value)
    assert ea.diagnose_gaps(g) == verdict
    if name == "F":
        assert g["dev_overfit"] == 0.0
    if name == "A":
        assert g["train_to_dev"] == 9


def test_multitask_worked_numbers():
    half = np.full((4, 4), 0.5)
    assert mt.multitask_loss(half, mt.SEED_Y) == pytest.approx(1.9061547, abs=1e-7)
    assert mt.multitask_loss(mt.NOTES_Y_HAT, mt.SEED_Y) == pytest.approx(0.6345479, abs=1e-7)
    assert mt.multitask_loss(half, mt.SEED_Y, per_label=True) == pytest.approx(0.6931472, abs=1e-7)
    assert mt.multitask_loss(mt.NOTES_Y_HAT, mt.SEED_Y, per_label=True) == pytest.approx(0.2307447, abs=1e-7)
    assert int(np.isnan(mt.SEED_Y).sum()) == 5


# ------------------------------------------------------------ gradient check

def test_gradient_check_passes_the_reference():
    ex = get("c3w2.multitask_loss_and_grad")
    for case in ex.fixed_cases:
        verdict = ex.gradcheck(ex.reference, case)
        assert "match" in verdict, verdict


@pytest.mark.parametrize("mistake, phrase", [
    ("grad_no_1_over_m", "missing the 1/m"),
    ("grad_sign", "wrong sign"),
    ("grad_on_question_marks", "not 0 where Y is '?'"),
    ("grad_nan", "contains NaN"),
])
def test_gradient_check_says_what_is_wrong(mistake, phrase):
    ex = get("c3w2.multitask_loss_and_grad")
    fn = next(m.fn for m in ex.mistakes if m.name == mistake)
    ok, msg = run_checks(ex, fn)
    assert not ok and "Gradient check:" in msg and phrase in msg, msg


def test_gradient_check_per_label_mismatch():
    ex = get("c3w2.multitask_loss_and_grad")
    fn = next(m.fn for m in ex.mistakes if m.name == "grad_per_label_m")
    verdict = ex.gradcheck(fn, ex.fixed_cases[1])
    assert "normalised by m while your cost divides by the number of labelled entries" in verdict


# ------------------------------------------------------------ extra checks

def test_transfer_extra_key_is_caught():
    ex = get("c3w2.transfer_learning")

    def extra(parameters, n_out, seed=0):
        out = ex.reference(parameters, n_out, seed)
        out["W99"] = np.zeros((1, 1))
        return out

    ok, msg = run_checks(ex, extra)
    assert not ok and "exactly the keys" in msg


def test_fine_tune_tiny_body_change_is_caught():
    ex = get("c3w2.fine_tune")

    def nudge(parameters, X, Y, learning_rate=0.1, num_iterations=1000, freeze_body=True):
        params, costs = ex.reference(parameters, X, Y, learning_rate, num_iterations, freeze_body)
        params["W1"] = params["W1"] + 1e-13
        return params, costs

    ok, msg = run_checks(ex, nudge)
    assert not ok and "body must stay exactly as given" in msg


# ------------------------------------------------------------ the case study's forms

def _with(ex_id, key, value):
    answer = get(ex_id).reference()
    answer[key] = value
    return answer


@pytest.mark.parametrize("ex_id, key, value, phrase", [
    ("c3w2.car_split_plan", "dev", "Car", "must be one of"),
    ("c3w2.car_split_plan", "car_frames_in_training", "15000", "non-negative number"),
    ("c3w2.car_error_analysis", "error_if_fixed", 4.32, "fraction between 0 and 1"),
    ("c3w2.car_error_analysis", "fractions", {"night": 0.46}, "with the keys"),
    ("c3w2.car_diagnosis", "next_step", "get more data", "must be one of"),
    ("c3w2.car_diagnosis", "focus", "data_mismatch", "list diagnose_gaps returns"),
    ("c3w2.car_labels", "Y", c3w2.CAR_LOG_Y.T.copy(), "rows are the tasks"),
    ("c3w2.car_labels", "loss", float("nan"), "NaN"),
    ("c3w2.fog_synthesis", list(c3w2.FOG_ITEMS)[0], "False", "without quotes"),
])
def test_malformed_answers_fail_visibly(ex_id, key, value, phrase):
    ok, msg = run_checks(get(ex_id), _with(ex_id, key, value))
    assert not ok and phrase in msg, msg


def test_a_missing_key_is_named():
    answer = get("c3w2.car_transfer").reference()
    del answer[list(c3w2.TRANSFER_ITEMS)[0]]
    ok, msg = run_checks(get("c3w2.car_transfer"), answer)
    assert not ok and "missing" in msg


def test_case_study_numbers():
    analysis = c3w2._car_analysis()
    assert analysis["first_direction"] == "night"
    assert analysis["error_if_fixed"] == pytest.approx(0.08 * 0.54)
    assert analysis["error_if_night_and_glare_fixed"] == pytest.approx(0.08 * 0.48)
    assert c3w2._car_diagnosis()["focus"] == ["data_mismatch"]
    split = ea.mismatched_split(c3w2.CAR_WEB, c3w2.CAR_APP, c3w2.CAR_DEV, c3w2.CAR_TEST, c3w2.CAR_TRAIN_DEV)
    assert split["train"]["app"] + split["train_dev"]["app"] == pytest.approx(
        c3w2.CAR_SPLIT_PLAN["car_frames_in_training"])
    assert c3w2._car_labels()["loss"] == pytest.approx(mt.multitask_loss(c3w2.CAR_LOG_Y_HAT, c3w2.CAR_LOG_Y))
