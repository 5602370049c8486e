"""Log-scale sampling, beta through 1 - beta, and coarse-to-fine random search."""
import numpy as np
import pytest

from dlkit.tuning import (best_trial, decade_counts, random_search, sample_beta, sample_log_uniform,
                          zoom_ranges)


# ------------------------------------------------------------------ sample_log_uniform

def test_samples_are_ten_to_a_uniform_exponent():
    got = sample_log_uniform(1e-4, 1.0, 6, np.random.default_rng(0))
    r = np.random.default_rng(0).uniform(-4.0, 0.0, size=6)
    np.testing.assert_allclose(got, 10.0 ** r, rtol=1e-14)
    assert got.shape == (6,)


def test_every_decade_gets_about_the_same_number_of_samples():
    values = sample_log_uniform(1e-4, 1.0, 20000, rng=1)
    assert values.min() >= 1e-4 and values.max() <= 1.0
    counts = decade_counts(values, 1e-4, 1.0)
    assert counts.sum() == 20000
    np.testing.assert_allclose(counts / 20000, 0.25, atol=0.015)


def test_uniform_sampling_would_crowd_the_top_decade():
    counts = decade_counts(np.random.default_rng(1).uniform(1e-4, 1.0, 20000), 1e-4, 1.0)
    assert counts[-1] / 20000 > 0.88 and counts[0] / 20000 < 0.002


def test_an_int_seed_is_reproducible_and_a_generator_advances():
    np.testing.assert_array_equal(sample_log_uniform(1e-3, 10, 5, rng=3), sample_log_uniform(1e-3, 10, 5, rng=3))
    rng = np.random.default_rng(3)
    assert not np.array_equal(sample_log_uniform(1e-3, 10, 5, rng), sample_log_uniform(1e-3, 10, 5, rng))


def test_low_equal_to_high_gives_that_value():
    np.testing.assert_allclose(sample_log_uniform(0.5, 0.5, 3, rng=0), 0.5)


@pytest.mark.parametrize("args, match", [
    ((0.0, 1.0, 3), "0 < low <= high"),
    ((-1e-3, 1.0, 3), "0 < low <= high"),
    ((1.0, 0.1, 3), "low = 1.0 > high = 0.1"),
    ((1e-3, 1.0, 0), "`n` must be a positive integer"),
    ((1e-3, 1.0, 2.5), "`n` must be a positive integer"),
])
def test_bad_sampler_input_is_explained(args, match):
    with pytest.raises(ValueError, match=match):
        sample_log_uniform(*args, rng=0)


def test_rng_must_be_a_generator_or_a_seed():
    with pytest.raises(ValueError, match="numpy.random.Generator"):
        sample_log_uniform(1e-3, 1.0, 3, rng=np.random.RandomState(0))


# ------------------------------------------------------------------ beta through 1 - beta

def test_beta_is_sampled_through_one_minus_beta():
    beta = sample_beta(0.9, 0.999, 20000, rng=2)
    assert beta.min() >= 0.9 and beta.max() <= 0.999
    window = 1.0 / (1.0 - beta)                      # the number of steps the average spans
    share_10_to_100 = np.mean(window < 100)
    assert share_10_to_100 == pytest.approx(0.5, abs=0.02)
    np.testing.assert_allclose(beta, 1 - sample_log_uniform(1e-3, 0.1, 20000, rng=2), rtol=1e-14)


def test_uniform_beta_would_rarely_average_over_more_than_100_steps():
    beta = np.random.default_rng(2).uniform(0.9, 0.999, 20000)
    assert np.mean(1 / (1 - beta) > 100) < 0.1


@pytest.mark.parametrize("low, high", [(0.9, 1.0), (-0.1, 0.9), (0.99, 0.9)])
def test_bad_beta_ranges_are_explained(low, high):
    with pytest.raises(ValueError, match="0 <= low <= high < 1"):
        sample_beta(low, high, 3, rng=0)


# ------------------------------------------------------------------ decades, zoom, best trial

def test_decade_counts_include_the_upper_end():
    np.testing.assert_array_equal(decade_counts([1e-3, 5e-3, 0.01, 0.5, 1.0], 1e-3, 1.0), [2, 1, 2])


def test_zoom_is_centred_on_the_best_point_in_decades():
    new = zoom_ranges({"learning_rate": (1e-4, 1.0)}, {"learning_rate": 1e-2}, shrink=0.5)
    np.testing.assert_allclose(new["learning_rate"], (1e-3, 1e-1))


def test_zoom_is_clipped_to_the_box():
    new = zoom_ranges({"a": (1e-4, 1.0), "b": (1e-3, 1e-1)}, {"a": 0.5, "b": 1e-3}, shrink=0.5)
    np.testing.assert_allclose(new["a"], (10 ** (np.log10(0.5) - 1), 1.0))
    np.testing.assert_allclose(new["b"], (1e-3, 10 ** -2.5))


def test_zoom_errors():
    with pytest.raises(ValueError, match="no value for 'b'"):
        zoom_ranges({"a": (1e-3, 1.0), "b": (1e-3, 1.0)}, {"a": 0.1})
    with pytest.raises(ValueError, match=r"shrink must be in \(0, 1\]"):
        zoom_ranges({"a": (1e-3, 1.0)}, {"a": 0.1}, shrink=2.0)
    with pytest.raises(ValueError, match=r"ranges\['a'\] must be a pair"):
        zoom_ranges({"a": (1e-3, 1.0, 3.0)}, {"a": 0.1})


def test_best_trial_prefers_the_lowest_cost_and_skips_nan():
    trials = [{"cost": np.nan, "k": 0}, {"cost": 0.5, "k": 1}, {"cost": 0.2, "k": 2}, {"cost": 0.2, "k": 3}]
    assert best_trial(trials)["k"] == 2
    with pytest.raises(ValueError, match="no trials"):
        best_trial([])


# ------------------------------------------------------------------ random_search

def _bowl(params):
    return (np.log10(params["learning_rate"]) + 2) ** 2 + (np.log10(params["one_minus_beta"]) + 1.5) ** 2


RANGES = {"learning_rate": (1e-4, 1.0), "one_minus_beta": (1e-3, 1.0)}


def test_random_search_returns_every_trial_in_order():
    trials = random_search(_bowl, RANGES, n_trials=7, n_rounds=3, rng=0)
    assert len(trials) == 21
    assert [t["round"] for t in trials] == [1] * 7 + [2] * 7 + [3] * 7
    for t in trials:
        assert set(t) == {"round", "params", "cost"} and t["cost"] == pytest.approx(_bowl(t["params"]))


def test_first_round_is_plain_random_search_with_the_documented_draws():
    trials = random_search(_bowl, RANGES, n_trials=5, n_rounds=1, rng=np.random.default_rng(4))
    rng = np.random.default_rng(4)
    lr = sample_log_uniform(1e-4, 1.0, 5, rng)
    omb = sample_log_uniform(1e-3, 1.0, 5, rng)
    np.testing.assert_allclose([t["params"]["learning_rate"] for t in trials], lr)
    np.testing.assert_allclose([t["params"]["one_minus_beta"] for t in trials], omb)


def test_fine_round_samples_the_zoomed_box_around_the_best_coarse_trial():
    trials = random_search(_bowl, RANGES, n_trials=10, n_rounds=2, shrink=0.25, rng=5)
    coarse, fine = trials[:10], trials[10:]
    box = zoom_ranges(RANGES, best_trial(coarse)["params"], 0.25)
    for t in fine:
        for name, (low, high) in box.items():
            assert low <= t["params"][name] <= high
    for name, (low, high) in box.items():
        assert np.log10(high) - np.log10(low) <= 0.25 * (np.log10(RANGES[name][1]) - np.log10(RANGES[name][0])) + 1e-12


def test_coarse_to_fine_beats_the_same_budget_of_coarse_trials_on_average():
    wins = 0
    for seed in range(20):
        fine = best_trial(random_search(_bowl, RANGES, n_trials=10, n_rounds=3, rng=seed))["cost"]
        coarse = best_trial(random_search(_bowl, RANGES, n_trials=30, n_rounds=1, rng=seed))["cost"]
        wins += fine < coarse
    assert wins >= 14


def test_nan_costs_never_become_the_centre():
    def objective(params):
        return np.nan if params["learning_rate"] > 0.1 else -np.log10(params["learning_rate"])

    trials = random_search(objective, {"learning_rate": (1e-4, 10.0)}, n_trials=8, n_rounds=2, rng=1)
    assert all(t["params"]["learning_rate"] <= 10 ** (np.log10(0.1) + 0.25 * 5 / 2) + 1e-12 for t in trials[8:])


@pytest.mark.parametrize("kwargs, match", [
    ({"n_trials": 0}, "`n_trials` must be a positive integer"),
    ({"n_rounds": 0}, "`n_rounds` must be a positive integer"),
    ({"shrink": 0.0}, "shrink must be in"),
])
def test_bad_search_settings_are_explained(kwargs, match):
    with pytest.raises(ValueError, match=match):
        random_search(_bowl, RANGES, rng=0, **kwargs)


def test_bad_ranges_are_explained():
    with pytest.raises(ValueError, match="non-empty dict"):
        random_search(_bowl, {}, rng=0)
    with pytest.raises(ValueError, match="'learning_rate' has low = 0.0"):
        random_search(_bowl, {"learning_rate": (0.0, 1.0)}, rng=0)
