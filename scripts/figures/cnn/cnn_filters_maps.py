"""The trained digits CNN's first layer: its eight learned 3x3 filters, and what they make of one test digit.

Numbers: ``site_src.projects.digits_cnn`` (``trained``, ``first_filters``, ``feature_maps``,
``load_split`` and ``SHOWN_INDEX``, the test picture shown).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid
from scripts.style.plotting import themed
from site_src.projects.digits_cnn import SHOWN_INDEX, feature_maps, first_filters, load_split, trained

FILTER_CELL, MAP_CELL = 0.9, 0.36  # a filter is 3 cells wide, a map 8: about the same size drawn


def draw(theme, layout="wide"):
    """The test digit; each filter (blue positive, orange negative) above its feature map after ReLU (grey)."""
    network, _ = trained()
    picture = load_split().X_test[SHOWN_INDEX, 0]
    filters, maps = first_filters(network), feature_maps(network, picture)
    top, map_top = float(np.abs(filters).max()), float(maps.max())
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, ax = plt.subplots(figsize=(WIDE, 2.9))
            picture_at = (0.0, 3.7)
            places = [(3.9 + 3.55 * k, 7.0) for k in range(8)]
            xlim, ylim = (-0.2, 32.4), (-0.4, 7.8)
        else:
            figure, ax = plt.subplots(figsize=(NARROW, 6.6))
            picture_at = (5.2, 17.6)
            places = [(3.7 * (k % 4), 12.6 - 7.4 * (k // 4)) for k in range(8)]
            xlim, ylim = (-0.2, 14.6), (-1.9, 18.4)
        grid(ax, theme, picture, *picture_at, cell=MAP_CELL, top=1.0, numbers=False, edge="background",
             title="test picture",
             title_size=10)
        for k, (x, y) in enumerate(places):
            grid(ax, theme, filters[k], x + 0.25, y, cell=FILTER_CELL, signed=True, top=top, numbers=False,
                 title=f"filter {k + 1}", title_size=10)
            grid(ax, theme, maps[k], x, y - 3.0 * FILTER_CELL - 0.55, cell=MAP_CELL, top=map_top, numbers=False,
                 edge="background")
        blank(ax, xlim, ylim)
    return figure
