"""Mini-batches: shuffle once, cut into pieces of mini_batch_size, keep the smaller last piece."""
import math

import numpy as np
import pytest

from dlkit.minibatch import minibatch_indices, random_mini_batches


def _data(n_x=3, m=148):
    X = np.arange(n_x * m, dtype=float).reshape(n_x, m)
    Y = np.arange(m, dtype=float).reshape(1, m)                     # each label is its column's number
    return X, Y


def test_148_examples_in_batches_of_64_make_64_64_20():
    X, Y = _data()
    batches = random_mini_batches(X, Y, 64, seed=0)
    assert [b[0].shape for b in batches] == [(3, 64), (3, 64), (3, 20)]
    assert [b[1].shape for b in batches] == [(1, 64), (1, 64), (1, 20)]


def test_no_partial_batch_when_the_size_divides_m():
    X, Y = _data(m=128)
    assert [b[0].shape[1] for b in random_mini_batches(X, Y, 64, seed=1)] == [64, 64]


def test_the_batches_are_a_shuffle_of_all_examples_with_labels_kept():
    X, Y = _data()
    batches = random_mini_batches(X, Y, 64, seed=3)
    cols = np.concatenate([b[1][0] for b in batches]).astype(int)
    assert sorted(cols) == list(range(148)) and list(cols) != list(range(148))
    for X_t, Y_t in batches:
        np.testing.assert_array_equal(X_t, X[:, Y_t[0].astype(int)])    # column i of X_t is example Y_t[0, i]


def test_the_shuffle_is_the_students_seed_then_permutation():
    X, Y = _data()
    np.random.seed(7)
    permutation = list(np.random.permutation(148))
    shuffled_X = X[:, permutation]
    batches = random_mini_batches(X, Y, 64, seed=7)
    np.testing.assert_array_equal(np.hstack([b[0] for b in batches]), shuffled_X)


def test_sgd_and_batch_gd_are_the_two_extremes():
    X, Y = _data(m=10)
    assert [b[0].shape[1] for b in random_mini_batches(X, Y, 1)] == [1] * 10       # stochastic GD
    assert [b[0].shape[1] for b in random_mini_batches(X, Y, 64)] == [10]          # batch GD


def test_the_notes_arithmetic():
    # m = 5,000,000 in mini-batches of 1,000: 5,000 of them, so one epoch is 5,000 gradient steps
    batches = minibatch_indices(5_000_000, 1000, shuffle=False)
    assert len(batches) == 5000 and {len(b) for b in batches} == {1000}
    # with 1,024 per batch the last one is partial: 4,882 full batches and one of 832
    sizes = [len(b) for b in minibatch_indices(5_000_000, 1024, shuffle=False)]
    assert len(sizes) == 4883 == math.ceil(5_000_000 / 1024)
    assert sizes[-1] == 5_000_000 - 1024 * (5_000_000 // 1024) == 832


def test_bad_input_is_explained():
    X, Y = _data()
    with pytest.raises(ValueError, match="X has 148 examples"):
        random_mini_batches(X, Y[:, :100])
    with pytest.raises(ValueError, match="`mini_batch_size`.*must be a positive integer"):
        random_mini_batches(X, Y, 0)
    with pytest.raises(ValueError, match="one column per example"):
        random_mini_batches(X[0], Y)
