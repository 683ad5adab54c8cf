"""Gradient descent on three maps with contour lines: a round bowl, a ravine and a saddle.

Numbers: ``site_src.examples.descent`` (the bowl, ``map_paths`` and their learning rates) and the
ravine and saddle of ``site_src.examples.surfaces``, drawn as the optimizer chapters draw them.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures.training._maps import contour_map, walk
from scripts.style.numbers import fmt
from scripts.style.palette import series
from scripts.style.plotting import opaque, themed
from site_src.examples.descent import (
    BOWL_LR,
    BOWL_START,
    BOWL_STEPS,
    BOWL_TARGET,
    MAP_LR,
    RAVINE_STEPS,
    SADDLE_STEPS,
    bowl,
    bowl_grad,
    map_paths,
)
from site_src.examples.surfaces import saddle

BOWL_EXTENT = ((-1.5, 7.5), (-2.5, 6.5))
BOWL_LEVELS = (1.0, 4.0, 9.0)
ARROW_ANGLES = np.deg2rad([30, 90, 150, 270, 330])  # where, round the start's contour line, to draw −∇L
ARROW_LENGTH = 1.1  # arrows show the direction only


def _bowl(ax, theme, points):
    """The round bowl: contour circles, the way straight downhill at a few points of one circle, the walk."""
    (x0, x1), (y0, y1) = BOWL_EXTENT
    X, Y = np.meshgrid(np.linspace(x0, x1, 300), np.linspace(y0, y1, 300))
    lines = ax.contour(X, Y, bowl(X, Y), levels=BOWL_LEVELS, colors=theme["grid"], linewidths=1.1)
    ax.clabel(lines, fontsize=9.5, fmt=lambda v: fmt(v, 0), inline_spacing=2, colors=theme["muted"])
    ring = ax.contour(
        X, Y, bowl(X, Y), levels=[bowl(*BOWL_START)], colors=theme["muted"], linewidths=1.1, linestyles="--"
    )
    ax.clabel(ring, fontsize=9.5, fmt=lambda v: fmt(v, 0), colors=theme["muted"], manual=[(6.4, 3.5)])
    radius, (a, b) = np.sqrt(bowl(*BOWL_START)), BOWL_TARGET
    for angle in ARROW_ANGLES:
        x, y = a + radius * np.cos(angle), b + radius * np.sin(angle)
        down = -bowl_grad(x, y)
        dx, dy = ARROW_LENGTH * down / np.linalg.norm(down)
        ax.annotate(
            "",
            (x + dx, y + dy),
            (x, y),
            arrowprops={"arrowstyle": "-|>", "color": theme["gradient"], "linewidth": 1.8, "mutation_scale": 12},
            zorder=4,
        )
    ax.plot([], [], color=theme["gradient"], linewidth=1.8, label="−∇L: straight downhill")
    walk(ax, theme, points, label=f"η = {BOWL_LR:g}, {BOWL_STEPS} steps")
    ax.plot([a], [b], "+", color=theme["text"], markersize=12, markeredgewidth=2, zorder=4)
    ax.set(xlim=(x0, x1), ylim=(y0, y1), xlabel="weight x", ylabel="weight y", aspect="equal")
    ax.grid(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=9.5)
    ax.set_title(f"1. A round bowl: loss {fmt(bowl(*points[0]), 0)} → {fmt(bowl(*points[-1]), 4)}", fontsize=10.5)


def _saddle(ax, theme, ridge, hair):
    contour_map(ax, theme, "saddle", label_levels=False)
    colour = series(theme)[1]
    ax.plot(
        hair[:, 0],
        hair[:, 1],
        "--",
        marker="^",
        markersize=3.8,
        linewidth=1.4,
        color=colour,
        label=f"from y = {fmt(hair[0, 1], 2)}",
        zorder=3,
    )
    walk(ax, theme, ridge, label="from y = 0")  # on top: the two walks share the ridge at first
    ax.plot(
        [0.0],
        [0.0],
        "o",
        markersize=8,
        markerfacecolor="none",
        markeredgecolor=theme["gradient"],
        markeredgewidth=1.8,
        zorder=5,
    )
    ax.annotate(
        f"pass: gradient 0,\nloss {fmt(float(saddle(0.0, 0.0)), 2)}",
        (0.0, 0.0),
        xytext=(-2.35, -1.05),
        color=theme["text"],
        fontsize=9.5,
        ha="left",
        va="center",
        zorder=6,
        bbox={"boxstyle": "square,pad=0.15", "facecolor": theme["background"], "edgecolor": "none"},
        arrowprops={"arrowstyle": "->", "color": theme["muted"]},
    )
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="upper left", fontsize=9.5, **opaque(theme))
    ax.set_title(f"3. A saddle: η = {MAP_LR:g}, {SADDLE_STEPS} steps", fontsize=10.5)


def draw(theme, layout="wide"):
    """Wide: the bowl on the left, the ravine and the saddle beside it. Narrow: the three stacked."""
    wide = layout == "wide"
    paths = map_paths()
    with themed(theme):
        if wide:
            figure, axes = plt.subplot_mosaic(
                [["bowl", "ravine"], ["bowl", "saddle"]],
                figsize=(688 / 96, 5.0),
                width_ratios=(1.0, 1.15),
                layout="constrained",
            )
        else:
            figure, axes = plt.subplot_mosaic(
                [["bowl"], ["ravine"], ["saddle"]],
                figsize=(358 / 96, 9.6),
                height_ratios=(1.25, 0.8, 1.0),
                layout="constrained",
            )
        _bowl(axes["bowl"], theme, paths["bowl"])
        ravine = axes["ravine"]
        contour_map(ravine, theme, "ravine", label_levels=False)
        walk(ravine, theme, paths["ravine"])
        ravine.set_title(f"2. A ravine: η = {MAP_LR:g}, {RAVINE_STEPS} steps", fontsize=10.5)
        _saddle(axes["saddle"], theme, paths["saddle, on the ridge"], paths["saddle, a hair off"])
    return figure
