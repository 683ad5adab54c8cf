"""Making it better: every number on the page is what site_src.projects.improve computes."""

import numpy as np
import pytest

from site_src.projects import improve as im
from tests.pages import DOCS, prose

PAGE = DOCS / "projects" / "making-it-better.md"
TEXT = " ".join(prose(PAGE.read_text()).split())

NAMES = {
    "baseline": "baseline",
    "deeper": "deeper (2 hidden layers)",
    "dropout": "dropout p = 0.3",
    "l2": f"L2: Adam, weight decay {im.WEIGHT_DECAY_L2:g}",
    "adamw": f"AdamW, weight decay {im.WEIGHT_DECAY_ADAMW:g}",
    "batchnorm": "batch normalization",
    "early_stopping": "early stopping",
}


def pc(x):
    return f"{100 * x:.1f}"


def assert_all_in(expected):
    missing = [" ".join(e.split()) for e in expected if " ".join(e.split()) not in TEXT]
    assert not missing, f"not found in {PAGE.name}: {missing}"


def row(change, r):
    change_col = "—" if change == "baseline" else f"{100 * r['change_mean']:+.1f} ± {pc(r['change_std'])}"
    return (
        f"| {NAMES[change]} | {pc(r['test_mean'])} ± {pc(r['test_std'])} | {pc(r['gap_mean'])} | "
        f"{change_col} | {r['epochs_mean']:.1f} | {r['verdict']} |"
    )


@pytest.mark.parametrize("dataset, title", [("noisy-digits", "**Noisy digits"), ("digits", "**Plain digits")])
def test_ablation_tables_are_what_the_code_computes(dataset, title):
    rows = im.study(dataset)
    table = TEXT[TEXT.index(title) :]
    expected = [row(change, r) for change, r in rows.items()]
    missing = [line for line in expected if line not in table[:2000]]
    assert not missing, f"{dataset} table rows differ from site_src.projects.improve.study: {missing}"


def test_settings_in_the_steps():
    s = im.load_split("noisy-digits")
    assert_all_in(
        [
            f"only one picture in five to learn from ({len(s.y_train)} pictures)",
            f"spread {im.NOISE:g} to every pixel",
            f"training part ({len(s.y_train)}), a **validation set** ({len(s.y_val)}",
            f"**test set** ({len(s.y_test)})",
            f"`Dense({im.PIXELS}, {im.HIDDEN}) → ReLU → Dense({im.HIDDEN}, {im.CLASSES})`",
            f"step size {im.LR:g}, batches of {im.BATCH_SIZE}, {im.EPOCHS} epochs",
            f"second hidden layer of {im.HIDDEN} ReLU",
            f"$p = {im.DROPOUT_P:g}$",
            f"`Adam(weight_decay={im.WEIGHT_DECAY_L2:g})`",
            f"`AdamW(weight_decay={im.WEIGHT_DECAY_ADAMW:g})`",
            f"`BatchNorm({im.HIDDEN})`",
            f"stop once {im.PATIENCE} epochs in a row",
            f"Repeat with {len(im.SEEDS)} seeds* ({im.SEEDS[0]} to {im.SEEDS[-1]})",
            f"{len(im.CHANGES) * len(im.SEEDS) * len(im.DATASETS)} training runs",
            f"{len(im.CHANGES)} changes × {len(im.SEEDS)} seeds = {len(im.CHANGES) * len(im.SEEDS)} runs",
            f"different $\\lambda$ values ({im.WEIGHT_DECAY_L2:g} and {im.WEIGHT_DECAY_ADAMW:g} here)",
        ]
    )
    assert len(s.y_train) / (len(s.y_train) + len(s.y_val) + len(s.y_test)) == pytest.approx(1 / 5, abs=0.001)


def test_the_conclusions_quote_the_table():
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
            f"its gap is {pc(es['gap_mean'])} points against the baseline's {pc(base['gap_mean'])}, "
            f"{pc(base['gap_mean'] - es['gap_mean'])} points less",
        ]
    )
    assert l2["verdict"] == "helped" and bn["verdict"] == "hurt"
    assert [c for c in plain if plain[c]["verdict"] == "helped"] == ["l2"]
    assert [c for c in noisy if noisy[c]["verdict"] == "helped"] == []
    for change in ("deeper", "dropout", "adamw"):
        assert noisy[change]["verdict"] == plain[change]["verdict"] == "no clear change"
    # "the training accuracy was already 100 %": the gap is 1 - test accuracy in every baseline run
    runs = [im.run("baseline", "noisy-digits", seed) for seed in im.SEEDS]
    assert all(r["train"] == 1.0 for r in runs) and "already gets 100 % of its training pictures right" in TEXT


def test_batchnorm_constants_are_pytorch_defaults():
    import torch

    bn = torch.nn.BatchNorm1d(3)
    assert bn.eps == 1e-5 and bn.momentum == 0.1
    assert_all_in(["($10^{-5}$)", "one tenth of the way (PyTorch's `momentum=0.1`)"])
    assert np.isclose(im.build_network("batchnorm").layers[1].momentum, 0.1)


def test_the_figure_alt_text():
    rows = im.study("noisy-digits")
    base = rows["baseline"]["test"]
    alt = TEXT[TEXT.index("![Test accuracy on the noisy digits") :].split("](")[0]
    assert f"each of the {['', '', '', '', '', '', '', 'seven'][len(im.CHANGES)]} settings" in alt
    assert f"{['', '', '', '', '', 'five'][len(im.SEEDS)]} dots per setting" in alt
    # "most bars sit within the baseline's cloud of dots"
    inside = [c for c in im.CHANGES if min(base) <= rows[c]["test_mean"] <= max(base)]
    assert len(inside) > len(im.CHANGES) / 2
    # batch normalization clearly lower; early stopping a little higher, its dots closest together
    assert rows["batchnorm"]["test_mean"] < min(base)
    assert rows["early_stopping"]["test_mean"] > rows["baseline"]["test_mean"]
    assert min(rows, key=lambda c: rows[c]["test_std"]) == "early_stopping"
