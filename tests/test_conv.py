"""site_src.conv: equals F.conv2d and its autograd, by hand and by nudging; bad input fails clearly."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src.conv import conv2d, conv2d_batch, conv2d_batch_backward, conv_output_size, pad
from site_src.gradcheck import check_gradient

TOL = dict(rtol=1e-12, atol=1e-12)


def _t(a, grad=False):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


@st.composite
def conv_cases(draw):
    """A random NCHW convolution problem whose kernel fits the padded image."""
    square = draw(st.booleans())  # stride and padding as ints (same both ways) or (rows, columns) pairs
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    ph, sh = draw(st.integers(0, 2)), draw(st.integers(1, 3))
    pw, sw = (ph, sh) if square else (draw(st.integers(0, 2)), draw(st.integers(1, 3)))
    h = draw(st.integers(max(1, kh - 2 * ph), kh - 2 * ph + 7))
    w = draw(st.integers(max(1, kw - 2 * pw), kw - 2 * pw + 7))
    n, c_in, c_out = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    stride, padding = (sh, ph) if square else ((sh, sw), (ph, pw))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.normal(size=(n, c_in, h, w))
    weight = rng.normal(size=(c_out, c_in, kh, kw))
    bias = rng.normal(size=c_out) if draw(st.booleans()) else None
    return x, weight, bias, stride, padding, rng


@settings(max_examples=60, deadline=None)
@given(conv_cases())
def test_forward_equals_pytorch(case):
    x, weight, bias, stride, padding, _ = case
    expected = F.conv2d(_t(x), _t(weight), None if bias is None else _t(bias), stride=stride, padding=padding)
    ours = conv2d_batch(x, weight, bias, stride=stride, padding=padding)
    assert ours.shape == tuple(expected.shape)
    np.testing.assert_allclose(ours, expected.numpy(), **TOL)


@settings(max_examples=60, deadline=None)
@given(conv_cases())
def test_backward_equals_autograd(case):
    x, weight, bias, stride, padding, rng = case
    tx, tw, tb = _t(x, True), _t(weight, True), _t(rng.normal(size=weight.shape[0]), True)
    out = F.conv2d(tx, tw, tb, stride=stride, padding=padding)
    grad_out = rng.normal(size=tuple(out.shape))  # a random upstream gradient
    out.backward(_t(grad_out))
    grad_x, grad_weight, grad_bias = conv2d_batch_backward(grad_out, x, weight, stride=stride, padding=padding)
    np.testing.assert_allclose(grad_x, tx.grad.numpy(), **TOL)
    np.testing.assert_allclose(grad_weight, tw.grad.numpy(), **TOL)
    np.testing.assert_allclose(grad_bias, tb.grad.numpy(), **TOL)
    assert grad_x.shape == x.shape and grad_weight.shape == weight.shape and grad_bias.shape == (weight.shape[0],)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 4),
    st.integers(1, 4),
    st.integers(0, 2),
    st.integers(1, 3),
    st.integers(0, 6),
    st.integers(0, 6),
    st.integers(0, 2**32 - 1),
)
def test_loop_version_equals_batch_version(kh, kw, padding, stride, extra_h, extra_w, seed):
    rng = np.random.default_rng(seed)
    image = rng.normal(size=(max(1, kh - 2 * padding) + extra_h, max(1, kw - 2 * padding) + extra_w))
    kernel = rng.normal(size=(kh, kw))
    batch = conv2d_batch(image[None, None], kernel[None, None], stride=stride, padding=padding)
    np.testing.assert_allclose(conv2d(image, kernel, stride=stride, padding=padding), batch[0, 0], **TOL)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 12), st.integers(1, 6), st.integers(0, 3), st.integers(1, 4))
def test_output_size_is_the_formula_and_pytorchs(size, kernel, padding, stride):
    if kernel > size + 2 * padding:
        with pytest.raises(ValueError, match="must not be larger than the padded size"):
            conv_output_size(size, kernel, padding, stride)
        return
    formula = math.floor((size + 2 * padding - kernel) / stride) + 1
    torch_size = F.conv2d(
        torch.zeros(1, 1, size, size), torch.zeros(1, 1, kernel, kernel), stride=stride, padding=padding
    ).shape[-1]
    assert conv_output_size(size, kernel, padding, stride) == formula == torch_size
    ours = conv2d(np.zeros((size, size)), np.zeros((kernel, kernel)), stride=stride, padding=padding)
    assert ours.shape == (formula, formula)


def test_3x3_kernel_on_4x4_image_by_hand():
    image = [[1, 2, 0, 1], [0, 1, 3, 2], [2, 0, 1, 0], [1, 1, 0, 2]]
    kernel = [[1, 0, -1], [2, 0, 0], [0, 1, 0]]
    # each output: the 3x3 patch times the kernel, cell by cell, added up (no flip)
    top_left = 1 * 1 + 2 * 0 + 0 * -1 + 0 * 2 + 1 * 0 + 3 * 0 + 2 * 0 + 0 * 1 + 1 * 0  # = 1
    top_right = 2 * 1 + 0 * 0 + 1 * -1 + 1 * 2 + 3 * 0 + 2 * 0 + 0 * 0 + 1 * 1 + 0 * 0  # = 4
    bottom_left = 0 * 1 + 1 * 0 + 3 * -1 + 2 * 2 + 0 * 0 + 1 * 0 + 1 * 0 + 1 * 1 + 0 * 0  # = 2
    bottom_right = 1 * 1 + 3 * 0 + 2 * -1 + 0 * 2 + 1 * 0 + 0 * 0 + 1 * 0 + 0 * 1 + 2 * 0  # = -1
    expected = [[top_left, top_right], [bottom_left, bottom_right]]
    assert expected == [[1, 4], [2, -1]]
    assert conv2d(image, kernel).tolist() == expected
    assert conv2d_batch([[image]], [[kernel]])[0, 0].tolist() == expected
    # flipping the kernel (the textbook convolution) gives something else: we do not flip
    assert conv2d(image, np.flip(kernel)).tolist() != expected


def test_padding_and_stride_by_hand():
    image = [[1, 2], [3, 4]]
    # padding 1: a ring of zeros, so a 1x1 kernel of 2 doubles the picture inside the ring
    assert conv2d(image, [[2]], padding=1).tolist() == [[0, 0, 0, 0], [0, 2, 4, 0], [0, 6, 8, 0], [0, 0, 0, 0]]
    # stride 2 on the padded 4x4 with a 2x2 kernel of ones: each stop sees one picture pixel
    assert conv2d(image, np.ones((2, 2)), stride=2, padding=1).tolist() == [[1, 2], [3, 4]]


@pytest.mark.parametrize("padding", [0, 1, 2, (1, 2), (0, 3)])
def test_pad_equals_pytorch(padding):
    x = np.random.default_rng(0).normal(size=(2, 3, 4, 5))
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    np.testing.assert_array_equal(pad(x, padding), F.pad(_t(x), (pw, pw, ph, ph)).numpy())
    np.testing.assert_array_equal(pad(x[0, 0], padding), F.pad(_t(x[0, 0]), (pw, pw, ph, ph)).numpy())


@pytest.mark.parametrize(("stride", "padding"), [(1, 0), (2, 1), ((1, 2), (2, 0))])
def test_backward_matches_central_difference(stride, padding):
    rng = np.random.default_rng(3)
    x, weight, bias = rng.normal(size=(2, 2, 5, 4)), rng.normal(size=(3, 2, 3, 2)), rng.normal(size=3)
    grad_out = rng.normal(size=conv2d_batch(x, weight, bias, stride, padding).shape)
    grad_x, grad_weight, grad_bias = conv2d_batch_backward(grad_out, x, weight, stride, padding)

    def loss(x=x, weight=weight, bias=bias):  # the loss whose gradient with respect to the output is grad_out
        return np.sum(conv2d_batch(x, weight, bias, stride, padding) * grad_out)

    assert check_gradient(lambda v: loss(x=v), grad_x, x) < 1e-7
    assert check_gradient(lambda v: loss(weight=v), grad_weight, weight) < 1e-7
    assert check_gradient(lambda v: loss(bias=v), grad_bias, bias) < 1e-7


def test_inputs_are_not_changed():
    rng = np.random.default_rng(1)
    x, weight = rng.normal(size=(1, 2, 4, 4)), rng.normal(size=(2, 2, 3, 3))
    x0, w0 = x.copy(), weight.copy()
    grad_out = np.ones((1, 2, 4, 4))
    conv2d_batch(x, weight, padding=1)
    conv2d_batch_backward(grad_out, x, weight, padding=1)
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(weight, w0)


X4, W4 = np.zeros((2, 3, 5, 5)), np.zeros((4, 3, 3, 3))

BAD = [
    # (call, what the message must say)
    (
        lambda: conv_output_size(4, 5),
        r"kernel \(5\) must not be larger than the padded size \(size 4 \+ 2 \* padding 0 = 4\)",
    ),
    (lambda: conv_output_size(4, 3, stride=0), "stride must be a positive whole number, got 0"),
    (lambda: conv_output_size(4, 3, stride=-1), "stride must be a positive whole number, got -1"),
    (lambda: conv_output_size(4, 3, padding=-1), "padding must be a whole number of at least 0, got -1"),
    (lambda: conv_output_size(4.0, 3), "size must be a positive whole number, got 4.0"),
    (lambda: conv_output_size(4, 1.5), "kernel must be a positive whole number, got 1.5"),
    (lambda: conv_output_size(4, 3, stride=True), "stride must be a positive whole number, got True"),
    (lambda: conv2d(np.zeros((3, 3)), np.zeros((4, 4))), "must not be larger than the padded size"),
    (
        lambda: conv2d(np.zeros((3, 3)), np.zeros((2, 2)), stride=(1, 1)),
        r"stride must be a positive whole number, got \(1, 1\)",
    ),
    (lambda: conv2d(np.zeros((3, 3)), np.zeros((2, 2)), stride=0), "stride must be a positive whole number"),
    (lambda: conv2d(np.zeros((3, 3)), np.zeros((2, 2)), padding=-1), "padding must be a whole number of at least 0"),
    (
        lambda: conv2d(np.zeros((1, 3, 3)), np.zeros((2, 2))),
        r"image must be a non-empty 2-D array \(rows, columns\), got shape \(1, 3, 3\)",
    ),
    (
        lambda: conv2d(np.zeros((3, 3)), np.zeros(2)),
        r"kernel must be a non-empty 2-D array \(rows, columns\), got shape \(2,\)",
    ),
    (
        lambda: conv2d_batch(np.zeros((3, 5, 5)), W4),
        r"x must be a non-empty 4-D batch \(N, C_in, H, W\), got shape \(3, 5, 5\)",
    ),
    (lambda: conv2d_batch(X4, np.zeros((4, 3, 3))), r"weight must be a non-empty 4-D array \(C_out, C_in, kH, kW\)"),
    (lambda: conv2d_batch(X4, np.zeros((4, 2, 3, 3))), r"x has 3 channels but weight expects C_in = 2"),
    (lambda: conv2d_batch(X4, W4, bias=np.zeros(3)), r"bias must have shape \(C_out,\) = \(4,\), got \(3,\)"),
    (lambda: conv2d_batch(X4, np.zeros((4, 3, 6, 3))), r"kernel \(6\) must not be larger than the padded size"),
    (
        lambda: conv2d_batch(X4, np.zeros((4, 3, 3, 8)), padding=1),
        r"kernel \(8\) must not be larger than the padded size \(size 5 \+ 2 \* padding 1 = 7\)",
    ),
    (lambda: conv2d_batch(X4, W4, stride=0), "stride must be a positive whole number, got 0"),
    (lambda: conv2d_batch(X4, W4, stride=(1, -2)), "stride must be a positive whole number, got -2"),
    (lambda: conv2d_batch(X4, W4, padding=-1), "padding must be a whole number of at least 0, got -1"),
    (lambda: conv2d_batch(X4, W4, padding=(1, 2, 3)), r"padding must be a whole number or a pair \(rows, columns\)"),
    (lambda: conv2d_batch_backward(np.zeros((2, 4, 3, 3)), np.zeros((3, 5, 5)), W4), "x must be a non-empty 4-D batch"),
    (
        lambda: conv2d_batch_backward(np.zeros((2, 4, 3, 3)), X4, np.zeros((4, 2, 3, 3))),
        "x has 3 channels but weight expects C_in = 2",
    ),
    (lambda: conv2d_batch_backward(np.zeros((2, 4, 3, 3)), X4, W4, stride=0), "stride must be a positive whole number"),
    (
        lambda: conv2d_batch_backward(np.zeros((2, 4, 3, 3)), X4, W4, padding=-1),
        "padding must be a whole number of at least 0",
    ),
    (
        lambda: conv2d_batch_backward(np.zeros((2, 4, 3, 3)), X4, W4, padding=1),
        r"grad_out must have the output's shape \(2, 4, 5, 5\), got \(2, 4, 3, 3\)",
    ),
    (lambda: pad(np.zeros((2, 2, 2)), 1), r"x must be a 2-D image \(H, W\) or a 4-D batch \(N, C, H, W\)"),
    (lambda: pad(np.zeros((2, 2)), -1), "padding must be a whole number of at least 0, got -1"),
]


@pytest.mark.parametrize(("call", "message"), BAD)
def test_bad_input_raises_a_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_non_numbers_raise_type_error():
    with pytest.raises(TypeError, match="image must be numbers"):
        conv2d([["a", "b"], ["c", "d"]], [[1]])
    with pytest.raises(TypeError, match="weight must be numbers"):
        conv2d_batch(X4, np.full((4, 3, 3, 3), None))
