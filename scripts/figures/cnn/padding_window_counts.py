"""Under how many stops of a 3x3 kernel each pixel of a 5x5 picture lies, without and with a zero border.

Numbers: ``site_src.examples.convolution`` (``stops_covering``, ``IMAGE``, ``PAD``).
"""

import matplotlib.pyplot as plt

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid
from scripts.style.plotting import themed
from site_src.examples.convolution import IMAGE, KERNEL, PAD, stops_covering


def draw(theme, layout="wide"):
    """Two 5x5 grids of counts: no padding (corners 1, middle 9) and padding 1 (corners 4)."""
    side, k = IMAGE.shape[0], KERNEL.shape[0]
    panels = [(stops_covering(side, k), "no padding:\n3×3 map, 9 stops"),
              (stops_covering(side, k, padding=PAD), f"padding {PAD}:\n5×5 map, 25 stops")]
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, axes = plt.subplots(1, 2, figsize=(WIDE, 3.6), constrained_layout=True)
        else:
            figure, axes = plt.subplots(2, 1, figsize=(NARROW, 7.0), constrained_layout=True)
        for ax, (counts, title) in zip(axes, panels):
            grid(ax, theme, counts, 0, side, top=k * k, size=13)
            blank(ax, (-0.1, side + 0.1), (-0.1, side + 0.1))
            ax.set_title(title, fontsize=11)
        figure.suptitle("how many stops of the 3×3 kernel cover each pixel" if wide else
                        "how many stops of the 3×3 kernel\ncover each pixel", fontsize=11)
    return figure
