"""Epochs, batches and steps: the 1,797 digits cut into batches of 32, and the loss per epoch three ways.

Numbers: ``site_src.examples.batches`` (the pile, the batch size, ``batch_sizes`` and ``train``).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from scripts.style.numbers import fmt
from scripts.style.plotting import themed
from site_src.examples.batches import BATCH, EPOCHS, WAYS, batch_sizes, scaled_digits, steps_per_epoch, train

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone
LOOKS = {  # way -> (line style, marker): plain series, told apart by style and label, not hue
    "batch gradient descent": ("text", ":", "s"),
    "mini-batch SGD": ("muted", "--", "o"),
    "SGD (one example)": ("text", "-", "^"),
}
SHOWN_EPOCHS = 2


def draw_batches(ax, theme, n, wide):
    """Each epoch as a bar of n digits, cut into blocks, one block per batch (one step)."""
    sizes = batch_sizes(n, BATCH)
    for epoch in range(SHOWN_EPOCHS):
        row = SHOWN_EPOCHS - 1 - epoch
        start = 0
        for k, size in enumerate(sizes):
            fill = theme["grid"] if k % 2 == 0 else theme["muted"]
            ax.add_patch(Rectangle((start, row), size, 0.62, facecolor=fill, alpha=0.55 if k % 2 else 0.9,
                                   edgecolor=theme["background"], linewidth=0.3))
            start += size
        ax.text(-25, row + 0.31, f"epoch {epoch + 1}", ha="right", va="center", fontsize=10.5,
                color=theme["text"])
    # one batch picked out: one step
    first = sum(batch_sizes(n, BATCH)[:3])
    ax.add_patch(Rectangle((first, 1), BATCH, 0.62, facecolor="none", edgecolor=theme["text"], linewidth=2))
    ax.annotate(f"one batch of {BATCH} digits\n= one step (iteration)", (first + BATCH / 2, 1.62),
                xytext=(first + (260 if wide else 420), 2.05), ha="left", va="bottom", fontsize=10,
                color=theme["text"], arrowprops={"arrowstyle": "-", "color": theme["text"], "linewidth": 1})
    ax.annotate(f"last batch: {sizes[-1]}", (n - sizes[-1] / 2, 0.62), xytext=(n - 10, -0.55), ha="right",
                va="center", fontsize=10, color=theme["text"],
                arrowprops={"arrowstyle": "-", "color": theme["text"], "linewidth": 1})
    sep = ": " if wide else ":\n"
    ax.text(0 if wide else n * 0.42, -0.55 if wide else -1.15,
            f"{n:,} digits, shuffled each epoch{sep}{len(sizes)} steps per epoch",
            ha="left" if wide else "center", va="center", fontsize=10, color=theme["text"])
    ax.set(xlim=(-30 if wide else -10, n + 5), ylim=(-1.75 if not wide else -0.9, 2.9))
    ax.axis("off")


def draw(theme, layout="wide"):
    """Top: two epochs cut into batches. Bottom: the mean loss of each epoch for the three batch sizes."""
    X, _ = scaled_digits()
    n = len(X)
    wide = layout == "wide"
    with themed(theme):
        figure, (top, bottom) = plt.subplots(2, 1, figsize=(WIDE, 5.6) if wide else (NARROW, 6.6),
                                             height_ratios=(1, 1.5) if wide else (1.1, 1.6),
                                             constrained_layout=True)
        draw_batches(top, theme, n, wide)
        epochs = np.arange(1, EPOCHS + 1)
        for name, batch_size in WAYS.items():
            colour, style, marker = LOOKS[name]
            _, history = train(batch_size)
            steps = EPOCHS * steps_per_epoch(n, batch_size or n)
            bottom.plot(epochs, history, style, marker=marker, markersize=7, linewidth=2, color=theme[colour],
                        label=f"{name}: {steps:,} steps")
            bottom.annotate(fmt(history[-1], 2), (epochs[-1], history[-1]), xytext=(8, 0), textcoords="offset points",
                            va="center", fontsize=10, color=theme["text"])
        bottom.set(xticks=epochs, xlim=(0.8, EPOCHS + 0.45), ylim=(0, 2.6), xlabel="epoch",
                   ylabel="mean loss in the epoch")
        if wide:
            bottom.set_ylim(0, 3.4)  # room for the legend above the lines
            bottom.legend(loc="upper right", fontsize=10)
        else:
            bottom.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), fontsize=10)
    return figure
