"""Where the weights start: the XOR network's clones, and signals through ten layers.

The story of "Weight initialization" (docs/training/initialization.md). First the 2-4-1
XOR network (tanh hidden layer, sigmoid output, mean squared error) is trained with plain
gradient descent (``XOR_EPOCHS`` epochs at ``XOR_LR``) from three starts: every number
zero, every weight ``EQUAL_WEIGHT`` (biases zero), and random weights (Xavier uniform,
seed ``XOR_SEED``). Then ``SPREAD_SAMPLES`` random inputs (bell-curve numbers, spread 1)
go forward through ``SPREAD_DEPTH`` layers of ``SPREAD_WIDTH`` neurons, and
``activation_spread`` measures how spread out each layer's answers are, for every start
in ``SPREAD_INITS`` and both switches in ``SPREAD_ACTIVATIONS``. (The gradients of deep
networks were measured in the vanishing-gradients story, ``site_src.examples.vanishing``.)
"""

import numpy as np

from site_src._checks import one_of
from site_src.datasets import logic_gate
from site_src.layers import ACTIVATIONS, Dense
from site_src.mlp import MLP

XOR_LAYERS = (2, 4, 1)
XOR_EPOCHS = 2000
XOR_LR = 1.0
XOR_SEED = 0
EQUAL_WEIGHT = 0.5
STARTS = ("zeros", "equal", "random")


# --8<-- [start:xor-starts]
def xor_network(start):
    """The untrained 2-4-1 XOR network from one of the ``STARTS``.

    ``"zeros"``: every weight and bias 0. ``"equal"``: every weight ``EQUAL_WEIGHT``,
    biases 0. ``"random"``: Xavier uniform weights (seed ``XOR_SEED``), biases 0.

    Examples
    --------
    >>> xor_network("equal").weights[0].tolist()
    [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]
    """
    one_of(start, "start", STARTS)
    n_in, n_hidden, n_out = XOR_LAYERS
    settings = {"activation": "tanh", "output_activation": "sigmoid", "loss": "mse"}
    if start == "random":
        return MLP(list(XOR_LAYERS), init="xavier_uniform", rng=XOR_SEED, **settings)
    w = 0.0 if start == "zeros" else EQUAL_WEIGHT
    weights = [np.full((n_hidden, n_in), w), np.full((n_out, n_hidden), w)]
    biases = [np.zeros(n_hidden), np.zeros(n_out)]
    return MLP(list(XOR_LAYERS), weights=weights, biases=biases, **settings)


def train_xor(start):
    """Train ``xor_network(start)`` on XOR; return the network and its four answers, in [0, 1].

    Examples
    --------
    >>> net, answers = train_xor("zeros")
    >>> answers.tolist()        # nothing ever moved: 0.5 for every input
    [0.5, 0.5, 0.5, 0.5]
    """
    X, y = logic_gate("xor")
    net = xor_network(start)
    net.fit(X, y[:, None].astype(float), epochs=XOR_EPOCHS, lr=XOR_LR)
    return net, net.forward(X)[:, 0]
    # --8<-- [end:xor-starts]


def clones(net):
    """How many different hidden neurons the network has: distinct rows of (weights, bias) of layer 1.

    Examples
    --------
    >>> clones(xor_network("equal")), clones(xor_network("random"))
    (1, 4)
    """
    W, b = net.weights[0], net.biases[0]
    return len({tuple(row) for row in np.column_stack([W, b]).tolist()})


# --8<-- [start:spread]
SPREAD_DEPTH = 10
SPREAD_WIDTH = 100
SPREAD_SAMPLES = 500
SPREAD_SEED = 0
SPREAD_ACTIVATIONS = ("tanh", "relu")
SPREAD_INITS = ("uniform", "pytorch", "xavier_normal", "he_normal")  # "uniform" is [-0.05, 0.05)


def activation_spread(
    activation, init, depth=SPREAD_DEPTH, width=SPREAD_WIDTH, n_samples=SPREAD_SAMPLES, seed=SPREAD_SEED
):
    """How spread out each layer's answers are, going forward through a deep network.

    ``depth`` layers of ``width`` neurons, each ``a = f(a_prev @ W.T + b)``, with weights
    drawn by ``init`` (as ``site_src.layers.Dense``); the input is ``n_samples`` rows of
    bell-curve numbers with spread 1. The spread of a layer is the standard deviation
    of all its answers.

    Examples
    --------
    >>> spread = activation_spread("relu", "he_normal")
    >>> spread.shape, bool(0.5 < spread[-1] < 2)      # He keeps ReLU's signal the same size
    ((10,), True)
    """
    one_of(activation, "activation", SPREAD_ACTIVATIONS)
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(n_samples, width))  # the input: spread 1
    f = ACTIVATIONS[activation][0]
    spread = []
    for _ in range(depth):
        a = f(Dense(width, width, init=init, rng=rng).forward(a))
        spread.append(a.std())
    return np.array(spread)
    # --8<-- [end:spread]


def spreads():
    """``{(activation, init): activation_spread(activation, init)}`` for every pair the figure shows."""
    return {(f, init): activation_spread(f, init) for f in SPREAD_ACTIVATIONS for init in SPREAD_INITS}
