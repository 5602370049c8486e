"""The worker pool behind ``grade --workers N``: one small interface, one local implementation.

``pool.map_unordered(fn, jobs)`` yields ``(job, result)`` pairs as jobs finish.
Each job is independent (it runs one submission in its own sandbox and
returns a plain record), so an engine that spreads work over several machines
can stand in for ``LocalPool`` by implementing the same method.
"""
from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

J = TypeVar("J")
R = TypeVar("R")


class WorkerPool(Protocol):
    def map_unordered(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[tuple[J, R]]:
        ...


class LocalPool:
    """Threads on this machine; each job spends its time waiting on a sandboxed subprocess."""

    def __init__(self, workers: int):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers

    def map_unordered(self, fn, jobs):
        jobs = list(jobs)
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="grade") as ex:
            pending = {}
            it = iter(jobs)
            for job in it:
                pending[ex.submit(fn, job)] = job
                if len(pending) >= self.workers:
                    break
            try:
                while pending:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        job = pending.pop(fut)
                        yield job, fut.result()
                        nxt = next(it, None)
                        if nxt is not None:
                            pending[ex.submit(fn, nxt)] = nxt
            finally:
                for fut in pending:
                    fut.cancel()
