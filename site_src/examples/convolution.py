"""A torch sliding over a picture: one small image, one 3x3 kernel, every number worked out.

The story of "The convolution, step by step" (docs/cnn/convolution.md), "Channels and
filters" (docs/cnn/channels.md) and "Padding" (docs/cnn/padding.md):

- a 5x5 picture ``IMAGE`` of an inky vertical stripe (bigger numbers, more ink) and the
  kernel ``KERNEL``, which answers "how much bigger are the numbers on the right than on
  the left?"; their 3x3 feature
  map, the nine products at the stop ``STOP``, what the flipped kernel would give, and
  the map after a bias and ReLU (the clip "convolution-slide" shows it all);
- three kernels (``EDGE_KERNELS``) on the handwritten digit of ``cnn_intro``;
- a tiny colour picture (``RGB``) and one filter with a slice per colour; the weight
  counts of a few layers;
- how many stops each pixel is under, with and without a zero border; the output size
  with padding and stride (the clip "padding-stride"); PyTorch's ``padding="same"``
  for an even kernel.
"""

import numpy as np

from site_src.activations import relu
from site_src.conv import conv2d, conv_output_size

# ---------------------------------------------------------------- the worked picture

IMAGE = np.array(
    [
        [0, 1, 3, 1, 0],
        [0, 2, 4, 2, 0],
        [1, 2, 4, 1, 0],
        [0, 1, 3, 2, 1],
        [0, 1, 2, 1, 0],
    ],
    dtype=np.float64,
)

KERNEL = np.array(
    [
        [-1, 0, 1],
        [-1, 0, 1],
        [-1, 0, 1],
    ],
    dtype=np.float64,
)

STOP = (1, 0)  # the stop whose nine products the chapter writes out (row, column of the output)
BIAS = -1.0  # added to every number of the feature map, before ReLU


def feature_map():
    """The 3x3 feature map of ``KERNEL`` over ``IMAGE``.

    Examples
    --------
    >>> feature_map().tolist()
    [[10.0, -1.0, -11.0], [10.0, 0.0, -10.0], [8.0, 0.0, -8.0]]
    """
    return conv2d(IMAGE, KERNEL)


def products(stop=STOP):
    """The nine products pixel x kernel number at one stop (row, column), and their sum.

    Examples
    --------
    >>> p, total = products()
    >>> p.tolist(), total
    ([[0.0, 0.0, 4.0], [-1.0, 0.0, 4.0], [0.0, 0.0, 3.0]], 10.0)
    """
    i, j = stop
    k = KERNEL.shape[0]
    p = IMAGE[i : i + k, j : j + k] * KERNEL + 0.0  # + 0.0 turns -0.0 into 0.0
    return p, float(p.sum())


def flipped_map():
    """What the mathematicians' convolution gives: the kernel turned upside down and left to right first.

    Examples
    --------
    >>> flipped_map().tolist()
    [[-10.0, 1.0, 11.0], [-10.0, 0.0, 10.0], [-8.0, 0.0, 8.0]]
    """
    return conv2d(IMAGE, KERNEL[::-1, ::-1])


def after_bias_and_relu():
    """The feature map plus ``BIAS``, through ReLU.

    Examples
    --------
    >>> after_bias_and_relu().tolist()
    [[9.0, 0.0, 0.0], [9.0, 0.0, 0.0], [7.0, 0.0, 0.0]]
    """
    return relu(feature_map() + BIAS)


# ---------------------------------------------------------------- kernels on a real digit

EDGE_KERNELS = {
    "grows to the right": KERNEL,
    "grows downwards": KERNEL.T.copy(),
    "blur (average of 9)": np.full((3, 3), 1.0 / 9.0),
}


def digit_maps():
    """Each of ``EDGE_KERNELS`` over the digit of ``cnn_intro``: name -> 6x6 feature map.

    Examples
    --------
    >>> maps = digit_maps()
    >>> sorted(m.shape for m in maps.values())[0], float(maps["grows to the right"].max())
    ((6, 6), 40.0)
    """
    from site_src.examples.cnn_intro import digit

    image, _ = digit()
    return {name: conv2d(image, kernel) for name, kernel in EDGE_KERNELS.items()}


# ---------------------------------------------------------------- channels

# A 3x3 colour picture: one grid per colour (red, green, blue). Real pictures go from 0 to
# 255; here from 0 to 9, to keep the sums small. Reddish on the left, greenish on the right.
RGB = np.array(
    [
        [[9, 8, 1], [8, 7, 2], [9, 6, 1]],  # red
        [[2, 3, 8], [1, 4, 9], [2, 3, 7]],  # green
        [[1, 1, 2], [2, 1, 1], [1, 2, 1]],  # blue
    ],
    dtype=np.float64,
)
CHANNEL_NAMES = ("red", "green", "blue")

# One filter: a 2x2 slice per colour, and one bias. It likes red on the left and green on the right.
FILTER = np.array(
    [
        [[1, -1], [1, -1]],  # red slice
        [[-1, 1], [-1, 1]],  # green slice
        [[0, 1], [1, 0]],  # blue slice
    ],
    dtype=np.float64,
)
FILTER_BIAS = 1.0

# Layers whose weights the chapter counts: (C_in, C_out, k)
LAYERS = {"colour": (3, 16, 3), "second": (16, 32, 3), "one_by_one": (64, 32, 1)}


def channel_parts():
    """Each colour's own 2x2 map (its slice over its grid), and the filter's feature map.

    The feature map is the three parts added up, plus the bias.

    Examples
    --------
    >>> parts, out = channel_parts()
    >>> [float(p[0, 0]) for p in parts], float(out[0, 0])
    ([2.0, 4.0, 3.0], 10.0)
    """
    parts = [conv2d(RGB[c], FILTER[c]) for c in range(3)]
    return parts, parts[0] + parts[1] + parts[2] + FILTER_BIAS


def weight_count(c_in, c_out, k):
    """Numbers a convolution layer learns: ``c_out * c_in * k * k`` weights and ``c_out`` biases.

    Examples
    --------
    >>> weight_count(3, 16, 3)
    (432, 16, 448)
    """
    weights = c_out * c_in * k * k
    return weights, c_out, weights + c_out


# ---------------------------------------------------------------- padding

PAD = 1  # a border of one zero all round
STRIDE = 2  # the second half of the padding clip jumps two pixels
EVEN_KERNEL = 4  # PyTorch's padding="same" with an even kernel pads one side more


# --8<-- [start:stops_covering]
def stops_covering(size, k, padding=0, stride=1):
    """For each pixel of a ``size`` x ``size`` picture: under how many of the kernel's stops it lies.

    Examples
    --------
    >>> stops_covering(5, 3).astype(int).tolist()[0]
    [1, 2, 3, 2, 1]
    """
    n = conv_output_size(size, k, padding, stride)
    counts = np.zeros((size + 2 * padding, size + 2 * padding))
    for i in range(n):
        for j in range(n):
            counts[i * stride : i * stride + k, j * stride : j * stride + k] += 1
    return counts[padding : padding + size, padding : padding + size]  # the zero border is not a pixel
    # --8<-- [end:stops_covering]


def padded_maps():
    """The worked picture with a zero border: the map at stride 1 and at stride ``STRIDE``.

    Examples
    --------
    >>> one, two = padded_maps()
    >>> one.shape, two.shape, two.tolist()
    ((5, 5), (3, 3), [[3.0, 0.0, -3.0], [5.0, 0.0, -5.0], [2.0, 1.0, -3.0]])
    """
    return conv2d(IMAGE, KERNEL, padding=PAD), conv2d(IMAGE, KERNEL, padding=PAD, stride=STRIDE)


# --8<-- [start:same_padding]
def same_padding(k):
    """PyTorch's ``padding="same"`` at stride 1: zeros (before, after) each side for a kernel of ``k``.

    The total is ``k - 1``; the side before (top, left) gets half of it rounded down,
    the side after (bottom, right) the rest.

    Examples
    --------
    >>> same_padding(3), same_padding(4)
    ((1, 1), (1, 2))
    """
    total = k - 1
    return total // 2, total - total // 2
    # --8<-- [end:same_padding]


# ---------------------------------------------------------------- the convolution explorer
# docs/cnn/convolution.md's widget, built by scripts/hooks/widgets.py.

WIDGET_PADDINGS = (0, 1, 2)  # the padding menu
WIDGET_STRIDES = (1, 2, 3)  # the stride menu
WIDGET_DRAW_LEVELS = (0.0, 8.0, 16.0)  # a click on a pixel cycles through these (the digits run 0 to 16)
