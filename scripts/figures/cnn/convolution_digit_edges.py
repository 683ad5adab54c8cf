"""Three kernels on a real handwritten digit: the digit, each kernel, and the feature map it makes.

Numbers: ``site_src.examples.convolution`` (``EDGE_KERNELS``, ``digit_maps``) and the digit of
``site_src.examples.cnn_intro``.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid
from scripts.style.plotting import themed
from site_src.examples.cnn_intro import digit
from site_src.examples.convolution import EDGE_KERNELS, digit_maps

TITLES = {"grows to the right": "grows to\nthe right", "grows downwards": "grows\ndownwards",
          "blur (average of 9)": "blur (average\nof 9)"}


def _kernel(ax, theme, name, kernel):
    digits = 0 if np.all(kernel == np.round(kernel)) else 2
    grid(ax, theme, kernel, 0, 3, signed=True, top=float(np.abs(kernel).max()), digits=digits, size=10.5)
    blank(ax, (-0.05, 3.05), (-0.05, 3.05))
    ax.set_title(f"kernel: {TITLES[name]}", fontsize=10.5)


def _map(ax, theme, fmap):
    grid(ax, theme, fmap, 0, 6, signed=True, numbers=False, edge="background")
    blank(ax, (-0.05, 6.05), (-0.05, 6.05))
    ax.set_title(f"feature map\n{fmap.min():.0f} to {fmap.max():.0f}".replace("-", "−"),
                 fontsize=10)


def draw(theme, layout="wide"):
    """The digit; under each kernel its 6x6 feature map, blue above 0, orange below, white at 0."""
    image, _ = digit()
    maps = digit_maps()
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, axes = plt.subplots(2, 4, figsize=(WIDE, 4.4), constrained_layout=True)
            digit_ax, kernel_axes, map_axes = axes[0, 0], axes[0, 1:], axes[1, 1:]
            axes[1, 0].axis("off")
        else:
            figure, axes = plt.subplots(4, 2, figsize=(NARROW, 8.4), constrained_layout=True,
                                        height_ratios=(1.0, 1, 1, 1))
            digit_ax, kernel_axes, map_axes = axes[0, 0], axes[1:, 0], axes[1:, 1]
            axes[0, 1].axis("off")
        grid(digit_ax, theme, image, 0, 8, top=16, numbers=False, edge="background")
        blank(digit_ax, (-0.05, 8.05), (-0.05, 8.05))
        digit_ax.set_title("the digit (8×8)", fontsize=10.5)
        for kernel_ax, map_ax, (name, kernel) in zip(kernel_axes, map_axes, EDGE_KERNELS.items()):
            _kernel(kernel_ax, theme, name, kernel)
            _map(map_ax, theme, maps[name])
    return figure
