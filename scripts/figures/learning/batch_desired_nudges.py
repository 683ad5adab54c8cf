"""Three examples each "want" three weights to move their own way; the batch moves by their average.

Numbers: ``site_src.examples.tiny_network.desired_nudges`` (minus each example's slope, and
minus the slope of the batch's mean loss, from the MLP's backward pass).
"""

from scripts.style.numbers import fmt
from scripts.style.plotting import subplots, themed
from site_src.examples.tiny_network import NUDGED_WEIGHTS, desired_nudges, tiny_network


def draw(theme, layout="wide"):
    """One panel per weight: a bar per example (up = blue, down = orange) and the hatched average bar."""
    each, batch = desired_nudges()
    net, _, _ = tiny_network()
    labels = [f"ex. {i}" for i in range(1, len(each) + 1)] + ["average"]
    with themed(theme):
        figure, panels = subplots(layout, len(NUDGED_WEIGHTS), aspect=(1.25, 0.5), extra=0.1)
        for k, (ax, (name, layer, row, column)) in enumerate(zip(panels, NUDGED_WEIGHTS)):
            values = [*each[:, k], batch[k]]
            size = max(abs(v) for v in values)
            for i, v in enumerate(values):
                average = i == len(values) - 1
                ax.bar(
                    i,
                    v,
                    width=0.7,
                    color=theme["positive" if v > 0 else "negative"],
                    hatch="//" if average else None,
                    edgecolor=theme["text"] if average else "none",
                    linewidth=1.5 if average else 0,
                )
                ax.text(
                    i,
                    v + (0.06 if v > 0 else -0.06) * size * 2,
                    fmt(v, 3),
                    ha="center",
                    va="bottom" if v > 0 else "top",
                    color=theme["text"],
                    fontsize=9.5,
                )
            ax.axhline(0, color=theme["muted"], linewidth=1)
            ax.set_xticks(range(len(values)), labels, fontsize=9.5 if layout == "wide" else None)
            ax.grid(False)
            ax.set_ylim(-1.7 * size, 1.45 * size)  # room for the labels under the bars
            ax.set_yticks([])
            ax.spines[["left", "top", "right"]].set_visible(False)
            ax.set_title(f"{name}\n(now {fmt(net.weights[layer][row, column], 1)})", fontsize=10.5)
        for ax in panels if layout == "narrow" else panels[:1]:
            ax.set_ylabel("desired nudge\n(minus the slope)")
        if layout == "narrow":
            figure.get_layout_engine().set(h_pad=0.12)  # room between a panel's labels and the next title
    return figure
