"""The PyTorch twin of ``site_src.mlp``: the same network, ``MLP``, built from ``torch.nn`` layers.

PyTorch writes the backward pass for us (autograd), so comparing its
gradients with our hand-written ones is a strong test of the chain rule.

The contract, said once: ``MLP`` takes the NumPy ``MLP``'s ``layer_sizes``,
``activation``, ``output_activation`` and ``init`` (the loss is not part of a
PyTorch model: call ``torch.nn.functional.mse_loss`` or ``cross_entropy`` on its
output). It is an ``nn.Sequential`` of ``nn.Linear`` layers, each followed by its
activation layer (none for ``"identity"``), in float64 unless another ``dtype``
is given. ``init="pytorch"`` keeps ``nn.Linear``'s own starting weights; the other
names use the ``torch.nn.init`` function that ``site_src.init`` equals, with biases
at 0. Unknown names and bad sizes raise ``ValueError`` (a non-whole size
``TypeError``), with the same messages as the NumPy ``MLP``.
"""

# --8<-- [start:mlp]
from itertools import pairwise

import torch
from torch import nn

from site_src import _checks

# the torch.nn layer for each activation name of site_src.mlp.MLP
_ACTIVATIONS = {"identity": nn.Identity, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}

# the torch.nn.init function that each site_src.init function equals
_INITS = {
    "pytorch": None,  # keep nn.Linear's default
    "uniform": lambda W: nn.init.uniform_(W, -0.05, 0.05),
    "xavier_uniform": nn.init.xavier_uniform_,
    "xavier_normal": nn.init.xavier_normal_,
    "he_uniform": lambda W: nn.init.kaiming_uniform_(W, mode="fan_in", nonlinearity="relu"),
    "he_normal": lambda W: nn.init.kaiming_normal_(W, mode="fan_in", nonlinearity="relu"),
}


class MLP(nn.Sequential):
    """The NumPy ``MLP`` in PyTorch: ``nn.Linear`` layers, each followed by its activation.

    ``a = f(a_prev @ W.T + b)`` per layer, as ``nn.Linear`` then ``nn.Sigmoid`` (or ``Tanh``, ``ReLU``).

    Examples
    --------
    >>> MLP([2, 3, 1], activation="relu")
    MLP(
      (0): Linear(in_features=2, out_features=3, bias=True)
      (1): ReLU()
      (2): Linear(in_features=3, out_features=1, bias=True)
    )
    """

    def __init__(
        self, layer_sizes, activation="sigmoid", output_activation="identity", init="pytorch", dtype=torch.float64
    ):
        sizes = _checks.layer_sizes(layer_sizes)
        _checks.one_of(activation, "activation", tuple(_ACTIVATIONS))
        _checks.one_of(output_activation, "output_activation", tuple(_ACTIVATIONS))
        _checks.one_of(init, "init", tuple(_INITS))
        layers = []
        n_layers = len(sizes) - 1
        for i, (n_in, n_out) in enumerate(pairwise(sizes)):
            linear = nn.Linear(n_in, n_out, dtype=dtype)
            if init != "pytorch":
                _INITS[init](linear.weight)
                nn.init.zeros_(linear.bias)
            layers.append(linear)
            name = output_activation if i == n_layers - 1 else activation
            if name != "identity":  # "identity" needs no layer at all
                layers.append(_ACTIVATIONS[name]())
        super().__init__(*layers)
        self.layer_sizes, self.activation, self.output_activation = sizes, activation, output_activation

    # --8<-- [end:mlp]


# --8<-- [start:from_numpy]
def from_numpy(net, dtype=torch.float64):
    """The PyTorch twin of a ``site_src.mlp.MLP``: same layers, same weights (copied).

    Examples
    --------
    >>> from site_src.mlp import MLP as NumpyMLP
    >>> net = NumpyMLP([2, 3, 1], activation="tanh", rng=0)
    >>> X = [[0.5, -1.0]]
    >>> bool(abs(from_numpy(net)(torch.tensor(X, dtype=torch.float64)).item() - net.forward(X).item()) < 1e-12)
    True
    """
    model = MLP(net.layer_sizes, net.activation, net.output_activation, dtype=dtype)
    linears = [layer for layer in model if isinstance(layer, nn.Linear)]
    with torch.no_grad():  # copying numbers in is not part of any calculation to learn from
        for linear, W, b in zip(linears, net.weights, net.biases):
            linear.weight.copy_(torch.tensor(W, dtype=dtype))
            linear.bias.copy_(torch.tensor(b, dtype=dtype))
    return model
    # --8<-- [end:from_numpy]
