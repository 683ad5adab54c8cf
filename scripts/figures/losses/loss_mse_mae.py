"""For one melon of 3 kg: MSE and MAE against the guess (left), and their slopes (right).

Numbers: ``site_src.losses``; the melon: ``site_src.examples.melons``.
"""

import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import opaque, subplots, themed
from site_src import losses
from site_src.examples.melons import ONE_TRUTH


def draw(theme, layout="wide"):
    """For one melon of 3 kg: each loss against the guess (left) and its slope (right)."""
    guesses = np.linspace(0.0, 6.0, 241)
    squared = [losses.mse([ONE_TRUTH], [g]) for g in guesses]
    absolute = [losses.mae([ONE_TRUTH], [g]) for g in guesses]
    mse_slope = [losses.mse_grad([ONE_TRUTH], [g])[0] for g in guesses]
    below, above = guesses < ONE_TRUTH, guesses > ONE_TRUTH
    mae_slope = np.array([losses.mae_grad([ONE_TRUTH], [g])[0] for g in guesses])
    mae_at_truth = losses.mae_grad([ONE_TRUTH], [ONE_TRUTH])[0]
    squared_colour, absolute_colour = series(theme)[:2]  # two plain series: neutral colours
    with themed(theme):
        figure, (left, right) = subplots(layout, 2, aspect=0.8)

        left.plot(guesses, squared, color=squared_colour, linewidth=2.4, label="squared error (MSE)")
        left.plot(guesses, absolute, color=absolute_colour, linewidth=2.4, linestyle="--",
                  label="absolute error (MAE)")
        for g in (ONE_TRUTH - 1, ONE_TRUTH + 1):  # the two losses agree when the guess is off by 1
            left.plot([g], [losses.mse([ONE_TRUTH], [g])], "o", color=theme["text"], markersize=5, zorder=3)
        left.axvline(ONE_TRUTH, color=theme["muted"], linewidth=1, linestyle=":")
        left.annotate("off by 1 kg:\nboth give 1", xy=(ONE_TRUTH + 1, 1.0), xytext=(ONE_TRUTH, 4.6),
                      color=theme["text"], fontsize=10, ha="center",
                      bbox={"boxstyle": "round,pad=0.25", "facecolor": theme["background"], "edgecolor": "none"},
                      arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        left.set(xlim=(0, 6), ylim=(0, 9.2), xlabel=f"guess (kg); the true weight is {ONE_TRUTH:g} kg", ylabel="loss",
                 title="The loss for one melon")
        left.legend(loc="upper center")

        right.plot(guesses, mse_slope, color=squared_colour, linewidth=2.4, label=f"MSE: 2 × (guess − {ONE_TRUTH:g})")
        right.plot(guesses[below], mae_slope[below], color=absolute_colour, linewidth=2.4, linestyle="--",
                   label="MAE: −1 or +1")
        right.plot(guesses[above], mae_slope[above], color=absolute_colour, linewidth=2.4, linestyle="--")
        # the corner: no slope exists at the truth itself; PyTorch and site_src use 0 there
        right.plot([ONE_TRUTH, ONE_TRUTH], [-1, 1], "o", markersize=6, markerfacecolor=theme["background"],
                   markeredgecolor=absolute_colour, zorder=3)
        right.plot([ONE_TRUTH], [mae_at_truth], "o", markersize=6, color=absolute_colour, zorder=3)
        right.annotate("exactly right:\nthe code uses 0", xy=(ONE_TRUTH, mae_at_truth), xytext=(1.45, 3.3),
                       color=theme["text"], fontsize=10, ha="center",
                       arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        right.axhline(0, color=theme["muted"], linewidth=1)
        right.axvline(ONE_TRUTH, color=theme["muted"], linewidth=1, linestyle=":")
        right.set(xlim=(0, 6), ylim=(-6.4, 6.4), xlabel=f"guess (kg); the true weight is {ONE_TRUTH:g} kg",
                  ylabel="slope (gradient)", title="Its slope: how hard training pushes")
        right.legend(loc="lower right", **opaque(theme))  # the dotted line x = 3 passes behind it
    return figure
