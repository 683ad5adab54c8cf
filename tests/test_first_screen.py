"""A picture in the first screen, and no long stretch without one (issue 14, STYLE.md "Shape of a page").

Every chapter of the parts below opens with its "Imagine…" scene: one hand-drawn SVG from
``docs/assets/images/imagine/``, inserted right under "In one sentence" with the class
``dl-imagine`` (theme.css floats it beside the sentence on a wide screen and stands it above
the sentence on a phone). The tests check the drawings themselves (small, self-contained,
labelled, each used once), the built pages (one picture, under the right heading, with a real
alt text), where the browser shows it (in the first screen at 1280×900 and on a 390×844
phone, loaded), and how far a reader scrolls between pictures.

What a chapter is comes from mkdocs.yml's nav, as in tests/test_theme.py: the pages of the
folders in PARTS (the projects are checked elsewhere).
"""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from tests.browser import scroll_through, wait_for
from tests.pages import DOCS, ROOT

IMAGINE = DOCS / "assets" / "images" / "imagine"
PARTS = ("first-steps", "learning", "activations", "losses", "training", "cnn")
CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text())

DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}
MAX_GAP_SCREENS = 2.0
SVG_NS = "{http://www.w3.org/2000/svg}"


def nav_paths(items):
    """The Markdown path of every page of the nav, in order."""
    for item in items:
        for value in item.values() if isinstance(item, dict) else [item]:
            if isinstance(value, list):
                yield from nav_paths(value)
            else:
                yield value


CHAPTERS = [path for path in nav_paths(CONFIG["nav"]) if path.split("/")[0] in PARTS]


def url(path):
    """first-steps/perceptron.md -> first-steps/perceptron/"""
    return path.removesuffix(".md") + "/"


def drawings():
    return sorted(IMAGINE.glob("*.svg"))


# ---------------------------------------------------------------- the drawings


def test_there_is_one_drawing_per_chapter():
    assert len(CHAPTERS) >= 30
    names = {path.name for path in drawings()}
    wanted = {path.removesuffix(".md").replace("/", "-") + ".svg" for path in CHAPTERS}
    assert not wanted - names, f"chapters without their drawing: {sorted(wanted - names)}"


def drawing_problems(text):
    """What is wrong with one drawing's SVG source: [] when it is small, self-contained and labelled."""
    problems = []
    if len(text.encode()) >= 8 * 1024:
        problems.append(f"{len(text.encode())} bytes, the limit is 8 KB")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return problems + [f"not well-formed XML: {error}"]
    if root.tag != SVG_NS + "svg":
        problems.append(f"the root is <{root.tag}>, not an SVG <svg>")
    if len(root.get("viewBox", "").split()) != 4:
        problems.append("no viewBox")
    if root.get("role") != "img":
        problems.append('role="img" is missing')
    title = root.find(SVG_NS + "title")
    if title is None or len((title.text or "").split()) < 5:
        problems.append("no <title> saying what it shows")
    for element in root.iter():
        if element.tag in (SVG_NS + "script", SVG_NS + "image", SVG_NS + "foreignObject"):
            problems.append(f"<{element.tag.removeprefix(SVG_NS)}> is not allowed")
        for name, value in element.attrib.items():
            if name.endswith("href") and not value.startswith("#"):
                problems.append(f"{name}={value!r} points outside the drawing")
            if name.startswith("on"):
                problems.append(f"event handler {name}")
    # url(...) in attributes or <style> may only point inside the file (#id)
    outside = [ref for ref in re.findall(r"url\(\s*['\"]?([^)'\"]*)", text) if not ref.startswith("#")]
    if outside or "@import" in text or "@font-face" in text:
        problems.append(f"loads something from outside: {outside or '@import/@font-face'}")
    return problems


@pytest.mark.parametrize("svg", drawings(), ids=lambda path: path.name)
def test_drawing_is_small_self_contained_and_labelled(svg):
    assert drawing_problems(svg.read_text()) == [], svg.name


GOOD = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 320" role="img">'
    "<title>A robot sorts fruit into crates</title>{}</svg>"
)


@pytest.mark.parametrize(
    "inside, problem",
    [
        ('<script>alert("hi")</script>', "<script> is not allowed"),
        ('<image href="photo.png" width="9" height="9"/>', "<image> is not allowed"),
        ('<use href="https://example.com/a.svg#b"/>', "points outside the drawing"),
        ('<rect width="9" height="9" fill="url(other.svg#g)"/>', "loads something from outside"),
        ('<rect width="9" height="9" onclick="go()"/>', "event handler onclick"),
        ("<!--" + "x" * 8200 + "-->", "the limit is 8 KB"),
    ],
)
def test_the_drawing_check_rejects_what_it_should(inside, problem):
    assert drawing_problems(GOOD.format("")) == []
    found = drawing_problems(GOOD.format(inside))
    assert any(problem in text for text in found), found
    assert "no <title>" in " ".join(
        drawing_problems(GOOD.replace("<title>A robot sorts fruit into crates</title>", ""))
    )
    assert "not well-formed" in " ".join(drawing_problems(GOOD.format("<g>")))


def test_every_drawing_is_used_by_exactly_one_page():
    assert drawings(), "no drawing in docs/assets/images/imagine/"
    used = {}
    for page in DOCS.rglob("*.md"):
        for name in re.findall(r"assets/images/imagine/([\w.-]+\.svg)", page.read_text()):
            used.setdefault(name, set()).add(page.relative_to(DOCS).as_posix())
    wrong = {svg.name: sorted(used.get(svg.name, ())) for svg in drawings() if len(used.get(svg.name, ())) != 1}
    assert not wrong, f"each drawing must be used by exactly one page: {wrong}"


# ---------------------------------------------------------------- the built pages


def imagine_images(site, path):
    html = BeautifulSoup((site / url(path) / "index.html").read_text(), "html.parser")
    return html.select("article img.dl-imagine")


@pytest.mark.parametrize("path", CHAPTERS)
def test_chapter_opens_with_its_picture(built_site, path):
    """One ``.dl-imagine`` picture, right under "In one sentence", whose file exists, with 8-25 words of alt text."""
    site, _ = built_site
    images = imagine_images(site, path)
    assert len(images) == 1, f"{path}: {len(images)} .dl-imagine pictures, wanted exactly 1"
    img = images[0]
    src = urlparse(urljoin("/" + url(path), img["src"])).path
    assert (site / src.lstrip("/")).is_file(), f"{path}: {img['src']} is not in the built site"
    assert "/assets/images/imagine/" in src
    words = len(img.get("alt", "").split())
    assert 8 <= words <= 25, f"{path}: the alt text has {words} words, wanted 8 to 25"
    assert (img.get("width"), img.get("height")) == ("480", "320"), f"{path}: width/height keep its space"
    # the picture's paragraph comes right after the "In one sentence" heading
    paragraph = img.find_parent("p")
    heading = paragraph.find_previous_sibling(True)
    assert heading.name == "h2" and "In one sentence" in heading.text, f"{path}: not right under 'In one sentence'"


# ---------------------------------------------------------------- in the browser

FIRST_PICTURE = """
const img = document.querySelector("article img.dl-imagine");
if (!img) return null;
const box = img.getBoundingClientRect();
return {top: box.top + window.scrollY, height: box.height, width: box.width,
        complete: img.complete, natural: img.naturalWidth, screen: window.innerHeight};
"""


def show(driver, page_url, device):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", device)
    driver.get(page_url)
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete")


@pytest.mark.slow
@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["1280x900", "390x844-phone"])
def test_the_picture_is_in_the_first_screen_and_loaded(driver, base_url, device):
    """At least half of the "Imagine…" picture shows in the first screen, loaded (naturalWidth > 0)."""
    problems = []
    try:
        for path in CHAPTERS:
            show(driver, base_url + url(path), device)
            shown = wait_for(lambda: (b := driver.execute_script(FIRST_PICTURE)) and b["complete"] and b, 5)
            box = driver.execute_script(FIRST_PICTURE)
            if not box:
                problems.append(f"{path}: no .dl-imagine picture")
            elif not (shown and box["natural"] > 0):
                problems.append(f"{path}: the picture did not load")
            elif box["top"] + box["height"] / 2 > box["screen"] or box["width"] < 200:
                problems.append(
                    f"{path}: picture at {box['top']:.0f} px, {box['width']:.0f}×{box['height']:.0f} px; "
                    f"the first screen is {box['screen']} px tall"
                )
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, "\n".join(problems)


# site.css lets the browser skip rendering far-off blocks (content-visibility: auto) and guess
# their height; to measure the page as a reader scrolling through it sees it, render all.
RENDER_ALL = """
document.head.insertAdjacentHTML("beforeend", '<style>* { content-visibility: visible !important; }</style>');
"""

# What counts as a picture. A "worked diagram" is anything drawn: a figure or other image,
# a clip, a widget, a labelled inline SVG, or a table (tables here lay out worked numbers).
# Not pictures: code blocks, formulas (display math is text to a young reader), admonitions
# and collapsed boxes. Hidden things (a closed <details>, an unselected tab) take no room and
# show nothing, so they count neither way. Small images (icons, under 48 px tall) do not count.
GAPS = """
const article = document.querySelector("article.md-content__inner");
const page = (el) => { const b = el.getBoundingClientRect(); return [b.top + scrollY, b.bottom + scrollY]; };
const pictures = [...article.querySelectorAll(
    "img, video, .dl-widget, svg[role=img], table:not(.highlighttable)")]
  .filter((el) => !el.closest(".highlight, .highlighttable, .md-clipboard, .headerlink"))
  .filter((el) => el.checkVisibility() && el.getBoundingClientRect().height >= 48)
  .map(page).sort((a, b) => a[0] - b[0]);
const headings = [...article.querySelectorAll("h1, h2, h3")]
  .filter((h) => h.checkVisibility()).map((h) => [page(h)[0], h.textContent.replace("¶", "").trim()]);
const [top, bottom] = page(article);
const gaps = [];
let from = top;
for (const [start, end] of pictures.concat([[bottom, bottom]])) {
  if (start > from) {
    const under = (y) => (headings.filter(([top]) => top <= y + 1).pop() || headings[0] || [0, ""])[1];
    gaps.push({px: start - from, from: under(from), to: under(start)});
  }
  from = Math.max(from, end);
}
return {gaps, screen: innerHeight};
"""


@pytest.mark.slow
def test_no_stretch_of_more_than_two_screens_without_a_picture(driver, base_url):
    """In the built page at 1280×900, the longest scroll from the article's top, between pictures,
    and to its end is at most two screens (900 px each).

    A picture is: any visible image at least 48 px tall (figures, the "Imagine…" drawing),
    a video (clip), a widget (``.dl-widget``), an inline ``svg[role=img]``, or a table that is
    not a code listing (tables carry the worked numbers and the "Good, bad, and fixes" and
    "Remember" summaries). Not a picture: code blocks, display formulas, admonitions, and
    collapsed ``details`` boxes (closed, they are one line tall, so they barely add to a gap;
    what is inside them is not seen until opened, so it does not count).
    Prints a table of each chapter's longest gap, with the heading of the section it starts in
    and of the one it ends in (the last h1-h3 above each end).
    """
    rows = []
    try:
        for path in CHAPTERS:
            show(driver, base_url + url(path), DESKTOP)
            scroll_through(driver)  # lazy images load and take their size
            driver.execute_script(RENDER_ALL)
            measured = driver.execute_script(GAPS)
            longest = max(measured["gaps"], key=lambda gap: gap["px"], default={"px": 0, "from": "", "to": ""})
            where = longest["from"] if longest["from"] == longest["to"] else f"{longest['from']} → {longest['to']}"
            rows.append((path, longest["px"] / measured["screen"], where))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    table = "\n".join(
        [f"{'chapter':<34} {'longest gap':>11}  from the section it starts in → the one it ends in", "-" * 100]
        + [
            f"{path:<34} {screens:>8.2f} sc  {heading}{'   <-- too long' if screens > MAX_GAP_SCREENS else ''}"
            for path, screens, heading in rows
        ]
    )
    print(table)
    too_long = [row for row in rows if row[1] > MAX_GAP_SCREENS]
    assert not too_long, (
        f"{len(too_long)} chapters have a stretch over {MAX_GAP_SCREENS} screens without a picture:\n{table}"
    )
