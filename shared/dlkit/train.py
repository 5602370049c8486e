"""Mini-batch training of the course's L-layer network with a chosen optimiser (Course 2 Week 2).

``model(X, Y, layers_dims, optimizer=...)`` trains [LINEAR -> RELU] x (L-1) ->
LINEAR -> SIGMOID (the kernels of ``dlkit.deep``) on X (n_x, m), Y (1, m) for
``num_epochs`` epochs. Each epoch reshuffles the examples (``random_mini_batches``
with the seed ``seed + epoch + 1``, as the course's model does), and takes one
optimiser step per mini-batch:

    "gd"        update_parameters_with_gd
    "momentum"  initialize_velocity, update_parameters_with_momentum      (beta)
    "rmsprop"   initialize_rmsprop, update_parameters_with_rmsprop        (beta2, epsilon)
    "adam"      initialize_adam, update_parameters_with_adam              (beta1, beta2, epsilon;
                                                                          t counts the steps from 1)

The cost of an epoch is the average loss over all m examples, the losses being
computed on each mini-batch with the parameters of that moment.

``decay`` (optional) is a schedule ``decay(learning_rate0, epoch_num, decay_rate)``
such as ``dlkit.schedules.update_lr``: epoch ``i`` (counted from 0) trains with the
learning rate ``decay(learning_rate, i, decay_rate)``, so epoch 0 with ``learning_rate`` itself.

``building_blocks`` lets a notebook plug in its own versions of the functions
above, by their course names (``{"update_parameters_with_adam": mine, ...}``);
the rest come from ``dlkit.optim`` and ``dlkit.minibatch``.

Initialisation: He, ``W^[l] = randn * sqrt(2 / n^[l-1])`` (seed 3), zero biases
(``dlkit.initializers.initialize_parameters_he``).
"""
from __future__ import annotations

from . import minibatch, optim
from ._validate import as_array, expect_choice, expect_int, expect_layout, expect_shape
from .deep import L_model_backward, L_model_forward, compute_cost, training_steps
from .initializers import initialize_parameters_he
from .threads import training_threads

__all__ = ["model", "BUILDING_BLOCKS"]

BUILDING_BLOCKS = ("random_mini_batches", "update_parameters_with_gd", "initialize_velocity",
                   "update_parameters_with_momentum", "initialize_rmsprop", "update_parameters_with_rmsprop",
                   "initialize_adam", "update_parameters_with_adam")


def _blocks(building_blocks) -> dict:
    blocks = {name: getattr(minibatch if name == "random_mini_batches" else optim, name) for name in BUILDING_BLOCKS}
    for name, fn in (building_blocks or {}).items():
        if name not in blocks:
            raise ValueError(f"unknown building block {name!r}; the known ones are {', '.join(BUILDING_BLOCKS)}")
        if not callable(fn):
            raise ValueError(f"building block {name!r} must be a function, got {type(fn).__name__}")
        blocks[name] = fn
    return blocks


@training_threads
def model(X, Y, layers_dims, optimizer="adam", learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=optim.EPSILON, num_epochs=1000, print_cost=False,
          decay=None, decay_rate=1.0, *, seed=10, progress=False, building_blocks=None):
    """Train the L-layer network by mini-batches with ``optimizer``; returns ``(parameters, costs)``.

    X (n_x, m), Y (1, m) of 0/1; ``layers_dims = [n_x, n^[1], ..., 1]``; ``optimizer``
    one of "gd", "momentum", "rmsprop", "adam". ``costs`` holds one average cost per
    epoch. ``print_cost`` prints it every 1000 epochs and at the last one;
    ``progress`` shows a progress bar over the epochs.
    """
    expect_choice("optimizer", optimizer, optim.OPTIMIZERS)
    num_epochs = expect_int("num_epochs", num_epochs, min=1)
    if decay is not None and not callable(decay):
        raise ValueError(f"`decay` must be a function (learning_rate0, epoch_num, decay_rate) -> rate, got {decay!r}")
    X = expect_layout("X", X, "(n_x, m)")
    Y = as_array("Y", Y)
    expect_shape("Y", Y, (1, X.shape[1]), hint="Y holds one label per column of X")
    if list(layers_dims)[0] != X.shape[0]:
        raise ValueError(f"`layers_dims[0]` is {list(layers_dims)[0]} but X has {X.shape[0]} rows (features)")
    f = _blocks(building_blocks)
    m = X.shape[1]
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = f["initialize_velocity"](parameters)
    elif optimizer == "rmsprop":
        s = f["initialize_rmsprop"](parameters)
    elif optimizer == "adam":
        v, s = f["initialize_adam"](parameters)
    learning_rate0, t, costs = learning_rate, 0, []
    for i in training_steps(int(num_epochs), progress, f"{optimizer} ({num_epochs} epochs)"):
        if decay is not None:
            learning_rate = decay(learning_rate0, i, decay_rate)
        cost_total = 0.0
        for X_t, Y_t in f["random_mini_batches"](X, Y, mini_batch_size, seed + i + 1):
            AL, caches = L_model_forward(X_t, parameters)
            cost_total += compute_cost(AL, Y_t) * X_t.shape[1]
            grads = L_model_backward(AL, Y_t, caches)
            if optimizer == "gd":
                parameters = f["update_parameters_with_gd"](parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = f["update_parameters_with_momentum"](parameters, grads, v, beta, learning_rate)
            elif optimizer == "rmsprop":
                parameters, s = f["update_parameters_with_rmsprop"](parameters, grads, s, beta2, learning_rate,
                                                                     epsilon)
            else:
                t += 1
                parameters, v, s, _, _ = f["update_parameters_with_adam"](parameters, grads, v, s, t, learning_rate,
                                                                          beta1, beta2, epsilon)
        costs.append(cost_total / m)
        if print_cost and (i % 1000 == 0 or i == num_epochs - 1):
            print(f"Cost after epoch {i}: {costs[-1]:.6f}" + (f" (learning rate {learning_rate:.3g})" if decay else ""))
    return parameters, costs
