"""The activation function (docs/learning/activation-idea.md): its numbers come from site_src."""

import numpy as np

from site_src.activations import relu, sigmoid
from site_src.examples import linear_stack
from site_src.examples import perceptron as perceptron_story
from site_src.examples.tiny_network import forward_steps
from site_src.mlp import MLP
from tests.chapters.facts import DOCS, assert_all_in, code_calls, column, fmt, num, page_source, page_text, pmatrix, tex
from tests.pages import ROOT

PAGE = "learning/activation-idea"


def test_page_uses_its_figure():
    assert "](../figures/linear-stack-collapse.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "learning" / "linear_stack_collapse.py").exists()
    assert (DOCS.parent / "figures" / "linear-stack-collapse.svg").exists()


def test_switch_values():
    text = page_text(PAGE)
    s = sigmoid([-2.0, 0.0, 3.0])
    robot, x, _, _ = perceptron_story.first_mistake()  # the fruit after one epoch, from the perceptron chapter
    total = robot.total(x[np.newaxis])[0]
    assert total < 0
    assert_all_in(
        text,
        [
            f"a total of $-2$ gives ${tex(s[0], 3)}$, a total of 0 gives exactly ${num(s[1])}$, "
            f"a total of 3 gives ${tex(s[2], 3)}$",
            f"Our perceptron's total of ${num(total)}$ gave {int(robot.predict(x[np.newaxis])[0])}",
        ],
    )


def test_number_machines():
    text = page_text(PAGE)
    pair = MLP([1, 1, 1], activation="identity", weights=[[[2.0]], [[3.0]]], biases=[[1.0], [2.0]])
    steps = forward_steps(pair, [[4.0]])
    middle, out = steps["a1"].item(), steps["y_hat"].item()
    W = (pair.weights[1] @ pair.weights[0]).item()
    b = (pair.weights[1] @ pair.biases[0] + pair.biases[1]).item()
    # with ReLU in the middle the input -1 gives 2 instead of -1
    bent = MLP([1, 1, 1], activation="relu", weights=pair.weights, biases=pair.biases)
    assert forward_steps(bent, [[-1.0]])["z1"].item() < 0
    assert bent.forward([[4.0]]).item() == out  # "would still give 29 for the input 4"
    assert_all_in(
        text,
        [
            f"the first machine gives {num(middle)}, the second gives {num(out)}",
            f'"times {num(W)} and add {num(b)}", also turns 4 into {num(out)}',
            f"$2 \\times 4 + 1 = {num(middle)}$",
            f"$3 \\times {num(middle)} + 2 = {num(out)}$",
            f"${num(W)} \\times 4 + {num(b)} = {num(W * 4 + b)}$",
            f"$3 \\times (2x + 1) + 2 = {num(W)}x + {num(b)}$",
            f"the output is $3 \\times 0 + 2 = {num(bent.forward([[-1.0]]).item())}$ instead of "
            f"${num(W)} \\times (-1) + {num(b)} = {num(pair.forward([[-1.0]]).item())}$",
        ],
    )


def test_figure_story():
    """The figure's no-switch output is one straight line; the ReLU output has corners at -1, 0 and 1."""
    text = page_text(PAGE)
    W = (np.array(linear_stack.W2) @ np.array(linear_stack.W1)).item()
    b = (np.array(linear_stack.W2) @ np.array(linear_stack.B1) + linear_stack.B2).item()
    assert W == 1.0 and b < 0
    x = np.linspace(-3, 3, 601)[:, None]
    straight = linear_stack.stack_network("identity").forward(x)[:, 0]
    assert np.allclose(straight, W * x[:, 0] + b)
    bent = linear_stack.stack_network("relu").forward(x)[:, 0]
    slope = np.diff(bent) / np.diff(x[:, 0])
    corners = sorted({round(c) for c in x[1:-1, 0][~np.isclose(slope[1:], slope[:-1])]})
    assert len(corners) == 3
    assert_all_in(
        text,
        [
            f"one more straight line, $x - {num(-b)}$",
            f"corners at {tex(corners[0], 0)}, {tex(corners[1], 0)} and {tex(corners[2], 0)}",
        ],
    )


def math_corner_arrays():
    """W1, b1, W2, b2 and x as the math corner's code block types them (np.array literals, in that order)."""
    arrays = [np.array(args[0], dtype=float) for args, _ in code_calls(PAGE, "array") if args]
    shapes = [(2, 2), (2,), (2, 2), (2,), (2,)]
    for i in range(len(arrays) - 4):
        if [a.shape for a in arrays[i : i + 5]] == shapes:
            return arrays[i : i + 5]
    raise AssertionError(f"no W1, b1, W2, b2, x in the page's code: {arrays}")


def test_math_corner():
    text = page_text(PAGE)
    W1, b1, W2, b2, x = math_corner_arrays()
    stack = MLP([2, 2, 2], activation="identity", weights=[W1, W2], biases=[b1, b2])
    steps = forward_steps(stack, [x])
    W, b = W2 @ W1, W2 @ b1 + b2
    assert np.allclose(W @ x + b, steps["y_hat"][0])
    with_relu = MLP([2, 2, 2], activation="relu", weights=[W1, W2], biases=[b1, b2]).forward([x])[0]
    assert not np.allclose(with_relu, W @ x + b)
    assert_all_in(
        text,
        [
            # the matrices the math types are the ones its code block uses
            f"W_1 = {pmatrix(W1)}",
            f"\\mathbf{{b}}_1 = {column(b1)}",
            f"W_2 = {pmatrix(W2)}",
            f"\\mathbf{{b}}_2 = {column(b2)}",
            f"\\mathbf{{x}} = {column(x)}",
            # and what they compute
            f"W_1\\mathbf{{x}} + \\mathbf{{b}}_1 = {column(steps['z1'][0])}$",
            f"turns that into ${column(steps['y_hat'][0])}$",
            f"$W = W_2W_1 = {pmatrix(W)}$",
            f"$\\mathbf{{b}} = W_2\\mathbf{{b}}_1 + \\mathbf{{b}}_2 = {column(b)}$",
            f"$W\\mathbf{{x}} + \\mathbf{{b}} = {column(W @ x + b)}$: the same",
            f"the network's answer becomes ${column(with_relu)}$",
        ],
    )


def test_exercise():
    text = page_text(PAGE)
    pair = MLP([1, 1, 1], activation="identity", weights=[[[2.0]], [[-3.0]]], biases=[[1.0], [4.0]])
    W = (pair.weights[1] @ pair.weights[0]).item()
    b = (pair.weights[1] @ pair.biases[0] + pair.biases[1]).item()
    middle = forward_steps(pair, [[2.0]])["a1"].item()
    out = pair.forward([[2.0]]).item()
    ends = relu(-1.0), relu(1.0)
    assert relu(0.0) != (ends[0] + ends[1]) / 2
    assert_all_in(
        text,
        [
            f"$-3\\,(2x + 1) + 4 = {num(W)}x + {num(b)}$: one neuron with weight ${num(W)}$ and bias ${num(b)}$",
            f"the middle neuron gives {num(middle)}, the output $-3 \\times {num(middle)} + 4 = {num(out)}$",
            f"and ${num(W)} \\times 2 + {num(b)} = {num(W * 2 + b)}$",
            f"average of the two ends is $\\frac{{{fmt(ends[0], 0)} + {fmt(ends[1], 0)}}}{{2}} = {num(sum(ends) / 2)}$",
        ],
    )
