"""ReLU and leaky ReLU beside their slopes, with PyTorch's slope 0 at the corner x = 0.

Numbers: ``site_src.activations``; the inputs and the leaky slope drawn: ``site_src.examples.activations``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import RAMP_YLIM, function_and_slope_axes, opaque, themed
from site_src import activations as act
from site_src.examples.activations import LEAKY_SHOWN, X_RANGE


def draw(theme, layout="wide"):
    """Left: ReLU and leaky ReLU. Right: their slopes, each side of the jump at 0 drawn on its own."""
    X = np.linspace(*X_RANGE, 1001)
    negative, positive = X[X <= 0], X[X > 0]
    leaky_label = f"leaky ReLU\n(slope {fmt(LEAKY_SHOWN, 2, trim=True)} shown;\nPyTorch default is 0.01)"
    with themed(theme):
        figure, left, right = function_and_slope_axes(X_RANGE, layout)
        left.plot(X, act.leaky_relu(X, negative_slope=LEAKY_SHOWN), color=theme["positive"], linewidth=1.8,
                  linestyle="--", label=leaky_label)
        left.plot(X, act.relu(X), color=theme["positive"], linewidth=2.5, label="ReLU = max(0, x)")
        left.set(ylim=RAMP_YLIM, title="ReLU and leaky ReLU")
        left.legend(loc="upper left", fontsize=10)
        # The slope has a jump at 0: draw each side on its own so no fake vertical line appears.
        for part in (negative, positive):
            right.plot(part, act.leaky_relu_grad(part, negative_slope=LEAKY_SHOWN), color=theme["gradient"],
                       linewidth=1.8, linestyle="--", label="leaky ReLU's slope" if part is negative else None)
            right.plot(part, act.relu_grad(part), color=theme["gradient"], linewidth=2.5,
                       label="ReLU's slope" if part is negative else None)
        right.plot([0.0], [1.0], "o", markersize=7, color=theme["gradient"], markerfacecolor=theme["background"],
                   markeredgewidth=1.8, zorder=5)
        right.plot([0.0], [float(act.relu_grad(0.0))], "o", markersize=7, color=theme["gradient"], zorder=5)
        right.annotate(f"at exactly x = 0,\nPyTorch uses\nReLU slope {fmt(act.relu_grad(0.0), 2, trim=True)}",
                       (0.0, float(act.relu_grad(0.0))), xytext=(-0.6, 0.2), ha="right", color=theme["text"],
                       fontsize=10, arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        right.set(title="their slopes")
        # above the note, on a background of its own: the line x = 0 passes behind it
        right.legend(loc="center right", bbox_to_anchor=(1.0, 0.66), fontsize=10, **opaque(theme))
    return figure
