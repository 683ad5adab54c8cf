"""The perceptron (docs/first-steps/perceptron.md): the fruit robot's numbers come from site_src."""

import numpy as np

from site_src.datasets import fruit, logic_gate
from site_src.examples import perceptron as story
from site_src.neurons import Perceptron
from tests.chapters.facts import assert_all_in, code_calls, number_word, page_text, tex

PAGE = "first-steps/perceptron"


def test_the_first_fruit_after_one_epoch():
    text = page_text(PAGE)
    X, y, _ = fruit()
    robot = Perceptron(2).fit(X, y, epochs=1, lr=story.LR)
    w, b = robot.weights, robot.bias
    x = X[0]
    total = robot.total(x[np.newaxis])[0]
    assert total < 0 and int(y[0]) == 1  # an apple, and the robot says NO
    assert robot.learn_one(x, 1, lr=story.LR) == 1
    new_w, new_b = robot.weights, robot.bias
    assert_all_in(
        text,
        [
            f"$w_1 = {tex(w[0], 2, trim=True)}$, $w_2 = {tex(w[1], 2, trim=True)}$ and bias $b = {tex(b, 2, trim=True)}$",
            f"$w_1 \\leftarrow {tex(w[0], 2, trim=True)} + {tex(story.LR, 1)} \\times 1 \\times {tex(x[0], 1)} "
            f"= {tex(new_w[0], 2)}$",
            f"$w_2 \\leftarrow {tex(w[1], 2, trim=True)} + {tex(story.LR, 1)} \\times 1 \\times {tex(x[1], 1)} "
            f"= {tex(new_w[1], 2)}$",
            f"$b \\leftarrow {tex(b, 1)} + {tex(story.LR, 1)} \\times 1 = {tex(new_b, 2, trim=True)}$",
            f"{tex(w[0] * x[0], 3)} + {tex(w[1] * x[1], 3, trim=True)} + ({tex(b, 1)}) = {tex(total, 3)}$",
            f"= {tex(robot.total(x[np.newaxis])[0], 3)}$",
        ],
    )


def test_three_epochs_and_the_mistakes_after_each():
    text = page_text(PAGE)
    X, y, _ = fruit()
    wrong = [int((Perceptron(2).predict(X) != y).sum())]  # every weight 0: YES for every fruit
    for epochs in range(1, story.EPOCHS + 1):
        robot = Perceptron(2).fit(X, y, epochs=epochs, lr=story.LR)
        wrong.append(int((robot.predict(X) != y).sum()))
    assert wrong == story.mistakes_per_snapshot() and wrong[-1] == 0 and wrong[-2] > 0
    assert wrong[2] > wrong[1]  # learning is not always steady
    apples = int(y.sum())
    assert_all_in(
        text,
        [
            f"needs {number_word(story.EPOCHS)} epochs to sort all {number_word(len(y))} fruits correctly",
            f"after epoch 2 the line gets *more* fruits wrong ({wrong[2]}) than after epoch 1 ({wrong[1]})",
            # the figure's alt text
            f"the {wrong[0]} fruits that are not apples are circled as wrong",
            f"After epoch 1 a vertical line leaves {wrong[1]} apples on the wrong side",
            f"After epoch 2 the line has tipped the other way and {wrong[2]} fruits are wrong",
            f"After epoch {story.EPOCHS} the line separates the {apples} apples from the {len(y) - apples} other fruits",
        ],
    )


def test_and_gate_example():
    text = page_text(PAGE)
    X, y = logic_gate("and")
    gate = Perceptron(2, weights=[1.0, 1.0], bias=-1.5)
    t = gate.total(X)
    assert gate.predict(X).tolist() == y.tolist()
    assert np.allclose(t, X @ [1.0, 1.0] - 1.5)  # by hand: x1 + x2 - 1.5
    # the table | x1 | x2 | total | answer |, one row per input, in the order logic_gate gives them
    rows = [
        f"| {int(x1)} | {int(x2)} | ${tex(total, 1)}$ | {int(answer)} |"
        for (x1, x2), total, answer in zip(X, t, gate.predict(X))
    ]
    assert "total $z = x_1 + x_2 - 1.5$" in text
    assert " ".join(rows) in text, rows


def test_code_blocks_type_the_story_settings():
    """The page's code types ``epochs=3, lr=0.1`` to stay readable; they must equal the story's."""
    fits = [kwargs for _, kwargs in code_calls(PAGE, "fit")]
    story_fits = [k for k in fits if k.get("epochs") == story.EPOCHS]
    assert story_fits, f"no fit(..., epochs={story.EPOCHS}) in the page's code: {fits}"
    assert all(k["lr"] == story.LR for k in fits), fits


def test_code_table_numpy_beside_pytorch():
    """The table in "The code": weights and bias after the story's epochs, from NumPy, from the
    PyTorch twin, and from the perceptron rule written out here by hand."""
    import torch

    from site_src.pytorch.neurons import Perceptron as TorchPerceptron

    text = page_text(PAGE)
    X, y, _ = fruit()
    w, b = [0.0, 0.0], 0.0  # the rule, by hand: start at zero, nudge after every mistake
    for _ in range(story.EPOCHS):
        for (x1, x2), target in zip(X, y):
            error = target - (1 if w[0] * x1 + w[1] * x2 + b >= 0 else 0)
            w = [w[0] + story.LR * error * x1, w[1] + story.LR * error * x2]
            b += story.LR * error
    robot = Perceptron(2).fit(X, y, epochs=story.EPOCHS, lr=story.LR)
    twin = TorchPerceptron(2).fit(torch.tensor(X), torch.tensor(y), epochs=story.EPOCHS, lr=story.LR)
    assert np.allclose(robot.weights, w) and np.isclose(robot.bias, b)
    assert np.allclose(twin.weights.numpy(), w) and np.isclose(twin.bias.item(), b)

    def cells(ws, bias):
        return f"${tex(ws[0], 2, trim=True)}$ | ${tex(ws[1], 2, trim=True)}$ | ${tex(bias, 2, trim=True)}$"

    assert f"| after {story.EPOCHS} epochs | $w_1$ | $w_2$ | $b$ |" in text
    assert f"| NumPy | {cells(robot.weights, robot.bias)} |" in text
    assert f"| PyTorch | {cells(twin.weights.numpy(), twin.bias.item())} |" in text
