"""The digits CNN: a small convolutional network that reads the 8x8 handwritten digits.

The story of "A whole CNN" (docs/cnn/whole-cnn.md): scikit-learn's 1,797 digits
(``site_src.datasets.digits``), split once with a seed into training and test
pictures, go through

``Conv2D(1, 8, 3, padding=1) -> ReLU -> Pool2D(2) -> Conv2D(8, 16, 3, padding=1)
-> ReLU -> Pool2D(2) -> Flatten -> Dense(64, 10)``

built from ``site_src.layers`` and trained with softmax cross-entropy
(``site_src.losses.cross_entropy_from_logits`` and its gradient) and ``Adam``
from ``site_src.optimizers``. Why this shape: two rounds of "look for patterns,
then shrink" take an 8x8 picture to 16 maps of 2x2, exactly 64 numbers, and
padding 1 keeps each 3x3 convolution from eating the border of so small a picture;
8 then 16 filters are enough for ten digits and keep the whole network at 1,898
numbers to learn, so it trains in seconds on a laptop. The PyTorch twin is
``site_src.pytorch.digits_cnn``.

The project page "A CNN that reads handwritten digits" (docs/projects/digits-cnn.py)
trains the same network longer: it tries the ``CANDIDATES`` settings (more epochs, a
cosine ``step_size`` schedule, pictures moved by ``shift_pictures``) on a
``validation_split`` of the training pictures and keeps the one ``choose`` picks;
the PyTorch twin does that training.

The contract, said once: everything is seeded (the split, the starting weights,
the order of the mini-batches, the moves), so the same arguments give the same numbers.
Bad arguments raise ``ValueError`` saying what is allowed: an unknown data set,
a test or validation fraction outside (0, 1), a seed that is not a whole number of at
least 0, epochs or a batch size below 1, a learning rate that is not above 0, a shift
other than 0 or 1, an unknown schedule, pictures not of shape (n, 1, 8, 8), labels that
are not one digit 0-9 per picture.
"""

from dataclasses import dataclass
from functools import lru_cache

# --8<-- [start:settings]
import numpy as np

from site_src._checks import as_float_array, at_least, class_indices, is_whole, one_of, positive
from site_src.datasets import digits
from site_src.layers import Activation, Conv2D, Dense, Flatten, Pool2D, Sequential
from site_src.losses import cross_entropy_from_logits, cross_entropy_from_logits_grad
from site_src.optimizers import Adam
from site_src.projects.data import split as _split

DATASETS = ("digits",)
TEST_FRACTION = 0.2  # one picture in five is kept aside for the test
VALIDATION_FRACTION = 0.2  # the project: one training picture in five, for choosing settings
SEED = 0
EPOCHS = 15  # the full training run: the pinned accuracy and the benchmark
BATCH_SIZE = 32
LR = 0.005  # Adam's step size
SIDE = 8  # the pictures are 8x8
CLASSES = 10
MAX_PIXEL = 16.0  # the digits' pixels go from 0 to 16
SHOWN_INDEX = 0  # the test picture whose feature maps the chapter shows
# --8<-- [end:settings]

# The project page (docs/projects/digits-cnn.py): settings to choose from, simplest first.
# Each is tried on the validation part; the best one (the first of equals) is used.
CANDIDATES = {
    "the chapter's run": dict(epochs=EPOCHS, lr=LR),
    "twice as long": dict(epochs=2 * EPOCHS, lr=LR),
    "twice as long, cosine steps": dict(epochs=2 * EPOCHS, lr=LR, schedule="cosine"),
    "twice as long, cosine, bigger steps": dict(epochs=2 * EPOCHS, lr=2 * LR, schedule="cosine"),
    "same, pictures moved by 1 pixel": dict(epochs=2 * EPOCHS, lr=2 * LR, schedule="cosine", shift=1),
}
SEEDS = (0, 1, 2)  # the whole project again with other seeds: other split, start and batches


@dataclass(frozen=True)
class Split:
    """Training and test pictures, ``(N, 1, 8, 8)`` with pixels scaled to [0, 1], and their digits."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray


@lru_cache(maxsize=1)
def _digits():
    """scikit-learn's digits, loaded once per process (loading is slower than a split)."""
    return digits()


def load_split(dataset="digits", test_fraction=TEST_FRACTION, seed=SEED):
    """The digits, shuffled with ``seed`` and split: the last ``test_fraction`` of them for the test.

    Examples
    --------
    >>> split = load_split()
    >>> split.X_train.shape, split.X_test.shape, float(split.X_train.max())
    ((1438, 1, 8, 8), (359, 1, 8, 8), 1.0)
    """
    one_of(dataset, "dataset", DATASETS)
    X, y = _digits()
    parts = _split(y, test_fraction, seed=seed)  # checks test_fraction and seed
    X = X.reshape(-1, 1, SIDE, SIDE) / MAX_PIXEL  # NCHW, one channel, pixels in [0, 1]
    return Split(X[parts.train], y[parts.train], X[parts.test], y[parts.test])


def choose(scores):
    """The name with the highest validation score; among equals, the first (the simplest)."""
    return max(scores, key=lambda name: scores[name])  # max keeps the first of equals


def validation_split(split, fraction=VALIDATION_FRACTION, seed=SEED):
    """Deal the *training* pictures again: a smaller training part, and a validation part for choosing settings.

    The validation pictures sit in the ``X_test``/``y_test`` places, so ``train`` and
    ``accuracy`` use them unchanged; the real test pictures are not touched.

    Examples
    --------
    >>> practice = validation_split(load_split())
    >>> len(practice.y_train), len(practice.y_test)
    (1150, 288)
    """
    parts = _split(split.y_train, fraction, seed=seed)  # checks fraction and seed
    X, y = split.X_train, split.y_train
    return Split(X[parts.train], y[parts.train], X[parts.test], y[parts.test])


# --8<-- [start:build_network]
def build_network(seed=SEED):
    """The digits CNN: two rounds of convolution, ReLU and 2x2 max pooling, then one dense layer.

    Examples
    --------
    >>> [type(layer).__name__ for layer in build_network().layers][:4]
    ['Conv2D', 'Activation', 'Pool2D', 'Conv2D']
    """
    rng = np.random.default_rng(at_least(seed, "seed", 0))
    return Sequential(
        [
            Conv2D(1, 8, kernel_size=3, padding=1, rng=rng),  # 1x8x8  -> 8x8x8
            Activation("relu"),
            Pool2D(2),  # 8x8x8  -> 8x4x4
            Conv2D(8, 16, kernel_size=3, padding=1, rng=rng),  # 8x4x4  -> 16x4x4
            Activation("relu"),
            Pool2D(2),  # 16x4x4 -> 16x2x2
            Flatten(),  # 16x2x2 -> 64
            Dense(64, CLASSES, rng=rng),  # 64     -> 10 scores (logits)
        ]
    )
    # --8<-- [end:build_network]


def n_params(network):
    """How many numbers the network learns.

    Examples
    --------
    >>> n_params(build_network())
    1898
    """
    return sum(p.size for p in network.params())


def shapes(network, x):
    """The shape of one picture at every stage: ``[("input", (1, 8, 8)), ("Conv2D", (8, 8, 8)), ...]``.

    Examples
    --------
    >>> [s for _, s in shapes(build_network(), np.zeros((1, 1, 8, 8)))][-3:]
    [(16, 2, 2), (64,), (10,)]
    """
    x = np.asarray(x, dtype=np.float64)
    out = [("input", x.shape[1:])]
    for layer in network.layers:
        x = layer.forward(x)
        out.append((type(layer).__name__, x.shape[1:]))
    return out


SHIFTS = (0, 1)  # how far (in pixels) a training picture may be moved
SCHEDULES = ("constant", "cosine")


def check_pictures(X, y=None, name="X"):
    """``X`` as floats if it is pictures of shape (n, 1, 8, 8), and ``y`` one digit 0-9 per picture; else ``ValueError``."""
    X = as_float_array(X, name)
    if X.ndim != 4 or X.shape[1:] != (1, SIDE, SIDE) or len(X) == 0:
        raise ValueError(
            f"{name} must be pictures of shape (n, 1, {SIDE}, {SIDE}) with n >= 1 (one channel, {SIDE}x{SIDE} pixels), "
            f"got shape {X.shape}"
        )
    if y is not None:
        class_indices(y, "y", len(X), CLASSES)
    return X


def check_shift(shift):
    """``shift`` if it is 0 (pictures as they are) or 1 (moved by up to one pixel); else ``ValueError``."""
    if not is_whole(shift) or shift not in SHIFTS:
        raise ValueError(f"shift must be 0 (no moves) or 1 (moves of up to one pixel), got {shift!r}")
    return shift


def shift_pictures(x, rng):
    """Move each picture of ``x`` (N, 1, 8, 8) by -1, 0 or +1 pixel up or down and left or right.

    The pixel that comes in at the edge is 0 (blank paper). A digit moved by one pixel
    is still the same digit, so this makes new, honest training pictures
    (data augmentation).

    Examples
    --------
    >>> x = np.zeros((1, 1, 8, 8)); x[0, 0, 3, 3] = 1.0
    >>> moved = shift_pictures(x, np.random.default_rng(0))
    >>> float(moved.sum()), moved.shape
    (1.0, (1, 1, 8, 8))
    """
    moves = rng.integers(-1, 2, size=(len(x), 2))  # (down, right) for each picture
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))  # a frame of blank paper around each
    out = np.empty_like(x)
    for down in (-1, 0, 1):
        for right in (-1, 0, 1):
            these = (moves[:, 0] == down) & (moves[:, 1] == right)
            out[these] = padded[these, :, 1 - down : 1 - down + SIDE, 1 - right : 1 - right + SIDE]
    return out


def step_size(lr, epoch, epochs, schedule="constant"):
    """Adam's step size in ``epoch`` (0, 1, ...): ``lr``, or ``lr * (1 + cos(pi * epoch / epochs)) / 2`` for ``"cosine"``.

    Examples
    --------
    >>> step_size(0.01, 0, 10, "cosine"), step_size(0.01, 5, 10, "cosine")
    (0.01, 0.005)
    """
    one_of(schedule, "schedule", SCHEDULES)
    if schedule == "constant":
        return lr
    return float(lr * (1 + np.cos(np.pi * epoch / epochs)) / 2)


# --8<-- [start:train]
def train(epochs=EPOCHS, batch_size=BATCH_SIZE, lr=LR, seed=SEED, split=None, shift=0, schedule="constant"):
    """Train the digits CNN with mini-batches, softmax cross-entropy and Adam; return it and its losses.

    Each epoch shuffles the training pictures and takes one Adam step per batch:
    forward, loss, ``dL/dlogits = (softmax - one_hot) / n``, backward, step.
    ``shift=1`` moves every batch's pictures by up to one pixel (``shift_pictures``);
    ``schedule="cosine"`` lowers the step size from ``lr`` towards 0 (``step_size``).

    Examples
    --------
    >>> network, losses = train(epochs=2)
    >>> len(losses), losses[1] < losses[0]
    (2, True)
    """
    at_least(epochs, "epochs", 1)
    at_least(batch_size, "batch_size", 1)
    positive(lr, "lr")
    check_shift(shift)
    one_of(schedule, "schedule", SCHEDULES)
    split = load_split(seed=seed) if split is None else split
    check_pictures(split.X_train, split.y_train, "split.X_train")
    rng = np.random.default_rng(at_least(seed, "seed", 0))
    network, optimizer = build_network(seed), Adam(lr=lr)
    params, losses = network.params(), []
    for epoch in range(epochs):
        network.train()
        optimizer.lr = step_size(lr, epoch, epochs, schedule)
        order, total = rng.permutation(len(split.X_train)), 0.0
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            x, y = split.X_train[batch], split.y_train[batch]
            if shift:
                x = shift_pictures(x, rng)  # a new small move for every picture, every time
            logits = network.forward(x)
            total += cross_entropy_from_logits(y, logits) * len(batch)
            network.backward(cross_entropy_from_logits_grad(y, logits))  # the chain rule, layer by layer
            optimizer.step(params, network.grads())
        losses.append(total / len(order))  # the epoch's mean training loss
    return network.eval(), losses
    # --8<-- [end:train]


def predict(network, X):
    """The digit with the highest score, for each picture."""
    return np.argmax(network.forward(check_pictures(X)), axis=1)


def accuracy(network, X, y):
    """The fraction of pictures whose digit the network gets right."""
    check_pictures(X, y)
    return float(np.mean(predict(network, X) == np.asarray(y)))


def confusion_matrix(y_true, y_pred, n_classes=CLASSES):
    """``C[i, j]``: how many pictures of digit ``i`` the network called ``j`` (right answers on the diagonal).

    Examples
    --------
    >>> confusion_matrix([0, 1, 1], [0, 1, 0], n_classes=2).tolist()
    [[1, 0], [1, 1]]
    """
    C = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(C, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return C


def feature_maps(network, x):
    """The first convolution's maps after ReLU for one picture ``x`` of shape (8, 8): ``(8, 8, 8)``."""
    first_conv, relu = network.layers[0], network.layers[1]
    return relu.forward(first_conv.forward(np.asarray(x, dtype=np.float64).reshape(1, 1, SIDE, SIDE)))[0]


def first_filters(network):
    """The learned 3x3 kernels of the first convolution: ``(8, 3, 3)``."""
    return network.layers[0].weight[:, 0].copy()


@lru_cache(maxsize=2)
def trained(seed=SEED):
    """``train(seed=seed)`` with the default settings, run once per Python process and then remembered.

    The pages, figures and tests all show this one network; it trains in seconds,
    but once is enough. Do not change the network it returns.
    """
    return train(seed=seed)


def results(seed=SEED):
    """The trained network's test results: accuracy, how many right of how many, confusion matrix."""
    network, _ = trained(seed)
    split = load_split(seed=seed)
    predicted = predict(network, split.X_test)
    return {
        "accuracy": float(np.mean(predicted == split.y_test)),
        "right": int(np.sum(predicted == split.y_test)),
        "total": len(split.y_test),
        "confusion": confusion_matrix(split.y_test, predicted),
    }
