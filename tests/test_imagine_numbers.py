"""The "Imagine…" drawings of the losses, training and CNN chapters tell the truth in numbers.

tests/test_first_screen.py checks every drawing's form (small, self-contained, labelled,
placed under "In one sentence"). This file checks what some of them *count*: where a drawing
shows a number of things (the squares of a stencil, the hops of a stride, the clerks at a
desk, the bars of a guess), that number is the chapter's own, computed by ``site_src``; and
where an alt text says a number, it is the same one. The drawings mark what is counted with
ids (``<g id="clerks-1">``), so these tests do not depend on where things are drawn.
"""

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from site_src.examples import convolution, pooling, stride
from site_src.pooling import pool2d
from site_src.projects.digits_cnn import build_network, shapes
from tests.chapters.facts import number_word, page_text
from tests.pages import DOCS

IMAGINE = DOCS / "assets" / "images" / "imagine"
NS = {"svg": "http://www.w3.org/2000/svg"}
PAGES = [f"{part}/{page.stem}" for part in ("losses", "training", "cnn") for page in sorted((DOCS / part).glob("*.md"))]
# the palette of STYLE.md's drawings: scripts/style/palette.py's dark theme and its neutrals
PALETTE = {"#1f2330", "#eceff4", "#aab1bf", "#3b4252", "#56b4e9", "#e69f00", "#ff6b6b", "#f0e442"}
PALETTE |= {"#2ec4a0", "#e391c8", "#8c93a1", "none"}


def word(n):
    """number_word, and the one larger number these alt texts write in words."""
    return "sixteen" if n == 16 else number_word(n)


def drawing(page):
    """The parsed SVG of a page's "Imagine…" picture."""
    return ET.parse(IMAGINE / f"{page.replace('/', '-')}.svg").getroot()


def alt(page):
    """The alt text of the page's "Imagine…" picture, as the Markdown writes it."""
    source = (DOCS / f"{page}.md").read_text()
    (text,) = re.findall(r"!\[([^\]]*)\]\(\.\./assets/images/imagine/[\w-]+\.svg\)", source)
    return text


def by_id(root, name):
    found = root.find(f".//*[@id='{name}']")
    assert found is not None, f"no element with id {name!r}"
    return found


def rects(element):
    return element.findall(".//svg:rect", NS)


def cells(group):
    """(rows, columns, cell size) of a grid drawn as equal squares."""
    boxes = [(float(r.get("x")), float(r.get("y")), float(r.get("width"))) for r in rects(group)]
    sizes = {w for _, _, w in boxes}
    assert len(sizes) == 1, f"cells of different sizes: {sizes}"
    return len({y for _, y, _ in boxes}), len({x for x, _, _ in boxes}), sizes.pop()


@pytest.mark.parametrize("page", PAGES)
def test_drawing_uses_only_the_palette_and_readable_text(page):
    root = drawing(page)
    assert root.get("viewBox") == "0 0 480 320" and (root.get("width"), root.get("height")) == ("480", "320")
    card = rects(root)[0]
    assert (card.get("width"), card.get("height"), card.get("fill")) == ("480", "320", "#1f2330")
    for element in root.iter():
        for name in ("fill", "stroke"):
            if element.get(name):
                assert element.get(name).lower() in PALETTE, f"{page}: {name}={element.get(name)}"
        if element.get("font-size"):
            assert float(element.get("font-size")) >= 22, f"{page}: text under 22 px"
        assert not element.tag.endswith(("Gradient", "filter")), f"{page}: {element.tag}"
    assert len((IMAGINE / f"{page.replace('/', '-')}.svg").read_bytes()) < 6 * 1024


def test_convolution_stencil_picture_and_notebook_have_the_chapters_sizes():
    root = drawing("cnn/convolution")
    rows, cols, size = cells(by_id(root, "picture"))
    assert (rows, cols) == convolution.IMAGE.shape == (5, 5)
    stencil = by_id(root, "stencil")
    k = convolution.KERNEL.shape
    assert (float(stencil.get("height")) / size, float(stencil.get("width")) / size) == k
    assert cells(by_id(root, "feature-map"))[:2] == convolution.feature_map().shape
    assert f"{k[0]} by {k[1]} stencil" in alt("cnn/convolution")


def test_padding_border_of_zeros_and_stencil():
    root = drawing("cnn/padding")
    rows, cols, size = cells(by_id(root, "picture"))
    zeros = by_id(root, "zeros").findall("svg:text", NS)
    assert {z.text for z in zeros} == {"0"}
    p = convolution.PAD
    # a border p wide all round a rows x cols picture
    assert len(zeros) == (rows + 2 * p) * (cols + 2 * p) - rows * cols
    stencil = by_id(root, "stencil")
    k = convolution.KERNEL.shape[0]
    assert float(stencil.get("width")) / size == k
    # its centre is on the picture's corner pixel: it starts p cells outside the picture
    picture_left = min(float(r.get("x")) for r in rects(by_id(root, "picture")))
    assert (picture_left - float(stencil.get("x"))) / size == p == (k - 1) // 2
    assert f"{k} by {k} stencil" in alt("cnn/padding")


def test_stride_stops_are_a_kernel_wide_and_a_stride_apart():
    root = drawing("cnn/stride")
    _, _, size = cells(by_id(root, "picture"))
    stops = sorted(float(r.get("x")) for r in root.iter(f"{{{NS['svg']}}}rect") if r.get("class") == "stop")
    widths = {float(r.get("width")) / size for r in root.iter(f"{{{NS['svg']}}}rect") if r.get("class") == "stop"}
    assert widths == {stride.K}
    assert {round((b - a) / size) for a, b in zip(stops, stops[1:])} == {stride.STRIDE}
    text = alt("cnn/stride")
    assert f"hops {number_word(stride.STRIDE)} squares" in text and f"{stride.K} by {stride.K} stencil" in text


def test_pooling_tables_and_report():
    root = drawing("cnn/pooling")
    tables = by_id(root, "tables")
    children = tables.findall("svg:circle", NS)
    n_tables = len(rects(tables))
    report = pool2d(pooling.FEATURE_MAP, size=pooling.SIZE)
    assert len(children) == pooling.FEATURE_MAP.size == 16
    assert n_tables == report.size == len(children) // pooling.SIZE**2
    assert cells(by_id(root, "report"))[:2] == report.shape
    text = alt("cnn/pooling")
    assert f"{word(len(children)).capitalize()} children" in text
    assert f"{number_word(n_tables)} tables of {number_word(pooling.SIZE**2)}" in text
    assert f"{word(report.size)} squares instead of {word(pooling.FEATURE_MAP.size)}" in text


def test_whole_cnn_clerks_are_the_filters_and_the_judge_scores_every_digit():
    stages = shapes(build_network(), np.zeros((1, 1, 8, 8)))
    filters = [shape[0] for name, shape in stages if name == "Conv2D"]
    root = drawing("cnn/whole-cnn")
    clerks = [len(by_id(root, f"clerks-{n}").findall("svg:circle", NS)) for n in (1, 2)]
    assert clerks == filters == [8, 16]
    assert len(rects(by_id(root, "scores"))) == stages[-1][1][0] == 10
    text = alt("cnn/whole-cnn")
    assert f"{word(clerks[0])} clerks at the first desk, {word(clerks[1])} at the second" in text
    for n in clerks:  # the prose's story says the same
        assert f"{word(n)} clerks" in page_text("cnn/whole-cnn")


def test_cross_entropy_bars_are_the_robots_stated_chances():
    said = re.search(r"apple (\d+)%, pear (\d+)%, banana (\d+)%", page_text("losses/cross-entropy"))
    chances = np.array([float(x) for x in said.groups()])
    assert chances.sum() == 100
    root = drawing("losses/cross-entropy")
    heights = np.array([float(by_id(root, f"bar-{fruit}").get("height")) for fruit in ("apple", "pear", "banana")])
    np.testing.assert_allclose(heights / heights.sum(), chances / 100)
