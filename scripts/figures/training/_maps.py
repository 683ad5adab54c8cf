"""Drawing pieces the optimizer figures share: a contour map of a two-weight loss, and a path on it."""

import numpy as np

from scripts.style.numbers import fmt
from site_src.examples.surfaces import MINIMA, SURFACES

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone
EXTENT = {"ravine": ((-9.0, 3.0), (-1.4, 1.4)), "saddle": ((-2.5, 1.5), (-1.6, 1.6))}
LEVELS = {"ravine": (0.05, 0.2, 0.5, 1, 2, 4, 8), "saddle": (0.02, 0.08, 0.18, 0.25, 0.4, 0.8, 1.6, 2.4)}


def contour_map(ax, theme, surface, label_levels=True):
    """Contour lines of ``surface`` ("ravine" or "saddle"), its lowest points marked with a +."""
    loss = SURFACES[surface][0]
    (x0, x1), (y0, y1) = EXTENT[surface]
    X, Y = np.meshgrid(np.linspace(x0, x1, 300), np.linspace(y0, y1, 200))
    lines = ax.contour(X, Y, loss(X, Y), levels=LEVELS[surface], colors=theme["grid"], linewidths=1.1)
    if label_levels:
        labelled = [level for level in lines.levels if level >= 0.2]  # the smallest ring is too small to label
        ax.clabel(lines, labelled, fontsize=9.5, fmt=lambda v: fmt(v, 2, trim=True), inline_spacing=2,
                  colors=theme["muted"])
    for x, y in MINIMA[surface]:
        ax.plot([x], [y], "+", color=theme["text"], markersize=12, markeredgewidth=2, zorder=4)
    ax.set(xlim=(x0, x1), ylim=(y0, y1), xlabel="weight x", ylabel="weight y")
    ax.grid(False)


def walk(ax, theme, points, colour="text", style="-", marker="o", label=None):
    """A path of steps: dots joined by lines, the start circled."""
    ax.plot(points[:, 0], points[:, 1], style, marker=marker, markersize=3.8, linewidth=1.4,
            color=theme[colour], label=label, zorder=3)
    ax.plot(points[0, 0], points[0, 1], "o", markersize=9, markerfacecolor="none",
            markeredgecolor=theme[colour], markeredgewidth=1.6, zorder=3)
