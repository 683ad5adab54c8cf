"""The activation function (docs/learning/activation-idea.md): its numbers come from site_src."""

import numpy as np

from site_src.activations import relu, sigmoid
from site_src.examples import linear_stack
from site_src.examples import perceptron as perceptron_story
from site_src.examples.tiny_network import forward_steps
from site_src.mlp import MLP
from tests.chapters.facts import (
    DOCS,
    assert_all_in,
    assert_uses_figure,
    code_calls,
    column,
    fmt,
    num,
    page_source,
    page_text,
    pmatrix,
    tex,
)
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


# ---------------------------------------------------------------- any curve from bumps (universal approximation)


def test_page_uses_the_bumps_figure():
    assert_uses_figure(PAGE, "universal-bumps", "learning")


def _bumps_by_hand(x, n, w):
    """n bumps on 0..1 written out with torch.sigmoid: h_i * (sigma(w (x - e_i)) - sigma(w (x - e_i+1)))."""
    import torch

    edges = np.linspace(0.0, 1.0, n + 1)
    middles = (edges[:-1] + edges[1:]) / 2
    heights = np.sin(2 * np.pi * middles) + 0.5 * np.sin(6 * np.pi * middles)
    x = torch.tensor(x)[:, None]
    rise = torch.sigmoid(w * (x - torch.tensor(edges[:-1])))
    fall = torch.sigmoid(w * (x - torch.tensor(edges[1:])))
    return ((rise - fall) * torch.tensor(heights)).sum(dim=1).numpy()


def test_bumps_are_a_real_network():
    """The story's 1-2n-1 MLP gives the same curve as the bump formula written out in PyTorch."""
    from site_src.examples import universal

    x = universal.GRID
    for n in universal.BUMP_COUNTS:
        net = universal.approximation(n)
        assert net.layer_sizes == (1, 2 * n, 1) and net.activation == "sigmoid"
        np.testing.assert_allclose(universal.curve(net, x), _bumps_by_hand(x, n, universal.STEEPNESS), atol=1e-12)
    # one steep sigmoid is almost a step; two make a bump of the stated height
    step = universal.bumps_network([universal.STEP_AT, np.inf], [1.0])
    assert universal.curve(step, [universal.STEP_AT - 0.01, universal.STEP_AT + 0.01]).round(3).tolist() == [0, 1]
    left, right, height = universal.BUMP
    bump = universal.curve(universal.bumps_network([left, right], [height]), [left - 0.05, 0.5, right + 0.05])
    np.testing.assert_allclose(bump, [0, height, 0], atol=1e-12)


def test_bumps_bad_input():
    import pytest

    from site_src.examples import universal

    with pytest.raises(ValueError, match="one more edge than heights"):
        universal.bumps_network([0.0, 0.5], [1.0, 2.0])


def test_bumps_numbers():
    from site_src.examples import universal

    text = page_text(PAGE)
    x = universal.GRID
    f = np.sin(2 * np.pi * x) + 0.5 * np.sin(6 * np.pi * x)
    gaps = {n: float(np.abs(_bumps_by_hand(x, n, universal.STEEPNESS) - f).max()) for n in universal.BUMP_COUNTS}
    np.testing.assert_allclose([universal.largest_gap(n) for n in gaps], list(gaps.values()), atol=1e-12)
    # "from 10 bumps on, every doubling at least halves the largest gap"
    counts = [n for n in universal.BUMP_COUNTS if n >= 10]
    assert all(n2 == 2 * n1 and gaps[n2] <= gaps[n1] / 2 for n1, n2 in zip(counts, counts[1:]))
    assert gaps[universal.BUMP_COUNTS[1]] > gaps[universal.BUMP_COUNTS[0]] / 2  # so "from 10 on"
    few, many = universal.SHOWN_BUMPS
    weights = ", ".join(f"{w:g}" for w in universal.SHOWN_STEEPNESS[:-1]) + f" and {universal.STEEPNESS:g}"
    left, right, height = universal.BUMP
    rows = [f"| {n} | {2 * n} | {fmt(gaps[n], 2)} |" for n in universal.BUMP_COUNTS]
    assert_all_in(
        text,
        [
            f"with weight {universal.STEEPNESS:g} it jumps from 0 to 1 right at $x = {universal.STEP_AT:g}$",
            f"With {few} bumps ({2 * few} hidden neurons) the largest gap between the staircase and the curve is "
            f"{fmt(gaps[few], 2)}; with {many} bumps, {fmt(gaps[many], 2)}",
            f"sigmoids with weights {weights}; the steepest is almost a step at x = {universal.STEP_AT:g}",
            f"a step up at {left:g} and a step down at {right:g} add up to a bump of height {height:g}",
            f"{few} bumps make a staircase that roughly follows a wiggly curve, largest gap {fmt(gaps[few], 2)}",
            f"{many} bumps follow it closely, largest gap {fmt(gaps[many], 2)}",
            f"(here $w = {universal.STEEPNESS:g}$)",
            f"measured at {len(x)} evenly spaced points from 0 to 1",
            "$f(x) = \\sin(2\\pi x) + 0.5\\sin(6\\pi x)$",
        ]
        + rows,
    )


def test_switch_table():
    """The table under the three switches: each switch's answer for z = -2, 0 and 3, computed by hand here."""
    text = page_text(PAGE)
    z = np.array([-2.0, 0.0, 3.0])
    by_hand = {
        "step": [f"{int(v)}" for v in (z >= 0)],
        "sigmoid": [f"${num(round(v, 3))}$" for v in 1 / (1 + np.exp(-z))],
        "relu": [f"{num(v)}" for v in np.maximum(z, 0)],
    }
    assert np.allclose(sigmoid(z), 1 / (1 + np.exp(-z))) and np.array_equal(relu(z), np.maximum(z, 0))
    rows = [
        "| switch | what it does | $z = -2$ | $z = 0$ | $z = 3$ |",
        f"| step | only says 0 or 1 | {' | '.join(by_hand['step'])} |",
        f"| **sigmoid** | squeezes every total into a number between 0 and 1 | {' | '.join(by_hand['sigmoid'])} |",
        "| **ReLU** (rectified linear unit) | keeps positive totals as they are and turns negative ones into 0 | "
        f"{' | '.join(by_hand['relu'])} |",
    ]
    for row in rows:
        assert row in text, row


def test_code_table_numpy_beside_pytorch():
    """The table in "The code": two layers and their merge, in NumPy and in PyTorch's nn.Linear, on (1, 3)."""
    import torch
    from torch import nn

    text = page_text(PAGE)
    W1, b1, W2, b2, x = math_corner_arrays()
    stack = MLP([2, 2, 2], activation="identity", weights=[W1, W2], biases=[b1, b2])
    single = MLP([2, 2], activation="identity", weights=[W2 @ W1], biases=[W2 @ b1 + b2])
    first, second = nn.Linear(2, 2, dtype=torch.float64), nn.Linear(2, 2, dtype=torch.float64)
    with torch.no_grad():
        for layer, W, b in [(first, W1, b1), (second, W2, b2)]:
            layer.weight.copy_(torch.tensor(W))
            layer.bias.copy_(torch.tensor(b))
        torch_two = second(first(torch.tensor(x))).numpy()
        torch_one = (torch.tensor(W2 @ W1) @ torch.tensor(x) + torch.tensor(W2 @ b1 + b2)).numpy()

    def pair(v):
        return f"$({num(v[0])}, {num(v[1])})$"

    assert f"| on the input {pair(x)} | NumPy | PyTorch |" in text
    assert f"| two layers | {pair(stack.forward([x])[0])} | {pair(torch_two)} |" in text
    assert f"| merged into one layer | {pair(single.forward([x])[0])} | {pair(torch_one)} |" in text
