"""One colour language for every figure and animation on the site.

Roles, not colours, are what pictures ask for: ``positive`` values are blue,
``negative`` values orange, ``gradient`` red, the ``active`` cell yellow,
``extra`` (a third series) green. The hues come from the Okabe–Ito palette, which
colour-blind readers can tell apart; pictures never rely on hue alone
(labels, markers and line styles say the same thing).

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
        "positive": "#0072B2",   # blue
        "negative": "#D55E00",   # vermillion-orange
        "gradient": "#C0392B",   # red
        "active": "#B8860B",     # dark yellow: yellow itself is unreadable on white
        "extra": "#009E73",      # bluish green
    },
    "dark": {
        "background": "#1f2330",
        "text": "#eceff4",
        "muted": "#aab1bf",
        "grid": "#3b4252",
        "positive": "#56B4E9",   # sky blue
        "negative": "#E69F00",   # orange
        "gradient": "#FF6B6B",   # red
        "active": "#F0E442",     # yellow
        "extra": "#2EC4A0",      # bluish green
    },
}

# Manim scenes draw on the dark card.
ANIM = THEMES["dark"]
