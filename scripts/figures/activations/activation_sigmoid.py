"""The sigmoid beside its slope, with sigmoid(0) = 0.5 and the biggest slope 0.25.

Numbers: ``site_src.activations``; the inputs shown: ``site_src.examples.activations``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import SQUASH_YLIM, function_and_slope_axes, labelled_point, themed
from site_src import activations as act
from site_src.examples.activations import X_RANGE


def draw(theme, layout="wide"):
    """Left: σ(x), between 0 and 1. Right: its slope σ(x)(1 − σ(x)), at most 0.25."""
    X = np.linspace(*X_RANGE, 1001)
    s, ds = act.sigmoid(X), act.sigmoid_grad(X)
    with themed(theme):
        figure, left, right = function_and_slope_axes(X_RANGE, layout)
        for level in (0.0, 1.0):
            left.axhline(level, color=theme["muted"], linestyle=":", linewidth=1.2)
        left.plot(X, s, color=theme["positive"], linewidth=2.5)
        left.set(ylim=SQUASH_YLIM, title="sigmoid σ(x): between 0 and 1")
        labelled_point(left, theme, 0.0, float(act.sigmoid(0.0)), f"σ(0) = {fmt(act.sigmoid(0.0), 2, trim=True)}",
                       "positive")
        right.plot(X, ds, color=theme["gradient"], linewidth=2.5)
        right.set(title="its slope σ′(x) = σ(x)·(1 − σ(x))")
        labelled_point(right, theme, 0.0, float(act.sigmoid_grad(0.0)),
                       f"biggest slope {fmt(act.sigmoid_grad(0.0), 2, trim=True)}, at x = 0", "gradient",
                       offset=(10, 10))
        right.annotate("nearly flat out here:\nslope close to 0", (-4.2, float(act.sigmoid_grad(-4.2))),
                       xytext=(-4.8, 0.62), color=theme["text"], fontsize=10,
                       arrowprops={"arrowstyle": "->", "color": theme["muted"]})
    return figure
