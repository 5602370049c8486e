"""Decision-boundary plots are labelled, check their inputs and warn about nothing."""
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlkit.data.planar import make_flower  # noqa: E402
from dlkit.plot_boundary import plot_dataset, plot_decision_boundaries, plot_decision_boundary  # noqa: E402


def _halfplane(P):
    return (P[0:1] > 0).astype(float)


def test_boundary_plot_is_labelled_and_silent():
    X, Y = make_flower(m=40)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plot_decision_boundary(_halfplane, X, Y, title="a half plane")
    ax = fig.axes[0]
    assert ax.get_title() == "a half plane" and ax.get_xlabel() and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["y = 0", "y = 1", "predicted 0", "predicted 1"]
    plt.close(fig)


def test_constant_classifier_and_probabilities_are_fine():
    X, Y = make_flower(m=40)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plt.close(plot_decision_boundary(lambda P: np.zeros((1, P.shape[1])), X, Y))
        plt.close(plot_decision_boundary(lambda P: 1 / (1 + np.exp(-P[0])), X, Y))


def test_existing_axes_and_dataset_plot():
    X, Y = make_flower(m=40)
    fig, (a, b) = plt.subplots(1, 2)
    assert plot_dataset(X, Y, ax=a, title="data") is fig
    assert plot_decision_boundary(_halfplane, X, Y, ax=b) is fig
    assert a.get_title() == "data" and a.get_legend() is not None
    plt.close(fig)


def test_grid_of_boundaries():
    X, Y = make_flower(m=40)
    fig = plot_decision_boundaries({f"panel {k}": _halfplane for k in range(5)}, X, Y, ncols=3, suptitle="grid")
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == [f"panel {k}" for k in range(5)]
    assert len(fig.legends) == 1 and fig._suptitle.get_text() == "grid"
    plt.close(fig)


@pytest.mark.parametrize("args, pattern", [
    ((_halfplane, np.zeros((3, 4)), np.zeros((1, 4))), r"`X` has shape \(3, 4\), expected \(2, m\)"),
    ((_halfplane, np.zeros((2, 4)), np.zeros(4)), r"`Y` has shape \(4,\), expected \(1, 4\)"),
    ((lambda P: np.zeros(3), np.zeros((2, 4)), np.zeros((1, 4))), r"one label per column"),
    (("not a function", np.zeros((2, 4)), np.zeros((1, 4))), r"must be a function"),
])
def test_bad_inputs_raise_value_error(args, pattern):
    with pytest.raises(ValueError, match=pattern):
        plot_decision_boundary(*args)
    plt.close("all")
