"""Regularization: ways to stop a network from learning its examples by heart.

**Dropout** switches off a random share of the neurons at every training
step, so no neuron can count on one particular partner being there; the
network has to spread what it knows. At test time every neuron works.

This is *inverted* dropout, what PyTorch does (``torch.nn.functional.dropout``):

- ``p`` is the probability to **drop** a number (PyTorch's meaning; some
  books and Keras' old ``keep_prob`` use the chance to keep it), in ``[0, 1)``;
  PyTorch's default is 0.5.
- The numbers that survive are multiplied by ``1 / (1 - p)`` during
  training, so on average the output equals the input, and nothing needs
  rescaling at test time.
- When not training, or when ``p == 0``, the output is an unchanged copy.

Arrays come in (any shape, numbers) and float64 arrays come out. ``rng`` is a
``numpy.random.Generator``, a seed (int) or None (a fresh, unseeded one): the same
seed gives the same dropped positions. PyTorch draws its random numbers its own
way, so the *positions* differ from PyTorch's; the rule and the scale are the same.
A bad ``p`` raises ``ValueError``; numbers that are not numbers raise ``TypeError``.
"""

import numpy as np

from site_src._checks import as_float_array, generator, in_interval

__all__ = ["dropout", "dropout_mask"]


def _check_p(p):
    return in_interval(p, "p (the probability to drop)", 0, 1)


def _check_training(training):
    if not isinstance(training, (bool, np.bool_)):
        raise ValueError(f"training must be True or False, got {training!r}")
    return bool(training)


# --8<-- [start:dropout_mask]
def dropout_mask(shape, p, rng=None):
    """The mask dropout multiplies by: 0 with probability ``p``, else ``1 / (1 - p)``.

    ``mask = (u >= p) / (1 - p)`` with ``u`` drawn evenly from ``[0, 1)``.

    Examples
    --------
    >>> dropout_mask(4, p=0.5, rng=1).tolist()       # 1 / (1 - 0.5) = 2
    [2.0, 2.0, 0.0, 2.0]
    """
    p = _check_p(p)
    if p == 0:
        return np.ones(shape)
    u = generator(rng).random(shape)  # one random number in [0, 1) per position
    keep = u >= p  # True with probability 1 - p
    return keep / (1 - p)  # survivors grow, so the average stays the same
    # --8<-- [end:dropout_mask]


# --8<-- [start:dropout]
def dropout(x, p=0.5, training=True, rng=None):
    """Inverted dropout: drop each number with probability ``p``, scale the rest by ``1 / (1 - p)``.

    ``y = x * mask`` while training (see ``dropout_mask``); ``y = x`` otherwise.

    Examples
    --------
    >>> dropout([1.0, 2.0, 3.0, 4.0], p=0.5, rng=1).tolist()   # the mask above
    [2.0, 4.0, 0.0, 8.0]
    """
    x = as_float_array(x, "x")
    p = _check_p(p)
    if not _check_training(training) or p == 0:
        return x  # already a new array: the caller's x is never changed
    return x * dropout_mask(x.shape, p, rng)
    # --8<-- [end:dropout]
