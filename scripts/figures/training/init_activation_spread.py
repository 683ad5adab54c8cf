"""How spread out each layer's answers are, through 10 layers, for four starting-weight recipes and two switches.

Numbers: ``site_src.examples.initialization.spreads`` (``activation_spread`` for every
activation in ``SPREAD_ACTIVATIONS`` and start in ``SPREAD_INITS``).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.initialization import SPREAD_ACTIVATIONS, SPREAD_DEPTH, SPREAD_INITS, SPREAD_WIDTH, spreads

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone
NAMES = {"uniform": "uniform ±0.05", "pytorch": "PyTorch's default", "xavier_normal": "Xavier", "he_normal": "He"}
LOOKS = {"uniform": (":", "x"), "pytorch": ("-.", "s"), "xavier_normal": ("--", "o"), "he_normal": ("-", "^")}
TITLES = {"tanh": "tanh layers", "relu": "ReLU layers"}


def draw(theme, layout="wide"):
    """Two log-scale panels (side by side, stacked on a phone), one line per start, one legend under both."""
    spread = spreads()
    layers = np.arange(1, SPREAD_DEPTH + 1)
    lowest = min(float(s.min()) for s in spread.values())
    wide = layout == "wide"
    with themed(theme):
        figure, axes = plt.subplots(1, 2, figsize=(WIDE, 3.9), sharey=True, constrained_layout=True) if wide \
            else plt.subplots(2, 1, figsize=(NARROW, 7.0), sharey=True, constrained_layout=True)
        for ax, activation in zip(axes, SPREAD_ACTIVATIONS):
            ax.axhline(1.0, color=theme["muted"], linewidth=1, zorder=1)  # the input's spread
            for init in SPREAD_INITS:
                style, marker = LOOKS[init]
                ax.plot(layers, spread[activation, init], style, marker=marker, color=theme["text"],
                        linewidth=1.8, markersize=5.5, label=NAMES[init])
            ax.set_yscale("log")
            ax.set(title=f"{TITLES[activation]} ({SPREAD_WIDTH} neurons each)", xlabel="layer",
                   xticks=layers, ylim=(lowest / 3, 3))
        axes[0].set_ylabel("spread of the layer's answers")
        if not wide:
            axes[1].set_ylabel("spread of the layer's answers")
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncol=4 if wide else 2, fontsize=10)
    return figure
