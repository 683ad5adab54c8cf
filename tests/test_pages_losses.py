"""The loss chapters: every number their prose and math corners state comes from site_src.

Numbers printed by a block with an Output box are checked by conftest.py; these tests pin
the numbers written in sentences, tables, alt texts and the animation's description.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from site_src import losses
from site_src.activations import sigmoid, softmax
from site_src.examples import melons
from tests.pages import DOCS, prose

LOSS_FUNCTIONS = DOCS / "losses" / "loss-functions.md"
CROSS_ENTROPY = DOCS / "losses" / "cross-entropy.md"


def fmt(x, digits):
    """A number as the pages write it: fixed digits, trailing zeros dropped."""
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") or "0"


def signed(x, digits):
    """A signed number as the math writes it: $+0.5$, $-0.5$, $0$."""
    text = fmt(abs(x), digits)
    return text if text == "0" else ("+" if x > 0 else "-") + text


@pytest.fixture(scope="module")
def mse_page():
    return prose(LOSS_FUNCTIONS.read_text())


@pytest.fixture(scope="module")
def ce_page():
    return prose(CROSS_ENTROPY.read_text())


# ---------------------------------------------------------------- loss-functions.md


MELONS = [2.0, 3.5, 1.5, 3.0]
GUESSES = [2.5, 3.0, 1.5, 4.0]
BAD_GUESSES = [2.5, 3.0, 1.5, 13.0]


def test_the_page_and_the_figure_use_the_same_melons(mse_page):
    assert (melons.MELONS_TRUE, melons.MELONS_GUESS, melons.OUTLIER_GUESS) == (
        MELONS, GUESSES, BAD_GUESSES)
    assert "true weights $y$ are 2.0, 3.5, 1.5 and 3.0 kg" in mse_page
    assert "$\\hat{y}$ = 2.5, 3.0, 1.5 and 4.0 kg" in mse_page
    assert "guesses 13.0 kg for the last melon, 10 kg too heavy" in mse_page
    assert BAD_GUESSES[3] - MELONS[3] == 10


def test_the_coin_rules(mse_page):
    # Rule A is the absolute error, rule B the squared error, for one melon off by 1 and by 10.
    assert losses.mae([0.0], [1.0]) == losses.mse([0.0], [1.0]) == 1
    assert losses.mae([0.0], [10.0]) == 10 and losses.mse([0.0], [10.0]) == 100
    assert "off by 10 kg\n  costs 10 coins" in mse_page
    assert "off by 10 kg costs\n  10 × 10 = 100 coins" in mse_page
    # one miss of 10 costs as much as a hundred misses of 1
    assert losses.mse([0.0], [10.0]) * 1 == losses.mse([0.0] * 100, [1.0] * 100) * 100
    assert "one miss of\n10 kg costs as much as a hundred misses of 1 kg" in mse_page


def test_the_steps(mse_page):
    errors = np.subtract(GUESSES, MELONS)
    assert ", ".join(f"${signed(e, 1)}$" for e in errors[:3]) + f" and ${signed(errors[3], 1)}$" == (
        "$+0.5$, $-0.5$, $0$ and $+1$")
    assert "guess minus truth: $+0.5$, $-0.5$, $0$ and $+1$" in mse_page
    assert f"$(0.5 - 0.5 + 0 + 1) / 4 = {fmt(errors.mean(), 2)}$" in mse_page
    assert f"$(0.5 + 0.5 + 0 + 1) / 4 = {fmt(losses.mae(MELONS, GUESSES), 2)}$ kg" in mse_page
    assert "$0.5^2 = 0.25$, $(-0.5)^2 = 0.25$, $0^2 = 0$ and $1^2 = 1$" in mse_page
    assert f"$(0.25 + 0.25 + 0 + 1) / 4 = {fmt(losses.mse(MELONS, GUESSES), 3)}$" in mse_page


def test_the_bad_guess(mse_page):
    mae_before, mae_after = losses.mae(MELONS, GUESSES), losses.mae(MELONS, BAD_GUESSES)
    mse_before, mse_after = losses.mse(MELONS, GUESSES), losses.mse(MELONS, BAD_GUESSES)
    assert f"$(0.5 + 0.5 + 0 + 10) / 4 = {fmt(mae_after, 2)}$: {fmt(mae_after / mae_before, 1)} times" in mse_page
    assert (f"$(0.25 + 0.25 + 0 + 100) / 4 = {fmt(mse_after, 3)}$: {fmt(mse_after / mse_before, 1)} times bigger"
            in mse_page)
    assert f"it still grew {fmt(mae_after / mae_before, 1)} times" in mse_page
    squared = np.subtract(BAD_GUESSES, MELONS) ** 2
    assert f"makes up {fmt(squared[3], 1)} of the {fmt(squared.sum(), 1)} total" in mse_page
    # the alt text of the bar chart
    assert (f"MSE is {fmt(mse_before, 3)} and MAE is {fmt(mae_before, 2)}. With one guess off by 10 kg, "
            f"MSE jumps to {fmt(mse_after, 3)}, {fmt(mse_after / mse_before, 1)} times bigger, and MAE rises to "
            f"{fmt(mae_after, 2)}, {fmt(mae_after / mae_before, 1)} times bigger") in mse_page


def test_the_curves_for_one_melon(mse_page):
    truth = melons.ONE_TRUTH
    assert truth == 3.0 and "a single melon that really weighs 3 kg" in mse_page
    for guess in (truth - 1, truth + 1):
        assert losses.mse([truth], [guess]) == losses.mae([truth], [guess]) == 1
    assert "both are 1 when the guess is off by 1 kg" in mse_page
    assert losses.mse([truth], [truth + 0.5]) < losses.mae([truth], [truth + 0.5])
    assert losses.mse([truth], [truth + 2]) > losses.mae([truth], [truth + 2])
    slopes = {float(losses.mae_grad([truth], [g])[0]) for g in (0.1, 2.9, 3.1, 13.0)}
    assert slopes == {-1.0, 1.0} and "−1 or +1 everywhere except at the right answer" in mse_page
    assert losses.mae_grad([truth], [truth])[0] == 0 and "PyTorch and our code use 0 there" in mse_page


def test_the_math_corner_slopes(mse_page):
    mse_slopes = losses.mse_grad(MELONS, GUESSES)
    mae_slopes = losses.mae_grad(MELONS, GUESSES)
    listed = lambda values, digits: ", ".join(f"${fmt(v, digits)}$" for v in values[:3]) + (
        f" and ${fmt(values[3], digits)}$")
    assert f"are $\\frac{{2}}{{4}} \\times$ each error: {listed(mse_slopes, 2)}" in mse_page
    assert f"are\n$\\frac{{1}}{{4}} \\times$ each sign: {listed(mae_slopes, 2)}" in mse_page
    bad_mse = losses.mse_grad(MELONS, BAD_GUESSES)
    bad_mae = losses.mae_grad(MELONS, BAD_GUESSES)
    assert f"$\\frac{{2}}{{4}} \\times 10 = {fmt(bad_mse[3], 1)}$" in mse_page
    errors = np.subtract(BAD_GUESSES, MELONS)
    assert abs(errors[0]) == abs(errors[1]) == 0.5
    assert bad_mse[3] / abs(bad_mse[0]) == bad_mse[3] / abs(bad_mse[1]) == 20
    assert "twenty times the push on\neither melon that is 0.5 kg off" in mse_page
    assert abs(bad_mae[0]) == abs(bad_mae[1]) == bad_mae[3]
    assert f"stays $\\frac{{1}}{{4}} = {fmt(bad_mae[3], 2)}$, the same size as theirs" in mse_page


def test_the_good_and_bad_table(mse_page):
    assert losses.mse([0.0], [10.0]) == 100 * losses.mse([0.0], [1.0])
    assert "one error of 10 counts as much as a hundred errors of 1" in mse_page
    assert losses.mae([0.0], [10.0]) == 10 * losses.mae([0.0], [1.0])
    assert "an error of 10 counts only 10 times an error of 1" in mse_page
    assert f"off by {fmt(losses.mae(MELONS, GUESSES), 2)} kg on average" in mse_page
    assert "one error of 10 adds 100 to MSE's sum but only 10 to MAE's" in mse_page


def test_the_exercises(mse_page):
    truths, guesses = [1, 2, 3], [1, 4, 3]
    assert np.subtract(guesses, truths).tolist() == [0, 2, 0] and "The errors are 0, 2 and 0" in mse_page
    assert f"MAE $= 2 / 3 \\approx {losses.mae(truths, guesses):.3f}$" in mse_page
    assert f"MSE $= 4 / 3 \\approx {losses.mse(truths, guesses):.3f}$" in mse_page
    weights = [2.0, 3.0, 3.0, 4.0, 40.0]
    assert "five melons: 2, 3, 3, 4 and 40 kg" in mse_page
    assert f"MSE is smallest at {fmt(np.mean(weights), 1)}, the mean" in mse_page
    assert f"MAE is smallest at {fmt(np.median(weights), 1)}, the median" in mse_page


# ---------------------------------------------------------------- cross-entropy.md


def test_the_surprise_table(ce_page):
    chances = [1.0, 0.7, 0.5, 0.25, 0.1, 0.01]
    surprises = [losses.sparse_categorical_cross_entropy(0, [p, 1 - p]) if p < 1 else
                 losses.cross_entropy_from_logits(0, [0.0]) for p in chances]
    assert surprises[0] == 0 and "| 100% | 0 |" in ce_page
    for chance, surprise in zip(chances[1:], surprises[1:]):
        assert f"| {chance:.0%} | {surprise:.2f} |" in ce_page
    halving = losses.binary_cross_entropy([1.0], [0.25]) - losses.binary_cross_entropy([1.0], [0.5])
    assert math.isclose(halving, math.log(2), rel_tol=1e-12)
    assert f"goes up by the same amount, {halving:.2f}" in ce_page
    # only the chance given to the truth counts
    assert losses.categorical_cross_entropy([1, 0, 0], [0.7, 0.2, 0.1]) == losses.categorical_cross_entropy(
        [1, 0, 0], [0.7, 0.0, 0.3])
    assert '"apple 70%, pear 20%, banana 10%" and "apple 70%,\nbanana 30%" cost exactly the same' in ce_page


def test_the_steps_from_logits(ce_page):
    z = [2.0, 1.0, 0.1]
    p = softmax(z)
    assert "2.0 for apple, 1.0\n   for pear and 0.1 for banana" in ce_page
    assert f"That gives {p[0]:.3f}, {p[1]:.3f} and {p[2]:.3f}, which add up to 1" in ce_page
    assert f"only apple's probability, {p[0]:.3f}, matters" in ce_page
    loss = losses.cross_entropy_from_logits(0, z)
    assert math.isclose(-math.log(round(p[0], 3)), loss, abs_tol=5e-4)  # -log 0.659 rounds to the same
    assert f"$-\\log {p[0]:.3f} = {loss:.3f}$" in ce_page


def test_three_formats_one_number(ce_page):
    value = losses.binary_cross_entropy([1.0], [0.8])
    assert math.isclose(value, -math.log(0.8), rel_tol=1e-15)
    assert "Three formats, one number: $-\\log 0.8$." in ce_page
    assert "The robot says 80% apple" in ce_page


def test_the_animation_description(ce_page):
    from site_src.examples.cross_entropy import (
        BETTER_APPLE_SCORES,
        CLASSES,
        SCORES,
        TRUE_CLASS,
        softmax_steps,
    )

    def m(x, digits=2):  # the animation's numbers, with a real minus sign
        return f"{x:.{digits}f}".replace("-", "−")

    assert CLASSES[TRUE_CLASS] == "apple"
    assert f"apple {m(SCORES[0])}, pear {m(SCORES[1])}, banana {m(SCORES[2])}" in ce_page
    exps, total, probabilities, loss = softmax_steps(SCORES)
    assert f"{m(exps[0])}, {m(exps[1])} and {m(exps[2])}" in ce_page
    assert f"divided by their total, {m(total)}" in ce_page
    assert f"{m(probabilities[0])}, {m(probabilities[1])} and\n       {m(probabilities[2])}, which add up to 1" in ce_page
    assert f"$p(\\text{{apple}}) = {m(probabilities[0], 3)}$" in ce_page
    assert f"The loss is $-\\log p = {m(loss)}$" in ce_page
    alt = [f"the apple's probability of {m(probabilities[0], 3)} gives a loss of {m(loss)}"]
    later = []
    for score in BETTER_APPLE_SCORES:
        _, _, probabilities, loss = softmax_steps((score,) + SCORES[1:])
        later.append(m(loss))
        assert f"{m(score)}: $p = {m(probabilities[TRUE_CLASS], 3)}$" in ce_page
        assert f"loss {m(loss)}" in ce_page or f"loss falls to {m(loss)}" in ce_page
    alt.append(f"the loss falls to {later[0]}, {later[1]} and {later[2]}")
    for text in alt:
        assert text in ce_page
    assert [float(x) for x in later] == sorted(map(float, later), reverse=True)


def test_the_bce_figure_text(ce_page):
    right = losses.binary_cross_entropy([1.0], [0.9])
    wrong = losses.binary_cross_entropy([0.0], [0.9])
    assert f"Saying 90% yes costs {right:.3f} when the answer is yes and {wrong:.3f}\nwhen it is no" in ce_page
    assert f"give a loss of {right:.3f} when the truth is yes and {wrong:.3f} when it is no" in ce_page


def test_the_math_corner_example(ce_page):
    z = np.array([2.0, 1.0, 0.1])
    log_sum_exp = float(np.log(np.exp(z).sum()))
    loss = losses.cross_entropy_from_logits(0, z)
    assert math.isclose(log_sum_exp - z[0], loss, rel_tol=1e-12)
    assert f"$\\log(e^{{2.0}} + e^{{1.0}} + e^{{0.1}}) = {log_sum_exp:.3f}$" in ce_page
    assert f"the loss is ${log_sum_exp:.3f} - 2.0 = {loss:.3f}$" in ce_page
    grad = losses.cross_entropy_from_logits_grad(0, z)
    p = softmax(z)
    assert f"${p[0]:.3f} - 1 = {grad[0]:.3f}$ for apple and ${grad[1]:.3f}$ and ${grad[2]:.3f}$" in ce_page
    assert abs(grad.sum()) < 1e-15 and "They add up to 0." in ce_page
    assert math.isinf(math.exp(700) * math.exp(100)) and "$e^{800}$ is too big" in ce_page


def test_the_pitfall_numbers(ce_page):
    # swapped one-hot arguments in F.cross_entropy
    row = torch.tensor([[1.0, 0.0, 0.0]], dtype=torch.float64)
    scores = torch.tensor([[2.0, 1.0, 0.1]], dtype=torch.float64)
    assert (f"returns {F.cross_entropy(row, scores).item():.4f} instead of the right "
            f"{losses.cross_entropy_from_logits([0], scores.numpy()):.3f}") in ce_page
    # swapped class numbers and logits: PyTorch refuses (it cannot take the log-softmax of integers)
    with pytest.raises((RuntimeError, NotImplementedError)):
        F.cross_entropy(torch.tensor([0]), scores)
    assert "stops with an error when its first argument is a tensor of\nclass numbers" in ce_page
    # a logit outside [0, 1] fed to F.binary_cross_entropy is refused
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        F.binary_cross_entropy(torch.tensor([2.0], dtype=torch.float64), torch.tensor([1.0], dtype=torch.float64))
    assert "stops with an error if a value is outside 0 to 1" in ce_page
    # probabilities fed to F.cross_entropy
    twice = torch.softmax(torch.tensor([0.7, 0.2, 0.1], dtype=torch.float64), dim=0)[0].item()
    perfect = F.cross_entropy(row, torch.tensor([0])).item()
    assert f"squashes 0.7 down to {twice:.3f}" in ce_page
    assert f"answer scores {perfect:.4f} instead of 0" in ce_page
    # a probability fed to binary_cross_entropy_with_logits
    p = float(sigmoid(2.0))
    yes = torch.tensor([1.0], dtype=torch.float64)
    wrong = F.binary_cross_entropy_with_logits(torch.tensor([p], dtype=torch.float64), yes).item()
    right = losses.binary_cross_entropy([1.0], [p])
    assert f"the probability {p:.3f} from the\nlogit 2.0 would score {wrong:.4f} instead of the right {right:.4f}" in ce_page
    # the stable version
    assert losses.cross_entropy_from_logits(0, [0.0, 800.0]) == 800.0 and "The true loss is 800 (to far more digits" in ce_page
    capped = losses.sparse_categorical_cross_entropy(0, softmax([0.0, 800.0]))
    assert math.isclose(capped, -math.log(losses.EPS), rel_tol=1e-12)
    assert f"caps the loss at {capped:.2f} per example" in ce_page
    assert losses.EPS == 1e-12 and "at least $10^{-12}$ (and at most $1 - 10^{-12}$)" in ce_page
    assert "ours: at least $10^{-12}$" in ce_page


def test_why_not_mse(ce_page):
    z = -5.0
    p = float(sigmoid(z))
    cross_entropy_slope = p - 1.0  # sigma(z) - y
    mse_slope = float(losses.mse_grad([1.0], [p])[0] * sigmoid_slope(z))
    assert f'a probability of {p:.4f}: very sure' in ce_page
    assert f"a\nfeeble {mse_slope:.4f}".replace("-", "−") in ce_page
    assert f"$\\sigma(z) - y = {cross_entropy_slope:.4f}$" in ce_page
    assert f"putting 1% on the truth\ncosts {losses.binary_cross_entropy([1.0], [0.01]):.2f}" in ce_page
    assert losses.mse([1.0], [0.0]) == 1 and "can never be more than 1" in ce_page


def sigmoid_slope(z):
    from site_src.activations import sigmoid_grad

    return float(sigmoid_grad(z))


def test_the_exercises_answers(ce_page):
    value = losses.sparse_categorical_cross_entropy(2, [0.1, 0.6, 0.3])
    assert f"$-\\log 0.3 \\approx {value:.3f}$" in ce_page
    logits = torch.tensor([[1.5, -0.3, 0.2]], dtype=torch.float64)
    labels = torch.tensor([2])
    buggy = F.cross_entropy(torch.softmax(logits, dim=1), labels).item()
    fixed = losses.cross_entropy_from_logits([2], logits.numpy())
    assert f"reports {buggy:.4f}; the right loss is {fixed:.4f}" in ce_page
    assert buggy < fixed and "*smaller*" in ce_page
