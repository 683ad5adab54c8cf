"""Pooling: shrink a feature map by keeping one number per small window.

A ``size`` by ``size`` window jumps over the picture, ``stride`` pixels at a time
(``stride`` defaults to ``size``, so the windows do not overlap), and each window
becomes one number: its largest (``"max"``), its smallest (``"min"``) or its
average (``"mean"``). A leftover border narrower than a window is dropped, as in
PyTorch's default (``ceil_mode=False``); there is no padding.

The contract, said once for the whole module:

- ``x`` is one 2-D map ``(H, W)`` or a batch ``(N, C, H, W)``; anything
  ``numpy.asarray`` accepts, numbers only; the result is a new float64 array.
- ``"max"`` equals ``torch.nn.functional.max_pool2d``, ``"mean"`` equals
  ``avg_pool2d``, and ``"min"`` equals ``-max_pool2d(-x)``; the backward equals
  PyTorch autograd's (on a tie the gradient goes to the first winner, reading the
  window row by row, as PyTorch does).
- Bad input raises ``ValueError`` saying what is allowed (a size or stride below 1
  or not a whole number, a window larger than the input, an unknown mode, the
  wrong number of dimensions) or ``TypeError`` for arrays that are not numbers.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from site_src._checks import as_float_array, one_of, positive

MODES = ("max", "min", "mean")


def _check(x, size, stride, mode):
    """Check the arguments; return ``x`` as floats, the stride and the output's (rows, columns)."""
    x = as_float_array(x, "x")
    if x.ndim not in (2, 4):
        raise ValueError(f"x must be a 2-D map (H, W) or a 4-D batch (N, C, H, W), got shape {x.shape}")
    positive(size, "size", whole=True)
    stride = size if stride is None else positive(stride, "stride", whole=True)
    one_of(mode, "mode", MODES)
    h, w = x.shape[-2:]
    if size > h or size > w:
        raise ValueError(f"the {size}x{size} window must fit inside the input's {h}x{w} rows and columns")
    return x, stride, ((h - size) // stride + 1, (w - size) // stride + 1)


def _windows(x, size, stride, out_size):
    """Every window: ``(..., out_h, out_w, size, size)``, a view of ``x``, no copy."""
    oh, ow = out_size
    windows = sliding_window_view(x, (size, size), axis=(-2, -1))
    return windows[..., : stride * (oh - 1) + 1 : stride, : stride * (ow - 1) + 1 : stride, :, :]


# --8<-- [start:pool2d]
def pool2d(x, size=2, stride=None, mode="max"):
    """Keep one number per ``size`` by ``size`` window: the max, the min or the mean.

    ``out[i, j] = max (or min, or mean) of x[i * stride + u, j * stride + v] over u, v < size``

    Examples
    --------
    >>> pool2d([[1, 2, 0, 1], [3, 4, 1, 0], [0, 1, 5, 6], [2, 2, 7, 8]]).tolist()
    [[4.0, 1.0], [2.0, 8.0]]
    """
    x, stride, out_size = _check(x, size, stride, mode)
    windows = _windows(x, size, stride, out_size)
    reduce = {"max": np.max, "min": np.min, "mean": np.mean}[mode]
    return reduce(windows, axis=(-2, -1))
    # --8<-- [end:pool2d]


# --8<-- [start:pool2d_backward]
def pool2d_backward(grad_out, x, size=2, stride=None, mode="max"):
    """The gradient of a loss with respect to ``x``, given ``grad_out`` (shaped like the pooled output).

    Max and min: each window's gradient goes to its winner only, the first one reading
    row by row on a tie. Mean: each of the ``size * size`` pixels gets ``1 / size**2``
    of it. Where windows overlap (``stride < size``), a pixel adds up what every window
    it is in sends it.

    Examples
    --------
    >>> x = [[1, 2], [4, 3]]
    >>> pool2d_backward([[10.0]], x).tolist(), pool2d_backward([[10.0]], x, mode="mean").tolist()
    ([[0.0, 0.0], [10.0, 0.0]], [[2.5, 2.5], [2.5, 2.5]])
    """
    x, stride, (oh, ow) = _check(x, size, stride, mode)
    grad_out = as_float_array(grad_out, "grad_out")
    expected = (*x.shape[:-2], oh, ow)
    if grad_out.shape != expected:
        raise ValueError(f"grad_out must have the pooled output's shape {expected}, got {grad_out.shape}")
    if mode == "mean":
        share = np.ones((oh, ow, size, size)) / size**2  # every pixel gets an equal part
    else:
        flat = _windows(x, size, stride, (oh, ow)).reshape(*expected, size * size)
        winner = (np.argmax if mode == "max" else np.argmin)(flat, axis=-1)  # first winner on a tie
        share = np.arange(size * size) == winner[..., None]  # 1 for the winner, 0 elsewhere
        share = share.reshape(*expected, size, size)
    grad_x = np.zeros_like(x)
    for u in range(size):  # add each window cell's part to the pixels it covers
        for v in range(size):
            rows, cols = slice(u, u + stride * (oh - 1) + 1, stride), slice(v, v + stride * (ow - 1) + 1, stride)
            grad_x[..., rows, cols] += grad_out * share[..., u, v]
    return grad_x
    # --8<-- [end:pool2d_backward]
