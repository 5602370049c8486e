"""Shared validation: one rule per kind of input, the same verdict in every module."""
import numpy as np
import pytest

from dlkit import deep, initializers, logistic, minibatch, nn, shallow
from dlkit._validate import expect_choice, expect_int, expect_layout


@pytest.mark.parametrize("value", [4, np.int64(4), np.int32(4), np.uint8(4)])
def test_ints_and_numpy_integers_are_counts(value):
    assert expect_int("n", value, min=1) == 4
    assert type(expect_int("n", value, min=1)) is int


@pytest.mark.parametrize("value", [4.0, np.float64(4.0), True, np.bool_(True), "4", None, 0, -3])
def test_floats_bools_and_small_values_are_refused_with_the_rule(value):
    with pytest.raises(ValueError, match=r"`n` \(units\) must be a positive integer \(an int or numpy integer; "
                                         r"floats such as 4.0 and bools are refused\)"):
        expect_int("n", value, min=1, what="units")


def test_the_minimum_is_named():
    assert expect_int("epochs", 0, min=0) == 0
    with pytest.raises(ValueError, match="`m` must be an integer >= 2"):
        expect_int("m", 1, min=2)


@pytest.mark.parametrize("make", [
    lambda n: nn.Dense(n, 3),
    lambda n: nn.BatchNorm(n),
    lambda n: deep.initialize_parameters(n, 2, 1),
    lambda n: deep.initialize_parameters_deep([n, 2, 1]),
    lambda n: initializers.initialize_parameters_he([n, 2, 1]),
    lambda n: shallow.initialize_parameters(n, 2, 1),
    lambda n: logistic.initialize_with_zeros(n),
    lambda n: minibatch.minibatch_indices(8, n),
])
def test_every_module_gives_4_point_0_the_same_verdict(make):
    make(4)
    make(np.int64(4))
    with pytest.raises(ValueError, match="floats such as 4.0 and bools are refused"):
        make(4.0)


def test_choice_names_the_options():
    assert expect_choice("mode", "test", ("train", "test")) == "test"
    with pytest.raises(ValueError, match=r"`mode` must be one of 'train', 'test', got 'eval'"):
        expect_choice("mode", "eval", ("train", "test"))
    with pytest.raises(ValueError, match="got \\['train'\\]"):
        expect_choice("mode", ["train"], {"train": 1})


@pytest.mark.parametrize("layout, shape", [
    ("(n, m)", (3, 5)), ("(m, n_H, n_W, n_C)", (2, 4, 4, 3)), ("(n_x, m, T_x)", (3, 2, 7)),
])
def test_layout_checks_the_number_of_axes_and_names_them(layout, shape):
    assert expect_layout("X", np.zeros(shape), layout).shape == shape
    wrong = np.zeros(shape[:-1])
    laid_out = layout.replace('(', '[(]').replace(')', '[)]')
    with pytest.raises(ValueError, match=rf"`X` must be a {len(shape)}-D array laid out {laid_out}, "
                                         rf"got shape"):
        expect_layout("X", wrong, layout, hint="one example per column")


def test_layout_converts_to_float_and_refuses_text():
    assert expect_layout("A", [[1, 2]], "(n, m)").dtype == float
    with pytest.raises(ValueError, match="`A` must be a numeric array"):
        expect_layout("A", [["a", "b"]], "(n, m)")
