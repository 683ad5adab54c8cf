"""Animations for the "How networks learn" chapters: backpropagation, learning rates, vanishing gradients.

Every number comes from ``site_src``: the 2-2-1 network's forward pass, gradients and
update from ``site_src.mlp.MLP`` (via ``site_src.examples.tiny_network``), gradient
descent on the one-dial loss from ``site_src.examples.descend``, and the fading
gradient from ``site_src.examples.neuron_chain`` (built with ``site_src.autograd.Value``).
"""

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Axes, Circle, Create, DashedLine, Dot, FadeIn, FadeOut, Indicate, LaggedStart, Line, Rectangle,
    RoundedRectangle, Transform, VGroup,
)
from manim.animation.animation import prepare_animation

from scripts.palette import ANIM
from scripts.scenes.common import SiteScene, fmt, label
from site_src.examples import descend, neuron_chain, parabola_loss, parabola_loss_grad, tiny_network

LR = 0.5  # the learning rate of the backpropagation chapter's update step


def tiny_network_story():
    """Every number of one forward pass, one backward pass and one update of the 2-2-1 network."""
    net, x, y = tiny_network()
    W1, W2 = net.weights[0].copy(), net.weights[1].copy()
    loss = net.loss(x, y)
    (_, z1), (a1, z2) = net._cache
    y_hat = net.output
    net.backward(y)
    story = {
        "x": x[0], "y": float(y[0, 0]), "W1": W1, "W2": W2,
        "z1": z1[0], "a1": a1[0], "z2": float(z2[0, 0]), "y_hat": float(y_hat[0, 0]), "loss": loss,
        "dL_dyhat": float(2 * (y_hat - y)[0, 0]),
        "slope_out": float((y_hat * (1 - y_hat))[0, 0]),
        "delta2": float(net.grad_biases[1][0]),
        "gW2": net.grad_weights[1][0].copy(),
        "back": (W2.T @ net.grad_biases[1]).copy(),
        "slope_hidden": (a1 * (1 - a1))[0],
        "delta1": net.grad_biases[0].copy(),
        "gW1": net.grad_weights[0].copy(),
    }
    net.step(LR)
    story["new_W1"], story["new_W2"] = net.weights[0].copy(), net.weights[1].copy()
    story["new_loss"] = net.loss(x, y)
    return story


class OneTakeScene(SiteScene):
    """A SiteScene whose narrated steps are single takes: the motion, then a still hold, in one clip.

    Manim starts a new clip (and the video a new full "key" frame, the costly kind) at every
    play() and wait(). Folding the hold into the animation's own timing halves the clips,
    which keeps the MP4 small; what the reader sees is the same.
    """

    def narrate(self, caption, *animations, run_time=1.0, hold=1.5):
        if not animations:
            return super().narrate(caption, run_time=run_time, hold=hold)
        total = run_time + hold
        animations = [prepare_animation(a) for a in animations]  # turn `mob.animate...` into an Animation
        for animation in animations:
            moving = animation.rate_func
            animation.rate_func = lambda t, moving=moving: moving(min(1.0, t * total / run_time))
        self.add_subcaption(caption, duration=total)
        self.play(*animations, run_time=total)


# positions on the 960x540 card (Manim units: 14.2 wide, 8 tall)
INPUT_X, HIDDEN_X, OUTPUT_X, LOSS_X = -5.5, -1.3, 2.6, 5.3
ROW_Y = (1.5, -1.3)
NODE_R = 0.55


class BackpropTinyNetwork(OneTakeScene):
    def construct(self):
        s = tiny_network_story()
        title = label("Backpropagation in the tiny 2-2-1 network", size=30).to_edge(UP, buff=0.25)
        legend = VGroup(label("values go forward", size=22, color="positive"),
                        label("gradients come back", size=22, color="gradient"),
                        label("new weights", size=22, color="active")).arrange(RIGHT, buff=0.6).next_to(
            title, DOWN, buff=0.15)

        inputs = [Circle(radius=NODE_R, color=ANIM["muted"]).move_to([INPUT_X, yy, 0]) for yy in ROW_Y]
        hidden = [Circle(radius=NODE_R, color=ANIM["text"]).move_to([HIDDEN_X, yy, 0]) for yy in ROW_Y]
        output = Circle(radius=NODE_R, color=ANIM["text"]).move_to([OUTPUT_X, 0, 0])
        loss_box = RoundedRectangle(width=2.15, height=1.0, corner_radius=0.15, color=ANIM["text"]).move_to(
            [LOSS_X, 0, 0])
        input_names = VGroup(*[label(f"x{'₁₂'[i]}", size=26, color="muted").next_to(inputs[i], LEFT, buff=0.15)
                               for i in range(2)])
        target = label(f"right answer\ny = {fmt(s['y'], 0)}", size=22, color="muted").next_to(loss_box, DOWN, 0.2)

        # edges and their weights: W1[j, i] joins input i to hidden neuron j
        edges, weight_labels, where = VGroup(), {}, {}
        spots = {(0, 0): (0.45, UP * 0.3), (1, 1): (0.45, DOWN * 0.3),
                 (1, 0): (0.28, UP * 0.36), (0, 1): (0.28, DOWN * 0.36)}
        for (j, i), (t, nudge) in spots.items():
            edge = Line(inputs[i].get_center(), hidden[j].get_center(), buff=NODE_R, color=ANIM["muted"],
                        stroke_width=2.5)
            edges.add(edge)
            where[("W1", j, i)] = edge.point_from_proportion(t) + nudge
        for j in range(2):
            edge = Line(hidden[j].get_center(), output.get_center(), buff=NODE_R, color=ANIM["muted"],
                        stroke_width=2.5)
            edges.add(edge)
            where[("W2", 0, j)] = edge.point_from_proportion(0.45) + (UP if j == 0 else DOWN) * 0.32 + RIGHT * 0.1
        edges.add(Line(output.get_right(), loss_box.get_left(), color=ANIM["muted"], stroke_width=2.5))
        for key in where:
            weight_labels[key] = self.weight_label(s[key[0]][key[1], key[2]]).move_to(where[key])

        self.add(title, legend)
        self.narrate("The tiny network: 2 inputs, 2 hidden neurons and 1 output, all with the sigmoid switch. "
                     "The numbers on the lines are its weights.",
                     *[Create(c) for c in inputs + hidden + [output]], Create(loss_box), Create(edges),
                     FadeIn(input_names), FadeIn(target), *[FadeIn(w) for w in weight_labels.values()],
                     run_time=1.2, hold=1.6)

        formula = label("", size=24)

        def say(caption, text, *animations, color="positive", hold=2.0):
            nonlocal formula
            new = label(text, size=24, color=color).move_to([0, -3.3, 0])
            self.narrate(caption, FadeOut(formula), FadeIn(new), *animations, run_time=0.8, hold=hold)
            formula = new

        # ---- forward, in blue
        x_values = [label(fmt(v, 1), size=24, color="positive").move_to(inputs[i]) for i, v in enumerate(s["x"])]
        a1_labels = [label(fmt(s["a1"][j], 2), size=24, color="positive").move_to(hidden[j]) for j in range(2)]
        z1_labels = [label(f"z = {fmt(s['z1'][j], 2)}", size=22, color="positive").next_to(
            hidden[j], UP if j == 0 else DOWN, buff=0.12) for j in range(2)]
        say("Forward pass: the inputs 1 and 2 go in. Each hidden neuron adds up its weighted inputs and its bias, "
            "then squashes the total with the sigmoid.",
            f"z = W₁x + b₁ = ({fmt(s['z1'][0])}, {fmt(s['z1'][1])}),   "
            f"a = σ(z) = ({fmt(s['a1'][0], 3)}, {fmt(s['a1'][1], 3)})",
            *[FadeIn(v) for v in x_values], *[FadeIn(m) for m in a1_labels + z1_labels], hold=2.4)
        yhat_label = label(fmt(s["y_hat"], 2), size=24, color="positive").move_to(output)
        z2_label = label(f"z = {fmt(s['z2'], 3)}", size=22, color="positive").next_to(output, UP, buff=0.12)
        loss_label = label(f"L = {fmt(s['loss'], 4)}", size=24, color="positive").move_to(loss_box)
        say("The output neuron does the same with the hidden values. The loss scores how wrong its answer is.",
            f"ŷ = σ({fmt(s['z2'], 3)}) = {fmt(s['y_hat'], 4)},   L = (ŷ − y)² = {fmt(s['loss'], 4)}",
            FadeIn(yhat_label), FadeIn(z2_label), FadeIn(loss_label), hold=2.4)

        # ---- backward, in red
        dyhat = label(f"∂L/∂ŷ = {fmt(s['dL_dyhat'], 3)}", size=22, color="gradient").next_to(
            loss_box, UP, buff=0.2)
        delta2 = label(f"δ = {fmt(s['delta2'], 3)}", size=22, color="gradient").next_to(
            output, DOWN, buff=0.12).shift(RIGHT * 0.45)
        say("Backward pass: how fast does the loss change when the answer changes? "
            "Then multiply by the output sigmoid's slope, ŷ(1 − ŷ).",
            f"∂L/∂ŷ = 2(ŷ − y) = {fmt(s['dL_dyhat'], 3)},   "
            f"δ₂ = {fmt(s['dL_dyhat'], 4)} × {fmt(s['slope_out'], 4)} = {fmt(s['delta2'], 4)}",
            FadeIn(dyhat), FadeIn(delta2), color="gradient", hold=2.6)
        gW2 = [self.grad_label(s["gW2"][j]).next_to(weight_labels[("W2", 0, j)], RIGHT, buff=0.12)
               for j in range(2)]
        say("Each output weight's gradient is δ times the hidden value on its line.",
            f"∂L/∂W₂ = δ₂ × a = ({fmt(s['gW2'][0], 3)}, {fmt(s['gW2'][1], 3)})",
            *[FadeIn(g) for g in gW2], color="gradient")
        delta1 = [label(f"δ = {fmt(s['delta1'][j], 3)}", size=22, color="gradient").next_to(
            z1_labels[j], RIGHT, buff=0.3) for j in range(2)]
        say("The signal flows back along the output weights, then through each hidden sigmoid's slope.",
            f"δ₁ = (W₂ᵀδ₂) × a(1 − a) = ({fmt(s['delta1'][0], 4)}, {fmt(s['delta1'][1], 4)})",
            *[FadeIn(d) for d in delta1], color="gradient")
        gW1 = {key: self.grad_label(s["gW1"][key[1], key[2]]).next_to(weight_labels[key], RIGHT, buff=0.1)
               for key in weight_labels if key[0] == "W1"}
        say("Each first-layer weight's gradient is its neuron's δ times the input on its line.",
            "∂L/∂W₁ = δ₁ xᵀ: every weight now knows which way is downhill",
            *[FadeIn(g) for g in gW1.values()], color="gradient", hold=2.2)

        # ---- the update, in yellow
        new_labels = {key: self.weight_label(s["new_" + key[0]][key[1], key[2]], color="active").move_to(
            weight_labels[key]) for key in weight_labels}
        say("The update: every weight and bias takes a step against its gradient, with learning rate 0.5.",
            f"new weight = old weight − {LR} × gradient",
            *[FadeOut(g) for g in list(gW1.values()) + gW2],
            *[Transform(weight_labels[key], new_labels[key]) for key in weight_labels], color="active", hold=2.0)
        new_loss = label(f"L = {fmt(s['new_loss'], 4)}", size=24, color="active").move_to(loss_box)
        say("Run the example forward again: the loss went down.",
            f"loss before {fmt(s['loss'], 4)}  →  after one step {fmt(s['new_loss'], 4)}",
            FadeOut(VGroup(*a1_labels, *z1_labels, yhat_label, z2_label, dyhat, delta2, *delta1)),
            Transform(loss_label, new_loss), Indicate(loss_box, color=ANIM["active"]), color="active", hold=3.0)

    @staticmethod
    def weight_label(value, color="text"):
        return label(fmt(value, 2 if color == "text" else 3), size=22, color=color)

    @staticmethod
    def grad_label(value):
        return label(fmt(value, 3), size=22, color="gradient")


RATES = ((0.02, "too small"), (0.3, "good"), (1.05, "too big"))  # the learning rates, side by side
DESCENT_STEPS = 8
W_RANGE, LOSS_TOP = (-4.0, 10.0), 50.0


class GradientDescentRates(OneTakeScene):
    def construct(self):
        paths = [descend(parabola_loss_grad, 0.0, lr=lr, steps=DESCENT_STEPS) for lr, _ in RATES]
        title = label("Gradient descent on the loss (w − 3)², from w = 0", size=28).to_edge(UP, buff=0.3)
        panels, balls, readouts = [], [], []
        for k, ((lr, name), path) in enumerate(zip(RATES, paths)):
            centre = np.array([-4.65 + 4.65 * k, 0.05, 0])
            axes = Axes(x_range=[*W_RANGE, 2], y_range=[0, LOSS_TOP, 10], x_length=4.1, y_length=3.9,
                        tips=False, axis_config={"color": ANIM["muted"], "stroke_width": 2}).move_to(centre)
            axes.y_axis.set_opacity(0)  # no loss axis: the numbers are written underneath
            curve = axes.plot(lambda w: float(parabola_loss(w)), x_range=[W_RANGE[0], W_RANGE[1]],
                              color=ANIM["positive"], stroke_width=3)
            best = DashedLine(axes.c2p(3, 0), axes.c2p(3, LOSS_TOP * 0.8), color=ANIM["muted"], stroke_width=2)
            best_text = label("best w = 3", size=22, color="muted").next_to(best, UP, buff=0.08)
            heading = label(f"η = {lr:g}: {name}", size=26,
                            color={"too small": "muted", "good": "positive", "too big": "negative"}[name])
            heading.next_to(axes, UP, buff=0.2)
            panels.append((axes, path))
            balls.append(Dot(axes.c2p(path[0], parabola_loss(path[0])), radius=0.11, color=ANIM["active"]))
            readouts.append(self.readout(path[0]).next_to(axes, DOWN, buff=0.25))
            self.add(axes, curve, best, best_text, heading)
        counter = label(f"step 0 of {DESCENT_STEPS}", size=26).to_edge(DOWN, buff=0.35)
        self.add(title)
        self.narrate("Three balls start at w = 0 on the same loss curve. Each step: w ← w − η × slope.",
                     *[FadeIn(b) for b in balls], *[FadeIn(r) for r in readouts], FadeIn(counter),
                     run_time=1.0, hold=2.2)
        for step in range(1, DESCENT_STEPS + 1):
            moves = []
            for k, (axes, path) in enumerate(panels):
                start = axes.c2p(path[step - 1], parabola_loss(path[step - 1]))
                end = axes.c2p(path[step], parabola_loss(path[step]))
                trail = Line(start, end, color=ANIM["active"], stroke_width=2, stroke_opacity=0.6)
                moves += [Create(trail), balls[k].animate.move_to(end),
                          Transform(readouts[k], self.readout(path[step]).move_to(readouts[k]))]
            moves.append(Transform(counter, label(f"step {step} of {DESCENT_STEPS}", size=26).move_to(counter)))
            caption = {1: "Step 1: the small rate barely moves; the good rate takes a big bite; "
                          "the big rate jumps right over the bottom.",
                       4: "The big rate overshoots further every time: the loss grows.",
                       DESCENT_STEPS: "After 8 steps: still crawling, arrived, and ever higher up the walls."
                       }.get(step, f"Step {step}.")
            self.narrate(caption, *moves, run_time=0.7, hold=2.6 if step == DESCENT_STEPS else 0.6)

    @staticmethod
    def readout(w):
        return label(f"w = {fmt(w, 2)}   loss = {fmt(float(parabola_loss(w)), 2)}", size=22)


CHAIN_DEPTH = 10
CHAINS = (("sigmoid", 0.0, -3.55), ("relu", 1.0, 3.55))  # (switch, input x, centre of its column)
BAR_MAX = 2.3  # length of a bar for a gradient of 1
ROW_TOP, ROW_STEP = 2.05, 0.5


def small_number(value):
    """A gradient as the animation writes it: 3 decimals, or a power of ten when it is tiny."""
    if value >= 0.01:
        return f"{value:.3f}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(str.maketrans('-0123456789', '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'))}"


class VanishingGradientRelay(OneTakeScene):
    def construct(self):
        title = label("A gradient passed back through 10 neurons, one at a time", size=28).to_edge(UP, buff=0.25)
        self.add(title)
        columns = []
        for activation, x, centre in CHAINS:
            slopes, grads = neuron_chain(activation, CHAIN_DEPTH, x=x)
            name = {"sigmoid": "sigmoid neurons", "relu": "ReLU neurons"}[activation]
            heading = label(f"{name} (weights 1)", size=26,
                            color="negative" if activation == "sigmoid" else "positive").move_to([centre, 2.75, 0])
            self.add(heading)
            columns.append((centre, slopes, grads))

        def row(c, k):
            """Row for neuron k's output a_k (k = 10 is the end of the chain, k = 0 the input)."""
            centre, slopes, grads = columns[c]
            y = ROW_TOP - (CHAIN_DEPTH - k) * ROW_STEP
            name = label("end" if k == CHAIN_DEPTH else ("input" if k == 0 else f"a{k}"), size=22,
                         color="muted").move_to([centre - 2.75, y, 0])
            length = max(BAR_MAX * grads[k], 0.001)
            bar = Rectangle(width=length, height=0.32, color=ANIM["gradient"], fill_color=ANIM["gradient"],
                            fill_opacity=0.85, stroke_width=0 if length < 0.01 else 1)
            bar.move_to([centre - 2.2 + length / 2, y, 0])
            value = label(small_number(grads[k]), size=22).move_to([centre + 1.1, y, 0])
            if k == CHAIN_DEPTH:
                return VGroup(name, bar, value)
            factor = label(f"×{slopes[k]:.3f}", size=22, color="active").move_to([centre + 2.75, y + 0.25, 0])
            return VGroup(name, bar, value, factor)

        key = label("red bar and number: the gradient      yellow ×: the slope of the neuron passed through",
                    size=22, color="muted").to_edge(DOWN, buff=0.3)
        self.add(key)
        start = [row(c, CHAIN_DEPTH) for c in range(len(columns))]
        self.narrate("Start at the end of each chain with a gradient of 1.", *[FadeIn(r) for r in start],
                     run_time=0.8, hold=1.6)
        first = [row(c, CHAIN_DEPTH - 1) for c in range(len(columns))]
        self.narrate("Each step back multiplies by that neuron's slope (its weight is 1). "
                     "A sigmoid's slope is at most 0.25; a ReLU's is 1 for positive inputs.",
                     *[FadeIn(r, shift=DOWN * 0.15) for r in first], run_time=0.6, hold=2.6)
        rest = [VGroup(*[row(c, k) for c in range(len(columns))]) for k in range(CHAIN_DEPTH - 2, -1, -1)]
        self.narrate("Neuron after neuron, the sigmoid chain's gradient shrinks about four to five times at "
                     "every step, while the ReLU chain's stays the same.",
                     LaggedStart(*[FadeIn(r, shift=DOWN * 0.15) for r in rest], lag_ratio=1.0),
                     run_time=6.0, hold=0.5)
        sig, rel = columns[0][2][0], columns[1][2][0]
        self.narrate(f"At the input the sigmoid chain's gradient is {small_number(sig)}: almost nothing to learn from. "
                     f"The ReLU chain still has {rel:.3f}. Real layers also multiply by their weights, "
                     "so good starting weights matter too.", Indicate(title, scale_factor=1.0, color=ANIM["text"]),
                     run_time=0.3, hold=4.0)


SCENES = {
    "backprop-tiny-network": BackpropTinyNetwork,
    "gradient-descent-rates": GradientDescentRates,
    "vanishing-gradient-relay": VanishingGradientRelay,
}
