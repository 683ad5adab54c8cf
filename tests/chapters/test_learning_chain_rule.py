"""The chain rule (docs/learning/chain-rule.md): machines in a row, a number used twice, and the network's chain."""

import math

import numpy as np
import torch

from site_src.autograd import Value
from site_src.examples import chain_rule as story
from site_src.examples.tiny_network import story as tiny_story
from site_src.examples.tiny_network import tiny_network
from site_src.pytorch.mlp import from_numpy
from tests.chapters.facts import assert_all_in, fmt, page_text, tex

PAGE = "learning/chain-rule"


def n(v):
    """A whole or short number as the page writes it: ``2``, ``25``, ``0.5``."""
    return fmt(v, 6, trim=True)


def test_machines():
    text = page_text(PAGE)
    x, u, v, L = story.machines()
    # independently: the same chain, differentiated by PyTorch
    tx = torch.tensor(story.X, dtype=torch.float64, requires_grad=True)
    ((2 * tx + 3) ** 2).backward()
    assert tx.grad.item() == x.grad
    slopes = (u.data / x.data, 1.0, 2 * v.data)  # times 2, plus 3, squaring at v
    assert math.prod(slopes) == x.grad
    nudge = 0.001
    nudged = (2 * (story.X + nudge) + 3) ** 2
    assert_all_in(
        text,
        [
            f"Put in {n(x.data)}: A makes {n(u.data)}, B makes {n(v.data)}, C makes {n(L.data)}.",
            f"${n(slopes[0])} \\times {n(slopes[1])} \\times {n(slopes[2])} = {n(x.grad)}$ times as much",
            f"$u = {n(u.data)}$, $v = {n(v.data)}$, $L = {n(L.data)}$",
            f"at the note $v = {n(v.data)}$ is ${n(v.grad)}$",
            f"| $x$ | ${n(v.grad)} \\times {n(slopes[0])} = {n(x.grad)}$ |",  # step 3's table
            f"| $u$ | ${n(v.grad)} \\times {n(slopes[1])} = {n(u.grad)}$ |",
            f"slope {n(2 * v.data)} at {n(v.data)} but slope {n(2 * u.data)} at {n(u.data)}",
            f"$L = {fmt(2 * (story.X + nudge) + 3, 3)}^2 = {fmt(nudged, 6)}$",
            f"grew by ${fmt(nudged - L.data, 6)}$",
            # the figure's alt text and the math corner's worked example
            f"x with value {n(x.data)} and grad {n(x.grad)}",
            f"L with value {n(L.data)} and grad {n(L.grad)}",
            f"$\\frac{{dL}}{{dx}} = 2v \\cdot 1 \\cdot 2 = {n(slopes[2])} \\times 1 \\times 2 = {n(x.grad)}$",
        ],
    )


def test_a_number_used_twice():
    text = page_text(PAGE)
    a, b = story.used_twice()
    paths = (2 * a.data, 4.0)  # d(a*a)/da and d(4a)/da
    assert sum(paths) == a.grad
    nudged = Value(story.A + 0.001)
    b_nudged = nudged * nudged + nudged * 4
    assert_all_in(
        text,
        [
            f"$b = a \\times a + 4 \\times a = {n(b.data)}$",
            f"${n(paths[0])} + {n(paths[1])} = {n(a.grad)}$",
            f"$a = {n(story.A + 0.001)}$ gives $b = {fmt(b_nudged.data, 6)}$",
            f"the grad of a is {n(paths[0])} + {n(paths[1])} = {n(a.grad)}",
            f"$\\frac{{db}}{{da}} = 2a + 4 = {n(paths[0])} + {n(paths[1])} = {n(a.grad)}$",
        ],
    )


def test_network_chain_and_joining_paths():
    text = page_text(PAGE)
    s = tiny_story()
    factors = [s["dL_dyhat"], s["slope_out"], s["W2"][0, 0], s["slope_hidden"][0], s["x"][0]]
    assert math.isclose(math.prod(factors), s["gW1"][0, 0], rel_tol=1e-12)
    product = " \\times ".join(
        [f"({tex(factors[0], 4)})", tex(factors[1], 4), tex(factors[2], 1), tex(factors[3], 4), fmt(factors[4], 0)]
    )
    # the input x1 reaches the loss through both hidden neurons: two contributions that add
    paths = [s["W1"][0, 0] * s["delta1"][0], s["W1"][1, 0] * s["delta1"][1]]
    x = torch.tensor([[1.0, 2.0]], dtype=torch.float64, requires_grad=True)
    net, _, y = tiny_network()
    torch.nn.functional.mse_loss(from_numpy(net)(x), torch.tensor(y)).backward()
    assert math.isclose(x.grad[0, 0].item(), sum(paths), rel_tol=1e-12)
    assert_all_in(
        text,
        [
            f"&= {product} = {tex(math.prod(factors), 4)} . \\end{{aligned}}",
            f"Their contributions are ${tex(paths[0], 4)}$ (through hidden neuron 1) and "
            f"${tex(paths[1], 4, sign=True)}$ (through hidden neuron 2)",
            f"their sum, ${tex(sum(paths), 4)}$",
        ],
    )


# ---------------------------------------------------------------- forward mode against reverse mode


def tiny_loss_torch(params):
    """The tiny network's loss as a function of its 9 knobs (W1 row by row, b1, W2, b2), in PyTorch."""
    W1, b1, W2, b2 = params[:4].reshape(2, 2), params[4:6], params[6:8], params[8]
    x = torch.tensor([1.0, 2.0], dtype=torch.float64)
    a1 = torch.sigmoid(W1 @ x + b1)
    return (torch.sigmoid(W2 @ a1 + b2) - 1.0) ** 2


def test_forward_and_reverse_mode_give_pytorchs_slopes():
    work = story.forward_vs_reverse()
    net, _, _ = tiny_network()
    start = torch.tensor(
        [*net.weights[0].ravel(), *net.biases[0], *net.weights[1].ravel(), *net.biases[1]], dtype=torch.float64
    )
    params = start.clone().requires_grad_(True)
    tiny_loss_torch(params).backward()
    assert np.allclose(work["reverse_slopes"], params.grad.numpy(), rtol=1e-12)
    # PyTorch's own forward mode: one jvp (one forward sweep) per knob
    for k, slope in enumerate(work["forward_slopes"]):
        direction = torch.zeros(9, dtype=torch.float64)
        direction[k] = 1.0
        _, jvp = torch.func.jvp(tiny_loss_torch, (start,), (direction,))
        assert math.isclose(slope, jvp.item(), rel_tol=1e-12, abs_tol=1e-15)


def test_forward_and_reverse_counts():
    """The counts, by hand: each neuron has 2 × (a product: 2 links, a sum: 2 links) + its sigmoid: 1 link."""
    work = story.forward_vs_reverse()
    knobs = 3 * 2 + 3  # 6 weights and 3 biases
    links = 3 * (2 * (2 + 2) + 1) + 2 + 1  # three neurons, then (y_hat - 1) and its square
    assert work["knobs"] == knobs and work["links"] == links
    assert (work["forward_sweeps"], work["forward_multiplications"]) == (knobs, knobs * links)
    assert (work["reverse_sweeps"], work["reverse_multiplications"]) == (1, links)
    text = page_text(PAGE)
    assert_all_in(
        text,
        [
            f"has {knobs} knobs (6 weights and 3 biases) and {links} links",
            f"| forward mode: one question per knob | {knobs} | {knobs * links} |",
            f"| reverse mode: one answer for all knobs | 1 | {links} |",
            f"Both give the same {knobs} slopes.",
        ],
    )
    assert_all_in(page_text("learning/backpropagation"), [f"counts {knobs} sweeps against 1 for our tiny network"])


def test_links_of_a_small_chain():
    """``links`` on the machines of the Imagine section: every link with its local slope, typed-in numbers too."""
    x = Value(story.X)
    found = [(end.data, slope) for _, end, slope in story.links((x * 2 + 3) ** 2)]
    v = 2 * story.X + 3
    assert found == [(2 * story.X, 2.0), (2 * story.X, story.X), (v, 1.0), (v, 1.0), (v**2, 2 * v)]
    a = Value(story.A)
    (only,) = story.links(a * a)  # a * a: one link from a, slope 2a
    assert only[2] == 2 * story.A


def test_the_code_sections_table_of_gradients():
    """The table under the code's tabs: values and gradients from Value, and the gradients again from PyTorch."""
    x, u, v, _ = story.machines()
    a, _ = story.used_twice()
    tx = torch.tensor(story.X, dtype=torch.float64, requires_grad=True)
    tu = tx * 2
    tv = tu + 3
    tu.retain_grad()
    tv.retain_grad()
    (tv**2).backward()
    ta = torch.tensor(story.A, dtype=torch.float64, requires_grad=True)
    (ta * ta + ta * 4).backward()
    rows = [("$x$", x, tx), ("$u$", u, tu), ("$v$", v, tv), ("$a$, used twice in $b$", a, ta)]
    for _, ours, theirs in rows:
        assert ours.grad == theirs.grad.item()
    assert_all_in(
        page_text(PAGE),
        [f"| {name} | {n(ours.data)} | {n(ours.grad)} | {n(theirs.grad.item())} |" for name, ours, theirs in rows],
    )
