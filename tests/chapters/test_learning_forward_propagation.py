"""Forward propagation (docs/learning/forward-propagation.md): the tiny network's numbers come from site_src."""

import re

import numpy as np

from site_src.examples.tiny_network import forward_steps, tiny_network
from tests.chapters.facts import DOCS, assert_all_in, column, fmt, num, page_source, page_text, pmatrix, tex
from tests.pages import ROOT

PAGE = "learning/forward-propagation"


def f3(x):
    """A computed value as the page writes it: exactly three decimals."""
    return tex(x, 3)


def test_page_uses_its_figure():
    assert "](../figures/tiny-network-diagram.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "learning" / "tiny_network_diagram.py").exists()
    assert (DOCS.parent / "figures" / "tiny-network-diagram.svg").exists()


def test_step_by_step():
    text = page_text(PAGE)
    net, x, y = tiny_network()
    (w11, w12), (w21, w22) = net.weights[0]
    ((v1, v2),) = net.weights[1]
    b1, b2 = net.biases
    s = forward_steps(net, x)
    z1, a1, z2, y_hat = s["z1"][0], s["a1"][0], s["z2"][0, 0], s["y_hat"][0, 0]
    products = net.weights[1][0] * a1
    miss = y_hat - y[0, 0]
    loss = net.loss(x, y)
    assert np.isclose(loss, miss**2)
    n_params = sum(W.size + b.size for W, b in zip(net.weights, net.biases))
    assert_all_in(
        text,
        [
            # the table | neuron | reads | weights | bias |
            f"| hidden neuron 1 | $x_1$ and $x_2$ | ${num(w11)}$ and ${num(w12)}$ | ${num(b1[0])}$ |",
            f"| hidden neuron 2 | $x_1$ and $x_2$ | ${num(w21)}$ and ${num(w22)}$ | ${num(b1[1])}$ |",
            f"| output neuron | hidden neurons 1 and 2 | ${num(v1)}$ and ${num(v2)}$ | ${num(b2[0])}$ |",
            f"The input is $x_1 = {num(x[0, 0])}$, $x_2 = {num(x[0, 1])}$, and the right answer for it is "
            f"$y = {num(y[0, 0])}$",
            f"$0.4 \\times 1 + (-0.2) \\times 2 + 0.1 = {num(z1[0])}$",
            f"$0.3 \\times 1 + 0.6 \\times 2 + (-0.3) = {num(z1[1])}$",
            f"$\\sigma({num(z1[0])}) = 1 / (1 + e^{{-{num(z1[0])}}}) = 1 / (1 + {f3(np.exp(-z1[0]))}) = {f3(a1[0])}$",
            f"$\\sigma({num(z1[1])}) = 1 / (1 + {f3(np.exp(-z1[1]))}) = {f3(a1[1])}$",
            f"$0.5 \\times {f3(a1[0])} + (-0.4) \\times {f3(a1[1])} + 0.2 = {f3(products[0])} - "
            f"{f3(-products[1])} + 0.2 = {f3(z2)}$",
            f"$\\hat{{y}} = \\sigma({f3(z2)}) = {f3(y_hat)}$",
            f"${f3(y_hat)} - 1 = {f3(miss)}$",
            f"$({f3(miss)})^2 = {f3(loss)}$",
            f"the answer is ${f3(y_hat)}$, not yet close to the {num(y[0, 0])}",
            f"for each of the {n_params} weights and biases",
        ],
    )


def test_math_corner_and_alt_text():
    text = page_text(PAGE)
    net, x, y = tiny_network()
    s = forward_steps(net, x)
    z1, a1, z2, y_hat = s["z1"][0], s["a1"][0], s["z2"][0, 0], s["y_hat"][0, 0]
    loss = net.loss(x, y)
    W1, W2 = net.weights
    b1, b2 = net.biases

    def pair(v, f=num):
        return f"$({f(v[0])}, {f(v[1])})$"

    rows = [
        ("\\mathbf{x}", pair(x[0])),
        ("W_1", f"${pmatrix(W1)}$"),
        ("\\mathbf{b}_1", pair(b1)),
        ("\\mathbf{z}_1", pair(z1)),
        ("\\mathbf{a}_1", pair(a1, f3)),
        ("W_2", f"${pmatrix(W2)}$"),
        ("b_2", f"${num(b2[0])}$"),
        ("z_2", f"${f3(z2)}$"),
        ("\\hat{y}", f"${f3(y_hat)}$"),
        ("y", f"${num(y[0, 0])}$"),
        ("L", f"${f3(loss)}$"),
    ]
    for symbol, value in rows:  # | symbol | meaning | value |
        row = re.escape(f"| ${symbol}$ |") + r"[^|]*" + re.escape(f"| {value} |")
        assert re.search(row, text), f"no table row {symbol} ... {value}"
    assert_all_in(
        text,
        [
            f"\\mathbf{{z}}_1 = {pmatrix(W1)} {column(x[0])} + {column(b1)} = {column(z1)}, \\quad "
            f"\\mathbf{{a}}_1 = \\begin{{pmatrix}} {f3(a1[0])} \\\\ {f3(a1[1])} \\end{{pmatrix}}, \\quad "
            f"z_2 = {f3(z2)}, \\quad \\hat{{y}} = {f3(y_hat)}, \\quad L = {f3(loss)}",
            f"$\\mathbf{{z}}_1 = {pair(z1)[1:-1]}$, $\\mathbf{{a}}_1 = {pair(a1, f3)[1:-1]}$, "
            f"$z_2 = {f3(z2)}$, $\\hat{{y}} = {f3(y_hat)}$, $L = {f3(loss)}$",
            # the alt text of tiny-network-diagram, which the figure draws from the same numbers
            f"z = {fmt(z1[0], 3)}, a = {fmt(a1[0], 3)} and z = {fmt(z1[1], 3)}, a = {fmt(a1[1], 3)}, with biases "
            f"{num(b1[0])} and {num(b1[1])}",
            f"total z = {fmt(z2, 3)} and prediction {fmt(y_hat, 3)}",
        ],
    )


def test_exercises():
    text = page_text(PAGE)
    net, x, y = tiny_network()
    s = forward_steps(net, [[0.0, 0.0]])
    z1, a1, z2, y_hat = s["z1"][0], s["a1"][0], s["z2"][0, 0], s["y_hat"][0, 0]
    assert np.allclose(z1, net.biases[0])
    y_hat_1 = net.forward(x)[0, 0]
    assert_all_in(
        text,
        [
            f"the hidden totals are just the biases, ${num(z1[0])}$ and ${num(z1[1])}$",
            f"$\\sigma({num(z1[0])}) = {f3(a1[0])}$ and $\\sigma({num(z1[1])}) = {f3(a1[1])}$",
            f"$0.5 \\times {f3(a1[0])} - 0.4 \\times {f3(a1[1])} + 0.2 = {f3(z2)}$",
            f"$\\sigma({f3(z2)}) = {f3(y_hat)}$",
            f"$({f3(y_hat_1)} - 0)^2 = {f3(net.loss(x, [[0.0]]))}$",
        ],
    )


def test_code_table_numpy_beside_pytorch():
    """The table in "The code": every step's value from NumPy beside the same value from PyTorch."""
    import torch

    text = page_text(PAGE)
    net, x, y = tiny_network()
    s = forward_steps(net, x)
    W1, W2 = (torch.tensor(W) for W in net.weights)
    b1, b2 = (torch.tensor(b) for b in net.biases)
    t_z1 = torch.tensor(x) @ W1.T + b1
    t_a1 = torch.sigmoid(t_z1)
    t_z2 = t_a1 @ W2.T + b2
    t_y_hat = torch.sigmoid(t_z2)
    t_loss = torch.nn.functional.mse_loss(t_y_hat, torch.tensor(y)).item()

    def pair(v, f):
        return f"$({f(v[0])}, {f(v[1])})$"

    rows = [
        ("hidden totals $\\mathbf{z}_1$", pair(s["z1"][0], num), pair(t_z1[0].numpy(), num)),
        ("hidden activations $\\mathbf{a}_1$", pair(s["a1"][0], f3), pair(t_a1[0].numpy(), f3)),
        ("output total $z_2$", f"${f3(s['z2'][0, 0])}$", f"${f3(t_z2.item())}$"),
        ("prediction $\\hat{y}$", f"${f3(s['y_hat'][0, 0])}$", f"${f3(t_y_hat.item())}$"),
        ("loss $L$", f"${f3(net.loss(x, y))}$", f"${f3(t_loss)}$"),
    ]
    for step, ours, theirs in rows:
        assert f"| {step} | {ours} | {theirs} |" in text, f"no table row {step} | {ours} | {theirs}"
