"""Helpers for the "Training better" chapter tests: read a page of docs/training/ and look for numbers in it."""

import numpy as np
import torch

from tests.pages import DOCS, prose


def page(name):
    """The page's prose (code fences removed), whitespace collapsed."""
    return " ".join(prose((DOCS / "training" / f"{name}.md").read_text()).split())


def full(name):
    """The whole page, code included, whitespace collapsed."""
    return " ".join((DOCS / "training" / f"{name}.md").read_text().split())


def assert_all_in(text, expected):
    missing = [" ".join(e.split()) for e in expected if " ".join(e.split()) not in text]
    assert not missing, f"not found in the page: {missing}"


def torch_path(make, grad, start, steps):
    """Where a torch.optim optimizer walks on a two-weight loss, autograd-free: ``grad(x, y)`` gives the slopes."""
    theta = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = make([theta])
    points = [theta.detach().clone().numpy()]
    for _ in range(steps):
        optimizer.zero_grad()
        theta.grad = torch.tensor(grad(*theta.detach().numpy()), dtype=torch.float64)
        optimizer.step()
        points.append(theta.detach().clone().numpy())
    return np.array(points)
