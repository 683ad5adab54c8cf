"""Helpers for the chapter tests: read a page and look for facts computed by site_src in it.

A chapter test computes a number with ``site_src`` (or PyTorch), writes it the way the page
writes it, and checks the page says it. Line wrapping never matters: ``page_text`` collapses
every run of spaces and line breaks into one space, and so does ``assert_all_in`` for the
expected texts.

Numbers are written with the project's one formatter, ``scripts.style.numbers.fmt`` (the
same function the figures and clips use): plain text on the pages uses its real minus sign
(−), and ``tex`` gives the same digits with the ASCII minus that LaTeX math (``$-0.5$``)
uses. A few notations ``fmt`` has no option for (significant digits, powers of ten in
LaTeX, numbers in words) are the small functions at the end.
"""

import ast
from functools import cache
from pathlib import Path

import numpy as np

from scripts.style.numbers import fmt
from tests.pages import DOCS, blocks, prose

__all__ = [
    "DOCS",
    "fmt",
    "tex",
    "collapse",
    "page_text",
    "page_source",
    "assert_all_in",
    "assert_uses_figure",
    "code_calls",
    "significant",
    "tex_power",
    "number_word",
]


def _path(page):
    """``"learning/mlp"``, ``"learning/mlp.md"`` or a Path, as the file in docs/."""
    page = Path(page)
    if not page.is_absolute():
        page = DOCS / page
    return page if page.suffix == ".md" else page.with_suffix(".md")


def collapse(text):
    """Every run of spaces and line breaks becomes one space."""
    return " ".join(text.split())


@cache
def page_text(page):
    """The page's prose (code fences removed: their numbers are checked by their Output boxes), whitespace collapsed.

    >>> "In one sentence" in page_text("first-steps/perceptron")
    True
    """
    return collapse(prose(_path(page).read_text()))


@cache
def page_source(page):
    """The whole page, code included, whitespace collapsed (for figure names and links)."""
    return collapse(_path(page).read_text())


def assert_uses_figure(page, name, part):
    """The page embeds ``figures/<name>.svg``, drawn by ``scripts/figures/<part>/<name with _>.py`` and rendered."""
    assert f"](../figures/{name}.svg)" in page_source(page)
    assert (DOCS.parent / "scripts" / "figures" / part / f"{name.replace('-', '_')}.py").exists()
    assert (DOCS.parent / "figures" / f"{name}.svg").exists()


def assert_all_in(text, expected):
    """Fail with the list of every expected text (whitespace collapsed) that the page does not contain."""
    missing = [collapse(e) for e in expected if collapse(e) not in text]
    assert not missing, f"not found in the page: {missing}"


def tex(x, digits=2, sign=False, trim=False):
    """A number as LaTeX math on the pages writes it: ``fmt``'s digits with an ASCII minus.

    >>> tex(-0.25, 4), tex(-0.020, 3, trim=True), tex(0.5, 1, sign=True)
    ('-0.2500', '-0.02', '+0.5')
    """
    return fmt(float(x), digits, sign=sign, trim=trim).replace("−", "-")


def code_calls(page, name):
    """Every call of ``name`` (a function or method) in the page's Python blocks, with its literal arguments.

    Returns a list of ``(args, kwargs)``: the positional arguments and keywords that are
    plain literals (numbers, lists of numbers, strings), evaluated; others are left out.
    Blocks that are not plain Python (snippet includes) are skipped.

    >>> code_calls("first-steps/perceptron", "fit")[0][1]
    {'epochs': 3, 'lr': 0.1}
    """
    found = []
    for token in blocks(_path(page).read_text()):
        if token.type != "fence" or token.info.strip().split(" ")[:1] not in (["python"], ["py"], ["pycon"]):
            continue
        try:
            tree = ast.parse(token.content)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if called != name:
                continue
            found.append(
                (
                    [_literal(a) for a in node.args if _literal(a) is not _NOT],
                    {k.arg: _literal(k.value) for k in node.keywords if _literal(k.value) is not _NOT},
                )
            )
    return found


_NOT = object()


def _literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _NOT


def significant(x, n=2):
    """``x`` rounded to ``n`` significant digits and written out in full, with thousands commas.

    >>> significant(1234567.0), significant(0.0344), significant(21.4)
    ('1,200,000', '0.034', '21')
    """
    r = float(f"{x:.{n}g}")
    return f"{r:,.0f}" if abs(r) >= 10 else f"{r:g}"


def tex_power(x, decimals=1):
    """``x`` as LaTeX writes a power of ten: ``3.9 \\times 10^{-7}``.

    >>> tex_power(3.86e-07)
    '3.9 \\\\times 10^{-7}'
    """
    mantissa, exponent = f"{x:.{decimals}e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    100: "a hundred",
    1000: "a thousand",
    10_000: "ten thousand",
}


def number_word(n):
    """A whole number as the prose writes it in words.

    >>> number_word(3), number_word(20)
    ('three', 'twenty')
    """
    n = int(n)
    if 0 <= n < len(_WORDS):
        return _WORDS[n]
    if n in _TENS:
        return _TENS[n]
    raise ValueError(f"number_word knows 0 to 12 and {sorted(_TENS)}, not {n}")


def num(x):
    """A number as the math corners write it: up to three decimals, trailing zeros dropped, ASCII minus."""
    return tex(x, 3, trim=True)


def pmatrix(rows):
    """A LaTeX pmatrix as the pages write it: ``\\begin{pmatrix} 1 & 2 \\\\ 3 & -1 \\end{pmatrix}``."""
    body = r" \\ ".join(" & ".join(num(v) for v in np.atleast_1d(row)) for row in rows)
    return rf"\begin{{pmatrix}} {body} \end{{pmatrix}}"


def column(vector):
    """A column vector as a pmatrix."""
    return pmatrix([[v] for v in vector])
