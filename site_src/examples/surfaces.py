"""Two hills in two directions: a ravine and a saddle, for racing optimizers.

The shared landscape of the part "Training better" (docs/training/momentum.md,
adaptive.md, adam.md and choosing.md): a loss with just two weights, ``x`` and
``y``, so that a path of steps can be drawn on a map with contour lines.

- ``ravine(x, y) = x**2 / 20 + 5 * y**2``: a long, narrow valley. Across it
  (``y``) the walls are 100 times as steep as along its floor (``x``), so one
  learning rate cannot suit both directions.
- ``saddle(x, y) = x**2 / 2 + (y**2 - 1)**2 / 4``: a mountain pass. At
  ``(0, 0)`` the ground is flat, downhill along ``y`` and uphill along ``x``;
  the two lowest points are ``(0, -1)`` and ``(0, 1)``, where the loss is 0.

``path(optimizer, grad, start, steps)`` runs any optimizer of
``site_src.optimizers`` on either surface and returns where it went. Every
function takes numbers or NumPy arrays for ``x`` and ``y`` (so a whole grid
can be evaluated at once, for contour lines) and returns the same shape.
"""

import numpy as np

from site_src._checks import at_least

RAVINE_START = (-8.0, 1.0)  # far along the valley, and up one of its steep walls
SADDLE_START = (-2.0, 0.01)  # on the ridge, a hair's breadth off the middle line y = 0
MINIMA = {"ravine": ((0.0, 0.0),), "saddle": ((0.0, -1.0), (0.0, 1.0))}

# The race (clip and figures): each optimizer with a learning rate that suits it on both maps.
RACE = (
    ("SGD", "SGD", {"lr": 0.18}),
    ("momentum", "SGD", {"lr": 0.05, "momentum": 0.9}),
    ("RMSprop", "RMSprop", {"lr": 0.05}),
    ("Adam", "Adam", {"lr": 0.2}),
)
RACE_STEPS = 60
# The knobs the optimizer playground (the choosing chapter) shows for each racer.
WIDGET_KNOBS = {
    "SGD": ("lr",),
    "momentum": ("lr", "momentum"),
    "RMSprop": ("lr", "alpha"),
    "Adam": ("lr", "beta1", "beta2"),
}


# --8<-- [start:ravine]
def ravine(x, y):
    """A long, narrow valley: ``x**2 / 20 + 5 * y**2``, lowest (0) at ``(0, 0)``.

    Examples
    --------
    >>> float(ravine(-8.0, 1.0))
    8.2
    """
    return x**2 / 20 + 5 * y**2


def ravine_grad(x, y):
    """The slopes of ``ravine``: ``(x / 10, 10 * y)``, 100 times steeper across than along.

    Examples
    --------
    >>> [float(s) for s in ravine_grad(-8.0, 1.0)]
    [-0.8, 10.0]
    """
    return np.array([x / 10, 10 * y])
    # --8<-- [end:ravine]


# --8<-- [start:saddle]
def saddle(x, y):
    """A mountain pass: ``x**2 / 2 + (y**2 - 1)**2 / 4``, flat at ``(0, 0)``, lowest (0) at ``(0, ±1)``.

    Examples
    --------
    >>> float(saddle(0.0, 0.0)), float(saddle(0.0, 1.0))
    (0.25, 0.0)
    """
    return x**2 / 2 + (y**2 - 1) ** 2 / 4


def saddle_grad(x, y):
    """The slopes of ``saddle``: ``(x, y * (y**2 - 1))``; both are 0 at the pass ``(0, 0)``.

    Examples
    --------
    >>> [float(s) for s in saddle_grad(0.0, 0.01)]   # almost no push off the ridge
    [0.0, -0.009999]
    """
    return np.array([x, y * (y**2 - 1)])
    # --8<-- [end:saddle]


SURFACES = {"ravine": (ravine, ravine_grad, RAVINE_START), "saddle": (saddle, saddle_grad, SADDLE_START)}


# --8<-- [start:path]
def path(optimizer, grad, start, steps):
    """Where ``optimizer`` walks on a two-weight loss: the point ``(x, y)`` at the start and after each step.

    Parameters
    ----------
    optimizer : site_src.optimizers.Optimizer
        A new optimizer, for example ``SGD(lr=0.18, momentum=0.9)``.
    grad : callable
        ``grad(x, y)`` gives the two slopes, such as ``ravine_grad``.
    start : tuple of float
        The first point ``(x, y)``.
    steps : int
        How many steps, at least 0.

    Returns
    -------
    numpy.ndarray
        Shape ``(steps + 1, 2)``: row ``t`` is ``(x, y)`` after ``t`` steps.

    Examples
    --------
    >>> from site_src.optimizers import SGD
    >>> path(SGD(lr=0.18), ravine_grad, (-8.0, 1.0), steps=1).tolist()
    [[-8.0, 1.0], [-7.856, -0.7999999999999998]]
    """
    at_least(steps, "steps", 0)
    theta = np.array(start, dtype=np.float64)  # the two weights (x, y), one array
    points = [theta.copy()]
    for _ in range(steps):
        optimizer.step([theta], [grad(*theta)])  # changes theta in place
        points.append(theta.copy())
    return np.array(points)
    # --8<-- [end:path]


def race(surface, steps=RACE_STEPS, racers=RACE):
    """Every racer's path on ``"ravine"`` or ``"saddle"``: ``{name: path}``, each from that surface's start.

    Examples
    --------
    >>> paths = race("ravine", steps=2)
    >>> list(paths), paths["SGD"].shape
    (['SGD', 'momentum', 'RMSprop', 'Adam'], (3, 2))
    """
    from site_src import optimizers

    _, grad, start = SURFACES[surface]
    return {name: path(getattr(optimizers, kind)(**settings), grad, start, steps) for name, kind, settings in racers}


def losses(surface, points):
    """The loss at each point of a path on ``"ravine"`` or ``"saddle"``.

    Examples
    --------
    >>> losses("ravine", np.array([[-8.0, 1.0], [0.0, 0.0]])).tolist()
    [8.2, 0.0]
    """
    loss = SURFACES[surface][0]
    return loss(points[:, 0], points[:, 1])
