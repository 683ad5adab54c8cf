"""Bold and italics come out balanced in the built pages.

A stray or mismatched ``*`` in Markdown (``**linear layer*``) does not fail the build: it
turns a sentence into nested italics or leaves a literal asterisk on the page. This reads
the text a reader sees (code and math left out) and finds both.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment

from tests.browser import site_pages

STRAY = re.compile(r"(?<![\w*])\*{1,2}(?=\w)|(?<=\w)\*{1,2}(?![\w*])|(?<![\w_])__(?=\w)|(?<=\w)__(?!\w)")


def emphasis_problems(html):
    """Nested emphasis and literal Markdown emphasis marks in the page's reading text.

    >>> emphasis_problems("<p>a <em><em>linear layer</em> b <em>affine</em></em></p>")
    ['<em> inside <em>: linear layer', '<em> inside <em>: affine']
    >>> emphasis_problems("<p>a **linear layer* b</p><pre>x = a**2</pre>")
    ["literal '**' in: a **linear layer* b", "literal '*' in: a **linear layer* b"]
    >>> emphasis_problems("<p>x <strong>bold</strong> and <em>it</em><!-- a **note** --></p>")
    []
    """
    soup = BeautifulSoup(html, "html.parser")
    content = soup.select_one("article") or soup
    # .clipboard-copy-txt: the hidden copy of a notebook cell's code that its copy button copies
    for skip in content.select("pre, code, .arithmatex, math, script, style, .clipboard-copy-txt"):
        skip.decompose()
    problems = []
    for tag in ("em", "strong"):
        for inner in content.select(f"{tag} {tag}"):
            problems.append(f"<{tag}> inside <{tag}>: {inner.get_text(' ', strip=True)}")
    for text in content.find_all(string=lambda s: not isinstance(s, Comment)):
        for match in STRAY.finditer(text):
            problems.append(f"literal {match[0]!r} in: {' '.join(text.split())[:80]}")
    return problems


@pytest.fixture(scope="module")
def site(built_site):
    return built_site[0]


def test_bold_and_italics_are_balanced_on_every_page(site):
    found = {}
    for page in site_pages(site):
        problems = emphasis_problems((Path(site) / page / "index.html").read_text())
        if problems:
            found[page or "(home)"] = problems
    assert not found, f"unbalanced emphasis: {found}"
