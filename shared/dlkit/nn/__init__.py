"""dlkit.nn: a small neural-network framework built on dlkit's kernels (Course 2 Week 3 onwards).

Four kinds of objects, and a loop that uses them:

- **modules** (``Module``): ``forward(x, training=False) -> out`` keeps a cache,
  ``backward(dout) -> dx`` uses it, stores the parameter gradients in
  ``self.grads`` and returns the gradient for the layer below. Layers:
  ``Dense``, ``ReLU``, ``Sigmoid``, ``Tanh``, ``Dropout``, ``BatchNorm``,
  ``Flatten``; a model: ``Sequential``.
- **a loss** (``SoftmaxCrossEntropy``, ``SigmoidCrossEntropy``):
  ``forward(Z, Y) -> cost``, ``backward() -> dJ/dZ``.
- **an optimiser** (``SGD``, ``Momentum``, ``RMSprop``, ``Adam``): ``step(model)``
  walks ``model.parameters()`` and updates every parameter in place with the
  per-array formulas of ``dlkit.optim`` (optionally clipping the gradients:
  ``clip_value=``, ``clip_norm=``).
- **initialisers** (``dlkit.nn.init``): He for ReLU layers by default, drawn
  from a ``numpy.random.Generator`` passed as ``rng``.

``fit(model, loss, optimizer, X, Y, epochs, batch_size, seed, X_dev, Y_dev)``
runs mini-batch training (forward, cost, backward, step) with a progress bar
and returns the per-epoch history (a ``callback(epoch, history)`` can change
the learning rate between epochs or stop early; numpy's matrix products run on
the BLAS threads of ``dlkit.threads`` meanwhile); ``predict`` and ``accuracy``
evaluate a classifier; ``check_module`` and ``check_model`` compare a backward
pass with numeric slopes (the gradient check of Course 2 Week 1).

Conventions
-----------
**Gradients are true slopes of the cost.** Every array called ``dX`` (or
``grads[name]``) is dJ/dX, the derivative of the cost J (the *average* loss
over the mini-batch) with respect to X. The 1/m is applied once, in the loss:
``SoftmaxCrossEntropy.backward()`` returns ``(softmax(Z) - Y) / m``. Hence, for
``Dense``,

    dW = dZ A_prev^T,    db = dZ summed over the examples,    dA_prev = W^T dZ,

with no 1/m. (Course 1's functions divided by m in dW and db instead, because
their dZ held per-example slopes; the two conventions give the same dW and db.)
Each ``backward`` overwrites ``grads``; nothing accumulates.

**Layouts.** Dense data has the examples as columns, (n, m), as in Courses 1-2;
``Dense``, ``SoftmaxCrossEntropy`` and ``BatchNorm`` (by default) expect that.
Course 4's images are (m, n_H, n_W, n_C) and Course 5's sequences (n_x, m, T_x):
``Flatten`` turns (m, ...) into (n, m), the activations and ``Dropout`` work
entry by entry on any layout, ``BatchNorm(feature_axis=-1)`` normalises
channels. ``Module``, ``Sequential``, the optimisers and ``fit`` assume no
layout at all (``fit`` is told the example axes of X and Y).

**Parameters and names.** A module's own parameters are the dict
``self.params``; ``parameters()`` yields ``(name, value, grad)`` for the whole
tree with dotted names (``"0.W"`` = the first layer's W in a Sequential);
``freeze()`` hides a module's parameters from the optimisers;
``state_dict()``/``load_state_dict()`` copy all parameters and buffers.

**Writing a new layer** (Courses 4-5). The math lives once, in
``dlkit.layers.<kind>`` (see ``dlkit/layers/dense.py`` for the shape):

1. **Cores** ``<kind>_forward_core(x, params...) -> out`` and
   ``<kind>_backward_core(dout, cache...) -> (dx, dparams...)``: bare numpy,
   no checks, convention-free (true slopes: dJ/dx from dJ/dout, no 1/m).
2. **A checked kernel** with the course's signature, layout and cache
   (``conv_forward(A_prev, W, b, hparameters) -> Z, cache``): it checks its
   inputs with ``dlkit._validate`` (``expect_layout(name, x, "(m, n_H, n_W, n_C)")``,
   ``expect_shape``, ``expect_int``, ``expect_choice``), shares those checks
   through a ``check_<kind>(...)`` helper, calls the core, and adds a
   course-only convention (Course 1's 1/m) as a thin wrapper. Its docstring
   says inputs with shapes -> outputs with shapes, the cache, the convention,
   the errors, and has one doctest with the course notes' numbers.
3. **A naive kernel**, where the course grades a loop version: it calls the
   same ``check_<kind>`` and returns the same cache, and a test calls
   ``dlkit.layers._contract.assert_same_contract(naive, fast, cases, bad_inputs)``.
4. **The module** here: subclass ``Module``, call ``super().__init__()``, put
   the parameters (float arrays, which the optimisers update in place) in
   ``self.params``; ``forward`` does at most a cheap shape check, calls the
   forward core and keeps in ``self.cache`` what backward needs; ``backward``
   calls the backward core, sets ``self.grads[key]`` for every key of
   ``self.params`` and returns ``dx`` shaped like ``x``. No math in the module
   (``Dense``, ``ReLU``, ``Dropout`` and ``BatchNorm`` are the examples). A
   layer made of layers (a residual block) keeps them as attributes, where
   ``parameters()`` finds them, and calls their ``forward`` and ``backward``.
   ``check_module(layer, x)`` then tests the backward pass against numeric slopes.

Training loops call the cores (through modules or directly) after checking
their inputs once, so the checks cost nothing per step
(``benchmarks/layer_bench.py`` measures it).

Everything is float64 numpy by default, vectorised over the examples.
"""
from .module import Module
from . import init
from .dense import Dense
from .activations import ReLU, Sigmoid, Tanh
from .dropout import Dropout
from .batchnorm import BatchNorm
from .reshape import Flatten
from .losses import Loss, SigmoidCrossEntropy, SoftmaxCrossEntropy
from .sequential import Sequential
from .optimizers import Adam, Momentum, Optimizer, RMSprop, SGD
from .fit import accuracy, fit, predict
from .gradcheck import check_model, check_module

__all__ = [
    "Module", "init", "Dense", "ReLU", "Sigmoid", "Tanh", "Dropout", "BatchNorm", "Flatten",
    "Loss", "SoftmaxCrossEntropy", "SigmoidCrossEntropy", "Sequential",
    "Optimizer", "SGD", "Momentum", "RMSprop", "Adam", "fit", "predict", "accuracy",
    "check_module", "check_model",
]
