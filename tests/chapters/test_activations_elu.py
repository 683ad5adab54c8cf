"""ELU (docs/activations/elu.md): every number its prose states, computed with site_src and PyTorch."""

import math

import numpy as np
import torch

from site_src import activations as act
from site_src.examples import activations as story
from tests.chapters.facts import assert_all_in, fmt, page_source, page_text, tex
from tests.pages import ROOT

PAGE = "activations/elu"


def test_page_uses_its_figure():
    assert "](../figures/activation-elu.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "activations" / "activation_elu.py").exists()


def test_numbers():
    text = page_text(PAGE)
    e1, e10 = math.exp(-1.0), math.exp(-10.0)
    elu1 = act.elu(-1.0)
    assert_all_in(
        text,
        [
            f"$e^{{-1}} = {tex(e1, 4)}$",
            f"$1 \\times ({tex(e1, 4)} - 1) = {tex(elu1, 4)}$",
            f"$\\operatorname{{ELU}}(-1) = {tex(elu1, 4)}$",
            f"$\\alpha$: ${tex(act.elu_grad(-1.0), 4)}$",
            f"$e^{{-10}} = {tex(e10, 7)}$",
            f"$\\operatorname{{ELU}}(-10) = {tex(act.elu(-10.0), 5, trim=True)}$",
            f"the slope is only ${tex(act.elu_grad(-10.0), 7)}$",
            f"= {tex(elu1, 4)}$, and the slope is $e^{{-1}} = {tex(e1, 4)} = {tex(elu1, 4)} + 1$",
            f"at $z = -1000$ the slope comes out as exactly {fmt(act.elu_grad(-1000.0), 0)}",
        ],
    )
    assert float(act.elu_grad(-1000.0)) == 0.0
    assert tex(float(tex(e1, 4)) - 1, 4) == tex(elu1, 4)  # the page's rounded sum gives its answer
    assert float(act.elu(2.0)) == 2.0 and float(act.elu_grad(2.0)) == 1.0
    assert torch.nn.functional.elu(torch.tensor(-1.0, dtype=torch.float64)).item() == float(elu1)


def test_the_dotted_line_is_minus_alpha():
    text = page_text(PAGE)
    alpha = story.ELU_ALPHA
    assert alpha == torch.nn.ELU().alpha  # the figure draws PyTorch's default
    # the shortcut ELU'(z) = ELU(z) + alpha for z <= 0, and the limit -alpha from above
    z = np.linspace(-30, 0, 301)
    for a in (0.5, 1.0, 2.0):
        np.testing.assert_allclose(act.elu_grad(z, alpha=a), act.elu(z, alpha=a) + a, atol=1e-15)
        assert np.all(act.elu(z, alpha=a) > -a)
    assert_all_in(text, [f"dotted line at {fmt(-alpha, 0)}"])


def test_exercises():
    text = page_text(PAGE)
    assert_all_in(
        text,
        [
            f"$e^{{-2}} - 1 = {tex(act.elu(-2.0), 4)}$",
            f"$2(e^{{-2}} - 1) = {tex(act.elu(-2.0, alpha=2.0), 4)}$",
            f"about ${tex(math.log(0.01), 4)}$",
        ],
    )


def test_averages_table():
    """The table of seven totals around 0: PyTorch's ReLU and ELU, and their averages."""
    text = page_text(PAGE)
    spread = torch.linspace(-3, 3, 7, dtype=torch.float64)
    relu_out, elu_out = torch.relu(spread), torch.nn.functional.elu(spread)
    assert spread.tolist() == [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]

    def row(name, out):
        cells = [fmt(v, 0) if v == round(v) else fmt(v, 4) for v in out.tolist()]
        return f"| {name} | " + " | ".join(cells) + f" | {fmt(out.mean().item(), 4)} |"

    assert_all_in(
        text,
        [
            "| total $z$ | −3 | −2 | −1 | 0 | 1 | 2 | 3 | average |",
            row("ReLU", relu_out),
            row("ELU", elu_out),
        ],
    )
    assert 0 < elu_out.mean() < relu_out.mean()  # closer to 0 on average, though not at 0
    assert relu_out.mean().item() == 6 / 7  # by hand: (1 + 2 + 3) / 7
