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
one thread meanwhile, see ``dlkit.nn.blas``); ``predict`` and ``accuracy``
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

**Writing a new layer** (Courses 4-5). Subclass ``Module`` and call
``super().__init__()``; put the parameters (float arrays, which the
optimisers update in place) in ``self.params``; in ``forward`` keep in
``self.cache`` what ``backward`` needs; in ``backward`` set
``self.grads[key]`` for every key of ``self.params`` and return ``dx`` shaped
like ``x``. A layer made of layers (a residual block) keeps them as
attributes, where ``parameters()`` finds them, and calls their ``forward`` and
``backward`` itself. ``check_module(layer, x)`` then tests the backward pass.

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
