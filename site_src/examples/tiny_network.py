"""The tiny 2-2-1 network: one forward pass, one backward pass and one update, by hand.

The story of "Forward propagation", "Backpropagation", "The gradient of the loss" and
"The chain rule" (docs/learning/): two inputs, two hidden neurons and one output neuron,
all with the sigmoid switch, hand-picked weights, one example ``x = (1, 2)`` whose right
answer is ``y = 1``, and one step of gradient descent with learning rate ``LR``.
Its diagram, its backpropagation clip and the gradient figure draw these numbers.
For a batch, two more examples (``BATCH_X``, ``BATCH_Y``): each example's desired nudges
and their average, the batch's nudge (the backpropagation chapter's bar figure).
"""

import numpy as np

from site_src.activations import relu, sigmoid, tanh
from site_src.mlp import MLP

LR = 0.5  # the learning rate of the backpropagation chapter's update step


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
    W1 = [
        [0.4, -0.2],  # hidden neuron 1: a weight for each input
        [0.3, 0.6],  # hidden neuron 2
    ]
    b1 = [0.1, -0.3]
    W2 = [[0.5, -0.4]]  # the output neuron: a weight for each hidden neuron
    b2 = [0.2]
    net = MLP(
        [2, 2, 1],
        activation="sigmoid",
        output_activation="sigmoid",
        loss="mse",
        weights=[W1, W2],
        biases=[b1, b2],
    )
    x = np.array([[1.0, 2.0]])
    y = np.array([[1.0]])
    return net, x, y
    # --8<-- [end:tiny-network]


# --8<-- [start:forward-steps]
def forward_steps(net, x):
    """Every value a forward pass computes, by name, layer by layer.

    Layer 1 gives ``z1`` (each neuron's weighted sum plus bias) and ``a1``
    (each neuron's answer after its activation function), layer 2 gives
    ``z2`` and ``a2``, and so on. ``y_hat`` is the last layer's answer: the
    same array that ``net.forward(x)`` returns.

    Parameters
    ----------
    net : MLP
        The network.
    x : array_like
        Shape ``(n_samples, net.layer_sizes[0])``: one example per row.

    Returns
    -------
    dict of str to numpy.ndarray
        ``"z1", "a1", "z2", "a2", ...`` and ``"y_hat"``, each of shape
        ``(n_samples, neurons in that layer)``.

    Raises
    ------
    ValueError
        If ``x`` does not have shape ``(n_samples, net.layer_sizes[0])``.
    TypeError
        If ``x`` is not numeric.

    Examples
    --------
    >>> net, x, y = tiny_network()
    >>> steps = forward_steps(net, x)
    >>> list(steps)
    ['z1', 'a1', 'z2', 'a2', 'y_hat']
    >>> steps["z1"].round(3).tolist(), steps["a1"].round(3).tolist()
    ([[0.1, 1.2]], [[0.525, 0.769]])
    >>> steps["z2"].round(3).tolist(), steps["y_hat"].round(3).tolist()
    ([[0.155]], [[0.539]])
    """
    y_hat = net.forward(x)  # also checks the shape of x
    switch = {"identity": lambda z: z, "sigmoid": sigmoid, "tanh": tanh, "relu": relu}
    names = [net.activation] * (len(net.weights) - 1) + [net.output_activation]  # hidden layers, then output
    steps = {}
    a = np.asarray(x, dtype=np.float64)
    for layer, (W, b, name) in enumerate(zip(net.weights, net.biases, names), start=1):
        z = a @ W.T + b  # every neuron: its weighted sum plus its bias
        a = switch[name](z)  # every neuron: its activation function (the switch)
        steps[f"z{layer}"], steps[f"a{layer}"] = z, a
    steps["y_hat"] = y_hat
    return steps
    # --8<-- [end:forward-steps]


def story(lr=LR):
    """Every number of one forward pass, one backward pass and one update of the tiny network.

    Returns
    -------
    dict
        ``x``, ``y``, the weights ``W1``, ``W2``; the forward pass ``z1``, ``a1``, ``z2``,
        ``y_hat`` and ``loss``; the backward pass ``dL_dyhat`` (2(ŷ − y)), ``slope_out``
        (ŷ(1 − ŷ)), ``delta2``, ``gW2``, ``back`` (W₂ᵀδ₂), ``slope_hidden`` (a(1 − a)),
        ``delta1``, ``gW1``; after one step with learning rate ``lr``: ``new_W1``,
        ``new_W2`` and ``new_loss``.

    Examples
    --------
    >>> s = story()
    >>> round(s["loss"], 4), round(s["new_loss"], 4)
    (0.2128, 0.1642)
    """
    net, x, y = tiny_network()
    W1, W2 = net.weights[0].copy(), net.weights[1].copy()
    steps = forward_steps(net, x)
    loss = net.loss(x, y)
    net.backward(y)
    a1, y_hat = steps["a1"], steps["y_hat"]
    s = {
        "x": x[0],
        "y": float(y[0, 0]),
        "W1": W1,
        "W2": W2,
        "z1": steps["z1"][0],
        "a1": a1[0],
        "z2": float(steps["z2"][0, 0]),
        "y_hat": float(y_hat[0, 0]),
        "loss": loss,
        "dL_dyhat": float(2 * (y_hat - y)[0, 0]),
        "slope_out": float((y_hat * (1 - y_hat))[0, 0]),
        "delta2": float(net.grad_biases[1][0]),
        "gW2": net.grad_weights[1][0].copy(),
        "back": (W2.T @ net.grad_biases[1]).copy(),
        "slope_hidden": (a1 * (1 - a1))[0],
        "delta1": net.grad_biases[0].copy(),
        "gW1": net.grad_weights[0].copy(),
    }
    net.step(lr)
    s["new_W1"], s["new_W2"] = net.weights[0].copy(), net.weights[1].copy()
    s["new_loss"] = net.loss(x, y)
    return s


def loss_along_first_output_weight(values):
    """The tiny network's loss when its first output weight takes each of ``values`` (all others fixed).

    Examples
    --------
    >>> loss_along_first_output_weight([0.5]).round(4).tolist()
    [0.2128]
    """
    losses = []
    for value in values:
        net, x, y = tiny_network()
        net.weights[1][0, 0] = value
        losses.append(net.loss(x, y))
    return np.array(losses)


# A small batch: every example's desired nudges, averaged into the gradient.

BATCH_X = ((1.0, 2.0), (2.0, -1.0), (-1.0, 1.0))  # the story's example first, then two more
BATCH_Y = ((1.0,), (0.0,), (0.0,))
# the three weights the batch figure shows: (name, layer, row, column) in net.weights
NUDGED_WEIGHTS = (
    ("first output weight", 1, 0, 0),
    ("second output weight", 1, 0, 1),
    ("first hidden weight", 0, 0, 0),
)


def weight_slopes(X, Y):
    """The slopes of the tiny network's mean loss over the examples ``X``, ``Y``, for ``NUDGED_WEIGHTS``.

    Examples
    --------
    >>> weight_slopes(BATCH_X[:1], BATCH_Y[:1]).round(4).tolist()
    [-0.1204, -0.1762, -0.0286]
    """
    X, Y = np.asarray(X, dtype=np.float64), np.asarray(Y, dtype=np.float64)
    net, _, _ = tiny_network()
    net.loss(X, Y)
    net.backward(Y)
    return np.array([net.grad_weights[layer][row, column] for _, layer, row, column in NUDGED_WEIGHTS])


def desired_nudges(X=BATCH_X, Y=BATCH_Y):
    """What each example "wants" each weight to do (minus its own slope), and what the whole batch wants.

    With the mean loss over the batch, the batch's nudges are exactly the average of the
    examples' nudges.

    Returns
    -------
    each : numpy.ndarray
        Shape ``(n_examples, 3)``: minus each example's own slope, for ``NUDGED_WEIGHTS``.
    batch : numpy.ndarray
        Shape ``(3,)``: minus the slope of the batch's mean loss.

    Examples
    --------
    >>> each, batch = desired_nudges()
    >>> batch.round(4).tolist(), bool(np.allclose(each.mean(axis=0), batch))
    ([-0.066, -0.0273, 0.0022], True)
    """
    X, Y = np.asarray(X, dtype=np.float64), np.asarray(Y, dtype=np.float64)
    each = np.array([-weight_slopes(X[i : i + 1], Y[i : i + 1]) for i in range(len(X))])
    return each, -weight_slopes(X, Y)
