"""The fruit robot: a perceptron learns to tell apples from other fruit.

The story of "The perceptron" (docs/first-steps/perceptron.md): the robot starts with
every weight at 0, learns on the fruit basket of ``site_src.datasets.fruit`` with the
perceptron rule, and sorts all twelve fruits right after three epochs. Its figure shows
the YES/NO line after each epoch; its clip follows the first fruit it gets wrong in
epoch 2. "The activation function" reuses that fruit's total.
"""

import numpy as np

from site_src.datasets import fruit
from site_src.neurons import Perceptron

EPOCHS = 3  # passes over the basket: after the third, every fruit is sorted right
LR = 0.1  # the learning rate of the perceptron rule


def trained(epochs=EPOCHS):
    """The robot after ``epochs`` passes over the fruit basket.

    Examples
    --------
    >>> X, y, _ = fruit()
    >>> int((trained().predict(X) != y).sum())
    0
    """
    X, y, _ = fruit()
    return Perceptron(2).fit(X, y, epochs=epochs, lr=LR)


def snapshots():
    """``(weights, bias)`` before learning and after each of the ``EPOCHS`` epochs.

    Examples
    --------
    >>> [bias for _, bias in snapshots()][0]
    0.0
    """
    robot = trained()
    return [(np.zeros(2), 0.0)] + [(state["weights"], state["bias"]) for state in robot.history]


def mistakes_per_snapshot():
    """How many of the twelve fruits each snapshot answers wrong.

    Examples
    --------
    >>> mistakes_per_snapshot()[-1]
    0
    """
    X, y, _ = fruit()
    return [int((Perceptron(2, weights=w, bias=b).predict(X) != y).sum()) for w, b in snapshots()]


def first_mistake():
    """The robot after one epoch, and the first fruit it then gets wrong.

    Returns
    -------
    robot : Perceptron
    x : numpy.ndarray
        The fruit's two scores.
    target : int
        The right answer, 1 (apple) or 0.
    name : str
        The fruit's name.

    Examples
    --------
    >>> robot, x, target, name = first_mistake()
    >>> int(robot.predict(x[np.newaxis])[0]) != target
    True
    """
    X, y, names = fruit()
    robot = trained(1)
    for x, target, name in zip(X, y, names):
        if robot.predict(x[np.newaxis])[0] != target:
            return robot, x, int(target), name
    raise RuntimeError("the perceptron made no mistake in epoch 2; pick another example")


# The perceptron playground (docs/first-steps/perceptron.md), built by scripts/hooks/widgets.py.
WIDGET_WEIGHTS = (0.0, 0.0)  # the playground starts where the story does: every weight at 0
WIDGET_BIAS = 0.0
WIDGET_RANGE = (-1.0, 1.0)  # smallest and largest value of the weight and bias sliders
WIDGET_SLIDER_STEP = 0.01  # the sliders move by this much per arrow key
