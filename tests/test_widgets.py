"""The in-page widgets: every number they show equals site_src's, and every reader can use them.

scripts/hooks/widgets.py exports, at build, reference cases computed by site_src
(``assets/widgets/cases/NAME.json``): reader actions and, after them, every number the widget
must show, written by ``scripts.style.numbers.fmt``. Here Chromium drives each widget through
its cases with the keyboard and clicks and compares the text of every ``[data-out]`` element,
so a widget whose arithmetic drifts from the Python, or that shows a number the cases do not
check, fails. Then: the JavaScript ``fmt`` against the Python one, axe in both themes, a real
390-px phone with touch, no request to another host, and the size budget.
"""

import gzip
import json
import math
import random

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

from scripts.style.numbers import fmt
from tests.browser import Visit, emulate, switch_scheme, wait_for
from tests.test_accessibility import AXE, RENDER_ALL

pytestmark = pytest.mark.slow

PAGES = {
    "perceptron": "first-steps/perceptron/",
    "descent": "learning/gradient/",
    "softmax": "activations/softmax/",
    "optimizers": "training/choosing/",
    "convolution": "cnn/convolution/",
}
BUDGET = 30 * 1024  # gzipped bytes of widget code and style per page
KEYS = {"ArrowRight": Keys.ARROW_RIGHT, "ArrowLeft": Keys.ARROW_LEFT, "Home": Keys.HOME, "End": Keys.END}


def reference(site, name):
    return json.loads((site / "assets" / "widgets" / "cases" / f"{name}.json").read_text())["cases"]


def open_widget(driver, base_url, name):
    """Load the widget's page; return its mounted box."""
    driver.get(base_url + PAGES[name])
    boxes = wait_for(
        lambda: driver.find_elements(By.CSS_SELECTOR, f'.dl-widget[data-widget="{name}"][data-mounted]'), 5
    )
    assert boxes, f"the {name} widget did not mount"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", boxes[0])
    return boxes[0]


def shown(box):
    """{name: text} of every number the widget shows."""
    return box.parent.execute_script(
        "return Object.fromEntries([...arguments[0].querySelectorAll('[data-out]')]"
        ".filter((e) => e.dataset.out !== 'live').map((e) => [e.dataset.out, e.textContent]))",
        box,
    )


def control(box, name):
    """The widget's control ``name``, scrolled to the middle of the screen (clear of the sticky header)."""
    element = box.find_element(By.CSS_SELECTOR, f'[data-control="{name}"]')
    box.parent.execute_script(
        """
      const details = arguments[0].closest("details");
      if (details && !details.open) details.querySelector("summary").click();  // as a reader opens it
      arguments[0].scrollIntoView({block: "center"});""",
        element,
    )
    return element


def type_into(element, text):
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(text)


def click_plot(driver, box, x, y):
    """Click the plot at data coordinates (x, y)."""
    svg = box.find_element(By.CSS_SELECTOR, "svg.dl-widget__plot")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
    frame = json.loads(svg.get_attribute("data-frame"))
    width, height = (
        float(v) for v in driver.execute_script("return arguments[0].getAttribute('viewBox')", svg).split()[2:]
    )
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height]", svg)
    pad, (x0, x1), (y0, y1) = frame["pad"], frame["x"], frame["y"]
    px = (pad + (x - x0) / (x1 - x0) * (width - 2 * pad)) * rect[0] / width
    py = (height - pad - (y - y0) / (y1 - y0) * (height - 2 * pad)) * rect[1] / height
    ActionChains(driver).move_to_element_with_offset(
        svg, round(px - rect[0] / 2), round(py - rect[1] / 2)
    ).click().perform()


def act(driver, box, action):
    kind, *args = action
    if kind == "click":
        control(box, args[0]).click()
    elif kind == "press":
        name, key, times = args
        control(box, name).send_keys(KEYS[key] * times)
    elif kind == "type":
        type_into(control(box, args[0]), args[1])
    elif kind == "select":
        Select(control(box, args[0])).select_by_value(args[1])
    elif kind == "add":  # typed into the form, with the keyboard
        x1, x2, target = args
        type_into(control(box, "x1"), str(x1))
        type_into(control(box, "x2"), str(x2))
        Select(control(box, "target")).select_by_value(str(target))
        control(box, "add").send_keys(Keys.ENTER)
    elif kind == "plot":
        x1, x2, target = args
        Select(control(box, "target")).select_by_value(str(target))
        click_plot(driver, box, x1, x2)
    else:
        raise ValueError(f"unknown action {action!r}")


@pytest.mark.parametrize("name", PAGES)
def test_every_shown_number_equals_site_src(driver, base_url, built_site, name):
    site, _ = built_site
    cases = reference(site, name)
    assert len(cases) >= 5
    wrong = []
    for case in cases:
        box = open_widget(driver, base_url, name)
        for action in case["actions"]:
            act(driver, box, action)
        got = shown(box)
        if got != case["expect"]:
            diff = {
                k: (case["expect"].get(k), got.get(k))
                for k in set(got) | set(case["expect"])
                if got.get(k) != case["expect"].get(k)
            }
            wrong.append(f"{case['name']}: (site_src, widget) {diff}")
    assert not wrong, f"{name}: the widget's numbers differ from site_src's:\n" + "\n".join(wrong)


def test_the_cases_really_change_the_numbers(built_site):
    """Each widget's cases reach different states, so equal numbers mean something."""
    site, _ = built_site
    for name in PAGES:
        states = {json.dumps(case["expect"], sort_keys=True) for case in reference(site, name)}
        assert len(states) >= 5, name


def test_javascript_fmt_writes_numbers_as_python_fmt(driver, base_url):
    """DLW.fmt against scripts/style/numbers.py fmt: ties, tiny numbers, signs, random numbers."""
    open_widget(driver, base_url, "softmax")
    rng = random.Random(0)
    numbers = [
        0.0,
        -0.0,
        0.125,
        0.375,
        -0.125,
        2.5,
        3.5,
        0.5,
        1.5,
        -2.5,
        0.0049999,
        0.005,
        0.015,
        0.025,
        1.005,
        -0.0001,
        3.86e-07,
        0.0534,
        1e-12,
        12345.6789,
        -9.995,
        0.1 + 0.2,
        1 / 3,
        math.pi,
    ]
    numbers += [rng.uniform(-10, 10) for _ in range(300)] + [rng.randint(-400, 400) / 8 for _ in range(200)]
    options = [
        (2, False, False, None),
        (3, False, False, None),
        (0, True, False, None),
        (1, False, True, None),
        (3, False, True, None),
        (2, True, False, None),
        (2, False, False, 0.01),
    ]
    got = driver.execute_script(
        """
      const [numbers, options] = arguments;
      return options.map(([d, sign, trim, sci]) => numbers.map((x) => DLW.fmt(x, d, {sign, trim, sciBelow: sci})));""",
        numbers,
        [list(o) for o in options],
    )
    for (digits, sign, trim, sci), texts in zip(options, got):
        expected = [fmt(x, digits, sign=sign, trim=trim, sci_below=sci) for x in numbers]
        bad = [(x, e, g) for x, e, g in zip(numbers, expected, texts) if e != g]
        assert not bad, f"fmt(digits={digits}, sign={sign}, trim={trim}, sci_below={sci}): (x, Python, JS) {bad[:5]}"


@pytest.mark.parametrize("name", PAGES)
def test_every_control_is_labelled_and_reachable_by_tab(driver, base_url, name):
    box = open_widget(driver, base_url, name)
    driver.execute_script("arguments[0].querySelectorAll('details').forEach((d) => { d.open = true; })", box)
    controls = box.find_elements(By.CSS_SELECTOR, "input, select, button")
    assert controls
    unlabelled = driver.execute_script(
        """return arguments[0].filter((e) => !(e.labels && e.labels.length) && !e.getAttribute("aria-label")
                                     && !e.textContent.trim()).map((e) => e.outerHTML);""",
        controls,
    )
    assert not unlabelled, f"{name}: unlabelled controls {unlabelled}"
    first = controls[0]
    driver.execute_script("arguments[0].focus()", first)
    reached = set()
    for _ in range(len(controls) * 2):
        reached.add(driver.execute_script("return document.activeElement.dataset.control || document.activeElement.id"))
        driver.switch_to.active_element.send_keys(Keys.TAB)
    wanted = {c.get_attribute("data-control") or c.get_attribute("id") for c in controls}
    assert wanted <= reached, f"{name}: not reachable by Tab: {wanted - reached}"


ANNOUNCED = {
    "perceptron": "w1",
    "descent": "w",
    "softmax": "p0",
    "optimizers": "Adam-loss",
    "convolution": "sum",
}  # the number each announcement must carry


@pytest.mark.parametrize("name", PAGES)
def test_numbers_are_announced_politely(driver, base_url, built_site, name):
    site, _ = built_site
    box = open_widget(driver, base_url, name)
    region = box.find_element(By.CSS_SELECTOR, "[aria-live=polite]")
    case = max(reference(site, name), key=lambda c: len(c["actions"]))
    for action in case["actions"]:
        act(driver, box, action)
    wanted = case["expect"][ANNOUNCED[name]]
    assert wait_for(lambda: wanted in region.get_attribute("textContent"), 3), (
        f"{name}: the live region says {region.get_attribute('textContent')!r}, not {wanted!r}"
    )


def test_nothing_moves_by_itself_with_reduced_motion(driver, base_url):
    emulate(driver, prefers_reduced_motion="reduce")
    try:
        for name in PAGES:
            box = open_widget(driver, base_url, name)
            before = shown(box)
            driver.execute_script("return new Promise((r) => setTimeout(r, 1200))")
            assert shown(box) == before, name
    finally:
        emulate(driver, prefers_reduced_motion="no-preference")


def test_axe_finds_nothing_in_the_widgets_in_both_themes(driver, base_url):
    problems = []
    for scheme in ("default", "slate"):
        driver.get(base_url)
        switch_scheme(driver, scheme)
        for name in PAGES:
            open_widget(driver, base_url, name)
            driver.execute_script(RENDER_ALL)
            if "axe" not in driver.execute_script("return Object.keys(window)"):
                driver.execute_script(AXE.read_text())
            violations = driver.execute_async_script("""
              const done = arguments[arguments.length - 1];
              axe.run(document.querySelector(".dl-widget[data-mounted]"), {resultTypes: ["violations"]})
                .then((r) => done(r.violations.map(
                  (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(", ")}`)));""")
            problems += [f"[{scheme}] {name}: {v}" for v in violations]
    driver.get(base_url)
    switch_scheme(driver, "default")
    assert not problems, "\n".join(problems)


def tap(driver, element):
    """A finger's tap at the element's centre (touch events, as on a phone)."""
    x, y = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]", element
    )
    for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def test_a_390_px_phone_fits_the_widgets_and_taps_work(driver, base_url, built_site):
    site, _ = built_site
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}
    )
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        for name in PAGES:
            box = open_widget(driver, base_url, name)
            assert driver.execute_script("return window.innerWidth") == 390
            assert driver.execute_script("return document.documentElement.scrollWidth") <= 390, (
                f"{name}: the page scrolls sideways"
            )
            right = driver.execute_script("return arguments[0].getBoundingClientRect().right", box)
            assert right <= 390, f"{name}: the widget is wider than the phone"
            small = driver.execute_script(
                """
              return [...arguments[0].querySelectorAll("input, select, button")]
                .filter((e) => e.getBoundingClientRect().height < 24).map((e) => e.dataset.control);""",
                box,
            )
            assert not small, f"{name}: controls under 24 px tall on a phone: {small}"
            smallest = driver.execute_script(
                """
              return Math.min(...[...arguments[0].querySelectorAll("svg text")]
                .map((t) => t.getBoundingClientRect().height).filter((h) => h > 0));""",
                box,
            )
            assert smallest >= 9, f"{name}: plot text {smallest:.1f} px tall on a phone"
        box = open_widget(driver, base_url, "perceptron")
        step = next(case for case in reference(site, "perceptron") if case["name"] == "one step")
        tap(driver, control(box, "step"))
        assert wait_for(lambda: shown(box) == step["expect"], 3), shown(box)
        tap(driver, control(box, "reset"))
        count = shown(box)["count"]
        tap(driver, box.find_element(By.CSS_SELECTOR, "svg.dl-widget__plot"))
        assert wait_for(lambda: shown(box)["count"] == str(int(count) + 1), 3), "a tap on the plot adds no fruit"
    finally:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("name", PAGES)
def test_widget_pages_load_cleanly_from_this_host_only(driver, base_url, name):
    """No request to another host at all; no failed request or console error from the widgets
    (the rest of the page is tests/test_browser.py's business)."""
    visit = Visit(driver, base_url + PAGES[name])
    assert not visit.off_host()
    assert not [f for f in visit.failures() if "/widgets/" in f]
    assert not [e for e in visit.console_errors() if "/widgets/" in e or "DLW" in e]
    assert driver.find_elements(By.CSS_SELECTOR, f'.dl-widget[data-widget="{name}"][data-mounted]')


def test_a_widget_page_reached_by_a_link_mounts_its_widget(driver, base_url):
    """From one widget page to the next by the page's own link: the new widget mounts, whole."""
    driver.get(base_url + PAGES["perceptron"])
    link = driver.find_element(By.CSS_SELECTOR, f'a[href$="{PAGES["descent"].split("/")[1]}/"]')
    driver.execute_script("arguments[0].click()", link)
    boxes = wait_for(
        lambda: driver.find_elements(By.CSS_SELECTOR, '.dl-widget[data-widget="descent"][data-mounted]'), 5
    )
    assert boxes
    assert len(boxes[0].find_elements(By.CSS_SELECTOR, "svg.dl-widget__plot")) == 2  # the curve and the bowl's map
    assert driver.execute_script("return performance.getEntriesByType('navigation').length") == 1


def test_only_widget_pages_load_widget_code(built_site):
    site, _ = built_site
    for page in site.rglob("index.html"):
        html = page.read_text()
        has = 'class="dl-widget"' in html
        assert has == ("assets/widgets/widgets.js" in html), page


@pytest.mark.parametrize("name", PAGES)
def test_widget_code_fits_the_budget(built_site, name):
    site, _ = built_site
    html = (site / PAGES[name] / "index.html").read_text()
    files = ["widgets.js", "widgets.css", f"{name}.js"]
    assert all(f"assets/widgets/{f}" in html for f in files)
    size = sum(len(gzip.compress((site / "assets" / "widgets" / f).read_bytes(), 9)) for f in files)
    assert size <= BUDGET, f"{name}: {size} bytes gzipped"


def test_without_javascript_the_figure_stays_and_the_widget_hides(built_site):
    site, _ = built_site
    css = (site / "assets" / "widgets" / "widgets.css").read_text()
    assert ".dl-widget:not([data-mounted]) { display: none; }" in css
    for name, page in PAGES.items():
        html = (site / page / "index.html").read_text()
        before = html[: html.index(f'data-widget="{name}"')]
        figure = max(before.rfind("<img"), before.rfind("<video"))
        assert figure > before.rfind("<h2"), f"{name}: no static figure or clip right before the widget"
