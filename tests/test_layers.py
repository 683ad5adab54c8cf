"""site_src.layers: every layer's forward and backward equal PyTorch's; a small CNN passes a gradient check."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from site_src import init
from site_src.gradcheck import check_gradient
from site_src.layers import (
    Activation,
    BatchNorm,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    Pool2D,
    Sequential,
)
from site_src.regularization import dropout_mask

TOL = {"rtol": 1e-10, "atol": 1e-12}
seeds = st.integers(0, 2**32 - 1)


def t(a, grad=False):
    """A float64 tensor copy of a NumPy array."""
    return torch.tensor(np.asarray(a), dtype=torch.float64, requires_grad=grad)


def torch_backward(module, x, grad_out):
    """PyTorch's output and input gradient for ``module`` at ``x``, given ``grad_out``."""
    x_t = t(x, grad=True)
    out = module(x_t)
    out.backward(t(grad_out))
    return out.detach().numpy(), x_t.grad.numpy()


def check_layer(layer, module, x, rng):
    """Forward and backward of ``layer`` equal ``module``'s; returns the grad_out used."""
    out = layer.forward(x)
    grad_out = rng.normal(size=out.shape)
    out_t, grad_x_t = torch_backward(module, x, grad_out)
    np.testing.assert_allclose(out, out_t, **TOL)
    grad_x = layer.backward(grad_out)
    assert grad_x.shape == np.shape(x)
    np.testing.assert_allclose(grad_x, grad_x_t, **TOL)


def linear_twin(layer):
    linear = nn.Linear(layer.n_in, layer.n_out, dtype=torch.float64)
    with torch.no_grad():
        linear.weight.copy_(t(layer.weight))
        linear.bias.copy_(t(layer.bias))
    return linear


# ---------------------------------------------------------------- Dense


@settings(max_examples=40, deadline=None)
@given(n_in=st.integers(1, 7), n_out=st.integers(1, 7), n=st.integers(1, 6), seed=seeds)
def test_dense_equals_nn_linear(n_in, n_out, n, seed):
    rng = np.random.default_rng(seed)
    layer = Dense(n_in, n_out, rng=rng)
    linear = linear_twin(layer)
    check_layer(layer, linear, rng.normal(size=(n, n_in)), rng)
    np.testing.assert_allclose(layer.grad_weight, linear.weight.grad.numpy(), **TOL)
    np.testing.assert_allclose(layer.grad_bias, linear.bias.grad.numpy(), **TOL)
    assert [g.shape for g in layer.grads()] == [(n_out, n_in), (n_out,)]


def test_dense_params_are_live_and_in_place():
    layer = Dense(3, 2, rng=0)
    W, b = layer.params()
    assert W is layer.weight and b is layer.bias
    W -= 1.0  # what an optimizer does
    np.testing.assert_array_equal(layer.forward(np.eye(3)), (layer.weight.T + layer.bias))


def test_dense_default_init_is_nn_linear_default():
    n_in, n_out = 4, 50_000
    layer = Dense(n_in, n_out, rng=0)
    torch.manual_seed(0)
    linear = nn.Linear(n_in, n_out, dtype=torch.float64)
    for mine, theirs in [(layer.weight, linear.weight), (layer.bias, linear.bias)]:
        theirs = theirs.detach().numpy()
        assert mine.shape == theirs.shape
        assert np.abs(mine).max() <= 1 / np.sqrt(n_in)  # U(-1/sqrt(n_in), 1/sqrt(n_in))
        assert np.abs(mine).max() == pytest.approx(np.abs(theirs).max(), rel=1e-3)
        assert mine.std() == pytest.approx(theirs.std(), rel=0.02)


@pytest.mark.parametrize("name", ["uniform", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal"])
def test_dense_named_inits_use_site_src_init(name):
    layer = Dense(5, 3, init=name, rng=7)
    np.testing.assert_array_equal(layer.weight, getattr(init, name)(5, 3, rng=7))
    assert not layer.bias.any()


def test_dense_explicit_weights_are_copied():
    W, b = np.array([[1.0, 2.0]]), np.array([0.5])
    layer = Dense(2, 1, weight=W, bias=b)
    W[0, 0] = b[0] = 100.0
    assert layer.weight.tolist() == [[1.0, 2.0]] and layer.bias.tolist() == [0.5]


# ---------------------------------------------------------------- Activation

TORCH_ACTIVATIONS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "identity": lambda x: x}


@settings(max_examples=30, deadline=None)
@given(name=st.sampled_from(sorted(TORCH_ACTIVATIONS)), n=st.integers(1, 5), k=st.integers(1, 5), seed=seeds)
def test_activation_equals_torch(name, n, k, seed):
    rng = np.random.default_rng(seed)
    check_layer(Activation(name), TORCH_ACTIVATIONS[name], rng.normal(scale=3, size=(n, k)), rng)


def test_relu_slope_at_zero_is_zero_like_torch():
    layer = Activation("relu")
    layer.forward([[0.0, 1.0]])
    assert layer.backward([[1.0, 1.0]]).tolist() == [[0.0, 1.0]]


# ---------------------------------------------------------------- Dropout


@settings(max_examples=30, deadline=None)
@given(p=st.floats(0.0, 0.95), shape=st.tuples(st.integers(1, 6), st.integers(1, 6)), seed=seeds)
def test_dropout_equals_torch_with_the_same_mask(p, shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape)
    layer = Dropout(p, rng=seed)
    mask = dropout_mask(shape, p, rng=seed)  # the same draws from the same seed
    assert set(np.unique(mask)) <= {0.0, 1.0 / (1.0 - p)}
    # PyTorch's inverted dropout, written with autograd: zero the dropped, scale the kept by 1/(1-p)
    check_layer(layer, lambda x_t: x_t * t(mask > 0) / (1.0 - p), x, rng)


def test_dropout_drops_about_p_and_keeps_the_mean():
    layer = Dropout(0.3, rng=0)
    out = layer.forward(np.ones((400, 500)))
    assert (out == 0).mean() == pytest.approx(0.3, abs=0.01)
    assert out.mean() == pytest.approx(1.0, abs=0.01)


def test_dropout_eval_is_identity_like_torch():
    x = np.random.default_rng(0).normal(size=(3, 4))
    check_layer(Dropout(0.5, rng=0).eval(), nn.Dropout(0.5).eval(), x, np.random.default_rng(1))


def test_dropout_new_mask_every_batch():
    layer = Dropout(0.5, rng=0)
    assert not np.array_equal(layer.forward(np.ones((10, 10))), layer.forward(np.ones((10, 10))))


# ---------------------------------------------------------------- BatchNorm


def batchnorm_twin(layer, ndim):
    module = (nn.BatchNorm1d if ndim in (2, 3) else nn.BatchNorm2d)(
        layer.n_features, eps=layer.eps, momentum=layer.momentum, dtype=torch.float64
    )
    with torch.no_grad():
        module.weight.copy_(t(layer.gamma))
        module.bias.copy_(t(layer.beta))
    return module


@settings(max_examples=30, deadline=None)
@given(
    c=st.integers(1, 5),
    n=st.integers(2, 6),
    spatial=st.sampled_from([(), (3,), (2, 3)]),
    momentum=st.floats(0.01, 1.0),
    eps=st.sampled_from([1e-5, 1e-3, 0.1]),
    seed=seeds,
)
def test_batchnorm_equals_torch_train_and_eval(c, n, spatial, momentum, eps, seed):
    rng = np.random.default_rng(seed)
    shape = (n, c, *spatial)
    layer = BatchNorm(c, eps=eps, momentum=momentum)
    layer.gamma[...] = rng.normal(size=c)  # in place: params() are the live arrays
    layer.beta[...] = rng.normal(size=c)
    module = batchnorm_twin(layer, len(shape))
    for _ in range(3):  # several batches move the running statistics
        x = rng.normal(loc=2.0, scale=3.0, size=shape)
        module.zero_grad()
        check_layer(layer, module, x, rng)
        np.testing.assert_allclose(layer.grad_gamma, module.weight.grad.numpy(), **TOL)
        np.testing.assert_allclose(layer.grad_beta, module.bias.grad.numpy(), **TOL)
        np.testing.assert_allclose(layer.running_mean, module.running_mean.numpy(), **TOL)
        np.testing.assert_allclose(layer.running_var, module.running_var.numpy(), **TOL)
    layer.eval()
    module.eval()
    module.zero_grad()
    check_layer(layer, module, rng.normal(size=shape), rng)
    np.testing.assert_allclose(layer.grad_gamma, module.weight.grad.numpy(), **TOL)
    np.testing.assert_allclose(layer.grad_beta, module.bias.grad.numpy(), **TOL)


def test_batchnorm_running_var_uses_the_unbiased_variance():
    # by hand: batch [1, 3] has mean 2, biased variance 1, unbiased variance 2
    layer = BatchNorm(1, momentum=0.5, eps=0.0 + 1e-12)
    out = layer.forward([[1.0], [3.0]])
    np.testing.assert_allclose(out, [[-1.0], [1.0]], atol=1e-9)  # normalized with the biased one
    assert layer.running_mean.tolist() == [0.5 * 0 + 0.5 * 2]
    assert layer.running_var.tolist() == [0.5 * 1 + 0.5 * 2]


# ---------------------------------------------------------------- Conv2D, Pool2D, Flatten


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(1, 3),
    c_in=st.integers(1, 3),
    c_out=st.integers(1, 3),
    k=st.integers(1, 3),
    stride=st.integers(1, 2),
    padding=st.integers(0, 2),
    extra=st.integers(0, 4),
    seed=seeds,
)
def test_conv2d_equals_nn_conv2d(n, c_in, c_out, k, stride, padding, extra, seed):
    rng = np.random.default_rng(seed)
    size = max(k - 2 * padding, 1) + extra
    layer = Conv2D(c_in, c_out, k, stride=stride, padding=padding, rng=rng)
    conv = nn.Conv2d(c_in, c_out, k, stride=stride, padding=padding, dtype=torch.float64)
    with torch.no_grad():
        conv.weight.copy_(t(layer.weight))
        conv.bias.copy_(t(layer.bias))
    check_layer(layer, conv, rng.normal(size=(n, c_in, size, size + 1)), rng)
    np.testing.assert_allclose(layer.grad_weight, conv.weight.grad.numpy(), **TOL)
    np.testing.assert_allclose(layer.grad_bias, conv.bias.grad.numpy(), **TOL)


def test_conv2d_init_is_nn_conv2d_default():
    layer = Conv2D(3, 2000, 3, rng=0)
    torch.manual_seed(0)
    conv = nn.Conv2d(3, 2000, 3, dtype=torch.float64)
    bound = 1 / np.sqrt(3 * 3 * 3)
    for mine, theirs in [(layer.weight, conv.weight), (layer.bias, conv.bias)]:
        theirs = theirs.detach().numpy()
        assert mine.shape == theirs.shape
        assert np.abs(mine).max() <= bound and np.abs(theirs).max() <= bound
        assert mine.std() == pytest.approx(theirs.std(), rel=0.05)
    assert layer.weight.std() == pytest.approx(bound / np.sqrt(3), rel=0.01)  # std of U(-a, a) is a/sqrt(3)


@settings(max_examples=30, deadline=None)
@given(
    mode=st.sampled_from(["max", "mean", "min"]),
    size=st.integers(1, 3),
    stride=st.sampled_from([None, 1, 2]),
    n=st.integers(1, 2),
    c=st.integers(1, 2),
    extra=st.integers(0, 3),
    seed=seeds,
)
def test_pool2d_equals_torch(mode, size, stride, n, c, extra, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, c, size + extra, size + extra + 1))
    module = {
        "max": nn.MaxPool2d(size, stride),
        "mean": nn.AvgPool2d(size, stride),
        "min": lambda x_t: -F.max_pool2d(-x_t, size, stride),
    }[mode]
    check_layer(Pool2D(size, stride, mode), module, x, rng)


@settings(max_examples=20, deadline=None)
@given(shape=st.lists(st.integers(1, 4), min_size=2, max_size=4), seed=seeds)
def test_flatten_equals_nn_flatten(shape, seed):
    rng = np.random.default_rng(seed)
    check_layer(Flatten(), nn.Flatten(), rng.normal(size=shape), rng)


# ---------------------------------------------------------------- Sequential


def small_cnn(rng):
    return Sequential(
        [Conv2D(2, 3, 3, padding=1, rng=rng), Activation("relu"), Pool2D(2), Flatten(), Dense(3 * 3 * 3, 4, rng=rng)]
    )


def test_sequential_cnn_passes_finite_differences():
    rng = np.random.default_rng(0)
    net = small_cnn(rng)
    x = rng.normal(size=(2, 2, 6, 6))
    weights = rng.normal(size=(2, 4))  # loss = sum(weights * out): d loss / d out = weights

    def loss_at(x):
        return float(np.sum(weights * net.forward(x)))

    loss_at(x)
    grad_x = net.backward(weights)
    grads = [g.copy() for g in net.grads()]
    assert check_gradient(loss_at, grad_x, x) < 1e-7
    params = net.params()
    assert len(params) == len(grads) == 4  # conv W, b, dense W, b
    for p, g in zip(params, grads):
        original = p.copy()

        def loss_at_p(value, p=p):
            p[...] = value
            return loss_at(x)

        assert check_gradient(loss_at_p, g, original) < 1e-7
        p[...] = original


def test_sequential_cnn_equals_torch():
    rng = np.random.default_rng(1)
    net = small_cnn(rng)
    model = nn.Sequential(
        nn.Conv2d(2, 3, 3, padding=1, dtype=torch.float64),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(27, 4, dtype=torch.float64),
    )
    with torch.no_grad():
        for p_t, p in zip(model.parameters(), net.params()):  # the same order: W, b per layer
            p_t.copy_(t(p))
    check_layer(net, model, rng.normal(size=(3, 2, 6, 6)), rng)
    for p_t, g in zip(model.parameters(), net.grads()):
        np.testing.assert_allclose(g, p_t.grad.numpy(), **TOL)


def test_sequential_train_eval_reaches_every_layer():
    net = Sequential([Dense(2, 2, rng=0), Dropout(0.5), BatchNorm(2)])
    assert net.eval() is net
    assert not net.training and not any(layer.training for layer in net.layers)
    net.train()
    assert net.training and all(layer.training for layer in net.layers)
    assert [p.shape for p in net.params()] == [(2, 2), (2,), (2,), (2,)]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: Dense(0, 2), "n_in must be a positive whole number"),
        (lambda: Dense(2, 2.5), "n_out must be a positive whole number"),
        (lambda: Dense(2, 2, init="zeros"), "unknown init 'zeros'; use one of 'pytorch'"),
        (lambda: Dense(2, 1, weight=[[1.0, 2.0]]), "give both weight and bias"),
        (lambda: Dense(2, 1, weight=[[1.0], [2.0]], bias=[0.0]), r"weight must have shape \(1, 2\), got \(2, 1\)"),
        (lambda: Activation("swish"), "unknown activation 'swish'; use one of 'identity', 'sigmoid', 'tanh', 'relu'"),
        (lambda: Dropout(1.0), r"p \(the probability to drop\) must be in \[0, 1\)"),
        (lambda: Dropout(-0.1), r"must be in \[0, 1\)"),
        (lambda: BatchNorm(0), "n_features must be a positive whole number"),
        (lambda: BatchNorm(2, momentum=1.5), r"momentum must be in \[0, 1\]"),
        (lambda: BatchNorm(2, eps=0), "eps must be a positive number"),
        (lambda: Conv2D(1, 1, 0), "kernel_size must be a whole number of at least 1"),
        (lambda: Conv2D(1, 1, 3, stride=0), "stride must be a whole number of at least 1"),
        (lambda: Conv2D(1, 1, 3, padding=-1), "padding must be a whole number of at least 0"),
        (lambda: Pool2D(2, mode="median"), "unknown mode 'median'"),
        (lambda: Pool2D(0), "size must be a positive whole number"),
    ],
)
def test_bad_settings(make, message):
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize(
    "layer, x, message",
    [
        (Dense(3, 2, rng=0), np.zeros((4, 2)), r"x must have shape \(n_samples, 3\), got \(4, 2\)"),
        (Dense(3, 2, rng=0), np.zeros(3), r"x must have shape \(n_samples, 3\), got \(3,\)"),
        (BatchNorm(3), np.zeros((4, 2)), r"x must have shape \(N, 3\)"),
        (BatchNorm(3), np.zeros((1, 3)), "more than 1 value per feature"),
        (Conv2D(2, 1, 3, rng=0), np.zeros((1, 1, 5, 5)), r"x must have shape \(N, 2, H, W\)"),
        (Conv2D(1, 1, 3, rng=0), np.zeros((1, 1, 2, 2)), "kernel"),
        (Pool2D(2), np.zeros((4, 4)), r"4-D batch \(N, C, H, W\)"),
        (Flatten(), np.zeros(3), "batch axis"),
    ],
)
def test_bad_input_shapes(layer, x, message):
    with pytest.raises(ValueError, match=message):
        layer.forward(x)


@pytest.mark.parametrize(
    "layer",
    [Dense(2, 2, rng=0), Activation("tanh"), Dropout(0.5), BatchNorm(2), Conv2D(1, 1, 1, rng=0), Pool2D(1), Flatten()],
)
def test_backward_before_forward_and_non_numbers(layer):
    with pytest.raises(RuntimeError, match="call .*forward"):
        layer.backward(np.zeros((2, 2)))
    with pytest.raises(TypeError, match="x must be numbers|z must be numbers"):
        layer.forward([["a", "b"], ["c", "d"]])


def test_wrong_grad_out_shape_and_grads_before_backward():
    layer = Dense(3, 2, rng=0)
    with pytest.raises(RuntimeError, match="no gradients yet"):
        layer.grads()
    layer.forward(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"grad_out must have the shape of the latest output \(4, 2\), got \(4, 3\)"):
        layer.backward(np.zeros((4, 3)))


def test_sequential_refuses_non_layers():
    with pytest.raises(TypeError, match=r"layers\[1\] must be a layer"):
        Sequential([Dense(2, 2, rng=0), "relu"])
