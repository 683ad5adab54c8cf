"""Every internal link of the built site works: the file exists and the #fragment is an id there.

MkDocs already checks the links written in Markdown (``validation:`` in mkdocs.yml). This
reads what the reader actually gets, the built HTML and CSS, so it also covers links made by
the theme, the plugins and our hooks (figures, clips, math fonts, the code reference),
in HTML attributes (``href``, ``src``, ``srcset``, ``poster``, ``data``) and CSS ``url()``.
"""

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

SITE_BASE = "http://site.invalid/"  # stands for the site's root while resolving relative links


URL_ATTRIBUTES = {"href", "src", "poster", "data", "action"}


@dataclass
class Page:
    """The ids of an HTML page and every URL it refers to, as (tag, attribute, url)."""

    ids: set = field(default_factory=set)
    urls: list = field(default_factory=list)


def read_page(html):
    page = Page()
    for element in BeautifulSoup(html, "html.parser", multi_valued_attributes=None).find_all(True):
        tag = element.name
        for name, value in element.attrs.items():
            if name in ("id", "name"):
                page.ids.add(value)
            elif name in URL_ATTRIBUTES:
                page.urls.append((tag, name, value))
            elif name == "srcset":
                page.urls += [(tag, name, part.split()[0]) for part in value.split(",") if part.strip()]
            elif name == "style":
                page.urls += [(tag, "style", url) for url in css_urls(value)]
    return page


def css_urls(css):
    return [url.strip() for url in re.findall(r"url\(\s*['\"]?([^'\")]+?)['\"]?\s*\)", css)]


@pytest.fixture(scope="module")
def site_index(built_site):
    """{path in the site: Page} for every HTML page, plus the site's root URL (site_url)."""
    site, _ = built_site
    pages = {}
    for html in site.rglob("*.html"):
        pages[html.relative_to(site).as_posix()] = read_page(html.read_text())
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text())
    return site, pages, canonical[1] if canonical else None


def is_internal(url, site_url):
    parsed = urlparse(url)
    if parsed.scheme in ("data", "mailto", "javascript", "blob", "tel"):
        return False
    if parsed.scheme or parsed.netloc:
        return bool(site_url) and url.startswith(site_url)
    return True


def target_file(site, page_path, url, site_url):
    """The file in the site that ``url`` on ``page_path`` points to, and its fragment."""
    if site_url and url.startswith(site_url):
        url = "/" + url[len(site_url) :]
    absolute = urljoin(SITE_BASE + page_path, url)
    parsed = urlparse(absolute)
    path = unquote(parsed.path).lstrip("/")
    candidate = site / path
    if not path or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate, parsed.fragment


def test_every_internal_link_and_anchor_resolves(site_index):
    site, pages, site_url = site_index
    broken, checked = [], 0
    for page_path, page in sorted(pages.items()):
        for tag, attribute, url in page.urls:
            if not is_internal(url, site_url):
                continue
            checked += 1
            target, fragment = target_file(site, page_path, url, site_url)
            if not target.is_file():
                broken.append(f"{page_path}: <{tag} {attribute}={url!r}>: no file {target.relative_to(site)}")
                continue
            if fragment and target.suffix == ".html":
                ids = pages[target.relative_to(site).as_posix()].ids
                if unquote(fragment) not in ids:
                    broken.append(f"{page_path}: <{tag} {attribute}={url!r}>: no id {fragment!r} there")
    assert checked > 500
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)


def test_every_stylesheet_url_resolves(built_site):
    site, _ = built_site
    broken, checked = [], 0
    for sheet in site.rglob("*.css"):
        for url in css_urls(sheet.read_text()):
            if url.startswith(("data:", "#", "%23")) or urlparse(url).scheme:  # %23: "#" inside a data: SVG
                continue
            checked += 1
            target = sheet.parent / PurePosixPath(unquote(urlparse(url).path))
            if not target.resolve().is_file():
                broken.append(f"{sheet.relative_to(site)}: url({url})")
    assert checked >= 1, "the math font at least"
    assert not broken, "stylesheets point at missing files:\n" + "\n".join(broken)


def test_the_checker_sees_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>')
    assert target_file(tmp_path, "b/index.html", "../a/#here", None) == (tmp_path / "a" / "index.html", "here")
    assert target_file(tmp_path, "b/index.html", "../a/x.svg#only-dark", None)[1] == "only-dark"
    missing, _ = target_file(tmp_path, "b/index.html", "../c/", None)
    assert not missing.is_file()
    assert not is_internal("https://example.org/", "http://127.0.0.1:8000/")
    assert is_internal("http://127.0.0.1:8000/a/", "http://127.0.0.1:8000/")
