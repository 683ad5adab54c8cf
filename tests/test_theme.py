"""The theme (overrides/, theme.css, progress.js): orientation, the home page, typography.

Static checks read the built HTML; browser checks drive it in Chromium. What a chapter is,
and its number, is worked out here from mkdocs.yml's nav on its own, not read from the
templates under test.
"""

import json
import re
import time

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from selenium.webdriver.common.by import By

from scripts.style.palette import THEMES
from tests.browser import switch_scheme, wait_for
from tests.pages import DOCS, ROOT

pytestmark = pytest.mark.slow

CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text())
NOT_CHAPTERS = set(CONFIG["extra"]["course"]["not_chapters"])


def nav_pages(items, part=None):
    """(part, Markdown path) for every page of the nav, in order."""
    for item in items:
        for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
            if isinstance(value, list):
                yield from nav_pages(value, part or title)
            else:
                yield part, value


CHAPTERS = [
    (part, path)
    for part, path in nav_pages(CONFIG["nav"])
    if path != "index.md" and path.split("/")[0] not in NOT_CHAPTERS
]


def url(path):
    """The URL of a page (Markdown or notebook), relative to the site's root: a/b.md -> a/b/.

    >>> url("projects/iris-ann.ipynb")
    'projects/iris-ann/'
    """
    return path.removesuffix(".md").removesuffix(".ipynb") + "/"


def soup(site, page_url):
    return BeautifulSoup((site / page_url / "index.html").read_text(), "html.parser")


# ---------------------------------------------------------------- the built HTML


def test_every_chapter_says_chapter_n_of_m(built_site):
    site, _ = built_site
    assert len(CHAPTERS) >= 17
    for n, (part, path) in enumerate(CHAPTERS, start=1):
        html = soup(site, url(path))
        count = html.select_one("article .dl-chapter-count")
        assert count is not None, f"{path}: no 'Chapter N of M' line"
        assert " ".join(count.text.split()).startswith(f"Chapter {n} of {len(CHAPTERS)} · {part}")
        title = next(tag for tag in count.find_next_siblings() if tag.name not in ("script", "style", "link"))
        if path.endswith(".ipynb"):  # a notebook page's title is its first cell's heading
            title = title.find("h1") or title
        assert title.name == "h1", f"{path}: 'Chapter N of M' is not right above the title"


def test_pages_that_are_not_chapters_have_no_chapter_number(built_site):
    site, _ = built_site
    others = [path for _, path in nav_pages(CONFIG["nav"]) if path.split("/")[0] in NOT_CHAPTERS]
    assert others
    for path in ["index.md", *others]:
        page = site / ("" if path == "index.md" else url(path))
        assert "dl-chapter-count" not in (page / "index.html").read_text(), path


def test_course_map_has_every_chapter_in_order_then_what_is_coming(built_site):
    site, _ = built_site
    home = soup(site, "")
    stops = home.select("[data-dl-map] li")
    written = [li for li in stops if li.has_attr("data-dl-page")]
    assert [li["data-dl-page"] for li in written] == [url(path) for _, path in CHAPTERS]
    for n, li in enumerate(written, start=1):
        link = li.select_one("a")
        assert link["href"].rstrip("/").removeprefix("./") == li["data-dl-page"].rstrip("/")
        assert link.select_one(".dl-sr-only").text == f"Chapter {n}: "
    # each part of the nav is one line of stops, headed by the part's name, in the nav's order
    parts = [section.select_one("h3").text for section in home.select("[data-dl-map] section")]
    nav_parts = list(dict.fromkeys(part for part, _ in CHAPTERS))
    assert parts[: len(nav_parts)] == nav_parts
    # "coming soon": the planned topics whose page is not written into the nav yet, and only those
    in_nav = {path for _, path in nav_pages(CONFIG["nav"])}
    planned = [
        topic["title"]
        for plan in CONFIG["extra"]["course"]["coming_soon"]
        for topic in plan["topics"]
        if topic["page"] not in in_nav
    ]
    soon = [li for li in stops if "dl-map__stop--soon" in li["class"]]
    assert sorted(li.select_one(".dl-map__topic").text for li in soon) == sorted(planned)
    assert all(li.select_one(".dl-map__soon").text == "coming soon" for li in soon)
    assert not any(li.select("a") for li in soon), "a topic not written yet must not be a link"


def test_home_page_front_door(built_site):
    site, _ = built_site
    home = soup(site, "")
    hero = home.select_one("article .dl-hero")
    assert hero.select_one("h1").find(string=True, recursive=False).strip() == CONFIG["site_name"]
    assert hero.select_one(".dl-hero__promise").text.strip()
    buttons = home.select("article .md-button--primary")
    assert [b.text.strip() for b in buttons] == ["Start with the perceptron →"]
    assert buttons[0]["href"].rstrip("/").removeprefix("./") == url(CHAPTERS[0][1]).rstrip("/")
    robot = hero.select_one(".dl-hero__robot > svg")  # inline: the first screen needs no image request
    assert robot["role"] == "img" and robot["aria-labelledby"] == robot.title["id"]
    assert len(robot.title.text.split()) >= 10
    legend = [" ".join(li.text.split()) for li in home.select("ul.dl-legend li")]
    # colour is never the only cue: each swatch has its word
    assert [item.split(":")[0] for item in legend] == ["Blue", "Orange", "Red", "Yellow"]
    assert all(li.select_one(".dl-swatch")["aria-hidden"] == "true" for li in home.select("ul.dl-legend li"))


def test_legend_colours_are_the_palette():
    css = (DOCS / "assets" / "stylesheets" / "theme.css").read_text()
    for scheme, theme in (("default", "light"), ("slate", "dark")):
        block = re.search(rf'\[data-md-color-scheme="{scheme}"\] \{{(.*?)\}}', css, re.DOTALL)[1]
        colours = dict(re.findall(r"--dl-(\w+):\s*(#[0-9A-Fa-f]{6})", block))
        assert {role: value.lower() for role, value in colours.items()} == {
            role: THEMES[theme][role].lower() for role in ("positive", "negative", "gradient", "active")
        }


def test_theme_overrides_replace_the_html_fixes(built_site):
    site, _ = built_site
    for page_url in ["", url(CHAPTERS[0][1]), "404.html"]:
        path = site / page_url if page_url.endswith(".html") else site / page_url / "index.html"
        html = BeautifulSoup(path.read_text(), "html.parser")
        assert html.select_one('[role="dialog"].md-search')["aria-label"] == "Search"
        # no instant navigation (a start-up cost on every page, see mkdocs.yml), so no loading bar
        assert not html.select(".md-progress")
        # no script blocks the first paint: Material's and the site's are added after it, in order
        assert all(s.has_attr("defer") for s in html.select("script[src]")), html.select("script[src]")
        loader = next(s.string for s in html.select("script:not([src])") if s.string and "dl:scripts" in s.string)
        urls = json.loads(re.search(r"\}\)\((\[.*?\])\);", loader)[1])
        assert re.search(r"assets/javascripts/bundle\.\w+\.min\.js$", urls[0])
        assert [u[u.index("assets/") :] for u in urls[1:]] == CONFIG["extra_javascript"]
        logo = html.select_one(".md-header .md-logo img")
        assert logo["src"].endswith("assets/images/logo.svg") and logo["alt"] == ""
        assert html.select_one('link[rel="icon"]')["href"].endswith("assets/images/logo.svg")


@pytest.mark.parametrize("name", ["robot.svg", "logo.svg"])
def test_drawings_are_small_and_load_nothing(name):
    svg = (DOCS / "assets" / "images" / name).read_text()
    assert len(svg.encode()) < 6_000
    assert re.findall(r"(?:href|src)=|url\(|@import|<image|<script", svg) == []


# ---------------------------------------------------------------- in the browser

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}


def show(driver, base_url, page_url, device=DESKTOP):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", device)
    driver.get(base_url + page_url)
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete")


@pytest.mark.parametrize("colour_scheme", ["default", "slate"])
def test_the_title_is_dark_and_heavy(driver, base_url, colour_scheme):
    show(driver, base_url, url(CHAPTERS[0][1]))
    switch_scheme(driver, colour_scheme)
    weight, colour, background = driver.execute_script("""
      const h1 = document.querySelector("article h1"), style = getComputedStyle(h1);
      return [style.fontWeight, style.color, getComputedStyle(document.body).backgroundColor];""")
    assert int(weight) >= 700
    assert contrast(colour, background) >= 12, (colour, background)


def test_running_text_keeps_a_comfortable_measure(driver, base_url):
    show(driver, base_url, url(CHAPTERS[0][1]))
    per_line = driver.execute_script("""
      const canvas = document.createElement("canvas").getContext("2d");
      return [...document.querySelectorAll("article > p")].filter((p) => p.textContent.length > 300).map((p) => {
        const style = getComputedStyle(p);
        canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = p.textContent.replace(/\\s+/g, " ");
        return p.clientWidth / (canvas.measureText(text).width / text.length);
      });""")
    assert per_line, "no long paragraph to measure"
    assert all(60 <= n <= 80 for n in per_line), per_line


def test_previous_and_next_are_visible_on_a_phone(driver, base_url):
    show(driver, base_url, url(CHAPTERS[2][1]), PHONE)
    links = driver.execute_script("""
      return [...document.querySelectorAll(".md-footer__link")].map((a) => ({
        title: a.querySelector(".md-footer__title"), width: a.getBoundingClientRect().width}))
        .map(({title, width}) => [title.checkVisibility() ? title.innerText : "", width]);""")
    assert [" ".join(text.split()).upper() for text, _ in links] == [
        f"PREVIOUS {nav_title(CHAPTERS[1][1]).upper()}",
        f"NEXT {nav_title(CHAPTERS[3][1]).upper()}",
    ]
    assert all(width > 300 for _, width in links), "each link takes the phone's width"


def nav_title(path):
    """A page's title as the nav gives it."""

    def walk(items):
        for item in items:
            for title, value in item.items() if isinstance(item, dict) else []:
                if value == path:
                    return title
                if isinstance(value, list) and (found := walk(value)):
                    return found

    return walk(CONFIG["nav"])


def test_reading_progress_is_remembered_and_shown_on_the_map(driver, base_url):
    show(driver, base_url, "")
    driver.execute_script("localStorage.removeItem('dl-read')")
    first, second = url(CHAPTERS[0][1]), url(CHAPTERS[1][1])
    # opening a chapter is not reading it; reaching its "Remember" section is
    show(driver, base_url, second)
    time.sleep(0.5)
    assert driver.execute_script("return localStorage.getItem('dl-read')") is None
    show(driver, base_url, first)
    driver.execute_script("document.getElementById('remember').scrollIntoView()")
    assert wait_for(lambda: driver.execute_script("return JSON.parse(localStorage.getItem('dl-read'))") == [first], 5)
    # back to the home page by the header's logo
    driver.find_element(By.CSS_SELECTOR, ".md-header .md-logo").click()
    wait_for(lambda: driver.execute_script("return Boolean(document.querySelector('[data-dl-map]'))"), 5)

    def stops():
        return driver.execute_script("""
          return [...document.querySelectorAll("[data-dl-page]")].slice(0, 2).map((li) =>
            [li.classList.contains("dl-map__stop--read"), li.querySelector("a").textContent.trim()]);""")

    wait_for(lambda: stops()[0][0], 5)
    (read_first, text_first), (read_second, text_second) = stops()
    assert read_first and text_first.endswith("✓ (read)")
    assert not read_second and "(read)" not in text_second
    # and after a full reload too, marked once
    driver.refresh()
    wait_for(lambda: stops()[0][0], 5)
    assert stops()[0][1].count("(read)") == 1


def test_module_names_break_only_at_dots_on_a_phone(driver, base_url):
    show(driver, base_url, "reference/code/", PHONE)
    broken = driver.execute_script("""
      // every place where a module name's text goes on to a new line, unless beside a dot
      const bad = [];
      for (const el of document.querySelectorAll("article code, article .doc-object-name")) {
        if (!/^site_src(\\.\\w+)+$/.test(el.textContent)) continue;
        const chars = [];   // [character, top of its box]
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            chars.push([node.data[i], range.getBoundingClientRect().top]);
          }
        }
        for (let i = 1; i < chars.length; i++) {
          if (chars[i][1] > chars[i - 1][1] + 2 && chars[i - 1][0] !== "." && chars[i][0] !== ".") {
            const text = chars.map(([c]) => c).join("");
            bad.push(text.slice(0, i) + "|" + text.slice(i));
          }
        }
      }
      return bad;""")
    assert broken == []


def contrast(foreground, background):
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (the foreground blended on the background)."""

    def channels(css):
        values = [float(v) for v in re.findall(r"[\d.]+", css)]
        return values[:3], (values[3] if len(values) > 3 else 1.0)

    (fg, alpha), (bg, _) = channels(foreground), channels(background)
    fg = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg)]

    def luminance(rgb):
        linear = [(c / 255 / 12.92) if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_math_pages_preload_the_published_math_font_and_search_skips_source_boxes(built_site):
    site, _ = built_site
    chapter = site / url(CHAPTERS[0][1]) / "index.html"
    for page in [chapter, *site.glob("*/*/index.html")]:
        html = BeautifulSoup(page.read_text(), "html.parser")
        preload = html.select_one('link[rel="preload"][as="font"]')
        assert bool(preload) == bool(html.select("math")), page
        if preload:
            assert (page.parent / preload["href"]).resolve().is_file(), preload["href"]
    # the code reference's "Source code" boxes are not in the search index
    reference = BeautifulSoup((site / "reference" / "code" / "index.html").read_text(), "html.parser")
    boxes = reference.select("details.mkdocstrings-source")
    assert boxes and all(box.has_attr("data-search-exclude") for box in boxes)
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert not any("Source code in" in doc["text"] for doc in index["docs"])
