"""Worked examples that several chapters share, so every page uses the same numbers."""

import numpy as np

from site_src.mlp import MLP


# --8<-- [start:tiny-network]
def tiny_network():
    """The 2-2-1 network of the "How networks learn" chapters, with its one example.

    Two inputs, two hidden neurons and one output neuron, all with the
    sigmoid switch, scored with the mean squared error. The weights are picked
    by hand so every number can be followed on paper.

    Returns
    -------
    net : MLP
        The network, with ``weights[0]`` of shape (2, 2) and ``weights[1]`` of shape (1, 2).
    x : numpy.ndarray
        Shape (1, 2): the one input example.
    y : numpy.ndarray
        Shape (1, 1): the right answer for it.

    Examples
    --------
    >>> net, x, y = tiny_network()
    >>> net.layer_sizes, x.tolist(), y.tolist()
    ((2, 2, 1), [[1.0, 2.0]], [[1.0]])
    """
    net = MLP(
        [2, 2, 1], activation="sigmoid", output_activation="sigmoid", loss="mse",
        weights=[[[0.4, -0.2],     # hidden neuron 1: a weight for each input
                  [0.3, 0.6]],     # hidden neuron 2
                 [[0.5, -0.4]]],   # output neuron: a weight for each hidden neuron
        biases=[[0.1, -0.3], [0.2]],
    )
    x = np.array([[1.0, 2.0]])
    y = np.array([[1.0]])
    return net, x, y
# --8<-- [end:tiny-network]
