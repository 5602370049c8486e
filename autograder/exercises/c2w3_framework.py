"""Course 2, Week 3: building a small neural-network framework (layer, loss and optimiser classes).

Notebook ``course2/week3/building_a_framework.ipynb``; references: the classes of ``dlkit.nn``.
``Dense`` and ``ReLU`` are ``layer_exercise``s and the loss a ``loss_exercise`` (``autograder.factories``
drives them and probes their gradients); ``Sequential`` and ``Adam`` have their own drivers below.
Every known mistake is the dlkit class with one method overridden (``override``).

**Gradient convention** (``dlkit.nn``'s, explained in the notebook): the loss's backward returns
``dJ/dZ = (softmax(Z) - Y) / m``; every other gradient is a true slope of J, so ``Dense`` has
``dW = dZ A_prev^T`` and ``db = sum of dZ over the examples``, with no 1/m. The first ``Sequential``
case is square (every layer 3 -> 3) and has a batch norm layer, so that running backward in forward
order, not chaining, or not passing ``training`` on gives wrong values the hints can name, not a shape error.
"""
from __future__ import annotations

import numpy as np

from dlkit import nn

from ..factories import LayerRun, copy_array, layer_exercise, loss_exercise, override, slope_verdicts
from ..registry import Case, Exercise, Mistake, register
from ._softmaxes import softmax_no_max, softmax_rows

# ------------------------------------------------------------------------------------------ Dense

def _dense_run(seed, A_prev, W, b, dZ):
    n_out, n_in = W.shape
    return LayerRun(lambda cls: cls(n_in, n_out, rng=np.random.default_rng(int(seed))), A_prev, dZ, {"W": W, "b": b})


def _dense_case(rng, n_in=None, n_out=None, m=None):
    n_in = n_in or int(rng.integers(2, 7))
    n_out = n_out or int(rng.integers(1, 6))
    m = m or int(rng.integers(2, 8))
    return Case((int(rng.integers(0, 1000)), rng.normal(size=(n_in, m)), rng.normal(size=(n_out, n_in)),
                 rng.normal(size=(n_out, 1)), rng.normal(size=(n_out, m)) / m),
                label=f"Dense({n_in}, {n_out}) on {m} examples")


def _dense_grads(change):
    """``Dense.backward`` that then edits the stored gradients: ``change(grads, dZ)``."""
    def backward(self, dZ):
        dA_prev = nn.Dense.backward(self, dZ)
        change(self.grads, dZ)
        return dA_prev
    return backward


def _init_transposed(self, n_in, n_out, rng):
    nn.Dense.__init__(self, n_in, n_out, rng=rng)        # the same draws, laid out (n_in, n_out)
    self.params["W"] = self.params["W"].reshape(n_in, n_out)


register(layer_exercise(
    id="c2w3.Dense", reference=nn.Dense, setup=_dense_run, params=("W", "b"), record_init=("W", "b"), out="Z",
    input_grad="dA_prev", m_of_batch=True,
    probe_notes=[("1/m too many", "(dZ already holds the 1/m of the cost: do not divide again.)")],
    random_case=_dense_case,
    fixed_cases=[_dense_case(np.random.default_rng(1), 3, 2, 4),
                 _dense_case(np.random.default_rng(2), 5, 4, 6)],
    hidden_cases=[_dense_case(np.random.default_rng(3), 12, 5, 7),
                  _dense_case(np.random.default_rng(4), 4, 1, 1)],
    mistakes=[
        Mistake("dW_over_m", override(nn.Dense, backward=_dense_grads(
                    lambda g, dZ: g.update(W=g["W"] / dZ.shape[1], b=g["b"] / dZ.shape[1]))),
                "dW and db have a 1/m too many. Here the loss's backward already divided by m (dZ = dJ/dZ), "
                "so dW = dZ A_prev^T and db = np.sum(dZ, axis=1, keepdims=True), with no 1/m "
                "(Course 1 divided by m in dW and db because its dZ held one slope per example)."),
        Mistake("dW_transposed", override(nn.Dense, backward=_dense_grads(lambda g, dZ: g.update(W=g["W"].T))),
                "dW must have the shape of W, (n_out, n_in): dW = dZ A_prev^T, i.e. dZ @ A_prev.T "
                "(not A_prev @ dZ.T, its transpose)."),
        Mistake("db_axis0", override(nn.Dense, backward=_dense_grads(
                    lambda g, dZ: g.update(b=np.sum(dZ, axis=0, keepdims=True)))),
                "db sums dZ over the examples, which are the columns: np.sum(dZ, axis=1, keepdims=True), "
                "shape (n_out, 1)."),
        Mistake("no_grads", override(nn.Dense, backward=_dense_grads(lambda g, dZ: g.clear())),
                "backward must store the gradients in the layer, self.grads[\"W\"] = dW and "
                "self.grads[\"b\"] = db: the optimiser reads them there."),
        Mistake("small_init", override(nn.Dense, __init__=lambda self, n_in, n_out, rng:
                                       nn.Dense.__init__(self, n_in, n_out, init=0.01, rng=rng)),
                "initialise W the He way for a ReLU network: rng.standard_normal((n_out, n_in)) * "
                "np.sqrt(2 / n_in), not * 0.01."),
        Mistake("init_transposed", override(nn.Dense, __init__=_init_transposed),
                "W has shape (n_out, n_in), one row per unit: draw rng.standard_normal((n_out, n_in))."),
    ],
))

# ------------------------------------------------------------------------------------------- ReLU

def _relu_case(rng, shape=None):
    shape = shape or (int(rng.integers(1, 6)), int(rng.integers(2, 7)))
    Z = rng.normal(size=shape)
    Z[np.abs(Z) < 0.05] += 0.2                    # no entry on the kink at 0
    dA = rng.normal(size=shape)
    return Case((Z, dA), label=f"Z and dA of shape {shape}")


_Z_RELU = np.array([[1.5, -0.5, 2.0, -1.0], [-2.0, 0.3, -0.1, 4.0]])
_DA_RELU = np.array([[-1.0, 2.0, 0.5, -3.0], [1.0, -2.0, 1.5, 0.25]])

register(layer_exercise(
    id="c2w3.ReLU", reference=nn.ReLU, setup=lambda Z, dA: LayerRun(lambda cls: cls(), Z, dA), out="A", input_grad="dZ",
    fixed_cases=[Case((_Z_RELU, _DA_RELU), label="Z (2, 4) with both signs, dA with both signs")],
    random_case=_relu_case, hidden_cases=[_relu_case(np.random.default_rng(5), (3, 4, 2))],
    mistakes=[
        Mistake("mask_with_dA", override(nn.ReLU, backward=lambda self, dA: dA * (dA > 0)),
                "the mask comes from the layer's input: dZ = dA * (Z > 0) with Z from the cache, not from the sign of "
                "dA."),
        Mistake("no_mask", override(nn.ReLU, backward=lambda self, dA: dA),
                "ReLU's slope is 0 where Z <= 0: multiply dA by the mask (Z > 0)."),
        Mistake("mask_only", override(nn.ReLU, backward=lambda self, dA: nn.ReLU.backward(self, np.ones_like(dA))),
                "backward returns dA * g'(Z), the incoming gradient times the mask, not the mask (Z > 0) alone."),
    ],
))

# ------------------------------------------------------------------------------ SoftmaxCrossEntropy

def _one_hot_case(rng, C=None, m=None, scale=2.0):
    C = C or int(rng.integers(2, 6))
    m = m or int(rng.integers(2, 8))
    y = rng.integers(0, C, m)
    return rng.normal(0, scale, (C, m)), np.eye(C)[:, y]


def _softmax_case(rng):
    Z, Y = _one_hot_case(rng)
    return Case((Z, Y), label=f"Z {Z.shape}, one-hot Y")


def _forward_with(softmax):
    """``SoftmaxCrossEntropy.forward`` with the probabilities of ``softmax(Z)`` (a wrong one); like the
    reference it keeps dJ/dZ = (A - Y) / m, which ``backward`` returns."""
    def forward(self, Z, Y):
        with np.errstate(all="ignore"):
            A, m = softmax(Z), Z.shape[1]
            self.cache = (A - Y) / m
            return float(-np.sum(Y * np.log(A)) / m)
    return forward


def _times_m(dZ):
    return dZ * dZ.shape[1]


_Z_NOTES = np.array([[5.0, 0.5], [2.0, 1.0], [-1.0, 3.0], [3.0, -2.0]])
_Y_NOTES = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
_Z_LARGE = np.array([[1000.0, -20.0, 3.0], [1002.0, -25.0, 2.0], [990.0, -18.0, 1.0]])
_Y_LARGE = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
_CE = nn.SoftmaxCrossEntropy

register(loss_exercise(
    id="c2w3.SoftmaxCrossEntropy", reference=_CE,
    not_finite="your cost is not finite for these logits: subtract each column's maximum before np.exp.",
    random_case=_softmax_case,
    fixed_cases=[
        Case((_Z_NOTES, _Y_NOTES), label="the notes' z = [5, 2, -1, 3] (softmax 0.842, 0.042, 0.002, 0.114) "
                                         "and a second example"),
        Case((_Z_LARGE, _Y_LARGE), label="large logits (up to 1002): np.exp overflows unless you subtract the max"),
    ],
    hidden_cases=[Case(_one_hot_case(np.random.default_rng(6), 6, 10, 4.0), label="6 classes, 10 examples"),
                  Case(_one_hot_case(np.random.default_rng(7), 3, 1), label="a single example")],
    mistakes=[
        Mistake("grad_no_1_over_m", override(_CE, backward=lambda self: _times_m(_CE.backward(self))),
                "dZ is the slope of the average cost, so it has the 1/m: dZ = (softmax(Z) - Y) / m. "
                "This is the one place where the framework divides by m."),
        Mistake("cost_no_1_over_m", override(_CE, forward=lambda self, Z, Y: _CE.forward(self, Z, Y) * Z.shape[1]),
                "the cost is the average over the m examples: divide the sum by m = Z.shape[1]."),
        Mistake("softmax_over_examples", override(_CE, forward=_forward_with(softmax_rows)),
                "softmax normalises each column (one example's class scores): use axis=0 in the max and the sum."),
        Mistake("unstable", override(_CE, forward=_forward_with(softmax_no_max)),
                "subtract each column's maximum from Z before np.exp (Z - Z.max(axis=0, keepdims=True)): "
                "the probabilities do not change, and np.exp no longer overflows."),
    ],
))

# ------------------------------------------------------------------------------------- Sequential

def _build_layers(spec):
    layers = []
    for item in spec:
        kind = item[0]
        if kind == "dense":
            W, b = item[1], item[2]
            layer = nn.Dense(W.shape[1], W.shape[0], rng=0)
            layer.params["W"], layer.params["b"] = np.array(W, dtype=float), np.array(b, dtype=float)
        elif kind == "batchnorm":
            layer = nn.BatchNorm(item[1].shape[0])
            layer.params["gamma"], layer.params["beta"] = np.array(item[1], dtype=float), np.array(item[2], dtype=float)
        else:
            layer = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}[kind]()
        layers.append(layer)
    return layers


def _layer_grads(layers):
    return {f"{i}.{k}": copy_array(v) for i, layer in enumerate(layers) for k, v in layer.grads.items()}


def _drive_sequential(cls):
    """The case describes reference layers (``dlkit.nn`` Dense, ReLU, Tanh, BatchNorm with given parameters), so
    only the composition is graded: ``cls(layers)``, ``forward(X, True)``, ``backward(dout)``; returns
    ``(out, dX, grads)`` with ``grads["<i>.<name>"]`` read from the layers."""
    def run(spec, X, dout):
        layers = _build_layers(spec)
        model = cls(layers)
        out = copy_array(model.forward(X, True))
        dX = copy_array(model.backward(dout))
        return out, dX, _layer_grads(layers)
    return run


def _sequential_case(rng, sizes=None, m=None, bn=None):
    sizes = sizes or [int(rng.integers(2, 6)) for _ in range(int(rng.integers(2, 4)))]
    m = m or int(rng.integers(3, 7))
    bn = bool(rng.random() < 0.5) if bn is None else bn
    spec = []
    for l, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        spec.append(("dense", rng.normal(size=(n_out, n_in)) / np.sqrt(n_in), rng.normal(0, 0.5, (n_out, 1))))
        if l < len(sizes) - 2:
            if bn and l == 0:
                spec.append(("batchnorm", rng.uniform(0.5, 1.5, (n_out, 1)), rng.normal(0, 0.5, (n_out, 1))))
            spec.append((str(rng.choice(["relu", "tanh"])),))
    X, dout = rng.normal(size=(sizes[0], m)), rng.normal(size=(sizes[-1], m)) / m
    kinds = " -> ".join(s[0] if s[0] != "dense" else f"dense {s[1].shape[1]}x{s[1].shape[0]}" for s in spec)
    return Case((spec, X, dout), label=f"{kinds}, {m} examples")


def _chain(layers, call, x, chained=True):
    """``x`` through ``call(layer, x)`` layer by layer; not ``chained`` (a slip), every layer gets the same ``x``."""
    for layer in layers:
        y = call(layer, x)
        x = y if chained else x
    return x


def _sequential_gradcheck(cls, case):
    """Every layer's stored gradients and dX against numeric slopes of J = sum(dout * forward(X, True))."""
    spec, X, dout = case.args
    layers = _build_layers(spec)
    model, X = cls(layers), copy_array(X)
    model.forward(X, True)
    dX = model.backward(np.array(dout, dtype=float))
    named = {f"layer {i}'s gradient of {k}": (f"{i}.{k}", v) for i, layer in enumerate(layers)
             for k, v in layer.params.items()}
    got = _layer_grads(layers)
    missing = [key.split(".") for key, _ in named.values() if key not in got]
    if missing:
        return "; ".join(f"layer {i} stored no gradient for {k} (was its backward called?)" for i, k in missing) + "."
    return slope_verdicts(lambda: float(np.sum(dout * model.forward(X, True))),
                          {**{name: v for name, (_, v) in named.items()}, "dX": X},
                          {**{name: got[key] for name, (key, _) in named.items()}, "dX": dX},
                          all_right="the gradients match numeric slopes of your forward pass: look at what forward "
                                    "returns and whether it passes `training` on to the layers.")


register(Exercise(
    id="c2w3.Sequential", reference=nn.Sequential, driver=_drive_sequential, outputs=("out", "dX", "grads"),
    random_case=_sequential_case,
    hidden_cases=[_sequential_case(np.random.default_rng(10), [6, 4, 4, 3, 2], 4, bn=True)],
    gradcheck=_sequential_gradcheck,
    fixed_cases=[_sequential_case(np.random.default_rng(8), [3, 3, 3, 3], 5, bn=True),
                 _sequential_case(np.random.default_rng(9), [4, 5, 2], 3, bn=False)],
    mistakes=[
        Mistake("backward_in_forward_order", override(nn.Sequential, backward=lambda self, d: _chain(
                    self.layers, lambda layer, d: layer.backward(d), d)),
                "backward must visit the layers in reverse order, the last layer first: "
                "for layer in reversed(self.layers)."),
        Mistake("backward_not_chained", override(nn.Sequential, backward=lambda self, d: _chain(
                    self.layers[::-1], lambda layer, d: layer.backward(d), d, chained=False)),
                "each layer's backward returns the gradient for the layer below it: "
                "dout = layer.backward(dout), then return the final dout (dJ/dX)."),
        Mistake("training_not_passed", override(nn.Sequential, forward=lambda self, X, training=False: _chain(
                    self.layers, lambda layer, A: layer.forward(A), X)),
                "pass `training` on to every layer, layer.forward(X, training): batch norm and dropout "
                "behave differently in training."),
        Mistake("forward_not_chained", override(nn.Sequential, forward=lambda self, X, training=False: _chain(
                    self.layers, lambda layer, A: layer.forward(A, training), X, chained=False)),
                "each layer's output is the next layer's input: X = layer.forward(X, training), then return X."),
    ],
))

# ------------------------------------------------------------------------------------------- Adam

class _Holder(nn.Module):
    """A module holding the case's parameters, whose gradients the driver sets before each step."""

    def __init__(self, params):
        super().__init__()
        self.params = {k: np.array(v, dtype=float) for k, v in params.items()}


def _drive_adam(cls):
    """``cls(**hyper)`` steps a module holding the case's parameters, once per dict of gradients; returns the
    parameters after each step."""
    def run(params, grads_per_step, hyper):
        model = _Holder(params)
        opt = cls(**hyper)
        out = []
        for grads in grads_per_step:
            model.grads = {k: np.array(v, dtype=float) for k, v in grads.items()}
            opt.step(model)
            out.append({k: copy_array(v) for k, v in model.params.items()})
        return out
    return run


def _adam_case(rng, n_steps=None, n_params=None):
    n_steps = n_steps or int(rng.integers(2, 5))
    n_params = n_params or int(rng.integers(1, 3))
    params = {}
    for l in range(1, n_params + 1):
        n, p = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        params[f"{l - 1}.W"], params[f"{l - 1}.b"] = rng.normal(size=(n, p)), rng.normal(size=(n, 1))
    grads = [{k: rng.normal(0, 10 ** rng.uniform(-2, 0), v.shape) for k, v in params.items()} for _ in range(n_steps)]
    hyper = {"learning_rate": float(rng.choice([0.01, 0.1, 0.001])), "beta1": float(rng.choice([0.9, 0.8])),
             "beta2": float(rng.choice([0.999, 0.99])), "epsilon": 1e-8}
    return Case((params, grads, hyper), label=f"{n_steps} steps on {2 * n_params} parameters, {hyper}")


def _adam_update(t=lambda self: self.t, correct=True, keep_corrected=False):
    """``Adam.update`` (one parameter's step) written the course's way, with one of the known slips:
    ``t(self)`` the step number it uses, no bias correction, or the corrected moments kept as the state."""
    def update(self, name, w, dw):
        moments = self.state.setdefault(name, {"v": 0.0, "s": 0.0})
        v = self.beta1 * moments["v"] + (1 - self.beta1) * dw
        s = self.beta2 * moments["s"] + (1 - self.beta2) * dw ** 2
        step = t(self)
        with np.errstate(divide="ignore", invalid="ignore"):
            v_corr, s_corr = (v / (1 - self.beta1 ** step), s / (1 - self.beta2 ** step)) if correct else (v, s)
            moments["v"], moments["s"] = (v_corr, s_corr) if keep_corrected else (v, s)
            return w - self.learning_rate * v_corr / (np.sqrt(s_corr) + self.epsilon)
    return update


def _count_updates(self):
    """t counted per parameter update instead of per step (the slip of t_per_parameter)."""
    self.updates = getattr(self, "updates", 0) + 1
    return self.updates


def _step_not_in_place(self, model):
    """The step computes new values but leaves the model's arrays alone (``value = value - ...``)."""
    before = [value.copy() for _, value, _ in model.parameters()]
    nn.Adam.step(self, model)
    for (_, value, _), old in zip(model.parameters(), before):
        value[...] = old


_ADAM_PARAMS = {"0.W": np.array([[1.0, -2.0], [0.5, 0.0]]), "0.b": np.array([[0.1], [-0.1]])}
_ADAM_GRADS = [{"0.W": np.array([[0.3, -0.2], [0.0, 1.0]]), "0.b": np.array([[0.01], [-2.0]])},
               {"0.W": np.array([[0.1, 0.4], [-0.5, 1.0]]), "0.b": np.array([[0.02], [1.0]])},
               {"0.W": np.array([[-0.3, 0.2], [0.25, 0.5]]), "0.b": np.array([[0.0], [0.5]])}]

register(Exercise(
    id="c2w3.Adam", reference=nn.Adam, driver=_drive_adam, outputs="parameters after each step", random_case=_adam_case,
    hidden_cases=[_adam_case(np.random.default_rng(11), 6, 3)],
    fixed_cases=[Case((_ADAM_PARAMS, _ADAM_GRADS, {"learning_rate": 0.1, "beta1": 0.9, "beta2": 0.999,
                                                   "epsilon": 1e-8}),
                      label="3 steps on a (2, 2) W and a (2, 1) b, learning_rate 0.1")],
    mistakes=[
        Mistake("no_bias_correction", override(nn.Adam, update=_adam_update(correct=False)),
                "use the bias-corrected averages in the update: v_corr = v / (1 - beta1**t) and "
                "s_corr = s / (1 - beta2**t), then W -= learning_rate * v_corr / (np.sqrt(s_corr) + epsilon)."),
        Mistake("t_per_parameter", override(nn.Adam, update=_adam_update(t=_count_updates)),
                "t counts the calls of step, not the parameters: increase self.t once, at the start of step, "
                "before the loop over the parameters."),
        Mistake("t_not_incremented", override(nn.Adam, update=_adam_update(t=lambda self: 0)),
                "increase self.t by one at the start of every step (t = 1 at the first): with t = 0 the "
                "bias correction divides by 1 - beta**0 = 0."),
        Mistake("stores_corrected", override(nn.Adam, update=_adam_update(keep_corrected=True)),
                "keep the plain averages v and s in self.v and self.s; the corrected ones are only for this "
                "step's update (store them in local variables)."),
        Mistake("not_in_place", override(nn.Adam, step=_step_not_in_place),
                "the parameters never change: `value = value - ...` makes a new array and leaves the model's "
                "one alone. Update it in place: value -= learning_rate * v_corr / (np.sqrt(s_corr) + epsilon)."),
    ],
))
