"""Drawing pieces the project maps share: a page-sized canvas in inches, rounded boxes and arrows.

Boxes are plain (no colour role is promised here): the theme's background, a neutral
outline, the text colour; a highlighted box takes the first neutral series colour.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from scripts.style.palette import series
from scripts.style.plotting import figure_width


def canvas(layout, height):
    """A figure as wide as the column for ``layout`` and ``height`` inches high, whose axes count in inches."""
    width = figure_width(layout)
    figure = plt.figure(figsize=(width, height))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    return figure, ax


def box(ax, theme, x, y, w, h, title, subtitle=None, strong=False, size=10.5):
    """A rounded box with its lower-left corner at (x, y): a title, and a smaller second line if given."""
    edge = series(theme)[0] if strong else theme["muted"]
    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=0.08",
            facecolor=theme["background"],
            edgecolor=edge,
            linewidth=2.2 if strong else 1.2,
        )
    )
    if subtitle is None:
        ax.text(x + w / 2, y + h / 2, title, ha="center", va="center", fontsize=size, color=theme["text"])
        return
    ax.text(
        x + w / 2, y + h * 0.66, title, ha="center", va="center", fontsize=size, color=theme["text"], fontweight="bold"
    )
    ax.text(x + w / 2, y + h * 0.28, subtitle, ha="center", va="center", fontsize=9.5, color=theme["muted"])


def arrow(ax, theme, start, end, connection="arc3"):
    """An arrow from ``start`` to ``end`` (points in inches)."""
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=11,
            color=theme["muted"],
            linewidth=1.3,
            connectionstyle=connection,
            shrinkA=0,
            shrinkB=0,
        )
    )
