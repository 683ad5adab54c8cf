"""Convolution: slide a small grid of weights (a **kernel**) over a picture.

At every place the kernel stops, multiply each kernel number by the pixel under it
and add the products up: that sum is one pixel of the output (a **feature map**).
**Padding** adds a border of zeros around the picture first; the **stride** is how
many pixels the kernel jumps between stops.

Deep learning's "convolution" is really **cross-correlation**: the kernel is used as it
is, not flipped (the convolution of mathematics flips it first). PyTorch does the
same, so these functions equal ``torch.nn.functional.conv2d``.

The contract, said once for the whole module:

- Arrays in (anything ``numpy.asarray`` accepts, numbers only), new float64 arrays out.
- ``conv2d`` is the readable version: one 2-D image, one 2-D kernel, plain loops.
- ``conv2d_batch`` and ``conv2d_batch_backward`` are the fast versions for a network,
  in PyTorch's NCHW layout: ``x`` is ``(N, C_in, H, W)``, ``weight`` is
  ``(C_out, C_in, kH, kW)``, ``bias`` is ``(C_out,)``. Their ``stride`` and
  ``padding`` are a whole number or a pair ``(rows, columns)``; defaults as PyTorch's
  (``stride=1``, ``padding=0``, no bias).
- Bad input raises ``ValueError`` saying what is allowed (a kernel larger than the
  padded image, a stride below 1, negative padding, sizes that are not whole numbers,
  channel counts that do not match, the wrong number of dimensions) or ``TypeError``
  for arrays that are not numbers. Never a silent wrong answer.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from site_src._checks import as_float_array, at_least, positive


def _pair(value, name, low):
    """``value`` as a pair of whole numbers ``(rows, columns)``, each at least ``low``."""
    pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(pair) != 2:
        raise ValueError(f"{name} must be a whole number or a pair (rows, columns), got {value!r}")
    for v in pair:
        if low == 0:
            at_least(v, name, 0)
        else:
            positive(v, name, whole=True)
    return pair


def conv_output_size(size, kernel, padding=0, stride=1):
    """How many output pixels fit along one side.

    ``out = floor((size + 2 * padding - kernel) / stride) + 1``: the kernel
    starts at the padded edge and jumps ``stride`` pixels until it would fall
    off; a leftover strip narrower than one jump is skipped.

    Examples
    --------
    >>> conv_output_size(28, 5), conv_output_size(28, 3, padding=1), conv_output_size(7, 3, stride=2)
    (24, 28, 3)
    """
    positive(size, "size", whole=True)
    positive(kernel, "kernel", whole=True)
    at_least(padding, "padding", 0)
    positive(stride, "stride", whole=True)
    padded = size + 2 * padding
    if kernel > padded:
        raise ValueError(
            f"kernel ({kernel}) must not be larger than the padded size "
            f"(size {size} + 2 * padding {padding} = {padded})"
        )
    return (padded - kernel) // stride + 1


def pad(x, padding):
    """Surround the last two axes of ``x`` with ``padding`` rows and columns of zeros.

    ``x`` is one 2-D image ``(H, W)`` or a batch ``(N, C, H, W)``; ``padding`` is a
    whole number or a pair ``(rows, columns)``. The result has shape
    ``(..., H + 2 * rows, W + 2 * columns)``.

    Examples
    --------
    >>> pad([[1, 2]], 1).tolist()
    [[0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    """
    x = as_float_array(x, "x")
    if x.ndim not in (2, 4):
        raise ValueError(f"x must be a 2-D image (H, W) or a 4-D batch (N, C, H, W), got shape {x.shape}")
    ph, pw = _pair(padding, "padding", 0)
    return np.pad(x, [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)])


def _check_2d(a, name):
    a = as_float_array(a, name)
    if a.ndim != 2 or a.size == 0:
        raise ValueError(f"{name} must be a non-empty 2-D array (rows, columns), got shape {a.shape}")
    return a


# --8<-- [start:conv2d]
def conv2d(image, kernel, stride=1, padding=0):
    """Slide ``kernel`` over ``image``; at each stop, multiply and add up.

    ``out[i, j] = sum over u, v of padded[i * stride + u, j * stride + v] * kernel[u, v]``
    (cross-correlation: the kernel is not flipped, as in deep learning).

    Examples
    --------
    >>> conv2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 0], [0, -1]]).tolist()
    [[-4.0, -4.0], [-4.0, -4.0]]
    """
    image, kernel = _check_2d(image, "image"), _check_2d(kernel, "kernel")
    kh, kw = kernel.shape
    out_h = conv_output_size(image.shape[0], kh, padding, stride)  # how many stops fit down
    out_w = conv_output_size(image.shape[1], kw, padding, stride)  # ... and across
    padded = pad(image, padding)
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            top, left = i * stride, j * stride
            patch = padded[top : top + kh, left : left + kw]  # the pixels under the kernel
            out[i, j] = np.sum(patch * kernel)
    return out
    # --8<-- [end:conv2d]


def _check_batch(x, weight, bias, stride, padding):
    """Check the NCHW arguments; return them as float arrays and the output size."""
    x, weight = as_float_array(x, "x"), as_float_array(weight, "weight")
    if x.ndim != 4 or x.size == 0:
        raise ValueError(f"x must be a non-empty 4-D batch (N, C_in, H, W), got shape {x.shape}")
    if weight.ndim != 4 or weight.size == 0:
        raise ValueError(f"weight must be a non-empty 4-D array (C_out, C_in, kH, kW), got shape {weight.shape}")
    if x.shape[1] != weight.shape[1]:
        raise ValueError(
            f"x has {x.shape[1]} channels but weight expects C_in = {weight.shape[1]} "
            f"(x: {x.shape}, weight: {weight.shape})"
        )
    if bias is not None:
        bias = as_float_array(bias, "bias")
        if bias.shape != (weight.shape[0],):
            raise ValueError(f"bias must have shape (C_out,) = ({weight.shape[0]},), got {bias.shape}")
    stride, padding = _pair(stride, "stride", 1), _pair(padding, "padding", 0)
    out_size = tuple(conv_output_size(x.shape[2 + a], weight.shape[2 + a], padding[a], stride[a]) for a in (0, 1))
    return x, weight, bias, stride, padding, out_size


def _windows(x_padded, kernel_size, stride, out_size):
    """Every kernel-sized patch at every stop: ``(N, C, out_h, out_w, kH, kW)``, a view, no copy."""
    (sh, sw), (oh, ow) = stride, out_size
    windows = sliding_window_view(x_padded, kernel_size, axis=(2, 3))
    return windows[:, :, : sh * (oh - 1) + 1 : sh, : sw * (ow - 1) + 1 : sw]


# --8<-- [start:conv2d_batch]
def conv2d_batch(x, weight, bias=None, stride=1, padding=0):
    """Many kernels over many images at once (NCHW), equal to ``torch.nn.functional.conv2d``.

    ``out[n, o, i, j] = bias[o] + sum over c, u, v of
    padded[n, c, i * stride + u, j * stride + v] * weight[o, c, u, v]``

    Examples
    --------
    >>> x = np.arange(9.0).reshape(1, 1, 3, 3)
    >>> conv2d_batch(x, np.ones((2, 1, 2, 2)), bias=[0.0, 100.0])[0].tolist()
    [[[8.0, 12.0], [20.0, 24.0]], [[108.0, 112.0], [120.0, 124.0]]]
    """
    x, weight, bias, stride, padding, out_size = _check_batch(x, weight, bias, stride, padding)
    windows = _windows(pad(x, padding), weight.shape[2:], stride, out_size)
    # sum over in-channels c and kernel rows/columns u, v: (N, out_h, out_w, C_out)
    out = np.tensordot(windows, weight, axes=([1, 4, 5], [1, 2, 3]))
    out = out.transpose(0, 3, 1, 2)  # back to (N, C_out, out_h, out_w)
    if bias is not None:
        out = out + bias[:, None, None]
    return np.ascontiguousarray(out)
    # --8<-- [end:conv2d_batch]


# --8<-- [start:conv2d_batch_backward]
def conv2d_batch_backward(grad_out, x, weight, stride=1, padding=0):
    """The gradients of a loss with respect to ``x``, ``weight`` and ``bias``, given ``grad_out``.

    Each input pixel helped make every output it was under the kernel for, so it
    collects ``grad_out * weight`` from each of them; each weight collects
    ``grad_out * pixel`` over every stop and image; the bias collects ``grad_out``:

    ``grad_weight[o, c, u, v] = sum over n, i, j of
    grad_out[n, o, i, j] * padded[n, c, i * stride + u, j * stride + v]``

    ``grad_bias[o] = sum over n, i, j of grad_out[n, o, i, j]``

    Returns ``(grad_x, grad_weight, grad_bias)``, shaped like ``x``, ``weight`` and
    ``(C_out,)``; they equal PyTorch autograd's for ``conv2d_batch``.

    Examples
    --------
    >>> x, w = np.arange(9.0).reshape(1, 1, 3, 3), np.ones((1, 1, 2, 2))
    >>> grad_x, grad_w, grad_b = conv2d_batch_backward(np.ones((1, 1, 2, 2)), x, w)
    >>> grad_x[0, 0].tolist(), grad_w[0, 0].tolist(), grad_b.tolist()
    ([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]], [[8.0, 12.0], [20.0, 24.0]], [4.0])
    """
    x, weight, _, stride, padding, out_size = _check_batch(x, weight, None, stride, padding)
    grad_out = as_float_array(grad_out, "grad_out")
    expected = (x.shape[0], weight.shape[0], *out_size)
    if grad_out.shape != expected:
        raise ValueError(f"grad_out must have the output's shape {expected}, got {grad_out.shape}")
    (sh, sw), (ph, pw), (oh, ow) = stride, padding, out_size
    kh, kw = weight.shape[2:]
    x_padded = pad(x, padding)

    grad_bias = grad_out.sum(axis=(0, 2, 3))
    windows = _windows(x_padded, (kh, kw), stride, out_size)
    grad_weight = np.tensordot(grad_out, windows, axes=([0, 2, 3], [0, 2, 3]))  # (C_out, C_in, kH, kW)

    # what each stop sends back to the pixels under it: (N, out_h, out_w, C_in, kH, kW)
    sent = np.tensordot(grad_out, weight, axes=([1], [0]))
    grad_padded = np.zeros_like(x_padded)
    for u in range(kh):  # add kernel cell (u, v)'s share to the pixels it touched
        for v in range(kw):
            rows, cols = slice(u, u + sh * (oh - 1) + 1, sh), slice(v, v + sw * (ow - 1) + 1, sw)
            grad_padded[:, :, rows, cols] += sent[:, :, :, :, u, v].transpose(0, 3, 1, 2)
    grad_x = grad_padded[:, :, ph : ph + x.shape[2], pw : pw + x.shape[3]]  # the zero border had no input
    return np.ascontiguousarray(grad_x), grad_weight, grad_bias
    # --8<-- [end:conv2d_batch_backward]
