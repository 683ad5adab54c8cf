"""A multi-layer perceptron (MLP) with hand-written forward and backward passes.

An MLP is layers of neurons, each layer fully connected to the one before.
Going **forward**, every layer computes ``z = a_prev @ W.T + b`` (a
``site_src.layers.Dense`` layer) and then ``a = f(z)`` with its activation
function ``f``. Going **backward**, the chain rule passes each part's share of
the loss from the last layer to the first, giving the gradient of the loss for
every weight and bias. ``step(lr)`` then nudges each one a little downhill.

The contract, said once for the whole class:

- Weights are stored the way PyTorch's ``nn.Linear`` stores them:
  ``weights[i]`` has shape ``(n_out, n_in)`` and ``biases[i]`` shape ``(n_out,)``.
  They are the very arrays the ``Dense`` layers in ``layers`` hold, and
  ``params()`` lists them as ``[W1, b1, W2, b2, ...]``; ``grads()`` lists their
  gradients in the same order.
- ``X`` has shape ``(n_samples, layer_sizes[0])``, one example per row. The
  right answers ``y`` have shape ``(n_samples, layer_sizes[-1])`` for
  ``loss="mse"`` and are integer class labels of shape ``(n_samples,)`` for
  ``loss="cross_entropy"``.
- The losses are ``site_src.losses.mse`` (the mean over every output number, as
  ``torch.nn.functional.mse_loss``) and ``site_src.losses.cross_entropy_from_logits``
  (softmax cross-entropy on raw scores, as ``torch.nn.functional.cross_entropy``).
  Forward values, losses and gradients equal PyTorch autograd's for the same
  network (``site_src.pytorch.mlp.MLP`` builds that twin).
- ``backward`` replaces the previous gradients (PyTorch instead *adds* to ``.grad``
  until you zero it).
- ``fit(X, y, epochs, lr=None, batch_size=None, rng=None, optimizer=None)``
  trains for ``epochs`` passes over the examples (at least 1). Give exactly one
  of ``lr`` (plain gradient descent, ``step(lr)``) and ``optimizer`` (anything
  with ``step(params, grads)``, such as ``site_src.optimizers.Adam(lr=0.01)``).
  With a ``batch_size`` the examples are shuffled at the start of every epoch
  (with ``rng``, or the network's own) and cut into batches of that size, the
  last one maybe smaller; without one every step uses all the examples. It
  returns one number per epoch: the mean loss over that epoch's batches, each
  measured just before its step.
- Bad input raises ``ValueError`` (a wrong shape, a label out of range, a size,
  ``lr``, ``epochs`` or ``batch_size`` that is not positive, an unknown name)
  or ``TypeError`` (not numbers, labels that are not integers, a bad ``rng``);
  ``backward`` before ``forward`` and ``step`` before ``backward`` raise
  ``RuntimeError``.
"""

from itertools import pairwise

import numpy as np

from site_src import _checks
from site_src.layers import ACTIVATIONS, INITS, Dense
from site_src.losses import (
    cross_entropy_from_logits,
    cross_entropy_from_logits_grad,
    mse,
    mse_grad,
)

# name -> (loss(y_true, y_pred), its gradient with respect to y_pred)
_LOSSES = {
    "mse": (mse, mse_grad),
    "cross_entropy": (cross_entropy_from_logits, cross_entropy_from_logits_grad),
}


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
        ``"mse"`` or ``"cross_entropy"``.
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
    layers : list of site_src.layers.Dense
        The weighted sums of every layer, first to last.
    f, f_grad : list of callable
        Every layer's activation function and its slope.
    weights, biases : list of numpy.ndarray
        ``weights[i]`` (shape ``(n_out, n_in)``) and ``biases[i]`` (shape
        ``(n_out,)``) of layer ``i``: the arrays ``layers[i]`` holds.
    grad_weights, grad_biases : list of numpy.ndarray
        d loss / d ``weights[i]`` and d loss / d ``biases[i]``, filled in by
        ``backward`` (None before).
    output : numpy.ndarray
        What the latest ``forward`` returned (None before the first call).

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

    def __init__(
        self,
        layer_sizes,
        activation="sigmoid",
        output_activation="identity",
        loss="mse",
        init="pytorch",
        weights=None,
        biases=None,
        rng=None,
    ):
        self.layer_sizes = sizes = _checks.layer_sizes(layer_sizes)
        _checks.one_of(activation, "activation", tuple(ACTIVATIONS))
        _checks.one_of(output_activation, "output_activation", tuple(ACTIVATIONS))
        _checks.one_of(loss, "loss", tuple(_LOSSES))
        _checks.one_of(init, "init", INITS)
        if loss == "cross_entropy" and output_activation != "identity":
            raise ValueError(
                "loss='cross_entropy' takes raw scores (logits) and applies softmax itself, "
                f"so output_activation must be 'identity', got {output_activation!r}"
            )
        self.activation, self.output_activation, self.loss_name = activation, output_activation, loss
        self.loss_fn, self.loss_grad = _LOSSES[loss]
        self.rng = _checks.generator(rng)

        # one Dense layer per pair of neighbouring sizes: (n_in, n_out)
        pairs = list(pairwise(sizes))
        if (weights is None) != (biases is None):
            raise ValueError("give both weights and biases, or neither")
        if weights is None:
            self.layers = [Dense(n_in, n_out, init=init, rng=self.rng) for n_in, n_out in pairs]
        else:
            weights = _checks.array_list(weights, "weights", [(n_out, n_in) for n_in, n_out in pairs])
            biases = _checks.array_list(biases, "biases", [(n_out,) for _, n_out in pairs])
            self.layers = [Dense(n_in, n_out, weight=W, bias=b) for (n_in, n_out), W, b in zip(pairs, weights, biases)]

        # f[i] is layer i's activation function and f_grad[i] its slope
        names = [activation] * (len(pairs) - 1) + [output_activation]
        self.f = [ACTIVATIONS[name][0] for name in names]
        self.f_grad = [ACTIVATIONS[name][1] for name in names]
        self._cache, self.output = None, None

    def __repr__(self):
        return (
            f"MLP({list(self.layer_sizes)}, activation={self.activation!r}, "
            f"output_activation={self.output_activation!r}, loss={self.loss_name!r})"
        )

    @property
    def weights(self):
        return [layer.weight for layer in self.layers]

    @property
    def biases(self):
        return [layer.bias for layer in self.layers]

    @property
    def grad_weights(self):
        return None if self.layers[0].grad_weight is None else [layer.grad_weight for layer in self.layers]

    @property
    def grad_biases(self):
        return None if self.layers[0].grad_bias is None else [layer.grad_bias for layer in self.layers]

    def params(self):
        """Every weight and bias, ``[W1, b1, W2, b2, ...]``: the live arrays, for an optimizer.

        Examples
        --------
        >>> [p.shape for p in MLP([3, 4, 1], rng=0).params()]
        [(4, 3), (4,), (1, 4), (1,)]
        """
        return [p for layer in self.layers for p in layer.params()]

    def grads(self):
        """The gradients from the latest ``backward``, in the order of ``params()``.

        Examples
        --------
        >>> net = MLP([1, 1], weights=[[[2.0]]], biases=[[0.0]])
        >>> net.loss([[3.0]], [[5.0]]), net.backward([[5.0]])
        (1.0, None)
        >>> [g.tolist() for g in net.grads()]
        [[[6.0]], [2.0]]
        """
        if self.grad_weights is None:
            raise RuntimeError("no gradients yet: call backward(y) before step(lr) or grads()")
        return [g for layer in self.layers for g in layer.grads()]

    def _check_y(self, y, n_samples=None):
        """Check the right answers for a batch of n_samples (default: the latest forward's)."""
        if n_samples is None:
            if self._cache is None:
                raise RuntimeError("nothing to go back through: call forward(X) before backward(y)")
            n_samples = len(self.output)
        check = _checks.targets if self.loss_name == "mse" else _checks.class_indices
        return check(y, "y", n_samples, self.layer_sizes[-1])

    # --8<-- [start:forward]
    def forward(self, X):
        """Run the network on a batch of examples, one layer after the other: ``a = f(a_prev @ W.T + b)``.

        Examples
        --------
        >>> net = MLP([2, 1], weights=[[[1.0, -1.0]]], biases=[[0.5]])
        >>> net.forward([[3.0, 1.0], [0.0, 2.0]]).tolist()
        [[2.5], [-1.5]]
        """
        a = _checks.rows(X, "X", self.layer_sizes[0])  # one example per row
        self._cache = []  # (input, z) of every layer, for backward
        for layer, f in zip(self.layers, self.f):
            # each neuron: a weighted sum of its inputs plus its bias (Dense.forward)
            z = layer.forward(a)
            self._cache.append((a, z))
            a = f(z)  # then its activation function
        self.output = a
        return a
        # --8<-- [end:forward]

    def loss(self, X, y):
        """Run the network on ``X`` (so ``backward(y)`` can follow) and score its answers against ``y``.

        Returns the mean loss as a float.

        Examples
        --------
        >>> net = MLP([2, 2], loss="cross_entropy", output_activation="identity",
        ...           weights=[[[1.0, 0.0], [0.0, 1.0]]], biases=[[0.0, 0.0]])
        >>> round(net.loss([[2.0, 2.0]], [1]), 4)   # equal scores: -log(1/2)
        0.6931
        """
        y_hat = self.forward(X)
        y = self._check_y(y, len(y_hat))
        return self.loss_fn(y, y_hat)

    # --8<-- [start:backward]
    def backward(self, y):
        """Fill every layer's gradients with the chain rule, last layer first: ``dL/dz = dL/da * f'(z)``.

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
        # Start at the end: how much does the loss change when each output changes?
        dL_da = self.loss_grad(y, self.output)
        # Walk back through the layers, last to first: one link of the chain rule at a time.
        for i in reversed(range(len(self.layers))):
            _, z = self._cache[i]
            # a = f(z), so a nudge to z moves a by f'(z) times as much
            dL_dz = dL_da * self.f_grad[i](z)
            # Dense.backward stores dL/dW and dL/db and passes the shares back to its inputs
            dL_da = self.layers[i].backward(dL_dz)
        # --8<-- [end:backward]

    def _check_step(self, lr):
        _checks.positive(lr, "lr (the learning rate)")
        if self.layers[0].grad_weight is None:
            raise RuntimeError("no gradients yet: call backward(y) before step(lr)")

    # --8<-- [start:step]
    def step(self, lr):
        """Move every weight and bias a small step downhill: ``w <- w - lr * dL/dw``, like ``torch.optim.SGD``.

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
        for w, dL_dw in zip(self.params(), self.grads()):
            # "-=" changes the array in place, downhill: against the gradient
            w -= lr * dL_dw
        # --8<-- [end:step]

    def _check_fit(self, X, y, epochs, lr, batch_size, optimizer):
        X = _checks.rows(X, "X", self.layer_sizes[0])
        y = self._check_y(y, len(X))
        _checks.positive(epochs, "epochs", whole=True)
        if (lr is None) == (optimizer is None):
            raise ValueError(
                "give exactly one of lr (plain gradient descent) and optimizer, "
                f"got lr={lr!r} and optimizer={optimizer!r}"
            )
        if optimizer is None:
            _checks.positive(lr, "lr (the learning rate)")
        elif not callable(getattr(optimizer, "step", None)):
            raise TypeError(f"optimizer must have a step(params, grads) method, got {optimizer!r}")
        batch_size = len(X) if batch_size is None else _checks.positive(batch_size, "batch_size", whole=True)
        return X, y, batch_size

    # --8<-- [start:fit]
    def fit(self, X, y, epochs, lr=None, batch_size=None, rng=None, optimizer=None):
        """Train: forward, loss, backward, step, again and again; return each epoch's mean loss.

        Examples
        --------
        >>> X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
        >>> y = [[0.0], [1.0], [1.0], [0.0]]            # XOR
        >>> net = MLP([2, 4, 1], activation="tanh", rng=0)
        >>> history = net.fit(X, y, epochs=500, lr=0.2)
        >>> history[-1] < history[0]
        True
        """
        X, y, batch_size = self._check_fit(X, y, epochs, lr, batch_size, optimizer)
        rng = self.rng if rng is None else _checks.generator(rng)
        n = len(X)
        history = []
        for _ in range(epochs):  # one epoch: one pass over all the examples
            # a new order every epoch, so the batches differ from epoch to epoch
            order = rng.permutation(n) if batch_size < n else np.arange(n)
            total = 0.0
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                total += self.loss(X[batch], y[batch]) * len(batch)
                self.backward(y[batch])
                if optimizer is None:
                    self.step(lr)  # plain gradient descent
                else:
                    optimizer.step(self.params(), self.grads())
            history.append(total / n)
        return history
        # --8<-- [end:fit]

    def predict(self, X):
        """The network's answers: the class with the highest score for ``"cross_entropy"``, else ``forward(X)``.

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
