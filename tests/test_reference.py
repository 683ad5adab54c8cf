"""The reference pages stay complete: the code reference, the formula cheat sheet, the glossary.

When a chapter or a site_src module lands without its entries, these tests fail and say
exactly what is missing.
"""

import importlib
import inspect
import pkgutil
import re

import pytest
from bs4 import BeautifulSoup

import site_src
from tests.pages import DOCS, chapters, h2_headings, h2_sections, prose

REFERENCE = DOCS / "reference"
CHAPTERS = chapters()


def chapter_name(page):
    return page.relative_to(DOCS).as_posix()


# ---------------------------------------------------------------- the code reference


def site_src_modules():
    """Every public module of site_src (not the packages themselves), e.g. "activations", "pytorch.mlp".

    A private module (``_checks``: input checks) is not part of what the pages teach.
    """
    found = []
    for info in pkgutil.walk_packages(site_src.__path__, "site_src."):
        if not info.ispkg and not any(part.startswith("_") for part in info.name.split(".")):
            found.append(info.name)
    return sorted(found)


def public_names(module_name):
    """``__all__`` if the module has one, else the functions and classes it defines without a leading _."""
    module = importlib.import_module(module_name)
    if hasattr(module, "__all__"):
        return list(module.__all__)
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module_name
    ]


@pytest.fixture(scope="module")
def code_reference_ids(built_site):
    site, _ = built_site
    html = BeautifulSoup((site / "reference" / "code" / "index.html").read_text(), "html.parser")
    return {element["id"] for element in html.find_all(id=True) if element["id"]}


def test_code_reference_has_a_section_per_module(code_reference_ids):
    missing = [name for name in site_src_modules() if name not in code_reference_ids]
    assert not missing, "docs/reference/code.md has no `::: module` section for: " + ", ".join(missing)


def test_code_reference_documents_every_public_name(code_reference_ids):
    missing = [
        f"{module}.{name}"
        for module in site_src_modules()
        for name in public_names(module)
        if f"{module}.{name}" not in code_reference_ids
    ]
    assert not missing, "not on the rendered code reference page: " + ", ".join(missing)
    assert "site_src.neurons.Perceptron.fit" in code_reference_ids  # methods too


def test_code_reference_links_each_module_to_its_chapters():
    text = (REFERENCE / "code.md").read_text()
    for module in site_src_modules():
        shown = re.escape(module.replace(".", ".<wbr>"))  # <wbr>: wrap after a dot on a phone
        row = re.search(rf"^\| \[<code>{shown}</code>\]\(#{re.escape(module)}\) \|.*\|$", text, re.MULTILINE)
        assert row, f"docs/reference/code.md: the module table has no row for {module}"


# ---------------------------------------------------------------- reading Markdown


EXAMPLE_PAGE = """---
description: front matter, whose closing line is no heading
---

# Title

## 🧩 One

Text with 2 numbers.

```python
## not a heading
x = 3
```

!!! tip "A tip"

    Inside a box: 4.

    ```python
    y = 5
    ```

## Two
"""


def test_the_markdown_helpers_on_an_example():
    assert h2_headings(EXAMPLE_PAGE) == ["One", "Two"]
    assert [heading for heading, _ in h2_sections(EXAMPLE_PAGE)] == ["🧩 One", "Two"]
    text = prose(EXAMPLE_PAGE)
    assert "2 numbers" in text and "Inside a box: 4." in text and '!!! tip "A tip"' in text
    assert "x = 3" not in text and "y = 5" not in text and "```" not in text
    assert "Inside a box" in section(EXAMPLE_PAGE, "One") and section(EXAMPLE_PAGE, "Two") == ""


# ---------------------------------------------------------------- the cheat sheet


def section(text, title):
    """The text of the level-2 section whose heading ends with ``title`` (up to the next ``## ``)."""
    return next((body for heading, body in h2_sections(text) if heading.strip().endswith(title)), "")


def display_formulas(text):
    """Every $$...$$ formula outside code, whitespace normalised."""
    return [" ".join(formula.split()) for formula in re.findall(r"\$\$(.+?)\$\$", prose(text), re.DOTALL)]


def cheat_sheet_sections():
    """{chapter path: [formulas]} for each ``##`` section of the cheat sheet, by the chapters it links."""
    sections = {}
    for heading, body in h2_sections((REFERENCE / "cheatsheet.md").read_text()):
        for link in re.findall(r"\]\(\.\./([^)#]+\.md)(?:#[^)]*)?\)", heading + "\n" + body):
            sections.setdefault(link, []).extend(display_formulas(body))
    return sections


def test_cheat_sheet_has_every_math_corner_formula():
    sections = cheat_sheet_sections()
    missing = {}
    for page in CHAPTERS:
        wanted = display_formulas(section(page.read_text(), "The math corner"))
        have = sections.get(chapter_name(page), [])
        lost = [formula for formula in wanted if formula not in have]
        if lost:
            missing[chapter_name(page)] = lost
    assert not missing, (
        "docs/reference/cheatsheet.md lacks these math-corner formulas (add a "
        "`## [Chapter](../path.md#the-math-corner)` section with each formula and a one-line meaning):\n"
        + "\n".join(f"  {page}:\n" + "\n".join(f"    $$ {f} $$" for f in lost) for page, lost in missing.items())
    )


def test_the_perceptron_is_on_the_cheat_sheet():
    assert len(cheat_sheet_sections()["first-steps/perceptron.md"]) >= 2


# ---------------------------------------------------------------- the glossary

ARTICLE = re.compile(r"^(?:the|a|an) ")


def word_forms(word):
    """The word, and what it would be without a plural ending."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


def term_keys(term):
    """Ways to match a term: case, spacing and a leading article ignored, plural or not on its last word."""
    term = ARTICLE.sub("", " ".join(term.lower().split()))
    *head, last = term.split(" ")
    return {" ".join(head + [form]) for form in word_forms(last)}


def is_run_in_heading(text):
    """A bold phrase that starts a paragraph or list item like a heading, not a term."""
    return (
        text.rstrip().endswith((".", ":", "?", "!"))
        or "$" in text
        or len(text.split()) > 5
        or not re.search(r"[A-Za-z]", text)
        or re.match(r"\d+\. ", text) is not None
    )


def prose_only(text):
    """A page's prose: no front matter, code, math, HTML comments or admonition titles."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = prose(text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"\$\$.+?\$\$", "", text, flags=re.DOTALL)
    text = re.sub(r"(?<!\\)\$[^$\n]+?\$", "", text)
    text = re.sub(r"`[^`\n]+`", "", text)
    return re.sub(r"^\s*(?:!!!|\?\?\?\+?|===) .*$", "", text, flags=re.MULTILINE)


def bold_terms(page):
    """The page's glossary terms: its **bold** phrases that are not run-in headings."""
    phrases = [" ".join(m.split()) for m in re.findall(r"\*\*(.+?)\*\*", prose_only(page.read_text()), re.DOTALL)]
    return [phrase for phrase in phrases if not is_run_in_heading(phrase)]


def glossary_entries():
    """[(names, definition)] from the glossary's definition list.

    An entry is one or more name lines (no blank line between them) and then a definition
    starting with ":   ", continued by lines indented four spaces.
    """
    entries, names, definition = [], [], None
    for line in (REFERENCE / "glossary.md").read_text().splitlines():
        if definition is not None and line.startswith("    "):
            definition.append(line.strip())
            continue
        if definition is not None:
            entries.append((names, " ".join(definition)))
            names, definition = [], None
        if line.startswith(":   ") and names:
            definition = [line[4:].strip()]
        elif not line.strip():
            names = []
        elif not line.startswith((" ", "#", "<", "-", "|", "!", "?", ":")):
            names.append(line.strip())
    if definition is not None:
        entries.append((names, " ".join(definition)))
    return entries


def test_glossary_parses():
    entries = glossary_entries()
    assert len(entries) >= 10
    assert all(names and definition for names, definition in entries)
    weight = [definition for names, definition in entries if names == ["weight"]]
    assert weight and weight[0].startswith("A number that says how much one input counts")


def test_glossary_entries_are_alphabetical():
    names = [names[0].lower() for names, _ in glossary_entries()]
    assert names == sorted(names), "keep docs/reference/glossary.md in alphabetical order"


def test_glossary_has_every_bold_term_of_every_chapter():
    entries = glossary_entries()
    index = {}  # matching key -> entry number
    for number, (names, _) in enumerate(entries):
        for name in names:
            for key in term_keys(name):
                index.setdefault(key, number)
    missing, taught_in = {}, {}
    for page in CHAPTERS:
        for term in bold_terms(page):
            found = [index[key] for key in term_keys(term) if key in index]
            if found:
                taught_in.setdefault(found[0], set()).add(chapter_name(page))
            else:
                missing.setdefault(chapter_name(page), set()).add(term)
    unlinked = {
        entries[number][0][0]: sorted(pages)
        for number, pages in taught_in.items()
        if not any(f"](../{page}" in entries[number][1] for page in pages)
    }
    message = []
    if missing:
        message.append("docs/reference/glossary.md has no entry for these bold terms (chapter: terms):")
        message += [f"  {page}: {', '.join(sorted(terms))}" for page, terms in sorted(missing.items())]
    if unlinked:
        message.append("these glossary entries link to no chapter where the term is taught in bold:")
        message += [f"  {term}: link one of {', '.join(pages)}" for term, pages in sorted(unlinked.items())]
    assert not message, "\n".join(message)


def test_glossary_rules_on_examples():
    assert term_keys("Weights") & term_keys("weight")
    assert term_keys("the hidden layer") & term_keys("hidden layers")
    assert term_keys("activations") & term_keys("activation")
    assert term_keys("biases") & term_keys("bias")
    assert not term_keys("perceptron") & term_keys("perceptron learning rule")
    assert is_run_in_heading("Worked example.") and is_run_in_heading("Add 1:")
    assert is_run_in_heading("Subtract 1 and multiply by $\\alpha$") and is_run_in_heading("1. Count the parameters")
    assert not is_run_in_heading("perceptron convergence theorem")
