"""Accessibility: axe-core on every page in both themes, and text alternatives for every picture.

axe-core comes from npm (package.json, installed by scripts/setup.sh) and is injected into
each page in Chromium. A page passes when axe reports nothing except the few findings in
THEME_ALLOWLIST, which belong to the theme itself, and only on the theme's own elements.
Colour contrast is never allowed: when it fails, fix docs/assets/stylesheets/site.css.
"""

import re

import pytest
from bs4 import BeautifulSoup

from tests.browser import site_pages, switch_scheme, wait_for
from tests.pages import DOCS, ROOT

pytestmark = pytest.mark.slow

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# rule id -> (CSS selector the finding must be on, why it is allowed)
THEME_ALLOWLIST = {
    "landmark-unique": (
        ".md-code__nav, .md-sidebar .md-nav",
        "Material wraps each code block's copy button in an unlabelled <nav>, and labels each "
        "nested table-of-contents list with its heading's text, so repeated labels repeat.",
    ),
    "empty-table-header": (
        "th:has(math)",
        "a column header that is a formula: screen readers read its MathML, which axe does not count as text.",
    ),
}


RUN_AXE = """
const allowlist = arguments[0], done = arguments[arguments.length - 1];
const allowed = (rule, target) => {
  const element = allowlist[rule] && document.querySelector(target[target.length - 1]);
  return Boolean(element && element.closest(allowlist[rule]));
};
axe.run(document, {resultTypes: ["violations"]}).then((result) => done(result.violations.map((v) => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map((n) => ({target: n.target.join(" "), allowed: allowed(v.id, n.target),
                              summary: n.failureSummary})),
}))));
"""


# site.css lets the browser skip rendering text far off screen (content-visibility: auto);
# axe cannot judge the colours of what is not rendered, so everything is rendered first.
RENDER_ALL = """
if (!document.getElementById("render-all")) document.head.insertAdjacentHTML("beforeend",
  '<style id="render-all">* { content-visibility: visible !important; }</style>');
"""


# page.js makes a wide formula, table, code block or notebook cell keyboard-scrollable when it comes near
# the screen, so the page is scrolled past each first, as a reader (or a keyboard user) would.
SCROLLERS = re.search(r'const SCROLLERS = "(.*?)";', (DOCS / "assets" / "javascripts" / "page.js").read_text())[1]
VISIT_FORMULAS = """
const done = arguments[arguments.length - 1];
(async () => {
  for (const box of document.querySelectorAll(arguments[0])) {
    box.scrollIntoView({block: "center"});
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  window.scrollTo(0, 0);
  done();
})();
"""
FORMULAS_MEASURED = """
return [...document.querySelectorAll(arguments[0])]
  .every((box) => box.scrollWidth <= box.clientWidth || box.hasAttribute("tabindex"));
"""


def axe_findings(driver):
    """axe's violations on the current page, with each node marked allowed or not."""
    driver.execute_script(RENDER_ALL)
    driver.execute_async_script(VISIT_FORMULAS, SCROLLERS)
    wait_for(lambda: driver.execute_script(FORMULAS_MEASURED, SCROLLERS), 3)  # if not, axe reports it
    if "axe" not in driver.execute_script("return Object.keys(window)"):
        driver.execute_script(AXE.read_text())
    allowed = {rule: selector for rule, (selector, _) in THEME_ALLOWLIST.items()}
    return driver.execute_async_script(RUN_AXE, allowed)


@pytest.fixture(scope="module")
def axe_results(driver, base_url, built_site):
    """{(scheme, page): violations} for every page in both colour schemes."""
    assert AXE.exists(), f"axe-core is missing from {AXE}: run `npm ci` (scripts/setup.sh does)"
    site, _ = built_site
    results = {}
    for scheme in ("default", "slate"):
        driver.get(base_url)
        switch_scheme(driver, scheme)  # Material remembers the choice for the next pages
        for page in site_pages(site):
            driver.get(base_url + page)
            assert driver.execute_script("return document.body.getAttribute('data-md-color-scheme')") == scheme
            results[(scheme, page or "(home)")] = axe_findings(driver)
    driver.get(base_url)
    switch_scheme(driver, "default")
    return results


def test_axe_finds_nothing_beyond_the_theme_allowlist(axe_results):
    problems = []
    for (scheme, page), violations in axe_results.items():
        for violation in violations:
            for node in violation["nodes"]:
                if not node["allowed"]:
                    problems.append(
                        f"[{scheme}] {page}: {violation['id']} ({violation['impact']}): "
                        f"{violation['help']} at {node['target']}\n    {node['summary']}"
                    )
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


def test_colour_contrast_passes_in_both_themes(axe_results):
    assert "color-contrast" not in THEME_ALLOWLIST
    failing = [
        (scheme, page, node["target"])
        for (scheme, page), violations in axe_results.items()
        for violation in violations
        if violation["id"] == "color-contrast"
        for node in violation["nodes"]
    ]
    assert not failing
    assert {scheme for scheme, _ in axe_results} == {"default", "slate"}


def test_axe_really_runs(driver, base_url):
    """A page with a known problem gets flagged, so an empty result means something."""
    driver.get(base_url)
    driver.execute_script("""
      const img = document.createElement("img"); img.src = "figures/none.png"; img.id = "no-alt";
      document.querySelector(".md-content").appendChild(img);""")
    ids = {violation["id"] for violation in axe_findings(driver)}
    assert "image-alt" in ids


def test_allowlist_entries_explain_themselves():
    for rule, (selector, reason) in THEME_ALLOWLIST.items():
        assert selector and len(reason.split()) >= 10, rule


def test_every_table_cell_has_a_header(built_site):
    """In a table with an empty top-left cell ("Good, bad, and fixes"), each row starts with a row
    header: the cells of the first column are labelled too (axe td-has-header, which Lighthouse
    runs). The hook that makes them is scripts/hooks/quality.py."""
    site, _ = built_site
    bad, checked = [], 0
    for page, html in built_pages(site).items():
        for table in html.select("article table:not(.highlighttable)"):
            corner = table.select_one("thead tr > :first-child")
            if corner is None or corner.get_text(strip=True):
                continue
            checked += 1
            for row in table.select("tbody tr"):
                first = row.find(["td", "th"])
                if not (first.name == "th" and first.get("scope") == "row"):
                    bad.append(f"{page}: row {first.get_text(' ', strip=True)[:30]!r} has no header")
    assert not bad, "\n".join(bad)
    assert checked >= 30  # every chapter's "Good, bad, and fixes"


# ---------------------------------------------------------------- text alternatives


def built_pages(site):
    """{page: its parsed HTML} for every page of the sitemap."""
    return {
        page or "(home)": BeautifulSoup((site / page / "index.html").read_text(), "html.parser")
        for page in site_pages(site)
    }


def is_file_name(text):
    return bool(re.fullmatch(r"[\w./-]+\.(png|svg|jpe?g|gif|webp|mp4)", text.strip(), re.IGNORECASE))


def test_every_image_has_meaningful_alt_text(built_site):
    site, _ = built_site
    bad, checked = [], 0
    for page, html in built_pages(site).items():
        for image in html.select("article img"):  # the content, not the theme's chrome
            checked += 1
            alt = (image.get("alt") or "").strip()
            if len(alt.split()) < 5 or is_file_name(alt):
                bad.append(f"{page}: {image.get('src')} has alt {alt!r}")
    assert not bad, "images need an alt text of at least five words saying what they show:\n" + "\n".join(bad)
    assert checked >= 2


def test_every_clip_has_a_caption_and_a_step_by_step_description(built_site):
    site, _ = built_site
    clips = 0
    bad = []
    for page, html in built_pages(site).items():
        for figure in html.select("figure.dl-anim"):
            clips += 1
            caption = figure.find("figcaption")
            if not caption or len(caption.get_text(" ").split()) < 5:
                bad.append(f"{page}: a clip without a figcaption of at least five words")
            described_by = figure.find("video", attrs={"aria-describedby": True})
            if not (described_by and caption and described_by["aria-describedby"] == caption.get("id")):
                bad.append(f"{page}: the video is not described by its figcaption (aria-describedby)")
            following = (e for e in figure.find_all_next(["details", "h2"]) if all(p is not figure for p in e.parents))
            details = next(following, None)  # a <details> before the next section starts
            summary = details.find("summary", recursive=False) if details and details.name == "details" else None
            if not (summary and summary.get_text().startswith("What the animation shows") and details.find("li")):
                bad.append(f"{page}: a clip without a 'What the animation shows' list after it")
    assert clips >= 1
    assert not bad, "\n".join(bad)


def test_the_alt_text_check_rejects_file_names():
    assert is_file_name("perceptron-learning.svg") and not is_file_name("Four panels show the line")
