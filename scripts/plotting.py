"""Shared matplotlib style: every figure on the site looks like this.

A figure function takes a theme (a dict from ``scripts.palette.THEMES``) and
builds its figure inside ``themed(theme)``, so text, axes and grid take the
theme's colours and the same font everywhere.
"""

from contextlib import contextmanager

import matplotlib
import matplotlib.pyplot as plt

from scripts.palette import FONT


def style(theme):
    """matplotlib rcParams for one site theme."""
    return {
        "font.family": FONT,
        "font.size": 11,
        "figure.facecolor": theme["background"],
        "axes.facecolor": theme["background"],
        "savefig.facecolor": theme["background"],
        "text.color": theme["text"],
        "axes.labelcolor": theme["text"],
        "axes.edgecolor": theme["muted"],
        "axes.titlecolor": theme["text"],
        "axes.titlesize": 12,
        "xtick.color": theme["muted"],
        "ytick.color": theme["muted"],
        "xtick.labelcolor": theme["text"],
        "ytick.labelcolor": theme["text"],
        "grid.color": theme["grid"],
        "axes.grid": True,
        "grid.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "legend.labelcolor": theme["text"],
    }


@contextmanager
def themed(theme):
    """Use the site's style for ``theme`` inside a ``with`` block."""
    with matplotlib.rc_context(style(theme)):
        yield


SVG_SETTINGS = {
    "svg.fonttype": "path",  # glyphs as shapes: looks the same on every machine
    "svg.hashsalt": "dles",  # stable element ids, so re-renders give the same bytes
}


def save_svg(figure, path):
    """Save ``figure`` as an SVG with no timestamp, so identical figures give identical files."""
    with matplotlib.rc_context(SVG_SETTINGS):  # read at save time, not when drawing
        figure.savefig(path, format="svg", bbox_inches="tight", pad_inches=0.08, metadata={"Date": None})
    plt.close(figure)
