"""What next, as a map: from what the course taught to the five roads the page describes.

The roads and what each holds are the page's five steps (docs/projects/what-next.md, "How it
works, step by step"); tests/chapters/test_projects_what_next.py checks that they agree.
"""

from scripts.figures.projects._map import arrow, box, canvas
from scripts.style.plotting import themed

START = ("you can now", "build, train and check a network")
ROADS = (
    ("1  tune the settings", "random search, the range test"),
    ("2  regularize more", "augmentation, more data"),
    ("3  other architectures", "ResNets, LSTMs, Transformers"),
    ("4  evaluate honestly", "cross-validation, no leakage"),
    ("5  deploy", "save, load, predict"),
)


def draw(theme, layout="wide"):
    """The start on the left (wide) or on top (narrow), an arrow to each of the five roads."""
    wide = layout == "wide"
    h, gap = 0.56, 0.14
    stack = len(ROADS) * h + (len(ROADS) - 1) * gap
    with themed(theme):
        if wide:
            height = stack + 0.16
            figure, ax = canvas(layout, height)
            sx, sw, sh = 0.08, 2.55, 0.9
            sy = (height - sh) / 2
            box(ax, theme, sx, sy, sw, sh, *START, strong=True, size=11)
            rx, rw = 3.55, 3.5
            for k, road in enumerate(ROADS):
                y = height - 0.08 - h - k * (h + gap)
                box(ax, theme, rx, y, rw, h, *road)
                arrow(ax, theme, (sx + sw, sy + sh / 2), (rx, y + h / 2))
        else:
            sh = 0.8
            height = sh + 0.35 + stack + 0.16
            figure, ax = canvas(layout, height)
            sx, sw = 0.08, 3.57
            sy = height - 0.08 - sh
            box(ax, theme, sx, sy, sw, sh, *START, strong=True, size=11)
            trunk, rx, rw = 0.3, 0.55, 3.1
            for k, road in enumerate(ROADS):
                y = sy - 0.35 - h - k * (h + gap)
                box(ax, theme, rx, y, rw, h, *road)
                # down the trunk on the left, then right into the road
                arrow(ax, theme, (trunk, sy), (rx, y + h / 2), connection="angle,angleA=-90,angleB=180,rad=0")
    return figure
