"""Gradient checking: test a hand-written gradient against a slow, sure one.

The slope of ``f`` at ``x`` can be estimated without any calculus: nudge ``x``
up by a tiny ``h``, nudge it down by ``h``, and see how much ``f`` changed:

    ``df/dx  ~  (f(x + h) - f(x - h)) / (2 * h)``   (the **central difference**)

Doing this for every number in ``x`` is slow (two calls of ``f`` per number),
so networks never train this way, but it is a great referee: if a
backpropagation gradient disagrees with it, the backpropagation is wrong.
"""

import numpy as np

from site_src import _checks


# --8<-- [start:numerical_gradient]
def numerical_gradient(f, x, h=1e-6):
    """Estimate the gradient of ``f`` at ``x`` by nudging one number at a time.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns one number.
    x : array_like
        Where to measure the slope (any shape). It is not changed.
    h : float, optional
        The nudge size. Too big and the estimate bends with the curve; too
        small and floating-point round-off swamps it. ``1e-6`` suits float64.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``: the estimated d f / d x for every number in ``x``.

    Raises
    ------
    ValueError
        If ``h`` is not positive or ``f`` does not return a single number.
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> f = lambda x: np.sum(x ** 2)         # the true gradient is 2 * x
    >>> numerical_gradient(f, [1.0, -3.0]).round(6).tolist()
    [2.0, -6.0]
    """
    _checks.positive(h, "h (the nudge size)")
    x = _checks.as_float_array(x, "x")  # a float copy, so the caller's x is never changed
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        original = x[i]
        x[i] = original + h
        f_plus = _checks.returns_one_number(f(x), "f")
        x[i] = original - h
        f_minus = _checks.returns_one_number(f(x), "f")
        x[i] = original  # put it back before nudging the next number
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
    # --8<-- [end:numerical_gradient]


# --8<-- [start:check_gradient]
def check_gradient(f, grad, x, h=1e-6, floor=1.0):
    """The largest relative error between a gradient and the central-difference estimate.

    For each number the error is ``|g - n| / max(|g|, |n|, floor)``, where ``g``
    is the gradient to check and ``n`` the estimate. For big gradients that is
    the relative error; where both are smaller than ``floor`` it becomes the
    plain difference divided by ``floor``, so tiny round-off on a gradient
    that should be 0 does not look like a 100 % error. Around ``1e-7`` or less
    means the gradient is right.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns one number.
    grad : callable or array_like
        The gradient to check: a function of ``x``, or the gradient already
        computed at ``x``.
    x : array_like
        Where to compare.
    h : float, optional
        The nudge size for ``numerical_gradient``.
    floor : float, optional
        The smallest denominator, greater than 0.

    Returns
    -------
    float
        The largest error over all numbers in ``x``.

    Raises
    ------
    ValueError
        If the gradient's shape differs from ``x``'s, or ``h`` or ``floor`` is not positive.
    TypeError
        If ``x`` or the gradient is not numeric.

    Examples
    --------
    >>> f = lambda x: np.sum(np.sin(x))
    >>> x = np.array([0.1, 1.0, 2.0])
    >>> check_gradient(f, np.cos, x) < 1e-8      # right: d sin(x)/dx = cos(x)
    True
    >>> round(check_gradient(f, np.sin, x), 2)    # wrong gradient, big error
    1.33
    """
    x = _checks.as_float_array(x, "x")
    _checks.positive(floor, "floor")
    g = _checks.as_float_array(grad(x.copy()) if callable(grad) else grad, "grad")
    _checks.shaped_like(g, "grad", x, "x")
    n = numerical_gradient(f, x, h)
    scale = np.maximum(np.maximum(np.abs(g), np.abs(n)), floor)
    return float(np.max(np.abs(g - n) / scale, initial=0.0))
    # --8<-- [end:check_gradient]
