"""The PyTorch twin of ``site_src.projects.digits_cnn``: the same CNN, built from ``torch.nn``.

The same layers (``nn.Conv2d``, ``nn.ReLU``, ``nn.MaxPool2d``, ``nn.Flatten``,
``nn.Linear``), the same loss (``nn.functional.cross_entropy`` on the logits), the
same optimizer (``torch.optim.Adam``), the same seeded split and batch order, in
float64. ``train(start=network)`` copies the starting weights of a NumPy network,
so both sides do the same arithmetic and end with the same weights (to float64
round-off); without ``start`` PyTorch draws its own starting weights
(``torch.manual_seed(seed)``). Bad arguments raise ``ValueError`` as in the NumPy
version.
"""

# --8<-- [start:build_network]
import numpy as np
import torch
from torch import nn

from site_src._checks import at_least, positive
from site_src.projects.digits_cnn import BATCH_SIZE, CLASSES, EPOCHS, LR, SEED, load_split


def build_network(seed=SEED):
    """The digits CNN in PyTorch, float64, its starting weights drawn with ``torch.manual_seed(seed)``."""
    torch.manual_seed(at_least(seed, "seed", 0))
    return nn.Sequential(
        nn.Conv2d(1, 8, kernel_size=3, padding=1),  # 1x8x8  -> 8x8x8
        nn.ReLU(),
        nn.MaxPool2d(2),  # 8x8x8  -> 8x4x4
        nn.Conv2d(8, 16, kernel_size=3, padding=1),  # 8x4x4  -> 16x4x4
        nn.ReLU(),
        nn.MaxPool2d(2),  # 16x4x4 -> 16x2x2
        nn.Flatten(),  # 16x2x2 -> 64
        nn.Linear(64, CLASSES),  # 64     -> 10 scores (logits)
    ).double()
    # --8<-- [end:build_network]


def copy_weights(numpy_network, torch_network):
    """Give the PyTorch network the NumPy network's weights (same layouts, so a plain copy)."""
    with torch.no_grad():
        for theirs, ours in zip(torch_network.parameters(), numpy_network.params(), strict=True):
            theirs.copy_(torch.from_numpy(ours))
    return torch_network


# --8<-- [start:train]
def train(epochs=EPOCHS, batch_size=BATCH_SIZE, lr=LR, seed=SEED, split=None, start=None):
    """Train the twin with Adam and cross-entropy, batches in the NumPy version's order; return it and its losses."""
    at_least(epochs, "epochs", 1)
    at_least(batch_size, "batch_size", 1)
    positive(lr, "lr")
    split = load_split(seed=seed) if split is None else split
    rng = np.random.default_rng(at_least(seed, "seed", 0))  # the same batch order as NumPy's
    network = build_network(seed)
    if start is not None:
        copy_weights(start, network)
    optimizer = torch.optim.Adam(network.parameters(), lr=lr)
    X, y = torch.from_numpy(split.X_train), torch.from_numpy(split.y_train)
    losses = []
    for _ in range(epochs):
        network.train()
        order, total = rng.permutation(len(X)), 0.0
        for begin in range(0, len(order), batch_size):
            batch = torch.from_numpy(order[begin : begin + batch_size])
            loss = nn.functional.cross_entropy(network(X[batch]), y[batch])
            optimizer.zero_grad()
            loss.backward()  # autograd: the chain rule, done for us
            optimizer.step()
            total += loss.item() * len(batch)
        losses.append(total / len(order))
    return network.eval(), losses
    # --8<-- [end:train]


def accuracy(network, X, y):
    """The fraction of pictures whose digit the network gets right."""
    with torch.no_grad():
        predicted = network(torch.as_tensor(X)).argmax(dim=1).numpy()
    return float(np.mean(predicted == np.asarray(y)))
