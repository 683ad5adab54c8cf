"""Figures for the first "How networks learn" chapters: activation idea, feed-forward, MLP, forward pass.

Every number drawn comes from ``site_src``: the shared 2-2-1 network of
``site_src.examples``, networks built and trained with ``site_src.mlp.MLP``,
and perceptrons from ``site_src.neurons``.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Circle, FancyArrowPatch

from scripts.plotting import themed
from site_src.datasets import STUDENT_FEATURES, logic_gate
from site_src.examples import forward_steps, tiny_network
from site_src.mlp import MLP
from site_src.neurons import Perceptron

# ---------------------------------------------------------------- shared settings

# The XOR network of the multi-layer perceptron chapter (tests/test_pages_learning_forward.py uses the same).
XOR_LAYERS, XOR_SEED, XOR_EPOCHS, XOR_LR = [2, 2, 1], 0, 3000, 2.0

# The 1-3-1 network of the activation chapter: three hidden neurons, one input, one output.
STACK_W1, STACK_B1 = [[1.0], [1.0], [1.0]], [1.0, 0.0, -1.0]
STACK_W2, STACK_B2 = [[1.0, -2.0, 2.0]], [-0.5]


def fmt(x, digits=3):
    """A number for a label: fixed digits and a real minus sign."""
    text = f"{x:.{digits}f}"
    if text.lstrip("-").strip("0.") == "":
        text = f"{0:.{digits}f}"
    return text.replace("-", "\u2212")


def short(x):
    """A hand-picked weight as written in the code: 0.4, −0.2 (no trailing zeros)."""
    text = f"{x:.3f}".rstrip("0").rstrip(".")
    return text.replace("-", "\u2212")


def trained_xor_network():
    """The 2-2-1 sigmoid network trained on XOR, exactly as on the MLP page."""
    X, y = logic_gate("xor")
    net = MLP(XOR_LAYERS, activation="sigmoid", output_activation="sigmoid", rng=XOR_SEED)
    net.fit(X, y[:, None].astype(float), epochs=XOR_EPOCHS, lr=XOR_LR)
    return net


def stack_network(activation):
    """The hand-picked 1-3-1 network of the activation chapter, with the given hidden switch."""
    return MLP([1, 3, 1], activation=activation, output_activation="identity",
               weights=[STACK_W1, STACK_W2], biases=[STACK_B1, STACK_B2])


# ---------------------------------------------------------------- drawing helpers


def _node(ax, theme, xy, radius, text, edge="text", size=11, weight="normal"):
    ax.add_patch(Circle(xy, radius, facecolor=theme["background"], edgecolor=theme[edge], linewidth=2, zorder=3))
    ax.text(*xy, text, ha="center", va="center", fontsize=size, color=theme["text"], zorder=4,
            fontweight=weight, linespacing=1.35)


def _edge(ax, theme, start, end, radius_start, radius_end, width=1.6, color="muted"):
    """An arrow from the rim of one node to the rim of the next."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    direction = (end - start) / np.linalg.norm(end - start)
    arrow = FancyArrowPatch(start + direction * radius_start, end - direction * radius_end,
                            arrowstyle="-|>", mutation_scale=14, linewidth=width,
                            color=theme[color], zorder=2, shrinkA=0, shrinkB=0)
    ax.add_patch(arrow)


def _on_edge(ax, theme, start, end, fraction, text, color, size=11):
    """A label sitting on an edge, ``fraction`` of the way from start to end, with a background patch."""
    x = start[0] + fraction * (end[0] - start[0])
    y = start[1] + fraction * (end[1] - start[1])
    ax.text(x, y, text, ha="center", va="center", fontsize=size, color=theme[color], zorder=5,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.2", "facecolor": theme["background"], "edgecolor": "none"})


# ---------------------------------------------------------------- the shared 2-2-1 network


def tiny_network_diagram(theme):
    """The 2-2-1 network: weights on the edges, biases, the input and every forward value."""
    net, x, _ = tiny_network()
    steps = forward_steps(net, x)
    W1, W2 = net.weights
    b1, b2 = net.biases
    inputs = [(0.0, 1.25), (0.0, -1.25)]
    hidden = [(3.2, 1.25), (3.2, -1.25)]
    output = (6.4, 0.0)
    r_in, r_hid = 0.5, 0.72

    with themed(theme):
        figure, ax = plt.subplots(figsize=(8.6, 5.6))
        ax.set_axis_off()
        ax.set(xlim=(-1.2, 7.8), ylim=(-2.85, 3.45), aspect="equal")

        # weights: blue for positive, orange for negative, thicker for bigger; the number says it too
        fractions = {(0, 0): 0.5, (1, 1): 0.5, (0, 1): 0.28, (1, 0): 0.28}
        for j, h in enumerate(hidden):
            for i, xi in enumerate(inputs):
                w = W1[j, i]
                color = "positive" if w >= 0 else "negative"
                _edge(ax, theme, xi, h, r_in, r_hid, width=1.2 + 3 * abs(w), color=color)
                label_at = fractions[(i, j)]
                _on_edge(ax, theme, xi, h, label_at, f"w = {short(w)}", color)
        for j, h in enumerate(hidden):
            w = W2[0, j]
            color = "positive" if w >= 0 else "negative"
            _edge(ax, theme, h, output, r_hid, r_hid, width=1.2 + 3 * abs(w), color=color)
            _on_edge(ax, theme, h, output, 0.5, f"w = {short(w)}", color)

        for i, xi in enumerate(inputs):
            _node(ax, theme, xi, r_in, f"x{'₁₂'[i]} = {short(x[0, i])}", size=11.5)
        for j, h in enumerate(hidden):
            text = f"z = {fmt(steps['z1'][0, j])}\na = {fmt(steps['a1'][0, j])}"
            _node(ax, theme, h, r_hid, text, size=11)
            dy = 1 if h[1] > 0 else -1
            ax.text(h[0], h[1] + dy * (r_hid + 0.28), f"bias b = {short(b1[j])}", ha="center", va="center",
                    fontsize=10.5, color=theme["text"])
        text = f"z = {fmt(steps['z2'][0, 0])}\nŷ = {fmt(steps['y_hat'][0, 0])}"
        _node(ax, theme, output, r_hid, text, size=11, edge="positive")
        ax.text(output[0], output[1] - r_hid - 0.28, f"bias b = {short(b2[0])}", ha="center", va="center",
                fontsize=10.5, color=theme["text"])

        for x_pos, title in ((0.0, "inputs"), (3.2, "hidden layer\n(sigmoid)"), (6.4, "output layer\n(sigmoid)")):
            ax.text(x_pos, 3.4, title, ha="center", va="top", fontsize=11.5, color=theme["muted"])
        ax.text(3.2, -2.8, "z = weighted sum + bias,   a = σ(z)   (3 decimals)", ha="center", va="bottom",
                fontsize=10.5, color=theme["muted"])
        figure.tight_layout(pad=0.2)
    return figure


# ---------------------------------------------------------------- the student network


def feed_forward_student_network(theme):
    """The 3-4-1 pass/fail network of the MLP chapter: layers, connections, one-way flow."""
    sizes = [3, 4, 1]
    xs = [0.0, 3.0, 6.0]
    ys = [np.linspace(1.6, -1.6, 3), np.linspace(2.4, -2.4, 4), np.array([0.0])]
    r = 0.42
    with themed(theme):
        figure, ax = plt.subplots(figsize=(8.2, 5.2))
        ax.set_axis_off()
        ax.set(xlim=(-2.6, 8.4), ylim=(-3.6, 3.5), aspect="equal")
        for layer in range(len(sizes) - 1):
            for y0 in ys[layer]:
                for y1 in ys[layer + 1]:
                    _edge(ax, theme, (xs[layer], y0), (xs[layer + 1], y1), r, r, width=1.1)
        for i, y0 in enumerate(ys[0]):
            _node(ax, theme, (xs[0], y0), r, f"x{'₁₂₃'[i]}", size=12)
            ax.text(xs[0] - r - 0.15, y0, STUDENT_FEATURES[i], ha="right", va="center", fontsize=11,
                    color=theme["text"])
        for j, y1 in enumerate(ys[1]):
            _node(ax, theme, (xs[1], y1), r, f"h{'₁₂₃₄'[j]}", size=12, edge="positive")
        _node(ax, theme, (xs[2], 0.0), r, "ŷ", size=13, edge="positive")
        ax.text(xs[2] + r + 0.15, 0.0, "pass?\n(0 to 1)", ha="left", va="center", fontsize=11, color=theme["text"])
        titles = ["input layer\n3 numbers", "hidden layer\n4 neurons", "output layer\n1 neuron"]
        for x_pos, title in zip(xs, titles):
            ax.text(x_pos, 3.45, title, ha="center", va="top", fontsize=11.5, color=theme["muted"])
        ax.add_patch(FancyArrowPatch((0.0, -3.3), (6.0, -3.3), arrowstyle="-|>", mutation_scale=18,
                                     linewidth=2, color=theme["text"]))
        ax.text(3.0, -3.2, "information flows one way: forward", ha="center", va="bottom", fontsize=11,
                color=theme["text"], bbox={"boxstyle": "round,pad=0.2", "facecolor": theme["background"],
                                           "edgecolor": "none"})
        figure.tight_layout(pad=0.2)
    return figure


# ---------------------------------------------------------------- XOR: one line versus two layers


def _xor_points(ax, theme, X, y, wrong):
    ones, zeros = y == 1, y == 0
    ax.scatter(*X[ones].T, s=150, marker="o", color=theme["positive"], label="XOR answer 1", zorder=4)
    ax.scatter(*X[zeros].T, s=150, marker="^", color=theme["negative"], label="XOR answer 0", zorder=4)
    ax.scatter(*X[wrong].T, s=520, facecolors="none", edgecolors=theme["gradient"], linewidths=2.2,
               label="answered wrong", zorder=5)


def mlp_xor_regions(theme):
    """XOR: a perceptron's straight line always gets one wrong; a trained 2-2-1 network gets none."""
    X, y = logic_gate("xor")
    lo, hi = -0.3, 1.3
    grid = np.linspace(lo, hi, 161)
    g1, g2 = np.meshgrid(grid, grid)
    points = np.column_stack([g1.ravel(), g2.ravel()])
    cmap = ListedColormap([theme["negative"], theme["positive"]])

    line = Perceptron(2, weights=[1.0, 1.0], bias=-0.5)  # the OR line: the best a line can do is 3 of 4
    net = trained_xor_network()

    with themed(theme):
        figure, (left, right) = plt.subplots(1, 2, figsize=(9.4, 5.0), constrained_layout=True)

        says = line.predict(points).reshape(g1.shape)
        left.imshow(says, origin="lower", extent=(lo, hi, lo, hi), interpolation="nearest", alpha=0.16,
                    cmap=cmap, vmin=0, vmax=1)
        left.contour(g1, g2, line.total(points).reshape(g1.shape), levels=[0], colors=[theme["text"]],
                     linewidths=2)
        wrong = line.predict(X) != y
        _xor_points(left, theme, X, y, wrong)
        left.plot([], [], color=theme["text"], linewidth=2, label="the perceptron's line")
        left.set_title(f"One perceptron: {int(wrong.sum())} wrong\n"
                       "(every straight line gets at least 1 wrong)")

        answer = net.predict(points)[:, 0].reshape(g1.shape)
        right.imshow(answer >= 0.5, origin="lower", extent=(lo, hi, lo, hi), interpolation="nearest", alpha=0.16,
                     cmap=cmap, vmin=0, vmax=1)
        # where each hidden neuron's weighted sum is 0: its own straight line
        z1 = forward_steps(net, points)["z1"]
        for j, style in enumerate(["--", ":"]):
            right.contour(g1, g2, z1[:, j].reshape(g1.shape), levels=[0], colors=[theme["extra"]],
                          linewidths=2.6, linestyles=style)
        wrong = (net.predict(X)[:, 0] >= 0.5).astype(int) != y
        _xor_points(right, theme, X, y, wrong)
        right.plot([], [], color=theme["extra"], linewidth=2.6, linestyle="--", label="line of hidden neuron 1")
        right.plot([], [], color=theme["extra"], linewidth=2.6, linestyle=":", label="line of hidden neuron 2")
        right.set_title(f"A trained 2-2-1 network: {int(wrong.sum())} wrong\n"
                        "its two hidden neurons cut out a band")

        for ax in (left, right):
            ax.set(xlim=(lo, hi), ylim=(lo, hi), xlabel="input x₁", ylabel="input x₂", aspect="equal",
                   xticks=[0, 1], yticks=[0, 1])
        handles, labels = left.get_legend_handles_labels()
        more, more_labels = right.get_legend_handles_labels()
        figure.legend(handles + more[-2:], labels + more_labels[-2:], loc="outside lower center", ncols=3)
    return figure


# ---------------------------------------------------------------- the activation idea


def linear_stack_collapse(theme):
    """The same 1-3-1 network without a switch (a straight line) and with ReLU (a bent line)."""
    x = np.linspace(-2.5, 2.5, 501)[:, None]
    with themed(theme):
        figure, axes = plt.subplots(1, 2, figsize=(9.4, 4.2), constrained_layout=True, sharey=True)
        for ax, activation, title in zip(
                axes, ["identity", "relu"],
                ["No switch: the output is a straight line", "ReLU switch: the output bends"]):
            steps = forward_steps(stack_network(activation), x)
            for j, style in enumerate(["--", "-.", ":"]):
                ax.plot(x[:, 0], steps["a1"][:, j], color=theme["muted"], linewidth=1.4, linestyle=style,
                        label=f"hidden neuron {j + 1}")
            ax.plot(x[:, 0], steps["y_hat"][:, 0], color=theme["positive"], linewidth=3, label="network output")
            ax.axhline(0, color=theme["muted"], linewidth=0.8)
            ax.set(title=title, xlabel="input x", xlim=(-2.5, 2.5), ylim=(-4.2, 3.7))
        axes[0].set_ylabel("value")
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=4)
    return figure


FIGURES = {
    "tiny-network-diagram": tiny_network_diagram,
    "feed-forward-student-network": feed_forward_student_network,
    "mlp-xor-regions": mlp_xor_regions,
    "linear-stack-collapse": linear_stack_collapse,
}
