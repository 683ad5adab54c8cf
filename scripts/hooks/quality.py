"""MkDocs hook: the fixes asked for by the accessibility and speed checks that the theme cannot make.

tests/test_accessibility.py runs axe-core on every page and scripts/bench/site.py runs
Lighthouse. Most of their findings are fixed in the theme (overrides/: the search dialog's
name, ``defer`` on the theme's scripts). Three are not the theme's:

* A table whose top-left header cell is empty (the chapters' "Good, bad, and fixes"
  table starts ``| | what happens | ...``) has a header that labels nothing
  (axe ``empty-table-header``): an empty header cell becomes an ordinary empty cell. The
  first cell of each of its rows ("👍 Few weights", ...) then names the row: it becomes a
  row header, so every cell has a header (axe ``td-has-header``, in Lighthouse).
  The table comes from the page's Markdown, not from a template, so it is fixed in the
  page's HTML (``on_page_content``).
* The glightbox plugin adds its script and its set-up to each page *after* the theme has
  rendered it (its own ``on_post_page``), so no template can mark that script ``defer``.
  It is deferred here, and its set-up (an inline script, which needs Material's
  ``document$``) waits for ``dl:scripts``, the event the theme's loader fires once
  Material's and the site's scripts have run (overrides/main.html).
* Material's palette stylesheet turns every transition off while the colours switch
  (``[data-md-color-switching] *``). Material sets and removes that attribute on the body at
  every page load too, not only on a switch, and each time the browser must restyle the whole
  page, inside Material's start-up task (two full restyles of a chapter on a phone, Lighthouse's
  blocking time). ``on_post_build`` takes that one rule out of the published copy, so the
  attribute costs nothing; the only change a reader can see is that a theme switch fades
  (Material's own colour transitions, 0.25 s) instead of jumping.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

EMPTY_HEADER = re.compile(r"<th(?P<attrs>[^>]*)>\s*</th>")
TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
EMPTY_CORNER = re.compile(r"<thead>\s*<tr>\s*<th[^>]*>\s*</th>")
FIRST_CELL = re.compile(r"(<tr>\s*)<td(?P<attrs>[^>]*)>(?P<text>.*?)</td>", re.DOTALL)
SCRIPT = re.compile(r'<script (?P<attrs>[^>]*\bsrc="[^"]+"[^>]*)></script>')
GLIGHTBOX_INIT = re.compile(r'(<script id="init-glightbox">)(.*?)(</script>)', re.DOTALL)


def on_page_content(html, page, config, files):
    html = TABLE.sub(row_headers, html)
    return EMPTY_HEADER.sub(lambda m: f"<td{m['attrs']}></td>", html)


def row_headers(match):
    """A table with an empty top-left cell: the first cell of each body row becomes its header.

    >>> row_headers(TABLE.search("<table><thead><tr><th></th><th>b</th></tr></thead>"
    ...                          "<tbody><tr><td>x</td><td>1</td></tr></tbody></table>"))
    '<table><thead><tr><th></th><th>b</th></tr></thead><tbody><tr><th scope="row">x</th><td>1</td></tr></tbody></table>'
    """
    table = match[0]
    if not EMPTY_CORNER.search(table) or "<tbody>" not in table:
        return table
    head, body = table.split("<tbody>", 1)
    return f"{head}<tbody>" + FIRST_CELL.sub(lambda m: f'{m[1]}<th scope="row"{m["attrs"]}>{m["text"]}</th>', body)


@event_priority(-50)  # after the glightbox plugin has added its scripts
def on_post_page(output, page, config):
    output = SCRIPT.sub(defer, output)
    return GLIGHTBOX_INIT.sub(
        lambda m: f'{m[1]}document.addEventListener("dl:scripts", () => {{{m[2]}}}, {{once: true}});{m[3]}', output
    )


def defer(match):
    attrs = match["attrs"]
    if re.search(r"\b(defer|async)\b|type=\"module\"", attrs):
        return match[0]
    return f"<script {attrs} defer></script>"


# The rule as Material 9.8 publishes it (minified); the build fails if it is not found, so a
# new Material version that changes it is noticed.
SWITCHING = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def on_post_build(config):
    sheets = list((Path(config["site_dir"]) / "assets" / "stylesheets").glob("palette.*.min.css"))
    if len(sheets) != 1:
        raise PluginError(f"expected one Material palette stylesheet, found {sheets}")
    css = sheets[0].read_text()
    if "[data-md-color-switching]" not in css:
        return  # already taken out (a rebuild that did not copy the file again)
    if SWITCHING not in css:
        raise PluginError(f"{sheets[0].name} has a new colour-switching rule: update SWITCHING in quality.py")
    sheets[0].write_text(css.replace(SWITCHING, ""))
