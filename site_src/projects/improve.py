"""Making it better: an ablation study, one change at a time, on the 8x8 digits.

The story of the project notebook "Making it better" (docs/projects/making-it-better.py).
A baseline network ``Dense(64, 32) -> ReLU -> Dense(32, 10)`` learns the digits
(``site_src.datasets.digits``) with softmax cross-entropy and ``Adam``. Then
we change ONE thing at a time and train again:

- ``deeper``: a second hidden layer of 32 ReLU neurons;
- ``dropout``: ``Dropout(p=0.3)`` after the hidden layer;
- ``l2``: ``Adam(weight_decay=...)``, the decay added to the gradient (L2);
- ``adamw``: ``AdamW(weight_decay=...)``, the decay applied to the weights directly;
- ``batchnorm``: ``BatchNorm(32)`` between the first weighted sum and its ReLU;
- ``early_stopping``: watch the validation part after every epoch and keep the
  weights of the best epoch, stopping once it has not improved for a while.

Every change is trained with the same seeds as the baseline (the same split,
the same batches), so each seed gives a fair pair. Iris is too easy for this
(nearly every change gets nearly every flower right), and so are the plain
digits for this small network, so the study also runs on ``noisy-digits``:
the same pictures with random noise added to every pixel (drawn once, with a
fixed seed, so the data set is the same in every run) and only a small
training part, where a network can learn its training pictures by heart
(**overfitting**) and regularization has something to do.

The contract, said once: everything is seeded (the split, the noise, the
starting weights, the dropout masks, the order of the mini-batches), so the
same arguments give the same numbers. Bad arguments raise ``ValueError`` saying
what is allowed: an unknown data set or change, a test fraction outside (0, 1),
seeds that are not whole numbers of at least 0, and a network whose first layer
does not take one input per pixel (64) or whose last does not give one score
per digit (10).
"""

from functools import lru_cache

# --8<-- [start:settings]
import numpy as np
from threadpoolctl import threadpool_limits  # installed with scikit-learn

from site_src._checks import at_least, in_interval, one_of
from site_src.datasets import digits
from site_src.layers import Activation, BatchNorm, Dense, Dropout, Sequential
from site_src.losses import cross_entropy_from_logits, cross_entropy_from_logits_grad
from site_src.optimizers import Adam, AdamW
from site_src.projects.data import Split, check_seed, scale, split

DATASETS = ("digits", "noisy-digits")
CHANGES = ("baseline", "deeper", "dropout", "l2", "adamw", "batchnorm", "early_stopping")
PIXELS, CLASSES = 64, 10  # 8x8 pictures in, ten digits out
MAX_PIXEL = 16.0  # the digits' pixels go from 0 to 16
NOISE = 0.4  # noisy-digits: noise of spread 0.4 on pixels scaled to [0, 1]
NOISE_SEED = 2024  # the noise is drawn once: the data set never changes
TEST_FRACTION = 0.4  # the final test, touched once: a big part gives a steadier score
VALIDATION_FRACTION = 0.4  # for early stopping; the last fifth (359 pictures) trains
HIDDEN = 32
DROPOUT_P = 0.3
WEIGHT_DECAY_L2 = 1e-3  # Adam(weight_decay=...): added to the gradient
WEIGHT_DECAY_ADAMW = 1e-1  # AdamW(weight_decay=...): taken off the weights
EPOCHS = 40
PATIENCE = 5  # early stopping: give up after 5 epochs without a better validation loss
BATCH_SIZE = 32
LR = 0.01  # Adam's step size
SEEDS = (0, 1, 2, 3, 4)  # one run is luck: five seeds, five splits
# --8<-- [end:settings]


def _check_seeds(seeds):
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise ValueError(f"seeds must be a list of whole numbers of at least 0, like [0, 1, 2], got {seeds!r}")
    seeds = tuple(check_seed(seed) for seed in seeds)
    if not seeds:
        raise ValueError("seeds must hold at least one seed, got none")
    return seeds


@lru_cache(maxsize=2)
def _pictures(dataset):
    X, y = digits()
    X = X / MAX_PIXEL  # pixels in [0, 1]
    if dataset == "noisy-digits":
        X = X + np.random.default_rng(NOISE_SEED).normal(0.0, NOISE, size=X.shape)
    X.setflags(write=False)
    return X, y


def load_data(dataset="noisy-digits"):
    """The pictures (1797 rows of 64 pixels, scaled to [0, 1], noise added for ``noisy-digits``) and their digits.

    Examples
    --------
    >>> X, y = load_data("digits")
    >>> X.shape, float(X.max()), int(y[0])
    ((1797, 64), 1.0, 0)
    """
    one_of(dataset, "dataset", DATASETS)
    X, y = _pictures(dataset)
    return X.copy(), y.copy()


def load_split(dataset="noisy-digits", test_fraction=TEST_FRACTION, validation_fraction=VALIDATION_FRACTION, seed=0):
    """Split first (stratified, seeded), then scale every part with the training part's mean and spread.

    Examples
    --------
    >>> s = load_split()
    >>> len(s.y_train), len(s.y_val), len(s.y_test)
    (359, 719, 719)
    """
    X, y = load_data(dataset)
    test_fraction = in_interval(test_fraction, "test_fraction", 0.0, 1.0, closed_low=False)
    parts = split(y, test_fraction, validation_fraction, seed=check_seed(seed), stratify=True)
    X_train, X_val, X_test = scale(X[parts.train], X[parts.validation], X[parts.test], method="standard")
    return Split(X_train, y[parts.train], X_val, y[parts.validation], X_test, y[parts.test])


# --8<-- [start:build_network]
def build_network(change="baseline", seed=0):
    """The baseline network, or the baseline with one change: deeper, dropout or batch normalization.

    Examples
    --------
    >>> build_network("batchnorm")
    Sequential([Dense(n_in=64, n_out=32), BatchNorm(32, eps=1e-05, momentum=0.1), Activation('relu'), \
Dense(n_in=32, n_out=10)])
    """
    one_of(change, "change", CHANGES)
    rng = np.random.default_rng(at_least(seed, "seed", 0))
    layers = [Dense(PIXELS, HIDDEN, rng=rng)]
    if change == "batchnorm":
        layers.append(BatchNorm(HIDDEN))  # normalize each neuron's sum over the batch
    layers.append(Activation("relu"))
    if change == "dropout":
        layers.append(Dropout(DROPOUT_P, rng=rng))
    if change == "deeper":
        layers += [Dense(HIDDEN, HIDDEN, rng=rng), Activation("relu")]
    layers.append(Dense(HIDDEN, CLASSES, rng=rng))  # ten raw scores (logits)
    return Sequential(layers)


def build_optimizer(change="baseline"):
    """Adam for every change, except the two kinds of weight decay.

    Examples
    --------
    >>> type(build_optimizer("adamw")).__name__, build_optimizer("l2").weight_decay
    ('AdamW', 0.001)
    """
    one_of(change, "change", CHANGES)
    if change == "l2":
        return Adam(lr=LR, weight_decay=WEIGHT_DECAY_L2)
    if change == "adamw":
        return AdamW(lr=LR, weight_decay=WEIGHT_DECAY_ADAMW)
    return Adam(lr=LR)

    # --8<-- [end:build_network]


def check_fits(network, X):
    """Raise ``ValueError`` unless the network takes 64 pixels, gives 10 scores, and ``X`` has 64 columns."""
    first = next(layer for layer in network.layers if isinstance(layer, Dense))
    last = [layer for layer in network.layers if isinstance(layer, Dense)][-1]
    X = np.asarray(X)
    if X.ndim != 2 or X.shape[1] != first.n_in or first.n_in != PIXELS or last.n_out != CLASSES:
        raise ValueError(
            f"the network and the data do not fit: a picture has {PIXELS} pixels and there are "
            f"{CLASSES} digits, so the network must take {PIXELS} inputs and give {CLASSES} scores, "
            f"and X must have shape (n, {PIXELS}); got a network {first.n_in} -> {last.n_out} "
            f"and X of shape {X.shape}"
        )


def loss(network, X, y):
    """The mean softmax cross-entropy of the network's scores, in eval mode (no dropout, running statistics)."""
    check_fits(network, X)
    return cross_entropy_from_logits(y, network.eval().forward(X))


def accuracy(network, X, y):
    """The fraction of pictures whose digit the network gets right, in eval mode.

    Examples
    --------
    >>> s = load_split()
    >>> accuracy(build_network(), s.X_test, s.y_test) < 0.3   # untrained: about one in ten
    True
    """
    check_fits(network, X)
    return float(np.mean(network.eval().forward(X).argmax(axis=1) == np.asarray(y)))


def snapshot(network):
    """Copies of everything the network has learned, running statistics included."""
    saved = [p.copy() for p in network.params()]
    for layer in network.layers:
        if isinstance(layer, BatchNorm):
            saved += [layer.running_mean.copy(), layer.running_var.copy()]
    return saved


def restore(network, saved):
    """Put back what ``snapshot`` copied."""
    saved = list(saved)
    for p in network.params():
        p[...] = saved.pop(0)
    for layer in network.layers:
        if isinstance(layer, BatchNorm):
            layer.running_mean, layer.running_var = saved.pop(0), saved.pop(0)


# --8<-- [start:train]
def train(change="baseline", split=None, seed=0, epochs=EPOCHS):
    """Train one network with mini-batches; return it and its validation loss after every epoch.

    With ``early_stopping``, stop once the validation loss has not improved for
    ``PATIENCE`` epochs and go back to the weights of the best epoch.

    Examples
    --------
    >>> network, val_losses = train(epochs=3)
    >>> len(val_losses), val_losses[-1] < val_losses[0]
    (3, True)
    """
    at_least(epochs, "epochs", 1)
    split = load_split(seed=seed) if split is None else split
    network, optimizer = build_network(change, seed), build_optimizer(change)
    check_fits(network, split.X_train)
    params, batches = network.params(), np.random.default_rng(seed)
    val_losses, best, best_epoch = [], None, 0
    for epoch in range(epochs):
        network.train()  # dropout drops, batch norm uses the batch's statistics
        order = batches.permutation(len(split.X_train))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            logits = network.forward(split.X_train[batch])
            network.backward(cross_entropy_from_logits_grad(split.y_train[batch], logits))
            optimizer.step(params, network.grads())
        val_losses.append(loss(network, split.X_val, split.y_val))
        if change == "early_stopping":
            if best is None or val_losses[-1] < val_losses[best_epoch]:
                best, best_epoch = snapshot(network), epoch
            elif epoch - best_epoch >= PATIENCE:
                break  # no better for PATIENCE epochs: stop
    if change == "early_stopping":
        restore(network, best)  # back to the best epoch's weights
    return network.eval(), val_losses

    # --8<-- [end:train]


def run(change="baseline", dataset="noisy-digits", seed=0, test_fraction=TEST_FRACTION):
    """One training run: the training and test accuracy, their gap, and how many epochs it trained.

    Examples
    --------
    >>> r = run("baseline", "digits", seed=0)
    >>> sorted(r)
    ['epochs', 'gap', 'test', 'train']
    """
    split = load_split(dataset, test_fraction, seed=seed)
    network, val_losses = train(change, split, seed)
    train_accuracy = accuracy(network, split.X_train, split.y_train)
    test_accuracy = accuracy(network, split.X_test, split.y_test)  # the test part, touched once
    return {
        "train": train_accuracy,
        "test": test_accuracy,
        "gap": train_accuracy - test_accuracy,
        "epochs": len(val_losses),
    }


def _study(dataset, seeds):
    runs = {change: [run(change, dataset, seed) for seed in seeds] for change in CHANGES}
    base = np.array([r["test"] for r in runs["baseline"]])
    rows = {}
    for change, results in runs.items():
        test = np.array([r["test"] for r in results])
        change_by_seed = test - base  # the same seed, so the same split: a fair pair
        train = np.array([r["train"] for r in results])
        rows[change] = {
            "train_mean": float(train.mean()),
            "test_mean": float(test.mean()),
            "test_std": float(test.std(ddof=1)) if len(test) > 1 else 0.0,
            "gap_mean": float(np.mean([r["gap"] for r in results])),
            "change_mean": float(change_by_seed.mean()),
            "change_std": float(change_by_seed.std(ddof=1)) if len(test) > 1 else 0.0,
            "epochs_mean": float(np.mean([r["epochs"] for r in results])),
            "test": test.tolist(),
        }
        rows[change]["verdict"] = verdict(rows[change]["change_mean"], rows[change]["change_std"])
    rows["baseline"]["verdict"] = "baseline"
    return rows


# --8<-- [start:verdict]
def verdict(change_mean, change_std):
    """``"helped"`` or ``"hurt"`` only when the mean change is bigger than its spread over seeds.

    Examples
    --------
    >>> verdict(0.02, 0.01), verdict(0.005, 0.01), verdict(-0.03, 0.01)
    ('helped', 'no clear change', 'hurt')
    """
    if change_mean > change_std:
        return "helped"
    if change_mean < -change_std:
        return "hurt"
    return "no clear change"

    # --8<-- [end:verdict]


@lru_cache(maxsize=4)
def _cached_study(dataset, seeds):
    with threadpool_limits(limits=1, user_api="blas"):  # small matrices: one core is faster than two that wait
        return _study(dataset, seeds)


def study(dataset="noisy-digits", seeds=SEEDS):
    """Every change on ``dataset``, each over ``seeds``: one row per change, computed once per process.

    Each row: the mean training accuracy, the mean test accuracy and its spread (the
    sample standard deviation over seeds), the mean train/test gap, the change against the baseline (mean and
    spread of the per-seed differences), the mean number of epochs, and a verdict.
    """
    one_of(dataset, "dataset", DATASETS)
    return _cached_study(dataset, _check_seeds(seeds))
