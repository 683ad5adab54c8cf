"""Manim helpers every scene shares: the slate card, captions, the site's font and colours.

A clip is one file under ``scripts/scenes/<part>/`` with one scene class named ``Clip``,
a subclass of ``SiteScene`` or ``OneTakeScene``. It narrates itself with
``self.narrate(caption, *animations)``; the captions become the clip's cues.
Colours are palette roles (``"positive"``, ``"gradient"``, ...) from the dark theme.
"""

from manim import Circle, Rectangle, Scene, Text
from manim.animation.animation import prepare_animation

from scripts.style.palette import ANIM, FONT


def label(text, size=28, color="text", **kwargs):
    """A Text in the site's font; ``color`` is a role from the palette or a hex colour."""
    return Text(text, font=FONT, font_size=size, color=ANIM.get(color, color), **kwargs)


def neuron(radius, color="text", **kwargs):
    """A neuron drawn as a circle in a palette role's colour."""
    return Circle(radius=radius, color=ANIM[color], **kwargs)


def bar(width, height, color, opacity=0.85, stroke_width=2):
    """A filled bar (for a number's size) in a palette role's colour."""
    return Rectangle(width=width, height=height, color=ANIM[color], fill_color=ANIM[color],
                     fill_opacity=opacity, stroke_width=stroke_width)


class SiteScene(Scene):
    """A scene on the site's dark slate card, narrated by captions."""

    def setup(self):
        self.camera.background_color = ANIM["background"]

    def narrate(self, caption, *animations, run_time=1.0, hold=1.5):
        """Show ``caption`` as a subtitle while ``animations`` play, then hold still for ``hold`` seconds."""
        self.add_subcaption(caption, duration=(run_time if animations else 0) + hold)
        if animations:
            self.play(*animations, run_time=run_time)
        self.wait(hold)


class OneTakeScene(SiteScene):
    """A SiteScene whose narrated steps are single takes: the motion, then a still hold, in one clip.

    Manim starts a new clip (and the video a new full "key" frame, the costly kind) at every
    play() and wait(). Folding the hold into the animation's own timing halves the clips,
    which keeps the MP4 small; what the reader sees is the same.
    """

    def narrate(self, caption, *animations, run_time=1.0, hold=1.5):
        if not animations:
            return super().narrate(caption, run_time=run_time, hold=hold)
        total = run_time + hold
        animations = [prepare_animation(a) for a in animations]  # turn `mob.animate...` into an Animation
        for animation in animations:
            moving = animation.rate_func
            animation.rate_func = lambda t, moving=moving: moving(min(1.0, t * total / run_time))
        self.add_subcaption(caption, duration=total)
        self.play(*animations, run_time=total)
