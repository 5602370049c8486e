"""Optimiser objects: ``step(model)`` moves every trainable parameter against its gradient.

``step`` walks ``model.parameters()``, the ``(name, value, grad)`` triples of
the model's tree, and updates each ``value`` array **in place**, using the
per-array formulas of ``dlkit.optim`` (the lecture's, with epsilon outside the
square root):

- ``SGD``: ``W -= alpha dW``;
- ``Momentum``: ``v = beta v + (1 - beta) dW``, ``W -= alpha v``;
- ``RMSprop``: ``s = beta2 s + (1 - beta2) dW**2``, ``W -= alpha dW / (sqrt(s) + eps)``;
- ``Adam``: both averages, bias-corrected with ``1 - beta**t``, ``W -= alpha v_corr / (sqrt(s_corr) + eps)``.

The averages start at zero and are kept per parameter name in ``self.state``;
``self.t`` counts the calls of ``step`` (Adam's t, from 1). Use one optimiser
object per model. ``learning_rate`` is a plain attribute: change it between
steps for a learning-rate schedule.

Every optimiser can clip the gradients before using them (the stored
``grads`` are left as they are): ``clip_value=c`` clips each entry to
``[-c, c]``; ``clip_norm=c`` rescales all of them together when their joint
L2 norm exceeds ``c`` (the exploding-gradient remedy of Course 5).
"""
from __future__ import annotations

import numpy as np

from .. import optim


class Optimizer:
    """Base class: subclasses implement ``update(name, w, dw) -> new w``."""

    def __init__(self, learning_rate: float, *, clip_value: float | None = None, clip_norm: float | None = None):
        if not learning_rate > 0:
            raise ValueError(f"learning_rate must be positive; got {learning_rate!r}")
        for name, c in (("clip_value", clip_value), ("clip_norm", clip_norm)):
            if c is not None and not c > 0:
                raise ValueError(f"{name} must be positive (or None); got {c!r}")
        self.learning_rate = float(learning_rate)
        self.clip_value, self.clip_norm = clip_value, clip_norm
        self.state: dict[str, dict[str, np.ndarray]] = {}
        self.t = 0

    def step(self, model) -> None:
        """One update of every trainable parameter of ``model`` (after ``model.backward``)."""
        self.t += 1
        triples = list(model.parameters())
        for name, _, grad in triples:
            if grad is None:
                raise ValueError(f"parameter {name!r} has no gradient: run the model's backward pass before step()")
        grads = [np.asarray(grad) for _, _, grad in triples]
        if self.clip_value is not None:
            grads = [np.clip(g, -self.clip_value, self.clip_value) for g in grads]
        if self.clip_norm is not None:
            norm = float(np.sqrt(sum(float(np.sum(np.square(g))) for g in grads)))
            if norm > self.clip_norm:
                grads = [g * (self.clip_norm / norm) for g in grads]
        for (name, value, _), grad in zip(triples, grads):
            value[...] = self.update(name, value, grad)

    def _slot(self, name: str, key: str, like: np.ndarray) -> np.ndarray:
        """The running average ``key`` of parameter ``name``, zeros the first time."""
        slots = self.state.setdefault(name, {})
        if key not in slots:
            slots[key] = np.zeros_like(like)
        elif slots[key].shape != like.shape:
            raise ValueError(f"the optimiser's state for {name!r} has shape {slots[key].shape}, the parameter "
                             f"{like.shape}: use a new optimiser object for each model")
        return slots[key]

    def update(self, name: str, w: np.ndarray, dw: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(learning_rate={self.learning_rate:g})"


class SGD(Optimizer):
    """(Mini-batch) gradient descent."""

    def update(self, name, w, dw):
        return optim.gd_step(w, dw, self.learning_rate)


class Momentum(Optimizer):
    """Gradient descent with momentum ``beta`` (0.9 in the course)."""

    def __init__(self, learning_rate: float = 0.01, beta: float = 0.9, **clip):
        super().__init__(learning_rate, **clip)
        self.beta = float(beta)

    def update(self, name, w, dw):
        w, self.state[name]["v"] = optim.momentum_step(w, dw, self._slot(name, "v", w), self.learning_rate,
                                                       self.beta)
        return w


class RMSprop(Optimizer):
    """RMSprop with decay ``beta2`` and ``epsilon``."""

    def __init__(self, learning_rate: float = 0.001, beta2: float = 0.999, epsilon: float = optim.EPSILON, **clip):
        super().__init__(learning_rate, **clip)
        self.beta2, self.epsilon = float(beta2), float(epsilon)

    def update(self, name, w, dw):
        w, self.state[name]["s"] = optim.rmsprop_step(w, dw, self._slot(name, "s", w), self.learning_rate,
                                                      self.beta2, self.epsilon)
        return w


class Adam(Optimizer):
    """Adam (the course's defaults: beta1 0.9, beta2 0.999, epsilon 1e-8)."""

    def __init__(self, learning_rate: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 epsilon: float = optim.EPSILON, **clip):
        super().__init__(learning_rate, **clip)
        self.beta1, self.beta2, self.epsilon = float(beta1), float(beta2), float(epsilon)

    def update(self, name, w, dw):
        v, s = self._slot(name, "v", w), self._slot(name, "s", w)
        if w.dtype.kind == "f" and v.dtype == w.dtype:
            w = w.copy() if not w.flags.writeable else w
            optim.adam_step_inplace(w, dw, v, s, self.t, self.learning_rate, self.beta1, self.beta2, self.epsilon)
            return w
        w, v, s, _, _ = optim.adam_step(w, dw, v, s, self.t, self.learning_rate, self.beta1, self.beta2,
                                        self.epsilon)
        self.state[name]["v"], self.state[name]["s"] = v, s
        return w
