"""Exponentially weighted averages and learning-rate decay: the notes' numbers."""
import numpy as np
import pytest

from dlkit.schedules import (daily_temperatures, ewa_window, exponential_decay, exponentially_weighted_average,
                             schedule_lr_decay, update_lr)


def test_v2_weights_are_0_0196_and_0_02():
    # v_2 = 0.0196 theta_1 + 0.02 theta_2 for beta = 0.98
    assert exponentially_weighted_average([1.0, 0.0], 0.98)[1] == pytest.approx(0.0196)
    assert exponentially_weighted_average([0.0, 1.0], 0.98)[1] == pytest.approx(0.02)
    np.testing.assert_allclose(exponentially_weighted_average([1.0, 5.0], 0.98), [0.02, 0.0196 + 0.1])


def test_bias_correction_divides_by_0_0396_at_t_2():
    assert 1 - 0.98 ** 2 == pytest.approx(0.0396)
    theta = [10.0, 20.0]
    plain = exponentially_weighted_average(theta, 0.98)
    corrected = exponentially_weighted_average(theta, 0.98, bias_correction=True)
    assert corrected[1] == pytest.approx(plain[1] / 0.0396)
    assert corrected[0] == pytest.approx(10.0)                      # v_1 / (1 - beta) = theta_1


def test_corrected_average_of_a_constant_is_that_constant():
    np.testing.assert_allclose(exponentially_weighted_average(np.full(50, 7.0), 0.9, bias_correction=True), 7.0)
    plain = exponentially_weighted_average(np.full(50, 7.0), 0.9)
    assert plain[0] == pytest.approx(0.7) and plain[-1] == pytest.approx(7.0 * (1 - 0.9 ** 50))


@pytest.mark.parametrize("beta, days", [(0.5, 2), (0.9, 10), (0.98, 50)])
def test_the_window_is_one_over_one_minus_beta(beta, days):
    assert ewa_window(beta) == pytest.approx(days)
    # the weights of the values older than the window add up to about 1/e (beta^(1/(1-beta)))
    assert beta ** days == pytest.approx(np.exp(-1), abs=0.15)


def test_a_larger_beta_gives_a_smoother_and_later_curve():
    temps = daily_temperatures()
    roughness = [np.std(np.diff(exponentially_weighted_average(temps, b, True))) for b in (0.5, 0.9, 0.98)]
    assert roughness[0] > roughness[1] > roughness[2]
    # the 50-day average lags: it peaks later in the summer than the 10-day one
    peak = [np.argmax(exponentially_weighted_average(temps, b, True)) for b in (0.9, 0.98)]
    assert peak[1] > peak[0]


def test_the_notes_decay_table():
    # alpha0 = 0.2, decay_rate = 1: epochs 1 .. 4 give 0.1, 0.0667, 0.05, 0.04 (the seed's table says 0.67, 0.5, 0.4)
    got = [update_lr(0.2, e, 1) for e in (1, 2, 3, 4)]
    np.testing.assert_allclose(got, [0.1, 0.0667, 0.05, 0.04], atol=5e-5)
    assert update_lr(0.2, 0, 1) == 0.2 and isinstance(got[0], float)


def test_the_staircase_changes_once_per_interval():
    rates = [schedule_lr_decay(0.2, e, 1, time_interval=100) for e in range(0, 400)]
    assert sorted(set(rates), reverse=True) == pytest.approx([0.2, 0.1, 0.2 / 3, 0.05])
    assert rates[99] == 0.2 and rates[100] == 0.1
    assert schedule_lr_decay(0.2, 1000, 1) == pytest.approx(0.1)         # default time_interval 1000


def test_exponential_decay():
    assert exponential_decay(0.2, 0) == 0.2
    assert exponential_decay(0.2, 2, base=0.5) == pytest.approx(0.05)


def test_daily_temperatures_are_seasonal_and_seeded():
    temps = daily_temperatures()
    assert temps.shape == (365,)
    np.testing.assert_array_equal(temps, daily_temperatures())
    assert temps[180:210].mean() > temps[0:30].mean() + 10                # July is warmer than January
    assert not np.array_equal(temps, daily_temperatures(seed=2))


@pytest.mark.parametrize("call, message", [
    (lambda: exponentially_weighted_average([1.0, 2.0], 1.0), r"`beta` must be a number in \[0, 1\)"),
    (lambda: exponentially_weighted_average(np.ones((2, 2)), 0.9), r"`theta` must be a 1-D array"),
    (lambda: update_lr(0.2, -1, 1), r"`epoch_num` must be a number >= 0"),
    (lambda: schedule_lr_decay(0.2, 5, 1, time_interval=0), r"`time_interval` must be > 0"),
    (lambda: daily_temperatures(0), r"`days` must be a positive integer"),
])
def test_bad_input_is_explained(call, message):
    with pytest.raises(ValueError, match=message):
        call()
