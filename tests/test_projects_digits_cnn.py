"""The digits CNN project: the split, the shapes, the gradients, the training, and its PyTorch twin."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import confusion_matrix as sk_confusion_matrix

from site_src.gradcheck import numerical_gradient
from site_src.losses import cross_entropy_from_logits, cross_entropy_from_logits_grad
from site_src.projects import digits_cnn as cnn
from site_src.pytorch import digits_cnn as twin

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_split_is_seeded_disjoint_and_complete():
    a, b, c = cnn.load_split(seed=0), cnn.load_split(seed=0), cnn.load_split(seed=1)
    assert np.array_equal(a.X_test, b.X_test) and not np.array_equal(a.X_test, c.X_test)
    assert len(a.y_test) == round(0.2 * 1797) and len(a.y_train) + len(a.y_test) == 1797
    # every picture once: the rows of train and test together are the data set's rows
    from sklearn.datasets import load_digits

    data = load_digits()
    together = np.concatenate([a.X_train, a.X_test]).reshape(1797, 64) * 16
    assert sorted(map(bytes, together.astype(np.int64))) == sorted(map(bytes, data.data.astype(np.int64)))
    assert a.X_train.min() == 0 and a.X_train.max() == 1


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"dataset": "mnist"}, "dataset"),
        ({"test_fraction": 0.0}, "(0, 1)"),
        ({"test_fraction": 1.0}, "(0, 1)"),
        ({"test_fraction": -0.5}, "(0, 1)"),
        ({"seed": 1.5}, "seed"),
        ({"seed": -1}, "seed"),
        ({"seed": "0"}, "seed"),
    ],
)
def test_bad_arguments_say_what_is_allowed(kwargs, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        cnn.load_split(**kwargs)


@pytest.mark.parametrize("kwargs", [{"epochs": 0}, {"batch_size": 0}, {"lr": 0.0}, {"seed": 2.0}])
def test_bad_training_arguments(kwargs):
    with pytest.raises(ValueError):
        cnn.train(**kwargs)
    with pytest.raises(ValueError):
        twin.train(**kwargs)


def test_shapes_at_every_stage_follow_the_formula():
    def side(n, k, p, s):  # floor((n + 2p - k) / s) + 1, written out again here
        return (n + 2 * p - k) // s + 1

    conv1 = side(8, 3, 1, 1)
    pool1 = side(conv1, 2, 0, 2)
    conv2 = side(pool1, 3, 1, 1)
    pool2 = side(conv2, 2, 0, 2)
    expected = [
        (1, 8, 8),
        (8, conv1, conv1),
        (8, conv1, conv1),
        (8, pool1, pool1),
        (16, conv2, conv2),
        (16, conv2, conv2),
        (16, pool2, pool2),
        (16 * pool2 * pool2,),
        (10,),
    ]
    got = cnn.shapes(cnn.build_network(), np.zeros((3, 1, 8, 8)))
    assert [shape for _, shape in got] == expected
    assert cnn.n_params(cnn.build_network()) == (8 * 9 + 8) + (16 * 8 * 9 + 16) + (64 * 10 + 10)


def test_gradients_equal_pytorch_autograd_and_finite_differences():
    split = cnn.load_split()
    x, y = split.X_train[:5], split.y_train[:5]
    ours = cnn.build_network(seed=3)
    logits = ours.forward(x)
    ours.backward(cross_entropy_from_logits_grad(y, logits))
    theirs = twin.copy_weights(ours, twin.build_network())
    loss = torch.nn.functional.cross_entropy(theirs(torch.from_numpy(x)), torch.from_numpy(y))
    loss.backward()
    assert loss.item() == pytest.approx(cross_entropy_from_logits(y, logits), rel=1e-12)
    for g, p in zip(ours.grads(), theirs.parameters(), strict=True):
        np.testing.assert_allclose(g, p.grad.numpy(), rtol=1e-9, atol=1e-12)
    # and a referee that knows no calculus: nudge the first filter's weights
    W = ours.layers[0].weight

    def loss_of(w):
        saved = W.copy()
        W[...] = w
        value = cross_entropy_from_logits(y, ours.forward(x))
        W[...] = saved
        return value

    np.testing.assert_allclose(ours.grads()[0], numerical_gradient(loss_of, W.copy()), rtol=1e-5, atol=1e-8)


def test_one_epoch_from_the_same_start_gives_the_same_weights_as_pytorch():
    ours, our_losses = cnn.train(epochs=1)
    theirs, their_losses = twin.train(epochs=1, start=cnn.build_network())
    np.testing.assert_allclose(our_losses, their_losses, rtol=1e-12)
    for a, b in zip(ours.params(), theirs.parameters(), strict=True):
        np.testing.assert_allclose(a, b.detach().numpy(), rtol=1e-9, atol=1e-12)


def test_confusion_matrix_equals_scikit_learns():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 10, 200), rng.integers(0, 10, 200)
    assert np.array_equal(cnn.confusion_matrix(y_true, y_pred), sk_confusion_matrix(y_true, y_pred, labels=range(10)))


def test_trained_network_meets_the_goal_and_pytorch_agrees():
    """The seeded run: at least 0.97 on the test pictures, and PyTorch from the same start predicts the same."""
    results = cnn.results()
    split = cnn.load_split()
    assert results["accuracy"] >= 0.97
    assert results["confusion"].sum() == len(split.y_test) and np.trace(results["confusion"]) == results["right"]
    theirs, _ = twin.train(start=cnn.build_network())
    with torch.no_grad():
        their_predictions = theirs(torch.from_numpy(split.X_test)).argmax(dim=1).numpy()
    assert np.array_equal(their_predictions, cnn.predict(cnn.trained()[0], split.X_test))
    assert twin.accuracy(theirs, split.X_test, split.y_test) == results["accuracy"]


# ---------------------------------------------------------------- the project page's additions


def shifted_by_hand(picture, down, right):
    """One 8x8 picture moved ``down`` rows and ``right`` columns, blank paper coming in (np.roll, then erase)."""
    out = np.roll(np.roll(picture, down, axis=0), right, axis=1)
    if down == 1:
        out[0] = 0
    if down == -1:
        out[-1] = 0
    if right == 1:
        out[:, 0] = 0
    if right == -1:
        out[:, -1] = 0
    return out


@given(n=st.integers(1, 20), seed=st.integers(0, 2**32 - 1))
@settings(max_examples=30, deadline=None)
def test_shift_pictures_moves_each_picture_by_its_own_draw(n, seed):
    x = np.random.default_rng(seed).random((n, 1, 8, 8))
    moved = cnn.shift_pictures(x, np.random.default_rng(seed))
    moves = np.random.default_rng(seed).integers(-1, 2, size=(n, 2))  # the same draws, made again
    for i, (down, right) in enumerate(moves):
        np.testing.assert_array_equal(moved[i, 0], shifted_by_hand(x[i, 0], down, right))


def test_cosine_step_size_equals_pytorchs_cosine_annealing():
    epochs, lr = 30, 0.01
    parameter = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.Adam([parameter], lr=lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)
    for epoch in range(epochs):
        assert cnn.step_size(lr, epoch, epochs, "cosine") == pytest.approx(optimizer.param_groups[0]["lr"], rel=1e-12)
        optimizer.step()
        schedule.step()
    assert cnn.step_size(lr, 7, epochs, "constant") == lr


def test_shifted_cosine_training_agrees_with_pytorch_from_the_same_start():
    settings = {"epochs": 2, "lr": 0.01, "schedule": "cosine", "shift": 1, "seed": 4}
    ours, our_losses = cnn.train(**settings)
    theirs, their_losses = twin.train(start=cnn.build_network(4), **settings)
    np.testing.assert_allclose(our_losses, their_losses, rtol=1e-12)
    for a, b in zip(ours.params(), theirs.parameters(), strict=True):
        np.testing.assert_allclose(a, b.detach().numpy(), rtol=1e-9, atol=1e-12)
    *_, gap = twin.numpy_agrees({"lr": 0.01, "schedule": "cosine", "shift": 1}, epochs=1)
    assert gap < 1e-9


def test_validation_part_comes_from_the_training_part_only():
    split = cnn.load_split()
    practice = cnn.validation_split(split)
    assert len(practice.y_test) == round(0.2 * len(split.y_train))

    def rows(X):
        return sorted(bytes(picture) for picture in (X * 16).astype(np.int64).reshape(len(X), 64))

    # every training picture exactly once, in one of the two parts, and no test picture
    assert rows(np.concatenate([practice.X_train, practice.X_test])) == rows(split.X_train)
    assert sorted(np.concatenate([practice.y_train, practice.y_test])) == sorted(split.y_train)
    assert not np.array_equal(cnn.validation_split(split, seed=1).y_test, practice.y_test)


def test_choose_takes_the_best_and_the_first_of_equals():
    assert cnn.choose({"a": 0.9, "b": 0.95, "c": 0.95}) == "b"
    assert cnn.choose({"a": 0.97}) == "a"


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: cnn.train(epochs=1, shift=2), "shift must be 0"),
        (lambda: cnn.train(epochs=1, shift=True), "shift must be 0"),
        (lambda: twin.train(epochs=1, shift=0.5), "shift must be 0"),
        (lambda: cnn.train(epochs=1, schedule="linear"), "use one of 'constant', 'cosine'"),
        (lambda: twin.train(epochs=1, schedule="step"), "use one of 'constant', 'cosine'"),
        (lambda: cnn.validation_split(cnn.load_split(), fraction=1.0), r"\(0, 1\)"),
        (lambda: cnn.validation_split(cnn.load_split(), seed=-2), "seed"),
    ],
)
def test_bad_project_settings_say_what_is_allowed(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def flat_split():
    """A split whose pictures were flattened to 64 numbers: the wrong shape for a CNN."""
    s = cnn.load_split()
    return cnn.Split(s.X_train.reshape(-1, 64), s.y_train, s.X_test.reshape(-1, 64), s.y_test)


@pytest.mark.parametrize(
    "call",
    [
        lambda: cnn.train(epochs=1, split=flat_split()),
        lambda: twin.train(epochs=1, split=flat_split()),
        lambda: cnn.predict(cnn.build_network(), np.zeros((2, 8, 8))),
        lambda: cnn.accuracy(cnn.build_network(), np.zeros((2, 3, 8, 8)), [0, 1]),
        lambda: twin.accuracy(twin.build_network(), np.zeros((2, 1, 4, 4)), [0, 1]),
    ],
)
def test_pictures_of_the_wrong_shape_are_refused(call):
    with pytest.raises(ValueError, match=r"shape \(n, 1, 8, 8\)"):
        call()


def test_labels_that_do_not_match_the_pictures_are_refused():
    with pytest.raises(ValueError, match="one class label per sample"):
        cnn.accuracy(cnn.build_network(), np.zeros((3, 1, 8, 8)), [0, 1])
    with pytest.raises(ValueError, match="labels 0 to 9"):
        twin.accuracy(twin.build_network(), np.zeros((2, 1, 8, 8)), [0, 10])


def test_the_projects_pytorch_run_reads_at_least_98_percent_of_the_test_pictures():
    """The settings the validation set chose (the page test checks that it chose them), trained in PyTorch."""
    accuracy, network, losses = twin.final_run(cnn.CANDIDATES["twice as long, cosine, bigger steps"])
    split = cnn.load_split()
    with torch.no_grad():
        predicted = network(torch.from_numpy(split.X_test)).argmax(dim=1).numpy()
    assert accuracy >= 0.98
    assert accuracy == np.mean(predicted == split.y_test)
    C = sk_confusion_matrix(split.y_test, predicted, labels=range(10))
    assert C.sum() == len(split.y_test) and np.array_equal(C.sum(axis=1), np.bincount(split.y_test, minlength=10))
    assert len(losses) == 30 and losses[-1] < losses[0]
