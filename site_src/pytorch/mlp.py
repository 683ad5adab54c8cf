"""The PyTorch twin of ``site_src.mlp``: the same network built from ``torch.nn`` layers.

PyTorch writes the backward pass for us (autograd), so comparing its
gradients with our hand-written ones is a strong test of the chain rule.
"""

import torch
from torch import nn

# the torch.nn layer for each activation name used by site_src.mlp.MLP
_ACTIVATIONS = {"identity": nn.Identity, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}


# --8<-- [start:build_mlp]
def build_mlp(layer_sizes, activation="sigmoid", output_activation="identity", dtype=torch.float64):
    """An ``nn.Sequential`` of ``nn.Linear`` layers, each followed by its activation.

    Parameters
    ----------
    layer_sizes : list of int
        Neurons per layer, inputs first, as in ``site_src.mlp.MLP``.
    activation : str, optional
        ``"sigmoid"``, ``"tanh"``, ``"relu"`` or ``"identity"``, for the hidden layers.
    output_activation : str, optional
        The same choices, for the output layer (``"identity"`` adds no layer).
    dtype : torch.dtype, optional
        The number type of the weights; float64 to match NumPy.

    Returns
    -------
    torch.nn.Sequential
        The network, with PyTorch's default random starting weights.

    Raises
    ------
    ValueError
        If an activation name is unknown.

    Examples
    --------
    >>> build_mlp([2, 3, 1], activation="relu")
    Sequential(
      (0): Linear(in_features=2, out_features=3, bias=True)
      (1): ReLU()
      (2): Linear(in_features=3, out_features=1, bias=True)
    )
    """
    for name in (activation, output_activation):
        if name not in _ACTIVATIONS:
            raise ValueError(f"unknown activation {name!r}; use one of {', '.join(map(repr, _ACTIVATIONS))}")
    layers = []
    n_layers = len(layer_sizes) - 1
    for i, (n_in, n_out) in enumerate(zip(layer_sizes[:-1], layer_sizes[1:])):
        layers.append(nn.Linear(n_in, n_out, dtype=dtype))
        name = output_activation if i == n_layers - 1 else activation
        if name != "identity":
            layers.append(_ACTIVATIONS[name]())
    return nn.Sequential(*layers)
# --8<-- [end:build_mlp]


# --8<-- [start:from_numpy]
def from_numpy(net, dtype=torch.float64):
    """The PyTorch twin of a ``site_src.mlp.MLP``: same layers, same weights (copied).

    Parameters
    ----------
    net : site_src.mlp.MLP
        The NumPy network to copy.
    dtype : torch.dtype, optional
        The number type of the copy; float64 gives the same numbers as NumPy.

    Returns
    -------
    torch.nn.Sequential
        A network whose output equals ``net.forward``.

    Examples
    --------
    >>> from site_src.mlp import MLP
    >>> net = MLP([2, 3, 1], activation="tanh", rng=0)
    >>> twin = from_numpy(net)
    >>> X = [[0.5, -1.0]]
    >>> bool(abs(twin(torch.tensor(X, dtype=torch.float64)).item() - net.forward(X).item()) < 1e-12)
    True
    """
    model = build_mlp(net.layer_sizes, net.activation, net.output_activation, dtype=dtype)
    linears = [layer for layer in model if isinstance(layer, nn.Linear)]
    with torch.no_grad():  # copying numbers in is not part of any calculation to learn from
        for linear, W, b in zip(linears, net.weights, net.biases):
            linear.weight.copy_(torch.tensor(W, dtype=dtype))
            linear.bias.copy_(torch.tensor(b, dtype=dtype))
    return model
# --8<-- [end:from_numpy]
