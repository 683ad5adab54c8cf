"""Overfitting with and without dropout: test accuracy and test loss of each seed, paired.

Numbers: ``site_src.examples.dropout.gap_measurement`` (the 64-128-128-10 network trained on
``N_TRAIN`` digit images from every seed in ``SEEDS``, with each ``p`` in ``GAP_PS``).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.dropout import GAP_PS, N_TRAIN, SEEDS, gap_measurement

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone
COLUMNS = {"test accuracy %": (1, 100.0), "test loss": (3, 1.0)}  # column of gap_measurement, scale


def draw(theme, layout="wide"):
    """Two panels (stacked on a phone): one line per seed from 'no dropout' to 'dropout', the averages marked."""
    results = gap_measurement()
    wide = layout == "wide"
    x = np.arange(len(GAP_PS))
    with themed(theme):
        figure, axes = plt.subplots(1, 2, figsize=(WIDE, 3.5), constrained_layout=True) if wide \
            else plt.subplots(2, 1, figsize=(NARROW, 6.6), constrained_layout=True)
        for ax, (what, (column, scale)) in zip(axes, COLUMNS.items()):
            values = np.array([results[p][:, column] for p in GAP_PS]) * scale  # (p, seed)
            for seed in range(len(SEEDS)):
                ax.plot(x, values[:, seed], "o-", color=theme["muted"], linewidth=1.3, markersize=5, alpha=0.8)
            means = values.mean(axis=1)
            ax.plot(x, means, "D-", color=theme["text"], linewidth=2.6, markersize=8, label="average")
            for k, m in enumerate(means):
                ax.annotate(f"{m:.1f}" if scale == 100 else f"{m:.3f}", (x[k], m), xytext=(-12 if k == 0 else 12, 0),
                            textcoords="offset points", ha="right" if k == 0 else "left", va="center",
                            fontsize=10.5, color=theme["text"], fontweight="bold")
            ax.set_xticks(x, ["no dropout" if p == 0 else f"dropout p = {p:g}" for p in GAP_PS])
            ax.set_xlim(-0.6, len(GAP_PS) - 0.4)
            ax.set_ylabel(what)
            ax.set_title(f"{what.replace(' %', '')}, {'higher' if scale == 100 else 'lower'} is better", fontsize=10.5)
        figure.suptitle(f"thin: each of {len(SEEDS)} seeds · thick: their average · "
                        f"{N_TRAIN} training images, training accuracy 100% in every run"
                        if wide else f"thin: each of {len(SEEDS)} seeds · thick: average\n"
                        f"{N_TRAIN} training images; training\naccuracy 100% in every run",
                        fontsize=10, color=theme["muted"])
    return figure
