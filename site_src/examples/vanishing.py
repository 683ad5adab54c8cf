"""A gradient fading on its way back: chains of neurons and deep, narrow networks.

The story of "Vanishing gradients" (docs/learning/vanishing-gradients.md). First a chain
of ``CHAIN_DEPTH`` one-input neurons with weight 1, the sigmoid chain fed 0 and the ReLU
chain fed 1 (``CHAIN_INPUTS``): the clip passes a gradient back through both. Then
10-layer networks of 32 neurons on 64 random examples: the figure measures each layer's
gradient with PyTorch's default starting weights and with a good start (``GOOD_INIT``), and
with starting weights ``TOO_BIG`` times Xavier's in a tanh network, where the gradient
grows on its way back instead. Last, two of the networks are trained (``TRAINED``, for
``TRAINING_EPOCHS`` epochs of gradient descent with learning rate ``TRAINING_LR``) and each
layer's gradient is measured at every epoch.
"""

import numpy as np

from site_src import _checks
from site_src._checks import at_least, one_of
from site_src.activations import relu_grad, sigmoid_grad, tanh_grad
from site_src.autograd import Value
from site_src.mlp import MLP

CHAIN_DEPTH = 10
CHAIN_INPUTS = {"sigmoid": 0.0, "relu": 1.0}  # where each chain's first neuron sits: its steepest spot
ACTIVATIONS = ("sigmoid", "tanh", "relu")
GOOD_INIT = {"sigmoid": "xavier_uniform", "tanh": "xavier_uniform", "relu": "he_normal"}
TOO_BIG = 4.0  # "weights too big": every starting weight of a tanh network times 4 (Xavier's times 4)
TRAINED = (("sigmoid", "pytorch"), ("relu", "he_normal"))  # the two networks followed during training
TRAINING_EPOCHS = 300
TRAINING_LR = 0.01

_CHAIN_ACTIVATIONS = {"sigmoid": sigmoid_grad, "tanh": tanh_grad, "relu": relu_grad}


# --8<-- [start:neuron-chain]
def neuron_chain(activation, depth, x=1.0, weight=1.0, bias=0.0):
    """A chain of one-input neurons, and how a gradient changes on its way back.

    Neuron ``k`` (1 to ``depth``) computes ``a_k = f(weight * a_(k-1) + bias)``,
    starting from ``a_0 = x``. The chain is built from ``site_src.autograd.Value``
    numbers, so ``backward()`` applies the chain rule for us.

    Parameters
    ----------
    activation : str
        ``"sigmoid"``, ``"tanh"`` or ``"relu"``: the switch ``f`` of every neuron.
    depth : int
        How many neurons in the chain, at least 1.
    x : float, optional
        The input ``a_0``.
    weight, bias : float, optional
        Every neuron's weight and bias.

    Returns
    -------
    slopes : list of float
        ``depth`` numbers: ``f'(z_k)``, the slope of neuron ``k``'s switch
        where it is used, for ``k = 1 ... depth``.
    grads : list of float
        ``depth + 1`` numbers: ``d a_depth / d a_k`` for ``k = 0 ... depth``,
        how much the chain's output moves per nudge of ``a_k``. The last is 1.

    Raises
    ------
    ValueError
        If ``activation`` is unknown or ``depth`` is not a whole number of at least 1.

    Examples
    --------
    >>> slopes, grads = neuron_chain("sigmoid", 3, x=0.0)
    >>> [round(s, 4) for s in slopes]      # the first neuron sits at z = 0: the top slope, 0.25
    [0.25, 0.235, 0.2273]
    >>> [round(g, 4) for g in grads]       # each step back multiplies by weight * slope
    [0.0134, 0.0534, 0.2273, 1.0]
    """
    one_of(activation, "activation", tuple(_CHAIN_ACTIVATIONS))
    at_least(depth, "depth", 1)
    a = [Value(x)]  # a[k] is neuron k's output, a[0] the input
    zs = []
    for _ in range(depth):
        z = a[-1] * weight + bias  # the weighted sum
        zs.append(z.data)
        a.append(getattr(z, activation)())  # the switch: z.sigmoid(), z.tanh() or z.relu()
    a[-1].backward()  # the chain rule, from the last neuron back to the input
    slopes = [float(_CHAIN_ACTIVATIONS[activation](z)) for z in zs]
    return slopes, [v.grad for v in a]
    # --8<-- [end:neuron-chain]


# --8<-- [start:gradient-sizes]
def deep_network(activation, init, depth=10, width=32, n_samples=64, seed=0, scale=1.0):
    """A deep, narrow network and a batch of random examples, for measuring gradients.

    ``width`` inputs, ``depth`` hidden layers of ``width`` neurons with the ``activation``
    switch (``"sigmoid"``, ``"tanh"`` or ``"relu"``), starting weights drawn by ``init`` (as in
    ``site_src.mlp.MLP``) and multiplied by ``scale``, and one output neuron scored with the
    mean squared error; the ``n_samples`` inputs and targets are random (``seed``).

    Examples
    --------
    >>> net, X, y = deep_network("relu", "he_normal", depth=3, width=4, n_samples=5)
    >>> net.layer_sizes, X.shape, y.shape
    ((4, 4, 4, 4, 1), (5, 4), (5, 1))
    """
    _checks.positive(scale, "scale")
    rng = np.random.default_rng(seed)
    net = MLP(
        [width] * (depth + 1) + [1], activation=activation, output_activation="identity", loss="mse", init=init, rng=rng
    )
    for W in net.weights:
        W *= scale  # in place: these are the very arrays the layers use
    X = rng.normal(size=(n_samples, width))
    y = rng.normal(size=(n_samples, 1))
    return net, X, y


def gradient_sizes(activation, init, depth=10, width=32, n_samples=64, seed=0, scale=1.0):
    """How big each layer's weight gradient is, hidden layer 1 first, the output layer last.

    One forward and one backward pass through ``deep_network(...)``; a gradient's size is its
    length, the square root of the sum of its squared numbers (``numpy.linalg.norm``).

    Examples
    --------
    >>> sizes = gradient_sizes("sigmoid", "pytorch")
    >>> bool(sizes[0] < sizes[9] / 1_000_000)   # layer 1 gets over a million times less than layer 10
    True
    """
    net, X, y = deep_network(activation, init, depth, width, n_samples, seed, scale)
    net.loss(X, y)  # the forward pass
    net.backward(y)  # the backward pass fills net.grad_weights
    return np.array([np.linalg.norm(g) for g in net.grad_weights])
    # --8<-- [end:gradient-sizes]


# --8<-- [start:sizes-during-training]
def sizes_during_training(activation, init, epochs=TRAINING_EPOCHS, lr=TRAINING_LR, **network):
    """Each layer's gradient size at every epoch of training, and the loss.

    Builds ``deep_network(activation, init, **network)`` and trains it on its examples by
    plain gradient descent, ``w <- w - lr * dL/dw``, using all the examples at every step.

    Returns
    -------
    sizes : numpy.ndarray
        Shape ``(epochs + 1, depth + 1)``: row ``e`` holds the layers' gradient sizes (as in
        ``gradient_sizes``) after ``e`` steps, the first layer first.
    losses : numpy.ndarray
        Shape ``(epochs + 1,)``: the loss after 0, 1, ..., ``epochs`` steps.

    Examples
    --------
    >>> sizes, losses = sizes_during_training("relu", "he_normal", epochs=2, depth=3)
    >>> sizes.shape, bool(losses[2] < losses[0])
    ((3, 4), True)
    """
    at_least(epochs, "epochs", 1)
    net, X, y = deep_network(activation, init, **network)
    sizes, losses = [], []
    for epoch in range(epochs + 1):
        losses.append(net.loss(X, y))
        net.backward(y)
        sizes.append([np.linalg.norm(g) for g in net.grad_weights])
        if epoch < epochs:
            net.step(lr)
    return np.array(sizes), np.array(losses)
    # --8<-- [end:sizes-during-training]
