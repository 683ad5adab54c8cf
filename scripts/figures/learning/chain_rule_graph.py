"""Two small graphs with every value and gradient: a chain of three machines, and a Value used twice.

Numbers: ``site_src.examples.chain_rule`` (built from ``site_src.autograd.Value``, whose
``backward()`` fills in every gradient).
"""

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from scripts.style.plotting import subplots, themed
from site_src.examples.chain_rule import machines, used_twice


def _box(ax, theme, xy, title, value, grad, width=1.7):
    """One node of the graph: its name, its value (blue) and its gradient (red)."""
    ax.add_patch(FancyBboxPatch((xy[0] - width / 2, xy[1] - 0.5), width, 1.0,
                                boxstyle="round,pad=0.04,rounding_size=0.12",
                                facecolor=theme["background"], edgecolor=theme["text"], linewidth=1.5))
    ax.text(xy[0], xy[1] + 0.24, title, ha="center", va="center", color=theme["text"], fontsize=11.5)
    ax.text(xy[0], xy[1] - 0.02, f"value {value:g}", ha="center", va="center", color=theme["positive"], fontsize=10.5)
    ax.text(xy[0], xy[1] - 0.27, f"grad {grad:g}", ha="center", va="center", color=theme["gradient"], fontsize=10.5)


def _arrow(ax, theme, start, end, text=None, text_xy=None, rad=0.0, ha="center"):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=theme["muted"],
                                 linewidth=1.5, connectionstyle=f"arc3,rad={rad}"))
    if text:
        ax.text(*text_xy, text, ha=ha, va="center", color=theme["text"], fontsize=10.5)


def _wide(top, bottom, theme, x, u, v, loss, a, b):
    """Left to right: the chain in one row, the Value used twice below it."""
    top.set(xlim=(-1.0, 12.5), ylim=(-1.35, 1.6))
    top.set_title("Machines inside machines: multiply the slopes along the path", pad=2)
    spots = [(0, 0), (3.8, 0), (7.6, 0), (11.4, 0)]
    for spot, (name, node) in zip(spots, [("x", x), ("u = 2x", u), ("v = u + 3", v), ("L = v²", loss)]):
        _box(top, theme, spot, name, node.data, node.grad)
    slopes = [("×2\nslope 2", 2.0), ("+3\nslope 1", 1.0), ("square\nslope 2v = 10", 2 * v.data)]
    for (s, e), (text, _) in zip(zip(spots, spots[1:]), slopes):
        _arrow(top, theme, (s[0] + 0.95, 0), (e[0] - 0.95, 0), text, ((s[0] + e[0]) / 2, 0.92))
    top.text(5.7, -1.05, f"dL/dx = 10 × 1 × 2 = {x.grad:g}", ha="center", va="center",
             color=theme["gradient"], fontsize=11.5)

    bottom.set(xlim=(-1.0, 12.5), ylim=(-2.0, 1.7))
    bottom.set_title("A Value used twice: the gradients from both paths add up", pad=2)
    a_spot, sq_spot, four_spot, b_spot = (0.4, 0), (5.2, 1.15), (5.2, -1.15), (10.4, 0)
    _box(bottom, theme, a_spot, "a", a.data, a.grad)
    for spot, title, data in ((sq_spot, "a × a", a.data * a.data), (four_spot, "a × 4", 4 * a.data)):
        bottom.add_patch(FancyBboxPatch((spot[0] - 0.75, spot[1] - 0.35), 1.5, 0.7,
                                        boxstyle="round,pad=0.04,rounding_size=0.12", facecolor=theme["background"],
                                        edgecolor=theme["muted"], linewidth=1.2))
        bottom.text(spot[0], spot[1], f"{title} = {data:g}", ha="center", va="center", color=theme["text"],
                    fontsize=10.5)
    _box(bottom, theme, b_spot, "b = a·a + 4a", b.data, b.grad, width=2.3)
    _arrow(bottom, theme, (1.3, 0.2), (4.4, 1.05), "path 1: slope 2a = 6", (2.25, 1.15))
    _arrow(bottom, theme, (1.3, -0.2), (4.4, -1.05), "path 2: slope 4", (2.4, -1.1))
    _arrow(bottom, theme, (6.0, 1.05), (9.2, 0.2))
    _arrow(bottom, theme, (6.0, -1.05), (9.2, -0.2))
    bottom.text(7.9, -1.7, f"db/da = 6 + 4 = {a.grad:g}", ha="center", va="center", color=theme["gradient"],
                fontsize=11.5)


def _narrow(top, bottom, theme, x, u, v, loss, a, b):
    """Top to bottom, for a phone: the chain in one column, the Value used twice below it."""
    top.set(xlim=(-1.5, 4.6), ylim=(-7.3, 0.7))
    top.set_title("Machines inside machines:\nmultiply the slopes along the path", pad=2, fontsize=11)
    spots = [(0, 0), (0, -2.1), (0, -4.2), (0, -6.3)]
    for spot, (name, node) in zip(spots, [("x", x), ("u = 2x", u), ("v = u + 3", v), ("L = v²", loss)]):
        _box(top, theme, spot, name, node.data, node.grad, width=2.3)
    slopes = ["×2, slope 2", "+3, slope 1", "square,\nslope 2v = 10"]
    for (s, e), text in zip(zip(spots, spots[1:]), slopes):
        _arrow(top, theme, (0, s[1] - 0.55), (0, e[1] + 0.55), text, (1.35, (s[1] + e[1]) / 2), ha="left")
    top.text(1.35, -7.05, f"dL/dx = 10 × 1 × 2 = {x.grad:g}", ha="left", va="center", color=theme["gradient"],
             fontsize=10.5)

    bottom.set(xlim=(-3.1, 3.1), ylim=(-5.6, 0.7))
    bottom.set_title("A Value used twice:\nthe gradients from both paths add up", pad=2, fontsize=11)
    a_spot, sq_spot, four_spot, b_spot = (0, 0), (-1.45, -2.3), (1.45, -2.3), (0, -4.4)
    _box(bottom, theme, a_spot, "a", a.data, a.grad)
    for spot, title, data in ((sq_spot, "a × a", a.data * a.data), (four_spot, "a × 4", 4 * a.data)):
        bottom.add_patch(FancyBboxPatch((spot[0] - 0.8, spot[1] - 0.35), 1.6, 0.7,
                                        boxstyle="round,pad=0.04,rounding_size=0.12", facecolor=theme["background"],
                                        edgecolor=theme["muted"], linewidth=1.2))
        bottom.text(spot[0], spot[1], f"{title} = {data:g}", ha="center", va="center", color=theme["text"],
                    fontsize=10)
    _box(bottom, theme, b_spot, "b = a·a + 4a", b.data, b.grad, width=2.5)
    _arrow(bottom, theme, (-0.5, -0.55), (-1.3, -1.9), "path 1:\nslope\n2a = 6", (-2.4, -1.0))
    _arrow(bottom, theme, (0.5, -0.55), (1.3, -1.9), "path 2:\nslope 4", (2.3, -1.0))
    _arrow(bottom, theme, (-1.3, -2.7), (-0.5, -3.85))
    _arrow(bottom, theme, (1.3, -2.7), (0.5, -3.85))
    bottom.text(0, -5.3, f"db/da = 6 + 4 = {a.grad:g}", ha="center", va="center", color=theme["gradient"],
                fontsize=10.5)


def draw(theme, layout="wide"):
    """Top: the chain of three machines. Bottom: a Value used twice."""
    (x, u, v, loss), (a, b) = machines(), used_twice()
    with themed(theme):
        figure, (top, bottom) = subplots(layout, 2, columns=1, aspect=(0.3, 1.4), extra=(0.5, 0.6),
                                         height_ratios=(1.0, 1.15) if layout == "wide" else (1.0, 0.95))
        for ax in (top, bottom):
            ax.set_axis_off()
            ax.set_aspect("equal")
        (_wide if layout == "wide" else _narrow)(top, bottom, theme, x, u, v, loss, a, b)
    return figure
