"""Animation: a 2x2 window over a 4x4 feature map, keeping the max (the winner in yellow), then the mean.

Numbers: ``site_src.examples.pooling`` (``FEATURE_MAP``, ``windows``, ``winners``, ``pooled``).
"""

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, FadeIn, Transform

from scripts.scenes.cnn._grid import hold_for, number_grid, window
from scripts.style.manim import OneTakeScene, label
from scripts.style.numbers import fmt
from site_src.examples.pooling import FEATURE_MAP, SIZE, pooled, windows, winners

PLACES = ("top-left", "top-right", "bottom-left", "bottom-right")


def listed(block):
    """'1, 3, 5 and 2': a window's numbers, row by row."""
    numbers = [fmt(v, 0, trim=True) for v in np.asarray(block).ravel()]
    return ", ".join(numbers[:-1]) + " and " + numbers[-1]


class Clip(OneTakeScene):
    """Max pooling window by window, the winner lit up; then mean pooling of the same windows."""

    def say(self, caption, *animations, run_time=1.0, extra=0.0):
        self.narrate(caption, *animations, run_time=run_time, hold=hold_for(caption, run_time, extra))

    def construct(self):
        results, blocks, wins = pooled(), windows(), winners("max")
        top = float(FEATURE_MAP.max())
        title = label("Pooling: one number per 2×2 window", size=30).to_edge(UP, buff=0.3)
        feature_map = number_grid(FEATURE_MAP, 1.0, size=32, top=top).move_to(LEFT * 3.6 + DOWN * 0.3)
        map_title = label("feature map (4×4)", size=24, color="muted").next_to(feature_map, UP, buff=0.2)
        outputs, out_titles = {}, {}
        for mode, y in (("max", 1.1), ("mean", -1.9)):
            outputs[mode] = number_grid(results[mode], 1.1, size=28, blank=True).move_to(RIGHT * 3.6 + UP * y)
            out_titles[mode] = label(mode, size=24, color="muted").next_to(outputs[mode], LEFT, buff=0.3)
        self.add(title)
        self.say(
            "A 4 by 4 feature map. Every number is 0 or more, as after ReLU.",
            FadeIn(feature_map),
            FadeIn(map_title),
            FadeIn(outputs["max"]),
            FadeIn(out_titles["max"]),
        )

        frame = window(feature_map, 0, 0, SIZE, SIZE, color="text", width=8)
        for k, ((i, j), block) in enumerate(blocks.items()):
            r, c = wins[(i, j)]
            winner = window(feature_map, r, c, 1, 1, color="active", width=8)
            value = results["max"][i, j]
            filled = self.filled(outputs["max"], i, j, value, top)
            moves = [FadeIn(winner), Transform(outputs["max"].cells[i][j], filled)]
            moves.insert(
                0,
                FadeIn(frame) if k == 0 else frame.animate.move_to(window(feature_map, i * SIZE, j * SIZE, SIZE, SIZE)),
            )
            jump = "" if k == 0 else "Jump 2. "
            self.say(
                f"{jump}{PLACES[k].capitalize()}: the largest of {listed(block)} is {fmt(value, 0, trim=True)}.", *moves
            )

        self.say(
            "Four numbers instead of sixteen. Now the same windows, asking for the mean.",
            FadeIn(outputs["mean"]),
            FadeIn(out_titles["mean"]),
            frame.animate.move_to(window(feature_map, 0, 0, SIZE, SIZE)),
        )
        for k, ((i, j), block) in enumerate(blocks.items()):
            value = results["mean"][i, j]
            total = float(np.sum(block))
            filled = self.filled(outputs["mean"], i, j, value, top)
            moves = [Transform(outputs["mean"].cells[i][j], filled)]
            if k:
                moves.insert(0, frame.animate.move_to(window(feature_map, i * SIZE, j * SIZE, SIZE, SIZE)))
            self.say(
                f"{PLACES[k].capitalize()}: sum {fmt(total, 0, trim=True)}, mean {fmt(total, 0, trim=True)} / 4 "
                f"= {fmt(value, 2, trim=True)}.",
                *moves,
            )
        self.say("Max keeps each window's strongest number. Mean keeps a little of all four.", extra=1.5)

    @staticmethod
    def filled(grid, i, j, value, top):
        """The output cell (i, j), now showing ``value``."""
        cell = grid.cells[i][j]
        piece = number_grid([[value]], cell[0].width, size=28, top=top, digits=2)
        return piece.move_to(cell)
