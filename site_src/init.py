"""Weight initialisation: the random numbers a network starts from.

A network must start from *different* random weights, or every neuron in a
layer would compute the same thing and learn the same thing. How big those
random numbers are matters too: too big and signals explode as they pass
through the layers, too small and they fade away.

Every function here takes ``n_in`` (inputs per neuron, the "fan-in") and ``n_out`` (neurons
in the layer), whole numbers of at least 1, and ``rng``: a ``numpy.random.Generator``, a
seed (int), or ``None`` for a fresh unseeded generator; the same seed gives the same
weights. It returns a float64 weight matrix of shape ``(n_out, n_in)``, the layout PyTorch's
``nn.Linear`` uses: one row per neuron, one column per input. A size that is not a whole
number, or an ``rng`` of another kind, raises ``TypeError``; a size below 1 raises
``ValueError``.

- ``xavier_*`` (Glorot & Bengio, 2010) keep the signal's spread about the same
  forwards and backwards; made for sigmoid and tanh layers. They equal
  ``torch.nn.init.xavier_uniform_`` and ``xavier_normal_`` (with ``gain=1``).
- ``he_*`` (He et al., 2015) are made for ReLU layers, which zero about half
  their inputs, so they use twice the variance and look only at ``n_in``
  ("fan-in"). They equal ``torch.nn.init.kaiming_uniform_`` and
  ``kaiming_normal_`` with ``nonlinearity="relu"`` and ``mode="fan_in"``.
"""

import numpy as np

from site_src import _checks


# --8<-- [start:uniform]
def uniform(n_in, n_out, a=0.05, rng=None):
    """Weights drawn evenly from the interval ``[-a, a)``, ``a >= 0``.

    The simplest choice: every number in the interval is equally likely. It ignores the
    layer's size, which is why the Xavier and He rules below usually work better.

    Examples
    --------
    >>> W = uniform(3, 2, a=0.1, rng=np.random.default_rng(0))
    >>> W.shape, bool((abs(W) <= 0.1).all())
    ((2, 3), True)
    """
    _checks.number(n_in, "n_in", low=1, whole=True)
    _checks.number(n_out, "n_out", low=1, whole=True)
    rng = _checks.generator(rng)
    _checks.number(a, "a", low=0)
    return rng.uniform(-a, a, size=(n_out, n_in))
    # --8<-- [end:uniform]


# --8<-- [start:xavier]
def xavier_uniform(n_in, n_out, rng=None):
    """Xavier (Glorot) uniform: evenly from ``[-limit, limit)``.

    ``limit = sqrt(6 / (n_in + n_out))``, so the variance is ``2 / (n_in + n_out)``.

    Examples
    --------
    >>> W = xavier_uniform(4, 2, rng=0)
    >>> W.shape, bool((abs(W) < np.sqrt(6 / (4 + 2))).all())
    ((2, 4), True)
    """
    _checks.number(n_in, "n_in", low=1, whole=True)
    _checks.number(n_out, "n_out", low=1, whole=True)
    rng = _checks.generator(rng)
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, size=(n_out, n_in))


def xavier_normal(n_in, n_out, rng=None):
    """Xavier (Glorot) normal: a bell curve around 0.

    ``std = sqrt(2 / (n_in + n_out))``.

    Examples
    --------
    >>> W = xavier_normal(400, 600, rng=0)
    >>> round(float(W.std()), 2), round(float(np.sqrt(2 / (400 + 600))), 2)
    (0.04, 0.04)
    """
    _checks.number(n_in, "n_in", low=1, whole=True)
    _checks.number(n_out, "n_out", low=1, whole=True)
    rng = _checks.generator(rng)
    std = np.sqrt(2.0 / (n_in + n_out))
    return rng.normal(0.0, std, size=(n_out, n_in))
    # --8<-- [end:xavier]


# --8<-- [start:he]
def he_uniform(n_in, n_out, rng=None):
    """He (Kaiming) uniform, for ReLU: evenly from ``[-limit, limit)``.

    ``limit = sqrt(6 / n_in)``, so the variance is ``2 / n_in``.

    Examples
    --------
    >>> W = he_uniform(6, 3, rng=0)
    >>> W.shape, bool((abs(W) < 1.0).all())   # limit = sqrt(6 / 6) = 1
    ((3, 6), True)
    """
    _checks.number(n_in, "n_in", low=1, whole=True)
    _checks.number(n_out, "n_out", low=1, whole=True)
    rng = _checks.generator(rng)
    limit = np.sqrt(6.0 / n_in)
    return rng.uniform(-limit, limit, size=(n_out, n_in))


def he_normal(n_in, n_out, rng=None):
    """He (Kaiming) normal, for ReLU: a bell curve around 0.

    ``std = sqrt(2 / n_in)``.

    Examples
    --------
    >>> W = he_normal(200, 1000, rng=0)
    >>> round(float(W.std()), 2), round(float(np.sqrt(2 / 200)), 2)
    (0.1, 0.1)
    """
    _checks.number(n_in, "n_in", low=1, whole=True)
    _checks.number(n_out, "n_out", low=1, whole=True)
    rng = _checks.generator(rng)
    std = np.sqrt(2.0 / n_in)
    return rng.normal(0.0, std, size=(n_out, n_in))
    # --8<-- [end:he]
