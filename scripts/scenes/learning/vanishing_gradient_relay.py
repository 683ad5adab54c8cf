"""Animation: a gradient passed back through 10 neurons, one at a time, in a sigmoid chain and a ReLU chain.

Numbers: ``site_src.examples.vanishing.neuron_chain`` (built with ``site_src.autograd.Value``),
for the chains of ``CHAIN_DEPTH`` neurons fed ``CHAIN_INPUTS``.
"""

from manim import DOWN, UP, FadeIn, Indicate, LaggedStart, VGroup

from scripts.style.manim import OneTakeScene, bar, label
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.activations import sigmoid_grad
from site_src.examples.vanishing import CHAIN_DEPTH, CHAIN_INPUTS, neuron_chain

CENTRES = {"sigmoid": -3.55, "relu": 3.55}  # x of each chain's column
BAR_MAX = 2.3  # length of a bar for a gradient of 1
ROW_TOP, ROW_STEP = 2.05, 0.5


def gradient_bar(length):
    """A red bar as long as the gradient (a hairline has no outline, so it stays thin)."""
    return bar(length, 0.32, "gradient", stroke_width=0 if length < 0.01 else 1)


class Clip(OneTakeScene):
    """A gradient of 1 passed back through a chain of sigmoid neurons and a chain of ReLU neurons."""

    def construct(self):
        title = label(f"A gradient passed back through {CHAIN_DEPTH} neurons, one at a time", size=28)
        title.to_edge(UP, buff=0.25)
        self.add(title)
        columns = []
        for activation, x in CHAIN_INPUTS.items():
            centre = CENTRES[activation]
            slopes, grads = neuron_chain(activation, CHAIN_DEPTH, x=x)
            name = {"sigmoid": "sigmoid neurons", "relu": "ReLU neurons"}[activation]
            heading = label(f"{name} (weights 1)", size=26).move_to([centre, 2.75, 0])  # two plain series
            self.add(heading)
            columns.append((centre, slopes, grads))

        def row(c, k):
            """Row for neuron k's output a_k (k = 10 is the end of the chain, k = 0 the input)."""
            centre, slopes, grads = columns[c]
            y = ROW_TOP - (CHAIN_DEPTH - k) * ROW_STEP
            name = label(
                "end" if k == CHAIN_DEPTH else ("input" if k == 0 else f"a{k}"), size=22, color="muted"
            ).move_to([centre - 2.75, y, 0])
            length = max(BAR_MAX * grads[k], 0.001)
            bar = gradient_bar(length)
            bar.move_to([centre - 2.2 + length / 2, y, 0])
            value = label(fmt(grads[k], 3, sci_below=0.01), size=22).move_to([centre + 1.1, y, 0])
            if k == CHAIN_DEPTH:
                return VGroup(name, bar, value)
            factor = label(f"×{fmt(slopes[k], 3)}", size=22, color="active").move_to([centre + 2.75, y + 0.25, 0])
            return VGroup(name, bar, value, factor)

        key = label(
            "red bar and number: the gradient      yellow ×: the slope of the neuron passed through",
            size=22,
            color="muted",
        ).to_edge(DOWN, buff=0.3)
        self.add(key)
        start = [row(c, CHAIN_DEPTH) for c in range(len(columns))]
        self.narrate("Start at the end of each chain with a gradient of 1.", *[FadeIn(r) for r in start], run_time=0.8)
        first = [row(c, CHAIN_DEPTH - 1) for c in range(len(columns))]
        steepest = fmt(float(sigmoid_grad(0.0)), 2)  # the sigmoid is steepest at 0
        self.narrate(
            f"Each step back multiplies by the neuron's slope: a sigmoid's is at most {steepest}, a ReLU's is 1 here.",
            *[FadeIn(r, shift=DOWN * 0.15) for r in first],
            run_time=0.6,
        )
        rest = [VGroup(*[row(c, k) for c in range(len(columns))]) for k in range(CHAIN_DEPTH - 2, -1, -1)]
        self.narrate(
            "Step after step, the sigmoid chain's gradient shrinks about four times; the ReLU chain's stays the same.",
            LaggedStart(*[FadeIn(r, shift=DOWN * 0.15) for r in rest], lag_ratio=1.0),
            run_time=5.4,
            hold=0.5,
        )
        sig, rel = columns[0][2][0], columns[1][2][0]
        self.narrate(
            f"At the input, the sigmoid chain's gradient is {fmt(sig, 3, sci_below=0.01)}: "
            f"almost nothing to learn from. The ReLU chain still has {fmt(rel, 3)}.",
            Indicate(title, scale_factor=1.0, color=ANIM["text"]),
            run_time=0.3,
        )
        self.narrate("Real layers also multiply by their weights, so good starting weights matter too.")
