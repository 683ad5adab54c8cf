"""Vanishing gradients (docs/learning/vanishing-gradients.md): chains of neurons and deep networks, measured.

Every gradient size is measured twice: with site_src (``site_src.examples.vanishing``) and with
PyTorch autograd on a copy of the same network.
"""

import math

import numpy as np
import pytest
import torch

from site_src.activations import sigmoid, sigmoid_grad
from site_src.examples import vanishing as story
from site_src.examples.vanishing import deep_network, gradient_sizes, neuron_chain
from site_src.pytorch.mlp import from_numpy
from tests.chapters.facts import assert_all_in, fmt, page_text, significant, tex, tex_power

PAGE = "learning/vanishing-gradients"
PARTS = {3: "thousandth", 6: "millionth"}


def test_best_case_numbers():
    text = page_text(PAGE)
    best = float(sigmoid_grad(0.0))
    s0 = float(sigmoid(0.0))
    ten, nine = best**10, best**9
    part = -math.ceil(math.log10(ten))  # 0.25^10 < 10^-6 < 0.25^9
    assert 10.0**-part < nine
    assert_all_in(
        text,
        [
            f"$0.25^{{10}}$ is less than one {PARTS[part]}",
            f"$0.25^{{10}} = {fmt(ten, 8)}$",
            f"$0.25^9 = {fmt(nine, 7)}$",
            f"$\\left(\\frac{{1}}{{4}}\\right)^{{10}} = {fmt(ten, 11)}$",
            f"$1.5^{{10}} = {fmt(1.5**10, 1)}$",
            f"${tex(s0, 1)} \\times {tex(1 - s0, 1)} = {tex(best, 2)}$",
        ],
    )


def test_neuron_chains():
    text = page_text(PAGE)
    depth = story.CHAIN_DEPTH
    slopes, grads = neuron_chain("sigmoid", depth, x=story.CHAIN_INPUTS["sigmoid"])
    # independently: the chain's gradient is the product of the slopes (weights are 1)
    assert math.isclose(grads[0], math.prod(slopes), rel_tol=1e-12)
    relu_slopes, relu_grads = neuron_chain("relu", depth, x=story.CHAIN_INPUTS["relu"])
    assert relu_slopes == [1.0] * depth and relu_grads == [1.0] * (depth + 1)
    assert_all_in(
        text,
        [
            f"${tex_power(grads[0])}$",
            f"slopes from about ${tex(min(slopes[1:]), 3)}$ to ${tex(max(slopes[1:]), 3)}$",
            # the animation's list: each factor and value as the clip writes them
            f"its gradient drops to {fmt(slopes[-1], 3)}",
            f"falls to {fmt(grads[6 + 2], 3)}, {fmt(grads[6 + 1], 3)}, ${tex_power(grads[6])}$",
            f"its biggest possible, {fmt(slopes[0], 3)}",
            f"gradient is ${tex_power(grads[0])}$, the ReLU chain's",
            f"shrinks to {fmt(grads[0], 8)}",
        ],
    )


def torch_sizes(activation, init, depth=10):
    """The same measurement, recomputed with PyTorch autograd on a copy of the network."""
    net, X, y = deep_network(activation, init, depth=depth)
    model = from_numpy(net)
    loss = torch.nn.functional.mse_loss(model(torch.tensor(X)), torch.tensor(y))
    loss.backward()
    return np.array([m.weight.grad.norm().item() for m in model if isinstance(m, torch.nn.Linear)])


def test_measured_ratios():
    text = page_text(PAGE)
    said = ["How many times smaller layer 1's gradient is than layer 10's"]
    for activation in story.ACTIVATIONS:
        ratios = []
        for init in ("pytorch", story.GOOD_INIT[activation]):
            sizes = gradient_sizes(activation, init)
            assert np.allclose(sizes, torch_sizes(activation, init), rtol=1e-9)
            ratios.append(significant(sizes[9] / sizes[0]))
        # step 5's table: one row per switch, PyTorch's default start, then the good start
        name = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU"}[activation]
        word = {"sigmoid": "still ", "tanh": "only ", "relu": ""}[activation]
        recipe = RECIPE[story.GOOD_INIT[activation]]
        said.append(f"| {name} | about {ratios[0]} times | {word}about {ratios[1]} times ({recipe}) |")
    relu = gradient_sizes("relu", "pytorch")
    said.append(f"(about {significant(relu[9] / relu[0])} times over 10 layers with PyTorch's default above)")
    # the figure's alt text: sizes rounded to one significant digit, written out
    sig = gradient_sizes("sigmoid", "pytorch")
    sig_good = gradient_sizes("sigmoid", story.GOOD_INIT["sigmoid"])

    def about(x):
        r = float(f"{x:.0e}")
        return fmt(r, max(0, -math.floor(math.log10(r))))

    said.append(f"falls from about {fmt(sig[9], 1)} at layer 10 to about {about(sig[0])} at layer 1")
    said.append(f"still falls from about {fmt(sig_good[9], 0)} at layer 10 to about {fmt(sig_good[0], 6)} at layer 1")
    # the exercise's prose: 20 layers
    default, good = (gradient_sizes("relu", init, depth=20) for init in ("pytorch", story.GOOD_INIT["relu"]))
    said.append(f"shrinks about {significant(default[19] / default[0])} times")
    said.append(f"shrinks only about {significant(good[19] / good[0])} times")
    assert_all_in(text, said)


RECIPE = {"xavier_uniform": "Xavier", "he_normal": "He"}


def test_the_code_table():
    """The code section's table: layer 1's and layer 10's sizes, each from site_src and equal in PyTorch."""
    text = page_text(PAGE)
    name = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU"}
    rows = []
    for init in ("pytorch", "good"):
        for activation in story.ACTIVATIONS:
            init_ = "pytorch" if init == "pytorch" else story.GOOD_INIT[activation]
            sizes = gradient_sizes(activation, init_)
            assert np.allclose(sizes, torch_sizes(activation, init_), rtol=1e-9)
            start = "PyTorch's default" if init == "pytorch" else RECIPE[init_]
            rows.append(
                f"| {name[activation]} | {start} | {sizes[0]:.1e} | {sizes[9]:.1e} | "
                f"{significant(sizes[9] / sizes[0])} times smaller |"
            )
    big = gradient_sizes("tanh", "xavier_uniform", scale=story.TOO_BIG)
    rows.append(
        f"| tanh | {fmt(story.TOO_BIG, 0)} times Xavier's | {big[0]:.1e} | {big[9]:.1e} | "
        f"{significant(big[0] / big[9])} times bigger |"
    )
    assert_all_in(text, rows)


def test_network_shape():
    text = page_text(PAGE)
    net, X, y = deep_network("relu", story.GOOD_INIT["relu"])
    hidden = net.layer_sizes[1:-1]
    assert len(set(hidden)) == 1
    assert_all_in(
        text,
        [
            f"Now {len(hidden)} hidden layers of {hidden[0]} neurons each, with random starting weights, "
            f"{X.shape[0]} random examples",
        ],
    )


def test_weights_too_big_explode():
    text = page_text(PAGE)
    activation, init, scale = "tanh", "xavier_uniform", story.TOO_BIG
    sizes = gradient_sizes(activation, init, scale=scale)
    # independently: PyTorch autograd on a copy of the same (scaled) network
    net, X, y = deep_network(activation, init, scale=scale)
    model = from_numpy(net)
    torch.nn.functional.mse_loss(model(torch.tensor(X)), torch.tensor(y)).backward()
    torch_sizes_ = np.array([m.weight.grad.norm().item() for m in model if isinstance(m, torch.nn.Linear)])
    assert np.allclose(sizes, torch_sizes_, rtol=1e-9)
    # the weights really are scale times Xavier's: the same draw, unscaled, times scale
    plain, _, _ = deep_network(activation, init)
    assert all(np.allclose(w, scale * w0) for w, w0 in zip(net.weights, plain.weights))
    assert np.all(np.diff(sizes[:10]) < 0)  # grows at every layer on the way back, layer 10 -> layer 1
    grows = significant(sizes[0] / sizes[9])
    assert_all_in(
        text,
        [
            f"tanh, with every starting weight {fmt(scale, 0)} times Xavier's",
            f"layer 1's gradient is about {grows} times *bigger* than layer 10's",
            f"(about {grows} times over 10 tanh layers with weights {fmt(scale, 0)} times Xavier's above)",
        ],
    )


def test_scale_must_be_positive():
    with pytest.raises(ValueError, match="scale must be a positive number"):
        deep_network("tanh", "xavier_uniform", scale=0.0)


def torch_training(activation, init, epochs, lr):
    """Train a PyTorch copy with torch.optim.SGD; each Linear layer's gradient size at every epoch, and the losses."""
    net, X, y = deep_network(activation, init)
    model = from_numpy(net)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    X, y = torch.tensor(X), torch.tensor(y)
    sizes, losses = [], []
    for epoch in range(epochs + 1):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(X), y)
        loss.backward()
        sizes.append([m.weight.grad.norm().item() for m in model if isinstance(m, torch.nn.Linear)])
        losses.append(loss.item())
        if epoch < epochs:
            optimizer.step()
    return np.array(sizes), np.array(losses), model(X).detach().numpy(), y.numpy()


def test_sizes_during_training(one_torch_thread):
    text = page_text(PAGE)
    epochs, lr = story.TRAINING_EPOCHS, story.TRAINING_LR
    said = [f"learn for {epochs} epochs (gradient descent with learning rate {fmt(lr, 2)}, all 64"]
    found = {}
    for activation, init in story.TRAINED:
        sizes, losses = story.sizes_during_training(activation, init)
        t_sizes, t_losses, answers, y = torch_training(activation, init, epochs, lr)
        assert np.allclose(sizes, t_sizes, rtol=1e-6, atol=1e-15) and np.allclose(losses, t_losses, rtol=1e-9)
        found[activation] = (sizes, losses, answers, y)
    sizes, losses, answers, y = found["sigmoid"]
    # layer 1 stays about 0.000000002; the net ends answering the average: the loss is the targets' spread
    assert fmt(sizes[:, 0].min(), 9) == fmt(sizes[:, 0].max(), 9)
    assert np.std(answers) < 1e-6 * np.std(y) and abs(answers.mean() - y.mean()) < 1e-6
    assert math.isclose(losses[-1], np.mean((y - y.mean()) ** 2), rel_tol=1e-6)
    apart = sizes.max(axis=1) / sizes.min(axis=1)
    assert apart[-1] < 2  # they end level
    said += [
        f"layer 1's gradient stays about {fmt(sizes[0, 0], 9)} the whole time",
        f"the loss is stuck at {fmt(losses[-1], 2)}",
        f"layer 1 stays near {fmt(sizes[0, 0], 9)}",
        f"the loss only goes from {fmt(losses[0], 2)} to {fmt(losses[-1], 2)}",
        f"the layers start {significant(apart.max())} times apart",
    ]
    assert apart.argmax() == 0
    sizes, losses, _, _ = found["relu"]
    apart = sizes.max(axis=1) / sizes.min(axis=1)
    said += [
        f"the loss falls from {fmt(losses[0], 2)} to {fmt(losses[-1], 2)}, and at every epoch the biggest of the "
        f"{sizes.shape[1]} layers' gradients is at most {significant(apart.max())} times the smallest",
        f"they are never more than {significant(apart.max())} times apart",
        f"the loss falls from {fmt(losses[0], 2)} to {fmt(losses[-1], 2)}.](",
    ]
    assert_all_in(text, said)
