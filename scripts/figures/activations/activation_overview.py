"""The five elementwise activations side by side, each with its slope, on the same axes.

Numbers: ``site_src.activations``; the inputs and the leaky slope drawn: ``site_src.examples.activations``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import new_figure, themed
from site_src import activations as act
from site_src.examples.activations import ELU_ALPHA, LEAKY_SHOWN, X_RANGE

# Where the five panels sit: a grid of half-panel columns, so a short last row is centred.
# layout -> (columns of the grid, figure height in inches, [(row, first column)] per panel)
GRIDS = {
    "wide": (6, 5.0, [(0, 0), (0, 2), (0, 4), (1, 1), (1, 3)]),
    "narrow": (4, 6.6, [(0, 0), (0, 2), (1, 0), (1, 2), (2, 1)]),
}


def _panels(layout):
    """The figure and its five panels, each two grid columns wide."""
    columns, height, spots = GRIDS[layout]
    figure = new_figure(layout, height)
    grid = figure.add_gridspec(max(row for row, _ in spots) + 1, columns)
    return figure, [figure.add_subplot(grid[row, first:first + 2]) for row, first in spots]


def draw(theme, layout="wide"):
    """Five panels (function solid, slope dashed), with one key above them all."""
    X = np.linspace(*X_RANGE, 1001)
    leaky = (f"leaky ReLU (slope {fmt(LEAKY_SHOWN, 2, trim=True)} shown;\nPyTorch default 0.01)" if layout == "wide"
             else f"leaky ReLU\nslope {fmt(LEAKY_SHOWN, 2, trim=True)} shown\n(PyTorch: 0.01)")
    panels = [
        ("sigmoid", act.sigmoid, act.sigmoid_grad),
        ("tanh", act.tanh, act.tanh_grad),
        ("ReLU", act.relu, act.relu_grad),
        (leaky, lambda x: act.leaky_relu(x, negative_slope=LEAKY_SHOWN),
         lambda x: act.leaky_relu_grad(x, negative_slope=LEAKY_SHOWN)),
        (f"ELU (α = {fmt(ELU_ALPHA, 1, trim=True)})", lambda x: act.elu(x, alpha=ELU_ALPHA),
         lambda x: act.elu_grad(x, alpha=ELU_ALPHA)),
    ]
    size = 11 if layout == "wide" else 10
    with themed(theme):
        figure, axes = _panels(layout)
        for ax, (title, f, grad) in zip(axes, panels):
            ax.axhline(0, color=theme["muted"], linewidth=0.8)
            ax.axvline(0, color=theme["muted"], linewidth=0.8)
            ax.plot(X, f(X), color=theme["positive"], linewidth=2.4, label="the function")
            # draw the slope in two halves so jumps at 0 stay jumps
            for part in (X[X <= 0], X[X > 0]):
                ax.plot(part, grad(part), color=theme["gradient"], linewidth=2.0, linestyle="--",
                        label="its slope (derivative)" if part[0] < 0 else None)
            ax.set_title(title, fontsize=size)
            ax.set(xlim=X_RANGE, ylim=(-1.5, 3.0), xticks=[-4, -2, 0, 2, 4] if layout == "wide" else [-4, 0, 4],
                   yticks=[-1, 0, 1, 2, 3])
            ax.tick_params(labelsize=size - 0.5)
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside upper center", ncols=2, fontsize=size,
                      title="in every panel, against the input x" if layout == "wide" else "in every panel",
                      title_fontsize=size)
    return figure
