"""What the digits network's 16 hidden neurons look for: each one's 64 weights drawn as an 8x8 picture.

Numbers: ``site_src.examples.digits_features`` (the data, the trained 64-16-10 network).
"""

import numpy as np
from matplotlib.colors import LinearSegmentedColormap

from scripts.style.numbers import fmt
from scripts.style.plotting import new_figure, themed
from site_src.examples.digits_features import data, trained_network, weight_pictures

SHOWN_DIGITS = 8  # how many training digits the top row shows


def _tile(ax, theme, picture, cmap, vmin, vmax):
    image = ax.imshow(picture, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():  # a thin frame, so a tile of near-0 weights still shows its edge
        spine.set_visible(True)
        spine.set_color(theme["grid"])
    return image


def draw(theme, layout="wide"):
    """A row of training digits, then the 16 hidden neurons' weight pictures on one shared colour scale."""
    X_train, y_train, _, _ = data()
    pictures = weight_pictures(trained_network().weights[0])
    # the first training example of each digit 0, 1, 2, ...
    shown = [int(np.flatnonzero(y_train == d)[0]) for d in range(SHOWN_DIGITS)]
    ink = LinearSegmentedColormap.from_list("ink", [theme["background"], theme["text"]])
    # blue = positive weight, orange = negative weight, background colour = 0
    weights = LinearSegmentedColormap.from_list("weights", [theme["negative"], theme["background"], theme["positive"]])
    biggest = float(np.abs(pictures).max())

    wide = layout == "wide"
    digit_cols, tile_cols = (8, 8) if wide else (4, 4)
    with themed(theme):
        figure = new_figure(layout, (4.55, 6.9))
        top, bottom = figure.subfigures(2, 1, height_ratios=(1.05, 2.35) if wide else (2.0, 4.9))
        top.suptitle("Some digits it learns from (8 × 8 pixels)" if wide else "Digits it learns from", fontsize=11)
        for ax, i in zip(top.subplots(SHOWN_DIGITS // digit_cols, digit_cols).ravel(), shown):
            _tile(ax, theme, X_train[i].reshape(8, 8), ink, 0.0, 1.0)
        bottom.suptitle(
            "The 64 weights of each of the 16 hidden neurons, as 8 × 8 pictures"
            if wide
            else "The 16 hidden neurons' weights,\neach as an 8 × 8 picture",
            fontsize=11,
        )
        axes = bottom.subplots(len(pictures) // tile_cols, tile_cols)
        for ax, picture in zip(axes.ravel(), pictures):
            image = _tile(ax, theme, picture, weights, -biggest, biggest)
        bar = bottom.colorbar(image, ax=axes, location="bottom", shrink=0.8 if wide else 0.95, aspect=35, pad=0.03)
        bar.set_ticks(
            [-biggest, 0, biggest],
            labels=[
                f"{fmt(-biggest, 1)}\nnegative\nink here lowers\nits total",
                "0",
                f"{fmt(biggest, 1, sign=True)}\npositive\nink here raises\nits total",
            ],
        )
        bar.ax.tick_params(labelsize=10)
        bar.set_label("weight", fontsize=10)
        bar.outline.set_visible(False)
    return figure
