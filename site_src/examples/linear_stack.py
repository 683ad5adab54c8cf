"""A stack of neurons without a switch is one straight line; with ReLU it bends.

The story of "The activation function" (docs/learning/activation-idea.md): a hand-picked
1-3-1 network. With no switch its output is the straight line ``x - 1.5``; with ReLU in
the hidden layer the same weights give a bent line with corners at -1, 0 and 1.
The figure draws both.
"""

from site_src.mlp import MLP

# one input, three hidden neurons, one output
W1, B1 = [[1.0], [1.0], [1.0]], [1.0, 0.0, -1.0]
W2, B2 = [[1.0, -2.0, 2.0]], [-0.5]


def stack_network(activation):
    """The hand-picked 1-3-1 network with the given hidden switch (``"identity"`` for none).

    Examples
    --------
    >>> stack_network("identity").forward([[0.0], [1.0]]).tolist()
    [[-1.5], [-0.5]]
    """
    return MLP([1, 3, 1], activation=activation, output_activation="identity", weights=[W1, W2], biases=[B1, B2])
