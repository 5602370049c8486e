"""Runs the doctests of every dlkit module, and checks that each graded kernel has one.

A graded kernel's docstring follows one form: inputs with shapes -> outputs
with shapes; the cache; the gradient convention; the errors; and one example
with the course notes' numbers, run here (so ``make test`` runs them).
"""
import doctest
import importlib
import pkgutil

import numpy as np
import pytest

import dlkit

MODULES = sorted(info.name for info in pkgutil.walk_packages(dlkit.__path__, "dlkit.")
                 if ".tests" not in info.name)

# The kernels the notebooks grade, in the modules whose math lives in dlkit.layers.
GRADED = {
    "dlkit.layers.dense": ["linear_forward", "linear_backward", "linear_activation_forward",
                           "linear_activation_backward"],
    "dlkit.layers.activations": ["sigmoid_forward", "sigmoid_backward", "relu_forward", "relu_backward",
                                 "tanh_forward", "tanh_backward"],
    "dlkit.layers.dropout": ["dropout_mask", "dropout_forward", "dropout_backward"],
    "dlkit.layers.losses": ["binary_cross_entropy", "softmax_cross_entropy"],
    "dlkit.layers.init": ["weight_variance"],
    "dlkit.activations": ["sigmoid", "relu", "softmax"],
    "dlkit.deep": ["initialize_parameters", "initialize_parameters_deep", "L_model_forward", "compute_cost",
                   "L_model_backward", "update_parameters"],
    "dlkit.regularization": ["compute_cost_with_regularization", "backward_propagation_with_regularization",
                             "forward_propagation_with_dropout", "backward_propagation_with_dropout"],
    "dlkit.initializers": ["initialize_parameters_zeros", "initialize_parameters_random",
                           "initialize_parameters_he"],
    "dlkit.batchnorm": ["batchnorm_forward", "batchnorm_backward"],
}


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests_pass(name):
    module = importlib.import_module(name)
    with np.printoptions(legacy=False):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                                 verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctests of {name} failed (output above)"


@pytest.mark.parametrize("module, name", [(m, n) for m, names in GRADED.items() for n in names])
def test_graded_kernel_has_an_example(module, name):
    doc = getattr(importlib.import_module(module), name).__doc__ or ""
    assert ">>> " in doc, f"{module}.{name} has no doctest: add one with the course notes' numbers"
    assert "->" in doc, f"{module}.{name}'s docstring does not state inputs -> outputs with shapes"
