"""Dropout: the small network's passes recomputed with torch, the average over every mask by
brute force, the measurement's no-dropout run replayed in PyTorch, and every number in the prose.
"""

from itertools import product

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from site_src.examples import dropout as story
from site_src.layers import Dense
from tests.pages import DOCS, prose

PAGE = DOCS / "training" / "dropout.md"
TEXT = " ".join(prose(PAGE.read_text()).split())


def assert_all_in(expected):
    missing = [" ".join(e.split()) for e in expected if " ".join(e.split()) not in TEXT]
    assert not missing, f"not found in {PAGE.name}: {missing}"


def num(x):
    return f"{x:g}"


def torch_net():
    first = torch.nn.Linear(2, 4, dtype=torch.float64)
    last = torch.nn.Linear(4, 1, dtype=torch.float64)
    with torch.no_grad():
        first.weight.copy_(torch.tensor(story.W1))
        first.bias.copy_(torch.tensor(story.B1))
        last.weight.copy_(torch.tensor(story.W2))
        last.bias.copy_(torch.tensor(story.B2))
    return first, last


def torch_output(mask=None):
    """The output for INPUT with a given mask (None: nn.Dropout in eval mode)."""
    first, last = torch_net()
    h = torch.relu(first(torch.tensor(story.INPUT, dtype=torch.float64)))
    if mask is None:
        drop = torch.nn.Dropout(story.P).eval()
        return h[0].tolist(), last(drop(h)).item()
    return h[0].tolist(), last(h * torch.tensor(mask, dtype=torch.float64)).item()


def test_the_small_network_in_the_prose():
    hidden, eval_output = torch_output()
    assert hidden == [1.0, 0.5, 2.0, 1.5] and eval_output == 2.0
    assert_all_in(
        [
            f"For the input ({num(story.INPUT[0][0])}, {num(story.INPUT[0][1])}), the four neurons answer "
            f"{', '.join(num(h) for h in hidden[:-1])} and {num(hidden[-1])}",
            f"weighs them by {', '.join(num(w) for w in story.W2[0][:-1])} and {num(story.W2[0][-1])}".replace("-", "−")
            + f" and adds its bias, {num(story.B2[0])}",
            f"The output is {num(eval_output)}, the same every time",
        ]
    )


def test_the_training_passes():
    passes = story.training_passes()
    scale = 1 / (1 - story.P)
    assert scale == 2 and "$1/(1 - p) = 1/(1 - 0.5) = 2$" in TEXT
    outputs = []
    for result in passes[:-1]:
        assert set(result["mask"]) <= {0.0, scale}
        hidden, out = torch_output(result["mask"])
        assert np.isclose(out, result["output"])
        outputs.append(out)
        masked = [h * m for h, m in zip(hidden, result["mask"])]
        assert masked == result["passed"]
    m = [", ".join(num(v) for v in p["mask"]) for p in passes[:3]]
    assert_all_in(
        [
            f"In step 1 the mask is {m[0]}, so the answers 1, 0.5, 2, 1.5 become "
            f"{', '.join(num(v) for v in passes[0]['passed'])}, and the output is {num(outputs[0])}",
            f"In step 2 the mask is {m[1]}: only one neuron survives, and the output is {num(outputs[1])}",
            f"In step 3 it is {m[2]}, and the output is {num(outputs[2])}",
            f"giving outputs {num(outputs[0])}, {num(outputs[1])} and {num(outputs[2])}",
        ]
    )
    assert sum(v > 0 for v in passes[1]["mask"]) == 1
    assert passes[-1]["mask"] == [1.0] * 4 and passes[-1]["output"] == torch_output()[1]
    # the table of the four passes: three in training mode (PyTorch's outputs above), then evaluation mode
    assert len(passes) == 4
    outputs.append(torch_output()[1])
    modes = ["training"] * 3 + ["evaluation"]
    rows = [
        f"| {n} | {mode} | {', '.join(num(v) for v in p['mask'])} | {', '.join(num(v) for v in p['passed'])} "
        f"| {num(out)} |"
        for n, (mode, p, out) in enumerate(zip(modes, passes, outputs), start=1)
    ]
    assert "| pass | mode | mask | passes on | output | |---|---|---|---|---:| " + " ".join(rows) in TEXT


def test_the_average_over_all_masks():
    total = 0.0
    for keep in product([0, 1], repeat=4):
        mask = [k / (1 - story.P) for k in keep]
        chance = np.prod([(1 - story.P) if k else story.P for k in keep])
        total += chance * torch_output(mask)[1]
    assert total == pytest.approx(2.0, abs=1e-12) and story.average_over_masks() == pytest.approx(total)
    assert_all_in(
        [
            "Averaged over all 16 possible masks, weighted by how likely each one is, the training-mode "
            "output is also exactly 2",
            "the 16 masks above average to 2",
            "$1 \\times 1 + 2 \\times 0.5 + 0.5 \\times 2 - 1 \\times 1.5 + 0.5 = 2$",
        ]
    )
    assert 1 * 1 + 2 * 0.5 + 0.5 * 2 - 1 * 1.5 + 0.5 == 2


def test_scaling_numbers():
    assert 0.5 * 0 + 0.5 * (2 * 2) == 2 and "$0.5 \\times 0 + 0.5 \\times 4 = 2$" in TEXT
    assert 1 / 0.8 == 1.25 and 0.8 * 1.25 == 1 and "$1/0.8 = 1.25$" in TEXT and "$0.8 \\times 1.25 = 1$" in TEXT
    assert 3 / 0.75 == 4 and 0.75 * 4 == 3 and "$3 / 0.75 = 4$" in TEXT and "$0.75 \\times 4 = 3$" in TEXT
    # PyTorch's p is the probability to drop: nn.Dropout(0.2) drops about 20%
    torch.manual_seed(0)
    dropped = (F.dropout(torch.ones(100_000), p=0.2, training=True) == 0).double().mean().item()
    assert abs(dropped - 0.2) < 0.01 and "`nn.Dropout(0.2)` drops 20%" in TEXT


def test_forgetting_eval_gives_several_outputs():
    outputs = {round(torch_output([k / (1 - story.P) for k in keep])[1], 12) for keep in product([0, 1], repeat=4)}
    assert len(outputs) == 8  # every possible training-mode output; 1,000 passes see them all
    assert "different outputs: 8 eval mode: 2.0" in " ".join(PAGE.read_text().split())


# ---------------------------------------------------------------- the measurement


def test_the_no_dropout_run_equals_pytorch():
    """Seed 0 without dropout: the same starting weights and batches, torch.optim.Adam; the same scores."""
    X, y, X_test, y_test = story.digits_split()
    rng = np.random.default_rng(0)
    sizes = [(64, story.HIDDEN), (story.HIDDEN, story.HIDDEN), (story.HIDDEN, 10)]
    denses = [Dense(n_in, n_out, rng=rng) for n_in, n_out in sizes]  # drawn in train_digits' order
    linears = []
    for d in denses:
        layer = torch.nn.Linear(d.n_in, d.n_out, dtype=torch.float64)
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(d.weight))
            layer.bias.copy_(torch.tensor(d.bias))
        linears.append(layer)
    model = torch.nn.Sequential(linears[0], torch.nn.ReLU(), linears[1], torch.nn.ReLU(), linears[2])
    opt = torch.optim.Adam(model.parameters(), lr=story.GAP_LR)
    Xt, yt = torch.tensor(X), torch.tensor(y)
    for _ in range(story.GAP_EPOCHS):
        order = rng.permutation(len(X))
        for start in range(0, len(X), story.GAP_BATCH):
            batch = torch.tensor(order[start : start + story.GAP_BATCH])
            opt.zero_grad()
            F.cross_entropy(model(Xt[batch]), yt[batch]).backward()
            opt.step()
    with torch.no_grad():
        scores_test = model(torch.tensor(X_test))
        expected = [
            (model(Xt).argmax(1).numpy() == y).mean(),
            (scores_test.argmax(1).numpy() == y_test).mean(),
            F.cross_entropy(model(Xt), yt).item(),
            F.cross_entropy(scores_test, torch.tensor(y_test)).item(),
        ]
    assert np.allclose(story.train_digits(0.0, 0), expected)


def test_the_measurement_in_the_prose():
    results = story.gap_measurement()
    none, drop = results[0.0], results[0.5]
    X, _, X_test, _ = story.digits_split()
    assert (len(X), len(X_test)) == (200, 1597) and story.GAP_EPOCHS == 100 and story.HIDDEN == 128
    assert_all_in(
        [
            "A 64-128-128-10 ReLU network learned the 8×8 digits from only 200 training images, with Adam "
            "for 100 epochs",
            "from 5 seeds each, and was scored on the other 1,597 images",
        ]
    )
    assert np.all(none[:, 0] == 1) and np.all(drop[:, 0] == 1)
    assert "Training accuracy is 100% in every run" in TEXT
    a0, a1 = 100 * none[:, 1].mean(), 100 * drop[:, 1].mean()
    l0, l1 = none[:, 3].mean(), drop[:, 3].mean()
    gain = round(a1, 1) - round(a0, 1)
    assert 0 < gain < 0.5
    assert_all_in(
        [
            f"Test accuracy rises by only {gain:.1f} points on average (from {a0:.1f}% to {a1:.1f}%)",
            f"the average rises from {a0:.1f}% to {a1:.1f}%, with one seed going down",
            f"the average falls from {l0:.3f} to {l1:.3f}, and every seed goes down",
            f"it fell on all 5 seeds, from {l0:.3f} to {l1:.3f} on average",
            f"+{gain:.1f} points of test accuracy on average",
        ]
    )
    worse = int(np.sum(drop[:, 1] < none[:, 1]))
    assert worse == 1 and "one seed did worse with dropout" in TEXT
    assert np.all(drop[:, 3] < none[:, 3])
    # "smaller than the differences between seeds"
    assert a1 - a0 < 100 * (none[:, 1].max() - none[:, 1].min())
    # "the whole height of the accuracy panel is under 2 points"
    accuracies = 100 * np.concatenate([none[:, 1], drop[:, 1]])
    assert accuracies.max() - accuracies.min() < 2


def test_the_media_are_embedded():
    assert "](../figures/dropout-train-test.mp4)" in TEXT and "](../figures/dropout-gap.svg)" in TEXT
