"""ELU beside its slope: it sinks towards −alpha, and its slope alpha·e^x fades for very negative x.

Numbers: ``site_src.activations``; the inputs, alpha and the point marked: ``site_src.examples.activations``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import RAMP_YLIM, function_and_slope_axes, themed
from site_src import activations as act
from site_src.examples.activations import ELU_ALPHA, ELU_FADED, X_RANGE


def draw(theme, layout="wide"):
    """Left: ELU with ReLU for comparison. Right: its slope, 1 above 0 and αeˣ below."""
    X = np.linspace(*X_RANGE, 1001)
    alpha = ELU_ALPHA
    with themed(theme):
        figure, left, right = function_and_slope_axes(X_RANGE, layout)
        left.axhline(-alpha, color=theme["muted"], linestyle=":", linewidth=1.4)
        # the note sits under the floor, in room made for it below the usual range
        left.annotate(f"sinks towards −α = {fmt(-alpha, 1, trim=True)},\nnever reaches it", (X_RANGE[0], -alpha),
                      xytext=(4, -4), textcoords="offset points", color=theme["text"], fontsize=10,
                      ha="left", va="top")
        left.plot(X, act.relu(X), color=theme["muted"], linewidth=1.6, linestyle="--", label="ReLU, for comparison")
        left.plot(X, act.elu(X, alpha=alpha), color=theme["positive"], linewidth=2.5,
                  label=f"ELU (α = {fmt(alpha, 1, trim=True)})")
        left.set(ylim=(RAMP_YLIM[0] - 1.1, RAMP_YLIM[1]), title="ELU: x above 0, α(eˣ − 1) below")
        left.legend(loc="upper left", fontsize=10)
        right.plot(X, act.elu_grad(X, alpha=alpha), color=theme["gradient"], linewidth=2.5)
        right.set(title="its slope: 1 above 0, αeˣ below")
        right.annotate(f"at x = {fmt(ELU_FADED, 1, trim=True)} the slope\n"
                       f"is only {fmt(act.elu_grad(ELU_FADED), 3, trim=True)}:\nit fades",
                       (ELU_FADED, float(act.elu_grad(ELU_FADED))), xytext=(-4.8, 0.5), color=theme["text"],
                       fontsize=10, arrowprops={"arrowstyle": "->", "color": theme["muted"]})
    return figure
