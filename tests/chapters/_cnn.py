"""Helpers for the CNN chapter tests: read a page of docs/cnn/ and look for numbers in it."""

from tests.pages import DOCS, prose


def page(name):
    """The page's prose (code fences removed), whitespace collapsed."""
    return " ".join(prose((DOCS / "cnn" / f"{name}.md").read_text()).split())


def full(name):
    """The whole page, code included, whitespace collapsed."""
    return " ".join((DOCS / "cnn" / f"{name}.md").read_text().split())


def thousands(n):
    """1234567 -> '1,234,567', as the prose writes counts."""
    return f"{int(n):,}"


def row(values):
    """A feature-map row as the tables write it: '3, 0, −3' with real minus signs."""
    return ", ".join(f"{float(v):g}".replace("-", "−") for v in values)


def assert_all_in(text, expected):
    missing = [" ".join(e.split()) for e in expected if " ".join(e.split()) not in text]
    assert not missing, f"not found in the page: {missing}"
