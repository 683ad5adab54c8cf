"""Max, min and mean pooling of one 4x4 feature map with 2x2 windows, every number written.

Numbers: ``site_src.examples.pooling`` (``FEATURE_MAP``, ``pooled``, ``winners``).
"""

import matplotlib.pyplot as plt

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid, outline
from scripts.style.plotting import themed
from site_src.examples.pooling import FEATURE_MAP, SIZE, pooled, winners


def draw(theme, layout="wide"):
    """The map with its four windows outlined and each max marked in yellow; the three pooled maps."""
    results = pooled()
    top = float(FEATURE_MAP.max())
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, ax = plt.subplots(figsize=(WIDE, 3.1))
            map_at = (0.0, 4.0)
            result_at = {"max": (5.6, 3.3), "min": (9.0, 3.3), "mean": (12.4, 3.3)}
            xlim, ylim = (-0.2, 15.2), (-1.6, 5.0)
        else:
            figure, ax = plt.subplots(figsize=(NARROW, 5.6))
            map_at = (1.6, 9.6)
            result_at = {"max": (0.0, 3.4), "min": (2.95, 3.4), "mean": (5.9, 3.4)}
            xlim, ylim = (-0.2, 8.7), (-0.2, 10.6)
        x0, y0 = map_at
        grid(ax, theme, FEATURE_MAP, x0, y0, top=top, size=12, title="feature map (4×4)")
        for i in range(2):
            for j in range(2):
                outline(ax, theme, x0, y0, i * SIZE, j * SIZE, SIZE, SIZE, role="text", width=2.0)
        for r, c in winners("max").values():
            outline(ax, theme, x0, y0, r, c, 1, 1, role="active", width=2.6)
        for mode, (x, y) in result_at.items():
            grid(ax, theme, results[mode], x, y, cell=1.3, top=top, size=11, digits=2, title=f"{mode} (2×2)")
        note = "yellow: each window's largest number"
        ax.text(x0 + 2.0, y0 - 4.25, note, ha="center", va="top", fontsize=10, color=theme["text"])
        blank(ax, xlim, ylim)
    return figure
