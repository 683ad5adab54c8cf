"""A handwritten digit as you see it, and as the network gets it: an 8x8 grid of numbers from 0 to 16.

Numbers: ``site_src.examples.cnn_intro.digit`` (image ``DIGIT_INDEX`` of scikit-learn's digits).
"""

import matplotlib.pyplot as plt

from scripts.figures.cnn._grids import NARROW, WIDE, blank, grid
from scripts.style.plotting import themed
from site_src.examples.cnn_intro import digit

TOP = 16.0  # the inkiest pixel value of the digits set


def draw(theme, layout="wide"):
    """Left (top on a phone): the picture; right (below): the same picture as its numbers."""
    image, label = digit()
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, (left, right) = plt.subplots(1, 2, figsize=(WIDE, 3.9), width_ratios=(1, 1.25),
                                                 constrained_layout=True)
        else:
            figure, (left, right) = plt.subplots(2, 1, figsize=(NARROW, 6.6), height_ratios=(1, 1.25),
                                                 constrained_layout=True)
        grid(left, theme, image, 0, 8, top=TOP, numbers=False, edge="background")
        blank(left, (-0.2, 8.2), (-0.2, 9.3))
        left.text(4, 8.35, f"what you see: a {label}", ha="center", va="bottom", fontsize=11, color=theme["text"])
        grid(right, theme, image, 0, 8, top=TOP, size=10.5 if wide else 9.5)
        blank(right, (-0.1, 8.1), (-0.1, 9.3))
        right.text(4, 8.35, "what the network gets: 64 numbers", ha="center", va="bottom", fontsize=11,
                   color=theme["text"])
    return figure
