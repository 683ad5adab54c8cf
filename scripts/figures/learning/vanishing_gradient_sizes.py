"""Measured gradient size of every layer in 10-layer networks: default start vs a good start, log scale.

Numbers: ``site_src.examples.vanishing.gradient_sizes`` (an ``MLP`` forward and backward pass),
for its ``ACTIVATIONS`` with PyTorch's default starting weights and with ``GOOD_INIT``.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.vanishing import ACTIVATIONS, GOOD_INIT, gradient_sizes

NICE = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU", "pytorch": "PyTorch's default",
        "xavier_uniform": "Xavier uniform", "he_normal": "He normal"}
LOOKS = {"sigmoid": ("negative", "o"), "tanh": ("extra", "s"), "relu": ("positive", "^")}  # colour role, marker


def draw(theme):
    """Two panels, one per start, each with a line per activation from layer 1 to the output layer."""
    layers = np.arange(1, 12)
    with themed(theme):
        figure, axes = plt.subplots(1, 2, figsize=(9.6, 4.4), constrained_layout=True, sharey=True)
        for ax, good, title in ((axes[0], False, "PyTorch's default starting weights"),
                                (axes[1], True, "A good start: Xavier (sigmoid, tanh), He (ReLU)")):
            for activation in ACTIVATIONS:
                init = GOOD_INIT[activation] if good else "pytorch"
                role, marker = LOOKS[activation]
                sizes = gradient_sizes(activation, init)
                ax.plot(layers, sizes, marker=marker, color=theme[role], linewidth=2, markersize=5,
                        label=f"{NICE[activation]}, {NICE[init]}")
            ax.set_yscale("log")
            ax.set_yticks([10.0**k for k in range(-9, 2)])  # a mark for every factor of 10
            ax.set_xticks(layers, [str(n) for n in range(1, 11)] + ["out"])
            ax.set(xlabel="layer (1 = nearest the input)", title=title)
            ax.legend(loc="lower right", fontsize=9.5)
        axes[0].set_ylabel("gradient size (log scale)")
    return figure
