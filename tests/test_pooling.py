"""site_src.pooling: equals PyTorch's pooling and autograd (ties too), by hand and by nudging; bad input fails."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src.gradcheck import check_gradient
from site_src.pooling import pool2d, pool2d_backward

TOL = dict(rtol=1e-12, atol=1e-12)
MODES = ["max", "min", "mean"]


def torch_pool(t, size, stride, mode):
    """PyTorch's pooling for each mode (min is max pooling of -x, negated)."""
    stride = size if stride is None else stride
    if mode == "max":
        return F.max_pool2d(t, size, stride)
    if mode == "min":
        return -F.max_pool2d(-t, size, stride)
    return F.avg_pool2d(t, size, stride)


@st.composite
def pool_cases(draw, ties=False):
    """A random NCHW pooling problem; with ``ties``, small whole numbers so windows often tie."""
    size = draw(st.integers(1, 4))
    stride = draw(st.none() | st.integers(1, 4))
    shape = (
        draw(st.integers(1, 3)),
        draw(st.integers(1, 3)),
        draw(st.integers(size, size + 7)),
        draw(st.integers(size, size + 7)),
    )
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.integers(0, 3, size=shape).astype(float) if ties else rng.normal(size=shape)
    return x, size, stride, draw(st.sampled_from(MODES)), rng


@settings(max_examples=80, deadline=None)
@given(pool_cases())
def test_forward_equals_pytorch(case):
    x, size, stride, mode, _ = case
    expected = torch_pool(torch.tensor(x), size, stride, mode).numpy()
    ours = pool2d(x, size, stride, mode)
    assert ours.shape == expected.shape
    np.testing.assert_allclose(ours, expected, **TOL)
    # one 2-D map gives the same as a batch of one map with one channel
    np.testing.assert_allclose(pool2d(x[0, 0], size, stride, mode), expected[0, 0], **TOL)


def _check_backward_against_autograd(case):
    x, size, stride, mode, rng = case
    t = torch.tensor(x, requires_grad=True)
    out = torch_pool(t, size, stride, mode)
    grad_out = rng.normal(size=tuple(out.shape))  # a random upstream gradient
    out.backward(torch.tensor(grad_out))
    ours = pool2d_backward(grad_out, x, size, stride, mode)
    np.testing.assert_allclose(ours, t.grad.numpy(), **TOL)
    one_map = pool2d_backward(grad_out[0, 0], x[0, 0], size, stride, mode)
    np.testing.assert_allclose(one_map, t.grad.numpy()[0, 0], **TOL)


@settings(max_examples=80, deadline=None)
@given(pool_cases())
def test_backward_equals_autograd(case):
    _check_backward_against_autograd(case)


@settings(max_examples=80, deadline=None)
@given(pool_cases(ties=True))
def test_backward_equals_autograd_when_windows_tie(case):
    """Inputs of only 0, 1 and 2 tie often: the gradient must go where PyTorch sends it."""
    _check_backward_against_autograd(case)


def test_worked_example_by_hand():
    x = [[1, 2, 0, 1], [3, 4, 1, 0], [0, 1, 5, 6], [2, 2, 7, 8]]
    assert pool2d(x).tolist() == [[4, 1], [2, 8]]
    assert pool2d(x, mode="min").tolist() == [[1, 0], [0, 5]]
    assert pool2d(x, mode="mean").tolist() == [
        [(1 + 2 + 3 + 4) / 4, (0 + 1 + 1 + 0) / 4],
        [(0 + 1 + 2 + 2) / 4, (5 + 6 + 7 + 8) / 4],
    ]
    # size 3, stride 1: four overlapping windows
    assert pool2d(x, size=3, stride=1).tolist() == [[5, 6], [7, 8]]
    # size 3, stride 2 on 4x4: only one window fits; the last row and column are dropped
    assert pool2d(x, size=3, stride=2).tolist() == [[5]]


def test_backward_by_hand():
    x = [[1, 2, 0, 1], [3, 4, 1, 0], [0, 1, 5, 6], [2, 2, 7, 8]]
    g = [[10, 20], [30, 40]]
    # max: each window's gradient lands on its largest number; a tie goes to the first one
    # reading row by row: top-right 1, 1 (row 0 column 3 wins), bottom-left 2, 2 (row 3 column 0)
    assert pool2d_backward(g, x).tolist() == [[0, 0, 0, 20], [0, 10, 0, 0], [0, 0, 0, 0], [30, 0, 0, 40]]
    # min: the tie 0, 0 in the top-right window goes to row 0 column 2
    assert pool2d_backward(g, x, mode="min").tolist() == [[10, 0, 20, 0], [0, 0, 0, 0], [30, 0, 40, 0], [0, 0, 0, 0]]
    # mean: each of the 4 pixels gets a quarter
    assert pool2d_backward(g, x, mode="mean").tolist() == [
        [2.5, 2.5, 5, 5],
        [2.5, 2.5, 5, 5],
        [7.5, 7.5, 10, 10],
        [7.5, 7.5, 10, 10],
    ]


def test_overlapping_windows_add_up():
    x = [[1, 2, 3], [4, 9, 5], [6, 7, 8]]
    g = [[1, 2], [3, 4]]
    # all four 2x2 windows hold the 9, so it collects 1 + 2 + 3 + 4
    assert pool2d_backward(g, x, size=2, stride=1).tolist() == [[0, 0, 0], [0, 10, 0], [0, 0, 0]]
    # mean: the centre is in all four windows, each sending a quarter of its gradient
    centre = (1 + 2 + 3 + 4) / 4
    assert pool2d_backward(g, x, size=2, stride=1, mode="mean")[1, 1] == centre
    assert pool2d_backward(g, x, size=2, stride=1, mode="mean")[0, 0] == 1 / 4


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("size", "stride"), [(2, None), (3, 1), (2, 3)])
def test_backward_matches_central_difference(mode, size, stride):
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 2, 7, 6))  # distinct numbers: no ties, so max and min are smooth here
    grad_out = rng.normal(size=pool2d(x, size, stride, mode).shape)

    def loss(v):
        return np.sum(pool2d(v, size, stride, mode) * grad_out)

    assert check_gradient(loss, pool2d_backward(grad_out, x, size, stride, mode), x) < 1e-7


def test_input_is_not_changed():
    x = np.random.default_rng(0).normal(size=(1, 1, 4, 4))
    x0 = x.copy()
    pool2d(x)
    pool2d_backward(np.ones((1, 1, 2, 2)), x)
    np.testing.assert_array_equal(x, x0)


X = np.zeros((4, 4))

BAD = [
    # (call, what the message must say)
    (lambda: pool2d(X, size=0), "size must be a positive whole number, got 0"),
    (lambda: pool2d(X, size=-2), "size must be a positive whole number, got -2"),
    (lambda: pool2d(X, size=1.5), "size must be a positive whole number, got 1.5"),
    (lambda: pool2d(X, stride=0), "stride must be a positive whole number, got 0"),
    (lambda: pool2d(X, stride=-1), "stride must be a positive whole number, got -1"),
    (lambda: pool2d(X, size=5), r"the 5x5 window must fit inside the input's 4x4 rows and columns"),
    (lambda: pool2d(np.zeros((1, 1, 4, 2)), size=3), r"the 3x3 window must fit inside the input's 4x2"),
    (lambda: pool2d(X, mode="average"), r"unknown mode 'average'; use one of 'max', 'min', 'mean'"),
    (lambda: pool2d(np.zeros(4)), r"x must be a 2-D map \(H, W\) or a 4-D batch \(N, C, H, W\), got shape \(4,\)"),
    (
        lambda: pool2d(np.zeros((1, 4, 4))),
        r"x must be a 2-D map \(H, W\) or a 4-D batch \(N, C, H, W\), got shape \(1, 4, 4\)",
    ),
    (lambda: pool2d_backward(np.zeros((2, 2)), X, size=0), "size must be a positive whole number"),
    (lambda: pool2d_backward(np.zeros((2, 2)), X, stride=0), "stride must be a positive whole number"),
    (lambda: pool2d_backward(np.zeros((2, 2)), X, size=5), "window must fit inside"),
    (lambda: pool2d_backward(np.zeros((2, 2)), X, mode="median"), "unknown mode 'median'"),
    (lambda: pool2d_backward(np.zeros((2, 2)), np.zeros((1, 4, 4))), "x must be a 2-D map"),
    (
        lambda: pool2d_backward(np.zeros((3, 3)), X),
        r"grad_out must have the pooled output's shape \(2, 2\), got \(3, 3\)",
    ),
]


@pytest.mark.parametrize(("call", "message"), BAD)
def test_bad_input_raises_a_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_non_numbers_raise_type_error():
    with pytest.raises(TypeError, match="x must be numbers"):
        pool2d([["a", "b"], ["c", "d"]])
