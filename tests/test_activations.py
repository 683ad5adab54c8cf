"""site_src.activations: values and slopes equal PyTorch's, extremes stay finite, bad input fails clearly."""

import math
import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from site_src import activations as act

RTOL = 1e-12
# Slopes like 1 - tanh(x)**2 subtract two numbers close to 1, so a one-ulp difference in
# tanh(x) between NumPy and PyTorch shows up as an absolute difference of about 1e-16.
GRAD_ATOL = 1e-15
EXTREMES = np.array(
    [-1000.0, -745.0, -710.0, -100.0, -30.0, -1e-300, -0.0, 0.0, 1e-300, 30.0, 100.0, 710.0, 745.0, 1000.0]
)


def _random(shape=(50,), scale=5.0, seed=0):
    return np.random.default_rng(seed).normal(0.0, scale, size=shape)


def _torch_value_and_grad(torch_fn, x):
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = torch_fn(t)
    y.sum().backward()
    return y.detach().numpy(), t.grad.numpy()


def _central_difference(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


# (numpy value, numpy grad, torch function), with default and non-default parameters.
PAIRS = {
    "sigmoid": (act.sigmoid, act.sigmoid_grad, torch.sigmoid),
    "tanh": (act.tanh, act.tanh_grad, torch.tanh),
    "relu": (act.relu, act.relu_grad, torch.relu),
    "leaky_relu": (act.leaky_relu, act.leaky_relu_grad, F.leaky_relu),
    "leaky_relu_0.2": (
        lambda x: act.leaky_relu(x, negative_slope=0.2),
        lambda x: act.leaky_relu_grad(x, negative_slope=0.2),
        lambda t: F.leaky_relu(t, negative_slope=0.2),
    ),
    "elu": (act.elu, act.elu_grad, F.elu),
    "elu_2.5": (
        lambda x: act.elu(x, alpha=2.5),
        lambda x: act.elu_grad(x, alpha=2.5),
        lambda t: F.elu(t, alpha=2.5),
    ),
}


@pytest.mark.parametrize("name", PAIRS)
def test_value_and_grad_equal_pytorch_on_random_inputs(name):
    f, grad, torch_fn = PAIRS[name]
    x = _random(shape=(7, 9), seed=len(name))
    value, slope = _torch_value_and_grad(torch_fn, x)
    np.testing.assert_allclose(f(x), value, rtol=RTOL, atol=0)
    np.testing.assert_allclose(grad(x), slope, rtol=RTOL, atol=GRAD_ATOL)
    assert f(x).shape == x.shape and grad(x).shape == x.shape


@pytest.mark.parametrize("name", PAIRS)
def test_value_and_grad_equal_pytorch_at_extremes_without_warnings(name):
    f, grad, torch_fn = PAIRS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ours, our_slope = f(EXTREMES), grad(EXTREMES)
    assert np.all(np.isfinite(ours)) and np.all(np.isfinite(our_slope))
    value, slope = _torch_value_and_grad(torch_fn, EXTREMES)
    np.testing.assert_allclose(ours, value, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(our_slope, slope, rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("name", PAIRS)
def test_grad_matches_central_difference(name):
    f, grad, _ = PAIRS[name]
    x = np.random.default_rng(1).uniform(-6, 6, size=200)
    x = x[np.abs(x) > 1e-3]  # stay away from the corner at 0
    np.testing.assert_allclose(grad(x), _central_difference(f, x), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize(
    ("grad", "torch_fn", "expected"),
    [
        (act.relu_grad, torch.relu, 0.0),
        (act.leaky_relu_grad, F.leaky_relu, 0.01),
        (lambda x: act.leaky_relu_grad(x, negative_slope=0.3), lambda t: F.leaky_relu(t, 0.3), 0.3),
        (act.elu_grad, F.elu, 1.0),
        (lambda x: act.elu_grad(x, alpha=2.0), lambda t: F.elu(t, alpha=2.0), 2.0),
    ],
)
def test_slope_at_the_corner_is_pytorchs(grad, torch_fn, expected):
    zero = np.array([0.0, -0.0])
    assert grad(zero).tolist() == [expected, expected]
    assert _torch_value_and_grad(torch_fn, zero)[1].tolist() == [expected, expected]


def test_worked_values():
    assert act.sigmoid(0.0) == 0.5
    assert act.sigmoid_grad(0.0) == 0.25
    assert act.tanh_grad(0.0) == 1.0
    assert math.isclose(float(act.sigmoid(2.0)), 1 / (1 + math.exp(-2.0)), rel_tol=1e-15)
    assert act.relu([-2.0, 0.0, 3.0]).tolist() == [0.0, 0.0, 3.0]
    assert act.leaky_relu([-2.0, 3.0]).tolist() == [-0.02, 3.0]
    assert math.isclose(float(act.elu(-1.0)), math.exp(-1.0) - 1.0, rel_tol=1e-15)
    assert act.step([-1.0, 0.0, 1.0]).tolist() == [0.0, 1.0, 1.0]


def test_sigmoid_saturates_exactly_without_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = act.sigmoid([-1000.0, 1000.0, -np.inf, np.inf])
        e = act.elu([1000.0, 1e308, -1000.0, -np.inf])
    assert s.tolist() == [0.0, 1.0, 0.0, 1.0]
    assert e.tolist() == [1000.0, 1e308, -1.0, -1.0]


def test_functions_accept_plain_numbers_and_lists():
    for f in (
        act.sigmoid,
        act.tanh,
        act.relu,
        act.leaky_relu,
        act.elu,
        act.sigmoid_grad,
        act.tanh_grad,
        act.relu_grad,
        act.leaky_relu_grad,
        act.elu_grad,
    ):
        assert f(1).dtype == np.float64 and f(1).shape == ()
        assert f([1, -1]).shape == (2,)


@given(arrays(np.float64, st.integers(1, 20), elements=st.floats(-50, 50)))
@settings(max_examples=60, deadline=None)
def test_tanh_is_a_stretched_sigmoid(x):
    np.testing.assert_allclose(act.tanh(x), 2 * act.sigmoid(2 * x) - 1, rtol=0, atol=1e-14)


@given(arrays(np.float64, st.integers(1, 20), elements=st.floats(-700, 700)))
@settings(max_examples=60, deadline=None)
def test_sigmoid_is_symmetric_and_in_range(x):
    s = act.sigmoid(x)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s + act.sigmoid(-x), 1.0, rtol=0, atol=1e-15)


# --- softmax -------------------------------------------------------------------------------


def test_softmax_worked_example_matches_hand_computation():
    z = [2.0, 1.0, 0.1]
    exps = [math.exp(v) for v in z]
    by_hand = [e / sum(exps) for e in exps]
    s = act.softmax(z)
    np.testing.assert_allclose(s, by_hand, rtol=1e-15)
    assert [round(v, 4) for v in s.tolist()] == [0.659, 0.2424, 0.0986]
    assert math.isclose(sum(s.tolist()), 1.0, rel_tol=1e-15)


@pytest.mark.parametrize("axis", [-1, 0, 1, 2])
def test_softmax_equals_pytorch_on_every_axis(axis):
    z = _random(shape=(4, 5, 6), scale=10.0, seed=axis + 10)
    expected = torch.softmax(torch.tensor(z), dim=axis).numpy()
    s = act.softmax(z, axis=axis)
    np.testing.assert_allclose(s, expected, rtol=RTOL, atol=1e-300)
    np.testing.assert_allclose(s.sum(axis=axis), 1.0, rtol=0, atol=1e-14)


def test_softmax_is_stable_for_huge_scores():
    z = np.array([[1000.0, 1000.0, -1000.0], [-1000.0, -1001.0, -1002.0], [1e300, 0.0, -1e300]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = act.softmax(z)
    assert np.all(np.isfinite(s))
    np.testing.assert_allclose(s, torch.softmax(torch.tensor(z), dim=-1).numpy(), rtol=RTOL, atol=1e-300)
    assert s[0].tolist() == [0.5, 0.5, 0.0]


@given(arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 8)), elements=st.floats(-1e6, 1e6)))
@settings(max_examples=80, deadline=None)
def test_softmax_rows_are_probabilities_and_shift_invariant(z):
    s = act.softmax(z)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s.sum(axis=-1), 1.0, rtol=0, atol=1e-12)
    np.testing.assert_allclose(act.softmax(z + 3.0), s, rtol=1e-6, atol=1e-12)


@given(
    arrays(np.float64, st.integers(1, 10), elements=st.floats(-30, 30)),
    arrays(np.float64, st.integers(1, 10), elements=st.floats(-30, 30)),
)
@settings(max_examples=60, deadline=None)
def test_two_class_softmax_is_sigmoid_of_the_difference(a, b):
    n = min(a.size, b.size)
    a, b = a[:n], b[:n]
    s = act.softmax(np.stack([a, b], axis=-1))
    np.testing.assert_allclose(s[:, 0], act.sigmoid(a - b), rtol=1e-12, atol=1e-15)


def test_softmax_jacobian_equals_pytorch_for_a_vector():
    z = _random(shape=(6,), seed=3)
    expected = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=-1), torch.tensor(z)).numpy()
    J = act.softmax_jacobian(z)
    assert J.shape == (6, 6)
    np.testing.assert_allclose(J, expected, rtol=RTOL, atol=1e-16)
    np.testing.assert_allclose(J.sum(axis=0), 0.0, atol=1e-15)
    np.testing.assert_allclose(J.sum(axis=1), 0.0, atol=1e-15)


def test_softmax_jacobian_for_a_batch_has_one_block_per_row():
    z = _random(shape=(3, 4), seed=4)
    full = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=-1), torch.tensor(z)).numpy()
    expected = np.stack([full[i, :, i, :] for i in range(3)])  # (n, k, k)
    J = act.softmax_jacobian(z)
    assert J.shape == (3, 4, 4)
    np.testing.assert_allclose(J, expected, rtol=RTOL, atol=1e-16)
    for i in range(3):
        np.testing.assert_array_equal(J[i], act.softmax_jacobian(z[i]))


def test_softmax_jacobian_matches_central_difference():
    z = _random(shape=(5,), scale=2.0, seed=5)
    h = 1e-6
    numeric = np.stack([(act.softmax(z + h * e) - act.softmax(z - h * e)) / (2 * h) for e in np.eye(5)], axis=1)
    np.testing.assert_allclose(act.softmax_jacobian(z), numeric, rtol=1e-6, atol=1e-10)


def test_softmax_jacobian_is_stable_for_huge_scores():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        J = act.softmax_jacobian([1000.0, 1000.0, -1000.0])
    assert J.tolist() == [[0.25, -0.25, 0.0], [-0.25, 0.25, 0.0], [0.0, 0.0, 0.0]]


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "f",
    [
        act.step,
        act.sigmoid,
        act.tanh,
        act.relu,
        act.leaky_relu,
        act.elu,
        act.softmax,
        act.sigmoid_grad,
        act.tanh_grad,
        act.relu_grad,
        act.leaky_relu_grad,
        act.elu_grad,
        act.softmax_jacobian,
    ],
)
@pytest.mark.parametrize("bad", [["a", "b"], "1.0", [None, 1.0]])
def test_non_numbers_raise_type_error(f, bad):
    with pytest.raises(TypeError, match="must be numbers"):
        f(bad)


@pytest.mark.parametrize("f", [act.leaky_relu, act.leaky_relu_grad])
def test_negative_slope_must_be_a_number(f):
    with pytest.raises(TypeError, match="negative_slope must be a real number"):
        f([1.0], negative_slope="0.1")
    with pytest.raises(TypeError, match="negative_slope must be a real number"):
        f([1.0], negative_slope=[0.1, 0.2])


@pytest.mark.parametrize("f", [act.elu, act.elu_grad])
def test_alpha_must_be_a_number(f):
    with pytest.raises(TypeError, match="alpha must be a real number"):
        f([1.0], alpha=None)


def test_softmax_bad_shapes_and_axes():
    with pytest.raises(ValueError, match="at least one axis"):
        act.softmax(3.0)
    with pytest.raises(ValueError, match="axis must be between -2 and 1"):
        act.softmax(np.zeros((2, 3)), axis=2)
    with pytest.raises(ValueError, match="at least one score"):
        act.softmax([])
    with pytest.raises(TypeError, match="axis must be an int"):
        act.softmax([1.0, 2.0], axis=0.0)


@pytest.mark.parametrize("bad", [3.0, [], np.zeros((2, 0)), np.zeros((2, 2, 2))])
def test_softmax_jacobian_needs_a_vector_or_a_batch(bad):
    with pytest.raises(ValueError, match=r"shape \(k,\) or a batch of shape \(n, k\)"):
        act.softmax_jacobian(bad)
