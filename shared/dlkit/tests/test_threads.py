"""dlkit.threads: the CPU quota read from (fake) cgroup files, the training rule, and where it is applied."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dlkit import threads
from dlkit.threads import (ENV_VARIABLE, available_cpus, blas_threads, blas_threads_for_training,
                           cgroup_cpu_limit, limit_blas_threads, others_running, parse_cfs, parse_cpu_max,
                           threads_from_environment, training_threads)


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.mark.parametrize("text, cpus", [("max 100000", None), ("200000 100000", 2.0),
                                        ("150000 100000", 1.5), ("50000 100000", 0.5), ("max", None)])
def test_cpu_max_is_quota_over_period(text, cpus):
    assert parse_cpu_max(text) == cpus


@pytest.mark.parametrize("text, message", [("", "expected '<quota> <period>'"),
                                           ("1 2 3", "expected '<quota> <period>'"),
                                           ("lots 100000", "whole microseconds"),
                                           ("0 100000", "should be positive")])
def test_a_malformed_cpu_max_says_what_it_expected(text, message):
    with pytest.raises(ValueError, match=message):
        parse_cpu_max(text, "/sys/fs/cgroup/cpu.max")


def test_cfs_quota_minus_one_is_unlimited():
    assert parse_cfs("-1", "100000") is None
    assert parse_cfs("300000\n", "100000\n") == 3.0
    with pytest.raises(ValueError, match="should be positive"):
        parse_cfs("100000", "0")


def test_cgroup_v2_limit_of_the_process_cgroup_and_its_parents(tmp_path):
    root = tmp_path / "cgroup"
    proc = _write(tmp_path / "proc-cgroup", "0::/user.slice/job.scope\n")
    _write(root / "cpu.max", "max 100000\n")
    _write(root / "user.slice" / "job.scope" / "cpu.max", "150000 100000\n")
    assert cgroup_cpu_limit(root, proc) == 1.5
    _write(root / "user.slice" / "cpu.max", "100000 100000\n")       # a parent's smaller quota wins
    assert cgroup_cpu_limit(root, proc) == 1.0


def test_cgroup_v1_cfs_quota(tmp_path):
    root = tmp_path / "cgroup"
    proc = _write(tmp_path / "proc-cgroup", "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n")
    folder = root / "cpu,cpuacct" / "docker" / "abc"
    _write(folder / "cpu.cfs_quota_us", "250000\n")
    _write(folder / "cpu.cfs_period_us", "100000\n")
    assert cgroup_cpu_limit(root, proc) == 2.5
    _write(folder / "cpu.cfs_quota_us", "-1\n")
    assert cgroup_cpu_limit(root, proc) is None


def test_no_cgroup_files_means_no_limit(tmp_path):
    assert cgroup_cpu_limit(tmp_path / "absent", tmp_path / "absent-proc") is None


def test_an_unreadable_quota_is_ignored_with_a_warning(tmp_path):
    root = tmp_path / "cgroup"
    _write(root / "cpu.max", "garbage here\n")
    with pytest.warns(UserWarning, match="ignoring an unreadable CPU quota.*cpu.max"):
        assert cgroup_cpu_limit(root, tmp_path / "absent-proc") is None


@pytest.mark.parametrize("cpu_max, affinity, expected", [
    (None, 4, 4),                  # no quota: the affinity
    ("250000 100000", 4, 2),       # 2.5 CPUs, rounded down
    ("50000 100000", 4, 1),        # half a CPU still gets one thread
    ("800000 100000", 2, 2),       # a quota above the affinity does not add CPUs
])
def test_available_cpus_is_affinity_capped_by_the_quota(tmp_path, monkeypatch, cpu_max, affinity, expected):
    root = tmp_path / "cgroup"
    if cpu_max is not None:
        _write(root / "cpu.max", cpu_max)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(affinity)), raising=False)
    assert available_cpus(root, tmp_path / "absent-proc") == expected


def test_available_cpus_of_this_process_is_at_least_one():
    assert available_cpus() >= 1


def test_the_environment_variable_overrides_and_is_checked():
    assert threads_from_environment({}) is None
    assert threads_from_environment({ENV_VARIABLE: " "}) is None
    assert threads_from_environment({ENV_VARIABLE: "3"}) == 3
    with pytest.raises(ValueError, match="DLKIT_BLAS_THREADS='two' is not a whole number"):
        threads_from_environment({ENV_VARIABLE: "two"})
    with pytest.raises(ValueError, match="DLKIT_BLAS_THREADS='0' asks for 0 threads: it must be at least 1"):
        threads_from_environment({ENV_VARIABLE: "0"})


def test_others_running_reads_the_run_queue(tmp_path):
    assert others_running(_write(tmp_path / "stat", "cpu 1 2 3\nprocs_running 3\nprocs_blocked 0\n")) == 2
    assert others_running(_write(tmp_path / "stat", "procs_running 1\n")) == 0
    assert others_running(_write(tmp_path / "stat", "procs_running lots\n")) == 0
    assert others_running(tmp_path / "absent") == 0


@pytest.mark.parametrize("cpus, busy, expected", [(2, 0, 2), (2, 1, 1), (2, 2, 1), (2, 9, 1), (8, 3, 5), (1, 0, 1)])
def test_training_gets_the_cpus_nobody_else_is_using(cpus, busy, expected):
    assert blas_threads_for_training(cpus=cpus, busy=busy, environ={}) == expected


def test_the_variable_wins_over_the_rule():
    assert blas_threads_for_training(cpus=1, busy=0, environ={ENV_VARIABLE: "4"}) == 4
    assert blas_threads_for_training(cpus=8, busy=0, environ={ENV_VARIABLE: "1"}) == 1
    with pytest.raises(ValueError, match="cpus must be at least 1"):
        blas_threads_for_training(cpus=0, environ={})
    assert 1 <= blas_threads_for_training(environ={}) <= available_cpus()


def test_a_decorated_training_loop_runs_under_the_rule_and_restores_after(monkeypatch):
    if blas_threads() is None:
        pytest.skip("threadpoolctl finds no BLAS to limit")

    @training_threads
    def loop(n):
        """A training loop."""
        return [blas_threads() for _ in range(n)]

    assert loop.__doc__ == "A training loop." and loop.__wrapped__ is not None
    monkeypatch.setenv(ENV_VARIABLE, "1")
    with limit_blas_threads(2):
        before = blas_threads()
        assert loop(2) == [1, 1]
        assert blas_threads() == before
        monkeypatch.setenv(ENV_VARIABLE, "2")
        with limit_blas_threads(2):
            expected = blas_threads()     # what this BLAS gives when asked for 2
        assert loop(1) == [expected]
        monkeypatch.setenv(ENV_VARIABLE, "-1")
        with pytest.raises(ValueError, match="must be at least 1"):
            loop(1)


@pytest.mark.parametrize("module, names", [
    ("logistic", ["optimize", "model"]),
    ("shallow", ["nn_model", "sweep_hidden_sizes"]),
    ("deep", ["two_layer_model", "L_layer_model"]),
    ("regularization", ["model"]),
    ("train", ["model"]),
    ("transfer", ["fine_tune", "train_from_scratch", "train_adam"]),
    ("multitask", ["multitask_model"]),
    ("tuning", ["random_search"]),
    ("nn.fit", ["fit"]),
])
def test_every_course_training_loop_runs_under_the_rule(module, names, monkeypatch):
    import importlib

    mod = importlib.import_module(f"dlkit.{module}")
    if module == "nn.fit":     # fit takes a blas_threads argument; by default it asks the rule
        import numpy as np

        from dlkit import nn

        seen = []
        monkeypatch.setattr(mod, "blas_threads_for_training", lambda: seen.append("asked") or 1)
        X, Y = np.array([[0.0, 1.0, 0.5]]), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
        model = nn.Sequential(nn.Dense(1, 2, rng=np.random.default_rng(0)))
        nn.fit(model, nn.SoftmaxCrossEntropy(), nn.SGD(0.1), X, Y, 1, 2, 0, progress=False)
        assert seen == ["asked"]
        return
    for name in names:
        assert getattr(getattr(mod, name), "__wrapped__", None) is not None, f"dlkit.{module}.{name}"


def test_importing_dlkit_outside_a_kernel_changes_nothing():
    assert not threads.in_jupyter_kernel()


def test_apply_to_kernel_limits_the_whole_process():
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env[ENV_VARIABLE] = "1"
    code = ("from dlkit import threads\n"
            "n = threads.apply_to_kernel()\n"
            "print(n, threads.blas_threads())\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    n, now = out.stdout.split()
    assert now == "None" or (n, now) == ("1", "1")


def test_in_a_kernel_the_rule_is_applied_again_before_every_cell(monkeypatch):
    import IPython

    class Events:
        callbacks = {"pre_run_cell": []}

        def register(self, name, callback):
            self.callbacks[name].append(callback)

    shell = type("Shell", (), {"events": Events()})()
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    applied = []
    monkeypatch.setattr(threads, "apply_to_kernel", lambda: applied.append("now"))
    threads.follow_in_kernel()
    threads.follow_in_kernel()            # importing dlkit again registers no second hook
    assert applied == ["now", "now"] and len(shell.events.callbacks["pre_run_cell"]) == 1
    shell.events.callbacks["pre_run_cell"][0](None)
    assert applied == ["now", "now", "now"]
