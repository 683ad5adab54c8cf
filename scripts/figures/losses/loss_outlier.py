"""MSE and MAE of the four melons, before and after one guess is off by 10 kg.

Numbers: ``site_src.losses``; the melons: ``site_src.examples.melons``.
"""

import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import subplots, themed
from site_src import losses
from site_src.examples.melons import MELONS_GUESS, MELONS_TRUE, OUTLIER_GUESS


def draw(theme, layout="wide"):
    """MSE and MAE of the four melons, before and after one guess is off by 10."""
    before = [losses.mse(MELONS_TRUE, MELONS_GUESS), losses.mae(MELONS_TRUE, MELONS_GUESS)]
    after = [losses.mse(MELONS_TRUE, OUTLIER_GUESS), losses.mae(MELONS_TRUE, OUTLIER_GUESS)]
    worst = max(abs(np.asarray(OUTLIER_GUESS, float) - np.asarray(MELONS_TRUE, float)))
    usual = max(abs(np.asarray(MELONS_GUESS, float) - np.asarray(MELONS_TRUE, float)))
    x = np.arange(2)
    width = 0.36
    colour_before, colour_after = series(theme)[2], series(theme)[1]  # plain series: neutral colours
    names = (["mean squared error (MSE)", "mean absolute error (MAE)"] if layout == "wide"
             else ["MSE (squared)", "MAE (absolute)"])
    with themed(theme):
        figure, (ax,) = subplots(layout, aspect=(0.45, 0.95), extra=(0.55, 0.75))
        ax.set_axisbelow(True)  # the grid behind the bars, not across them
        bars_before = ax.bar(x - width / 2, before, width, color=colour_before,
                             label=f"every guess off by {usual:g} kg or less")
        bars_after = ax.bar(x + width / 2, after, width, color=colour_after, hatch="//",
                            edgecolor=theme["background"], label=f"the same, but one guess off by {worst:g} kg")
        for bars in (bars_before, bars_after):
            for bar in bars:
                value = bar.get_height()
                ax.annotate(f"{value:g}", xy=(bar.get_x() + bar.get_width() / 2, value), xytext=(0, 3),
                            textcoords="offset points", ha="center", va="bottom", color=theme["text"], fontsize=10)
        for i in range(2):
            ax.annotate(f"{after[i] / before[i]:g} times\nbigger", xy=(x[i] + width / 2, after[i]),
                        xytext=(0, 18), textcoords="offset points", ha="center", va="bottom",
                        color=theme["text"], fontsize=10.5, fontweight="bold")
        ax.set_xticks(x, names)
        ax.set(ylim=(0, 34), ylabel="loss over the four melons")
        ax.set_title("One bad guess among four melons", fontsize=11)
        ax.grid(axis="x", visible=False)
        figure.legend(loc="outside lower center", ncols=1, fontsize=10)
    return figure
