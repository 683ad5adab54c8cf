"""Measured gradient size of every layer in 10-layer networks: default start vs a good start, log scale.

Numbers: ``site_src.examples.vanishing.gradient_sizes`` (an ``MLP`` forward and backward pass),
for its ``ACTIVATIONS`` with PyTorch's default starting weights and with ``GOOD_INIT``.
"""

import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import subplots, themed
from site_src.examples.vanishing import ACTIVATIONS, GOOD_INIT, gradient_sizes

NICE = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU", "pytorch": "PyTorch's default",
        "xavier_uniform": "Xavier", "he_normal": "He"}
LOOKS = {"sigmoid": (1, "o"), "tanh": (0, "s"), "relu": (3, "^")}  # series colour, marker


def _good_start():
    """``Xavier (sigmoid, tanh), He (ReLU)``: each good start with the activations it is for."""
    starts = {}
    for activation in ACTIVATIONS:
        starts.setdefault(NICE[GOOD_INIT[activation]], []).append(NICE[activation])
    return ", ".join(f"{start} ({', '.join(names)})" for start, names in starts.items())


def draw(theme, layout="wide"):
    """Two panels, one per start, each with a line per activation from layer 1 to the output layer."""
    layers = np.arange(1, 12)
    colours = series(theme)  # one line per activation: plain series, so neutral colours
    with themed(theme):
        figure, axes = subplots(layout, 2, aspect=(0.95, 0.85), extra=(0.45, 0.5), sharey=True)
        for ax, good, title in ((axes[0], False, "PyTorch's default start"),
                                (axes[1], True, f"A good start:\n{_good_start()}")):
            for activation in ACTIVATIONS:
                init = GOOD_INIT[activation] if good else "pytorch"
                colour, marker = LOOKS[activation]
                ax.plot(layers, gradient_sizes(activation, init), marker=marker, color=colours[colour],
                        linewidth=2, markersize=5, label=NICE[activation])
            ax.set_yscale("log")
            ax.set_yticks([10.0**k for k in range(-9, 2, 2)])  # a mark for every factor of 100
            # every layer gets a tick, every other one a number, so "10" and "out" do not collide
            ax.set_xticks(layers, [str(n) if n % 2 else "" for n in range(1, 11)] + ["out"])
            ax.set(xlabel="layer (1 = nearest the input)")
            if ax is axes[0] or layout == "narrow":  # side by side, the panels share one y axis
                ax.tick_params(labelleft=True)
                ax.set_ylabel("gradient size (log scale)")
            ax.set_title(title, fontsize=11)
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=10)
    return figure
