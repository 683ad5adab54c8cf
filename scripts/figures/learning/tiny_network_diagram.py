"""The 2-2-1 network: weights on the edges, biases, the input and every forward value.

Numbers: ``site_src.examples.tiny_network`` (the network, its example and ``forward_steps``).
"""

from scripts.style.numbers import fmt
from scripts.style.plotting import edge, new_figure, node, on_edge, themed
from site_src.examples.tiny_network import forward_steps, tiny_network

# Where everything sits: left to right on a desktop, top to bottom on a phone.
PLANS = {
    "wide": {"inputs": [(0.0, 1.25), (0.0, -1.25)], "hidden": [(3.2, 1.25), (3.2, -1.25)], "output": (6.4, 0.0),
             "xlim": (-1.2, 7.8), "ylim": (-2.85, 3.45), "height": 4.75, "radii": (0.5, 0.72), "size": 11},
    "narrow": {"inputs": [(-1.3, 0.0), (1.3, 0.0)], "hidden": [(-1.3, -3.3), (1.3, -3.3)], "output": (0.0, -6.6),
               "xlim": (-3.5, 3.5), "ylim": (-9.1, 0.75), "height": 5.3, "radii": (0.62, 0.85), "size": 10},
}


def _labels(ax, theme, layout, plan, b1, b2):
    """Biases beside their neurons, the layer names, and the key to z and a."""
    size, (_, r_hid) = plan["size"], plan["radii"]
    output = plan["output"]
    if layout == "wide":
        for j, h in enumerate(plan["hidden"]):
            dy = 1 if h[1] > 0 else -1
            ax.text(h[0], h[1] + dy * (r_hid + 0.28), f"bias b = {fmt(b1[j], 3, trim=True)}", ha="center",
                    va="center", fontsize=10.5, color=theme["text"])
        for x_pos, title in ((0.0, "inputs"), (3.2, "hidden layer\n(sigmoid)"), (6.4, "output layer\n(sigmoid)")):
            ax.text(x_pos, 3.4, title, ha="center", va="top", fontsize=11.5, color=theme["muted"])
        ax.text(3.2, -2.8, "z = weighted sum + bias,   a = σ(z)   (3 decimals)", ha="center", va="bottom",
                fontsize=10.5, color=theme["muted"])
    else:
        for j, h in enumerate(plan["hidden"]):  # outside the pair, where no edge passes
            side = -1 if h[0] < 0 else 1
            ax.text(h[0] + side * (r_hid + 0.1), h[1], f"bias\nb = {fmt(b1[j], 3, trim=True)}",
                    ha="right" if side < 0 else "left", va="center", fontsize=size, color=theme["text"])
        ax.text(0.0, -8.45, "inputs on top, then the hidden layer,\nthen the output layer (both sigmoid);\n"
                "z = weighted sum + bias, a = σ(z)", ha="center", va="center", fontsize=size, color=theme["muted"])
    ax.text(output[0], output[1] - r_hid - 0.28, f"bias b = {fmt(b2[0], 3, trim=True)}", ha="center", va="center",
            fontsize=min(size, 10.5), color=theme["text"])


def draw(theme, layout="wide"):
    """The 2-2-1 network: weights on the edges, biases, the input and every forward value."""
    net, x, _ = tiny_network()
    steps = forward_steps(net, x)
    W1, W2 = net.weights
    b1, b2 = net.biases
    plan = PLANS[layout]
    inputs, hidden, output = plan["inputs"], plan["hidden"], plan["output"]
    r_in, r_hid = plan["radii"]
    size = plan["size"]

    with themed(theme):
        figure = new_figure(layout, plan["height"])
        ax = figure.add_subplot()
        ax.set_axis_off()
        ax.set(xlim=plan["xlim"], ylim=plan["ylim"], aspect="equal")

        # weights: blue for positive, orange for negative, thicker for bigger; the number says it too
        # where each weight is written: apart from the others, also where the two crossing edges meet
        fractions = {(0, 0): 0.5, (1, 1): 0.5, (0, 1): 0.28, (1, 0): 0.28 if layout == "wide" else 0.62}
        for j, h in enumerate(hidden):
            for i, xi in enumerate(inputs):
                w = W1[j, i]
                color = "positive" if w >= 0 else "negative"
                edge(ax, theme, xi, h, r_in, r_hid, width=1.2 + 3 * abs(w), color=color)
                on_edge(ax, theme, xi, h, fractions[(i, j)], f"w = {fmt(w, 3, trim=True)}", color, size=size)
        for j, h in enumerate(hidden):
            w = W2[0, j]
            color = "positive" if w >= 0 else "negative"
            edge(ax, theme, h, output, r_hid, r_hid, width=1.2 + 3 * abs(w), color=color)
            on_edge(ax, theme, h, output, 0.5 if layout == "wide" else 0.4, f"w = {fmt(w, 3, trim=True)}", color,
                    size=size)

        for i, xi in enumerate(inputs):
            node(ax, theme, xi, r_in, f"x{'₁₂'[i]} = {fmt(x[0, i], 3, trim=True)}", size=size + 0.5)
        for j, h in enumerate(hidden):
            node(ax, theme, h, r_hid, f"z = {fmt(steps['z1'][0, j], 3)}\na = {fmt(steps['a1'][0, j], 3)}", size=size)
        text = f"z = {fmt(steps['z2'][0, 0], 3)}\nŷ = {fmt(steps['y_hat'][0, 0], 3)}"
        node(ax, theme, output, r_hid, text, size=size, edge="positive")
        _labels(ax, theme, layout, plan, b1, b2)
    return figure
