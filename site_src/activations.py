"""Activation functions: the switch inside every neuron.

Every function here takes an array (or a number, or a list of numbers) and returns a new
float64 NumPy array of the same shape. All but ``softmax`` and ``softmax_jacobian`` work
number by number (elementwise); ``softmax`` works along one axis.

Defaults and values are PyTorch's: ``sigmoid``, ``tanh``, ``relu`` equal ``torch.sigmoid``,
``torch.tanh``, ``torch.relu``; ``leaky_relu(x, negative_slope=0.01)`` and
``elu(x, alpha=1.0)`` equal ``torch.nn.functional.leaky_relu`` and ``elu``;
``softmax(z, axis=-1)`` equals ``torch.softmax(z, dim=axis)``. Each ``*_grad`` function is the
slope (the derivative with respect to the input) and equals what ``torch.autograd`` gives,
including PyTorch's choice at a corner, such as ``relu_grad(0) == 0``.

Input that is not numbers, or a setting (``negative_slope``, ``alpha``) that is not one real
number, raises ``TypeError``; a softmax axis that does not exist, or scores for
``softmax_jacobian`` that are not one vector or a batch of vectors, raise ``ValueError``.
"""

import numpy as np

from site_src import _checks


# --8<-- [start:step]
def step(z):
    """The step function: 1 when ``z >= 0``, else 0.

    The perceptron's on/off switch. Equals ``torch.heaviside(z, torch.tensor(1.0))``.

    Examples
    --------
    >>> step([-2.0, 0.0, 3.5]).tolist()
    [0.0, 1.0, 1.0]
    """
    z = _checks.as_float_array(z, "z")
    return np.where(z >= 0, 1.0, 0.0)
    # --8<-- [end:step]


# --8<-- [start:sigmoid]
def sigmoid(x):
    """The sigmoid: squashes any number into (0, 1).

    ``sigmoid(x) = 1 / (1 + exp(-x))``, written so it never overflows.

    Examples
    --------
    >>> sigmoid([-1000.0, -1.0, 0.0, 1.0, 1000.0]).round(4).tolist()
    [0.0, 0.2689, 0.5, 0.7311, 1.0]
    """
    x = _checks.as_float_array(x)
    # exp(-|x|) is never bigger than 1, so it cannot overflow.
    e = np.exp(-np.abs(x))
    # For x >= 0 this is 1 / (1 + exp(-x)); for x < 0 it is the same
    # number written as exp(x) / (1 + exp(x)).
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    # --8<-- [end:sigmoid]


# --8<-- [start:sigmoid_grad]
def sigmoid_grad(x):
    """The slope of the sigmoid.

    ``sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x))``: at most 0.25 (at 0), near 0 far from 0.

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

    ``tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)) = 2 * sigmoid(2 * x) - 1``.

    Examples
    --------
    >>> tanh([-1000.0, -1.0, 0.0, 1.0, 1000.0]).round(4).tolist()
    [-1.0, -0.7616, 0.0, 0.7616, 1.0]
    """
    x = _checks.as_float_array(x)
    # NumPy's tanh is already accurate and never overflows.
    return np.tanh(x)
    # --8<-- [end:tanh]


# --8<-- [start:tanh_grad]
def tanh_grad(x):
    """The slope of tanh.

    ``tanh'(x) = 1 - tanh(x) ** 2``: at most 1 (at 0), near 0 far from 0.

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
    """The rectified linear unit: keeps positive numbers, turns negative ones into 0.

    ``relu(x) = max(0, x)``.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 3.0]
    """
    x = _checks.as_float_array(x)
    return np.maximum(0.0, x)
    # --8<-- [end:relu]


# --8<-- [start:relu_grad]
def relu_grad(x):
    """The slope of ReLU.

    ``relu'(x) = 1`` if ``x > 0``, else 0; at the corner ``x = 0`` PyTorch uses 0.

    Examples
    --------
    >>> relu_grad([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 1.0]
    """
    x = _checks.as_float_array(x)
    # "> 0", not ">= 0": at the corner x = 0 PyTorch uses slope 0.
    return np.where(x > 0, 1.0, 0.0)
    # --8<-- [end:relu_grad]


# --8<-- [start:leaky_relu]
def leaky_relu(x, negative_slope=0.01):
    """Leaky ReLU: like ReLU, but negative numbers keep a small slope.

    ``leaky_relu(x) = x`` if ``x > 0``, else ``negative_slope * x``.

    Examples
    --------
    >>> leaky_relu([-2.0, 0.0, 3.0]).tolist()
    [-0.02, 0.0, 3.0]
    """
    x = _checks.as_float_array(x)
    negative_slope = _checks.real(negative_slope, "negative_slope")
    # The small slope keeps a little gradient alive for negative inputs.
    return np.where(x > 0, x, negative_slope * x)
    # --8<-- [end:leaky_relu]


# --8<-- [start:leaky_relu_grad]
def leaky_relu_grad(x, negative_slope=0.01):
    """The slope of leaky ReLU.

    ``leaky_relu'(x) = 1`` if ``x > 0``, else ``negative_slope`` (at ``x = 0`` too, as in PyTorch).

    Examples
    --------
    >>> leaky_relu_grad([-2.0, 0.0, 3.0]).tolist()
    [0.01, 0.01, 1.0]
    """
    x = _checks.as_float_array(x)
    negative_slope = _checks.real(negative_slope, "negative_slope")
    return np.where(x > 0, 1.0, negative_slope)
    # --8<-- [end:leaky_relu_grad]


# --8<-- [start:elu]
def elu(x, alpha=1.0):
    """The exponential linear unit: ``x`` for positive inputs, a smooth curve below.

    ``elu(x) = x`` if ``x > 0``, else ``alpha * (exp(x) - 1)``, which flattens out at ``-alpha``.

    Examples
    --------
    >>> elu([-1000.0, -1.0, 0.0, 2.0]).round(4).tolist()
    [-1.0, -0.6321, 0.0, 2.0]
    """
    x = _checks.as_float_array(x)
    alpha = _checks.real(alpha, "alpha")
    # np.where computes both sides, so only feed the negative part to exp
    # (no overflow for big x); expm1(x) is exp(x) - 1, accurate near 0.
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))
    # --8<-- [end:elu]


# --8<-- [start:elu_grad]
def elu_grad(x, alpha=1.0):
    """The slope of ELU.

    ``elu'(x) = 1`` if ``x > 0``, else ``alpha * exp(x)`` (at ``x = 0`` too, as in PyTorch).

    Examples
    --------
    >>> elu_grad([-1.0, 0.0, 2.0]).round(4).tolist()
    [0.3679, 1.0, 1.0]
    """
    x = _checks.as_float_array(x)
    alpha = _checks.real(alpha, "alpha")
    # exp only of the negative part, so big positive x cannot overflow.
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))
    # --8<-- [end:elu_grad]


# --8<-- [start:softmax]
def softmax(z, axis=-1):
    """Softmax: turns scores into probabilities that add up to 1.

    ``softmax(z)_i = exp(z_i) / sum_j exp(z_j)``, along ``axis``; stable even for scores like 1000.

    Examples
    --------
    >>> softmax([2.0, 1.0, 0.1]).round(4).tolist()
    [0.659, 0.2424, 0.0986]
    """
    z = _checks.as_float_array(z, "z")
    _checks.axis_of(z, axis)
    # Subtracting the biggest score does not change the answer (it cancels
    # in the fraction), but it makes every exponent <= 0, so exp cannot overflow.
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
    # --8<-- [end:softmax]


# --8<-- [start:softmax_jacobian]
def softmax_jacobian(z):
    """How each softmax output changes when each score changes.

    ``J[i, j] = d s_i / d z_j = s_i * (delta_ij - s_j)`` with ``s = softmax(z)``; ``z`` has shape
    ``(k,)`` (gives ``(k, k)``) or ``(n, k)`` (gives ``(n, k, k)``). Rows and columns sum to 0.

    Examples
    --------
    >>> softmax_jacobian([0.0, 0.0]).tolist()
    [[0.25, -0.25], [-0.25, 0.25]]
    """
    z = _checks.vectors(z, "z")
    s = softmax(z, axis=-1)
    identity = np.eye(z.shape[-1])  # delta_ij
    # s_i * (delta_ij - s_j): s_i runs down the rows, s_j along the columns.
    return s[..., :, None] * (identity - s[..., None, :])
    # --8<-- [end:softmax_jacobian]
