"""Channels and filters: every number the prose states, from PyTorch's layers and hand sums."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from site_src.examples import convolution as story
from tests.chapters._cnn import assert_all_in, page, row, thousands

TEXT = page("channels")


def count(layer):
    return sum(p.numel() for p in layer.parameters())


def grid_text(a):
    return " / ".join(row(r) for r in np.asarray(a))


def test_the_worked_filter():
    x, w = torch.tensor(story.RGB)[None], torch.tensor(story.FILTER)[None]
    out = F.conv2d(x, w, torch.tensor([story.FILTER_BIAS], dtype=torch.float64))[0, 0].numpy()
    r, g, b = (story.RGB[c, :2, :2] for c in range(3))
    parts = [float((story.RGB[c, :2, :2] * story.FILTER[c]).sum()) for c in range(3)]
    slices = [grid_text(story.FILTER[c]).replace("−", "-") for c in range(3)]
    assert_all_in(
        TEXT,
        [
            f"red $({slices[0]})$, green $({slices[1]})$, blue $({slices[2]})$, and a bias of {story.FILTER_BIAS:g}",
            f"red values {grid_text(r)} and gives $9 - 8 + 8 - 7 = {parts[0]:g}$",
            f"covers {grid_text(g)} and gives $-2 + 3 - 1 + 4 = {parts[1]:g}$",
            f"covers {grid_text(b)} and gives $0 + 1 + 2 + 0 = {parts[2]:g}$",
            f"${parts[0]:g} + {parts[1]:g} + {parts[2]:g} + {story.FILTER_BIAS:g} = {out[0, 0]:g}$",
            f"the feature map is {grid_text(out)}",
            f"the feature map {grid_text(out)}",  # the figure's alt text
            f"The filter has $3 \\times 2 \\times 2 = {story.FILTER.size}$ weights",
        ],
    )
    assert out[:, 1].min() > out[:, 0].max()  # "biggest on the right"


def test_parameter_counts():
    first, second, one = nn.Conv2d(3, 16, 3), nn.Conv2d(16, 32, 3), nn.Conv2d(64, 32, 1)
    assert_all_in(
        TEXT,
        [
            f"$16 \\times 3 \\times 3 \\times 3 = {first.weight.numel()}$ weights and 16 biases: {count(first)} numbers",
            f"$32 \\times 16 \\times 3 \\times 3 = {thousands(second.weight.numel()).replace(',', '{,}')}$ weights and "
            f"32 biases: {thousands(count(second))} numbers",
            f"$16 \\cdot 3 \\cdot 9 + 16 = {count(first)}$",
            f"$32 \\cdot 64 \\cdot 1 + 32 = {thousands(count(one)).replace(',', '{,}')}$",
            f"would have {thousands(count(nn.Conv2d(64, 32, 3)))}",
            f"is {thousands(count(nn.Conv2d(512, 512, 3)))} numbers",
        ],
    )
    big = nn.Conv2d(32, 64, 5)
    assert_all_in(
        TEXT,
        [
            f"The shape is $({', '.join(map(str, big.weight.shape))})$",
            f"$64 \\cdot 32 \\cdot 25 = {thousands(big.weight.numel()).replace(',', '{,}')}$ weights and 64 biases: "
            f"{thousands(count(big))} numbers",
        ],
    )


def test_the_figure_is_embedded():
    assert "](../figures/channels-diagram.svg)" in TEXT
