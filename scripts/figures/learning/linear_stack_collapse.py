"""The same 1-3-1 network without a switch (a straight line) and with ReLU (a bent line).

Numbers: ``site_src.examples.linear_stack`` (the hand-picked network) and
``site_src.examples.tiny_network.forward_steps`` (the hidden neurons' answers).
"""

import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import subplots, themed
from site_src.examples.linear_stack import stack_network
from site_src.examples.tiny_network import forward_steps

# The hidden neurons lie on top of each other where ReLU makes them 0: drawn from widest to
# thinnest, each one still shows as a stripe of its own colour there.
HIDDEN_WIDTHS = (6.0, 3.6, 1.5)
HIDDEN_COLOURS = (2, 0, 1)  # which neutral series colour


def draw(theme, layout="wide"):
    """The same 1-3-1 network without a switch (a straight line) and with ReLU (a bent line)."""
    x = np.linspace(-2.5, 2.5, 501)[:, None]
    colours = series(theme)  # plain series: neutral colours
    with themed(theme):
        figure, axes = subplots(layout, 2, aspect=(0.85, 0.8), extra=(0.55, 0.8), sharey=True)
        for ax, activation, title in zip(
                axes, ["identity", "relu"], ["No switch: a straight line", "ReLU switch: the output bends"]):
            steps = forward_steps(stack_network(activation), x)
            ax.axhline(0, color=theme["muted"], linewidth=0.8)
            for j, (width, colour) in enumerate(zip(HIDDEN_WIDTHS, HIDDEN_COLOURS)):
                ax.plot(x[:, 0], steps["a1"][:, j], color=colours[colour], linewidth=width,
                        solid_capstyle="butt", label=f"hidden neuron {j + 1}")
            ax.plot(x[:, 0], steps["y_hat"][:, 0], color=theme["text"], linewidth=2.4, linestyle="--",
                    label="network output")
            ax.set(xlabel="input x", xlim=(-2.5, 2.5), ylim=(-4.2, 3.7))
            ax.set_title(title, fontsize=11)
            if ax is axes[0] or layout == "narrow":
                ax.tick_params(labelleft=True)
                ax.set_ylabel("value")
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=4 if layout == "wide" else 2, fontsize=10)
    return figure
