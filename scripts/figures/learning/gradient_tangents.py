"""Left: the one-dial loss (w − 3)² with its slope at four points. Right: the tiny network's loss along one weight.

Numbers: ``site_src.examples.descent`` (the one-dial loss) and ``site_src.examples.tiny_network``
(the 2-2-1 network's loss, and its slope from a backward pass).
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.plotting import subplots, themed
from site_src.examples.descent import TANGENT_POINTS, parabola_loss, parabola_loss_grad
from site_src.examples.tiny_network import loss_along_first_output_weight, story


def _tangent(ax, theme, w, loss, slope, half_width, text=None, text_at=None):
    """A short straight line touching the curve at (w, loss), and its slope written at ``text_at`` (data)."""
    ws = np.array([w - half_width, w + half_width])
    ax.plot(ws, loss + slope * (ws - w), color=theme["gradient"], linewidth=2.2, zorder=4)
    ax.plot([w], [loss], "o", color=theme["gradient"], markersize=6, zorder=5)
    if text:
        ax.text(*text_at, text, ha="center", va="center", color=theme["gradient"], fontsize=10.5)


def draw(theme, layout="wide"):
    """Two panels: slopes on a parabola, and a real network's loss with its slope where it is now."""
    ws = np.linspace(-0.6, 6.6, 300)
    s = story()
    now, loss_now, slope_now = float(s["W2"][0, 0]), s["loss"], float(s["gW2"][0])
    along = np.linspace(-3.0, 5.0, 300)
    with themed(theme):
        figure, (left, right) = subplots(layout, 2, aspect=0.8, extra=0.2)

        left.plot(ws, parabola_loss(ws), color=theme["positive"], linewidth=2.5)
        # each slope written where no line passes: right of the steep point, outside the two others
        places = {0.0: (1.5, 9.6), 1.5: (0.35, 0.9), 3.0: None, 4.5: (5.65, 0.9)}
        for w in TANGENT_POINTS:
            text = f"slope {fmt(parabola_loss_grad(w), 0)}" if places[w] else None
            _tangent(left, theme, w, parabola_loss(w), parabola_loss_grad(w), 0.5, text, places[w])
        left.annotate("lowest loss:\nslope 0", (3.0, 0.1), xytext=(3.0, 5.0), ha="center", va="center",
                      color=theme["text"], fontsize=10, arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        left.set(xlim=(-0.6, 6.6), ylim=(-0.8, 11.5), xlabel="the dial w", ylabel="loss L(w) = (w − 3)²")
        left.set_title("A loss with one weight,\nand its slope", fontsize=11)

        right.plot(along, loss_along_first_output_weight(along), color=theme["positive"], linewidth=2.5)
        _tangent(right, theme, now, loss_now, slope_now, 1.1,
                 f"now: w = {fmt(now, 1)}\nloss {fmt(loss_now, 4)}\nslope {fmt(slope_now, 4)}", (2.9, 0.47))
        right.set(xlim=(-3.0, 5.0), xlabel="the first output weight (others fixed)",
                  ylabel="loss of the 2-2-1 network")
        right.set_title("The tiny network:\nits loss along one weight", fontsize=11)
    return figure
