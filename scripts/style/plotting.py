"""Shared matplotlib style: every figure on the site looks like this.

A figure's ``draw(theme, layout="wide")`` takes a theme (a dict from
``scripts.style.palette.THEMES``) and a layout, and builds its figure inside
``themed(theme)``, so text, axes and grid take the theme's colours and the same font
everywhere.

Figures are drawn at the width they are shown, so their text is never shrunk:
``"wide"`` is the content column on a desktop (688 CSS px), ``"narrow"`` the column on a
390-px phone (358 px), where panels stack in one column. ``subplots(layout, panels)`` and
``new_figure(layout, height)`` give the right size, so a figure file never types a width.
No text is smaller than ``SMALLEST_TEXT`` points (9.5 pt = 12.7 px).

Below the theme: the drawing pieces that several figures share (function-and-slope
panels, YES/NO regions, network nodes and arrows), so a figure file keeps only its own picture.
"""

from contextlib import contextmanager

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Circle, FancyArrowPatch

from scripts.style.palette import FONT


def style(theme):
    """matplotlib rcParams for one site theme."""
    return {
        "font.family": FONT,
        "font.size": 11,
        "figure.facecolor": theme["background"],
        "axes.facecolor": theme["background"],
        "savefig.facecolor": theme["background"],
        "text.color": theme["text"],
        "axes.labelcolor": theme["text"],
        "axes.edgecolor": theme["muted"],
        "axes.titlecolor": theme["text"],
        "axes.titlesize": 12,
        "xtick.color": theme["muted"],
        "ytick.color": theme["muted"],
        "xtick.labelcolor": theme["text"],
        "ytick.labelcolor": theme["text"],
        "grid.color": theme["grid"],
        "axes.grid": True,
        "grid.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "legend.labelcolor": theme["text"],
    }


# ---------------------------------------------------------------- sizes: drawn at the width shown

LAYOUTS = ("wide", "narrow")
WIDTH = {"wide": 688 / 96, "narrow": 358 / 96}  # inches (1 in = 96 CSS px): the content column, desktop and phone
SMALLEST_TEXT = 9.5  # points


def per_layout(value, layout):
    """``value`` itself, or its wide or narrow half when it is a ``(wide, narrow)`` pair.

    >>> per_layout((4.0, 6.5), "narrow"), per_layout(3.0, "narrow")
    (6.5, 3.0)
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, got {layout!r}")
    if isinstance(value, tuple):
        return value[LAYOUTS.index(layout)]
    return value


def figure_width(layout):
    """The width of a figure for ``layout``, in inches."""
    per_layout(0, layout)  # checks the name
    return WIDTH[layout]


def new_figure(layout, height, **kwargs):
    """An empty figure as wide as the column for ``layout``; ``height`` in inches (or a (wide, narrow) pair)."""
    kwargs.setdefault("layout", "constrained")
    return plt.figure(figsize=(figure_width(layout), per_layout(height, layout)), **kwargs)


def subplots(layout, panels=1, aspect=0.7, columns=None, extra=0.0, **kwargs):
    """A figure of ``panels`` panels: in a row when ``"wide"``, stacked in a column when ``"narrow"``.

    Each panel is ``aspect`` times as high as it is wide; ``extra`` inches are added for a
    legend or titles. ``columns`` (a number or a ``(wide, narrow)`` pair) overrides how many
    panels sit side by side. Returns the figure and a flat list of the panels (cells of the
    grid beyond ``panels`` are removed). Other keywords go to ``plt.subplots``.
    """
    width = figure_width(layout)
    columns = per_layout(columns, layout) or (panels if layout == "wide" else 1)
    rows = -(-panels // columns)
    height = rows * (width / columns) * per_layout(aspect, layout) + per_layout(extra, layout)
    kwargs.setdefault("layout", "constrained")
    figure, axes = plt.subplots(rows, columns, figsize=(width, height), squeeze=False, **kwargs)
    axes = list(axes.ravel())
    for ax in axes[panels:]:
        ax.remove()
    return figure, axes[:panels]


@contextmanager
def themed(theme):
    """Use the site's style for ``theme`` inside a ``with`` block."""
    with matplotlib.rc_context(style(theme)):
        yield


def opaque(theme):
    """Legend keywords for a legend on the theme's background, hiding the lines that pass behind it."""
    return {"frameon": True, "facecolor": theme["background"], "edgecolor": "none", "framealpha": 1.0}


SVG_SETTINGS = {
    "svg.fonttype": "path",  # glyphs as shapes: looks the same on every machine
    "svg.hashsalt": "dles",  # stable element ids, so re-renders give the same bytes
}


def save_svg(figure, path):
    """Save ``figure`` as an SVG with no timestamp, so identical figures give identical files.

    The page is the figure's own size, not cropped: a figure drawn as wide as the column
    (``subplots``, ``new_figure``) is shown at exactly the size its text was set in.
    """
    with matplotlib.rc_context(SVG_SETTINGS):  # read at save time, not when drawing
        figure.savefig(path, format="svg", metadata={"Date": None})
    plt.close(figure)


# ---------------------------------------------------------------- a function beside its slope

SLOPE_YLIM = (-0.08, 1.12)  # every slope on the activation pages lies in [0, 1]
SQUASH_YLIM = (-1.25, 1.25)  # sigmoid and tanh
RAMP_YLIM = (-1.6, 5.2)  # ReLU, leaky ReLU and ELU


def function_and_slope_axes(x_range, layout="wide", aspect=0.78):
    """Two panels, the function (left or top) and its slope (right or below), with zero lines.

    Every slope panel gets the same y range, so the pictures can be compared.
    """
    figure, (left, right) = subplots(layout, 2, aspect=aspect, sharex=True)
    for ax in (left, right):
        ax.tick_params(labelbottom=True)  # stacked (narrow), the upper panel keeps its numbers too
        ax.set_xlim(*x_range)
        ax.set_xlabel("input x")
        ax.axhline(0, color=plt.rcParams["axes.edgecolor"], linewidth=0.8, zorder=1)
        ax.axvline(0, color=plt.rcParams["axes.edgecolor"], linewidth=0.8, zorder=1)
    right.set_ylim(*SLOPE_YLIM)
    return figure, left, right


def labelled_point(ax, theme, x, y, text, colour_role, offset=(12, 0), ha="left", filled=True):
    """A dot at (x, y) with a short label next to it."""
    colour = theme[colour_role]
    ax.plot(
        [x],
        [y],
        "o",
        markersize=7,
        zorder=5,
        color=colour,
        markerfacecolor=colour if filled else theme["background"],
        markeredgewidth=1.8,
    )
    ax.annotate(
        text, (x, y), xytext=offset, textcoords="offset points", ha=ha, va="center", color=theme["text"], fontsize=10
    )


# ---------------------------------------------------------------- where a classifier says YES or NO


def grid_points(lo, hi, n):
    """An n-by-n grid over the square [lo, hi]²: the two coordinate tables and every point as a row.

    >>> g1, g2, points = grid_points(0.0, 1.0, 3)
    >>> g1.shape, points.shape, points[1].tolist()
    ((3, 3), (9, 2), [0.5, 0.0])
    """
    grid = np.linspace(lo, hi, n)
    g1, g2 = np.meshgrid(grid, grid)
    return g1, g2, np.column_stack([g1.ravel(), g2.ravel()])


def yes_no_regions(ax, theme, says_yes, extent, alpha):
    """Paint the answer at every grid point: blue where it says YES, orange where NO."""
    ax.imshow(
        says_yes,
        origin="lower",
        extent=extent,
        interpolation="nearest",
        alpha=alpha,
        cmap=ListedColormap([theme["negative"], theme["positive"]]),
        vmin=0,
        vmax=1,
    )


# ---------------------------------------------------------------- network diagrams


def node(ax, theme, xy, radius, text, edge="text", size=11, weight="normal"):
    """A neuron: a circle with its text inside."""
    ax.add_patch(Circle(xy, radius, facecolor=theme["background"], edgecolor=theme[edge], linewidth=2, zorder=3))
    ax.text(
        *xy,
        text,
        ha="center",
        va="center",
        fontsize=size,
        color=theme["text"],
        zorder=4,
        fontweight=weight,
        linespacing=1.35,
    )


def edge(ax, theme, start, end, radius_start, radius_end, width=1.6, color="muted"):
    """An arrow from the rim of one node to the rim of the next."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    direction = (end - start) / np.linalg.norm(end - start)
    arrow = FancyArrowPatch(
        start + direction * radius_start,
        end - direction * radius_end,
        arrowstyle="-|>",
        mutation_scale=14,
        linewidth=width,
        color=theme[color],
        zorder=2,
        shrinkA=0,
        shrinkB=0,
    )
    ax.add_patch(arrow)


def on_edge(ax, theme, start, end, fraction, text, color, size=11):
    """A label sitting on an edge, ``fraction`` of the way from start to end, with a background patch."""
    x = start[0] + fraction * (end[0] - start[0])
    y = start[1] + fraction * (end[1] - start[1])
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center",
        fontsize=size,
        color=theme[color],
        zorder=5,
        fontweight="bold",
        bbox={"boxstyle": "round,pad=0.2", "facecolor": theme["background"], "edgecolor": "none"},
    )
