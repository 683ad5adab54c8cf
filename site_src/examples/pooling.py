"""Four squares, one number each: max, min and mean pooling of one small feature map.

The story of "Pooling" (docs/cnn/pooling.md) and its clip "pooling-windows": a 4x4
feature map ``FEATURE_MAP`` (all numbers 0 or more, as after ReLU) pooled with 2x2
windows three ways; a 5x5 map whose last row and column no window reaches; the
gradient ``GRAD_OUT`` sent back through max and mean pooling (``pool2d_backward``);
and a real feature map (the convolution chapter's "brighter to the right" kernel over
the handwritten digit of ``cnn_intro``, with padding 1 and ReLU) where min pooling
gives mostly zeros.
"""

import numpy as np

from site_src.activations import relu
from site_src.conv import conv2d
from site_src.examples.cnn_intro import digit
from site_src.examples.convolution import KERNEL
from site_src.pooling import MODES, pool2d, pool2d_backward

SIZE = 2  # 2x2 windows, stride 2: the windows do not overlap

FEATURE_MAP = np.array(
    [
        [1, 3, 0, 2],
        [5, 2, 7, 1],
        [0, 4, 4, 6],
        [2, 8, 3, 0],
    ],
    dtype=np.float64,
)

# The same map with one more row and column: no 2x2 window reaches them.
WIDER_MAP = np.array(
    [
        [1, 3, 0, 2, 9],
        [5, 2, 7, 1, 4],
        [0, 4, 4, 6, 2],
        [2, 8, 3, 0, 5],
        [9, 1, 6, 3, 7],
    ],
    dtype=np.float64,
)

# How much the loss changes with each pooled number (what the next layer sends back).
GRAD_OUT = np.array(
    [
        [0.4, -0.2],
        [0.1, 0.8],
    ]
)

PADDING = 1  # for the real feature map: the digit stays 8x8


def pooled():
    """``FEATURE_MAP`` pooled three ways: mode -> 2x2 result.

    Examples
    --------
    >>> {mode: out.tolist() for mode, out in pooled().items()}
    {'max': [[5.0, 7.0], [8.0, 6.0]], 'min': [[1.0, 0.0], [0.0, 0.0]], 'mean': [[2.75, 2.5], [3.5, 3.25]]}
    """
    return {mode: pool2d(FEATURE_MAP, SIZE, mode=mode) for mode in MODES}


def windows(x=FEATURE_MAP, size=SIZE):
    """The windows of ``x``, row by row: ``{(i, j): size x size block}``.

    Examples
    --------
    >>> windows()[(0, 1)].tolist()
    [[0.0, 2.0], [7.0, 1.0]]
    """
    n = (x.shape[0] - size) // size + 1
    return {(i, j): x[i * size : (i + 1) * size, j * size : (j + 1) * size] for i in range(n) for j in range(n)}


def winners(mode="max"):
    """Where each window's winner sits in ``FEATURE_MAP`` (row, column), for max or min.

    Examples
    --------
    >>> winners()
    {(0, 0): (1, 0), (0, 1): (1, 2), (1, 0): (3, 1), (1, 1): (2, 3)}
    """
    pick = np.argmax if mode == "max" else np.argmin
    out = {}
    for (i, j), block in windows().items():
        u, v = np.unravel_index(pick(block), block.shape)  # the first winner on a tie, as PyTorch
        out[(i, j)] = (i * SIZE + int(u), j * SIZE + int(v))
    return out


def leftover():
    """``WIDER_MAP`` max-pooled, how many of its numbers no window covers, and the largest of them.

    Examples
    --------
    >>> out, dropped, biggest = leftover()
    >>> out.tolist(), dropped, biggest
    ([[5.0, 7.0], [8.0, 6.0]], 9, 9.0)
    """
    n = WIDER_MAP.shape[0]
    kept = (n // SIZE) * SIZE
    mask = np.ones_like(WIDER_MAP, dtype=bool)
    mask[:kept, :kept] = False
    return pool2d(WIDER_MAP, SIZE), int(mask.sum()), float(WIDER_MAP[mask].max())


def gradients():
    """``GRAD_OUT`` sent back to ``FEATURE_MAP`` through max and through mean pooling.

    Examples
    --------
    >>> grads = gradients()
    >>> grads["max"][1].tolist(), grads["mean"][0].tolist()
    ([0.4, 0.0, -0.2, 0.0], [0.1, 0.1, -0.05, -0.05])
    """
    return {mode: pool2d_backward(GRAD_OUT, FEATURE_MAP, SIZE, mode=mode) for mode in ("max", "mean")}


def real_feature_map():
    """The digit through ``KERNEL`` (padding 1) and ReLU: an 8x8 map, many of its numbers 0.

    Examples
    --------
    >>> fm = real_feature_map()
    >>> fm.shape, int((fm == 0).sum())
    ((8, 8), 34)
    """
    image, _ = digit()
    return relu(conv2d(image, KERNEL, padding=PADDING))


def zeros_after_pooling():
    """How many of the 16 numbers are 0: in max-, mean- and min-pooled versions of the real map.

    Examples
    --------
    >>> zeros_after_pooling()
    {'max': 6, 'min': 11, 'mean': 6}
    """
    fm = real_feature_map()
    return {mode: int((pool2d(fm, SIZE, mode=mode) == 0).sum()) for mode in MODES}
