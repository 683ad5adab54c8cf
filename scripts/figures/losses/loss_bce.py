"""Binary cross-entropy against the predicted probability of "yes", when the truth is yes and when it is no.

Numbers: ``site_src.losses``; the "90% yes" marked: ``site_src.examples.cross_entropy``.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import themed
from site_src import losses
from site_src.examples.cross_entropy import SURE


def draw(theme):
    """One curve per truth (yes, no), with the loss of saying "90% yes" marked on each."""
    p = np.linspace(0.002, 0.998, 499)
    truth_yes = [losses.binary_cross_entropy([1.0], [q]) for q in p]
    truth_no = [losses.binary_cross_entropy([0.0], [q]) for q in p]
    right = losses.binary_cross_entropy([1.0], [SURE])
    wrong = losses.binary_cross_entropy([0.0], [SURE])
    with themed(theme):
        figure, ax = plt.subplots(figsize=(6.8, 4.2), constrained_layout=True)
        ax.plot(p, truth_yes, color=theme["positive"], linewidth=2.4, label="the truth is yes (y = 1): −log p")
        ax.plot(p, truth_no, color=theme["negative"], linewidth=2.4, linestyle="--",
                label="the truth is no (y = 0): −log(1 − p)")
        ax.plot([SURE], [right], "o", color=theme["positive"], markersize=7, zorder=3)
        ax.plot([SURE], [wrong], "s", color=theme["negative"], markersize=7, zorder=3)
        ax.annotate(f"says {SURE:.0%} yes, and it is yes:\nloss {fmt(right, 3)}", xy=(SURE, right), xytext=(0.42, 2.05),
                    ha="center", color=theme["text"], fontsize=10,
                    arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        ax.annotate(f"says {SURE:.0%} yes, but it is no:\nloss {fmt(wrong, 3)}", xy=(SURE, wrong), xytext=(0.6, 3.3),
                    ha="center", color=theme["text"], fontsize=10,
                    arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        ax.set(xlim=(0, 1), ylim=(0, 5), xlabel="p, the predicted probability of yes", ylabel="loss",
               title="Binary cross-entropy for one example")
        ax.legend(loc="upper center")
    return figure
