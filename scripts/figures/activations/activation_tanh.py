"""tanh beside its slope, with the sigmoid drawn faintly for comparison.

Numbers: ``site_src.activations``; the inputs shown: ``site_src.examples.activations``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import SQUASH_YLIM, function_and_slope_axes, labelled_point, themed
from site_src import activations as act
from site_src.examples.activations import X_RANGE


def draw(theme, layout="wide"):
    """Left: tanh(x), between −1 and 1. Right: its slope 1 − tanh(x)², at most 1."""
    X = np.linspace(*X_RANGE, 1001)
    t, dt = act.tanh(X), act.tanh_grad(X)
    with themed(theme):
        figure, left, right = function_and_slope_axes(X_RANGE, layout)
        for level in (-1.0, 1.0):
            left.axhline(level, color=theme["muted"], linestyle=":", linewidth=1.2)
        left.plot(X, act.sigmoid(X), color=theme["muted"], linewidth=1.6, linestyle="--", label="sigmoid")
        left.plot(X, t, color=theme["positive"], linewidth=2.5, label="tanh")
        left.set(ylim=SQUASH_YLIM, title="tanh(x): between −1 and 1")
        left.legend(loc="upper left", bbox_to_anchor=(0.0, 0.93), fontsize=10)  # where no curve passes
        labelled_point(left, theme, 0.0, float(act.tanh(0.0)), f"tanh(0) = {fmt(act.tanh(0.0), 2, trim=True)}",
                       "positive", offset=(10, -12))
        right.plot(X, act.sigmoid_grad(X), color=theme["muted"], linewidth=1.6, linestyle="--")
        right.plot(X, dt, color=theme["gradient"], linewidth=2.5)
        right.set(title="its slope 1 − tanh(x)²")
        # each curve named right beside it, in its own colour, where the other curve is not
        right.text(1.1, 0.62, "tanh's slope", color=theme["gradient"], fontsize=10, va="center")
        right.text(1.8, 0.3, "sigmoid's\nslope", color=theme["muted"], fontsize=10, va="center")
        labelled_point(right, theme, 0.0, float(act.tanh_grad(0.0)),
                       f"biggest slope {fmt(act.tanh_grad(0.0), 2, trim=True)},\nat x = 0", "gradient",
                       offset=(10, -6))
    return figure
