"""The clip player in a real browser: the captions as text under the video, and step controls.

The browser would draw the captions over the bottom of the frame, where the clips put their
conclusion. The player (scripts/hooks/videos.py, animations.js, player.css) hides them and
shows the current cue as text under the video instead, with buttons to play or pause,
replay, and step to the previous or next cue. The expected texts and times are read from
the clip's .vtt file here, by a small parser of our own, not from the browser.
"""

import html
import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser import emulate, wait_for

pytestmark = pytest.mark.slow

CHAPTER = "first-steps/perceptron/"  # the model chapter, with one clip
PHONE = 390  # CSS px, the width of a common phone
TIME = r"(?:(\d+):)?(\d+):(\d+\.\d+)"


def seconds(stamp):
    """A WebVTT timestamp in seconds.

    >>> seconds("00:00:17.208"), seconds("01:02.5")
    (17.208, 62.5)
    """
    hours, minutes, secs = re.fullmatch(TIME, stamp).groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)


def parse_vtt(text):
    """The cues of a WebVTT file as (start, end, text), the text as a reader sees it.

    >>> parse_vtt("WEBVTT\\n\\n1\\n00:00:00.000 --> 00:00:03.000\\nOne &amp; <b>two</b>\\nthree\\n")
    [(0.0, 3.0, 'One & two three')]
    """
    cues = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue  # the header, or a NOTE
        start, end = re.match(rf"\s*({TIME})\s+-->\s+({TIME})", lines[timing]).group(1, 5)
        words = html.unescape(re.sub(r"<[^>]+>", "", " ".join(lines[timing + 1 :]))).split()
        cues.append((seconds(start), seconds(end), " ".join(words)))
    return cues


STATE = """
const figure = document.querySelector("figure.dl-anim"), video = figure.querySelector("video");
const cue = figure.querySelector(".dl-anim__cue");
return {paused: video.paused, time: video.currentTime, controls: video.controls,
        modes: [...video.textTracks].map((track) => track.mode),
        cues: video.textTracks[0].cues ? video.textTracks[0].cues.length : 0,
        step: cue.querySelector(".dl-anim__step").textContent.trim(),
        text: cue.querySelector(".dl-anim__text").textContent.replace(/\\s+/g, " ").trim(),
        live: cue.classList.contains("dl-anim__cue--live"),
        focused: [...document.activeElement.classList].filter((name) => name.startsWith("dl-anim__")).pop()};
"""


@pytest.fixture(scope="module")
def cues(built_site):
    """The cues of the chapter's clip, from the .vtt file its <track> points to."""
    site, _ = built_site
    page = (site / CHAPTER / "index.html").read_text()
    src = re.search(r'<figure class="dl-anim">.*?<track [^>]*src="([^"]+)"', page, re.DOTALL)[1]
    found = parse_vtt((site / CHAPTER / src).resolve().read_text())
    assert len(found) >= 3, "the clip needs at least three cues to test stepping"
    return found


def state(driver):
    return driver.execute_script(STATE)


def open_clip(driver, url, motion="no-preference"):
    """Load the page, bring the clip on screen, and wait until its cue list has loaded."""
    emulate(driver, prefers_reduced_motion=motion)
    driver.get(url)
    figure = driver.find_element(By.CSS_SELECTOR, "figure.dl-anim")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", figure)
    assert wait_for(lambda: state(driver)["cues"] and state(driver)["step"], 5), "the cue list did not load"
    return figure


def pause_at(driver, seconds_in):
    driver.execute_script(
        "const v = document.querySelector('figure.dl-anim video'); v.pause(); v.currentTime = arguments[0];", seconds_in
    )
    wait_for(lambda: abs(state(driver)["time"] - seconds_in) < 0.01, 3)


def click(figure, name):
    figure.find_element(By.CSS_SELECTOR, f".dl-anim__{name}").click()


def at(driver, seconds_in):
    """Wait until the clip is at ``seconds_in`` (a seek has landed); return the state."""
    return wait_for(lambda: (lambda s: abs(s["time"] - seconds_in) < 0.01 and s)(state(driver)), 3) or state(driver)


def test_nothing_is_drawn_over_the_frame(driver, base_url):
    open_clip(driver, base_url + CHAPTER)
    time.sleep(1.0)  # the clip plays for a moment; the browser must not switch the captions on
    now = state(driver)
    assert not now["paused"], "the clip does not play on screen"
    assert now["modes"] == ["hidden"], "the browser draws the captions over the frame"
    assert not now["controls"], "the browser's own controls (and their captions) are still shown"
    shown = driver.execute_script(
        "return [...document.querySelectorAll('figure.dl-anim > .dl-anim__cue, figure.dl-anim > .dl-anim__controls')]"
        ".map((el) => el.checkVisibility())"
    )
    assert shown == [True, True], "the cue box and the control bar are not shown"


def test_the_cue_box_shows_the_cue_being_played(driver, base_url, cues):
    open_clip(driver, base_url + CHAPTER)
    for k, (start, end, text) in enumerate(cues):
        pause_at(driver, (start + end) / 2)
        now = wait_for(lambda: (lambda s: s["text"] == text and s)(state(driver)), 3) or state(driver)
        assert now["text"] == text, f"inside cue {k + 1} the box shows {now['text']!r}"
        assert now["step"] == f"Step {k + 1} of {len(cues)}"
        assert now["live"], f"cue {k + 1} is not highlighted while it plays"


def test_between_two_cues_the_last_one_stays(driver, base_url, cues):
    """Between two cues, or after the last one, the box keeps the last cue (no flicker), unlit."""
    open_clip(driver, base_url + CHAPTER)
    duration = driver.execute_script("return document.querySelector('figure.dl-anim video').duration")
    ends = [end for _, end, _ in cues]
    starts = [start for start, _, _ in cues[1:]] + [duration]
    # a gap of at least two frames (24 fps), so a seek lands inside it
    gaps = [(k, end, start) for k, (end, start) in enumerate(zip(ends, starts)) if start - end > 0.1]
    if not gaps:
        pytest.skip("this clip has no pause between its cues, nor after the last one")
    for k, end, start in gaps:
        pause_at(driver, (end + start) / 2)
        now = wait_for(lambda: (lambda s: not s["live"] and s)(state(driver)), 3) or state(driver)
        assert (now["text"], now["live"]) == (cues[k][2], False), f"after cue {k + 1}: {now}"


def test_next_previous_and_replay_move_through_the_cues(driver, base_url, cues):
    figure = open_clip(driver, base_url + CHAPTER)
    pause_at(driver, (cues[0][0] + cues[0][1]) / 2)
    click(figure, "next")
    assert at(driver, cues[1][0])["time"] == pytest.approx(cues[1][0], abs=0.01)
    click(figure, "next")
    now = at(driver, cues[2][0])
    assert now["time"] == pytest.approx(cues[2][0], abs=0.01) and now["text"] == cues[2][2]
    assert now["paused"], "stepping started a paused clip"
    click(figure, "previous")
    assert at(driver, cues[1][0])["time"] == pytest.approx(cues[1][0], abs=0.01)
    click(figure, "toggle")
    assert wait_for(lambda: not state(driver)["paused"], 3), "Play does not play it"
    click(figure, "next")
    assert wait_for(lambda: cues[2][0] - 0.01 <= state(driver)["time"] < cues[2][1], 3)
    assert not state(driver)["paused"], "stepping stopped a playing clip"
    pause_at(driver, cues[-1][0] + 0.1)
    click(figure, "replay")
    # the cue box follows the track's cuechange event, a moment after the seek: wait for both
    replayed = wait_for(
        lambda: (lambda s: not s["paused"] and s["time"] < cues[0][1] and s["text"] == cues[0][2] and s)(state(driver)),
        3,
    )
    assert replayed, f"Replay did not go back to the start, play and show the first cue: {state(driver)}"


def test_the_buttons_work_from_the_keyboard(driver, base_url, cues):
    open_clip(driver, base_url + CHAPTER)
    pause_at(driver, (cues[0][0] + cues[0][1]) / 2)
    # Focus what comes just before the player in the Tab order, then Tab into it.
    driver.execute_script("""
      const focusable = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
        .filter((el) => el.tabIndex >= 0 && el.checkVisibility() && !el.disabled);
      const first = document.querySelector("figure.dl-anim .dl-anim__toggle");
      focusable[focusable.indexOf(first) - 1].focus();""")
    order = []
    for _ in range(4):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        order.append(state(driver)["focused"])
    assert order == ["dl-anim__toggle", "dl-anim__replay", "dl-anim__previous", "dl-anim__next"]
    driver.switch_to.active_element.send_keys(Keys.ENTER)  # Next step
    assert at(driver, cues[1][0])["time"] == pytest.approx(cues[1][0], abs=0.01), "Enter on Next step"
    driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.SPACE)  # Previous step
    assert at(driver, cues[0][0])["time"] == pytest.approx(cues[0][0], abs=0.01), "Space on Previous step"
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert at(driver, cues[1][0])["time"] == pytest.approx(cues[1][0], abs=0.01), "the right arrow key"


def test_under_reduced_motion_nothing_plays_but_the_reader_can_step(driver, base_url, cues):
    try:
        figure = open_clip(driver, base_url + CHAPTER, motion="reduce")
        time.sleep(1.5)
        now = state(driver)
        assert now["paused"] and now["time"] == 0, "the clip started by itself under reduced motion"
        assert (now["text"], now["step"]) == (cues[0][2], f"Step 1 of {len(cues)}"), (
            "the first cue is not shown before playing"
        )
        click(figure, "next")
        now = at(driver, cues[1][0])
        assert now["time"] == pytest.approx(cues[1][0], abs=0.01) and now["text"] == cues[1][2]
        time.sleep(0.5)
        assert state(driver)["paused"], "stepping started the clip under reduced motion"
    finally:
        emulate(driver, prefers_reduced_motion="no-preference")


PHONE_LAYOUT = """
const figure = document.querySelector("figure.dl-anim");
const column = document.querySelector(".md-content__inner").getBoundingClientRect();
const box = (el) => el.getBoundingClientRect();
const parts = [figure.querySelector(".dl-anim__cue"), figure.querySelector(".dl-anim__controls"),
               ...figure.querySelectorAll("button")];
return {page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        outside: parts.filter((el) => box(el).left < column.left - 0.5 || box(el).right > column.right + 0.5)
                      .map((el) => el.className),
        small: [...figure.querySelectorAll("button")].filter((b) => box(b).width < 44 || box(b).height < 44)
                      .map((b) => b.className)};
"""


def test_the_player_fits_a_phone(driver, base_url):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": PHONE, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        open_clip(driver, base_url + CHAPTER)
        layout = driver.execute_script(PHONE_LAYOUT)
        scroll_width, width = layout["page"]
        assert width == PHONE and scroll_width <= width, f"the page scrolls sideways at {PHONE} px: {layout['page']}"
        assert not layout["outside"], f"outside the content column at {PHONE} px: {layout['outside']}"
        assert not layout["small"], f"buttons smaller than 44 x 44 px (a fingertip): {layout['small']}"
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
