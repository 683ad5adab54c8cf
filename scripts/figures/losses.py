"""Figures for the two loss-function chapters (MSE and MAE, the cross-entropies).

Every number drawn comes from ``site_src.losses``.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.plotting import themed
from site_src import losses

# The melons of the loss-functions chapter: true weights and the robot's guesses, in kg.
MELONS_TRUE = [2.0, 3.5, 1.5, 3.0]
MELONS_GUESS = [2.5, 3.0, 1.5, 4.0]
OUTLIER_GUESS = [2.5, 3.0, 1.5, 13.0]  # the last guess is off by 10 instead of by 1

# One melon whose true weight is 3 kg, for the curves.
ONE_TRUTH = 3.0


def loss_mse_mae(theme):
    """For one melon of 3 kg: each loss against the guess (left) and its slope (right)."""
    guesses = np.linspace(0.0, 6.0, 241)
    squared = [losses.mse([ONE_TRUTH], [g]) for g in guesses]
    absolute = [losses.mae([ONE_TRUTH], [g]) for g in guesses]
    mse_slope = [losses.mse_grad([ONE_TRUTH], [g])[0] for g in guesses]
    below, above = guesses < ONE_TRUTH, guesses > ONE_TRUTH
    mae_slope = np.array([losses.mae_grad([ONE_TRUTH], [g])[0] for g in guesses])
    mae_at_truth = losses.mae_grad([ONE_TRUTH], [ONE_TRUTH])[0]
    with themed(theme):
        figure, (left, right) = plt.subplots(1, 2, figsize=(9.2, 3.9), constrained_layout=True)

        left.plot(guesses, squared, color=theme["positive"], linewidth=2.4, label="squared error (MSE)")
        left.plot(guesses, absolute, color=theme["extra"], linewidth=2.4, linestyle="--",
                  label="absolute error (MAE)")
        for g in (ONE_TRUTH - 1, ONE_TRUTH + 1):  # the two losses agree when the guess is off by 1
            left.plot([g], [losses.mse([ONE_TRUTH], [g])], "o", color=theme["text"], markersize=5, zorder=3)
        left.axvline(ONE_TRUTH, color=theme["muted"], linewidth=1, linestyle=":")
        left.annotate("off by 1 kg:\nboth give 1", xy=(ONE_TRUTH + 1, 1.0), xytext=(ONE_TRUTH, 5.6),
                      color=theme["text"], fontsize=10, ha="center",
                      bbox={"boxstyle": "round,pad=0.25", "facecolor": theme["background"], "edgecolor": "none"},
                      arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        left.set(xlim=(0, 6), ylim=(0, 9.2), xlabel="guess (kg); the true weight is 3 kg", ylabel="loss",
                 title="The loss for one melon")
        left.legend(loc="upper center")

        right.plot(guesses, mse_slope, color=theme["positive"], linewidth=2.4, label="slope of MSE: 2 × (guess − 3)")
        right.plot(guesses[below], mae_slope[below], color=theme["extra"], linewidth=2.4, linestyle="--",
                   label="slope of MAE: −1 or +1")
        right.plot(guesses[above], mae_slope[above], color=theme["extra"], linewidth=2.4, linestyle="--")
        # the corner: no slope exists at the truth itself; PyTorch and site_src use 0 there
        right.plot([ONE_TRUTH, ONE_TRUTH], [-1, 1], "o", markersize=6, markerfacecolor=theme["background"],
                   markeredgecolor=theme["extra"], zorder=3)
        right.plot([ONE_TRUTH], [mae_at_truth], "o", markersize=6, color=theme["extra"], zorder=3)
        right.annotate("exactly right:\nthe code uses 0", xy=(ONE_TRUTH, mae_at_truth), xytext=(1.45, 3.3),
                       color=theme["text"], fontsize=10, ha="center",
                       arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        right.axhline(0, color=theme["muted"], linewidth=1)
        right.axvline(ONE_TRUTH, color=theme["muted"], linewidth=1, linestyle=":")
        right.set(xlim=(0, 6), ylim=(-6.4, 6.4), xlabel="guess (kg); the true weight is 3 kg",
                  ylabel="slope (gradient)", title="Its slope: how hard training pushes")
        right.legend(loc="lower right")
    return figure


def loss_outlier(theme):
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


def loss_bce(theme):
    """Binary cross-entropy against the predicted probability of "yes", when the truth is yes and when it is no."""
    p = np.linspace(0.002, 0.998, 499)
    truth_yes = [losses.binary_cross_entropy([1.0], [q]) for q in p]
    truth_no = [losses.binary_cross_entropy([0.0], [q]) for q in p]
    sure = 0.9
    right = losses.binary_cross_entropy([1.0], [sure])
    wrong = losses.binary_cross_entropy([0.0], [sure])
    with themed(theme):
        figure, ax = plt.subplots(figsize=(6.8, 4.2), constrained_layout=True)
        ax.plot(p, truth_yes, color=theme["positive"], linewidth=2.4, label="the truth is yes (y = 1): −log p")
        ax.plot(p, truth_no, color=theme["negative"], linewidth=2.4, linestyle="--",
                label="the truth is no (y = 0): −log(1 − p)")
        ax.plot([sure], [right], "o", color=theme["positive"], markersize=7, zorder=3)
        ax.plot([sure], [wrong], "s", color=theme["negative"], markersize=7, zorder=3)
        ax.annotate(f"says 90% yes, and it is yes:\nloss {right:.3f}", xy=(sure, right), xytext=(0.42, 2.05),
                    ha="center", color=theme["text"], fontsize=10,
                    arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        ax.annotate(f"says 90% yes, but it is no:\nloss {wrong:.3f}", xy=(sure, wrong), xytext=(0.6, 3.3),
                    ha="center", color=theme["text"], fontsize=10,
                    arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        ax.set(xlim=(0, 1), ylim=(0, 5), xlabel="p, the predicted probability of yes", ylabel="loss",
               title="Binary cross-entropy for one example")
        ax.legend(loc="upper center")
    return figure


FIGURES = {
    "loss-mse-mae": loss_mse_mae,
    "loss-outlier": loss_outlier,
    "loss-bce": loss_bce,
}
