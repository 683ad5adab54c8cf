"""Each layer's gradient size at every epoch of training: a deep sigmoid network vs a deep ReLU network, log scale.

Numbers: ``site_src.examples.vanishing.sizes_during_training`` for the two ``TRAINED`` networks.
"""

import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import subplots, themed
from site_src.examples.vanishing import TRAINED, TRAINING_EPOCHS, TRAINING_LR, sizes_during_training

LAYERS = (1, 4, 7, 10)  # the layers drawn, 1 = nearest the input
LOOKS = {1: (1, "-"), 4: (2, "--"), 7: (3, ":"), 10: (0, "-.")}  # layer -> series colour, line style
NICE = {"sigmoid": "Sigmoid", "relu": "ReLU", "pytorch": "PyTorch's default start", "he_normal": "He start"}


def draw(theme, layout="wide"):
    """Two panels, one per trained network, with a line per drawn layer from epoch 0 to the last."""
    epochs = np.arange(TRAINING_EPOCHS + 1)
    colours = series(theme)  # one line per layer: plain series, so neutral colours
    with themed(theme):
        figure, axes = subplots(layout, 2, aspect=(0.95, 0.8), extra=(0.5, 0.55), sharey=True)
        for ax, (activation, init) in zip(axes, TRAINED):
            sizes, losses = sizes_during_training(activation, init)
            for layer in LAYERS:
                colour, style = LOOKS[layer]
                ax.plot(
                    epochs,
                    sizes[:, layer - 1],
                    color=colours[colour],
                    linestyle=style,
                    linewidth=2,
                    label=f"layer {layer}",
                )
            ax.set_yscale("log")
            ax.set_yticks([10.0**k for k in range(-9, 3, 2)])  # a mark for every factor of 100
            ax.set(xlabel="epoch", xlim=(0, TRAINING_EPOCHS))
            if ax is axes[0] or layout == "narrow":  # side by side, the panels share one y axis
                ax.tick_params(labelleft=True)
                ax.set_ylabel("gradient size (log scale)")
            ax.set_title(f"{NICE[activation]}, {NICE[init]}\nloss {losses[0]:.2f} → {losses[-1]:.2f}", fontsize=11)
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(
            handles,
            labels,
            loc="outside lower center",
            ncols=4 if layout == "wide" else 2,
            fontsize=10,
            title=f"learning rate {TRAINING_LR:g}; layer 1 is nearest the input",
            title_fontsize=10,
        )
    return figure
