"""Plots are labelled and survive edge cases."""
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlkit import plot  # noqa: E402


def test_plot_costs_is_labelled():
    fig = plot.plot_costs([0.7, 0.5, 0.4], learning_rate=0.005)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "iteration" and ax.get_ylabel() == "cost J"
    assert "0.005" in ax.get_title()
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 100, 200])


def test_cost_comparison_has_a_legend():
    fig = plot.plot_cost_comparison({0.01: [1, 0.5], 0.001: [1, 0.9]}, title="Cost for each learning rate")
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["0.01", "0.001"]


def test_show_misclassified():
    images = np.zeros((4, 8, 8, 3), dtype=np.uint8)
    fig = plot.show_misclassified(images, np.array([[1, 0, 1, 0]]), np.array([[1, 1, 0, 0]]),
                                  [b"non-cat", b"cat"])
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == ["said cat\nis non-cat", "said non-cat\nis cat"]
    assert "2 of 4" in fig._suptitle.get_text()
    with pytest.raises(ValueError, match="same m"):
        plot.show_misclassified(images, np.array([[1, 0]]), np.array([[1, 1]]), [b"a", b"b"])
    assert plot.show_images(np.zeros((0, 8, 8, 3))) is not None
