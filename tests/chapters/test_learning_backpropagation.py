"""Backpropagation (docs/learning/backpropagation.md): every number of the tiny network's backward pass.

The numbers are recomputed three ways: from the formulas written out below with plain Python
floats (no site_src), with ``site_src.mlp.MLP``, and with PyTorch autograd and torch.optim.SGD.
The page must state what they agree on.
"""

import math

import numpy as np
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from site_src.examples import tiny_network as story
from site_src.examples.tiny_network import tiny_network
from tests.chapters.facts import assert_all_in, code_calls, fmt, number_word, page_source, page_text, tex

PAGE = "learning/backpropagation"


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
    return dict(
        z1=z1,
        a1=a1,
        z2=z2,
        y_hat=y_hat,
        loss=loss,
        dL_dyhat=dL_dyhat,
        slope_out=slope_out,
        delta2=delta2,
        gW2=gW2,
        back=back,
        slope_hidden=slope_hidden,
        delta1=delta1,
        gW1=gW1,
        new_W1=new_W1,
        new_b1=new_b1,
        new_W2=new_W2,
        new_b2=new_b2,
        new_y_hat=new_y_hat,
        new_loss=(new_y_hat - y) ** 2,
        W1=W1,
        W2=W2,
        x=(x1, x2),
        lr=lr,
    )


H = by_hand()


def f4(x):
    return tex(x, 4)


def test_hand_formulas_equal_the_mlp():
    net, x, y = tiny_network()
    assert math.isclose(net.loss(x, y), H["loss"], rel_tol=1e-12)
    net.backward(y)
    assert np.allclose(net.grad_weights[0], H["gW1"], rtol=1e-12, atol=0)
    assert np.allclose(net.grad_biases[0], H["delta1"], rtol=1e-12, atol=0)
    assert np.allclose(net.grad_weights[1], [H["gW2"]], rtol=1e-12, atol=0)
    assert np.allclose(net.grad_biases[1], [H["delta2"]], rtol=1e-12, atol=0)
    assert story.LR == H["lr"]
    net.step(story.LR)
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


def test_steps():
    text = page_text(PAGE)
    a1, sh, d1, g = H["a1"], H["slope_hidden"], H["delta1"], H["gW1"]
    W1, W2, lr = H["W1"], H["W2"], H["lr"]
    assert H["new_loss"] < H["loss"]
    assert_all_in(
        text,
        [
            f"$\\mathbf{{z}}_1 = ({tex(H['z1'][0], 1)}, {tex(H['z1'][1], 1)})$",
            f"$\\mathbf{{a}}_1 = ({f4(a1[0])}, {f4(a1[1])})$",
            f"| the output total | $z_2 = {f4(H['z2'])}$ |",  # step 0's table
            f"| the prediction | $\\hat{{y}} = {f4(H['y_hat'])}$ |",
            f"$L = (\\hat{{y}} - y)^2 = {f4(H['loss'])}$",
            f"2 \\times ({f4(H['y_hat'])} - 1) = {f4(H['dL_dyhat'])}$",
            f"\\hat{{y}}(1 - \\hat{{y}}) = {f4(H['slope_out'])}$",
            f"{f4(H['dL_dyhat'])} \\times {f4(H['slope_out'])} = {f4(H['delta2'])}$",
            f"{f4(H['delta2'])} \\times {f4(a1[0])} = {f4(H['gW2'][0])}$",
            f"${f4(H['delta2'])} \\times {f4(a1[1])} = {f4(H['gW2'][1])}$ for the second",
            f"\\delta_2 = {f4(H['delta2'])}$ for the bias",
            f"= ({f4(H['back'][0])}, {f4(H['back'][1])})$",
            f"$\\mathbf{{a}}_1(1 - \\mathbf{{a}}_1) = ({f4(sh[0])}, {f4(sh[1])})$",
            f"({f4(H['back'][0])} \\times {f4(sh[0])},\\ {f4(H['back'][1])} \\times {f4(sh[1])}) "
            f"= ({f4(d1[0])}, {f4(d1[1])})$",
            f"hidden neuron 1: ${f4(d1[0])} \\times 1 = {f4(g[0][0])}$ and ${f4(d1[0])} \\times 2 = {f4(g[0][1])}$, "
            f"bias ${f4(d1[0])}$",
            f"hidden neuron 2: ${f4(d1[1])} \\times 1 = {f4(g[1][0])}$ and ${f4(d1[1])} \\times 2 = {f4(g[1][1])}$, "
            f"bias ${f4(d1[1])}$",
            f"${tex(W2[0], 1)} - {tex(lr, 1)} \\times ({f4(H['gW2'][0])}) = {f4(H['new_W2'][0])}$",
            f"${tex(W2[1], 1)} - {tex(lr, 1)} \\times ({f4(H['gW2'][1])}) = {f4(H['new_W2'][1])}$",
            f"$0.2 - {tex(lr, 1)} \\times ({f4(H['delta2'])}) = {f4(H['new_b2'])}$",
            # step 7's table: one row per neuron, its weights, then its bias
            f"| hidden neuron 1 | ${tex(W1[0][0], 1)} \\to {f4(H['new_W1'][0][0])}$ and "
            f"${tex(W1[0][1], 1)} \\to {f4(H['new_W1'][0][1])}$ | $0.1 \\to {f4(H['new_b1'][0])}$ |",
            f"| hidden neuron 2 | ${tex(W1[1][0], 1)} \\to {f4(H['new_W1'][1][0])}$ and "
            f"${tex(W1[1][1], 1)} \\to {f4(H['new_W1'][1][1])}$ | $-0.3 \\to {f4(H['new_b1'][1])}$ |",
            f"rises from ${f4(H['y_hat'])}$ to ${f4(H['new_y_hat'])}$",
            f"the loss falls from ${f4(H['loss'])}$ to ${f4(H['new_loss'])}$",
            f"loss ${f4(H['loss'])} \\to {f4(H['new_loss'])}$ after one step with $\\eta = {tex(lr, 1)}$",
        ],
    )


def test_one_copy_of_the_chain_product_and_exercises():
    """The 5-factor product of the first hidden weight lives in the chain-rule chapter; this page links to it."""
    text = page_text(PAGE)
    chain = [H["dL_dyhat"], H["slope_out"], H["W2"][0], H["slope_hidden"][0], H["x"][0]]
    assert math.isclose(math.prod(chain), H["gW1"][0][0], rel_tol=1e-12)
    assert "\\underbrace" not in page_source(PAGE)  # the worked product is not copied here
    # exercise 2: the first link for y = 0, and the common factor
    for_zero = 2 * H["y_hat"]
    assert_all_in(
        text,
        [
            f"The first, ${f4(math.prod(chain))}$, is the product of the {number_word(len(chain))} local slopes",
            "[chain rule chapter](chain-rule.md#how-it-works-step-by-step)",
            f"goes from ${f4(H['dL_dyhat'])}$ to ${tex(for_zero, 4, sign=True)}$",
            f"${f4(for_zero)} / {f4(-H['dL_dyhat'])} = {f4(for_zero / -H['dL_dyhat'])}$",
        ],
    )


def test_animation_numbers():
    text = page_text(PAGE)
    s = story.story()
    assert math.isclose(s["loss"], H["loss"]) and math.isclose(s["new_loss"], H["new_loss"])
    g = s["gW1"]
    old = [s["W1"][0, 0], s["W1"][1, 0], s["W1"][0, 1], s["W1"][1, 1], s["W2"][0, 0], s["W2"][0, 1]]
    new = [
        s["new_W1"][0, 0],
        s["new_W1"][1, 0],
        s["new_W1"][0, 1],
        s["new_W1"][1, 1],
        s["new_W2"][0, 0],
        s["new_W2"][0, 1],
    ]
    assert_all_in(
        text,
        [
            f"$z = {tex(s['z1'][0], 2)}$ and $z = {tex(s['z1'][1], 2)}$ and their answers ${tex(s['a1'][0], 2)}$ and "
            f"${tex(s['a1'][1], 2)}$",
            f"shows $z = {tex(s['z2'], 3)}$ and its answer ${tex(s['y_hat'], 2)}$ ({tex(s['y_hat'], 4)})",
            f"shows $L = {f4(s['loss'])}$",
            f"$\\partial L / \\partial \\hat{{y}} = {tex(s['dL_dyhat'], 3)}$",
            f"$\\delta = {f4(s['dL_dyhat'])} \\times {f4(s['slope_out'])} = {f4(s['delta2'])}$",
            f"${tex(s['gW2'][0], 3)}$ and ${tex(s['gW2'][1], 3)}$",
            f"$\\delta = {tex(s['delta1'][0], 3)}$ and $\\delta = {tex(s['delta1'][1], 3)}$",
            f"${tex(g[0, 0], 3)}$ and ${tex(g[0, 1], 3)}$ for hidden neuron 1, ${tex(g[1, 0], 3)}$ and "
            f"${tex(g[1, 1], 3)}$ for hidden neuron 2",
            "(" + ", ".join(fmt(w, 2) for w in old) + ")",
            *[f"{fmt(before, 2)} becomes {fmt(after, 3)}" for before, after in zip(old, new)],
            f"has fallen from {fmt(s['loss'], 4)} to {fmt(s['new_loss'], 4)}",
            f"the loss falls from {fmt(s['loss'], 4)} to {fmt(s['new_loss'], 4)}",  # the clip's alt text
        ],
    )


def test_diagram_alt_text():
    """The forward-propagation figure embedded on the page: its alt text's numbers."""
    text = page_text(PAGE)
    net, x, y = tiny_network()
    W1, W2 = net.weights

    def alt(v, digits=3):  # the alt text writes the settings as typed, with an ASCII minus
        return tex(v, digits, trim=True)

    assert_all_in(
        text,
        [
            f"x1 = {alt(x[0, 0])} and x2 = {alt(x[0, 1])}",
            f"weights {alt(W1[0, 0])}, {alt(W1[1, 0])}, {alt(W1[0, 1])} and {alt(W1[1, 1])}",
            f"z = {tex(H['z1'][0], 3)}, a = {tex(H['a1'][0], 3)} and z = {tex(H['z1'][1], 3)}, a = {tex(H['a1'][1], 3)}",
            f"Arrows with weights {alt(W2[0, 0])} and {alt(W2[0, 1])}",
            f"total z = {tex(H['z2'], 3)} and prediction {tex(H['y_hat'], 3)}",
        ],
    )


def test_code_blocks_type_the_story_settings():
    """The page's code types the update's learning rate ``lr=0.5``: it must be the story's."""
    rates = [kw["lr"] for _, kw in code_calls(PAGE, "step") + code_calls(PAGE, "training_step_torch") if "lr" in kw]
    assert rates and set(rates) == {story.LR}, rates


# ---------------------------------------------------------------- a batch: every example's desired nudges


def torch_grads(X, Y):
    """The tiny network's weights typed in as tensors; the gradients of the mean squared error by autograd."""
    d = dict(dtype=torch.float64, requires_grad=True)
    W1 = torch.tensor([[0.4, -0.2], [0.3, 0.6]], **d)
    b1 = torch.tensor([0.1, -0.3], **d)
    W2 = torch.tensor([[0.5, -0.4]], **d)
    b2 = torch.tensor([0.2], **d)
    y_hat = torch.sigmoid(torch.sigmoid(torch.tensor(X) @ W1.T + b1) @ W2.T + b2)
    torch.nn.functional.mse_loss(y_hat, torch.tensor(Y)).backward()
    return [W1.grad.numpy(), b1.grad.numpy(), W2.grad.numpy(), b2.grad.numpy()]


def mlp_grads(X, Y):
    net, _, _ = tiny_network()
    net.loss(X, Y)
    net.backward(Y)
    return [net.grad_weights[0], net.grad_biases[0], net.grad_weights[1], net.grad_biases[1]]


@settings(max_examples=40, deadline=None)
@given(
    X=st.integers(1, 6).flatmap(lambda n: arrays(np.float64, (n, 2), elements=st.floats(-3, 3))),
    data=st.data(),
)
def test_the_batch_gradient_is_the_average_of_the_examples_gradients(X, data):
    """For the mean loss, the batch's gradient (MLP and autograd) is the mean of the one-example gradients."""
    Y = data.draw(arrays(np.float64, (len(X), 1), elements=st.floats(0, 1)))
    batch = mlp_grads(X, Y)
    for ours, theirs in zip(batch, torch_grads(X, Y)):
        assert np.allclose(ours, theirs, rtol=1e-10, atol=1e-14)
    each = [torch_grads(X[i : i + 1], Y[i : i + 1]) for i in range(len(X))]
    for k, ours in enumerate(batch):
        assert np.allclose(ours, np.mean([g[k] for g in each], axis=0), rtol=1e-10, atol=1e-14)


def test_desired_nudges_are_minus_each_examples_slope():
    each, batch = story.desired_nudges()
    pick = [(layer * 2, row, column) for _, layer, row, column in story.NUDGED_WEIGHTS]  # W1 is 0, W2 is 2
    X, Y = np.array(story.BATCH_X), np.array(story.BATCH_Y)
    for i in range(len(X)):
        g = torch_grads(X[i : i + 1], Y[i : i + 1])
        assert np.allclose(each[i], [-g[k][r, c] for k, r, c in pick], rtol=1e-12)
    g = torch_grads(X, Y)
    assert np.allclose(batch, [-g[k][r, c] for k, r, c in pick], rtol=1e-12)
    assert np.allclose(each[0], [-H["gW2"][0], -H["gW2"][1], -H["gW1"][0][0]], rtol=1e-12)  # the story's example


def test_batch_prose_and_figure_alt_text():
    text = page_text(PAGE)
    each, batch = story.desired_nudges()
    X, Y = np.array(story.BATCH_X), np.array(story.BATCH_Y)
    _, x, y = tiny_network()
    assert X[0].tolist() == x[0].tolist() and Y[0].tolist() == y[0].tolist()  # the story's example comes first
    first = each[:, 0]
    assert first[0] > 0 and (first[1:] < 0).all() and batch[0] < 0
    # the first hidden weight: two examples pull up, one pulls down, and the average is near 0
    assert (each[:, 2] > 0).sum() == 2 and (each[:, 2] < 0).sum() == 1 and abs(batch[2]) < 0.1 * abs(each[:, 2]).min()
    panels = ["First output weight", "Second output weight", "First hidden weight"]
    assert [name.capitalize() for name, *_ in story.NUDGED_WEIGHTS] == panels
    alt = [
        f"{panels[0]}: the examples want nudges of {fmt(first[0], 3)}, {fmt(first[1], 3)} and {fmt(first[2], 3)}, "
        f"and their average is {fmt(batch[0], 3)}.",
        *[
            f"{panels[k]}: {fmt(each[0, k], 3)}, {fmt(each[1, k], 3)} and {fmt(each[2, k], 3)}, "
            f"average {fmt(batch[k], 3)}."
            for k in (1, 2)
        ],
    ]
    assert_all_in(
        text,
        [
            f"$\\mathbf{{x}} = ({fmt(X[1, 0], 0)}, {tex(X[1, 1], 0)})$ and $\\mathbf{{x}} = ({tex(X[2, 0], 0)}, "
            f"{fmt(X[2, 1], 0)})$, both with right answer $y = {fmt(Y[1, 0], 0)}$",
            f"its desired nudge is ${tex(first[0], 3, sign=True)}$",
            f"want it to shrink: ${tex(first[1], 3)}$ and ${tex(first[2], 3)}$",
            f"the batch's nudge is the average, ${tex(batch[0], 3)}$",
            *alt,
            "](../figures/batch-desired-nudges.svg)",
        ],
    )
    assert Y[2, 0] == Y[1, 0]


def test_cost_table():
    """'Why we need it': nudging costs two forward passes per weight or bias (up and down); backpropagation one
    forward and one backward pass, however many there are."""
    net, x, y = tiny_network()
    n_params = sum(p.size for p in net.weights + net.biases)
    assert n_params == 2 * 2 + 2 + 2 * 1 + 1  # a 2-2-1 network: W1, b1, W2, b2
    assert_all_in(
        page_text(PAGE),
        [
            f"| way to find every slope | for the tiny network ({n_params} weights and biases) |",
            f"| nudging each one, up and down | {2 * n_params} forward passes | {number_word(2)} million forward passes |",
            "| backpropagation | one forward pass and one backward pass | one forward pass and one backward pass |",
        ],
    )


def test_math_to_code_table_quotes_the_real_code():
    """The code section's table: every line it quotes is in site_src's MLP or Dense code that the tabs show."""
    import inspect

    from site_src import layers, mlp

    source = inspect.getsource(mlp.MLP.backward) + inspect.getsource(mlp.MLP.step) + inspect.getsource(layers.Dense)
    text = page_text(PAGE)
    for code in [
        "dL_da = self.loss_grad(y, self.output)",
        "dL_dz = dL_da * self.f_grad[i](z)",
        "self.grad_weight = dL_dz.T @ x",
        "self.grad_bias = dL_dz.sum(axis=0)",
        "return dL_dz @ self.weight",
        "w -= lr * dL_dw",
    ]:
        assert f"| `{code}`" in text, code
        assert code in source, code
