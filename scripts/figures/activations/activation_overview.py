"""The five elementwise activations side by side, each with its slope, on the same axes.

Numbers: ``site_src.activations``; the inputs and the leaky slope drawn: ``site_src.examples.activations``.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import themed
from site_src import activations as act
from site_src.examples.activations import ELU_ALPHA, LEAKY_SHOWN, X_RANGE


def draw(theme):
    """Five panels (function solid, slope dashed) and a sixth holding the key."""
    X = np.linspace(*X_RANGE, 1001)
    panels = [
        ("sigmoid", act.sigmoid, act.sigmoid_grad),
        ("tanh", act.tanh, act.tanh_grad),
        ("ReLU", act.relu, act.relu_grad),
        (f"leaky ReLU (slope {fmt(LEAKY_SHOWN, 2, trim=True)} shown;\nPyTorch default 0.01)",
         lambda x: act.leaky_relu(x, negative_slope=LEAKY_SHOWN),
         lambda x: act.leaky_relu_grad(x, negative_slope=LEAKY_SHOWN)),
        (f"ELU (α = {fmt(ELU_ALPHA, 1, trim=True)})", lambda x: act.elu(x, alpha=ELU_ALPHA),
         lambda x: act.elu_grad(x, alpha=ELU_ALPHA)),
    ]
    with themed(theme):
        figure, axes = plt.subplots(2, 3, figsize=(9.6, 6.2), constrained_layout=True, sharex=True, sharey=True)
        for ax, (title, f, grad) in zip(axes.ravel(), panels):
            ax.axhline(0, color=theme["muted"], linewidth=0.8)
            ax.axvline(0, color=theme["muted"], linewidth=0.8)
            ax.plot(X, f(X), color=theme["positive"], linewidth=2.4, label="the function")
            # draw the slope in two halves so jumps at 0 stay jumps
            for part in (X[X <= 0], X[X > 0]):
                ax.plot(part, grad(part), color=theme["gradient"], linewidth=2.0, linestyle="--",
                        label="its slope (derivative)" if part[0] < 0 else None)
            ax.set_title(title, fontsize=11)
            ax.set(xlim=X_RANGE, ylim=(-1.5, 3.0))
        # the bottom-right panel holds the key, so the ReLU panel above it shows its own x axis
        for ax in (axes[1, 0], axes[1, 1], axes[0, 2]):
            ax.set_xlabel("input x")
            ax.tick_params(labelbottom=True)
        key = axes[1, 2]
        key.axis("off")
        handles, labels = axes[0, 0].get_legend_handles_labels()
        key.legend(handles, labels, loc="center", fontsize=11, title="in every panel", title_fontsize=11)
    return figure
