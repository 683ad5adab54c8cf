"""site_src.regularization: inverted dropout, checked against probability theory and PyTorch."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from site_src.regularization import dropout, dropout_mask

N = 200_000  # draws for the statistical tests
Z = 5.0  # how many binomial standard deviations we allow (a false alarm about 1 run in 1.7 million)

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
probabilities = st.floats(0.0, 0.95, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(
    x=arrays(np.float64, array_shapes(max_dims=3, max_side=6), elements=finite),
    p=probabilities,
    seed=st.integers(0, 2**32 - 1),
)
def test_every_value_is_dropped_or_scaled_by_one_over_one_minus_p(x, p, seed):
    before = x.copy()
    y = dropout(x, p, rng=seed)
    assert y.shape == x.shape and y.dtype == np.float64
    kept = y != 0
    np.testing.assert_allclose(y[kept], x[kept] / (1 - p), rtol=1e-15)
    np.testing.assert_array_equal(x, before)  # the input is never changed
    # and it is x times the mask drawn from the same seed
    mask = dropout_mask(x.shape, p, rng=seed)
    assert set(np.unique(mask)) <= {0.0, 1 / (1 - p)}
    np.testing.assert_array_equal(y, x * mask)


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_dropped_share_and_mean_match_the_binomial(p):
    y = dropout(np.ones(N), p, rng=np.random.default_rng(2024))
    dropped = np.mean(y == 0)
    # the number dropped is Binomial(N, p): standard deviation sqrt(N p (1 - p))
    sd_share = np.sqrt(p * (1 - p) / N)
    assert abs(dropped - p) < Z * sd_share
    # mean(y) = (share kept) / (1 - p): expected 1, standard deviation sd_share / (1 - p)
    assert abs(y.mean() - 1.0) < Z * sd_share / (1 - p)


def test_the_expected_value_of_each_position_is_kept():
    # the same small x, many times: each position's average tends to x itself
    x = np.array([-2.0, 0.5, 3.0])
    p, n = 0.3, 100_000
    rng = np.random.default_rng(5)
    mean = np.mean([dropout(x, p, rng=rng) for _ in range(n)], axis=0)
    # each draw is x/(1-p) with probability 1 - p, else 0: variance x**2 p / (1 - p)
    sd = np.abs(x) * np.sqrt(p / (1 - p) / n)
    assert np.all(np.abs(mean - x) < Z * sd)


@pytest.mark.parametrize("p", [0.0, 0.5, 0.9])
def test_eval_mode_is_the_identity_as_a_copy(p):
    x = np.arange(6.0).reshape(2, 3)
    y = dropout(x, p, training=False, rng=0)
    np.testing.assert_array_equal(y, x)
    assert y is not x
    y[0, 0] = 99.0
    assert x[0, 0] == 0.0


def test_p_zero_drops_nothing():
    x = np.linspace(-1, 1, 7)
    np.testing.assert_array_equal(dropout(x, 0.0, rng=0), x)
    np.testing.assert_array_equal(dropout_mask((3, 2), 0.0), np.ones((3, 2)))


def test_default_p_is_pytorchs():
    import inspect

    assert inspect.signature(dropout).parameters["p"].default == inspect.signature(F.dropout).parameters["p"].default


def test_same_seed_same_mask_and_a_generator_moves_on():
    a = dropout_mask((4, 5), 0.5, rng=42)
    np.testing.assert_array_equal(a, dropout_mask((4, 5), 0.5, rng=42))
    np.testing.assert_array_equal(dropout(np.ones((4, 5)), 0.5, rng=42), a)
    assert not np.array_equal(a, dropout_mask((4, 5), 0.5, rng=43))
    rng = np.random.default_rng(42)
    first, second = dropout_mask((4, 5), 0.5, rng=rng), dropout_mask((4, 5), 0.5, rng=rng)
    np.testing.assert_array_equal(first, a)  # a Generator seeded 42 is the seed 42
    assert not np.array_equal(first, second)


@pytest.mark.parametrize("p", [1.0, -0.1, 1.5, float("nan"), "0.5", None, True])
def test_bad_p_raises_saying_what_is_allowed(p):
    with pytest.raises(ValueError, match=r"p \(the probability to drop\) must be in \[0, 1\)"):
        dropout(np.ones(3), p)
    with pytest.raises(ValueError, match=r"p \(the probability to drop\) must be in \[0, 1\)"):
        dropout_mask((3,), p)


def test_bad_training_x_or_rng_raise():
    with pytest.raises(ValueError, match="training must be True or False"):
        dropout(np.ones(3), 0.5, training="no")
    with pytest.raises(TypeError, match="x must be numbers"):
        dropout(["a", "b"], 0.5)
    with pytest.raises(TypeError, match="rng must be"):
        dropout(np.ones(3), 0.5, rng="seed")


# ---------------------------------------------------------------- PyTorch: what can be compared


@pytest.mark.parametrize("p", [0.2, 0.5, 0.75])
def test_survivors_have_pytorchs_scale(p):
    torch.manual_seed(0)
    x = np.linspace(0.5, 2.0, 1000)
    theirs = F.dropout(torch.tensor(x), p, training=True).numpy()
    ours = dropout(x, p, rng=0)
    # both keep some and drop some; every survivor is x / (1 - p) in both
    for y in (ours, theirs):
        kept = y != 0
        assert 0 < kept.sum() < len(x)
        np.testing.assert_allclose(y[kept], x[kept] / (1 - p), rtol=1e-15)


@pytest.mark.parametrize("p", [0.0, 0.3, 0.9])
def test_eval_mode_matches_pytorch(p):
    x = np.random.default_rng(1).normal(size=(3, 4))
    np.testing.assert_array_equal(dropout(x, p, training=False), F.dropout(torch.tensor(x), p, training=False).numpy())


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_dropped_share_and_mean_agree_with_pytorch(p):
    torch.manual_seed(1)
    theirs = F.dropout(torch.ones(N, dtype=torch.float64), p, training=True).numpy()
    ours = dropout(np.ones(N), p, rng=1)
    # two independent Binomial(N, p) shares: their difference has standard deviation sqrt(2) * sd
    sd_share = np.sqrt(p * (1 - p) / N)
    assert abs(np.mean(ours == 0) - np.mean(theirs == 0)) < Z * np.sqrt(2) * sd_share
    assert abs(ours.mean() - theirs.mean()) < Z * np.sqrt(2) * sd_share / (1 - p)
