"""Animation: SGD, momentum, RMSprop and Adam race on the same two-weight loss, the ravine and then the saddle.

Numbers: ``site_src.examples.surfaces`` (the surfaces, the racers and their settings, ``race`` and ``losses``).
Each racer is a plain series: told apart by its marker and its name, not by a colour's meaning.
"""

import contourpy
import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    DashedVMobject,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    MoveAlongPath,
    Square,
    Transform,
    Triangle,
    VGroup,
    VMobject,
)

from scripts.style.manim import OneTakeScene, label
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.examples.surfaces import RACE, RACE_STEPS, SURFACES, losses, race

EXTENT = {"ravine": ((-9.0, 3.0), (-1.4, 1.4)), "saddle": ((-2.5, 1.5), (-1.6, 1.6))}
LEVELS = {"ravine": (0.2, 0.5, 1, 2, 4, 8), "saddle": (0.02, 0.08, 0.18, 0.25, 0.4, 0.8, 1.6)}
COLOURS = ("text", "muted", "extra", "text")  # neutral series colours; the marker tells the racers apart
DASHED = (False, False, False, True)  # Adam's trail is dashed, so it differs from SGD's in more than its marker
CHUNKS = (10, 30, RACE_STEPS)  # the steps at which the race pauses for a caption
ESCAPE = 0.5  # on the saddle, a racer has left the pass once |y| > 0.5


def marker(k, size=0.13):
    """Racer k's marker: a circle, a triangle, a square or a diamond."""
    colour = ANIM[COLOURS[k]]
    shapes = [
        lambda: Dot(radius=size, color=colour),
        lambda: Triangle(color=colour, fill_opacity=1, stroke_width=0).scale(size * 1.5),
        lambda: Square(side_length=size * 1.7, color=colour, fill_opacity=1, stroke_width=0),
        lambda: Square(side_length=size * 1.6, color=colour, fill_opacity=0, stroke_width=4).rotate(np.pi / 4),
    ]
    return shapes[k]()


def escape_step(points):
    """The first step after which the racer is off the pass (|y| > ESCAPE)."""
    return int(np.argmax(np.abs(points[:, 1]) > ESCAPE))


def captions(surface, paths):
    """What to say at the start and at each pause, from the computed paths."""
    names = list(paths)
    if surface == "ravine":
        first = ["The ravine: steep walls, a gentle floor. Four optimizers start at the same point."]
    else:
        first = ["A mountain pass: flat in the middle, with a valley on each side. They start on the ridge."]
    says = []
    for step in CHUNKS:
        order = sorted(names, key=lambda n: losses(surface, paths[n])[step])
        says.append(f"After {step} steps, lowest loss: {order[0]}, then {order[1]}.")
    if surface == "saddle":
        escapes = {n: escape_step(p) for n, p in paths.items()}
        fast = sorted((n for n in names if escapes[n] <= 5), key=escapes.get)
        slow = sorted((n for n in names if escapes[n] > 5), key=escapes.get)
        says[0] = (
            f"{' and '.join(fast)} leave the flat pass within {max(escapes[n] for n in fast)} steps: "
            "they divide by the tiny slope."
        )
        first_word = slow[0][0].upper() + slow[0][1:]
        says[1] = (
            f"{' and '.join([first_word] + slow[1:])} creep off the ridge only after "
            f"{min(escapes[n] for n in slow)} steps or more."
        )
    return first + says


class Clip(OneTakeScene):
    """Four optimizers race down the ravine, then over the saddle, each step computed by site_src."""

    def construct(self):
        self.legend_and_counter()
        for surface in ("ravine", "saddle"):
            self.run(surface)

    def legend_and_counter(self):
        self.title = label("The optimizer race", size=30).to_edge(UP, buff=0.25)
        rows = []
        for k, (name, kind, settings) in enumerate(RACE):  # noqa: B007
            extra = f", μ = {settings['momentum']:g}" if "momentum" in settings else ""
            text = label(f"{name}  (η = {settings['lr']:g}{extra})", size=24)
            rows.append(VGroup(marker(k), text).arrange(RIGHT, buff=0.2))
        self.legend = VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=0.6).to_edge(RIGHT, buff=0.3)
        self.legend.shift(UP * 0.8)
        self.add(self.title, self.legend)

    def readouts(self, surface, paths, step):
        """One "loss = ..." line under each legend row."""
        lines = []
        for row, points in zip(self.legend, paths.values()):
            value = losses(surface, points[step : step + 1])[0]
            text = label(f"loss {fmt(value, 4)}", size=22, color="muted")
            lines.append(text.next_to(row, DOWN, buff=0.08, aligned_edge=LEFT).shift(RIGHT * 0.45))
        return VGroup(*lines)

    def run(self, surface):
        paths = race(surface)
        says = captions(surface, paths)
        (x0, x1), (y0, y1) = EXTENT[surface]
        axes = (
            Axes(
                x_range=[x0, x1, 1 if surface == "ravine" else 0.5],
                y_range=[y0, y1, 0.5],
                x_length=7.5,
                y_length=5.2,
                tips=False,
                axis_config={"color": ANIM["muted"], "stroke_width": 2},
            )
            .to_edge(LEFT, buff=0.4)
            .shift(DOWN * 0.25)
        )
        contours = self.contours(axes, surface)
        name = label(
            f"{surface}: {'x²/20 + 5y²' if surface == 'ravine' else 'x²/2 + (y² − 1)²/4'}", size=22, color="muted"
        ).next_to(axes, UP, buff=0.12)
        markers = [marker(k).move_to(axes.c2p(*paths[n][0])) for k, n in enumerate(paths)]
        readout = self.readouts(surface, paths, 0)
        counter = label(f"step 0 of {RACE_STEPS}", size=24).next_to(self.legend, DOWN, buff=0.9, aligned_edge=LEFT)
        self.narrate(
            says[0],
            FadeIn(axes),
            FadeIn(contours),
            FadeIn(name),
            *[FadeIn(m) for m in markers],
            FadeIn(readout),
            FadeIn(counter),
            run_time=1.0,
            hold=3.8,
        )
        start = 0
        trails = []
        for chunk, caption in zip(CHUNKS, says[1:]):
            moves = []
            for k, (n, points) in enumerate(paths.items()):  # noqa: B007
                trail = VMobject(stroke_color=ANIM[COLOURS[k]], stroke_width=3, stroke_opacity=0.85)
                trail.set_points_as_corners([axes.c2p(*p) for p in points[start : chunk + 1]])
                drawn = DashedVMobject(trail, num_dashes=4 * (chunk - start), dashed_ratio=0.55) if DASHED[k] else trail
                trails.append(drawn)
                moves += [Create(drawn), MoveAlongPath(markers[k], trail.copy())]
            moves.append(Transform(readout, self.readouts(surface, paths, chunk)))
            moves.append(Transform(counter, label(f"step {chunk} of {RACE_STEPS}", size=24).move_to(counter)))
            words = len(caption.split())
            self.narrate(caption, *moves, run_time=2.2, hold=max(1.8, words / 2.6 - 2.2))
            start = chunk
        if surface == "ravine":
            self.play(FadeOut(Group(axes, contours, name, *markers, readout, counter, *trails)), run_time=0.6)

    @staticmethod
    def contours(axes, surface):
        """Contour lines of the surface, as Manim polylines through matplotlib's contour generator."""
        loss = SURFACES[surface][0]
        (x0, x1), (y0, y1) = EXTENT[surface]
        X, Y = np.meshgrid(np.linspace(x0, x1, 200), np.linspace(y0, y1, 140))
        generator = contourpy.contour_generator(X, Y, loss(X, Y))
        lines = VGroup()
        for level in LEVELS[surface]:
            for line in generator.lines(level):
                curve = VMobject(stroke_color=ANIM["grid"], stroke_width=2)
                curve.set_points_smoothly([axes.c2p(x, y) for x, y in line[::2]] + [axes.c2p(*line[-1])])
                lines.add(curve)
        return lines
