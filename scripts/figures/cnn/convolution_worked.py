"""The worked example: a 5x5 picture, a 3x3 kernel and their 3x3 feature map, one stop outlined.

Numbers: ``site_src.examples.convolution`` (``IMAGE``, ``KERNEL``, ``STOP``, ``feature_map``).
"""

import matplotlib.pyplot as plt

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid, outline
from scripts.style.plotting import themed
from site_src.examples.convolution import IMAGE, KERNEL, STOP, feature_map


def draw(theme, layout="wide"):
    """Picture, kernel, feature map; the window of ``STOP`` and its output cell outlined in yellow."""
    out = feature_map()
    top = float(abs(out).max())
    k = KERNEL.shape[0]
    i, j = STOP
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, ax = plt.subplots(figsize=(WIDE, 3.0))
            places = {"image": (0, 5), "kernel": (6.6, 4), "out": (11.2, 4)}
            signs = [(5.8, 2.5, "⋆"), (10.4, 2.5, "=")]
            xlim, ylim = (-0.2, 14.4), (-0.3, 6.1)
        else:
            figure, ax = plt.subplots(figsize=(NARROW, 5.2))
            places = {"image": (1, 10.5), "kernel": (0, 3.6), "out": (4.0, 3.6)}
            signs = [(3.5, 2.1, "=")]
            xlim, ylim = (-0.2, 7.2), (-0.3, 11.7)
        x0, y0 = places["image"]
        grid(ax, theme, IMAGE, x0, y0, top=IMAGE.max(), size=12, title="picture (5×5)")
        outline(ax, theme, x0, y0, i, j, k, k)
        grid(ax, theme, KERNEL, *places["kernel"], signed=True, size=12, title="kernel (3×3)")
        x0, y0 = places["out"]
        grid(ax, theme, out, x0, y0, signed=True, top=top, size=12, title="feature map (3×3)")
        outline(ax, theme, x0, y0, i, j, 1, 1)
        for x, y, sign in signs:
            ax.text(x, y, sign, ha="center", va="center", fontsize=18, color=theme["text"])
        blank(ax, xlim, ylim)
    return figure
