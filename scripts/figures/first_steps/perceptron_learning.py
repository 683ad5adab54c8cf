"""The perceptron's YES/NO line on the fruit basket, before learning and after each epoch.

Numbers: ``site_src.examples.perceptron`` (the fruit robot's snapshots).
"""

import matplotlib.pyplot as plt

from scripts.style.plotting import grid_points, themed, yes_no_regions
from site_src.datasets import FRUIT_FEATURES, fruit
from site_src.examples.perceptron import EPOCHS, snapshots
from site_src.neurons import Perceptron


def _panel(ax, theme, X, y, title, weights, bias):
    g1, g2, points = grid_points(0, 1, 201)
    perceptron = Perceptron(2, weights=weights, bias=bias)
    yes_no_regions(ax, theme, perceptron.predict(points).reshape(g1.shape), (0, 1, 0, 1), alpha=0.14)
    total = perceptron.total(points).reshape(g1.shape)
    if total.min() < 0 < total.max():
        ax.contour(g1, g2, total, levels=[0], colors=[theme["text"]], linewidths=2)
    wrong = perceptron.predict(X) != y
    apples, others = y == 1, y == 0
    ax.scatter(*X[apples].T, s=70, marker="o", color=theme["positive"], label="apple (YES)", zorder=3)
    ax.scatter(*X[others].T, s=70, marker="^", color=theme["negative"], label="not an apple (NO)", zorder=3)
    ax.scatter(*X[wrong].T, s=260, facecolors="none", edgecolors=theme["gradient"], linewidths=2,
               label="answered wrong", zorder=4)
    ax.set_title(f"{title}: {int(wrong.sum())} wrong")
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel=FRUIT_FEATURES[0], ylabel=FRUIT_FEATURES[1], aspect="equal")


def draw(theme):
    """One panel before learning, and one after each epoch."""
    X, y, _ = fruit()
    titles = ["Before learning"] + [f"After epoch {epoch}" for epoch in range(1, EPOCHS + 1)]
    with themed(theme):
        figure, axes = plt.subplots(2, 2, figsize=(8, 8.4), constrained_layout=True)
        for ax, title, (weights, bias) in zip(axes.ravel(), titles, snapshots()):
            _panel(ax, theme, X, y, title, weights, bias)
        handles, labels = axes[0, 0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3)
    return figure
