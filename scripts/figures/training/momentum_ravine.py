"""Plain SGD and SGD with momentum on the ravine: a zig-zag crawl, and a rolling ball.

Numbers: ``site_src.examples.momentum`` (``ravine_paths`` and its learning rates) and the ravine
of ``site_src.examples.surfaces``.
"""

import matplotlib.pyplot as plt

from scripts.figures.training._maps import NARROW, WIDE, contour_map, walk
from scripts.style.numbers import fmt
from scripts.style.plotting import themed
from site_src.examples.momentum import MOMENTUM_LR, MU, RAVINE_STEPS, SGD_LR, ravine_paths
from site_src.examples.surfaces import losses

TITLES = {"plain SGD": f"plain SGD, η = {SGD_LR:g}", "momentum": f"momentum, η = {MOMENTUM_LR:g}, μ = {MU:g}"}
MARKERS = {"plain SGD": "o", "momentum": "^"}


def draw(theme, layout="wide"):
    """Two maps of the ravine, one above the other: plain SGD's path, then momentum's."""
    wide = layout == "wide"
    with themed(theme):
        figure, axes = plt.subplots(2, 1, figsize=(WIDE, 4.9) if wide else (NARROW, 5.4), sharex=True,
                                    constrained_layout=True)
        for ax, (name, points) in zip(axes, ravine_paths().items()):
            contour_map(ax, theme, "ravine", label_levels=wide)
            walk(ax, theme, points, marker=MARKERS[name])
            loss = fmt(losses("ravine", points)[-1], 3)
            joint = ": " if wide else "\n"
            ax.set_title(f"{TITLES[name]}{joint}loss {loss} after {RAVINE_STEPS} steps", fontsize=10.5)
        axes[0].set_xlabel("")
    return figure
