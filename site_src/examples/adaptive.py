"""A step size for every weight: Adagrad, RMSprop and Adadelta on steady and changing slopes.

The story of "Adaptive learning rates: Adagrad, RMSprop, Adadelta"
(docs/training/adaptive.md). One weight is pushed by a slope that stays at 1 for
``max(REPORT_STEPS)`` steps (``steady``), or that is 10 for ``LOUD_STEPS`` steps and then
0.1 for ``QUIET_STEPS`` steps (``loud_then_quiet``). ``OPTIMIZERS`` holds the three
optimizers with the settings the chapter uses: Adagrad with ``lr=0.1``, RMSprop and
Adadelta with PyTorch's defaults. The first Adagrad step on the ravine of
``site_src.examples.surfaces`` shows one step size per weight.
"""

import numpy as np

from site_src.examples.surfaces import RAVINE_START, path, ravine_grad
from site_src.optimizers import SGD, Adadelta, Adagrad, RMSprop

LR = 0.1  # Adagrad's learning rate here (PyTorch's default is 0.01)
OPTIMIZERS = {
    "Adagrad": lambda: Adagrad(lr=LR),
    "RMSprop": lambda: RMSprop(),  # PyTorch's defaults: lr=0.01, alpha=0.99
    "Adadelta": lambda: Adadelta(),  # PyTorch's defaults: lr=1.0, rho=0.9, eps=1e-6
}
REPORT_STEPS = (1, 2, 10, 100, 1000)
LOUD, QUIET = 10.0, 0.1
LOUD_STEPS, QUIET_STEPS = 100, 1000
SWITCH_REPORT = (100, 101, 200, 600, 1100)  # the steps the chapter lists, after the slope drops at step 101


def steady(steps=max(REPORT_STEPS), g=1.0):  # noqa: B008 (a constant: computed once)
    """A slope that never changes: ``steps`` gradients equal to ``g``."""
    return np.full(steps, g)


def loud_then_quiet():
    """A slope of 10 for 100 steps, then 0.1 for 1,000 steps.

    Examples
    --------
    >>> g = loud_then_quiet()
    >>> len(g), float(g[99]), float(g[100])
    (1100, 10.0, 0.1)
    """
    return np.concatenate([np.full(LOUD_STEPS, LOUD), np.full(QUIET_STEPS, QUIET)])


def step_lengths(optimizer, gradients):
    """How far one weight moves at each step when ``optimizer`` is fed ``gradients``, one per step.

    Examples
    --------
    >>> step_lengths(Adagrad(lr=0.1), [1.0, 1.0, 1.0, 1.0]).round(4).tolist()   # 0.1 / sqrt(t)
    [0.1, 0.0707, 0.0577, 0.05]
    """
    theta = np.array([0.0])
    lengths = []
    for g in gradients:
        before = theta[0]
        optimizer.step([theta], [np.array([g])])
        lengths.append(before - theta[0])
    return np.array(lengths)


def all_lengths(gradients):
    """``{name: step lengths}`` for the three optimizers of ``OPTIMIZERS``, each new."""
    return {name: step_lengths(make(), gradients) for name, make in OPTIMIZERS.items()}


def learning_rate(name):
    """The ``lr`` the chapter gives optimizer ``name``, to measure its steps against."""
    return OPTIMIZERS[name]().lr


def first_step_on_the_ravine(lr=LR):
    """How far SGD and Adagrad (same ``lr``) move ``x`` and ``y`` in their first step on the ravine.

    Examples
    --------
    >>> {name: move.round(6).tolist() for name, move in first_step_on_the_ravine().items()}
    {'SGD': [0.08, -1.0], 'Adagrad': [0.1, -0.1]}
    """
    moves = {}
    for name, optimizer in (("SGD", SGD(lr=lr)), ("Adagrad", Adagrad(lr=lr))):
        points = path(optimizer, ravine_grad, RAVINE_START, 1)
        moves[name] = points[1] - points[0]
    return moves
