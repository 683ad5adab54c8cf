"""The ablation study: the data, the changed networks, early stopping, the table's arithmetic, bad input."""

import numpy as np
import pytest
import torch

from site_src.layers import BatchNorm, Dense, Dropout
from site_src.projects import improve as im


def test_noisy_digits_are_the_digits_plus_fixed_noise():
    X, y = im.load_data("digits")
    Xn, yn = im.load_data("noisy-digits")
    from sklearn.datasets import load_digits

    data = load_digits()
    assert np.allclose(X * 16, data.data) and np.array_equal(y, data.target) and np.array_equal(yn, y)
    noise = Xn - X
    assert abs(noise.mean()) < 0.01 and abs(noise.std() - im.NOISE) < 0.01  # 115,008 draws of N(0, 0.4)
    assert np.array_equal(im.load_data("noisy-digits")[0], Xn)  # drawn once: the same every time


def test_split_sizes_and_scaling_use_the_training_part_only():
    s = im.load_split("digits", seed=3)
    assert (len(s.y_train), len(s.y_val), len(s.y_test)) == (359, 719, 719)
    assert np.allclose(s.X_train.mean(axis=0), 0)
    assert not np.allclose(s.X_test.mean(axis=0), 0)  # the test part was scaled with the training numbers
    counts = np.bincount(im.load_data("digits")[1])  # stratified: each digit dealt on its own
    assert np.bincount(s.y_train).tolist() == [n - 2 * round(0.4 * n) for n in counts]


def test_each_change_is_one_change():
    base = im.build_network("baseline")
    kinds = lambda net: [type(layer).__name__ for layer in net.layers]  # noqa: E731
    assert kinds(base) == ["Dense", "Activation", "Dense"]
    assert kinds(im.build_network("deeper")) == ["Dense", "Activation", "Dense", "Activation", "Dense"]
    assert kinds(im.build_network("dropout")) == ["Dense", "Activation", "Dropout", "Dense"]
    assert kinds(im.build_network("batchnorm")) == ["Dense", "BatchNorm", "Activation", "Dense"]
    for change in ("l2", "adamw", "early_stopping"):
        assert kinds(im.build_network(change)) == kinds(base)
    # the same seed gives the same starting weights for the layers both share
    assert np.array_equal(im.build_network("dropout").layers[0].weight, base.layers[0].weight)
    assert im.build_optimizer("l2").decoupled_weight_decay is False
    assert im.build_optimizer("adamw").decoupled_weight_decay is True
    assert im.build_optimizer("baseline").weight_decay == 0


def test_the_optimizers_match_torch_for_the_two_weight_decays():
    rng = np.random.default_rng(0)
    theta0, grads = rng.normal(size=5), rng.normal(size=(4, 5))
    for change, torch_cls, lam in [
        ("l2", torch.optim.Adam, im.WEIGHT_DECAY_L2),
        ("adamw", torch.optim.AdamW, im.WEIGHT_DECAY_ADAMW),
    ]:
        theta, opt = theta0.copy(), im.build_optimizer(change)
        t = torch.tensor(theta0, requires_grad=True)
        topt = torch_cls([t], lr=im.LR, weight_decay=lam)
        for g in grads:
            opt.step([theta], [g.copy()])
            t.grad = torch.tensor(g)
            topt.step()
        assert np.allclose(theta, t.detach().numpy(), atol=1e-12)


def test_training_mode_and_eval_mode_differ_only_where_they_should():
    net, _ = im.train("dropout", im.load_split("digits"), seed=0, epochs=2)
    X = im.load_split("digits").X_test[:50]
    assert np.array_equal(net.eval().forward(X), net.eval().forward(X))  # eval: no dropout, repeatable
    assert not np.array_equal(net.train().forward(X), net.train().forward(X))  # training: a new mask each time
    net, _ = im.train("batchnorm", im.load_split("digits"), seed=0, epochs=2)
    bn = net.layers[1]
    assert isinstance(bn, BatchNorm) and not np.allclose(bn.running_mean, 0)  # the running averages moved


def test_early_stopping_keeps_the_best_epoch():
    split = im.load_split("noisy-digits", seed=0)
    net, val_losses = im.train("early_stopping", split, seed=0)
    best = int(np.argmin(val_losses))
    assert len(val_losses) == best + 1 + im.PATIENCE  # stopped PATIENCE epochs after the best
    assert np.isclose(im.loss(net, split.X_val, split.y_val), val_losses[best])  # and went back to it
    # the same run without stopping would have gone on
    _, full = im.train("baseline", split, seed=0)
    assert len(full) == im.EPOCHS and np.allclose(full[: len(val_losses)], val_losses)


def test_accuracy_counts_right_answers():
    split = im.load_split("digits")
    net, _ = im.train("baseline", split, seed=0, epochs=3)
    scores = net.eval().forward(split.X_test)
    right = sum(int(np.argmax(row) == label) for row, label in zip(scores, split.y_test))
    assert im.accuracy(net, split.X_test, split.y_test) == right / len(split.y_test)


@pytest.mark.parametrize("dataset", im.DATASETS)
def test_the_table_is_the_mean_and_spread_of_the_runs(dataset):
    rows = im.study(dataset)
    assert im.study(dataset) is rows  # computed once per process
    assert list(rows) == list(im.CHANGES)
    base = rows["baseline"]["test"]
    for change, row in rows.items():
        runs = row["test"]
        assert len(runs) == len(im.SEEDS)
        assert row["test_mean"] == pytest.approx(sum(runs) / len(runs))
        assert row["test_std"] == pytest.approx(float(torch.tensor(runs, dtype=torch.float64).std()))  # n - 1
        diffs = [a - b for a, b in zip(runs, base)]
        assert row["change_mean"] == pytest.approx(sum(diffs) / len(diffs), abs=1e-12)
        if change != "baseline":
            expected = (
                "helped"
                if row["change_mean"] > row["change_std"]
                else "hurt"
                if row["change_mean"] < -row["change_std"]
                else "no clear change"
            )
            assert row["verdict"] == expected
        assert 0 <= row["gap_mean"] <= 1
    # one run of the table, checked from scratch
    r = im.run("dropout", dataset, seed=im.SEEDS[2])
    assert r["test"] == rows["dropout"]["test"][2]


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: im.load_split("mnist"), "dataset"),
        (lambda: im.load_data("iris"), "dataset"),
        (lambda: im.load_split(test_fraction=0.0), r"\(0, 1\)"),
        (lambda: im.load_split(test_fraction=1.5), r"\(0, 1\)"),
        (lambda: im.load_split(seed=1.5), "seed"),
        (lambda: im.study(seeds=[0, 1.5]), "seed"),
        (lambda: im.study(seeds=3), "list of whole numbers"),
        (lambda: im.study(seeds=[]), "at least one"),
        (lambda: im.study("iris"), "dataset"),
        (lambda: im.build_network("wider"), "change"),
        (lambda: im.run("baseline", "digits", seed=-1), "seed"),
    ],
)
def test_bad_input_says_what_is_allowed(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_a_network_that_does_not_fit_the_pictures_is_refused():
    split = im.load_split("digits")
    with pytest.raises(ValueError, match="take 64 inputs and give 10 scores"):
        im.accuracy(im.build_network(), split.X_test[:, :32], split.y_test)
    from site_src.layers import Activation, Sequential

    wrong = Sequential([Dense(64, 8, rng=0), Activation("relu"), Dense(8, 3, rng=0)])
    with pytest.raises(ValueError, match="give 10 scores"):
        im.accuracy(wrong, split.X_test, split.y_test)
    assert Dropout  # imported for the layer names above
