"""All the code, as a map: the thirteen concepts of the course, numbered in the order the page shows them.

The concepts and their order are the page's (docs/projects/all-the-code.md, "See it");
tests/chapters/test_projects_all_the_code.py checks that this list and the page agree.
"""

from scripts.figures.projects._map import arrow, box, canvas
from scripts.style.plotting import themed

CONCEPTS = (
    "perceptron",
    "activations",
    "MLP",
    "losses",
    "autograd",
    "gradient check",
    "optimizers",
    "initialization",
    "dropout",
    "layers",
    "convolution",
    "pooling",
    "digits CNN",
)


def draw(theme, layout="wide"):
    """Numbered boxes along a winding road: a row left to right, the next right to left, and so on."""
    wide = layout == "wide"
    columns = 5 if wide else 2
    rows = -(-len(CONCEPTS) // columns)
    w, h, gap_x, gap_y, margin = (1.28, 0.46, 0.15, 0.26, 0.08) if wide else (1.55, 0.42, 0.41, 0.2, 0.08)
    height = rows * h + (rows - 1) * gap_y + 2 * margin
    with themed(theme):
        figure, ax = canvas(layout, height)
        places = []
        for i, concept in enumerate(CONCEPTS):
            row, k = divmod(i, columns)
            column = k if row % 2 == 0 else columns - 1 - k  # every other row runs backwards
            x = margin + column * (w + gap_x)
            y = height - margin - h - row * (h + gap_y)
            box(ax, theme, x, y, w, h, f"{i + 1} {concept}", strong=i == len(CONCEPTS) - 1, size=10)
            places.append((x, y))
        for (x0, y0), (x1, y1) in zip(places, places[1:]):
            if y0 != y1:  # down to the next row
                arrow(ax, theme, (x0 + w / 2, y0), (x1 + w / 2, y1 + h))
            elif x1 > x0:
                arrow(ax, theme, (x0 + w, y0 + h / 2), (x1, y1 + h / 2))
            else:
                arrow(ax, theme, (x0, y0 + h / 2), (x1 + w, y1 + h / 2))
    return figure
