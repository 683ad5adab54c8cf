"""Activation functions: the switch inside every neuron.

Each function works elementwise on NumPy arrays (or plain numbers) and returns
a float array. Where PyTorch has the same function, the defaults and the
values are PyTorch's.
"""

import numpy as np


def _as_float_array(x, name="x"):
    """Return ``x`` as a float64 array, or raise ``TypeError`` if it is not numeric."""
    array = np.asarray(x)
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)
    ):
        raise TypeError(f"{name} must be numbers (an int or float array), got dtype {array.dtype}")
    return array.astype(np.float64)


# --8<-- [start:step]
def step(z):
    """The step function: 1 when ``z >= 0``, else 0.

    It is the perceptron's on/off switch: "is the total big enough?".
    Equals ``torch.heaviside(z, torch.tensor(1.0))``.

    Parameters
    ----------
    z : array_like
        Numbers (any shape).

    Returns
    -------
    numpy.ndarray
        1.0 where ``z >= 0`` and 0.0 elsewhere, same shape as ``z``.

    Examples
    --------
    >>> step([-2.0, 0.0, 3.5]).tolist()
    [0.0, 1.0, 1.0]
    """
    z = _as_float_array(z, "z")
    return np.where(z >= 0, 1.0, 0.0)
# --8<-- [end:step]


def _as_real_number(value, name):
    """Return ``value`` as a Python float, or raise ``TypeError`` if it is not one real number."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number such as 0.01, got {value!r}")
    return float(value)


def _as_vectors(z, name="z"):
    """Return ``z`` as a float array of shape ``(k,)`` or ``(n, k)`` with ``k >= 1``."""
    z = _as_float_array(z, name)
    if z.ndim not in (1, 2) or z.shape[-1] == 0:
        raise ValueError(
            f"{name} must be one vector of shape (k,) or a batch of shape (n, k) with k >= 1, "
            f"got shape {z.shape}"
        )
    return z


def _check_axis(z, axis, name="z"):
    """Raise a clear ``ValueError`` unless ``axis`` names a non-empty axis of ``z``."""
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an int, got {axis!r}")
    if z.ndim == 0:
        raise ValueError(f"{name} must have at least one axis (a vector of scores), got a single number")
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis must be between {-z.ndim} and {z.ndim - 1} for {name} of shape {z.shape}, got {axis}")
    if z.shape[axis] == 0:
        raise ValueError(f"{name} must have at least one score along axis {axis}, got shape {z.shape}")


# --8<-- [start:sigmoid]
def sigmoid(x):
    """The sigmoid (logistic) function: squashes any number into (0, 1).

    ``sigmoid(x) = 1 / (1 + exp(-x))``. Big positive inputs give nearly 1,
    big negative inputs give nearly 0, and ``sigmoid(0) = 0.5``.
    Equals ``torch.sigmoid``. It never overflows, even for ``x = -1000``.

    Parameters
    ----------
    x : array_like
        Numbers (any shape).

    Returns
    -------
    numpy.ndarray
        ``1 / (1 + exp(-x))``, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> sigmoid([-1000.0, -1.0, 0.0, 1.0, 1000.0]).round(4).tolist()
    [0.0, 0.2689, 0.5, 0.7311, 1.0]
    """
    x = _as_float_array(x)
    # exp(-|x|) is never bigger than 1, so it cannot overflow.
    e = np.exp(-np.abs(x))
    # For x >= 0 this is 1 / (1 + exp(-x)); for x < 0 it is the same
    # number written as exp(x) / (1 + exp(x)).
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
# --8<-- [end:sigmoid]


# --8<-- [start:sigmoid_grad]
def sigmoid_grad(x):
    """The slope of the sigmoid: ``sigmoid(x) * (1 - sigmoid(x))``.

    It is largest (0.25) at ``x = 0`` and fades towards 0 far from 0, which
    is why deep stacks of sigmoids learn slowly (the gradient "vanishes").
    Equals what ``torch.autograd`` gives for ``torch.sigmoid``.

    Parameters
    ----------
    x : array_like
        Inputs of the sigmoid (any shape).

    Returns
    -------
    numpy.ndarray
        d sigmoid(x) / dx, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> sigmoid_grad([-2.0, 0.0, 2.0]).round(4).tolist()
    [0.105, 0.25, 0.105]
    """
    s = sigmoid(x)
    return s * (1.0 - s)
# --8<-- [end:sigmoid_grad]


# --8<-- [start:tanh]
def tanh(x):
    """The hyperbolic tangent: squashes any number into (-1, 1).

    ``tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)) = 2 * sigmoid(2 * x) - 1``:
    a sigmoid stretched to be centred on 0. Equals ``torch.tanh``.

    Parameters
    ----------
    x : array_like
        Numbers (any shape).

    Returns
    -------
    numpy.ndarray
        ``tanh(x)``, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> tanh([-1000.0, -1.0, 0.0, 1.0, 1000.0]).round(4).tolist()
    [-1.0, -0.7616, 0.0, 0.7616, 1.0]
    """
    x = _as_float_array(x)
    # NumPy's tanh is already accurate and never overflows.
    return np.tanh(x)
# --8<-- [end:tanh]


# --8<-- [start:tanh_grad]
def tanh_grad(x):
    """The slope of tanh: ``1 - tanh(x) ** 2``.

    It is largest (1) at ``x = 0`` and fades towards 0 far from 0.
    Equals what ``torch.autograd`` gives for ``torch.tanh``.

    Parameters
    ----------
    x : array_like
        Inputs of tanh (any shape).

    Returns
    -------
    numpy.ndarray
        d tanh(x) / dx, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> tanh_grad([-1.0, 0.0, 1.0]).round(4).tolist()
    [0.42, 1.0, 0.42]
    """
    t = tanh(x)
    return 1.0 - t * t
# --8<-- [end:tanh_grad]


# --8<-- [start:relu]
def relu(x):
    """The rectified linear unit: keep positive numbers, turn negative ones into 0.

    ``relu(x) = max(0, x)``. Equals ``torch.relu``.

    Parameters
    ----------
    x : array_like
        Numbers (any shape).

    Returns
    -------
    numpy.ndarray
        ``max(0, x)``, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 3.0]
    """
    x = _as_float_array(x)
    return np.maximum(0.0, x)
# --8<-- [end:relu]


# --8<-- [start:relu_grad]
def relu_grad(x):
    """The slope of ReLU: 1 for positive inputs, 0 otherwise.

    At exactly ``x = 0`` ReLU has a corner and no true slope; like PyTorch,
    we use 0 there. For negative inputs the slope is 0, so a neuron that only
    ever sees negative inputs stops learning (a "dead" ReLU).

    Parameters
    ----------
    x : array_like
        Inputs of ReLU (any shape).

    Returns
    -------
    numpy.ndarray
        1.0 where ``x > 0`` and 0.0 elsewhere, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> relu_grad([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 1.0]
    """
    x = _as_float_array(x)
    # "> 0", not ">= 0": at the corner x = 0 PyTorch uses slope 0.
    return np.where(x > 0, 1.0, 0.0)
# --8<-- [end:relu_grad]


# --8<-- [start:leaky_relu]
def leaky_relu(x, negative_slope=0.01):
    """Leaky ReLU: like ReLU, but negative numbers keep a small slope.

    ``leaky_relu(x) = x`` if ``x > 0``, else ``negative_slope * x``.
    Equals ``torch.nn.functional.leaky_relu`` (same default 0.01).

    Parameters
    ----------
    x : array_like
        Numbers (any shape).
    negative_slope : float, default 0.01
        How steep the line is for negative inputs.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``negative_slope`` is not a real number.

    Examples
    --------
    >>> leaky_relu([-2.0, 0.0, 3.0]).tolist()
    [-0.02, 0.0, 3.0]
    >>> leaky_relu([-2.0, 3.0], negative_slope=0.1).tolist()
    [-0.2, 3.0]
    """
    x = _as_float_array(x)
    negative_slope = _as_real_number(negative_slope, "negative_slope")
    # The small slope keeps a little gradient alive for negative inputs.
    return np.where(x > 0, x, negative_slope * x)
# --8<-- [end:leaky_relu]


# --8<-- [start:leaky_relu_grad]
def leaky_relu_grad(x, negative_slope=0.01):
    """The slope of leaky ReLU: 1 for positive inputs, ``negative_slope`` otherwise.

    At exactly ``x = 0`` (the corner) we use ``negative_slope``, as PyTorch does.

    Parameters
    ----------
    x : array_like
        Inputs of leaky ReLU (any shape).
    negative_slope : float, default 0.01
        How steep the line is for negative inputs.

    Returns
    -------
    numpy.ndarray
        1.0 where ``x > 0`` and ``negative_slope`` elsewhere, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``negative_slope`` is not a real number.

    Examples
    --------
    >>> leaky_relu_grad([-2.0, 0.0, 3.0]).tolist()
    [0.01, 0.01, 1.0]
    """
    x = _as_float_array(x)
    negative_slope = _as_real_number(negative_slope, "negative_slope")
    return np.where(x > 0, 1.0, negative_slope)
# --8<-- [end:leaky_relu_grad]


# --8<-- [start:elu]
def elu(x, alpha=1.0):
    """The exponential linear unit: ``x`` for positive inputs, a smooth curve below.

    ``elu(x) = x`` if ``x > 0``, else ``alpha * (exp(x) - 1)``, which bends
    smoothly down towards ``-alpha``. Equals ``torch.nn.functional.elu``
    (same default ``alpha=1.0``).

    Parameters
    ----------
    x : array_like
        Numbers (any shape).
    alpha : float, default 1.0
        The value that very negative inputs approach is ``-alpha``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``alpha`` is not a real number.

    Examples
    --------
    >>> elu([-1000.0, -1.0, 0.0, 2.0]).round(4).tolist()
    [-1.0, -0.6321, 0.0, 2.0]
    """
    x = _as_float_array(x)
    alpha = _as_real_number(alpha, "alpha")
    # np.where computes both sides, so only feed the negative part to exp
    # (no overflow for big x); expm1(x) is exp(x) - 1, accurate near 0.
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))
# --8<-- [end:elu]


# --8<-- [start:elu_grad]
def elu_grad(x, alpha=1.0):
    """The slope of ELU: 1 for positive inputs, ``alpha * exp(x)`` otherwise.

    At exactly ``x = 0`` we use ``alpha * exp(0) = alpha``, as PyTorch does
    (for the default ``alpha=1.0`` both sides agree, so there is no corner).

    Parameters
    ----------
    x : array_like
        Inputs of ELU (any shape).
    alpha : float, default 1.0
        The ``alpha`` of ``elu``.

    Returns
    -------
    numpy.ndarray
        d elu(x) / dx, same shape as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``alpha`` is not a real number.

    Examples
    --------
    >>> elu_grad([-1.0, 0.0, 2.0]).round(4).tolist()
    [0.3679, 1.0, 1.0]
    """
    x = _as_float_array(x)
    alpha = _as_real_number(alpha, "alpha")
    # exp only of the negative part, so big positive x cannot overflow.
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))
# --8<-- [end:elu_grad]


# --8<-- [start:softmax]
def softmax(z, axis=-1):
    """Softmax: turns a list of scores into probabilities that add up to 1.

    ``softmax(z)_i = exp(z_i) / sum_j exp(z_j)``. Bigger scores get bigger
    shares, every share is positive, and the shares sum to 1.
    Equals ``torch.softmax(z, dim=axis)``; stable even for scores like 1000.

    Parameters
    ----------
    z : array_like
        Scores (logits), at least one axis.
    axis : int, default -1
        The axis that holds the scores of one example (the last one by default).

    Returns
    -------
    numpy.ndarray
        Probabilities, same shape as ``z``, summing to 1 along ``axis``.

    Raises
    ------
    TypeError
        If ``z`` is not numeric or ``axis`` is not an int.
    ValueError
        If ``z`` is a single number, ``axis`` does not exist, or there are no scores.

    Examples
    --------
    >>> softmax([2.0, 1.0, 0.1]).round(4).tolist()
    [0.659, 0.2424, 0.0986]
    >>> softmax([1000.0, 1000.0]).tolist()
    [0.5, 0.5]
    """
    z = _as_float_array(z, "z")
    _check_axis(z, axis)
    # Subtracting the biggest score does not change the answer (it cancels
    # in the fraction), but it makes every exponent <= 0, so exp cannot overflow.
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
# --8<-- [end:softmax]


# --8<-- [start:softmax_jacobian]
def softmax_jacobian(z):
    """How each softmax output changes when each score changes.

    Entry ``[i, j]`` is ``d s_i / d z_j = s_i * (delta_ij - s_j)``, where
    ``s = softmax(z)`` and ``delta_ij`` is 1 when ``i == j`` and 0 otherwise.
    Every row and column sums to 0, because the probabilities always sum to 1.

    Parameters
    ----------
    z : array_like
        Scores of shape ``(k,)``, or a batch of shape ``(n, k)`` (softmax over
        the last axis).

    Returns
    -------
    numpy.ndarray
        Shape ``(k, k)`` for one vector, ``(n, k, k)`` for a batch.

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is not of shape ``(k,)`` or ``(n, k)`` with ``k >= 1``.

    Examples
    --------
    >>> softmax_jacobian([0.0, 0.0]).tolist()
    [[0.25, -0.25], [-0.25, 0.25]]
    """
    z = _as_vectors(z, "z")
    s = softmax(z, axis=-1)
    identity = np.eye(z.shape[-1])  # delta_ij
    # s_i * (delta_ij - s_j): s_i runs down the rows, s_j along the columns.
    return s[..., :, None] * (identity - s[..., None, :])
# --8<-- [end:softmax_jacobian]
