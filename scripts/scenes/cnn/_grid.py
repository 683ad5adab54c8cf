"""Manim pieces the CNN clips share: a grid of numbers, and a window outline on it."""

import numpy as np
from manim import Rectangle, Square, VGroup

from scripts.style.manim import label
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM


def cell_fill(value, top, signed):
    """(colour, opacity) of a cell: grey for pixel values, blue/orange for signed numbers."""
    if value == 0 or not top:
        return ANIM["background"], 0.0
    if signed:
        return ANIM["positive" if value > 0 else "negative"], 0.15 + 0.5 * abs(value) / top
    return ANIM["muted"], 0.1 + 0.45 * value / top


def number_grid(values, cell, size=26, signed=False, top=None, digits=0, blank=False):
    """A VGroup of rows x columns cells (Square + number), row-major; ``.cells[r][c]`` for each."""
    values = np.asarray(values, dtype=float)
    rows, cols = values.shape
    top = float(np.abs(values).max()) if top is None else top
    group, cells = VGroup(), []
    for r in range(rows):
        row = []
        for c in range(cols):
            v = values[r, c]
            colour, opacity = cell_fill(v, top, signed) if not blank else (ANIM["background"], 0.0)
            square = Square(cell, stroke_color=ANIM["grid"], stroke_width=2, fill_color=colour, fill_opacity=opacity)
            square.move_to(np.array([c * cell, -r * cell, 0]))
            text = label("" if blank else fmt(v, digits, trim=True), size=size).move_to(square)
            piece = VGroup(square, text)
            row.append(piece)
            group.add(piece)
        cells.append(row)
    group.cells = cells
    return group


def window(grid, row, col, rows, cols, color="active", width=7):
    """A rectangle around ``rows`` x ``cols`` cells of ``grid`` from (row, col)."""
    first, last = grid.cells[row][col][0], grid.cells[row + rows - 1][col + cols - 1][0]
    box = Rectangle(
        width=last.get_right()[0] - first.get_left()[0],
        height=first.get_top()[1] - last.get_bottom()[1],
        stroke_color=ANIM.get(color, color),
        stroke_width=width,
    )
    return box.move_to((first.get_corner(np.array([-1, 1, 0])) + last.get_corner(np.array([1, -1, 0]))) / 2)


WORDS_PER_SECOND = 2.6  # below the site's limit of 2.7


def hold_for(caption, run_time, extra=0.0):
    """How long to hold after ``run_time`` so the caption stays at least 3 s and is read at 2.6 words/s."""
    return max(3.0, len(caption.split()) / WORDS_PER_SECOND) - run_time + extra
