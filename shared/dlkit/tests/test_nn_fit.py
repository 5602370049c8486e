"""dlkit.nn.fit, predict, accuracy: training lowers the cost, a seed reproduces it, any example axis works."""
import numpy as np
import pytest

from dlkit import nn
from dlkit.labels import one_hot



def _data(seed=0, m=240):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, m)
    centres = np.array([[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]])
    X = (centres[y] + 0.6 * rng.normal(size=(m, 2))).T
    return X, one_hot(y, 3), y


def _model(seed):
    rng = np.random.default_rng(seed)
    return nn.Sequential(nn.Dense(2, 8, rng=rng), nn.ReLU(), nn.Dense(8, 3, rng=rng))


def test_fit_lowers_the_cost_and_learns():
    X, Y, y = _data()
    model = _model(1)
    history = nn.fit(model, nn.SoftmaxCrossEntropy(), nn.Adam(0.02), X, Y, epochs=15, batch_size=32, seed=0,
                     X_dev=X, Y_dev=y, progress=False)
    assert len(history["cost"]) == 15 and len(history["dev_accuracy"]) == 15
    assert history["cost"][-1] < 0.5 * history["cost"][0]
    assert nn.accuracy(model, X, Y) > 0.9
    assert history["dev_accuracy"][-1] == nn.accuracy(model, X, y)


def test_fit_is_reproducible_with_a_seed():
    X, Y, _ = _data()
    runs = []
    for seed in (3, 3, 4):
        model = _model(1)
        h = nn.fit(model, nn.SoftmaxCrossEntropy(), nn.Momentum(0.1), X, Y, 4, 16, seed, progress=False)
        runs.append((h["cost"], model.state_dict()))
    assert runs[0][0] == runs[1][0]
    for k in runs[0][1]:
        np.testing.assert_array_equal(runs[0][1][k], runs[1][1][k])
    assert runs[0][0] != runs[2][0]


def test_the_epoch_cost_is_the_batch_weighted_mean():
    X, Y, _ = _data(m=50)
    model, loss = _model(2), nn.SoftmaxCrossEntropy()
    opt = nn.SGD(1e-12)   # (almost) no change: the epoch cost is the cost of the starting point
    h = nn.fit(model, loss, opt, X, Y, 1, 16, 0, progress=False)
    assert h["cost"][0] == pytest.approx(loss.forward(model.forward(X), Y), rel=1e-9)


def test_images_with_the_examples_first():
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, 60)
    images = rng.normal(size=(60, 4, 4, 3)) * 0.3
    images[y == 1, :2] += 1.0                                  # class 1: bright top half
    model = nn.Sequential(nn.Flatten(), nn.Dense(48, 6, rng=rng), nn.ReLU(), nn.Dense(6, 2, rng=rng))
    h = nn.fit(model, nn.SoftmaxCrossEntropy(), nn.Adam(0.01), images, one_hot(y, 2), 10, 16, 0,
               progress=False, x_axis=0)
    assert h["cost"][-1] < h["cost"][0]
    assert nn.accuracy(model, images, y, x_axis=0) > 0.9
    np.testing.assert_array_equal(nn.predict(model, images, x_axis=0, batch_size=7), nn.predict(model, images))


def test_sequences_with_the_examples_in_the_middle():
    """A (n_x, m, T_x) layout: fit takes mini-batches along axis 1 of X."""
    seen = []

    class Mean(nn.Module):
        """Averages over time, (n_x, m, T) -> (n_x, m), then a dense layer."""

        def __init__(self, rng):
            super().__init__()
            self.dense = nn.Dense(3, 2, rng=rng)

        def forward(self, x, training=False):
            seen.append(x.shape)
            self.cache = x.shape
            return self.dense.forward(x.mean(axis=2), training)

        def backward(self, dout):
            shape = self.cache
            return np.repeat(self.dense.backward(dout)[:, :, None] / shape[2], shape[2], axis=2)

    rng = np.random.default_rng(6)
    X = rng.normal(size=(3, 40, 5))
    y = (X.mean(axis=2)[0] > 0).astype(int)
    model = Mean(rng)
    h = nn.fit(model, nn.SoftmaxCrossEntropy(), nn.Adam(0.05), X, y, 20, 8, 0, progress=False, x_axis=1)
    assert seen[0] == (3, 8, 5)
    assert h["cost"][-1] < h["cost"][0]
    assert [n for n, _, _ in model.parameters()] == ["dense.W", "dense.b"]


def test_predict_reads_one_logit_as_binary():
    model = nn.Dense(2, 1, rng=0)
    model.params["W"][:] = [[1.0, 0.0]]
    X = np.array([[-2.0, 3.0, 0.5], [0.0, 0.0, 0.0]])
    np.testing.assert_array_equal(nn.predict(model, X), [0, 1, 1])
    assert nn.accuracy(model, X, np.array([[0, 1, 0]])) == pytest.approx(2 / 3)


def test_progress_bar_shows_the_cost(capsys):
    X, Y, _ = _data(m=30)
    nn.fit(_model(0), nn.SoftmaxCrossEntropy(), nn.Adam(0.01), X, Y, 2, 16, 0, X_dev=X, Y_dev=Y, progress=True)
    err = capsys.readouterr().err
    assert "cost=" in err and "dev_acc=" in err and "2/2" in err


def test_bad_arguments_are_explained():
    X, Y, _ = _data(m=20)
    args = (_model(0), nn.SoftmaxCrossEntropy(), nn.SGD(0.1))
    with pytest.raises(ValueError, match=r"X has 20 examples \(axis 1\) but Y has 19"):
        nn.fit(*args, X, Y[:, :19], 1, progress=False)
    with pytest.raises(ValueError, match="say which axis holds the examples"):
        nn.fit(*args, np.zeros((20, 2, 2, 1)), Y, 1, progress=False)
    with pytest.raises(ValueError, match="both X_dev and Y_dev"):
        nn.fit(*args, X, Y, 1, X_dev=X, progress=False)
    with pytest.raises(ValueError, match="mini_batch_size"):
        nn.fit(*args, X, Y, 1, batch_size=0, progress=False)


def test_callback_can_schedule_the_learning_rate_and_stop_early():
    X, Y, _ = _data()
    opt, seen = nn.SGD(0.5), []

    def callback(epoch, history):
        seen.append((epoch, len(history["cost"]), opt.learning_rate))
        opt.learning_rate = 0.5 / (1 + epoch + 1)          # the course's 1 / (1 + decay_rate * epoch_num)
        return epoch == 2

    h = nn.fit(_model(0), nn.SoftmaxCrossEntropy(), opt, X, Y, 10, 32, 0, progress=False, callback=callback)
    assert len(h["cost"]) == 3
    assert seen == [(0, 1, 0.5), (1, 2, 0.25), (2, 3, 0.5 / 3)]


def test_blas_threads_are_limited_in_the_block_and_restored_after():
    from dlkit.nn.blas import blas_threads, limit_blas_threads

    before = blas_threads()
    if before is None:
        pytest.skip("numpy's BLAS is not a reachable OpenBLAS here")
    with limit_blas_threads(1):
        assert blas_threads() == 1
    with limit_blas_threads(None):
        assert blas_threads() == before
    assert blas_threads() == before
    seen = []
    X, Y, _ = _data(m=20)
    nn.fit(_model(0), nn.SoftmaxCrossEntropy(), nn.SGD(0.1), X, Y, 2, 8, 0, progress=False,
           callback=lambda e, h: seen.append(blas_threads()))
    assert seen == [1, 1] and blas_threads() == before
