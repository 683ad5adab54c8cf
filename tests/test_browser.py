"""The built site in a real browser (Debian's Chromium, headless), page by page.

One browser for the whole module. Every page of the sitemap is loaded once and scrolled
through (``visits``); the tests then read what the browser did. The interactive checks
(animations, search, theme toggle, tabs) follow. Screenshots of a chapter in both themes
go to build/screenshots/ for a person to look at.
"""

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser import Visit, emulate, scheme, site_pages, switch_scheme, wait_for
from tests.pages import ROOT

pytestmark = pytest.mark.slow

SCREENSHOTS = ROOT / "build" / "screenshots"
CHAPTER = "first-steps/perceptron/"  # the model chapter: figures, a clip, math, tabs


@pytest.fixture(scope="module")
def pages(built_site):
    site, _ = built_site
    return site_pages(site)


PAGE_FACTS = r"""
const content = document.querySelector(".md-content");
const text = (root) => {
  const copy = root.cloneNode(true);
  copy.querySelectorAll("pre, code, math, script").forEach((el) => el.remove());
  return copy.textContent;
};
return {
  arithmatex: document.querySelectorAll(".arithmatex").length,
  untypeset: [...document.querySelectorAll(".arithmatex")].filter((el) => !el.querySelector(":scope > math")).length,
  mathErrors: document.querySelectorAll(".arithmatex merror, .temml-error").length,
  rawMath: (text(content).match(/\\\(|\\\[|\$\$/g) || []).length,
  brokenImages: [...document.images]
    .filter((img) => img.checkVisibility() && !(img.complete && img.naturalWidth > 0))
    .map((img) => img.getAttribute("src")),
  codeBlocks: document.querySelectorAll(".md-content pre > code").length,
};
"""

# Material gives a code block its copy button when the block comes into view (content.lazy
# in mkdocs.yml): show each one as a reader would (open its box, choose its tab, scroll to
# it), then count the buttons.
SHOW_EVERY_CODE_BLOCK = r"""
const done = arguments[arguments.length - 1];
const frames = () => new Promise((next) => requestAnimationFrame(() => requestAnimationFrame(next)));
const blocks = [...document.querySelectorAll(".md-content pre > code")];
const mounted = (code) => code.parentElement.querySelector(":scope > .md-code__nav > button[data-md-type=copy]");
const show = (code) => {
  for (let el = code; el; el = el.parentElement) {
    if (el.tagName === "DETAILS") el.open = true;
    if (el.classList.contains("tabbed-block")) {
      const index = [...el.parentElement.children].indexOf(el);
      el.closest(".tabbed-set").querySelectorAll(":scope > input")[index].checked = true;
    }
  }
};
(async () => {
  // quickly: every box open, the k-th tab of every set chosen, the page scrolled through
  document.querySelectorAll(".md-content details").forEach((box) => (box.open = true));
  const sets = [...document.querySelectorAll(".md-content .tabbed-set")];
  const tabs = Math.max(1, ...sets.map((set) => set.querySelectorAll(":scope > input").length));
  for (let k = 0; k < tabs; k++) {
    sets.forEach((set) => { const input = set.querySelectorAll(":scope > input")[k]; if (input) input.checked = true; });
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await frames();
    }
  }
  // then one by one, any block still not seen (inside nested tabs)
  for (const code of blocks.filter((code) => !mounted(code))) {
    show(code);
    code.scrollIntoView({block: "center"});
    await frames();
  }
  await frames();
  done(blocks.filter(mounted).length);
})();
"""


@pytest.fixture(scope="module")
def visits(driver, base_url, pages):
    """Load every page once, scroll through it, and keep what the browser saw."""
    seen = {}
    for page in pages:
        visit = Visit(driver, base_url + page)
        visit.facts = driver.execute_script(PAGE_FACTS)
        visit.facts["copyButtons"] = driver.execute_async_script(SHOW_EVERY_CODE_BLOCK)
        seen[page or "(home)"] = visit
    return seen


def test_the_sitemap_lists_every_page(pages):
    assert "" in pages and CHAPTER in pages and "reference/code/" in pages


def test_no_page_logs_a_console_error(visits):
    errors = {page: visit.console_errors() for page, visit in visits.items() if visit.console_errors()}
    assert not errors


def test_no_request_fails(visits):
    failed = {page: visit.failures() for page, visit in visits.items() if visit.failures()}
    assert not failed


def test_every_request_stays_on_this_machine(visits):
    """The browser also blocks other hosts, as a safety net; a page that *tries* still fails here."""
    other = {page: visit.off_host() for page, visit in visits.items() if visit.off_host()}
    assert not other
    assert all(visit.web_requests() for visit in visits.values())


def test_math_is_typeset(visits):
    problems = {}
    for page, visit in visits.items():
        facts = visit.facts
        if facts["untypeset"] or facts["mathErrors"] or facts["rawMath"]:
            problems[page] = {key: facts[key] for key in ("arithmatex", "untypeset", "mathErrors", "rawMath")}
    assert not problems
    assert visits[CHAPTER].facts["arithmatex"] > 10


def test_every_visible_image_loads(visits):
    broken = {page: visit.facts["brokenImages"] for page, visit in visits.items() if visit.facts["brokenImages"]}
    assert not broken


def test_every_code_block_has_a_copy_button_when_shown(visits):
    missing = {
        page: f"{visit.facts['copyButtons']} of {visit.facts['codeBlocks']}"
        for page, visit in visits.items()
        if visit.facts["copyButtons"] != visit.facts["codeBlocks"]
    }
    assert not missing
    assert visits[CHAPTER].facts["codeBlocks"] >= 3


# ---------------------------------------------------------------- animations


CLIP_STATE = """
const figure = document.querySelectorAll("figure.dl-anim")[arguments[0]];
const video = figure.querySelector("video"), button = figure.querySelector(".dl-anim__toggle");
const track = video.querySelector("track[kind=captions]");
return {paused: video.paused, time: video.currentTime, poster: video.getAttribute("poster"),
        track: track && track.getAttribute("src"), trackLoaded: track && track.readyState === 2,
        cues: track && track.track.cues ? track.track.cues.length : 0,
        label: button.textContent.trim()};
"""


def pages_with_clips(site, pages):
    return [page for page in pages if 'class="dl-anim"' in (site / page / "index.html").read_text()]


def test_animations_play_on_screen_and_pause_with_the_button(driver, base_url, pages, built_site):
    emulate(driver, prefers_reduced_motion="no-preference")
    with_clips = pages_with_clips(built_site[0], pages)
    assert CHAPTER in with_clips
    for page in with_clips:
        driver.get(base_url + page)
        for index, figure in enumerate(driver.find_elements(By.CSS_SELECTOR, "figure.dl-anim")):
            where = f"{page} clip {index + 1}"
            state = driver.execute_script(CLIP_STATE, index)
            assert state["poster"] and state["track"], f"{where}: needs a poster and a captions track"
            video = figure.find_element(By.TAG_NAME, "video")
            if driver.execute_script("return arguments[0].getBoundingClientRect().top > innerHeight", video):
                assert state["paused"], f"{where}: plays before the reader scrolls to it"
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", video)
            playing = wait_for(
                lambda: (lambda s: not s["paused"] and s["time"] > 0 and s)(driver.execute_script(CLIP_STATE, index)), 8
            )
            assert playing, f"{where}: does not play when scrolled into view"
            assert playing["trackLoaded"] and playing["cues"] > 0, f"{where}: the captions did not load"
            assert playing["label"] == "Pause"
            figure.find_element(By.CSS_SELECTOR, ".dl-anim__toggle").click()
            paused = wait_for(
                lambda: (lambda s: s["paused"] and s["label"] == "Play" and s)(
                    driver.execute_script(CLIP_STATE, index)
                ),
                3,
            ) or driver.execute_script(CLIP_STATE, index)
            assert paused["paused"], f"{where}: the Pause button did not pause it"
            assert paused["label"] == "Play", f"{where}: button not updated"
            time.sleep(0.5)
            assert driver.execute_script(CLIP_STATE, index)["paused"], f"{where}: started again by itself"


def test_animations_wait_for_the_reader_under_reduced_motion(driver, base_url):
    emulate(driver, prefers_reduced_motion="reduce")
    try:
        driver.get(base_url + CHAPTER)
        assert driver.execute_script("return matchMedia('(prefers-reduced-motion: reduce)').matches")
        video = driver.find_element(By.CSS_SELECTOR, "figure.dl-anim video")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", video)
        time.sleep(1.5)
        state = driver.execute_script(CLIP_STATE, 0)
        assert state["paused"] and state["time"] == 0, "the clip started by itself under reduced motion"
        assert state["label"] == "Play"
        driver.find_element(By.CSS_SELECTOR, "figure.dl-anim .dl-anim__toggle").click()
        assert wait_for(lambda: not driver.execute_script(CLIP_STATE, 0)["paused"], 5), "Play does not play it"
    finally:
        emulate(driver, prefers_reduced_motion="no-preference")


# ---------------------------------------------------------------- site-wide features


def test_a_link_to_a_section_lands_on_its_heading(driver, base_url, pages):
    """Off-screen text is laid out lazily (site.css); page.js makes #section links land exactly."""
    wrong = []
    for page, section in [(CHAPTER, "the-math-corner"), (CHAPTER, "remember")] + [
        (page, "try-it-yourself") for page in pages if page.count("/") == 2 and not page.startswith("reference/")
    ][:4]:
        driver.get("about:blank")
        driver.get(f"{base_url}{page}#{section}")
        time.sleep(0.8)
        top, at_bottom = driver.execute_script(
            "const h = document.getElementById(arguments[0]); return [h.getBoundingClientRect().top,"
            " Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight]",
            section,
        )
        if not (0 <= top <= 120 or at_bottom and 0 <= top < driver.execute_script("return innerHeight")):
            wrong.append(f"{page}#{section}: the heading is {top:.0f} px from the top")
    assert not wrong


def test_search_finds_the_perceptron(driver, base_url):
    driver.get(base_url)
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    driver.find_element(
        By.CSS_SELECTOR, "label.md-header__button[for=__search]"
    ).click() if not box.is_displayed() else box.click()
    wait_for(box.is_displayed, 3)
    box.send_keys("perceptron")
    hit = wait_for(
        lambda: [
            a.get_attribute("href")
            for a in driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")
            if "first-steps/perceptron/" in (a.get_attribute("href") or "")
        ],
        15,
    )
    assert hit, "searching for 'perceptron' does not list the perceptron chapter"
    box.send_keys(Keys.ESCAPE)


FIGURE_VARIANTS = """
return [...document.querySelectorAll(".md-content img[src*='#only-']")].map((img) => ({
  src: img.getAttribute("src"), visible: img.checkVisibility(),
  loaded: img.complete && img.naturalWidth > 0}));
"""


def figures_in(driver, scheme_name):
    """Scroll through, then check the variant for this scheme is the visible, loaded one."""
    driver.execute_async_script(
        "const done = arguments[0]; (async () => {"
        " for (const img of document.querySelectorAll(\".md-content img[src*='#only-']\")) {"
        "  if (img.checkVisibility()) { img.scrollIntoView(); await new Promise((r) => setTimeout(r, 150)); } }"
        " for (let i = 0; i < 50 && [...document.images].some((img) => img.checkVisibility() && !img.complete); i++)"
        "  await new Promise((r) => setTimeout(r, 100));"
        " done(); })();"
    )
    wanted = "#only-dark" if scheme_name == "slate" else "#only-light"
    problems = []
    variants = driver.execute_script(FIGURE_VARIANTS)
    for image in variants:
        should_show = image["src"].endswith(wanted)
        if image["visible"] != should_show:
            problems.append(f"{image['src']} is {'shown' if image['visible'] else 'hidden'} in {scheme_name}")
        if should_show and not image["loaded"]:
            problems.append(f"{image['src']} did not load in {scheme_name}")
    return variants, problems


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")  # scrolling down keeps Material's "Back to top" away
    time.sleep(0.2)
    driver.execute_script("document.querySelector('#see-it').scrollIntoView()")
    time.sleep(0.4)
    driver.save_screenshot(str(SCREENSHOTS / name))


def test_theme_toggle_switches_scheme_and_figures_follow(driver, base_url):
    driver.get(base_url + CHAPTER)
    try:
        for wanted in ("default", "slate"):
            switch_scheme(driver, wanted)
            driver.refresh()  # the choice is remembered across pages and reloads
            assert scheme(driver) == wanted
            variants, problems = figures_in(driver, wanted)
            assert len(variants) >= 2 and not problems
            screenshot(driver, f"perceptron-{'light' if wanted == 'default' else 'dark'}.png")
    finally:
        switch_scheme(driver, "default")


MATH_LOOK = """
const done = arguments[arguments.length - 1];
const boxes = [...document.querySelectorAll("div.arithmatex")];
boxes[0].scrollIntoView({block: "center"});
document.fonts.ready.then(() => requestAnimationFrame(() => done({
  font: [...document.fonts].some((f) => f.family === "STIX2" && f.status === "loaded"),
  formulas: [...document.querySelectorAll(".md-content .arithmatex > math")].slice(0, 40).map((math) => {
    const box = math.getBoundingClientRect(), text = getComputedStyle(math.closest("p, li, td, div.arithmatex"));
    return {width: box.width, height: box.height, color: getComputedStyle(math).color, text: text.color,
            font: getComputedStyle(math).fontFamily};
  }).filter((f) => f.width || f.height),
})));
"""


@pytest.mark.parametrize("wanted", ["default", "slate"])
def test_math_is_drawn_in_the_math_font_in_both_themes(driver, base_url, wanted):
    """Formulas are drawn by the browser from MathML, in the site's math font, in the text's colour."""
    driver.get(base_url + CHAPTER)
    try:
        switch_scheme(driver, wanted)
        look = driver.execute_async_script(MATH_LOOK)
        assert look["font"], "the math font (STIX Two Math, served by the site) did not load"
        assert len(look["formulas"]) > 5
        for formula in look["formulas"]:
            assert formula["font"].startswith("STIX2")
            assert formula["color"] == formula["text"], "a formula is not in the colour of the text around it"
            assert formula["height"] > 8 and formula["width"] > 0
        screenshot(driver, f"perceptron-math-{'light' if wanted == 'default' else 'dark'}.png")
    finally:
        switch_scheme(driver, "default")


def test_a_figure_opens_large_when_clicked(driver, base_url):
    driver.get(base_url + CHAPTER)
    link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "a.glightbox") if a.is_displayed())
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".glightbox-container .gslide-image img"), 5), (
        "clicking a figure does not open the zoomed view"
    )
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)


def test_linked_tabs_switch_together(driver, base_url, pages, built_site):
    site, _ = built_site
    counts = {page: (site / page / "index.html").read_text().count('class="tabbed-set') for page in pages}
    page = max(counts, key=counts.get)
    assert counts[page] >= 1
    driver.get(base_url + page)
    chosen = """
    return [...document.querySelectorAll(".tabbed-set")].map((set) => {
      const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")].map((l) => l.textContent.trim());
      const inputs = [...set.querySelectorAll(":scope > input")];
      return {labels, chosen: labels[inputs.findIndex((input) => input.checked)]};
    }).filter((set) => set.labels.join("|") === "NumPy|PyTorch");
    """
    sets = driver.execute_script(chosen)
    assert sets and all(s["chosen"] == "NumPy" for s in sets)
    label = next(
        tab
        for tab in driver.find_elements(By.CSS_SELECTOR, ".tabbed-set .tabbed-labels > label")
        if tab.text.strip() == "PyTorch"
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()
    try:
        assert wait_for(lambda: all(s["chosen"] == "PyTorch" for s in driver.execute_script(chosen)), 3), (
            f"{page}: not every NumPy|PyTorch tab set switched to PyTorch"
        )
    finally:
        numpy = next(
            tab
            for tab in driver.find_elements(By.CSS_SELECTOR, ".tabbed-set .tabbed-labels > label")
            if tab.text.strip() == "NumPy"
        )
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", numpy)
        numpy.click()
