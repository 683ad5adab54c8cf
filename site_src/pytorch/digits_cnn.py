"""The PyTorch twin of ``site_src.projects.digits_cnn``: the same CNN, built from ``torch.nn``.

The same layers (``nn.Conv2d``, ``nn.ReLU``, ``nn.MaxPool2d``, ``nn.Flatten``,
``nn.Linear``), the same loss (``nn.functional.cross_entropy`` on the logits), the
same optimizer (``torch.optim.Adam``), the same seeded split and batch order, in
float64. ``train(start=network)`` copies the starting weights of a NumPy network,
so both sides do the same arithmetic and end with the same weights (to float64
round-off); without ``start`` PyTorch draws its own starting weights
(``torch.manual_seed(seed)``). The same schedule (``step_size``, set on the optimizer
each epoch) and the same moved pictures (``shift_pictures``, drawn from the same
generator). The project page's work is here: ``validation_scores`` (the candidates
on the validation part), ``numpy_agrees`` (both sides from one start) and
``final_run`` (the chosen settings, then the test pictures once). Bad arguments raise
``ValueError`` as in the NumPy version.
"""

# --8<-- [start:build_network]
import numpy as np
import torch
from torch import nn

from site_src._checks import at_least, one_of, positive
from site_src.projects import digits_cnn
from site_src.projects.digits_cnn import (
    BATCH_SIZE,
    CANDIDATES,
    CLASSES,
    EPOCHS,
    LR,
    SCHEDULES,
    SEED,
    check_pictures,
    check_shift,
    load_split,
    shift_pictures,
    step_size,
    validation_split,
)


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
def train(epochs=EPOCHS, batch_size=BATCH_SIZE, lr=LR, seed=SEED, split=None, start=None, shift=0, schedule="constant"):
    """Train the twin with Adam and cross-entropy, batches in the NumPy version's order; return it and its losses."""
    at_least(epochs, "epochs", 1)
    at_least(batch_size, "batch_size", 1)
    positive(lr, "lr")
    check_shift(shift)
    one_of(schedule, "schedule", SCHEDULES)
    split = load_split(seed=seed) if split is None else split
    check_pictures(split.X_train, split.y_train, "split.X_train")
    rng = np.random.default_rng(at_least(seed, "seed", 0))  # the same batch order as NumPy's
    network = build_network(seed)
    if start is not None:
        copy_weights(start, network)
    optimizer = torch.optim.Adam(network.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        network.train()
        optimizer.param_groups[0]["lr"] = step_size(lr, epoch, epochs, schedule)
        order, total = rng.permutation(len(split.X_train)), 0.0
        for begin in range(0, len(order), batch_size):
            batch = order[begin : begin + batch_size]
            x = split.X_train[batch]
            if shift:
                x = shift_pictures(x, rng)  # the same moves as the NumPy version
            loss = nn.functional.cross_entropy(network(torch.from_numpy(x)), torch.from_numpy(split.y_train[batch]))
            optimizer.zero_grad()
            loss.backward()  # autograd: the chain rule, done for us
            optimizer.step()
            total += loss.item() * len(batch)
        losses.append(total / len(order))
    return network.eval(), losses
    # --8<-- [end:train]


def accuracy(network, X, y):
    """The fraction of pictures whose digit the network gets right."""
    X = check_pictures(X, y)
    with torch.no_grad():
        predicted = network(torch.from_numpy(X)).argmax(dim=1).numpy()
    return float(np.mean(predicted == np.asarray(y)))


def validation_scores(candidates=CANDIDATES, seed=SEED):
    """Each candidate's settings, trained on the smaller training part and scored on the validation part.

    Only training pictures are used: the test pictures stay locked away.
    """
    practice = validation_split(load_split(seed=seed), seed=seed)
    scores = {}
    for name, settings in candidates.items():
        network, _ = train(split=practice, seed=seed, **settings)
        scores[name] = accuracy(network, practice.X_test, practice.y_test)
    return scores


def numpy_agrees(settings, epochs, seed=SEED):
    """Train the NumPy network and this twin from the same start for ``epochs`` with ``settings``.

    Returns the NumPy network, its losses, the twin's losses and the largest difference in any weight.
    """
    settings = {**settings, "epochs": epochs}
    ours, our_losses = digits_cnn.train(seed=seed, **settings)
    theirs, their_losses = train(seed=seed, start=digits_cnn.build_network(seed), **settings)
    gap = max(
        float(np.max(np.abs(a - b.detach().numpy()))) for a, b in zip(ours.params(), theirs.parameters(), strict=True)
    )
    return ours, our_losses, their_losses, gap


def final_run(settings, seed=SEED):
    """Train on the whole training part (validation pictures included): (test accuracy, network, losses)."""
    split = load_split(seed=seed)
    network, losses = train(split=split, seed=seed, **settings)
    return accuracy(network, split.X_test, split.y_test), network, losses
