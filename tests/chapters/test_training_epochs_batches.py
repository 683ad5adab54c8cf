"""Epochs, batches and gradient descent: every number the prose states, computed independently.

Counts come from PyTorch's DataLoader and plain arithmetic; the training table from a PyTorch
twin of the network trained with torch.optim.SGD on the same batches; the noise from autograd.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from site_src.datasets import digits
from site_src.examples import batches as story
from site_src.pytorch.mlp import MLP as TorchMLP
from tests.chapters._training import assert_all_in, full, page
from tests.pages import DOCS

TEXT = page("epochs-batches")
RAW = (DOCS / "training" / "epochs-batches.md").read_text()  # outputs of code blocks too
N = 1797


def test_the_count():
    X, y = digits()
    assert len(X) == N
    loader = DataLoader(TensorDataset(torch.tensor(X), torch.tensor(y)), batch_size=32)
    sizes = [len(b) for _, b in loader]
    assert len(loader) == 57 == math.ceil(N / 32) == story.steps_per_epoch(N, 32)
    assert sizes.count(32) == 56 and sizes[-1] == 5 == story.batch_sizes(N, 32)[-1]
    assert_all_in(
        TEXT,
        [
            "With $N = 1797$ digits and a **batch size** of $B = 32$, you get 56 full batches and one last batch"
            " of only 5 digits: 57 batches, so 57 steps per epoch",
            f"$1797 / 32 = {N / 32}$, rounded up to 57 steps",
            f"$56 \\times 32 = {56 * 32}$ digits, so the last one holds $1797 - {56 * 32} = {N - 56 * 32}$",
            "After 57 steps every digit has been used exactly once",
            "1,797 steps per epoch, each based on one digit",
            "57 steps of 32 digits finish much sooner than 1,797 steps of one digit",
            "56 batches of 32 digits and a last batch of 5",
        ],
    )
    per_epoch = {size: len(DataLoader(TensorDataset(torch.tensor(X)), batch_size=size)) for size in (N, 1, 32)}
    assert_all_in(
        TEXT,
        [
            f"| the whole pile | {per_epoch[N]} |",
            f"| one digit | {per_epoch[1]:,} |",
            f"| a handful of 32 | {per_epoch[32]} |",
        ],
    )


def test_iris_exercise():
    assert math.ceil(120 / 16) == 8 and 120 - 7 * 16 == 8
    assert_all_in(
        TEXT,
        [
            "$120 / 16 = 7.5$, rounded up: 8 steps",
            "$7 \\times 16 = 112$",
            "the last one holds 8",
            "$50 \\times 8 = 400$ steps",
        ],
    )


def train_in_torch(batch_size, epochs=3, lr=0.1):
    """The chapter's network in PyTorch, started from the same weights, fed the same shuffled batches."""
    X, y = digits()
    X = torch.tensor(X / 16.0)
    y = torch.tensor(y)
    start = story.network()
    net = TorchMLP(list(story.LAYERS), activation="relu")
    with torch.no_grad():
        for layer, W, b in zip([m for m in net if isinstance(m, torch.nn.Linear)], start.weights, start.biases):
            layer.weight.copy_(torch.tensor(W))
            layer.bias.copy_(torch.tensor(b))
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    rng = np.random.default_rng(story.SEED)
    size = batch_size or N
    history = []
    for _ in range(epochs):
        order = rng.permutation(N) if size < N else np.arange(N)
        total = 0.0
        for s in range(0, N, size):
            rows = torch.tensor(order[s : s + size])
            optimizer.zero_grad()
            loss = F.cross_entropy(net(X[rows]), y[rows])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(rows)
        history.append(total / N)
    with torch.no_grad():
        right = (net(X).argmax(1) == y).double().mean().item()
    return history, right


@pytest.mark.parametrize(
    "name, batch_size, steps",
    [("batch gradient descent", None, 3), ("mini-batch SGD", 32, 171), ("SGD (one example)", 1, 5391)],
)
def test_the_table(name, batch_size, steps):
    history, right = train_in_torch(batch_size)
    size = batch_size or N
    assert 3 * math.ceil(N / size) == steps
    row = f"| {name} | {size:,} | {math.ceil(N / size):,} | {steps:,} | {history[-1]:.3f} | {right:.1%} |"
    assert row in TEXT
    assert f"{name:<23} {steps:>5} steps  loss per epoch: {np.round(history, 3).tolist()}" in RAW
    if batch_size == 32:
        assert f"mini-batch SGD with 32 digits per step ({steps} steps, falls to {history[-1]:.1f})" in TEXT
    if batch_size == 1:
        assert f"({steps:,} steps, falls to {history[-1]:.2f})" in TEXT
    if batch_size is None:
        assert f"(3 steps, stays near {history[-1]:.1f})" in TEXT and right < 0.11


def noise_in_torch(batch_size, draws=story.NOISE_DRAWS):
    """The same measurement with autograd: mean |g_batch - g_all| / |g_all| over the same random batches."""
    X, y = digits()
    X, y = torch.tensor(X / 16.0), torch.tensor(y)
    start = story.network()
    params = []
    for W, b in zip(start.weights, start.biases):
        params += [torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True)]

    def gradient(rows):
        a = X[rows]
        for i in range(0, len(params), 2):
            a = a @ params[i].T + params[i + 1]
            if i + 2 < len(params):
                a = torch.relu(a)
        grads = torch.autograd.grad(F.cross_entropy(a, y[rows]), params)
        return torch.cat([g.flatten() for g in grads])

    g_all = gradient(torch.arange(N))
    rng = np.random.default_rng(story.SEED)
    gaps = [
        torch.linalg.norm(gradient(torch.tensor(rng.choice(N, batch_size, replace=False))) - g_all).item()
        for _ in range(draws)
    ]
    return np.mean(gaps) / torch.linalg.norm(g_all).item()


def test_the_noise():
    one, thirty_two, big = (noise_in_torch(b) for b in (1, 32, 256))
    assert one > thirty_two > big
    assert_all_in(
        TEXT,
        [
            f"| one digit | {one:.2f} times the size of the true gradient:",
            f"| 32 digits | {thirty_two:.2f} times, about $\\sqrt{{32}} \\approx {math.sqrt(32):.1f}$ times smaller |",
            f"| 256 digits | {big:.2f} times |",
        ],
    )
    assert 0.8 * math.sqrt(32) < one / thirty_two < 1.2 * math.sqrt(32)  # "about sqrt(32) times smaller"
    ratio = thirty_two / noise_in_torch(128)
    assert f"\n    {ratio:.2f}\n" in RAW and ratio > 2


def test_the_figure_is_embedded():
    assert "](../figures/epochs-batches-steps.svg)" in full("epochs-batches")
