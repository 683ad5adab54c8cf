"""Helpers for tests that read the pages in docs/ (Markdown, read with markdown-it-py)."""

import re
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# Pages that are not chapters, so they do not follow the ten-part template.
NOT_CHAPTERS = {"index.md"}
NOT_CHAPTER_FOLDERS = {"reference"}

TEMPLATE = [
    "In one sentence",
    "Imagine…",
    "How it works, step by step",
    "See it",
    "The math corner",
    "The code",
    "Why we need it",
    "Good, bad, and fixes",
    "Try it yourself",
    "Remember",
]

MARKDOWN = MarkdownIt("commonmark")


def pages():
    return sorted(DOCS.rglob("*.md"))


def chapters():
    return [
        page
        for page in pages()
        if page.relative_to(DOCS).as_posix() not in NOT_CHAPTERS
        and page.relative_to(DOCS).parts[0] not in NOT_CHAPTER_FOLDERS
    ]


def blocks(text, first_line=0):
    """The block tokens of a page, with ``token.map`` counted in the page's lines.

    Plain Markdown reads the indented body of an admonition (``!!!``, ``???``) or a content
    tab (``===``) as indented code. The pages always fence their code, so such a body is read
    again as Markdown, and the fences inside it are found too.
    """
    for token in MARKDOWN.parse(text):
        if token.map:
            token.map = [line + first_line for line in token.map]
        if token.type == "code_block":
            yield from blocks(token.content, token.map[0])
        else:
            yield token


def h2_sections(text):
    """[(heading, body)] for each level-2 section: the heading's text and the Markdown after it, up to the next one.

    Only ATX headings (``## ``) count: the front matter's closing ``---`` makes a setext heading.
    """
    tokens = MARKDOWN.parse(text)
    starts = [
        (token.map[0], tokens[i + 1].content)
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.markup == "##"
    ]
    lines = text.splitlines(keepends=True)
    ends = [start for start, _ in starts[1:]] + [len(lines)]
    return [(heading, "".join(lines[start + 1 : end])) for (start, heading), end in zip(starts, ends)]


def h2_headings(text):
    """The level-2 headings of a Markdown page, without a leading emoji, outside code fences."""
    return [re.sub(r"^[^\w]+", "", heading).strip() for heading, _ in h2_sections(text)]


def prose(text):
    """The page without its code fences, for checking numbers written in sentences."""
    code = {line for token in blocks(text) if token.type == "fence" for line in range(*token.map)}
    return "".join(line for number, line in enumerate(text.splitlines(keepends=True)) if number not in code)
