"""Drive the built site in Debian's Chromium, headless, the way a reader's browser sees it.

Shared by tests/test_browser.py, tests/test_accessibility.py and scripts/bench/site.py:

- ``serve(site)`` serves a folder on 127.0.0.1 (a free port) from a thread;
- ``chromium(tmp)`` starts Chromium through Debian's chromedriver, with DevTools performance
  logging on and every host but 127.0.0.1 blocked (a safety net: the tests still fail when
  a page *tries* to reach another host);
- ``Visit`` loads one page, scrolls through it (so lazy images load) and reads what the
  browser did: requests, failures, console messages, response sizes.
"""

import contextlib
import functools
import json
import threading
import time
import xml.etree.ElementTree as ET
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOST = "127.0.0.1"
# Headless Chromium reports a device with no mouse ("(hover)" does not match). Readers on a
# desktop have one, and Material adapts to it (it makes wide code blocks keyboard-scrollable
# only where hover exists), so the tests browse as a desktop with a mouse.
DESKTOP = "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4"


# ---------------------------------------------------------------- serving the site


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server that does not print a line per request."""

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(site, handler=QuietHandler):
    """Serve the folder ``site`` on 127.0.0.1 at a free port; yield the root URL."""
    server = ThreadingHTTPServer((HOST, 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def site_pages(site):
    """Every page of the built site, as paths relative to its root ("", "first-steps/perceptron/")."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [
        urlparse(loc.text.strip()).path
        for loc in ET.parse(Path(site) / "sitemap.xml").getroot().findall("s:url/s:loc", ns)
    ]
    root = min(locs, key=len)  # the home page; the site may live below a path (GitHub Pages)
    return [loc[len(root) :] for loc in locs]


# ---------------------------------------------------------------- the browser


def chromium(user_data_dir, width=1280, height=900):
    """Headless Chromium via Debian's chromedriver; only 127.0.0.1 may be reached."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [DESKTOP, f"--user-data-dir={user_data_dir}", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Network.enable", {})
    # First matching pattern wins: our own server is allowed, everything else is blocked.
    driver.execute_cdp_cmd(
        "Network.setBlockedURLs",
        {
            "urlPatterns": [
                {"urlPattern": f"*://{HOST}:*/*", "block": False},
                {"urlPattern": "*://*:*/*", "block": True},
            ]
        },
    )
    drain(driver)
    return driver


def drain(driver):
    """Forget the DevTools and console logs collected so far."""
    driver.get_log("performance")
    driver.get_log("browser")


def emulate(driver, **features):
    """Emulate CSS media features, e.g. ``emulate(driver, prefers_reduced_motion="reduce")``."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": name.replace("_", "-"), "value": value} for name, value in features.items()]},
    )


SCROLL_THROUGH = """
const done = arguments[arguments.length - 1];
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
  // Bring every picture and clip the reader could see into view, as a reader scrolling
  // down would (lazy images load, clips start), then go to the very bottom.
  const seen = [...document.querySelectorAll("img, video")].filter((el) => el.checkVisibility());
  for (const element of seen) {
    element.scrollIntoView({block: "center"});
    await pause(40);
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  await pause(40);
  // wait (at most 5 s) for every image the reader could now see to finish loading
  const visible = () => [...document.images].filter((img) => img.checkVisibility());
  for (let i = 0; i < 50 && visible().some((img) => !img.complete); i++) await pause(100);
  window.scrollTo(0, 0);
  done(true);
})();
"""


def scroll_through(driver):
    """Scroll down the page past every picture (lazy images load, clips start), then back to the top."""
    driver.execute_async_script(SCROLL_THROUGH)


def wait_for(condition, timeout=10.0, interval=0.1):
    """Poll ``condition()`` until it returns something truthy; return it (or the last value)."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > end:
            return value
        time.sleep(interval)


class Visit:
    """What the browser did while loading one page and scrolling through it."""

    def __init__(self, driver, url, scroll=True):
        self.url = url
        drain(driver)
        driver.get(url)
        wait_for(lambda: driver.execute_script("return document.readyState") == "complete")
        if scroll:
            scroll_through(driver)
        time.sleep(0.2)  # let the last responses finish
        self.console = driver.get_log("browser")
        self.events = [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]
        self.requests = {}  # requestId -> {"url", "type", "status", "mime", "bytes", "failed"}
        for event in self.events:
            params = event.get("params", {})
            request = self.requests.get(params.get("requestId"))
            if event["method"] == "Network.requestWillBeSent":
                self.requests.setdefault(
                    params["requestId"],
                    {
                        "url": params["request"]["url"],
                        "type": params.get("type"),
                        "status": None,
                        "mime": None,
                        "bytes": 0,
                        "failed": None,
                    },
                )
            elif request is None:
                continue
            elif event["method"] == "Network.responseReceived":
                request["status"] = params["response"]["status"]
                request["mime"] = params["response"]["mimeType"]
            elif event["method"] == "Network.loadingFinished":
                request["bytes"] = params["encodedDataLength"]
            elif event["method"] == "Network.loadingFailed":
                request["failed"] = params.get("blockedReason") or params.get("errorText") or "failed"
                request["canceled"] = params.get("canceled", False)

    def web_requests(self):
        """Requests over http(s) or ws(s): not data:, blob: or chrome: URLs."""
        return [r for r in self.requests.values() if urlparse(r["url"]).scheme in ("http", "https", "ws", "wss")]

    def off_host(self):
        """URLs the page tried to fetch from any host but 127.0.0.1."""
        return sorted({r["url"] for r in self.web_requests() if urlparse(r["url"]).hostname != HOST})

    def failures(self):
        """Requests that failed or got an HTTP error.

        A clip's download that the browser itself cancels (it reads the first bytes for
        ``preload="metadata"``, then stops) is not a failure.
        """
        bad = []
        for r in self.web_requests():
            if r["failed"] and not (r.get("canceled") and r["type"] == "Media"):
                bad.append(f"{r['url']}: {r['failed']}")
            elif r["status"] is not None and r["status"] >= 400:
                bad.append(f"{r['url']}: HTTP {r['status']}")
        return bad

    def console_errors(self):
        return [entry["message"] for entry in self.console if entry["level"] == "SEVERE"]

    def transfer_bytes(self, exclude_mime=("video/mp4",)):
        """Bytes that came over the wire (compressed, with headers), videos excluded."""
        return sum(r["bytes"] for r in self.web_requests() if r["mime"] not in exclude_mime)


def scheme(driver):
    """The colour scheme the page shows: "default" (light) or "slate" (dark)."""
    return driver.execute_script("return document.body.getAttribute('data-md-color-scheme')")


def switch_scheme(driver, wanted):
    """Click the header's light/dark toggle until the page shows ``wanted``; Material remembers it."""
    from selenium.webdriver.common.by import By

    for _ in range(3):
        if scheme(driver) == wanted:
            return
        toggle = [
            label
            for label in driver.find_elements(By.CSS_SELECTOR, "form[data-md-component=palette] label")
            if label.is_displayed()
        ]
        assert toggle, "the light/dark toggle is not visible in the header"
        toggle[0].click()
        wait_for(lambda: scheme(driver) == wanted, 2)
    assert scheme(driver) == wanted, f"the toggle did not switch the page to {wanted!r}"
