"""The sigmoid (docs/activations/sigmoid.md): every number its prose states, computed with site_src."""

import math

import numpy as np
import torch

from site_src import activations as act
from tests.chapters.facts import assert_all_in, fmt, number_word, page_source, page_text, tex
from tests.pages import ROOT

PAGE = "activations/sigmoid"


def test_page_uses_its_figure():
    assert "](../figures/activation-sigmoid.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "activations" / "activation_sigmoid.py").exists()


def test_step_by_step():
    text = page_text(PAGE)
    e2 = math.exp(-2.0)
    s2, s_minus2 = float(act.sigmoid(2.0)), float(act.sigmoid(-2.0))
    assert math.isclose(s2, 1 / (1 + e2), rel_tol=1e-15)
    assert_all_in(
        text,
        [
            f"about {fmt(math.e, 3)}",
            f"$e^{{-2}} = {tex(e2, 4)}$",
            f"$1 + {tex(e2, 4)} = {tex(1 + e2, 4)}$",
            f"$1 / {tex(1 + e2, 4)} = {tex(s2, 4)}$",
            f"about {round(100 * s2)}% sure",
            f"${tex(s2, 4)} \\times {tex(1 - s2, 4)} = {tex(act.sigmoid_grad(2.0), 3, trim=True)}$",
            f"$z = -2$ gives ${tex(s_minus2, 4)}$",
            f"${tex(s_minus2, 4)} = 1 - {tex(s2, 4)}$",
            f"$1 / (1 + 1) = {tex(act.sigmoid(0.0), 1)}$",
            f"$0.5 \\times 0.5 = {tex(act.sigmoid_grad(0.0), 2)}$",
            f"At $z = 10$ it is only ${tex(act.sigmoid_grad(10.0), 7)}$",
        ],
    )
    # the perceptron's hard switch gives the same YES for a tiny and a huge total
    tiny, huge = 0.001, 1000.0
    yes = act.step([tiny, huge])
    assert yes.tolist() == [1.0, 1.0]
    assert_all_in(text, [f"A total of {fmt(tiny, 3)} and a total of {fmt(huge, 0)} both gave the same YES"])


def test_rounded_hand_arithmetic_is_consistent():
    """The page does the sum by hand with rounded numbers: the rounded numbers give its answer."""
    e2 = float(tex(math.exp(-2.0), 4))
    assert tex(1 + e2, 4) == tex(1 + math.exp(-2.0), 4)
    assert tex(1 / float(tex(1 + e2, 4)), 4) == tex(act.sigmoid(2.0), 4)
    s2 = float(tex(act.sigmoid(2.0), 4))
    assert tex(s2 * float(tex(1 - s2, 4)), 3) == tex(act.sigmoid_grad(2.0), 3)
    assert tex(1 - s2, 4) == tex(act.sigmoid(-2.0), 4)


def test_math_corner():
    text = page_text(PAGE)
    grid = np.linspace(-20, 20, 40001)
    slopes = act.sigmoid_grad(grid)
    top = slopes.max()
    assert top == 0.25 and grid[slopes.argmax()] == 0.0
    assert_all_in(
        text, [f"$\\frac{{1}}{{4}} = {fmt(top, 2)}$", f"peaks at {fmt(top, 2)}", f"never gets above {fmt(top, 2)}"]
    )
    assert float(act.sigmoid(40.0)) == 1.0
    assert_all_in(text, [f"$\\sigma(40)$ comes out as exactly {float(act.sigmoid(40.0))}"])
    np.testing.assert_allclose(act.sigmoid(-grid), 1 - act.sigmoid(grid), atol=1e-15)

    # worked example: z = 10, y = 0 with binary cross-entropy, and with squared error
    z, y = 10.0, 0.0
    p = float(act.sigmoid(z))
    bce_grad = p - y
    squared_error_grad = 2 * (p - y) * float(act.sigmoid_grad(z))
    times = 10 ** math.floor(math.log10(bce_grad / squared_error_grad))
    assert times == 10_000
    assert_all_in(
        text,
        [
            f"$p = \\sigma(10) = {tex(p, 5, trim=True)}$",
            f"= {tex(p, 5, trim=True)} - 0 = {tex(bce_grad, 5, trim=True)}$",
            f"$\\sigma'(10) = {tex(act.sigmoid_grad(z), 7)}$",
            f"$2(p - y)\\,\\sigma'(z) = {tex(squared_error_grad, 7)}$",
            f"more than {number_word(times)} times smaller",
            # the table that sums the example up
            f"| binary cross-entropy | $p - y = {tex(bce_grad, 5, trim=True)}$ |",
            f"| squared error $(p - y)^2$ | $2(p - y)\\,\\sigma'(10) = {tex(squared_error_grad, 7)}$ |",
        ],
    )

    # the cancellation holds everywhere, checked against PyTorch's autograd
    zs = torch.linspace(-8, 8, 33, dtype=torch.float64, requires_grad=True)
    for label in (0.0, 1.0):
        zs.grad = None
        target = torch.full_like(zs, label)
        torch.nn.functional.binary_cross_entropy_with_logits(zs, target, reduction="sum").backward()
        np.testing.assert_allclose(zs.grad.numpy(), act.sigmoid(zs.detach().numpy()) - label, atol=1e-15)


def test_exercises():
    text = page_text(PAGE)
    p = 0.9
    odds = p / (1 - p)
    z = math.log(odds)
    assert math.isclose(float(act.sigmoid(z)), p, rel_tol=1e-12)
    five_layers = float(act.sigmoid_grad(0.0)) ** 5
    assert five_layers < 0.001
    assert_all_in(
        text,
        [
            f"= {fmt(p, 1)}$: then $e^{{-z}} = \\frac{{1}}{{{fmt(odds, 0)}}}$, so $z = \\log {fmt(odds, 0)}",
            f"$0.25^5 = {five_layers}$",
        ],
    )


def test_code_table():
    """The table under the code tabs: PyTorch's values and slopes at the step-by-step totals."""
    text = page_text(PAGE)
    z = torch.tensor([-2.0, 0.0, 2.0], dtype=torch.float64, requires_grad=True)
    p = torch.sigmoid(z)
    p.sum().backward()
    assert_all_in(
        text,
        [
            "| $z$ | " + " | ".join(fmt(v, 0) for v in z.tolist()) + " |",
            "| $\\sigma(z)$ | " + " | ".join(fmt(v, 4, trim=True) for v in p.tolist()) + " |",
            "| slope $\\sigma'(z)$ | " + " | ".join(fmt(v, 4, trim=True) for v in z.grad.tolist()) + " |",
        ],
    )
