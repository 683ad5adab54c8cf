"""Animation: a 3x3 kernel slides over a 5x5 picture; at every stop the nine products and their sum fill one cell.

Numbers: ``site_src.examples.convolution`` (``IMAGE``, ``KERNEL``, ``products`` and ``feature_map``).
"""

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    FadeIn,
    FadeOut,
    Succession,
    Transform,
    VGroup,
    Wait,
)

from scripts.scenes.cnn._grid import cell_fill, hold_for, number_grid, window
from scripts.style.manim import OneTakeScene, label
from scripts.style.numbers import fmt
from site_src.examples.convolution import IMAGE, KERNEL, feature_map, products

K = KERNEL.shape[0]
STEP = 2.0  # seconds per stop when three stops share one caption


def sum_text(p, total):
    """'0 + 0 + 4 − 1 + ... = 10': the nine products added, left to right, row by row."""
    terms = [fmt(v, 0, trim=True) for v in p.ravel()]
    text = terms[0] + "".join(f" − {t[1:]}" if t.startswith("−") else f" + {t}" for t in terms[1:])
    return f"{text} = {fmt(total, 0, trim=True)}"


class Clip(OneTakeScene):
    """The kernel visits all nine stops; each stop's products, sum and output cell are shown."""

    def say(self, caption, *animations, run_time=1.0, extra=0.0):
        """Narrate, holding long enough to read the caption."""
        self.narrate(caption, *animations, run_time=run_time, hold=hold_for(caption, run_time, extra))

    def construct(self):
        out = feature_map()
        top = float(abs(out).max())
        title = label("A 3×3 kernel slides over a 5×5 picture", size=30).to_edge(UP, buff=0.3)

        image = number_grid(IMAGE, 0.8, size=26, top=IMAGE.max()).move_to(LEFT * 4.7 + DOWN * 0.3)
        image_title = label("picture", size=24, color="muted").next_to(image, UP, buff=0.2)
        kernel = number_grid(KERNEL, 0.6, size=22, signed=True).move_to(UP * 1.55 + LEFT * 0.1)
        kernel_title = label("kernel", size=24, color="muted").next_to(kernel, UP, buff=0.15)
        result = number_grid(out, 0.9, size=28, blank=True).move_to(RIGHT * 4.8 + DOWN * 0.3)
        result_title = label("feature map", size=24, color="muted").next_to(result, UP, buff=0.2)

        p, total = products((0, 0))
        prods = number_grid(p, 0.7, size=24, signed=True, top=top / 3).move_to(DOWN * 1.15 + LEFT * 0.1)
        prods_title = label("pixel × weight", size=22, color="muted").next_to(prods, UP, buff=0.12)
        line = label(sum_text(p, total), size=26, color="active").move_to(DOWN * 2.8)
        frame = window(image, 0, 0, K, K)
        target = window(result, 0, 0, 1, 1)

        self.add(title)
        self.say(
            "A picture is a grid of numbers. The kernel is a 3×3 grid of weights.",
            FadeIn(image),
            FadeIn(image_title),
            FadeIn(kernel),
            FadeIn(kernel_title),
            FadeIn(result),
            FadeIn(result_title),
        )
        self.say(
            "Lay the kernel on the top-left corner. Multiply each pixel by the weight on top of it.",
            FadeIn(frame),
            FadeIn(prods),
            FadeIn(prods_title),
        )
        filled = self.fill(result, 0, 0, out[0, 0], top)
        self.say(
            f"Add the nine products: {fmt(total, 0, trim=True)}. That sum is the first number of the feature map.",
            FadeIn(line),
            FadeIn(target),
            Transform(result.cells[0][0], filled),
        )

        n = out.shape[0]
        for stop in range(1, n * n):
            i, j = divmod(stop, n)
            p, total = products((i, j))
            new_prods = number_grid(p, 0.7, size=24, signed=True, top=top / 3).move_to(prods)
            new_line = label(sum_text(p, total), size=26, color="active").move_to(line)
            moves = [
                frame.animate.move_to(window(image, i, j, K, K)),
                target.animate.move_to(window(result, i, j, 1, 1)),
                Transform(prods, new_prods),
                Transform(line, new_line),
                Transform(result.cells[i][j], self.fill(result, i, j, out[i, j], top)),
            ]
            if stop < 3:
                self.say(
                    f"Slide one step right. The products add up to {fmt(total, 0, trim=True)}.", *moves, run_time=0.8
                )
                continue
            # the last six stops go three to a caption: fewer clips, a smaller video
            if stop % 3 == 0:
                sums = [fmt(out[divmod(s, n)], 0, trim=True) for s in range(stop, stop + 3)]
                caption = f"Stops {stop + 1} to {stop + 3}: the sums are {sums[0]}, {sums[1]} and {sums[2]}."
                group = []
                self.add_subcaption(caption, duration=3 * STEP)
            group.append(AnimationGroup(*moves, run_time=0.8))
            group.append(Wait(STEP - 0.8))
            if stop % 3 == 2:
                self.play(Succession(*group))

        summary = label("Big where the numbers grow to the right, negative where they fall.", size=26).move_to(line)
        self.say(
            "The whole feature map: big where the numbers grow to the right, negative where they fall.",
            target.animate.set_stroke(opacity=0),
            frame.animate.set_stroke(opacity=0),
            FadeOut(line),
            FadeIn(summary, shift=UP * 0.2),
            extra=1.5,
        )

    @staticmethod
    def fill(result, i, j, value, top):
        """The output cell (i, j), coloured by its sign and showing ``value``."""
        square = result.cells[i][j][0].copy()
        colour, opacity = cell_fill(value, top, signed=True)
        square.set_fill(colour, opacity=opacity)
        return VGroup(square, label(fmt(value, 0, trim=True), size=28).move_to(square))
