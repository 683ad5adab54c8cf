"""Weight initialisation: the random numbers a network starts from.

A network must start from *different* random weights, or every neuron in a
layer would compute the same thing and learn the same thing. How big those
random numbers are matters too: too big and signals explode as they pass
through the layers, too small and they fade away.

Every function here returns a weight matrix of shape ``(n_out, n_in)``, the
layout PyTorch's ``nn.Linear`` uses: one row per neuron, one column per input.

- ``xavier_*`` (Glorot & Bengio, 2010) keep the signal's spread about the same
  forwards and backwards; made for sigmoid and tanh layers. They equal
  ``torch.nn.init.xavier_uniform_`` and ``xavier_normal_`` (with ``gain=1``).
- ``he_*`` (He et al., 2015) are made for ReLU layers, which zero about half
  their inputs, so they use twice the variance and look only at ``n_in``
  ("fan-in"). They equal ``torch.nn.init.kaiming_uniform_`` and
  ``kaiming_normal_`` with ``nonlinearity="relu"`` and ``mode="fan_in"``.
"""

import numbers

import numpy as np


def _check_args(n_in, n_out, rng):
    """Check the layer sizes and return a ``numpy.random.Generator``."""
    for name, n in (("n_in", n_in), ("n_out", n_out)):
        if isinstance(n, bool) or not isinstance(n, numbers.Integral):
            raise TypeError(f"{name} must be a whole number, got {n!r}")
        if n < 1:
            raise ValueError(f"{name} must be at least 1, got {n}")
    return _as_generator(rng)


def _as_generator(rng):
    """Turn ``None``, a seed (int) or a Generator into a ``numpy.random.Generator``."""
    if rng is None or isinstance(rng, np.random.Generator):
        return np.random.default_rng(rng)
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        return np.random.default_rng(rng)
    raise TypeError(f"rng must be a numpy.random.Generator, a seed (int) or None, got {rng!r}")


# --8<-- [start:uniform]
def uniform(n_in, n_out, a=0.05, rng=None):
    """Weights drawn evenly from the interval ``[-a, a)``.

    The simplest choice: every number in the interval is equally likely.
    It ignores the layer's size, which is why the Xavier and He rules below
    usually work better.

    Parameters
    ----------
    n_in : int
        Inputs per neuron (the number of columns).
    n_out : int
        Neurons in the layer (the number of rows).
    a : float, optional
        Half the width of the interval, at least 0.
    rng : numpy.random.Generator or int, optional
        Where the random numbers come from; the same generator state (or the
        same seed) gives the same weights. A fresh, unseeded one if not given.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_out, n_in)``, float64.

    Raises
    ------
    ValueError
        If ``n_in`` or ``n_out`` is less than 1, or ``a`` is negative.
    TypeError
        If a size is not a whole number, ``a`` is not a number, or ``rng``
        is not a Generator, a seed or None.

    Examples
    --------
    >>> W = uniform(3, 2, a=0.1, rng=np.random.default_rng(0))
    >>> W.shape
    (2, 3)
    >>> bool((abs(W) <= 0.1).all())
    True
    """
    rng = _check_args(n_in, n_out, rng)
    if isinstance(a, bool) or not isinstance(a, numbers.Real):
        raise TypeError(f"a must be a number, got {a!r}")
    if not a >= 0:
        raise ValueError(f"a must be at least 0, got {a!r}")
    return rng.uniform(-a, a, size=(n_out, n_in))
# --8<-- [end:uniform]


# --8<-- [start:xavier]
def xavier_uniform(n_in, n_out, rng=None):
    """Xavier (Glorot) uniform: evenly from ``[-limit, limit)``, ``limit = sqrt(6 / (n_in + n_out))``.

    Parameters
    ----------
    n_in : int
        Inputs per neuron (the number of columns).
    n_out : int
        Neurons in the layer (the number of rows).
    rng : numpy.random.Generator or int, optional
        Where the random numbers come from; the same seed gives the same weights.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_out, n_in)``, float64, variance ``2 / (n_in + n_out)``.

    Raises
    ------
    ValueError
        If ``n_in`` or ``n_out`` is less than 1.
    TypeError
        If a size is not a whole number or ``rng`` is not a Generator, a seed or None.

    Examples
    --------
    >>> W = xavier_uniform(4, 2, rng=0)
    >>> W.shape
    (2, 4)
    >>> bool((abs(W) < np.sqrt(6 / (4 + 2))).all())
    True
    """
    rng = _check_args(n_in, n_out, rng)
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, size=(n_out, n_in))


def xavier_normal(n_in, n_out, rng=None):
    """Xavier (Glorot) normal: a bell curve around 0 with ``std = sqrt(2 / (n_in + n_out))``.

    Parameters
    ----------
    n_in : int
        Inputs per neuron (the number of columns).
    n_out : int
        Neurons in the layer (the number of rows).
    rng : numpy.random.Generator or int, optional
        Where the random numbers come from; the same seed gives the same weights.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_out, n_in)``, float64.

    Raises
    ------
    ValueError
        If ``n_in`` or ``n_out`` is less than 1.
    TypeError
        If a size is not a whole number or ``rng`` is not a Generator, a seed or None.

    Examples
    --------
    >>> W = xavier_normal(400, 600, rng=0)
    >>> round(float(W.std()), 2), round(float(np.sqrt(2 / (400 + 600))), 2)
    (0.04, 0.04)
    """
    rng = _check_args(n_in, n_out, rng)
    std = np.sqrt(2.0 / (n_in + n_out))
    return rng.normal(0.0, std, size=(n_out, n_in))
# --8<-- [end:xavier]


# --8<-- [start:he]
def he_uniform(n_in, n_out, rng=None):
    """He (Kaiming) uniform, for ReLU: evenly from ``[-limit, limit)``, ``limit = sqrt(6 / n_in)``.

    Parameters
    ----------
    n_in : int
        Inputs per neuron (the number of columns, the "fan-in").
    n_out : int
        Neurons in the layer (the number of rows).
    rng : numpy.random.Generator or int, optional
        Where the random numbers come from; the same seed gives the same weights.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_out, n_in)``, float64, variance ``2 / n_in``.

    Raises
    ------
    ValueError
        If ``n_in`` or ``n_out`` is less than 1.
    TypeError
        If a size is not a whole number or ``rng`` is not a Generator, a seed or None.

    Examples
    --------
    >>> W = he_uniform(6, 3, rng=0)
    >>> W.shape
    (3, 6)
    >>> bool((abs(W) < 1.0).all())   # limit = sqrt(6 / 6) = 1
    True
    """
    rng = _check_args(n_in, n_out, rng)
    limit = np.sqrt(6.0 / n_in)
    return rng.uniform(-limit, limit, size=(n_out, n_in))


def he_normal(n_in, n_out, rng=None):
    """He (Kaiming) normal, for ReLU: a bell curve around 0 with ``std = sqrt(2 / n_in)``.

    Parameters
    ----------
    n_in : int
        Inputs per neuron (the number of columns, the "fan-in").
    n_out : int
        Neurons in the layer (the number of rows).
    rng : numpy.random.Generator or int, optional
        Where the random numbers come from; the same seed gives the same weights.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_out, n_in)``, float64.

    Raises
    ------
    ValueError
        If ``n_in`` or ``n_out`` is less than 1.
    TypeError
        If a size is not a whole number or ``rng`` is not a Generator, a seed or None.

    Examples
    --------
    >>> W = he_normal(200, 1000, rng=0)
    >>> round(float(W.std()), 2), round(float(np.sqrt(2 / 200)), 2)
    (0.1, 0.1)
    """
    rng = _check_args(n_in, n_out, rng)
    std = np.sqrt(2.0 / n_in)
    return rng.normal(0.0, std, size=(n_out, n_in))
# --8<-- [end:he]
