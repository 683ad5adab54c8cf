"""Momentum: every number the prose states, computed independently with torch.optim.SGD and by formula."""

import numpy as np
import torch

from site_src.examples import momentum as story
from site_src.examples.surfaces import RAVINE_START, ravine, ravine_grad
from tests.chapters._training import assert_all_in, full, page, torch_path

TEXT = page("momentum")


def torch_step_lengths(lr, mu, steps, g=1.0):
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr, momentum=mu)
    lengths = []
    for _ in range(steps):
        before = w.item()
        w.grad = torch.tensor([g], dtype=torch.float64)
        opt.step()
        lengths.append(before - w.item())
    return lengths


def flips(values):
    s = np.sign(values)
    return int(np.sum(s[1:] != s[:-1]))


def ravine_torch(lr, steps=40, **settings):
    return torch_path(lambda p: torch.optim.SGD(p, lr=lr, **settings), ravine_grad, RAVINE_START, steps)


def test_top_speed_on_a_constant_slope():
    lengths = torch_step_lengths(0.1, 0.9, 50)
    by_formula = [0.1 * (1 - 0.9**t) / (1 - 0.9) for t in range(1, 51)]
    assert np.allclose(lengths, by_formula)
    assert_all_in(
        TEXT,
        [
            "| 1 | $1$ | $0.1$ (the same as plain gradient descent) |",
            f"| 2 | $0.9 \\times 1 + 1 = {0.9 + 1:g}$ | ${lengths[1]:.2f}$ |",
            f"| 3 | $0.9 \\times 1.9 + 1 = {0.9 * 1.9 + 1:g}$ | ${lengths[2]:.3f}$ |",
            *(f"| {t} | ${lengths[t - 1] / 0.1:.3f}$ | ${lengths[t - 1]:.4f}$ |" for t in (10, 20, 50)),
            f"$b_{{10}} = (1 - 0.9^{{10}})/0.1 = {(1 - 0.9**10) / 0.1:.3f}$, so the step is ${lengths[9]:.4f}$",
            "$0.1 \\times 1 / (1 - 0.9) = 1$, ten times $\\eta g$",
        ],
    )
    assert abs(lengths[-1] - 1.0) < 0.01 and abs(0.1 / (1 - 0.9) - 1) < 1e-12


def test_exercises():
    half = torch_step_lengths(0.1, 0.5, 3)
    assert np.allclose(half, [0.1, 0.15, 0.175])
    assert_all_in(
        TEXT,
        [
            "$0.1 \\times 1 / (1 - 0.5) = 0.2$",
            "The buffer goes $1$, $0.5 \\times 1 + 1 = 1.5$, "
            "$0.5 \\times 1.5 + 1 = 1.75$, so the steps are $0.1$, $0.15$ and $0.175$",
        ],
    )
    lengths = torch_step_lengths(0.1, 0.9, 30)
    first = next(t for t, s in enumerate(lengths, 1) if s >= 0.9 * 1.0 - 1e-12)
    assert first == 22
    assert_all_in(
        TEXT, [f"$0.9^{{21}} \\approx {0.9**21:.3f}$ and $0.9^{{22}} \\approx {0.9**22:.3f}$", "it takes 22 steps"]
    )


def test_the_ravine():
    sgd = ravine_torch(0.18)
    mom = ravine_torch(0.05, momentum=0.9)
    sgd_loss, mom_loss = ravine(sgd[:, 0], sgd[:, 1]), ravine(mom[:, 0], mom[:, 1])
    x, y = RAVINE_START
    assert ravine(x, y) == 8.2 and (story.SGD_LR, story.MOMENTUM_LR, story.MU) == (0.18, 0.05, 0.9)
    first = ravine_grad(x, y)
    assert np.allclose(first, [-0.8, 10]) and np.isclose(sgd[1, 1], -0.8) and np.isclose(-0.18 * first[0], 0.144)
    assert_all_in(
        TEXT,
        [
            "$L(x, y) = x^2/20 + 5y^2$",
            "Start at $x = -8$, $y = 1$, where the loss is 8.2",
            "The first step's slopes are $-0.8$ along and $10$ across",
            "$0.18 \\times 10 = 1.8$: from $y = 1$ right over the floor to $y = -0.8$",
            "$0.18 \\times 0.8 = 0.144$",
            f"$y$ changes sign at every one of its {flips(sgd[:, 1])} steps",
            f"$x$ creeps from $-8$ to only ${sgd[-1, 0]:.2f}$",
            f"Loss: {sgd_loss[10]:.4f} after 10 steps, {sgd_loss[20]:.4f} after 20, {sgd_loss[40]:.4f} after 40",
            f"only {flips(mom[:, 1])} times in 40 steps",
            f"Loss: {mom_loss[10]:.4f} after 10 steps, {mom_loss[20]:.4f} after 20, {mom_loss[40]:.4f} after 40, "
            f"sixty times lower",
            f"loss {sgd_loss[40]:.3f}",
            f"loss {mom_loss[40]:.3f}",  # the alt text
            f"about x = {sgd[-1, 0]:.1f}".replace("-", "−"),
            f"about x = {mom[-1, 0]:.1f}".replace("-", "−"),
        ],
    )
    assert flips(sgd[:, 1]) == 40 and round(sgd_loss[40] / mom_loss[40] / 10) == 6
    # "above 0.2 the zig-zag grows": one step across multiplies y by 1 - 10 lr
    assert abs(1 - 10 * 0.2) == 1 and ravine_torch(0.21, 60)[-1, 1] ** 2 > 1
    # "momentum with 0.05 is less than a third of SGD's 0.18"
    assert 0.05 < 0.18 / 3


def test_textbook_form_walks_the_same_path():
    mom = ravine_torch(0.05, momentum=0.9)
    theta, v = np.array(RAVINE_START), np.zeros(2)
    for t in range(1, 41):
        v = 0.9 * v - 0.05 * ravine_grad(*theta)
        theta = theta + v
        assert np.allclose(theta, mom[t], rtol=0, atol=1e-12)
    assert "agree to about $10^{-16}$" in TEXT
    assert np.abs(story.textbook_momentum(ravine_grad, RAVINE_START, 0.05, 0.9, 40) - mom).max() < 1e-14


def test_nesterov():
    mom = ravine_torch(0.05, momentum=0.9)
    nes = ravine_torch(0.05, momentum=0.9, nesterov=True)
    m, n = ravine(mom[:, 0], mom[:, 1]), ravine(nes[:, 0], nes[:, 1])
    assert_all_in(
        TEXT,
        [
            "is ahead after 10 and 20 steps, and about level after 40",
            f"| momentum | {m[10]:.4f} | {m[20]:.4f} | {m[40]:.4f} |",
            f"| Nesterov momentum | {n[10]:.4f} | {n[20]:.4f} | {n[40]:.4f} |",
        ],
    )
    assert n[10] < m[10] and n[20] < m[20] and abs(n[40] - m[40]) < 0.01  # ahead, ahead, about level
    blown = ravine_torch(0.18, 40, momentum=0.9, nesterov=True)
    rolled = ravine_torch(0.18, 40, momentum=0.9)
    assert ravine(*blown[-1]) > 1e6 and ravine(*rolled[-1]) < 0.1


def test_the_figure_is_embedded():
    assert "](../figures/momentum-ravine.svg)" in full("momentum")
