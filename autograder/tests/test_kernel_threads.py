"""The grader's kernels get dlkit's BLAS-thread rule (dlkit.threads), and --threads overrides it."""
from __future__ import annotations

import pytest

from autograder import sandbox
from autograder.batch import Batch
from autograder.cli import main
from autograder.sandbox import Limits, child_env, kernel_threads


def test_each_kernel_gets_the_training_rule_on_its_share_of_the_cpus(monkeypatch):
    import dlkit.threads as threads

    shares = []
    monkeypatch.setattr(threads, "available_cpus", lambda: 8)
    monkeypatch.setattr(threads, "blas_threads_for_training", lambda cpus: shares.append(cpus) or 1)
    assert [kernel_threads(w) for w in (1, 3, 8, 16)] == [1, 1, 1, 1]
    assert shares == [8, 2, 1, 1]
    with pytest.raises(ValueError, match="workers must be at least 1"):
        kernel_threads(0)


def test_the_variable_reaches_the_kernels(monkeypatch, tmp_path):
    monkeypatch.setenv("DLKIT_BLAS_THREADS", "3")
    assert kernel_threads(2) == 3
    env = child_env(tmp_path)
    assert env["OPENBLAS_NUM_THREADS"] == env["DLKIT_BLAS_THREADS"] == "3"
    monkeypatch.delenv("DLKIT_BLAS_THREADS")
    env = child_env(tmp_path, threads=2)          # an explicit count wins
    assert env["OMP_NUM_THREADS"] == env["DLKIT_BLAS_THREADS"] == "2"


def test_a_batch_fills_in_the_rule_but_keeps_an_explicit_count(monkeypatch, mini_course, tmp_path):
    monkeypatch.setattr(sandbox, "kernel_threads", lambda workers: 100 + workers)
    monkeypatch.setattr("autograder.batch.kernel_threads", lambda workers: 100 + workers)
    subs = tmp_path / "subs"
    subs.mkdir()
    assert Batch(subs, tmp_path / "a", mini_course, workers=3).limits.threads == 103
    limits = Limits(cell_timeout=9)
    batch = Batch(subs, tmp_path / "b", mini_course, limits=limits, workers=2)
    assert (batch.limits.threads, batch.limits.cell_timeout, limits.threads) == (102, 9, None)
    assert Batch(subs, tmp_path / "c", mini_course, limits=Limits(threads=4), workers=2).limits.threads == 4


def test_grade_rejects_zero_threads(tmp_path, capsys):
    assert main(["grade", str(tmp_path), "--out", str(tmp_path / "out"), "--threads", "0"]) == 2
    assert "--threads must be at least 1" in capsys.readouterr().err
