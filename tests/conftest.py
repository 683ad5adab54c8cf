"""Shared fixtures: the site is built once per test run, strictly, into a temporary folder."""

import os
import subprocess
import sys

import pytest

from tests.browser import chromium, serve
from tests.pages import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """Run `mkdocs build --strict` once; return (site folder, build log)."""
    site = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return site, done.stdout + done.stderr


@pytest.fixture(scope="module")
def base_url(built_site):
    """The built site, served on 127.0.0.1 for the browser tests."""
    site, _ = built_site
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    """Debian's Chromium, headless, driven by Selenium (one per test module)."""
    browser = chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def one_torch_thread():
    """PyTorch on one thread: tiny tensors on a shared 2-core machine only wait for each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
