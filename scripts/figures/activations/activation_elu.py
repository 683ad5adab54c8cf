"""ELU beside its slope: it sinks towards −alpha, and its slope alpha·e^x fades for very negative x.

Numbers: ``site_src.activations``; the inputs, alpha and the point marked: ``site_src.examples.activations``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import RAMP_YLIM, function_and_slope_axes, themed
from site_src import activations as act
from site_src.examples.activations import ELU_ALPHA, ELU_FADED, X_RANGE


def draw(theme):
    """Left: ELU with ReLU for comparison. Right: its slope, 1 above 0 and αeˣ below."""
    X = np.linspace(*X_RANGE, 1001)
    alpha = ELU_ALPHA
    with themed(theme):
        figure, left, right = function_and_slope_axes(X_RANGE)
        left.axhline(-alpha, color=theme["muted"], linestyle=":", linewidth=1.4)
        left.annotate(f"sinks towards −α = {fmt(-alpha, 1, trim=True)}, never reaches it", (-4.9, -alpha),
                      xytext=(0, -12), textcoords="offset points", color=theme["text"], fontsize=10, va="center")
        left.plot(X, act.relu(X), color=theme["muted"], linewidth=1.6, linestyle="--", label="ReLU, for comparison")
        left.plot(X, act.elu(X, alpha=alpha), color=theme["positive"], linewidth=2.5,
                  label=f"ELU (α = {fmt(alpha, 1, trim=True)})")
        left.set(ylim=RAMP_YLIM, title="ELU: x above 0, α(eˣ − 1) below")
        left.legend(loc="upper left", fontsize=9)
        right.plot(X, act.elu_grad(X, alpha=alpha), color=theme["gradient"], linewidth=2.5)
        right.set(title="its slope: 1 above 0, αeˣ below")
        right.annotate(f"at x = {fmt(ELU_FADED, 1, trim=True)} the slope is\n"
                       f"only {fmt(act.elu_grad(ELU_FADED), 3, trim=True)}: it fades",
                       (ELU_FADED, float(act.elu_grad(ELU_FADED))), xytext=(-4.8, 0.5), color=theme["text"],
                       fontsize=10, arrowprops={"arrowstyle": "->", "color": theme["muted"]})
    return figure
