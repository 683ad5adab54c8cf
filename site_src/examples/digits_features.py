"""What a hidden layer learns by itself: the digits network's first-layer weights as pictures.

The story of the picture "Hidden neurons learn their own features" in "The multi-layer
perceptron" (docs/learning/mlp.md). A 64-16-10 sigmoid network learns the 8x8 digits
(``site_src.datasets.digits``, pixels scaled to 0..1; a stratified quarter kept aside for
testing). Each hidden neuron has one weight per pixel, so its 64 weights can be drawn as
an 8x8 picture: the pattern of ink that makes it answer most strongly.
The figure ``mlp-digit-features`` draws the 16 pictures beside a few of the digits.
"""

from functools import cache

import numpy as np

from site_src.datasets import digits
from site_src.mlp import MLP
from site_src.projects.data import split

LAYERS = [64, 16, 10]  # 8x8 pixels -> 16 hidden neurons -> one score per digit
SEED = 0  # the starting weights, the split and the batch order
TEST_FRACTION = 0.25
EPOCHS = 100
LR = 0.5
BATCH_SIZE = 32
SIDE = 8  # the pictures are 8 by 8 pixels


def data():
    """The digits with pixels scaled to 0..1, dealt into a training part and a test part.

    Returns ``X_train, y_train, X_test, y_test``.

    Examples
    --------
    >>> X_train, y_train, X_test, y_test = data()
    >>> len(y_train), len(y_test), float(X_train.max())
    (1347, 450, 1.0)
    """
    X, y = digits()
    parts = split(y, TEST_FRACTION, seed=SEED, stratify=True)
    X = X / 16.0  # pixel values 0..16 -> 0..1
    return X[parts.train], y[parts.train], X[parts.test], y[parts.test]


@cache
def trained_network():
    """The 64-16-10 network after training (shared: train a copy, not this one).

    Examples
    --------
    >>> trained_network().weights[0].shape
    (16, 64)
    """
    X_train, y_train, _, _ = data()
    net = MLP(LAYERS, activation="sigmoid", loss="cross_entropy", rng=SEED)
    net.fit(X_train, y_train, epochs=EPOCHS, lr=LR, batch_size=BATCH_SIZE, rng=np.random.default_rng(SEED))
    return net


def starting_weights():
    """The first layer's weights before training, from the same seed."""
    return MLP(LAYERS, activation="sigmoid", loss="cross_entropy", rng=SEED).weights[0].copy()


def weight_pictures(W):
    """Each hidden neuron's 64 weights as an 8x8 picture, row by row as the pixels are.

    Examples
    --------
    >>> weight_pictures(np.arange(128.0).reshape(2, 64))[1, 0, :3].tolist()
    [64.0, 65.0, 66.0]
    """
    return np.asarray(W).reshape(-1, SIDE, SIDE)


def accuracy_on_test():
    """The share of the kept-aside digits the trained network gets right.

    Examples
    --------
    >>> round(accuracy_on_test(), 3)
    0.964
    """
    _, _, X_test, y_test = data()
    return float((trained_network().predict(X_test) == y_test).mean())


def edge_share():
    """How much the weights of the outer columns moved in training, compared with the middle columns.

    The digits' leftmost and rightmost pixel columns are almost always blank, so their
    weights get almost no push while learning and stay near their random start.

    Examples
    --------
    >>> edge_share() < 0.2
    True
    """
    moved = np.abs(weight_pictures(trained_network().weights[0]) - weight_pictures(starting_weights()))
    return float(moved[:, :, [0, SIDE - 1]].mean() / moved[:, :, 2 : SIDE - 2].mean())
