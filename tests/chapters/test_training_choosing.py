"""Choosing an optimizer: the schedules equal PyTorch's, one race entry equals a PyTorch run,
and every number the prose states is what the story computes.
"""

import copy
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src.examples import choosing as story
from site_src.mlp import MLP
from site_src.pytorch.mlp import from_numpy
from tests.pages import DOCS, prose

PAGE = DOCS / "training" / "choosing.md"
TEXT = " ".join(prose(PAGE.read_text()).split())


def assert_all_in(expected):
    missing = [" ".join(e.split()) for e in expected if " ".join(e.split()) not in TEXT]
    assert not missing, f"not found in {PAGE.name}: {missing}"


def torch_rates(make_scheduler, lr, epochs):
    weight = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([weight], lr=lr)
    scheduler = make_scheduler(opt)
    rates = []
    for _ in range(epochs):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        scheduler.step()
    return rates


# ---------------------------------------------------------------- the schedules against PyTorch


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(1e-4, 10), step_size=st.integers(1, 12), gamma=st.floats(0.01, 1.0), epochs=st.integers(1, 60))
def test_step_lr_equals_torch(lr, step_size, gamma, epochs):
    expected = torch_rates(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=step_size, gamma=gamma), lr, epochs)
    ours = [story.step_lr(lr, t, step_size, gamma) for t in range(epochs)]
    assert np.allclose(ours, expected, rtol=1e-12, atol=0)


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(1e-4, 10), T_max=st.integers(1, 20), share=st.floats(0, 1), turns=st.integers(1, 3))
def test_cosine_lr_equals_torch(lr, T_max, share, turns):
    eta_min = lr * share
    epochs = turns * T_max + 1  # past the bottom too: both climb again
    expected = torch_rates(
        lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=T_max, eta_min=eta_min), lr, epochs
    )
    ours = [story.cosine_lr(lr, t, T_max, eta_min) for t in range(epochs)]
    assert np.allclose(ours, expected, rtol=1e-9, atol=1e-12 * lr)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: story.step_lr(0.0, 1, 2), "lr"),
        (lambda: story.step_lr(0.1, -1, 2), "epoch"),
        (lambda: story.step_lr(0.1, 1, 0), "step_size"),
        (lambda: story.step_lr(0.1, 1, 2, gamma=1.5), "gamma"),
        (lambda: story.cosine_lr(0.1, 1, 0), "T_max"),
        (lambda: story.cosine_lr(0.1, 1, 5, eta_min=0.2), "eta_min"),
    ],
)
def test_schedules_reject_bad_input(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


# ---------------------------------------------------------------- one race entry, replayed in PyTorch


def test_a_race_entry_equals_the_same_training_in_pytorch():
    """SGD from seed 0: the same start, the same batches, torch.optim.SGD; the same test accuracy every epoch."""
    X, y, X_test, y_test = story.digits_split()
    net = MLP(list(story.LAYERS), activation=story.ACTIVATION, loss="cross_entropy", rng=0)
    model = from_numpy(net)
    rng = copy.deepcopy(net.rng)  # the batch order fit draws from
    opt = torch.optim.SGD(model.parameters(), lr=story.RACE["SGD"][1]["lr"])
    Xt, yt, Xs = torch.tensor(X), torch.tensor(y), torch.tensor(X_test)
    accuracies = []
    for _ in range(story.EPOCHS):
        order = rng.permutation(len(X))
        for start in range(0, len(X), story.BATCH_SIZE):
            batch = torch.tensor(order[start : start + story.BATCH_SIZE])
            opt.zero_grad()
            F.cross_entropy(model(Xt[batch]), yt[batch]).backward()
            opt.step()
        with torch.no_grad():
            accuracies.append((model(Xs).argmax(dim=1).numpy() == y_test).mean())
    _, ours = story.train("SGD", 0)
    assert np.allclose(ours, accuracies)


# ---------------------------------------------------------------- the prose


def pct(x):
    return f"{100 * x:.1f}%"


def test_race_settings_in_the_prose():
    X, y, X_test, _ = story.digits_split()
    assert len(X) == 600 and len(X) + len(X_test) == 1797 and X.max() == 1.0
    assert story.LAYERS == (64, 32, 10) and story.EPOCHS == 10 and story.BATCH_SIZE == 32 and len(story.SEEDS) == 5
    assert_all_in(
        [
            "a 64-32-10 network with ReLU, 600 training images, 10 epochs in batches of 32, every entry "
            "trained from 5 seeds",
            "The whole race, 9 entries from 5 seeds each",
        ]
    )
    assert len(story.RACE) == 9
    lrs = {name: settings["lr"] for name, (_, settings, _) in story.RACE.items()}
    assert lrs["SGD"] == lrs["momentum"] == 0.1 and story.RACE["momentum"][1]["momentum"] == 0.9
    assert lrs["Adagrad"] == 0.01 and lrs["Adadelta"] == 1.0 and lrs["RMSprop"] == 0.01
    assert lrs["Adam"] == lrs["AdamW"] == 0.001 and lrs["Adam, lr 0.01"] == 0.01
    # "these are PyTorch's defaults, except for SGD, whose default of 0.001 is far too small"
    import inspect

    defaults = {
        name: inspect.signature(getattr(torch.optim, name)).parameters["lr"].default
        for name in ("SGD", "Adagrad", "Adadelta", "RMSprop", "Adam", "AdamW")
    }
    assert defaults["SGD"] == 0.001
    assert [defaults[k] for k in ("Adagrad", "Adadelta", "RMSprop", "Adam", "AdamW")] == [0.01, 1.0, 0.01, 0.001, 0.001]
    assert_all_in(
        [
            "SGD and momentum (0.9) 0.1, Adagrad 0.01, Adadelta 1, RMSprop 0.01, Adam and AdamW 0.001",
            "whose default of 0.001 is far too small",
        ]
    )


def test_race_results_in_the_prose():
    s = story.summary()
    names = {
        "SGD": "SGD",
        "momentum": "SGD with momentum",
        "momentum + cosine": "momentum with a cosine schedule",
        "Adagrad": "Adagrad",
        "Adadelta": "Adadelta",
        "RMSprop": "RMSprop",
        "Adam": "Adam at learning rate 0.001",
        "AdamW": "AdamW",
        "Adam, lr 0.01": "Adam at learning rate 0.01",
    }
    assert_all_in([f"{names[k]} {pct(s[k][0])}" for k in story.RACE])  # the figure's alt text
    # the race table: one row per entry, in the race's order, every number as summary() computes it
    rows = [
        f"| {k} | {pct(mean)} | {pct(low)} | {pct(high)} | {loss:.3f} |" for k, (mean, low, high, loss) in s.items()
    ]
    assert list(s) == list(story.RACE)
    assert "| entry | test accuracy | lowest | highest | loss | |---|---:|---:|---:|---:| " + " ".join(rows) in TEXT
    assert_all_in(
        [
            f"Adam with 0.001 gets {pct(s['Adam'][0])} of the test digits right after 10 epochs; "
            f"the same Adam with 0.01 gets {pct(s['Adam, lr 0.01'][0])}",
            f"the best entry, {pct(s['momentum + cosine'][0])} with a cosine schedule",
        ]
    )
    best = max(s, key=lambda k: s[k][0])
    assert best == "momentum + cosine"
    # "its runs overlap with RMSprop's and with Adam's at learning rate 0.01"
    low = s["momentum + cosine"][1]
    assert s["RMSprop"][2] > low and s["Adam, lr 0.01"][2] > low
    # "the lowest and highest of Adam's five runs at 0.001 are almost 5 points apart"
    spread = 100 * (s["Adam"][2] - s["Adam"][1])
    assert 4.5 <= spread < 5 and "almost 5 points apart" in TEXT
    assert max(100 * (hi - lo) for _, lo, hi, _ in s.values()) < 5.5 and "up to about 5 points apart" in TEXT
    # the training losses the prose compares
    assert s["momentum + cosine"][3] > s["momentum"][3]
    assert_all_in([f"({s['momentum + cosine'][3]:.3f} against {s['momentum'][3]:.3f})"])
    # Adam and AdamW at 0.001 are the slowest entries and the widest bands
    slowest = sorted(s, key=lambda k: s[k][0])[:2]
    assert set(slowest) == {"Adam", "AdamW"}
    widest = sorted(s, key=lambda k: s[k][2] - s[k][1])[-2:]
    assert set(widest) == {"Adam", "AdamW"}
    curves = story.learning_curves()
    band = {k: curves[k][1][:, -1].max() - curves[k][1][:, -1].min() for k in ("momentum", "momentum + cosine")}
    assert band["momentum + cosine"] < band["momentum"]


def test_schedule_numbers_in_the_prose():
    steps = torch_rates(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=10, gamma=0.1), 0.1, 30)
    cosines = torch_rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=30), 0.1, 30)
    assert math.isclose(steps[9], 0.1) and math.isclose(steps[10], 0.01) and math.isclose(steps[20], 0.001)
    assert (story.SCHEDULE_LR, story.SCHEDULE_EPOCHS, story.STEP_SIZE, story.STEP_GAMMA) == (0.1, 30, 10, 0.1)
    assert_all_in(
        [
            "0.1 for epochs 0 to 9, then 0.01, then 0.001 from epoch 20",
            f"through {cosines[15]:.2f} halfway (epoch 15 of 30), to almost 0 ({cosines[29]:.6f} at epoch 29)",
            f"$\\eta_{{15}} = \\frac{{1}}{{2}} \\times 0.1 \\times (1 + 0) = {cosines[15]:.2f}$",
            f"$\\eta_{{10}} = \\frac{{1}}{{2}} \\times 0.1 \\times 1.5 = {cosines[10]:.3f}$",
            f"$\\eta_{{25}} = 0.1 \\times 0.1^2 = {steps[25]:.3f}$",
        ]
    )
    # the alt text of the schedule figure
    assert_all_in(
        [
            "step decay drops to 0.01 at epoch 10 and to 0.001 at epoch 20",
            "cosine glides smoothly from 0.1 to almost 0 at epoch 29",
        ]
    )


def test_exercise_answers():
    cos = torch_rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=30), 0.1, 21)[20]
    half = torch_rates(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=5, gamma=0.5), 0.1, 18)[17]
    assert math.isclose(cos, 0.025) and math.isclose(half, 0.0125)
    assert_all_in(
        [
            f"$\\eta_{{20}} = \\frac{{1}}{{2}} \\times 0.1 \\times (1 - 0.5) = {cos:.3f}$",
            f"$0.1 \\times 0.5^3 = {half:.4f}$",
        ]
    )


def test_the_figures_are_embedded():
    for name in ("optimizer-learning-curves", "lr-schedules"):
        assert f"](../figures/{name}.svg)" in TEXT


def test_the_race_clip_description():
    """The clip is the Adam chapter's; its numbers come from site_src.examples.surfaces."""
    from site_src.examples.surfaces import losses, race

    ravine = {name: losses("ravine", path) for name, path in race("ravine").items()}
    order = {step: sorted(ravine, key=lambda n: ravine[n][step]) for step in (10, 30, 60)}
    assert order[10][0] == "RMSprop" and order[30][0] == "momentum" and order[60][:2] == ["Adam", "momentum"]
    saddle_paths = race("saddle")
    leave = {n: int(np.argmax(np.abs(p[:, 1]) > 0.5)) for n, p in saddle_paths.items()}
    assert max(leave["RMSprop"], leave["Adam"]) <= 3 and min(leave["SGD"], leave["momentum"]) == 24
    final = {n: losses("saddle", p)[-1] for n, p in saddle_paths.items()}
    assert min(final, key=final.get) == "SGD" and max(leave, key=leave.get) == "SGD"
    assert_all_in(
        [
            "on the ravine, Adam ends with the lowest loss after 60 steps, then momentum",
            "RMSprop and Adam leave the flat ridge within 3 steps, SGD and momentum only after 24 or more",
            "after 60 steps SGD has the lowest loss",
            "After 10 steps RMSprop has the lowest loss; after 30, momentum",
            "SGD and momentum only after 24 steps or more",
            "SGD, the slowest to leave the ridge, has the lowest loss",
        ]
    )
    assert "](../figures/optimizer-race.mp4)" in TEXT
