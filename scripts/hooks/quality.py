"""MkDocs hook: the fixes asked for by the accessibility and speed checks that the theme cannot make.

tests/test_accessibility.py runs axe-core on every page and scripts/bench/site.py runs
Lighthouse. Most of their findings are fixed in the theme (overrides/: the search dialog's
and the loading bar's names, ``defer`` on the theme's scripts). Two are not the theme's:

* A table whose top-left header cell is empty (the chapters' "Good, bad, and fixes"
  table starts ``| | what happens | ...``) has a header that labels nothing
  (axe ``empty-table-header``): an empty header cell becomes an ordinary empty cell.
  The table comes from the page's Markdown, not from a template, so it is fixed in the
  page's HTML (``on_page_content``).
* The glightbox plugin adds its script and its set-up to each page *after* the theme has
  rendered it (its own ``on_post_page``), so no template can mark that script ``defer``.
  It is deferred here, like the theme's, and its set-up (an inline script, which needs it)
  waits for ``DOMContentLoaded``; deferred scripts run in order before that event.
"""

import re

from mkdocs.plugins import event_priority

EMPTY_HEADER = re.compile(r"<th(?P<attrs>[^>]*)>\s*</th>")
SCRIPT = re.compile(r'<script (?P<attrs>[^>]*\bsrc="[^"]+"[^>]*)></script>')
GLIGHTBOX_INIT = re.compile(r'(<script id="init-glightbox">)(.*?)(</script>)', re.DOTALL)


def on_page_content(html, page, config, files):
    return EMPTY_HEADER.sub(lambda m: f"<td{m['attrs']}></td>", html)


@event_priority(-50)  # after the glightbox plugin has added its scripts
def on_post_page(output, page, config):
    output = SCRIPT.sub(defer, output)
    return GLIGHTBOX_INIT.sub(lambda m: f'{m[1]}addEventListener("DOMContentLoaded", () => {{{m[2]}}});{m[3]}', output)


def defer(match):
    attrs = match["attrs"]
    if re.search(r"\b(defer|async)\b|type=\"module\"", attrs):
        return match[0]
    return f"<script {attrs} defer></script>"
