"""Deploying a model: save what a trained network has learned, load it back, and predict with it.

The story of "What next" (docs/projects/what-next.md), its deployment part. A
trained ``site_src.mlp.MLP`` is only its layer sizes, its activation names and
its weights and biases. ``save`` writes all of them to one ``.npz`` file (NumPy's
zip of arrays); ``load`` builds a new ``MLP`` from that file, and the new network
predicts exactly what the old one did. The PyTorch way is
``torch.save(model.state_dict(), path)`` and ``model.load_state_dict(torch.load(path))``.

The contract, said once: ``save`` and ``load`` take a path (``str`` or
``pathlib.Path``). ``load`` raises ``ValueError`` for a file that is not a saved
network, and ``predict`` raises ``ValueError`` when the pictures or measurements
do not fit the network (one column per input of its first layer), saying what is allowed.
"""

# --8<-- [start:save_load]
import numpy as np

from site_src.mlp import MLP

STORY_SIZES = (4, 8, 3)  # the Iris network's shape: 4 measurements in, 3 species out
STORY_SEED = 0


def save(network, path):
    """Write the network's shape, activations, weights and biases to one ``.npz`` file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.npz"
    >>> save(MLP([2, 3, 1], rng=0), path)
    >>> np.load(path)["layer_sizes"].tolist()
    [2, 3, 1]
    """
    arrays = {
        "layer_sizes": np.array(network.layer_sizes),
        "activation": np.array(network.activation),
        "output_activation": np.array(network.output_activation),
        "loss": np.array(network.loss_name),
    }
    for i, (W, b) in enumerate(zip(network.weights, network.biases)):
        arrays[f"W{i}"], arrays[f"b{i}"] = W, b
    np.savez(path, **arrays)


def load(path):
    """Build a new ``MLP`` from a file written by ``save``: same shape, same weights, same predictions."""
    with np.load(path, allow_pickle=False) as saved:  # no pickles: loading runs no code
        needed = {"layer_sizes", "activation", "output_activation", "loss"}
        if not needed <= set(saved.files):
            raise ValueError(
                f"{path} is not a network written by save(): it needs the arrays "
                f"{sorted(needed)} plus W0, b0, W1, b1, ...; it has {sorted(saved.files)}"
            )
        sizes = saved["layer_sizes"].tolist()
        n = len(sizes) - 1  # one weight matrix and one bias per layer
        return MLP(
            sizes,
            activation=str(saved["activation"]),
            output_activation=str(saved["output_activation"]),
            loss=str(saved["loss"]),
            weights=[saved[f"W{i}"] for i in range(n)],
            biases=[saved[f"b{i}"] for i in range(n)],
        )

    # --8<-- [end:save_load]


def predict(network, X):
    """The class with the highest score for each row of ``X``, after checking ``X`` fits the network.

    Examples
    --------
    >>> predict(MLP([2, 3, 2], rng=0), [[0.0, 1.0]]).shape
    (1,)
    """
    X = np.asarray(X, dtype=np.float64)
    n_in = network.layer_sizes[0]
    if X.ndim != 2 or X.shape[1] != n_in:
        raise ValueError(
            f"X must have shape (n, {n_in}): one row per example and one column per input "
            f"of the network's first layer, got shape {X.shape}"
        )
    return network.forward(X).argmax(axis=1)


def trained_story_network(epochs=50):
    """The Iris network of the story, trained briefly with Adam, to save and load on the page."""
    from site_src.optimizers import Adam
    from site_src.projects.iris_ann import load_split

    split = load_split(seed=STORY_SEED)
    network = MLP(STORY_SIZES, activation="relu", loss="cross_entropy", rng=STORY_SEED)
    network.fit(split.X_train, split.y_train, epochs=epochs, batch_size=16, optimizer=Adam(lr=0.01))
    return network, split
