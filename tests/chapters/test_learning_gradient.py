"""The gradient of the loss (docs/learning/gradient.md): the dial's walk and the learning rates, computed."""

import math

import numpy as np

from site_src.examples import descent as story
from site_src.examples import surfaces
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


# ---------------------------------------------------------------- two dials: the bowl, the ravine, the saddle


def test_descend_2d_equals_torch_sgd_and_the_optimizer_chapters_walk():
    """Plain gradient descent on two dials is torch.optim.SGD without extras, and site_src's SGD on the same map."""
    import torch

    from site_src.optimizers import SGD

    for grad, start, lr, steps in (
        (story.bowl_grad, story.BOWL_START, 0.7, 9),
        (surfaces.ravine_grad, surfaces.RAVINE_START, 0.19, 25),
        (surfaces.saddle_grad, surfaces.SADDLE_START, story.MAP_LR, 30),
    ):
        ours = story.descend_2d(grad, start, lr, steps)
        theta = torch.tensor(start, dtype=torch.float64, requires_grad=True)
        optimizer = torch.optim.SGD([theta], lr=lr)
        theirs = [theta.detach().numpy().copy()]
        for _ in range(steps):
            optimizer.zero_grad()
            theta.grad = torch.as_tensor(grad(*theta.detach().numpy()), dtype=torch.float64)
            optimizer.step()
            theirs.append(theta.detach().numpy().copy())
        np.testing.assert_allclose(ours, np.array(theirs), rtol=0, atol=1e-12)
        np.testing.assert_allclose(ours, surfaces.path(SGD(lr=lr), grad, start, steps), rtol=0, atol=1e-12)


def test_bowl_slopes_are_the_finite_difference_slopes():
    rng = np.random.default_rng(6)
    for _ in range(5):
        x, y = rng.uniform(-5, 8, size=2)
        p = np.array([x, y])
        numeric = numerical_gradient(lambda q: float(story.bowl(*q)), p)
        np.testing.assert_allclose(story.bowl_grad(x, y), numeric, atol=1e-6)


def test_descend_2d_rejects_bad_settings():
    import pytest

    with pytest.raises(ValueError, match="lr"):
        story.descend_2d(story.bowl_grad, (0.0, 0.0), lr=0.0, steps=3)
    with pytest.raises(ValueError, match="steps"):
        story.descend_2d(story.bowl_grad, (0.0, 0.0), lr=0.1, steps=-1)


def test_the_three_maps():
    text = page_text(PAGE)
    paths = story.map_paths()
    # the bowl: by hand, every step multiplies the distance to (3, 2) by 1 - 2 lr in both directions
    a, b = story.BOWL_TARGET
    x0, y0 = story.BOWL_START
    start_loss = (x0 - a) ** 2 + (y0 - b) ** 2
    factor = 1 - 2 * story.BOWL_LR
    end_loss = start_loss * factor ** (2 * story.BOWL_STEPS)
    assert math.isclose(story.bowl(*paths["bowl"][-1]), end_loss, rel_tol=1e-9)
    # the ravine x**2/20 + 5 y**2: along the floor each step multiplies x by 1 - lr/10, across y by 1 - 10 lr
    lr, n = story.MAP_LR, story.RAVINE_STEPS
    x_end = surfaces.RAVINE_START[0] * (1 - lr / 10) ** n
    assert math.isclose(paths["ravine"][-1, 0], x_end, rel_tol=1e-12)
    steep = (surfaces.ravine_grad(0.0, 1e-3)[1] - surfaces.ravine_grad(0.0, -1e-3)[1]) / 2e-3  # curvature across
    flat = (surfaces.ravine_grad(1e-3, 0.0)[0] - surfaces.ravine_grad(-1e-3, 0.0)[0]) / 2e-3  # along the floor
    limit = 2 / steep  # above it, |1 - steep * lr| > 1: the zig-zag grows
    grows = story.descend_2d(surfaces.ravine_grad, surfaces.RAVINE_START, limit * 1.05, 20)
    assert abs(grows[-1, 1]) > abs(grows[0, 1])
    # the saddle: on the middle line y never moves, x shrinks by 1 - lr per step towards the pass
    ridge, hair = paths["saddle, on the ridge"], paths["saddle, a hair off"]
    assert (ridge[:, 1] == 0).all()
    assert np.allclose(surfaces.saddle_grad(0.0, 0.0), 0.0)
    pass_loss = (0.0**2) / 2 + (0.0**2 - 1) ** 2 / 4
    lowest = min(float(surfaces.saddle(*m)) for m in surfaces.MINIMA["saddle"])
    y = surfaces.SADDLE_START[1]
    ys = [y]
    for _ in range(story.SADDLE_STEPS):  # by hand: y <- y - lr * y (y**2 - 1)
        y = y - lr * y * (y * y - 1)
        ys.append(y)
    assert math.isclose(hair[-1, 1], ys[-1], rel_tol=1e-12)
    assert ys[-1] > 0.5 > ys[15]  # it dawdles, then it slides into the valley at y = 1
    assert_all_in(
        text,
        [
            f"$L = (x - {fmt(a, 0)})^2 + (y - {fmt(b, 0)})^2$. From $({fmt(x0, 0)}, {fmt(y0, 0)})$, "
            f"where the loss is {fmt(start_loss, 0)}, $\\eta = {fmt(story.BOWL_LR, 1)}$ walks straight to the bottom: "
            f"after {story.BOWL_STEPS} steps the loss is {fmt(end_loss, 4)}",
            f"the walls are {fmt(steep / flat, 0)} times as steep as along its floor. "
            f"With $\\eta = {fmt(lr, 2, trim=True)}$",
            f"in {n} steps $x$ only gets from ${tex(surfaces.RAVINE_START[0], 0)}$ to ${tex(x_end, 2)}$",
            f"above {fmt(limit, 1)}, the zig-zag grows",
            f"the loss is {fmt(pass_loss, 2)} there, although the valleys on either side go down to {fmt(lowest, 0)}",
            f"at $y = {fmt(surfaces.SADDLE_START[1], 2)}$, it dawdles (after 15 steps, $y$ is only {fmt(ys[15], 2)})",
            # the alt text
            f"{story.BOWL_STEPS} steps with learning rate {fmt(story.BOWL_LR, 1)} walk straight from "
            f"({fmt(x0, 0)}, {fmt(y0, 0)}) to the bottom at ({fmt(a, 0)}, {fmt(b, 0)}); the loss falls from "
            f"{fmt(start_loss, 0)} to {fmt(end_loss, 4)}",
            f"{n} steps with learning rate {fmt(lr, 2, trim=True)} zig-zag across the narrow valley and creep along "
            f"it from x = {fmt(surfaces.RAVINE_START[0], 0)} to {fmt(x_end, 2)}",
            f"the saddle, {story.SADDLE_STEPS} steps with learning rate {fmt(lr, 2, trim=True)}: from y = 0 the walk "
            f"stops at the pass (0, 0), where the gradient is 0 and the loss {fmt(pass_loss, 2)}; "
            f"from y = {fmt(surfaces.SADDLE_START[1], 2)} it lingers there",
        ],
    )


def test_four_moves_table_quotes_the_real_code():
    """The code section's table of the four moves quotes lines that really are in the code it sits above."""
    import inspect

    numpy_code = inspect.getsource(story)
    torch_code = page_source(PAGE)  # the PyTorch tab is typed on the page
    text = page_text(PAGE)
    for cell, source in [
        ("`w = w - lr * grad(w)`", numpy_code),
        ("`for _ in range(steps)`", numpy_code),
        ("`loss = (w - 3.0) ** 2`", torch_code),
        ("`loss.backward()` puts it in `w.grad`", torch_code),
        ("`optimizer.step()`", torch_code),
        ("`optimizer.zero_grad()`", torch_code),
    ]:
        assert cell in text, cell
        code = cell.split("`")[1]
        assert code in source.replace(cell, ""), code
    assert parabola_loss(5.0) == (5.0 - 3) ** 2 and parabola_loss_grad(5.0) == 2 * (5.0 - 3)
