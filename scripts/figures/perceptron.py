"""Figures for the perceptron chapter."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from scripts.plotting import themed
from site_src.datasets import FRUIT_FEATURES, fruit
from site_src.neurons import Perceptron

EPOCHS, LR = 3, 0.1


def _snapshots():
    """(title, weights, bias) before learning and after each epoch on the fruit basket."""
    X, y, _ = fruit()
    perceptron = Perceptron(2).fit(X, y, epochs=EPOCHS, lr=LR)
    shots = [("Before learning", np.zeros(2), 0.0)]
    for epoch, state in enumerate(perceptron.history, start=1):
        shots.append((f"After epoch {epoch}", state["weights"], state["bias"]))
    return X, y, shots


def _draw(ax, theme, X, y, title, weights, bias):
    grid = np.linspace(0, 1, 201)
    g1, g2 = np.meshgrid(grid, grid)
    points = np.column_stack([g1.ravel(), g2.ravel()])
    perceptron = Perceptron(2, weights=weights, bias=bias)
    says_yes = perceptron.predict(points).reshape(g1.shape)
    # a picture of the answer at every point: blue where it says YES, orange where NO
    ax.imshow(says_yes, origin="lower", extent=(0, 1, 0, 1), interpolation="nearest", alpha=0.14,
              cmap=ListedColormap([theme["negative"], theme["positive"]]), vmin=0, vmax=1)
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


def perceptron_learning(theme):
    """The perceptron's YES/NO line on the fruit basket, before learning and after each epoch."""
    X, y, shots = _snapshots()
    with themed(theme):
        figure, axes = plt.subplots(2, 2, figsize=(8, 8.4), constrained_layout=True)
        for ax, (title, weights, bias) in zip(axes.ravel(), shots):
            _draw(ax, theme, X, y, title, weights, bias)
        handles, labels = axes[0, 0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=3)
    return figure


FIGURES = {"perceptron-learning": perceptron_learning}
