"""The activation chapters: every number their prose states is computed here with site_src.

Numbers printed by a page's own code blocks are already checked by Sybil (conftest.py)
against the page's Output blocks; this file pins the numbers written in sentences, math
corners, tables, exercise answers and alt texts.
"""

import math
import re

import numpy as np
import pytest
import torch

from site_src import activations as act
from site_src.datasets import fruit
from site_src.examples import activations as activation_story
from site_src.examples import softmax as softmax_story
from tests.pages import DOCS, ROOT, prose

PAGES = ("sigmoid", "tanh", "relu", "elu", "softmax", "comparison")


def norm(text):
    """Collapse every run of spaces and line breaks into one space, so line wrapping never matters."""
    return re.sub(r"\s+", " ", text)


def page(name):
    """The page's prose (no code fences), with its whitespace collapsed."""
    return norm(prose((DOCS / "activations" / f"{name}.md").read_text()))


def fmt(x, digits):
    """A number as the pages write it: fixed digits, trailing zeros dropped."""
    text = f"{float(x):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def f4(x):
    """Exactly four decimals, zeros kept (the step-by-step tables write 0.3679, 2.7183)."""
    return f"{float(x):.4f}"


def assert_all_in(text, expected):
    missing = [e for e in map(norm, expected) if e not in text]
    assert not missing, f"not found in the page: {missing}"


@pytest.mark.parametrize("name", PAGES)
def test_page_uses_the_figures_it_owns(name):
    text = (DOCS / "activations" / f"{name}.md").read_text()
    wanted = {
        "sigmoid": "activation-sigmoid", "tanh": "activation-tanh", "relu": "activation-relu",
        "elu": "activation-elu", "softmax": "softmax-temperature", "comparison": "activation-overview",
    }[name]
    assert f"](../figures/{wanted}.svg)" in text
    assert (ROOT / "scripts" / "figures" / "activations" / f"{wanted.replace('-', '_')}.py").exists()


# ---------------------------------------------------------------- sigmoid


def test_sigmoid_page_step_by_step():
    text = page("sigmoid")
    e2 = math.exp(-2.0)
    s2, s_minus2 = float(act.sigmoid(2.0)), float(act.sigmoid(-2.0))
    assert math.isclose(s2, 1 / (1 + e2), rel_tol=1e-15)
    assert_all_in(text, [
        f"about {fmt(math.e, 3)}",
        f"$e^{{-2}} = {f4(e2)}$",
        f"$1 + {f4(e2)} = {f4(1 + e2)}$",
        f"$1 / {f4(1 + e2)} = {f4(s2)}$",
        f"about {round(100 * s2)}% sure",
        f"${f4(s2)} \\times {f4(1 - s2)} = {fmt(act.sigmoid_grad(2.0), 3)}$",
        f"$z = -2$ gives ${f4(s_minus2)}$",
        f"${f4(s_minus2)} = 1 - {f4(s2)}$",
        f"$1 / (1 + 1) = {fmt(act.sigmoid(0.0), 1)}$",
        f"$0.5 \\times 0.5 = {fmt(act.sigmoid_grad(0.0), 2)}$",
        f"At $z = 10$ it is only ${float(act.sigmoid_grad(10.0)):.7f}$",
    ])
    # the perceptron's hard switch gives the same YES for a tiny and a huge total
    assert act.step([0.001, 1000.0]).tolist() == [1.0, 1.0]
    assert "A total of 0.001 and a total of 1000 both gave the same YES" in text
    # the rounded numbers of the example are consistent with each other
    assert f4(1 - float(f4(s2))) == f4(s_minus2)


def test_sigmoid_page_math_corner():
    text = page("sigmoid")
    grid = np.linspace(-20, 20, 40001)
    slopes = act.sigmoid_grad(grid)
    assert slopes.max() == 0.25 and grid[slopes.argmax()] == 0.0
    assert_all_in(text, ["$\\frac{1}{4} = 0.25$", "peaks at 0.25", "never gets above 0.25"])
    assert float(act.sigmoid(40.0)) == 1.0 and "$\\sigma(40)$ comes out as exactly 1.0" in text
    np.testing.assert_allclose(act.sigmoid(-grid), 1 - act.sigmoid(grid), atol=1e-15)

    # worked example: z = 10, y = 0 with binary cross-entropy, and with squared error
    z, y = 10.0, 0.0
    p = float(act.sigmoid(z))
    bce_grad = p - y
    squared_error_grad = 2 * (p - y) * float(act.sigmoid_grad(z))
    assert_all_in(text, [
        f"$p = \\sigma(10) = {fmt(p, 5)}$",
        f"= {fmt(p, 5)} - 0 = {fmt(bce_grad, 5)}$",
        f"$\\sigma'(10) = {float(act.sigmoid_grad(z)):.7f}$",
        f"$2(p - y)\\,\\sigma'(z) = {squared_error_grad:.7f}$",
        "more than ten thousand times smaller",
    ])
    assert bce_grad / squared_error_grad > 10_000

    # the cancellation holds everywhere, checked against PyTorch's autograd
    zs = torch.linspace(-8, 8, 33, dtype=torch.float64, requires_grad=True)
    for label in (0.0, 1.0):
        zs.grad = None
        target = torch.full_like(zs, label)
        torch.nn.functional.binary_cross_entropy_with_logits(zs, target, reduction="sum").backward()
        np.testing.assert_allclose(zs.grad.numpy(), act.sigmoid(zs.detach().numpy()) - label, atol=1e-15)


def test_sigmoid_page_exercises():
    text = page("sigmoid")
    assert math.isclose(float(act.sigmoid(math.log(9.0))), 0.9, rel_tol=1e-12)
    assert "$z = \\log 9$" in text
    five_layers = float(act.sigmoid_grad(0.0)) ** 5
    assert f"$0.25^5 = {five_layers}$" in text and five_layers < 0.001
    assert "less than a thousandth" in text


# ---------------------------------------------------------------- tanh


def _tanh_slope_crossing():
    """Where tanh's slope falls below the sigmoid's, for x > 0 (bisection)."""
    lo, hi = 0.5, 3.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if act.tanh_grad(mid) > act.sigmoid_grad(mid):
            lo = mid
        else:
            hi = mid
    return lo


def test_tanh_page_numbers():
    text = page("tanh")
    e, inv_e = math.exp(1.0), math.exp(-1.0)
    t1 = float(act.tanh(1.0))
    assert math.isclose(t1, (e - inv_e) / (e + inv_e), rel_tol=1e-15)
    assert_all_in(text, [
        f"$e^{{1}} = {f4(e)}$",
        f"$e^{{-1}} = {f4(inv_e)}$",
        f"${f4(e)} - {f4(inv_e)} = {f4(e - inv_e)}$",
        f"${f4(e)} + {f4(inv_e)} = {f4(e + inv_e)}$",
        f"${f4(e - inv_e)} / {f4(e + inv_e)} = {f4(t1)}$",
        f"So $\\tanh(1) = {f4(t1)}$",
        f"$1 - {f4(t1)}^2 = {fmt(act.tanh_grad(1.0), 2)}$",
        f"$\\tanh(-1) = {f4(act.tanh(-1.0))}$",
        f"at $z = 3$ the slope is only ${f4(act.tanh_grad(3.0))}$",
        f"$\\sigma(2) = {f4(act.sigmoid(2.0))}$",
        f"$2 \\times {f4(act.sigmoid(2.0))} - 1 = {f4(2 * act.sigmoid(2.0) - 1)}$",
        f"\\frac{{{f4(e - inv_e)}}}{{{f4(e + inv_e)}}} = {f4(t1)}",
        f"$1 - {f4(t1)}^2 = {fmt(act.tanh_grad(1.0), 2)}$, and also "
        f"$4\\,\\sigma'(2) = 4 \\times {fmt(act.sigmoid_grad(2.0), 3)} = {fmt(4 * act.sigmoid_grad(2.0), 2)}$",
        f"$4 \\times 0.25 = {fmt(4 * act.sigmoid_grad(0.0), 0)}$",
        f"beyond about {fmt(_tanh_slope_crossing(), 2)} on either side",
        f"beyond about {fmt(_tanh_slope_crossing(), 2)} it is even smaller",
    ])
    assert float(act.tanh_grad(0.0)) == 4 * float(act.sigmoid_grad(0.0)) == 1.0
    assert norm("four times the sigmoid's best of 0.25") in text
    grid = np.linspace(-20, 20, 40001)
    assert act.tanh_grad(grid).max() == 1.0 and grid[act.tanh_grad(grid).argmax()] == 0.0


def test_tanh_page_exercises():
    text = page("tanh")
    s1 = float(act.sigmoid(1.0))
    assert_all_in(text, [
        f"The sigmoid of 1 is {fmt(s1, 5)}",
        f"2 \\times {fmt(s1, 5)} - 1 = {fmt(2 * s1 - 1, 5)}$",
    ])
    assert fmt(2 * float(fmt(s1, 5)) - 1, 5) == fmt(act.tanh(0.5), 5)
    edge = float(np.arctanh(np.sqrt(0.75)))
    assert f"between about −{fmt(edge, 3)} and {fmt(edge, 3)}" in text
    assert math.isclose(float(act.tanh_grad(edge)), 0.25, rel_tol=1e-12)


# ---------------------------------------------------------------- ReLU


def test_relu_page_numbers():
    text = page("relu")
    z = [-2.0, 0.0, 3.0]
    assert act.relu(z).tolist() == [0.0, 0.0, 3.0] and act.relu_grad(z).tolist() == [0.0, 0.0, 1.0]
    assert act.leaky_relu(z).tolist() == [-0.02, 0.0, 3.0] and act.leaky_relu_grad(z).tolist() == [0.01, 0.01, 1.0]
    assert_all_in(text, [
        "ReLU gives $0$, $0$ and $3$",
        "So the slopes are $0$, $0$ and $1$",
        "are $-0.02$, $0$ and $3$ (because $0.01 \\times (-2) = -0.02$), and the slopes are $0.01$, $0.01$ and $1$",
        "PyTorch uses the small slope 0.01",
        "0.01 by default",
    ])
    # the figure's exaggerated leaky slope, as the page describes it
    assert activation_story.LEAKY_SHOWN == 10 * 0.01
    assert norm("slope of 0.1 on the negative side, ten times PyTorch's default 0.01") in text
    # PyTorch really uses 0 (ReLU) and the small slope (leaky ReLU) at the corner
    t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    torch.relu(t).sum().backward()
    assert t.grad.item() == 0.0
    t.grad = None
    torch.nn.functional.leaky_relu(t).sum().backward()
    assert t.grad.item() == 0.01


def test_relu_page_dead_neuron():
    text = page("relu")
    X, _, _ = fruit()
    w, b = np.array([0.5, 0.5]), -2.0
    totals = X @ w + b
    assert X.min() >= 0 and X.max() <= 1
    assert totals.max() <= w.sum() + b == -1.0
    assert np.all(act.relu_grad(totals) == 0)
    assert norm("weights $0.5$ and $0.5$ and a bias of $-2$") in text
    assert "$0.5 + 0.5 - 2 = -1$" in text
    # exercise 2: the fruit with the largest total, and the bias that brings the neuron back
    best = X[totals.argmax()]
    assert best.tolist() == [0.8, 0.9]
    assert_all_in(text, [
        f"The largest total is ${fmt(totals.max(), 2)}$ with bias $-2$",
        f"$0.5 \\times 0.8 + 0.5 \\times 0.9 = {fmt(best @ w, 2)}$",
        f"Any bias above $-{fmt(best @ w, 2)}$",
        "bias $-0.5$",
    ])
    assert np.any(X @ w - 0.5 > 0)


def test_relu_page_exercise_by_hand():
    text = page("relu")
    x = [-5.0, -0.5, 4.0]
    assert act.leaky_relu(x).tolist() == [-0.05, -0.005, 4.0]
    assert "$0.01 \\times (-5) = -0.05$, $0.01 \\times (-0.5) = -0.005$" in text


# ---------------------------------------------------------------- ELU


def test_elu_page_numbers():
    text = page("elu")
    e1, e10 = math.exp(-1.0), math.exp(-10.0)
    assert_all_in(text, [
        f"$e^{{-1}} = {f4(e1)}$",
        f"$1 \\times ({f4(e1)} - 1) = {f4(act.elu(-1.0))}$",
        f"$\\operatorname{{ELU}}(-1) = {f4(act.elu(-1.0))}$",
        f"$\\alpha$: ${f4(act.elu_grad(-1.0))}$",
        f"$e^{{-10}} = {e10:.7f}$",
        f"$\\operatorname{{ELU}}(-10) = {fmt(act.elu(-10.0), 5)}$",
        f"the slope is only ${float(act.elu_grad(-10.0)):.7f}$",
        f"= {f4(act.elu(-1.0))}$, and the slope is $e^{{-1}} = {f4(e1)} = {f4(act.elu(-1.0))} + 1$",
        "dotted line at −1",
    ])
    assert float(act.elu_grad(-1000.0)) == 0.0 and norm("at $z = -1000$ the slope comes out as exactly 0") in text
    assert float(act.elu(2.0)) == 2.0 and float(act.elu_grad(2.0)) == 1.0
    # the shortcut ELU'(z) = ELU(z) + alpha for z <= 0, and the limit -alpha from above
    z = np.linspace(-30, 0, 301)
    for alpha in (0.5, 1.0, 2.0):
        np.testing.assert_allclose(act.elu_grad(z, alpha=alpha), act.elu(z, alpha=alpha) + alpha, atol=1e-15)
        assert np.all(act.elu(z, alpha=alpha) > -alpha)
    assert torch.nn.functional.elu(torch.tensor(-1.0, dtype=torch.float64)).item() == float(act.elu(-1.0))


def test_elu_page_exercises():
    text = page("elu")
    assert_all_in(text, [
        f"$e^{{-2}} - 1 = {f4(act.elu(-2.0))}$",
        f"$2(e^{{-2}} - 1) = {f4(act.elu(-2.0, alpha=2.0))}$",
        f"about ${f4(math.log(0.01))}$",
    ])


# ---------------------------------------------------------------- softmax


def test_softmax_page_worked_example():
    text = page("softmax")
    z = np.array([2.0, 1.0, 0.1])
    exps = np.exp(z)
    s = act.softmax(z)
    np.testing.assert_allclose(s, exps / exps.sum(), rtol=1e-15)
    e5 = [f"{v:.5f}" for v in exps]
    total5 = f"{exps.sum():.5f}"
    # the sum of the rounded terms is the rounded sum, as the page writes it
    assert f"{sum(float(v) for v in e5):.5f}" == total5
    assert_all_in(text, [
        f"$e^{{2}} = {e5[0]}$, $e^{{1}} = {e5[1]}$ and $e^{{0.1}} = {e5[2]}$",
        f"${e5[0]} + {e5[1]} + {e5[2]} = {total5}$",
        f"${e5[0]} / {total5} = {fmt(s[0], 4)}$",
        f"${e5[1]} / {total5} = {fmt(s[1], 4)}$",
        f"${e5[2]} / {total5} = {fmt(s[2], 4)}$",
        f"${fmt(s[0], 4)} + {fmt(s[1], 4)} + {fmt(s[2], 4)} = 1$",
        f"{fmt(100 * s[0], 1)}% sure",
        "about 2.7 times",
    ])
    assert round(sum(round(v, 4) for v in s.tolist()), 10) == 1.0
    # only the gaps matter; stretching the gaps (T = 0.5) changes the answer
    np.testing.assert_allclose(act.softmax([12.0, 11.0, 10.1]), s, rtol=1e-12)
    stretched = act.softmax([4.0, 2.0, 0.2])
    np.testing.assert_allclose(stretched, act.softmax(z / 0.5), rtol=1e-12)
    assert "$[12, 11, 10.1]$" in text
    assert norm("$[4, 2, 0.2]$ give $[" + ", ".join(fmt(v, 4) for v in stretched) + "]$") in text


def test_softmax_page_temperature_figure_and_alt_text():
    text = page("softmax")
    z = softmax_story.SCORES
    assert z.tolist() == [2.0, 1.0, 0.1] and softmax_story.TEMPERATURES == (0.5, 1.0, 2.0, 5.0)
    for i, T in enumerate(softmax_story.TEMPERATURES):
        a, b, c = (f"{v:.3f}" for v in act.softmax(z / T))
        said = f"At {fmt(T, 1)} the bars are" if i == 0 else f"at {fmt(T, 1)} they are"
        assert f"{said} {a}, {b} and {c}" in text
    assert f"top class grabs {act.softmax(z / 0.5)[0]:.3f}" in text
    assert "one third each" in text
    np.testing.assert_allclose(act.softmax(z / 1e6), 1 / 3, atol=1e-6)


def test_softmax_page_math_corner():
    text = page("softmax")
    z = np.array([2.0, 1.0, 0.1])
    s = act.softmax(z)
    J = act.softmax_jacobian(z)
    s0, s1, rest = f"{s[0]:.5f}", f"{s[1]:.5f}", f"{1 - s[0]:.5f}"
    # the products of the rounded factors round to the Jacobian entries the page states
    assert fmt(float(s0) * float(rest), 4) == fmt(J[0, 0], 4)
    assert fmt(-float(s0) * float(s1), 4) == fmt(J[0, 1], 4)
    assert_all_in(text, [
        f"$s_1(1 - s_1) = {s0} \\times {rest} = {fmt(J[0, 0], 4)}$",
        f"$-s_1 s_2 = -{s0} \\times {s1} = {fmt(J[0, 1], 4)}$",
        f"$\\sigma(1) = {fmt(act.sigmoid(1.0), 4)}$",
        "between $-0.25$ and $0.25$",
    ])
    np.testing.assert_allclose(act.softmax([2.0, 1.0])[0], act.sigmoid(1.0), rtol=1e-15)
    np.testing.assert_allclose(act.softmax([1000.0, 999.0])[0], act.sigmoid(1.0), rtol=1e-15)
    # every Jacobian entry lies in [-0.25, 0.25], and the bound is reached with two equal scores
    rng = np.random.default_rng(0)
    for k in (2, 3, 5, 10):
        Js = act.softmax_jacobian(rng.normal(0, 3, size=(500, k)))
        assert np.all(np.abs(Js) <= 0.25)
    assert act.softmax_jacobian([0.0, 0.0]).tolist() == [[0.25, -0.25], [-0.25, 0.25]]
    # e^1000 overflows a 64-bit float
    assert 1000 > math.log(np.finfo(np.float64).max)


def test_softmax_page_exercises():
    text = page("softmax")
    cold = act.softmax(np.array([2.0, 1.0, 0.1]) / 0.1)
    assert f"${fmt(cold[0], 5)}$ to five decimals" in text
    np.testing.assert_allclose(act.softmax([102.0, 101.0, 100.1]), act.softmax([2.0, 1.0, 0.1]), rtol=1e-12)
    assert "$[0.659, 0.2424, 0.0986]$" in text


# ---------------------------------------------------------------- comparison


def test_comparison_page_step_by_step_reading():
    text = page("comparison")
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    assert_all_in(text, [
        f"(it says {act.sigmoid(0.0):.3f},",
        f"tanh's from {act.tanh_grad(0.5):.3f} to {act.tanh_grad(2.0):.3f}",
        f"with slope {act.leaky_relu_grad(-2.0):.3f}",
        f"(−{abs(float(act.elu(-2.0))):.3f} at −2)",
        f"({act.elu_grad(-2.0):.3f} at −2)",
        f"is {act.tanh_grad(0.0):.3f} for tanh",
        f"only {act.sigmoid_grad(0.0):.3f} for the sigmoid",
        f"({act.relu(0.5):.3f} and {act.relu(2.0):.3f}) with slope {act.relu_grad(2.0):.3f}",
    ])
    for f in (act.relu, act.leaky_relu, act.elu):
        assert f(z[3:]).tolist() == [0.5, 2.0]
    assert [float(f(0.0)) for f in (act.tanh, act.relu, act.leaky_relu, act.elu)] == [0.0] * 4


def test_comparison_page_table_rows_are_true():
    text = page("comparison")
    rows = {
        "sigmoid": "| $(0, 1)$ | no: $\\sigma(0) = 0.5$ | $(0, 0.25]$ |",
        "tanh": "| $(-1, 1)$ | yes | $(0, 1]$ |",
        "ReLU": "| $[0, \\infty)$ | no: never negative | $\\{0, 1\\}$ (0 at exactly 0) |",
        "leaky ReLU": "| $(-\\infty, \\infty)$ | no, but negatives get through, shrunk | $\\{0.01, 1\\}$ |",
        "ELU": "| $(-1, \\infty)$ | not exactly, but closer than ReLU | $(0, 1]$ |",
        "softmax": "| Jacobian entries in $[-0.25, 0.25]$ |",
    }
    assert_all_in(text, list(rows.values()))
    assert float(act.sigmoid(40.0)) == 1.0 and "of 40 comes out as exactly 1.0" in text

    x = np.linspace(-30, 30, 60001)  # includes 0
    moderate = np.linspace(-15, 15, 30001)
    # sigmoid: outputs in (0, 1), slope in (0, 0.25] with the top at 0
    assert np.all((act.sigmoid(moderate) > 0) & (act.sigmoid(moderate) < 1)) and act.sigmoid(0.0) == 0.5
    assert act.sigmoid_grad(x).max() == 0.25 and np.all(act.sigmoid_grad(x) > 0)
    # tanh: outputs in (-1, 1), odd, slope in (0, 1]
    small = np.linspace(-9, 9, 18001)
    assert np.all(np.abs(act.tanh(small)) < 1) and np.array_equal(act.tanh(-x), -act.tanh(x))
    assert act.tanh_grad(x).max() == 1.0 and np.all(act.tanh_grad(moderate) > 0)  # exact-math range; floats round far out
    # ReLU: outputs >= 0, slopes exactly {0, 1}, 0 at the corner
    assert act.relu(x).min() == 0 and set(act.relu_grad(x).tolist()) == {0.0, 1.0} and act.relu_grad(0.0) == 0
    # leaky ReLU: negatives pass shrunk, slopes exactly {0.01, 1}
    assert act.leaky_relu(x).min() < 0 and set(act.leaky_relu_grad(x).tolist()) == {0.01, 1.0}
    # ELU (alpha = 1): outputs above -1, slope in (0, 1], mean output closer to 0 than ReLU's
    assert act.elu(x).min() > -1 and act.elu_grad(x).max() == 1.0 and np.all(act.elu_grad(x) > 0)
    assert 0 < act.elu(small).mean() < act.relu(small).mean()
    # softmax: probabilities in (0, 1) summing to 1; Jacobian entries within [-0.25, 0.25]
    scores = np.random.default_rng(1).normal(0, 2, size=(1000, 4))
    probabilities = act.softmax(scores)
    assert np.all((probabilities > 0) & (probabilities < 1))
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, atol=1e-12)
    assert np.abs(act.softmax_jacobian(scores)).max() <= 0.25


def test_comparison_page_vanishing_gradient_numbers():
    text = page("comparison")
    best_sigmoid = float(act.sigmoid_grad(0.0)) ** 10
    assert best_sigmoid == 0.25 ** 10
    mantissa, exponent = f"{best_sigmoid:.1e}".split("e")
    assert_all_in(text, [
        f"$0.25^{{10}}$, about ${mantissa} \\times 10^{{{int(exponent)}}}$",
        f"that is {best_sigmoid:.8f}",
        f"at $z = 1$ the ten slopes multiply to ${float(act.tanh_grad(1.0)) ** 10:.2g}$",
        "give $10^{-20}$",
    ])
    assert f"{best_sigmoid:.8f}" == "0.00000095"
    elu_mantissa, elu_exponent = f"{float(act.elu_grad(-2.0)) ** 10:.1e}".split("e")
    assert f"(${elu_mantissa} \\times 10^{{{int(elu_exponent)}}}$ for ten layers at $z = -2$)" in text
    assert float(act.leaky_relu_grad(-2.0)) ** 10 == pytest.approx(1e-20, rel=1e-12)
    # exercise 2
    mantissa, exponent = f"{float(act.sigmoid_grad(0.0)) ** 30:.1e}".split("e")
    assert f"about ${mantissa} \\times 10^{{{int(exponent)}}}$" in text
    assert f"is about {float(act.tanh_grad(0.5)) ** 30:.2g}: tanh" in text


def test_comparison_page_relations():
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


def test_rounded_hand_arithmetic_is_consistent():
    """Where a page does a sum by hand with rounded numbers, the rounded numbers give its answer."""
    e2 = float(f4(math.exp(-2.0)))
    assert f4(1 + e2) == f4(1 + math.exp(-2.0))
    assert f4(1 / float(f4(1 + e2))) == f4(act.sigmoid(2.0))
    s2 = float(f4(act.sigmoid(2.0)))
    assert fmt(s2 * float(f4(1 - s2)), 3) == fmt(act.sigmoid_grad(2.0), 3)
    e, inv_e = float(f4(math.e)), float(f4(math.exp(-1.0)))
    assert f4(e - inv_e) == f4(math.e - math.exp(-1.0)) and f4(e + inv_e) == f4(math.e + math.exp(-1.0))
    assert f4(float(f4(e - inv_e)) / float(f4(e + inv_e))) == f4(act.tanh(1.0))
    assert fmt(1 - float(f4(act.tanh(1.0))) ** 2, 2) == fmt(act.tanh_grad(1.0), 2)
    assert f4(2 * s2 - 1) == f4(act.tanh(1.0))
    assert fmt(4 * float(fmt(act.sigmoid_grad(2.0), 3)), 2) == fmt(act.tanh_grad(1.0), 2)
    assert f4(float(f4(math.exp(-1.0))) - 1) == f4(act.elu(-1.0))


def test_tanh_page_sign_rule_example():
    text = page("tanh")
    assert "two neurons with totals −2 and 1 feed a next neuron whose $\\delta$ is 0.5" in text
    assert np.all(act.sigmoid([-2.0, 1.0]) > 0) and np.prod(np.sign(act.tanh([-2.0, 1.0]))) < 0
