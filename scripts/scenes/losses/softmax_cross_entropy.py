"""Animation: raw scores become probabilities (softmax), and the right answer's probability becomes a loss.

Then training moves all three scores against the loss's real gradient (softmax minus the
right answer), and the loss shrinks. Numbers: ``site_src.examples.cross_entropy`` (the fruit,
its scores, ``softmax_steps`` and ``gradient_steps``, which use ``site_src.activations.softmax``
and ``site_src.losses``).
"""

from manim import DOWN, LEFT, RIGHT, UP, AnimationGroup, FadeIn, FadeOut, Indicate, Line, Succession, Transform, VGroup

from scripts.style.manim import OneTakeScene, bar, label
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.examples.cross_entropy import CLASSES, CLIP_LR, SCORES, TRUE_CLASS, gradient_steps, softmax_steps

BASELINE = -1.55  # y of the line the bars stand on
BAR_X = (-4.9, -3.3, -1.7)
BAR_WIDTH = 1.0
SCORE_SCALE = 0.5  # height of a bar per unit of score (and of exp(score))
PROBABILITY_SCALE = 3.3  # height of a bar per unit of probability (0.82 stays clear of the rows above)
PANEL_LEFT = 0.6  # x where the right-hand text panel starts


def score_bar(i, value, scale, color):
    """A bar standing on (or, for a negative value, hanging from) the baseline."""
    height = max(abs(value) * scale, 0.02)
    return bar(BAR_WIDTH, height, color).move_to([BAR_X[i], BASELINE + (height / 2 if value >= 0 else -height / 2), 0])


def value_label(i, value, scale, digits=2):
    """The number on top of a bar (above the baseline even for a bar that hangs below it)."""
    top = BASELINE + max(value * scale, 0.0)
    return label(fmt(value, digits), size=24).move_to([BAR_X[i], top + 0.28, 0])


def score_bars(scores):
    colors = ["positive" if s >= 0 else "negative" for s in scores]
    return VGroup(*[score_bar(i, s, SCORE_SCALE, c) for i, (s, c) in enumerate(zip(scores, colors))])


def probability_bars(probabilities):
    colors = ["active" if i == TRUE_CLASS else "positive" for i in range(len(probabilities))]
    return VGroup(*[score_bar(i, p, PROBABILITY_SCALE, c) for i, (p, c) in enumerate(zip(probabilities, colors))])


def on_baseline(text, string, x, y):
    """Put ``text`` (made from ``string``) at x with its letters standing on the line y.

    Centring would move words without tall or hanging letters (like "banana") lower than others,
    so we line up the bottom of the first letter that neither rises nor hangs.
    """
    glyphs = [c for c in string if not c.isspace()]
    i = next(k for k, c in enumerate(glyphs) if c in "acemnorsuvwxz")
    text.move_to([x, y, 0])
    return text.shift(UP * (y - text[i].get_bottom()[1]))


def labels_for(values, scale):
    return VGroup(*[value_label(i, v, scale) for i, v in enumerate(values)])


def panel_line(text, row, color="text", size=26):
    """One line of the right-hand panel, left-aligned at PANEL_LEFT."""
    line = label(text, size=size, color=color)
    return line.move_to([PANEL_LEFT, 2.45 - 0.62 * row, 0], aligned_edge=LEFT)


def numbers(values, digits=2, sign=False):
    return ", ".join(fmt(v, digits, sign=sign) for v in values)


GRADIENT_Y, MOVE_Y = 2.6, 2.12  # the rows above the bars: each score's gradient, and how a step moves it


def gradient_row(gradient):
    """Each score's gradient in red above its bar."""
    return VGroup(
        *[
            label(fmt(g, 3, sign=True), size=24, color="gradient").move_to([BAR_X[i], GRADIENT_Y, 0])
            for i, g in enumerate(gradient)
        ]
    )


def move_row(gradient):
    """How one step changes each score: up or down by learning rate × gradient."""
    return VGroup(
        *[
            label(f"{'↑' if g < 0 else '↓'} {fmt(abs(CLIP_LR * g), 3)}", size=22).move_to([BAR_X[i], MOVE_Y, 0])
            for i, g in enumerate(gradient)
        ]
    )


class Clip(OneTakeScene):
    """Scores become probabilities and a loss; the real gradient moves all three scores, and the loss shrinks."""

    def construct(self):
        exps, total, probabilities, loss = softmax_steps(SCORES)
        p = probabilities[TRUE_CLASS]
        steps = gradient_steps()

        title = label("From scores to a loss, and back to the scores", size=32).to_edge(UP, buff=0.3)
        base = Line([BAR_X[0] - 0.8, BASELINE, 0], [BAR_X[-1] + 0.8, BASELINE, 0], color=ANIM["muted"])
        names = VGroup(
            *[
                on_baseline(
                    label(name, size=26, color="active" if i == TRUE_CLASS else "text"), name, BAR_X[i], BASELINE - 0.75
                )
                for i, name in enumerate(CLASSES)
            ]
        )
        truth_tag = label("right answer", size=22, color="active").next_to(names[TRUE_CLASS], DOWN, buff=0.12)
        bars = score_bars(SCORES)
        values = labels_for(SCORES, SCORE_SCALE)

        # 1. raw scores
        score_line = panel_line(f"scores: {numbers(SCORES)}", 0)
        self.add(title)
        self.narrate(
            "Raw scores for one fruit. The right answer is apple, but pear scores highest.",
            FadeIn(base),
            FadeIn(names),
            FadeIn(truth_tag),
            FadeIn(bars),
            FadeIn(values),
            FadeIn(score_line),
            run_time=1.2,
        )

        # 2. exp makes them positive
        exp_line = panel_line(f"exp(score): {numbers(exps)}", 1)
        self.narrate(
            "exp makes every score positive, and bigger scores grow much bigger.",
            Transform(bars, score_bars(exps)),
            Transform(values, labels_for(exps, SCORE_SCALE)),
            FadeIn(exp_line),
            run_time=1.4,
        )

        # 3. divide by the total
        total_line = panel_line(f"total = {fmt(total)}", 2)
        share_line = panel_line(f"÷ total: {numbers(probabilities)}", 3)
        sum_line = panel_line(f"they add up to {fmt(probabilities.sum())}", 4, color="muted", size=24)
        self.narrate(
            f"Divide each by the total, {fmt(total)}: probabilities that add up to 1.",
            Transform(bars, probability_bars(probabilities)),
            Transform(values, labels_for(probabilities, PROBABILITY_SCALE)),
            FadeIn(total_line),
            FadeIn(share_line),
            FadeIn(sum_line),
            run_time=1.4,
        )

        # 4. the right answer's probability gives the loss
        p_line = panel_line(f"p(apple) = {fmt(p, 3)}", 5, color="active")
        loss_line = panel_line(f"loss = −log p = {fmt(loss)}", 6, color="text", size=30)
        history = [loss]
        history_line = self.history_line(history)
        self.narrate(
            f"Only apple's probability counts. The loss is minus its log: −log {fmt(p, 3)} = {fmt(loss)}.",
            FadeIn(p_line),
            FadeIn(loss_line),
            FadeIn(history_line),
            Indicate(bars[TRUE_CLASS], color=ANIM["active"]),
            run_time=1.2,
        )

        # 5. the real gradient at the scores: probability minus the right answer
        g = steps[0]["gradient"]
        gradients = gradient_row(g)
        gradient_name = label("gradient", size=22, color="gradient").next_to(gradients[0], LEFT, buff=0.25)
        moves = move_row(g)
        move_name = label("step", size=22).next_to(moves[0], LEFT, buff=0.25).align_to(gradient_name, RIGHT)
        rule_line = panel_line("gradient = p − (1, 0, 0)", 1, color="gradient")
        g_line = panel_line(f"= {numbers(g, 3, sign=True)}", 2, color="gradient")
        step_line = panel_line(f"step: score − {fmt(CLIP_LR, 0)} × gradient", 3)
        self.narrate(
            "Each score's gradient: its probability, minus 1 for apple and 0 for the others.",
            FadeOut(exp_line),
            FadeOut(total_line),
            FadeOut(share_line),
            FadeOut(sum_line),
            FadeIn(rule_line),
            FadeIn(g_line),
            FadeIn(gradients),
            FadeIn(gradient_name),
            FadeIn(step_line),
            FadeIn(moves),
            FadeIn(move_name),
            run_time=1.2,
        )

        # 6. one step moves every score: apple up, pear down almost as much, banana a little down
        def move_to(k):
            """The animations of step k: new scores, probabilities, gradient and loss."""
            s = steps[k]
            history.append(s["loss"])
            return [
                Transform(bars, probability_bars(s["probabilities"])),
                Transform(values, labels_for(s["probabilities"], PROBABILITY_SCALE)),
                Transform(score_line, panel_line(f"scores: {numbers(s['scores'])}", 0)),
                Transform(g_line, panel_line(f"= {numbers(s['gradient'], 3, sign=True)}", 2, color="gradient")),
                Transform(gradients, gradient_row(s["gradient"])),
                Transform(moves, move_row(s["gradient"])),
                Transform(
                    p_line, panel_line(f"p(apple) = {fmt(s['probabilities'][TRUE_CLASS], 3)}", 5, color="active")
                ),
                Transform(loss_line, panel_line(f"loss = −log p = {fmt(s['loss'])}", 6, size=30)),
                Transform(history_line, self.history_line(history)),
            ]

        self.narrate(
            "A training step moves every score against its gradient: "
            "apple's up, pear's down almost as much, banana's a little.",
            *move_to(1),
            run_time=1.4,
        )
        later = [AnimationGroup(*move_to(k)) for k in range(2, len(steps))]
        losses = ", then ".join(fmt(s["loss"]) for s in steps[2:])
        count = {1: "One", 2: "Two", 3: "Three"}.get(len(later), str(len(later)))
        self.narrate(
            f"{count} more steps: the loss falls to {losses}. The surer the network is of the right "
            "answer, the smaller the loss and its gradient.",
            Succession(*later),
            run_time=2.4,
        )

    @staticmethod
    def history_line(history):
        text = "loss so far: " + " → ".join(fmt(value) for value in history)
        return label(text, size=26, color="text").move_to([0, -3.2, 0])
