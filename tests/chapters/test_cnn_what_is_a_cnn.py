"""What a CNN is, and why: every number the prose states, computed independently of the story module.

Counts come from PyTorch's own layers, receptive fields from a backward pass through real
convolutions, and the moving bar from ``torch.nn.functional.conv2d`` and ``max_pool2d``.
"""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from site_src.datasets import digits
from site_src.examples import cnn_intro as story
from tests.chapters._cnn import assert_all_in, full, page, row, thousands

TEXT = page("what-is-a-cnn")


def count(layer):
    return sum(p.numel() for p in layer.parameters())


def receptive_by_autograd(kernels, strides, side=41):
    """Pixels across that the middle output of each layer depends on, found by PyTorch autograd."""
    sizes = []
    for depth in range(1, len(kernels) + 1):
        x = torch.zeros(1, 1, side, side, dtype=torch.float64, requires_grad=True)
        y = x
        for k, s in zip(kernels[:depth], strides[:depth]):
            y = F.conv2d(y, torch.ones(1, 1, k, k, dtype=torch.float64), stride=s)
        middle = y.shape[-1] // 2
        y[0, 0, middle, middle].backward()
        cols = np.nonzero(x.grad[0, 0].abs().sum(axis=0).numpy())[0]
        sizes.append(int(cols.max() - cols.min() + 1))
    return sizes


def test_the_digit_figure_and_its_numbers():
    X, y = digits()
    image = X[story.DIGIT_INDEX].reshape(8, 8)
    assert int(y[story.DIGIT_INDEX]) == 0 and image.shape == (8, 8) and X.max() == 16
    assert "handwritten zero" in TEXT and "8 by 8 pixels" in TEXT and "0 is white paper and 16" in TEXT
    assert "](../figures/cnn-digit-numbers.svg)" in TEXT
    assert "](../figures/receptive-field-growth.svg)" in TEXT


def test_parameter_counts():
    side = 28
    outputs_per_map = (side - 3 + 1) ** 2
    conv = count(nn.Conv2d(1, 8, 3))
    dense = count(nn.Linear(side * side, 8 * outputs_per_map))
    assert_all_in(
        TEXT,
        [
            f"$28 \\times 28 = {side * side}$",
            f"A layer of 100 neurons already needs {thousands(count(nn.Linear(784, 100)))} numbers",
            f"fits in $26 \\times 26 = {outputs_per_map}$ places",
            f"which is {thousands(8 * outputs_per_map)} numbers",
            f"plus 8 biases: {conv} numbers",
            f"$784 \\times 5408 + 5408 = {thousands(dense).replace(',', '{,}')}$",
            f"about {thousands(round(dense / conv))} times as many",
            f"{thousands(dense)} against {conv}",
        ],
    )
    sizes = story.layer_sizes()
    assert (sizes["conv"], sizes["dense"], sizes["outputs"]) == (conv, dense, 8 * outputs_per_map)


def test_receptive_fields():
    assert receptive_by_autograd((3, 3, 3), (1, 1, 1)) == [3, 5, 7] == story.receptive_field((3, 3, 3), (1, 1, 1))
    with_pool = receptive_by_autograd((3, 3, 2, 3), (1, 1, 2, 1))
    assert with_pool == story.receptive_field((3, 3, 2, 3), (1, 1, 2, 1))
    assert_all_in(
        TEXT,
        [
            "$r_1 = 1 + 2 = 3$, $r_2 = 3 + 2 = 5$, $r_3 = 5 + 2 = 7$",
            f"see {with_pool[0]}, {with_pool[1]}, {with_pool[2]} and then {with_pool[3]} pixels across",
            "depth: 3, 5, 7",
        ],
    )
    # the table walks the pooled stack layer by layer: r and J from the formula, r checked against autograd
    names, r, J = ("convolution", "convolution", "pooling", "convolution"), 1, 1
    for layer, (k, s, name) in enumerate(zip((3, 3, 2, 3), (1, 1, 2, 1), names)):
        r_cell = f"${r} + {k - 1} \\cdot {J} = {with_pool[layer]}$"
        row_text = f"| {layer + 1}: {k} by {k} {name} | {k} | {s} | {r_cell} | {J * s} |"
        assert r + (k - 1) * J == with_pool[layer], row_text
        assert_all_in(TEXT, [row_text])
        r, J = with_pool[layer], J * s
    five = receptive_by_autograd((5, 5), (1, 1))
    assert_all_in(TEXT, [f"$r_1 = 1 + 4 = {five[0]}$, then $r_2 = {five[0]} + 4 = {five[1]}$"])


def test_moving_bar_table():
    w = torch.tensor(story.RIGHT_MINUS_LEFT)[None, None]
    for shift in (0, 1, 2):
        x = torch.zeros(1, 1, 4, 8, dtype=torch.float64)
        x[..., story.BAR_COLUMN + shift] = 1.0
        y = F.conv2d(x, w)
        pooled = F.max_pool2d(y, 2)
        assert y.shape[-2:] == (2, 6)
        cells = f"| {story.BAR_COLUMN + shift}"
        assert_all_in(TEXT, [f"{row(y[0, 0, 0].tolist())} | {row(pooled[0, 0, 0].tolist())} |"])
        assert cells in TEXT


def test_exercise_count():
    assert count(nn.Conv2d(1, 16, 5)) == 416
    assert "$16 \\times 25 + 16 = 416$" in TEXT


def test_math_corner_formula_is_the_code():
    assert "Y_{i,j} = \\sum_{u=0}^{k-1} \\sum_{v=0}^{k-1} X_{i+u,\\,j+v}\\, K_{u,v}" in full("what-is-a-cnn")
