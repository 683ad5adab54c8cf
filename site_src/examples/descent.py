"""One dial rolling down a valley: gradient descent on the loss ``(w - 3)**2``.

The story of "The gradient of the loss" (docs/learning/gradient.md): a robot with a
single dial ``w`` whose right setting is 3. Its figures draw the slope at
``TANGENT_POINTS`` and ``STEPS`` steps from ``START`` for each of the learning rates
``RATES``; its clip rolls three balls ``CLIP_STEPS`` steps with ``CLIP_RATES``.
"""

from site_src._checks import at_least, positive

START = 0.0  # every descent starts with the dial at 0
RATES = (0.02, 0.3, 0.8, 1.05)  # too small, good, big (zig-zags but lands), too big (blows up)
STEPS = 10  # steps in the learning-rate figure
CLIP_RATES = (0.02, 0.3, 1.05)  # the clip's three balls: too small, good, too big
CLIP_STEPS = 8
TANGENT_POINTS = (0.0, 1.5, 3.0, 4.5)  # where the gradient figure draws the slope


# --8<-- [start:parabola]
def parabola_loss(w, target=3.0):
    """The simplest loss with one weight: ``(w - target) ** 2``.

    Picture a robot with a single dial ``w`` whose answer is simply ``w``,
    when the right answer is ``target``. The loss is its squared error: 0
    when the dial is exactly right, bigger the further away it is.

    Parameters
    ----------
    w : float or numpy.ndarray
        The dial (the one weight).
    target : float, optional
        The right answer.

    Returns
    -------
    float or numpy.ndarray
        The loss, same shape as ``w``.

    Examples
    --------
    >>> parabola_loss(0.0), parabola_loss(3.0), parabola_loss(4.5)
    (9.0, 0.0, 2.25)
    """
    return (w - target) ** 2


def parabola_loss_grad(w, target=3.0):
    """The slope of ``parabola_loss`` at ``w``: ``2 * (w - target)``.

    Negative left of ``target`` (the loss falls as ``w`` grows), 0 at
    ``target``, positive to its right.

    Parameters
    ----------
    w : float or numpy.ndarray
        Where to measure the slope.
    target : float, optional
        The right answer.

    Returns
    -------
    float or numpy.ndarray
        d loss / d w, same shape as ``w``.

    Examples
    --------
    >>> parabola_loss_grad(0.0), parabola_loss_grad(3.0), parabola_loss_grad(4.5)
    (-6.0, 0.0, 3.0)
    """
    return 2.0 * (w - target)
    # --8<-- [end:parabola]


# --8<-- [start:descend]
def descend(grad, w, lr, steps):
    """Gradient descent on one number: ``steps`` times, ``w <- w - lr * grad(w)``.

    Parameters
    ----------
    grad : callable
        Gives the slope of the loss at ``w``.
    w : float
        Where to start.
    lr : float
        The learning rate (how big each step is), greater than 0.
    steps : int
        How many steps to take, at least 0.

    Returns
    -------
    list of float
        ``steps + 1`` numbers: ``w`` at the start and after each step.

    Raises
    ------
    ValueError
        If ``lr`` is not a positive number or ``steps`` is not a whole number of at least 0.

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
