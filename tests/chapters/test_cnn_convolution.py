"""The convolution, step by step: every number the prose, tables, alt texts and clip list state.

Expected numbers come from PyTorch (``F.conv2d``, ``torch.flip``, ``torch.relu``) or from
the patch sums written out by hand, never from the story module's own functions.
"""

import re

import numpy as np
import torch
import torch.nn.functional as F

from site_src.examples import cnn_intro
from site_src.examples import convolution as story
from tests.chapters._cnn import assert_all_in, page, row

TEXT = page("convolution")
X = torch.tensor(story.IMAGE)[None, None]
W = torch.tensor(story.KERNEL)[None, None]
OUT = F.conv2d(X, W)[0, 0].numpy()


def grid_text(a):
    """'10, −1, −11 / 10, 0, −10 / 8, 0, −8', as the prose writes a small grid."""
    return " / ".join(row(r) for r in np.asarray(a))


def test_the_worked_stop():
    i, j = story.STOP
    patch = story.IMAGE[i : i + 3, j : j + 3]
    prods = patch * story.KERNEL + 0.0
    assert_all_in(
        TEXT,
        [
            f"the stop in row {i}, column {j}",
            f"the 3 by 3 patch of pixels with rows {grid_text(patch)}",
            f"the nine products are {grid_text(prods)}",
            " + ".join(f"{v:g}" for v in prods.ravel()).replace("+ -", "- ") + f" = {prods.sum():g}$",
            f"columns $({', '.join(f'{v:g}' for v in patch[:, 0])})$, $({', '.join(f'{v:g}' for v in patch[:, 1])})$, "
            f"$({', '.join(f'{v:g}' for v in patch[:, 2])})$",
            f"$Y_{{1,0}} = -({' + '.join(f'{v:g}' for v in patch[:, 0])}) + 0 + "
            f"({' + '.join(f'{v:g}' for v in patch[:, 2])}) = {OUT[i, j]:g}$",
        ],
    )
    assert prods.sum() == OUT[i, j]


def test_the_feature_map_table_and_alt_texts():
    for r, values in enumerate(OUT):
        assert f"| row {r} | {' | '.join(row([v]) for v in values)} |" in TEXT
    assert TEXT.count(grid_text(OUT)) == 2  # the first figure's alt text and the clip's caption
    assert "fits in 3 places across and 3 down" in TEXT and OUT.shape == (3, 3)


def test_flip_bias_and_relu():
    flipped = F.conv2d(X, torch.flip(W, dims=(2, 3)))[0, 0].numpy()
    shifted = OUT + story.BIAS
    kept = torch.relu(torch.tensor(shifted)).numpy()
    assert_all_in(
        TEXT,
        [
            f"every number of the feature map changes sign: {grid_text(flipped)}",
            f"With a bias of ${row([story.BIAS])}$ the map becomes {grid_text(shifted)}".replace("−", "-", 1),
            f"ReLU keeps {kept[0, 0]:g}, {kept[1, 0]:g} and {kept[2, 0]:g} down the left column",
        ],
    )
    assert np.count_nonzero(kept) == 3 and np.all(kept[:, 1:] == 0)
    assert np.array_equal(flipped, -OUT)


def test_the_clip_list():
    first = story.IMAGE[0:3, 0:3] * story.KERNEL + 0.0
    terms = " + ".join(f"{v:g}" for v in first.ravel()).replace("+ -", "- ")
    assert_all_in(
        TEXT,
        [
            f"gives the nine products {grid_text(first)}",
            f"${terms} = {OUT[0, 0]:g}$",
            f"the products add up to {row([OUT[0, 1]])}. One more: {row([OUT[0, 2]])}",
            f"the sums are {row([OUT[1, 0]])}, {row([OUT[1, 1]])} and {row([OUT[1, 2]])}, "
            f"then {row([OUT[2, 0]])}, {row([OUT[2, 1]])} and {row([OUT[2, 2]])}",
        ],
    )


def test_the_digit_maps():
    image, _ = cnn_intro.digit()
    x = torch.tensor(image)[None, None]
    right = F.conv2d(x, W)[0, 0]
    down = F.conv2d(x, W.transpose(2, 3))[0, 0]
    blur = F.avg_pool2d(x, 3, stride=1)[0, 0]  # the mean of each 3x3 patch
    assert right.shape == (6, 6)
    assert_all_in(
        TEXT,
        [
            f"(values from {row([right.min()])} to {row([right.max()])}",
            f"(from {row([down.min()])} to {row([down.max()])}",
            f"(from {blur.min():.0f} to {blur.max():.0f}, all positive)",
            "The 8 by 8 digit gives a 6 by 6 map",
        ],
    )
    assert blur.min() > 0
    assert "every weight 0.11" in TEXT and round(1 / 9, 2) == 0.11


def test_exercises():
    patch = story.IMAGE[2:5, 1:4]
    assert_all_in(
        TEXT,
        [
            f"its rows are {grid_text(patch)}",
            f"left column adds up to $2 + 1 + 1 = {patch[:, 0].sum():g}$",
            f"right column to $1 + 2 + 1 = {patch[:, 2].sum():g}$",
            f"sum is $-4 + 0 + 4 = {OUT[2, 1]:g}$",
        ],
    )
    stop = story.IMAGE[1:4, 0:3]
    terms = " + ".join(f"{v:g}" for v in stop.ravel())
    assert_all_in(TEXT, [f"$({terms}) / 9 = {stop.sum():g} / 9$", f"about {stop.mean():.2f}"])


def test_math_corner_says_the_map_size():
    h, w = story.IMAGE.shape
    assert f"The picture is ${h} \\times {w}$ and $k = 3$, so the map is ${h - 2} \\times {w - 2}$" in TEXT
    assert re.search(r"K_\{k-1-u,\\;k-1-v\}", TEXT)
