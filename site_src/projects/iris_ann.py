"""The Iris ANN: a small network that tells three kinds of iris flower apart from four measurements.

The story of the project page "A complete network on the Iris flowers"
(docs/projects/iris-ann.py, a notebook): scikit-learn's 150 flowers
(``site_src.datasets.iris``), 50 of each species, are split once with a seed
into training, validation and test parts, keeping the 50/50/50 mix in each
(``site_src.projects.data.split``, stratified), and scaled with the training
part's mean and spread only (``site_src.projects.data.scale``). Then

``Dense(4, 8) -> ReLU -> Dense(8, 3)``

(``site_src.mlp.MLP``) learns with softmax cross-entropy on its 3 scores
(``site_src.losses.cross_entropy_from_logits``) and ``Adam`` from
``site_src.optimizers``, in mini-batches. Why this shape: 4 inputs because a
flower has 4 measurements, 3 outputs because there are 3 species, and one
hidden layer of 8 ReLU neurons, enough to bend the border between the two
species that overlap, while the whole network keeps 67 numbers to learn for
90 training flowers. ``train_torch`` trains the very same network in PyTorch,
from the same starting weights and with the same batches.

The contract, said once: everything is seeded (the split, the starting
weights, the order of the mini-batches), so the same arguments give the same
numbers. Bad arguments raise ``ValueError`` saying what is allowed: an unknown
data set, a test fraction outside (0, 1), a seed that is not a whole number of
at least 0, epochs or a batch size below 1, a learning rate that is not above
0, and layer sizes that do not fit the data (4 inputs, 3 outputs).
"""

from functools import lru_cache

# --8<-- [start:settings]
import numpy as np

from site_src._checks import at_least, layer_sizes, one_of, positive
from site_src.datasets import iris
from site_src.mlp import MLP
from site_src.optimizers import Adam
from site_src.projects.data import Split, check_seed, scale, split

DATASETS = ("iris",)
SPECIES = ("setosa", "versicolor", "virginica")
CLASSES = len(SPECIES)
FEATURES = ("sepal length", "sepal width", "petal length", "petal width")  # in cm
TEST_FRACTION = 0.2  # 10 flowers of each species kept aside for the final test
VALIDATION_FRACTION = 0.2  # 10 more of each for choosing settings such as the epochs
SEED = 0
LAYER_SIZES = (4, 8, 3)  # 4 measurements in, 8 hidden ReLU neurons, 3 species out
ACTIVATION = "relu"
EPOCHS = 60
BATCH_SIZE = 16
LR = 0.01  # Adam's step size
SEEDS = tuple(range(10))  # one run on 150 flowers is luck: repeat with 10 seeds
WATCHED = (0, 0, 2)  # the weight we follow: layer 0, hidden neuron 0, input "petal length"
# --8<-- [end:settings]


@lru_cache(maxsize=1)
def _iris():
    """scikit-learn's Iris, loaded once per process."""
    X, y = iris()
    X.flags.writeable = y.flags.writeable = False  # shared: nobody may change it
    return X, y


def load_data(dataset="iris"):
    """All the flowers, unsplit: measurements ``X`` (150, 4) and species ``y`` (150,).

    Examples
    --------
    >>> X, y = load_data()
    >>> X.shape, np.bincount(y).tolist()
    ((150, 4), [50, 50, 50])
    """
    one_of(dataset, "dataset", DATASETS)
    X, y = _iris()
    return X.copy(), y.copy()


# --8<-- [start:load_split]
def load_split(
    dataset="iris", test_fraction=TEST_FRACTION, validation_fraction=VALIDATION_FRACTION, seed=SEED, scaled=True
):
    """Split the flowers (stratified, seeded), then scale every part with the training part's mean and spread.

    Examples
    --------
    >>> split = load_split()
    >>> len(split.y_train), len(split.y_val), len(split.y_test)
    (90, 30, 30)
    """
    X, y = load_data(dataset)
    parts = split(y, test_fraction, validation_fraction, seed=seed, stratify=True)  # first, before anything else
    X_train, X_val, X_test = X[parts.train], X[parts.validation], X[parts.test]
    if scaled:  # mean and spread of the training flowers only: the test stays unseen
        X_train, X_val, X_test = scale(X_train, X_val, X_test, method="standard")
    return Split(X_train, y[parts.train], X_val, y[parts.validation], X_test, y[parts.test])

    # --8<-- [end:load_split]


def _check_fits(sizes, split):
    """The network must take one input per measurement and give one score per species."""
    n_features, n_classes = split.X_train.shape[1], CLASSES
    if sizes[0] != n_features or sizes[-1] != n_classes:
        raise ValueError(
            f"layer_sizes {list(sizes)} do not fit the data: each flower has {n_features} measurements "
            f"and there are {n_classes} species, so layer_sizes must start with {n_features} "
            f"and end with {n_classes}, like {list(LAYER_SIZES)}"
        )


# --8<-- [start:build_network]
def build_network(sizes=LAYER_SIZES, seed=SEED):
    """The Iris network: Dense -> ReLU -> ... -> Dense giving 3 raw scores (logits), one per species.

    Examples
    --------
    >>> build_network()
    MLP([4, 8, 3], activation='relu', output_activation='identity', loss='cross_entropy')
    """
    return MLP(layer_sizes(sizes), activation=ACTIVATION, loss="cross_entropy", rng=check_seed(seed))

    # --8<-- [end:build_network]


def n_params(network):
    """How many numbers the network learns (every weight and bias).

    Examples
    --------
    >>> n_params(build_network())
    67
    """
    return sum(p.size for p in network.params())


def _measure(network, X, y):
    """The mean loss and the accuracy of ``network`` on flowers ``X`` with species ``y``."""
    loss = network.loss(X, y)
    return loss, float(np.mean(network.output.argmax(axis=1) == y))


def _check_training(epochs, batch_size, lr, seed):
    at_least(epochs, "epochs", 1)
    at_least(batch_size, "batch_size", 1)
    positive(lr, "lr")
    check_seed(seed)


# --8<-- [start:train]
def train(epochs=EPOCHS, batch_size=BATCH_SIZE, lr=LR, seed=SEED, sizes=LAYER_SIZES, split=None):
    """Train the NumPy network with mini-batches and Adam; return it and what happened in every epoch.

    The history has one value per epoch, the first one before any training:
    loss and accuracy on the training and validation flowers, the size of the
    gradient over all training flowers, and the watched weight with its gradient.

    Examples
    --------
    >>> network, history = train(epochs=5)
    >>> losses = history["train_loss"]
    >>> len(losses), losses[-1] < losses[0]
    (6, True)
    """
    _check_training(epochs, batch_size, lr, seed)
    split = load_split(seed=seed) if split is None else split
    _check_fits(layer_sizes(sizes), split)
    network, optimizer = build_network(sizes, seed), Adam(lr=lr)
    batches = np.random.default_rng(seed)  # shuffles the training flowers every epoch
    history = {
        key: []
        for key in ("train_loss", "train_accuracy", "val_loss", "val_accuracy", "grad_norm", "weight", "weight_grad")
    }
    for epoch in range(epochs + 1):
        if epoch > 0:  # entry 0 is the network before it has learned anything
            network.fit(split.X_train, split.y_train, epochs=1, batch_size=batch_size, rng=batches, optimizer=optimizer)
        val_loss, val_accuracy = _measure(network, split.X_val, split.y_val)
        train_loss, train_accuracy = _measure(network, split.X_train, split.y_train)
        network.backward(split.y_train)  # the gradient over all training flowers (no step: just looking)
        layer, row, column = WATCHED
        for key, value in [
            ("train_loss", train_loss),
            ("train_accuracy", train_accuracy),
            ("val_loss", val_loss),
            ("val_accuracy", val_accuracy),
            ("grad_norm", float(np.sqrt(sum(np.sum(g**2) for g in network.grads())))),
            ("weight", float(network.weights[layer][row, column])),
            ("weight_grad", float(network.grad_weights[layer][row, column])),
        ]:
            history[key].append(value)
    return network, history

    # --8<-- [end:train]


# --8<-- [start:train_torch]
def train_torch(epochs=EPOCHS, batch_size=BATCH_SIZE, lr=LR, seed=SEED, sizes=LAYER_SIZES, split=None):
    """The same network trained in PyTorch: same starting weights, same batches, ``torch.optim.Adam``.

    Returns the model and its training and validation loss per epoch (the first before training).
    """
    import torch
    from torch.nn.functional import cross_entropy

    from site_src.pytorch.mlp import from_numpy

    _check_training(epochs, batch_size, lr, seed)
    split = load_split(seed=seed) if split is None else split
    _check_fits(layer_sizes(sizes), split)
    model = from_numpy(build_network(sizes, seed))  # a copy of the NumPy network's starting weights
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    X, y = torch.tensor(split.X_train), torch.tensor(split.y_train)
    X_val, y_val = torch.tensor(split.X_val), torch.tensor(split.y_val)
    batches = np.random.default_rng(seed)  # the same shuffles as the NumPy run
    history = {"train_loss": [], "val_loss": []}
    for epoch in range(epochs + 1):
        if epoch > 0:
            order = batches.permutation(len(X)) if batch_size < len(X) else np.arange(len(X))
            for start in range(0, len(X), batch_size):
                batch = torch.from_numpy(order[start : start + batch_size])
                optimizer.zero_grad()
                cross_entropy(model(X[batch]), y[batch]).backward()  # autograd does the chain rule
                optimizer.step()
        with torch.no_grad():
            history["train_loss"].append(cross_entropy(model(X), y).item())
            history["val_loss"].append(cross_entropy(model(X_val), y_val).item())
    return model, history

    # --8<-- [end:train_torch]


# --8<-- [start:metrics]
def metrics(y_true, y_pred, n_classes=CLASSES):
    """Accuracy, confusion matrix, and precision, recall and F1 for every class.

    ``C[i, j]`` counts flowers of species ``i`` called ``j``; precision = right / called that,
    recall = right / really that, F1 = 2 * precision * recall / (precision + recall) (0 when undefined).

    Examples
    --------
    >>> m = metrics([0, 0, 1, 1], [0, 1, 1, 1], n_classes=2)
    >>> m["accuracy"], m["precision"].tolist(), m["recall"].tolist()
    (0.75, [1.0, 0.6666666666666666], [0.5, 1.0])
    """
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    C = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(C, (y_true, y_pred), 1)
    right = np.diag(C).astype(float)
    called, really = C.sum(axis=0), C.sum(axis=1)
    precision = np.divide(right, called, out=np.zeros(n_classes), where=called > 0)
    recall = np.divide(right, really, out=np.zeros(n_classes), where=really > 0)
    both = precision + recall
    f1 = np.divide(2 * precision * recall, both, out=np.zeros(n_classes), where=both > 0)
    return {
        "accuracy": float(right.sum() / C.sum()),
        "confusion": C,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }

    # --8<-- [end:metrics]


def evaluate(network, split):
    """The network's results on the test flowers: call this once, at the very end."""
    return metrics(split.y_test, network.predict(split.X_test))


# --8<-- [start:over_seeds]
def over_seeds(seeds=SEEDS, epochs=EPOCHS, batch_size=BATCH_SIZE, lr=LR):
    """The test accuracy for each seed: a new split, new starting weights and new batches every time.

    Examples
    --------
    >>> runs = over_seeds(seeds=(0, 1), epochs=2)
    >>> runs["seeds"], len(runs["accuracy"])
    ([0, 1], 2)
    """
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise ValueError(f"seeds must be a list of whole numbers of at least 0, like [0, 1, 2], got {seeds!r}")
    seeds = [check_seed(seed) for seed in seeds]
    if not seeds:
        raise ValueError("seeds must hold at least one seed, got none")
    accuracies = []
    for seed in seeds:
        split = load_split(seed=seed)
        network, _ = train(epochs, batch_size, lr, seed, split=split)
        accuracies.append(evaluate(network, split)["accuracy"])
    return {"seeds": seeds, "accuracy": accuracies}

    # --8<-- [end:over_seeds]
