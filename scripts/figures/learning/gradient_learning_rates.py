"""The dial and the loss, step by step, for four learning rates on the one-dial loss (w − 3)².

Numbers: ``site_src.examples.descent`` (its learning rates, steps and ``descend``).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.descent import RATES, STEPS, parabola_loss, paths

LOOKS = {  # learning rate -> (what it does, colour role, line style)
    0.02: ("too small", "muted", "-"),
    0.3: ("good", "positive", "-"),
    0.8: ("big: zig-zags, still lands", "extra", "--"),
    1.05: ("too big: blows up", "negative", "-"),
}


def draw(theme):
    """Left: the dial w after each step. Right: the loss after each step, on a log scale."""
    dials = paths()
    steps = np.arange(STEPS + 1)
    with themed(theme):
        figure, (left, right) = plt.subplots(1, 2, figsize=(9.4, 4.1), constrained_layout=True)
        for lr in RATES:
            name, role, style = LOOKS[lr]
            path = np.array(dials[lr])
            text = f"η = {lr:g}: {name}"
            left.plot(steps, path, style, marker="o", markersize=3.5, color=theme[role], linewidth=1.8, label=text)
            right.plot(steps, parabola_loss(path), style, marker="o", markersize=3.5, color=theme[role],
                       linewidth=1.8, label=text)
        left.axhline(3.0, color=theme["text"], linewidth=1.2, linestyle=":", label="the best dial, w = 3")
        left.set(xlabel="step", ylabel="the dial w", ylim=(-5.5, 11.5), title="The dial, step by step")
        left.set_xticks(steps)
        right.set_yscale("log")
        right.set_xticks(steps)
        right.set(xlabel="step", ylabel="loss (log scale)", title="The loss, step by step")
        handles, labels = left.get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3)
    return figure
