"""site_src.init: shapes, bounds, spreads, repeatability, and agreement with torch.nn.init."""

import math

import numpy as np
import pytest
import torch

from site_src import init

UNIFORMS = ["xavier_uniform", "he_uniform"]
NORMALS = ["xavier_normal", "he_normal"]
ALL = UNIFORMS + NORMALS

# n_in != n_out, so a mix-up of fan-in and fan-out (or of the layout) shows
N_IN, N_OUT = 300, 500


def torch_sample(name):
    """A big (N_OUT, N_IN) weight tensor initialised by torch.nn.init (torch's layout)."""
    torch.manual_seed(0)
    w = torch.empty(N_OUT, N_IN, dtype=torch.float64)
    {
        "xavier_uniform": lambda: torch.nn.init.xavier_uniform_(w),
        "xavier_normal": lambda: torch.nn.init.xavier_normal_(w),
        "he_uniform": lambda: torch.nn.init.kaiming_uniform_(w, mode="fan_in", nonlinearity="relu"),
        "he_normal": lambda: torch.nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu"),
    }[name]()
    return w.numpy()


def paper_scale(name, n_in, n_out):
    """Limit (uniform) or std (normal) written straight from the papers."""
    return {
        "xavier_uniform": math.sqrt(6 / (n_in + n_out)),  # Glorot & Bengio 2010, eq. 16
        "xavier_normal": math.sqrt(2 / (n_in + n_out)),
        "he_uniform": math.sqrt(6 / n_in),  # He et al. 2015: Var = 2 / n_in
        "he_normal": math.sqrt(2 / n_in),
    }[name]


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("n_in, n_out", [(1, 1), (3, 2), (2, 7)])
def test_shape_and_dtype(name, n_in, n_out):
    W = getattr(init, name)(n_in, n_out, rng=np.random.default_rng(1))
    assert W.shape == (n_out, n_in)
    assert W.dtype == np.float64


@pytest.mark.parametrize("name", ALL)
def test_same_seed_same_weights_and_new_draws_differ(name):
    f = getattr(init, name)
    np.testing.assert_array_equal(f(4, 3, rng=np.random.default_rng(7)), f(4, 3, rng=np.random.default_rng(7)))
    np.testing.assert_array_equal(f(4, 3, rng=7), f(4, 3, rng=7))
    rng = np.random.default_rng(7)
    assert not np.array_equal(f(4, 3, rng=rng), f(4, 3, rng=rng))  # the generator moves on


def test_uniform_same_seed_and_bounds():
    W = init.uniform(N_IN, N_OUT, a=0.2, rng=np.random.default_rng(3))
    assert W.shape == (N_OUT, N_IN)
    assert np.all(W >= -0.2) and np.all(W < 0.2)
    assert W.max() > 0.199 and W.min() < -0.199  # fills the whole interval
    # the variance of a uniform on [-a, a] is a**2 / 3
    assert W.std() == pytest.approx(0.2 / math.sqrt(3), rel=0.02)
    np.testing.assert_array_equal(W, init.uniform(N_IN, N_OUT, a=0.2, rng=np.random.default_rng(3)))
    assert np.all(np.abs(init.uniform(5, 5, rng=0)) <= 0.05)  # default a = 0.05


@pytest.mark.parametrize("name", UNIFORMS)
def test_uniform_limits_match_paper_and_torch(name):
    W = getattr(init, name)(N_IN, N_OUT, rng=np.random.default_rng(0))
    limit = paper_scale(name, N_IN, N_OUT)
    assert np.abs(W).max() <= limit
    assert np.abs(W).max() == pytest.approx(limit, rel=1e-3)  # 150 000 draws reach the edge
    assert W.std() == pytest.approx(limit / math.sqrt(3), rel=0.02)
    # torch's draws fill exactly the same interval
    T = torch_sample(name)
    assert np.abs(T).max() == pytest.approx(np.abs(W).max(), rel=1e-3)
    assert np.abs(T).max() <= limit * (1 + 1e-12)


@pytest.mark.parametrize("name", NORMALS)
def test_normal_std_matches_paper_and_torch(name):
    W = getattr(init, name)(N_IN, N_OUT, rng=np.random.default_rng(0))
    std = paper_scale(name, N_IN, N_OUT)
    assert W.mean() == pytest.approx(0.0, abs=0.02 * std)
    assert W.std() == pytest.approx(std, rel=0.02)
    assert torch_sample(name).std() == pytest.approx(W.std(), rel=0.02)


def test_torch_formulas_agree_with_the_papers():
    # torch's own building blocks, independent of any sampling
    assert torch.nn.init.calculate_gain("relu") == pytest.approx(math.sqrt(2))
    assert torch.nn.init.calculate_gain("linear") == 1.0
    # kaiming_uniform_ uses bound = gain * sqrt(3 / fan_in) = sqrt(6 / fan_in)
    assert math.sqrt(2) * math.sqrt(3 / N_IN) == pytest.approx(paper_scale("he_uniform", N_IN, N_OUT))


@pytest.mark.parametrize("name", ALL + ["uniform"])
@pytest.mark.parametrize("n_in, n_out", [(0, 3), (3, 0), (-1, 2)])
def test_sizes_below_one_raise(name, n_in, n_out):
    with pytest.raises(ValueError, match=r"must be at least 1"):
        getattr(init, name)(n_in, n_out)


@pytest.mark.parametrize("name", ALL + ["uniform"])
@pytest.mark.parametrize("bad", [2.0, "3", None, True])
def test_non_whole_sizes_raise(name, bad):
    with pytest.raises(TypeError, match=r"n_in must be a whole number"):
        getattr(init, name)(bad, 3)
    with pytest.raises(TypeError, match=r"n_out must be a whole number"):
        getattr(init, name)(3, bad)


@pytest.mark.parametrize("name", ALL + ["uniform"])
@pytest.mark.parametrize("bad", ["seed", 1.5, np.random.RandomState(0)])
def test_bad_rng_raises(name, bad):
    with pytest.raises(TypeError, match=r"rng must be a numpy.random.Generator"):
        getattr(init, name)(2, 2, rng=bad)


def test_uniform_bad_a():
    with pytest.raises(ValueError, match=r"a must be at least 0"):
        init.uniform(2, 2, a=-0.1)
    with pytest.raises(TypeError, match=r"a must be a number"):
        init.uniform(2, 2, a="0.1")
