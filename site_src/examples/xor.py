"""XOR: one straight line cannot do it; a team of perceptrons, or a trained 2-2-1 network, can.

The story of "The multi-layer perceptron" (docs/learning/mlp.md). By hand: robot A says
YES when at least one switch is up (an OR line), robot B only when both are (an AND
line), and the boss turns the light on when A says YES and B says NO. Learned: a 2-2-1
sigmoid network trained on XOR with the settings below finds two such lines itself.
The figure ``mlp-xor-regions`` draws robot A's line and the trained network's two hidden
lines; ``mlp-xor-hidden-space`` draws the four inputs where the hidden layer puts them,
``(h1, h2)``, and the output neuron's one straight line that splits them there.
"""

from functools import cache

from site_src.datasets import logic_gate
from site_src.examples.tiny_network import forward_steps
from site_src.mlp import MLP
from site_src.neurons import Perceptron

LAYERS = [2, 2, 1]
SEED = 0  # the random starting weights
EPOCHS = 3000
LR = 2.0


def robot_a():
    """YES when at least one input is 1: the OR line, the best a single line does on XOR (3 of 4)."""
    return Perceptron(2, weights=[1.0, 1.0], bias=-0.5)


def robot_b():
    """YES only when both inputs are 1: the AND line."""
    return Perceptron(2, weights=[1.0, 1.0], bias=-1.5)


def boss():
    """Light ON when robot A says YES and robot B says NO."""
    return Perceptron(2, weights=[1.0, -1.0], bias=-0.5)


def trained_network():
    """The 2-2-1 sigmoid network trained on XOR, exactly as on the MLP page.

    Examples
    --------
    >>> X, y = logic_gate("xor")
    >>> bool(((trained_network().predict(X)[:, 0] >= 0.5) == y).all())
    True
    """
    X, y = logic_gate("xor")
    net = MLP(LAYERS, activation="sigmoid", output_activation="sigmoid", rng=SEED)
    net.fit(X, y[:, None].astype(float), epochs=EPOCHS, lr=LR)
    return net


@cache
def _trained():
    return trained_network()


def hidden_space():
    """Where the trained network's hidden layer puts the four inputs, and the output neuron's line there.

    Returns ``H, v, c``: ``H[i]`` is ``(h1, h2)`` for the i-th XOR input (in the order of
    ``logic_gate("xor")``), and the output neuron says 1 where ``v[0] h1 + v[1] h2 + c >= 0``,
    one side of a straight line in the hidden plane.

    Examples
    --------
    >>> H, v, c = hidden_space()
    >>> X, y = logic_gate("xor")
    >>> ((H @ v + c >= 0) == (y == 1)).tolist()
    [True, True, True, True]
    """
    net = _trained()
    X, _ = logic_gate("xor")
    H = forward_steps(net, X)["a1"]
    return H, net.weights[1][0].copy(), float(net.biases[1][0])
