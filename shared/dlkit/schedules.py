"""Averages over time and learning-rate schedules (Course 2 Week 2).

**Exponentially weighted average.** For a sequence theta_1, theta_2, ..., theta_T
and 0 <= beta < 1::

    v_0 = 0,    v_t = beta v_{t-1} + (1 - beta) theta_t

v_t averages roughly the last ``1 / (1 - beta)`` values (``ewa_window``: 2 for
beta = 0.5, 10 for 0.9, 50 for 0.98). Because v_0 = 0 the first values are too
small (with beta = 0.98, v_1 = 0.02 theta_1 and v_2 = 0.0196 theta_1 + 0.02 theta_2);
**bias correction** divides by the sum of the weights, ``v_t / (1 - beta**t)``
(1 - 0.98**2 = 0.0396), which matters only while t is small.

**Learning-rate decay**, alpha0 being the initial learning rate and the epochs
counted from 0:

    update_lr           alpha0 / (1 + decay_rate * epoch_num)
    schedule_lr_decay   alpha0 / (1 + decay_rate * floor(epoch_num / time_interval))
                        (a staircase: the rate changes once every time_interval epochs)
    exponential_decay   alpha0 * base**epoch_num            (supplement, not in the lecture)

With alpha0 = 0.2 and decay_rate = 1, ``update_lr`` gives 0.1, 0.0667, 0.05, 0.04
in epochs 1 to 4.

``daily_temperatures`` makes the seeded synthetic year of temperatures on which
the notebook draws its averages.
"""
from __future__ import annotations

import math

import numpy as np

from ._validate import as_array, expect_int

__all__ = ["exponentially_weighted_average", "ewa_window", "update_lr", "schedule_lr_decay",
           "exponential_decay", "daily_temperatures"]


def _check_beta(beta) -> float:
    if isinstance(beta, bool) or not isinstance(beta, (int, float, np.integer, np.floating)) or not 0 <= beta < 1:
        raise ValueError(f"`beta` must be a number in [0, 1), got {beta!r}")
    return float(beta)


def exponentially_weighted_average(theta, beta, bias_correction: bool = False) -> np.ndarray:
    """The averages v_1 .. v_T of the values theta (T,), as an array of shape (T,).

    ``v_t = beta v_{t-1} + (1 - beta) theta_t`` from v_0 = 0; with ``bias_correction``
    each v_t is returned divided by ``1 - beta**t`` (t counted from 1). The
    recursion itself always runs on the uncorrected values.
    """
    theta = as_array("theta", theta, ndim=1)
    beta = _check_beta(beta)
    v, out = 0.0, np.empty_like(theta)
    for t in range(1, theta.size + 1):
        v = beta * v + (1.0 - beta) * theta[t - 1]
        out[t - 1] = v / (1.0 - beta ** t) if bias_correction else v
    return out


def ewa_window(beta) -> float:
    """The number of recent values an exponentially weighted average roughly covers: 1 / (1 - beta)."""
    return 1.0 / (1.0 - _check_beta(beta))


def _check_nonneg(name, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) or not value >= 0:
        raise ValueError(f"`{name}` must be a number >= 0, got {value!r}")
    return float(value)


def update_lr(learning_rate0, epoch_num, decay_rate) -> float:
    """The decayed learning rate ``learning_rate0 / (1 + decay_rate * epoch_num)`` (a float).

    ``epoch_num`` counts the epochs from 0, so epoch 0 uses ``learning_rate0`` itself.
    """
    lr0, epoch, rate = (_check_nonneg(n, v) for n, v in
                        (("learning_rate0", learning_rate0), ("epoch_num", epoch_num), ("decay_rate", decay_rate)))
    return lr0 / (1.0 + rate * epoch)


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000) -> float:
    """Staircase decay: ``learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))``.

    The rate stays fixed for ``time_interval`` epochs at a time: epochs 0 .. time_interval-1
    use ``learning_rate0``, the next ``time_interval`` epochs ``learning_rate0 / (1 + decay_rate)``, ...
    """
    lr0, epoch, rate = (_check_nonneg(n, v) for n, v in
                        (("learning_rate0", learning_rate0), ("epoch_num", epoch_num), ("decay_rate", decay_rate)))
    if _check_nonneg("time_interval", time_interval) == 0:
        raise ValueError("`time_interval` must be > 0 (the number of epochs between two decay steps)")
    return lr0 / (1.0 + rate * math.floor(epoch / time_interval))


def exponential_decay(learning_rate0, epoch_num, base=0.95) -> float:
    """(Supplement) ``learning_rate0 * base**epoch_num`` with 0 < base <= 1."""
    lr0, epoch = _check_nonneg("learning_rate0", learning_rate0), _check_nonneg("epoch_num", epoch_num)
    if not 0 < float(base) <= 1:
        raise ValueError(f"`base` must lie in (0, 1], got {base!r}")
    return lr0 * float(base) ** epoch


def daily_temperatures(days: int = 365, seed: int = 1) -> np.ndarray:
    """A synthetic year of daily temperatures (degrees Celsius), shape (days,).

    A seasonal cycle (about 4 degrees in mid-January, 20 in mid-July) plus weather:
    day-to-day noise and slower warm and cold spells. Seeded, with its own generator.
    """
    days = expect_int("days", days, min=1)
    rng = np.random.default_rng(seed)
    day = np.arange(days)
    season = 12.0 - 8.0 * np.cos(2 * np.pi * (day - 15) / 365.0)
    spells = np.zeros(days)
    for i in range(1, days):                               # warm and cold spells of about a week
        spells[i] = 0.85 * spells[i - 1] + 1.2 * rng.normal()
    return season + spells + 1.5 * rng.normal(size=days)
