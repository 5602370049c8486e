"""Every Course 2 Week 2 exercise: the reference passes, each known mistake fails with its hint."""
import numpy as np
import pytest

from autograder.checker import run_checks
from autograder.tests.contract import contract
from autograder.registry import get
from autograder.tests.notebook_checks import notebook_exercises

C2W2 = notebook_exercises("course2/week2/optimization_methods.ipynb")


(test_reference_passes_visible_and_hidden, test_known_mistake_fails_with_its_hint,
 test_enough_known_mistakes) = contract(C2W2)


# ------------------------------------------------------------ the notes' numbers

def test_ewa_cases_carry_the_notes_numbers():
    ex = get("c2w2.exponentially_weighted_average")
    weights = ex.reference(*ex.fixed_cases[0].args, **ex.fixed_cases[0].kwargs)
    assert weights[1] == pytest.approx(0.0196)                       # theta_1's weight in v_2
    plain = ex.reference(*ex.fixed_cases[1].args, **ex.fixed_cases[1].kwargs)
    corrected = ex.reference(*ex.fixed_cases[2].args, **ex.fixed_cases[2].kwargs)
    assert plain[1] == pytest.approx(0.0196 * 10 + 0.02 * 20)
    assert corrected[1] == pytest.approx(plain[1] / 0.0396)


def test_update_lr_cases_are_the_corrected_table():
    ex = get("c2w2.update_lr")
    got = [ex.reference(*c.args) for c in ex.fixed_cases[:4]]
    np.testing.assert_allclose(got, [0.1, 0.0667, 0.05, 0.04], atol=5e-5)
    assert "0.0667" in ex.fixed_cases[1].label and "0.67" not in ex.fixed_cases[1].label.replace("0.0667", "")


def test_minibatch_case_is_64_64_20():
    ex = get("c2w2.random_mini_batches")
    batches = ex.reference(*ex.fixed_cases[0].args)
    assert [X_t.shape for X_t, _ in batches] == [(12288, 64), (12288, 64), (12288, 20)]


def test_adam_first_case_is_the_notes_first_step():
    ex = get("c2w2.update_parameters_with_adam")
    case = ex.fixed_cases[0]
    _, _, _, v_corrected, s_corrected = ex.reference(*case.args, **case.kwargs)
    grads = case.args[1]
    for k, g in grads.items():
        np.testing.assert_allclose(v_corrected[k], g)
        np.testing.assert_allclose(s_corrected[k], g ** 2)


def test_epsilon_inside_the_root_is_caught_only_by_the_vanishing_gradient_case():
    ex = get("c2w2.update_parameters_with_adam")
    eps_inside = next(m for m in ex.mistakes if m.name == "eps_inside")
    ok, msg = run_checks(ex, eps_inside.fn)
    assert not ok and "vanishing gradients" in msg


# ---------------------------------------------------------- course-style answers

def _course_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def _course_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation].reshape((1, m))
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def _course_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            v["d" + p + str(l)] = beta * v["d" + p + str(l)] + (1 - beta) * grads["d" + p + str(l)]
            parameters[p + str(l)] -= learning_rate * v["d" + p + str(l)]
    return parameters, v


def _course_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = "d" + p + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            v_corrected[key] = v[key] / (1 - beta1 ** t)
            s[key] = beta2 * s[key] + (1 - beta2) * np.square(grads[key])
            s_corrected[key] = s[key] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def _course_ewa(theta, beta, bias_correction=False):
    v, out = 0, []
    for t, value in enumerate(theta, start=1):
        v = beta * v + (1 - beta) * value
        out.append(v / (1 - beta ** t) if bias_correction else v)
    return np.array(out)


def _course_schedule(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))


@pytest.mark.parametrize("exercise_id, fn", [
    ("c2w2.update_parameters_with_gd", _course_gd),
    ("c2w2.random_mini_batches", _course_batches),
    ("c2w2.update_parameters_with_momentum", _course_momentum),
    ("c2w2.update_parameters_with_adam", _course_adam),
    ("c2w2.exponentially_weighted_average", _course_ewa),
    ("c2w2.schedule_lr_decay", _course_schedule),
])
def test_course_style_answers_pass(exercise_id, fn):
    """Answers written as the course writes them (editing the dicts in place, numpy floats) pass everything."""
    for hidden in (False, True):
        ok, msg = run_checks(get(exercise_id), fn, hidden=hidden)
        assert ok, msg
