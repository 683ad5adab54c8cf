"""Run every Python code block on every page (docs/**/*.md) with Sybil.

Blocks on one page share a namespace, top to bottom, like a notebook.
``--8<--`` snippet includes are expanded first, with the same extension
the site uses, so the tested code is exactly the code on the page.
A block that must not run is preceded by ``<!-- skip: next -->`` and a
visible sentence saying why.

A Python block followed directly by a ```` ```text title="Output" ```` block must
print exactly that text: outputs shown on a page are real outputs.
"""

import contextlib
import io
import re
import textwrap
from pathlib import Path

from sybil import Lexeme, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown import ClearNamespaceParser, SkipParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

from scripts.hooks.notebooks import INFO, expand_includes  # one definition of a page's Python blocks

ROOT = Path(__file__).parent


def expand_snippets(source):
    if "-8<-" not in source:
        return source
    text = expand_includes(str(source))
    return Lexeme(text, offset=source.offset, line_offset=source.line_offset)


# an Output block right after a Python block (same indentation, blank lines allowed)
OUTPUT = re.compile(r'\s*\n(?P<indent>[ \t]*)```text title="Output"\n(?P<body>.*?)\n(?P=indent)```', re.DOTALL)


class PrintsExactly:
    """Run a block like PythonEvaluator and compare what it prints with the page's Output block."""

    def __init__(self, expected):
        self.expected = expected
        self.python = PythonEvaluator()

    def __call__(self, example):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            self.python(example)
        got, want = printed.getvalue().rstrip(), self.expected.rstrip()
        if got != want:
            return f"the page shows this output:\n{want}\n\nbut the block printed:\n{got}"


class PythonFences:
    """Sybil parser for every Python fence, including ones indented in tabs and admonitions."""

    def __init__(self):
        self.lexer = RawFencedCodeBlockLexer(info_pattern=INFO)
        self.doctest = DocTestStringParser(DocTestEvaluator())
        self.python = PythonEvaluator()

    def __call__(self, document):
        for region in self.lexer(document):
            source = expand_snippets(region.lexemes["source"])
            if source.lstrip().startswith(">>>"):
                for sub in self.doctest(source, document.path):
                    sub.adjust(region, source)
                    yield sub
            else:
                output = OUTPUT.match(document.text, region.end)
                expected = textwrap.dedent(output["body"]) if output else None
                region.parsed = source
                region.evaluator = PrintsExactly(expected) if output else self.python
                yield region


# The project notebooks' jupytext sources are scripts: importing them (as --doctest-modules
# would) runs the whole notebook. tests/test_notebooks.py executes them instead.
collect_ignore_glob = ["docs/projects/*.py"]

pytest_collect_file = Sybil(
    parsers=[PythonFences(), SkipParser(), ClearNamespaceParser()],
    patterns=["*.md"],
    path="docs",
).pytest()
