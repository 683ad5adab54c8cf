"""Animation: raw scores become probabilities (softmax), and the right answer's probability becomes a loss.

Then training raises the right answer's score, step by step, and the loss shrinks.
Numbers: ``site_src.examples.cross_entropy`` (the fruit, its scores, and ``softmax_steps``,
which uses ``site_src.activations.softmax`` and ``site_src.losses.cross_entropy_from_logits``).
"""

from manim import DOWN, LEFT, UP, FadeIn, Indicate, Line, Transform, VGroup

from scripts.style.manim import SiteScene, bar, label
from scripts.style.numbers import fmt
from scripts.style.palette import ANIM
from site_src.examples.cross_entropy import BETTER_APPLE_SCORES, CLASSES, SCORES, TRUE_CLASS, softmax_steps

BASELINE = -1.55  # y of the line the bars stand on
BAR_X = (-4.9, -3.3, -1.7)
BAR_WIDTH = 1.0
SCORE_SCALE = 0.5  # height of a bar per unit of score (and of exp(score))
PROBABILITY_SCALE = 3.6  # height of a bar per unit of probability
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


def numbers(values, digits=2):
    return ", ".join(fmt(v, digits) for v in values)


class Clip(SiteScene):
    """Scores become probabilities, the right answer's probability becomes a loss, and training shrinks it."""

    def construct(self):
        exps, total, probabilities, loss = softmax_steps(SCORES)
        p = probabilities[TRUE_CLASS]

        title = label("From scores to a loss", size=34).to_edge(UP, buff=0.3)
        base = Line([BAR_X[0] - 0.8, BASELINE, 0], [BAR_X[-1] + 0.8, BASELINE, 0], color=ANIM["muted"])
        names = VGroup(*[on_baseline(label(name, size=26, color="active" if i == TRUE_CLASS else "text"),
                                     name, BAR_X[i], BASELINE - 0.75) for i, name in enumerate(CLASSES)])
        truth_tag = label("right answer", size=22, color="active").next_to(names[TRUE_CLASS], DOWN, buff=0.12)
        bars = score_bars(SCORES)
        values = labels_for(SCORES, SCORE_SCALE)

        # 1. raw scores
        score_line = panel_line(f"scores: {numbers(SCORES)}", 0)
        self.add(title)
        self.narrate("The network gives each fruit a raw score. The right answer is apple.",
                     FadeIn(base), FadeIn(names), FadeIn(truth_tag), FadeIn(bars), FadeIn(values),
                     FadeIn(score_line), run_time=1.2, hold=1.4)

        # 2. exp makes them positive
        exp_line = panel_line(f"exp(score): {numbers(exps)}", 1)
        self.narrate("exp makes every score positive, and bigger scores grow much bigger.",
                     Transform(bars, score_bars(exps)), Transform(values, labels_for(exps, SCORE_SCALE)),
                     FadeIn(exp_line), run_time=1.4, hold=1.6)

        # 3. divide by the total
        total_line = panel_line(f"total = {fmt(total)}", 2)
        share_line = panel_line(f"÷ total: {numbers(probabilities)}", 3)
        sum_line = panel_line(f"they add up to {fmt(probabilities.sum())}", 4, color="muted", size=24)
        self.narrate(f"Divide each by the total, {fmt(total)}. Now they are probabilities that add up to 1.",
                     Transform(bars, probability_bars(probabilities)),
                     Transform(values, labels_for(probabilities, PROBABILITY_SCALE)),
                     FadeIn(total_line), FadeIn(share_line), FadeIn(sum_line), run_time=1.4, hold=1.6)

        # 4. the right answer's probability, and 5. the loss
        p_line = panel_line(f"p(apple) = {fmt(p, 3)}", 5, color="active")
        self.narrate(f"Only the right answer's probability counts: p(apple) = {fmt(p, 3)}.",
                     FadeIn(p_line), Indicate(bars[TRUE_CLASS], color=ANIM["active"]), hold=1.4)
        loss_line = panel_line(f"loss = −log p = {fmt(loss)}", 6, color="gradient", size=30)
        history = [loss]
        history_line = self.history_line(history)
        self.narrate(f"The loss is minus the log of p: {fmt(loss)}. A small p gives a big loss.",
                     FadeIn(loss_line), FadeIn(history_line), hold=1.8)

        # 6. training raises apple's score: the probability grows, the loss shrinks
        for apple_score in BETTER_APPLE_SCORES:
            scores = (apple_score,) + SCORES[1:]
            exps, total, probabilities, loss = softmax_steps(scores)
            p = probabilities[TRUE_CLASS]
            history.append(loss)
            self.narrate(
                f"Training raises apple's score to {fmt(apple_score)}: p = {fmt(p, 3)}, loss = {fmt(loss)}.",
                Transform(bars, probability_bars(probabilities)),
                Transform(values, labels_for(probabilities, PROBABILITY_SCALE)),
                Transform(score_line, panel_line(f"scores: {numbers(scores)}", 0)),
                Transform(exp_line, panel_line(f"exp(score): {numbers(exps)}", 1)),
                Transform(total_line, panel_line(f"total = {fmt(total)}", 2)),
                Transform(share_line, panel_line(f"÷ total: {numbers(probabilities)}", 3)),
                Transform(p_line, panel_line(f"p(apple) = {fmt(p, 3)}", 5, color="active")),
                Transform(loss_line, panel_line(f"loss = −log p = {fmt(loss)}", 6, color="gradient", size=30)),
                Transform(history_line, self.history_line(history)),
                run_time=0.9, hold=2.0)
        self.narrate("The surer the network is of the right answer, the smaller the loss.", hold=2.5)

    @staticmethod
    def history_line(history):
        text = "loss so far: " + " → ".join(fmt(value) for value in history)
        return label(text, size=26, color="gradient").to_edge(DOWN, buff=0.35)
