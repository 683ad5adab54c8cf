"""ReLU and leaky ReLU (docs/activations/relu.md): every number its prose states, computed with site_src and PyTorch."""

import numpy as np
import torch

from site_src import activations as act
from site_src.datasets import fruit
from site_src.examples import activations as story
from tests.chapters.facts import assert_all_in, fmt, number_word, page_source, page_text, tex
from tests.pages import ROOT

PAGE = "activations/relu"


def test_page_uses_its_figure():
    assert "](../figures/activation-relu.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "activations" / "activation_relu.py").exists()


def torch_leaky_slope_at(z):
    """PyTorch's leaky ReLU slope at ``z``, with its default ``negative_slope``."""
    t = torch.tensor([z], dtype=torch.float64, requires_grad=True)
    torch.nn.functional.leaky_relu(t).sum().backward()
    return t.grad.item()


def listed(values):
    """``$0$, $0$ and $3$``: math numbers as the steps list them."""
    values = [f"${tex(v, 2, trim=True)}$" for v in values]
    return ", ".join(values[:-1]) + f" and {values[-1]}"


def test_step_by_step():
    text = page_text(PAGE)
    z = [-2.0, 0.0, 3.0]
    slope = torch_leaky_slope_at(-1.0)
    assert act.leaky_relu_grad(-1.0) == slope == torch_leaky_slope_at(0.0)  # PyTorch's corner, too
    assert act.relu_grad(0.0) == 0.0
    t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    torch.relu(t).sum().backward()
    assert t.grad.item() == 0.0
    assert_all_in(
        text,
        [
            f"ReLU gives {listed(act.relu(z))}",
            f"So the slopes are {listed(act.relu_grad(z))}",
            f"are {listed(act.leaky_relu(z))} (because ${tex(slope, 2, trim=True)} \\times (-2) = "
            f"{tex(act.leaky_relu(-2.0), 2, trim=True)}$), and the slopes are {listed(act.leaky_relu_grad(z))}",
            f"PyTorch uses the small slope {fmt(slope, 2, trim=True)}",
            f"{fmt(slope, 2, trim=True)} by default",
        ],
    )


def test_the_figure_exaggerates_the_leak():
    text = page_text(PAGE)
    slope = torch_leaky_slope_at(-1.0)
    times = story.LEAKY_SHOWN / slope
    assert round(times) == 10 and np.isclose(times, 10)
    assert_all_in(
        text,
        [
            f"slope of {fmt(story.LEAKY_SHOWN, 2, trim=True)} on the negative side, "
            f"{number_word(round(times))} times PyTorch's default {fmt(slope, 2, trim=True)}"
        ],
    )


def test_dead_neuron():
    text = page_text(PAGE)
    X, _, _ = fruit()
    w, b = np.array([0.5, 0.5]), -2.0
    totals = X @ w + b
    assert X.min() >= 0 and X.max() <= 1
    assert totals.max() <= w.sum() + b < 0
    assert np.all(act.relu_grad(totals) == 0)
    assert_all_in(text, [f"$0.5 + 0.5 - 2 = {tex(w.sum() + b, 0)}$"])
    # the worked example's table: the gradients of the mean squared error, by hand. Every
    # total is negative, so ReLU's output and slope are 0 and leaky ReLU's are s z and s.
    _, y, _ = fruit()
    s = torch_leaky_slope_at(-1.0)
    rows = []
    for name, a, slope in (("ReLU", 0 * totals, 0.0), ("leaky ReLU", s * totals, s)):
        dL_dz = 2 * (a - y) * slope / len(y)
        rows.append(
            f"| {name} | {fmt(totals.max(), 2)} | {' and '.join(fmt(g, 4, trim=True) for g in dL_dz @ X)} "
            f"| {fmt(dL_dz.sum(), 4, trim=True)} |"
        )
    assert_all_in(text, rows)
    # exercise 2: the fruit with the largest total, and the bias that brings the neuron back
    best = X[totals.argmax()]
    assert_all_in(
        text,
        [
            f"The largest total is ${tex(totals.max(), 2)}$ with bias $-2$",
            f"$0.5 \\times {tex(best[0], 1)} + 0.5 \\times {tex(best[1], 1)} = {tex(best @ w, 2)}$",
            f"Any bias above ${tex(-(best @ w), 2)}$",
        ],
    )
    assert np.any(X @ w - 0.5 > 0)  # the page's example, bias -0.5, is alive


def test_exercise_by_hand():
    text = page_text(PAGE)
    x = [-5.0, -0.5]
    slope = torch_leaky_slope_at(-1.0)
    out = act.leaky_relu(x)
    assert_all_in(
        text,
        [
            f"${tex(slope, 2)} \\times (-5) = {tex(out[0], 2)}$, ${tex(slope, 2)} \\times (-0.5) = {tex(out[1], 3)}$",
        ],
    )


def test_code_table():
    """The table under the code tabs: PyTorch's values and slopes at the step-by-step totals."""
    text = page_text(PAGE)
    rows = []
    for name, f in (("ReLU", torch.relu), ("leaky ReLU", torch.nn.functional.leaky_relu)):
        z = torch.tensor([-2.0, 0.0, 3.0], dtype=torch.float64, requires_grad=True)
        out = f(z)
        out.sum().backward()
        rows.append(f"| {name} | " + " | ".join(fmt(v, 2, trim=True) for v in out.tolist()) + " |")
        rows.append(f"| {name}'s slope | " + " | ".join(fmt(v, 2, trim=True) for v in z.grad.tolist()) + " |")
    assert_all_in(text, ["| $z$ | −2 | 0 | 3 |", *rows])
