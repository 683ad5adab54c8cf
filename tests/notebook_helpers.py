"""Shared by the notebook tests: the site's settings, its chapters, and each project notebook executed once."""

import time
from functools import cache

import yaml

from scripts.hooks import notebooks as hook
from tests.pages import ROOT

DOCS = ROOT / "docs"


class _Tagged(yaml.SafeLoader):
    """mkdocs.yml's YAML, with its !ENV and !!python tags read as plain values."""


_Tagged.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config():
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Tagged)


def nav_pages(nav):
    """Every page path listed in a nav."""
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from nav_pages(value)
        else:
            yield value


def chapters():
    """The chapter pages in the nav that have Python blocks (the ones that get a notebook)."""
    config = site_config()
    listed = set(nav_pages(config["nav"]))
    not_chapters = config["extra"]["course"]["not_chapters"]
    return [
        uri
        for uri in hook.chapter_pages(DOCS, not_chapters)
        if uri in listed and hook.chapter_notebook(DOCS / uri) is not None
    ]


def outputs_text(nb):
    """Everything the code cells printed or returned as text."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", "") + output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


@cache
def executed_project(name):
    """The project notebook ``docs/projects/<name>.py``, executed once per test run: (notebook, seconds)."""
    start = time.perf_counter()
    nb = hook.project_notebook(DOCS / "projects" / f"{name}.py")
    return nb, time.perf_counter() - start
