"""Animation: backpropagation in the tiny 2-2-1 network, forward, backward and one update.

Numbers: ``site_src.examples.tiny_network.story`` (the forward pass, the gradients from
``site_src.mlp.MLP``'s backward pass, and one step with learning rate ``LR``).
"""

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    BackgroundRectangle,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    RoundedRectangle,
    Transform,
    VGroup,
)

from scripts.style.manim import OneTakeScene, label, neuron
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.examples.tiny_network import LR, story

# positions on the 960x540 card (Manim units: 14.2 wide, 8 tall)
INPUT_X, HIDDEN_X, OUTPUT_X, LOSS_X = -5.5, -1.3, 2.6, 5.3
ROW_Y = (1.5, -1.3)
NODE_R = 0.55
WEIGHT_AT = 0.3  # where on its line a weight sits (0 = start, 1 = end)
GRADIENT_AT = {"W1": 0.7, "W2": 0.6}  # and its gradient: W2's stays clear of the output's labels


def on_line(text):
    """``text`` on a patch of the card's colour, so it can sit on its line and still be read."""
    return VGroup(BackgroundRectangle(text, color=ANIM["background"], fill_opacity=1, buff=0.05), text)


class Clip(OneTakeScene):
    """Values go forward, gradients come back, every weight takes one step: the 2-2-1 network."""

    def construct(self):
        s = story()
        title = label("Backpropagation in the tiny 2-2-1 network", size=30).to_edge(UP, buff=0.25)
        legend = (
            VGroup(
                label("values go forward", size=22, color="positive"),
                label("gradients come back", size=22, color="gradient"),
                label("new weights", size=22, color="active"),
            )
            .arrange(RIGHT, buff=0.6)
            .next_to(title, DOWN, buff=0.15)
        )

        inputs = [neuron(NODE_R, "muted").move_to([INPUT_X, yy, 0]) for yy in ROW_Y]
        hidden = [neuron(NODE_R).move_to([HIDDEN_X, yy, 0]) for yy in ROW_Y]
        output = neuron(NODE_R).move_to([OUTPUT_X, 0, 0])
        loss_box = RoundedRectangle(width=2.15, height=1.0, corner_radius=0.15, color=ANIM["text"]).move_to(
            [LOSS_X, 0, 0]
        )
        input_names = VGroup(
            *[label(f"x{'₁₂'[i]}", size=26, color="muted").next_to(inputs[i], LEFT, buff=0.15) for i in range(2)]
        )
        target = label(f"right answer\ny = {fmt(s['y'], 0)}", size=22, color="muted").next_to(loss_box, DOWN, 0.2)

        # edges and their weights: W1[j, i] joins input i to hidden neuron j. Each weight sits on its
        # line near the start, its gradient later near the end: the two crossing lines are far apart there.
        edges, weight_labels, where, grad_where = VGroup(), {}, {}, {}
        for key, start, end in [
            *[(("W1", j, i), inputs[i], hidden[j]) for j in range(2) for i in range(2)],
            *[(("W2", 0, j), hidden[j], output) for j in range(2)],
        ]:
            edge = Line(start.get_center(), end.get_center(), buff=NODE_R, color=ANIM["muted"], stroke_width=2.5)
            edges.add(edge)
            where[key] = edge.point_from_proportion(WEIGHT_AT)
            grad_where[key] = edge.point_from_proportion(GRADIENT_AT[key[0]])
        edges.add(Line(output.get_right(), loss_box.get_left(), color=ANIM["muted"], stroke_width=2.5))
        for key in where:
            weight_labels[key] = self.weight_label(s[key[0]][key[1], key[2]]).move_to(where[key])

        self.add(title, legend)
        self.narrate(
            "A tiny network: 2 inputs, 2 sigmoid neurons, 1 sigmoid output. The numbers on the lines are its weights.",
            *[Create(c) for c in inputs + hidden + [output]],
            Create(loss_box),
            Create(edges),
            FadeIn(input_names),
            FadeIn(target),
            *[FadeIn(w) for w in weight_labels.values()],
            run_time=1.2,
            hold=1.6,
        )

        formula = label("", size=24)

        def say(caption, text, *animations, color="positive", hold=2.0):
            nonlocal formula
            new = label(text, size=24, color=color).move_to([0, -2.95, 0])
            self.narrate(caption, FadeOut(formula), FadeIn(new), *animations, run_time=0.8, hold=hold)
            formula = new

        # ---- forward, in blue
        x_values = [label(fmt(v, 1), size=24, color="positive").move_to(inputs[i]) for i, v in enumerate(s["x"])]
        a1_labels = [label(fmt(s["a1"][j], 2), size=24, color="positive").move_to(hidden[j]) for j in range(2)]
        z1_labels = [
            label(f"z = {fmt(s['z1'][j], 2)}", size=22, color="positive").next_to(
                hidden[j], UP if j == 0 else DOWN, buff=0.12
            )
            for j in range(2)
        ]
        say(
            "Forward: each hidden neuron adds its weighted inputs and its bias, then squashes the total "
            "with the sigmoid.",
            f"z = W₁x + b₁ = ({fmt(s['z1'][0])}, {fmt(s['z1'][1])}),   "
            f"a = σ(z) = ({fmt(s['a1'][0], 3)}, {fmt(s['a1'][1], 3)})",
            *[FadeIn(v) for v in x_values],
            *[FadeIn(m) for m in a1_labels + z1_labels],
            hold=2.4,
        )
        yhat_label = label(fmt(s["y_hat"], 2), size=24, color="positive").move_to(output)
        z2_label = label(f"z = {fmt(s['z2'], 3)}", size=22, color="positive").next_to(output, UP, buff=0.12)
        loss_label = label(f"L = {fmt(s['loss'], 4)}", size=24, color="positive").move_to(loss_box)
        say(
            "The output neuron does the same. The loss scores how wrong its answer is.",
            f"ŷ = σ({fmt(s['z2'], 3)}) = {fmt(s['y_hat'], 4)},   L = (ŷ − y)² = {fmt(s['loss'], 4)}",
            FadeIn(yhat_label),
            FadeIn(z2_label),
            FadeIn(loss_label),
            hold=2.4,
        )

        # ---- backward, in red
        dyhat = label(f"∂L/∂ŷ = {fmt(s['dL_dyhat'], 3)}", size=22, color="gradient").next_to(loss_box, UP, buff=0.2)
        delta2 = label(f"δ = {fmt(s['delta2'], 3)}", size=22, color="gradient").next_to(output, DOWN, buff=0.12)
        say(
            "Backward: the loss's slope at the answer, times the output sigmoid's slope, gives δ₂.",
            f"∂L/∂ŷ = 2(ŷ − y) = {fmt(s['dL_dyhat'], 3)},   "
            f"δ₂ = {fmt(s['dL_dyhat'], 4)} × {fmt(s['slope_out'], 4)} = {fmt(s['delta2'], 4)}",
            FadeIn(dyhat),
            FadeIn(delta2),
            color="gradient",
            hold=2.6,
        )
        gW2 = [self.grad_label(s["gW2"][j]).move_to(grad_where[("W2", 0, j)]) for j in range(2)]
        say(
            "Each output weight's gradient: δ₂ times the hidden value on its line.",
            f"∂L/∂W₂ = δ₂ × a = ({fmt(s['gW2'][0], 3)}, {fmt(s['gW2'][1], 3)})",
            *[FadeIn(g) for g in gW2],
            color="gradient",
        )
        delta1 = [
            label(f"δ = {fmt(s['delta1'][j], 3)}", size=22, color="gradient").next_to(z1_labels[j], RIGHT, buff=0.3)
            for j in range(2)
        ]
        gW1 = {
            key: self.grad_label(s["gW1"][key[1], key[2]]).move_to(grad_where[key])
            for key in weight_labels
            if key[0] == "W1"
        }
        say(
            "δ₂ flows back through the output weights and the hidden sigmoids' slopes. Each first-layer "
            "weight's gradient: its neuron's δ times its input.",
            f"δ₁ = (W₂ᵀδ₂) × a(1 − a) = ({fmt(s['delta1'][0], 4)}, {fmt(s['delta1'][1], 4)}),   ∂L/∂W₁ = δ₁ xᵀ",
            *[FadeIn(d) for d in delta1],
            *[FadeIn(g) for g in gW1.values()],
            color="gradient",
        )

        # ---- the update, in yellow
        new_labels = {
            key: self.weight_label(s["new_" + key[0]][key[1], key[2]], color="active").move_to(weight_labels[key])
            for key in weight_labels
        }
        say(
            f"The update: every weight and bias steps against its gradient, with learning rate {LR}.",
            f"new weight = old weight − {LR} × gradient",
            *[FadeOut(g) for g in list(gW1.values()) + gW2],
            *[Transform(weight_labels[key], new_labels[key]) for key in weight_labels],
            color="active",
            hold=2.0,
        )
        new_loss = label(f"L = {fmt(s['new_loss'], 4)}", size=24, color="active").move_to(loss_box)
        say(
            "Run the example forward again: the loss went down.",
            f"loss before {fmt(s['loss'], 4)}  →  after one step {fmt(s['new_loss'], 4)}",
            FadeOut(VGroup(*a1_labels, *z1_labels, yhat_label, z2_label, dyhat, delta2, *delta1)),
            Transform(loss_label, new_loss),
            Indicate(loss_box, color=ANIM["active"]),
            color="active",
            hold=3.0,
        )

    @staticmethod
    def weight_label(value, color="text"):
        return on_line(label(fmt(value, 2 if color == "text" else 3), size=22, color=color))

    @staticmethod
    def grad_label(value):
        return on_line(label(fmt(value, 3), size=22, color="gradient"))
