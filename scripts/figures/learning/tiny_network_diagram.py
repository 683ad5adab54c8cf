"""The 2-2-1 network: weights on the edges, biases, the input and every forward value.

Numbers: ``site_src.examples.tiny_network`` (the network, its example and ``forward_steps``).
"""

import matplotlib.pyplot as plt

from scripts.style.numbers import fmt
from scripts.style.plotting import edge, node, on_edge, themed
from site_src.examples.tiny_network import forward_steps, tiny_network


def draw(theme):
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
                edge(ax, theme, xi, h, r_in, r_hid, width=1.2 + 3 * abs(w), color=color)
                label_at = fractions[(i, j)]
                on_edge(ax, theme, xi, h, label_at, f"w = {fmt(w, 3, trim=True)}", color)
        for j, h in enumerate(hidden):
            w = W2[0, j]
            color = "positive" if w >= 0 else "negative"
            edge(ax, theme, h, output, r_hid, r_hid, width=1.2 + 3 * abs(w), color=color)
            on_edge(ax, theme, h, output, 0.5, f"w = {fmt(w, 3, trim=True)}", color)

        for i, xi in enumerate(inputs):
            node(ax, theme, xi, r_in, f"x{'₁₂'[i]} = {fmt(x[0, i], 3, trim=True)}", size=11.5)
        for j, h in enumerate(hidden):
            text = f"z = {fmt(steps['z1'][0, j], 3)}\na = {fmt(steps['a1'][0, j], 3)}"
            node(ax, theme, h, r_hid, text, size=11)
            dy = 1 if h[1] > 0 else -1
            ax.text(h[0], h[1] + dy * (r_hid + 0.28), f"bias b = {fmt(b1[j], 3, trim=True)}", ha="center", va="center",
                    fontsize=10.5, color=theme["text"])
        text = f"z = {fmt(steps['z2'][0, 0], 3)}\nŷ = {fmt(steps['y_hat'][0, 0], 3)}"
        node(ax, theme, output, r_hid, text, size=11, edge="positive")
        ax.text(output[0], output[1] - r_hid - 0.28, f"bias b = {fmt(b2[0], 3, trim=True)}", ha="center", va="center",
                fontsize=10.5, color=theme["text"])

        for x_pos, title in ((0.0, "inputs"), (3.2, "hidden layer\n(sigmoid)"), (6.4, "output layer\n(sigmoid)")):
            ax.text(x_pos, 3.4, title, ha="center", va="top", fontsize=11.5, color=theme["muted"])
        ax.text(3.2, -2.8, "z = weighted sum + bias,   a = σ(z)   (3 decimals)", ha="center", va="bottom",
                fontsize=10.5, color=theme["muted"])
        figure.tight_layout(pad=0.2)
    return figure
