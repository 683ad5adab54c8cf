"""Tanh (docs/activations/tanh.md): every number its prose states, computed with site_src."""

import math

import numpy as np

from site_src import activations as act
from tests.chapters.facts import assert_all_in, code_calls, fmt, number_word, page_source, page_text, tex
from tests.pages import ROOT

PAGE = "activations/tanh"


def test_page_uses_its_figure():
    assert "](../figures/activation-tanh.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "activations" / "activation_tanh.py").exists()


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


def test_numbers():
    text = page_text(PAGE)
    e, inv_e = math.exp(1.0), math.exp(-1.0)
    t1 = float(act.tanh(1.0))
    assert math.isclose(t1, (e - inv_e) / (e + inv_e), rel_tol=1e-15)
    crossing = tex(_tanh_slope_crossing(), 2)
    assert_all_in(
        text,
        [
            f"$e^{{1}} = {tex(e, 4)}$",
            f"$e^{{-1}} = {tex(inv_e, 4)}$",
            f"${tex(e, 4)} - {tex(inv_e, 4)} = {tex(e - inv_e, 4)}$",
            f"${tex(e, 4)} + {tex(inv_e, 4)} = {tex(e + inv_e, 4)}$",
            f"${tex(e - inv_e, 4)} / {tex(e + inv_e, 4)} = {tex(t1, 4)}$",
            f"So $\\tanh(1) = {tex(t1, 4)}$",
            f"$1 - {tex(t1, 4)}^2 = {tex(act.tanh_grad(1.0), 2)}$",
            f"$\\tanh(-1) = {tex(act.tanh(-1.0), 4)}$",
            f"at $z = 3$ the slope is only ${tex(act.tanh_grad(3.0), 4)}$",
            f"$\\sigma(2) = {tex(act.sigmoid(2.0), 4)}$",
            f"$2 \\times {tex(act.sigmoid(2.0), 4)} - 1 = {tex(2 * act.sigmoid(2.0) - 1, 4)}$",
            # the worked example's table: each number straight from tanh, and from the sigmoid
            f"| value | $\\tanh(1) = \\frac{{{tex(e - inv_e, 4)}}}{{{tex(e + inv_e, 4)}}} = {tex(t1, 4)}$ | "
            f"$2\\sigma(2) - 1 = 2 \\times {tex(act.sigmoid(2.0), 4)} - 1 = {tex(2 * act.sigmoid(2.0) - 1, 4)}$ |",
            f"| slope | $1 - {tex(t1, 4)}^2 = {tex(act.tanh_grad(1.0), 2)}$ | "
            f"$4\\,\\sigma'(2) = 4 \\times {tex(act.sigmoid_grad(2.0), 3)} = {tex(4 * act.sigmoid_grad(2.0), 2)}$ |",
            f"$4 \\times 0.25 = {tex(4 * act.sigmoid_grad(0.0), 0)}$",
            f"beyond about {crossing} on either side",
            f"beyond about {crossing} it is even smaller",
        ],
    )
    best_tanh, best_sigmoid = float(act.tanh_grad(0.0)), float(act.sigmoid_grad(0.0))
    assert best_tanh == 1.0
    assert_all_in(text, [f"{number_word(best_tanh / best_sigmoid)} times the sigmoid's best of {tex(best_sigmoid, 2)}"])
    grid = np.linspace(-20, 20, 40001)
    assert act.tanh_grad(grid).max() == 1.0 and grid[act.tanh_grad(grid).argmax()] == 0.0


def test_rounded_hand_arithmetic_is_consistent():
    """The page does sums by hand with rounded numbers: the rounded numbers give its answers."""
    e, inv_e = float(tex(math.e, 4)), float(tex(math.exp(-1.0), 4))
    assert tex(e - inv_e, 4) == tex(math.e - math.exp(-1.0), 4)
    assert tex(e + inv_e, 4) == tex(math.e + math.exp(-1.0), 4)
    assert tex(float(tex(e - inv_e, 4)) / float(tex(e + inv_e, 4)), 4) == tex(act.tanh(1.0), 4)
    assert tex(1 - float(tex(act.tanh(1.0), 4)) ** 2, 2) == tex(act.tanh_grad(1.0), 2)
    s2 = float(tex(act.sigmoid(2.0), 4))
    assert tex(2 * s2 - 1, 4) == tex(act.tanh(1.0), 4)
    assert tex(4 * float(tex(act.sigmoid_grad(2.0), 3)), 2) == tex(act.tanh_grad(1.0), 2)


def test_exercises():
    text = page_text(PAGE)
    s1 = float(act.sigmoid(1.0))
    assert_all_in(
        text,
        [
            f"The sigmoid of 1 is {tex(s1, 5)}",
            f"2 \\times {tex(s1, 5)} - 1 = {tex(2 * s1 - 1, 5)}$",
        ],
    )
    assert tex(2 * float(tex(s1, 5)) - 1, 5) == tex(act.tanh(0.5), 5)
    edge = float(np.arctanh(np.sqrt(0.75)))
    assert math.isclose(float(act.tanh_grad(edge)), 0.25, rel_tol=1e-12)
    assert_all_in(text, [f"between about −{tex(edge, 3)} and {tex(edge, 3)}"])


def test_sign_rule_example():
    """The sentence states the totals the code block uses, their signs make the rule's point, and the table is right."""
    text = page_text(PAGE)
    totals = next(args[0] for args, _ in code_calls(PAGE, "array") if args and len(args[0]) == 2)
    assert np.all(act.sigmoid(totals) > 0) and np.prod(np.sign(act.tanh(totals))) < 0
    assert_all_in(text, [f"two neurons with totals {fmt(totals[0], 0)} and {fmt(totals[1], 0)} feed a next neuron"])
    # the table of that example: the outputs a_i and the weight gradients delta * a_i
    delta = 0.5
    assert "delta = 0.5" in page_source(PAGE)
    assert_all_in(text, [f"whose $\\delta$ is {fmt(delta, 1)}"])
    z = np.asarray(totals, dtype=float)
    for name, a in (("sigmoid", 1 / (1 + np.exp(-z))), ("tanh", np.tanh(z))):
        cells = [" and ".join(fmt(v, 4, trim=True) for v in values) for values in (a, delta * a)]
        assert_all_in(text, [f"| {name} | {cells[0]} | {cells[1]} |"])
