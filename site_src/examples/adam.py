"""Adam's first step, and a quiet weight beside a busy one: weight decay in Adam and in AdamW.

The story of "Adam and AdamW" (docs/training/adam.md). Adam (``lr=FIRST_LR``) takes its
first step for two weights whose gradients are ``FIRST_GRADS``, one big and one tiny.
Then two weights start at 1: the loss ignores the *quiet* one (gradient 0) and pushes the
*busy* one with ``BUSY`` and ``-BUSY`` in turn; Adam with ``weight_decay`` (L2 added to
the gradient) and AdamW (decoupled weight decay) run ``DECAY_STEPS`` steps with the same
``DECAY_LR`` and ``DECAY``.
"""

import numpy as np

from site_src._checks import at_least
from site_src.optimizers import Adam, AdamW

FIRST_LR = 0.1
FIRST_GRADS = (-5.0, 0.02)  # a big gradient and a tiny one
BETAS = (0.9, 0.999)  # PyTorch's defaults
DECAY_LR = 0.01
DECAY = 0.1  # the weight decay, lambda
BUSY = 10.0
DECAY_STEPS = 100


def first_step(grads=FIRST_GRADS, lr=FIRST_LR):
    """How far Adam moves each weight (``theta`` before minus after) in its very first step.

    Examples
    --------
    >>> [round(float(s), 6) for s in first_step()]    # about lr * sign(g), however big g is
    [-0.1, 0.1]
    """
    theta = np.ones(len(grads))
    Adam(lr=lr).step([theta], [np.array(grads, dtype=float)])
    return 1.0 - theta


def first_step_uncorrected(g, lr=FIRST_LR, betas=BETAS, eps=1e-8):
    """Adam's first step *without* the bias correction: ``lr * m1 / (sqrt(v1) + eps)``.

    Examples
    --------
    >>> round(first_step_uncorrected(1.0), 4)   # (1 - 0.9) / sqrt(1 - 0.999) times lr
    0.3162
    """
    beta1, beta2 = betas
    m1 = (1 - beta1) * g  # m starts at 0, so after one step it is only 10% of g
    v1 = (1 - beta2) * g * g  # and v only 0.1% of g**2
    return float(lr * m1 / (np.sqrt(v1) + eps))


def busy_gradient(t):
    """The gradients of the quiet and the busy weight at step ``t`` (from 1): ``(0, +10)``, ``(0, -10)``, ..."""
    return np.array([0.0, BUSY if t % 2 == 1 else -BUSY])


def decay_paths(steps=DECAY_STEPS, lr=DECAY_LR, weight_decay=DECAY):
    """The quiet and the busy weight after each step, with Adam + L2 and with AdamW: ``{name: (steps + 1, 2)}``.

    Examples
    --------
    >>> {name: p[-1].round(4).tolist() for name, p in decay_paths(steps=1).items()}
    {'Adam': [0.99, 0.99], 'AdamW': [0.999, 0.989]}
    """
    at_least(steps, "steps", 0)
    result = {}
    for name, optimizer in (
        ("Adam", Adam(lr=lr, weight_decay=weight_decay)),
        ("AdamW", AdamW(lr=lr, weight_decay=weight_decay)),
    ):
        theta = np.array([1.0, 1.0])  # [quiet, busy]
        points = [theta.copy()]
        for t in range(1, steps + 1):
            optimizer.step([theta], [busy_gradient(t)])
            points.append(theta.copy())
        result[name] = np.array(points)
    return result
