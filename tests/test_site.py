"""The built site: strict build, nothing fetched from another host, media wired up."""

import re
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.pages import ROOT

pytestmark = pytest.mark.slow


def test_strict_build_reports_nothing(built_site):
    _, log = built_site
    assert "WARNING" not in log and "ERROR" not in log, log


# ---------------------------------------------------------------- no other host


# The attributes whose URL a browser fetches by itself when it renders a page. Links a reader
# clicks (``<a href>``) are navigations, not fetches, so they are not here.
FETCHING = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
}


def fetched_urls(html):
    """Every URL a browser fetches by itself when it renders this HTML page."""
    urls = []
    for element in BeautifulSoup(html, "html.parser", multi_valued_attributes=None).find_all(True):
        for attribute, value in element.attrs.items():
            if not value:
                continue
            if (element.name, attribute) in FETCHING:
                urls += [part.split()[0] for part in value.split(",")]
            if element.name == "link" and attribute == "href":
                urls.append(value)  # stylesheets, icons, preloads, manifests
            if attribute == "style":
                urls += re.findall(r"url\(['\"]?([^'\")]+)", value)
    return urls


def is_other_host(url):
    parsed = urlparse(url)
    return bool(parsed.netloc) and parsed.hostname not in ("127.0.0.1", "localhost")


# Absolute URLs inside the theme's and plugins' JavaScript that a browser does not fetch on
# this site, each with the reason and a condition that the tests below keep true.
INERT_JS_URLS = {
    "http://www.w3.org/2000/svg": "an XML namespace name, never fetched",
    "http://www.w3.org/1999/xlink": "an XML namespace name, never fetched",
    "http://www.w3.org/1998/Math/MathML": "an XML namespace name, never fetched",
    "https://api.github.com/": "repository facts: only fetched when repo_url is set (it is not)",
    "https://${e}/api/v4/": "GitLab repository facts: only with a GitLab repo_url (not set)",
    "https://unpkg.com/mermaid@11/": "only loaded on pages with a mermaid diagram (none)",
    "https://unpkg.com/resize-observer-polyfill": "only for browsers without ResizeObserver (none current)",
    "https://cdn.plyr.io/": "GLightbox's player for video slides; our videos are never put in the lightbox",
}


def test_no_html_page_fetches_from_another_host(built_site):
    site, _ = built_site
    offenders = []
    for page in site.rglob("*.html"):
        urls = fetched_urls(page.read_text())
        offenders += [(page.relative_to(site).as_posix(), url) for url in urls if is_other_host(url)]
    assert not offenders


def test_no_stylesheet_fetches_from_another_host(built_site):
    site, _ = built_site
    offenders = []
    for sheet in site.rglob("*.css"):
        for url in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])([^'\")\s]+)", sheet.read_text()):
            if is_other_host(url):
                offenders.append((sheet.name, url))
    assert not offenders


def test_scripts_name_no_host_they_would_fetch(built_site):
    site, _ = built_site
    unexplained = set()
    for script in site.rglob("*.js"):
        for url in re.findall(r"[\"'`](https?://[^\"'`\s]+)", script.read_text(errors="replace")):
            if not any(url.startswith(inert) for inert in INERT_JS_URLS):
                unexplained.add((script.relative_to(site).as_posix(), url))
    assert not unexplained


def test_conditions_that_keep_those_urls_inert(built_site):
    site, _ = built_site
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!ENV", ""))
    assert "repo_url" not in config, "repo_url makes every reader's browser call api.github.com"
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert 'class="mermaid"' not in html, f"{page}: mermaid would load from unpkg.com"
        for link in BeautifulSoup(html, "html.parser").select("a.glightbox[href]"):
            href = link["href"]
            assert not href.endswith((".mp4", ".webm")) and "youtu" not in href, f"{page}: {href}"


# ---------------------------------------------------------------- media on the built pages


def test_animations_become_accessible_players(built_site):
    site, _ = built_site
    html = BeautifulSoup((site / "first-steps" / "perceptron" / "index.html").read_text(), "html.parser")
    players = html.select("figure.dl-anim")
    assert players
    for player in players:
        video = player.find("video")
        for needed in ("muted", "loop", "playsinline", "poster"):
            assert video.has_attr(needed), needed
        assert video["preload"] == "metadata"
        assert player.select_one('video > track[kind="captions"]') and player.select_one(".dl-anim__toggle")
        assert player.find("figcaption")
        assert "autoplay" not in str(player), "clips start from animations.js, only on screen and with motion allowed"


def test_figures_come_in_both_themes(built_site):
    site, _ = built_site
    html = (site / "first-steps" / "perceptron" / "index.html").read_text()
    assert "perceptron-learning.svg#only-light" in html
    assert "perceptron-learning.dark.svg#only-dark" in html


def test_math_is_typeset_at_build_time(built_site):
    """Temml runs during the build: each formula is one MathML tree, and no math script loads."""
    site, _ = built_site
    html = (site / "first-steps" / "perceptron" / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    boxes = soup.select(".arithmatex")
    assert len(boxes) > 10
    assert all(len(box.find_all("math", recursive=False)) == 1 for box in boxes)
    assert "\\(" not in html and "$$" not in html
    assert not soup.select("script[src*=katex], script[src*=temml], .katex")  # no script, no HTML copy
    assert (site / "assets" / "temml" / "temml.css").exists()


def test_the_math_font_has_every_character_of_every_formula_and_little_else(built_site):
    """The published STIX Two Math is a subset (scripts/hooks/vendor.py): complete for the site, and small."""
    from fontTools.ttLib import TTFont

    from scripts.hooks.vendor import FONT, italic_forms

    site, _ = built_site
    published = TTFont(site / "assets" / "temml" / "STIXTwoMath.woff")
    whole = TTFont(FONT).getBestCmap()
    used = set()
    for page in site.rglob("*.html"):
        for math in BeautifulSoup(page.read_text(), "html.parser").find_all("math"):
            used |= set(math.get_text())
    wanted = ({ord(c) for c in used} | italic_forms(used)) & set(whole)
    assert "MATH" in published and wanted - set(published.getBestCmap()) == set()
    assert len(used) > 50  # the site's formulas were found
    assert (site / "assets" / "temml" / "STIXTwoMath.woff").stat().st_size < 60_000


def test_every_formula_is_readable_by_screen_readers(built_site):
    """MathML is what screen readers read: never hidden, display formulas marked as blocks, with content."""
    site, _ = built_site
    problems, formulas = [], 0
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(), "html.parser")
        for box in soup.select(".arithmatex"):
            math = box.find("math")
            formulas += 1
            hidden = [el.name for el in [math, *math.parents] if el.get("aria-hidden") == "true"]
            if hidden or not math.get_text(strip=True) or (box.name == "div") != (math.get("display") == "block"):
                problems.append(f"{path.relative_to(site)}: {str(math)[:80]}")
    assert formulas > 100
    assert not problems
