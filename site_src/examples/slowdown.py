"""The learning slowdown: one sigmoid neuron, badly wrong, learning with MSE and with cross-entropy.

A side story of "The cross-entropies" (docs/losses/cross-entropy.md), after Michael
Nielsen's *Neural Networks and Deep Learning*, chapter 3. One neuron with one weight and
a bias gets the input ``X`` = 1 and should answer ``Y`` = 0. It starts at ``START``
(w = 2, b = 2), so it answers ``sigmoid(4)``, about 0.98: sure, and wrong. Gradient
descent with the same learning rate ``LR`` then trains it twice, once with the mean
squared error and once with binary cross-entropy (``site_src.losses``). The slope reaching
the neuron's total ``z`` is the loss's slope times the sigmoid's slope ``sigmoid'(z)``;
out at z = 4 the sigmoid is almost flat, which slows MSE, while for cross-entropy the
product is exactly ``a - y``.
"""

import numpy as np

from site_src._checks import at_least, one_of
from site_src.activations import sigmoid, sigmoid_grad
from site_src.losses import binary_cross_entropy, binary_cross_entropy_grad, mse, mse_grad

X, Y = 1.0, 0.0  # the one example: input 1, right answer 0
START = (2.0, 2.0)  # the starting weight w and bias b
LR = 0.15  # the learning rate, the same for both losses (Nielsen's)
EPOCHS = 300
LOSSES = {"mse": (mse, mse_grad), "cross_entropy": (binary_cross_entropy, binary_cross_entropy_grad)}


def train_neuron(loss, epochs=EPOCHS, lr=LR, start=START):
    """Train the neuron by gradient descent; its answer and loss before each epoch, and at the end.

    Each epoch: ``a = sigmoid(w x + b)``, ``dL/dz = dL/da * sigmoid'(z)``, then
    ``w <- w - lr * dL/dz * x`` and ``b <- b - lr * dL/dz``.

    Parameters
    ----------
    loss : str
        ``"mse"`` or ``"cross_entropy"`` (binary).
    epochs : int, optional
        Gradient-descent steps, at least 1.
    lr : float, optional
        The learning rate.
    start : tuple of float, optional
        The starting ``(w, b)``.

    Returns
    -------
    answers, losses : numpy.ndarray
        Shape ``(epochs + 1,)``: the neuron's answer ``a`` and its loss after 0, 1, ...,
        ``epochs`` steps.

    Examples
    --------
    >>> answers, losses = train_neuron("cross_entropy", epochs=2)
    >>> answers.round(3).tolist()
    [0.982, 0.976, 0.968]
    """
    one_of(loss, "loss", tuple(LOSSES))
    at_least(epochs, "epochs", 1)
    loss_fn, loss_grad = LOSSES[loss]
    w, b = start
    answers, losses = [], []
    for epoch in range(epochs + 1):
        z = w * X + b
        a = float(sigmoid(z))
        answers.append(a)
        losses.append(loss_fn([Y], [a]))
        if epoch == epochs:
            break
        dL_dz = loss_grad([Y], [a])[0] * sigmoid_grad(z)  # the chain rule through the sigmoid
        w, b = w - lr * dL_dz * X, b - lr * dL_dz
    return np.array(answers), np.array(losses)


def epochs_until_below(loss, level=0.5):
    """How many epochs until the neuron's answer first drops below ``level``.

    Examples
    --------
    >>> epochs_until_below("cross_entropy")
    17
    """
    answers, _ = train_neuron(loss)
    below = np.flatnonzero(answers < level)
    if below.size == 0:
        raise ValueError(f"the answer stays at or above {level} for all {EPOCHS} epochs")
    return int(below[0])
