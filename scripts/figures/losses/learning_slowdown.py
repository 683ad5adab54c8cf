"""The learning slowdown: a badly wrong sigmoid neuron's answer, epoch by epoch, trained with MSE and with cross-entropy.

Numbers: ``site_src.examples.slowdown`` (``train_neuron`` and ``epochs_until_below``).
"""

import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import subplots, themed
from site_src.examples.slowdown import EPOCHS, LOSSES, LR, epochs_until_below, train_neuron

LOOKS = {"mse": ("mean squared error", 1, "--"), "cross_entropy": ("cross-entropy", 0, "-")}  # name, colour, style


def draw(theme, layout="wide"):
    """One panel: the answer a (should be 0) against the epoch, one line per loss, each crossing of 0.5 marked."""
    epochs = np.arange(EPOCHS + 1)
    colours = series(theme)  # one line per loss: plain series, so neutral colours
    with themed(theme):
        figure, (ax,) = subplots(layout, 1, aspect=(0.42, 0.78), extra=(0.35, 0.55))
        ax.axhline(0.5, color=theme["muted"], linewidth=1.2, linestyle=":")
        for loss in LOSSES:
            name, colour, style = LOOKS[loss]
            answers, _ = train_neuron(loss)
            ax.plot(epochs, answers, color=colours[colour], linestyle=style, linewidth=2.2, label=name)
            n = epochs_until_below(loss)
            ax.plot([n], [answers[n]], "o", color=colours[colour], markersize=6)
            # cross-entropy's label sits under the dotted line, MSE's above it: both in empty space
            below = loss == "cross_entropy"
            ax.annotate(
                f"below 0.5\nafter {n} epochs",
                (n, answers[n]),
                xytext=(n + 16, 0.42 if below else 0.55),
                va="top" if below else "bottom",
                color=colours[colour],
                fontsize=10,
            )
        ax.set(xlabel="epoch", ylabel="the neuron's answer a", ylim=(0, 1.05), xlim=(0, EPOCHS))
        ax.set_title(f"Input 1, right answer 0, learning rate {LR:g}", fontsize=11)
        ax.legend(loc="upper right", fontsize=10)
    return figure
