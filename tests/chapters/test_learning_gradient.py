"""The gradient of the loss (docs/learning/gradient.md): the dial's walk and the learning rates, computed."""

import math

import numpy as np

from site_src.examples import descent as story
from site_src.examples.descent import descend, parabola_loss, parabola_loss_grad
from site_src.examples.tiny_network import loss_along_first_output_weight, tiny_network
from site_src.gradcheck import numerical_gradient
from tests.chapters.facts import assert_all_in, code_calls, fmt, number_word, page_source, page_text, tex

PAGE = "learning/gradient"


def walk_lr():
    """The learning rate of the page's one-dial walk, as its code types it (``descend(..., lr=0.1, steps=3)``)."""
    rates = {kw["lr"] for args, kw in code_calls(PAGE, "descend") if kw.get("steps") == 3 and "lr" in kw}
    assert len(rates) == 1, rates
    return rates.pop()


def test_one_dial_walk():
    text = page_text(PAGE)
    w0 = story.START
    h = 0.001
    nudged = parabola_loss(w0 + h)
    drop = parabola_loss(w0) - nudged
    slope = parabola_loss_grad(w0)
    lr = walk_lr()
    path = descend(parabola_loss_grad, w0, lr=lr, steps=5)
    assert_all_in(
        text,
        [
            f"$L(0) = (0 - 3)^2 = {fmt(parabola_loss(w0), 0)}$",
            f"At $w = {fmt(h, 3)}$ the loss is ${tex(nudged, 6)}$",
            f"by ${tex(drop, 6)}$ for a nudge of ${fmt(h, 3)}$",
            f"${tex(-drop, 6)} / {fmt(h, 3)} = {tex(-drop / h, 3)}$",
            f"The slope is ${tex(slope, 0)}$",
            # the math corner: a one-sided nudge of 0.001 gives -6 + h
            f"the ${tex((nudged - parabola_loss(w0)) / h, 3)}$ that a nudge of ${fmt(h, 3)}$ gives",
            f"= 0 - {fmt(lr, 1)} \\times ({tex(slope, 0)}) = {tex(path[1], 1)}$",
            f"$({tex(path[1], 1)} - 3)^2 = {tex(parabola_loss(path[1]), 2)}$",
            f"$2 \\times ({tex(path[1], 1)} - 3) = {tex(parabola_loss_grad(path[1]), 1)}$",
            f"{tex(path[1], 1)} - {fmt(lr, 1)} \\times ({tex(parabola_loss_grad(path[1]), 1)}) = {tex(path[2], 2)}$",
            f"the loss is ${tex(parabola_loss(path[2]), 4)}$",
            f"After 5 steps the dial is at ${tex(path[5], 5)}$",
            # math corner: one step from distance -3 with factor 1 - 2 lr
            f"$\\eta = {fmt(lr, 1)}$ that number is ${tex(1 - 2 * lr, 1)}$: from $w = 0$ (distance ${tex(w0 - 3, 0)}$) "
            f"one step lands at distance ${tex(path[1] - 3, 1)}$",
        ],
    )


def test_learning_rates():
    text = page_text(PAGE)
    end = {lr: path[-1] for lr, path in story.paths().items()}
    small, good, big, too_big = story.RATES
    assert parabola_loss(end[good]) < 1e-6
    assert_all_in(
        text,
        [
            f"crawls to only ${tex(end[small], 3)}$ and the loss is still ${tex(parabola_loss(end[small]), 2)}$",
            f"the dial is at ${tex(end[good], 4)}$ and the loss is almost exactly {fmt(parabola_loss(end[good]), 0)}",
            f"still arrives ($w = {tex(end[big], 3)}$)",
            f"The dial ends at ${tex(end[too_big], 2)}$ and the loss has grown from "
            f"{fmt(parabola_loss(story.START), 0)} to ${tex(parabola_loss(end[too_big]), 1)}$",
        ],
    )
    # the factor 1 - 2 lr of the math corner, and the regimes it predicts
    for lr in story.RATES:
        w = descend(parabola_loss_grad, story.START, lr=lr, steps=2)
        factor = (w[2] - 3) / (w[1] - 3)
        assert math.isclose(factor, 1 - 2 * lr)
        assert_all_in(text, [f"$\\eta = {fmt(lr, 2, trim=True)}$ gives ${tex(factor, 2, trim=True)}$"])
    assert descend(parabola_loss_grad, 0.0, lr=0.5, steps=1)[-1] == 3.0
    bounce = descend(parabola_loss_grad, 0.0, lr=1.0, steps=2)
    assert bounce[0] == bounce[2] != bounce[1]
    assert_all_in(text, [f"bounces between {fmt(bounce[0], 0)} and {fmt(bounce[1], 0)} for ever"])


def test_figures_and_animation():
    text = page_text(PAGE)
    slopes = [parabola_loss_grad(w) for w in story.TANGENT_POINTS]
    net, x, y = tiny_network()
    loss = net.loss(x, y)
    net.backward(y)
    ends = loss_along_first_output_weight([-3.0, 5.0])
    assert ends[1] < 0.01
    assert_all_in(
        text,
        [
            "labelled with slopes " + ", ".join(fmt(s, 0) for s in slopes[:-1]) + f" and {fmt(slopes[-1], 0)}",
            f"(the first output weight, now {fmt(net.weights[1][0, 0], 1)})",
            f"where the loss is {fmt(loss, 4)} and the slope is {fmt(net.grad_weights[1][0, 0], 4)}",
            f"falling from about {fmt(ends[0], 1)} to almost {fmt(ends[1], 0)}",
        ],
    )
    # the learning-rate figure's alt text (10 steps)
    paths = story.paths()
    small, good, _, too_big = story.RATES
    tiny_loss = float(f"{parabola_loss(paths[good][-1]):.0e}")  # "about 0.0000001"
    assert_all_in(
        text,
        [
            f"creeps from {fmt(story.START, 0)} to about {fmt(paths[small][-1], 0)}",
            f"from {fmt(paths[too_big][1], 1)} to {fmt(paths[too_big][-1], 1)}",
            f"to about {fmt(tiny_loss, -math.floor(math.log10(tiny_loss)))}",
            f"rises from {fmt(parabola_loss(story.START), 0)} to about "
            f"{fmt(round(parabola_loss(paths[too_big][-1]), -1), 0)}",
        ],
    )

    # the animation: the scene's rates and step count, and its numbers after steps 1 and the last
    anim = story.paths(story.CLIP_RATES, story.CLIP_STEPS)
    slow, fine, wild = story.CLIP_RATES
    assert_all_in(
        text,
        [
            f"the small rate has only reached $w = {tex(anim[slow][1], 2)}$; the good rate is at "
            f"$w = {tex(anim[fine][1], 2)}$; the big rate has jumped over the bottom to $w = {tex(anim[wild][1], 2)}$",
            f"(${tex(parabola_loss(anim[wild][1]), 2)}$)",
            f"the small rate is at $w = {tex(anim[slow][-1], 2)}$ (loss ${tex(parabola_loss(anim[slow][-1]), 2)}$), "
            f"the good rate at $w = {tex(anim[fine][-1], 2)}$ (loss ${tex(parabola_loss(anim[fine][-1]), 2)}$",
            f"the big rate at $w = {tex(anim[wild][-1], 2)}$ with a loss of ${tex(parabola_loss(anim[wild][-1]), 2)}$",
        ],
    )


def test_counts():
    text = page_text(PAGE)
    net, x, y = tiny_network()
    params = net.weights + net.biases
    n_params = sum(a.size for a in params)
    # the foggy-hillside way: count the forward passes a numerical gradient makes
    calls = []

    def loss_of(flat):
        calls.append(1)
        return 0.0

    numerical_gradient(loss_of, np.zeros(n_params))
    per_weight = len(calls) // n_params
    assert_all_in(
        text,
        [
            f"has {n_params} weights and biases",
            f"{number_word(per_weight)} forward passes per weight, so {len(calls)} for the tiny network and "
            f"{number_word(per_weight)} million for a network with a million weights",
        ],
    )
    # exercise 1: one step from w = 5 with lr 0.25
    w = 5.0
    new = descend(parabola_loss_grad, w, lr=0.25, steps=1)[-1]
    assert_all_in(
        text,
        [
            f"$5 - 0.25 \\times {fmt(parabola_loss_grad(w), 0)} = {fmt(new, 0)}$, where the loss is "
            f"$({fmt(new, 0)} - 3)^2 = {fmt(parabola_loss(new), 0)}$, down from {fmt(parabola_loss(w), 0)}",
        ],
    )


def test_code_blocks_type_the_story_settings():
    """The page's code types the rates, the step count and the start: they must equal the story's."""
    rates = ", ".join(fmt(lr, 2, trim=True) for lr in story.RATES)
    assert f"for lr in [{rates}]:" in page_source(PAGE)
    ten_steps = [(args, kw) for args, kw in code_calls(PAGE, "descend") if kw.get("steps") == story.STEPS]
    assert ten_steps and all(story.START in args for args, _ in ten_steps), ten_steps
