"""Loss functions, MSE and MAE (docs/losses/loss-functions.md): the melons' numbers come from site_src."""

import numpy as np
import torch

from site_src import losses
from site_src.examples import melons as story
from tests.chapters.facts import assert_all_in, fmt, number_word, page_text, tex

PAGE = "losses/loss-functions"
MELONS, GUESSES, BAD_GUESSES = story.MELONS_TRUE, story.MELONS_GUESS, story.OUTLIER_GUESS


def num(x, digits=2):
    """A number as this page writes it: trailing zeros dropped."""
    return tex(x, digits, trim=True)


def listed(values, write):
    values = [write(v) for v in values]
    return ", ".join(values[:-1]) + f" and {values[-1]}"


def test_the_page_states_the_story_melons():
    text = page_text(PAGE)
    off = BAD_GUESSES[3] - MELONS[3]
    assert_all_in(
        text,
        [
            f"true weights $y$ are {listed(MELONS, lambda v: fmt(v, 1))} kg",
            f"$\\hat{{y}}$ = {listed(GUESSES, lambda v: fmt(v, 1))} kg",
            f"guesses {fmt(BAD_GUESSES[3], 1)} kg for the last melon, {fmt(off, 0)} kg too heavy",
        ],
    )


def test_the_coin_rules():
    text = page_text(PAGE)
    # Rule A is the absolute error, rule B the squared error, for one melon off by 1 and by 10.
    assert losses.mae([0.0], [1.0]) == losses.mse([0.0], [1.0]) == 1
    a10, b10 = losses.mae([0.0], [10.0]), losses.mse([0.0], [10.0])
    # one miss of 10 costs as much as how many misses of 1?
    misses = int(b10 / losses.mse([0.0], [1.0]))
    assert losses.mse([0.0] * misses, [1.0] * misses) * misses == b10
    assert_all_in(
        text,
        [
            f"off by 10 kg costs {fmt(a10, 0)} coins",
            f"off by 10 kg costs 10 × 10 = {fmt(b10, 0)} coins",
            f"one miss of 10 kg costs as much as {number_word(misses)} misses of 1 kg",
        ],
    )


def test_the_steps():
    text = page_text(PAGE)
    errors = np.subtract(GUESSES, MELONS)
    signed = [f"${tex(e, 1, sign=True, trim=True) if e else '0'}$" for e in errors]
    assert_all_in(
        text,
        [
            f"guess minus truth: {', '.join(signed[:3])} and {signed[3]}",
            f"$(0.5 - 0.5 + 0 + 1) / 4 = {num(errors.mean())}$",
            f"$(0.5 + 0.5 + 0 + 1) / 4 = {num(losses.mae(MELONS, GUESSES))}$ kg",
            "$"
            + "$, $".join(
                f"{'(' + tex(e, 1, trim=True) + ')' if e < 0 else tex(e, 1, trim=True)}^2 = {num(e**2)}"
                for e in errors[:3]
            )
            + f"$ and $1^2 = {num(errors[3] ** 2)}$",
            f"$(0.25 + 0.25 + 0 + 1) / 4 = {num(losses.mse(MELONS, GUESSES), 3)}$",
        ],
    )


def test_the_bad_guess():
    text = page_text(PAGE)
    mae_before, mae_after = losses.mae(MELONS, GUESSES), losses.mae(MELONS, BAD_GUESSES)
    mse_before, mse_after = losses.mse(MELONS, GUESSES), losses.mse(MELONS, BAD_GUESSES)
    squared = np.subtract(BAD_GUESSES, MELONS) ** 2
    assert_all_in(
        text,
        [
            f"$(0.5 + 0.5 + 0 + 10) / 4 = {num(mae_after)}$: {num(mae_after / mae_before, 1)} times",
            f"$(0.25 + 0.25 + 0 + 100) / 4 = {num(mse_after, 3)}$: {num(mse_after / mse_before, 1)} times bigger",
            f"it still grew {num(mae_after / mae_before, 1)} times",
            f"makes up {fmt(squared[3], 1, trim=True)} of the {fmt(squared.sum(), 1, trim=True)} total",
            # the alt text of the bar chart
            f"MSE is {num(mse_before, 3)} and MAE is {num(mae_before)}. With one guess off by 10 kg, "
            f"MSE jumps to {num(mse_after, 3)}, {num(mse_after / mse_before, 1)} times bigger, and MAE rises to "
            f"{num(mae_after)}, {num(mae_after / mae_before, 1)} times bigger",
        ],
    )


def test_the_curves_for_one_melon():
    text = page_text(PAGE)
    truth = story.ONE_TRUTH
    both = {float(f([truth], [g])) for f in (losses.mse, losses.mae) for g in (truth - 1, truth + 1)}
    assert len(both) == 1
    assert losses.mse([truth], [truth + 0.5]) < losses.mae([truth], [truth + 0.5])
    assert losses.mse([truth], [truth + 2]) > losses.mae([truth], [truth + 2])
    slopes = sorted({float(losses.mae_grad([truth], [g])[0]) for g in (0.1, 2.9, 3.1, 13.0)})
    at_truth = float(losses.mae_grad([truth], [truth])[0])
    t = torch.tensor([truth], dtype=torch.float64, requires_grad=True)
    torch.nn.functional.l1_loss(t, torch.tensor([truth], dtype=torch.float64)).backward()
    assert t.grad.item() == at_truth  # PyTorch uses the same value at the corner
    assert_all_in(
        text,
        [
            f"a single melon that really weighs {fmt(truth, 0)} kg",
            f"both are {fmt(both.pop(), 0)} when the guess is off by 1 kg",
            f"{fmt(slopes[0], 0)} or {fmt(slopes[1], 0, sign=True)} everywhere except at the right answer",
            f"PyTorch and our code use {fmt(at_truth, 0)} there",
        ],
    )


def test_the_math_corner_slopes():
    text = page_text(PAGE)
    mse_slopes = losses.mse_grad(MELONS, GUESSES)
    mae_slopes = losses.mae_grad(MELONS, GUESSES)
    bad_mse = losses.mse_grad(MELONS, BAD_GUESSES)
    bad_mae = losses.mae_grad(MELONS, BAD_GUESSES)
    errors = np.subtract(BAD_GUESSES, MELONS)
    assert abs(errors[0]) == abs(errors[1]) == 0.5
    assert abs(bad_mae[0]) == abs(bad_mae[1]) == bad_mae[3]
    push = bad_mse[3] / abs(bad_mse[0])
    assert push == bad_mse[3] / abs(bad_mse[1])
    assert_all_in(
        text,
        [
            "each MSE slope is $\\frac{2}{4} \\times$ the error and "
            "each MAE slope is $\\frac{1}{4} \\times$ the error's sign",
            # the table: one row per melon, then the last melon after the bad guess
            *(
                f"| {i} | ${signed(e)}$ | ${num(s)}$ | ${num(a)}$ |"
                for i, (e, s, a) in enumerate(zip(np.subtract(GUESSES, MELONS), mse_slopes, mae_slopes), start=1)
            ),
            f"| 4, after the bad guess | ${signed(errors[3])}$ | ${num(bad_mse[3])}$ | ${num(bad_mae[3])}$ |",
            f"$\\frac{{2}}{{4}} \\times 10 = {num(bad_mse[3], 1)}$",
            f"{number_word(push)} times the push on either melon that is 0.5 kg off",
            f"stays $\\frac{{1}}{{4}} = {num(bad_mae[3])}$, the same size as theirs",
        ],
    )


def test_the_good_and_bad_table():
    text = page_text(PAGE)
    mse_times = losses.mse([0.0], [10.0]) / losses.mse([0.0], [1.0])
    mae_times = losses.mae([0.0], [10.0]) / losses.mae([0.0], [1.0])
    assert_all_in(
        text,
        [
            f"one error of 10 counts as much as {number_word(mse_times)} errors of 1",
            f"an error of 10 counts only {fmt(mae_times, 0)} times an error of 1",
            f"off by {num(losses.mae(MELONS, GUESSES))} kg on average",
            f"one error of 10 adds {fmt(losses.mse([0.0], [10.0]), 0)} to MSE's sum but only "
            f"{fmt(losses.mae([0.0], [10.0]), 0)} to MAE's",
        ],
    )


def test_the_exercises():
    text = page_text(PAGE)
    truths, guesses = [1, 2, 3], [1, 4, 3]
    weights = [2.0, 3.0, 3.0, 4.0, 40.0]
    assert_all_in(
        text,
        [
            "The errors are " + listed(np.subtract(guesses, truths), lambda v: fmt(v, 0)),
            f"MAE $= 2 / 3 \\approx {fmt(losses.mae(truths, guesses), 3)}$",
            f"MSE $= 4 / 3 \\approx {fmt(losses.mse(truths, guesses), 3)}$",
            f"MSE is smallest at {num(np.mean(weights), 1)}, the mean",
            f"MAE is smallest at {num(np.median(weights), 1)}, the median",
        ],
    )


def test_mse_is_minus_the_log_of_a_bell_curve():
    """-log of a normal density is (y - ŷ)²/(2σ²) + log(√(2π) σ): checked with torch.distributions on the melons."""
    y, y_hat = torch.tensor(MELONS, dtype=torch.float64), torch.tensor(GUESSES, dtype=torch.float64)
    for sigma in (0.5, 1.0, 3.0):
        minus_log_p = -torch.distributions.Normal(y_hat, sigma).log_prob(y).numpy()
        by_formula = (y - y_hat).numpy() ** 2 / (2 * sigma**2) + np.log(np.sqrt(2 * np.pi) * sigma)
        assert np.allclose(minus_log_p, by_formula, rtol=1e-12)
        # the sum over the examples is n * MSE / (2σ²) plus a constant that does not depend on the guesses
        n = len(MELONS)
        constant = n * np.log(np.sqrt(2 * np.pi) * sigma)
        assert np.isclose(minus_log_p.sum(), n * losses.mse(MELONS, GUESSES) / (2 * sigma**2) + constant, rtol=1e-12)
    # so the single guess c with the largest likelihood is the one with the smallest MSE: the mean
    grid = np.linspace(0.0, 5.0, 5001)
    nll = [-torch.distributions.Normal(c, 1.0).log_prob(y).sum().item() for c in grid]
    squared = [losses.mse(MELONS, [c] * len(MELONS)) for c in grid]
    assert np.argmin(nll) == np.argmin(squared) and np.isclose(grid[np.argmin(nll)], np.mean(MELONS))
    assert_all_in(
        page_text(PAGE),
        [
            r"-\log p(y \mid \hat{y}) = \frac{(y - \hat{y})^2}{2\sigma^2} "
            r"+ \log\left(\sqrt{2\pi}\,\sigma\right)",
            "$p(y \\mid \\hat{y}) = e^{-(y - \\hat{y})^2 / (2\\sigma^2)} / (\\sqrt{2\\pi}\\,\\sigma)$",
        ],
    )


def signed(e):
    """An error as the tables write it: with its sign, trailing zeros dropped, and plain 0."""
    return tex(e, 1, sign=True, trim=True) if e else "0"


def test_the_slopes_match_pytorch():
    """The math corner's slopes (its table) are what torch autograd gives, before and after the bad guess."""
    for guesses in (GUESSES, BAD_GUESSES):
        for ours, torch_loss in (
            (losses.mse_grad, torch.nn.functional.mse_loss),
            (losses.mae_grad, torch.nn.functional.l1_loss),
        ):
            guess = torch.tensor(guesses, dtype=torch.float64, requires_grad=True)
            torch_loss(guess, torch.tensor(MELONS, dtype=torch.float64)).backward()
            assert np.allclose(ours(MELONS, guesses), guess.grad.numpy(), rtol=1e-12)


def test_the_steps_table():
    """The table in step 4: each melon's error, its absolute value and its square, and their averages."""
    text = page_text(PAGE)
    errors = np.subtract(GUESSES, MELONS)
    rows = [
        f"| {i} | {fmt(y, 1)} | {fmt(g, 1)} | ${signed(e)}$ | {num(abs(e))} | {num(e * e)} |"
        for i, (y, g, e) in enumerate(zip(MELONS, GUESSES, errors), start=1)
    ]
    # the averages by hand (plain sums), and MAE and MSE from site_src and from PyTorch
    mae, mse = sum(abs(e) for e in errors) / len(errors), sum(e * e for e in errors) / len(errors)
    truth, guess = torch.tensor(MELONS, dtype=torch.float64), torch.tensor(GUESSES, dtype=torch.float64)
    assert mae == losses.mae(MELONS, GUESSES) == torch.nn.functional.l1_loss(guess, truth).item()
    assert mse == losses.mse(MELONS, GUESSES) == torch.nn.functional.mse_loss(guess, truth).item()
    rows.append(f"| average | | | {num(errors.mean())} | {num(mae)} (MAE) | {num(mse, 3)} (MSE) |")
    assert_all_in(text, rows)


def test_the_bad_guess_table():
    """The code section's table: each loss before and after the bad guess, and the slope on the bad melon."""
    text = page_text(PAGE)
    rows = []
    for name, loss, slope, torch_loss in (
        ("MSE", losses.mse, losses.mse_grad, torch.nn.functional.mse_loss),
        ("MAE", losses.mae, losses.mae_grad, torch.nn.functional.l1_loss),
    ):
        before, after = loss(MELONS, GUESSES), loss(MELONS, BAD_GUESSES)
        truth = torch.tensor(MELONS, dtype=torch.float64)
        assert after == torch_loss(torch.tensor(BAD_GUESSES, dtype=torch.float64), truth).item()
        bad_slope = slope(MELONS, BAD_GUESSES)[3]
        rows.append(f"| {name} | {num(before, 3)} | {num(after, 3)} | {num(after / before, 1)} | {num(bad_slope)} |")
    assert_all_in(text, rows)
