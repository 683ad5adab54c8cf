"""Weight decay in Adam (L2 added to the gradient) and in AdamW (decoupled): a quiet weight and a busy one.

Numbers: ``site_src.examples.adam`` (``decay_paths`` and its settings).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import themed
from site_src.examples.adam import DECAY, DECAY_LR, DECAY_STEPS, decay_paths

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone
TITLES = {"Adam": "Adam, weight_decay = {λ:g}\n(L2 added to the gradient)",
          "AdamW": "AdamW, weight_decay = {λ:g}\n(decoupled)"}
LOOKS = {0: ("quiet weight (no gradient)", "text", "-", "o"), 1: ("busy weight (gradient ±10)", "muted", "--", "s")}


def draw(theme, layout="wide"):
    """Left (top on a phone): the two weights under Adam + L2. Right (below): under AdamW."""
    wide = layout == "wide"
    paths = decay_paths()
    steps = np.arange(DECAY_STEPS + 1)
    with themed(theme):
        if wide:
            figure, axes = plt.subplots(1, 2, figsize=(WIDE, 3.8), sharey=True, constrained_layout=True)
        else:
            figure, axes = plt.subplots(2, 1, figsize=(NARROW, 6.6), constrained_layout=True)
        for ax, (name, points) in zip(axes, paths.items()):
            for k, (label, colour, style, marker) in LOOKS.items():
                ax.plot(steps, points[:, k], style, color=theme[colour], linewidth=2, marker=marker, markersize=5,
                        markevery=10, label=label)
                ax.annotate(fmt(points[-1, k], 2), (steps[-1], points[-1, k]), xytext=(6, 7 if k == 0 else -7),
                            textcoords="offset points", va="center", fontsize=10, color=theme["text"])
            ax.set(xlim=(0, DECAY_STEPS + 14), ylim=(0, 1.08), xlabel=f"step (η = {DECAY_LR:g})", ylabel="weight")
            ax.set_title(TITLES[name].format(λ=DECAY), fontsize=10.5)
        if wide:
            axes[1].set_ylabel("")
        axes[0].legend(loc="lower left", fontsize=10)
    return figure
