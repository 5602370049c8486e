"""Error analysis and mismatched data: the notes' numbers, the split's bookkeeping, bad input."""
import numpy as np
import pytest

from dlkit import error_analysis as ea


# ------------------------------------------------------------------ the spreadsheet

def test_cat_spreadsheet_has_the_notes_counts_and_rows():
    tags, cats = ea.cat_spreadsheet()
    assert len(tags) == 100
    table = ea.error_analysis_table(tags, cats)
    assert table == pytest.approx({"dog": 0.08, "great cat": 0.43, "blurry": 0.61, "instagram filter": 0.12,
                                   "incorrectly labeled": 0.06})
    assert sum(table[c] for c in cats[:4]) == pytest.approx(1.24)      # overlapping tags
    assert tags[0] == ["dog"] and set(tags[1]) == {"blurry", "instagram filter"}
    assert set(tags[2]) == {"great cat", "blurry"}
    assert tags[97] == ["incorrectly labeled"] and tags[98] == ["great cat"] and tags[99] == ["incorrectly labeled"]
    M = ea.tag_matrix(tags, cats)
    assert not np.any(M[:, 0] & M[:, 1])                                 # a dog is never a great cat
    assert ea.cat_spreadsheet() == (tags, cats)                          # deterministic


def test_table_counts_untagged_rows_and_overlaps():
    tags = [["a"], ["a", "b"], [], ["b"]]
    assert ea.error_analysis_table(tags, ["a", "b", "c"]) == {"a": 0.5, "b": 0.5, "c": 0.0}
    M = ea.tag_matrix(tags, ["b", "a"])
    assert M.dtype == bool and M.shape == (4, 2)
    np.testing.assert_array_equal(M, [[False, True], [True, True], [False, False], [True, False]])


def test_make_tag_table_hits_the_counts_and_keeps_exclusive_tags_apart():
    counts = {"x": 30, "y": 25, "z": 5}
    rows = ea.make_tag_table(50, counts, seed=3, fixed_rows={0: ["x", "y"]}, exclusive=[("x", "z")])
    M = ea.tag_matrix(rows, list(counts))
    assert M.sum(axis=0).tolist() == [30, 25, 5]
    assert not np.any(M[:, 0] & M[:, 2])
    assert rows[0] == ["x", "y"]
    with pytest.raises(ValueError, match="cannot place tag"):
        ea.make_tag_table(5, {"x": 6})


def test_car_table():
    tags, cats = ea.car_dev_errors()
    table = ea.error_analysis_table(tags, cats)
    assert table == pytest.approx({"night": 0.46, "rain": 0.19, "glare": 0.27, "small object": 0.35,
                                   "mislabeled": 0.04})
    M = ea.tag_matrix(tags, cats)
    assert np.mean(M[:, 0] | M[:, 2]) == pytest.approx(0.52)             # night or glare
    assert np.all(M[:, 4].astype(int) + M[:, :4].any(axis=1) <= 1)      # mislabeled alone


@pytest.mark.parametrize("tags, cats, match", [
    ([["dog", "cat"]], ["dog"], "not one of the categories"),
    (["dog"], ["dog"], "must be a list of names"),
    ("dog", ["dog"], "one entry per misclassified example"),
    ([], ["dog"], "empty"),
    ([["dog"]], ["dog", "dog"], "repeated"),
])
def test_bad_tables(tags, cats, match):
    with pytest.raises(ValueError, match=match):
        ea.error_analysis_table(tags, cats)


# ------------------------------------------------------------------ ceilings

def test_ceiling_of_the_notes():
    assert ea.ceiling(0.10, 0.05) == pytest.approx(0.095)
    assert ea.ceiling(0.10, 0.50) == pytest.approx(0.05)
    out = ea.ceiling(0.10, np.array([0.08, 0.43, 0.61, 0.12]))
    np.testing.assert_allclose(out, [0.092, 0.057, 0.039, 0.088])
    assert isinstance(ea.ceiling(0.1, 0.2), float)


@pytest.mark.parametrize("e, f", [(0.1, 1.5), (0.1, -0.1), (-0.1, 0.5), (0.1, np.nan)])
def test_ceiling_rejects_impossible_fractions(e, f):
    with pytest.raises(ValueError):
        ea.ceiling(e, f)


# ------------------------------------------------------------------ label noise

def test_mislabeled_share_cases():
    c1 = ea.mislabeled_share(0.10, 0.10 * 0.06)
    assert c1 == pytest.approx({"label_error": 0.006, "other_error": 0.094, "share": 0.06, "fix_labels": None})
    c2 = ea.mislabeled_share(0.02, 0.006)
    assert c2["share"] == pytest.approx(0.30) and c2["other_error"] == pytest.approx(0.014)
    assert ea.mislabeled_share(0.021, 0.006, 0.019)["fix_labels"] is True      # 0.2 % apart < 0.6 %
    assert ea.mislabeled_share(0.019, 0.006, 0.021)["fix_labels"] is True
    assert ea.mislabeled_share(0.10, 0.006, 0.08)["fix_labels"] is False


@pytest.mark.parametrize("e, le, match", [(0.0, 0.0, "positive"), (0.02, 0.03, "part of the dev error"),
                                          (0.02, -0.01, "part of the dev error")])
def test_mislabeled_share_bad_input(e, le, match):
    with pytest.raises(ValueError, match=match):
        ea.mislabeled_share(e, le)


# ------------------------------------------------------------------ mismatched split

def test_option_2_and_option_1():
    s = ea.mismatched_split(200_000, 10_000, 2_500, 2_500)
    assert s == {"train": {"web": 200_000.0, "app": 5_000.0}, "train_dev": {"web": 0.0, "app": 0.0},
                 "dev": {"web": 0.0, "app": 2_500.0}, "test": {"web": 0.0, "app": 2_500.0}}
    s1 = ea.mismatched_split(200_000, 10_000, 2_500, 2_500, shuffle_all=True)
    assert s1["dev"]["web"] == pytest.approx(2500 * 200 / 210) and s1["dev"]["app"] == pytest.approx(2500 * 10 / 210)
    assert round(s1["dev"]["web"], 2) == 2380.95 and round(s1["dev"]["app"], 2) == 119.05
    assert sum(s1["train"].values()) == pytest.approx(205_000)


def test_rearview_mirror_variants():
    a = ea.mismatched_split(500_000, 20_000, 10_000, 10_000)
    assert a["train"] == {"web": 500_000.0, "app": 0.0} and a["dev"]["app"] == a["test"]["app"] == 10_000
    b = ea.mismatched_split(500_000, 20_000, 5_000, 5_000)
    assert sum(b["train"].values()) == 510_000


def test_train_dev_has_the_training_mix_and_totals_add_up():
    s = ea.mismatched_split(200_000, 10_000, 2_500, 2_500, n_train_dev=4_100)
    td, tr = s["train_dev"], s["train"]
    assert td["app"] / sum(td.values()) == pytest.approx(5_000 / 205_000)
    assert tr["app"] / sum(tr.values()) == pytest.approx(5_000 / 205_000)
    total = sum(sum(p.values()) for p in s.values())
    assert total == pytest.approx(210_000)
    assert tr["app"] + td["app"] == pytest.approx(5_000)


@pytest.mark.parametrize("shuffle_all", [False, True])
def test_indices_match_the_expected_sizes_and_are_disjoint(shuffle_all):
    n_web, n_app = 300, 60
    idx = ea.mismatched_split_indices(n_web, n_app, 15, 15, n_train_dev=20, shuffle_all=shuffle_all, seed=2)
    every = np.concatenate(list(idx.values()))
    assert sorted(every.tolist()) == list(range(n_web + n_app))
    assert {k: len(v) for k, v in idx.items()} == {"train": 310, "train_dev": 20, "dev": 15, "test": 15}
    if not shuffle_all:
        assert np.all(idx["dev"] >= n_web) and np.all(idx["test"] >= n_web)
        assert np.sum(idx["train"] >= n_web) + np.sum(idx["train_dev"] >= n_web) == 30


@pytest.mark.parametrize("args, match", [
    ((100, 10, 6, 6), "only 10"),
    ((100, 10, 2, 2, 200), "cannot be larger"),
    ((100, 10, 60, 60, 0, True), "exceed"),
    ((100.5, 10, 2, 2), "integer >= 0"),
    ((-1, 10, 2, 2), "integer >= 0"),
])
def test_split_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        ea.mismatched_split(*args)


# ------------------------------------------------------------------ gaps

SCENARIOS = {"A": (0, 1, None, 10), "B": (0, 1, 9, 10), "C": (0, 1, 1.5, 10), "D": (0, 10, 11, 12),
             "E": (0, 10, 11, 20), "F": (4, 7, 10, 6, 6)}


@pytest.mark.parametrize("name, expected, verdict", [
    ("A", (1, None, None, None, 9), ["ambiguous"]),
    ("B", (1, 8, 1, None, 9), ["variance"]),
    ("C", (1, 0.5, 8.5, None, 9), ["data_mismatch"]),
    ("D", (10, 1, 1, None, 2), ["avoidable_bias"]),
    ("E", (10, 1, 9, None, 10), ["avoidable_bias", "data_mismatch"]),
    ("F", (3, 3, -4, 0, -1), ["avoidable_bias", "variance"]),
])
def test_scenario_table_of_the_notes(name, expected, verdict):
    gaps = ea.error_gaps(*SCENARIOS[name])
    keys = ("avoidable_bias", "variance", "data_mismatch", "dev_overfit", "train_to_dev")
    assert [gaps[k] for k in keys] == list(expected)
    assert all(v is None or isinstance(v, float) for v in gaps.values())
    assert ea.diagnose_gaps(gaps) == verdict


def test_diagnosis_edge_cases():
    assert ea.diagnose_gaps(ea.error_gaps(0.5, 0.4, 0.3, 0.2, 0.1)) == []
    assert ea.diagnose_gaps(ea.error_gaps(0, 10, None, 12)) == ["avoidable_bias"]
    assert ea.diagnose_gaps(ea.error_gaps(1, 2, 2.5, 3, 8)) == ["dev_overfit"]
    assert ea.diagnose_gaps(ea.error_gaps(*SCENARIOS["E"]), ratio=0.95) == ["avoidable_bias"]
    assert ea.diagnose_gaps(ea.error_gaps(*SCENARIOS["E"]), ratio=0.05) == ["avoidable_bias", "variance",
                                                                            "data_mismatch"]


@pytest.mark.parametrize("call, match", [
    (lambda: ea.error_gaps(0, "1", 2, 3), "error rate"),
    (lambda: ea.error_gaps(0, 1, 2, None), "error rate"),
    (lambda: ea.error_gaps(0, np.nan, 2, 3), "error rate"),
    (lambda: ea.diagnose_gaps({"bias": 1}), "error_gaps returns"),
    (lambda: ea.diagnose_gaps(ea.error_gaps(0, 1, 2, 3), ratio=0), "ratio"),
])
def test_gap_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
