"""Softmax (docs/activations/softmax.md): every number its prose states, computed with site_src."""

import math

import numpy as np

from site_src import activations as act
from site_src.examples import softmax as story
from tests.chapters.facts import assert_all_in, fmt, page_source, page_text, tex
from tests.pages import ROOT

PAGE = "activations/softmax"
FRACTION = {2: "half", 3: "third", 4: "quarter"}


def bracket(values, digits=4):
    """``$[12, 11, 10.1]$``: a list as the math writes it."""
    return "$[" + ", ".join(tex(v, digits, trim=True) for v in values) + "]$"


def test_page_uses_its_figure():
    assert "](../figures/softmax-temperature.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "activations" / "softmax_temperature.py").exists()


def test_worked_example():
    text = page_text(PAGE)
    z = story.SCORES
    exps = np.exp(z)
    s = act.softmax(z)
    np.testing.assert_allclose(s, exps / exps.sum(), rtol=1e-15)
    e5 = [tex(v, 5) for v in exps]
    total5 = tex(exps.sum(), 5)
    # the sum of the rounded terms is the rounded sum, as the page writes it
    assert tex(sum(float(v) for v in e5), 5) == total5
    assert round(sum(round(v, 4) for v in s.tolist()), 10) == 1.0
    s4 = [tex(v, 4, trim=True) for v in s]
    assert_all_in(
        text,
        [
            f"$e^{{2}} = {e5[0]}$, $e^{{1}} = {e5[1]}$ and $e^{{0.1}} = {e5[2]}$",
            f"${e5[0]} + {e5[1]} + {e5[2]} = {total5}$",
            f"${e5[0]} / {total5} = {s4[0]}$",
            f"${e5[1]} / {total5} = {s4[1]}$",
            f"${e5[2]} / {total5} = {s4[2]}$",
            f"${s4[0]} + {s4[1]} + {s4[2]} = {fmt(sum(map(float, s4)), 0)}$",
            f"{fmt(100 * s[0], 1)}% sure",
            f"about {fmt(s[0] / s[1], 1)} times",  # each extra point of score: e times as strong
        ],
    )
    # only the gaps matter; stretching the gaps (T = 0.5) changes the answer
    shifted = z + 10
    np.testing.assert_allclose(act.softmax(shifted), s, rtol=1e-12)
    stretched = z / 0.5
    assert_all_in(text, [bracket(shifted), f"{bracket(stretched)} give {bracket(act.softmax(stretched))}"])


def test_temperature_figure_and_alt_text():
    text = page_text(PAGE)
    z = story.SCORES
    for i, T in enumerate(story.TEMPERATURES):
        a, b, c = (fmt(v, 3) for v in act.softmax(z / T))
        said = f"At {fmt(T, 1, trim=True)} the bars are" if i == 0 else f"at {fmt(T, 1, trim=True)} they are"
        assert_all_in(text, [f"{said} {a}, {b} and {c}"])
    hot = act.softmax(z / 1e6)
    np.testing.assert_allclose(hot, 1 / len(z), atol=1e-6)
    assert_all_in(
        text,
        [
            f"top class grabs {fmt(act.softmax(z / min(story.TEMPERATURES))[0], 3)}",
            f"towards one {FRACTION[round(1 / hot[0])]} each",
        ],
    )


def test_math_corner():
    text = page_text(PAGE)
    z = story.SCORES
    s = act.softmax(z)
    J = act.softmax_jacobian(z)
    s0, s1, rest = tex(s[0], 5), tex(s[1], 5), tex(1 - s[0], 5)
    # the products of the rounded factors round to the Jacobian entries the page states
    assert tex(float(s0) * float(rest), 4) == tex(J[0, 0], 4)
    assert tex(-float(s0) * float(s1), 4) == tex(J[0, 1], 4)
    # every Jacobian entry lies in [-0.25, 0.25], and the bound is reached with two equal scores
    rng = np.random.default_rng(0)
    for k in (2, 3, 5, 10):
        assert np.all(np.abs(act.softmax_jacobian(rng.normal(0, 3, size=(500, k)))) <= 0.25)
    edge = act.softmax_jacobian([0.0, 0.0])
    assert edge.tolist() == [[0.25, -0.25], [-0.25, 0.25]]
    assert_all_in(
        text,
        [
            f"$s_1(1 - s_1) = {s0} \\times {rest} = {tex(J[0, 0], 4)}$",
            f"$-s_1 s_2 = -{s0} \\times {s1} = {tex(J[0, 1], 4)}$",
            f"$\\sigma(1) = {tex(act.sigmoid(1.0), 4)}$",
            f"between ${tex(edge.min(), 2)}$ and ${tex(edge.max(), 2)}$",
        ],
    )
    np.testing.assert_allclose(act.softmax([2.0, 1.0])[0], act.sigmoid(1.0), rtol=1e-15)
    np.testing.assert_allclose(act.softmax([1000.0, 999.0])[0], act.sigmoid(1.0), rtol=1e-15)
    assert 1000 > math.log(np.finfo(np.float64).max)  # e^1000 overflows a 64-bit float


def test_exercises():
    text = page_text(PAGE)
    z = story.SCORES
    cold = act.softmax(z / 0.1)
    same = act.softmax(z + 100)
    np.testing.assert_allclose(same, act.softmax(z), rtol=1e-12)
    assert_all_in(text, [f"${tex(cold[0], 5)}$ to five decimals", f"Exactly the same, {bracket(same)}"])


def test_jacobian_and_temperature_tables():
    """The math corner's two tables, computed with PyTorch (autograd for the Jacobian)."""
    import torch

    text = page_text(PAGE)
    z = torch.tensor(story.SCORES, dtype=torch.float64)
    J = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=-1), z).numpy()
    rows = [f"| $s_{i + 1}$ | " + " | ".join(fmt(v, 4) for v in J[i]) + " |" for i in range(3)]
    assert_all_in(text, ["| how it moves | when $z_1$ moves | when $z_2$ moves | when $z_3$ moves |", *rows])
    # "In every row the diagonal entry is the biggest, and every row and every column adds up to 0"
    for i in range(3):
        assert all(abs(J[i, i]) > abs(J[i, j]) for j in range(3) if j != i)
    np.testing.assert_allclose(J.sum(axis=0), 0, atol=1e-15)
    np.testing.assert_allclose(J.sum(axis=1), 0, atol=1e-15)
    assert_all_in(text, ["In every row the diagonal entry is the biggest, and every row and every column adds up to 0"])

    assert list(story.TEMPERATURES) == [0.5, 1, 2, 5]
    for T in story.TEMPERATURES:
        shares = torch.softmax(z / T, dim=-1).tolist()
        assert_all_in(text, [f"| $T = {fmt(T, 1, trim=True)}$ | " + " | ".join(fmt(v, 3) for v in shares) + " |"])
