"""Animation: dropout in a small network, three training steps with random masks, then test time.

Numbers: ``site_src.examples.dropout`` (``training_passes``: the hidden answers, each step's
mask, what passes and the output, from a ``Sequential`` with a ``Dropout`` layer; and
``average_over_masks``).
"""

from manim import DOWN, LEFT, RIGHT, UP, Create, FadeIn, Line, Transform, VGroup

from scripts.style.manim import OneTakeScene, label, neuron
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.examples.dropout import INPUT, P, average_over_masks, training_passes

INPUT_X, HIDDEN_X, PASS_X, OUTPUT_X = -5.4, -1.9, 0.6, 3.6
HIDDEN_Y = (2.1, 0.7, -0.7, -2.1)
INPUT_Y = (1.0, -1.0)
R = 0.5


def num(x):
    """A number as the clip writes it: 1, 0.5, 1.5 (no trailing zeros)."""
    return fmt(x, 2, trim=True)


class Clip(OneTakeScene):
    """Neurons blink off at random while training; at test time all are on and nothing is scaled."""

    def construct(self):
        passes = training_passes()
        scale = 1 / (1 - P)
        hidden_values = passes[0]["hidden"]

        title = label(f"Dropout with p = {num(P)}", size=30).to_edge(UP, buff=0.25)
        mode = label("", size=26)
        inputs = [neuron(R, "muted").move_to([INPUT_X, y, 0]) for y in INPUT_Y]
        in_text = [label(num(v), size=24).move_to(c) for v, c in zip(INPUT[0], inputs)]
        hidden = [neuron(R).move_to([HIDDEN_X, y, 0]) for y in HIDDEN_Y]
        h_text = [label(num(v), size=24).move_to(c) for v, c in zip(hidden_values, hidden)]
        output = neuron(R + 0.1).move_to([OUTPUT_X, 0, 0])
        names = VGroup(
            label("inputs", size=22, color="muted").next_to(inputs[0], UP, buff=0.25),
            label("ReLU neurons", size=22, color="muted").next_to(hidden[0], UP, buff=0.15),
            label("output", size=22, color="muted").next_to(output, UP, buff=0.25),
        )
        edges = VGroup(
            *[
                Line(i.get_center(), h.get_center(), buff=R, color=ANIM["grid"], stroke_width=2)
                for i in inputs
                for h in hidden
            ]
        )
        out_edges = [
            Line(h.get_center(), output.get_center(), buff=R, color=ANIM["muted"], stroke_width=2.5) for h in hidden
        ]
        passed = [label("", size=24) for _ in hidden]
        out_text = label("", size=26)
        self.add(title)
        self.narrate(
            "A small network: 2 inputs, 4 ReLU neurons, 1 output. A dropout layer sits after the 4 neurons.",
            *[Create(c) for c in inputs + hidden + [output]],
            Create(edges),
            *[Create(e) for e in out_edges],
            FadeIn(names),
            *[FadeIn(t) for t in in_text],
            run_time=1.2,
            hold=5.6,
        )
        self.narrate(
            f"For the input {num(INPUT[0][0])} and {num(INPUT[0][1])}, the four neurons answer "
            f"{', '.join(num(v) for v in hidden_values[:-1])} and {num(hidden_values[-1])}.",
            *[FadeIn(t) for t in h_text],
            run_time=0.8,
            hold=5.2,
        )

        def show(step, caption, hold):
            """One forward pass: dim the dropped neurons, grow the survivors, write what reaches the output."""
            nonlocal mode, out_text, passed
            result = passes[step]
            training = step < len(passes) - 1
            new_mode = (
                label(
                    f"training, step {step + 1}" if training else "test time: model.eval()",
                    size=26,
                    color="active" if training else "positive",
                )
                .to_edge(DOWN, buff=0.7)
                .shift(LEFT * 3)
            )
            moves = [Transform(mode, new_mode)] if mode.submobjects else [FadeIn(new_mode)]
            if not mode.submobjects:
                mode = new_mode
            new_passed, new_out = (
                [],
                label(f"= {num(result['output'])}", size=28, color="text").next_to(output, RIGHT, buff=0.2),
            )
            for k, m in enumerate(result["mask"]):
                on = m > 0
                colour = ("active" if m != 1 else "positive") if on else "muted"
                if not on:
                    text = "off → 0"
                elif training:
                    text = f"×{num(m)} → {num(result['passed'][k])}"  # a survivor grows by 1 / (1 - p)
                else:
                    text = f"on → {num(result['passed'][k])}"  # eval mode: unchanged
                new_passed.append(label(text, size=22, color=colour).move_to([PASS_X, HIDDEN_Y[k] + 0.05, 0]))
                moves += [
                    hidden[k].animate.set_stroke(opacity=1.0 if on else 0.25),
                    h_text[k].animate.set_opacity(1.0 if on else 0.3),
                    out_edges[k].animate.set_stroke(opacity=0.9 if on else 0.12),
                ]
            for k in range(len(hidden)):
                if passed[k].submobjects:
                    moves.append(Transform(passed[k], new_passed[k]))
                else:
                    passed[k] = new_passed[k]
                    moves.append(FadeIn(new_passed[k]))
            moves.append(Transform(out_text, new_out) if out_text.submobjects else FadeIn(new_out))
            if not out_text.submobjects:
                out_text = new_out
            self.narrate(caption, *moves, run_time=0.9, hold=hold)

        kept = [sum(m > 0 for m in p["mask"]) for p in passes[:-1]]
        self.narrate(
            f"Training: each step, every neuron is switched off with probability {num(P)}. "
            f"The survivors are multiplied by 1 / (1 − {num(P)}) = {num(scale)}.",
            run_time=0,
            hold=9.0,
        )
        show(
            0,
            f"Step 1: {kept[0]} neurons survive, and each answer is doubled. The output is {num(passes[0]['output'])}.",
            hold=4.6,
        )
        show(
            1,
            f"Step 2: a new random mask. Only {kept[1]} neuron survives. The output is {num(passes[1]['output'])}.",
            hold=4.6,
        )
        show(2, f"Step 3: {kept[2]} neurons survive. The output is {num(passes[2]['output'])}.", hold=3.2)
        show(
            3,
            f"Test time: every neuron is on, and nothing is dropped or scaled. "
            f"The output is {num(passes[3]['output'])}.",
            hold=5.2,
        )
        average = (
            label(f"average over all 16 masks: {num(average_over_masks())}", size=24, color="text")
            .to_edge(DOWN, buff=0.7)
            .shift(RIGHT * 3.2)
        )
        self.narrate(
            f"Averaged over all 16 possible masks, training gives {num(average_over_masks())} too: "
            "the same answer, on average.",
            FadeIn(average),
            run_time=0.8,
            hold=5.0,
        )
        self.wait(1.0)
