"""The ablation study on the noisy digits: every seed's test accuracy for each change, and their mean.

Numbers: ``site_src.projects.improve.study("noisy-digits")`` (5 seeds per change).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import figure_width, themed
from site_src.projects.improve import CHANGES, study

LABELS = {
    "baseline": "baseline",
    "deeper": "deeper",
    "dropout": "dropout",
    "l2": "L2 (Adam)",
    "adamw": "AdamW",
    "batchnorm": "batch norm",
    "early_stopping": "early stopping",
}


def draw(theme, layout="wide"):
    """One row per change: five dots (one per seed), a bar at their mean, a dashed line at the baseline's mean."""
    rows = study("noisy-digits")
    wide = layout == "wide"
    dots, _, grey, _ = series(theme)
    with themed(theme):
        figure, ax = plt.subplots(figsize=(figure_width(layout), 4.0 if wide else 5.0), layout="constrained")
        for i, change in enumerate(CHANGES):
            y = len(CHANGES) - 1 - i  # the baseline on top
            runs = 100 * np.array(rows[change]["test"])
            jitter = np.linspace(-0.18, 0.18, len(runs))  # so equal scores do not hide each other
            ax.scatter(runs, y + jitter, s=30, color=dots, zorder=3, label="one seed" if i == 0 else None)
            mean = 100 * rows[change]["test_mean"]
            ax.plot(
                [mean, mean],
                [y - 0.32, y + 0.32],
                color=theme["text"],
                linewidth=2.5,
                zorder=4,
                label="mean of 5 seeds" if i == 0 else None,
            )
        base = 100 * rows["baseline"]["test_mean"]
        ax.axvline(base, color=grey, linestyle="--", linewidth=1.2, zorder=1, label="baseline mean")
        ax.set_yticks(range(len(CHANGES)), [LABELS[c] for c in reversed(CHANGES)], fontsize=11)
        ax.set_xlabel(
            "test accuracy on the noisy digits (%)" if wide else "test accuracy,\nnoisy digits (%)", fontsize=11
        )
        ax.tick_params(axis="x", labelsize=10.5)
        ax.set_ylim(-0.6, len(CHANGES) - 0.4)
        ax.grid(axis="y", visible=False)
        # above the rows, so no dot hides behind it
        ax.legend(
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            fontsize=10,
            ncol=3 if wide else 1,
            frameon=False,
            handletextpad=0.4,
            columnspacing=1.2,
        )
    return figure
