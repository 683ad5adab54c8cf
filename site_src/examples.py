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


# ---------------------------------------------------------------- the gradient, backpropagation,
# chain-rule and vanishing-gradient chapters (appended; the code above is unchanged)

import numbers as _numbers  # noqa: E402  (imports for the functions below)

from site_src.activations import relu_grad as _relu_grad  # noqa: E402
from site_src.activations import sigmoid_grad as _sigmoid_grad  # noqa: E402
from site_src.activations import tanh_grad as _tanh_grad  # noqa: E402
from site_src.autograd import Value  # noqa: E402


# --8<-- [start:parabola]
def parabola_loss(w, target=3.0):
    """The simplest loss with one weight: ``(w - target) ** 2``.

    Picture a robot with a single dial ``w`` whose answer is simply ``w``,
    when the right answer is ``target``. The loss is its squared error: 0
    when the dial is exactly right, bigger the further away it is.

    Parameters
    ----------
    w : float or numpy.ndarray
        The dial (the one weight).
    target : float, optional
        The right answer.

    Returns
    -------
    float or numpy.ndarray
        The loss, same shape as ``w``.

    Examples
    --------
    >>> parabola_loss(0.0), parabola_loss(3.0), parabola_loss(4.5)
    (9.0, 0.0, 2.25)
    """
    return (w - target) ** 2


def parabola_loss_grad(w, target=3.0):
    """The slope of ``parabola_loss`` at ``w``: ``2 * (w - target)``.

    Negative left of ``target`` (the loss falls as ``w`` grows), 0 at
    ``target``, positive to its right.

    Parameters
    ----------
    w : float or numpy.ndarray
        Where to measure the slope.
    target : float, optional
        The right answer.

    Returns
    -------
    float or numpy.ndarray
        d loss / d w, same shape as ``w``.

    Examples
    --------
    >>> parabola_loss_grad(0.0), parabola_loss_grad(3.0), parabola_loss_grad(4.5)
    (-6.0, 0.0, 3.0)
    """
    return 2.0 * (w - target)
# --8<-- [end:parabola]


# --8<-- [start:descend]
def descend(grad, w, lr, steps):
    """Gradient descent on one number: ``steps`` times, ``w <- w - lr * grad(w)``.

    Parameters
    ----------
    grad : callable
        Gives the slope of the loss at ``w``.
    w : float
        Where to start.
    lr : float
        The learning rate (how big each step is), greater than 0.
    steps : int
        How many steps to take, at least 0.

    Returns
    -------
    list of float
        ``steps + 1`` numbers: ``w`` at the start and after each step.

    Raises
    ------
    ValueError
        If ``lr`` is not a positive number or ``steps`` is not a whole number of at least 0.

    Examples
    --------
    >>> [round(w, 3) for w in descend(parabola_loss_grad, 0.0, lr=0.1, steps=3)]
    [0.0, 0.6, 1.08, 1.464]
    """
    if isinstance(lr, bool) or not isinstance(lr, _numbers.Real) or not 0 < lr < float("inf"):
        raise ValueError(f"lr (the learning rate) must be a positive number, got {lr!r}")
    if isinstance(steps, bool) or not isinstance(steps, _numbers.Integral) or steps < 0:
        raise ValueError(f"steps must be a whole number of at least 0, got {steps!r}")
    path = [float(w)]
    for _ in range(steps):
        w = w - lr * grad(w)  # minus: step against the slope, downhill
        path.append(float(w))
    return path
# --8<-- [end:descend]


_CHAIN_ACTIVATIONS = {"sigmoid": _sigmoid_grad, "tanh": _tanh_grad, "relu": _relu_grad}


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
    if activation not in _CHAIN_ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; use one of {', '.join(map(repr, _CHAIN_ACTIVATIONS))}")
    if isinstance(depth, bool) or not isinstance(depth, _numbers.Integral) or depth < 1:
        raise ValueError(f"depth must be a whole number of at least 1, got {depth!r}")
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
def deep_network(activation, init, depth=10, width=32, n_samples=64, seed=0):
    """A deep, narrow network and a batch of random examples, for measuring gradients.

    ``width`` inputs, ``depth`` hidden layers of ``width`` neurons with the
    ``activation`` switch, and one output neuron with no switch, scored with the
    mean squared error. Inputs and targets are random numbers from a bell curve.

    Parameters
    ----------
    activation : str
        The hidden layers' switch: ``"sigmoid"``, ``"tanh"`` or ``"relu"``.
    init : str
        How the starting weights are drawn, as in ``site_src.mlp.MLP``:
        ``"pytorch"`` (PyTorch's default for ``nn.Linear``), ``"xavier_uniform"``,
        ``"he_normal"``, ...
    depth : int, optional
        Hidden layers.
    width : int, optional
        Neurons per hidden layer, and inputs.
    n_samples : int, optional
        Examples in the batch.
    seed : int, optional
        Makes the weights and the examples repeatable.

    Returns
    -------
    net : MLP
    X : numpy.ndarray
        Shape ``(n_samples, width)``.
    y : numpy.ndarray
        Shape ``(n_samples, 1)``.

    Examples
    --------
    >>> net, X, y = deep_network("relu", "he_normal", depth=3, width=4, n_samples=5)
    >>> net.layer_sizes, X.shape, y.shape
    ((4, 4, 4, 4, 1), (5, 4), (5, 1))
    """
    rng = np.random.default_rng(seed)
    net = MLP([width] * (depth + 1) + [1], activation=activation, output_activation="identity",
              loss="mse", init=init, rng=rng)
    X = rng.normal(size=(n_samples, width))
    y = rng.normal(size=(n_samples, 1))
    return net, X, y


def gradient_sizes(activation, init, depth=10, width=32, n_samples=64, seed=0):
    """How big the gradient of each layer's weights is, first layer to last.

    Builds ``deep_network(...)``, runs one forward and one backward pass, and
    measures each ``grad_weights[i]`` by its length: the square root of the sum
    of its squared numbers (the Frobenius norm, ``numpy.linalg.norm``).

    Parameters
    ----------
    activation, init, depth, width, n_samples, seed
        As in ``deep_network``.

    Returns
    -------
    numpy.ndarray
        Shape ``(depth + 1,)``: the size for hidden layer 1 first, the output layer last.

    Examples
    --------
    >>> sizes = gradient_sizes("sigmoid", "pytorch")
    >>> sizes.shape
    (11,)
    >>> bool(sizes[0] < sizes[9] / 1_000_000)   # layer 1 gets over a million times less than layer 10
    True
    """
    net, X, y = deep_network(activation, init, depth, width, n_samples, seed)
    net.loss(X, y)  # the forward pass
    net.backward(y)  # the backward pass fills net.grad_weights
    return np.array([np.linalg.norm(g) for g in net.grad_weights])
# --8<-- [end:gradient-sizes]


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
    steps = {}
    a = np.asarray(x, dtype=np.float64)
    for layer, (W, b, f) in enumerate(zip(net.weights, net.biases, net.f), start=1):
        z = a @ W.T + b  # every neuron: its weighted sum plus its bias
        a = f(z)  # every neuron: its activation function (the switch)
        steps[f"z{layer}"], steps[f"a{layer}"] = z, a
    steps["y_hat"] = y_hat
    return steps
# --8<-- [end:forward-steps]
