"""Comparing the activations (docs/activations/comparison.md): every number its prose and table state, computed."""

import math

import numpy as np
import pytest

from site_src import activations as act
from tests.chapters.facts import assert_all_in, fmt, page_source, page_text, significant, tex, tex_power
from tests.pages import ROOT

PAGE = "activations/comparison"


def test_page_uses_its_figure():
    assert "](../figures/activation-overview.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "activations" / "activation_overview.py").exists()


def test_step_by_step_reading():
    text = page_text(PAGE)
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    assert_all_in(
        text,
        [
            f"(it says {fmt(act.sigmoid(0.0), 3)},",
            f"tanh's from {fmt(act.tanh_grad(0.5), 3)} to {fmt(act.tanh_grad(2.0), 3)}",
            f"with slope {fmt(act.leaky_relu_grad(-2.0), 3)}",
            f"({fmt(act.elu(-2.0), 3)} at −2)",
            f"({fmt(act.elu_grad(-2.0), 3)} at −2)",
            f"is {fmt(act.tanh_grad(0.0), 3)} for tanh",
            f"only {fmt(act.sigmoid_grad(0.0), 3)} for the sigmoid",
            f"({fmt(act.relu(0.5), 3)} and {fmt(act.relu(2.0), 3)}) with slope {fmt(act.relu_grad(2.0), 3)}",
        ],
    )
    for f in (act.relu, act.leaky_relu, act.elu):
        assert f(z[3:]).tolist() == [0.5, 2.0]
    assert [float(f(0.0)) for f in (act.tanh, act.relu, act.leaky_relu, act.elu)] == [0.0] * 4


def test_table_rows_are_true():
    text = page_text(PAGE)
    x = np.linspace(-30, 30, 60001)  # includes 0
    moderate = np.linspace(-15, 15, 30001)
    small = np.linspace(-9, 9, 18001)
    # sigmoid: outputs in (0, 1), slope in (0, 0.25] with the top at 0
    assert np.all((act.sigmoid(moderate) > 0) & (act.sigmoid(moderate) < 1))
    assert np.all(act.sigmoid_grad(x) > 0)
    # tanh: outputs in (-1, 1), odd, slope in (0, 1]
    assert np.all(np.abs(act.tanh(small)) < 1) and np.array_equal(act.tanh(-x), -act.tanh(x))
    assert np.all(act.tanh_grad(moderate) > 0)  # exact-math range; floats round far out
    # ReLU: outputs >= 0, slopes exactly {0, 1}, 0 at the corner
    assert act.relu(x).min() == 0 and set(act.relu_grad(x).tolist()) == {0.0, 1.0} and act.relu_grad(0.0) == 0
    # leaky ReLU: negatives pass shrunk
    leaky = sorted(set(act.leaky_relu_grad(x).tolist()))
    assert act.leaky_relu(x).min() < 0 and len(leaky) == 2
    # ELU (alpha = 1): outputs above -1, slope in (0, 1], mean output closer to 0 than ReLU's
    assert act.elu(x).min() > -1 and act.elu_grad(x).max() == 1.0 and np.all(act.elu_grad(x) > 0)
    assert 0 < act.elu(small).mean() < act.relu(small).mean()
    # softmax: probabilities in (0, 1) summing to 1; Jacobian entries within [-0.25, 0.25]
    scores = np.random.default_rng(1).normal(0, 2, size=(1000, 4))
    probabilities = act.softmax(scores)
    assert np.all((probabilities > 0) & (probabilities < 1))
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, atol=1e-12)
    jacobian_bound = float(np.abs(act.softmax_jacobian([0.0, 0.0])).max())
    assert np.abs(act.softmax_jacobian(scores)).max() <= jacobian_bound

    def ends(f):
        """The limits far out on both sides, as the table writes an interval's ends."""
        return tex(f(-40.0), 0), tex(f(40.0), 0)

    lo, hi = ends(act.sigmoid)
    t_lo, t_hi = ends(act.tanh)

    def top(g):
        return tex(g(x).max(), 2, trim=True)

    assert_all_in(
        text,
        [
            f"| sigmoid | $({lo}, {hi})$ | no: $\\sigma(0) = {tex(act.sigmoid(0.0), 1)}$ | "
            f"$(0, {top(act.sigmoid_grad)}]$ |",
            f"| tanh | $({t_lo}, {t_hi})$ | yes | $(0, {top(act.tanh_grad)}]$ |",
            f"| ReLU | $[{tex(act.relu(x).min(), 0)}, \\infty)$ | no: never negative | "
            f"$\\{{{tex(act.relu_grad(-1.0), 0)}, {tex(act.relu_grad(1.0), 0)}\\}}$ "
            f"({tex(act.relu_grad(0.0), 0)} at exactly 0) |",
            f"| leaky ReLU | $(-\\infty, \\infty)$ | no, but negatives get through, shrunk | "
            f"$\\{{{tex(leaky[0], 2, trim=True)}, {tex(leaky[1], 0)}\\}}$ |",
            f"| ELU | $({tex(act.elu(-40.0), 0)}, \\infty)$ | not exactly, but closer than ReLU | "
            f"$(0, {top(act.elu_grad)}]$ |",
            f"| Jacobian entries in $[{tex(-jacobian_bound, 2)}, {tex(jacobian_bound, 2)}]$ |",
        ],
    )
    assert_all_in(text, [f"of 40 comes out as exactly {float(act.sigmoid(40.0))}"])
    assert float(act.sigmoid(40.0)) == 1.0


def test_vanishing_gradient_numbers():
    text = page_text(PAGE)
    best_sigmoid = float(act.sigmoid_grad(0.0)) ** 10
    leaky = float(act.leaky_relu_grad(-2.0)) ** 10
    assert leaky == pytest.approx(1e-20, rel=1e-12)
    assert_all_in(
        text,
        [
            f"$0.25^{{10}}$, about ${tex_power(best_sigmoid)}$",
            f"that is {fmt(best_sigmoid, 8)}",
            f"at $z = 1$ the ten slopes multiply to ${significant(float(act.tanh_grad(1.0)) ** 10)}$",
            f"$10^{{{round(math.log10(leaky))}}}$",
            f"(${tex_power(float(act.elu_grad(-2.0)) ** 10)}$ for ten layers at $z = -2$)",
            # exercise 2
            f"about ${tex_power(float(act.sigmoid_grad(0.0)) ** 30)}$",
            f"is about {significant(float(act.tanh_grad(0.5)) ** 30)}: tanh",
        ],
    )


def test_relations():
    """The relations the page states, on a wide grid (the page's code checks a narrower one)."""
    z = np.linspace(-20, 20, 4001)
    np.testing.assert_allclose(act.tanh(z), 2 * act.sigmoid(2 * z) - 1, rtol=0, atol=1e-15)
    np.testing.assert_allclose(act.tanh_grad(z), 4 * act.sigmoid_grad(2 * z), rtol=0, atol=1e-15)
    assert np.array_equal(act.relu(z), z * act.step(z))
    assert np.array_equal(act.relu(z), act.leaky_relu(z, negative_slope=0.0))
    for alpha in (1.0, 0.1, 0.01, 0.001):
        assert np.abs(act.elu(z, alpha=alpha) - act.relu(z)).max() <= alpha
    near_zero = np.array([-0.1, -0.01, 0.01, 0.1])
    np.testing.assert_allclose(act.sigmoid(1e5 * near_zero), act.step(near_zero), atol=1e-40)
    assert act.sigmoid(1e5 * 0.0) == 0.5 != act.step(0.0)


def _torch_family():
    """PyTorch's five elementwise switches (defaults: leaky slope 0.01, ELU alpha 1)."""
    import torch
    import torch.nn.functional as F

    return {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "ReLU": torch.relu, "leaky ReLU": F.leaky_relu, "ELU": F.elu}


def _torch_values_and_slopes(f, points):
    import torch

    z = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    out = f(z)
    out.sum().backward()
    return out.detach().numpy(), z.grad.numpy()


def test_step_by_step_tables():
    """The two tables of outputs and slopes at five totals, computed with PyTorch's autograd."""
    text = page_text(PAGE)
    points = [-2.0, -0.5, 0.0, 0.5, 2.0]
    head = " | $z = -2$ | $z = -0.5$ | $z = 0$ | $z = 0.5$ | $z = 2$ |"
    expected = ["| output" + head, "| slope" + head]
    for name, f in _torch_family().items():
        values, slopes = _torch_values_and_slopes(f, points)
        for numbers in (values, slopes):
            expected.append(f"| {name} | " + " | ".join(fmt(v + 0.0, 3) for v in numbers) + " |")
    assert_all_in(text, expected)


def test_ten_layers_table():
    """f'(z)^10 for each switch, from PyTorch's slopes, as the table writes it."""
    text = page_text(PAGE)
    points = [0.0, 1.0, 2.0, -2.0]

    def cell(x):
        if x in (0.0, 1.0) or x >= 1e-4:
            return significant(x)
        mantissa, exponent = f"{x:.1e}".split("e")
        return f"$10^{{{int(exponent)}}}$" if mantissa == "1.0" else f"${mantissa} \\times 10^{{{int(exponent)}}}$"

    expected = ["| after ten layers | $z = 0$ | $z = 1$ | $z = 2$ | $z = -2$ |"]
    for name, f in _torch_family().items():
        _, slopes = _torch_values_and_slopes(f, points)
        expected.append(f"| {name} | " + " | ".join(cell(float(g) ** 10) for g in slopes) + " |")
    assert_all_in(text, expected)
