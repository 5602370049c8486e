"""``Sequential``: layers applied one after the other.

``forward`` feeds each layer's output to the next one (passing ``training`` on);
``backward`` goes through the layers in reverse order, each turning the slope
with respect to its output into the slope with respect to its input, and
returns ``dJ/dX``. Along the way every layer stores its own parameter
gradients, so after ``backward`` the model's ``parameters()`` yield them all,
named ``"<layer index>.<name>"`` (``"0.W"``, ``"0.b"``, ``"2.W"``, ...).
"""
from __future__ import annotations

from .module import Module


class Sequential(Module):
    """``Sequential(layer1, layer2, ...)`` or ``Sequential([layer1, layer2, ...])``."""

    def __init__(self, *layers):
        super().__init__()
        if len(layers) == 1 and isinstance(layers[0], (list, tuple)):
            layers = tuple(layers[0])
        for i, layer in enumerate(layers):
            if not (callable(getattr(layer, "forward", None)) and callable(getattr(layer, "backward", None))):
                raise TypeError(f"layer {i} ({type(layer).__name__}) has no forward/backward methods")
        self.layers = list(layers)

    def forward(self, x, training: bool = False):
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def backward(self, dout):
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

    def named_children(self):
        for i, layer in enumerate(self.layers):
            yield str(i), layer

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, i):
        return self.layers[i]

    def __iter__(self):
        return iter(self.layers)

    def summary(self) -> str:
        """A table of the layers and their numbers of parameters."""
        rows = []
        for i, layer in enumerate(self.layers):
            params = getattr(layer, "params", None) or {}
            shapes = ", ".join(f"{k} {tuple(v.shape)}" for k, v in params.items())
            count = (layer.num_parameters() if callable(getattr(layer, "num_parameters", None))
                     else sum(int(v.size) for v in params.values()))
            rows.append((str(i), repr(layer), shapes or "-", count))
        w = max([len(r[1]) for r in rows] + [5])
        s = max([len(r[2]) for r in rows] + [10])
        lines = [f"{'#':>2}  {'layer':<{w}}  {'parameters':<{s}}  {'count':>8}"]
        lines += [f"{i:>2}  {name:<{w}}  {shapes:<{s}}  {count:>8,}" for i, name, shapes, count in rows]
        lines.append(f"{'':>2}  {'total':<{w}}  {'':<{s}}  {sum(r[3] for r in rows):>8,}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return "Sequential(" + ", ".join(repr(layer) for layer in self.layers) + ")"
