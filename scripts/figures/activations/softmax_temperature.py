"""softmax(scores / T) as bars for a few temperatures T, each bar labelled with its probability.

Numbers: ``site_src.activations.softmax``; the scores and temperatures: ``site_src.examples.softmax``.
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import subplots, themed
from site_src import activations as act
from site_src.examples.softmax import SCORES, TEMPERATURES


def draw(theme, layout="wide"):
    """One bar chart per temperature, with the flattest possible answer (equal shares) dotted."""
    positions = np.arange(len(SCORES))
    with themed(theme):
        figure, axes = subplots(layout, len(TEMPERATURES), columns=2, aspect=(0.6, 1.0), extra=0.45,
                                sharey=True)
        for ax, temperature in zip(axes, TEMPERATURES):
            p = act.softmax(SCORES / temperature)
            ax.set_axisbelow(True)  # the grid behind the bars, not across them
            # the flattest possible answer: every class gets an equal share
            ax.axhline(1 / len(SCORES), color=theme["muted"], linestyle=":", linewidth=1.4,
                       label=f"equal shares (1/{len(SCORES)} each)")
            bars = ax.bar(positions, p, color=theme["positive"], width=0.65)
            texts = ax.bar_label(bars, labels=[fmt(v, 3) for v in p], padding=3, color=theme["text"], fontsize=10)
            for text in texts:  # keep the numbers readable where the dotted line passes behind them
                text.set_bbox({"facecolor": theme["background"], "edgecolor": "none", "pad": 0.5})
            note = {0.5: "sharper", 1.0: "plain softmax", 5.0: "flatter"}.get(temperature)
            between = " " if layout == "wide" else "\n"  # on a phone the note goes under T
            ax.set_title(f"T = {fmt(temperature, 1, trim=True)}" + (f"{between}({note})" if note else ""), fontsize=11)
            ax.set_xticks(positions, [fmt(s, 1, trim=True) for s in SCORES])
            ax.set_ylim(0, 1.08)
            ax.grid(axis="x", visible=False)
        for ax in axes[::2]:
            ax.set_ylabel("probability")
        for ax in axes[-2:]:
            ax.set_xlabel("score")
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", fontsize=10)
    return figure
