"""The dial and the loss, step by step, for four learning rates on the one-dial loss (w − 3)².

Numbers: ``site_src.examples.descent`` (its learning rates, steps and ``descend``).
"""

import numpy as np

from scripts.style.palette import series
from scripts.style.plotting import subplots, themed
from site_src.examples.descent import RATES, STEPS, parabola_loss, paths

LOOKS = {  # learning rate -> (what it does, series colour, line style, marker)
    0.02: ("too small", 2, "-", "o"),
    0.3: ("good", 0, "-", "s"),
    0.8: ("big: zig-zags, still lands", 1, "--", "^"),
    1.05: ("too big: blows up", 3, "-.", "D"),
}


def draw(theme, layout="wide"):
    """Left (or top): the dial w after each step. Right (or below): the loss after each step, on a log scale."""
    dials = paths()
    steps = np.arange(STEPS + 1)
    colours = series(theme)  # one line per learning rate: plain series, so neutral colours
    with themed(theme):
        figure, (left, right) = subplots(layout, 2, aspect=(0.8, 0.7), extra=(0.75, 1.3))
        for lr in RATES:
            name, colour, style, marker = LOOKS[lr]
            path = np.array(dials[lr])
            text = f"η = {lr:g}: {name}"
            for ax, values in ((left, path), (right, parabola_loss(path))):
                ax.plot(steps, values, linestyle=style, marker=marker, markersize=4, color=colours[colour],
                        linewidth=1.8, label=text)
        left.axhline(3.0, color=theme["muted"], linewidth=1.4, linestyle=":", label="the best dial, w = 3")
        left.set(xlabel="step", ylabel="the dial w", ylim=(-5.5, 11.5), title="The dial, step by step")
        right.set_yscale("log")
        right.set(xlabel="step", ylabel="loss (log scale)", title="The loss, step by step")
        for ax in (left, right):
            ax.set_xticks(steps if layout == "wide" else steps[::2])
        handles, labels = left.get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=2 if layout == "wide" else 1, fontsize=10)
    return figure
