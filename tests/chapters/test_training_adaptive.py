"""Adaptive learning rates: every number the prose states, computed with torch.optim and by hand formulas."""

import math

import numpy as np
import torch

from site_src.examples.surfaces import RAVINE_START, ravine_grad
from tests.chapters._training import assert_all_in, full, page

TEXT = page("adaptive")
STEADY = [1.0] * 1000
LOUD_THEN_QUIET = [10.0] * 100 + [0.1] * 1000


def lengths(make, gradients):
    theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = make([theta])
    out = []
    for g in gradients:
        before = theta.item()
        theta.grad = torch.tensor([g], dtype=torch.float64)
        opt.step()
        out.append(before - theta.item())
    return np.array(out)


MAKERS = {
    "Adagrad": (lambda p: torch.optim.Adagrad(p, lr=0.1), 0.1),
    "RMSprop": (lambda p: torch.optim.RMSprop(p), 0.01),
    "Adadelta": (lambda p: torch.optim.Adadelta(p), 1.0),
}


def g4(x):
    return float(f"{x:.4g}")


def test_defaults_in_the_table_are_pytorchs():
    w = [torch.zeros(1, requires_grad=True)]
    ada, rms, delta = torch.optim.Adagrad(w).defaults, torch.optim.RMSprop(w).defaults, torch.optim.Adadelta(w).defaults
    assert (ada["lr"], rms["lr"], delta["lr"]) == (0.01, 0.01, 1.0)
    assert (rms["alpha"], delta["rho"]) == (0.99, 0.9)
    assert (ada["eps"], rms["eps"], delta["eps"]) == (1e-10, 1e-8, 1e-6)
    assert_all_in(
        TEXT,
        [
            "| $\\eta$ | the learning rate (`lr`) | Adagrad 0.01, RMSprop 0.01, Adadelta 1.0 |",
            "$\\alpha = 0.99$, $\\rho = 0.9$ |",
            "Adagrad $10^{-10}$, RMSprop $10^{-8}$, Adadelta $10^{-6}$ |",
        ],
    )


def test_steady_table():
    for name, (make, _) in MAKERS.items():
        steps = lengths(make, STEADY)
        row = " | ".join(f"{g4(steps[t - 1]):g}" for t in (1, 2, 10, 100, 1000))
        assert f"| {name} | {row} |" in TEXT, name
    ada = lengths(MAKERS["Adagrad"][0], STEADY)
    assert np.allclose(ada, [0.1 / math.sqrt(t) for t in range(1, 1001)])  # eta / sqrt(t), by hand
    assert_all_in(
        TEXT,
        [
            f"| at step 100 | $0.1/\\sqrt{{100}} = {0.1 / math.sqrt(100):g}$ |",
            f"| at step 1,000 | $0.1/\\sqrt{{1000}} \\approx {0.1 / math.sqrt(1000):.6f}$ |",
            f"$0.1 \\times 2\\sqrt{{1000}} \\approx {0.2 * math.sqrt(1000):.1f}$ (added up exactly: {ada.sum():.2f}) |",
        ],
    )
    delta = lengths(MAKERS["Adadelta"][0], STEADY)
    first = math.sqrt(1e-6) / math.sqrt(0.1 + 1e-6)
    assert math.isclose(delta[0], first)
    assert_all_in(
        TEXT,
        [f"$\\sqrt{{10^{{-6}}}} / \\sqrt{{0.1 + 10^{{-6}}}} \\approx {first:.6f}$", f"{g4(delta[-1]):g} by step 1,000"],
    )
    assert np.all(np.diff(delta) > 0)  # "each step is a little bigger than the last"
    rms = lengths(MAKERS["RMSprop"][0], STEADY)
    assert math.isclose(rms[0], 10 * 0.01, rel_tol=1e-6) and "the first step is $10\\eta = 0.1$" in TEXT


def test_first_step_on_the_ravine():
    g = ravine_grad(*RAVINE_START)
    assert np.allclose(g, [-0.8, 10])
    sgd_move = 0.1 * np.abs(g)
    theta = torch.tensor(RAVINE_START, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adagrad([theta], lr=0.1)
    theta.grad = torch.tensor(g)
    opt.step()
    ada_move = np.abs(theta.detach().numpy() - RAVINE_START)
    assert np.allclose(ada_move, [0.1, 0.1])
    assert_all_in(
        TEXT,
        [
            f"moves $x$ by ${sgd_move[0]:g}$ and $y$ by ${sgd_move[1]:g}$",
            "Adagrad with $\\eta = 0.1$ moves each of them by $0.1$",
        ],
    )


def test_switch_table_and_alt_text():
    for name, (make, lr) in MAKERS.items():
        steps = lengths(make, LOUD_THEN_QUIET) / lr
        cells = [np.format_float_positional(float(f"{steps[t - 1]:.3g}"), trim="-") for t in (100, 101, 200, 600, 1100)]
        label = {
            "Adagrad": "Adagrad ($\\eta = 0.1$)",
            "RMSprop": "RMSprop ($\\eta = 0.01$)",
            "Adadelta": "Adadelta (lr = 1)",
        }[name]
        assert f"| {label} | {' | '.join(cells)} |" in TEXT, (name, cells)
    rms = lengths(MAKERS["RMSprop"][0], LOUD_THEN_QUIET) / 0.01
    ada = lengths(MAKERS["Adagrad"][0], LOUD_THEN_QUIET) / 0.1
    delta = lengths(MAKERS["Adadelta"][0], LOUD_THEN_QUIET)
    assert np.allclose(ada[100:], 0.001, rtol=1e-3) and round(1 / ada[-1]) == 1000
    assert_all_in(
        TEXT,
        [
            f"its step is back to {rms[-1]:.3f} of $\\eta$",
            f"RMSprop's fall to {rms[100]:.3f} and climb back to {rms[-1]:.2f}",
            f"Adadelta's fall to {delta[100]:.5f} and climb back to about {delta[-1]:.2f}",
            f"RMSprop starts at {rms[0]:g}",
        ],
    )


def test_exercises():
    ada = lengths(lambda p: torch.optim.Adagrad(p, lr=0.1), [2.0] * 400)
    assert math.isclose(ada[-1], 0.1 * 2 / math.sqrt(400 * 4), rel_tol=1e-9)
    assert_all_in(TEXT, ["$s = 400 \\times 2^2 = 1600$", "$\\sqrt{s} = 40$", "$0.1 \\times 2 / 40 = 0.005$"])
    rms = lengths(lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9), [5.0])
    assert math.isclose(rms[0] / 0.01, 1 / math.sqrt(0.1), rel_tol=1e-6)
    assert_all_in(
        TEXT,
        [
            f"= \\sqrt{{0.1}}\\,|g| \\approx {math.sqrt(0.1):.3f}\\,|g|$",
            f"$\\eta / {math.sqrt(0.1):.3f} \\approx {1 / math.sqrt(0.1):.2f}\\,\\eta$",
        ],
    )


def test_the_figure_is_embedded():
    assert "](../figures/adaptive-step-sizes.svg)" in full("adaptive")
