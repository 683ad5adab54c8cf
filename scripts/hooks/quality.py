"""MkDocs hook: small fixes to the HTML that the accessibility and speed checks asked for.

tests/test_accessibility.py runs axe-core on every page and scripts/bench/site.py runs
Lighthouse; these are the findings that are cheaper to fix here than to allow:

* Material's search dialog and page-loading bar have no accessible name
  (axe ``aria-dialog-name``, ``aria-progressbar-name``): they get an ``aria-label``.
* A table whose top-left header cell is empty (the chapters' "Good, bad, and fixes"
  table starts ``| | what happens | ...``) has a header that labels nothing
  (axe ``empty-table-header``): an empty header cell becomes an ordinary empty cell.
* Scripts load with ``defer``, so the browser shows the page before it runs the theme's
  JavaScript (Lighthouse: first contentful paint about 0.6 s sooner on a slow phone).
  Deferred scripts still run in order, before ``DOMContentLoaded``; the one inline script
  that needs them (GLightbox's set-up) waits for that event.
"""

import logging
import re

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.quality")

LABELS = {
    '<div class="md-search" data-md-component="search" role="dialog"':
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search"',
    '<div class="md-progress" data-md-component="progress" role="progressbar"':
        '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="Loading the page"',
}

EMPTY_HEADER = re.compile(r"<th(?P<attrs>[^>]*)>\s*</th>")
SCRIPT = re.compile(r'<script (?P<attrs>[^>]*\bsrc="[^"]+"[^>]*)></script>')
GLIGHTBOX_INIT = re.compile(r'(<script id="init-glightbox">)(.*?)(</script>)', re.DOTALL)


def on_page_content(html, page, config, files):
    return EMPTY_HEADER.sub(lambda m: f"<td{m['attrs']}></td>", html)


@event_priority(-50)
def on_post_page(output, page, config):
    output = SCRIPT.sub(defer, output)
    output = GLIGHTBOX_INIT.sub(lambda m: f'{m[1]}addEventListener("DOMContentLoaded", () => {{{m[2]}}});{m[3]}',
                                output)
    for before, after in LABELS.items():
        if before in output:
            output = output.replace(before, after, 1)
        elif page.file.src_uri != "404.md":
            log.info(f"{page.file.src_uri}: the theme's HTML changed, no {before!r} to label")
    return output


def defer(match):
    attrs = match["attrs"]
    if re.search(r"\b(defer|async)\b|type=\"module\"", attrs):
        return match[0]
    return f"<script {attrs} defer></script>"
