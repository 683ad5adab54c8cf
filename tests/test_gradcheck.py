"""site_src.gradcheck: central differences agree with derivatives known from calculus."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src.gradcheck import check_gradient, numerical_gradient


def test_known_derivatives():
    x = np.array([[0.3, -1.2], [2.0, 0.7]])
    # f = sum(sin(x) * x**2): df/dx = cos(x) x**2 + 2 x sin(x)
    f = lambda v: np.sum(np.sin(v) * v**2)  # noqa: E731
    expected = np.cos(x) * x**2 + 2 * x * np.sin(x)
    np.testing.assert_allclose(numerical_gradient(f, x), expected, rtol=1e-7, atol=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-3, 3, allow_nan=False), min_size=1, max_size=6))
def test_quadratic_form(values):
    # f = x^T A x has gradient (A + A^T) x
    x = np.array(values)
    A = np.arange(len(x) ** 2, dtype=float).reshape(len(x), len(x)) / 7 - 1
    f = lambda v: v @ A @ v  # noqa: E731
    np.testing.assert_allclose(numerical_gradient(f, x), (A + A.T) @ x, rtol=1e-6, atol=1e-6)


def test_x_is_not_changed_and_scalar_x_works():
    x = np.array([1.0, 2.0])
    numerical_gradient(lambda v: float(np.prod(v)), x)
    assert x.tolist() == [1.0, 2.0]
    g = numerical_gradient(lambda v: float(v) ** 3, 2.0)
    assert g.shape == () and float(g) == pytest.approx(12.0, rel=1e-8)


def test_h_changes_the_estimate_as_theory_says():
    # for exp, the central difference overshoots by about h**2 / 6 * exp(x)
    f = lambda v: np.exp(v).sum()  # noqa: E731
    err = numerical_gradient(f, [0.0], h=1e-2)[0] - 1.0
    assert err == pytest.approx(1e-4 / 6, rel=1e-2)


def test_check_gradient_right_and_wrong():
    f = lambda v: np.sum(v**3)  # noqa: E731
    x = np.array([0.5, -1.5, 2.0])
    assert check_gradient(f, lambda v: 3 * v**2, x) < 1e-8
    assert check_gradient(f, 3 * x**2, x) < 1e-8  # an array works too
    # a wrong gradient 2x**2 is off by x**2 relative to 3x**2: a third
    assert check_gradient(f, 2 * x**2, x) == pytest.approx(1 / 3, rel=1e-6)


def test_check_gradient_floor_keeps_zero_gradients_calm():
    f = lambda v: np.sum(v**2)  # noqa: E731
    x = np.array([0.0, 1.0])
    small = np.array([1e-9, 2.0])  # off by 1e-9 where the true slope is 0
    assert check_gradient(f, small, x) < 1e-8
    assert check_gradient(f, small, x, floor=1e-12) > 0.5  # pure relative error: looks huge


def test_bad_input():
    f = lambda v: np.sum(v)  # noqa: E731
    with pytest.raises(ValueError, match=r"h \(the nudge size\) must be a positive number"):
        numerical_gradient(f, [1.0], h=0)
    with pytest.raises(ValueError, match="f must return a single number, got an array of shape \\(2,\\)"):
        numerical_gradient(lambda v: v * 2, [1.0, 2.0])
    with pytest.raises(TypeError, match="x must be numbers"):
        numerical_gradient(f, ["a"])
    with pytest.raises(ValueError, match=r"grad must have the shape of x, \(2,\), got \(3,\)"):
        check_gradient(f, np.ones(3), np.ones(2))
    with pytest.raises(ValueError, match="floor must be a positive number"):
        check_gradient(f, np.ones(2), np.ones(2), floor=0)
