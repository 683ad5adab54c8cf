"""A pile of 1,797 handwritten digits, cut into batches: epochs, batches and steps.

The story of "Epochs, batches and gradient descent" (docs/training/epochs-batches.md):
the same small network (``LAYERS``: 64 pixels in, 32 hidden ReLU neurons, 10 digit
scores out, softmax cross-entropy) learns the 8x8 digits of ``site_src.datasets.digits``
(pixels divided by 16, so they lie between 0 and 1) for ``EPOCHS`` epochs with the
learning rate ``LR``, three ways: the whole pile per step (batch gradient descent),
``BATCH`` digits per step (mini-batch SGD) and one digit per step (SGD).
``NOISE_BATCHES`` are the batch sizes whose gradient noise the chapter measures.
"""

import math

import numpy as np

from site_src._checks import positive

LAYERS = (64, 32, 10)
SEED = 0  # the network's first weights and the shuffles: the same every run
LR = 0.1
EPOCHS = 3
BATCH = 32
WAYS = {"batch gradient descent": None, "mini-batch SGD": BATCH, "SGD (one example)": 1}
NOISE_BATCHES = (1, 32, 256)
NOISE_DRAWS = 200  # random batches per size, to average the noise over


def scaled_digits():
    """The 1,797 digits with pixels from 0 to 1 (divided by 16), and their labels.

    Examples
    --------
    >>> X, y = scaled_digits()
    >>> X.shape, float(X.max())
    ((1797, 64), 1.0)
    """
    from site_src.datasets import digits

    X, y = digits()
    return X / 16.0, y


# --8<-- [start:steps_per_epoch]
def steps_per_epoch(n, batch_size):
    """How many steps (batches) one epoch takes: ``ceil(n / batch_size)``; the last batch may be smaller.

    Examples
    --------
    >>> steps_per_epoch(1797, 32), 1797 - 56 * 32     # 56 full batches and one of 5
    (57, 5)
    """
    positive(n, "n (the number of examples)", whole=True)
    positive(batch_size, "batch_size", whole=True)
    return math.ceil(n / batch_size)
    # --8<-- [end:steps_per_epoch]


def batch_sizes(n, batch_size):
    """The size of every batch of one epoch, in order.

    Examples
    --------
    >>> batch_sizes(10, 4)
    [4, 4, 2]
    """
    steps = steps_per_epoch(n, batch_size)
    return [min(batch_size, n - k * batch_size) for k in range(steps)]


def network():
    """The chapter's network, with the same first weights every time."""
    from site_src.mlp import MLP

    return MLP(list(LAYERS), activation="relu", loss="cross_entropy", rng=SEED)


def train(batch_size, epochs=EPOCHS, lr=LR):
    """Train a fresh network; return ``(network, loss per epoch)``, ``batch_size=None`` for the whole pile."""
    X, y = scaled_digits()
    net = network()
    history = net.fit(X, y, epochs=epochs, lr=lr, batch_size=batch_size, rng=np.random.default_rng(SEED))
    return net, history


def gradient_noise(batch_size, draws=NOISE_DRAWS):
    """How far a random batch's gradient lands from the whole pile's, as a share of the whole pile's size.

    The mean over ``draws`` random batches (drawn without repeats inside a batch)
    of ``|g_batch - g_all| / |g_all|``, for the chapter's network before training.

    Examples
    --------
    >>> round(gradient_noise(1797, draws=1), 6)     # the whole pile is no estimate: it is exact
    0.0
    """
    X, y = scaled_digits()
    net = network()

    def gradient(rows):
        net.loss(X[rows], y[rows])
        net.backward(y[rows])
        return np.concatenate([g.ravel() for g in net.grads()])

    g_all = gradient(np.arange(len(X)))
    rng = np.random.default_rng(SEED)
    gaps = [np.linalg.norm(gradient(rng.choice(len(X), batch_size, replace=False)) - g_all) for _ in range(draws)]
    return float(np.mean(gaps) / np.linalg.norm(g_all))
