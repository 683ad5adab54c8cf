"""Figures for the "How networks learn" chapters on the gradient, the chain rule and vanishing gradients.

Every number drawn comes from ``site_src``: the one-dial loss and gradient descent from
``site_src.examples``, the 2-2-1 network's loss from ``site_src.mlp``, the chain rule's
values and gradients from ``site_src.autograd.Value``, and the measured gradient sizes
from ``site_src.examples.gradient_sizes`` (an ``MLP`` forward and backward pass).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from scripts.plotting import themed
from site_src.autograd import Value
from site_src.examples import descend, gradient_sizes, parabola_loss, parabola_loss_grad, tiny_network

TANGENT_POINTS = (0.0, 1.5, 3.0, 4.5)          # where the slope of (w - 3)**2 is drawn
START = 0.0                                     # every descent starts with the dial at 0
RATES = (                                       # (learning rate, name, colour role, line style)
    (0.02, "too small", "muted", "-"),
    (0.3, "good", "positive", "-"),
    (0.8, "big: zig-zags, still lands", "extra", "--"),
    (1.05, "too big: blows up", "negative", "-"),
)
STEPS = 10
NICE = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU", "pytorch": "PyTorch's default",
        "xavier_uniform": "Xavier uniform", "he_normal": "He normal"}
GRADIENT_CASES = (                              # (activation, PyTorch's default init, a good init, colour, marker)
    ("sigmoid", "pytorch", "xavier_uniform", "negative", "o"),
    ("tanh", "pytorch", "xavier_uniform", "extra", "s"),
    ("relu", "pytorch", "he_normal", "positive", "^"),
)


def _fmt(value, digits=2):
    """A number with fixed decimals and a real minus sign."""
    text = f"{value:.{digits}f}"
    if float(text) == 0:
        text = f"{0:.{digits}f}"
    return text.replace("-", "\u2212")


def _tangent(ax, theme, w, loss, slope, half_width, text, offset):
    """A short straight line touching the curve at (w, loss), and its slope written beside it."""
    ws = np.array([w - half_width, w + half_width])
    ax.plot(ws, loss + slope * (ws - w), color=theme["gradient"], linewidth=2.2, zorder=4)
    ax.plot([w], [loss], "o", color=theme["gradient"], markersize=6, zorder=5)
    if text:
        ax.annotate(text, (w, loss), xytext=offset, textcoords="offset points", ha="center", va="center",
                    color=theme["gradient"], fontsize=10.5)


def tiny_network_loss_along_one_weight(values):
    """The 2-2-1 network's loss when its first output weight takes each of ``values``."""
    losses = []
    for value in values:
        net, x, y = tiny_network()
        net.weights[1][0, 0] = value
        losses.append(net.loss(x, y))
    return np.array(losses)


def gradient_tangents(theme):
    """Left: (w - 3)**2 with its slope at four points. Right: the tiny network's loss along one weight."""
    ws = np.linspace(-0.6, 6.6, 300)
    net, x, y = tiny_network()
    now = float(net.weights[1][0, 0])
    loss_now = net.loss(x, y)
    net.backward(y)
    slope_now = float(net.grad_weights[1][0, 0])
    along = np.linspace(-3.0, 5.0, 300)
    with themed(theme):
        figure, (left, right) = plt.subplots(1, 2, figsize=(9.4, 3.9), constrained_layout=True)

        left.plot(ws, parabola_loss(ws), color=theme["positive"], linewidth=2.5, label="loss L(w) = (w − 3)²")
        offsets = {0.0: (40, 6), 1.5: (-46, -14), 3.0: None, 4.5: (46, -14)}
        for w in TANGENT_POINTS:
            text = f"slope {_fmt(parabola_loss_grad(w), 0)}" if offsets[w] else None
            _tangent(left, theme, w, parabola_loss(w), parabola_loss_grad(w), 0.5, text, offsets[w])
        left.annotate("lowest loss:\nslope 0", (3.0, 0.0), xytext=(4.9, 6.6), ha="center", color=theme["text"],
                      fontsize=10, arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        left.set(xlim=(-0.6, 6.6), ylim=(-0.8, 11.5), xlabel="the dial w", ylabel="loss",
                 title="A loss with one weight, and its slope")
        left.legend(loc="upper center")

        right.plot(along, tiny_network_loss_along_one_weight(along), color=theme["positive"], linewidth=2.5,
                   label="loss of the 2-2-1 network")
        _tangent(right, theme, now, loss_now, slope_now, 1.1,
                 f"now: w = {_fmt(now, 1)}, loss {_fmt(loss_now, 4)}\nslope {_fmt(slope_now, 4)}", (95, 50))
        right.set(xlim=(-3.0, 5.0), xlabel="the first output weight (all others fixed)", ylabel="loss",
                  title="The tiny network: its loss along one weight")
        right.legend(loc="lower left")
    return figure


def _rate_paths():
    """For each learning rate, the dial w after each step of gradient descent on (w - 3)**2."""
    return [(lr, name, role, style, np.array(descend(parabola_loss_grad, START, lr=lr, steps=STEPS)))
            for lr, name, role, style in RATES]


def gradient_learning_rates(theme):
    """The dial and the loss, step by step, for four learning rates on (w - 3)**2."""
    paths = _rate_paths()
    steps = np.arange(STEPS + 1)
    with themed(theme):
        figure, (left, right) = plt.subplots(1, 2, figsize=(9.4, 4.1), constrained_layout=True)
        for lr, name, role, style, path in paths:
            text = f"η = {lr:g}: {name}"
            left.plot(steps, path, style, marker="o", markersize=3.5, color=theme[role], linewidth=1.8, label=text)
            right.plot(steps, parabola_loss(path), style, marker="o", markersize=3.5, color=theme[role],
                       linewidth=1.8, label=text)
        left.axhline(3.0, color=theme["text"], linewidth=1.2, linestyle=":", label="the best dial, w = 3")
        left.set(xlabel="step", ylabel="the dial w", ylim=(-5.5, 11.5), title="The dial, step by step")
        left.set_xticks(steps)
        right.set_yscale("log")
        right.set_xticks(steps)
        right.set(xlabel="step", ylabel="loss (log scale)", title="The loss, step by step")
        handles, labels = left.get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3)
    return figure


def vanishing_gradient_sizes(theme):
    """Measured gradient size of every layer in 10-layer networks: default init vs a good init, log scale."""
    layers = np.arange(1, 12)
    with themed(theme):
        figure, axes = plt.subplots(1, 2, figsize=(9.6, 4.4), constrained_layout=True, sharey=True)
        for ax, which, title in ((axes[0], 1, "PyTorch's default starting weights"),
                                 (axes[1], 2, "A good start: Xavier (sigmoid, tanh), He (ReLU)")):
            for case in GRADIENT_CASES:
                activation, init, role, marker = case[0], case[which], case[3], case[4]
                sizes = gradient_sizes(activation, init)
                ax.plot(layers, sizes, marker=marker, color=theme[role], linewidth=2, markersize=5,
                        label=f"{NICE[activation]}, {NICE[init]}")
            ax.set_yscale("log")
            ax.set_yticks([10.0**k for k in range(-9, 2)])  # a mark for every factor of 10
            ax.set_xticks(layers, [str(n) for n in range(1, 11)] + ["out"])
            ax.set(xlabel="layer (1 = nearest the input)", title=title)
            ax.legend(loc="lower right", fontsize=9.5)
        axes[0].set_ylabel("gradient size (log scale)")
    return figure


def _chain_values():
    """The chain-rule example with Values: x = 1, u = 2x, v = u + 3, L = v**2; and a Value used twice."""
    x = Value(1.0, label="x")
    u = x * 2
    v = u + 3
    loss = v**2
    loss.backward()
    a = Value(3.0, label="a")
    b = a * a + a * 4
    b.backward()
    return (x, u, v, loss), (a, b)


def _box(ax, theme, xy, title, value, grad, width=1.7):
    """One node of the graph: its name, its value (blue) and its gradient (red)."""
    ax.add_patch(FancyBboxPatch((xy[0] - width / 2, xy[1] - 0.5), width, 1.0,
                                boxstyle="round,pad=0.04,rounding_size=0.12",
                                facecolor=theme["background"], edgecolor=theme["text"], linewidth=1.5))
    ax.text(xy[0], xy[1] + 0.24, title, ha="center", va="center", color=theme["text"], fontsize=11.5)
    ax.text(xy[0], xy[1] - 0.02, f"value {value:g}", ha="center", va="center", color=theme["positive"], fontsize=10.5)
    ax.text(xy[0], xy[1] - 0.27, f"grad {grad:g}", ha="center", va="center", color=theme["gradient"], fontsize=10.5)


def _arrow(ax, theme, start, end, text=None, text_xy=None, rad=0.0):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=theme["muted"],
                                 linewidth=1.5, connectionstyle=f"arc3,rad={rad}"))
    if text:
        ax.text(*text_xy, text, ha="center", va="center", color=theme["text"], fontsize=10.5)


def chain_rule_graph(theme):
    """Two small graphs with every value and gradient: a chain of three machines, and a Value used twice."""
    (x, u, v, loss), (a, b) = _chain_values()
    with themed(theme):
        figure, (top, bottom) = plt.subplots(2, 1, figsize=(9.0, 5.6), constrained_layout=True,
                                             gridspec_kw={"height_ratios": [1.0, 1.15]})
        for ax in (top, bottom):
            ax.set_axis_off()
            ax.set_aspect("equal")
        top.set(xlim=(-1.0, 12.5), ylim=(-1.35, 1.45))
        top.set_title("Machines inside machines: multiply the slopes along the path", pad=2)
        spots = [(0, 0), (3.8, 0), (7.6, 0), (11.4, 0)]
        for spot, (name, node) in zip(spots, [("x", x), ("u = 2x", u), ("v = u + 3", v), ("L = v²", loss)]):
            _box(top, theme, spot, name, node.data, node.grad)
        slopes = [("×2\nslope 2", 2.0), ("+3\nslope 1", 1.0), ("square\nslope 2v = 10", 2 * v.data)]
        for (s, e), (text, _) in zip(zip(spots, spots[1:]), slopes):
            _arrow(top, theme, (s[0] + 0.95, 0), (e[0] - 0.95, 0), text, ((s[0] + e[0]) / 2, 0.62))
        top.text(5.7, -1.05, f"dL/dx = 10 × 1 × 2 = {x.grad:g}", ha="center", va="center",
                 color=theme["gradient"], fontsize=11.5)

        bottom.set(xlim=(-1.0, 12.5), ylim=(-2.0, 1.7))
        bottom.set_title("A Value used twice: the gradients from both paths add up", pad=2)
        a_spot, sq_spot, four_spot, b_spot = (0.4, 0), (5.2, 1.15), (5.2, -1.15), (10.4, 0)
        _box(bottom, theme, a_spot, "a", a.data, a.grad)
        for spot, title, data in ((sq_spot, "a × a", a.data * a.data), (four_spot, "a × 4", 4 * a.data)):
            bottom.add_patch(FancyBboxPatch((spot[0] - 0.75, spot[1] - 0.35), 1.5, 0.7,
                                            boxstyle="round,pad=0.04,rounding_size=0.12", facecolor=theme["background"],
                                            edgecolor=theme["muted"], linewidth=1.2))
            bottom.text(spot[0], spot[1], f"{title} = {data:g}", ha="center", va="center", color=theme["text"],
                        fontsize=10.5)
        _box(bottom, theme, b_spot, "b = a·a + 4a", b.data, b.grad, width=2.3)
        _arrow(bottom, theme, (1.3, 0.2), (4.4, 1.05), "path 1: slope 2a = 6", (2.25, 1.15))
        _arrow(bottom, theme, (1.3, -0.2), (4.4, -1.05), "path 2: slope 4", (2.4, -1.1))
        _arrow(bottom, theme, (6.0, 1.05), (9.2, 0.2))
        _arrow(bottom, theme, (6.0, -1.05), (9.2, -0.2))
        bottom.text(7.9, -1.7, f"db/da = 6 + 4 = {a.grad:g}", ha="center", va="center", color=theme["gradient"],
                    fontsize=11.5)
    return figure


FIGURES = {
    "gradient-tangents": gradient_tangents,
    "gradient-learning-rates": gradient_learning_rates,
    "vanishing-gradient-sizes": vanishing_gradient_sizes,
    "chain-rule-graph": chain_rule_graph,
}
