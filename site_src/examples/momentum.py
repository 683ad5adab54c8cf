"""A ball rolling down a ravine: SGD with momentum, and why it keeps its speed.

The story of "Momentum" (docs/training/momentum.md). On a constant slope ``SLOPE``,
``SGD(lr=LR_SLOPE, momentum=MU)`` speeds up until each step is ``lr * g / (1 - mu)``.
On the ravine of ``site_src.examples.surfaces`` (from ``RAVINE_START``), plain SGD
(learning rate ``SGD_LR``) and SGD with momentum (``MOMENTUM_LR``, ``MU``) take
``RAVINE_STEPS`` steps; Nesterov's look-ahead is compared with plain momentum at ``MOMENTUM_LR``.
"""

import numpy as np

from site_src._checks import at_least, in_interval, positive
from site_src.examples.surfaces import RAVINE_START, path, ravine_grad
from site_src.optimizers import SGD

MU = 0.9  # the momentum nearly everyone starts with
SLOPE = 1.0  # a constant slope: the same gradient at every step
LR_SLOPE = 0.1
SLOPE_STEPS = (1, 2, 3, 10, 20, 50)  # the steps whose length the chapter lists
SGD_LR = 0.18  # just under 0.2, above which plain SGD blows up across the ravine
MOMENTUM_LR = 0.05  # less than a third of SGD's: the ball speeds itself up
RAVINE_STEPS = 40
RAVINE_REPORT = (10, 20, 40)  # the steps whose loss the chapter lists


def step_lengths(lr=LR_SLOPE, mu=MU, g=SLOPE, steps=max(SLOPE_STEPS)):  # noqa: B008 (a constant)
    """How far ``SGD(lr, momentum=mu)`` moves at each step on a constant slope ``g``.

    Examples
    --------
    >>> [round(s, 4) for s in step_lengths(steps=3)]    # 0.1, then 0.1 * 1.9, then 0.1 * 2.71
    [0.1, 0.19, 0.271]
    """
    at_least(steps, "steps", 1)
    theta = np.array([0.0])
    opt = SGD(lr=lr, momentum=mu)
    lengths = []
    for _ in range(steps):
        before = theta[0]
        opt.step([theta], [np.array([g])])
        lengths.append(float(before - theta[0]))
    return lengths


def top_speed(lr, mu, g):
    """The step length momentum settles to on a constant slope: ``lr * g / (1 - mu)``.

    Examples
    --------
    >>> round(top_speed(0.1, 0.9, 1.0), 12)
    1.0
    """
    positive(lr, "lr")
    in_interval(mu, "mu", 0, 1)
    return lr * g / (1 - mu)


# --8<-- [start:textbook]
def textbook_momentum(grad, start, lr, mu, steps):
    """Momentum as many textbooks write it: ``v <- mu * v - lr * g``, then ``theta <- theta + v``.

    Examples
    --------
    >>> textbook_momentum(lambda x, y: np.array([1.0, 0.0]), (0.0, 0.0), 0.1, 0.9, 2)[:, 0].round(6).tolist()
    [0.0, -0.1, -0.29]
    """
    theta = np.array(start, dtype=np.float64)
    v = np.zeros_like(theta)  # the velocity: where the ball is heading
    points = [theta.copy()]
    for _ in range(steps):
        v = mu * v - lr * grad(*theta)
        theta = theta + v
        points.append(theta.copy())
    return np.array(points)
    # --8<-- [end:textbook]


def ravine_paths(steps=RAVINE_STEPS, sgd_lr=SGD_LR, lr=MOMENTUM_LR, mu=MU):
    """Plain SGD and SGD with momentum on the ravine: ``{name: path}``.

    Examples
    --------
    >>> {name: p.shape for name, p in ravine_paths(steps=3).items()}
    {'plain SGD': (4, 2), 'momentum': (4, 2)}
    """
    return {
        "plain SGD": path(SGD(lr=sgd_lr), ravine_grad, RAVINE_START, steps),
        "momentum": path(SGD(lr=lr, momentum=mu), ravine_grad, RAVINE_START, steps),
    }


def nesterov_paths(lr=MOMENTUM_LR, steps=RAVINE_STEPS, mu=MU):
    """Plain momentum and Nesterov momentum on the ravine: ``{name: path}``."""
    return {
        "momentum": path(SGD(lr=lr, momentum=mu), ravine_grad, RAVINE_START, steps),
        "Nesterov": path(SGD(lr=lr, momentum=mu, nesterov=True), ravine_grad, RAVINE_START, steps),
    }


def sign_flips(values):
    """How many times a list of numbers changes sign from one to the next (how often a path zig-zags).

    Examples
    --------
    >>> sign_flips([1.0, -0.5, 0.2, 0.1])
    2
    """
    signs = np.sign(values)
    return int(np.sum(signs[1:] != signs[:-1]))
