"""Every Course 2 Week 3 framework exercise: the reference passes, each known mistake fails with its hint."""
import numpy as np
import pytest

from autograder import wire
from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises
from dlkit import nn

EXS = notebook_exercises("course2/week3/building_a_framework.ipynb")


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(EXS)


@pytest.mark.parametrize("ex", EXS, ids=lambda e: e.id)
def test_cases_cross_the_wire(ex):
    """The cases travel to the grading kernel as JSON: plain data only, rebuilt exactly."""
    for case in ex.cases(hidden=False) + ex.cases(hidden=True):
        back = wire.decode(wire.encode(case.args))
        out_a = ex.prepare(ex.reference)(*case.args)
        out_b = ex.prepare(ex.reference)(*back)
        assert wire.encode(out_a) == wire.encode(out_b)


def test_notes_softmax_example():
    case = get("c2w3.SoftmaxCrossEntropy").fixed_cases[0]
    Z, Y = case.args
    e = np.exp(Z[:, 0])
    np.testing.assert_allclose(e / e.sum(), [0.842, 0.042, 0.002, 0.114], atol=5e-4)
    cost, dZ = get("c2w3.SoftmaxCrossEntropy").prepare(nn.SoftmaxCrossEntropy)(Z, Y)
    assert cost == pytest.approx(-(np.log(e[0] / e.sum()) + np.log(np.exp(Z[2, 1]) / np.exp(Z[:, 1]).sum())) / 2)


# ------------------------------------------------------------------------ students' own ways of writing them

class StudentDense(nn.Module):
    def __init__(self, n_in, n_out, rng):
        super().__init__()
        self.params["W"] = rng.normal(0, np.sqrt(2 / n_in), size=(n_out, n_in))
        self.params["b"] = np.zeros((n_out, 1))

    def forward(self, A_prev, training=False):
        self.cache = A_prev
        return np.dot(self.params["W"], A_prev) + self.params["b"]

    def backward(self, dZ):
        A_prev = self.cache
        self.grads["W"] = np.dot(dZ, A_prev.T)
        self.grads["b"] = dZ.sum(axis=1).reshape(-1, 1)
        return np.dot(self.params["W"].T, dZ)


class StudentReLU(nn.Module):
    def forward(self, Z, training=False):
        A = Z * (Z > 0)
        self.cache = A
        return A

    def backward(self, dA):
        return np.where(self.cache > 0, dA, 0.0)


class StudentLoss:
    def forward(self, Z, Y):
        T = np.exp(Z - np.max(Z, axis=0))
        self.A, self.Y = T / np.sum(T, axis=0), Y
        return -np.sum(Y * np.log(self.A)) / Y.shape[1]

    def backward(self):
        return (self.A - self.Y) / self.Y.shape[1]


class StudentSequential(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = layers

    def forward(self, X, training=False):
        A = X
        for layer in self.layers:
            A = layer.forward(A, training)
        return A

    def backward(self, dout):
        for layer in self.layers[::-1]:
            dout = layer.backward(dout)
        return dout


class StudentAdam:
    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.learning_rate, self.beta1, self.beta2, self.epsilon = learning_rate, beta1, beta2, epsilon
        self.t, self.v, self.s = 0, {}, {}

    def step(self, model):
        self.t = self.t + 1
        for name, value, grad in model.parameters():
            v = self.v.get(name, 0.0) * self.beta1 + (1 - self.beta1) * grad
            s = self.s.get(name, 0.0) * self.beta2 + (1 - self.beta2) * np.square(grad)
            self.v[name], self.s[name] = v, s
            value[...] = value - self.learning_rate * (v / (1 - self.beta1 ** self.t)) / (
                np.sqrt(s / (1 - self.beta2 ** self.t)) + self.epsilon)


@pytest.mark.parametrize("name, cls", [("Dense", StudentDense), ("ReLU", StudentReLU),
                                       ("SoftmaxCrossEntropy", StudentLoss), ("Sequential", StudentSequential),
                                       ("Adam", StudentAdam)])
def test_other_correct_ways_pass(name, cls):
    ok, msg = run_checks(get(f"c2w3.{name}"), cls, hidden=True)
    assert ok, msg


def test_students_classes_train_with_dlkit_fit():
    """The notebook's point: the student's classes plug into dlkit.nn.fit and learn."""
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 90)
    X = (np.array([[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]])[y] + 0.5 * rng.normal(size=(90, 2))).T
    model = StudentSequential([StudentDense(2, 8, rng), StudentReLU(), StudentDense(8, 3, rng)])
    h = nn.fit(model, StudentLoss(), StudentAdam(0.05), X, np.eye(3)[:, y], 10, 16, 0, progress=False)
    assert h["cost"][-1] < 0.5 * h["cost"][0]
    assert nn.accuracy(model, X, y) > 0.9


# ------------------------------------------------------------------------------------------ gradient checks

@pytest.mark.parametrize("name", ["Dense", "ReLU", "SoftmaxCrossEntropy", "Sequential"])
def test_gradient_check_passes_the_reference(name):
    ex = get(f"c2w3.{name}")
    for case in ex.fixed_cases:
        verdict = ex.gradcheck(ex.reference, case)
        assert "match" in verdict and "disagree" not in verdict, verdict


def test_gradient_check_names_an_extra_1_over_m_in_dense():
    ex = get("c2w3.Dense")
    over_m = next(m.fn for m in ex.mistakes if m.name == "dW_over_m")
    verdict = ex.gradcheck(over_m, ex.fixed_cases[0])
    assert "dW is the numeric slope divided by m = 4: it has a 1/m too many" in verdict
    assert "dA_prev" not in verdict


def test_gradient_check_names_a_missing_1_over_m_in_the_loss():
    ex = get("c2w3.SoftmaxCrossEntropy")
    mistake = next(m.fn for m in ex.mistakes if m.name == "grad_no_1_over_m")
    assert "missing a 1/m" in ex.gradcheck(mistake, ex.fixed_cases[0])


def test_gradient_check_flags_a_bad_relu_mask():
    ex = get("c2w3.ReLU")
    mistake = next(m.fn for m in ex.mistakes if m.name == "mask_with_dA")
    assert "dZ disagrees" in ex.gradcheck(mistake, ex.fixed_cases[0])


def test_gradient_check_of_sequential_names_the_layers():
    ex = get("c2w3.Sequential")

    class SkipsFirst(StudentSequential):
        def backward(self, dout):
            for layer in self.layers[:0:-1]:
                dout = layer.backward(dout)
            return dout

    verdict = ex.gradcheck(SkipsFirst, ex.fixed_cases[1])
    assert "layer 0 stored no gradient for W" in verdict
    assert "layer 2" not in verdict


def test_a_class_that_cannot_be_built_is_reported():
    class NoRng:
        def __init__(self, n_in, n_out):
            pass

    ok, msg = run_checks(get("c2w3.Dense"), NoRng)
    assert not ok and "TypeError" in msg
