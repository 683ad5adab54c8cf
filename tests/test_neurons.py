"""The perceptron: it learns what a line can separate, never XOR, and matches PyTorch step by step."""

import itertools

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src.datasets import fruit, logic_gate
from site_src.neurons import Perceptron
from site_src.pytorch.neurons import Perceptron as TorchPerceptron


@pytest.mark.parametrize("gate", ["and", "or"])
def test_learns_and_and_or(gate):
    X, y = logic_gate(gate)
    robot = Perceptron(2).fit(X, y, epochs=20, lr=0.1)
    assert robot.predict(X).tolist() == y.tolist()
    assert robot.history[-1]["mistakes"] == 0


def test_learns_the_fruit_basket_in_three_epochs():
    X, y, _ = fruit()
    robot = Perceptron(2).fit(X, y, epochs=3, lr=0.1)
    assert (robot.predict(X) == y).all()
    assert Perceptron(2).fit(X, y, epochs=2, lr=0.1).predict(X).tolist() != y.tolist()


def test_never_learns_xor():
    X, y = logic_gate("xor")
    robot = Perceptron(2).fit(X, y, epochs=200, lr=0.1)
    assert all(epoch["mistakes"] > 0 for epoch in robot.history)
    assert (robot.predict(X) != y).any()


@settings(max_examples=300, deadline=None)
@given(st.floats(-100, 100), st.floats(-100, 100), st.floats(-100, 100))
def test_no_weights_and_bias_compute_xor(w1, w2, b):
    """The page's proof, checked on many random weights: some XOR input is always wrong."""
    X, y = logic_gate("xor")
    assert Perceptron(2, weights=[w1, w2], bias=b).predict(X).tolist() != y.tolist()


def test_a_grid_of_weights_never_computes_xor_either():
    X, y = logic_gate("xor")
    values = np.linspace(-2, 2, 41)
    for w1, w2, b in itertools.product(values, values, values):
        assert Perceptron(2, weights=[w1, w2], bias=b).predict(X).tolist() != y.tolist()


def test_step_answers_yes_at_exactly_zero():
    assert Perceptron(1, weights=[1.0], bias=-2.0).predict([[2.0], [1.999]]).tolist() == [1, 0]


def test_learning_rule_by_hand():
    """One update computed independently of the code: w += lr * (y - y_hat) * x."""
    robot = Perceptron(3, weights=[0.5, -0.5, 0.0], bias=0.25)
    x, target = np.array([1.0, 2.0, -1.0]), 1
    total = 0.5 * 1.0 + -0.5 * 2.0 + 0.0 * -1.0 + 0.25  # -0.25 < 0: answers 0, wrong
    assert total < 0
    error = robot.learn_one(x, target, lr=0.5)
    assert error == 1
    np.testing.assert_allclose(robot.weights, [0.5 + 0.5, -0.5 + 1.0, 0.0 - 0.5])
    assert robot.bias == pytest.approx(0.75)
    assert robot.learn_one(x, target, lr=0.5) == 0  # right now: nothing changes
    np.testing.assert_allclose(robot.weights, [1.0, 0.5, -0.5])


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.integers(1, 30), st.floats(0.01, 2.0), st.integers(0, 2**32 - 1))
def test_numpy_and_pytorch_agree_step_by_step(n_inputs, n_samples, lr, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, n_inputs))
    y = rng.integers(0, 2, size=n_samples)
    numpy_robot, torch_robot = Perceptron(n_inputs), TorchPerceptron(n_inputs)
    for _ in range(3):
        for i in range(n_samples):  # one example at a time: compare after every single update
            numpy_robot.fit(X[i : i + 1], y[i : i + 1], epochs=1, lr=lr)
            torch_robot.fit(torch.tensor(X[i : i + 1]), torch.tensor(y[i : i + 1]), epochs=1, lr=lr)
            np.testing.assert_allclose(numpy_robot.weights, torch_robot.weights.numpy(), rtol=0, atol=1e-12)
            assert numpy_robot.bias == pytest.approx(torch_robot.bias.item(), abs=1e-12)
    assert numpy_robot.predict(X).tolist() == torch_robot.predict(torch.tensor(X)).int().tolist()


# ---------------------------------------------------------------- bad input

X_OK, Y_OK = logic_gate("and")


@pytest.mark.parametrize(
    ("X", "y", "kwargs", "error", "message"),
    [
        (X_OK, Y_OK[:3], {}, ValueError, r"y must have shape \(4,\)"),
        (X_OK[:, :1], Y_OK, {}, ValueError, r"X must have shape \(n_samples, 2\)"),
        (X_OK, [0, 1, 2, 1], {}, ValueError, "only the labels 0 and 1"),
        (X_OK, [0, 0, 0, 0.5], {}, ValueError, "only the labels 0 and 1"),
        (X_OK, Y_OK, {"lr": 0}, ValueError, "lr .* must be a positive number"),
        (X_OK, Y_OK, {"lr": -0.1}, ValueError, "lr .* must be a positive number"),
        (X_OK, Y_OK, {"epochs": 0}, ValueError, "epochs must be a positive whole number"),
        (X_OK, Y_OK, {"epochs": 2.5}, ValueError, "epochs must be a positive whole number"),
        ([["a", "b"]] * 4, Y_OK, {}, TypeError, "X must be numbers"),
        (X_OK, ["yes", "no", "no", "no"], {}, TypeError, "y must be numbers"),
    ],
)
def test_fit_rejects_bad_input(X, y, kwargs, error, message):
    with pytest.raises(error, match=message):
        Perceptron(2).fit(X, y, **kwargs)


def test_constructor_rejects_bad_sizes():
    with pytest.raises(ValueError, match="n_inputs must be a positive whole number"):
        Perceptron(0)
    with pytest.raises(ValueError, match=r"weights must have shape \(2,\)"):
        Perceptron(2, weights=[1.0, 2.0, 3.0])
