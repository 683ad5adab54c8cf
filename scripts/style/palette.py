"""One colour language for every figure and animation on the site.

Roles, not colours, are what pictures ask for: ``positive`` values are blue,
``negative`` values orange, ``gradient`` red, the ``active`` cell yellow,
``extra`` (a third series) green. The hues come from the Okabe–Ito palette, which
colour-blind readers can tell apart; pictures never rely on hue alone
(labels, markers and line styles say the same thing).

Those four promises hold only if nothing else wears their colours: plain series (one
line per learning rate, per activation, per loss) take ``series(theme)``, a neutral
palette of four that avoids blue, orange, red and yellow. Pair its colours with
markers or line styles too, as the roles are.

Matplotlib figures are drawn twice, once per site theme; Manim animations
use the dark theme on a slate card, which reads well in both themes.

>>> sorted(THEMES) == ["dark", "light"] and set(THEMES["light"]) == set(THEMES["dark"])
True
"""

FONT = "DejaVu Sans"

THEMES = {
    "light": {
        "background": "#ffffff",
        "text": "#1f2330",
        "muted": "#5c6370",
        "grid": "#d9dce3",
        "positive": "#0072B2",  # blue
        "negative": "#D55E00",  # vermillion-orange
        "gradient": "#C0392B",  # red
        "active": "#B8860B",  # dark yellow: yellow itself is unreadable on white
        "extra": "#009E73",  # bluish green
    },
    "dark": {
        "background": "#1f2330",
        "text": "#eceff4",
        "muted": "#aab1bf",
        "grid": "#3b4252",
        "positive": "#56B4E9",  # sky blue
        "negative": "#E69F00",  # orange
        "gradient": "#FF6B6B",  # red
        "active": "#F0E442",  # yellow
        "extra": "#2EC4A0",  # bluish green
    },
}

# Manim scenes draw on the dark card.
ANIM = THEMES["dark"]

# Neutral colours for plain series, in the order to use them: bluish green and reddish
# purple (Okabe–Ito hues, darker on white so lines keep 3:1 contrast), then grey and the
# text colour. None of them is the blue, orange, red or yellow of a promise.
SERIES = {
    "light": ["#007A5A", "#A8447F", "#7A8190", "#1f2330"],
    "dark": ["#2EC4A0", "#E391C8", "#8C93A1", "#eceff4"],
}


def series(theme):
    """The neutral series colours for ``theme`` (a dict of ``THEMES``), in order.

    >>> len(series(THEMES["light"])) == len(series(THEMES["dark"])) == 4
    True
    """
    return SERIES["dark" if theme["background"] == THEMES["dark"]["background"] else "light"]
