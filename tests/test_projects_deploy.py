"""Saving and loading a trained network: the same predictions after the round trip, NumPy and PyTorch."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src.mlp import MLP
from site_src.projects import deploy


@settings(max_examples=20, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 6), min_size=2, max_size=4),
    seed=st.integers(0, 1000),
    activation=st.sampled_from(["relu", "tanh", "sigmoid", "identity"]),
)
def test_round_trip_gives_the_same_network(tmp_path_factory, sizes, seed, activation):
    path = tmp_path_factory.mktemp("deploy") / "net.npz"
    net = MLP(sizes, activation=activation, rng=seed)
    deploy.save(net, path)
    again = deploy.load(path)
    assert again.layer_sizes == net.layer_sizes and again.activation == activation
    X = np.random.default_rng(seed).normal(size=(7, sizes[0]))
    assert np.array_equal(again.forward(X), net.forward(X))
    for a, b in zip(again.params(), net.params()):
        assert np.array_equal(a, b) and a is not b  # copies, not the same arrays


def test_trained_iris_network_predicts_the_same_after_loading(tmp_path):
    net, split = deploy.trained_story_network()
    deploy.save(net, tmp_path / "iris.npz")
    again = deploy.load(tmp_path / "iris.npz")
    assert np.array_equal(deploy.predict(again, split.X_test), deploy.predict(net, split.X_test))
    assert np.mean(deploy.predict(again, split.X_test) == split.y_test) > 0.8  # it did learn


def test_pytorch_state_dict_round_trip_matches_numpy(tmp_path):
    from site_src.pytorch.mlp import from_numpy

    net, split = deploy.trained_story_network(epochs=5)
    model = from_numpy(net)
    torch.save(model.state_dict(), tmp_path / "iris.pt")
    fresh = from_numpy(MLP(deploy.STORY_SIZES, activation="relu", loss="cross_entropy", rng=99))
    fresh.load_state_dict(torch.load(tmp_path / "iris.pt", weights_only=True))
    with torch.no_grad():
        scores = fresh(torch.tensor(split.X_test)).numpy()
    assert np.allclose(scores, net.forward(split.X_test), atol=1e-12)


def test_bad_input(tmp_path):
    np.savez(tmp_path / "other.npz", x=np.zeros(3))
    with pytest.raises(ValueError, match="not a network written by save"):
        deploy.load(tmp_path / "other.npz")
    net = MLP([4, 3, 2], rng=0)
    with pytest.raises(ValueError, match=r"shape \(n, 4\)"):
        deploy.predict(net, np.zeros((2, 5)))
    with pytest.raises(ValueError, match=r"shape \(n, 4\)"):
        deploy.predict(net, np.zeros(4))
