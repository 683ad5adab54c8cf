"""The whole-CNN chapter (docs/cnn/whole-cnn.md): every number its prose states, computed with site_src.

The trained network is trained once per test session (``digits_cnn.trained`` remembers it),
with the full settings the page describes (15 epochs); the PyTorch twin trains twice here
(from the NumPy start and from its own), one thread each.
"""

import numpy as np
import pytest
import torch

from site_src.projects import digits_cnn as cnn
from site_src.pytorch import digits_cnn as twin
from tests.pages import DOCS, prose

PAGE = DOCS / "cnn" / "whole-cnn.md"


@pytest.fixture(scope="module")
def page():
    return " ".join(prose(PAGE.read_text()).split())


@pytest.fixture(scope="module")
def torch_one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def assert_all_in(text, expected):
    missing = [e for e in expected if " ".join(e.split()) not in text]
    assert not missing, f"not found in the page: {missing}"


def test_figures_are_embedded():
    raw = PAGE.read_text()
    assert "](../figures/cnn-shapes.svg)" in raw and "](../figures/cnn-filters-maps.svg)" in raw


def test_data_and_shapes(page):
    split = cnn.load_split()
    total = len(split.y_train) + len(split.y_test)
    conv1 = (8 + 2 - 3) // 1 + 1
    pool1 = (conv1 - 2) // 2 + 1
    conv2 = (pool1 + 2 - 3) // 1 + 1
    pool2 = (conv2 - 2) // 2 + 1
    flat = 16 * pool2 * pool2
    counts = {"conv1": 8 * 9 + 8, "conv2": 16 * 8 * 9 + 16, "dense": flat * 10 + 10}
    assert cnn.n_params(cnn.build_network()) == sum(counts.values())
    assert_all_in(
        page,
        [
            f"{total:,} pictures",
            f"keeps {len(split.y_test)} of them aside",
            f"from the other {len(split.y_train):,}",
            f"*Convolution 1 + ReLU*, 8×{conv1}×{conv1}",
            f"8 × 9 weights and 8 biases: {counts['conv1']} numbers",
            f"*Max pooling 2 by 2*, 8×{pool1}×{pool1}",
            f"*Convolution 2 + ReLU*, 16×{conv2}×{conv2}",
            f"16 × {8 * 9} weights and 16 biases: {counts['conv2']} numbers",
            f"16×{pool2}×{pool2}",
            f"one row of {flat} numbers",
            f"{flat} × 10 weights and 10 biases: {counts['dense']} numbers",
            f"The whole network learns {sum(counts.values())} numbers",
            f"$\\lfloor (8 + 2 - 3)/1 \\rfloor + 1 = {conv1}$",
            f"$\\lfloor (8 - 2)/2 \\rfloor + 1 = {pool1}$",
            f"$\\lfloor (4 + 2 - 3)/1 \\rfloor + 1 = {conv2}$",
            f"$\\lfloor (4 - 2)/2 \\rfloor + 1 = {pool2}$",
            f"$16 \\times 2 \\times 2 = {flat}$",
            f"a dense layer from 8×4×4 to 16×4×4 numbers would need {(8 * 16) * (16 * 16):,} weights",
        ],
    )


def test_training_settings(page):
    assert_all_in(page, [f"For {cnn.EPOCHS} rounds", f"batches of {cnn.BATCH_SIZE}", f"learning rate {cnn.LR:g}"])


def test_trained_results(page):
    _, losses = cnn.trained()
    found = cnn.results()
    assert found["accuracy"] >= 0.97
    C = found["confusion"]
    assert_all_in(
        page,
        [
            f"falls from {losses[0]:.4f} in the first epoch to {losses[-1]:.4f} in the last",
            f"On the {found['total']} test pictures it gets {found['right']} right: "
            f"a test accuracy of {found['accuracy']:.4f}",
            f"The {found['total'] - found['right']} mistakes",
            f"{found['right']} of {found['total']} test digits right ({found['accuracy']:.4f})",
        ],
    )
    for digit in range(10):
        row = f"| **{digit}** | " + " | ".join(str(v) for v in C[digit]) + " |"
        assert row in page, row
    wrong = C - np.diag(np.diag(C))
    assert wrong[6].sum() == 3 and wrong[8].sum() == 3
    assert "three 6s and three 8s account for six of them" in page


def test_pytorch_accuracies(page, torch_one_thread):
    split = cnn.load_split()
    same, _ = twin.train(start=cnn.build_network())
    own, _ = twin.train()
    same_right = round(twin.accuracy(same, split.X_test, split.y_test) * len(split.y_test))
    own_acc = twin.accuracy(own, split.X_test, split.y_test)
    own_right = round(own_acc * len(split.y_test))
    assert same_right == cnn.results()["right"]
    assert_all_in(
        page,
        [
            f"the same {same_right} right",
            f"it gets {own_right} right ({own_acc:.4f})",
            f"({own_right} instead of {same_right} here)",
        ],
    )


def test_shown_picture_is_a_six(page):
    assert cnn.load_split().y_test[cnn.SHOWN_INDEX] == 6
    assert "one test picture, a 6" in page


def test_exercise_answers(page):
    assert_all_in(
        page,
        [
            f"32 × 73 = {32 * 73}",
            f"32 × 4 = {32 * 4} inputs",
            f"$8 - 3 + 1 = {8 - 3 + 1}$, so 8×6×6",
            "Pooling: 8×3×3",
            f"$3 - 3 + 1 = {3 - 3 + 1}$",
        ],
    )


def test_the_shape_table(page):
    """The code section's table: the shape after every layer, as a forward pass gives it, and the weight count."""
    network = cnn.build_network()
    x = np.zeros((1, 1, 8, 8))
    rows = ["| input | 1×8×8 |"]
    for layer in network.layers:
        x = layer.forward(x)
        name = type(layer).__name__ + (f" ({layer.name.replace('relu', 'ReLU')})" if hasattr(layer, "f") else "")
        rows.append(f"| {name} | {'×'.join(str(n) for n in x.shape[1:])} |")
    assert [name for name, _ in cnn.shapes(network, np.zeros((1, 1, 8, 8)))] == [
        r.split(" | ")[0][2:].removesuffix(" (ReLU)") for r in rows
    ]
    assert_all_in(page, ["| stage | shape | |---|---| " + " ".join(rows)])
    n = sum(p.size for p in network.params())
    assert_all_in(page, [f"the network has {n} numbers to learn in all"])
