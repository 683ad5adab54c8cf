"""The same 1-3-1 network without a switch (a straight line) and with ReLU (a bent line).

Numbers: ``site_src.examples.linear_stack`` (the hand-picked network) and
``site_src.examples.tiny_network.forward_steps`` (the hidden neurons' answers).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.linear_stack import stack_network
from site_src.examples.tiny_network import forward_steps


def draw(theme):
    """The same 1-3-1 network without a switch (a straight line) and with ReLU (a bent line)."""
    x = np.linspace(-2.5, 2.5, 501)[:, None]
    with themed(theme):
        figure, axes = plt.subplots(1, 2, figsize=(9.4, 4.2), constrained_layout=True, sharey=True)
        for ax, activation, title in zip(
                axes, ["identity", "relu"],
                ["No switch: the output is a straight line", "ReLU switch: the output bends"]):
            steps = forward_steps(stack_network(activation), x)
            for j, style in enumerate(["--", "-.", ":"]):
                ax.plot(x[:, 0], steps["a1"][:, j], color=theme["muted"], linewidth=1.4, linestyle=style,
                        label=f"hidden neuron {j + 1}")
            ax.plot(x[:, 0], steps["y_hat"][:, 0], color=theme["positive"], linewidth=3, label="network output")
            ax.axhline(0, color=theme["muted"], linewidth=0.8)
            ax.set(title=title, xlabel="input x", xlim=(-2.5, 2.5), ylim=(-4.2, 3.7))
        axes[0].set_ylabel("value")
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=4)
    return figure
