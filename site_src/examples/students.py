"""The pass/fail network: three numbers about a student in, one chance of passing out.

The story of "Feed-forward networks" and "The multi-layer perceptron" (docs/learning/):
a 3-4-1 network on ``site_src.datasets.students``, trained on the first ``N_LEARN``
students (inputs scaled by ``SCALE`` to about 0 to 1) and checked on the rest.
The feed-forward figure draws its layers.
"""

import numpy as np

from site_src.datasets import students
from site_src.mlp import MLP

LAYERS = [3, 4, 1]  # study hours, sleep hours, attendance -> 4 hidden neurons -> pass?
SCALE = (10, 10, 100)  # divide each input by this: hours out of 10, attendance out of 100
N_LEARN = 24  # train on the first 24 students, keep the last 6 aside
SEED = 0
EPOCHS = 2000
LR = 2.0


def trained_network():
    """The 3-4-1 sigmoid network trained on the first ``N_LEARN`` students, as on the MLP page.

    Examples
    --------
    >>> X, y = students()
    >>> answers = trained_network().predict(np.asarray(X) / SCALE)[:, 0] >= 0.5
    >>> int((answers == y).sum())
    30
    """
    X, y = students()
    X = X / np.array(SCALE)
    net = MLP(LAYERS, activation="sigmoid", output_activation="sigmoid", rng=SEED)
    net.fit(X[:N_LEARN], y[:N_LEARN, None], epochs=EPOCHS, lr=LR)
    return net
