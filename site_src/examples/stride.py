"""Hopping torch: the kernel jumps more than one pixel, so the feature map shrinks.

The story of "Stride" (docs/cnn/stride.md): the worked 5x5 picture and kernel of
``site_src.examples.convolution`` at stride 1 and stride 2 (the stride-2 map is every
other number of the stride-1 map); the output size ``floor((n + 2p - k) / s) + 1`` for
a few settings, with the floor's leftover pixels; the handwritten digit of
``cnn_intro`` under a 3x3 kernel at stride 2, whose bottom row is never looked at
though it has ink in it; and how much work stride 2 saves against stride 1 (followed
by 2x2 pooling, which gives the same size).
"""

import numpy as np

from site_src.conv import conv2d, conv_output_size
from site_src.examples.cnn_intro import digit
from site_src.examples.convolution import IMAGE, KERNEL

STRIDE = 2
K = 3  # the 3x3 kernel of the worked picture

# (n, k, p, s): the settings of the chapter's size table
SIZE_CASES = ((5, 3, 0, 1), (5, 3, 0, 2), (8, 3, 0, 2), (8, 3, 1, 2), (7, 3, 0, 2), (28, 5, 0, 3))

LEFTOVER_CASE = (8, 3, 0, 2)  # the digit: 8 pixels, kernel 3, no padding, stride 2
BIG_SIDE = 28  # a 28x28 picture (the size of MNIST digits) for counting the work


def maps():
    """The worked picture's feature map at stride 1 and at stride ``STRIDE``.

    Examples
    --------
    >>> one, two = maps()
    >>> two.tolist(), np.array_equal(two, one[::2, ::2])
    ([[10.0, -11.0], [8.0, -8.0]], True)
    """
    return conv2d(IMAGE, KERNEL), conv2d(IMAGE, KERNEL, stride=STRIDE)


def size_steps(n, k, p, s):
    """The output size worked out: ``(n + 2p - k, that / s as a fraction, its floor, the size)``.

    Examples
    --------
    >>> size_steps(8, 3, 0, 2)
    (5, 2.5, 2, 3)
    """
    inside = n + 2 * p - k  # how far the kernel's left edge can travel
    return inside, inside / s, inside // s, conv_output_size(n, k, p, s)


def starts(n, k, p, s):
    """Where each stop's left edge sits, counting padded pixels from 0.

    Examples
    --------
    >>> starts(8, 3, 0, 2)
    [0, 2, 4]
    """
    return [i * s for i in range(conv_output_size(n, k, p, s))]


def never_seen(n, k, p, s):
    """The pixels of a row (0 to n - 1) that no stop ever covers.

    Examples
    --------
    >>> never_seen(8, 3, 0, 2), never_seen(7, 3, 0, 2)
    ([7], [])
    """
    seen = set()
    for left in starts(n, k, p, s):
        seen.update(range(left - p, left - p + k))  # back to the picture's own numbering
    return [i for i in range(n) if i not in seen]


def digit_leftover():
    """The digit at stride 2 with no padding: its map, the unseen rows and columns, and their ink.

    Returns the 3x3 feature map of ``KERNEL`` over the digit, how many of its 64
    pixels no stop covers, and the sum of the pixel values there (its "ink").

    Examples
    --------
    >>> feature_map, unseen, ink = digit_leftover()
    >>> feature_map.shape, unseen, ink
    ((3, 3), 15, 29.0)
    """
    image, _ = digit()
    n, k, p, s = LEFTOVER_CASE
    lost = never_seen(n, k, p, s)
    mask = np.zeros_like(image, dtype=bool)
    mask[lost, :] = True
    mask[:, lost] = True
    return conv2d(image, KERNEL, stride=s, padding=p), int(mask.sum()), float(image[mask].sum())


def multiplications(n, k, p, s, channels_in=1, channels_out=1):
    """Multiplications one convolution layer does: ``stops * k * k * channels_in * channels_out``.

    Examples
    --------
    >>> multiplications(28, 3, 1, 1), multiplications(28, 3, 1, 2)
    (7056, 1764)
    """
    side = conv_output_size(n, k, p, s)
    return side * side * k * k * channels_in * channels_out


def work_saved(n=BIG_SIDE, k=K, p=1):
    """Stride 1 then 2x2 pooling against stride 2: the map sizes and the multiplications.

    Examples
    --------
    >>> work_saved()
    {'stride 1 map': 28, 'after pooling': 14, 'stride 2 map': 14, 'stride 1 work': 7056, 'stride 2 work': 1764}
    """
    one = conv_output_size(n, k, p, 1)
    return {
        "stride 1 map": one,
        "after pooling": one // 2,
        "stride 2 map": conv_output_size(n, k, p, 2),
        "stride 1 work": multiplications(n, k, p, 1),
        "stride 2 work": multiplications(n, k, p, 2),
    }
