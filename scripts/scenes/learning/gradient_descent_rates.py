"""Animation: gradient descent on the one-dial loss (w − 3)² with three learning rates side by side.

Numbers: ``site_src.examples.descent`` (the loss, ``descend`` and the clip's learning rates and steps).
"""

import numpy as np
from manim import (
    DOWN,
    UP,
    AnimationGroup,
    Axes,
    BackgroundRectangle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    Line,
    Succession,
    Transform,
    VGroup,
    Wait,
)

from scripts.style.manim import OneTakeScene, label
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM, SERIES
from site_src.examples.descent import CLIP_RATES, CLIP_STEPS, START, parabola_loss, paths

NAMES = {0.02: "too small", 0.3: "good", 1.05: "too big"}  # what each learning rate does
W_RANGE, LOSS_TOP = (-4.0, 10.0), 50.0


class Clip(OneTakeScene):
    """Three balls roll down the same loss curve with three learning rates."""

    def construct(self):
        rolls = paths(CLIP_RATES, CLIP_STEPS)
        title = label(f"Gradient descent on the loss (w − 3)², from w = {START:g}", size=28).to_edge(UP, buff=0.3)
        panels, balls, readouts = [], [], []
        for k, lr in enumerate(CLIP_RATES):
            name, path = NAMES[lr], rolls[lr]
            centre = np.array([-4.65 + 4.65 * k, 0.05, 0])
            axes = Axes(
                x_range=[*W_RANGE, 2],
                y_range=[0, LOSS_TOP, 10],
                x_length=4.1,
                y_length=3.9,
                tips=False,
                axis_config={"color": ANIM["muted"], "stroke_width": 2},
            ).move_to(centre)
            axes.y_axis.set_opacity(0)  # no loss axis: the numbers are written underneath
            curve = axes.plot(
                lambda w: float(parabola_loss(w)),
                x_range=[W_RANGE[0], W_RANGE[1]],
                color=SERIES["dark"][0],
                stroke_width=3,
            )  # a plain curve: a neutral colour
            best = DashedLine(axes.c2p(3, 0), axes.c2p(3, LOSS_TOP * 0.8), color=ANIM["muted"], stroke_width=2)
            best_text = label("best w = 3", size=22, color="muted").next_to(best, UP, buff=0.08)
            # on a patch of the card's colour, in front: the big rate's trails pass behind it
            best_text = VGroup(
                BackgroundRectangle(best_text, color=ANIM["background"], fill_opacity=1, buff=0.04), best_text
            ).set_z_index(1)
            heading = label(f"η = {lr:g}: {name}", size=26)
            heading.next_to(axes, UP, buff=0.2)
            panels.append((axes, path))
            ball = Dot(axes.c2p(path[0], parabola_loss(path[0])), radius=0.11, color=ANIM["active"])
            balls.append(ball.set_z_index(2))
            readouts.append(self.readout(path[0]).next_to(axes, DOWN, buff=0.25))
            self.add(axes, curve, best, best_text, heading)
        counter = label(f"step 0 of {CLIP_STEPS}", size=26).to_edge(DOWN, buff=0.35)
        self.add(title)
        self.narrate(
            f"Three balls start at w = {START:g}. Each step: w ← w − η × slope.",
            *[FadeIn(b) for b in balls],
            *[FadeIn(r) for r in readouts],
            FadeIn(counter),
            run_time=1.0,
        )

        def step_to(step):
            """Every ball's move from step − 1 to ``step``, with its trail, readout and the counter."""
            moves = []
            for k, (axes, path) in enumerate(panels):
                start = axes.c2p(path[step - 1], parabola_loss(path[step - 1]))
                end = axes.c2p(path[step], parabola_loss(path[step]))
                trail = Line(start, end, color=ANIM["active"], stroke_width=2, stroke_opacity=0.6)
                moves += [
                    Create(trail),
                    balls[k].animate.move_to(end),
                    Transform(readouts[k], self.readout(path[step]).move_to(readouts[k])),
                ]
            moves.append(Transform(counter, label(f"step {step} of {CLIP_STEPS}", size=26).move_to(counter)))
            return AnimationGroup(*moves, run_time=0.7)

        def steps(first, last):
            """Steps ``first`` to ``last``, one after another, with a short pause after each."""
            return Succession(*[piece for s in range(first, last + 1) for piece in (step_to(s), Wait(0.3))])

        self.narrate(
            "Step 1: small η barely moves; good η takes a big bite; big η jumps past the bottom.",
            steps(1, 1),
            run_time=1.0,
        )
        middle = CLIP_STEPS // 2
        self.narrate(
            f"Steps 2 to {middle}: the big η overshoots further every time, so its loss grows.",
            steps(2, middle),
            run_time=(middle - 1) * 1.0,
        )
        self.narrate(
            f"After {CLIP_STEPS} steps: still crawling, arrived, and ever higher up the walls.",
            steps(middle + 1, CLIP_STEPS),
            run_time=(CLIP_STEPS - middle) * 1.0,
        )

    @staticmethod
    def readout(w):
        return label(f"w = {fmt(w, 2)}   loss = {fmt(float(parabola_loss(w)), 2)}", size=22)
