"""Universal approximation made visible: a steep sigmoid is a step, two steps a bump, bumps any curve.

Numbers: ``site_src.examples.universal`` (every curve is a real 1-n-1 network's output).
"""

import numpy as np

from scripts.style.numbers import fmt
from scripts.style.palette import series
from scripts.style.plotting import subplots, themed
from site_src.examples.universal import (
    BUMP,
    GRID,
    SHOWN_BUMPS,
    SHOWN_STEEPNESS,
    STEP_AT,
    approximation,
    bumps_network,
    curve,
    largest_gap,
    target,
)


def draw(theme, layout="wide"):
    """Four panels: steeper sigmoids, one bump, then 10 and 40 bumps against the target curve."""
    colours = series(theme)  # plain series: neutral colours
    styles = [":", "--", "-"]
    with themed(theme):
        figure, axes = subplots(layout, 4, columns=(2, 1), aspect=(0.62, 0.62), extra=(0.3, 0.3))
        one, two, three, four = axes

        for w, colour, style in zip(SHOWN_STEEPNESS, colours, styles):
            step = bumps_network([STEP_AT, np.inf], [1.0], steepness=w)  # a rise with no fall
            one.plot(GRID, curve(step), color=colour, linestyle=style, linewidth=2.2, label=f"weight {w:g}")
        one.set_title(f"1. One sigmoid, steeper and steeper:\nalmost a step at x = {STEP_AT:g}", fontsize=11)
        one.legend(fontsize=10, loc="lower right")
        one.set_ylim(-0.1, 1.15)

        left, right, height = BUMP
        rise = bumps_network([left, np.inf], [height])
        fall = bumps_network([right, np.inf], [-height])
        two.plot(GRID, curve(rise), color=colours[0], linestyle="--", linewidth=2)
        two.plot(GRID, curve(fall), color=colours[1], linestyle=":", linewidth=2.4)
        two.plot(GRID, curve(bumps_network([left, right], [height])), color=theme["text"], linewidth=2.4)
        # each line named beside itself (a legend box would sit on the lines)
        two.text(0.8, height + 0.22, f"step up at {left:g}", color=colours[0], ha="center", fontsize=10)
        two.text(0.8, -height - 0.12, f"step down at {right:g}", color=colours[1], ha="center", va="top", fontsize=10)
        two.text((left + right) / 2, height + 0.62, "their sum: a bump", color=theme["text"], ha="center", fontsize=10)
        two.set_title(f"2. Two steps of opposite sign:\na bump of height {height:g}", fontsize=11)
        two.set_ylim(-1.55, 1.75)

        for ax, n, number in zip((three, four), SHOWN_BUMPS, (3, 4)):
            ax.plot(GRID, target(GRID), color=colours[1], linewidth=4, alpha=0.8, label="the curve to copy")
            ax.plot(
                GRID,
                curve(approximation(n)),
                color=theme["text"],
                linewidth=1.6,
                label=f"{n} bumps ({2 * n} hidden neurons)",
            )
            ax.set_title(f"{number}. {n} bumps: largest gap {fmt(largest_gap(n), 2)}", fontsize=11)
            ax.legend(fontsize=10, loc="lower left")
            ax.set_ylim(-2.75, 1.5)
        for ax in axes:
            ax.set_xlim(0, 1)
            ax.set_xlabel("input x")
            ax.axhline(0, color=theme["muted"], linewidth=0.8, zorder=1)
        for ax in (one, three) if layout == "wide" else axes:
            ax.set_ylabel("network output")
    return figure
