"""site_src.losses: truth first, mean over samples, equal to PyTorch, stable, and strict about bad input."""

import math
import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from site_src import losses
from site_src.activations import softmax

RTOL = 1e-12


def _rng(seed):
    return np.random.default_rng(seed)


def _probabilities(rng, shape, low=0.05, high=0.95):
    return rng.uniform(low, high, size=shape)


def _probability_rows(rng, n, k):
    return softmax(rng.normal(0.0, 2.0, size=(n, k)))


def _t(x, requires_grad=False):
    return torch.tensor(np.asarray(x), dtype=torch.float64, requires_grad=requires_grad)


def _torch_loss_and_grad(torch_loss, x, *rest):
    t = _t(x, requires_grad=True)
    loss = torch_loss(t, *rest)
    loss.backward()
    return loss.item(), t.grad.numpy()


def _central_difference(loss, y_true, y_pred, h=1e-6):
    grad = np.zeros_like(y_pred)
    for index in np.ndindex(y_pred.shape):
        up, down = y_pred.copy(), y_pred.copy()
        up[index] += h
        down[index] -= h
        grad[index] = (loss(y_true, up) - loss(y_true, down)) / (2 * h)
    return grad


# --- worked numbers and argument order -------------------------------------------------------


def test_binary_cross_entropy_of_one_confident_right_guess():
    assert math.isclose(losses.binary_cross_entropy(y_true=[1.0], y_pred=[0.9]), -math.log(0.9), rel_tol=1e-15)
    assert math.isclose(losses.binary_cross_entropy(y_true=[0.0], y_pred=[0.9]), -math.log(0.1), rel_tol=1e-12)


def test_truth_comes_first():
    # MSE and MAE are symmetric, so swapping changes nothing...
    a, b = [1.0, 2.0, 3.0], [1.5, 2.0, 2.0]
    assert losses.mse(a, b) == losses.mse(b, a)
    assert losses.mae(a, b) == losses.mae(b, a)
    # ... but the gradient is with respect to the second argument, the guess.
    assert losses.mse_grad(a, b).tolist() == [1 / 3, 0.0, -2 / 3]
    # Cross-entropy is not symmetric: the truth must come first.
    y, p = [1.0, 0.0], [0.8, 0.3]
    right = losses.binary_cross_entropy(y, p)
    assert math.isclose(right, -(math.log(0.8) + math.log(0.7)) / 2, rel_tol=1e-15)
    assert not math.isclose(losses.binary_cross_entropy(p, y), right)
    assert math.isclose(losses.categorical_cross_entropy([0, 1, 0], [0.2, 0.7, 0.1]), -math.log(0.7), rel_tol=1e-15)
    assert math.isclose(losses.sparse_categorical_cross_entropy(1, [0.2, 0.7, 0.1]), -math.log(0.7), rel_tol=1e-15)
    assert math.isclose(
        losses.cross_entropy_from_logits(0, [2.0, 1.0, 0.1]),
        -math.log(math.exp(2.0) / (math.exp(2.0) + math.exp(1.0) + math.exp(0.1))),
        rel_tol=1e-14,
    )


def test_worked_numbers():
    assert math.isclose(losses.mse([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]), (0.25 + 0 + 1) / 3, rel_tol=1e-15)
    assert losses.mae([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]) == 0.5


@pytest.mark.parametrize(
    "call",
    [
        lambda: losses.mse([1.0], [2.0]),
        lambda: losses.mae([1.0], [2.0]),
        lambda: losses.binary_cross_entropy([1.0], [0.5]),
        lambda: losses.categorical_cross_entropy([[1, 0]], [[0.5, 0.5]]),
        lambda: losses.sparse_categorical_cross_entropy([0], [[0.5, 0.5]]),
        lambda: losses.cross_entropy_from_logits([0], [[0.0, 0.0]]),
    ],
)
def test_losses_return_python_floats(call):
    assert type(call()) is float


# --- parity with PyTorch (values and gradients) -------------------------------------------------


@pytest.mark.parametrize("shape", [(20,), (6, 3)])
def test_mse_and_mae_equal_pytorch(shape):
    rng = _rng(1)
    y_true, y_pred = rng.normal(size=shape), rng.normal(size=shape)
    for ours, grad, theirs in [
        (losses.mse, losses.mse_grad, F.mse_loss),
        (losses.mae, losses.mae_grad, F.l1_loss),
    ]:
        value, slope = _torch_loss_and_grad(theirs, y_pred, _t(y_true))
        assert math.isclose(ours(y_true, y_pred), value, rel_tol=RTOL)
        np.testing.assert_allclose(grad(y_true, y_pred), slope, rtol=RTOL, atol=0)


def test_mae_grad_is_zero_where_the_guess_is_exact_as_in_pytorch():
    y_true, y_pred = [1.0, 2.0, 3.0], [1.0, 2.5, 2.0]
    _, slope = _torch_loss_and_grad(F.l1_loss, y_pred, _t(y_true))
    assert losses.mae_grad(y_true, y_pred).tolist() == slope.tolist() == [0.0, 1 / 3, -1 / 3]


@pytest.mark.parametrize("soft_labels", [False, True])
@pytest.mark.parametrize("shape", [(25,), (5, 4)])
def test_binary_cross_entropy_equals_pytorch(shape, soft_labels):
    rng = _rng(2)
    y_true = rng.uniform(0, 1, size=shape) if soft_labels else rng.integers(0, 2, size=shape).astype(float)
    y_pred = _probabilities(rng, shape)
    value, slope = _torch_loss_and_grad(F.binary_cross_entropy, y_pred, _t(y_true))
    assert math.isclose(losses.binary_cross_entropy(y_true, y_pred), value, rel_tol=RTOL)
    np.testing.assert_allclose(losses.binary_cross_entropy_grad(y_true, y_pred), slope, rtol=1e-11, atol=0)


def test_categorical_and_sparse_equal_pytorch_nll_of_log_probabilities():
    rng = _rng(3)
    p = _probability_rows(rng, 8, 5)
    labels = rng.integers(0, 5, size=8)
    one_hot = np.eye(5)[labels]
    expected = F.nll_loss(torch.log(_t(p)), torch.tensor(labels)).item()
    assert math.isclose(losses.categorical_cross_entropy(one_hot, p), expected, rel_tol=RTOL)
    assert math.isclose(losses.sparse_categorical_cross_entropy(labels, p), expected, rel_tol=RTOL)


def test_cross_entropy_from_logits_equals_pytorch():
    rng = _rng(4)
    logits = rng.normal(0.0, 3.0, size=(10, 6))
    labels = rng.integers(0, 6, size=10)
    value, slope = _torch_loss_and_grad(lambda t: F.cross_entropy(t, torch.tensor(labels)), logits)
    assert math.isclose(losses.cross_entropy_from_logits(labels, logits), value, rel_tol=RTOL)
    np.testing.assert_allclose(losses.cross_entropy_from_logits_grad(labels, logits), slope, rtol=RTOL, atol=1e-17)


def test_cross_entropy_from_logits_one_unbatched_sample_equals_pytorch():
    logits = np.array([0.5, -1.0, 2.0])
    value, slope = _torch_loss_and_grad(lambda t: F.cross_entropy(t, torch.tensor(2)), logits)
    assert math.isclose(losses.cross_entropy_from_logits(2, logits), value, rel_tol=RTOL)
    np.testing.assert_allclose(losses.cross_entropy_from_logits_grad(2, logits), slope, rtol=RTOL, atol=1e-17)


def test_logits_version_equals_the_probability_versions_after_softmax():
    rng = _rng(5)
    logits = rng.normal(0.0, 2.0, size=(7, 4))
    labels = rng.integers(0, 4, size=7)
    p = softmax(logits)
    from_logits = losses.cross_entropy_from_logits(labels, logits)
    assert math.isclose(losses.sparse_categorical_cross_entropy(labels, p), from_logits, rel_tol=1e-12)
    assert math.isclose(losses.categorical_cross_entropy(np.eye(4)[labels], p), from_logits, rel_tol=1e-12)


# --- gradients against central differences --------------------------------------------------


@pytest.mark.parametrize(
    ("loss", "grad"),
    [
        (losses.mse, losses.mse_grad),
        (losses.mae, losses.mae_grad),
        (losses.binary_cross_entropy, losses.binary_cross_entropy_grad),
    ],
)
def test_grads_match_central_difference(loss, grad):
    rng = _rng(6)
    y_true = rng.uniform(0, 1, size=(4, 3))
    y_pred = _probabilities(rng, (4, 3), 0.1, 0.9)
    y_pred[np.abs(y_pred - y_true) < 1e-3] += 0.01  # keep MAE away from its corner
    np.testing.assert_allclose(grad(y_true, y_pred), _central_difference(loss, y_true, y_pred), rtol=1e-6, atol=1e-9)


def test_cross_entropy_from_logits_grad_matches_central_difference():
    rng = _rng(7)
    logits = rng.normal(0.0, 2.0, size=(5, 4))
    labels = rng.integers(0, 4, size=5)
    numeric = _central_difference(losses.cross_entropy_from_logits, labels, logits)
    np.testing.assert_allclose(losses.cross_entropy_from_logits_grad(labels, logits), numeric, rtol=1e-6, atol=1e-9)


@given(
    arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(2, 5)), elements=st.floats(-20, 20)),
    st.data(),
)
@settings(max_examples=60, deadline=None)
def test_cross_entropy_grad_rows_sum_to_zero_and_equal_formula(logits, data):
    n, k = logits.shape
    labels = np.array(data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)), dtype=int)
    g = losses.cross_entropy_from_logits_grad(labels, logits)
    np.testing.assert_allclose(g.sum(axis=-1), 0.0, atol=1e-15)
    np.testing.assert_allclose(g, (softmax(logits) - np.eye(k)[labels]) / n, rtol=0, atol=1e-17)


# --- extremes: large but finite, no warnings --------------------------------------------------


def test_cross_entropy_from_logits_is_stable_for_huge_logits():
    logits = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0], [1000.0, 1000.0, 1000.0]])
    labels = np.array([0, 2, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = losses.cross_entropy_from_logits(labels, logits)
        grad = losses.cross_entropy_from_logits_grad(labels, logits)
    expected, slope = _torch_loss_and_grad(lambda t: F.cross_entropy(t, torch.tensor(labels)), logits)
    assert math.isfinite(value) and np.all(np.isfinite(grad))
    assert math.isclose(value, expected, rel_tol=RTOL)
    np.testing.assert_allclose(grad, slope, rtol=RTOL, atol=1e-17)
    assert losses.cross_entropy_from_logits([0], [[1000.0, -1000.0]]) == 0.0


def test_probability_losses_clip_at_eps_instead_of_going_infinite():
    eps = losses.EPS
    assert eps == 1e-12
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        worst = losses.binary_cross_entropy([1.0, 0.0], [0.0, 1.0])
        perfect = losses.binary_cross_entropy([1.0, 0.0], [1.0, 0.0])
        grad = losses.binary_cross_entropy_grad([1.0, 0.0], [0.0, 1.0])
        cce = losses.categorical_cross_entropy([[1, 0]], [[0.0, 1.0]])
        sparse = losses.sparse_categorical_cross_entropy([0], [[0.0, 1.0]])
    # 1 - EPS is rounded to the nearest float, so the y_true = 0 half differs from -log(EPS) slightly.
    assert math.isclose(worst, -math.log(eps), rel_tol=1e-5)
    assert 0.0 <= perfect < 1e-11
    assert math.isclose(cce, -math.log(eps), rel_tol=1e-12) and cce == sparse
    assert np.all(np.isfinite(grad))
    # PyTorch keeps p * (1 - p) >= 1e-12 in the slope, so the clipped slope is nearly the same
    # (up to the rounding of 1 - EPS).
    _, slope = _torch_loss_and_grad(F.binary_cross_entropy, [0.0, 1.0], _t([1.0, 0.0]))
    np.testing.assert_allclose(grad, slope, rtol=1e-4)


# --- bad input --------------------------------------------------------------------------------

PAIRWISE = [
    losses.mse,
    losses.mae,
    losses.mse_grad,
    losses.mae_grad,
    losses.binary_cross_entropy,
    losses.binary_cross_entropy_grad,
]


@pytest.mark.parametrize("f", PAIRWISE)
def test_mismatched_shapes_are_refused_not_broadcast(f):
    with pytest.raises(ValueError, match=r"same shape, got \(3,\) and \(3, 1\)"):
        f([0.0, 1.0, 0.0], [[0.5], [0.5], [0.5]])
    with pytest.raises(ValueError, match="same shape"):
        f([1.0], [0.5, 0.5])


@pytest.mark.parametrize("f", PAIRWISE)
def test_empty_inputs_are_refused(f):
    with pytest.raises(ValueError, match="at least one value"):
        f([], [])


@pytest.mark.parametrize("f", PAIRWISE)
def test_non_numbers_are_a_type_error(f):
    with pytest.raises(TypeError, match="y_pred must be numbers"):
        f([1.0], ["0.5"])
    with pytest.raises(TypeError, match="y_true must be numbers"):
        f(["1"], [0.5])


@pytest.mark.parametrize("f", [losses.binary_cross_entropy, losses.binary_cross_entropy_grad])
@pytest.mark.parametrize("bad", [1.5, -0.1, float("nan")])
def test_binary_cross_entropy_needs_probabilities(f, bad):
    with pytest.raises(ValueError, match=r"y_pred must be probabilities in \[0, 1\]"):
        f([1.0], [bad])
    with pytest.raises(ValueError, match=r"y_true must be probabilities in \[0, 1\]"):
        f([bad], [0.5])


def test_binary_cross_entropy_accepts_soft_labels_in_the_unit_interval():
    assert math.isclose(
        losses.binary_cross_entropy([0.3], [0.6]), -(0.3 * math.log(0.6) + 0.7 * math.log(0.4)), rel_tol=1e-14
    )


@pytest.mark.parametrize("f", [losses.categorical_cross_entropy, losses.sparse_categorical_cross_entropy])
def test_predicted_rows_must_be_probabilities(f):
    y_true = [[1, 0]] if f is losses.categorical_cross_entropy else [0]
    with pytest.raises(ValueError, match=r"y_pred must be probabilities in \[0, 1\]"):
        f(y_true, [[1.5, -0.5]])
    with pytest.raises(ValueError, match="each row of y_pred must sum to 1"):
        f(y_true, [[0.5, 0.4]])
    with pytest.raises(ValueError, match=r"shape \(k,\) or a batch of shape \(n, k\)"):
        f(y_true, [[[0.5, 0.5]]])
    with pytest.raises(TypeError, match="y_pred must be numbers"):
        f(y_true, [["a", "b"]])


def test_categorical_needs_one_hot_rows_of_the_same_shape():
    p = [[0.2, 0.7, 0.1]]
    with pytest.raises(ValueError, match="every value 0 or 1"):
        losses.categorical_cross_entropy([[0, 0.5, 0.5]], p)
    with pytest.raises(ValueError, match="exactly one 1 in every row"):
        losses.categorical_cross_entropy([[0, 1, 1]], p)
    with pytest.raises(ValueError, match="exactly one 1 in every row"):
        losses.categorical_cross_entropy([[0, 0, 0]], p)
    with pytest.raises(ValueError, match=r"same shape, got \(1, 2\) and \(1, 3\)"):
        losses.categorical_cross_entropy([[0, 1]], p)
    with pytest.raises(ValueError, match=r"same shape"):
        losses.categorical_cross_entropy([1], p)  # labels belong in the sparse version


LABELLED = [
    (losses.sparse_categorical_cross_entropy, "y_true", [[0.2, 0.7, 0.1], [0.3, 0.3, 0.4]]),
    (losses.cross_entropy_from_logits, "labels", [[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]]),
    (losses.cross_entropy_from_logits_grad, "labels", [[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]]),
]


@pytest.mark.parametrize(("f", "name", "scores"), LABELLED)
def test_labels_must_be_in_range(f, name, scores):
    with pytest.raises(ValueError, match=rf"{name} must be class numbers from 0 to 2 \(3 classes\), got 3"):
        f([0, 3], scores)
    with pytest.raises(ValueError, match=rf"{name} must be class numbers from 0 to 2 \(3 classes\), got -1"):
        f([-1, 0], scores)


@pytest.mark.parametrize(("f", "name", "scores"), LABELLED)
def test_labels_must_have_an_integer_dtype(f, name, scores):
    with pytest.raises(ValueError, match=rf"{name} must be integer class labels .* got dtype float64"):
        f([0.0, 1.0], scores)
    with pytest.raises(ValueError, match=rf"{name} must be integer class labels .* got dtype bool"):
        f([True, False], scores)
    with pytest.raises(TypeError, match=rf"{name} must be integer class labels, got dtype <U1"):
        f(["0", "1"], scores)
    assert math.isfinite(
        f(np.array([0, 1], dtype=np.int8), scores).sum()
        if f is losses.cross_entropy_from_logits_grad
        else f(np.array([0, 1], dtype=np.int8), scores)
    )


@pytest.mark.parametrize(("f", "name", "scores"), LABELLED)
def test_one_label_per_row(f, name, scores):
    with pytest.raises(ValueError, match=rf"{name} must have shape \(2,\) \(one label per row"):
        f([0, 1, 2], scores)
    with pytest.raises(ValueError, match=rf"{name} must have shape \(2,\)"):
        f([[0], [1]], scores)
    with pytest.raises(ValueError, match=rf"{name} must have shape \(\)"):
        f([0], scores[0])  # one unbatched row takes one plain label


@pytest.mark.parametrize("f", [losses.cross_entropy_from_logits, losses.cross_entropy_from_logits_grad])
@pytest.mark.parametrize("bad", [3.0, [], np.zeros((2, 0)), np.zeros((2, 2, 2))])
def test_logits_need_a_row_or_a_batch(f, bad):
    with pytest.raises(ValueError, match=r"logits must be one row of class scores"):
        f([0], bad)


@given(
    arrays(np.float64, st.integers(1, 30), elements=st.floats(0, 1)),
    arrays(np.float64, st.integers(1, 30), elements=st.floats(0, 1)),
)
@settings(max_examples=80, deadline=None)
def test_binary_cross_entropy_is_finite_and_non_negative_for_any_probabilities(y_true, y_pred):
    n = min(y_true.size, y_pred.size)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = losses.binary_cross_entropy(y_true[:n], y_pred[:n])
        grad = losses.binary_cross_entropy_grad(y_true[:n], y_pred[:n])
    assert math.isfinite(value) and value >= -1e-12
    assert np.all(np.isfinite(grad))
