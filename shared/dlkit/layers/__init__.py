"""Layer kernels: forward/backward pairs with caches, in course notation.

``dense``: the fully connected layer of Course 1 Week 4 (``linear_forward``,
``linear_backward``, the activation kernels and ``linear_activation_*``).
"""
from .dense import (
    ACTIVATION_NAMES,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    relu_backward,
    relu_forward,
    sigmoid_backward,
    sigmoid_forward,
    tanh_backward,
    tanh_forward,
)

__all__ = [
    "linear_forward", "linear_backward",
    "sigmoid_forward", "sigmoid_backward",
    "relu_forward", "relu_backward",
    "tanh_forward", "tanh_backward",
    "linear_activation_forward", "linear_activation_backward",
    "ACTIVATION_NAMES",
]
