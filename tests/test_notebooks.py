"""Notebooks: the project notebooks and every chapter's notebook run; a broken one stops the build.

The project notebooks (``docs/projects/*.py``) and the chapter notebooks are made and executed
the way ``scripts/hooks/notebooks.py`` makes and executes them at build. A small site built
here proves the build settings: a planted error fails ``mkdocs build --strict``, and after
the source changes the page shows the new output (no stale cache). The downloads in the real
built site open as notebooks, and the notebook stylesheet, cut to what the pages use, styles
them exactly like the whole one.
"""

import os
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from scripts.hooks import notebooks as hook
from tests.notebook_helpers import DOCS, ROOT, chapters, executed_project, outputs_text, site_config

PROJECTS = sorted((DOCS / "projects").glob("*.py"))
BUDGET = 60  # seconds a project notebook may take on 2 cores (measured times: see the report)


# ---------------------------------------------------------------- project notebooks


def test_there_is_a_project_notebook():
    assert [p.name for p in PROJECTS if p.name == "iris-ann.py"] == ["iris-ann.py"]


@pytest.mark.parametrize("path", PROJECTS, ids=[p.stem for p in PROJECTS])
def test_project_notebook_runs_without_error_within_budget(path):
    nb, seconds = executed_project(path.stem)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code" and c.source.strip())
    print(f"{path.name}: executed in {seconds:.1f} s")
    assert seconds < 3 * BUDGET, f"{path.name} took {seconds:.0f} s (goal: {BUDGET} s on 2 idle cores)"


MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?")


@pytest.mark.parametrize("path", PROJECTS, ids=[p.stem for p in PROJECTS])
def test_every_number_in_the_prose_was_printed_by_the_code(path):
    nb, _ = executed_project(path.stem)
    printed = set(NUMBER.findall(outputs_text(nb)))
    assert printed, "the notebook prints its results"
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            prose = MATH.sub("", cell.source)
            typed = set(NUMBER.findall(prose))
            assert typed <= printed, f"numbers typed in the prose but never printed: {typed - printed}"


@pytest.mark.parametrize("path", PROJECTS, ids=[p.stem for p in PROJECTS])
def test_every_picture_has_a_description(path):
    nb, _ = executed_project(path.stem)
    alts = hook.image_alts(nb)
    assert alts and all(len(alt.split()) >= 10 for alt in alts.values()), alts


# ---------------------------------------------------------------- chapter notebooks


@pytest.fixture(scope="module")
def executed_chapters():
    """Every chapter notebook, executed (two kernels at a time): {page: error message or None}."""

    def run(uri):
        try:
            hook.execute(hook.chapter_notebook(DOCS / uri), name=uri)
        except PluginError as error:
            return str(error)
        return None

    pages = chapters()
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(pages, pool.map(run, pages)))


@pytest.mark.parametrize("uri", chapters())
def test_chapter_notebook_runs_without_error(uri, executed_chapters):
    assert executed_chapters[uri] is None, executed_chapters[uri]


def test_chapter_notebook_holds_the_pages_code_with_snippets_expanded(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        textwrap.dedent("""\
        # A page

        ## First

        ```python
        --8<-- "site_src/projects/iris_ann.py:settings"
        ```

        ```text title="Output"
        not code
        ```

        ## Only words

        A section without code gives the notebook no heading.

        ## Last

        <!-- skip: next -->
        ```python
        raise RuntimeError("the page says this block must not run")
        ```

        ```pycon
        >>> print(EPOCHS)
        60
        ```
        """)
    )
    nb = hook.chapter_notebook(page)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert len(code) == 2 and "EPOCHS = " in code[0] and code[1] == "print(EPOCHS)"
    assert [c.source for c in nb.cells if c.cell_type == "markdown"][1:] == ["## First", "## Last"]
    assert "not code" not in str(nb) and "RuntimeError" not in str(nb)
    hook.execute(nb)
    assert nb.cells[-1].outputs[0].text.strip() == "60"


# ---------------------------------------------------------------- the build: errors, cache, math


def mini_site(tmp_path, code):
    """A small site with the real notebook settings and hooks, whose project notebook runs ``code``."""
    plugin = next(
        p["mkdocs-jupyter"] for p in site_config()["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p
    )
    config = {
        "site_name": "Notebook test",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "hooks": [str(ROOT / "scripts/hooks/notebooks.py"), str(ROOT / "scripts/hooks/vendor.py")],
        "plugins": [{"mkdocs-jupyter": plugin}],
        "markdown_extensions": [{"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True}}],
        "extra": {"course": {"not_chapters": []}},
        "nav": ["index.md", "chapter.md", "projects/demo.ipynb"],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    docs = tmp_path / "docs"
    (docs / "projects").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n")
    (docs / "chapter.md").write_text('# A chapter\n\n## The code\n\n```python\nprint("from the chapter")\n```\n')
    (docs / "projects" / "demo.py").write_text(
        "# %% [markdown]\n# # Demo\n#\n# Math: $a^2 + b^2$\n\n# %%\n" + code + "\n"
    )
    return tmp_path


def build(project):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.mark.slow
def test_planted_error_fails_the_build(tmp_path):
    project = mini_site(tmp_path, 'print("before")\n1 / 0')
    done = build(project)
    assert done.returncode != 0
    assert "ZeroDivisionError" in done.stdout + done.stderr
    assert not (project / "site" / "projects" / "demo" / "index.html").exists()


@pytest.mark.slow
def test_a_changed_source_shows_its_new_output_and_math_is_typeset(tmp_path):
    project = mini_site(tmp_path, 'print("first " + "output")')
    page = project / "site" / "projects" / "demo" / "index.html"
    download = project / "site" / "projects" / "demo" / "demo.ipynb"
    assert build(project).returncode == 0
    assert "first output" in page.read_text() and "first output" in download.read_text()
    (project / "docs" / "projects" / "demo.py").write_text(
        (project / "docs" / "projects" / "demo.py").read_text().replace("first", "second")
    )
    done = build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    html = page.read_text()
    assert "second output" in html and "first output" not in html
    assert "second output" in download.read_text()
    # math: typeset at build by vendor.py, like every page; no MathJax, nothing from another host
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select(".jp-RenderedMarkdown .arithmatex math")
    assert "mathjax" not in html.lower() and "cdn" not in html.lower()
    assert not [s["src"] for s in soup.find_all("script", src=True) if "//" in s["src"]]
    # the chapter's notebook, linked from the chapter
    chapter = BeautifulSoup((project / "site" / "chapter" / "index.html").read_text(), "html.parser")
    link = chapter.select_one(".dl-run-chapter a[href$='.ipynb']")
    assert link is not None and link["href"] == "../chapter.ipynb"
    nb = nbformat.read(project / "site" / "chapter.ipynb", as_version=4)
    assert [c.source for c in nb.cells if c.cell_type == "code"] == ['print("from the chapter")']


def test_site_settings_cannot_publish_errors_or_stale_pages():
    plugin = next(
        p["mkdocs-jupyter"] for p in site_config()["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p
    )
    assert plugin["allow_errors"] is False and plugin["cache"] is False
    assert plugin["execute"] is False  # the hook executes, once, and stops the build on an error
    assert plugin["include"] == ["projects/*.ipynb"] and plugin["include_source"] is True
    assert "scripts/hooks/notebooks.py" in site_config()["hooks"], "add the hook to mkdocs.yml's hooks:"


# ---------------------------------------------------------------- the downloads in the built site


@pytest.mark.slow
def test_every_chapter_offers_its_notebook(built_site):
    site, _ = built_site
    for uri in chapters():
        stem = uri.removesuffix(".md")
        html = (site / stem / "index.html").read_text()
        link = BeautifulSoup(html, "html.parser").select_one(".dl-run-chapter a")
        assert link is not None and link["href"] == f"../{Path(stem).name}.ipynb", uri
        nb = nbformat.read(site / f"{stem}.ipynb", as_version=4)
        nbformat.validate(nb)
        assert any(c.cell_type == "code" for c in nb.cells), uri


@pytest.mark.slow
@pytest.mark.parametrize("path", PROJECTS, ids=[p.stem for p in PROJECTS])
def test_project_page_offers_the_executed_notebook(built_site, path):
    site, _ = built_site
    folder = site / "projects" / path.stem
    html = (folder / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".dl-notebook-download a")["href"] == f"{path.stem}.ipynb"
    nb = nbformat.read(folder / f"{path.stem}.ipynb", as_version=4)
    nbformat.validate(nb)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert outputs and not [o for o in outputs if o.output_type == "error"]
    assert "mathjax" not in html.lower() and soup.select(".jp-RenderedMarkdown .arithmatex math")
    assert all(img.get("alt") and "No description" not in img["alt"] for img in soup.select(".jupyter-wrapper img"))


# Every element of the notebook (and its ::before and ::after, where they exist), all computed
# properties but custom ones (the cut stylesheet drops unused --jp-* variables), kept in the page
# under a name, by element; then the first differences between two such snapshots.
SNAPSHOT = """
const [name, scheme] = arguments;
document.body.setAttribute("data-md-color-scheme", scheme);
window.dlElements = window.dlElements || [];
const out = new Map();
for (const el of document.querySelectorAll(".jupyter-wrapper, .jupyter-wrapper *")) {
  if (!el.dlId) el.dlId = window.dlElements.push(el);
  for (const pseudo of [null, "::before", "::after"]) {
    const style = getComputedStyle(el, pseudo);
    const values = [];
    if (!pseudo || style.content !== "none")
      for (let i = 0; i < style.length; i++)
        if (!style[i].startsWith("--")) values.push(style[i] + ": " + style.getPropertyValue(style[i]));
    out.set(`${el.dlId}${pseudo || ""}`, values.join("; "));
  }
}
window[name] = out;
return out.size;
"""
DIFFERENCES = """
const [a, b] = [window[arguments[0]], window[arguments[1]]];
const found = [];
for (const [key, style] of a) {
  if (found.length >= 20 || b.get(key) === style) continue;
  const el = window.dlElements[parseInt(key) - 1];
  const what = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}${key.replace(/^\\d+/, "")}`;
  if (!b.has(key)) { found.push(`${what}: only with the cut stylesheet`); continue; }
  const [x, y] = [new Set(style.split("; ")), new Set(b.get(key).split("; "))];
  found.push(`${what}: ` + [...x].filter((v) => !y.has(v)).slice(0, 3).join(", ")
    + " | whole: " + [...y].filter((v) => !x.has(v)).slice(0, 3).join(", "));
}
return found;
"""
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
WHOLE = """
const link = document.querySelector('link[href$="notebooks/jupyter.css"]');
const style = document.createElement("style");
style.textContent = arguments[0];
link.replaceWith(style);
"""


@pytest.mark.slow
@pytest.mark.parametrize("path", PROJECTS, ids=[p.stem for p in PROJECTS])
def test_the_cut_notebook_stylesheet_styles_every_element_like_the_whole_one(driver, base_url, built_site, path):
    """The site serves JupyterLab's stylesheet cut to what the notebook pages use (a few percent of it):
    in Chromium, every element of a notebook page has the same computed style with it as with the
    whole stylesheet put back in its place, in both colour schemes."""
    site, _ = built_site
    whole = hook.JUPYTER_CSS.read_text(encoding="utf-8")
    served = (site / hook.JUPYTER_CSS_URI).read_text(encoding="utf-8")
    assert len(served) < len(whole) / 10
    driver.set_script_timeout(120)
    driver.get(f"{base_url}projects/{path.stem}/")
    driver.execute_script(f"document.head.insertAdjacentHTML('beforeend', '<style>{STILL}</style>')")
    counts = [driver.execute_script(SNAPSHOT, f"cut-{scheme}", scheme) for scheme in ("default", "slate")]
    driver.execute_script(WHOLE, whole)
    counts += [driver.execute_script(SNAPSHOT, f"whole-{scheme}", scheme) for scheme in ("default", "slate")]
    assert counts[0] > 1000, counts
    for scheme in ("default", "slate"):
        differences = driver.execute_script(DIFFERENCES, f"cut-{scheme}", f"whole-{scheme}")
        assert not differences, f"{scheme}:\n" + "\n".join(differences)
