"""The digits network's test accuracy after every epoch, one small panel per optimizer: mean and spread over 5 seeds.

Numbers: ``site_src.examples.choosing.learning_curves`` (each ``RACE`` entry trained from
every seed in ``SEEDS``).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.choosing import EPOCHS, RACE, SEEDS, learning_curves

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone


def title(name, wide):
    """'Adam, lr 0.001': the entry's name with its starting learning rate (on a phone, on two lines)."""
    _, settings, _ = RACE[name]
    name, lr = name.split(", ")[0], f"lr {settings['lr']:g}"
    return f"{name}, {lr}" if wide else f"{name}\n{lr}"


def draw(theme, layout="wide"):
    """A grid of panels (3 by 3 wide, 2 across on a phone): each entry's mean, its band, the others faint."""
    curves = learning_curves()
    epochs = np.arange(1, EPOCHS + 1)
    wide = layout == "wide"
    rows, cols = (3, 3) if wide else (5, 2)
    with themed(theme):
        figure, axes = plt.subplots(rows, cols, figsize=(WIDE, 6.6) if wide else (NARROW, 9.4),
                                    sharex=True, sharey=True, constrained_layout=True)
        axes = axes.ravel()
        for ax, name in zip(axes, RACE):
            for other in RACE:  # every other entry's average, faint, to compare against
                if other != name:
                    ax.plot(epochs, 100 * curves[other][1].mean(axis=0), color=theme["muted"], alpha=0.3, linewidth=1.1)
            accuracy = 100 * curves[name][1]
            ax.fill_between(epochs, accuracy.min(axis=0), accuracy.max(axis=0), color=theme["muted"],
                            alpha=0.35, linewidth=0)
            ax.plot(epochs, accuracy.mean(axis=0), color=theme["text"], linewidth=2.2)
            ax.text(EPOCHS, 24, f"{accuracy[:, -1].mean():.1f}%", ha="right", va="bottom", fontsize=10.5,
                    color=theme["text"], fontweight="bold")
            ax.set_title(title(name, wide), fontsize=10)
            ax.set(ylim=(20, 100), xlim=(1, EPOCHS), xticks=[1, 5, 10], yticks=[20, 60, 100])
        key = f"line: average\nof {len(SEEDS)} seeds\n\nband: lowest\nto highest\n\ngrey: the others"
        for ax in axes[len(RACE):]:  # the spare panel on a phone holds the key
            ax.set_axis_off()
            ax.text(0.1, 0.5, key, ha="left", va="center", fontsize=10, color=theme["text"],
                    transform=ax.transAxes)
        for ax in axes[::cols]:
            ax.set_ylabel("test accuracy %", fontsize=10)
        for ax in axes[len(RACE) - cols:len(RACE)]:
            ax.set_xlabel("epoch", fontsize=10)
            ax.tick_params(labelbottom=True)
        if wide:
            figure.suptitle(f"line: average of {len(SEEDS)} seeds · band: lowest to highest · grey: the others",
                            fontsize=10, color=theme["muted"])
    return figure
