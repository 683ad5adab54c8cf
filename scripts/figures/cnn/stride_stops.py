"""Stride 2 on the handwritten digit: where the 3x3 stops start, what no stop reaches, the 3x3 map.

Numbers: ``site_src.examples.stride`` (``LEFTOVER_CASE``, ``starts``, ``never_seen``,
``digit_leftover``) and the digit of ``site_src.examples.cnn_intro``.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid
from scripts.style.plotting import themed
from site_src.examples.cnn_intro import digit
from site_src.examples.stride import LEFTOVER_CASE, digit_leftover, never_seen, starts


def draw(theme, layout="wide"):
    """Left: the digit, the first row's three stops outlined, the unseen strip hatched. Right: the map."""
    image, _ = digit()
    n, k, p, s = LEFTOVER_CASE
    feature_map, _, _ = digit_leftover()
    lost = never_seen(n, k, p, s)
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, ax = plt.subplots(figsize=(WIDE, 3.9))
            image_at, map_at = (0.0, 8.0), (9.6, 6.1)
            xlim, ylim = (-0.3, 14.0), (-2.2, 9.3)
        else:
            figure, ax = plt.subplots(figsize=(NARROW, 6.6))
            image_at, map_at = (0.0, 13.2), (1.9, 2.4)
            xlim, ylim = (-0.3, 8.3), (-2.0, 14.5)
        x0, y0 = image_at
        grid(ax, theme, image, x0, y0, top=16.0, size=10, title="the digit (8×8), kernel 3×3, stride 2",
             title_size=10.5)
        for r in lost:  # the strip no stop reaches
            ax.add_patch(Rectangle((x0, y0 - (r + 1)), n, 1, facecolor="none", hatch="//",
                                   edgecolor=theme["muted"], linewidth=0, alpha=0.9, zorder=2))
        for c in lost:
            ax.add_patch(Rectangle((x0 + c, y0 - n), 1, n, facecolor="none", hatch="//",
                                   edgecolor=theme["muted"], linewidth=0, alpha=0.9, zorder=2))
        styles = ("-", "--", ":")
        for number, left in enumerate(starts(n, k, p, s)):  # the first row's stops
            ax.add_patch(Rectangle((x0 + left + 0.06 * number, y0 - k + 0.06 * number), k - 0.12 * number,
                                   k - 0.12 * number, facecolor="none", edgecolor=theme["text"], linewidth=2.2,
                                   linestyle=styles[number], zorder=4))
        ax.text(x0 + n / 2, y0 - n - 0.25, "outlined: the first row's 3 stops\n"
                f"hatched: row and column {lost[0]}, never under the kernel",
                ha="center", va="top", fontsize=10, color=theme["text"])
        grid(ax, theme, feature_map, *map_at, cell=1.4, signed=True, size=10.5, title="feature map (3×3)",
             title_size=10.5)
        blank(ax, xlim, ylim)
    return figure
