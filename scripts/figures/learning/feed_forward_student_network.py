"""The 3-4-1 pass/fail network of the MLP chapter: layers, connections, one-way flow.

Numbers: the layer sizes of ``site_src.examples.students``; the input names of
``site_src.datasets.STUDENT_FEATURES``.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch

from scripts.style.plotting import edge, node, themed
from site_src.datasets import STUDENT_FEATURES
from site_src.examples.students import LAYERS


def draw(theme):
    """The 3-4-1 pass/fail network of the MLP chapter: layers, connections, one-way flow."""
    sizes = LAYERS
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
                    edge(ax, theme, (xs[layer], y0), (xs[layer + 1], y1), r, r, width=1.1)
        for i, y0 in enumerate(ys[0]):
            node(ax, theme, (xs[0], y0), r, f"x{'₁₂₃'[i]}", size=12)
            ax.text(xs[0] - r - 0.15, y0, STUDENT_FEATURES[i], ha="right", va="center", fontsize=11,
                    color=theme["text"])
        for j, y1 in enumerate(ys[1]):
            node(ax, theme, (xs[1], y1), r, f"h{'₁₂₃₄'[j]}", size=12, edge="positive")
        node(ax, theme, (xs[2], 0.0), r, "ŷ", size=13, edge="positive")
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
