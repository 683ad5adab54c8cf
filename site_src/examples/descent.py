"""One dial rolling down a valley: gradient descent on the loss ``(w - 3)**2``.

The story of "The gradient of the loss" (docs/learning/gradient.md): a robot with a
single dial ``w`` whose right setting is 3. Its figures draw the slope at
``TANGENT_POINTS`` and ``STEPS`` steps from ``START`` for each of the learning rates
``RATES``; its clip rolls three balls ``CLIP_STEPS`` steps with ``CLIP_RATES``.

With two dials, its map figure walks down a round ``bowl`` (``descend_2d``) and down the
ravine and the saddle of ``site_src.examples.surfaces`` (``map_paths``); the learning-rate
widget (``WIDGET_*``, built by scripts/hooks/widgets.py) steps the one dial and the bowl at once.

The losses and the descents take and give floats (or NumPy arrays, for the losses); a
learning rate ``lr`` that is not above 0, or ``steps`` that is not a whole number of at
least 0, raises ``ValueError``.
"""

import numpy as np

from site_src._checks import at_least, positive
from site_src.examples import surfaces

START = 0.0  # every descent starts with the dial at 0
RATES = (0.02, 0.3, 0.8, 1.05)  # too small, good, big (zig-zags but lands), too big (blows up)
STEPS = 10  # steps in the learning-rate figure
CLIP_RATES = (0.02, 0.3, 1.05)  # the clip's three balls: too small, good, too big
CLIP_STEPS = 8
TANGENT_POINTS = (0.0, 1.5, 3.0, 4.5)  # where the gradient figure draws the slope


# --8<-- [start:parabola]
def parabola_loss(w, target=3.0):
    """The simplest loss with one weight: ``(w - target) ** 2``, 0 when the dial is right.

    Examples
    --------
    >>> parabola_loss(0.0), parabola_loss(3.0), parabola_loss(4.5)
    (9.0, 0.0, 2.25)
    """
    return (w - target) ** 2


def parabola_loss_grad(w, target=3.0):
    """The slope of ``parabola_loss`` at ``w``: ``2 * (w - target)``.

    Examples
    --------
    >>> parabola_loss_grad(0.0), parabola_loss_grad(3.0), parabola_loss_grad(4.5)
    (-6.0, 0.0, 3.0)
    """
    return 2.0 * (w - target)
    # --8<-- [end:parabola]


# --8<-- [start:descend]
def descend(grad, w, lr, steps):
    """Gradient descent on one number: ``steps`` times, ``w <- w - lr * grad(w)``; every ``w`` on the way.

    Examples
    --------
    >>> [round(w, 3) for w in descend(parabola_loss_grad, 0.0, lr=0.1, steps=3)]
    [0.0, 0.6, 1.08, 1.464]
    """
    positive(lr, "lr (the learning rate)")
    at_least(steps, "steps", 0)
    path = [float(w)]
    for _ in range(steps):
        w = w - lr * grad(w)  # minus: step against the slope, downhill
        path.append(float(w))
    return path
    # --8<-- [end:descend]


def paths(rates=RATES, steps=STEPS, start=START):
    """For each learning rate, the dial at the start and after each step: ``{lr: [w0, w1, ...]}``.

    Examples
    --------
    >>> [round(w, 2) for w in paths()[0.3][:3]]
    [0.0, 1.8, 2.52]
    """
    return {lr: descend(parabola_loss_grad, start, lr=lr, steps=steps) for lr in rates}


# ---------------------------------------------------------------- two dials: maps with contour lines
# The chapter's map figure and the widget's second panel. The ravine and the saddle are the
# shared landscapes of site_src.examples.surfaces, so this chapter and the optimizer chapters
# (momentum, adaptive, choosing) walk on the same ground.

BOWL_TARGET = (3.0, 2.0)  # the lowest point of the round bowl: the right settings of the two dials
BOWL_START = (0.0, 0.0)  # both dials start at 0, as the one dial did
BOWL_LR = RATES[1]  # the good rate of the one-dial story
BOWL_STEPS = 6
MAP_LR = surfaces.RACE[0][2]["lr"]  # the rate of plain SGD, the first racer of the optimizer chapters
RAVINE_STEPS = 20
SADDLE_STEPS = 30
SADDLE_ON_RIDGE = (surfaces.SADDLE_START[0], 0.0)  # exactly on the middle line, where the pass is


def bowl(x, y):
    """A round bowl: ``(x - 3)**2 + (y - 2)**2``, lowest (0) at ``BOWL_TARGET``.

    Examples
    --------
    >>> float(bowl(0.0, 0.0)), float(bowl(3.0, 2.0))
    (13.0, 0.0)
    """
    (a, b) = BOWL_TARGET
    return (x - a) ** 2 + (y - b) ** 2


def bowl_grad(x, y):
    """The two slopes of ``bowl``: ``(2 * (x - 3), 2 * (y - 2))``.

    Examples
    --------
    >>> [float(s) for s in bowl_grad(0.0, 0.0)]
    [-6.0, -4.0]
    """
    (a, b) = BOWL_TARGET
    return np.array([2.0 * (x - a), 2.0 * (y - b)])


# --8<-- [start:descend_2d]
def descend_2d(grad, start, lr, steps):
    """Gradient descent on two dials at once: ``steps`` times, ``(x, y) <- (x, y) - lr * grad(x, y)``.

    Parameters
    ----------
    grad : callable
        ``grad(x, y)`` gives the two slopes, such as ``bowl_grad``.
    start : tuple of float
        The first point ``(x, y)``.
    lr : float
        The learning rate, greater than 0.
    steps : int
        How many steps, at least 0.

    Returns
    -------
    numpy.ndarray
        Shape ``(steps + 1, 2)``: row ``t`` is ``(x, y)`` after ``t`` steps.

    Raises
    ------
    ValueError
        If ``lr`` is not a positive number or ``steps`` is not a whole number of at least 0.

    Examples
    --------
    >>> descend_2d(bowl_grad, (0.0, 0.0), lr=0.1, steps=2).round(3).tolist()
    [[0.0, 0.0], [0.6, 0.4], [1.08, 0.72]]
    """
    positive(lr, "lr (the learning rate)")
    at_least(steps, "steps", 0)
    point = np.array(start, dtype=np.float64)
    points = [point]
    for _ in range(steps):
        point = point - lr * grad(*point)  # against the gradient: straight downhill
        points.append(point)
    return np.array(points)
    # --8<-- [end:descend_2d]


def map_paths():
    """The map figure's walks: ``{"bowl": ..., "ravine": ..., "saddle, on the ridge": ..., "saddle, a hair off": ...}``.

    Examples
    --------
    >>> {name: len(points) - 1 for name, points in map_paths().items()}
    {'bowl': 6, 'ravine': 20, 'saddle, on the ridge': 30, 'saddle, a hair off': 30}
    """
    return {
        "bowl": descend_2d(bowl_grad, BOWL_START, BOWL_LR, BOWL_STEPS),
        "ravine": descend_2d(surfaces.ravine_grad, surfaces.RAVINE_START, MAP_LR, RAVINE_STEPS),
        "saddle, on the ridge": descend_2d(surfaces.saddle_grad, SADDLE_ON_RIDGE, MAP_LR, SADDLE_STEPS),
        "saddle, a hair off": descend_2d(surfaces.saddle_grad, surfaces.SADDLE_START, MAP_LR, SADDLE_STEPS),
    }


# ---------------------------------------------------------------- the learning-rate widget

WIDGET_LR = RATES[1]  # where the slider starts: the good rate
WIDGET_LR_RANGE = (0.01, 1.1, 0.01)  # smallest, largest, step: from crawling to blowing up
WIDGET_BOWL_LEVELS = (0.25, 1.0, 4.0, 9.0, 16.0)  # the loss on each contour circle the widget draws
