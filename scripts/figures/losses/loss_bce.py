"""Binary cross-entropy against the predicted probability of "yes", when the truth is yes and when it is no.

Numbers: ``site_src.losses``; the "90% yes" marked: ``site_src.examples.cross_entropy``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import subplots, themed
from site_src import losses
from site_src.examples.cross_entropy import SURE


def draw(theme, layout="wide"):
    """One curve per truth (yes, no), with the loss of saying "90% yes" marked on each."""
    p = np.linspace(0.002, 0.998, 499)
    truth_yes = [losses.binary_cross_entropy([1.0], [q]) for q in p]
    truth_no = [losses.binary_cross_entropy([0.0], [q]) for q in p]
    right = losses.binary_cross_entropy([1.0], [SURE])
    wrong = losses.binary_cross_entropy([0.0], [SURE])
    with themed(theme):
        figure, (ax,) = subplots(layout, aspect=(0.42, 0.8), extra=(0.9, 1.3))
        ax.axvline(SURE, color=theme["muted"], linewidth=1.2, linestyle=":", label=f"the model says {SURE:.0%} yes")
        ax.plot(p, truth_yes, color=theme["positive"], linewidth=2.4, label="the truth is yes (y = 1): −log p")
        ax.plot(p, truth_no, color=theme["negative"], linewidth=2.4, linestyle="--",
                label="the truth is no (y = 0): −log(1 − p)")
        ax.plot([SURE], [right], "o", color=theme["positive"], markersize=7, zorder=3)
        ax.plot([SURE], [wrong], "s", color=theme["negative"], markersize=7, zorder=3)
        # Each loss is written where no curve passes: "wrong" up and left of its point (above the
        # rising curve), "right" in the wedge between the two curves, its arrow staying in the wedge.
        ax.annotate(f"loss {fmt(wrong, 3)}", xy=(SURE, wrong), xytext=(-8, 10), textcoords="offset points",
                    ha="right", va="bottom", color=theme["text"], fontsize=10)
        between = " " if layout == "wide" else "\n"  # the wedge is narrow on a phone
        ax.annotate(f"loss{between}{fmt(right, 3)}", xy=(SURE, right), xytext=(0.78, 0.8), ha="center", va="center",
                    color=theme["text"], fontsize=10, arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        ax.set(xlim=(0, 1), ylim=(0, 5), xlabel="p, the predicted probability of yes", ylabel="loss")
        ax.set_title("Binary cross-entropy for one example", fontsize=11)
        figure.legend(loc="outside upper center", fontsize=10)
    return figure
