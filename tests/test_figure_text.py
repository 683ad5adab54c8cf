"""Figure text a reader can read: at least 12 CSS px on a desktop, 9 px on a phone.

Figures are SVGs with their glyphs drawn as shapes (``svg.fonttype = "path"``): matplotlib
writes each piece of text as a group ``scale(s -s)`` with ``s`` = font size in points / 100.
The browser shows the SVG at some width; the text's size on screen is its size in the file
times that shrink (or stretch). This test loads every page that has figures in Chromium at
1280 px and at 390 px, and for the picture each ``<img>`` really shows (``currentSrc``: the
narrow variant on a phone) works out its smallest text in CSS px. On the phone every figure
must show its narrow variant (``NAME.narrow.svg``, ``NAME.narrow.dark.svg``), drawn for it.
"""

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser import Visit, chromium, site_pages

pytestmark = pytest.mark.slow

WIDTHS = {1280: 12.0, 390: 9.0}  # window width -> smallest text allowed, CSS px
NARROW = re.compile(r"\.narrow(\.dark)?\.svg$")
GLYPH_SCALE = re.compile(r"scale\((?P<s>[0-9.]+) -(?P=s)\)")

SHOWN = """
return [...document.querySelectorAll('.md-content img')]
  .filter((img) => img.checkVisibility() && /figures\\/[^/]+\\.svg/.test(img.currentSrc))
  .map((img) => ({src: img.currentSrc, shown: img.getBoundingClientRect().width, natural: img.naturalWidth}));
"""


def smallest_font_pt(svg_text):
    """The smallest font size (points) of any text in a matplotlib SVG.

    >>> smallest_font_pt('<g transform="translate(1 2) scale(0.11 -0.11)"/><g transform="scale(0.095 -0.095)"/>')
    9.5
    """
    sizes = [float(m["s"]) * 100 for m in GLYPH_SCALE.finditer(svg_text)]
    return min(sizes) if sizes else None


def text_sizes(driver, url, site):
    """(figure file, smallest text in CSS px) for every figure shown on the page at ``url``."""
    Visit(driver, url)  # loads the page and scrolls, so lazy figures load
    sizes = []
    for img in driver.execute_script(SHOWN):
        path = Path(site) / urlparse(img["src"]).path.lstrip("/")
        font_pt = smallest_font_pt(path.read_text())
        if font_pt is None or not img["natural"]:
            continue
        sizes.append((path.name, font_pt * 4 / 3 * img["shown"] / img["natural"]))
    return sizes


@pytest.fixture(scope="module")
def measured(built_site, base_url, tmp_path_factory):
    """{window width: [(page, figure, px)]} for every figure on every page."""
    site, _ = built_site
    pages = [p for p in site_pages(site) if "figures/" in (Path(site) / p / "index.html").read_text()]
    result = {}
    for width in WIDTHS:
        driver = chromium(tmp_path_factory.mktemp(f"chromium-{width}"), width=max(width, 800), height=900)
        if width < 800:  # headless windows are at least 500 px wide: emulate the phone instead
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 844, "deviceScaleFactor": 3, "mobile": True},
            )
        try:
            result[width] = [
                (page, name, px) for page in pages for name, px in text_sizes(driver, base_url + page, site)
            ]
        finally:
            driver.quit()
    return result


@pytest.mark.parametrize("width", WIDTHS)
def test_figure_text_is_readable(measured, width):
    rows = measured[width]
    assert rows, "no figure was measured"
    small = sorted({(name, round(px, 1)) for _, name, px in rows if px < WIDTHS[width]}, key=lambda r: r[1])
    assert not small, f"figure text under {WIDTHS[width]} px at {width} px wide: {small}"


def test_phones_get_the_narrow_variant_and_desktops_the_wide_one(measured):
    """``<picture>`` picks ``NAME.narrow.svg`` at 390 px and ``NAME.svg`` at 1280 px (dark twins alike)."""
    wide = sorted({(page, name) for page, name, _ in measured[1280] if ".narrow" in name})
    assert not wide, f"a desktop shows a phone variant: {wide}"
    missing = sorted({(page, name) for page, name, _ in measured[390] if not NARROW.search(name)})
    assert not missing, f"no narrow variant shown on a 390-px phone (draw(theme, layout) makes one): {missing}"
