"""Padding: every number the prose states, from PyTorch and from counting stops by brute force."""

import math
import warnings

import numpy as np
import torch
import torch.nn.functional as F

from site_src.examples import convolution as story
from tests.chapters._cnn import assert_all_in, page, row

TEXT = page("padding")


def torch_size(n, k, p, s):
    return F.conv2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, k, k), padding=p, stride=s).shape[-1]


def coverage(n, k, p=0, s=1):
    """How many stops cover each pixel, found with autograd: the gradient of the sum of every stop."""
    x = torch.zeros(1, 1, n, n, dtype=torch.float64, requires_grad=True)
    F.conv2d(x, torch.ones(1, 1, k, k, dtype=torch.float64), padding=p, stride=s).sum().backward()
    return x.grad[0, 0].numpy().astype(int)


def test_counts_and_sizes():
    valid, padded = coverage(5, 3), coverage(5, 3, 1)
    assert (valid[0, 0], valid[0, 2], valid[2, 2]) == (1, 3, 9)
    assert (padded[0, 0], padded[0, 1], padded[1, 1]) == (4, 6, 9)
    assert set(padded[1:-1, 1:-1].ravel()) == {9}
    assert_all_in(
        TEXT,
        [
            f"A corner pixel is covered by {valid[0, 0]} stop, the middle of an edge by {valid[0, 2]}, "
            f"the centre by {valid[2, 2]}",
            f"The corners are now covered by {padded[0, 0]} stops, the other edge pixels by {padded[0, 1]}, "
            f"and every inner pixel still by {padded[1, 1]}",
            f"the corners are covered by {valid[0, 0]} stop of the 3 by 3 kernel, the middle of each edge by "
            f"{valid[0, 2]} and the centre by {valid[2, 2]}",
            f"corner pixels go from {valid[0, 0]} stop to {padded[0, 0]}",
            f"a corner is covered by {padded[0, 0]} stops, an inner pixel by {padded[1, 1]}",
            f"into {28 - 2 * 10} by {28 - 2 * 10}",
        ],
    )
    assert np.array_equal(story.stops_covering(5, 3, 1, 2), coverage(5, 3, 1, 2))
    assert sorted(set(coverage(5, 3, 1, 2).ravel())) == [1, 2, 4] and "1, 2 or 4 times" in TEXT


def test_formula_examples():
    assert torch_size(5, 3, 0, 1) == 3 and torch_size(5, 3, 1, 1) == 5 and torch_size(5, 3, 1, 2) == 3
    assert torch_size(6, 3, 1, 2) == 3 and torch_size(28, 5, 0, 1) == 24
    assert torch_size(32, 5, 2, 1) == 32 and torch_size(32, 5, 2, 2) == 16
    assert_all_in(
        TEXT,
        [
            f"| 5 | 3 | 0 (valid) | 1 | $(5 - 3) / 1 + 1 = {torch_size(5, 3, 0, 1)}$ |",
            f"| 5 | 3 | 1 | 1 | $(5 + 2 - 3) / 1 + 1 = {torch_size(5, 3, 1, 1)}$ |",
            f"| 5 | 3 | 1 | 2 | $(5 + 2 - 3) / 2 + 1 = {torch_size(5, 3, 1, 2)}$ |",
            f"| 6 | 3 | 1 | 2 | $\\lfloor (6 + 2 - 3) / 2 \\rfloor + 1 = \\lfloor {(6 + 2 - 3) / 2} \\rfloor + 1"
            f" = {torch_size(6, 3, 1, 2)}$: the last column is never the middle of a stop |",
            f"| 28 | 5 | 0 | 1 | $(28 - 5) / 1 + 1 = {torch_size(28, 5, 0, 1)}$: 24 by 24 |",
            f"\\lfloor {(32 + 4 - 5) / 2} \\rfloor + 1 = 16$",
            "$(5 + 2 \\times 1 - 3) \\div 1 + 1 = 5$",
            "$(5 + 2 \\times 1 - 3) \\div 2 + 1 = 3$",
            "stops at columns 0, 2 and 4",
        ],
    )
    assert math.floor((6 + 2 - 3) / 2) + 1 == 3


def test_even_kernel_same_padding():
    x = torch.randn(1, 1, 5, 5, dtype=torch.float64)
    w = torch.randn(1, 1, 4, 4, dtype=torch.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        same = F.conv2d(x, w, padding="same")
    assert torch.allclose(same, F.conv2d(F.pad(x, (1, 2, 1, 2)), w))
    assert not torch.allclose(same, F.conv2d(F.pad(x, (2, 1, 2, 1)), w))
    assert_all_in(
        TEXT,
        [
            "needs $4 - 1 = 3$ zeros per direction",
            "1 zero on the top and left, 2 on the bottom and right",
        ],
    )
    for k, p in ((3, 1), (5, 2)):
        assert torch_size(9, k, p, 1) == 9
    assert "For $k = 3$ that is 1 on each side; for $k = 5$, 2 on each side" in TEXT


def test_clip_list_numbers():
    one = F.conv2d(torch.tensor(story.IMAGE)[None, None], torch.tensor(story.KERNEL)[None, None], padding=1)[0, 0]
    two = F.conv2d(torch.tensor(story.IMAGE)[None, None], torch.tensor(story.KERNEL)[None, None], padding=1, stride=2)[
        0, 0
    ]
    assert_all_in(
        TEXT,
        [
            f"The first row of the feature map reads {row(one[0].tolist())}",
            f"the first row reads {row(two[0].tolist())}",
            "a 3 by 3 feature map, " + " / ".join(row(r) for r in two.tolist()),
        ],
    )
    assert "](../figures/padding-stride.mp4)" in TEXT and "](../figures/padding-window-counts.svg)" in TEXT
