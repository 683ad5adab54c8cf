"""A multi-layer perceptron (MLP) with hand-written forward and backward passes.

An MLP is layers of neurons, each layer fully connected to the one before.
Going **forward**, every layer computes ``z = a_prev @ W.T + b`` and then
``a = f(z)`` with its activation function ``f``. Going **backward**, the chain
rule passes each part's share of the loss from the last layer to the first, giving
the gradient of the loss for every weight and bias. ``step(lr)`` then nudges
each one a little downhill.

Weights are stored the way PyTorch's ``nn.Linear`` stores them:
``weights[i]`` has shape ``(n_out, n_in)`` and ``biases[i]`` shape ``(n_out,)``.
The gradients equal what PyTorch's autograd computes for the same network
(see ``site_src.pytorch.mlp``, which builds that twin).
"""

import numbers

import numpy as np

from site_src import init as _init
from site_src.activations import _as_float_array, relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad


def _identity(z):
    """No activation at all: hand ``z`` on unchanged."""
    return z


def _identity_grad(z):
    """The slope of ``f(z) = z`` is 1 everywhere."""
    return np.ones_like(z)


# name -> (activation function f, its slope f')
_ACTIVATIONS = {
    "identity": (_identity, _identity_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
}

_INITS = ("pytorch", "uniform", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal")


# --8<-- [start:losses]
def _mse(y_hat, y):
    """Mean squared error over every number, like ``torch.nn.functional.mse_loss``."""
    return np.mean((y_hat - y) ** 2)


def _mse_grad(y_hat, y):
    """d mse / d y_hat."""
    # mean((y_hat - y)**2) averages y_hat.size squares; each one's slope is 2 * (y_hat - y)
    return 2.0 * (y_hat - y) / y_hat.size


def _log_softmax(z):
    """log(softmax(z)) for each row of scores, computed without overflow."""
    # Subtracting each row's largest score changes no probability, but keeps exp() small.
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def _cross_entropy(logits, labels):
    """Softmax cross-entropy of raw scores, like ``torch.nn.functional.cross_entropy``."""
    rows = np.arange(len(labels))
    # the average of -log(probability given to the right class)
    return -np.mean(_log_softmax(logits)[rows, labels])


def _cross_entropy_grad(logits, labels):
    """d cross_entropy / d logits = (softmax(logits) - one_hot(labels)) / n_samples."""
    rows = np.arange(len(labels))
    dL_dz = np.exp(_log_softmax(logits))  # the softmax probabilities
    dL_dz[rows, labels] -= 1.0  # minus 1 for the right class: the one-hot truth
    return dL_dz / len(labels)
# --8<-- [end:losses]


# name -> (loss, its gradient with respect to the network's output)
_LOSSES = {
    "mse": (_mse, _mse_grad),
    "cross_entropy": (_cross_entropy, _cross_entropy_grad),
}


def _is_whole(n):
    return isinstance(n, numbers.Integral) and not isinstance(n, bool)


def _check_name(kind, name, allowed):
    if not isinstance(name, str) or name not in allowed:
        raise ValueError(f"unknown {kind} {name!r}; use one of {', '.join(map(repr, allowed))}")


def _check_layer_sizes(layer_sizes):
    if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
        raise TypeError(f"layer_sizes must be a list of whole numbers like [2, 3, 1], got {layer_sizes!r}")
    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes needs at least 2 sizes (inputs and outputs), got {sizes}")
    for n in sizes:
        if not _is_whole(n):
            raise TypeError(f"layer_sizes must hold whole numbers, got {n!r} in {sizes}")
        if n < 1:
            raise ValueError(f"every layer size must be at least 1, got {sizes}")
    return tuple(int(n) for n in sizes)


def _check_params(values, name, shapes):
    """Copy explicit weights or biases to float arrays, checking each shape."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise TypeError(f"{name} must be a list of arrays, one per layer, got {values!r}")
    if len(values) != len(shapes):
        raise ValueError(f"{name} must be a list of {len(shapes)} arrays, one per layer, got {len(values)}")
    arrays = []
    for i, (value, shape) in enumerate(zip(values, shapes)):
        array = _as_float_array(value, f"{name}[{i}]")
        if array.shape != shape:
            raise ValueError(f"{name}[{i}] must have shape {shape}, got {array.shape}")
        arrays.append(array)
    return arrays


def _check_positive(value, name, whole=False):
    ok = _is_whole(value) if whole else isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not ok or not 0 < value < float("inf"):
        kind = "whole number" if whole else "number"
        raise ValueError(f"{name} must be a positive {kind}, got {value!r}")


class MLP:
    """A fully connected network with hand-written ``forward``, ``backward`` and ``step``.

    Parameters
    ----------
    layer_sizes : list of int
        Neurons per layer, inputs first: ``[2, 3, 1]`` means 2 inputs, one
        hidden layer of 3 neurons and 1 output.
    activation : str, optional
        Activation of every hidden layer: ``"sigmoid"``, ``"tanh"``,
        ``"relu"`` or ``"identity"`` (none).
    output_activation : str, optional
        Activation of the output layer, same choices. With
        ``loss="cross_entropy"`` it must be ``"identity"``: that loss takes
        raw scores (logits) and applies softmax itself.
    loss : str, optional
        ``"mse"`` (mean squared error over every output number, equal to
        ``torch.nn.functional.mse_loss``) or ``"cross_entropy"`` (softmax
        cross-entropy on raw scores with integer class labels, equal to
        ``torch.nn.functional.cross_entropy``).
    init : str, optional
        How to draw the starting weights. ``"pytorch"`` (the default) is what
        ``torch.nn.Linear`` does: weights and biases evenly from
        ``[-1/sqrt(n_in), 1/sqrt(n_in))``. ``"uniform"``, ``"xavier_uniform"``,
        ``"xavier_normal"``, ``"he_uniform"`` or ``"he_normal"`` draw the
        weights with the function of that name in ``site_src.init`` and start
        every bias at 0.
    weights : list of array_like, optional
        Start from these weights instead of random ones (copied):
        ``weights[i]`` has shape ``(layer_sizes[i + 1], layer_sizes[i])``.
        Give ``biases`` too.
    biases : list of array_like, optional
        Start from these biases (copied): ``biases[i]`` has shape
        ``(layer_sizes[i + 1],)``. Give ``weights`` too.
    rng : numpy.random.Generator or int, optional
        Random numbers for the starting weights and for shuffling in ``fit``;
        a seed (int) makes everything repeatable.

    Attributes
    ----------
    layer_sizes : tuple of int
        Neurons per layer, inputs first.
    weights : list of numpy.ndarray
        ``weights[i]`` has shape ``(n_out, n_in)`` of layer ``i``.
    biases : list of numpy.ndarray
        ``biases[i]`` has shape ``(n_out,)``.
    grad_weights : list of numpy.ndarray
        d loss / d ``weights[i]``, filled in by ``backward``.
    grad_biases : list of numpy.ndarray
        d loss / d ``biases[i]``, filled in by ``backward``.
    output : numpy.ndarray
        What the latest ``forward`` returned (None before the first call).

    Raises
    ------
    ValueError
        If there are fewer than 2 layer sizes or a size is below 1, a name is
        unknown, ``loss="cross_entropy"`` comes with an output activation, only
        one of ``weights`` and ``biases`` is given, or their shapes are wrong.
    TypeError
        If a layer size is not a whole number, the weights are not numbers,
        or ``rng`` is not a Generator, a seed or None.

    Examples
    --------
    A 2-2-1 network with hand-picked weights:

    >>> net = MLP([2, 2, 1], activation="sigmoid", output_activation="sigmoid",
    ...           weights=[[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45]]],
    ...           biases=[[0.35, 0.35], [0.60]])
    >>> net.forward([[0.05, 0.10]]).round(4).tolist()
    [[0.7514]]
    >>> round(net.loss([[0.05, 0.10]], [[0.01]]), 4)
    0.5496
    >>> net.backward([[0.01]])
    >>> net.grad_weights[1].round(4).tolist()
    [[0.1643, 0.1653]]
    """

    def __init__(self, layer_sizes, activation="sigmoid", output_activation="identity", loss="mse",
                 init="pytorch", weights=None, biases=None, rng=None):
        self.layer_sizes = _check_layer_sizes(layer_sizes)
        _check_name("activation", activation, tuple(_ACTIVATIONS))
        _check_name("output_activation", output_activation, tuple(_ACTIVATIONS))
        _check_name("loss", loss, tuple(_LOSSES))
        _check_name("init", init, _INITS)
        if loss == "cross_entropy" and output_activation != "identity":
            raise ValueError(
                "loss='cross_entropy' takes raw scores (logits) and applies softmax itself, "
                f"so output_activation must be 'identity', got {output_activation!r}"
            )
        self.activation, self.output_activation, self.loss_name = activation, output_activation, loss
        self.rng = _init._as_generator(rng)

        # one (n_out, n_in) pair per layer of weights
        pairs = list(zip(self.layer_sizes[1:], self.layer_sizes[:-1]))
        if (weights is None) != (biases is None):
            raise ValueError("give both weights and biases, or neither")
        if weights is None:
            self.weights, self.biases = self._draw(pairs, init)
        else:
            self.weights = _check_params(weights, "weights", pairs)
            self.biases = _check_params(biases, "biases", [(n_out,) for n_out, _ in pairs])

        # f[i] is layer i's activation function and f_grad[i] its slope
        names = [activation] * (len(pairs) - 1) + [output_activation]
        self.f = [_ACTIVATIONS[name][0] for name in names]
        self.f_grad = [_ACTIVATIONS[name][1] for name in names]
        self.grad_weights, self.grad_biases = None, None
        self._cache, self.output = None, None

    def _draw(self, pairs, init):
        weights, biases = [], []
        for n_out, n_in in pairs:
            if init == "pytorch":
                bound = 1.0 / np.sqrt(n_in)
                weights.append(_init.uniform(n_in, n_out, a=bound, rng=self.rng))
                biases.append(self.rng.uniform(-bound, bound, size=n_out))
            else:
                weights.append(getattr(_init, init)(n_in, n_out, rng=self.rng))
                biases.append(np.zeros(n_out))
        return weights, biases

    def __repr__(self):
        return (f"MLP({list(self.layer_sizes)}, activation={self.activation!r}, "
                f"output_activation={self.output_activation!r}, loss={self.loss_name!r})")

    def _check_X(self, X):
        X = _as_float_array(X, "X")
        n_in = self.layer_sizes[0]
        if X.ndim != 2 or X.shape[1] != n_in:
            raise ValueError(f"X must have shape (n_samples, {n_in}), got {X.shape}")
        if X.shape[0] == 0:
            raise ValueError(f"X must have at least one row (shape (n_samples, {n_in}) with n_samples >= 1), got {X.shape}")
        return X

    def _check_y(self, y, n_samples=None):
        """Check targets for a batch of n_samples (default: the batch of the latest forward)."""
        if n_samples is None:
            if self._cache is None:
                raise RuntimeError("nothing to go back through: call forward(X) before backward(y)")
            n_samples = len(self.output)
        n_out = self.layer_sizes[-1]
        if self.loss_name == "mse":
            y = _as_float_array(y, "y")
            if y.shape != (n_samples, n_out):
                raise ValueError(f"y must have shape ({n_samples}, {n_out}), one row of targets per sample, got {y.shape}")
            return y
        y = np.asarray(y)
        if not np.issubdtype(y.dtype, np.integer):
            raise TypeError(f"y must be integer class labels 0 to {n_out - 1}, got dtype {y.dtype}")
        if y.shape != (n_samples,):
            raise ValueError(f"y must have shape ({n_samples},), one class label per sample, got {y.shape}")
        if y.min() < 0 or y.max() >= n_out:
            raise ValueError(f"y must hold class labels 0 to {n_out - 1}, got labels from {y.min()} to {y.max()}")
        return y

    def _check_step(self, lr):
        _check_positive(lr, "lr (the learning rate)")
        if self.grad_weights is None:
            raise RuntimeError("no gradients yet: call backward(y) before step(lr)")

    # --8<-- [start:forward]
    def forward(self, X):
        """Run the network on a batch of examples and remember what ``backward`` needs.

        Parameters
        ----------
        X : array_like
            Shape ``(n_samples, layer_sizes[0])``: one example per row.

        Returns
        -------
        numpy.ndarray
            Shape ``(n_samples, layer_sizes[-1])``: the output layer's values.

        Raises
        ------
        ValueError
            If ``X`` does not have shape ``(n_samples, layer_sizes[0])``.
        TypeError
            If ``X`` is not numeric.

        Examples
        --------
        >>> net = MLP([2, 1], weights=[[[1.0, -1.0]]], biases=[[0.5]])
        >>> net.forward([[3.0, 1.0], [0.0, 2.0]]).tolist()
        [[2.5], [-1.5]]
        """
        a = self._check_X(X)
        self._cache = []  # (input, z) of every layer, for backward
        for W, b, f in zip(self.weights, self.biases, self.f):
            # each neuron: a weighted sum of its inputs plus its bias (W.T because W is (n_out, n_in))
            z = a @ W.T + b
            self._cache.append((a, z))
            a = f(z)
        self.output = a
        return a
    # --8<-- [end:forward]

    def loss(self, X, y):
        """Run the network on ``X`` and score its answers against ``y``.

        It calls ``forward(X)``, so ``backward(y)`` can follow straight away.

        Parameters
        ----------
        X : array_like
            Shape ``(n_samples, layer_sizes[0])``.
        y : array_like
            The right answers. For ``"mse"``: shape ``(n_samples, layer_sizes[-1])``.
            For ``"cross_entropy"``: shape ``(n_samples,)``, integer class labels.

        Returns
        -------
        float
            The mean loss.

        Raises
        ------
        ValueError
            If ``X`` or ``y`` has the wrong shape, or a label is out of range.
        TypeError
            If ``X`` or ``y`` is not numeric, or cross-entropy labels are not integers.

        Examples
        --------
        >>> net = MLP([2, 2], loss="cross_entropy", output_activation="identity",
        ...           weights=[[[1.0, 0.0], [0.0, 1.0]]], biases=[[0.0, 0.0]])
        >>> round(net.loss([[2.0, 2.0]], [1]), 4)   # equal scores: -log(1/2)
        0.6931
        """
        y_hat = self.forward(X)
        y = self._check_y(y, len(y_hat))
        loss_fn, _ = _LOSSES[self.loss_name]
        return float(loss_fn(y_hat, y))

    # --8<-- [start:backward]
    def backward(self, y):
        """Fill ``grad_weights`` and ``grad_biases`` with the chain rule, last layer first.

        Uses what the latest ``forward`` (or ``loss``) remembered. The new
        gradients replace the old ones (PyTorch instead *adds* to ``.grad``
        until you zero it).

        Parameters
        ----------
        y : array_like
            The right answers for the batch of the latest ``forward``; shapes as in ``loss``.

        Raises
        ------
        RuntimeError
            If ``forward`` has not been called yet.
        ValueError
            If ``y`` has the wrong shape, or a label is out of range.
        TypeError
            If ``y`` is not numeric, or cross-entropy labels are not integers.

        Examples
        --------
        >>> net = MLP([1, 1], weights=[[[2.0]]], biases=[[0.0]])
        >>> net.forward([[3.0]]).tolist()
        [[6.0]]
        >>> net.backward([[5.0]])   # loss = (6 - 5)**2, so dL/dW = 2 * (6 - 5) * 3
        >>> net.grad_weights[0].tolist(), net.grad_biases[0].tolist()
        ([[6.0]], [2.0])
        """
        y = self._check_y(y)
        _, loss_grad = _LOSSES[self.loss_name]
        # Start at the end: how much does the loss change when each output changes?
        dL_da = loss_grad(self.output, y)
        self.grad_weights = [None] * len(self.weights)
        self.grad_biases = [None] * len(self.biases)
        # Walk back through the layers, last to first: one link of the chain rule at a time.
        for i in reversed(range(len(self.weights))):
            a_prev, z = self._cache[i]
            # a = f(z), so a nudge to z moves a by f'(z) times as much
            dL_dz = dL_da * self.f_grad[i](z)
            # z = a_prev @ W.T + b: weight W[j, k] multiplies input k of neuron j,
            # so its share is neuron j's dL_dz times input k, added up over the batch
            self.grad_weights[i] = dL_dz.T @ a_prev
            # the bias is added to z once per example, so its share is dL_dz added up
            self.grad_biases[i] = dL_dz.sum(axis=0)
            # pass the shares back to the previous layer's outputs, through the same weights
            dL_da = dL_dz @ self.weights[i]
    # --8<-- [end:backward]

    # --8<-- [start:step]
    def step(self, lr):
        """Move every weight and bias a small step downhill: ``w <- w - lr * dL/dw``.

        The same update as ``torch.optim.SGD(params, lr=lr).step()``.

        Parameters
        ----------
        lr : float
            The learning rate, greater than 0: how big the step is.

        Raises
        ------
        RuntimeError
            If ``backward`` has not been called yet.
        ValueError
            If ``lr`` is not a positive number.

        Examples
        --------
        >>> net = MLP([1, 1], weights=[[[2.0]]], biases=[[0.0]])
        >>> _ = net.forward([[3.0]])
        >>> net.backward([[5.0]])
        >>> net.step(lr=0.1)   # W = 2 - 0.1 * 6, b = 0 - 0.1 * 2
        >>> net.weights[0].tolist(), net.biases[0].tolist()
        ([[1.4]], [-0.2])
        """
        self._check_step(lr)
        for W, b, dL_dW, dL_db in zip(self.weights, self.biases, self.grad_weights, self.grad_biases):
            # "-=" changes the arrays in place, downhill: against the gradient
            W -= lr * dL_dW
            b -= lr * dL_db
    # --8<-- [end:step]

    # --8<-- [start:fit]
    def fit(self, X, y, epochs, lr, batch_size=None, rng=None):
        """Train with mini-batch gradient descent: forward, loss, backward, step, repeat.

        One **epoch** is one pass over all the examples. With a ``batch_size``
        the examples are shuffled at the start of every epoch and cut into
        batches of that size (the last one may be smaller).

        Parameters
        ----------
        X : array_like
            Shape ``(n_samples, layer_sizes[0])``: the examples.
        y : array_like
            The right answers, shapes as in ``loss``.
        epochs : int
            How many passes over the examples, at least 1.
        lr : float
            The learning rate, greater than 0.
        batch_size : int, optional
            Examples per step. If not given, every step uses all the
            examples (full-batch gradient descent, no shuffling).
        rng : numpy.random.Generator or int, optional
            Random numbers for shuffling; the network's own ``rng`` if not given.

        Returns
        -------
        list of float
            One number per epoch: the mean loss over that epoch's batches,
            each measured just before its step.

        Raises
        ------
        ValueError
            If a shape is wrong, a label is out of range, or ``epochs``,
            ``lr`` or ``batch_size`` is not positive.
        TypeError
            If ``X`` or ``y`` is not numeric.

        Examples
        --------
        >>> X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
        >>> y = [[0.0], [1.0], [1.0], [0.0]]            # XOR
        >>> net = MLP([2, 4, 1], activation="tanh", rng=0)
        >>> history = net.fit(X, y, epochs=500, lr=0.2)
        >>> history[-1] < history[0]
        True
        """
        X = self._check_X(X)
        y = self._check_y(y, len(X))
        _check_positive(epochs, "epochs", whole=True)
        _check_positive(lr, "lr (the learning rate)")
        n = len(X)
        if batch_size is None:
            batch_size = n
        _check_positive(batch_size, "batch_size", whole=True)
        rng = self.rng if rng is None else _init._as_generator(rng)
        history = []
        for _ in range(epochs):
            # a new order every epoch, so the batches differ from epoch to epoch
            order = rng.permutation(n) if batch_size < n else np.arange(n)
            total = 0.0
            for start in range(0, n, batch_size):
                batch = order[start:start + batch_size]
                total += self.loss(X[batch], y[batch]) * len(batch)
                self.backward(y[batch])
                self.step(lr)
            history.append(total / n)
        return history
    # --8<-- [end:fit]

    def predict(self, X):
        """The network's answers for ``X``.

        Parameters
        ----------
        X : array_like
            Shape ``(n_samples, layer_sizes[0])``.

        Returns
        -------
        numpy.ndarray
            For ``"cross_entropy"``: shape ``(n_samples,)``, the class with the
            highest score. For ``"mse"``: the output of ``forward(X)``.

        Raises
        ------
        ValueError
            If ``X`` has the wrong shape.
        TypeError
            If ``X`` is not numeric.

        Examples
        --------
        >>> net = MLP([2, 2], loss="cross_entropy",
        ...           weights=[[[1.0, 0.0], [0.0, 1.0]]], biases=[[0.0, 0.0]])
        >>> net.predict([[5.0, 1.0], [0.0, 3.0]]).tolist()
        [0, 1]
        """
        output = self.forward(X)
        if self.loss_name == "cross_entropy":
            return output.argmax(axis=1)
        return output
