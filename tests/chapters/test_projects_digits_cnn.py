"""A CNN that reads handwritten digits (docs/projects/digits-cnn.py): what the notebook says is what the code computes.

The notebook is executed once per test run (``tests.notebook_helpers.executed_project``, shared
with tests/test_notebooks.py); its printed results are checked against a fresh run of the
chosen settings and against facts computed here from scikit-learn's digits.
"""

import re

import numpy as np
import pytest
import torch
from sklearn.datasets import load_digits

from site_src.projects import digits_cnn as cnn
from site_src.pytorch import digits_cnn as twin
from tests.notebook_helpers import DOCS, executed_project, outputs_text

pytestmark = pytest.mark.usefixtures("one_torch_thread")

CHOSEN = "twice as long, cosine, bigger steps"  # the candidate the module test trains and pins at >= 0.98


@pytest.fixture(scope="module")
def notebook():
    nb, seconds = executed_project("digits-cnn")
    print(f"digits-cnn notebook executed in {seconds:.1f} s")
    return nb


@pytest.fixture(scope="module")
def printed(notebook):
    return outputs_text(notebook)


@pytest.fixture(scope="module")
def text(notebook):
    """The notebook's Markdown, whitespace collapsed."""
    return " ".join(" ".join(c.source for c in notebook.cells if c.cell_type == "markdown").split())


@pytest.fixture(scope="module")
def final():
    """The chosen settings trained again here: (accuracy, network, predictions on the test pictures)."""
    accuracy, network, _ = twin.final_run(cnn.CANDIDATES[CHOSEN])
    with torch.no_grad():
        predicted = network(torch.from_numpy(cnn.load_split().X_test)).argmax(dim=1).numpy()
    return accuracy, network, predicted


def percent(value):
    return float(value.rstrip("%")) / 100


def test_a_picture_in_the_first_screen(notebook):
    first_code = next(c for c in notebook.cells if c.cell_type == "code")
    assert any(o.output_type == "display_data" and "image/png" in o.data for o in first_code.outputs)
    assert notebook.cells[0].cell_type == "markdown" and len(notebook.cells[0].source.split()) < 90


def test_the_validation_table_chose_the_pinned_settings_and_shifting_did_not_help(printed):
    scores = {}
    for name in cnn.CANDIDATES:
        found = re.search(re.escape(name) + r"\s+(\d+)\s+([\d.]+)\s+([\d.]+%)", printed)
        assert found, f"no validation row for {name!r}"
        assert int(found[1]) == cnn.CANDIDATES[name]["epochs"] and float(found[2]) == cnn.CANDIDATES[name]["lr"]
        scores[name] = percent(found[3])
    assert f"chosen: {CHOSEN}" in printed and cnn.choose(scores) == CHOSEN
    # "Moving the pictures did not help here"
    moved = "same, pictures moved by 1 pixel"
    assert cnn.CANDIDATES[moved] == {**cnn.CANDIDATES[CHOSEN], "shift": 1}
    assert scores[moved] < scores[CHOSEN]
    # "one validation picture is worth ..."
    n_validation = round(cnn.VALIDATION_FRACTION * round((1 - cnn.TEST_FRACTION) * 1797))
    assert f"one validation picture is worth {1 / n_validation:.2%}" in printed


def test_the_test_accuracy_confusion_matrix_and_mistakes(printed, final):
    accuracy, _, predicted = final
    y_test = cnn.load_split().y_test
    right = int(np.sum(predicted == y_test))
    assert accuracy >= 0.98
    assert f"PyTorch test accuracy: {accuracy:.1%} ({right} of {len(y_test)} test pictures read right)" in printed
    assert f"row sums: {np.bincount(y_test, minlength=10).tolist()}" in printed  # each digit's test pictures
    assert f"mistakes: {len(y_test) - right}" in printed
    mix_ups = re.findall(r"^a (\d) read as (\d)$", printed, flags=re.MULTILINE)
    expected = [(str(t), str(p)) for t, p in zip(y_test, predicted) if t != p]
    assert mix_ups == expected and len(mix_ups) == len(y_test) - right


def test_numpy_and_pytorch_agree_and_numpy_trained_fewer_epochs(printed, text):
    losses = re.findall(r"epoch \d+: training loss NumPy ([\d.]+), PyTorch ([\d.]+)", printed)
    assert losses and all(a == b for a, b in losses)
    gap = float(re.search(r"largest difference in any weight after (\d+) epochs: (\S+)", printed)[2])
    assert gap < 1e-12  # "agree to the last few digits a computer keeps"
    epochs = int(re.search(r"NumPy network after only (\d+) epochs", printed)[1])
    assert epochs == len(losses) < cnn.CANDIDATES[CHOSEN]["epochs"]


def test_seeds_summary(printed):
    runs = {int(s): percent(a) for s, a in re.findall(r"^seed (\d+): test accuracy ([\d.]+%)", printed, re.MULTILINE)}
    assert sorted(runs) == sorted(cnn.SEEDS)
    summary = re.search(r"over (\d+) seeds: mean ([\d.]+%), standard deviation ([\d.]+%), lowest ([\d.]+%)", printed)
    values = np.array(list(runs.values()))
    assert int(summary[1]) == len(cnn.SEEDS)
    # the printed mean and spread are those of the printed runs (each rounded to 0.1%)
    assert abs(percent(summary[2]) - values.mean()) <= 0.001 and abs(percent(summary[3]) - values.std()) <= 0.001
    assert percent(summary[4]) == values.min()
    # "the spread is a couple of test pictures either way"
    n_test = round(cnn.TEST_FRACTION * 1797)
    spread = float(re.search(r"the standard deviation is ([\d.]+) test pictures", printed)[1])
    assert spread == pytest.approx(values.std() * n_test, abs=0.3) and 1 <= spread <= 3


def test_facts_in_the_prose(text, final):
    X, y = load_digits(return_X_y=True)
    pictures = X.reshape(-1, 8, 8)
    assert "one picture in five becomes the test set" in text and cnn.TEST_FRACTION == 0.2
    assert "one *training* picture in five" in text and cnn.VALIDATION_FRACTION == 0.2
    # "about the same number of pictures", "right only about one time in ten"
    counts = np.bincount(y)
    assert len(counts) == cnn.CLASSES == 10 and counts.max() / counts.min() < 1.06
    # "every digit reaches both the top and the bottom row of its square"
    assert "every digit reaches both the top and the bottom row" in text
    assert np.all((pictures[:, 0].max(axis=1) > 0) & (pictures[:, -1].max(axis=1) > 0))
    # "in 64 grey squares, a sloppy digit can really look like another one"
    assert "in 64 grey squares" in text and pictures.shape[1:] == (cnn.SIDE, cnn.SIDE) == (8, 8)
    # "eight little stencils of three by three weights"
    _, network, _ = final
    filters = network[0].weight[:, 0].detach().numpy()
    assert "eight little stencils of three by three weights" in text and filters.shape == (8, 3, 3)
    # "Several filters are positive on one side and negative on the other"
    rows, columns = filters.sum(axis=2), filters.sum(axis=1)

    def split_sign(sums):  # first and last row (or column) of opposite signs
        return sums[:, 0] * sums[:, -1] < 0

    assert np.sum(split_sign(rows) | split_sign(columns)) >= 3


def test_links_go_to_pages_that_exist(text):
    links = re.findall(r"\]\((\.\./[^)#]*)\)", text)
    assert links
    for link in links:
        page = (DOCS / "projects" / "digits-cnn" / link).resolve()  # the page's address is projects/digits-cnn/
        sources = [page.parent / (page.name + suffix) for suffix in (".md", ".py")]  # a chapter or a notebook
        assert any(source.exists() for source in sources), link
