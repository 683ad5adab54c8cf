"""The numbers of the four "backward" chapters of "How networks learn" come from the code.

Pages: learning/gradient.md, learning/backpropagation.md, learning/chain-rule.md and
learning/vanishing-gradients.md. Numbers printed by a Python block on a page are already
checked by its Output block (conftest.py); this file pins every number written in the prose,
the math corners, the alt texts and the "What the animation shows" lists. The backpropagation
numbers are also recomputed independently: once from the formulas written out below (plain
Python floats, no site_src), and once with PyTorch autograd on tensors typed in here.
"""

import math

import numpy as np
import pytest
import torch

from scripts.style.numbers import fmt
from site_src.autograd import Value
from site_src.examples.descent import CLIP_RATES, CLIP_STEPS, descend, parabola_loss, parabola_loss_grad
from site_src.examples.tiny_network import LR as SCENE_LR
from site_src.examples.tiny_network import loss_along_first_output_weight, tiny_network
from site_src.examples.tiny_network import story as tiny_network_story
from site_src.examples.vanishing import deep_network, gradient_sizes, neuron_chain
from site_src.pytorch.mlp import from_numpy
from tests.pages import DOCS, prose

LEARNING = DOCS / "learning"


def page(name):
    return prose((LEARNING / name).read_text())


def f(x, digits):
    """A number as the pages write it in math: fixed decimals, ASCII minus, no "-0.00"."""
    text = f"{x:.{digits}f}"
    return text[1:] if float(text) == 0 and text.startswith("-") else text


def u(x, digits):
    """A number as the pages write it in plain text: fixed decimals and a real minus sign (−)."""
    return f(x, digits).replace("-", "−")


def rounded(ratio):
    """A ratio rounded to 2 significant digits and written out in full (as on the vanishing page)."""
    r = float(f"{ratio:.2g}")
    return f"{r:,.0f}" if r >= 10 else f"{r:g}"


# ---------------------------------------------------------------- the gradient of the loss


def test_gradient_page_one_dial_walk():
    text = page("gradient.md")
    assert parabola_loss(0.0) == 9.0
    assert "$L(0) = (0 - 3)^2 = 9$" in text
    nudged = parabola_loss(0.001)
    assert f"At $w = 0.001$ the\n   loss is ${nudged:.6f}$" in text
    drop = parabola_loss(0.0) - nudged
    assert f"by ${drop:.6f}$ for a nudge of $0.001$" in text
    assert f"${-drop:.6f} / 0.001 = {-drop / 0.001:.3f}$" in text
    assert parabola_loss_grad(0.0) == -6.0 and "The slope is $-6$" in text
    # the math corner: a one-sided nudge of 0.001 gives -6 + h
    assert f"the ${f((nudged - parabola_loss(0.0)) / 0.001, 3)}$ that a nudge of $0.001$ gives" in text

    path = descend(parabola_loss_grad, 0.0, lr=0.1, steps=5)
    assert f"0 - 0.1 \\times (-6) = {f(path[1], 1)}$" in text
    assert f"$(0.6 - 3)^2 = {parabola_loss(path[1]):.2f}$" in text
    assert f"$2 \\times (0.6 - 3) = {f(parabola_loss_grad(path[1]), 1)}$" in text
    assert f"0.6 - 0.1 \\times (-4.8) = {f(path[2], 2)}$" in text
    assert f"the loss is ${parabola_loss(path[2]):.4f}$" in text
    assert f"After 5 steps the dial is at ${path[5]:.5f}$" in text
    # math corner: one step from distance -3 with factor 1 - 2 * 0.1
    assert f"one step lands at distance\n${f(path[1] - 3, 1)}$" in text


def test_gradient_page_learning_rates():
    text = page("gradient.md")
    end = {lr: descend(parabola_loss_grad, 0.0, lr=lr, steps=10)[-1] for lr in (0.02, 0.3, 0.8, 1.05)}
    assert f"crawls to only ${f(end[0.02], 3)}$ and the loss is still\n  ${parabola_loss(end[0.02]):.2f}$" in text
    assert f"the dial is at ${f(end[0.3], 4)}$ and the loss is almost exactly 0" in text
    assert parabola_loss(end[0.3]) < 1e-6
    assert f"still arrives ($w = {f(end[0.8], 3)}$)" in text
    assert f"The dial ends at\n  ${f(end[1.05], 2)}$ and the loss has grown from 9 to ${parabola_loss(end[1.05]):.1f}$" in text
    # the factor 1 - 2 * lr of the math corner, and the regimes it predicts
    for lr, factor in [(0.02, "0.96"), (0.3, "0.4"), (0.8, "-0.6"), (1.05, "-1.1")]:
        assert f"{1 - 2 * lr:.2f}".rstrip("0").rstrip(".") == factor
        assert f"$\\eta = {lr}$ gives ${factor}$" in text
        w = descend(parabola_loss_grad, 0.0, lr=lr, steps=2)
        assert math.isclose(w[2] - 3, (1 - 2 * lr) * (w[1] - 3))
    assert descend(parabola_loss_grad, 0.0, lr=0.5, steps=1)[-1] == 3.0
    assert descend(parabola_loss_grad, 0.0, lr=1.0, steps=2) == [0.0, 6.0, 0.0]
    assert "bounces between 0 and 6 for ever" in text


def test_gradient_page_figures_and_animation():
    text = page("gradient.md")
    assert [parabola_loss_grad(w) for w in (0.0, 1.5, 3.0, 4.5)] == [-6.0, -3.0, 0.0, 3.0]
    assert "labelled with slopes −6, −3, 0 and 3" in text
    net, x, y = tiny_network()
    assert net.weights[1][0, 0] == 0.5 and "(the first output weight, now 0.5)" in text
    loss = net.loss(x, y)
    net.backward(y)
    slope = net.grad_weights[1][0, 0]
    assert f"where the loss is {loss:.4f} and the slope is {u(slope, 4)}" in text
    ends = loss_along_first_output_weight([-3.0, 5.0])
    assert round(ends[0], 1) == 0.7 and ends[1] < 0.01 and "falling from about 0.7 to almost 0" in text

    # the learning-rate figure's alt text (10 steps)
    paths = {lr: descend(parabola_loss_grad, 0.0, lr=lr, steps=10) for lr in (0.02, 0.3, 0.8, 1.05)}
    assert round(paths[0.02][-1]) == 1 and "creeps from 0 to about 1" in text
    assert f"from {paths[1.05][1]:.1f} to {u(paths[1.05][-1], 1)}" in text
    assert f"{parabola_loss(paths[0.3][-1]):.1g}" == "1e-07" and "to about 0.0000001" in text
    assert round(parabola_loss(paths[1.05][-1]), -1) == 60 and "rises from 9 to about 60" in text

    # the animation: the scene's rates and step count, and its numbers after steps 1 and 8
    assert list(CLIP_RATES) == [0.02, 0.3, 1.05] and CLIP_STEPS == 8
    anim = {lr: descend(parabola_loss_grad, 0.0, lr=lr, steps=CLIP_STEPS) for lr in CLIP_RATES}
    assert (f"the small rate has only reached $w = {f(anim[0.02][1], 2)}$; the good rate is at\n"
            f"       $w = {f(anim[0.3][1], 2)}$; the big rate has jumped over the bottom to $w = {f(anim[1.05][1], 2)}$") in text
    assert f"(${parabola_loss(anim[1.05][1]):.2f}$)" in text
    assert (f"the small rate is at $w = {f(anim[0.02][-1], 2)}$ (loss ${parabola_loss(anim[0.02][-1]):.2f}$), "
            f"the good rate at\n       $w = {f(anim[0.3][-1], 2)}$ (loss ${parabola_loss(anim[0.3][-1]):.2f}$") in text
    assert (f"the big rate at $w = {f(anim[1.05][-1], 2)}$ with a loss\n"
            f"       of ${parabola_loss(anim[1.05][-1]):.2f}$") in text


def test_gradient_page_counts():
    text = page("gradient.md")
    net, _, _ = tiny_network()
    n_params = sum(a.size for a in net.weights + net.biases)
    assert n_params == 9
    assert "has 9 weights and\n  biases" in text and "so 18 for the tiny network" in text
    assert "two\nmillion for a network with a million weights" in text
    # exercise 1: slope 4 at w = 5, one step with lr 0.25 lands at 4 with loss 1
    assert parabola_loss_grad(5.0) == 4.0 and descend(parabola_loss_grad, 5.0, lr=0.25, steps=1)[-1] == 4.0
    assert "$5 - 0.25 \\times 4 = 4$, where the loss is\n    $(4 - 3)^2 = 1$, down from 4" in text


# ---------------------------------------------------------------- backpropagation, by hand


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def by_hand():
    """The 2-2-1 network's forward pass, backward pass and update, written out with plain floats."""
    x1, x2, y, lr = 1.0, 2.0, 1.0, 0.5
    W1 = [[0.4, -0.2], [0.3, 0.6]]
    b1 = [0.1, -0.3]
    W2 = [0.5, -0.4]
    b2 = 0.2
    z1 = [W1[j][0] * x1 + W1[j][1] * x2 + b1[j] for j in range(2)]
    a1 = [sigmoid(z) for z in z1]
    z2 = W2[0] * a1[0] + W2[1] * a1[1] + b2
    y_hat = sigmoid(z2)
    loss = (y_hat - y) ** 2
    dL_dyhat = 2 * (y_hat - y)
    slope_out = y_hat * (1 - y_hat)
    delta2 = dL_dyhat * slope_out
    gW2 = [delta2 * a1[0], delta2 * a1[1]]
    back = [W2[0] * delta2, W2[1] * delta2]
    slope_hidden = [a * (1 - a) for a in a1]
    delta1 = [back[j] * slope_hidden[j] for j in range(2)]
    gW1 = [[delta1[j] * x1, delta1[j] * x2] for j in range(2)]
    new_W1 = [[W1[j][k] - lr * gW1[j][k] for k in range(2)] for j in range(2)]
    new_b1 = [b1[j] - lr * delta1[j] for j in range(2)]
    new_W2 = [W2[j] - lr * gW2[j] for j in range(2)]
    new_b2 = b2 - lr * delta2
    new_a1 = [sigmoid(new_W1[j][0] * x1 + new_W1[j][1] * x2 + new_b1[j]) for j in range(2)]
    new_y_hat = sigmoid(new_W2[0] * new_a1[0] + new_W2[1] * new_a1[1] + new_b2)
    return dict(z1=z1, a1=a1, z2=z2, y_hat=y_hat, loss=loss, dL_dyhat=dL_dyhat, slope_out=slope_out,
                delta2=delta2, gW2=gW2, back=back, slope_hidden=slope_hidden, delta1=delta1, gW1=gW1,
                new_W1=new_W1, new_b1=new_b1, new_W2=new_W2, new_b2=new_b2, new_y_hat=new_y_hat,
                new_loss=(new_y_hat - y) ** 2)


H = by_hand()


def test_hand_formulas_equal_the_mlp():
    net, x, y = tiny_network()
    assert math.isclose(net.loss(x, y), H["loss"], rel_tol=1e-12)
    net.backward(y)
    assert np.allclose(net.grad_weights[0], H["gW1"], rtol=1e-12, atol=0)
    assert np.allclose(net.grad_biases[0], H["delta1"], rtol=1e-12, atol=0)
    assert np.allclose(net.grad_weights[1], [H["gW2"]], rtol=1e-12, atol=0)
    assert np.allclose(net.grad_biases[1], [H["delta2"]], rtol=1e-12, atol=0)
    net.step(0.5)
    assert np.allclose(net.weights[0], H["new_W1"], rtol=1e-12) and np.allclose(net.biases[0], H["new_b1"])
    assert np.allclose(net.weights[1], [H["new_W2"]], rtol=1e-12) and np.allclose(net.biases[1], [H["new_b2"]])
    assert math.isclose(net.loss(x, y), H["new_loss"], rel_tol=1e-12)


def test_hand_formulas_equal_torch_autograd():
    """The same network typed in as tensors, differentiated by autograd, stepped by torch.optim.SGD."""
    d = dict(dtype=torch.float64, requires_grad=True)
    W1 = torch.tensor([[0.4, -0.2], [0.3, 0.6]], **d)
    b1 = torch.tensor([0.1, -0.3], **d)
    W2 = torch.tensor([[0.5, -0.4]], **d)
    b2 = torch.tensor([0.2], **d)
    x = torch.tensor([[1.0, 2.0]], dtype=torch.float64)
    y = torch.tensor([[1.0]], dtype=torch.float64)

    def forward():
        a1 = torch.sigmoid(x @ W1.T + b1)
        y_hat = torch.sigmoid(a1 @ W2.T + b2)
        return a1, y_hat, ((y_hat - y) ** 2).mean()

    a1, y_hat, loss = forward()
    y_hat.retain_grad()
    loss.backward()
    assert math.isclose(loss.item(), H["loss"], rel_tol=1e-12)
    assert math.isclose(y_hat.grad.item(), H["dL_dyhat"], rel_tol=1e-12)
    assert np.allclose(W1.grad.numpy(), H["gW1"], rtol=1e-12, atol=0)
    assert np.allclose(b1.grad.numpy(), H["delta1"], rtol=1e-12, atol=0)
    assert np.allclose(W2.grad.numpy(), [H["gW2"]], rtol=1e-12, atol=0)
    assert math.isclose(b2.grad.item(), H["delta2"], rel_tol=1e-12)
    torch.optim.SGD([W1, b1, W2, b2], lr=0.5).step()
    with torch.no_grad():
        _, new_y_hat, new_loss = forward()
    assert math.isclose(new_y_hat.item(), H["new_y_hat"], rel_tol=1e-12)
    assert math.isclose(new_loss.item(), H["new_loss"], rel_tol=1e-12)


def test_backpropagation_page_steps():
    text = page("backpropagation.md")
    a1, sh, d1, g = H["a1"], H["slope_hidden"], H["delta1"], H["gW1"]
    expected = [
        f"$\\mathbf{{a}}_1 = ({f(a1[0], 4)}, {f(a1[1], 4)})$",
        f"$z_2 = {f(H['z2'], 4)}$, the prediction $\\hat{{y}} = {f(H['y_hat'], 4)}$",
        f"$L = (\\hat{{y}} - y)^2 = {f(H['loss'], 4)}$",
        f"2 \\times ({f(H['y_hat'], 4)} - 1) = {f(H['dL_dyhat'], 4)}$",
        f"\\hat{{y}}(1 - \\hat{{y}}) = {f(H['slope_out'], 4)}$",
        f"{f(H['dL_dyhat'], 4)} \\times {f(H['slope_out'], 4)} = {f(H['delta2'], 4)}$",
        f"{f(H['delta2'], 4)} \\times {f(a1[0], 4)} = {f(H['gW2'][0], 4)}$",
        f"${f(H['delta2'], 4)} \\times {f(a1[1], 4)} = {f(H['gW2'][1], 4)}$ for the second",
        f"\\delta_2 = {f(H['delta2'], 4)}$ for the bias",
        f"= ({f(H['back'][0], 4)}, {f(H['back'][1], 4)})$",
        f"$\\mathbf{{a}}_1(1 - \\mathbf{{a}}_1) = ({f(sh[0], 4)}, {f(sh[1], 4)})$",
        f"({f(H['back'][0], 4)} \\times {f(sh[0], 4)},\\ {f(H['back'][1], 4)} \\times {f(sh[1], 4)}) "
        f"= ({f(d1[0], 4)}, {f(d1[1], 4)})$",
        f"hidden neuron 1: ${f(d1[0], 4)} \\times 1 = {f(g[0][0], 4)}$ and ${f(d1[0], 4)} \\times 2 = {f(g[0][1], 4)}$, "
        f"bias ${f(d1[0], 4)}$",
        f"hidden neuron 2: ${f(d1[1], 4)} \\times 1 = {f(g[1][0], 4)}$ and ${f(d1[1], 4)} \\times 2 = {f(g[1][1], 4)}$, "
        f"bias ${f(d1[1], 4)}$",
        f"$0.5 - 0.5 \\times ({f(H['gW2'][0], 4)}) = {f(H['new_W2'][0], 4)}$",
        f"$-0.4 - 0.5 \\times ({f(H['gW2'][1], 4)}) = {f(H['new_W2'][1], 4)}$",
        f"$0.2 - 0.5 \\times ({f(H['delta2'], 4)}) = {f(H['new_b2'], 4)}$",
        f"$0.4 \\to {f(H['new_W1'][0][0], 4)}$ and $-0.2 \\to {f(H['new_W1'][0][1], 4)}$, "
        f"bias $0.1 \\to {f(H['new_b1'][0], 4)}$",
        f"$0.3 \\to {f(H['new_W1'][1][0], 4)}$ and $0.6 \\to {f(H['new_W1'][1][1], 4)}$, "
        f"bias $-0.3 \\to {f(H['new_b1'][1], 4)}$",
        f"rises from ${f(H['y_hat'], 4)}$ to\n   ${f(H['new_y_hat'], 4)}$",
        f"the loss falls from ${f(H['loss'], 4)}$ to ${f(H['new_loss'], 4)}$",
        f"loss ${f(H['loss'], 4)} \\to {f(H['new_loss'], 4)}$ after one step with $\\eta = 0.5$",
    ]
    for snippet in expected:
        assert snippet in text, snippet
    assert H["z1"] == pytest.approx([0.1, 1.2]) and "$\\mathbf{z}_1 = (0.1, 1.2)$" in text
    assert H["new_loss"] < H["loss"]


def test_backpropagation_page_math_corner_and_exercises():
    text = page("backpropagation.md")
    chain = [H["dL_dyhat"], H["slope_out"], 0.5, H["slope_hidden"][0], 1.0]
    assert math.isclose(math.prod(chain), H["gW1"][0][0], rel_tol=1e-12)
    for factor, digits in zip(chain[:2] + chain[3:4], (4, 4, 4)):
        assert f"}}_{{{f(factor, digits)}}}\\cdot" in text
    assert "}_{0.5}\\cdot" in text and "}_{x_1 = 1}" in text
    assert f"= {f(H['gW1'][0][0], 4)}\n$$" in text
    # exercise 2: the first link for y = 0, and the common factor
    for_zero = 2 * H["y_hat"]
    assert f"goes from ${f(H['dL_dyhat'], 4)}$ to\n    $+{f(for_zero, 4)}$" in text
    assert f"${f(for_zero, 4)} / {f(-H['dL_dyhat'], 4)} = {f(for_zero / -H['dL_dyhat'], 4)}$" in text


def test_backpropagation_page_animation_numbers():
    text = page("backpropagation.md")
    s = tiny_network_story()
    assert SCENE_LR == 0.5
    assert math.isclose(s["loss"], H["loss"]) and math.isclose(s["new_loss"], H["new_loss"])
    assert f"$z = {f(s['z1'][0], 2)}$ and $z = {f(s['z1'][1], 2)}$ and their answers ${f(s['a1'][0], 2)}$ and " \
           f"${f(s['a1'][1], 2)}$" in text
    assert f"shows $z = {f(s['z2'], 3)}$ and its answer ${f(s['y_hat'], 2)}$ ({f(s['y_hat'], 4)})" in text
    assert f"shows $L = {f(s['loss'], 4)}$" in text
    assert f"$\\partial L / \\partial \\hat{{y}} = {f(s['dL_dyhat'], 3)}$" in text
    assert f"$\\delta = {f(s['dL_dyhat'], 4)} \\times {f(s['slope_out'], 4)} = {f(s['delta2'], 4)}$" in text
    assert f"${f(s['gW2'][0], 3)}$ and ${f(s['gW2'][1], 3)}$" in text
    assert f"$\\delta = {f(s['delta1'][0], 3)}$ and $\\delta = {f(s['delta1'][1], 3)}$" in text
    g = s["gW1"]
    assert (f"${f(g[0, 0], 3)}$ and ${f(g[0, 1], 3)}$ for hidden neuron 1, ${f(g[1, 0], 3)}$ and "
            f"${f(g[1, 1], 3)}$ for hidden\n       neuron 2") in text
    old = [s["W1"][0, 0], s["W1"][1, 0], s["W1"][0, 1], s["W1"][1, 1], s["W2"][0, 0], s["W2"][0, 1]]
    new = [s["new_W1"][0, 0], s["new_W1"][1, 0], s["new_W1"][0, 1], s["new_W1"][1, 1],
           s["new_W2"][0, 0], s["new_W2"][0, 1]]
    assert "(" + ", ".join(u(w, 2) for w in old[:4]) + ",\n       " + ", ".join(u(w, 2) for w in old[4:]) + ")" in text
    described = " ".join(text.split())
    for before, after in zip(old, new):
        assert f"{u(before, 2)} becomes {u(after, 3)}" in described
    assert f"has fallen from\n       {s['loss']:.4f} to {s['new_loss']:.4f}" in text
    assert f"the loss falls from {s['loss']:.4f} to {s['new_loss']:.4f}" in text  # the clip's alt text


# ---------------------------------------------------------------- the chain rule


def test_chain_rule_page_machines():
    text = page("chain-rule.md")
    x = Value(1.0)
    u_, v = x * 2, None
    v = u_ + 3
    L = v**2
    L.backward()
    assert (u_.data, v.data, L.data) == (2.0, 5.0, 25.0) and (x.grad, u_.grad, v.grad) == (20.0, 10.0, 10.0)
    assert "Put in 1: A makes 2, B makes 5, C makes 25." in text
    assert "$2 \\times 1 \\times 10 = 20$ times as much" in text
    assert "$u = 2$, $v = 5$, $L = 25$" in text
    assert "at the note $v = 5$ is $10$" in text and "$x$? $10 \\times 2 = 20$" in text
    assert 2 * 5 == 10 and 2 * 2 == 4 and "slope 10 at 5 but slope 4 at 2" in text
    nudged = (2 * 1.001 + 3) ** 2
    assert f"$L = 5.002^2 = {nudged:.6f}$" in text and f"grew by ${nudged - 25:.6f}$" in text
    a = Value(3.0)
    b = a * a + a * 4
    b.backward()
    assert (b.data, a.grad) == (21.0, 10.0)
    assert "$b = a \\times a + 4 \\times a = 21$" in text and "$6 + 4 = 10$" in text
    b_nudged = 3.001 * 3.001 + 4 * 3.001
    assert f"$a = 3.001$ gives $b = {b_nudged:.6f}$" in text
    # the figure's alt text and the math corner's worked example
    assert "x with value 1 and grad 20" in text and "L with value 25 and grad 1" in text
    assert "the grad of a is 6 + 4 = 10" in text
    assert "$\\frac{dL}{dx} = 2v \\cdot 1 \\cdot 2 = 10 \\times 1 \\times 2 = 20$" in text
    assert "$\\frac{db}{da} = 2a + 4 = 6 + 4 = 10$" in text


def test_chain_rule_page_network_chain_and_joining_paths():
    text = page("chain-rule.md")
    factors = [H["dL_dyhat"], H["slope_out"], 0.5, H["slope_hidden"][0], 1.0]
    product = " \\times ".join(["(" + f(factors[0], 4) + ")", f(factors[1], 4), "0.5", f(factors[3], 4), "1"])
    assert f"&= {product} = {f(math.prod(factors), 4)} .\n\\end{{aligned}}" in text
    # the input x1 reaches the loss through both hidden neurons: two contributions that add
    paths = [0.4 * H["delta1"][0], 0.3 * H["delta1"][1]]
    x = torch.tensor([[1.0, 2.0]], dtype=torch.float64, requires_grad=True)
    net, _, y = tiny_network()
    loss = torch.nn.functional.mse_loss(from_numpy(net)(x), torch.tensor(y))
    loss.backward()
    assert math.isclose(x.grad[0, 0].item(), sum(paths), rel_tol=1e-12)
    assert (f"Their contributions are ${f(paths[0], 4)}$ (through hidden neuron 1) and\n"
            f"${'+' + f(paths[1], 4)}$ (through hidden neuron 2)") in text
    assert f"their sum, ${f(sum(paths), 4)}$" in text


# ---------------------------------------------------------------- vanishing gradients


def test_vanishing_page_best_case_numbers():
    text = page("vanishing-gradients.md")
    assert 0.25**10 < 1e-6 < 0.25**9
    assert "$0.25^{10}$ is less than one millionth" in text
    assert f"$0.25^{{10}} = {0.25 ** 10:.8f}$" in text  # 0.00000095
    assert f"$0.25^9 = {0.25 ** 9:.7f}$" in text
    assert f"$\\left(\\frac{{1}}{{4}}\\right)^{{10}} = {0.25 ** 10:.11f}$" in text
    assert f"$1.5^{{10}} = {1.5 ** 10:.1f}$" in text
    assert "$0.5 \\times 0.5 = 0.25$" in text


def test_vanishing_page_neuron_chains():
    text = page("vanishing-gradients.md")
    slopes, grads = neuron_chain("sigmoid", 10, x=0.0)
    assert slopes[0] == 0.25
    mantissa, exponent = f"{grads[0]:.1e}".split("e")
    assert f"${mantissa} \\times 10^{{{int(exponent)}}}$" in text and f"{mantissa}e{exponent}" == "3.9e-07"
    assert round(min(slopes[1:]), 3) == 0.225 and round(max(slopes[1:]), 3) == 0.235
    assert "slopes from about $0.225$ to $0.235$" in text
    # independently: the chain's gradient is the product of the slopes (weights are 1)
    assert math.isclose(grads[0], math.prod(slopes), rel_tol=1e-12)
    relu_slopes, relu_grads = neuron_chain("relu", 10, x=1.0)
    assert relu_slopes == [1.0] * 10 and relu_grads == [1.0] * 11
    # the animation's list: each factor and value as the clip writes them
    assert f"{slopes[-1]:.3f}" == "0.225" and "its gradient drops to 0.225" in text
    assert [fmt(g, 3, sci_below=0.01) for g in grads[6:9][::-1]] == ["0.050", "0.011", "2.5 × 10⁻³"]
    assert "falls to 0.050, 0.011, $2.5 \\times 10^{-3}$" in text
    assert f"{slopes[0]:.3f}" == "0.250" and "its biggest possible, 0.250" in text
    assert fmt(grads[0], 3, sci_below=0.01) == "3.9 × 10⁻⁷" and "gradient is $3.9 \\times 10^{-7}$, the ReLU chain's" in text
    assert "shrinks to 0.00000039" in text and f"{grads[0]:.8f}" == "0.00000039"


GOOD_INIT = {"sigmoid": "xavier_uniform", "tanh": "xavier_uniform", "relu": "he_normal"}


def torch_sizes(activation, init, depth=10):
    """The same measurement, recomputed with PyTorch autograd on a copy of the network."""
    net, X, y = deep_network(activation, init, depth=depth)
    model = from_numpy(net)
    loss = torch.nn.functional.mse_loss(model(torch.tensor(X)), torch.tensor(y))
    loss.backward()
    return np.array([m.weight.grad.norm().item() for m in model if isinstance(m, torch.nn.Linear)])


def test_vanishing_page_measured_ratios():
    text = " ".join(page("vanishing-gradients.md").split())
    for activation in ("sigmoid", "tanh", "relu"):
        for init, which in (("pytorch", "default"), (GOOD_INIT[activation], "good")):
            sizes = gradient_sizes(activation, init)
            assert np.allclose(sizes, torch_sizes(activation, init), rtol=1e-9)
            ratio = rounded(sizes[9] / sizes[0])
            name = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU"}[activation]
            if activation == "sigmoid" and which == "default":
                assert f"sigmoid: layer 1's gradient is about {ratio} times smaller than layer 10's" in text
            elif activation == "sigmoid":
                assert f"sigmoid: still about {ratio} times smaller" in text
            elif which == "default":
                assert f"{name}: about {ratio} times smaller" in text
            else:
                assert f"{name}: {'only ' if activation == 'tanh' else ''}about {ratio} times smaller" in text
    relu = gradient_sizes("relu", "pytorch")
    assert f"(about {rounded(relu[9] / relu[0])} times over 10 layers with PyTorch's default above)" in text
    # the figure's alt text
    sig, sig_good = gradient_sizes("sigmoid", "pytorch"), gradient_sizes("sigmoid", "xavier_uniform")
    assert f"{sig[9]:.1f}" == "0.1" and f"{sig[0]:.0e}" == "2e-09"
    assert "falls from about 0.1 at layer 10 to about 0.000000002 at layer 1" in text
    assert f"{sig_good[9]:.0f}" == "1" and f"{sig_good[0]:.0e}" == "9e-07" and round(sig_good[0], 6) == 1e-6
    assert "still falls from about 1 at layer 10 to about 0.000001 at layer 1" in text
    # the exercise's prose: 20 layers
    deep = {init: gradient_sizes("relu", init, depth=20) for init in ("pytorch", "he_normal")}
    assert f"shrinks about {rounded(deep['pytorch'][19] / deep['pytorch'][0])} times" in text
    assert f"shrinks only about {rounded(deep['he_normal'][19] / deep['he_normal'][0])} times" in text


# ---------------------------------------------------------------- the clips stay small


@pytest.mark.parametrize("name", ["backprop-tiny-network", "gradient-descent-rates", "vanishing-gradient-relay"])
def test_clips_are_under_400_kb(name):
    assert (DOCS.parent / "figures" / f"{name}.mp4").stat().st_size < 400_000


def test_backpropagation_page_diagram_alt_text():
    """The forward-propagation figure embedded on the page: its alt text's numbers."""
    text = page("backpropagation.md")
    net, x, y = tiny_network()
    W1, W2 = net.weights
    assert "x1 = 1 and x2 = 2" in text and x.tolist() == [[1.0, 2.0]]
    assert f"weights {W1[0, 0]:g}, {W1[1, 0]:g}, {W1[0, 1]:g} and {W1[1, 1]:g}" in text
    a1 = [sigmoid(z) for z in H["z1"]]
    assert (f"z = {H['z1'][0]:.3f}, a = {a1[0]:.3f} and z = {H['z1'][1]:.3f}, a = {a1[1]:.3f}") in text
    assert f"Arrows with weights {W2[0, 0]:g} and {W2[0, 1]:g}" in text
    assert f"total z = {H['z2']:.3f} and prediction {H['y_hat']:.3f}" in text


def test_vanishing_page_network_shape():
    text = " ".join(page("vanishing-gradients.md").split())
    net, X, y = deep_network("relu", "he_normal")
    assert net.layer_sizes == (32,) * 11 + (1,) and X.shape == (64, 32) and y.shape == (64, 1)
    assert "Now 10 hidden layers of 32 neurons each, with random starting weights, 64 random examples" in text
