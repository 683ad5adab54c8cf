"""The 3-4-1 pass/fail network of the MLP chapter: layers, connections, one-way flow.

Numbers: the layer sizes of ``site_src.examples.students``; the input names of
``site_src.datasets.STUDENT_FEATURES``.
"""

import numpy as np
from matplotlib.patches import FancyArrowPatch

from scripts.style.plotting import edge, new_figure, node, themed
from site_src.datasets import STUDENT_FEATURES
from site_src.examples.students import LAYERS

# Sizes and places, in data units, for a desktop (wide) and a phone (narrow): left to right in both.
PLANS = {
    "wide": {"xs": [0.0, 3.0, 6.0], "spread": (1.6, 2.4), "r": 0.42, "xlim": (-2.6, 8.4), "ylim": (-3.6, 3.5),
             "height": 4.6, "size": 11, "names": STUDENT_FEATURES},
    "narrow": {"xs": [0.0, 2.2, 4.4], "spread": (1.5, 2.25), "r": 0.36, "xlim": (-2.15, 5.85), "ylim": (-3.6, 3.55),
               "height": 3.7, "size": 10, "names": [name.replace(" ", "\n", 1) for name in STUDENT_FEATURES]},
}


def draw(theme, layout="wide"):
    """The 3-4-1 pass/fail network of the MLP chapter: layers, connections, one-way flow."""
    sizes = LAYERS
    plan = PLANS[layout]
    xs, r, size = plan["xs"], plan["r"], plan["size"]
    inputs, hidden = plan["spread"]
    ys = [np.linspace(inputs, -inputs, sizes[0]), np.linspace(hidden, -hidden, sizes[1]), np.array([0.0])]
    with themed(theme):
        figure = new_figure(layout, plan["height"])
        ax = figure.add_subplot()
        ax.set_axis_off()
        ax.set(xlim=plan["xlim"], ylim=plan["ylim"], aspect="equal")
        for layer in range(len(sizes) - 1):
            for y0 in ys[layer]:
                for y1 in ys[layer + 1]:
                    edge(ax, theme, (xs[layer], y0), (xs[layer + 1], y1), r, r, width=1.1)
        for i, y0 in enumerate(ys[0]):
            node(ax, theme, (xs[0], y0), r, f"x{'₁₂₃'[i]}", size=size + 1)
            ax.text(xs[0] - r - 0.12, y0, plan["names"][i], ha="right", va="center", fontsize=size,
                    color=theme["text"])
        for j, y1 in enumerate(ys[1]):
            node(ax, theme, (xs[1], y1), r, f"h{'₁₂₃₄'[j]}", size=size + 1, edge="positive")
        node(ax, theme, (xs[2], 0.0), r, "ŷ", size=size + 2, edge="positive")
        ax.text(xs[2] + r + 0.12, 0.0, "pass?\n(0 to 1)", ha="left", va="center", fontsize=size, color=theme["text"])
        layer = " layer" if layout == "wide" else ""  # on a phone the columns are too close for it
        titles = [f"input{layer}\n{sizes[0]} numbers", f"hidden{layer}\n{sizes[1]} neurons",
                  f"output{layer}\n{sizes[2]} neuron"]
        for x_pos, title in zip(xs, titles):
            ax.text(x_pos, plan["ylim"][1] - 0.05, title, ha="center", va="top", fontsize=size + 0.5,
                    color=theme["muted"])
        ax.add_patch(FancyArrowPatch((xs[0], -3.3), (xs[2], -3.3), arrowstyle="-|>", mutation_scale=18,
                                     linewidth=2, color=theme["text"]))
        ax.text(xs[1], -3.2, "information flows one way: forward", ha="center", va="bottom", fontsize=size,
                color=theme["text"], bbox={"boxstyle": "round,pad=0.2", "facecolor": theme["background"],
                                           "edgecolor": "none"})
    return figure
