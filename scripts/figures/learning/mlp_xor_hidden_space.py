"""XOR seen by the output neuron: in the hidden layer's coordinates one straight line splits the four cases.

Numbers: ``site_src.examples.xor`` (the trained 2-2-1 network, its hidden answers and output line).
"""

from scripts.style.plotting import grid_points, subplots, themed, yes_no_regions
from site_src.datasets import logic_gate
from site_src.examples.xor import hidden_space

# where each point's label sits, in points, so labels never cover each other
INPUT_OFFSETS = [(0, -22), (0, 18), (0, -22), (0, 18)]
HIDDEN_OFFSETS = [(-10, -20), (14, -14), (14, 10), (14, 10)]


def _points(ax, theme, P, y, offsets, labels):
    ones, zeros = y == 1, y == 0
    ax.scatter(*P[ones].T, s=150, marker="o", color=theme["positive"], label="XOR answer 1", zorder=4)
    ax.scatter(*P[zeros].T, s=150, marker="^", color=theme["negative"], label="XOR answer 0", zorder=4)
    for point, offset, label in zip(P, offsets, labels):
        ax.annotate(
            label,
            point,
            xytext=offset,
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=10,
            color=theme["text"],
            zorder=5,
        )


def draw(theme, layout="wide"):
    """Left: the four inputs (no line splits them). Right: the same four as (h1, h2), with the output's line."""
    X, y = logic_gate("xor")
    H, v, c = hidden_space()
    names = [f"({a}, {b})" for a, b in X.astype(int)]
    lo, hi = -0.25, 1.25
    with themed(theme):
        figure, (left, right) = subplots(layout, 2, aspect=1.0, extra=(1.1, 1.6))
        _points(left, theme, X, y, INPUT_OFFSETS, names)
        left.set_title("The inputs:\nno straight line splits them", fontsize=11)
        left.set(xlabel="input x₁", ylabel="input x₂")

        g1, g2, points = grid_points(lo, hi, 161)
        total = (points @ v + c).reshape(g1.shape)
        yes_no_regions(right, theme, total >= 0, (lo, hi, lo, hi), alpha=0.16)
        right.contour(g1, g2, total, levels=[0], colors=[theme["text"]], linewidths=2)
        # the two YES points land almost on top of each other: label them once, together
        _points(right, theme, H, y, HIDDEN_OFFSETS, [names[0], "", f"{names[1]} and {names[2]}", names[3]])
        right.plot([], [], color=theme["text"], linewidth=2, label="the output neuron's line")
        right.set_title("The same four, as the hidden layer\nsees them: one line splits them", fontsize=11)
        right.set(xlabel="hidden neuron 1's answer h₁", ylabel="hidden neuron 2's answer h₂")

        for ax in (left, right):
            ax.set(xlim=(lo, hi), ylim=(lo, hi), aspect="equal", xticks=[0, 0.5, 1], yticks=[0, 0.5, 1])
        handles, labels = right.get_legend_handles_labels()
        figure.legend(
            handles,
            labels,
            loc="outside lower center",
            ncols=3 if layout == "wide" else 1,
            fontsize=10,
            markerscale=0.7,
        )
    return figure
