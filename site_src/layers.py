"""Layers: the building blocks a network is stacked from, each with its own backward pass.

A network is a stack of layers. Going **forward**, each layer turns its input into
its output. Going **backward**, each layer gets ``grad_out`` (how much the loss
changes when each of its outputs changes) and hands back the same for its input,
so the chain rule runs through the stack one layer at a time. A layer with
weights also keeps the gradient of the loss for each of them.

The contract, said once for every layer here:

- ``forward(x)`` takes a float array (anything ``numpy.asarray`` accepts, numbers
  only) and returns a new float64 array; it remembers what ``backward`` needs.
- ``backward(grad_out)`` takes an array shaped like the latest output and returns
  the gradient for the latest input, shaped like it; it stores the gradients of
  the layer's parameters. Each ``backward`` sits right below its ``forward``.
- ``params()`` and ``grads()`` are lists of arrays in one fixed order (empty for
  layers without weights). ``params()`` returns the live arrays, so an optimizer
  that changes them in place (``W -= lr * dW``) changes the layer.
- ``train()`` and ``eval()`` set ``training``; only ``Dropout`` and ``BatchNorm``
  behave differently in the two modes, exactly as in PyTorch.
- Layouts and defaults are PyTorch's: ``Dense`` is ``nn.Linear`` (weight of shape
  ``(n_out, n_in)``), ``BatchNorm`` is ``nn.BatchNorm1d`` / ``nn.BatchNorm2d``,
  ``Conv2D`` is ``nn.Conv2d`` (NCHW), ``Pool2D`` is ``nn.MaxPool2d`` /
  ``nn.AvgPool2d``, ``Flatten`` is ``nn.Flatten``. Forward values, gradients and
  running statistics equal PyTorch's to float64 round-off.
- Bad input raises ``ValueError`` (a wrong shape, a size below 1, an unknown name,
  ``p`` outside ``[0, 1)``) or ``TypeError`` (not numbers); ``backward`` before
  ``forward`` raises ``RuntimeError``.

Examples
--------
>>> net = Sequential([Dense(2, 3, rng=0), Activation("relu"), Dense(3, 1, rng=0)])
>>> net.forward([[1.0, 2.0]]).shape
(1, 1)
>>> net.backward([[1.0]]).shape
(1, 2)
>>> [p.shape for p in net.params()]
[(3, 2), (3,), (1, 3), (1,)]
"""

import numpy as np

from site_src import init as _init
from site_src._checks import (
    as_float_array,
    generator,
    in_interval,
    is_whole,
    one_of,
    positive,
)
from site_src.activations import relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad
from site_src.conv import conv2d_batch, conv2d_batch_backward
from site_src.pooling import MODES as POOL_MODES
from site_src.pooling import pool2d, pool2d_backward
from site_src.regularization import dropout_mask


def identity(z):
    """No activation at all: hand ``z`` on unchanged."""
    return as_float_array(z, "z")


def identity_grad(z):
    """The slope of ``f(z) = z`` is 1 everywhere."""
    return np.ones_like(as_float_array(z, "z"))


#: name -> (activation function f, its slope f')
ACTIVATIONS = {
    "identity": (identity, identity_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
}

#: the ways ``Dense`` can draw its starting weights
INITS = ("pytorch", "uniform", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal")


class Layer:
    """What every layer shares: no parameters by default, and a train/eval switch."""

    training = True

    def params(self):
        """The layer's parameters (live arrays), in a fixed order."""
        return []

    def grads(self):
        """The gradients of the loss for ``params()``, in the same order."""
        return []

    def train(self):
        """Training mode (the default): Dropout drops, BatchNorm uses the batch's statistics."""
        self.training = True
        return self

    def eval(self):
        """Evaluation mode: Dropout does nothing, BatchNorm uses its running statistics."""
        self.training = False
        return self

    def _remembered(self, name):
        """What ``forward`` stored under ``name``; RuntimeError if it has not run yet."""
        value = getattr(self, name, None)
        if value is None:
            raise RuntimeError(f"nothing to go back through: call {type(self).__name__}.forward(x) before backward")
        return value

    def _stored_grads(self, *names):
        grads = [getattr(self, name, None) for name in names]
        if any(g is None for g in grads):
            raise RuntimeError(f"no gradients yet: call {type(self).__name__}.backward(grad_out) first")
        return grads


def _floats(x, name):
    """``x`` as a float64 array: as it is if it already is one (no copy), else a new one."""
    if isinstance(x, np.ndarray) and x.dtype == np.float64:
        return x
    return as_float_array(x, name)


def _grad_like(grad_out, shape):
    """``grad_out`` as floats, checked to have the shape of the output it belongs to."""
    grad_out = _floats(grad_out, "grad_out")
    if grad_out.shape != shape:
        raise ValueError(f"grad_out must have the shape of the latest output {shape}, got {grad_out.shape}")
    return grad_out


def _given(value, name, shape):
    """An explicit starting weight or bias: copied to floats, shape checked."""
    array = as_float_array(value, name)
    if array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {array.shape}")
    return array


class Dense(Layer):
    """A fully connected layer: every output is a weighted sum of every input plus a bias.

    ``z = x @ W.T + b``, like ``torch.nn.Linear``: ``W`` has shape ``(n_out, n_in)``.

    Parameters
    ----------
    n_in, n_out : int
        Inputs per example and neurons in the layer, each at least 1.
    init : str, optional
        ``"pytorch"`` (``nn.Linear``'s default: ``W`` and ``b`` evenly from
        ``[-1/sqrt(n_in), 1/sqrt(n_in))``), or a function name of ``site_src.init``
        (``"uniform"``, ``"xavier_uniform"``, ``"xavier_normal"``, ``"he_uniform"``,
        ``"he_normal"``) for ``W`` with ``b`` starting at 0.
    rng : numpy.random.Generator or int, optional
        Random numbers for the starting weights.
    weight, bias : array_like, optional
        Start from these (copied) instead; give both or neither.

    Examples
    --------
    >>> layer = Dense(2, 1, weight=[[1.0, -1.0]], bias=[0.5])
    >>> layer.forward([[3.0, 1.0]]).tolist()
    [[2.5]]
    """

    def __init__(self, n_in, n_out, init="pytorch", rng=None, weight=None, bias=None):
        positive(n_in, "n_in", whole=True)
        positive(n_out, "n_out", whole=True)
        one_of(init, "init", INITS)
        if (weight is None) != (bias is None):
            raise ValueError("give both weight and bias, or neither")
        self.n_in, self.n_out = n_in, n_out
        if weight is not None:
            self.weight = _given(weight, "weight", (n_out, n_in))
            self.bias = _given(bias, "bias", (n_out,))
        elif init == "pytorch":
            rng = generator(rng)
            bound = 1.0 / np.sqrt(n_in)
            self.weight = _init.uniform(n_in, n_out, a=bound, rng=rng)
            self.bias = rng.uniform(-bound, bound, size=n_out)
        else:
            self.weight = getattr(_init, init)(n_in, n_out, rng=rng)
            self.bias = np.zeros(n_out)
        self.x = self.grad_weight = self.grad_bias = None

    def __repr__(self):
        return f"Dense(n_in={self.n_in}, n_out={self.n_out})"

    def _check_x(self, x):
        x = _floats(x, "x")
        if x.ndim != 2 or x.shape[1] != self.n_in:
            raise ValueError(f"x must have shape (n_samples, {self.n_in}), got {x.shape}")
        return x

    # --8<-- [start:dense]
    # --8<-- [start:dense_forward]
    def forward(self, x):
        """Every neuron's weighted sum of its inputs plus its bias: ``z = x @ W.T + b``."""
        self.x = self._check_x(x)  # backward needs the input
        # W.T because W is (n_out, n_in): one row of weights per neuron
        return self.x @ self.weight.T + self.bias
        # --8<-- [end:dense_forward]

    def backward(self, dL_dz):
        """Store ``dL/dW = dL_dz.T @ x`` and ``dL/db``; return ``dL/dx = dL_dz @ W``."""
        x = self._remembered("x")
        dL_dz = _grad_like(dL_dz, (len(x), self.n_out))
        # W[j, k] multiplies input k of neuron j, so its share is
        # neuron j's dL_dz times input k, added up over the batch
        self.grad_weight = dL_dz.T @ x
        # the bias is added to z once per example, so its share is dL_dz added up
        self.grad_bias = dL_dz.sum(axis=0)
        # pass the shares back to the inputs, through the same weights
        return dL_dz @ self.weight
        # --8<-- [end:dense]

    def params(self):
        """``[W, b]``."""
        return [self.weight, self.bias]

    def grads(self):
        """``[dL/dW, dL/db]`` from the latest ``backward``."""
        if self.grad_weight is None:
            self._stored_grads("grad_weight")  # raises: no backward yet
        return [self.grad_weight, self.grad_bias]


class Activation(Layer):
    """An activation function as a layer: ``a = f(z)``, elementwise.

    ``name`` is ``"sigmoid"``, ``"tanh"``, ``"relu"`` or ``"identity"``; backward
    multiplies by the slope ``f'(z)``.

    Examples
    --------
    >>> layer = Activation("relu")
    >>> layer.forward([[-1.0, 2.0]]).tolist(), layer.backward([[5.0, 5.0]]).tolist()
    ([[0.0, 2.0]], [[0.0, 5.0]])
    """

    def __init__(self, name):
        self.name = one_of(name, "activation", tuple(ACTIVATIONS))
        self.f, self.f_grad = ACTIVATIONS[name]
        self.z = None

    def __repr__(self):
        return f"Activation({self.name!r})"

    def forward(self, z):
        """``a = f(z)``."""
        self.z = as_float_array(z, "z")
        return self.f(self.z)

    def backward(self, dL_da):
        """``dL/dz = dL/da * f'(z)``: a nudge to z moves a by f'(z) times as much."""
        z = self._remembered("z")
        return _grad_like(dL_da, z.shape) * self.f_grad(z)


class Dropout(Layer):
    """Inverted dropout: while training, zero each number with probability ``p``, scale the rest by ``1/(1-p)``.

    Equal to ``torch.nn.Dropout(p)`` given the same mask; in eval mode it does nothing.

    Examples
    --------
    >>> layer = Dropout(p=0.5, rng=0)
    >>> sorted(set(layer.forward(np.ones((4, 4))).ravel().tolist()))
    [0.0, 2.0]
    >>> layer.eval().forward([[1.0, 2.0]]).tolist()
    [[1.0, 2.0]]
    """

    def __init__(self, p=0.5, rng=None):
        self.p = in_interval(p, "p (the probability to drop)", 0.0, 1.0)
        self.rng = generator(rng)
        self.mask = None

    def __repr__(self):
        return f"Dropout(p={self.p})"

    def forward(self, x):
        """``x * mask``, the mask drawn anew for every batch (0 or ``1/(1-p)``)."""
        x = as_float_array(x, "x")
        if not self.training:
            self.mask = np.ones_like(x)
            return x
        self.mask = dropout_mask(x.shape, self.p, self.rng)  # backward needs it
        return x * self.mask

    def backward(self, grad_out):
        """``grad_out * mask``: a dropped number had no effect, so it gets no gradient."""
        mask = self._remembered("mask")
        return _grad_like(grad_out, mask.shape) * mask


class BatchNorm(Layer):
    """Batch normalization: give each feature mean 0 and variance 1 over the batch, then scale and shift.

    ``y = gamma * (x - mean) / sqrt(var + eps) + beta``, per feature (channel).
    While training, ``mean`` and ``var`` are the batch's (the biased variance,
    dividing by ``m``, the number of values per feature), and the running averages move
    ``momentum`` of the way towards them: ``running_mean`` towards ``mean`` and
    ``running_var`` towards the *unbiased* variance ``var * m / (m - 1)``, as PyTorch does.
    In eval mode the running averages are used instead. Input is ``(N, C)`` like
    ``nn.BatchNorm1d`` or ``(N, C, H, W)`` like ``nn.BatchNorm2d`` (also ``(N, C, L)``).

    Examples
    --------
    >>> layer = BatchNorm(1)
    >>> layer.forward([[1.0], [3.0]]).tolist()   # mean 2, variance 1
    [[-0.999995000037...], [0.999995000037...]]
    >>> layer.running_mean.tolist(), layer.running_var.tolist()   # 0.9 * 0 + 0.1 * 2, 0.9 * 1 + 0.1 * 2
    ([0.2...], [1.1...])
    """

    def __init__(self, n_features, eps=1e-5, momentum=0.1):
        self.n_features = positive(n_features, "n_features", whole=True)
        self.eps = positive(eps, "eps")
        self.momentum = in_interval(momentum, "momentum", 0.0, 1.0, closed_high=True)
        self.gamma, self.beta = np.ones(n_features), np.zeros(n_features)
        self.running_mean, self.running_var = np.zeros(n_features), np.ones(n_features)
        self.x_hat = self.std = None
        self.normalized_in_training = True
        self.grad_gamma = self.grad_beta = None

    def __repr__(self):
        return f"BatchNorm({self.n_features}, eps={self.eps}, momentum={self.momentum})"

    def _check_x(self, x):
        x = as_float_array(x, "x")
        if x.ndim not in (2, 3, 4) or x.shape[1] != self.n_features:
            raise ValueError(
                f"x must have shape (N, {self.n_features}), (N, {self.n_features}, L) "
                f"or (N, {self.n_features}, H, W), got {x.shape}"
            )
        return x

    def _per_feature(self, v, ndim):
        """A per-feature vector reshaped to line up with axis 1 of the input."""
        return v.reshape((1, -1) + (1,) * (ndim - 2))

    def forward(self, x):
        """Normalize each feature, then ``gamma * x_hat + beta``."""
        x = self._check_x(x)
        axes = (0,) + tuple(range(2, x.ndim))  # every axis but the features'
        if self.training:
            m = x.size // self.n_features  # values per feature
            if m < 2:
                raise ValueError(
                    f"training needs more than 1 value per feature to measure a variance, got x of shape {x.shape}"
                )
            mean, var = x.mean(axis=axes), x.var(axis=axes)
            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mean
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var * m / (m - 1)
        else:
            mean, var = self.running_mean, self.running_var
        self.std = self._per_feature(np.sqrt(var + self.eps), x.ndim)
        self.x_hat = (x - self._per_feature(mean, x.ndim)) / self.std
        self.normalized_in_training = self.training
        return self._per_feature(self.gamma, x.ndim) * self.x_hat + self._per_feature(self.beta, x.ndim)

    def backward(self, grad_out):
        """Gradients for ``x``, ``gamma`` and ``beta``; in training the batch's mean and variance depend on ``x`` too."""
        x_hat = self._remembered("x_hat")
        grad_out = _grad_like(grad_out, x_hat.shape)
        axes = (0,) + tuple(range(2, x_hat.ndim))
        self.grad_gamma = (grad_out * x_hat).sum(axis=axes)
        self.grad_beta = grad_out.sum(axis=axes)
        dL_dx_hat = grad_out * self._per_feature(self.gamma, x_hat.ndim)
        if not self.normalized_in_training:
            return dL_dx_hat / self.std  # mean and std were constants
        # every x moved the batch mean and variance too: remove those shares
        mean_grad = dL_dx_hat.mean(axis=axes, keepdims=True)
        mean_grad_x_hat = (dL_dx_hat * x_hat).mean(axis=axes, keepdims=True)
        return (dL_dx_hat - mean_grad - x_hat * mean_grad_x_hat) / self.std

    def params(self):
        """``[gamma, beta]``."""
        return [self.gamma, self.beta]

    def grads(self):
        """``[dL/dgamma, dL/dbeta]`` from the latest ``backward``."""
        return self._stored_grads("grad_gamma", "grad_beta")


def _pair(value, name, low):
    """A whole number or a pair of them (rows, columns), each at least ``low``, as a pair."""
    pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(pair) != 2 or not all(is_whole(k) and k >= low for k in pair):
        raise ValueError(f"{name} must be a whole number of at least {low} or a pair of them, got {value!r}")
    return pair


class Conv2D(Layer):
    """A convolution layer: ``out_channels`` kernels slide over a batch of pictures (NCHW).

    Like ``torch.nn.Conv2d``: ``W`` has shape ``(out_channels, in_channels, kH, kW)``,
    and ``W`` and ``b`` start evenly from ``[-1/sqrt(fan_in), 1/sqrt(fan_in))`` with
    ``fan_in = in_channels * kH * kW``. The arithmetic is ``site_src.conv``'s.

    Examples
    --------
    >>> layer = Conv2D(1, 2, kernel_size=3, padding=1, rng=0)
    >>> layer.forward(np.zeros((5, 1, 8, 8))).shape
    (5, 2, 8, 8)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, rng=None):
        positive(in_channels, "in_channels", whole=True)
        positive(out_channels, "out_channels", whole=True)
        self.kernel_size = _pair(kernel_size, "kernel_size", 1)
        self.in_channels, self.out_channels = in_channels, out_channels
        self.stride, self.padding = _pair(stride, "stride", 1), _pair(padding, "padding", 0)
        rng = generator(rng)
        bound = 1.0 / np.sqrt(in_channels * self.kernel_size[0] * self.kernel_size[1])
        self.weight = rng.uniform(-bound, bound, size=(out_channels, in_channels, *self.kernel_size))
        self.bias = rng.uniform(-bound, bound, size=out_channels)
        self.x = self.grad_weight = self.grad_bias = None

    def __repr__(self):
        return (
            f"Conv2D({self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}, padding={self.padding})"
        )

    def forward(self, x):
        """Slide every kernel over every picture and add its bias."""
        x = as_float_array(x, "x")
        if x.ndim != 4 or x.shape[1] != self.in_channels:
            raise ValueError(f"x must have shape (N, {self.in_channels}, H, W), got {x.shape}")
        out = conv2d_batch(x, self.weight, self.bias, self.stride, self.padding)
        self.x = x  # backward needs the input
        return out

    def backward(self, grad_out):
        """Store the weight and bias gradients; return the input's."""
        x = self._remembered("x")
        grad_x, self.grad_weight, self.grad_bias = conv2d_batch_backward(
            grad_out, x, self.weight, self.stride, self.padding
        )
        return grad_x

    def params(self):
        """``[W, b]``."""
        return [self.weight, self.bias]

    def grads(self):
        """``[dL/dW, dL/db]`` from the latest ``backward``."""
        return self._stored_grads("grad_weight", "grad_bias")


class Pool2D(Layer):
    """Pooling as a layer: one number (max, min or mean) per ``size`` by ``size`` window.

    Equal to ``torch.nn.MaxPool2d(size, stride)`` (``mode="max"``) and
    ``torch.nn.AvgPool2d(size, stride)`` (``mode="mean"``); ``stride`` defaults to ``size``.

    Examples
    --------
    >>> Pool2D(2).forward(np.arange(16.0).reshape(1, 1, 4, 4)).tolist()
    [[[[5.0, 7.0], [13.0, 15.0]]]]
    """

    def __init__(self, size=2, stride=None, mode="max"):
        self.size = positive(size, "size", whole=True)
        self.stride = None if stride is None else positive(stride, "stride", whole=True)
        self.mode = one_of(mode, "mode", POOL_MODES)
        self.x = None

    def __repr__(self):
        return f"Pool2D(size={self.size}, stride={self.stride}, mode={self.mode!r})"

    def forward(self, x):
        """Pool every channel of every picture."""
        x = as_float_array(x, "x")
        if x.ndim != 4:
            raise ValueError(f"x must be a 4-D batch (N, C, H, W), got shape {x.shape}")
        out = pool2d(x, self.size, self.stride, self.mode)
        self.x = x  # backward needs the input
        return out

    def backward(self, grad_out):
        """Send each window's gradient to its winner (max, min) or share it out (mean)."""
        return pool2d_backward(grad_out, self._remembered("x"), self.size, self.stride, self.mode)


class Flatten(Layer):
    """Lay each example out as one long row: ``(N, ...)`` to ``(N, -1)``, like ``torch.nn.Flatten``.

    Examples
    --------
    >>> Flatten().forward(np.zeros((2, 3, 4, 4))).shape
    (2, 48)
    """

    def __init__(self):
        self.shape = None

    def __repr__(self):
        return "Flatten()"

    def forward(self, x):
        """``x.reshape(N, -1)``."""
        x = as_float_array(x, "x")
        if x.ndim < 2:
            raise ValueError(f"x must have a batch axis and at least one more, got shape {x.shape}")
        self.shape = x.shape  # backward needs it
        return x.reshape(len(x), -1)

    def backward(self, grad_out):
        """Fold the gradient back into the input's shape."""
        shape = self._remembered("shape")
        return _grad_like(grad_out, (shape[0], int(np.prod(shape[1:])))).reshape(shape)


class Sequential(Layer):
    """Layers run one after another: forward first to last, backward last to first.

    Examples
    --------
    >>> net = Sequential([Dense(4, 2, rng=0), Activation("tanh")])
    >>> len(net.params()), net.forward(np.ones((3, 4))).shape
    (2, (3, 2))
    """

    def __init__(self, layers):
        self.layers = list(layers)
        for i, layer in enumerate(self.layers):
            if not all(callable(getattr(layer, name, None)) for name in ("forward", "backward", "params", "grads")):
                raise TypeError(f"layers[{i}] must be a layer with forward, backward, params and grads, got {layer!r}")

    def __repr__(self):
        return "Sequential([" + ", ".join(map(repr, self.layers)) + "])"

    def forward(self, x):
        """Each layer's output is the next layer's input."""
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out):
        """The chain rule, one layer at a time, last to first."""
        for layer in reversed(self.layers):
            grad_out = layer.backward(grad_out)
        return grad_out

    def params(self):
        """Every layer's ``params()``, in layer order."""
        return [p for layer in self.layers for p in layer.params()]

    def grads(self):
        """Every layer's ``grads()``, in the same order."""
        return [g for layer in self.layers for g in layer.grads()]

    def train(self):
        """Training mode for every layer."""
        self.training = True
        for layer in self.layers:
            layer.train()
        return self

    def eval(self):
        """Evaluation mode for every layer."""
        self.training = False
        for layer in self.layers:
            layer.eval()
        return self
