"""Exercise factories: a layer or kernel exercise is its cases, hints and known mistakes, nothing more.

- ``layer_exercise(id, reference, setup=..., ...)`` makes the exercise of a class with
  ``forward(X, training)`` / ``backward(dout)`` (a layer of ``dlkit.nn``). It
  supplies the driver (build the layer, set the case's parameters, one forward
  and one backward pass, return plain arrays) and the gradient probe.
- ``kernel_exercise(id, reference, probe=..., ...)`` makes the exercise of a function (a
  forward or backward kernel); ``kernel_probe`` makes the gradient probe of a
  backward kernel from the forward math it differentiates.
- ``loss_exercise(id, reference, ...)`` does the same for a loss class
  (``forward(Z, Y) -> cost``, ``backward() -> dZ``).
- ``override(reference, method=...)`` is a known mistake: the reference with one
  method replaced (``override(nn.Dense, backward=...)``), never a copy of it.

Both return an ``Exercise`` for ``registry.register`` (so a test can build one
without registering it). One numeric-gradient probe serves both
(``slope_verdicts``): the student's gradients against two-sided slopes of
``J = sum(dout * forward(...))``, with the phrases of ``exercises._gradients``
(a factor m, the sign, a known variant).
"""
from __future__ import annotations

import inspect

from typing import Any, Callable, Mapping, NamedTuple, Optional, Sequence

import numpy as np

from .exercises._gradients import numeric_slopes, summary, verdict
from .registry import Exercise

ALL_RIGHT = ("your gradients match numeric slopes of your own forward pass, so the formulas are right: "
             "look at the shapes, and at what the constructor and forward store.")


def override(reference: type, **methods: Callable) -> type:
    """A known mistake: a subclass of ``reference`` with the given methods replaced (same class name).

    ``override(nn.Dense, backward=lambda self, dZ: ...)``; call the reference's own
    method as ``nn.Dense.backward(self, dZ)`` inside (lambdas have no ``super()``).
    """
    if not methods:
        raise ValueError("override needs at least one method to replace, e.g. backward=...")
    return type(reference.__name__, (reference,), {"__module__": __name__, **methods})


def copy_array(x: Any) -> Any:
    """A float copy of an array (so later calls cannot change a recorded output); anything else as it is."""
    return np.array(x, dtype=float, copy=True) if isinstance(x, np.ndarray) else x


def stored_grad(obj: Any, key: str) -> Any:
    """``obj.grads[key]`` copied, or None when the object stored no such gradient."""
    grads = getattr(obj, "grads", None)
    return copy_array(grads.get(key)) if isinstance(grads, dict) else None


def slope_verdict(name: str, got: Any, numeric: np.ndarray, m: Optional[int] = None) -> Optional[str]:
    """``_gradients.verdict``, except that a gradient that is zero up to rounding matches a zero slope
    (the bias of a layer followed by batch norm has slope 0: batch norm removes any shift)."""
    try:
        small = max(np.abs(np.asarray(got, dtype=float)).max(initial=0), np.abs(numeric).max(initial=0)) < 1e-7
    except (TypeError, ValueError):
        small = False
    if small and np.shape(got) == np.shape(numeric):
        return None
    return verdict(name, got, numeric, m)


def slope_verdicts(J: Callable[[], float], arrays: Mapping[str, np.ndarray], got: Mapping[str, Any],
                   m: Optional[int] = None, all_right: str = ALL_RIGHT,
                   notes: Sequence[tuple[str, str]] = ()) -> str:
    """The shared probe: ``got[name]`` against the numeric slope of ``J()`` with respect to ``arrays[name]``.

    ``arrays`` are nudged in place, so ``J`` must read them. ``notes`` holds
    ``(trigger, sentence)`` pairs: the sentence is added when the verdict contains
    the trigger ("1/m too many" -> "dZ already holds the 1/m ...").
    """
    numeric = numeric_slopes(J, arrays)
    text = summary([slope_verdict(name, got[name], numeric[name], m) for name in arrays], all_right)
    return text + "".join(f" {sentence}" for trigger, sentence in notes if trigger in text)


# ------------------------------------------------------------------------------------------ layers

class LayerRun(NamedTuple):
    """What one case of a layer exercise does: ``make(cls)`` builds the layer, ``params`` are set into
    ``layer.params`` (replacing its initial values), then ``forward(X, True)`` and ``backward(dout)``."""

    make: Callable[[type], Any]
    X: np.ndarray
    dout: np.ndarray
    params: Mapping[str, np.ndarray] = {}


def _run_layer(run: LayerRun, cls: type, record_init: Sequence[str]) -> tuple:
    layer = run.make(cls)
    init = tuple(copy_array(layer.params.get(k)) for k in record_init)
    for k, v in run.params.items():
        layer.params[k] = v
    out = copy_array(layer.forward(run.X, True))
    dX = copy_array(layer.backward(run.dout))
    return (*init, out, dX, *(stored_grad(layer, k) for k in run.params))


def layer_driver(setup: Callable[..., LayerRun], record_init: Sequence[str] = ()) -> Callable[[type], Callable]:
    """The driver of a layer exercise: returns ``(*initial params, out, dX, *grads)`` of one case."""
    def driver(cls):
        def run(*args):
            return _run_layer(setup(*args), cls, record_init)
        run.__signature__ = inspect.signature(setup)  # messages name the case's arguments as setup does
        return run
    return driver


def layer_probe(setup: Callable[..., LayerRun], input_grad: str = "dX", m_of_batch: bool = False,
                all_right: str = ALL_RIGHT, notes: Sequence[tuple[str, str]] = ()) -> Callable:
    """The gradient probe of a layer exercise: the stored ``grads`` and the returned ``input_grad`` against
    numeric slopes of ``J = sum(dout * forward(X, True))`` of the student's own layer.

    ``m_of_batch``: a factor ``m = X.shape[1]`` is named as such ("missing a 1/m").
    """
    def probe(cls, case):
        run = setup(*(copy_array(a) for a in case.args))
        layer = run.make(cls)
        for k, v in run.params.items():
            layer.params[k] = v
        layer.forward(run.X, True)
        dX = layer.backward(run.dout.copy())
        got = {f"d{k}": stored_grad(layer, k) for k in run.params}
        if any(g is None for g in got.values()):
            return ("backward did not store the gradients: set "
                    + " and ".join(f'self.grads["{k}"]' for k in run.params) + ".")
        got[input_grad] = dX
        arrays = {**{f"d{k}": v for k, v in run.params.items()}, input_grad: run.X}
        return slope_verdicts(lambda: float(np.sum(run.dout * layer.forward(run.X, True))), arrays, got,
                              run.X.shape[1] if m_of_batch else None, all_right, notes)
    return probe


def layer_exercise(id: str, reference: type, *, setup: Callable[..., LayerRun], params: Sequence[str] = (),
                   record_init: Sequence[str] = (), out: str = "out", input_grad: str = "dX",
                   m_of_batch: bool = False, probe_notes: Sequence[tuple[str, str]] = (), **fields) -> Exercise:
    """A layer exercise (pass it to ``registry.register``): a class with ``forward(X, training)``,
    ``backward(dout)``, ``params`` and ``grads``.

    ``setup(*case.args) -> LayerRun``; the outputs compared are the initial
    values of ``record_init`` (what the constructor drew), ``out``, ``input_grad``
    and ``d<p>`` for every parameter ``p`` in ``params`` (in that order).
    ``fields`` are the rest of the ``Exercise``: cases, mistakes, tolerances.
    """
    outputs = (*(f"{k}_init" for k in record_init), out, input_grad, *(f"d{k}" for k in params))
    return Exercise(id=id, reference=reference, outputs=outputs, driver=layer_driver(setup, record_init),
                    gradcheck=layer_probe(setup, input_grad, m_of_batch, notes=probe_notes), **fields)


# ------------------------------------------------------------------------------------------ losses

def _scalar(cost: Any) -> Any:
    return float(cost) if isinstance(cost, (float, np.floating)) or np.ndim(cost) == 0 else cost


def loss_driver(cls: type) -> Callable:
    """The driver of a loss exercise: ``forward(Z, *labels)`` then ``backward()``; returns ``(cost, dZ)``."""
    def run(Z, *labels):
        loss = cls()
        cost = _scalar(loss.forward(Z, *labels))
        return cost, copy_array(loss.backward())
    return run


def loss_probe(not_finite: str, all_right: str = ALL_RIGHT) -> Callable:
    """The gradient probe of a loss: the returned dZ against the numeric slope of the student's own cost
    (a factor m = columns of Z is named); ``not_finite`` is said when that cost is not a finite number."""
    def probe(cls, case):
        Z, *labels = (copy_array(a) for a in case.args)
        loss = cls()
        loss.forward(Z, *labels)
        dZ = loss.backward()
        numeric = numeric_slopes(lambda: float(cls().forward(Z, *labels)), {"dZ": Z})["dZ"]
        if not np.all(np.isfinite(numeric)):
            return not_finite
        return summary([slope_verdict("dZ", dZ, numeric, Z.shape[1])], all_right)
    return probe


def loss_exercise(id: str, reference: type, *, not_finite: str, **fields) -> Exercise:
    """A loss exercise (pass it to ``registry.register``): a class with ``forward(Z, *labels) -> cost`` and
    ``backward() -> dZ``, graded on ``(cost, dZ)`` of each case ``(Z, *labels)``, with ``loss_probe``."""
    return Exercise(id=id, reference=reference, outputs=("cost", "dZ"), driver=loss_driver,
                    gradcheck=loss_probe(not_finite), **fields)


# ----------------------------------------------------------------------------------------- kernels

class KernelRun(NamedTuple):
    """One case of a backward kernel: the upstream slope, the forward's inputs by name, and ``call(fn)``,
    which calls the student's kernel on copies of the case (the forward's inputs stay untouched)."""

    dout: np.ndarray
    inputs: Mapping[str, np.ndarray]
    call: Callable[[Callable], Any]
    forward: Optional[Callable[..., np.ndarray]] = None   # this case's forward, when it depends on the case


def kernel_probe(split: Callable[..., KernelRun], forward: Optional[Callable[..., np.ndarray]], grads: Sequence[str],
                 per_m: Sequence[str] = (), all_right: str = ALL_RIGHT) -> Callable:
    """The gradient probe of a backward kernel returning the gradients ``grads`` (``"dA_prev", "dW", "db"``).

    Each ``d<x>`` is compared with the slope of ``J = sum(dout * forward(**inputs))``
    with respect to input ``x``; for the names in ``per_m`` (Course 1's dW, db,
    which average over the examples) the slope is divided by m = columns of ``dout``.
    """
    def probe(fn, case):
        run = split(*case.args)
        got = run.call(fn)
        if not (isinstance(got, (tuple, list)) and len(got) == len(grads)):
            count = {2: "two", 3: "three"}.get(len(grads), str(len(grads)))
            return f"the function should return the {count} gradients ({', '.join(grads)})"
        inputs = {k: np.array(v, dtype=float) for k, v in run.inputs.items()}
        m = run.dout.shape[1]
        f = run.forward or forward
        numeric = numeric_slopes(lambda: float(np.sum(run.dout * f(**inputs))),
                                 {g: inputs[g[1:]] for g in grads})
        problems = [verdict(g, got_g, numeric[g] / (m if g in per_m else 1), m) for g, got_g in zip(grads, got)]
        return summary(problems, all_right)
    return probe


def kernel_exercise(id: str, reference: Callable, *, probe: Optional[Callable] = None, **fields) -> Exercise:
    """A function exercise (pass it to ``registry.register``); ``probe`` (from ``kernel_probe``) is its
    numeric gradient check."""
    return Exercise(id=id, reference=reference, gradcheck=probe, **fields)
