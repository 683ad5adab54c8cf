"""softmax(scores / T) as bars for a few temperatures T, each bar labelled with its probability.

Numbers: ``site_src.activations.softmax``; the scores and temperatures: ``site_src.examples.softmax``.
"""

import matplotlib.pyplot as plt

from scripts.style.numbers import fmt
from scripts.style.plotting import themed
from site_src import activations as act
from site_src.examples.softmax import SCORES, TEMPERATURES


def draw(theme):
    """One bar chart per temperature, with the flattest possible answer (equal shares) dotted."""
    labels = [f"score {fmt(s, 1, trim=True)}" for s in SCORES]
    with themed(theme):
        figure, axes = plt.subplots(2, 2, figsize=(8.4, 6.0), constrained_layout=True, sharey=True)
        axes = axes.ravel()
        for ax, temperature in zip(axes, TEMPERATURES):
            p = act.softmax(SCORES / temperature)
            # the flattest possible answer: every class gets an equal share
            ax.axhline(1 / len(SCORES), color=theme["muted"], linestyle=":", linewidth=1.4,
                       label="equal shares (1/3 each)")
            bars = ax.bar(labels, p, color=theme["positive"], width=0.65)
            texts = ax.bar_label(bars, labels=[fmt(v, 3) for v in p], padding=3, color=theme["text"], fontsize=10)
            for text in texts:  # keep the numbers readable where the dotted line passes behind them
                text.set_bbox({"facecolor": theme["background"], "edgecolor": "none", "pad": 0.5})
            note = {0.5: "sharper", 1.0: "plain softmax", 5.0: "flatter"}.get(temperature)
            ax.set_title(f"T = {fmt(temperature, 1, trim=True)}" + (f" ({note})" if note else ""))
            ax.set_ylim(0, 1.08)
            ax.grid(axis="x", visible=False)
        for ax in (axes[0], axes[2]):
            ax.set_ylabel("probability")
        axes[-1].legend(loc="upper right", fontsize=9)
    return figure
