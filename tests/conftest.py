"""Shared fixtures: the site is built once per test run, strictly, into a temporary folder."""

import os
import subprocess
import sys

import pytest

from tests.pages import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """Run `mkdocs build --strict` once; return (site folder, build log)."""
    site = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return site, done.stdout + done.stderr
