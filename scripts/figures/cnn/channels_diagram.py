"""One filter on a colour picture: a kernel slice per colour, one map per slice, added up with the bias.

Numbers: ``site_src.examples.convolution`` (``RGB``, ``FILTER``, ``FILTER_BIAS``, ``channel_parts``).
"""

import matplotlib.pyplot as plt

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid
from scripts.style.numbers import fmt
from scripts.style.plotting import themed
from site_src.examples.convolution import CHANNEL_NAMES, FILTER, FILTER_BIAS, RGB, channel_parts

GAP = 1.0  # space between the three colour rows, in cells


def draw(theme, layout="wide"):
    """One row per colour: its grid ⋆ its slice = its part; the parts plus the bias make the feature map."""
    parts, out = channel_parts()
    wide = layout == "wide"
    size = 11 if wide else 9.5
    with themed(theme):
        figure, ax = plt.subplots(figsize=(WIDE, 4.6) if wide else (NARROW, 3.7))
        row_top = [3 * (3 + GAP) - 0.2 - r * (3 + GAP) for r in range(3)]
        for c, (name, top) in enumerate(zip(CHANNEL_NAMES, row_top)):
            grid(ax, theme, RGB[c], 0, top, top=9, size=size)
            ax.text(-0.25, top - 1.5, name, ha="right", va="center", fontsize=size, color=theme["text"])
            ax.text(3.5, top - 1.5, "⋆", ha="center", va="center", fontsize=size + 4, color=theme["text"])
            grid(ax, theme, FILTER[c], 4.0, top - 0.5, signed=True, size=size)
            ax.text(6.5, top - 1.5, "=", ha="center", va="center", fontsize=size + 4, color=theme["text"])
            grid(ax, theme, parts[c], 7.0, top - 0.5, signed=True, top=abs(out).max(), size=size)
        ax.text(1.5, row_top[0] + 0.35, "picture", ha="center", va="bottom", fontsize=size, color=theme["text"])
        ax.text(5.0, row_top[0] + 0.35, "filter", ha="center", va="bottom", fontsize=size, color=theme["text"])
        ax.text(8.0, row_top[0] + 0.35, "parts", ha="center", va="bottom", fontsize=size, color=theme["text"])
        middle = row_top[1]
        ax.annotate("", xy=(10.6, middle - 1.5), xytext=(9.2, row_top[0] - 1.5),
                    arrowprops={"arrowstyle": "-|>", "color": theme["muted"], "lw": 1.4})
        ax.annotate("", xy=(10.6, middle - 1.5), xytext=(9.2, middle - 1.5),
                    arrowprops={"arrowstyle": "-|>", "color": theme["muted"], "lw": 1.4})
        ax.annotate("", xy=(10.6, middle - 1.5), xytext=(9.2, row_top[2] - 1.5),
                    arrowprops={"arrowstyle": "-|>", "color": theme["muted"], "lw": 1.4})
        grid(ax, theme, out, 10.8, middle - 0.5, signed=True, top=abs(out).max(), size=size)
        ax.text(11.8, middle + 0.05, "add\n+ bias " + fmt(FILTER_BIAS, 0, trim=True), ha="center", va="bottom",
                fontsize=size, color=theme["text"])
        ax.text(11.8, middle - 2.8, "feature\nmap", ha="center", va="top", fontsize=size, color=theme["text"])
        blank(ax, (-1.9, 13.0), (row_top[2] - 3.2, row_top[0] + 1.2))
    return figure
