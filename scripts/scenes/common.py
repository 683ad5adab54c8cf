"""Helpers every Manim scene shares: the site's colours, font and captions."""

from manim import Scene, Text

from scripts.palette import ANIM, FONT


def fmt(x, digits=2, sign=False):
    """A number as the page writes it: fixed digits and a real minus sign (−).

    >>> fmt(-0.1), fmt(0.25, 3), fmt(1, sign=True)
    ('−0.10', '0.250', '+1.00')
    """
    text = f"{x:+.{digits}f}" if sign else f"{x:.{digits}f}"
    if text.lstrip("+-").strip("0.") == "":  # no "−0.00"
        text = f"{0:.{digits}f}"
    return text.replace("-", "−")


def label(text, size=28, color="text", **kwargs):
    """A Text in the site's font; ``color`` is a role from the palette or a hex colour."""
    return Text(text, font=FONT, font_size=size, color=ANIM.get(color, color), **kwargs)


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
