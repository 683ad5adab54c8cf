"""MkDocs hook: the project notebooks, executed at build, and a notebook of every chapter's code.

Project notebooks
    Their source is a jupytext percent file, ``docs/projects/<name>.py`` (diffable, reviewable).
    ``on_files`` turns it into a notebook and executes it here, with nbclient, in a
    fresh kernel whose working folder is the repository (so ``site_src`` imports), before
    mkdocs-jupyter sees it. A cell that raises stops the build with the cell and the error
    (``PluginError``), so a broken notebook never reaches the site. Nothing is cached:
    every build executes the current source, so no page shows stale output. The executed
    notebook replaces the ``.py`` as ``projects/<name>.ipynb``; mkdocs-jupyter (``execute:
    false``, ``allow_errors: false``, ``cache: false``) renders it as the page, and
    ``include_source: true`` publishes the executed ``.ipynb`` beside the page, for download.
    Executing here rather than in mkdocs-jupyter runs the notebook once per build and
    gives readers the executed file, not the bare source.

    On the page (``on_page_content``): the link to download the notebook goes under the
    title; ``$...$`` and ``$$...$$`` in Markdown cells become Arithmatex's ``\\(...\\)`` and
    ``\\[...\\]``, which ``vendor.py`` typesets at build like every page's math;
    the nbconvert template's MathJax and mermaid loaders (scripts from other hosts, unused)
    are removed; every picture gets the ``alt`` text its cell gave it (``Image(..., alt=...)``),
    and a picture without one is a warning, so ``--strict`` fails.

Chapter notebooks ("Run this chapter yourself")
    Every chapter page (a Markdown page outside ``index.md`` and the ``extra.course.not_chapters``
    folders) with Python blocks gets ``<page>.ipynb`` beside it: its Python blocks, in
    order, with ``--8<--`` snippets expanded, exactly as Sybil runs them in ``conftest.py``
    (blocks marked ``<!-- skip: next -->`` left out, ``>>>`` examples as plain code), and the
    page's headings between them. The page links to it at its end. The tests execute
    every chapter notebook (tests/test_notebooks.py).
"""

import doctest
import functools
import logging
import re
import shutil
import tempfile
import textwrap
import time
from pathlib import Path, PurePosixPath

import jupytext
import markdown
import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.notebooks")

ROOT = Path(__file__).resolve().parents[2]
PROJECTS = "projects/*.py"  # jupytext sources of the project notebooks, under docs/
# mkdocs-jupyter inlines this 570 KB stylesheet (all of JupyterLab's) into every notebook page; the
# site serves it once, cut to the rules that can style those pages (used_css, below)
JUPYTER_CSS = Path(__import__("mkdocs_jupyter").__file__).parent / "templates" / "mkdocs_html" / "assets" / "index.css"
JUPYTER_CSS_URI = "assets/notebooks/jupyter.css"
TIMEOUT = 600  # seconds per cell; the Iris notebook takes well under a minute in all
KERNEL = "python3"
NOTEBOOK_KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL}


# ---------------------------------------------------------------- executing a notebook


def execute(nb, name="notebook", cwd=ROOT):
    """Run every cell of ``nb`` (in place) in a new kernel working in ``cwd``; ``PluginError`` if one raises."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from traitlets.config import Config

    with tempfile.TemporaryDirectory(prefix="dl-kernel-") as sockets:
        # IPC sockets in a private folder: no TCP port, so ipykernel has nothing to warn about.
        # The client makes (and so shuts down) its own kernel manager, configured here.
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")}})
        client = NotebookClient(
            nb,
            config=config,
            kernel_name=KERNEL,
            timeout=TIMEOUT,
            allow_errors=False,
            resources={"metadata": {"path": str(cwd)}},
        )
        try:
            client.execute()
        except CellExecutionError as error:
            raise PluginError(f"{name}: a cell raised an error, so the build stops:\n{error}") from None
    return nb


def _numbered(nb):
    """``nb`` with cell ids ``cell-1``, ``cell-2``, ...: the same source gives the same file."""
    for i, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{i}"
    return nb


def project_notebook(path):
    """The jupytext percent file at ``path``, as a notebook, executed."""
    nb = _numbered(jupytext.read(path))
    nb.metadata["kernelspec"] = NOTEBOOK_KERNEL
    return execute(nb, name=str(path))


def image_alts(nb):
    """``{base64 PNG: alt text}`` for every picture the notebook's cells showed."""
    alts = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                alts[png.strip()] = output.get("metadata", {}).get("image/png", {}).get("alt", "")
    return alts


# ---------------------------------------------------------------- a chapter's Python blocks

# the fences conftest.py hands to Sybil (it imports these): python / py / pycon, with or without attributes
INFO = re.compile(r"[ \t]*(?:\{[ \t]*\.)?(?P<language>python|py|pycon)\b[^\n]*$\n", re.MULTILINE)
SKIP_NEXT = re.compile(r"<!--\s*skip:\s*next\s*-->\s*$")
CLEAR = re.compile(r"<!--\s*clear-namespace\s*-->")
HEADING = re.compile(r"^(#{2,3}) +(.+?) *#*$", re.MULTILINE)  # the title (#) is the notebook's first cell
OTHER_FENCES = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)

_SNIPPETS = markdown.Markdown(
    extensions=["pymdownx.snippets"],
    extension_configs={
        "pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True, "dedent_subsections": True}
    },
).preprocessors["snippet"]


def expand_includes(source):
    """The block's code with ``--8<--`` includes replaced by the code they name."""
    return "\n".join(_SNIPPETS.run(source.split("\n"))) if "-8<-" in source else source


def _code(source):
    """A block as plain code: ``>>>`` examples become their statements (their outputs dropped)."""
    if source.lstrip().startswith(">>>"):
        return "\n".join(e.source.rstrip("\n") for e in doctest.DocTestParser().get_examples(source))
    return source.strip("\n")


def _headings(text):
    """The page's section headings in ``text`` (outside other code blocks), as Markdown cells."""
    text = OTHER_FENCES.sub("", text)
    return [nbformat.v4.new_markdown_cell(f"{hashes} {title}") for hashes, title in HEADING.findall(text)]


def _level(cell):
    return len(cell.source) - len(cell.source.lstrip("#")) if cell.cell_type == "markdown" else 0


def _with_code(cells):
    """``cells`` without the headings of sections that hold no code."""
    kept = []
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            following = (c for c in cells[i + 1 :] if c.cell_type == "code" or _level(c) <= _level(cell))
            if next(following, cell).cell_type != "code":
                continue
        kept.append(cell)
    return kept


def _title(text, fallback):
    front = FRONT_MATTER.match(text)
    if front:
        found = re.search(r"^title:\s*(.+)$", front[0], re.MULTILINE)
        if found:
            return found[1].strip().strip("\"'")
    found = re.search(r"^# +(.+)$", text, re.MULTILINE)
    return found[1].strip() if found else fallback


def chapter_notebook(path, url=None):
    """The Python blocks of the Markdown page at ``path`` as a notebook (None if it has none)."""
    from sybil import Document
    from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

    text = Path(path).read_text(encoding="utf-8")
    title = _title(text, Path(path).stem)
    document = Document(text, str(path))
    cells, end, n_code = [], 0, 0
    for region in RawFencedCodeBlockLexer(info_pattern=INFO)(document):
        before = text[end : region.start]
        cells += _headings(FRONT_MATTER.sub("", before) if end == 0 else before)
        end = region.end
        if CLEAR.search(before):
            cells.append(nbformat.v4.new_code_cell("%reset -f  # the page starts a fresh namespace here"))
        if SKIP_NEXT.search(before):
            continue  # the page says this block must not run, and why
        code = _code(textwrap.dedent(expand_includes(str(region.lexemes["source"]))))
        if code.strip():
            cells.append(nbformat.v4.new_code_cell(code))
            n_code += 1
    if n_code == 0:
        return None
    where = f" ({url})" if url else ""
    intro = nbformat.v4.new_markdown_cell(
        f"# {title}\n\nThe Python code of the chapter *{title}*{where}, block by block, in the order the "
        "page shows it. Run the cells from top to bottom: like the blocks on the page, they share one "
        "namespace. The code imports `site_src`, the site's teaching code, so run it in a copy of the "
        "site's repository with its environment (`bash scripts/setup.sh`)."
    )
    return _numbered(
        nbformat.v4.new_notebook(
            cells=[intro] + _with_code(cells),
            metadata={"kernelspec": NOTEBOOK_KERNEL, "language_info": {"name": "python"}},
        )
    )


def chapter_pages(docs_dir, not_chapters=()):
    """Every chapter page under ``docs_dir``, as paths relative to it (``learning/mlp.md``)."""
    docs_dir = Path(docs_dir)
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        uri = path.relative_to(docs_dir).as_posix()
        if uri == "index.md" or uri.split("/")[0] in not_chapters:
            continue
        pages.append(uri)
    return pages


# ---------------------------------------------------------------- the build

_build = {"dir": None, "chapters": {}, "projects": {}, "notebook_pages": []}


def _fresh_build_dir():
    if _build["dir"]:
        shutil.rmtree(_build["dir"], ignore_errors=True)
    _build["dir"] = Path(tempfile.mkdtemp(prefix="dl-notebooks-"))
    return _build["dir"]


@event_priority(50)  # before mkdocs-jupyter (priority 0) decides which files are notebooks
def on_files(files, config):
    build = _fresh_build_dir()
    _build["chapters"], _build["projects"], _build["notebook_pages"] = {}, {}, []
    for file in list(files):
        if file.abs_src_path and PurePosixPath(file.src_uri).match(PROJECTS):
            start = time.perf_counter()
            nb = project_notebook(file.abs_src_path)
            uri = file.src_uri.removesuffix(".py") + ".ipynb"
            target = build / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, target)
            files.remove(file)  # the executed .ipynb is the page; the .py stays in the repository
            # a plain File in the build folder, not File.generated: mkdocs-jupyter wraps it and
            # needs a file whose source folder is known
            files.append(
                File(
                    uri,
                    src_dir=str(build),
                    dest_dir=config["site_dir"],
                    use_directory_urls=config["use_directory_urls"],
                )
            )
            _build["projects"][uri] = image_alts(nb)
            log.info(f"executed {file.src_uri} in {time.perf_counter() - start:.1f} s")
    if _build["projects"]:
        files.append(File.generated(config, JUPYTER_CSS_URI, abs_src_path=str(JUPYTER_CSS)))
    not_chapters = config.get("extra", {}).get("course", {}).get("not_chapters", [])
    for uri in chapter_pages(config["docs_dir"], not_chapters):
        nb = chapter_notebook(Path(config["docs_dir"]) / uri)
        if nb is not None:
            nb_uri = uri.removesuffix(".md") + ".ipynb"
            files.append(File.generated(config, nb_uri, content=nbformat.writes(nb)))
            _build["chapters"][uri] = nb_uri
    return files


MATH_BLOCK = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
MATH_INLINE = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)")
MARKDOWN_CELL = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^>]*>)(.*?)(</div>)', re.DOTALL)
FOREIGN_SCRIPTS = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL),
    re.compile(
        r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*'
        r'const diagrams = document\.querySelectorAll\("\.jp-Mermaid.*?</script>',
        re.DOTALL,
    ),
]
# nbconvert writes <img alt="No description has been provided for this image" class="" src="data:...">
PNG = re.compile(r'<img (?:alt="[^"]*" )?(?:class="[^"]*" )?src="data:image/png;base64,([^"]+)"')
STYLE = re.compile(r'<style type="text/css">\s*(.*?)\s*</style>', re.DOTALL)


def _arithmatex(cell_html):
    """``$$..$$`` and ``$..$`` in one rendered Markdown cell, as Arithmatex writes math (for vendor.py)."""
    cell_html = MATH_BLOCK.sub(lambda m: f'<div class="arithmatex">\\[{m[1].strip()}\\]</div>', cell_html)
    return MATH_INLINE.sub(lambda m: f'<span class="arithmatex">\\({m[1]}\\)</span>', cell_html)


def _project_page(html, page, files, alts):
    for pattern in FOREIGN_SCRIPTS:
        html, n = pattern.subn("", html)
        if n == 0:
            log.warning(f"{page.file.src_uri}: nbconvert's template changed; check for scripts from other hosts")
    html = MARKDOWN_CELL.sub(lambda m: m[1] + _arithmatex(m[2]) + m[3], html)

    def with_alt(match):
        alt = alts.get(match[1].strip(), "")
        if not alt:
            log.warning(f"{page.file.src_uri}: a picture has no alt text; show it with Image(..., alt=...)")
        # no-lightbox: a zoom link would repeat the whole picture in the page
        return f'<img class="no-lightbox" alt="{_escape(alt)}" src="data:image/png;base64,{match[1]}"'

    html = PNG.sub(with_alt, html)
    _build["notebook_pages"].append(html)
    css = JUPYTER_CSS.read_text(encoding="utf-8").strip()
    href = files.get_file_from_path(JUPYTER_CSS_URI).url_relative_to(page.file)
    html = STYLE.sub(lambda m: f'<link rel="stylesheet" href="{href}">' if m[1] == css else m[0], html)
    name = PurePosixPath(page.file.src_uri).name
    link = (
        f'<p class="dl-notebook-download"><a href="{name}" download>Download this notebook</a> '
        "(the executed <code>.ipynb</code>, with every output shown here).</p>"
    )
    return _after_title(html, link)


def _escape(text):
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _after_title(html, snippet):
    """``snippet`` right after the page's first ``<h1>`` (or at the top when there is none)."""
    end = html.find("</h1>")
    return html[: end + 5] + snippet + html[end + 5 :] if end >= 0 else snippet + html


@event_priority(50)  # before mkdocs-glightbox wraps the pictures in zoom links
def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if uri in _build["projects"]:
        return _project_page(html, page, files, _build["projects"][uri])
    if uri in _build["chapters"]:
        notebook = files.get_file_from_path(_build["chapters"][uri])
        href = notebook.url_relative_to(page.file)
        return html + (
            '<div class="admonition tip dl-run-chapter">'
            '<p class="admonition-title">Run this chapter yourself</p>'
            f'<p><a href="{href}" download>Download this chapter\'s code as a Jupyter notebook</a>: '
            "every Python block of this page, in order, ready to run and change.</p></div>"
        )
    return html


def on_post_build(config):
    if _build["notebook_pages"]:
        site = Path(config["site_dir"])
        others = [path.read_text(encoding="utf-8") for path in site.rglob("*.css") if path != site / JUPYTER_CSS_URI]
        css = used_css(JUPYTER_CSS.read_text(encoding="utf-8"), _build["notebook_pages"], others)
        (site / JUPYTER_CSS_URI).write_text(css, encoding="utf-8")
    if _build["dir"]:
        shutil.rmtree(_build["dir"], ignore_errors=True)
        _build["dir"] = None


# ---------------------------------------------------------------- the notebook stylesheet, cut down

# The theme switch sets this attribute on <body> after load: a rule for either scheme is kept.
SCHEMES = ("default", "slate")
# States a reader brings about (and pseudo-elements): dropped from a selector before it is tried.
DYNAMIC = re.compile(
    r"::?(?:-[\w-]+|before|after|first-line|first-letter|selection|placeholder|marker)(?:\([^)]*\))?"
    r"|:(?:hover|focus|focus-visible|focus-within|active|visited|target)(?![\w-])"
)
VAR = re.compile(r"var\(\s*(--[\w-]+)")


def used_css(css, pages, other_css=()):
    """``css`` without what cannot style ``pages`` (HTML fragments) in either colour scheme.

    JupyterLab's stylesheet styles its whole application; a rendered notebook uses a few dozen
    of its 3,000 rules and few of its 500 custom properties, and every element of the page is
    matched against all of them each time the page is restyled. Kept: each selector that
    matches an element of a page as Material's script leaves it (its tables wrapped in a
    scrolling box), ignoring hover/focus states and pseudo-elements; every custom property
    used by what is kept or by ``other_css``; and the keyframes it names.
    A selector the matcher cannot read is kept. tests/test_notebooks.py checks in Chromium
    that every element of the notebook pages looks the same as with the whole stylesheet.

    >>> used_css(".a p{color:red}.b p,.a :hover{color:blue}:root{--x:1;--y:2}.a{width:var(--x)}", ['<div class="a"><p>'])
    '.a p{color:red}.a :hover{color:blue}:root{--x:1}.a{width:var(--x)}'
    """
    import tinycss2
    from bs4 import BeautifulSoup

    html = re.sub(r'"data:[^"]*"', '""', "".join(pages))  # the pictures' bytes: nothing to match
    soup = BeautifulSoup(f"<body>{html}</body>", "html.parser")
    for table in soup.select("table:not([class])"):  # as Material's script wraps them at load
        table.wrap(soup.new_tag("div", attrs={"class": "md-typeset__table"}))
        table.parent.wrap(soup.new_tag("div", attrs={"class": "md-typeset__scrollwrap"}))
    classes = {c for el in soup.find_all(class_=True) for c in el["class"]}
    attributes = {a for el in soup.find_all(True) for a in el.attrs} | {"data-md-color-scheme"}

    def found(selector):
        for scheme in SCHEMES:
            soup.body["data-md-color-scheme"] = scheme
            if soup.select_one(selector):
                return True
        return False

    @functools.cache
    def matches(selector):
        outside = selector
        while "(" in outside:  # classes inside :not(...) or :is(...) are not required
            outside, n = re.subn(r"\([^()]*\)", "", outside)
            if not n:
                break
        if not (
            set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", outside)) <= classes
            and set(re.findall(r"\[\s*([\w-]+)", outside)) <= attributes
        ):
            return False  # quick: it needs a class or an attribute no page has
        selector = DYNAMIC.sub("\0", selector)
        selector = re.sub(r"(^|[\s>+~(])\0+", r"\1*", selector).replace("\0", "")  # `.a :hover` is `.a *`
        try:
            return found(selector)
        except Exception:  # soupsieve does not know this selector: keep it
            return True

    def rules(nodes):
        kept = []
        for node in nodes:
            if node.type == "qualified-rule":
                selectors = [s for s in _selectors(node.prelude) if matches(s)]
                if selectors:
                    kept.append([",".join(selectors), tinycss2.parse_blocks_contents(node.content, True, True)])
            elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports"):
                inner = rules(tinycss2.parse_blocks_contents(node.content, True, True))
                if inner:
                    kept.append([f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}", inner])
            elif node.type == "at-rule":
                kept.append(node)
        return kept

    kept = rules(tinycss2.parse_stylesheet(css, True, True))
    declarations = list(_declarations(kept))
    used = _used_properties(declarations, VAR.findall(" ".join(other_css) + " ".join(pages)))
    text = " ".join(tinycss2.serialize(d.value) for d in declarations if not d.name.startswith("--") or d.name in used)
    return _serialize(kept, used, text)


def _used_properties(declarations, used_elsewhere):
    """The custom properties (``--x``) that the ordinary declarations or ``used_elsewhere`` need,
    with those their values need in turn.

    >>> from tinycss2 import parse_blocks_contents as parse
    >>> sorted(_used_properties(parse("--a:var(--b);--b:1;--c:2;width:var(--a)"), []))
    ['--a', '--b']
    """
    import tinycss2

    def needs(d):
        return set(VAR.findall(tinycss2.serialize(d.value)))

    used = set(used_elsewhere)
    used |= {name for d in declarations if not d.name.startswith("--") for name in needs(d)}
    defined = {}  # a property set in several rules (each scheme) needs what any of them needs
    for d in declarations:
        if d.name.startswith("--"):
            defined.setdefault(d.name, set()).update(needs(d))
    todo = list(used)
    while todo:
        for name in defined.get(todo.pop(), ()):
            if name not in used:
                used.add(name)
                todo.append(name)
    return used


def _selectors(prelude):
    """The selectors of a rule's comma-separated list (commas inside ``:is(...)`` do not split)."""
    import tinycss2

    parts = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [tinycss2.serialize(part).strip() for part in parts]


def _declarations(kept):
    for item in kept:
        if isinstance(item, list):
            for d in item[1]:
                if isinstance(d, list):
                    yield from _declarations([d])
                elif d.type == "declaration":
                    yield d


def _serialize(kept, used, text):
    import tinycss2

    out = []
    for item in kept:
        if not isinstance(item, list):
            name = tinycss2.serialize(item.prelude).strip()
            if "keyframes" not in item.lower_at_keyword or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                out.append(tinycss2.serialize([item]).strip())
            continue
        head, body = item
        if body and isinstance(body[0], list):  # @media / @supports
            inner = _serialize(body, used, text)
            if inner:
                out.append(f"{head}{{{inner}}}")
            continue
        decls = [
            f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
            for d in body
            if d.type == "declaration" and (not d.name.startswith("--") or d.name in used)
        ]
        if decls:
            out.append(f"{head}{{{';'.join(decls)}}}")
    return "".join(out)
