"""A race on real data: the digits network trained with each optimizer, and learning-rate schedules.

The story of "Choosing an optimizer" (docs/training/choosing.md). The network is a
64-32-10 ReLU ``MLP`` with softmax cross-entropy. It learns scikit-learn's 8x8 digits
(pixels divided by 16, so they lie in [0, 1]) from ``N_TRAIN`` images, in batches of
``BATCH_SIZE``, for ``EPOCHS`` epochs, and is scored on the other images, which it never
trains on. Every entry of ``RACE`` is trained from each of the starting seeds ``SEEDS``
(the seed picks the starting weights and the batch order), so the chapter can show the
average and the spread.

The schedules ``step_lr`` and ``cosine_lr`` give the learning rate for an epoch, equal to
``torch.optim.lr_scheduler.StepLR`` and ``CosineAnnealingLR`` after that many
``scheduler.step()`` calls. Training takes a few seconds per entry, so ``learning_curves``
remembers its result for the rest of the Python session.
"""

import math
from functools import cache

import numpy as np

from site_src import optimizers
from site_src._checks import at_least, in_interval, positive
from site_src.datasets import digits
from site_src.mlp import MLP

LAYERS = (64, 32, 10)
ACTIVATION = "relu"
N_TRAIN = 600  # training images; the other 1,197 are the test images
SPLIT_SEED = 0  # which images are for training
BATCH_SIZE = 32
EPOCHS = 10
SEEDS = (0, 1, 2, 3, 4)

#: name -> (optimizer class in site_src.optimizers, its keywords, schedule or None);
#: "momentum" is SGD with momentum 0.9, "cosine" its learning rate following ``cosine_lr``
RACE = {
    "SGD": ("SGD", {"lr": 0.1}, None),
    "momentum": ("SGD", {"lr": 0.1, "momentum": 0.9}, None),
    "momentum + cosine": ("SGD", {"lr": 0.1, "momentum": 0.9}, "cosine"),
    "Adagrad": ("Adagrad", {"lr": 0.01}, None),
    "Adadelta": ("Adadelta", {"lr": 1.0}, None),
    "RMSprop": ("RMSprop", {"lr": 0.01}, None),
    "Adam": ("Adam", {"lr": 0.001}, None),
    "AdamW": ("AdamW", {"lr": 0.001}, None),
    "Adam, lr 0.01": ("Adam", {"lr": 0.01}, None),
}

# the schedule figure: a start of 0.1 over 30 epochs
SCHEDULE_LR, SCHEDULE_EPOCHS = 0.1, 30
STEP_SIZE, STEP_GAMMA = 10, 0.1  # StepLR: divide by 10 every 10 epochs


# --8<-- [start:schedules]
def step_lr(lr, epoch, step_size, gamma=0.1):
    """Step decay: multiply the learning rate by ``gamma`` every ``step_size`` epochs.

    ``lr_epoch = lr * gamma ** (epoch // step_size)``, as ``torch.optim.lr_scheduler.StepLR``.

    Examples
    --------
    >>> [round(step_lr(0.1, e, step_size=2), 6) for e in range(6)]
    [0.1, 0.1, 0.01, 0.01, 0.001, 0.001]
    """
    positive(lr, "lr")
    at_least(epoch, "epoch", 0)
    at_least(step_size, "step_size", 1)
    in_interval(gamma, "gamma", 0, 1, closed_high=True)
    return lr * gamma ** (epoch // step_size)


def cosine_lr(lr, epoch, T_max, eta_min=0.0):
    """Cosine annealing: glide from ``lr`` down to ``eta_min`` along half a cosine wave in ``T_max`` epochs.

    ``lr_epoch = eta_min + (lr - eta_min) * (1 + cos(pi * epoch / T_max)) / 2``,
    as ``torch.optim.lr_scheduler.CosineAnnealingLR``.

    Examples
    --------
    >>> [round(cosine_lr(0.1, e, T_max=4), 6) for e in range(5)]
    [0.1, 0.085355, 0.05, 0.014645, 0.0]
    """
    positive(lr, "lr")
    at_least(epoch, "epoch", 0)
    at_least(T_max, "T_max", 1)
    in_interval(eta_min, "eta_min", 0, lr, closed_high=True)
    return eta_min + (lr - eta_min) * (1 + math.cos(math.pi * epoch / T_max)) / 2
    # --8<-- [end:schedules]


def schedules(lr=SCHEDULE_LR, epochs=SCHEDULE_EPOCHS):
    """The learning rate of every epoch: constant, step decay and cosine, for the schedule figure.

    Examples
    --------
    >>> rates = schedules()
    >>> [round(float(rates[name][-1]), 6) for name in ("constant", "step", "cosine")]
    [0.1, 0.001, 0.000274]
    """
    e = range(epochs)
    return {
        "constant": np.full(epochs, lr),
        "step": np.array([step_lr(lr, k, STEP_SIZE, STEP_GAMMA) for k in e]),
        "cosine": np.array([cosine_lr(lr, k, epochs) for k in e]),
    }


@cache
def digits_split():
    """The training and test images: ``(X_train, y_train, X_test, y_test)``, pixels in [0, 1].

    Examples
    --------
    >>> X_train, y_train, X_test, y_test = digits_split()
    >>> X_train.shape, X_test.shape, float(X_train.max())
    ((600, 64), (1197, 64), 1.0)
    """
    X, y = digits()
    order = np.random.default_rng(SPLIT_SEED).permutation(len(X))
    train, test = order[:N_TRAIN], order[N_TRAIN:]
    return X[train] / 16, y[train], X[test] / 16, y[test]


# --8<-- [start:race]
def train(name, seed):
    """Train the digits network with the optimizer ``RACE[name]``; return its learning curves.

    Returns ``(losses, accuracies)``: per epoch, the mean training loss and the share
    of test images the network then gets right.

    Examples
    --------
    >>> losses, accuracies = train("SGD", seed=0)
    >>> len(losses), bool(losses[-1] < losses[0]), bool(accuracies[-1] > 0.9)
    (10, True, True)
    """
    X, y, X_test, y_test = digits_split()
    kind, settings, schedule = RACE[name]
    opt = getattr(optimizers, kind)(**settings)  # e.g. optimizers.Adam(lr=0.001)
    net = MLP(list(LAYERS), activation=ACTIVATION, loss="cross_entropy", rng=seed)
    losses, accuracies = [], []
    for epoch in range(EPOCHS):
        if schedule == "cosine":
            opt.lr = cosine_lr(settings["lr"], epoch, EPOCHS)  # a new learning rate every epoch
        losses += net.fit(X, y, epochs=1, batch_size=BATCH_SIZE, optimizer=opt)
        accuracies.append(float(np.mean(net.predict(X_test) == y_test)))
    return losses, accuracies
    # --8<-- [end:race]


@cache
def learning_curves():
    """Every entry of ``RACE`` from every seed: ``{name: (losses, accuracies)}``, arrays of shape (seeds, epochs).

    Takes about half a minute; the result is remembered for the rest of the session.
    """
    curves = {}
    for name in RACE:
        runs = [train(name, seed) for seed in SEEDS]
        curves[name] = tuple(np.array([run[k] for run in runs]) for k in (0, 1))
    return curves


def summary():
    """The last epoch's test accuracy per entry: ``{name: (mean, lowest, highest)}`` over the seeds.

    Also its mean training loss: ``{name: (mean, lowest, highest, loss)}``.
    """
    result = {}
    for name, (losses, accuracies) in learning_curves().items():
        last = accuracies[:, -1]
        result[name] = (float(last.mean()), float(last.min()), float(last.max()), float(losses[:, -1].mean()))
    return result
