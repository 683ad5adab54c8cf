"""How big Adagrad's, RMSprop's and Adadelta's steps are, step after step, on a steady slope and on one that drops.

Numbers: ``site_src.examples.adaptive`` (the optimizers and their settings, the slopes, ``all_lengths``).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.adaptive import LOUD, LOUD_STEPS, QUIET, all_lengths, learning_rate, loud_then_quiet, steady

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone
LOOKS = {  # plain series: told apart by line style, marker and label
    "Adagrad": ("text", "-", "o"),
    "RMSprop": ("muted", "--", "s"),
    "Adadelta": ("text", ":", "^"),
}


def panel(ax, theme, gradients, title):
    steps = np.arange(1, len(gradients) + 1)
    for name, lengths in all_lengths(gradients).items():
        colour, style, marker = LOOKS[name]
        ax.plot(steps, lengths / learning_rate(name), style, color=theme[colour], linewidth=2, marker=marker,
                markersize=5, markevery=0.1, label=f"{name}")
    ax.set_yscale("log")
    ax.set(xlabel="step", ylabel="step ÷ learning rate (log scale)", ylim=(1e-5, 30))
    ax.set_title(title, fontsize=10.5)


def draw(theme, layout="wide"):
    """Left (top on a phone): a slope of 1 at every step. Right (below): a slope of 10, then 0.1."""
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, (left, right) = plt.subplots(1, 2, figsize=(WIDE, 3.9), sharey=True, constrained_layout=True)
        else:
            figure, (left, right) = plt.subplots(2, 1, figsize=(NARROW, 7.2), constrained_layout=True)
        panel(left, theme, steady(), "a steady slope of 1")
        panel(right, theme, loud_then_quiet(), f"slope {LOUD:g}, then {QUIET:g} from step {LOUD_STEPS + 1}")
        right.axvline(LOUD_STEPS + 0.5, color=theme["muted"], linewidth=1, linestyle="-.")
        if wide:
            right.set_ylabel("")
        left.legend(loc="lower left", fontsize=10)
    return figure
