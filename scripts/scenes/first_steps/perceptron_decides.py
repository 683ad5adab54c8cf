"""Animation: one perceptron decides about one fruit, gets it wrong, and learns.

Numbers: ``site_src.examples.perceptron``: the fruit robot after its first epoch, the
first fruit it then gets wrong, and its learning rate.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    RoundedRectangle,
    Transform,
    VGroup,
    Write,
)

from scripts.style.manim import OneTakeScene, label, neuron
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.datasets import FRUIT_FEATURES
from site_src.examples.perceptron import LR, first_mistake
from site_src.neurons import Perceptron


class Clip(OneTakeScene):
    """The perceptron after one epoch meets the first fruit it gets wrong, and learns from it."""

    def construct(self):
        perceptron, x, target, name = first_mistake()
        w, b = perceptron.weights.copy(), perceptron.bias

        title = label("Is this fruit an apple?", size=34).to_edge(UP, buff=0.35)
        circle = neuron(0.75, stroke_width=4).move_to(RIGHT * 0.4 + UP * 1.0)
        sigma = label("Σ", size=44).move_to(circle)
        inputs, edges, weight_labels = VGroup(), VGroup(), VGroup()
        for i, (feature, value) in enumerate(zip(FRUIT_FEATURES, x)):
            node = neuron(0.5, "positive", fill_opacity=0.25).move_to(LEFT * 4.2 + UP * (2.1 - 2.2 * i))
            name_text = label(feature, size=22, color="muted").next_to(node, LEFT, buff=0.2)
            inputs.add(VGroup(node, label(fmt(value), size=28).move_to(node), name_text))
            edges.add(
                Arrow(
                    node.get_right(),
                    circle.get_center(),
                    buff=0.75,
                    color=ANIM["muted"],
                    stroke_width=3,
                    max_tip_length_to_length_ratio=0.06,
                )
            )
            # above the upper arrow, below the lower one, near the input: clear of the line and the bias
            weight_labels.add(
                self.weight_label(i, w[i]).next_to(
                    edges[i].point_from_proportion(0.3), UP if i == 0 else DOWN, buff=0.22
                )
            )
        bias_label = label(f"bias b = {fmt(b)}", size=24).next_to(circle, DOWN, buff=0.25)
        output_arrow = Arrow(
            circle.get_right(), circle.get_right() + RIGHT * 2.2, buff=0.1, color=ANIM["muted"], stroke_width=3
        )
        output_box = RoundedRectangle(width=2.2, height=1.1, corner_radius=0.15, color=ANIM["text"]).next_to(
            output_arrow, RIGHT, buff=0.1
        )

        self.add(title)
        self.narrate(
            f"A perceptron looks at a fruit: roundness {fmt(x[0])}, redness {fmt(x[1])}.",
            FadeIn(inputs),
            Create(circle),
            Write(sigma),
            *[GrowArrow(e) for e in edges],
            FadeIn(weight_labels),
            FadeIn(bias_label),
            GrowArrow(output_arrow),
            Create(output_box),
            run_time=1.5,
        )

        # 1. multiply each input by its weight
        products = x * w
        product_labels = (
            VGroup(
                *[
                    label(
                        f"{FRUIT_FEATURES[i]} × w{'₁₂'[i]} = {fmt(x[i])} × {fmt(w[i])} = {fmt(products[i], 3)}",
                        size=24,
                        color="active",
                    )
                    for i in range(2)
                ]
            )
            .arrange(DOWN, aligned_edge=LEFT, buff=0.14)
            .move_to(DOWN * 1.55)
        )
        self.narrate(
            "Each input is multiplied by its weight.",
            FadeIn(product_labels),
            *[Indicate(e, color=ANIM["active"]) for e in edges],
        )

        # 2. add the products and the bias
        total = float(perceptron.total(x[np.newaxis])[0])
        sum_line = label(
            f"total = {fmt(products[0], 3)} + {fmt(products[1], 3)} + ({fmt(b, 3)}) = {fmt(total, 3)}",
            size=26,
            color="active",
        ).next_to(product_labels, DOWN, buff=0.3)
        self.narrate("Add up the products and the bias.", Write(sum_line))

        # 3. the step switch
        answer = int(perceptron.predict(x[np.newaxis])[0])
        answer_text = self.answer_text(answer).move_to(output_box)
        rule = label(
            f"{fmt(total, 3)} {'≥' if answer else '<'} 0, so the switch says {'YES' if answer else 'NO'}", size=26
        ).next_to(sum_line, DOWN, buff=0.25)
        self.narrate(
            f"The total is {'at least' if answer else 'below'} zero, "
            f"so the step switch says {'YES' if answer else 'NO'}.",
            FadeIn(rule),
            FadeIn(answer_text),
        )

        # 4. the truth
        truth = label(
            f"But it is {'an' if name[0] in 'aeiou' else 'a'} {name}: the right answer is "
            f"{'YES (1)' if target else 'NO (0)'}. Wrong!",
            size=26,
            color="gradient",
        ).move_to(rule)
        self.narrate(
            f"But the fruit is {'an' if name[0] in 'aeiou' else 'a'} {name}. The answer was wrong.",
            Transform(rule, truth),
            Indicate(output_box, color=ANIM["gradient"]),
        )

        # 5. the learning rule nudges every weight and the bias
        error = target - answer
        new_w, new_b = w + LR * error * x, b + LR * error
        signed = fmt(error, 0, sign=True)
        nudges = (
            VGroup(
                label(f"error = right − answer = {target} − {answer} = {signed}", size=24, color="gradient"),
                *[
                    label(
                        f"w{'₁₂'[i]} ← {fmt(w[i])} + {LR} × ({signed}) × {fmt(x[i])} = {fmt(new_w[i])}",
                        size=24,
                        color="gradient",
                    )
                    for i in range(2)
                ],
                label(f"b ← {fmt(b)} + {LR} × ({signed}) = {fmt(new_b)}", size=24, color="gradient"),
            )
            .arrange(DOWN, aligned_edge=LEFT, buff=0.14)
            .move_to(DOWN * 2.2)
        )
        self.narrate(
            "The learning rule nudges every weight and the bias towards the right answer.",
            FadeOut(product_labels),
            FadeOut(sum_line),
            FadeOut(rule),
            FadeIn(nudges),
            run_time=1.2,
            hold=3.5,
        )
        self.narrate(
            "The weights and the bias take their new values.",
            *[Transform(weight_labels[i], self.weight_label(i, new_w[i]).move_to(weight_labels[i])) for i in range(2)],
            Transform(bias_label, label(f"bias b = {fmt(new_b)}", size=24).move_to(bias_label)),
        )

        # 6. try the same fruit again
        learned = Perceptron(2, weights=new_w, bias=new_b)
        new_total = float(learned.total(x[np.newaxis])[0])
        new_answer = int(learned.predict(x[np.newaxis])[0])
        again = label(
            f"Same fruit again: total = {fmt(new_total, 3)}, so the answer is "
            f"{'YES' if new_answer else 'NO'}" + ("  ✓" if new_answer == target else ""),
            size=26,
            color="active",
        ).move_to(DOWN * 2.2)
        self.narrate(
            "Same fruit, new weights: "
            + ("now the answer is right." if new_answer == target else "still wrong, but closer."),
            FadeOut(nudges),
            FadeIn(again),
            Transform(answer_text, self.answer_text(new_answer).move_to(output_box)),
        )

    @staticmethod
    def weight_label(i, value):
        return label(f"w{'₁₂'[i]} = {fmt(value)}", size=24, color="positive" if value >= 0 else "negative")

    @staticmethod
    def answer_text(answer):
        return label("YES (1)" if answer else "NO (0)", size=30, color="positive" if answer else "negative")
