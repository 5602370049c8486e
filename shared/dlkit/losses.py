"""Loss functions, computed stably (the checked kernels of ``dlkit.layers.losses``, under their first home).

``binary_cross_entropy(A, Y)`` is the course's cost
J = -(1/m) sum [y log a + (1 - y) log(1 - a)] with predictions clipped away
from 0 and 1 so that log(0) never happens. ``binary_cross_entropy_from_logits``
computes the same cost from Z = w^T X + b without forming a = sigma(Z): it is
exact even where sigma(Z) rounds to 0 or 1. ``softmax_cross_entropy(Z, Y)``
returns the softmax cross-entropy of logits (C, m) and its gradient
dJ/dZ = (softmax(Z) - Y) / m.
"""
from .layers.losses import binary_cross_entropy, binary_cross_entropy_from_logits, softmax_cross_entropy

__all__ = ["binary_cross_entropy", "binary_cross_entropy_from_logits", "softmax_cross_entropy"]
