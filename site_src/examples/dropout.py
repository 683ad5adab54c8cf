"""Neurons switched off at random: one forward pass, and a measurement of overfitting.

The story of "Dropout" (docs/training/dropout.md). First a small network: ``INPUT`` goes
into 4 ReLU neurons (weights ``W1``, biases ``B1``), then a dropout layer with ``P``, then
one output neuron with no switch (``W2``, ``B2``). ``forward_pass`` runs it once in
training mode, with a fresh random mask per step (seeded by ``CLIP_SEED``), or in eval mode.
Then the measurement: a 64-128-128-10 ReLU network learns the 8x8 digits from only
``N_TRAIN`` images, with and without dropout (``p`` in ``GAP_PS``) after each hidden layer,
trained with Adam for ``GAP_EPOCHS`` epochs from each of the ``SEEDS``; ``gap_measurement``
scores it on its training images and on the other images.
"""

from functools import cache
from itertools import product

import numpy as np

from site_src._checks import in_interval
from site_src.datasets import digits
from site_src.layers import Activation, Dense, Dropout, Sequential
from site_src.losses import cross_entropy_from_logits, cross_entropy_from_logits_grad
from site_src.optimizers import Adam

# the measurement
N_TRAIN = 200  # training images; the other 1,597 are the test images
SPLIT_SEED = 0
HIDDEN = 128
GAP_PS = (0.0, 0.5)
GAP_EPOCHS = 100
GAP_BATCH = 20
GAP_LR = 0.001
SEEDS = (0, 1, 2, 3, 4)


# --8<-- [start:small-net]
# the small network of the worked example and the clip
INPUT = [[1.0, 2.0]]
W1 = [[0.5, 0.25], [1.0, -0.5], [-0.5, 1.0], [0.25, 0.5]]
B1 = [0.0, 0.5, 0.5, 0.25]
W2 = [[1.0, 2.0, 0.5, -1.0]]
B2 = [0.5]
P = 0.5
CLIP_SEED = 1
CLIP_STEPS = 3  # training steps the clip shows


def small_net(p=P, rng=CLIP_SEED):
    """The worked example's network: 2 inputs, 4 ReLU neurons, dropout ``p``, 1 output.

    Examples
    --------
    >>> small_net()
    Sequential([Dense(n_in=2, n_out=4), Activation('relu'), Dropout(p=0.5), Dense(n_in=4, n_out=1)])
    """
    return Sequential(
        [
            Dense(2, 4, weight=W1, bias=B1),
            Activation("relu"),
            Dropout(p, rng=rng),  # training: each of the 4 answers dropped with probability p
            Dense(4, 1, weight=W2, bias=B2),
        ]
    )


def forward_pass(net, training):
    """Run ``INPUT`` through ``net`` once; return the hidden answers, the mask, what passes and the output.

    Examples
    --------
    >>> net = small_net()
    >>> forward_pass(net, training=False)["output"]      # eval mode: every neuron on, nothing scaled
    2.0
    """
    net.train() if training else net.eval()
    output = net.forward(INPUT)
    hidden = net.layers[1].forward(net.layers[0].forward(INPUT))  # the 4 answers before dropout
    mask = net.layers[2].mask
    return {
        "hidden": hidden[0].tolist(),
        "mask": mask[0].tolist(),
        "passed": (hidden * mask)[0].tolist(),
        "output": float(output[0, 0]),
    }
    # --8<-- [end:small-net]


def training_passes(steps=CLIP_STEPS):
    """``steps`` training-mode passes of one ``small_net()`` (a new mask each), then one eval pass.

    Examples
    --------
    >>> passes = training_passes()
    >>> [p["mask"] for p in passes]
    [[2.0, 2.0, 0.0, 2.0], [0.0, 0.0, 2.0, 0.0], [2.0, 0.0, 2.0, 2.0], [1.0, 1.0, 1.0, 1.0]]
    """
    net = small_net()
    return [forward_pass(net, training=True) for _ in range(steps)] + [forward_pass(net, training=False)]


def average_over_masks(p=P):
    """The output averaged over every possible mask, each weighted by its probability.

    A mask keeps ``k`` of the 4 neurons with probability ``(1 - p)**k * p**(4 - k)``.
    The average equals the eval-mode output, because the next layer only adds up.

    Examples
    --------
    >>> round(average_over_masks(), 12)
    2.0
    """
    in_interval(p, "p (the probability to drop)", 0, 1)
    h = np.maximum(np.array(W1) @ np.array(INPUT[0]) + np.array(B1), 0)
    total = 0.0
    for keep in product([0, 1], repeat=len(h)):
        keep = np.array(keep)
        chance = np.prod(np.where(keep, 1 - p, p))
        passed = h * keep / (1 - p)
        total += chance * (np.array(W2[0]) @ passed + B2[0])
    return float(total)


@cache
def digits_split():
    """The training and test images of the measurement: ``(X_train, y_train, X_test, y_test)``, pixels in [0, 1].

    Examples
    --------
    >>> [a.shape for a in digits_split()]
    [(200, 64), (200,), (1597, 64), (1597,)]
    """
    X, y = digits()
    order = np.random.default_rng(SPLIT_SEED).permutation(len(X))
    train, test = order[:N_TRAIN], order[N_TRAIN:]
    return X[train] / 16, y[train], X[test] / 16, y[test]


# --8<-- [start:measure]
def train_digits(p, seed):
    """Train the 64-128-128-10 network with dropout ``p`` on the few training images; score it.

    Returns ``(train accuracy, test accuracy, train loss, test loss)``, measured in eval mode.
    """
    X, y, X_test, y_test = digits_split()
    rng = np.random.default_rng(seed)  # starting weights, masks and batch order
    net = Sequential(
        [
            Dense(64, HIDDEN, rng=rng),
            Activation("relu"),
            Dropout(p, rng=rng),
            Dense(HIDDEN, HIDDEN, rng=rng),
            Activation("relu"),
            Dropout(p, rng=rng),
            Dense(HIDDEN, 10, rng=rng),
        ]
    )
    opt = Adam(lr=GAP_LR)
    for _ in range(GAP_EPOCHS):
        net.train()  # dropout on
        order = rng.permutation(len(X))
        for start in range(0, len(X), GAP_BATCH):
            batch = order[start : start + GAP_BATCH]
            scores = net.forward(X[batch])
            net.backward(cross_entropy_from_logits_grad(y[batch], scores))
            opt.step(net.params(), net.grads())
    net.eval()  # dropout off: every neuron works, nothing is scaled
    scores, scores_test = net.forward(X), net.forward(X_test)
    return (
        float(np.mean(scores.argmax(axis=1) == y)),
        float(np.mean(scores_test.argmax(axis=1) == y_test)),
        cross_entropy_from_logits(y, scores),
        cross_entropy_from_logits(y_test, scores_test),
    )
    # --8<-- [end:measure]


@cache
def gap_measurement():
    """Every ``p`` of ``GAP_PS`` from every seed: ``{p: array of shape (seeds, 4)}`` as ``train_digits`` returns.

    Takes a few seconds per run; the result is remembered for the rest of the session.
    """
    return {p: np.array([train_digits(p, seed) for seed in SEEDS]) for p in GAP_PS}
