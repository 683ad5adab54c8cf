"""Figures for the activation-function chapters.

Every curve is computed by ``site_src.activations``. The colours follow the site's roles:
the function in ``positive`` blue, its slope (derivative) in ``gradient`` red. Every panel
uses the same x range, and every slope panel the same y range, so the pictures can be
compared with each other.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.plotting import themed
from site_src import activations as act

X_RANGE = (-5.0, 5.0)
X = np.linspace(*X_RANGE, 1001)
SLOPE_YLIM = (-0.08, 1.12)        # every slope on this site's activation pages lies in [0, 1]
SQUASH_YLIM = (-1.25, 1.25)       # sigmoid and tanh
RAMP_YLIM = (-1.6, 5.2)           # ReLU, leaky ReLU and ELU
LEAKY_SHOWN = 0.1                 # leaky ReLU slope drawn; 0.01 (PyTorch's default) is too flat to see
TEMPERATURES = (0.5, 1.0, 2.0, 5.0)
SCORES = np.array([2.0, 1.0, 0.1])


def _fmt(value, digits):
    """A number with ``digits`` decimals, trailing zeros dropped (0.2500 -> 0.25), and a real minus sign."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text.replace("-", "\u2212")


def _axes_pair(figure_size=(9.0, 3.4)):
    figure, (left, right) = plt.subplots(1, 2, figsize=figure_size, constrained_layout=True, sharex=True)
    for ax in (left, right):
        ax.set_xlim(*X_RANGE)
        ax.set_xlabel("input x")
        ax.axhline(0, color=plt.rcParams["axes.edgecolor"], linewidth=0.8, zorder=1)
        ax.axvline(0, color=plt.rcParams["axes.edgecolor"], linewidth=0.8, zorder=1)
    right.set_ylim(*SLOPE_YLIM)
    return figure, left, right


def _point(ax, theme, x, y, text, colour_role, offset=(12, 0), ha="left", filled=True):
    """A dot at (x, y) with a short label next to it."""
    colour = theme[colour_role]
    ax.plot([x], [y], "o", markersize=7, zorder=5, color=colour,
            markerfacecolor=colour if filled else theme["background"], markeredgewidth=1.8)
    ax.annotate(text, (x, y), xytext=offset, textcoords="offset points", ha=ha, va="center",
                color=theme["text"], fontsize=10)


def activation_sigmoid(theme):
    """The sigmoid beside its slope, with sigmoid(0) = 0.5 and the biggest slope 0.25."""
    s, ds = act.sigmoid(X), act.sigmoid_grad(X)
    with themed(theme):
        figure, left, right = _axes_pair()
        for level in (0.0, 1.0):
            left.axhline(level, color=theme["muted"], linestyle=":", linewidth=1.2)
        left.plot(X, s, color=theme["positive"], linewidth=2.5)
        left.set(ylim=SQUASH_YLIM, title="sigmoid σ(x): always between 0 and 1")
        _point(left, theme, 0.0, float(act.sigmoid(0.0)), f"σ(0) = {_fmt(act.sigmoid(0.0), 2)}", "positive")
        right.plot(X, ds, color=theme["gradient"], linewidth=2.5)
        right.set(title="its slope σ′(x) = σ(x)·(1 − σ(x))")
        _point(right, theme, 0.0, float(act.sigmoid_grad(0.0)),
               f"biggest slope {_fmt(act.sigmoid_grad(0.0), 2)}, at x = 0", "gradient", offset=(0, 16), ha="center")
        right.annotate("nearly flat out here:\nslope close to 0", (-4.2, float(act.sigmoid_grad(-4.2))),
                       xytext=(-4.8, 0.55), color=theme["text"], fontsize=10,
                       arrowprops={"arrowstyle": "->", "color": theme["muted"]})
    return figure


def activation_tanh(theme):
    """tanh beside its slope, with the sigmoid drawn faintly for comparison."""
    t, dt = act.tanh(X), act.tanh_grad(X)
    with themed(theme):
        figure, left, right = _axes_pair()
        for level in (-1.0, 1.0):
            left.axhline(level, color=theme["muted"], linestyle=":", linewidth=1.2)
        left.plot(X, act.sigmoid(X), color=theme["muted"], linewidth=1.6, linestyle="--", label="sigmoid (to compare)")
        left.plot(X, t, color=theme["positive"], linewidth=2.5, label="tanh")
        left.set(ylim=SQUASH_YLIM, title="tanh(x): always between −1 and 1")
        left.legend(loc="lower right", bbox_to_anchor=(1.0, 0.14), fontsize=9)
        _point(left, theme, 0.0, float(act.tanh(0.0)), f"tanh(0) = {_fmt(act.tanh(0.0), 2)}", "positive",
               offset=(10, -12))
        right.plot(X, act.sigmoid_grad(X), color=theme["muted"], linewidth=1.6, linestyle="--",
                   label="sigmoid's slope\n(to compare)")
        right.plot(X, dt, color=theme["gradient"], linewidth=2.5, label="tanh's slope")
        right.set(title="its slope 1 − tanh(x)²")
        right.legend(loc="center right", bbox_to_anchor=(1.02, 0.5), fontsize=9)
        _point(right, theme, 0.0, float(act.tanh_grad(0.0)),
               f"biggest slope {_fmt(act.tanh_grad(0.0), 2)}, at x = 0", "gradient", offset=(-10, 0), ha="right")
    return figure


def activation_relu(theme):
    """ReLU and leaky ReLU beside their slopes, with PyTorch's slope 0 at the corner x = 0."""
    negative, positive = X[X <= 0], X[X > 0]
    leaky_label = f"leaky ReLU\n(slope {_fmt(LEAKY_SHOWN, 2)} shown;\nPyTorch default is 0.01)"
    with themed(theme):
        figure, left, right = _axes_pair(figure_size=(9.0, 3.8))
        left.plot(X, act.leaky_relu(X, negative_slope=LEAKY_SHOWN), color=theme["positive"], linewidth=1.8,
                  linestyle="--", label=leaky_label)
        left.plot(X, act.relu(X), color=theme["positive"], linewidth=2.5, label="ReLU = max(0, x)")
        left.set(ylim=RAMP_YLIM, title="ReLU and leaky ReLU")
        left.legend(loc="upper left", fontsize=9)
        # The slope has a jump at 0: draw each side on its own so no fake vertical line appears.
        for part in (negative, positive):
            right.plot(part, act.leaky_relu_grad(part, negative_slope=LEAKY_SHOWN), color=theme["gradient"],
                       linewidth=1.8, linestyle="--", label="leaky ReLU's slope" if part is negative else None)
            right.plot(part, act.relu_grad(part), color=theme["gradient"], linewidth=2.5,
                       label="ReLU's slope" if part is negative else None)
        right.plot([0.0], [1.0], "o", markersize=7, color=theme["gradient"], markerfacecolor=theme["background"],
                   markeredgewidth=1.8, zorder=5)
        right.plot([0.0], [float(act.relu_grad(0.0))], "o", markersize=7, color=theme["gradient"], zorder=5)
        right.annotate(f"at exactly x = 0,\nPyTorch uses\nReLU slope {_fmt(act.relu_grad(0.0), 2)}",
                       (0.0, float(act.relu_grad(0.0))), xytext=(1.2, 0.35), color=theme["text"], fontsize=10,
                       arrowprops={"arrowstyle": "->", "color": theme["muted"]})
        right.set(title="their slopes")
        right.legend(loc="center left", fontsize=9)
    return figure


def activation_elu(theme):
    """ELU beside its slope: it sinks towards −alpha, and its slope alpha·e^x fades for very negative x."""
    alpha = 1.0
    with themed(theme):
        figure, left, right = _axes_pair()
        left.axhline(-alpha, color=theme["muted"], linestyle=":", linewidth=1.4)
        left.annotate(f"sinks towards −α = {_fmt(-alpha, 1)}, never reaches it", (-4.9, -alpha), xytext=(0, -12),
                      textcoords="offset points", color=theme["text"], fontsize=10, va="center")
        left.plot(X, act.relu(X), color=theme["muted"], linewidth=1.6, linestyle="--", label="ReLU, for comparison")
        left.plot(X, act.elu(X, alpha=alpha), color=theme["positive"], linewidth=2.5, label=f"ELU (α = {_fmt(alpha, 1)})")
        left.set(ylim=RAMP_YLIM, title="ELU: x above 0, α(eˣ − 1) below")
        left.legend(loc="upper left", fontsize=9)
        right.plot(X, act.elu_grad(X, alpha=alpha), color=theme["gradient"], linewidth=2.5)
        right.set(title="its slope: 1 above 0, αeˣ below")
        x_far = -4.0
        right.annotate(f"at x = {_fmt(x_far, 1)} the slope is\nonly {_fmt(act.elu_grad(x_far), 3)}: it fades",
                       (x_far, float(act.elu_grad(x_far))), xytext=(-4.8, 0.5), color=theme["text"], fontsize=10,
                       arrowprops={"arrowstyle": "->", "color": theme["muted"]})
    return figure


def activation_overview(theme):
    """The five elementwise activations side by side, each with its slope, on the same axes."""
    panels = [
        ("sigmoid", act.sigmoid, act.sigmoid_grad),
        ("tanh", act.tanh, act.tanh_grad),
        ("ReLU", act.relu, act.relu_grad),
        (f"leaky ReLU (slope {_fmt(LEAKY_SHOWN, 2)} shown;\nPyTorch default 0.01)",
         lambda x: act.leaky_relu(x, negative_slope=LEAKY_SHOWN),
         lambda x: act.leaky_relu_grad(x, negative_slope=LEAKY_SHOWN)),
        ("ELU (α = 1)", act.elu, act.elu_grad),
    ]
    with themed(theme):
        figure, axes = plt.subplots(2, 3, figsize=(9.6, 6.2), constrained_layout=True, sharex=True, sharey=True)
        for ax, (title, f, grad) in zip(axes.ravel(), panels):
            ax.axhline(0, color=theme["muted"], linewidth=0.8)
            ax.axvline(0, color=theme["muted"], linewidth=0.8)
            ax.plot(X, f(X), color=theme["positive"], linewidth=2.4, label="the function")
            # draw the slope in two halves so jumps at 0 stay jumps
            for part in (X[X <= 0], X[X > 0]):
                ax.plot(part, grad(part), color=theme["gradient"], linewidth=2.0, linestyle="--",
                        label="its slope (derivative)" if part[0] < 0 else None)
            ax.set_title(title, fontsize=11)
            ax.set(xlim=X_RANGE, ylim=(-1.5, 3.0))
        # the bottom-right panel holds the key, so the ReLU panel above it shows its own x axis
        for ax in (axes[1, 0], axes[1, 1], axes[0, 2]):
            ax.set_xlabel("input x")
            ax.tick_params(labelbottom=True)
        key = axes[1, 2]
        key.axis("off")
        handles, labels = axes[0, 0].get_legend_handles_labels()
        key.legend(handles, labels, loc="center", fontsize=11, title="in every panel", title_fontsize=11)
    return figure


def softmax_temperature(theme):
    """softmax([2, 1, 0.1] / T) as bars for a few temperatures T, each bar labelled with its probability."""
    labels = [f"score {_fmt(s, 1)}" for s in SCORES]
    with themed(theme):
        figure, axes = plt.subplots(2, 2, figsize=(8.4, 6.0), constrained_layout=True, sharey=True)
        axes = axes.ravel()
        for ax, temperature in zip(axes, TEMPERATURES):
            p = act.softmax(SCORES / temperature)
            # the flattest possible answer: every class gets an equal share
            ax.axhline(1 / len(SCORES), color=theme["muted"], linestyle=":", linewidth=1.4,
                       label="equal shares (1/3 each)")
            bars = ax.bar(labels, p, color=theme["positive"], width=0.65)
            texts = ax.bar_label(bars, labels=[f"{v:.3f}" for v in p], padding=3, color=theme["text"], fontsize=10)
            for text in texts:  # keep the numbers readable where the dotted line passes behind them
                text.set_bbox({"facecolor": theme["background"], "edgecolor": "none", "pad": 0.5})
            note = {0.5: "sharper", 1.0: "plain softmax", 5.0: "flatter"}.get(temperature)
            ax.set_title(f"T = {_fmt(temperature, 1)}" + (f" ({note})" if note else ""))
            ax.set_ylim(0, 1.08)
            ax.grid(axis="x", visible=False)
        for ax in (axes[0], axes[2]):
            ax.set_ylabel("probability")
        axes[-1].legend(loc="upper right", fontsize=9)
    return figure


FIGURES = {
    "activation-sigmoid": activation_sigmoid,
    "activation-tanh": activation_tanh,
    "activation-relu": activation_relu,
    "activation-elu": activation_elu,
    "activation-overview": activation_overview,
    "softmax-temperature": softmax_temperature,
}
