"""Drawing pieces the CNN figures share: a grid of numbers, each cell shaded by its value.

Pixel values (never negative: how much ink) are shaded in a neutral grey, darker for more; signed numbers (a kernel,
a feature map) in the palette's promise: blue for positive, orange for negative, white
or slate for zero. The active cell or window is outlined in the theme's yellow.
"""

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.patches import Rectangle

from scripts.style.numbers import fmt

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone


def _mix(a, b, t):
    """The colour a fraction ``t`` of the way from colour ``a`` to colour ``b``."""
    a, b = np.array(to_rgb(a)), np.array(to_rgb(b))
    return tuple(a + (b - a) * float(np.clip(t, 0.0, 1.0)))


def shade(theme, value, top, signed):
    """The fill of one cell: grey for pixel values, blue/orange for signed numbers."""
    if signed:
        role = "positive" if value > 0 else "negative"
        return _mix(theme["background"], theme[role], 0.75 * abs(value) / top if top else 0.0)
    return _mix(theme["background"], theme["muted"], 0.8 * value / top if top else 0.0)


def text_colour(theme, value, top, signed):
    """Text that stays readable on its cell: the theme's text colour, or the background on dark grey."""
    if not signed and top and value / top > 0.6:
        return theme["background"]
    return theme["text"]


def grid(ax, theme, values, x0, y0, cell=1.0, signed=False, top=None, digits=0, size=11,
         title=None, title_size=11, edge="grid", numbers=True):
    """Draw ``values`` as a grid whose top-left corner is at (x0, y0); rows go down.

    Returns the (x0, y0, width, height) box of the grid in data units.
    """
    values = np.asarray(values, dtype=float)
    rows, cols = values.shape
    top = float(np.abs(values).max()) if top is None else top
    for r in range(rows):
        for c in range(cols):
            v = values[r, c]
            x, y = x0 + c * cell, y0 - (r + 1) * cell
            ax.add_patch(Rectangle((x, y), cell, cell, facecolor=shade(theme, v, top, signed),
                                   edgecolor=theme[edge], linewidth=0.8, zorder=1))
            if numbers:
                ax.text(x + cell / 2, y + cell / 2, fmt(v, digits, trim=True), ha="center", va="center",
                        fontsize=size, color=text_colour(theme, v, top, signed), zorder=3)
    if title:
        ax.text(x0 + cols * cell / 2, y0 + 0.25 * cell, title, ha="center", va="bottom", fontsize=title_size,
                color=theme["text"])
    return x0, y0, cols * cell, rows * cell


def outline(ax, theme, x0, y0, row, col, rows, cols, cell=1.0, role="active", width=3.0):
    """A thick box around ``rows`` x ``cols`` cells starting at (row, col) of the grid at (x0, y0)."""
    ax.add_patch(Rectangle((x0 + col * cell, y0 - (row + rows) * cell), cols * cell, rows * cell,
                           facecolor="none", edgecolor=theme[role], linewidth=width, zorder=4))


def blank(ax, xlim, ylim):
    """An axes for drawing in cell units: equal aspect, no frame, no grid."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
