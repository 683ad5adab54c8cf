"""Manim helpers every scene shares: the slate card, captions, the site's font and colours.

A clip is one file under ``scripts/scenes/<part>/`` with one scene class named ``Clip``,
a subclass of ``SiteScene`` or ``OneTakeScene``. It narrates itself with
``self.narrate(caption, *animations)``; the captions become the clip's cues.
Colours are palette roles (``"positive"``, ``"gradient"``, ...) from the dark theme.

Pacing is decided here, not in the scenes: a cue stays on screen for at least
``MIN_CUE`` seconds and long enough to read its words at ``WORDS_PER_SECOND``
(``cue_seconds``), and every clip holds its last frame for ``END_HOLD`` seconds before
the player loops it. A scene that wants a cue shorter must use fewer words.

>>> cue_seconds("Add the bias.")
3.0
>>> round(cue_seconds(" ".join(["word"] * 13)), 2)
5.0
"""

from manim import Circle, Rectangle, Scene, Text
from manim.animation.animation import prepare_animation

from scripts.style.palette import ANIM, FONT

WORDS_PER_SECOND = 2.6  # a reading pace for a young reader: under the site's limit of 2.7 (DESIGN.md: about 3)
MIN_CUE = 3.0  # seconds: even a short cue needs time to be found under the video and read
END_HOLD = 2.5  # seconds the last frame stays still before the loop starts again


def cue_seconds(caption):
    """How long ``caption`` stays: at least ``MIN_CUE`` s, and its words read at ``WORDS_PER_SECOND``."""
    return max(MIN_CUE, len(caption.split()) / WORDS_PER_SECOND)


def label(text, size=28, color="text", **kwargs):
    """A Text in the site's font; ``color`` is a role from the palette or a hex colour."""
    return Text(text, font=FONT, font_size=size, color=ANIM.get(color, color), **kwargs)


def neuron(radius, color="text", **kwargs):
    """A neuron drawn as a circle in a palette role's colour."""
    return Circle(radius=radius, color=ANIM.get(color, color), **kwargs)


def bar(width, height, color, opacity=0.85, stroke_width=2):
    """A filled bar (for a number's size) in a palette role's colour."""
    colour = ANIM.get(color, color)
    return Rectangle(
        width=width, height=height, color=colour, fill_color=colour, fill_opacity=opacity, stroke_width=stroke_width
    )


class SiteScene(Scene):
    """A scene on the site's dark slate card, narrated by captions, its last frame held before the loop."""

    def setup(self):
        self.camera.background_color = ANIM["background"]

    def tear_down(self):
        self.wait(END_HOLD)  # no cue here: the player keeps the last one in its box

    def narrate(self, caption, *animations, run_time=1.0, hold=0.0):
        """Show ``caption`` while ``animations`` play for ``run_time`` s, then hold still.

        The cue lasts ``cue_seconds(caption)``, or ``run_time + hold`` if that is longer.
        """
        moving = run_time if animations else 0.0
        total = max(cue_seconds(caption), moving + hold)
        self.add_subcaption(caption, duration=total)
        if animations:
            self.play(*animations, run_time=run_time)
        self.wait(total - moving)


class OneTakeScene(SiteScene):
    """A SiteScene whose narrated steps are single takes: the motion, then a still hold, in one clip.

    Manim starts a new clip (and the video a new full "key" frame, the costly kind) at every
    play() and wait(). Folding the hold into the animation's own timing halves the clips,
    which keeps the MP4 small; what the reader sees is the same.
    """

    def narrate(self, caption, *animations, run_time=1.0, hold=0.0):
        if not animations:
            return super().narrate(caption, run_time=run_time, hold=hold)
        total = max(cue_seconds(caption), run_time + hold)
        animations = [prepare_animation(a) for a in animations]  # turn `mob.animate...` into an Animation
        for animation in animations:
            moving = animation.rate_func
            animation.rate_func = lambda t, moving=moving: moving(min(1.0, t * total / run_time))
        self.add_subcaption(caption, duration=total)
        self.play(*animations, run_time=total)
