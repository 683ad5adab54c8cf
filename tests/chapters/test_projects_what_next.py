"""What next: the numbers in the prose, the links to real resources, and the deployment it shows."""

import re

import numpy as np
import pytest

from site_src.datasets import iris
from site_src.projects import deploy
from tests.pages import DOCS, prose

PAGE = DOCS / "projects" / "what-next.md"
RAW = PAGE.read_text()
TEXT = " ".join(prose(RAW).split())


def test_random_search_arithmetic():
    # a grid of 20 points over two settings is 4 x 5: it tries only 4 or 5 values of each
    grids = [(a, 20 // a) for a in range(2, 11) if 20 % a == 0 and 20 // a >= 2]
    assert (4, 5) in grids and min(max(a, b) for a, b in grids) == 5
    assert "try, say, 20 random combinations" in TEXT and "a grid of 20 points tries just 4 or 5 values" in TEXT


def test_iris_and_the_deployed_network():
    X, _ = iris()
    assert len(X) == 150 and "*all* 150 Iris flowers" in TEXT
    net, _ = deploy.trained_story_network(epochs=1)
    assert net.layer_sizes[0] == 4 == X.shape[1]
    assert "rows of 5 numbers each, but the network takes 4" in TEXT
    with pytest.raises(ValueError, match=re.escape("got shape (2, 5)")):
        deploy.predict(net, np.zeros((2, 5)))


def test_the_resnet_gradient_claim():
    import torch

    x = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
    F = lambda t: 1e-6 * torch.tanh(t)  # noqa: E731 - a block whose own slope is tiny
    (x + F(x)).backward()
    assert abs(x.grad.item() - (1 + 1e-6 * (1 - np.tanh(0.3) ** 2))) < 1e-15
    assert "$1 + F'(x)$" in TEXT


def test_links_to_real_resources_are_plain_https_links():
    links = re.findall(r"\]\((https?://[^)]+)\)", RAW)
    for needed in (
        "neuralnetworksanddeeplearning.com",
        "3blue1brown.com",
        "pytorch.org/tutorials",
        "distill.pub",
        "arxiv.org/abs/1512.03385",
        "arxiv.org/abs/1706.03762",
        "colah.github.io",
    ):
        assert any(needed in link for link in links), needed
    assert "<img" not in RAW and "<iframe" not in RAW  # nothing is loaded from other hosts


def test_the_map_in_the_first_screen_is_the_pages_five_steps():
    from scripts.figures.projects import what_next_map

    steps = re.split(r"^\d\. \*", RAW.split("## 🔧 How it works, step by step")[1].split("\n## ")[0], flags=re.M)[1:]
    assert len(steps) == len(what_next_map.ROADS) == 5
    for k, (step, (title, holds)) in enumerate(zip(steps, what_next_map.ROADS), start=1):
        number, name = title.split(maxsplit=1)
        assert int(number) == k and name in step.split(".*")[0].lower(), (title, step[:40])
        for item in holds.split(", "):
            item = item.removeprefix("the ").removeprefix("no ")
            assert item.lower() in step.lower(), (item, k)
    alt = re.search(r"!\[(A map with [^\]]+)\]\(\.\./figures/what-next-map\.svg\)", RAW)
    assert alt, "the map is embedded with its alt text"
    for title, holds in what_next_map.ROADS:
        assert f"{' '.join(title.split())} ({holds})" in alt[1], title
    assert " ".join(what_next_map.START) in alt[1]
    assert RAW.index("what-next-map.svg") < RAW.index("## 🧭 Imagine")
