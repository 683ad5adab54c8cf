"""The perceptron's YES/NO line on the fruit basket, before learning and after each epoch.

Numbers: ``site_src.examples.perceptron`` (the fruit robot's snapshots).
"""

from scripts.style.plotting import grid_points, subplots, themed, yes_no_regions
from site_src.datasets import FRUIT_FEATURES, fruit
from site_src.examples.perceptron import EPOCHS, snapshots
from site_src.neurons import Perceptron


def _panel(ax, theme, X, y, title, weights, bias, first):
    g1, g2, points = grid_points(0, 1, 201)
    perceptron = Perceptron(2, weights=weights, bias=bias)
    yes_no_regions(ax, theme, perceptron.predict(points).reshape(g1.shape), (0, 1, 0, 1), alpha=0.14)
    total = perceptron.total(points).reshape(g1.shape)
    if total.min() < 0 < total.max():
        ax.contour(g1, g2, total, levels=[0], colors=[theme["text"]], linewidths=2)
    wrong = perceptron.predict(X) != y
    apples, others = y == 1, y == 0
    ax.scatter(*X[apples].T, s=45, marker="o", color=theme["positive"], label="apple (YES)", zorder=3)
    ax.scatter(*X[others].T, s=45, marker="^", color=theme["negative"], label="not an apple (NO)", zorder=3)
    ax.scatter(*X[wrong].T, s=170, facecolors="none", edgecolors=theme["gradient"], linewidths=2,
               label="answered wrong", zorder=4)
    ax.set_title(f"{title}:\n{int(wrong.sum())} wrong", fontsize=11)
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel=FRUIT_FEATURES[0], aspect="equal")
    ax.set_xticks([0, 0.5, 1], ["0", "0.5", "1"])
    ax.set_yticks([0, 0.5, 1], ["0", "0.5", "1"])
    if first:  # the panels share their axes: name the height once per row
        ax.set_ylabel(FRUIT_FEATURES[1])


def draw(theme, layout="wide"):
    """One panel before learning, and one after each epoch: in a row (wide) or two by two (narrow)."""
    X, y, _ = fruit()
    titles = ["Before learning"] + [f"After epoch {epoch}" for epoch in range(1, EPOCHS + 1)]
    with themed(theme):
        columns = {"wide": 4, "narrow": 2}[layout]
        figure, axes = subplots(layout, len(titles), aspect=1.0, columns=columns, extra=(1.0, 1.4))
        for i, (ax, title, (weights, bias)) in enumerate(zip(axes, titles, snapshots())):
            _panel(ax, theme, X, y, title, weights, bias, first=i % columns == 0)
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3 if layout == "wide" else 1)
    return figure
