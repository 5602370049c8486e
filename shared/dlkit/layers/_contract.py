"""The naive-vs-fast contract: two kernels of one layer must be interchangeable.

Course 4 grades a loop version of a layer (convolution, pooling) because the
loops show the math; the library trains with a vectorised one. Both must keep
one contract, and ``assert_same_contract`` proves it on given inputs, as
CS231n's ``fast_layers`` tests do:

1. the forward outputs agree;
2. the backward results agree, and the caches are interchangeable: the naive
   backward accepts the fast forward's cache and the fast backward the naive
   one's, with the same results;
3. bad input gets the same error from both: the same exception type and
   message for every call in ``bad_inputs``, and for an upstream gradient of
   the wrong shape (one example too many).

A kernel pair is ``forward(*inputs) -> (out, cache)`` and
``backward(dout, cache) -> grads`` (an array or a tuple of arrays), the
course's form. A naive kernel is written with the same checks as the fast one
(share the module's ``check_*`` helpers), so point 3 holds by construction and
the test keeps it so.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

__all__ = ["assert_same_contract"]


def _as_tuple(x):
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def _assert_close(what, got, want, rtol, atol):
    got, want = _as_tuple(got), _as_tuple(want)
    if len(got) != len(want):
        raise AssertionError(f"{what}: the fast kernel returns {len(got)} arrays, the naive one {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        if np.shape(g) != np.shape(w):
            raise AssertionError(f"{what}[{i}]: fast shape {np.shape(g)}, naive shape {np.shape(w)}")
        if not np.allclose(g, w, rtol=rtol, atol=atol):
            worst = float(np.max(np.abs(np.asarray(g, float) - np.asarray(w, float))))
            raise AssertionError(f"{what}[{i}]: fast and naive differ by up to {worst:.3g}")


def _error_of(call):
    try:
        call()
    except Exception as exc:          # noqa: BLE001  (any error is part of the contract)
        return type(exc), str(exc)
    return None


def _assert_same_error(what, naive_call, fast_call):
    naive, fast = _error_of(naive_call), _error_of(fast_call)
    if naive is None or fast is None or naive != fast:
        def show(e):
            return "no error" if e is None else f"{e[0].__name__}: {e[1]}"
        raise AssertionError(f"{what}: naive gives {show(naive)}; fast gives {show(fast)}")


def _wider(dout):
    """``dout`` with one more example along its last axis: a shape no backward kernel may accept."""
    dout = np.asarray(dout)
    return np.concatenate([dout, dout[..., :1]], axis=-1)


def assert_same_contract(naive: tuple[Callable, Callable], fast: tuple[Callable, Callable],
                         cases: Iterable[Sequence], bad_inputs: Iterable[Sequence] = (), *,
                         seed: int = 0, rtol: float = 1e-10, atol: float = 1e-12) -> None:
    """Raise AssertionError unless the (forward, backward) pairs ``naive`` and ``fast`` keep one contract.

    ``cases``: tuples of forward inputs on which outputs and gradients must agree
    (the upstream gradient is drawn from a normal distribution seeded with ``seed``);
    ``bad_inputs``: tuples of forward inputs that must raise the same error from both.
    """
    (naive_forward, naive_backward), (fast_forward, fast_backward) = naive, fast
    rng = np.random.default_rng(seed)
    n_cases = 0
    for k, inputs in enumerate(cases):
        n_cases += 1
        out_naive, cache_naive = naive_forward(*inputs)
        out_fast, cache_fast = fast_forward(*inputs)
        _assert_close(f"case {k}: forward", out_fast, out_naive, rtol, atol)
        dout = rng.standard_normal(np.shape(out_fast))
        grads = naive_backward(dout, cache_naive)
        _assert_close(f"case {k}: backward", fast_backward(dout, cache_fast), grads, rtol, atol)
        for what, backward, cache in (("fast backward on the naive cache", fast_backward, cache_naive),
                                      ("naive backward on the fast cache", naive_backward, cache_fast)):
            try:
                swapped = backward(dout, cache)
            except Exception as exc:      # noqa: BLE001
                raise AssertionError(f"case {k}: {what} fails: {type(exc).__name__}: {exc}") from exc
            _assert_close(f"case {k}: {what}", swapped, grads, rtol, atol)
        _assert_same_error(f"case {k}: backward with dout of shape {_wider(dout).shape}",
                           lambda: naive_backward(_wider(dout), cache_naive),
                           lambda: fast_backward(_wider(dout), cache_fast))
    if n_cases == 0:
        raise AssertionError("no cases: give at least one tuple of forward inputs")
    for k, inputs in enumerate(bad_inputs):
        _assert_same_error(f"bad input {k}", lambda: naive_forward(*inputs), lambda: fast_forward(*inputs))
