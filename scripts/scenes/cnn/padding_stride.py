"""Animation: the 5x5 picture with a zero border, at stride 1 and then at stride 2, the output-size formula filled in.

Numbers: ``site_src.examples.convolution`` (``IMAGE``, ``KERNEL``, ``PAD``, ``STRIDE``, ``padded_maps``)
and ``site_src.conv`` (``pad``, ``conv_output_size``).
"""

from manim import DOWN, LEFT, RIGHT, UP, AnimationGroup, FadeIn, FadeOut, Succession, Transform, VGroup, Wait

from scripts.scenes.cnn._grid import cell_fill, hold_for, number_grid, window
from scripts.style.manim import OneTakeScene, label
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.conv import conv_output_size, pad
from site_src.examples.convolution import IMAGE, KERNEL, PAD, STRIDE, padded_maps

N, K = IMAGE.shape[0], KERNEL.shape[0]


def formula(stride, out):
    """The output-size formula with this clip's numbers in it."""
    return f"output = (n + 2p − k) ÷ s + 1 = ({N} + 2×{PAD} − {K}) ÷ {stride} + 1 = {out}"


class Clip(OneTakeScene):
    """Padding 1 at stride 1 keeps the 5x5 size; stride 2 makes the map 3x3."""

    def say(self, caption, *animations, run_time=1.0, extra=0.0):
        self.narrate(caption, *animations, run_time=run_time, hold=hold_for(caption, run_time, extra))

    def construct(self):
        maps = padded_maps()
        top = max(float(abs(m).max()) for m in maps)
        title = label(f"Padding {PAD}, then stride {STRIDE}", size=30).to_edge(UP, buff=0.3)
        picture = number_grid(pad(IMAGE, PAD), 0.62, size=22, top=IMAGE.max()).move_to(LEFT * 3.9 + DOWN * 0.2)
        for r, row in enumerate(picture.cells):
            for c, (square, text) in enumerate(row):
                if r in (0, N + 1) or c in (0, N + 1):  # the zero border: dashed look, muted number
                    square.set_stroke(ANIM["muted"], opacity=0.6)
                    text.set_color(ANIM["muted"])
        picture_title = label(f"picture {N}×{N} + a border of zeros", size=22, color="muted")
        picture_title.next_to(picture, UP, buff=0.15)
        self.add(title)
        self.say(
            f"The same {N}×{N} picture, with a border of zeros all round: padding {PAD}.",
            FadeIn(picture),
            FadeIn(picture_title),
        )

        for stride, fmap in zip((1, STRIDE), maps):
            out = conv_output_size(N, K, PAD, stride)
            assert fmap.shape == (out, out)
            result = number_grid(fmap, 0.62 if out > 3 else 0.8, size=22, blank=True).move_to(RIGHT * 3.9 + DOWN * 0.2)
            result_title = label(f"feature map, stride {stride}", size=22, color="muted").next_to(result, UP, buff=0.15)
            frame = window(picture, 0, 0, K, K)
            target = window(result, 0, 0, 1, 1)
            equation = label(formula(stride, "?"), size=24).move_to(DOWN * 2.95)
            if stride == 1:
                self.say(
                    "The kernel can now stop with its middle on every pixel, even the corners.",
                    FadeIn(result),
                    FadeIn(result_title),
                    FadeIn(frame),
                    FadeIn(target),
                    FadeIn(equation),
                )
            else:
                self.say(
                    f"Now stride {stride}: the kernel jumps {stride} pixels at a time.",
                    FadeIn(result),
                    FadeIn(result_title),
                    FadeIn(frame),
                    FadeIn(target),
                    FadeIn(equation),
                )
            steps = [self.fill(result, 0, 0, fmap[0, 0], top, run_time=0.6), Wait(0.25)]
            for j in range(1, out):  # along the first row, one stop at a time
                steps.append(
                    AnimationGroup(
                        frame.animate.move_to(window(picture, 0, j * stride, K, K)),
                        target.animate.move_to(window(result, 0, j, 1, 1)),
                        self.fill(result, 0, j, fmap[0, j], top),
                        run_time=0.6,
                    )
                )
                steps.append(Wait(0.25))
            caption = (
                f"Stride 1: one step at a time. {out} stops fit across."
                if stride == 1
                else f"Jumps of {stride}: only {out} stops fit across, landing on columns "
                + ", ".join(str(j * stride) for j in range(out))
                + "."
            )
            seconds = max(hold_for(caption, 0), 0.85 * out + 0.5)
            self.add_subcaption(caption, duration=seconds)
            self.play(Succession(*steps, Wait(seconds - 0.85 * out)))
            rest = [self.fill(result, i, j, fmap[i, j], top) for i in range(1, out) for j in range(out)]
            self.say(
                f"The other rows, the same way: a {out}×{out} feature map.",
                frame.animate.move_to(window(picture, (out - 1) * stride, (out - 1) * stride, K, K)),
                target.animate.move_to(window(result, out - 1, out - 1, 1, 1)),
                *rest,
                run_time=1.2,
            )
            done = label(formula(stride, out), size=24, color="active").move_to(equation)
            if stride == 1:
                self.say(
                    f"The size formula: n = {N} pixels, padding p = {PAD}, kernel k = {K}, stride s = 1. "
                    f"Padding {PAD} keeps {N}×{N}.",
                    Transform(equation, done),
                )
                self.say(
                    "Now the same picture again, with bigger jumps.",
                    FadeOut(result),
                    FadeOut(result_title),
                    FadeOut(frame),
                    FadeOut(target),
                    FadeOut(equation),
                    run_time=0.8,
                )
            else:
                self.say(
                    f"With s = {stride}: ({N} + 2 − {K}) ÷ {stride} + 1 = {out}. When the division is not "
                    "whole, round down: a leftover strip is skipped.",
                    Transform(equation, done),
                    extra=1.5,
                )

    @staticmethod
    def fill(result, i, j, value, top, **kwargs):
        """Show ``value`` in the output cell (i, j), coloured by its sign."""
        square, text = result.cells[i][j]
        colour, opacity = cell_fill(value, top, signed=True)
        new = VGroup(
            square.copy().set_fill(colour, opacity=opacity), label(fmt(value, 0, trim=True), size=22).move_to(square)
        )
        return Transform(result.cells[i][j], new, **kwargs)
