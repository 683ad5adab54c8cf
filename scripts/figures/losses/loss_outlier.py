"""MSE and MAE of the four melons, before and after one guess is off by 10 kg.

Numbers: ``site_src.losses``; the melons: ``site_src.examples.melons``.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src import losses
from site_src.examples.melons import MELONS_GUESS, MELONS_TRUE, OUTLIER_GUESS


def draw(theme):
    """MSE and MAE of the four melons, before and after one guess is off by 10."""
    before = [losses.mse(MELONS_TRUE, MELONS_GUESS), losses.mae(MELONS_TRUE, MELONS_GUESS)]
    after = [losses.mse(MELONS_TRUE, OUTLIER_GUESS), losses.mae(MELONS_TRUE, OUTLIER_GUESS)]
    x = np.arange(2)
    width = 0.36
    with themed(theme):
        figure, ax = plt.subplots(figsize=(6.4, 3.9), constrained_layout=True)
        bars_before = ax.bar(x - width / 2, before, width, color=theme["positive"],
                             label="every guess off by 1 kg or less")
        bars_after = ax.bar(x + width / 2, after, width, color=theme["negative"], hatch="//",
                            edgecolor=theme["background"], label="the same, but one guess off by 10 kg")
        for bars in (bars_before, bars_after):
            for bar in bars:
                value = bar.get_height()
                ax.annotate(f"{value:g}", xy=(bar.get_x() + bar.get_width() / 2, value), xytext=(0, 3),
                            textcoords="offset points", ha="center", va="bottom", color=theme["text"])
        for i in range(2):
            ax.annotate(f"{after[i] / before[i]:g} times bigger", xy=(x[i] + width / 2, after[i]),
                        xytext=(0, 20), textcoords="offset points", ha="center", va="bottom",
                        color=theme["gradient"], fontsize=11, fontweight="bold")
        ax.set_xticks(x, ["mean squared error (MSE)", "mean absolute error (MAE)"])
        ax.set(ylim=(0, 31), ylabel="loss over the four melons", title="One bad guess among four melons")
        ax.grid(axis="x", visible=False)
        figure.legend(loc="outside lower center", ncols=1)
    return figure
