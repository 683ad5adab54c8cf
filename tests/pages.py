"""Helpers for tests that read the pages in docs/."""

import re
from pathlib import Path

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


def pages():
    return sorted(DOCS.rglob("*.md"))


def chapters():
    return [
        page for page in pages()
        if page.relative_to(DOCS).as_posix() not in NOT_CHAPTERS
        and page.relative_to(DOCS).parts[0] not in NOT_CHAPTER_FOLDERS
    ]


def h2_headings(text):
    """The level-2 headings of a Markdown page, without a leading emoji, outside code fences."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    return [re.sub(r"^[^\w]+", "", heading).strip() for heading in headings]


def prose(text):
    """The page without its code fences, for checking numbers written in sentences."""
    return re.sub(r"^\s*```.*?^\s*```", "", text, flags=re.MULTILINE | re.DOTALL)
