"""Seeing like a network: a picture is a grid of numbers, and a small window looks at it.

The story of "What a CNN is, and why" (docs/cnn/what-is-a-cnn.md): one handwritten
digit from ``site_src.datasets.digits`` shown as its numbers; a dense layer and a
convolution layer on a 28x28 picture, their weights counted; the window each layer
of a small stack of 3x3 convolutions sees (its receptive field); and a bar of 1s
that moves one pixel to the right, so its feature map moves too (and, after max
pooling, sometimes does not move at all).
"""

import numpy as np

from site_src._checks import positive
from site_src.conv import conv2d
from site_src.datasets import digits
from site_src.pooling import pool2d

DIGIT_INDEX = 0  # the first image of the digits set: a handwritten 0, 8x8 pixels from 0 to 16

SIDE = 28  # a 28x28 picture, the size of the classic MNIST digits
FILTERS = 8  # the convolution layer has 8 filters of 3x3
KERNEL = 3

STACK_KERNELS = (3, 3, 3)  # three 3x3 convolutions in a row, stride 1
STACK_STRIDES = (1, 1, 1)

# A picture of a vertical bar of 1s, 4 rows by 8 columns, and a kernel that answers
# "how much bigger are the numbers on the right than on the left?".
BAR_ROWS, BAR_COLUMNS = 4, 8
BAR_COLUMN = 2  # where the bar starts; it then moves 1 and 2 pixels to the right
RIGHT_MINUS_LEFT = np.array([[-1.0, 0.0, 1.0]] * 3)


def digit():
    """The chosen digit as an 8x8 grid of numbers, and which digit it is.

    Examples
    --------
    >>> image, label = digit()
    >>> image.shape, label, int(image.max())
    ((8, 8), 0, 15)
    """
    X, y = digits()
    return X[DIGIT_INDEX].reshape(8, 8), int(y[DIGIT_INDEX])


def dense_params(n_in, n_out):
    """Weights and biases of a dense layer: ``n_in * n_out + n_out``.

    Examples
    --------
    >>> dense_params(784, 100)
    78500
    """
    return n_in * n_out + n_out


def conv_params(c_in, c_out, k):
    """Weights and biases of a convolution layer with ``c_out`` filters of ``c_in x k x k``.

    ``c_out * c_in * k * k + c_out``

    Examples
    --------
    >>> conv_params(1, 8, 3)
    80
    """
    return c_out * c_in * k * k + c_out


def layer_sizes():
    """The 28x28 story: the conv layer's outputs, and both layers' parameter counts.

    The dense layer is given as many outputs as the conv layer has (``FILTERS``
    feature maps of 26x26), so the two do the same amount of answering.

    Examples
    --------
    >>> layer_sizes()
    {'pixels': 784, 'outputs': 5408, 'conv': 80, 'dense': 4245280}
    """
    pixels = SIDE * SIDE
    side_out = SIDE - KERNEL + 1
    outputs = FILTERS * side_out * side_out
    return {
        "pixels": pixels,
        "outputs": outputs,
        "conv": conv_params(1, FILTERS, KERNEL),
        "dense": dense_params(pixels, outputs),
    }


# --8<-- [start:receptive_field]
def receptive_field(kernels, strides):
    """How many input pixels across one output pixel of each layer sees.

    ``r = r_before + (k - 1) * jump``, then ``jump = jump * stride``, starting from
    ``r = 1`` (a pixel sees itself) and ``jump = 1``.

    Examples
    --------
    >>> receptive_field((3, 3, 3), (1, 1, 1))
    [3, 5, 7]
    """
    r, jump, sizes = 1, 1, []
    for k, s in zip(kernels, strides, strict=True):
        positive(k, "kernel", whole=True)
        positive(s, "stride", whole=True)
        r = r + (k - 1) * jump  # k - 1 more steps, each as wide as one step of the layer below
        jump = jump * s
        sizes.append(r)
    return sizes
    # --8<-- [end:receptive_field]


def bar_image(column):
    """The 4x8 picture: zeros, and a bar of 1s of 1s in ``column``.

    Examples
    --------
    >>> bar_image(2)[0].tolist()
    [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    """
    image = np.zeros((BAR_ROWS, BAR_COLUMNS))
    image[:, column] = 1.0
    return image


def bar_maps(shifts=(0, 1, 2)):
    """For the bar moved by each shift: its feature map and the map after 2x2 max pooling.

    Examples
    --------
    >>> maps = bar_maps()
    >>> maps[0][0][0].tolist(), maps[1][0][0].tolist()
    ([3.0, 0.0, -3.0, 0.0, 0.0, 0.0], [0.0, 3.0, 0.0, -3.0, 0.0, 0.0])
    """
    out = []
    for shift in shifts:
        feature_map = conv2d(bar_image(BAR_COLUMN + shift), RIGHT_MINUS_LEFT)
        out.append((feature_map, pool2d(feature_map, 2)))
    return out
