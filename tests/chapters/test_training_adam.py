"""Adam and AdamW: every number the prose states (and the race clip's description), computed with torch.optim."""

import math

import numpy as np
import torch

from site_src.examples.surfaces import RAVINE_START, SADDLE_START, ravine, ravine_grad, saddle, saddle_grad
from tests.chapters._training import assert_all_in, full, page, torch_path

TEXT = page("adam")


def adam_first_step(grads, lr=0.1):
    theta = torch.ones(len(grads), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([theta], lr=lr)
    theta.grad = torch.tensor(grads, dtype=torch.float64)
    opt.step()
    return theta.detach().numpy()


def decay(optimizer_class, steps=100):
    theta = torch.ones(2, dtype=torch.float64, requires_grad=True)
    opt = optimizer_class([theta], lr=0.01, weight_decay=0.1)
    for t in range(1, steps + 1):
        theta.grad = torch.tensor([0.0, 10.0 if t % 2 else -10.0], dtype=torch.float64)
        opt.step()
    return theta.detach().numpy()


def test_defaults():
    w = [torch.zeros(1, requires_grad=True)]
    adam, adamw = torch.optim.Adam(w).defaults, torch.optim.AdamW(w).defaults
    assert adam["betas"] == (0.9, 0.999) and adam["lr"] == 0.001 and adam["eps"] == 1e-8
    assert (adam["weight_decay"], adamw["weight_decay"]) == (0, 0.01)
    assert_all_in(
        TEXT,
        [
            "| $\\beta_1$, $\\beta_2$ | how much of each old average is kept (`betas`) | 0.9, 0.999 |",
            "| $\\eta$ | the learning rate (`lr`) | 0.001 |",
            "(`eps`) | $10^{-8}$ |",
            "| Adam 0, AdamW 0.01 |",
        ],
    )


def test_worked_first_step():
    after = adam_first_step([-5.0, 0.02])
    assert np.allclose(after, [1.1, 0.9], atol=1e-6) and np.isclose(1 - after[1], 0.09999995, atol=1e-12)
    g = np.array([-5.0, 0.02])
    m, v = 0.1 * g, 0.001 * g * g
    assert np.allclose(m, [-0.5, 0.002]) and np.allclose(v, [0.025, 4e-7])
    uncorrected = 0.1 * 0.1 / math.sqrt(0.001)
    assert_all_in(
        TEXT,
        [
            "| gradient $g$ | $-5$ (big) | $0.02$ (tiny) |",
            "| $m = 0.1 \\times g$ | $-0.5$ | $0.002$ |",
            "| $v = 0.001 \\times g^2$ | $0.025$ | $0.0000004$ |",
            "The first weight goes from 1 to $1.1$, the second from 1 to $0.9$",
            f"although one gradient is {5 / 0.02:g} times the other",
            f"\\approx {uncorrected / 0.1:.3f}\\,\\eta$: here ${uncorrected:.4f}$ instead of $0.1$",
            "| $m_1$ | $0.1 \\times (-5) = -0.5$ |",
            "| $\\hat m_1$ | $-0.5 / 0.1 = -5$ |",
            "| $v_1$ | $0.001 \\times 25 = 0.025$ |",
            "| $\\hat v_1$ | $0.025 / 0.001 = 25$ |",
            "| the step | $0.1 \\times (-5) / (5 + 10^{-8})$, so $\\theta$ goes from 1 to $1.1$ |",
        ],
    )


def test_steady_slope_steps_are_eta():
    theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([theta], lr=0.1)
    lengths = []
    for _ in range(50):
        before = theta.item()
        theta.grad = torch.tensor([2.0], dtype=torch.float64)
        opt.step()
        lengths.append(before - theta.item())
    assert np.allclose(lengths, 0.1, rtol=1e-7)
    m2, v2 = 0.9 * 0.2 + 0.1 * 2, 0.999 * 0.004 + 0.001 * 4
    assert_all_in(
        TEXT,
        [
            f"$m_2 = 0.9 \\times 0.2 + 0.1 \\times 2 = {m2:g}$",
            f"$1 - 0.9^2 = {1 - 0.9**2:g}$",
            f"$v_2 = 0.999 \\times 0.004 + 0.001 \\times 4 = {v2:g}$",
            f"$1 - 0.999^2 = {1 - 0.999**2:g}$",
            "$\\hat v_2 = 4$",
            "The step is $0.1 \\times 2 / 2 = 0.1$",
        ],
    )
    assert math.isclose(m2 / (1 - 0.9**2), 2) and math.isclose(v2 / (1 - 0.999**2), 4)


def test_weight_decay_table():
    adam, adamw = decay(torch.optim.Adam), decay(torch.optim.AdamW)
    assert_all_in(
        TEXT,
        [
            f"| Adam, `weight_decay=0.1` (L2) | {adam[0]:.4f} | {adam[1]:.4f} |",
            f"| AdamW, `weight_decay=0.1` | {adamw[0]:.4f} | {adamw[1]:.4f} |",
            f"$(1 - 0.01 \\times 0.1)^{{100}} \\approx {(1 - 0.001) ** 100:.4f}$",
            f"falls from 1 to {adam[0]:.2f}",
            f"stays near {adam[1]:.2f}",
            f"to {adamw[0]:.2f} and {adamw[1]:.2f}",
        ],
    )
    assert math.isclose(adamw[0], (1 - 0.001) ** 100)
    ten = decay(torch.optim.Adam, 10)
    assert abs((1 - ten[0]) / 10 - 0.01) < 0.0002  # "it loses about 0.01 per step"


def test_adamw_halving_exercise():
    by_log = math.log(0.5) / math.log(0.999)
    assert math.ceil(by_log) == 693
    assert_all_in(
        TEXT, [f"$t \\ge \\log 0.5 / \\log 0.999 \\approx {by_log:.1f}$", "so 693 steps", "$1 - 0.001 = 0.999$"]
    )


RACERS = {
    "SGD": dict(cls=torch.optim.SGD, lr=0.18),
    "momentum": dict(cls=torch.optim.SGD, lr=0.05, momentum=0.9),
    "RMSprop": dict(cls=torch.optim.RMSprop, lr=0.05),
    "Adam": dict(cls=torch.optim.Adam, lr=0.2),
}


def race(grad, start):
    paths = {}
    for name, settings in RACERS.items():
        settings = dict(settings)
        cls = settings.pop("cls")
        paths[name] = torch_path(lambda p, cls=cls, s=settings: cls(p, **s), grad, start, 60)
    return paths


def test_the_race_description():
    ravine_paths = race(ravine_grad, RAVINE_START)
    loss = {n: ravine(p[:, 0], p[:, 1]) for n, p in ravine_paths.items()}
    at = {step: sorted(loss, key=lambda n: loss[n][step]) for step in (10, 30, 60)}
    assert at[10][:2] == ["RMSprop", "momentum"] and at[30][:2] == ["momentum", "Adam"]
    assert at[60] == ["Adam", "momentum", "RMSprop", "SGD"]
    assert_all_in(
        TEXT,
        [
            f"RMSprop has the lowest loss ({loss['RMSprop'][10]:.4f}), then momentum ({loss['momentum'][10]:.4f})",
            f"(loss {loss['momentum'][30]:.4f}), just ahead of Adam ({loss['Adam'][30]:.4f})",
            f"Adam ends lowest ({loss['Adam'][60]:.4f}), then momentum ({loss['momentum'][60]:.4f}); "
            f"RMSprop ({loss['RMSprop'][60]:.4f}) and SGD ({loss['SGD'][60]:.4f})",
            f"it starts at {ravine(*RAVINE_START):g}",
        ],
    )
    saddle_paths = race(saddle_grad, SADDLE_START)
    escape = {n: int(np.argmax(np.abs(p[:, 1]) > 0.5)) for n, p in saddle_paths.items()}
    assert max(escape["RMSprop"], escape["Adam"]) == 3 and (escape["momentum"], escape["SGD"]) == (24, 25)
    assert_all_in(
        TEXT,
        [
            "leave the ridge within 3 steps",
            "only after 24 and 25 steps",
            "RMSprop and Adam leave the flat pass within 3 steps and SGD and momentum only after about 24",
        ],
    )
    final = {n: saddle(*p[-1]) for n, p in saddle_paths.items()}
    assert sorted(final, key=final.get)[:2] == ["SGD", "RMSprop"]
    assert all(abs(p[-1, 1] - 1) < 0.05 for p in saddle_paths.values())  # "all four are in the valley at y = 1"
    assert "SGD ends with the lowest loss, then RMSprop" in TEXT


def test_media_are_embedded():
    text = full("adam")
    assert "](../figures/optimizer-race.mp4)" in text and "](../figures/adam-weight-decay.svg)" in text


def test_largest_step_is_about_three_eta():
    bound = (1 - 0.9) / math.sqrt(1 - 0.999)  # Kingma and Ba's bound when 1 - beta1 > sqrt(1 - beta2)
    theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([theta], lr=0.1)
    for _ in range(20000):  # a long calm stretch ...
        theta.grad = torch.zeros(1, dtype=torch.float64)
        opt.step()
    theta.grad = torch.ones(1, dtype=torch.float64)  # ... then a sudden big gradient
    opt.step()
    step = -theta.item() / 0.1
    assert 3.0 < step <= bound and round(bound) == 3
    assert "a step can reach about $3\\eta$ at most, after a sudden big gradient" in TEXT
