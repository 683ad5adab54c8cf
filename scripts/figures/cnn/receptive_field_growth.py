"""How much of the picture one pixel of each layer sees, in a stack of three 3x3 convolutions.

Numbers: ``site_src.examples.cnn_intro`` (the stack, and ``receptive_field``); the seen
pixels are found by a backward pass (``site_src.conv.conv2d_batch_backward``): a pixel is
seen when the layer's middle output changes with it.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from scripts.figures.cnn._grids import NARROW, WIDE, blank
from scripts.style.plotting import themed
from site_src.conv import conv2d_batch, conv2d_batch_backward
from site_src.examples.cnn_intro import STACK_KERNELS, STACK_STRIDES, receptive_field

SIDE = 9  # the input picture: 9x9, so the third layer's middle pixel fits


def seen_by_middle(depth):
    """A 0/1 mask of the input pixels that the middle output pixel of layer ``depth`` depends on."""
    x = np.zeros((1, 1, SIDE, SIDE))
    inputs, weights = [x], []
    for k, s in zip(STACK_KERNELS[:depth], STACK_STRIDES[:depth]):
        weights.append((np.ones((1, 1, k, k)), s))
        inputs.append(conv2d_batch(inputs[-1], weights[-1][0], stride=s))
    grad = np.zeros_like(inputs[-1])
    middle = grad.shape[-1] // 2
    grad[0, 0, middle, middle] = 1.0
    for x_in, (w, s) in zip(reversed(inputs[:-1]), reversed(weights)):
        grad, _, _ = conv2d_batch_backward(grad, x_in, w, stride=s)
    return (grad[0, 0] != 0).astype(float)


def draw(theme, layout="wide"):
    """Left (top on a phone): nested windows on the input; right (below): window size against depth."""
    sizes = receptive_field(STACK_KERNELS, STACK_STRIDES)
    masks = [seen_by_middle(d) for d in range(1, len(sizes) + 1)]
    wide = layout == "wide"
    with themed(theme):
        if wide:
            figure, (left, right) = plt.subplots(1, 2, figsize=(WIDE, 3.5), width_ratios=(1, 1.1),
                                                 constrained_layout=True)
        else:
            figure, (left, right) = plt.subplots(2, 1, figsize=(NARROW, 6.9), height_ratios=(1.1, 1),
                                                 constrained_layout=True)
        seen_count = sum(masks)  # 3 in the middle, 1 at the outer ring of layer 3
        for r in range(SIDE):
            for c in range(SIDE):
                share = seen_count[r, c] / len(masks)
                left.add_patch(Rectangle((c, SIDE - 1 - r), 1, 1, edgecolor=theme["grid"], linewidth=0.8,
                                         facecolor=theme["muted"], alpha=0.12 + 0.5 * share if share else 0.0))
                left.add_patch(Rectangle((c, SIDE - 1 - r), 1, 1, edgecolor=theme["grid"], linewidth=0.8,
                                         facecolor="none"))
        styles = ["-", "--", ":"]
        for depth, (mask, size) in enumerate(zip(masks, sizes), start=1):
            rows, cols = np.nonzero(mask)
            left.add_patch(Rectangle((cols.min(), SIDE - 1 - rows.max()), size, size, facecolor="none",
                                     edgecolor=theme["text"], linewidth=2.2, linestyle=styles[depth - 1]))
            left.text(cols.min() + 0.1, SIDE - rows.min() - 0.1, f"{depth}", ha="left", va="top",
                      fontsize=10, color=theme["text"], fontweight="bold")
        blank(left, (-0.2, SIDE + 0.2), (-0.2, SIDE + 1.3))
        left.text(SIDE / 2, SIDE + 0.15, "what the middle pixel of\nlayer 1, 2, 3 sees", ha="center",
                  va="bottom", fontsize=10.5, color=theme["text"])

        depths = list(range(1, len(sizes) + 1))
        right.plot(depths, sizes, "o-", color=theme["text"], linewidth=2, markersize=7)
        for d, s in zip(depths, sizes):
            right.annotate(f"{s}×{s}", (d, s), xytext=(0, 9), textcoords="offset points", ha="center",
                           fontsize=10.5, color=theme["text"])
        right.set(xticks=depths, xlim=(0.6, len(sizes) + 0.4), ylim=(0, max(sizes) + 2), yticks=range(0, 10, 2),
                  xlabel="layer (3×3 kernels, stride 1)", ylabel="pixels seen across")
        right.set_title("the window grows by 2 per layer", fontsize=11)
    return figure
