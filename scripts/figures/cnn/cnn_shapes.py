"""The digits CNN from picture to ten scores: the shape after every stage, each drawn to scale.

Numbers: ``site_src.projects.digits_cnn`` (``build_network``, ``shapes``); no training needed.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle

from scripts.figures.cnn._grids import NARROW, WIDE, blank
from scripts.style.plotting import themed
from site_src.projects.digits_cnn import SIDE, build_network, shapes

# what each stage is called in the picture (ReLU shares its box with the convolution before it)
NAMES = {"input": "picture", "Conv2D": "conv 3×3\n+ ReLU", "Pool2D": "max pool\n2×2", "Flatten": "flatten",
         "Dense": "dense\n→ softmax"}


def stages():
    """(name, shape) of every stage to draw: the picture, then each layer's output (ReLU folded in)."""
    steps = shapes(build_network(), np.zeros((1, 1, SIDE, SIDE)))
    return [(NAMES[name], shape) for name, shape in steps if name != "Activation"]


def block_width(shape, unit):
    """How wide ``block`` draws a stage."""
    return shape[1] * unit + 0.09 * (min(shape[0], 6) - 1) if len(shape) == 3 else 0.3


def block(ax, theme, x, y_mid, shape, unit):
    """A stack of maps (C, H, W) drawn as offset squares, or a column of numbers (n,) as a thin bar."""
    if len(shape) == 3:
        c, h, _ = shape
        side = h * unit
        layers = min(c, 6)  # at most 6 sheets drawn; the label gives the true count
        for k in reversed(range(layers)):
            ax.add_patch(Rectangle((x + 0.09 * k, y_mid - side / 2 + 0.09 * k), side, side,
                                   facecolor=theme["background"], edgecolor=theme["text"], linewidth=1.2))
        return x + side + 0.09 * (layers - 1)
    height = min(shape[0] * 0.04, 2.4)
    ax.add_patch(Rectangle((x, y_mid - height / 2), 0.3, height, facecolor=theme["grid"],
                           edgecolor=theme["text"], linewidth=1.2))
    return x + 0.3


def label_of(shape):
    return "×".join(str(n) for n in shape)


def draw(theme, layout="wide"):
    """Every stage's shape, left to right (wide) or in two rows (narrow)."""
    wide = layout == "wide"
    steps = stages()
    unit = 0.22 if wide else 0.2
    with themed(theme):
        if wide:
            figure, ax = plt.subplots(figsize=(WIDE, 2.9))
            rows = [steps]
            slot_width, xlim, ylim = 2.4, (-0.1, 16.9), (-2.9, 2.1)
        else:
            figure, ax = plt.subplots(figsize=(NARROW, 5.0))
            rows = [steps[:4], steps[4:]]
            slot_width, xlim, ylim = 2.4, (-0.1, 9.7), (-8.6, 2.1)
        for r, row in enumerate(rows):
            y_mid, previous = -r * 5.6, None
            for k, (name, shape) in enumerate(row):
                slot = k * slot_width  # every stage gets the same width, so the labels never touch
                width = block_width(shape, unit)
                left = slot + (slot_width - width) / 2
                right = block(ax, theme, left, y_mid, shape, unit)
                centre = slot + slot_width / 2
                ax.text(centre, y_mid - 1.35, label_of(shape), ha="center", va="top", fontsize=10.5,
                        color=theme["text"], fontweight="bold")
                ax.text(centre, y_mid - 1.85, name, ha="center", va="top", fontsize=10, color=theme["text"])
                if previous is not None:
                    ax.add_patch(FancyArrowPatch((previous + 0.08, y_mid), (left - 0.08, y_mid), arrowstyle="-|>",
                                                 mutation_scale=12, color=theme["muted"], linewidth=1.4))
                previous = right
        blank(ax, xlim, ylim)
    return figure
