"""The base class of every layer and model: ``Module``.

A module is a function with parameters that can also run backwards:

- ``forward(x, training=False) -> out`` computes the output and keeps in
  ``self.cache`` what the backward pass will need;
- ``backward(dout) -> dx`` takes ``dout = dJ/d(out)``, the slope of the cost
  with respect to the output of the last ``forward``, stores the slopes of the
  cost with respect to each parameter in ``self.grads`` (same keys and shapes as
  ``self.params``; every call overwrites them) and returns ``dx = dJ/dx``.

Own parameters live in the dict ``self.params`` (``{"W": ..., "b": ...}``), their
gradients in ``self.grads``, non-trained state (batch norm's running averages)
in ``self.buffers``. A module that holds other modules (``Sequential``, a
residual block) finds them automatically among its attributes: a ``Module``, or
a list, tuple or dict of them. ``parameters()`` walks the whole tree and yields
``(name, value, grad)`` with dotted names (``"0.W"`` is the ``W`` of a
``Sequential``'s first layer), which is all an optimiser needs. It updates each
``value`` array in place.

``training`` says whether this pass is part of training: dropout drops units
and batch norm uses the mini-batch's statistics only when it is true. The
module's mode (``train()``, ``eval()``) is only the default of ``module(x)``;
``forward``'s argument, when given, decides.

Objects that do not derive from ``Module`` but have ``forward``, ``backward`` and
(optionally) ``params``/``grads`` dicts work everywhere a module does.
"""
from __future__ import annotations

from typing import Iterator

import numpy as np


def _children_of(obj) -> list:
    """The submodules of ``obj``: its own ``named_children()`` if it has one, else none."""
    named = getattr(obj, "named_children", None)
    return list(named()) if callable(named) else []


def _walk(obj, prefix: str = "", trainable_only: bool = False) -> Iterator[tuple[str, object]]:
    """``(dotted prefix, module)`` for ``obj`` and every module below it, parents first."""
    if trainable_only and not getattr(obj, "trainable", True):
        return
    yield prefix, obj
    for name, child in _children_of(obj):
        yield from _walk(child, f"{prefix}{name}.", trainable_only)


class Module:
    """A layer (or a model made of layers) with a forward and a backward pass.

    Subclasses set ``self.params`` in ``__init__`` (after ``super().__init__()``)
    and implement ``forward(x, training=False)`` and ``backward(dout)``.
    """

    def __init__(self):
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.buffers: dict[str, np.ndarray] = {}
        self.cache = None
        self.training = False
        self.trainable = True

    # ---------------------------------------------------------------- the two passes
    def forward(self, x, training: bool = False):
        """The output for input ``x``; keeps in ``self.cache`` what ``backward`` needs."""
        raise NotImplementedError(f"{type(self).__name__} has no forward pass")

    def backward(self, dout):
        """``dJ/dx`` from ``dout = dJ/d(out)``; stores ``dJ/d(parameter)`` in ``self.grads``."""
        raise NotImplementedError(f"{type(self).__name__} has no backward pass")

    def __call__(self, x, training: bool | None = None):
        """``forward(x, training)``, with ``training`` defaulting to the module's mode (``train()``/``eval()``)."""
        return self.forward(x, getattr(self, "training", False) if training is None else training)

    # ----------------------------------------------------------------- the module tree
    def named_children(self) -> Iterator[tuple[str, object]]:
        """Direct submodules found among the attributes: a Module, or a list, tuple or dict of Modules."""
        for attr, value in vars(self).items():
            if attr == "cache":
                continue
            if isinstance(value, Module):
                yield attr, value
            elif isinstance(value, (list, tuple)):
                for i, v in enumerate(value):
                    if isinstance(v, Module):
                        yield f"{attr}.{i}", v
            elif isinstance(value, dict):
                for k, v in value.items():
                    if isinstance(v, Module):
                        yield f"{attr}.{k}", v

    def modules(self) -> Iterator[tuple[str, object]]:
        """``(name, module)`` for this module (name ``""``) and every module below it."""
        for prefix, module in _walk(self):
            yield prefix.rstrip("."), module

    def parameters(self, trainable_only: bool = True) -> Iterator[tuple[str, np.ndarray, object]]:
        """``(name, value, grad)`` for every parameter of the tree, ``grad`` None before a backward pass.

        Modules frozen with ``freeze()`` are skipped unless ``trainable_only=False``.
        """
        for prefix, module in _walk(self, trainable_only=trainable_only):
            params = getattr(module, "params", None) or {}
            grads = getattr(module, "grads", None) or {}
            for key, value in params.items():
                yield prefix + key, value, grads.get(key)

    def num_parameters(self) -> int:
        """The number of parameter entries (weights and biases) in the whole tree, frozen ones included."""
        return int(sum(np.size(value) for _, value, _ in self.parameters(trainable_only=False)))

    # ---------------------------------------------------------------------- modes
    def train(self, mode: bool = True):
        """Set the training mode of this module and every module below it; returns ``self``."""
        for _, module in _walk(self):
            module.training = bool(mode)
        return self

    def eval(self):
        """Evaluation mode (``train(False)``); returns ``self``."""
        return self.train(False)

    def freeze(self):
        """Stop the optimisers from changing this module's parameters (and those below it); returns ``self``."""
        for _, module in _walk(self):
            module.trainable = False
        return self

    def unfreeze(self):
        """Undo ``freeze()``; returns ``self``."""
        for _, module in _walk(self):
            module.trainable = True
        return self

    # ---------------------------------------------------------------- saving state
    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every parameter and buffer of the tree, by dotted name."""
        out = {}
        for prefix, module in _walk(self):
            for store in ("params", "buffers"):
                for key, value in (getattr(module, store, None) or {}).items():
                    out[prefix + key] = np.array(value, copy=True)
        return out

    def load_state_dict(self, state: dict) -> None:
        """Copy values saved by ``state_dict`` back in place; names and shapes must match."""
        targets = {}
        for prefix, module in _walk(self):
            for store in ("params", "buffers"):
                for key, value in (getattr(module, store, None) or {}).items():
                    targets[prefix + key] = value
        missing = sorted(set(targets) - set(state))
        unknown = sorted(set(state) - set(targets))
        if missing or unknown:
            raise ValueError(f"state does not fit this model: missing {missing}, unknown {unknown}")
        for name, value in targets.items():
            new = np.asarray(state[name])
            if new.shape != value.shape:
                raise ValueError(f"`{name}` has shape {new.shape} in the state, {value.shape} in the model")
            value[...] = new

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
