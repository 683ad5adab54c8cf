"""Making it better (a notebook): what it prints and what its Markdown cells say is what site_src computes."""

import re

import jupytext
import numpy as np
import pytest

from scripts.hooks import notebooks as hook
from site_src.projects import improve as im
from tests.notebook_helpers import DOCS, executed_project, outputs_text

SOURCE = DOCS / "projects" / "making-it-better.py"
NOTEBOOK = jupytext.read(SOURCE)
TEXT = " ".join(" ".join(c.source for c in NOTEBOOK.cells if c.cell_type == "markdown").split())

NAMES = {
    "baseline": "baseline",
    "deeper": "deeper",
    "dropout": "dropout",
    "l2": "L2 (Adam)",
    "adamw": "AdamW",
    "batchnorm": "batch norm",
    "early_stopping": "early stopping",
}


@pytest.fixture(scope="module")
def executed():
    nb, _ = executed_project("making-it-better")
    return nb


@pytest.fixture(scope="module")
def printed(executed):
    return " ".join(outputs_text(executed).split())


def pc(x):
    return f"{100 * x:.1f}"


def assert_all_in(expected, text=TEXT, where="the Markdown cells"):
    missing = [" ".join(e.split()) for e in expected if " ".join(e.split()) not in text]
    assert not missing, f"not found in {where}: {missing}"


@pytest.mark.parametrize("dataset, title", [("noisy-digits", "NOISY DIGITS"), ("digits", "PLAIN DIGITS")])
def test_the_printed_tables_are_the_study(printed, dataset, title):
    table = printed[printed.index(title) :]
    for change, r in im.study(dataset).items():
        versus = "—" if change == "baseline" else f"{100 * r['change_mean']:+.1f} ± {pc(r['change_std'])}"
        # recomputed here from the seeds' accuracies, not read from the row
        test = np.array(r["test"])
        line = (
            f"{NAMES[change]} {100 * test.mean():.1f} ± {100 * test.std(ddof=1):.1f} {pc(r['gap_mean'])} "
            f"{versus} {r['epochs_mean']:.1f} {r['verdict']}"
        )
        assert line in table[:1200], f"{dataset}: {line!r} is not in the printed table"


def test_the_printed_settings(printed):
    from sklearn.datasets import load_digits

    digits = load_digits()
    n = len(digits.target)
    counts = np.bincount(digits.target)
    n_test = sum(round(0.4 * c) for c in counts)  # stratified: each digit dealt on its own
    n_train = n - 2 * n_test
    assert_all_in(
        [
            f"the 8×8 digits: {n} pictures of {digits.data.shape[1]} pixels, scaled to [0, 1]; 10 digits",
            f"training {n_train}, validation {n_test}, test {n_test} pictures (training: about one in 5)",
            "Sequential([Dense(n_in=64, n_out=32), Activation('relu'), Dense(n_in=32, n_out=10)])",
            "Adam, learning rate 0.01, batches of 32, 40 epochs",
            "Dropout(p=0.3)",
            "the 6 changes, one at a time:",
            "Adam(weight_decay=0.001)",
            "AdamW(weight_decay=0.1)",
            "BatchNorm(32, eps=1e-05, momentum=0.1)",
            "patience 5 epochs",
            "seeds: [0, 1, 2, 3, 4]",
            f"7 settings × 5 seeds = 35 runs per data set, {7 * 5 * 2} in all",
        ],
        printed,
        "the printed output",
    )
    assert (len(im.CHANGES), len(im.SEEDS), len(im.DATASETS)) == (7, 5, 2)
    assert round(n / n_train) == 5  # "about one picture in five to learn from"


def test_the_baseline_gap_picture_and_its_numbers(executed, printed):
    for dataset in im.DATASETS:
        r = im.study(dataset)["baseline"]
        assert r["train_mean"] == 1.0  # "learns its training pictures perfectly"
        assert (
            f"{dataset} training accuracy 100.0 %, test accuracy {pc(r['test_mean'])} %, gap {pc(r['gap_mean'])} points"
            in printed
        )
        assert r["gap_mean"] == pytest.approx(r["train_mean"] - r["test_mean"])
    noisy, plain = im.study("noisy-digits")["baseline"], im.study("digits")["baseline"]
    assert noisy["gap_mean"] > 5 * plain["gap_mean"]  # "far more often when the pictures are noisy"
    alt = next(a for a in hook.image_alts(executed).values() if a.startswith("Bars: the baseline"))
    assert (
        f"mean of five seeds, gets {plain['train_mean']:.1%} of its training pictures right and "
        f"{plain['test_mean']:.1%} of new plain digits; {noisy['train_mean']:.1%} against {noisy['test_mean']:.1%} "
        f"of noisy ones, a gap of {pc(noisy['gap_mean'])} points" in alt
    )
    assert len(im.SEEDS) == 5 and plain["train_mean"] == noisy["train_mean"] == 1.0


def test_the_seeds_picture_alt_text(executed):
    rows = im.study("noisy-digits")
    base = rows["baseline"]["test"]
    alt = next(a for a in hook.image_alts(executed).values() if a.startswith("Test accuracy on the noisy digits"))
    inside = [c for c in im.CHANGES if min(base) <= rows[c]["test_mean"] <= max(base)]
    assert f"for each of the {len(im.CHANGES)} settings" in alt
    assert f"{len(inside)} of the {len(im.CHANGES)} bars sit within the baseline's cloud of dots" in alt
    assert len(inside) > len(im.CHANGES) / 2
    # batch normalization clearly lower; early stopping a little higher, its dots closest together
    assert rows["batchnorm"]["test_mean"] < min(base)
    assert rows["early_stopping"]["test_mean"] > rows["baseline"]["test_mean"]
    assert min(rows, key=lambda c: rows[c]["test_std"]) == "early_stopping"


def test_the_conclusions_quote_the_table(printed):
    noisy, plain = im.study("noisy-digits"), im.study("digits")
    es, base, bn, l2 = noisy["early_stopping"], noisy["baseline"], noisy["batchnorm"], plain["l2"]
    # early stopping: the best mean on the noisy digits and the lowest gap, but within its spread
    assert max(noisy, key=lambda c: noisy[c]["test_mean"]) == "early_stopping"
    assert min(noisy, key=lambda c: noisy[c]["gap_mean"]) == "early_stopping"
    assert es["verdict"] == "no clear change" and plain["early_stopping"]["verdict"] == "hurt"
    assert_all_in(
        [
            f"(from {pc(base['gap_mean'])} to {pc(es['gap_mean'])} points), after only {es['epochs_mean']:.1f} epochs",
            f"its gain (+{pc(es['change_mean'])}) is smaller than its spread ({pc(es['change_std'])})",
            f"(+{pc(l2['change_mean'])}, spread {pc(l2['change_std'])})",
            f"(−{pc(-bn['change_mean'])}, spread {pc(bn['change_std'])})",
        ]
    )
    assert l2["verdict"] == "helped" and bn["verdict"] == "hurt"
    assert [c for c in plain if plain[c]["verdict"] == "helped"] == ["l2"]
    assert [c for c in noisy if noisy[c]["verdict"] == "helped"] == []
    for change in ("deeper", "dropout", "adamw"):
        assert noisy[change]["verdict"] == plain[change]["verdict"] == "no clear change"
    # "already gets every one of its training pictures right": in every baseline run, not only on average
    runs = [im.run("baseline", "noisy-digits", seed) for seed in im.SEEDS]
    assert all(r["train"] == 1.0 for r in runs) and "already gets every one of its training pictures right" in TEXT
    # the exercise's answer, printed by its cell
    shrink = 100 * (base["gap_mean"] - es["gap_mean"])
    assert (
        f"early stopping: a gap of {pc(es['gap_mean'])} points against the baseline's {pc(base['gap_mean'])}, "
        f"{shrink:.1f} points less" in printed
    )


def test_batchnorm_demo_and_pytorch_defaults(printed):
    import torch

    bn = torch.nn.BatchNorm1d(3)
    assert bn.eps == 1e-5 and bn.momentum == 0.1
    assert_all_in(["($10^{-5}$, PyTorch's `eps`)", "PyTorch's `momentum`, printed below"])
    assert "BatchNorm(64, eps=1e-05, momentum=0.1)" in printed
    assert "training mode: the same picture, the same answer in both batches? False" in printed
    assert "eval mode: the same picture, the same answer in both batches? True" in printed
    assert "ours equals PyTorch's: training mode True | running statistics True | eval mode True" in printed


def test_pytorch_twins_have_as_many_numbers_to_learn(printed):
    dense = lambda n_in, n_out: n_in * n_out + n_out  # noqa: E731 - weights and biases
    base = dense(64, 32) + dense(32, 10)
    expected = {"deeper": base + dense(32, 32), "batchnorm": base + 2 * 32}  # γ and β per neuron
    for change in im.CHANGES:
        n = expected.get(change, base)
        assert re.search(rf"{re.escape(NAMES[change])} +numbers to learn: ours {n}, PyTorch {n}", printed), change


def test_links_point_at_built_pages():
    # notebook cells are not rewritten by mkdocs: links are the built site's URLs, from projects/making-it-better/
    links = re.findall(r"\]\(([^)]+)\)", TEXT)
    assert links and all(link.startswith("../") and ".md" not in link for link in links), links
    for link in links:
        page = link.split("#")[0].removeprefix("../../").removeprefix("../").strip("/")
        target = DOCS / f"{page}.md" if (DOCS / f"{page}.md").exists() else DOCS / "projects" / f"{page}.py"
        assert target.exists(), link
