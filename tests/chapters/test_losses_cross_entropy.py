"""The cross-entropies (docs/losses/cross-entropy.md): every number the prose states, from site_src and PyTorch."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from site_src import losses
from site_src.activations import sigmoid, sigmoid_grad, softmax
from site_src.examples import cross_entropy as story
from site_src.examples import slowdown
from site_src.examples import softmax as softmax_story
from tests.chapters.facts import assert_all_in, fmt, number_word, page_text, tex

PAGE = "losses/cross-entropy"


def test_the_surprise_table():
    text = page_text(PAGE)
    chances = [0.7, 0.5, 0.25, 0.1, 0.01]
    certain = losses.cross_entropy_from_logits(0, [0.0])  # one class: probability 1
    rows = [f"| 100% | {fmt(certain, 0)} |"] + [
        f"| {fmt(100 * p, 0)}% | {fmt(losses.sparse_categorical_cross_entropy(0, [p, 1 - p]), 2)} |" for p in chances
    ]
    halving = losses.binary_cross_entropy([1.0], [0.25]) - losses.binary_cross_entropy([1.0], [0.5])
    assert math.isclose(halving, math.log(2), rel_tol=1e-12)
    # only the chance given to the truth counts
    assert losses.categorical_cross_entropy([1, 0, 0], [0.7, 0.2, 0.1]) == losses.categorical_cross_entropy(
        [1, 0, 0], [0.7, 0.0, 0.3]
    )
    assert_all_in(text, rows + [f"goes up by the same amount, {fmt(halving, 2)}"])


def test_the_steps_from_logits():
    text = page_text(PAGE)
    z = softmax_story.SCORES
    p = softmax(z)
    loss = losses.cross_entropy_from_logits(0, z)
    assert math.isclose(-math.log(round(p[0], 3)), loss, abs_tol=5e-4)  # -log 0.659 rounds to the same
    assert_all_in(
        text,
        [
            f"{fmt(z[0], 1)} for apple, {fmt(z[1], 1)} for pear and {fmt(z[2], 1)} for banana",
            f"That gives {fmt(p[0], 3)}, {fmt(p[1], 3)} and {fmt(p[2], 3)}, which add up to {fmt(p.sum(), 0)}",
            f"only apple's probability, {fmt(p[0], 3)}, matters",
            f"$-\\log {tex(p[0], 3)} = {tex(loss, 3)}$",
        ],
    )


def test_three_formats_one_number():
    text = page_text(PAGE)
    p = 0.8
    binary = losses.binary_cross_entropy([1.0], [p])
    categorical = losses.categorical_cross_entropy([[1, 0]], [[p, 1 - p]])
    sparse = losses.sparse_categorical_cross_entropy([0], [[p, 1 - p]])
    assert math.isclose(binary, categorical, rel_tol=1e-15) and math.isclose(binary, sparse, rel_tol=1e-15)
    said = math.exp(-binary)  # the probability whose minus log all three formats give
    assert_all_in(
        text, [f"The robot says {fmt(100 * said, 0)}% apple", f"Three formats, one number: $-\\log {tex(said, 1)}$."]
    )


def test_the_animation_description():
    text = page_text(PAGE)
    assert story.CLASSES[story.TRUE_CLASS] == "apple"
    steps = story.gradient_steps()
    first, second, *_, last = steps
    exps, total, probabilities, loss = story.softmax_steps(story.SCORES)
    scores = dict(zip(story.CLASSES, story.SCORES))
    g = first["gradient"]
    moves = [story.CLIP_LR * abs(v) for v in g]
    later = [fmt(s["loss"], 2) for s in steps[1:]]
    assert [s["loss"] for s in steps] == sorted((s["loss"] for s in steps), reverse=True)
    assert_all_in(
        text,
        [
            ", ".join(f"{name} {fmt(score, 2)}" for name, score in scores.items()),
            f"{fmt(exps[0], 2)}, {fmt(exps[1], 2)} and {fmt(exps[2], 2)}",
            f"divided by their total, {fmt(total, 2)}",
            f"{fmt(probabilities[0], 2)}, {fmt(probabilities[1], 2)} and {fmt(probabilities[2], 2)}, which add up to 1",
            f"$p(\\text{{apple}}) = {tex(probabilities[0], 3)}$",
            f"The loss is $-\\log p = {tex(loss, 2)}$",
            f"${tex(g[0], 3, sign=True)}$, ${tex(g[1], 3, sign=True)}$ and ${tex(g[2], 3, sign=True)}$",
            f"A training step with learning rate {fmt(story.CLIP_LR, 0)}",
            f"apple's up by {fmt(moves[0], 3)}, pear's down by {fmt(moves[1], 3)}, banana's down by {fmt(moves[2], 3)}",
            "The scores become " + f"{fmt(second['scores'][0], 2)}, {fmt(second['scores'][1], 2)} and "
            f"{fmt(second['scores'][2], 2)}, so $p(\\text{{apple}}) = {tex(second['probabilities'][0], 3)}$ and the "
            f"loss is {later[0]}",
            f"the loss falls to {later[1]}, then {later[2]} ($p(\\text{{apple}}) = {tex(last['probabilities'][0], 3)}$)",
            # the clip's alt text
            f"the apple's probability of {fmt(probabilities[0], 3)} gives a loss of {fmt(loss, 2)}",
            f"The gradient at the scores, {fmt(g[0], 3, sign=True)}, {fmt(g[1], 3, sign=True)} and "
            f"{fmt(g[2], 3, sign=True)}",
            f"over {number_word(story.CLIP_STEPS)} steps the loss falls to {later[0]}, {later[1]} and {later[2]}",
        ],
    )


def test_the_bce_figure_text():
    text = page_text(PAGE)
    right = losses.binary_cross_entropy([1.0], [story.SURE])
    wrong = losses.binary_cross_entropy([0.0], [story.SURE])
    assert_all_in(
        text,
        [
            f"Saying {fmt(100 * story.SURE, 0)}% yes costs {fmt(right, 3)} when the answer is yes and {fmt(wrong, 3)} "
            "when it is no",
            f"give a loss of {fmt(right, 3)} when the truth is yes and {fmt(wrong, 3)} when it is no",
        ],
    )


def test_the_math_corner_example():
    text = page_text(PAGE)
    z = softmax_story.SCORES
    log_sum_exp = float(np.log(np.exp(z).sum()))
    loss = losses.cross_entropy_from_logits(0, z)
    assert math.isclose(log_sum_exp - z[0], loss, rel_tol=1e-12)
    grad = losses.cross_entropy_from_logits_grad(0, z)
    p = softmax(z)
    assert abs(grad.sum()) < 1e-15
    assert math.isinf(math.exp(700) * math.exp(100))  # e^800 is too big for a float
    assert_all_in(
        text,
        [
            f"$\\log(e^{{{tex(z[0], 1)}}} + e^{{{tex(z[1], 1)}}} + e^{{{tex(z[2], 1)}}}) = {tex(log_sum_exp, 3)}$",
            f"the loss is ${tex(log_sum_exp, 3)} - {tex(z[0], 1)} = {tex(loss, 3)}$",
            f"${tex(p[0], 3)} - 1 = {tex(grad[0], 3)}$ for apple and ${tex(grad[1], 3)}$ and ${tex(grad[2], 3)}$",
            f"They add up to {fmt(abs(grad.sum()), 0)}.",
        ],
    )


def test_the_pitfall_numbers():
    text = page_text(PAGE)
    row = torch.tensor([[1.0, 0.0, 0.0]], dtype=torch.float64)
    scores = torch.tensor(softmax_story.SCORES[None, :], dtype=torch.float64)
    # swapped class numbers and logits: PyTorch refuses (it cannot take the log-softmax of integers)
    with pytest.raises((RuntimeError, NotImplementedError)):
        F.cross_entropy(torch.tensor([0]), scores)
    # a logit outside [0, 1] fed to F.binary_cross_entropy is refused
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        F.binary_cross_entropy(torch.tensor([2.0], dtype=torch.float64), torch.tensor([1.0], dtype=torch.float64))
    # probabilities fed to F.cross_entropy: a second softmax
    twice = torch.softmax(torch.tensor([0.7, 0.2, 0.1], dtype=torch.float64), dim=0)[0].item()
    perfect = F.cross_entropy(row, torch.tensor([0])).item()
    # a probability fed to binary_cross_entropy_with_logits
    p = float(sigmoid(2.0))
    yes = torch.tensor([1.0], dtype=torch.float64)
    wrong = F.binary_cross_entropy_with_logits(torch.tensor([p], dtype=torch.float64), yes).item()
    right = losses.binary_cross_entropy([1.0], [p])
    # the stable version
    true_loss = losses.cross_entropy_from_logits(0, [0.0, 800.0])
    capped = losses.sparse_categorical_cross_entropy(0, softmax([0.0, 800.0]))
    assert math.isclose(capped, -math.log(losses.EPS), rel_tol=1e-12)
    eps = f"10^{{{round(math.log10(losses.EPS))}}}"
    assert_all_in(
        text,
        [
            # swapped one-hot arguments in F.cross_entropy
            f"returns {fmt(F.cross_entropy(row, scores).item(), 4)} instead of the right "
            f"{fmt(losses.cross_entropy_from_logits([0], scores.numpy()), 3)}",
            f"squashes 0.7 down to {fmt(twice, 3)}",
            f"answer scores {fmt(perfect, 4)} instead of 0",
            f"the probability {fmt(p, 3)} from the logit 2.0 would score {fmt(wrong, 4)} instead of the right "
            f"{fmt(right, 4)}",
            f"The true loss is {fmt(true_loss, 0)} (to far more digits",
            f"caps the loss at {fmt(capped, 2)} per example",
            f"at least ${eps}$ (and at most $1 - {eps}$)",
            f"ours: at least ${eps}$",
        ],
    )


def test_why_not_mse():
    text = page_text(PAGE)
    z = -5.0
    p = float(sigmoid(z))
    cross_entropy_slope = p - 1.0  # sigma(z) - y
    mse_slope = float(losses.mse_grad([1.0], [p])[0] * sigmoid_grad(z))
    assert_all_in(
        text,
        [
            f"a probability of {fmt(p, 4)}: very sure",
            f"feeble {fmt(mse_slope, 4)}",
            f"$\\sigma(z) - y = {tex(cross_entropy_slope, 4)}$",
            f"putting 1% on the truth costs {fmt(losses.binary_cross_entropy([1.0], [0.01]), 2)}",
            f"can never be more than {fmt(losses.mse([1.0], [0.0]), 0)}",
        ],
    )


def test_the_exercises_answers():
    text = page_text(PAGE)
    value = losses.sparse_categorical_cross_entropy(2, [0.1, 0.6, 0.3])
    logits = torch.tensor([[1.5, -0.3, 0.2]], dtype=torch.float64)
    labels = torch.tensor([2])
    buggy = F.cross_entropy(torch.softmax(logits, dim=1), labels).item()
    fixed = losses.cross_entropy_from_logits([2], logits.numpy())
    assert buggy < fixed  # the page: the wrong number is even *smaller*
    assert_all_in(
        text,
        [
            f"$-\\log 0.3 \\approx {tex(value, 3)}$",
            f"reports {fmt(buggy, 4)}; the right loss is {fmt(fixed, 4)}",
        ],
    )


def torch_neuron(loss_fn, epochs):
    """Nielsen's neuron trained by torch.optim.SGD with autograd: its answer before each step and at the end."""
    w, b = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in slowdown.START)
    optimizer = torch.optim.SGD([w, b], lr=slowdown.LR)
    x, y = torch.tensor([slowdown.X], dtype=torch.float64), torch.tensor([slowdown.Y], dtype=torch.float64)
    answers = []
    for epoch in range(epochs + 1):
        optimizer.zero_grad()
        a = torch.sigmoid(w * x + b)
        answers.append(a.item())
        if epoch < epochs:
            loss_fn(a, y).backward()
            optimizer.step()
    return np.array(answers)


@pytest.mark.parametrize("loss, loss_fn", [("mse", F.mse_loss), ("cross_entropy", F.binary_cross_entropy)])
def test_the_slowdown_matches_pytorch(loss, loss_fn):
    answers, losses = slowdown.train_neuron(loss)
    assert np.allclose(answers, torch_neuron(loss_fn, slowdown.EPOCHS), rtol=1e-10, atol=1e-13)
    expected = [loss_fn(torch.tensor([a]), torch.tensor([slowdown.Y], dtype=torch.float64)).item() for a in answers]
    assert np.allclose(losses, expected, rtol=1e-9)


def test_the_slowdown_bad_input():
    with pytest.raises(ValueError, match="unknown loss 'mae'; use one of"):
        slowdown.train_neuron("mae")
    with pytest.raises(ValueError, match="epochs"):
        slowdown.train_neuron("mse", epochs=0)


def test_the_slowdown_numbers():
    text = page_text(PAGE)
    w, b = slowdown.START
    z = w * slowdown.X + b
    start = 1 / (1 + math.exp(-z))  # the sigmoid by hand
    first_below = {}
    for loss, loss_fn in (("mse", F.mse_loss), ("cross_entropy", F.binary_cross_entropy)):
        answers = torch_neuron(loss_fn, slowdown.EPOCHS)
        first_below[loss] = int(np.argmax(answers < 0.5))
        assert answers[first_below[loss]] < 0.5 <= answers[first_below[loss] - 1]
        assert slowdown.epochs_until_below(loss) == first_below[loss]
    assert first_below["cross_entropy"] < first_below["mse"]
    said = [
        f"gets the input {fmt(slowdown.X, 0)} and should answer {fmt(slowdown.Y, 0)}",
        f"starts with weight {fmt(w, 0)} and bias {fmt(b, 0)}, so it answers {fmt(start, 2)}",
        f"the same learning rate, {fmt(slowdown.LR, 2)}",
        f"$z = {tex(z, 0)}$, the sigmoid's slope is only {fmt(start * (1 - start), 3)}",
        f"drops below 0.5 after {first_below['mse']} epochs",
        f"is below 0.5 after {first_below['cross_entropy']} epochs",
        # the figure's alt text
        f"over {slowdown.EPOCHS} epochs of training from a start of {fmt(start, 2)}",
        f"drops below 0.5 after {first_below['cross_entropy']} epochs; with the mean squared error",
        f"drops below 0.5 only after {first_below['mse']} epochs",
    ]
    assert_all_in(text, said)


def test_the_worked_example_table():
    """The math corner's table: softmax and slopes from site_src, the slopes checked against torch autograd."""
    text = page_text(PAGE)
    z = softmax_story.SCORES
    p = softmax(z)
    truth = np.eye(len(z))[0]
    grad = losses.cross_entropy_from_logits_grad(0, z)
    logits = torch.tensor(np.array([z]), dtype=torch.float64, requires_grad=True)
    F.cross_entropy(logits, torch.tensor([0])).backward()
    assert np.allclose(grad, logits.grad.numpy()[0], rtol=1e-12)
    assert np.allclose(grad, p - truth, rtol=1e-12)  # "what you said minus the truth"
    rows = [
        f"| {name} | {fmt(zj, 1)} | {fmt(pj, 3)} | {int(yj)} | ${tex(gj, 3)}$ |"
        for name, zj, pj, yj, gj in zip(["apple", "pear", "banana"], z, p, truth, grad)
    ]
    assert_all_in(text, rows)


def test_the_parity_table():
    """'Both give the same numbers': every row computed with site_src and, separately, with PyTorch."""
    text = page_text(PAGE)
    f64 = torch.float64
    p_apple, scores = [[0.2, 0.8]], [[2.0, 1.0, 0.1]]
    log_p = torch.log(torch.tensor(p_apple, dtype=f64))
    pairs = {
        "binary": (
            losses.binary_cross_entropy([1.0], [0.8]),
            F.binary_cross_entropy(torch.tensor([0.8], dtype=f64), torch.tensor([1.0], dtype=f64)).item(),
        ),
        "categorical": (
            losses.categorical_cross_entropy([[0, 1]], p_apple),
            F.cross_entropy(log_p, torch.tensor([[0.0, 1.0]], dtype=f64)).item(),
        ),
        "sparse": (
            losses.sparse_categorical_cross_entropy([1], p_apple),
            F.cross_entropy(log_p, torch.tensor([1])).item(),
        ),
        "from logits": (
            losses.cross_entropy_from_logits([0], scores),
            F.cross_entropy(torch.tensor(scores, dtype=f64), torch.tensor([0])).item(),
        ),
        "binary, from a logit": (
            losses.binary_cross_entropy([1.0], sigmoid([2.0])),
            F.binary_cross_entropy_with_logits(torch.tensor([2.0], dtype=f64), torch.tensor([1.0], dtype=f64)).item(),
        ),
    }
    rows = []
    for name, (ours, theirs) in pairs.items():
        assert f"{ours:.6f}" == f"{theirs:.6f}"
        rows.append(f"| {name} | {ours:.6f} | {theirs:.6f} |")
    assert math.isclose(pairs["binary"][1], -math.log(0.8), rel_tol=1e-12)  # by hand
    logits = torch.tensor(scores, dtype=f64, requires_grad=True)
    F.cross_entropy(logits, torch.tensor([0])).backward()
    ours = losses.cross_entropy_from_logits_grad([0], scores)[0]
    theirs = logits.grad.numpy()[0]
    slopes = [", ".join(f"${tex(g, 3)}$" for g in row) for row in (ours, theirs)]
    rows.append(f"| slopes from logits | {slopes[0]} | {slopes[1]} |")
    assert_all_in(text, rows)


def test_the_three_formats_table():
    """The table of one question in three formats: each loss from site_src, and -log 0.8 by hand."""
    text = page_text(PAGE)
    by_hand = -math.log(0.8)
    values = [
        losses.binary_cross_entropy([1.0], [0.8]),
        losses.categorical_cross_entropy([[0, 1]], [[0.2, 0.8]]),
        losses.sparse_categorical_cross_entropy([1], [[0.2, 0.8]]),
    ]
    assert all(math.isclose(v, by_hand, rel_tol=1e-12) for v in values)
    rows = [
        f"| binary | label 1 | 0.8 | {values[0]:.4f} |",
        f"| categorical | one-hot row `[0, 1]` | `[0.2, 0.8]` | {values[1]:.4f} |",
        f"| sparse categorical | class number 1 | `[0.2, 0.8]` | {values[2]:.4f} |",
    ]
    assert_all_in(text, rows)
